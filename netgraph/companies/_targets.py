"""Reading the user's targets files (the companies they want to work at)."""

from __future__ import annotations

import csv
import io
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.companies._normalize import normalize
from netgraph.errors import TargetsError

logger = logging.getLogger(__name__)

__all__ = ["read_targets"]

_COLUMNS = ["company", "priority", "aliases", "titles", "order"]
_KNOWN_COLUMNS = {"company", "priority", "aliases", "titles"}

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


def _text(path: Path, shown: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark), else Windows-1252."""
    if not path.exists():
        raise TargetsError(f"targets file '{shown}' not found: check the path")
    if path.is_dir():
        raise TargetsError(f"targets file '{shown}' is a folder: give a .csv or .txt file")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        logger.info("%s is not UTF-8; reading it as Windows-1252", shown)
        return data.decode("cp1252", errors="replace")


def _priority(value: str, shown: str, line: int) -> int:
    text = value.strip()
    if not text:
        return 1
    try:
        number = float(text)
    except ValueError:
        number = float("nan")
    if not (number >= 1 and number == int(number)):
        raise TargetsError(
            f"targets file '{shown}' line {line}: priority is '{text}', "
            "expected a whole number from 1 (1 = most wanted)"
        )
    return int(number)


def _read_csv(text: str, shown: str) -> list[_Target]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
    except csv.Error as error:
        raise TargetsError(
            f"targets file '{shown}' line {start}: cannot be read as CSV ({error}): "
            "check the double quotes from that line on"
        ) from None
    rows = [(n, row) for n, row in rows if any(cell.strip() for cell in row)]
    if not rows:
        raise TargetsError(_empty_message(shown, csv_file=True))
    header_line, header = rows[0]
    header = [cell.strip().lower() for cell in header]
    if "company" not in header:
        found = ", ".join(f"'{cell}'" for cell in header)
        raise TargetsError(
            f"targets file '{shown}' line {header_line}: no 'company' column (found: "
            f"{found}): name the column of company names 'company'"
        )
    extra = [cell for cell in header if cell and cell not in _KNOWN_COLUMNS]
    if extra:
        logger.info("%s: ignoring columns %s", shown, ", ".join(extra))
    out = []
    for line, row in rows[1:]:
        if len(row) > len(header):
            raise TargetsError(
                f"targets file '{shown}' line {line}: {len(row)} values but the header has "
                f"{len(header)} columns: put names that contain commas in double quotes, "
                'like "Stripe, Inc."'
            )
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        company = " ".join(cells.get("company", "").split())
        if not company:
            raise TargetsError(
                f"targets file '{shown}' line {line}: 'company' is empty: "
                "fill it in or delete the line"
            )
        out.append(
            _Target(
                company,
                _priority(cells.get("priority", ""), shown, line),
                _split(cells.get("aliases", "")),
                _split(cells.get("titles", "")),
                line,
            )
        )
    if not out:
        raise TargetsError(_empty_message(shown, csv_file=True))
    return out


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
        key = normalize(target.company)
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
    text = _text(file, shown)
    targets = _read_csv(text, shown) if suffix == ".csv" else _read_txt(text, shown)
    _check_duplicates(targets, shown, suffix == ".csv")
    return targets


def read_targets(paths: PathLike | Iterable[PathLike]) -> pd.DataFrame:
    """Read one or several targets files into one list of target companies.

    A ``.csv`` file has a ``company`` column and optionally ``priority`` (a whole number,
    1 = most wanted, the default), ``aliases`` and ``titles`` (both ``|``-separated). A
    ``.txt`` file has one company per line; blank lines and ``#`` comments are ignored.
    UTF-8 (with or without a byte-order mark) or Windows-1252, any line endings.

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
        A file is missing, empty, not .csv/.txt, has no ``company`` column, a bad
        priority, or lists one company twice. The message names the file and line.

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
            key = normalize(target.company)
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
