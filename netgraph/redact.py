"""Redaction: a copy of a :class:`~netgraph.plan.Plan` that is safe to share.

Every person's name becomes a stable pseudonym (``Person 7F3A``), the owner becomes
``You``, every profile URL and e-mail address is dropped and every ``reasons`` sentence
or note that mentions a real name is rewritten with the pseudonym. Companies, positions,
scores and counts stay, so a redacted report still reads as a plan.

This module sits after :mod:`netgraph.plan` and before the renderers: it imports only
:mod:`netgraph.plan`, :mod:`netgraph.io` and :mod:`netgraph.errors`.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx
import pandas as pd

from netgraph.io.export import Owner
from netgraph.plan import Plan

__all__ = ["redact_plan"]

_OWNER_PSEUDONYM = "You"
_OWNER_ID = "anon:you"
_SOMEONE = "someone"

# Columns of the plan frames: (id column, name columns, url/e-mail columns).
_ID_COLUMNS = ("person_id", "target_id", "connector_id")
_NAME_FOR_ID = {"person_id": ("name",), "target_id": ("target_name",),
                "connector_id": ("connector_name",)}
_DROP_SUFFIXES = ("url", "email")

# Name parts that are also ordinary words in reasons ("connected in May 2024").
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "she her hers he him his they them their phd mba cpa pmp md jr sr ii iii iv "
    "dr mr mrs ms prof you".split()
)
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r"(?<!\w)'([^'\n]{1,200})'(?!\w)")
_PATH = re.compile(r"[^\s'\"]*[/\\][^\s'\"]*")
_PRIVATE_ATTRS = frozenset({"first_name", "last_name", "notes", "note", "tags"})
#: what a pseudonym looks like
_PSEUDONYM = re.compile(r"Person [0-9A-F]{4,}|You")


def redact_plan(plan: Plan) -> Plan:
    """Return a copy of `plan` with every person made anonymous.

    Names become stable pseudonyms derived from each ``person_id`` (``Person 7F3A``; the
    owner is ``You``), URLs and e-mail addresses become ``""``, person ids become opaque
    ``anon:`` ids (a profile slug is a name too), and every ``reasons`` sentence and note
    that mentions a real name (full name, or any single part of it that belongs to one
    person only) uses the pseudonym instead. A name part shared by several people becomes
    "someone". Companies, positions, scores and counts are kept.

    Parameters
    ----------
    plan
        The plan to redact. It is not changed; the graph is deep-copied.

    Returns
    -------
    Plan
        A new plan. The same plan in gives the same pseudonyms out.

    Examples
    --------
    >>> import datetime as dt, networkx as nx, pandas as pd
    >>> from netgraph.io.export import Owner
    >>> from netgraph.plan import Plan
    >>> G = nx.Graph(owner="in:ann")
    >>> G.add_node("in:ann", kind="you", name="Ann Bell", url="https://www.linkedin.com/in/ann")
    >>> G.add_node("in:bo", kind="person", name="Bo Diaz", url="https://www.linkedin.com/in/bo")
    >>> empty = pd.DataFrame()
    >>> insiders = pd.DataFrame({"person_id": ["in:bo"], "name": ["Bo Diaz"],
    ...                          "url": ["https://www.linkedin.com/in/bo"],
    ...                          "reasons": [("Bo Diaz endorsed you",)]})
    >>> p = Plan(G=G, as_of=dt.date(2026, 1, 1), owner=Owner("Ann Bell", "", "in:ann"),
    ...          targets=empty, insiders=insiders, intro_paths=empty, connectors=empty,
    ...          near_misses=empty)
    >>> r = redact_plan(p)
    >>> r.owner.name, r.insiders.loc[0, "name"], r.insiders.loc[0, "reasons"]
    ('You', 'Person D35E', ('Person D35E endorsed you',))
    """
    names = _collect_names(plan)
    ids = _anonymous_ids(names, owner_id=plan.owner.person_id)
    pseudonyms = _pseudonyms(names, owner_id=plan.owner.person_id)
    rewrite = _name_rewriter(names, pseudonyms)

    def new_id(pid: object) -> object:
        return ids.get(pid, pid) if isinstance(pid, str) else pid

    frames = {
        field: _redact_frame(getattr(plan, field), new_id, pseudonyms, rewrite)
        for field in ("targets", "insiders", "intro_paths", "connectors", "near_misses")
    }
    owner = Owner(name=_OWNER_PSEUDONYM, url="", person_id=_OWNER_ID)
    return dataclasses.replace(
        plan,
        G=_redact_graph(plan.G, ids, pseudonyms, rewrite),
        owner=owner,
        summary=copy.deepcopy(plan.summary),
        notes=tuple(_redact_note(str(note), rewrite) for note in plan.notes),
        **frames,
    )


# -- who is who -------------------------------------------------------------------------


def _collect_names(plan: Plan) -> dict[str, list[str]]:
    """Every person id in the plan with every spelling of their name found for it."""
    names: dict[str, list[str]] = defaultdict(list)

    def add(pid: object, name: object) -> None:
        if not isinstance(pid, str) or not pid:
            return
        names.setdefault(pid, [])  # an id without a known name still gets a pseudonym
        if isinstance(name, str) and name.strip() and name not in names[pid]:
            names[pid].append(name)

    add(plan.owner.person_id, plan.owner.name)
    for node, data in plan.G.nodes(data=True):
        if data.get("kind") in ("you", "person"):
            add(node, data.get("name"))
    for frame in (plan.insiders, plan.intro_paths, plan.connectors):
        for id_column, name_columns in _NAME_FOR_ID.items():
            if id_column not in frame.columns:
                continue
            for column in name_columns:
                values = frame[column] if column in frame.columns else [""] * len(frame)
                for pid, name in zip(frame[id_column], values, strict=True):
                    add(pid, name)
        if "reaches" in frame.columns:
            for reaches in frame["reaches"]:
                for pid in _as_tuple(reaches):
                    add(pid, "")
    return dict(names)


def _digest(pid: str) -> str:
    return hashlib.sha256(pid.encode("utf-8")).hexdigest().upper()


def _anonymous_ids(names: Mapping[str, list[str]], *, owner_id: str) -> dict[str, str]:
    ids = {pid: "anon:" + _digest(pid)[:16].lower() for pid in names}
    ids[owner_id] = _OWNER_ID
    return ids


def _pseudonyms(names: Mapping[str, list[str]], *, owner_id: str) -> dict[str, str]:
    """``Person XXXX`` from the id's hash; longer only where four characters collide."""
    people = sorted(pid for pid in names if pid != owner_id)
    width = {pid: 4 for pid in people}
    while True:
        seen: dict[str, list[str]] = defaultdict(list)
        for pid in people:
            seen[_digest(pid)[: width[pid]]].append(pid)
        clashes = [group for group in seen.values() if len(group) > 1]
        if not clashes:
            break
        for group in clashes:
            for pid in group:
                width[pid] += 2
    out = {pid: "Person " + _digest(pid)[: width[pid]] for pid in people}
    out[owner_id] = _OWNER_PSEUDONYM
    return out


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def _fold(text: str) -> str:
    return _strip_accents(text).casefold()


