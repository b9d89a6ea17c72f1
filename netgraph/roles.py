"""What role a person plays for you at a target: the one definition of a role.

A person at a target is one of four roles, decided from their position and the titles you
want there (``titles`` in the targets file):

``wanted title``
    they do the job you want (every word of one wanted title is in their position);
``recruiter``
    they recruit (recruiter, talent acquisition, sourcer, people partner, HR);
``hiring manager``
    they manage or lead people in the field you want (a manager, head, director, lead,
    VP, chief or founder whose position shares a word with a wanted title; without
    titles, any such position). Product, program, project and account managers manage
    things, not the team you would join, unless their field is the one you want;
``other``
    anyone else.

Scoring (:mod:`netgraph.score`), drafts and the nurture list all ask this module, so a
"Sales Manager" is the same role everywhere.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import pandas as pd

__all__ = ["ROLES", "classify_role", "classify_roles", "is_recruiter", "title_words"]

#: The roles, most relevant first.
ROLES = ("wanted title", "hiring manager", "recruiter", "other")

_RECRUITER = re.compile(
    r"recruit|talent acquisition|talent partner|talent sourc|sourcer|sourcing|people partner"
    r"|hr business partner|head of people|\bhr\b|human resources", re.IGNORECASE)
_MANAGER = re.compile(r"\b(?:manager|head|director|lead|vp|vice president|cto|chief|founder)\b", re.IGNORECASE)
_THING_MANAGER = re.compile(r"\b(?:product|program|programme|project|account|office|community|sales)\s+manager\b",
                            re.IGNORECASE)
_STOP = frozenset({"senior", "junior", "staff", "principal", "lead", "sr", "jr", "i", "ii", "iii", "of", "the",
                   "and", "a", "-", "at", "for", "in"})
_LEAD_WORDS = frozenset({"manag", "manager", "head", "director", "lead", "vp", "vice", "president", "cto", "chief",
                         "founder", "co"})


@functools.lru_cache(maxsize=65536)
def title_words(title: str) -> frozenset[str]:
    """The meaningful, stemmed words of a job title.

    Examples
    --------
    >>> sorted(title_words("Senior Backend Engineers"))
    ['backend', 'engine']
    """
    words = re.findall(r"[a-z0-9+#]+", title.casefold())
    return frozenset(_stem(x) for x in words if x not in _STOP)


def _stem(word: str) -> str:
    """A crude stem, so that engineer, engineers and engineering compare equal."""
    for _ in range(2):
        for suffix in ("ing", "er", "s"):
            if word.endswith(suffix) and len(word) > len(suffix) + 3:
                word = word[: -len(suffix)]
                break
    return word


def _lead_words(title: str) -> frozenset[str]:
    return frozenset(m.casefold() for m in _MANAGER.findall(title))


def is_recruiter(position: str) -> bool:
    """Whether a position is a recruiting one.

    Examples
    --------
    >>> is_recruiter("Senior Technical Recruiter"), is_recruiter("Backend Engineer")
    (True, False)
    """
    return bool(_RECRUITER.search(position or ""))


def classify_role(position: str, titles: Sequence[str] = ()) -> str:
    """The role of one person, given the titles you want at their company.

    Examples
    --------
    >>> classify_role("Senior Backend Engineer", ["Backend Engineer"])
    'wanted title'
    >>> classify_role("Engineering Manager", ["Backend Engineer"])
    'hiring manager'
    >>> classify_role("Sales Manager", ["Backend Engineer"])
    'other'
    >>> classify_role("Talent Acquisition Partner", ["Backend Engineer"])
    'recruiter'
    """
    position = position or ""
    if is_recruiter(position):
        return "recruiter"
    words = title_words(position)
    wanted = [title_words(t) for t in titles if t]
    leads = bool(_MANAGER.search(position)) and (not _THING_MANAGER.search(position) or bool(wanted))
    # A manager matches a wanted title only when that title is itself a lead role
    # ("Engineering Manager"); otherwise they are the likely hiring manager for it.
    own_leads = _lead_words(position)
    if any(w and w <= words and _lead_words(t) <= own_leads and (_lead_words(t) or not leads)
           for t, w in zip(titles, wanted)):
        return "wanted title"
    in_field = any((words - _LEAD_WORDS) & w for w in wanted) if wanted else True
    if leads and in_field:
        return "hiring manager"
    return "other"


def classify_roles(positions: pd.Series, titles: pd.Series | Iterable[Sequence[str]]) -> pd.Series:
    """:func:`classify_role` for every row: ``positions`` and the wanted ``titles`` per row.

    Examples
    --------
    >>> classify_roles(pd.Series(["Recruiter", "Staff Engineer"]), [(), ("Engineer",)]).tolist()
    ['recruiter', 'wanted title']
    """
    titles = list(titles)
    roles = [classify_role(str(p) if isinstance(p, str) else "", tuple(t) if isinstance(t, (tuple, list)) else ())
             for p, t in zip(positions.tolist(), titles)]
    return pd.Series(roles, index=positions.index, dtype=object)
