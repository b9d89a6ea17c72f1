"""Invitations, endorsements and recommendations: the smaller signals of a tie.

Each reader parses its file into rows that name a counterpart (``name``, ``url``);
:func:`resolve` then joins them to the owner's connections.
"""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._dates import TIMESTAMP, Dates, parse_dates
from netgraph.io._load import Loaded
from netgraph.io._parts import Part, assign, file_info, shown_values, skipped_rows, start_reasons
from netgraph.io._people import PeopleIndex, resolve_people
from netgraph.io._table import OPTIONAL_ADVICE, Spec, Table, open_table
from netgraph.io.identity import normalize_name, normalize_names, normalize_urls

logger = logging.getLogger(__name__)

INVITATION_COLUMNS = ["person_id", "name", "url", "direction", "date", "has_note", "line"]
ENDORSEMENT_COLUMNS = ["person_id", "name", "url", "direction", "skill", "date", "line"]
RECOMMENDATION_COLUMNS = ["person_id", "name", "company", "position", "direction", "date", "line"]

INVITATIONS = Spec(
    label="Invitations.csv",
    required=(("From",), ("To",), ("Sent At",)),
    optional=("Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl",
              "inviterProfileUrn", "inviteeProfileUrn"),
    example="From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
)
ENDORSEMENTS = {
    "received": Spec(
        label="Endorsement_Received_Info.csv",
        required=(("Endorsement Date",), ("Skill Name",), ("Endorser First Name",),
                  ("Endorser Last Name",)),
        optional=("Endorser Public Url", "Endorsement Status", "Display Status"),
        example="Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
                "Endorser Public Url,Endorsement Status",
    ),
    "given": Spec(
        label="Endorsement_Given_Info.csv",
        required=(("Endorsement Date",), ("Skill Name",), ("Endorsee First Name",),
                  ("Endorsee Last Name",)),
        optional=("Endorsee Public Url", "Endorsement Status", "Display Status"),
        example="Endorsement Date,Skill Name,Endorsee First Name,Endorsee Last Name,"
                "Endorsee Public Url,Endorsement Status",
    ),
}
RECOMMENDATIONS = Spec(
    label="Recommendations_Received.csv or Recommendations_Given.csv",
    required=(("First Name",), ("Last Name",), ("Text",)),
    optional=("Company", "Job Title", "Creation Date", "Status"),
    example="First Name,Last Name,Company,Job Title,Text,Creation Date,Status",
)


def read_invitations(raw: bytes | Loaded, name: str, owner_name: str) -> Part:
    """Parse Invitations.csv (all three header forms).

    ``Direction`` says who invited whom; without it, the owner's name on the ``From`` or
    ``To`` side does. URN values and the truncated ``https://www.linkedin.com/in`` are
    treated as missing URLs.
    """
    table, _ = open_table(raw, name, [INVITATIONS], advice=OPTIONAL_ADVICE)
    col = _columns(table)
    direction = col("direction").str.upper()
    owner_key = normalize_name(owner_name)
    sent = (direction == "OUTGOING").to_numpy(dtype=bool, copy=True)
    received = (direction == "INCOMING").to_numpy(dtype=bool, copy=True)
    if owner_key:
        unknown = ~sent & ~received
        sent |= unknown & (normalize_names(col("from")) == owner_key).to_numpy()
        received |= unknown & ~sent & (normalize_names(col("to")) == owner_key).to_numpy()
    inviter = normalize_urls(col("inviterprofileurl"))
    invitee = normalize_urls(col("inviteeprofileurl"))
    frame = pd.DataFrame({
        "name": np.where(sent, col("to"), col("from")),
        "url": np.where(sent, invitee, inviter),
        "direction": np.where(sent, "sent", "received"),
        "has_note": (col("message") != "").to_numpy(),
        "line": table.line,
        # For finding the owner's own URL: the other side of each invitation.
        "owner_url": np.where(sent, inviter, np.where(received, invitee, "")),
        "owner_name": np.where(sent, col("from"), np.where(received, col("to"), "")),
    })
    dates = parse_dates(col("sent at"), TIMESTAMP)
    reasons, _ = start_reasons(table)
    assign(reasons, ~sent & ~received, "cannot tell who invited whom (no 'Direction')")
    return _finish(table, "invitations", frame, dates, reasons, "Sent At")


