"""Dates: the formats of a column, detected from the values, parsed row by row.

A column is never parsed with a mix of day-first and month-first guesses: every candidate
format is tried on a sample, the best ones on the whole column, and the one that parses
the most values wins (ties go to the earlier, more common format). Values it cannot read
get the best of the formats that cannot contradict it (a file whose hand-edited rows say
``30-oct-09`` and whose others say LinkedIn's own ``01 Dec 2016`` reads both; a day-first
column never takes a month-first format). Values no format reads are reported by the
caller, row by row.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import pandas as pd

logger = logging.getLogger(__name__)

_SAMPLE = 200
_LONGEST = 64
_PROBE = 20
_EXAMPLE_DAY = dt.datetime(2023, 11, 7, 14, 3, 22)
_EARLIEST = np.datetime64("1900-01-01T00:00:00")
_LATEST = np.datetime64("2100-12-31T23:59:59")
_NAT = np.datetime64("NaT", "ns")

# Order matters: on a tie the earlier format wins (US order before day-first for slashes,
# because LinkedIn writes month-first; day-first for dots, as Excel in Europe does).
CONNECTED_ON = (
    "%d %b %Y", "%m/%d/%y, %I:%M %p", "%d-%b-%y", "%d.%m.%Y", "%d-%b-%Y", "%d %B %Y",
    "%Y-%m-%d", "%m/%d/%Y", "%d/%m/%Y", "%m/%d/%y", "%d/%m/%y", "%d.%m.%y",
    "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M", "%m/%d/%Y, %I:%M %p", "%b %d, %Y", "%Y/%m/%d",
)
TIMESTAMP = (
    "%Y-%m-%d %H:%M:%S UTC", "%Y/%m/%d %H:%M:%S UTC", "%m/%d/%y, %I:%M %p",
    "%Y-%m-%d %H:%M:%S", "%a %b %d %H:%M:%S UTC %Y", "%m/%d/%Y, %I:%M %p",
    "%m/%d/%Y %H:%M", "%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M", "%Y-%m-%d", "%m/%d/%y",
    "%m/%d/%Y", "%d/%m/%Y", "%d %b %Y",
)
MONTH_YEAR = ("%b %Y", "%Y", "%B %Y", "%m/%Y", "%Y-%m")
USER_DATE = (
    "%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%m/%d/%Y", "%d/%m/%Y",
    "%d.%m.%Y", "%Y/%m/%d", "%d-%b-%y", "%d-%b-%Y", "%m/%d/%y", "%d/%m/%y", "%Y-%m",
    "%b %Y", "%Y",
)
# Formats that may share one column (no day/month ambiguity between them).
COMBINABLE = {"%b %Y", "%Y", "%B %Y"}

_LABELS = {
    "%d %b %Y": "DD Mon YYYY", "%m/%d/%y, %I:%M %p": "M/D/YY, h:mm AM",
    "%d-%b-%y": "D-Mon-YY", "%d.%m.%Y": "DD.MM.YYYY", "%Y-%m-%d %H:%M:%S UTC":
    "YYYY-MM-DD HH:MM:SS UTC", "%Y/%m/%d %H:%M:%S UTC": "YYYY/MM/DD HH:MM:SS UTC",
    "%b %Y": "Mon YYYY", "%Y": "YYYY", "%Y-%m-%d": "YYYY-MM-DD", "%m/%d/%Y": "MM/DD/YYYY",
    "%d/%m/%Y": "DD/MM/YYYY", "%m/%d/%y": "MM/DD/YY", "%d/%m/%y": "DD/MM/YY",
}


@dataclass(frozen=True)
class Dates:
    """A parsed column: values, the format(s) used and which values did not parse."""

    array: np.ndarray  # datetime64[ns], NaT where empty or bad
    format: str  # strptime format(s) joined by " | ", "" when nothing parsed
    bad: np.ndarray  # bool: non-empty but unreadable
    default: str = "%d %b %Y"  # the most likely format, for messages when nothing parsed

    @cached_property
    def values(self) -> pd.Series:
        """``array`` as a Series (index ``0..n-1``)."""
        return pd.Series(self.array, copy=True)

    @property
    def example(self) -> str:
        """How a good value looks (in the detected format, else the most likely one)."""
        return example(self.format.split(" | ")[0] if self.format else self.default)


def example(fmt: str) -> str:
    """A sample date written in ``fmt`` (the 7th of November 2023)."""
    if fmt == "%m/%d/%y, %I:%M %p":  # LinkedIn does not zero-pad these
        return "11/7/23, 2:03 PM"
    return _EXAMPLE_DAY.strftime(fmt)


def label(fmt: str) -> str:
    """A human name for a format, e.g. ``DD Mon YYYY``."""
    return " | ".join(_LABELS.get(f, f) for f in fmt.split(" | ")) if fmt else ""


def parse_dates(values, candidates: Sequence[str]) -> Dates:
    """Detect the one format of a column of date strings and parse it.

    Parameters
    ----------
    values
        Stripped strings (a Series or an array); ``""`` means no date.
    candidates
        strptime formats, most likely first. Members of :data:`COMBINABLE` may be used
        together in one column (``Mon YYYY`` and ``YYYY`` in Positions.csv); any other
        column gets exactly one format.

    Returns
    -------
    Dates
    """
    array = _objects(values)
    filled = array != ""
    out = np.full(len(array), _NAT)
    default = candidates[0]
    if not filled.any():
        return Dates(out, "", np.zeros(len(array), dtype=bool), default)
    present = array[filled]
    head = pd.unique(present[:5000])
    # Parse each distinct value once, unless nearly all are distinct (message times).
    codes = None
    if len(head) * 2 < min(len(present), 5000):
        codes, distinct = pd.factorize(present)
        uniques = np.asarray(distinct, dtype=object)
    else:
        uniques = present
    sample = head[:_SAMPLE]

    # A cheap first pass drops formats that fit none of the first values (a regex per
    # format, then strptime on the values it lets through); pandas then scores the rest
    # on the whole sample.
    probe = sample[:_PROBE].tolist()
    plausible = [(i, f) for i, f in enumerate(candidates) if _fits_any(probe, f)] \
        or list(enumerate(candidates))
    scores = [(_count(_parse(sample, f)), -i, f) for i, f in plausible]
    scores = sorted((s for s in scores if s[0] > 0), reverse=True)
    if not scores:
        return Dates(out, "", filled.copy(), default)
    # The whole column decides between the formats that did best on the sample; if even
    # the winner leaves values unread, every format that read anything gets its chance.
    results: dict[str, np.ndarray] = {}

    def full(score: tuple[int, int, str]) -> tuple[int, int]:
        if score[2] not in results:
            results[score[2]] = _parse(uniques, score[2])
        return _count(results[score[2]]), score[1]

    best = max((s for s in scores if s[0] == scores[0][0]), key=full)
    if full(best)[0] < len(uniques):
        best = max(scores, key=full)
    parsed = results[best[2]]
    used = [best[2]]
    if best[2] in COMBINABLE and np.isnat(parsed).any():
        for fmt in candidates:
            if fmt in COMBINABLE and fmt != best[2]:
                missing = np.isnat(parsed)
                more = _parse(uniques[missing], fmt)
                if not np.isnat(more).all():
                    parsed = parsed.copy()
                    parsed[missing] = more
                    used.append(fmt)
    if np.isnat(parsed).any():  # rows in other formats that cannot contradict these
        parsed, others = _rest(uniques, parsed, candidates, used)
        used += others
    out[filled] = parsed if codes is None else parsed[codes]
    bad = filled & np.isnat(out)
    if bad.any():  # values with stray spaces (columns that were not stripped)
        spaced = np.flatnonzero(bad)
        spaced = spaced[[v != v.strip() for v in array[spaced]]]
        if len(spaced):
            again = np.array([v.strip() for v in array[spaced]], dtype=object)
            fixed = _parse(again, used[0])
            for fmt in used[1:]:
                fixed = np.where(np.isnat(fixed), _parse(again, fmt), fixed)
            out[spaced] = fixed
            bad = filled & np.isnat(out)
    fmt = " | ".join(used)
    logger.debug("dates: format %r, %d unreadable of %d", fmt, int(bad.sum()), int(filled.sum()))
    return Dates(out, fmt, bad, default)


def _rest(uniques: np.ndarray, parsed: np.ndarray, candidates: Sequence[str],
          used: list[str]) -> tuple[np.ndarray, list[str]]:
    """Parse the values ``used`` formats missed with the other candidates that agree with
    them on day and month order (the best of those first, as for a whole column)."""
    orders = {order(f) for f in used} - {""}
    allowed = [f for f in candidates if f not in used and (not orders or order(f) in orders | {""})]
    missing = np.isnat(parsed)
    if not allowed:
        return parsed, []
    rest = parse_dates(uniques[missing], allowed)
    if not rest.format:
        return parsed, []
    parsed = parsed.copy()
    parsed[missing] = rest.array
    return parsed, rest.format.split(" | ")


def order(fmt: str) -> str:
    """``"dm"`` (day before month), ``"md"``, or ``""`` when a value cannot be read two
    ways (a month name, or the year first as in ISO dates)."""
    day, month = fmt.find("%d"), fmt.find("%m")
    if day < 0 or month < 0:
        return ""
    year = max(fmt.find("%Y"), fmt.find("%y"))
    if 0 <= year < min(day, month):
        return ""
    return "dm" if day < month else "md"


def parse_format(values: pd.Series, fmt: str) -> pd.Series:
    """``pd.to_datetime`` with one format; NaT where it does not fit (or outside 1900-2100).

    Formats ending in a literal `` UTC`` are cut to their ISO prefix first so that numpy's
    ISO parser can take them (twenty times faster than strptime on 200,000 message dates).
    """
    if len(values) == 0:
        return pd.Series([], dtype="datetime64[ns]")
    return pd.Series(_parse(values.to_numpy(dtype=object), fmt), index=values.index)


def _objects(values) -> np.ndarray:
    """A Series or array of strings as an object array."""
    if isinstance(values, pd.Series):
        return values.to_numpy(dtype=object)
    return np.asarray(values, dtype=object)


def _count(parsed: np.ndarray) -> int:
    """How many values parsed (are not NaT)."""
    return len(parsed) - int(np.count_nonzero(np.isnat(parsed)))


def _parse(values: np.ndarray, fmt: str) -> np.ndarray:
    """:func:`parse_format` on an object array of str; returns datetime64[ns]."""
    if len(values) == 0:
        return np.array([], dtype="datetime64[ns]")
    if fmt == "%d %b %Y":
        # Connections.csv: "07 Nov 2023", always zero-padded; rewritten as ISO for numpy.
        fast = _day_month_year(values)
        if fast is not None:
            return fast
    if fmt == "%Y-%m-%d %H:%M:%S UTC":
        parsed = _iso_utc(values, fmt)
    elif fmt.endswith(" UTC") and "%" not in fmt[-4:]:
        head = [v[:-4] if v.endswith(" UTC") else "" for v in values]
        parsed = _to_datetime(np.array(head, dtype=object), fmt[:-4])
    else:
        parsed = _to_datetime(values, fmt)
    return _in_range(parsed)


def _to_datetime(values: np.ndarray, fmt: str) -> np.ndarray:
    """pandas' parser with one format (NaT where it does not fit), as a numpy array."""
    return np.asarray(pd.to_datetime(values, format=fmt, errors="coerce"))