def _name_parts(name: str) -> list[str]:
    """The words of a name that would identify its owner on their own."""
    return [
        part for part in _WORD.findall(name)
        if len(part) >= 2 and not part.isdigit() and part.casefold() not in _NOT_NAMES
        and not part[0].islower()  # particles such as "van" or "de", lower-case remarks
    ]


def _name_rewriter(names: Mapping[str, list[str]], pseudonyms: Mapping[str, str]):
    """A function that replaces every real name in a sentence by its pseudonym.

    Names are matched word by word (so "Sam Lee's" and "SAM LEE" are found, and accents
    do not matter); the scan is linear in the length of the text.
    """
    full: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    part_owners: dict[str, set[str]] = defaultdict(set)
    for pid, spellings in names.items():
        for name in spellings:
            words = tuple(_fold(w) for w in _WORD.findall(name))
            if words:
                full[words[0]].setdefault(words, pseudonyms[pid])
            for part in _name_parts(name):
                part_owners[_strip_accents(part)].add(pid)
    index = {first: sorted(found.items(), key=lambda item: -len(item[0]))
             for first, found in full.items()}
    parts = {part: pseudonyms[next(iter(owners))] if len(owners) == 1 else _SOMEONE
             for part, owners in part_owners.items()}

    def match_full(text: str, words: list[re.Match], i: int) -> tuple[int, str] | None:
        for sequence, alias in index.get(_fold(words[i].group()), ()):
            k = len(sequence)
            if i + k > len(words):
                continue
            if all(_fold(words[i + j].group()) == sequence[j] for j in range(1, k)) and all(
                words[i + j + 1].start() - words[i + j].end() <= 3 for j in range(k - 1)
            ):
                return k, alias
        return None

    def rewrite(text: str) -> str:
        if not isinstance(text, str):
            return text
        words = list(_WORD.finditer(text))
        out, position, i = [], 0, 0
        while i < len(words):
            word = words[i]
            hit = match_full(text, words, i)
            if hit is not None:
                k, alias = hit
                out += [text[position:word.start()], alias]
                position, i = words[i + k - 1].end(), i + k
                continue
            alias = parts.get(_strip_accents(word.group()))
            if alias is not None:
                out += [text[position:word.start()], alias]
                position = word.end()
            i += 1
        out.append(text[position:])
        return "".join(out)

    return rewrite


