"""Write small, real-shaped LinkedIn exports into a folder, for scenario tests.

The files follow today's format (see docs/linkedin-export.md): the ``Notes:`` preamble and
URL column in Connections.csv, the 2025 messages.csv header, and so on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from netgraph.sample_data.generate import PREAMBLE  # the real 375-byte Notes: preamble


@dataclass
class P:
    """A person: first and last name, profile slug, company, position, connected date."""

    first: str
    last: str
    slug: str | None = None
    company: str = ""
    position: str = ""
    connected: str = "2020-01-15"
    raw_url: str | None = None  # written as is instead of the URL built from the slug

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def url(self) -> str:
        if self.raw_url is not None:
            return self.raw_url
        return f"https://www.linkedin.com/in/{self.slug}" if self.slug else ""


@dataclass
class Msg:
    """A message between the owner and ``other``: ``sent`` by the owner or not."""

    other: P
    sent: bool
    date: str


@dataclass
class Ex:
    """An export to write: its owner, their connections and evidence."""

    owner: P
    connections: list[P]
    messages: list[Msg] = field(default_factory=list)
    recommendations_given: list[tuple[P, str]] = field(default_factory=list)
    recommendations_received: list[tuple[P, str]] = field(default_factory=list)
    with_profile: bool = True
    percent_encode: bool = True


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _url_in_connections(p: P, percent_encode: bool) -> str:
    if p.raw_url is not None:
        return p.raw_url
    if not p.slug:
        return ""
    slug = quote(p.slug, safe="-") if percent_encode else p.slug
    return f"https://www.linkedin.com/in/{slug}"


def write_export(folder: Path, ex: Ex) -> Path:
    """Write ``ex`` as an unpacked export folder; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = [["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]]
    for p in ex.connections:
        day = dt.date.fromisoformat(p.connected).strftime("%d %b %Y")
        rows.append([p.first, p.last, _url_in_connections(p, ex.percent_encode), "", p.company, p.position, day])
    (folder / "Connections.csv").write_text(PREAMBLE + _csv(rows).rstrip("\n"), encoding="utf-8")
    if ex.with_profile:
        profile = [["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
                    "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"],
                   [ex.owner.first, ex.owner.last, "", "", "", "", "", "", "", "", "", "", ""]]
        (folder / "Profile.csv").write_text(_csv(profile), encoding="utf-8")
    if ex.messages:
        header = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                  "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "ATTACHMENTS"]
        rows = [header]
        for i, m in enumerate(ex.messages):
            a, b = (ex.owner, m.other) if m.sent else (m.other, ex.owner)
            rows.append([f"2-conv{m.other.slug}==", "", a.name, a.url, b.name, b.url,
                         f"{m.date} 10:00:00 UTC", "", f"hello {i}", "INBOX", ""])
        (folder / "messages.csv").write_text(_csv(rows), encoding="utf-8")
    for name, recs in (("Recommendations_Given.csv", ex.recommendations_given),
                       ("Recommendations_Received.csv", ex.recommendations_received)):
        if recs:
            rows = [["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]]
            for p, day in recs:
                d = dt.date.fromisoformat(day)
                rows.append([p.first, p.last, p.company, p.position, "Great to work with.",
                             f"{d.month}/{d.day}/{d.strftime('%y')}, 10:00 AM", "VISIBLE"])
            (folder / name).write_text(_csv(rows), encoding="utf-8")
    return folder


def write_targets(path: Path, rows: list[tuple[str, int, str, str]]) -> Path:
    """Write a targets.csv of (company, priority, aliases, titles)."""
    path.write_text(_csv([["company", "priority", "aliases", "titles"], *[list(map(str, r)) for r in rows]]),
                    encoding="utf-8")
    return path


def messages(other: P, *, both: int, start: str, step_days: int = 7) -> list[Msg]:
    """``both`` messages each way with ``other``, a week apart from ``start``."""
    day = dt.date.fromisoformat(start)
    out = []
    for i in range(both):
        d = (day + dt.timedelta(days=i * step_days)).isoformat()
        out += [Msg(other, True, d), Msg(other, False, d)]
    return out