def _in_range(parsed: np.ndarray) -> np.ndarray:
    """datetime64[ns], NaT outside 1900-2100 (a typo or a placeholder, and beyond 2262
    too large for nanoseconds: checked before the conversion)."""
    inside = (parsed >= _EARLIEST) & (parsed <= _LATEST)
    return np.where(inside, parsed, np.datetime64("NaT")).astype("datetime64[ns]")


_MONTHS = {m: f"{i:02d}" for i, m in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}


def _day_month_year(values: np.ndarray) -> np.ndarray | None:
    """``DD Mon YYYY`` through numpy's ISO parser; ``None`` to fall back to pandas.

    Values of another shape (``7 Nov 2023``, ``nov``) are parsed by pandas afterwards.
    """
    months = _MONTHS
    iso = [f"{v[7:]}-{months.get(v[3:6], 'xx')}-{v[:2]}" if len(v) == 11 and v[2] == " " == v[6] else ""
           for v in values]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = np.array(iso, dtype="datetime64[D]")
    except (ValueError, Warning):
        return None
    out = _days_as_ns(parsed)
    odd = np.flatnonzero(np.array([v == "" for v in iso], dtype=bool))
    if len(odd):
        series = pd.Series(out)  # pandas converts (or refuses) what its parser returns
        series.iloc[odd] = pd.to_datetime(pd.Series(values[odd], dtype=object), format="%d %b %Y",
                                          errors="coerce").to_numpy()
        out = series.to_numpy()
    inside = (out >= _EARLIEST) & (out <= _LATEST)
    return np.where(inside, out, _NAT)


