"""The targets, ready for lookups: every name a target goes by, how ordinary it is, its
acronym and the spellings one typo away."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from netgraph.companies._normalize import company_key, raw_tokens, strip_legal
from netgraph.companies._tables import FRONT_WORDS, KNOWN_ALIASES, KNOWN_UNITS, ORG_WORDS, PLACES, UNIT_WORDS
from netgraph.companies._words import is_real_word, name_level

__all__ = ["Hit", "Index", "build_index", "RULES"]

# rank -> rule; smaller ranks win when two names lead to different targets.
RULES = ("exact", "alias", "known alias", "known alias", "known unit", "acronym")
_SKIP_INITIAL = frozenset({"and", "of", "the", "de", "do", "da", "e", "y", "und", "et"})
_MIN_TYPO = 5  # shortest name (letters, no spaces) whose typos are forgiven
_GENERIC_WORDS = PLACES | ORG_WORDS | UNIT_WORDS | FRONT_WORDS


@dataclass(frozen=True)
class Hit:
    """One way a key leads to a target; smaller ``rank`` and ``order`` win."""

    rank: int
    order: int
    target: int
    level: int  # how ordinary the key is: RARE, MEDIUM or COMMON
    size: int  # number of words in the key

    @property
    def rule(self) -> str:
        return RULES[self.rank]

    def better(self, other: Hit | None) -> bool:
        return other is None or (self.rank, -self.size, self.order) < (other.rank, -other.size, other.order)


@dataclass(frozen=True)
class Index:
    """Every key of every target with its best hit, and derived lookups."""

    names: tuple[str, ...]
    by_key: dict[str, Hit]
    by_compact: dict[str, Hit]
    acronyms: dict[str, Hit]
    prefixes: dict[str, Hit]  # first words of multi-word keys, for near misses
    deletions: dict[str, list[tuple[str, Hit]]]  # one-letter deletions -> (key, hit)
    sizes: frozenset[int]  # word counts of the keys a typo is looked for in
    longest: int  # most words in a key
    words: frozenset[str]  # every word of every key and acronym, and the starts of keys


def _target_rows(targets: pd.DataFrame | Iterable[str]) -> list[tuple[str, tuple[str, ...], int]]:
    """(company, aliases, order) for each target, from a targets frame or plain names."""
    if not isinstance(targets, pd.DataFrame):
        return [(str(name), (), i) for i, name in enumerate(targets)]
    n = len(targets)
    aliases = targets["aliases"] if "aliases" in targets else [()] * n
    order = targets["order"] if "order" in targets else range(n)
    return [(str(c), tuple(a), int(o)) for c, a, o in zip(targets["company"], aliases, order, strict=True)]


def _keep(hits: dict[str, Hit], key: str, hit: Hit) -> None:
    if key and hit.better(hits.get(key)):
        hits[key] = hit


def _groups() -> tuple[list[frozenset[str]], dict[str, int], list[list[int]]]:
    """The built-in alias table as groups of keys, key -> group, group -> child groups."""
    groups = [frozenset(company_key(n) for n in names.split(",")) for names, _ in KNOWN_ALIASES]
    group_of: dict[str, int] = {}
    for g, names in enumerate(groups):
        for name in names:
            if group_of.setdefault(name, g) != g:
                raise ValueError(f"{name!r} is in two built-in alias groups")
    children: list[list[int]] = [[] for _ in groups]
    for g, (_, parent) in enumerate(KNOWN_ALIASES):
        if parent is not None:
            children[group_of[company_key(parent)]].append(g)
    return groups, group_of, children


_GROUPS, _GROUP_OF, _CHILDREN = _groups()
_UNITS: dict[str, frozenset[str]] = {
    company_key(parent): frozenset(company_key(u) for u in units.split(",")) for parent, units in KNOWN_UNITS
}


def acronym(words: list[str]) -> str:
    """Initials of a name's words, small words skipped: ``tata consultancy services`` -> ``tcs``."""
    return "".join(w[0] for w in words if w not in _SKIP_INITIAL and w[0].isalpha())


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _hit(rank: int, order: int, target: int, key: str) -> Hit:
    words = key.split()
    return Hit(rank, order, target, name_level(words), len(words))


def build_index(targets: pd.DataFrame | Iterable[str], builtin_aliases: bool) -> Index:
    """Index the targets' names, aliases, built-in other names, units and acronyms."""
    rows = _target_rows(targets)
    by_key: dict[str, Hit] = {}
    acronyms: dict[str, Hit] = {}
    for t, (company, aliases, order) in enumerate(rows):
        own = [company_key(company)] + [company_key(a) for a in aliases]
        _keep(by_key, own[0], _hit(0, order, t, own[0]))
        for key in own[1:]:
            _keep(by_key, key, _hit(1, order, t, key))
        if builtin_aliases:
            names = set(own)
            for g in {_GROUP_OF[k] for k in own if k in _GROUP_OF}:
                names |= _GROUPS[g]
                for key in _GROUPS[g]:
                    _keep(by_key, key, _hit(2, order, t, key))
                for child in _CHILDREN[g]:
                    for key in _GROUPS[child]:
                        _keep(by_key, key, _hit(3, order, t, key))
            for key in names & _UNITS.keys():
                for unit in _UNITS[key]:
                    _keep(by_key, unit, _hit(4, order, t, unit))
        words = raw_tokens(company)
        for letters in {acronym(words), acronym(strip_legal(words))}:
            if 3 <= len(letters) <= 6 and not is_real_word(letters):
                _keep(acronyms, letters, _hit(5, order, t, letters))
    for key in list(acronyms):
        if key in by_key:
            del acronyms[key]
    by_compact: dict[str, Hit] = {}
    prefixes: dict[str, Hit] = {}
    deletions: dict[str, list[tuple[str, Hit]]] = {}
    sizes: set[int] = set()
    for key, hit in by_key.items():
        compact = key.replace(" ", "")
        _keep(by_compact, compact, hit)
        words = key.split()
        for j in range(1, len(words)):
            head = " ".join(words[:j])
            if len(head) >= 4 and not _GENERIC_WORDS.intersection(words[:j]):
                _keep(prefixes, head, hit)
        if hit.rank <= 2 and len(compact) >= _MIN_TYPO and not compact.isdigit():
            sizes.add(len(words))
            for variant in _deletions(compact) | {compact}:
                deletions.setdefault(variant, []).append((key, hit))
    longest = max((hit.size for hit in by_key.values()), default=1)
    words_seen = {word for key in by_key for word in key.split()} | set(acronyms)
    for compact in by_compact:
        words_seen.update(compact[:i] for i in range(3, len(compact)))
    return Index(
        tuple(r[0] for r in rows), by_key, by_compact, acronyms, prefixes, deletions,
        frozenset(sizes), longest, frozenset(words_seen),
    )  # fmt: skip

