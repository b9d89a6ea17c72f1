"""The values a reader returns: :class:`Owner` and :class:`Export`."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd


@dataclass(frozen=True)
class Owner:
    """The person whose export this is.

    Attributes
    ----------
    name
        Full name from Profile.csv (``""`` when there is no Profile.csv).
    url
        Normalised profile URL, inferred from messages or invitations (may be ``""``).
    person_id
        The owner's stable id (see :func:`netgraph.io.make_person_ids`).
    """

    name: str
    url: str
    person_id: str


@dataclass(frozen=True)
class Export:
    """Everything read from one LinkedIn data export.

    The columns of each frame are documented in ``docs/architecture.md``.
    """

    source: str
    owner: Owner
    connections: pd.DataFrame
    hidden: int
    messages: pd.DataFrame
    invitations: pd.DataFrame
    endorsements: pd.DataFrame
    recommendations: pd.DataFrame
    positions: pd.DataFrame
    education: pd.DataFrame
    files: pd.DataFrame
    skipped: pd.DataFrame
    #: Sentences about the data for "Notes on the data" and ``netgraph inspect``: a file
    #: without name columns, company cells like ``N/A``, rows a damaged file swallowed.
    notes: tuple[str, ...] = ()
    #: The owner's Profile.csv ``headline`` and ``summary`` (empty when there is none).
    profile: dict[str, str] = field(default_factory=dict)
    #: The owner's skills from Skills.csv, in the file's order.
    skills: tuple[str, ...] = ()
