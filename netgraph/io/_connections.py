"""Connections.csv, every generation of it, into the ``connections`` frame.

Accepted: the current header with ``URL``, the 2018-2023 header without it, the early-2018
header with ``Address``/``Websites``/``Instant Messengers``, and the <=2016 Outlook
contacts file; with or without the ``Notes:`` preamble (also in its Excel form); any
supported encoding and delimiter. Date-only rows are hidden members: counted, listed in
``skipped``, never joined.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._dates import CONNECTED_ON, parse_dates
from netgraph.io._parts import Part, assign, file_info, skipped_rows
from netgraph.io._table import Spec, Table, open_table
from netgraph.io._frames import str_array
from netgraph.io.identity import normalize_url_array, person_id_array

logger = logging.getLogger(__name__)

COLUMNS = ["person_id", "name", "first_name", "last_name", "url", "email", "company",
           "position", "connected_on", "line"]

ARCHIVE = Spec(
    label="Connections.csv",
    required=(("First Name",), ("Last Name",), ("Company",), ("Position",), ("Connected On",)),
    optional=("URL", "Email Address", "Address", "Websites", "Instant Messengers"),
    example="First Name,Last Name,URL,Email Address,Company,Position,Connected On",
)
OUTLOOK = Spec(
    label="Connections.csv",
    required=(("First Name",), ("Last Name",), ("Company",), ("Job Title",)),
    optional=("E-mail Address", "Web Page", "Title", "Middle Name", "Suffix"),
    log_unknown=False,
)
HIDDEN = "hidden member: the row has only a date"


def read_connections(raw: bytes, name: str, keep_companies=None) -> Part:
    """Parse Connections.csv (not yet checked against the owner; see ``_reader``).

    With ``keep_companies`` (stripped company strings in, booleans out) only the rows
    it keeps are read further; the others are not counted as used or skipped.

    Raises
    ------
    ExportFormatError
        No connections header, or no row could be read.
    """
    keep = ("company", keep_companies) if keep_companies is not None else None
    table, spec = open_table(raw, name, [ARCHIVE, OUTLOOK], keep=keep)
    outlook = spec is OUTLOOK
    first, last, company = table.get("first name"), table.get("last name"), table.get("company")
    if outlook:
        position, email = table.get("job title"), table.get("e-mail address")
        url_raw = table.get("web page")
        date_raw = np.full(len(table), "", dtype=object)
    else:
        position, email = table.get("position"), table.get("email address")
        url_raw = table.get("url")
        date_raw = table.get("connected on")
    dates = parse_dates(date_raw, CONNECTED_ON)
    full = first + " " + last
    lone = (first == "") | (last == "")
    full[lone] = first[lone] + last[lone]
    url = normalize_url_array(url_raw)
    email = np.array([e.lower() for e in email], dtype=object)

    n = len(table)
    reasons = np.full(n, "", dtype=object)
    details = np.full(n, "", dtype=object)
    extra = assign(reasons, table.extra > 0, "more fields than the header has")
    details[extra] = [f"{k} extra" for k in table.extra[extra]]
    someone = (full != "") | (url_raw != "") | (email != "") | (company != "") | (position != "")
    has_date = date_raw != ""
    hidden = assign(reasons, ~someone & has_date, HIDDEN)
    assign(reasons, (full == "") & (url == "") & (email == ""), "no name, URL or e-mail")
    bad = assign(reasons, dates.bad, f"'Connected On' is not a date like '{dates.example}'")
    details[bad] = [repr(v) for v in date_raw[bad]]

    ok = reasons == ""
    if keep is None:
        _fail_if_nothing_read(table, ok, hidden, bad, date_raw, dates.example)
    data = pd.DataFrame({
        "person_id": str_array(person_id_array(url[ok], email[ok], full[ok], company[ok])),
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
    return Part(frame=data, skipped=skipped, info=info, hidden=int(hidden.sum()))


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
    raise ExportFormatError(
        f"{table.name} line {table.line[i]}: no row could be read (each has more fields than "
        "the header, or no name): pass the file as LinkedIn wrote it"
    )