def _days_as_ns(days: np.ndarray) -> np.ndarray:
    """datetime64[D] as datetime64[ns]. Days outside 1900-2100 become NaT first (a typo
    such as 2300 is a bad date of that row, and nanoseconds cannot hold it anyway)."""
    inside = (days >= _EARLIEST.astype("datetime64[D]")) & (days <= _LATEST.astype("datetime64[D]"))
    return np.where(inside, days, np.datetime64("NaT", "D")).astype("datetime64[ns]")


def _iso_utc(values: np.ndarray, fmt: str) -> np.ndarray:
    """``YYYY-MM-DD HH:MM:SS UTC`` (messages.csv): the zone cut off, then numpy's ISO
    parser; pandas for anything numpy refuses (e.g. a time zone offset)."""
    joined = "".join(values)
    if len(joined) == 23 * len(values) and joined.isascii():
        # Every value has the genuine width: cut the zone off in one numpy view.
        fixed = np.frombuffer(joined.encode("ascii"), dtype="S23")
        zone = (fixed.view("S1").reshape(-1, 23)[:, 19:] == np.frombuffer(b" UTC", "S1")).all(axis=1)
        head = fixed.astype("S19")
        head[~zone] = b""
    else:
        head = np.array([v[:19] if len(v) == 23 and v.endswith(" UTC") else "" for v in values],
                        dtype=object)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            return _as_seconds(head)
    except (ValueError, Warning):
        texts = [h.decode("ascii") if isinstance(h, bytes) else h for h in head]
        return _to_datetime(np.array(texts, dtype=object), fmt[:-4])


