"""Finding a person among your connections: the one lookup by name or profile URL.

Friends' exports and share packs name their owner, ``--known`` names a connector, your
contacts file names the people your notes are about: each is found here, by normalised
profile URL, else by folded name (case and accents ignored), with the closest names
suggested when nobody matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from rapidfuzz import fuzz, process

from netgraph.errors import NetgraphError, SourceError
from netgraph.io import normalize_name, normalize_url
from netgraph.io.export import Owner
from netgraph.io.identity import normalize_names

__all__ = ["find_person", "closest_names", "resolve_owner", "resolve_contacts", "Candidate", "pick_one"]


def find_person(who: str, mine: pd.DataFrame) -> list[str]:
    """The ``person_id`` values of your connections that ``who`` (a name or URL) names.

    ``mine`` is indexed by ``person_id`` with ``name`` and ``url`` columns (and ``_key``,
    the folded name, when already computed).
    """
    url = normalize_url(who)
    if url:
        return list(mine.index[mine["url"].eq(url)])
    key = normalize_name(who)
    keys = mine["_key"] if "_key" in mine else normalize_names(mine["name"])
    return list(mine.index[keys.eq(key)])


def closest_names(who: str, mine: pd.DataFrame) -> str:
    """`` (closest: A, B, C)`` for an error message, or ``""``."""
    names = mine["name"].drop_duplicates().tolist()
    best = process.extract(who, names, limit=3, score_cutoff=60)
    return f" (closest: {', '.join(name for name, *_ in best)})" if best else ""


def resolve_owner(hint: str | None, owner: Owner, source: str, mine: pd.DataFrame) -> str:
    """Find the owner of a friend's export among your connections.

    Parameters
    ----------
    hint
        The name or profile URL you gave (``--network NAME=PATH``), or None to use the
        name in the export's Profile.csv.
    owner
        The owner as the export's Profile.csv (or a share pack's header) names them.
    source
        The export's or pack's path, for messages.
    mine
        Your connections (``person_id, name, url``).

    Returns
    -------
    str
        The friend's ``person_id`` among your connections.

    Raises
    ------
    SourceError
        When nobody, or more than one person, matches; the message names the closest.
    """
    who = hint if hint else (owner.url or owner.name)
    if not who:
        raise SourceError(
            f"{source}: no Profile.csv names its owner; give the owner as "
            f"--network 'Their Name={source}'")
    found = find_person(who, mine)
    if not found and not hint and owner.url and owner.name:
        who = owner.name  # an old URL: try the name
        found = find_person(who, mine)
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        names = "; ".join(f"{mine.at[p, 'name']!s} ({mine.at[p, 'company'] or 'no company'!s})" for p in found[:5])
        raise SourceError(f"{source}: '{who}' matches {len(found)} of your connections: {names}; "
                          "give their profile URL instead")
    raise SourceError(f"{source}: the owner '{who}' is not among your connections"
                      f"{closest_names(who, mine)}; give the name or profile URL as it appears in your Connections.csv")


def resolve_contacts(contacts: pd.DataFrame | None, mine: pd.DataFrame, notes: list[str]) -> pd.DataFrame | None:
    """Index your notes by the connection they are about; note those that match nobody."""
    if contacts is None or contacts.empty:
        return None
    by_url = pd.Series(mine.index, index=mine["url"]).loc[lambda s: s.index != ""]
    by_url = by_url[~by_url.index.duplicated(keep=False)]
    by_name = pd.Series(mine.index, index=mine["_key"])[lambda s: ~s.index.duplicated(keep=False)]
    ids = contacts["url"].map(normalize_url).map(by_url)
    ids = ids.fillna(contacts["name"].map(normalize_name).map(by_name))
    for line, who in zip(contacts.loc[ids.isna(), "line"], contacts.loc[ids.isna(), "name"]):
        notes.append(f"contacts file line {line}: '{who}' is not among your connections (note ignored)")
    found = contacts.assign(person_id=ids).dropna(subset=["person_id"])
    return found.drop_duplicates("person_id", keep="last").set_index("person_id")


# ---------------------------------------------------------------------------
# Finding one of a list of candidates (drafts: a company, an insider, a connector)


def _fold(text: str) -> str:
    """A name's words, folded the reader's way (case and accents ignored, punctuation dropped)."""
    return " ".join(re.findall(r"\w+", normalize_name(text)))


def _url_key(text: str) -> str:
    return normalize_url(text)


@dataclass(frozen=True)
class Candidate:
    label: str  # what the user sees in a list of suggestions
    name: str  # what is matched
    kind: str  # "company" | "insider" | "second" | "connector"
    key: str  # company name or person id
    url: str = ""


def pick_one(query: str, candidates: list[Candidate], *, what: str) -> Candidate:
    """The one candidate `query` names: the profile URL, else the exact name (case and accents
    ignored), else the one name holding all of the query's words; an error naming the
    closest names otherwise.

    Examples
    --------
    >>> people = [Candidate("Sam Lee (Acme)", "Sam Lee", "person", "in:sam"),
    ...           Candidate("Dana Cohen (Stripe)", "Dana Cohen", "person", "in:dana")]
    >>> pick_one("dana", people, what="person").key
    'in:dana'
    """
    wanted = _fold(query)
    if re.match(r"(https?://|www\.|[a-z]{2,3}\.linkedin\.com)", query.strip(), flags=re.IGNORECASE):
        hits = [x for x in candidates if x.url and _url_key(x.url) == _url_key(query)]
    else:
        hits = [x for x in candidates if _fold(x.name) == wanted]
        if not hits and wanted:
            words = set(wanted.split())
            hits = [x for x in candidates if words <= set(_fold(x.name).split())]
    distinct: dict[tuple[str, str], Candidate] = {}
    for hit in hits:
        same = "person" if hit.kind != "company" else "company"
        distinct.setdefault((same, hit.key), hit)
    if len(distinct) == 1:
        return next(iter(distinct.values()))
    if len(distinct) > 1:
        labels = sorted({x.label for x in distinct.values()})
        raise NetgraphError(f"{query!r} matches more than one {what}: {', '.join(labels)}; "
                            "give the full name, or the profile URL")
    names = sorted({x.label for x in candidates})
    if not names:
        raise NetgraphError(f"there is no {what} in this plan, so none called {query!r}")
    by_name = {x.label: _fold(x.name) for x in candidates}
    closest = process.extract(wanted, by_name, scorer=fuzz.WRatio, processor=None, limit=4)
    suggestions = ", ".join(label for _, _, label in closest)
    raise NetgraphError(f"no {what} called {query!r}; closest: {suggestions}; "
                        "check the spelling (case and accents do not matter)")