# -- frames and graph -------------------------------------------------------------------


def _as_tuple(value: object) -> tuple:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return ()


def _redact_frame(frame: pd.DataFrame, new_id, pseudonyms, rewrite) -> pd.DataFrame:
    out = frame.copy(deep=True)
    for id_column, name_columns in _NAME_FOR_ID.items():
        if id_column not in out.columns:
            continue
        ids = list(frame[id_column])
        for column in name_columns:
            if column in out.columns:
                out[column] = [pseudonyms.get(pid, _SOMEONE) if isinstance(pid, str) else _SOMEONE
                               for pid in ids]
        out[id_column] = [new_id(pid) for pid in ids]
    for column in out.columns:
        if str(column).endswith(_DROP_SUFFIXES):
            out[column] = ""
    if "reaches" in out.columns:
        out["reaches"] = [tuple(new_id(pid) for pid in _as_tuple(r)) for r in frame["reaches"]]
    if "reasons" in out.columns:
        out["reasons"] = [_rewrite_reasons(r, rewrite) for r in frame["reasons"]]
    return out


def _rewrite_reasons(reasons: object, rewrite) -> object:
    if isinstance(reasons, str):
        return rewrite(reasons)
    if isinstance(reasons, Iterable):
        return tuple(rewrite(r) if isinstance(r, str) else r for r in reasons)
    return reasons


def _redact_note(note: str, rewrite) -> str:
    """A data-quality note: names rewritten, quoted values and file paths hidden.

    Notes quote values from the user's files ("contacts file line 4: 'Jo Park' is not
    among your connections") and name files by path; either may name someone who is not
    in the plan, so in a redacted plan they become ``'…'`` and ``[file]``.
    """
    note = rewrite(note)
    note = _QUOTED.sub(lambda m: m.group(0) if _PSEUDONYM.fullmatch(m.group(1)) else "'…'", note)
    return _PATH.sub("[file]", note)


def _redact_attrs(data: dict, rewrite) -> None:
    for key in list(data):
        name = str(key)
        if name.endswith(_DROP_SUFFIXES) or name in _PRIVATE_ATTRS:
            data[key] = ""
        elif name.endswith("reasons"):
            data[key] = _rewrite_reasons(data[key], rewrite)


def _redact_graph(G: nx.Graph, ids, pseudonyms, rewrite) -> nx.Graph:
    by_url = {_url_key(data.get("url")): pseudonyms[node] for node, data in G.nodes(data=True)
              if node in pseudonyms and _url_key(data.get("url"))}
    H = copy.deepcopy(G)
    for node, data in H.nodes(data=True):
        if node in pseudonyms and data.get("kind") in ("you", "person", None):
            data["name"] = pseudonyms[node]
        _redact_attrs(data, rewrite)
    for _, _, data in H.edges(data=True):
        _redact_attrs(data, rewrite)
    if isinstance(H.graph.get("notes"), (list, tuple)):
        H.graph["notes"] = type(H.graph["notes"])(_redact_note(str(n), rewrite) for n in H.graph["notes"])
    if "owner" in H.graph and H.graph["owner"] in ids:
        H.graph["owner"] = ids[H.graph["owner"]]
    sources = []
    for number, source in enumerate(H.graph.get("sources", ()) or (), start=1):
        if isinstance(source, Mapping):
            source = dict(source)
            source["path"] = f"source {number}"
            source["owner"] = _redact_owner(source.get("owner", ""), by_url, rewrite)
        sources.append(source)
    if "sources" in H.graph:
        H.graph["sources"] = sources
    return nx.relabel_nodes(H, {node: ids[node] for node in H if node in ids}, copy=True)


def _url_key(url: object) -> str:
    if not isinstance(url, str):
        return ""
    return url.strip().casefold().rstrip("/").removeprefix("https://").removeprefix("http://")


def _redact_owner(owner: object, by_url: Mapping[str, str], rewrite) -> str:
    """The owner of a shared export, written as a name or a profile URL."""
    if not isinstance(owner, str) or not owner.strip():
        return ""
    if "/" in owner or "@" in owner:
        return by_url.get(_url_key(owner), _SOMEONE)
    return rewrite(owner)
