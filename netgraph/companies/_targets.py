"""Reading the user's targets files (the companies they want to work at).

A ``.csv`` targets file is read by the same reader as every CSV the user writes
(:func:`netgraph.io.sources.read_user_csv`): the same encodings (UTF-8 with or without a
byte-order mark, UTF-16, Windows-1252), delimiters (``,``, ``;`` as European Excel writes
it, tabs), header search, size limits and refusal of anything that is not a regular file.
A ``.txt`` list goes through the same safe door (:func:`netgraph.io._safe.read_user_file`).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.companies._normalize import company_key
from netgraph.errors import ExportFormatError, TargetsError
from netgraph.io._safe import read_user_file
from netgraph.io._table import DELIMITER_NAMES, Spec, decode
from netgraph.io.sources import read_user_csv

logger = logging.getLogger(__name__)

__all__ = ["read_targets", "MAX_PRIORITY"]

#: Priorities run from 1 (most wanted) to this.
MAX_PRIORITY = 99

_COLUMNS = ["company", "priority", "aliases", "titles", "order"]
_HEADER = "company,priority,aliases,titles"
_SPEC = Spec(label="targets file", required=(("company",),), optional=("priority", "aliases", "titles"))
_PRIORITY = re.compile(r"\+?0*(\d{1,2})(?:\.0*)?")

PathLike = str | os.PathLike[str]


@dataclass
class _Target:
    """One company while reading: where it was first seen and what is known of it."""

    company: str
    priority: int
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    line: int = 0


def _split(value: str) -> list[str]:
    """``"a | b||a"`` -> ``["a", "b"]``: ``|``-separated, stripped, no blanks or repeats."""
    return list(dict.fromkeys(part.strip() for part in value.split("|") if part.strip()))


def _priority(value: str, name: str, line: int) -> int:
    """A priority cell: empty (1) or a whole number from 1 to :data:`MAX_PRIORITY`."""
    text = value.strip()
    if not text:
        return 1
    found = _PRIORITY.fullmatch(text) if len(text) <= 12 else None
    number = int(found.group(1)) if found else 0
    if not 1 <= number <= MAX_PRIORITY:
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise TargetsError(
            f"{name} line {line}: priority is '{shown}', expected a whole number from 1 "
            f"(most wanted) to {MAX_PRIORITY}: fix it or leave it empty"
        )
    return number


def _read_csv(path: Path, shown: str) -> list[_Target]:
    """The rows of a targets CSV, read by the same reader as every file the user writes."""
    table = read_user_csv(path, _SPEC, option="targets file", header=_HEADER, error=TargetsError)
    name = path.name
    bad = np.flatnonzero(table.reasons != "")
    if len(bad):
        i = int(bad[0])
        raise TargetsError(f"{name} line {table.line[i]}: {table.reasons[i]} ({table.details[i]})")
    columns = len(table.header.cells)
    company, priority = table.get("company"), table.get("priority")
    aliases, titles = table.get("aliases"), table.get("titles")
    out = []
    for i in range(len(table)):
        line = int(table.line[i])
        if table.extra[i] > 0:
            delimiter = DELIMITER_NAMES.get(table.delimiter, table.delimiter)
            raise TargetsError(
                f"{name} line {line}: {columns + int(table.extra[i])} values but the header has {columns} "
                f"columns ({delimiter}-separated): put names that contain a {delimiter} in double quotes, "
                'like "Stripe, Inc."'
            )
        text = " ".join(str(company[i]).split())
        if not text:
            raise TargetsError(f"{name} line {line}: 'company' is empty: fill it in or delete the line")
        out.append(
            _Target(text, _priority(str(priority[i]), name, line), _split(str(aliases[i])),
                    _split(str(titles[i])), line)  # fmt: skip
        )
    if not out:
        raise TargetsError(_empty_message(shown, csv_file=True))
    return out


def _text(path: Path, shown: str) -> str:
    """A ``.txt`` list's text (UTF-8 with or without a byte-order mark, UTF-16 or
    Windows-1252), read through the same safe door as every file the user names."""
    raw = read_user_file(path, shown=f"targets file '{shown}'", error=TargetsError, advice="give a .csv or .txt file")
    if not raw.strip():
        return ""
    try:
        data = decode(raw, path.name, empty_advice="add one company per line").data
    except ExportFormatError as error:
        raise TargetsError(str(error)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _read_txt(text: str, shown: str) -> list[_Target]:
    out = []
    for line, raw in enumerate(text.splitlines(), start=1):
        content = raw if not raw.lstrip().startswith("#") else ""
        cut = content.find(" #")
        company = " ".join((content if cut < 0 else content[:cut]).split())
        if company:
            out.append(_Target(company, 1, line=line))
    if not out:
        raise TargetsError(_empty_message(shown, csv_file=False))
    return out


def _empty_message(shown: str, *, csv_file: bool) -> str:
    how = "rows under a 'company' header" if csv_file else "one company per line"
    return f"targets file '{shown}' lists no companies: add {how}"


def _check_duplicates(targets: list[_Target], shown: str, csv_file: bool) -> None:
    first: dict[str, _Target] = {}
    for target in targets:
        key = company_key(target.company)
        if not key:
            raise TargetsError(
                f"targets file '{shown}' line {target.line}: '{target.company}' has no "
                "letters or digits: write the company's name"
            )
        seen = first.setdefault(key, target)
        if seen is target:
            continue
        if seen.company == target.company:
            raise TargetsError(
                f"targets file '{shown}' lists '{target.company}' twice (lines {seen.line} "
                f"and {target.line}): delete one of them"
            )
        hint = " and put the other name in the 'aliases' column" if csv_file else ""
        raise TargetsError(
            f"targets file '{shown}': '{target.company}' on line {target.line} is the same "
            f"company as '{seen.company}' on line {seen.line}: keep one line{hint}"
        )


def _read_one(path: PathLike) -> list[_Target]:
    shown = os.fspath(path)
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in (".csv", ".txt"):
        raise TargetsError(
            f"targets file '{shown}' is not a .csv or .txt file: save your list as a CSV "
            "file with a 'company' column, or as text with one company per line"
        )
    targets = _read_csv(file, shown) if suffix == ".csv" else _read_txt(_text(file, shown), shown)
    _check_duplicates(targets, shown, suffix == ".csv")
    return targets


def read_targets(paths: PathLike | Iterable[PathLike]) -> pd.DataFrame:
    """Read one or several targets files into one list of target companies.

    A ``.csv`` file has a ``company`` column and optionally ``priority`` (a whole number
    from 1 = most wanted, the default, to 99), ``aliases`` and ``titles`` (both
    ``|``-separated); comma-, semicolon- or tab-separated. A ``.txt`` file has one company
    per line; blank lines and ``#`` comments are ignored. UTF-8 (with or without a
    byte-order mark), UTF-16 or Windows-1252, any line endings.

    Several files are merged: a company on two lists (same normalised name) keeps the
    name and place it had where first seen, its best (lowest) priority, and the union of
    its aliases and titles.

    Parameters
    ----------
    paths
        One path or a list of paths.

    Returns
    -------
    DataFrame
        ``company`` (as written), ``priority`` (int), ``aliases`` and ``titles`` (tuples
        of str), ``order`` (int, 0 for the first company, in file order).

    Raises
    ------
    TargetsError
        A file is missing, not a regular file, too large, empty, not .csv/.txt, has no
        ``company`` column, a bad priority, or lists one company twice. The message names
        the file, the line and the value.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("# dream jobs\\nStripe\\nSalesforce\\n")
    >>> _ = (folder / "b.csv").write_text("company,priority,aliases\\nStripe,2,Stripe Inc\\n")
    >>> read_targets([folder / "a.txt", folder / "b.csv"])
          company  priority        aliases titles  order
    0      Stripe         1  (Stripe Inc,)     ()      0
    1  Salesforce         1             ()     ()      1
    """
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if not items:
        raise TargetsError("no targets file given: give a .csv or .txt list of companies")
    merged: dict[str, _Target] = {}
    for path in items:
        for target in _read_one(path):
            key = company_key(target.company)
            if key not in merged:
                merged[key] = _Target(target.company, target.priority, [], [], len(merged))
            kept = merged[key]
            kept.priority = min(kept.priority, target.priority)
            kept.aliases = list(dict.fromkeys([*kept.aliases, *target.aliases]))
            kept.titles = list(dict.fromkeys([*kept.titles, *target.titles]))
    values = list(merged.values())
    return pd.DataFrame(
        {
            "company": pd.Series([t.company for t in values], dtype=object),
            "priority": np.array([t.priority for t in values], dtype=np.int64),
            "aliases": pd.Series([tuple(t.aliases) for t in values], dtype=object),
            "titles": pd.Series([tuple(t.titles) for t in values], dtype=object),
            "order": np.arange(len(values), dtype=np.int64),
        },
        columns=_COLUMNS,
    )
