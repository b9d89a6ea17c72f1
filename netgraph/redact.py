"""Redaction: a copy of a :class:`~netgraph.plan.Plan` that is safe to share.

Redaction works by construction, not by a list of columns: every piece of text in the
plan (every cell of every frame, every attribute of the graph's nodes and edges, the
graph's own attributes, the notes) goes through one function, :func:`scrub_text`, which

* replaces every e-mail address with ``[e-mail]`` and every web address with ``[link]``,
  by pattern, known or not (``https://...``, ``www....``, ``linkedin.com/in/...``: any
  domain followed by a path);
* replaces every person name the plan knows (you, your connections, the owners of the
  friends' exports, the people at your targets) by that person's pseudonym, wherever it
  stands: full names in any case and with or without accents, and a single part of a
  name ("Robin", "Castellanos") that belongs to one person only; a part shared by several
  people becomes "someone". A word of a target company's name is not taken for a name
  part on its own.

On top of that, name columns hold the pseudonym (``Person 7F3A``; the owner is ``You``),
URL and e-mail columns are emptied, person ids become opaque ``anon:`` ids (a profile
slug is a name too), file paths of the sources become ``source N``, and the notes hide
quoted values (a contacts-file row may name someone who is not in the plan at all) and
file paths. Companies, positions, scores and counts stay (with names, e-mails and links
masked inside them), so a redacted report still reads as a plan.

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
from collections.abc import Callable, Mapping

import networkx as nx
import pandas as pd

from netgraph.blurb import Background
from netgraph.io.export import Owner
from netgraph.plan import Plan

__all__ = ["redact_plan", "scrub_text", "EMAIL_MASK", "LINK_MASK"]

_OWNER_PSEUDONYM = "You"
_OWNER_ID = "anon:you"
_SOMEONE = "someone"
#: What an e-mail address and a web address become.
EMAIL_MASK = "[e-mail]"
LINK_MASK = "[link]"

# Columns of the plan frames: (id column, name columns, url/e-mail columns).
_NAME_FOR_ID = {"person_id": ("name",), "target_id": ("target_name",),
                "connector_id": ("connector_name",)}
_DROP_SUFFIXES = ("url", "email")
# Attributes that are codes, not text about anyone.
_CODES = frozenset({"kind"})

# Name parts that are also ordinary words in reasons ("connected in May 2024").
_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "she her hers he him his they them their phd mba cpa pmp md jr sr ii iii iv "
    "dr mr mrs ms prof you".split()
)
_WORD = re.compile(r"\w+")
# A quoted value: 'Jo Park', and 'Seán O'Brien' (an apostrophe before a letter is inside).
_QUOTED = re.compile(r"(?<!\w)'((?:[^'\n]|'(?=\w)){1,200})'(?!\w)")
_PATH = re.compile(r"[^\s'\"]*[/\\][^\s'\"]*")
_PRIVATE_ATTRS = frozenset({"first_name", "last_name", "notes", "note", "tags"})
#: what a pseudonym looks like
_PSEUDONYM = re.compile(r"Person [0-9A-F]{4,}|You")

# Anything@anything: the local part and the domain, without the brackets around them.
_EMAIL = re.compile(r"""[^\s@<>()\[\]{}"',;:|]+@[^\s@<>()\[\]{}"',;:|]+""")
# A scheme (https://, ftp://, mailto:), www., or a domain with a path (linkedin.com/in/x).
_LINK = re.compile(
    r"""(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\bmailto:|\bwww\d?\.)[^\s<>"'|]*"""
    r"""|\b(?:[\w-]+\.)+[a-zA-Z][\w-]*(?::\d+)?/[^\s<>"'|]*""",
)


def redact_plan(plan: Plan) -> Plan:
    """Return a copy of `plan` with every person made anonymous.

    See the module's description for exactly what is removed: every name the plan knows
    (as a pseudonym), every e-mail address and web address (by pattern), profile URLs,
    person ids, file paths, and quoted values in the notes. Companies, positions, scores
    and counts are kept.

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
    ...                          "position": ["EA to Ann Bell (ann@bell.example)"],
    ...                          "reasons": [("Bo Diaz endorsed you",)]})
    >>> p = Plan(G=G, as_of=dt.date(2026, 1, 1), owner=Owner("Ann Bell", "", "in:ann"),
    ...          targets=empty, insiders=insiders, intro_paths=empty, connectors=empty,
    ...          near_misses=empty)
    >>> r = redact_plan(p)
    >>> r.owner.name, r.insiders.loc[0, "name"], r.insiders.loc[0, "reasons"]
    ('You', 'Person D35E', ('Person D35E endorsed you',))
    >>> r.insiders.loc[0, "position"]
    'EA to You ([e-mail])'
    """
    names = _collect_names(plan)
    ids = _anonymous_ids(names, owner_id=plan.owner.person_id)
    pseudonyms = _pseudonyms(names, owner_id=plan.owner.person_id)
    text_scrub = _memo(scrub_text_with(names, pseudonyms, keep=_target_words(plan)))

    def scrub(text: str) -> str:
        """A person id anywhere (``ask_about``, evidence) becomes its anonymous id; any other text is scrubbed."""
        return ids[text] if text in ids else text_scrub(text)

    def new_id(pid: object) -> object:
        return ids.get(pid, pid) if isinstance(pid, str) else pid

    targets = _redact_frame(plan.targets, new_id, pseudonyms, scrub)
    insiders = _redact_frame(plan.insiders, new_id, pseudonyms, scrub)
    intro_paths = _redact_frame(plan.intro_paths, new_id, pseudonyms, scrub)
    connectors = _redact_frame(plan.connectors, new_id, pseudonyms, scrub)
    near_misses = _redact_frame(plan.near_misses, new_id, pseudonyms, scrub)
    return dataclasses.replace(
        plan,
        G=_redact_graph(plan.G, ids, pseudonyms, scrub),
        owner=Owner(name=_OWNER_PSEUDONYM, url="", person_id=_OWNER_ID),
        summary=_scrub_value(copy.deepcopy(plan.summary), scrub),
        notes=tuple(_redact_note(str(note), scrub) for note in plan.notes),
        targets=targets, insiders=insiders, intro_paths=intro_paths, connectors=connectors,
        near_misses=near_misses, threads=_redact_frame(plan.threads, new_id, pseudonyms, scrub),
        me=Background(),  # your own background is for your drafts, never for a shared report
    )


def scrub_text(text: str, names: Mapping[str, list[str]] | None = None) -> str:
    """Mask every e-mail and web address in `text`, and every name in `names`.

    Parameters
    ----------
    text
        Any free text: a position, a company, a reason.
    names
        Person id to the spellings of their name; each becomes ``Person XXXX``.

    Examples
    --------
    >>> scrub_text("Manager of Kwame Mensah (hana@k.example), see https://x.example/in/k",
    ...            {"in:kwame": ["Kwame Mensah"]})
    'Manager of Person 7A46 ([e-mail]), see [link]'
    >>> scrub_text("Founder at Booking.com; www.example.org and example.org/path")
    'Founder at Booking.com; [link] and [link]'
    """
    names = dict(names or {})
    return scrub_text_with(names, _pseudonyms(names, owner_id=""))(text)


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
    threads = plan.threads
    if threads is not None and len(threads):
        for pid, name, about in zip(threads["person_id"], threads["name"], threads["about"], strict=True):
            add(pid, name)
            if isinstance(about, str) and about.strip():  # whom you asked to meet: known by name only
                add(f"about:{about.strip().casefold()}", about.strip())
    return dict(names)


def _target_words(plan: Plan) -> frozenset[str]:
    """Words of the target companies' names and aliases: not taken for a name part alone."""
    words: set[str] = set()
    texts = [str(t) for t in plan.G.graph.get("targets", ()) or ()]
    for column in ("company", "aliases"):
        if column in plan.targets.columns:
            for value in plan.targets[column]:
                texts += [str(v) for v in _as_tuple(value)] if isinstance(value, (list, tuple)) else [str(value)]
    for text in texts:
        words.update(_strip_accents(w) for w in _WORD.findall(text))
    return frozenset(words)


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


def _memo(function: Callable[[str], str]) -> Callable[[str], str]:
    """`function` remembering its answers: a company or position repeats thousands of times."""
    seen: dict[str, str] = {}

    def remembered(text: str) -> str:
        if text not in seen:
            seen[text] = function(text)
        return seen[text]

    return remembered


def scrub_text_with(names: Mapping[str, list[str]], pseudonyms: Mapping[str, str], *,
                    keep: frozenset[str] = frozenset()) -> Callable[[str], str]:
    """A function that masks e-mails and links and replaces every real name by its pseudonym.

    Names are matched word by word (so "Sam Lee's" and "SAM LEE" are found, and accents
    do not matter); the scan is linear in the length of the text. Words in `keep` (the
    targets' words) are not replaced when they stand alone.
    """
    full: dict[str, dict[tuple[str, ...], str]] = defaultdict(dict)
    part_owners: dict[str, set[str]] = defaultdict(set)
    for pid, spellings in names.items():
        for name in spellings:
            words = tuple(_fold(w) for w in _WORD.findall(name))
            if words:
                full[words[0]].setdefault(words, pseudonyms[pid])
            for part in _name_parts(name):
                if _strip_accents(part) not in keep:
                    part_owners[_strip_accents(part)].add(pid)
    index = {first: sorted(found.items(), key=lambda item: -len(item[0]))
             for first, found in full.items()}
    parts = {part: pseudonyms[next(iter(owners))] if len(owners) == 1 else _SOMEONE
             for part, owners in part_owners.items()}

    def match_full(words: list[re.Match], i: int) -> tuple[int, str] | None:
        for sequence, alias in index.get(_fold(words[i].group()), ()):
            k = len(sequence)
            if i + k > len(words):
                continue
            if all(_fold(words[i + j].group()) == sequence[j] for j in range(1, k)) and all(
                words[i + j + 1].start() - words[i + j].end() <= 3 for j in range(k - 1)
            ):
                return k, alias
        return None

    def rename(text: str) -> str:
        words = list(_WORD.finditer(text))
        out, position, i = [], 0, 0
        while i < len(words):
            word = words[i]
            hit = match_full(words, i)
            if hit is not None:
                k, alias = hit
                out += [text[position:word.start()], alias]
                position, i = words[i + k - 1].end(), i + k
                continue
            part = parts.get(_strip_accents(word.group()))
            if part is not None:
                out += [text[position:word.start()], part]
                position = word.end()
            i += 1
        out.append(text[position:])
        return "".join(out)

    def scrub(text: str) -> str:
        if not isinstance(text, str) or not text:
            return text
        text = _LINK.sub(LINK_MASK, _EMAIL.sub(EMAIL_MASK, text))
        return rename(text)

    return scrub


# -- frames and graph -------------------------------------------------------------------


def _as_tuple(value: object) -> tuple:
    if isinstance(value, (list, tuple)):
        return tuple(value)
    return ()


def _scrub_value(value, scrub: Callable[[str], str]):
    """Text scrubbed; tuples, lists, dicts and records (dataclasses) scrubbed inside; anything else as it is."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, (tuple, list)):
        return type(value)(_scrub_value(v, scrub) for v in value)
    if isinstance(value, dict):
        return {k: _scrub_value(v, scrub) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub_value(getattr(value, f.name), scrub) for f in dataclasses.fields(value)
                   if f.init and isinstance(getattr(value, f.name), (str, tuple, list, dict))}
        return dataclasses.replace(value, **changes)
    return value


def _redact_frame(frame: pd.DataFrame, new_id, pseudonyms, scrub) -> pd.DataFrame:
    """Ids anonymous, names pseudonyms, URLs and e-mails gone, every other text cell scrubbed."""
    out = frame.copy(deep=True)
    done: set[str] = set()
    for id_column, name_columns in _NAME_FOR_ID.items():
        if id_column not in out.columns:
            continue
        ids = list(frame[id_column])
        for column in name_columns:
            if column in out.columns:
                out[column] = [pseudonyms.get(pid, _SOMEONE) if isinstance(pid, str) else _SOMEONE
                               for pid in ids]
                done.add(column)
        out[id_column] = [new_id(pid) for pid in ids]
        done.add(id_column)
    if "reaches" in out.columns:
        out["reaches"] = [tuple(new_id(pid) for pid in _as_tuple(r)) for r in frame["reaches"]]
        done.add("reaches")
    for column in out.columns:
        if str(column).endswith(_DROP_SUFFIXES):
            out[column] = ""
        elif column not in done and out[column].dtype == object:
            out[column] = [_scrub_value(v, scrub) for v in out[column]]
        elif column not in done and pd.api.types.is_string_dtype(out[column]):
            out[column] = out[column].map(lambda v: _scrub_value(v, scrub))
    return out


def _redact_note(note: str, scrub) -> str:
    """A data-quality note: names, e-mails and links masked, quoted values and file paths hidden.

    Notes quote values from the user's files ("contacts file line 4: 'Jo Park' is not
    among your connections") and name files by path; either may name someone who is not
    in the plan, so in a redacted plan they become ``'…'`` and ``[file]``.
    """
    note = scrub(note)
    note = _QUOTED.sub(lambda m: m.group(0) if _PSEUDONYM.fullmatch(m.group(1)) else "'…'", note)
    return _PATH.sub("[file]", note)


def _redact_attrs(data: dict, scrub, name: str | None = None) -> None:
    for key in list(data):
        label = str(key)
        if label.endswith(_DROP_SUFFIXES) or label in _PRIVATE_ATTRS:
            data[key] = ""
        elif label == "name" and name is not None:
            data[key] = name
        elif label not in _CODES:
            data[key] = _scrub_value(data[key], scrub)


def _redact_graph(G: nx.Graph, ids, pseudonyms, scrub) -> nx.Graph:
    by_url = {_url_key(data.get("url")): pseudonyms[node] for node, data in G.nodes(data=True)
              if node in pseudonyms and _url_key(data.get("url"))}
    H = copy.deepcopy(G)
    for node, data in H.nodes(data=True):
        person = node in pseudonyms and data.get("kind") in ("you", "person", None)
        _redact_attrs(data, scrub, pseudonyms[node] if person else None)
    for _, _, data in H.edges(data=True):
        _redact_attrs(data, scrub)
    for key in list(H.graph):
        value = H.graph[key]
        if key == "owner":
            H.graph[key] = ids.get(value, value) if isinstance(value, str) else value
        elif key == "notes" and isinstance(value, (list, tuple)):
            H.graph[key] = type(value)(_redact_note(str(n), scrub) for n in value)
        elif key == "sources":
            H.graph[key] = _redact_sources(value, by_url, scrub)
        elif key not in _CODES:
            H.graph[key] = _scrub_value(value, scrub)
    return nx.relabel_nodes(H, {node: ids[node] for node in H if node in ids}, copy=True)


def _redact_sources(sources, by_url: Mapping[str, str], scrub) -> list:
    """The sources read: paths become ``source N``, owners pseudonyms, any other text scrubbed."""
    out = []
    for number, source in enumerate(sources or (), start=1):
        if isinstance(source, Mapping):
            redacted = {k: _scrub_value(v, scrub) for k, v in source.items()}
            redacted["path"] = f"source {number}"
            redacted["owner"] = _redact_owner(source.get("owner", ""), by_url, scrub)
            source = redacted
        out.append(source)
    return out


def _url_key(url: object) -> str:
    if not isinstance(url, str):
        return ""
    return url.strip().casefold().rstrip("/").removeprefix("https://").removeprefix("http://")


def _redact_owner(owner: object, by_url: Mapping[str, str], scrub) -> str:
    """The owner of a shared export, written as a name or a profile URL."""
    if not isinstance(owner, str) or not owner.strip():
        return ""
    if "/" in owner or "@" in owner:
        return by_url.get(_url_key(owner), _SOMEONE)
    return scrub(owner)