_CAST_CHUNK = 256


def _as_seconds(head: np.ndarray) -> np.ndarray:
    """``head.astype("datetime64[s]")``; raises ValueError on an unreadable value.

    A bytes array is cast a few hundred values at a time: numpy (2.0 to 2.4 at least)
    crashes the process when a cast of a longer bytes array meets an unreadable value.
    """
    if head.dtype.kind != "S" or len(head) <= _CAST_CHUNK:
        return head.astype("datetime64[s]")
    return np.concatenate([head[i:i + _CAST_CHUNK].astype("datetime64[s]")
                           for i in range(0, len(head), _CAST_CHUNK)])


# What strptime's own regex for each directive matches, loosened (a superset): a value
# this does not match cannot parse, so most formats are ruled out without an exception.
_LOOSE = {"d": r"\s?\d{1,2}", "m": r"\d{1,2}", "H": r"\d{1,2}", "I": r"\d{1,2}",
          "M": r"\d{1,2}", "S": r"\d{1,2}", "Y": r"\d{4}", "y": r"\d{2}",
          "b": ".*?", "B": ".*?", "a": ".*?", "A": ".*?", "p": ".*?", "%": "%"}


@cache
def _shape(fmt: str) -> re.Pattern | None:
    """A regex every value that ``strptime(value, fmt)`` accepts matches in full (case
    and whitespace runs as loose as strptime's); ``None`` for unknown directives."""
    pattern = []
    for piece in re.split(r"(%.)", fmt):
        if len(piece) == 2 and piece[0] == "%":
            if piece[1] not in _LOOSE:
                return None
            pattern.append(_LOOSE[piece[1]])
        else:
            pattern += [r"\s+" if part.isspace() else re.escape(part)
                        for part in re.split(r"(\s+)", piece) if part]
    return re.compile("".join(pattern), re.IGNORECASE)


def _fits_any(values: list[str], fmt: str) -> bool:
    """Does any value parse with ``fmt``? strptime only runs where the shape fits."""
    shape = _shape(fmt)
    for value in values:
        if len(value) > _LONGEST:  # no date is that long (and the shape's regex stays fast)
            continue
        if shape is not None and not shape.fullmatch(value):
            continue
        try:
            dt.datetime.strptime(value, fmt)
            return True
        except ValueError:
            continue
    return False
