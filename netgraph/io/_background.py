"""The owner's own files: Profile.csv (name, headline, summary), Positions.csv, Education.csv
and Skills.csv."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._dates import MONTH_YEAR, parse_dates
from netgraph.io._load import Loaded
from netgraph.io._parts import Part, assign, file_info, shown_values, skipped_rows, start_reasons
from netgraph.io._table import OPTIONAL_ADVICE, Spec, open_table

logger = logging.getLogger(__name__)

POSITION_COLUMNS = ["company", "title", "started_on", "finished_on", "line"]
EDUCATION_COLUMNS = ["school", "degree", "started_on", "finished_on", "line"]

PROFILE = Spec(
    label="Profile.csv",
    required=(("First Name",), ("Last Name",), ("Headline", "Maiden Name", "Summary")),
    optional=("Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
              "Zip Code", "Geo Location", "Twitter Handles", "Websites",
              "Instant Messengers", "Contact Instructions", "Country"),
    example="First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
            "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers",
)
POSITIONS = Spec(
    label="Positions.csv",
    required=(("Company Name",), ("Title",), ("Started On",)),
    optional=("Description", "Location", "Finished On"),
    example="Company Name,Title,Description,Location,Started On,Finished On",
)
SKILLS = Spec(
    label="Skills.csv",
    required=(("Name",),),
    optional=(),
    example="Name",
)
EDUCATION = Spec(
    label="Education.csv",
    required=(("School Name",), ("Start Date",)),
    optional=("End Date", "Notes", "Degree Name", "Activities"),
    example="School Name,Start Date,End Date,Notes,Degree Name,Activities",
)


def read_profile(raw: bytes | Loaded, name: str) -> Part:
    """Profile.csv (2018 and 2022+ headers): ``Part.extra['name']`` is the owner's name.

    The file adds no frame to the export (``Part.frame`` is empty): only the name is used.
    """
    table, _ = open_table(raw, name, [PROFILE], advice=OPTIONAL_ADVICE)
    n = len(table)
    reasons, details = start_reasons(table)
    good = np.flatnonzero(reasons == "")
    full = ""
    about = {"headline": "", "summary": ""}
    if len(good):
        first = good[0]
        full = " ".join(f"{table.get('first name')[first]} {table.get('last name')[first]}".split())
        for column in ("headline", "summary"):
            values = table.get(column)
            about[column] = " ".join(str(values[first]).split()) if values is not None else ""
        later = np.zeros(n, dtype=bool)
        later[good[1:]] = True
        assign(reasons, later, "only the first profile row is used")
    info = file_info(name, "profile", table, rows=n, used=min(len(good), 1))
    skipped = skipped_rows(name, table.line[reasons != ""], reasons[reasons != ""], details[reasons != ""])
    return Part(frame=pd.DataFrame(), skipped=skipped, info=info, extra={"name": full, **about})


def read_positions(raw: bytes | Loaded, name: str) -> Part:
    """Positions.csv: ``company, title, started_on, finished_on (NaT = current), line``."""
    table, _ = open_table(raw, name, [POSITIONS], advice=OPTIONAL_ADVICE)
    f = table.frame
    frame = pd.DataFrame({"company": f["company name"], "title": f["title"], "line": table.line})
    return _dated(table, "positions", frame, "Started On", "Finished On", POSITION_COLUMNS)


def read_skills(raw: bytes | Loaded, name: str) -> Part:
    """Skills.csv: ``Part.extra['skills']`` is the owner's skills, in the file's order."""
    table, _ = open_table(raw, name, [SKILLS], advice=OPTIONAL_ADVICE)
    names = table.get("name")
    skills = tuple(dict.fromkeys(" ".join(str(v).split()) for v in (names if names is not None else [])
                                 if str(v).strip()))
    info = file_info(name, "skills", table, rows=len(table), used=len(skills))
    return Part(frame=pd.DataFrame(), skipped=skipped_rows(name, [], [], []), info=info, extra={"skills": skills})


def read_education(raw: bytes | Loaded, name: str) -> Part:
    """Education.csv: ``school, degree, started_on, finished_on, line``."""
    table, _ = open_table(raw, name, [EDUCATION], advice=OPTIONAL_ADVICE)
    f = table.frame
    degree = f["degree name"] if "degree name" in f else pd.Series("", index=f.index, dtype="str")
    frame = pd.DataFrame({"school": f["school name"], "degree": degree, "line": table.line})
    return _dated(table, "education", frame, "Start Date", "End Date", EDUCATION_COLUMNS)


def _dated(table, kind: str, frame: pd.DataFrame, start: str, end: str,
           columns: list[str]) -> Part:
    f = table.frame
    empty = pd.Series("", index=f.index, dtype="str")
    raw_start = f[start.casefold()] if start.casefold() in f else empty
    raw_end = f[end.casefold()] if end.casefold() in f else empty
    started, finished = parse_dates(raw_start, MONTH_YEAR), parse_dates(raw_end, MONTH_YEAR)
    reasons, details = start_reasons(table)
    failures = []
    for label, dates, raw in ((start, started, raw_start), (end, finished, raw_end)):
        bad = assign(reasons, dates.bad, f"'{label}' is not a date like '{dates.example}'")
        details[bad] = shown_values(raw[bad])
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            failures.append((i, f"'{label}' is '{raw.iloc[i]}', expected a date like '{dates.example}'"))
    ok = reasons == ""
    if len(frame) and not ok.any() and failures:
        i, message = min(failures)
        raise ExportFormatError(
            f"{table.name} line {table.line[i]}: {message} (no row has readable dates); "
            f"remove {table.name} to go on without it"
        )
    frame = frame.assign(started_on=started.array, finished_on=finished.array)
    info = file_info(table.name, kind, table, rows=len(frame), used=int(ok.sum()), dates=started,
                     used_mask=ok)
    return Part(frame=frame.loc[ok, columns].reset_index(drop=True),
                skipped=skipped_rows(table.name, table.line[~ok], reasons[~ok], details[~ok]),
                info=info)
