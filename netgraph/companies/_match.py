"""Matching free-text company names to the user's targets."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from netgraph.companies._normalize import is_unit_tail, normalize, strip_legal, tokens
from netgraph.companies._tables import (
    COMMON_WORD_NAMES,
    DIFFERENT_COMPANIES,
    KNOWN_ALIASES,
    ORG_WORDS,
    PLACES,
    UNIT_WORDS,
)

logger = logging.getLogger(__name__)

__all__ = ["match_companies", "find_near_misses"]

_RULES = ("exact", "alias", "known alias", "known alias")
_MIN_TYPO_LEN = 5  # shortest target name (letters, no spaces) whose typos are forgiven
_MIN_EDIT_LEN = 8  # ... for any one edit; shorter names only for two swapped letters
_MIN_TWO_EDIT_LEN = 15  # ... for two edits
_VOWELS = frozenset("aeiouy")
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("cs", "ck", "sz"))


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    """Letters next to each letter on a QWERTY keyboard."""
    out: dict[str, set[str]] = {}
    for r, row in enumerate(_KEYBOARD):
        for i, key in enumerate(row):
            near = out.setdefault(key, set())
            near.update(row[max(i - 1, 0) : i + 2])
            if r > 0:
                near.update(_KEYBOARD[r - 1][i : i + 2])
            if r + 1 < len(_KEYBOARD):
                near.update(_KEYBOARD[r + 1][max(i - 1, 0) : i + 1])
    return {k: frozenset(v - {k}) for k, v in out.items()}


_NEIGHBOURS = _keyboard_neighbours()


def _known_groups() -> tuple[list[frozenset[str]], dict[str, int], list[list[int]]]:
    """The built-in alias table as groups of keys, key -> group, group -> child groups."""
    groups = [frozenset(normalize(n) for n in names.split(",")) for names, _ in KNOWN_ALIASES]
    group_of: dict[str, int] = {}
    for g, names in enumerate(groups):
        for name in names:
            if group_of.setdefault(name, g) != g:
                raise ValueError(f"{name!r} is in two built-in alias groups")
    children: list[list[int]] = [[] for _ in groups]
    for g, (_, parent) in enumerate(KNOWN_ALIASES):
        if parent is not None:
            children[group_of[normalize(parent)]].append(g)
    return groups, group_of, children


_GROUPS, _GROUP_OF, _CHILDREN = _known_groups()


@dataclass(frozen=True)
class _Hit:
    """One way a key leads to a target; smaller ``rank`` and ``order`` win."""

    rank: int  # 0 exact, 1 the user's alias, 2 built-in alias, 3 built-in alias of a unit
    order: int
    target: int

    @property
    def rule(self) -> str:
        return _RULES[self.rank]


@dataclass(frozen=True)
class _Index:
    """The targets, ready for lookups: every key and its best hit."""

    names: tuple[str, ...]
    by_key: dict[str, _Hit]
    by_compact: dict[str, _Hit]
    prefixes: dict[str, _Hit]  # first words of multi-word keys, for near misses
    fuzzy: dict[str, list[tuple[str, _Hit]]]  # first letter -> (compact key, hit)


def _target_rows(
    targets: pd.DataFrame | Iterable[str],
) -> list[tuple[str, tuple[str, ...], int]]:
    """(company, aliases, order) for each target, from a targets frame or plain names."""
    if not isinstance(targets, pd.DataFrame):
        return [(str(name), (), i) for i, name in enumerate(targets)]
    n = len(targets)
    aliases = targets["aliases"] if "aliases" in targets else [()] * n
    order = targets["order"] if "order" in targets else range(n)
    return [
        (str(c), tuple(a), int(o))
        for c, a, o in zip(targets["company"], aliases, order, strict=True)
    ]


def _keep_best(hits: dict[str, _Hit], key: str, hit: _Hit) -> None:
    """Store ``hit`` under ``key`` unless a better one (lower rank, then order) is there."""
    old = hits.get(key)
    if key and (old is None or (hit.rank, hit.order) < (old.rank, old.order)):
        hits[key] = hit


def _build_index(targets: pd.DataFrame | Iterable[str], builtin_aliases: bool) -> _Index:
    rows = _target_rows(targets)
    by_key: dict[str, _Hit] = {}
    for t, (company, aliases, order) in enumerate(rows):
        own = [normalize(company)] + [normalize(a) for a in aliases]
        _keep_best(by_key, own[0], _Hit(0, order, t))
        for key in own[1:]:
            _keep_best(by_key, key, _Hit(1, order, t))
        if builtin_aliases:
            for g in {_GROUP_OF[k] for k in own if k in _GROUP_OF}:
                for key in _GROUPS[g]:
                    _keep_best(by_key, key, _Hit(2, order, t))
                for child in _CHILDREN[g]:
                    for key in _GROUPS[child]:
                        _keep_best(by_key, key, _Hit(3, order, t))
    by_compact: dict[str, _Hit] = {}
    prefixes: dict[str, _Hit] = {}
    fuzzy: dict[str, list[tuple[str, _Hit]]] = {}
    for key, hit in by_key.items():
        compact = key.replace(" ", "")
        _keep_best(by_compact, compact, hit)
        words = key.split()
        for j in range(1, len(words)):
            head = " ".join(words[:j])
            if len(head) >= 4 and not _is_plain_word(head):
                _keep_best(prefixes, head, hit)
        if len(compact) >= _MIN_TYPO_LEN and key not in COMMON_WORD_NAMES:
            fuzzy.setdefault(compact[0], []).append((compact, hit))
    return _Index(tuple(r[0] for r in rows), by_key, by_compact, prefixes, fuzzy)


def _is_plain_word(phrase: str) -> bool:
    return phrase in PLACES or phrase in ORG_WORDS or phrase in UNIT_WORDS


def _lookup(index: _Index, words: list[str]) -> tuple[str, _Hit | None]:
    """The key of ``words`` and its best hit, spaced or not (``sales force``)."""
    key = " ".join(words)
    spaced, compact = index.by_key.get(key), index.by_compact.get("".join(words))
    if spaced is None or compact is None:
        return key, spaced or compact
    return key, min(spaced, compact, key=lambda hit: (hit.rank, hit.order))


def _match_exact_or_unit(index: _Index, words: list[str]) -> tuple[_Hit, str] | None:
    """The exact, alias or unit-suffix match of a normalised name, if any."""
    key, hit = _lookup(index, words)
    if hit is not None:
        return hit, hit.rule
    if key in DIFFERENT_COMPANIES:
        return None
    for i in range(len(words) - 1, 0, -1):
        head_key, hit = _lookup(index, strip_legal(words[:i]))
        if hit is not None and is_unit_tail(
            words[i:], business_units=head_key not in COMMON_WORD_NAMES
        ):
            return hit, "unit suffix"
    return None


def _core(words: list[str]) -> list[str]:
    """``words`` without a trailing place or unit ("salesfroce uk" -> "salesfroce")."""
    for i in range(1, len(words)):
        if is_unit_tail(words[i:], business_units=True):
            return strip_legal(words[:i])
    return words


def _is_typo(query: str, choice: str, distance: int) -> bool:
    """Whether ``query`` is a safe-to-accept typo of ``choice`` (OSA ``distance`` apart).

    Two swapped letters are forgiven from 5 letters on; one letter added, dropped or
    replaced (by a neighbouring key, another vowel, or a sound-alike: c/s, c/k, s/z) from
    8 letters on; two edits from 15. Extra letters at the end are never a typo.
    """
    size = len(choice)
    if query.startswith(choice) or [c for c in query if c.isdigit()] != [
        c for c in choice if c.isdigit()
    ]:
        return False  # "Amazonas" is not a typo of "Amazon"; digits are never typos
    if distance == 2:
        return size >= _MIN_TWO_EDIT_LEN
    if distance != 1:
        return False  # 0: the exact and unit rules have already said no
    if Levenshtein.distance(query, choice) == 2:  # one swap of neighbouring letters
        return size >= _MIN_TYPO_LEN
    if size < _MIN_EDIT_LEN:
        return False
    (op,) = Levenshtein.editops(query, choice)
    if op.tag != "replace":
        return True
    a, b = query[op.src_pos], choice[op.dest_pos]
    return (
        (a in _VOWELS and b in _VOWELS)
        or b in _NEIGHBOURS.get(a, ())
        or frozenset((a, b)) in _SOUND_ALIKE
    )


def _looks_close(choice: str, distance: int) -> bool:
    """Close enough to mention as a near miss."""
    return (distance <= 1 and len(choice) >= 5) or (distance <= 2 and len(choice) >= 8)


def _fuzzy(
    index: _Index, queries: list[tuple[int, str]]
) -> tuple[dict[int, tuple[_Hit, int]], dict[int, _Hit]]:
    """Typo matches (row -> hit, score) and near misses (row -> hit) for the queries.

    ``queries`` are ``(row, name without spaces)`` pairs, several per row allowed.

    Only queries and keys with the same first letter are compared (a cheap pre-filter),
    with :func:`rapidfuzz.process.cdist` on the optimal-string-alignment distance.
    """
    typos: dict[int, tuple[tuple, _Hit, int]] = {}
    close: dict[int, tuple[tuple, _Hit]] = {}
    by_letter: dict[str, list[tuple[int, str]]] = {}
    for row, query in queries:
        if len(query) >= _MIN_TYPO_LEN - 1 and query[0] in index.fuzzy:
            by_letter.setdefault(query[0], []).append((row, query))
    for letter, group in by_letter.items():
        choices = index.fuzzy[letter]
        dist = process.cdist(
            [q for _, q in group], [c for c, _ in choices],
            scorer=OSA.distance, score_cutoff=2, dtype=np.int32, workers=1,
        )  # fmt: skip
        for qi, ci in zip(*np.nonzero(dist <= 2), strict=True):
            (row, query), (choice, hit), d = group[qi], choices[ci], int(dist[qi, ci])
            rank = (d, -len(choice), hit.rank, hit.order)
            if _is_typo(query, choice, d):
                if row not in typos or rank < typos[row][0]:
                    score = round(fuzz.ratio(query, choice))
                    typos[row] = (rank, hit, score)
            elif _looks_close(choice, d) and (row not in close or rank < close[row][0]):
                close[row] = (rank, hit)
    return (
        {row: (hit, score) for row, (_, hit, score) in typos.items()},
        {row: hit for row, (_, hit) in close.items()},
    )


def _near_miss(index: _Index, words: list[str]) -> _Hit | None:
    """The target an unmatched name starts with, or that starts with it."""
    for i in range(len(words) - 1, 0, -1):
        _, hit = _lookup(index, strip_legal(words[:i]))
        if hit is not None:
            return hit
    return index.prefixes.get(" ".join(words))


def _distinct(names: Iterable[str] | pd.Series) -> list[str]:
    """The distinct names in first-seen order; missing values become ``""``."""
    series = names if isinstance(names, pd.Series) else pd.Series(list(names), dtype=object)
    out = [v if isinstance(v, str) else "" for v in pd.unique(series)]
    return list(dict.fromkeys(out)) if len(out) != len(set(out)) else out


def match_companies(
    names: Iterable[str] | pd.Series,
    targets: pd.DataFrame | Iterable[str],
    *,
    builtin_aliases: bool = True,
) -> pd.DataFrame:
    """Find which target, if any, each company name refers to.

    Names are compared after normalisation (case, accents, punctuation, ``&``/``and``, a
    leading "The", ``.com``, legal forms such as ``Inc.``, ``GmbH``, ``S.A.``). In order:

    * ``exact``: same normalised name as the target (``Intel Corporation`` is Intel);
    * ``alias``: same as one of the target's aliases from the targets file;
    * ``known alias``: a well-known other name (``Facebook`` is Meta, ``AWS`` is Amazon);
    * ``unit suffix``: a target's name followed only by a place or unit (``Pfizer UK``,
      ``Intel Labs``; after names that are ordinary words, such as Target or Delta, only
      places and words like "Stores"): ``Target Hospitality`` is not Target;
    * ``typo``: a small typo of a long enough name (``Salesfroce``), never a prefix or a
      substring (``Intelligent Systems`` is not Intel).

    Each name matches at most one target: the most specific (an exact-class match, then
    the longest name), then the earliest in the targets file.

    Parameters
    ----------
    names
        Company names as written, e.g. the ``company`` column of the connections.
    targets
        The frame from :func:`read_targets` (``company`` and optionally ``aliases``,
        ``order``), or plain target names.
    builtin_aliases
        Use the built-in table of well-known other names (only ever to match a target).

    Returns
    -------
    DataFrame
        One row per distinct name, indexed by the name as given (missing names become
        ``""``): ``target`` (the target's ``company`` as written, ``""`` for none),
        ``rule`` (``""`` for none), ``score`` (100 for exact rules, the similarity
        0..100 for typos, 0 for none) and ``looks_like`` (for unmatched names that
        resemble a target, that target; else ``""``).

    Examples
    --------
    >>> m = match_companies(["Intel Corporation", "Intelligent Systems", "Salesfroce",
    ...                      "Target Hospitality", "Facebook"],
    ...                     ["Intel", "Salesforce", "Target", "Meta"])
    >>> m.values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Intel', 'exact', 100, ''], ['', '', 0, ''], ['Salesforce', 'typo', 90, ''],
     ['', '', 0, 'Target'], ['Meta', 'known alias', 100, '']]
    """
    index = _build_index(targets, builtin_aliases)
    distinct = _distinct(names)
    n = len(distinct)
    target, rule = [""] * n, [""] * n
    score, looks = [0] * n, [""] * n
    word_lists = [tokens(name) for name in distinct]
    queries: list[tuple[int, str]] = []
    for row, words in enumerate(word_lists):
        if not words:
            continue
        found = _match_exact_or_unit(index, words)
        if found is not None:
            hit, how = found
            target[row], rule[row], score[row] = index.names[hit.target], how, 100
            continue
        queries.append((row, "".join(words)))
        core = _core(words)
        if core != words:
            queries.append((row, "".join(core)))
    typos, close = _fuzzy(index, queries)
    for row, (hit, similarity) in typos.items():
        target[row], rule[row], score[row] = index.names[hit.target], "typo", similarity
    for row, _ in queries:
        if not target[row] and not looks[row]:
            hit = _near_miss(index, word_lists[row]) or close.get(row)
            looks[row] = index.names[hit.target] if hit is not None else ""
    return pd.DataFrame(
        {
            "target": target,
            "rule": rule,
            "score": np.array(score, dtype=np.int64),
            "looks_like": looks,
        },
        index=pd.Index(distinct, name="company"),
    )


def find_near_misses(companies: pd.Series, matches: pd.DataFrame) -> pd.DataFrame:
    """Companies in the network that resemble a target but were not matched to it.

    Parameters
    ----------
    companies
        One company name per person (e.g. the ``company`` column of the connections).
    matches
        The result of :func:`match_companies` for (at least) these names.

    Returns
    -------
    DataFrame
        ``company`` (the most common spelling), ``looks_like`` (the target it resembles)
        and ``count`` (people), spellings with the same normalised name counted together;
        sorted by count, largest first, then by name.

    Examples
    --------
    >>> people = pd.Series(["Target Hospitality", "Target Hospitality", "Target",
    ...                     "Target Hospitality Corp."])
    >>> find_near_misses(people, match_companies(people, ["Target"]))
                  company looks_like  count
    0  Target Hospitality     Target      3
    """
    columns = ["company", "looks_like", "count"]
    counts = companies[companies.notna()].astype(object).value_counts(sort=False)
    found = matches.reindex(counts.index)
    keep = found["target"].eq("") & found["looks_like"].fillna("").ne("")
    if not keep.any():
        return pd.DataFrame(
            {c: pd.Series(dtype=np.int64 if c == "count" else object) for c in columns}
        )
    rows = pd.DataFrame(
        {
            "spelling": [" ".join(str(s).split()) for s in counts.index[keep.to_numpy()]],
            "count": counts.to_numpy()[keep.to_numpy()],
            "looks_like": found["looks_like"].to_numpy()[keep.to_numpy()],
        }
    )
    rows["key"] = [normalize(s) for s in rows["spelling"]]
    rows = rows.groupby(["key", "looks_like", "spelling"], as_index=False)["count"].sum()
    rows = rows.sort_values(["count", "spelling"], ascending=[False, True], kind="stable")
    out = rows.groupby(["key", "looks_like"], as_index=False, sort=False).agg(
        company=("spelling", "first"), count=("count", "sum")
    )
    out = out.sort_values(["count", "company"], ascending=[False, True], kind="stable")
    return out[columns].reset_index(drop=True)
