"""Connections.csv, every generation of it, into the ``connections`` frame.

Accepted: the current header with ``URL``, the 2018-2023 header without it, the early-2018
header with ``Address``/``Websites``/``Instant Messengers``, and the <=2016 Outlook
contacts file; with or without the ``Notes:`` preamble (also in its Excel form); any
supported encoding and delimiter. Date-only rows are hidden members: counted, listed in
``skipped``, never joined. A file whose uploader removed the name columns
(``Company,Position,Connected On``) is read only when names are not needed (company
statistics); cells such as ``NA`` or ``N/A`` (R and Excel re-saves) are read as empty.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._dates import CONNECTED_ON, parse_dates
from netgraph.io._frames import str_array
from netgraph.io._load import Loaded
from netgraph.io._parts import Part, assign, file_info, shown_values, skipped_rows, start_reasons
from netgraph.io._table import Spec, Table, open_table
from netgraph.io.cells import null_like
from netgraph.io.identity import normalize_url_array, person_id_array

logger = logging.getLogger(__name__)

COLUMNS = ["person_id", "name", "first_name", "last_name", "url", "email", "company",
           "position", "connected_on", "line"]

ARCHIVE = Spec(
    label="Connections.csv",
    required=(("First Name",), ("Last Name",), ("Company",), ("Position",), ("Connected On",)),
    optional=("URL", "Email Address", "Address", "Websites", "Instant Messengers"),
    example="First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    multiline=(),
)
OUTLOOK = Spec(
    label="Connections.csv",
    required=(("First Name",), ("Last Name",), ("Company",), ("Job Title",)),
    optional=("E-mail Address", "Web Page", "Title", "Middle Name", "Suffix"),
    log_unknown=False,
    multiline=(),
)
# Uploaders remove the name columns for privacy: the companies can still be counted.
ANONYMOUS = Spec(
    label="Connections.csv",
    required=(("Company",), ("Position",), ("Connected On",)),
    optional=("URL", "Email Address", "Address", "Websites", "Instant Messengers"),
    multiline=(),
)
SPECS = (ARCHIVE, OUTLOOK, ANONYMOUS)
HIDDEN = "hidden member: the row has only a date"


def read_connections(raw: bytes | Loaded, name: str, keep_companies=None, need_names: bool = True) -> Part:
    """Parse Connections.csv (not yet checked against the owner; see ``_reader``).

    With ``keep_companies`` (stripped company strings in, booleans out) only the rows
    it keeps are read further; the others are not counted as used or skipped. A file
    without name columns is an error when ``need_names``; else each row is a nameless
    connection with the id ``row:<line>``, and ``Part.extra['notes']`` says so.

    Raises
    ------
    ExportFormatError
        No connections header, no row could be read, or no name columns when they are needed.
    """
    keep = ("company", keep_companies) if keep_companies is not None else None
    table, spec = open_table(raw, name, SPECS, keep=keep)
    outlook, anonymous = spec is OUTLOOK, spec is ANONYMOUS
    if anonymous and need_names:
        raise ExportFormatError(
            f"{name} line {table.header.line}: there are no name columns (the header has "
            f"{_listed(table.header.cells)}), so nobody can be named, matched to messages or "
            "introduced: pass Connections.csv as LinkedIn wrote it (with First Name, Last Name "
            "and URL). `netgraph companies` and `netgraph inspect` work on this file"
        )
    first, last, company = table.get("first name"), table.get("last name"), table.get("company")
    if outlook:
        position, email = table.get("job title"), table.get("e-mail address")
        url_raw = table.get("web page")
        date_raw = np.full(len(table), "", dtype=object)
    else:
        position, email = table.get("position"), table.get("email address")
        url_raw = table.get("url")
        date_raw = table.get("connected on")
    nulls = {}
    for label, values in (("Company", company), ("Position", position), ("URL", url_raw),
                          ("Email Address", email), ("Connected On", date_raw)):
        empty = null_like(values) & (values != "")
        if empty.any():
            nulls[label] = (int(empty.sum()), pd.unique(values[empty])[:3].tolist())
            values[empty] = ""
    dates = parse_dates(date_raw, CONNECTED_ON)
    full = first + " " + last
    lone = (first == "") | (last == "")
    full[lone] = first[lone] + last[lone]
    url = normalize_url_array(url_raw)
    email = np.array([e.lower() for e in email], dtype=object)

    n = len(table)
    reasons, details = start_reasons(table)
    extra = assign(reasons, table.extra > 0, "more fields than the header has")
    details[extra] = [f"{k} extra" for k in table.extra[extra]]
    someone = (full != "") | (url_raw != "") | (email != "") | (company != "") | (position != "")
    has_date = date_raw != ""
    hidden = assign(reasons, ~someone & has_date, HIDDEN)
    if not anonymous:
        assign(reasons, (full == "") & (url == "") & (email == ""), "no name, URL or e-mail")
    else:
        assign(reasons, ~someone, "no company or position")
    bad = assign(reasons, dates.bad, f"'Connected On' is not a date like '{dates.example}'")
    details[bad] = shown_values(date_raw[bad])

    ok = reasons == ""
    if keep is None:
        _fail_if_nothing_read(table, ok, hidden, bad, date_raw, dates.example)
    ids = person_id_array(url[ok], email[ok], full[ok], company[ok]) if not anonymous \
        else np.array([f"row:{k}" for k in table.line[ok]], dtype=object)
    data = pd.DataFrame({
        "person_id": str_array(ids),
        "name": str_array(full[ok]),
        "first_name": str_array(first[ok]),
        "last_name": str_array(last[ok]),
        "url": str_array(url[ok]),
        "email": str_array(email[ok]),
        "company": str_array(company[ok]),
        "position": str_array(position[ok]),
        "connected_on": dates.array[ok],
        "line": table.line[ok],
    })
    skipped = skipped_rows(name, table.line[~ok], reasons[~ok], details[~ok])
    info = file_info(name, "connections", table, rows=n, used=len(data),
                     dates=dates, used_mask=ok)
    notes = [_null_note(name, label, count, examples) for label, (count, examples) in nulls.items()]
    if anonymous:
        notes.insert(0, f"{name} has no name columns (only {_listed(table.header.cells)}): companies "
                        "can be counted, but nobody can be named, matched to messages or introduced "
                        "(`netgraph report`, `draft`, `map` and `nurture` need the names)")
    return Part(frame=data, skipped=skipped, info=info, hidden=int(hidden.sum()),
                extra={"notes": notes})


def _listed(cells) -> str:
    shown = ", ".join(c for c in cells if c)
    return shown if len(shown) <= 120 else shown[:117] + "..."


def _null_note(name: str, column: str, count: int, examples: list[str]) -> str:
    quoted = ", ".join(f"'{v[:10]}'" for v in examples)
    cells = "cell says" if count == 1 else "cells say"
    return (f"{name}: {count:,} '{column}' {cells} {quoted} (how R and Excel re-saves write an empty "
            "cell): read as empty")


def dedupe(part: Part, owner_url: str) -> Part:
    """Drop the owner (by URL) and repeated people (same ``person_id``), into ``skipped``."""
    data = part.frame
    url = data["url"].to_numpy(dtype=object)
    is_owner = url == owner_url if owner_url else np.zeros(len(url), dtype=bool)
    ids = data["person_id"].to_numpy(dtype=object)
    if not is_owner.any() and len(pd.unique(ids)) == len(ids):
        return part  # the usual case: nothing to drop
    repeat = pd.Series(ids).duplicated().to_numpy() & ~is_owner
    drop = is_owner | repeat
    if not drop.any():
        return part
    first_line = data.drop_duplicates("person_id").set_index("person_id")["line"]
    reasons = np.where(is_owner[drop], "this is the export's owner", "the same person as another row")
    first_of = data["person_id"][drop].map(first_line).astype(str).to_numpy(dtype=object)
    details = np.where(is_owner[drop], "", "line " + first_of)
    skipped = pd.concat([part.skipped, skipped_rows(part.info["file"], data["line"][drop],
                                                    pd.Series(reasons), pd.Series(details))],
                        ignore_index=True)
    info = dict(part.info, used=part.info["used"] - int(drop.sum()))
    return Part(frame=data.loc[~drop].reset_index(drop=True), skipped=skipped, info=info,
                hidden=part.hidden)


def _fail_if_nothing_read(table: Table, ok: np.ndarray, hidden: np.ndarray, bad: np.ndarray,
                          date_raw: np.ndarray, example: str) -> None:
    """A file whose rows all failed is an error, not an empty network."""
    if ok.any() or not (~hidden).any():
        return
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        raise ExportFormatError(
            f"{table.name} line {table.line[i]}: 'Connected On' is '{date_raw[i]}', "
            f"expected a date like '{example}' (no row of the file has a readable date); "
            "pass the file as LinkedIn wrote it, or fix the dates in a text editor"
        )
    i = int(np.flatnonzero(~hidden)[0])
    if table.reasons[i]:
        raise ExportFormatError(
            f"{table.name} line {table.line[i]}: {table.reasons[i]} ({table.details[i]}), and no other "
            "row could be read: pass the file as LinkedIn wrote it"
        )
    raise ExportFormatError(
        f"{table.name} line {table.line[i]}: no row could be read (each has more fields than "
        "the header, or no name): pass the file as LinkedIn wrote it"
    )
