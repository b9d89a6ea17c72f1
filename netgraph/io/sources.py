"""The user's own CSVs: ``--known`` ties and ``--contacts`` notes.

Unlike an export, these files are written by hand, so a bad value is an error that names
the file, the line and the value (the user can fix it), never a silently skipped row.
Formats are in ``CONTRACT.md``; columns in ``docs/architecture.md``.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError, SourceError
from netgraph.io._dates import USER_DATE, parse_dates, parse_format
from netgraph.io._table import Spec, Table, open_table
from netgraph.io.identity import make_person_ids, normalize_urls

__all__ = ["read_known", "read_contacts"]

logger = logging.getLogger(__name__)

KNOWN_COLUMNS = ["connector", "name", "company", "position", "url", "strength", "person_id", "line"]
CONTACTS_COLUMNS = ["url", "name", "closeness", "tags", "last_contact", "notes", "line"]

_KNOWN = Spec(
    label="known ties file",
    required=(("connector",), ("name", "url")),
    optional=("company", "position", "strength"),
    example="",
)
_KNOWN_HEADER = "connector,name,company,position,url,strength"
_CONTACTS = Spec(
    label="contacts file",
    required=(("url", "name"),),
    optional=("closeness", "tags", "last_contact", "notes"),
    example="",
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
        "connector": col("connector"), "name": col("name"), "company": col("company"),
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


def _open(path: str | os.PathLike, spec: Spec, option: str, header: str) -> Table:
    p = Path(path)
    if not p.is_file():
        what = "is a folder" if p.is_dir() else "does not exist"
        raise SourceError(f"{option} {path} {what}: pass a CSV file with the columns {header}")
    try:
        raw = p.read_bytes()
        table, _ = open_table(raw, p.name, [spec],
                              advice=f"its first line should name the columns, e.g. {header}")
    except OSError as error:
        raise SourceError(f"{option} {path} cannot be read ({error.strerror or error})") from None
    except ExportFormatError as error:
        raise SourceError(str(error)) from None
    return table


def _columns(table: Table):
    empty = pd.Series("", index=table.frame.index, dtype="str")
    return lambda key: table.frame[key] if key in table.frame else empty


def _require(table: Table, name: str, bad: pd.Series, problem: str) -> None:
    bad = bad.to_numpy(dtype=bool)
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
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
