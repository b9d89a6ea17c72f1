"""Finding the person a ledger command means: by profile URL, id or name."""

from __future__ import annotations

import sqlite3

import pandas as pd
from rapidfuzz import fuzz, process

from netgraph.errors import LedgerError
from netgraph.io import normalize_name, normalize_url
from netgraph.ledger.read import list_entries

__all__ = ["resolve_person", "known_people"]

#: Where ``resolve_person`` looked, for its messages, and what to suggest when nobody matched.
_AMONG_CONNECTIONS = "among your connections"
_SPELLING_HINT = "check the spelling or use their profile URL"


def _name_key(text: str) -> str:
    """Casefolded, accent-stripped, single-spaced (the reader's name key)."""
    return normalize_name(str(text))


def _profile_slug(text: str) -> str:
    """The ``/in/<slug>`` of a LinkedIn profile URL, lower case; ``''`` if not one."""
    url = normalize_url(str(text))
    return url.rsplit("/in/", 1)[-1] if url else ""


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A text column with ``""`` for missing values; all ``""`` when there is no such column."""
    if column not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].astype(object).fillna("").astype(str)


def _describe(name: str, company: str) -> str:
    return f"{name} ({company})" if company else name


def resolve_person(name_or_url: str, people: pd.DataFrame, *, among: str = _AMONG_CONNECTIONS,
                   hint: str = _SPELLING_HINT) -> tuple[str, str]:
    """Find the one person a name or profile URL means among ``people``.

    Tried in order: the profile URL (any form LinkedIn uses), a ``person_id`` as written,
    the exact name ignoring case and accents, then a unique prefix of the name (``"Maya"``
    or ``"maya ch"``) or of its words (``"Chen"``).

    Parameters
    ----------
    name_or_url
        What the user typed.
    people
        ``person_id, name, url, company`` columns, e.g. the export's ``connections``.
    among
        Where ``people`` come from, for the messages (``"in the ledger"``).
    hint
        What to suggest when nobody matches and no name is close.

    Returns
    -------
    tuple[str, str]
        ``(person_id, name)``.

    Raises
    ------
    LedgerError
        Several people match (the message lists them with their companies), or nobody
        does (the message lists the closest names).

    Examples
    --------
    >>> people = pd.DataFrame({
    ...     "person_id": ["in:maya-chen", "in:ines-garcia"], "name": ["Maya Chen", "Inés García"],
    ...     "url": ["https://www.linkedin.com/in/maya-chen", ""], "company": ["Stripe", "Acme"]})
    >>> resolve_person("ines garcia", people)
    ('in:ines-garcia', 'Inés García')
    >>> resolve_person("linkedin.com/in/Maya-Chen/?trk=x", people)
    ('in:maya-chen', 'Maya Chen')
    """
    query = str(name_or_url).strip()
    if not query:
        raise LedgerError("no person given; use their full name or profile URL")
    frame = people.reset_index(drop=True)
    if "person_id" in frame:  # the same person listed twice is still one person
        frame = frame.drop_duplicates("person_id").reset_index(drop=True)
    names = _text_column(frame, "name")
    ids = _text_column(frame, "person_id")
    companies = _text_column(frame, "company")

    def found(mask: pd.Series) -> tuple[str, str] | None:
        hits = frame.index[mask.to_numpy(dtype=bool)]
        if len(hits) == 1:
            return ids[hits[0]], names[hits[0]]
        if len(hits) > 1:
            listed = [_describe(names[i], companies[i]) for i in hits[:5]]
            more = f", and {len(hits) - 5} more" if len(hits) > 5 else ""
            raise LedgerError(
                f"{query!r} matches {len(hits)} people: {', '.join(listed)}{more}; "
                "use the full name or the profile URL"
            )
        return None

    slug = _profile_slug(query)
    if slug:
        mask = (ids == f"in:{slug}") | (_text_column(frame, "url").map(_profile_slug) == slug)
        hit = found(mask)
        if hit is None:
            other = hint if among != _AMONG_CONNECTIONS else "check it, or use their name"
            raise LedgerError(f"nobody {among} has the profile URL {query}; {other}")
        return hit
    hit = found(ids == query)
    if hit:
        return hit
    key = _name_key(query)
    keys = names.map(_name_key)
    for mask in (keys == key, keys.str.startswith(key)):
        hit = found(mask)
        if hit:
            return hit
    words = key.split()
    word_mask = keys.map(lambda k: all(any(w.startswith(q) for w in k.split()) for q in words))
    hit = found(word_mask)
    if hit:
        return hit
    closest = _closest(key, keys, names, companies)
    # Among your connections a close name is advice enough; elsewhere the hint says where else to look.
    parts = [closest, hint if not closest or among != _AMONG_CONNECTIONS else ""]
    who = "no connection named" if among == _AMONG_CONNECTIONS else f"nobody {among} is named"
    raise LedgerError(f"{who} {query!r}" + "".join(f"; {part}" for part in parts if part))


def _closest(key: str, keys: pd.Series, names: pd.Series, companies: pd.Series) -> str:
    """``'closest: Maya Chen (Stripe), ...'``, or ``''`` when nothing is close."""
    choices = dict(zip(keys.index, keys))
    near = process.extract(key, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    if not near:
        return ""
    return "closest: " + ", ".join(_describe(names[i], companies[i]) for _, _, i in near)


def known_people(ledger: sqlite3.Connection | pd.DataFrame) -> pd.DataFrame:
    """The people already in the ledger, for :func:`resolve_person` without an export.

    Parameters
    ----------
    ledger
        An open ledger (:func:`netgraph.ledger.open_ledger`) or its entries
        (:func:`netgraph.ledger.read_ledger`).

    Returns
    -------
    DataFrame
        ``person_id, name, url, company``: the latest name written for each person;
        ``url`` and ``company`` are empty.

    Examples
    --------
    >>> from netgraph.ledger import read_ledger
    >>> known_people(read_ledger("no/such/ledger.sqlite")).empty
    True
    """
    entries = ledger if isinstance(ledger, pd.DataFrame) else list_entries(ledger)
    people = entries[["person_id", "name"]].drop_duplicates("person_id", keep="last")
    return people.assign(url="", company="").reset_index(drop=True)
