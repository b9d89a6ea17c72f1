"""Your background, from your own export, and the short blurb a connector can forward.

:class:`Background` gathers what your export says about you: Profile.csv (headline,
summary), Positions.csv (current and recent roles), Skills.csv and Education.csv.
:func:`write_blurb` turns it into at most three sentences in the third person, so a
connector can forward them as they are. It says only what the files say: with a file
missing, the blurb is shorter, never invented.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from netgraph._words import article
from netgraph.io.export import Export

__all__ = ["Background", "read_background", "write_blurb"]


@dataclass(frozen=True)
class Background:
    """What your own export says about you.

    Attributes
    ----------
    name
        Your full name (Profile.csv).
    headline, summary
        From Profile.csv (``""`` when missing).
    roles
        ``(title, company, started, finished)`` from Positions.csv, newest first;
        ``finished`` is None for a current role.
    skills
        From Skills.csv, in the file's order.
    schools
        ``(school, degree)`` from Education.csv, newest first.
    """

    name: str = ""
    headline: str = ""
    summary: str = ""
    roles: tuple[tuple[str, str, dt.date | None, dt.date | None], ...] = ()
    skills: tuple[str, ...] = ()
    schools: tuple[tuple[str, str], ...] = ()


def _date(value: object) -> dt.date | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return pd.Timestamp(value).date()  # type: ignore[arg-type]


def read_background(export: Export) -> Background:
    """Gather your background from your export (Profile, Positions, Skills, Education).

    Examples
    --------
    >>> from netgraph.io.export import Owner
    >>> e = Export("x", Owner("Robin Castellanos", "", "in:robin"), pd.DataFrame(), 0, *[pd.DataFrame()] * 8)
    >>> read_background(e).name
    'Robin Castellanos'
    """
    positions = export.positions
    roles: list[tuple[str, str, dt.date | None, dt.date | None]] = []
    if positions is not None and len(positions) and {"title", "company", "started_on"} <= set(positions.columns):
        ordered = positions.sort_values("started_on", ascending=False, kind="stable")
        finished_on = ordered.get("finished_on", pd.Series(pd.NaT, index=ordered.index))
        for title, company, started, finished in zip(ordered["title"], ordered["company"], ordered["started_on"],
                                                     finished_on):
            if str(title).strip() or str(company).strip():
                roles.append((str(title).strip(), str(company).strip(), _date(started), _date(finished)))
    schools: list[tuple[str, str]] = []
    education = export.education
    if education is not None and len(education) and "school" in education.columns:
        ordered = education.sort_values("started_on", ascending=False, kind="stable") \
            if "started_on" in education.columns else education
        degrees = ordered["degree"] if "degree" in ordered.columns else pd.Series("", index=ordered.index)
        schools = [(str(s).strip(), str(d).strip()) for s, d in zip(ordered["school"], degrees) if str(s).strip()]
    profile = getattr(export, "profile", None) or {}
    return Background(
        name=export.owner.name,
        headline=str(profile.get("headline", "")).strip(),
        summary=str(profile.get("summary", "")).strip(),
        roles=tuple(roles),
        skills=tuple(str(s).strip() for s in (getattr(export, "skills", ()) or ()) if str(s).strip()),
        schools=tuple(schools),
    )


def _first(name: str) -> str:
    words = name.split()
    return words[0] if words else ""


def _join(items: Sequence[str]) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]




def write_blurb(background: Background, *, looking_for: Sequence[str] = (), voice: str = "third") -> str:
    """At most three sentences about you, from your own data only.

    Parameters
    ----------
    background
        From :func:`read_background`.
    looking_for
        The roles you want (``titles`` in the targets file), said as what you look for.
    voice
        ``"third"`` (a note a connector forwards: "Robin is ...") or ``"first"`` ("I am
        ...", for your own first message).

    Returns
    -------
    str
        The blurb, or ``""`` when the export says nothing to build one from.

    Examples
    --------
    >>> b = Background("Robin Castellanos", roles=(("Software Engineer II", "Klaviyo", dt.date(2024, 6, 1), None),
    ...     ("Software Engineer", "Toast", dt.date(2021, 2, 1), dt.date(2024, 5, 1))),
    ...     skills=("Python", "PostgreSQL", "AWS", "Docker"), schools=(("Flatiron School", "Software Engineering"),))
    >>> for sentence in write_blurb(b, looking_for=["Backend Engineer"]).split(". "):
    ...     print(sentence)
    Robin Castellanos is a Software Engineer II at Klaviyo (before that, Software Engineer at Toast)
    Robin studied Software Engineering at Flatiron School and works with Python, PostgreSQL and AWS
    Now looking for a Backend Engineer role.
    >>> write_blurb(b, voice="first").split(". ")[0]
    "I'm a Software Engineer II at Klaviyo (before that, Software Engineer at Toast)"
    >>> write_blurb(Background("Sam Lee"))
    ''
    """
    first = voice == "first"
    name = background.name.strip()
    who = "I" if first else (_first(name) or "They")
    opener = "I'm" if first else f"{name or who} is"
    works = "work" if first else "works"
    sentences: list[str] = []
    current = [r for r in background.roles if r[3] is None]
    past = [r for r in background.roles if r[3] is not None]
    if current:
        title, company, _, _ = current[0]
        now = f"{opener} {article(title)} {title} at {company}" if title and company else \
            f"{name or who} {works} at {company}" if company else f"{opener} {article(title)} {title}"
        if past and past[0][1]:
            before = f"{past[0][0]} at {past[0][1]}" if past[0][0] else past[0][1]
            now += f" (before that, {before})"
        sentences.append(now + ".")
    elif background.headline:
        owner = "my" if first else f"{name or who}'s"
        sentences.append(f"In {owner} own words: {background.headline.rstrip('.')}.")
    elif past:
        title, company, _, _ = past[0]
        was = "I was" if first else f"{name or who} was"
        sentences.append(f"{was} most recently {article(title)} {title} at {company}." if title and company
                         else f"{was} most recently at {company or title}.")
    second = []
    if background.schools:
        school, degree = background.schools[0]
        second.append(f"studied {degree} at {school}" if degree else f"studied at {school}")
    if background.skills:
        second.append(f"{works} with {_join(list(background.skills[:3]))}")
    if second:
        subject = who if sentences else (name or who)
        sentences.append(f"{subject} {' and '.join(second)}.")
    if looking_for and sentences:
        wanted = " or ".join(looking_for[:2])
        sentences.append(f"{'I am' if first else 'Now'} looking for {article(wanted)} {wanted} role.")
    return " ".join(sentences[:3])
