"""The user's own CSVs: ``--known`` ties and ``--contacts`` notes.

Unlike an export, these files are written by hand, so a bad value is an error that names
the file, the line and the value (the user can fix it), never a silently skipped row.
Formats are in the README ("Inputs"); columns in ``docs/architecture.md``.

:func:`read_user_csv` is the one way a hand-written CSV is read (these two, and the
targets file): opened by :func:`netgraph.io._safe.open_user_file` (a regular file within
the size limit: never a FIFO or ``/dev/zero``), loaded with a bounded row size, decoded
and parsed like an export's files.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError, NetgraphError, SourceError
from netgraph.io._dates import USER_DATE, parse_dates, parse_format
from netgraph.io._load import load
from netgraph.io._safe import open_user_file
from netgraph.io._table import Spec, Table, open_table
from netgraph.io.cells import null_like
from netgraph.io.identity import make_person_ids, normalize_urls
from netgraph.io.limits import Limits

__all__ = ["read_known", "read_contacts", "read_user_csv"]

logger = logging.getLogger(__name__)

KNOWN_COLUMNS = ["connector", "name", "company", "position", "url", "strength", "person_id", "line"]
CONTACTS_COLUMNS = ["url", "name", "closeness", "tags", "last_contact", "notes", "line"]

_KNOWN = Spec(
    label="known ties file",
    required=(("connector",), ("name", "url")),
    optional=("company", "position", "strength"),
    example="",
    multiline=(),
)
_KNOWN_HEADER = "connector,name,company,position,url,strength"
_CONTACTS = Spec(
    label="contacts file",
    required=(("url", "name"),),
    optional=("closeness", "tags", "last_contact", "notes"),
    example="",
    multiline=("notes",),
)
_CONTACTS_HEADER = "url,name,closeness,tags,last_contact,notes"
# Formats that cannot be read two ways: tried on values the file's main format misses.
_UNAMBIGUOUS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%Y/%m/%d",
                "%Y-%m", "%b %Y", "%B %Y", "%Y")


def read_known(path: str | os.PathLike) -> pd.DataFrame:
    """Read a ``--known`` file: ties you know of without an export.

    Parameters
    ----------
    path
        CSV with ``connector`` (the name or URL of one of your connections, required),
        ``name``, ``company``, ``position``, ``url`` (``name`` or ``url`` required) and
        ``strength`` (1-5, optional).

    Returns
    -------
    pandas.DataFrame
        ``connector, name, company, position, url, strength, person_id, line``;
        ``strength`` is a float (NaN when not given), ``url`` normalised.

    Raises
    ------
    SourceError
        Missing or unreadable file, missing columns, or a bad value (file, line, value).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "known.csv"
    >>> _ = p.write_text("connector,name,company,strength\\nAna Ruiz,Bo Li,Acme,4\\n")
    >>> read_known(p)[["connector", "name", "strength", "person_id"]].to_dict("records")
    [{'connector': 'Ana Ruiz', 'name': 'Bo Li', 'strength': 4.0, 'person_id': 'name:bo li|acme'}]
    """
    table = _open(path, _KNOWN, "--known", _KNOWN_HEADER)
    col = _columns(table)
    name = Path(path).name
    _require(table, name, col("connector") == "", "'connector' is empty: write the name or "
             "profile URL of one of your connections")
    _require(table, name, (col("name") == "") & (col("url") == ""),
             "it has neither 'name' nor 'url': give at least one")
    url = _profile_urls(table, name, col("url"))
    frame = pd.DataFrame({
        "connector": col("connector"), "name": col("name"), "company": _no_null(col("company")),
        "position": col("position"), "url": url,
        "strength": _scale(table, name, col("strength"), "strength"),
    })
    frame["person_id"] = make_person_ids(frame["url"], pd.Series([""] * len(frame)),
                                         frame["name"], frame["company"]).to_numpy()
    frame["line"] = table.line
    out = frame[KNOWN_COLUMNS]
    out.attrs["source"] = str(path)
    return out


def read_contacts(path: str | os.PathLike) -> pd.DataFrame:
    """Read a ``--contacts`` file: your own notes on your connections.

    Parameters
    ----------
    path
        CSV with ``url`` or ``name`` (one required), ``closeness`` (1-5), ``tags``
        (``|``-separated), ``last_contact`` (a date, e.g. ``2026-11-20``) and ``notes``.

    Returns
    -------
    pandas.DataFrame
        ``url, name, closeness, tags, last_contact, notes, line``; ``tags`` a tuple of
        lower-case strings, ``closeness`` a float (NaN when not given).

    Raises
    ------
    SourceError
        Missing or unreadable file, missing columns, or a bad value (file, line, value).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "contacts.csv"
    >>> _ = p.write_text("name,closeness,tags,last_contact\\nBo Li,5,friend|Alumni,2026-10-01\\n")
    >>> row = read_contacts(p).iloc[0]
    >>> row["name"], float(row["closeness"]), row["tags"], str(row["last_contact"].date())
    ('Bo Li', 5.0, ('friend', 'alumni'), '2026-10-01')
    """
    table = _open(path, _CONTACTS, "--contacts", _CONTACTS_HEADER)
    col = _columns(table)
    name = Path(path).name
    _require(table, name, (col("name") == "") & (col("url") == ""),
             "it has neither 'url' nor 'name': give at least one")
    tags = col("tags").str.split("|").map(
        lambda parts: tuple(t.strip().lower() for t in parts if t.strip()))
    frame = pd.DataFrame({
        "url": _profile_urls(table, name, col("url")),
        "name": col("name"),
        "closeness": _scale(table, name, col("closeness"), "closeness"),
        "tags": pd.Series(tags.to_numpy(dtype=object), dtype=object),
        "last_contact": _dates(table, name, col("last_contact"), "last_contact"),
        "notes": col("notes"),
        "line": table.line,
    })
    out = frame[CONTACTS_COLUMNS]
    out.attrs["source"] = str(path)
    return out


def read_user_csv(path: str | os.PathLike, spec: Spec, *, option: str, header: str,
                  error: type[NetgraphError] = SourceError, limits: Limits | None = None) -> Table:
    """Read a CSV the user wrote (``--known``, ``--contacts``, the targets file).

    Parameters
    ----------
    path
        The file.
    spec
        Its required and optional columns (:class:`netgraph.io._table.Spec`).
    option
        How the user gave it, for messages (``"--known"``).
    header
        An example header line, for messages.
    error
        The error class to raise.
    limits
        Size limits (default: the limits in force).

    Returns
    -------
    Table
        Stripped strings per folded column, the line of each row, and ``Table.reasons``
        for rows that cannot be used whatever their values (a line over the row limit, a
        quote that never closes).

    Raises
    ------
    NetgraphError
        Of class ``error``: missing, not a regular file (a folder, a FIFO, a device), over
        the size limit, binary, or without the required columns.
    """
    p = Path(path)
    if p.is_dir() or not (p.exists() or p.is_symlink()):
        what = "is a folder" if p.is_dir() else "does not exist"
        raise error(f"{option} {path} {what}: pass a CSV file with the columns {header}")
    try:
        with open_user_file(p, shown=f"{option} {path}", limits=limits, error=error,
                            advice=f"pass a CSV file with the columns {header}") as handle:
            loaded = load(handle, p.name, limits=limits)
        table, _ = open_table(loaded, p.name, [spec],
                              advice=f"its first line should name the columns, e.g. {header}")
    except OSError as problem:
        raise error(f"{option} {path} cannot be read ({problem.strerror or problem})") from None
    except ExportFormatError as problem:
        if error is ExportFormatError:
            raise
        raise error(str(problem)) from None
    return table


def _open(path: str | os.PathLike, spec: Spec, option: str, header: str) -> Table:
    table = read_user_csv(path, spec, option=option, header=header)
    bad = table.reasons != ""
    if bad.any():  # a hand-written file: an error the user can fix, not a skipped row
        i = int(np.flatnonzero(bad)[0])
        raise SourceError(f"{Path(path).name} line {table.line[i]}: {table.reasons[i]} ({table.details[i]})")
    return table


def _no_null(values: pd.Series) -> pd.Series:
    """``NA``, ``N/A``, ``-`` ... (an R or Excel re-save's empty cell) as empty."""
    return values.mask(null_like(values.to_numpy(dtype=object)), "")


def _columns(table: Table):
    empty = pd.Series("", index=table.frame.index, dtype="str")
    return lambda key: table.frame[key] if key in table.frame else empty


def _require(table: Table, name: str, bad: pd.Series, problem: str) -> None:
    rows = bad.to_numpy(dtype=bool)
    if rows.any():
        i = int(np.flatnonzero(rows)[0])
        raise SourceError(f"{name} line {table.line[i]}: {problem}")


def _profile_urls(table: Table, name: str, urls: pd.Series) -> pd.Series:
    normalized = normalize_urls(urls)
    bad = ((urls != "") & (normalized == "")).to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SourceError(f"{name} line {table.line[i]}: 'url' is '{urls.iloc[i]}', expected a "
                          "LinkedIn profile URL like https://www.linkedin.com/in/ana-ruiz "
                          "(or leave it empty)")
    return normalized


def _scale(table: Table, name: str, values: pd.Series, column: str) -> pd.Series:
    numbers = pd.to_numeric(values.where(values != "", None), errors="coerce").astype(float)
    bad = ((values != "").to_numpy() & ~(numbers.between(1, 5)).to_numpy())
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SourceError(f"{name} line {table.line[i]}: '{column}' is '{values.iloc[i]}', "
                          "expected a number from 1 to 5 (or leave it empty)")
    return numbers


def _dates(table: Table, name: str, values: pd.Series, column: str) -> pd.Series:
    dates = parse_dates(values, USER_DATE)
    parsed = dates.values
    for fmt in _UNAMBIGUOUS:
        missing = dates.bad & parsed.isna().to_numpy()
        if not missing.any():
            break
        parsed = parsed.fillna(parse_format(values[missing], fmt).reindex(values.index))
    bad = dates.bad & parsed.isna().to_numpy()
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise SourceError(f"{name} line {table.line[i]}: '{column}' is '{values.iloc[i]}', "
                          "expected a date like 2026-11-20 (or leave it empty)")
    return parsed.astype("datetime64[ns]")