def read_endorsements(raw: bytes | Loaded, name: str, direction: str) -> Part:
    """Parse Endorsement_{Given,Received}_Info.csv (also the legacy UTF-16 file)."""
    table, _ = open_table(raw, name, [ENDORSEMENTS[direction]], advice=OPTIONAL_ADVICE)
    col = _columns(table)
    who = "endorser" if direction == "received" else "endorsee"
    frame = pd.DataFrame({
        "name": (col(f"{who} first name") + " " + col(f"{who} last name")).str.strip(),
        "url": normalize_urls(col(f"{who} public url")),
        "direction": direction,
        "skill": col("skill name"),
        "line": table.line,
    })
    dates = parse_dates(col("endorsement date"), TIMESTAMP)
    reasons, _ = start_reasons(table)
    assign(reasons, ((frame["name"] == "") & (frame["url"] == "")).to_numpy(), "no name or URL")
    return _finish(table, f"endorsements_{direction}", frame, dates, reasons, "Endorsement Date")


def read_recommendations(raw: bytes | Loaded, name: str, direction: str) -> Part:
    """Parse Recommendations_{Given,Received}.csv (also ``Recommendations Received.csv``)."""
    table, _ = open_table(raw, name, [RECOMMENDATIONS], advice=OPTIONAL_ADVICE)
    col = _columns(table)
    frame = pd.DataFrame({
        "name": (col("first name") + " " + col("last name")).str.strip(),
        "url": "",
        "company": col("company"),
        "position": col("job title"),
        "direction": direction,
        "line": table.line,
    })
    dates = parse_dates(col("creation date"), TIMESTAMP)
    reasons, _ = start_reasons(table)
    assign(reasons, (frame["name"] == "").to_numpy(), "no name")
    return _finish(table, f"recommendations_{direction}", frame, dates, reasons, "Creation Date")


def resolve(part: Part, people: PeopleIndex, columns: list[str]) -> pd.DataFrame:
    """Join a part's counterparts to the connections; returns the frame in ``columns``."""
    frame = part.frame
    person_id, name, url = resolve_people(people, frame["url"], frame["name"])
    frame = frame.assign(person_id=pd.Series(person_id, dtype="str"),
                         name=pd.Series(name, dtype="str"), url=pd.Series(url, dtype="str"))
    return frame[columns]


def _columns(table: Table):
    empty = pd.Series("", index=table.frame.index, dtype="str")
    return lambda key: table.frame[key] if key in table.frame else empty


def _finish(table: Table, kind: str, frame: pd.DataFrame, dates: Dates,
            reasons: np.ndarray, date_column: str) -> Part:
    """Add dates, skip unreadable rows (all unreadable = error), build the Part."""
    keys = table.header.keys
    label = table.header.cells[keys.index(date_column.casefold())] \
        if date_column.casefold() in keys else date_column
    raw_dates = table.frame[date_column.casefold()] if date_column.casefold() in table.frame \
        else pd.Series("", index=frame.index, dtype="str")
    candidates = reasons == ""
    bad = assign(reasons, dates.bad, f"'{label}' is not a date like '{dates.example}'")
    if bad.any() and (bad == candidates).all():
        i = int(np.flatnonzero(bad)[0])
        raise ExportFormatError(
            f"{table.name} line {table.line[i]}: '{label}' is '{raw_dates.iloc[i]}', expected a "
            f"date like '{dates.example}' (no row has a readable date); remove {table.name} "
            "to go on without it"
        )
    details = table.details.copy()
    details[bad] = shown_values(raw_dates[bad])
    frame = frame.assign(date=dates.array)
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].astype("str")
    ok = reasons == ""
    info = file_info(table.name, kind, table, rows=len(frame), used=int(ok.sum()),
                     dates=dates, used_mask=ok)
    return Part(frame=frame.loc[ok].reset_index(drop=True),
                skipped=skipped_rows(table.name, table.line[~ok], reasons[~ok], details[~ok]),
                info=info)
