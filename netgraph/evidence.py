"""Evidence about a tie, kept as data: what scoring found, and the words for it.

Scoring (:mod:`netgraph.score`) returns, for each tie, a tuple of :class:`Evidence`
records; the reasons a report shows, the openers a draft uses, the offers the nurture list
suggests and the ask policy in :mod:`netgraph.advice` all read these records. Nothing ever
parses a reason sentence back.

Inferred evidence (a connection made while you both worked somewhere, or while you
studied) is always worded as a guess, unless your own notes confirm it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache

import numpy as np
import pandas as pd

from netgraph._words import ago, plural

__all__ = [
    "Evidence", "describe_evidence", "describe_all", "exchanged", "last_exchange", "ever_real",
    "never_exchanged", "find", "invited", "connected_records", "describe_connected",
]

#: Every kind of evidence, in the order reasons show them.
KINDS = ("note", "last_contact", "messages", "recommendation", "endorsement", "shared_history", "invitation",
         "connected", "export_age")


@dataclass(frozen=True, slots=True)
class Evidence:
    """One fact about a tie.

    Attributes
    ----------
    kind
        One of :data:`KINDS`: ``messages``, ``recommendation``, ``endorsement``,
        ``invitation``, ``shared_history``, ``connected``, ``note``, ``last_contact`` (a
        date from your notes) or ``export_age`` (the tie comes from an old export).
    who
        Whose tie it is: ``"you"``, or a friend's first name for a tie in their export.
    direction
        ``messages``: ``both``, ``sent`` (none answered) or ``received``; recommendations
        and endorsements: ``given`` or ``received`` (by ``who``); invitations: ``sent`` (by
        ``who``) or ``received``.
    count
        How many (messages, endorsements, exchanges).
    date
        The latest date of this evidence (the last message, the invitation, the
        connection date, when a shared history ended), or None.
    since
        For messages: the last day both sides wrote (None without an exchange); for
        shared history: when it began.
    place
        The company or school of a shared history.
    inferred
        True when the fact is a guess from dates, not something the data states.
    cohort
        For shared history: how many of ``who``'s connections were made in the same
        window at the same place (a cohort of 166 is not 166 classmates).
    closeness
        For notes: your closeness 1-5 (0 when none given).
    tags
        For notes: your tags.
    text
        For notes: the free text of your own note (``notes`` in the contacts file).
    flag
        A kind-specific detail: ``job``, ``school`` or ``alumni`` (the same school, not
        necessarily together: your note says alumni) for shared history; ``note`` when an
        invitation came with a personal note.
    """

    kind: str
    who: str = "you"
    direction: str = ""
    count: int = 0
    date: pd.Timestamp | None = None
    since: pd.Timestamp | None = None
    place: str = ""
    inferred: bool = False
    cohort: int = 0
    closeness: int = 0
    tags: tuple[str, ...] = ()
    flag: str = ""
    text: str = ""


_SETTERS = [getattr(Evidence, f.name).__set__ for f in fields(Evidence)]  # the slots, in field order
_DEFAULTS = [f.default for f in fields(Evidence)]
_KIND, _WHO, _DATE = ([f.name for f in fields(Evidence)].index(name) for name in ("kind", "who", "date"))


def connected_records(who: Sequence[str], dates: Sequence[pd.Timestamp | None]) -> list[Evidence]:
    """``Evidence("connected", who=w, date=d)`` for each pair, many at a time.

    The one record most ties have (nothing but the connection), built without the frozen
    dataclass's per-field checks: equal to what the constructor makes, at two thirds of
    the cost, which counts for the hundreds of thousands of ties in a pool of friends'
    exports.

    Examples
    --------
    >>> day = pd.Timestamp("2020-01-02")
    >>> connected_records(["Ana"], [day]) == [Evidence("connected", who="Ana", date=day)]
    True
    """
    new, setters = object.__new__, _SETTERS
    values = list(_DEFAULTS)
    values[_KIND] = "connected"
    out = []
    for w, d in zip(who, dates):
        e = new(Evidence)
        values[_WHO], values[_DATE] = w, d
        for put, value in zip(setters, values):
            put(e, value)
        out.append(e)
    return out


def describe_connected(dates: pd.Series, as_of: dt.date) -> np.ndarray:
    """:func:`describe_evidence` of ``Evidence("connected", date=d)`` for each date, as an
    object array; each distinct number of days is described once.

    Examples
    --------
    >>> describe_connected(pd.Series(pd.to_datetime(["2020-01-02", None])), dt.date(2026, 11, 20)).tolist()
    ['connected 6 years ago, no messages since', 'connected at an unknown date, no messages']
    """
    now = pd.Timestamp(as_of)
    days = now - pd.to_datetime(dates if isinstance(dates, pd.Series) else pd.Series(dates, dtype=object))
    codes, distinct = pd.factorize(days.dt.days.to_numpy(dtype=float, na_value=np.nan), use_na_sentinel=True)
    said = np.empty(len(distinct) + 1, dtype=object)
    said[:-1] = [describe_evidence(Evidence("connected", date=now - pd.Timedelta(days=d)), as_of) for d in distinct]
    said[-1] = describe_evidence(Evidence("connected"), as_of)  # code -1: an unknown date
    return said[codes]


_DAY_NS = 86_400 * 10**9


@lru_cache(maxsize=16)
def _midnight_ns(as_of: dt.date) -> int:
    return pd.Timestamp(as_of).value


def _days(date: pd.Timestamp | None, as_of: dt.date) -> float | None:
    """Whole days from ``date`` to ``as_of`` (rounded down, as ``Timedelta.days``), or None."""
    if date is None or pd.isna(date):
        return None
    value = date.value if isinstance(date, pd.Timestamp) else pd.Timestamp(date).value
    return float((_midnight_ns(as_of) - value) // _DAY_NS)


def _ago(date: pd.Timestamp | None, as_of: dt.date) -> str:
    days = _days(date, as_of)
    return ago(days) if days is not None else "at an unknown date"


def _times(n: int) -> str:
    return "once" if n == 1 else "twice" if n == 2 else f"{n} times"


def _year(date: pd.Timestamp | None) -> str:
    return str(pd.Timestamp(date).year) if date is not None and pd.notna(date) else "the past"


def describe_evidence(e: Evidence, as_of: dt.date) -> str:
    """One short sentence for one piece of evidence.

    Examples
    --------
    >>> e = Evidence("messages", direction="both", count=31, date=pd.Timestamp("2026-09-20"))
    >>> describe_evidence(e, dt.date(2026, 11, 20))
    '31 messages both ways, the last 2 months ago'
    >>> guess = Evidence("shared_history", place="Flatiron School", inferred=True, cohort=166, flag="school")
    >>> describe_evidence(guess, dt.date(2026, 11, 20))
    'you may have overlapped at Flatiron School: you connected while you studied there (as did 165 others)'
    """
    who = e.who
    they_who = "you" if who == "you" else who
    if e.kind == "messages":
        n = plural(e.count, "message")
        last = _ago(e.date, as_of)
        if e.direction == "both":
            return f"{n} both ways, the last {last}"
        if e.direction == "sent":
            return f"{n} from {who}, none answered (the last {last})"
        return f"{n} from them, none answered by {who} (the last {last})"
    if e.kind == "recommendation":
        return (f"{who} recommended them in {_year(e.date)}" if e.direction == "given"
                else f"they recommended {they_who} in {_year(e.date)}")
    if e.kind == "endorsement":
        return (f"{who} endorsed them {_times(e.count)}" if e.direction == "given"
                else f"they endorsed {they_who} {_times(e.count)}")
    if e.kind == "shared_history":
        return _describe_history(e)
    if e.kind == "invitation":
        note = " with a personal note" if e.flag == "note" else ""
        when = _ago(e.date, as_of)
        return (f"{who} invited them to connect{note} {when}" if e.direction == "sent"
                else f"they invited {they_who} to connect{note} {when}")
    if e.kind == "connected":
        days = _days(e.date, as_of)
        if days is None:
            return "connected at an unknown date, no messages"
        when = f"{int(days / 365.25)} years ago" if days >= 730 else ago(days)
        return f"connected {when}, no messages since"
    if e.kind == "note":
        parts = [f"closeness {e.closeness}/5"] if e.closeness else []
        if e.tags:
            parts.append(", ".join(e.tags))
        if e.text:
            parts.append(f'"{e.text if len(e.text) <= 80 else e.text[:77] + "..."}"')
        return "your note: " + ", ".join(parts)
    if e.kind == "last_contact":
        return f"you last spoke {_ago(e.date, as_of)} (your note)"
    if e.kind == "export_age":
        month = pd.Timestamp(e.date).strftime("%B %Y") if e.date is not None and pd.notna(e.date) else "an unknown date"
        return f"from {who}'s export of {month}: check they still work there"
    raise ValueError(f"unknown evidence kind {e.kind!r}")


def _describe_history(e: Evidence) -> str:
    place = e.place or "the same place"
    if e.flag == "job":
        together = "you both" if e.who == "you" else f"{e.who} and they both"
        if not e.inferred:
            return f"worked together at {place}"
        others = f" (as did {e.cohort - 1} others)" if e.cohort > 1 else ""
        return f"may be a former colleague: connected while {together} worked at {place}{others}"
    if e.flag == "alumni":
        return f"{'you both' if e.who == 'you' else e.who + ' and they both'} studied at {place} (your note)"
    if not e.inferred:
        return f"studied together at {place}"
    studied = "you studied" if e.who == "you" else f"{e.who} studied"
    may = "you may have" if e.who == "you" else f"{e.who} and they may have"
    others = f" (as did {e.cohort - 1} others)" if e.cohort > 1 else ""
    return f"{may} overlapped at {place}: {'you' if e.who == 'you' else e.who} connected while {studied} there{others}"


def describe_all(evidence: Iterable[Evidence], as_of: dt.date) -> tuple[str, ...]:
    """Every piece of evidence as a sentence, in the order of :data:`KINDS`."""
    ordered = sorted(evidence, key=lambda e: KINDS.index(e.kind) if e.kind in KINDS else len(KINDS))
    return tuple(describe_evidence(e, as_of) for e in ordered if _worth_saying(e, as_of))


def _worth_saying(e: Evidence, as_of: dt.date) -> bool:
    """An invitation is worth a reason only when it is recent or came with a note."""
    if e.kind != "invitation":
        return True
    days = _days(e.date, as_of)
    return e.flag == "note" or (days is not None and days <= 365)


def find(evidence: Iterable[Evidence], kind: str) -> list[Evidence]:
    """The records of one kind."""
    return [e for e in evidence if e.kind == kind]


def exchanged(evidence: Iterable[Evidence]) -> bool:
    """Whether you and they ever wrote to each other (messages both ways), or your notes
    record a conversation."""
    return any((e.kind == "messages" and e.direction == "both") or e.kind == "last_contact" for e in evidence)


def last_exchange(evidence: Iterable[Evidence]) -> pd.Timestamp | None:
    """The last day both sides wrote (or the last contact in your notes), or None."""
    found = [e.since if e.kind == "messages" else e.date for e in evidence
             if (e.kind == "messages" and e.direction == "both") or e.kind == "last_contact"]
    dates: list[pd.Timestamp] = [d for d in found if d is not None and not pd.isna(d)]
    return max(dates) if dates else None


def ever_real(evidence: Iterable[Evidence]) -> bool:
    """Whether the tie was ever a real relationship: a conversation, a recommendation, your
    notes, or shared history the data confirms (not only inferred)."""
    for e in evidence:
        if e.kind in ("recommendation", "note", "last_contact"):
            return True
        if e.kind == "messages" and e.direction == "both":
            return True
        if e.kind == "shared_history" and not e.inferred:
            return True
    return False


def never_exchanged(evidence: Iterable[Evidence]) -> bool:
    """Whether nothing ever passed between you: no message either way, no recommendation,
    no endorsement, no note."""
    return not any(e.kind in ("messages", "recommendation", "endorsement", "note", "last_contact") for e in evidence)


def invited(evidence: Iterable[Evidence]) -> Evidence | None:
    """The invitation record, if the export has one."""
    found = find(evidence, "invitation")
    return found[0] if found else None
