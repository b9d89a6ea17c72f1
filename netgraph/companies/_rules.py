"""The rules that decide whether one company cell is one of the targets.

Each rule follows a way people write their employer; :func:`decide` applies them in order
to one cell and says which target (if any) it is, by which rule, or which target it only
resembles and why it is not counted. Typos are looked for afterwards, for all the cells
that nothing else matched, in one batch (:func:`find_typos`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from netgraph.companies._index import Hit, Index, acronym
from netgraph.companies._normalize import company_key, is_no_company, is_unit_tail, raw_tokens, strip_legal
from netgraph.companies._structure import MAX_PARSED, Parsed, parse
from netgraph.companies._tables import (
    DIFFERENT_COMPANIES,
    FRONT_WORDS,
    GLUE_WORDS,
    PARTNER_WORDS,
    PLACES,
    PROGRAMME_WORDS,
)
from netgraph.companies._typos import is_typo
from netgraph.companies._words import COMMON, MEDIUM, RARE, is_real_word

__all__ = ["Decision", "decide", "find_typos", "REASONS"]

#: Why a cell that resembles a target is not counted as that target.
REASONS = {
    "": "add it as an alias if it is {t}",
    "former": "a former employer, not a current one",
    "formerly": "the company's former name was {t}",
    "client": "{t} is the client; the employer is another company",
    "contract": "a contract at {t} through another employer",
    "via": "through {t}; the employer is another company",
    "at": "{t} is where they work, for another employer (a contractor)",
    "for": "working for {t} as another company (a supplier or contractor)",
    "programme": "a programme, community or certification of {t}, not a job there",
    "partner": "a partner or reseller of {t}, not {t}",
    "different": "a different company from {t}",
    "the": "'The' and an everyday word, not {t}",
}
_BLOCK_IN_FRONT = frozenset(
    {"ex", "former", "formerly", "at", "via", "for", "freelance", "freelancer", "contractor",
     "consultant", "client", "partner", "and", "of", "the", "to", "with", "by", "on", "in"}
)  # fmt: skip
_NOT_A_UNIT_JOINER = frozenset({"of", "for", "de", "do", "da", "des", "du", "fur", "der", "di"})
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Anything :func:`parse` would cut at; a cell without any of it is a plain name.
_STRUCTURE = re.compile(
    r"[(\[@/'’&]|\b(?:by|for|via|thru|through|of|an?|currently|presently|ex|former|formerly|"
    r"previously|prev|working|work|employed|worked|employee|at|and)\b",
    re.IGNORECASE,
)
_FLAG_FIRST = frozenset(phrase.split()[0] for phrase in PROGRAMME_WORDS | PARTNER_WORDS)
_MAX_FRONT = 3
_MAX_PHRASE = 4


@dataclass
class Decision:
    """What :func:`decide` found for one cell."""

    hit: Hit | None = None
    rule: str = ""
    looks: Hit | None = None
    reason: str = ""
    no_company: bool = False
    typo_words: list[list[str]] = field(default_factory=list)  # word lists to look for typos in
    flag: str = ""  # "programme" or "partner" when the cell says so


def _phrases(words: list[str], table: frozenset[str]) -> bool:
    """Whether any run of up to four ``words``, starting with a word that starts an entry
    of the tables, is in ``table``."""
    n = len(words)
    for i, word in enumerate(words):
        if word in _FLAG_FIRST:
            for size in range(1, min(_MAX_PHRASE, n - i) + 1):
                if " ".join(words[i : i + size]) in table:
                    return True
    return False


def _flag(words: list[str]) -> str:
    """``"programme"`` or ``"partner"`` when the words say so, else ``""``."""
    if not _FLAG_FIRST.intersection(words):
        return ""
    if _phrases(words, PROGRAMME_WORDS):
        return "programme"
    if _phrases(words, PARTNER_WORDS):
        return "partner"
    return ""


def tail_rule(tail: list[str], level: int) -> str:
    """The rule a target followed by ``tail`` matches by, or ``""`` when it does not.

    After any name: places, legal forms and plain organisational words ("place"). After a
    name that is not an everyday word: business-unit words too ("unit"). After a rare
    name: any words ("unit"), unless they start a name of their own ("of X", "for X").
    """
    if not tail:
        return "exact"
    if len(tail) > 1 and all(len(w) <= 2 for w in tail):
        tail = ["".join(tail)]  # "D-A-CH"
    if is_unit_tail(tail, business_units=False):
        return "place"
    if level == COMMON:
        return ""
    if is_unit_tail(tail, business_units=True):
        return "unit"
    if level == MEDIUM or tail[0] in _NOT_A_UNIT_JOINER:
        return ""
    return "unit"


def _lookup(index: Index, words: list[str]) -> Hit | None:
    """The best hit for ``words`` spaced or not (``sales force``)."""
    spaced, compact = index.by_key.get(" ".join(words)), index.by_compact.get("".join(words))
    if spaced is None:
        return compact
    return compact if compact is not None and compact.better(spaced) else spaced


@dataclass
class _Found:
    hit: Hit
    rule: str


def _first(index: Index, words: list[str], close: list[Hit]) -> _Found | None:
    """A target's name at the start of ``words``, then a tail its rules allow."""
    if not words:
        return None
    whole = _lookup(index, words)
    if whole is not None:
        return _Found(whole, whole.rule)
    different = " ".join(words) in DIFFERENT_COMPANIES
    for i in range(min(index.longest, len(words) - 1), 0, -1):
        hit = _lookup(index, strip_legal(words[:i]))
        if hit is None:
            continue
        rule = "" if different else tail_rule(words[i:], hit.level)
        if rule:
            return _Found(hit, "known unit" if hit.rank == 4 else rule)
        close.append(hit)
    if different:
        return None
    glued = _glued(index, words)
    if glued is not None:
        return glued
    letters = index.acronyms.get(words[0])
    if letters is not None and tail_rule(words[1:], COMMON):
        return _Found(letters, "acronym")
    return None


def _glued(index: Index, words: list[str]) -> _Found | None:
    """``Citibank``, ``Citigroup``: a rare name with an organisation word glued on."""
    first = words[0]
    for glue in GLUE_WORDS:
        if first.endswith(glue) and len(first) > len(glue) + 2:
            hit = index.by_key.get(first[: -len(glue)])
            if hit is not None and hit.level == RARE and hit.rank <= 2 and tail_rule(words[1:], hit.level):
                return _Found(hit, "glued")
    return None


def _in_front(index: Index, words: list[str], close: list[Hit]) -> _Found | None:
    """``Monitor Deloitte``: a brand written in front of a rare target's name."""
    n = len(words)
    if n > _MAX_FRONT + index.longest + _MAX_PHRASE:
        return None  # a brand, the name and a place or two: never longer
    for j in range(1, min(_MAX_FRONT, n - 1) + 1):
        front = words[:j]
        if any(w in _BLOCK_IN_FRONT or w in PLACES for w in front):
            continue
        for end in range(n, j, -1):
            if end < n and not is_unit_tail(words[end:], business_units=False):
                continue
            hit = index.by_key.get(" ".join(words[j:end]))
            if hit is None:
                continue
            if hit.level == RARE and hit.rank <= 2:
                return _Found(hit, "brand in front")
            close.append(hit)
    return None


def _words_rules(index: Index, words: list[str], close: list[Hit]) -> _Found | None:
    """Every rule on one name's words, except typos."""
    found = _first(index, words, close)
    if found is not None:
        return found
    if len(words) > 1 and words[0] in FRONT_WORDS:
        found = _first(index, words[1:], close)
        if found is not None:
            return _Found(found.hit, "org word in front" if found.rule in ("exact", "place") else found.rule)
    return _in_front(index, words, close)


def _expansion(head: list[str], asides: list[str]) -> str | None:
    """``GCP (GlobalCareerPath)``: the bracket spells out what the short name stands for."""
    if len(head) != 1 or not 2 <= len(head[0]) <= 6:
        return None
    for aside in asides:
        words = raw_tokens(_CAMEL.sub(" ", aside))
        if len(words) >= 2 and acronym(words) == head[0]:
            return aside
    return None


def _match_words(index: Index, words: list[str], close: list[Hit], *, expand: list[str] | None = None) -> _Found | None:
    """Every rule but typos on one name's raw words (a leading "The" and legal forms still on)."""
    the = len(words) > 1 and words[0] == "the"
    words = strip_legal(words[1:] if the else words)
    if expand:
        longer = _expansion(words, expand)
        if longer is not None:
            words = strip_legal(raw_tokens(longer))
    found = _words_rules(index, words, close)
    if found is not None and the and len(words) == 1 and found.hit.level != RARE and found.hit.rank == 0:
        close.append(found.hit)  # "The Oracle" is the word, not the company
        return None
    return found


def _match_text(index: Index, text: str, close: list[Hit]) -> _Found | None:
    return _match_words(index, raw_tokens(text), close)


def _decide(index: Index, cell: str) -> Decision:
    """Which target ``cell`` is, by which rule; or which it resembles and why not.

    Order: the whole cell by name, alias, built-in name or unit; then its parts (see
    :func:`netgraph.companies._structure.parse`): the employer's name by every rule, the
    parent company it names, other names it gives; a cell that names a target only as a
    client, a former name or a former employer, or as a programme or partner, resembles
    it with that reason.
    """
    decision = Decision()
    if not cell or is_no_company(cell):
        decision.no_company = True
        return decision
    close: list[Hit] = []
    plain = _STRUCTURE.search(cell, 0, MAX_PARSED) is None
    everything = raw_tokens(cell, keep_parens=True)
    if plain and not _may_name_a_target(index, everything):
        head = strip_legal(everything[1:] if len(everything) > 1 and everything[0] == "the" else everything)
        decision.typo_words = [head] if head else []  # only a typo can make it a target
        return decision
    decision.flag = _flag(everything)
    parsed = Parsed(cell) if plain else parse(cell)
    head_raw = everything if plain else raw_tokens(parsed.head)
    head = strip_legal(head_raw[1:] if len(head_raw) > 1 and head_raw[0] == "the" else head_raw)
    if " ".join(head) in DIFFERENT_COMPANIES:
        _first(index, head, close)
        decision.looks = close[0] if close else _mention(index, everything)
        decision.reason = "different"
        return decision
    whole = None if parsed.former else _lookup(index, strip_legal(everything if plain else raw_tokens(cell)))
    found = _Found(whole, whole.rule) if whole is not None else None
    if found is None and not parsed.alternatives:
        found = _match_words(index, head_raw, close, expand=parsed.asides)
    if found is not None and parsed.former:
        decision.looks, decision.reason = found.hit, "former"
        return decision
    if found is None:
        for parent in parsed.parents:
            found = _match_text(index, parent, close)
            if found is not None:
                found = _Found(found.hit, "parent company")
                break
    if found is None and not plain:
        found = _alternative(index, parsed.alternatives) or _both(index, head_raw)
    if found is not None:
        if decision.flag and not (whole is not None and whole.rank <= 1):
            decision.looks, decision.reason = found.hit, decision.flag
        else:
            decision.hit, decision.rule = found.hit, found.rule
        return decision
    for relation, text in parsed.others:
        hit = _match_text(index, text, [])
        if hit is not None:
            decision.looks, decision.reason = hit.hit, relation
            return decision
    decision.typo_words = [head] if head and not parsed.former and not parsed.alternatives else []
    if close:
        decision.looks = min(close, key=lambda h: (h.rank, -h.size, h.order))
    for aside in parsed.asides if decision.looks is None else ():
        found = _match_text(index, aside, close)
        if found is not None:
            decision.looks = found.hit
            break
    if decision.looks is None:
        for j in range(min(len(head), index.longest), 0, -1):
            prefix = index.prefixes.get(" ".join(head[:j]))
            if prefix is not None:
                decision.looks = prefix
                break
    if decision.looks is None and decision.flag:
        decision.looks = _mention(index, everything)
    if decision.looks is not None and not decision.reason:
        decision.reason = "former" if parsed.former else decision.flag
    return decision


def decide(index: Index, cell: str) -> Decision:
    """Which target ``cell`` is, by which rule; or which it resembles and why not
    (see :func:`_decide`). A cell whose whole key is a target's own key, and that no rule
    placed or set aside, is that target (``exact``), whatever characters its key dropped."""
    decision = _decide(index, cell)
    if decision.hit is None and decision.looks is None and not decision.no_company and not decision.flag:
        whole = index.by_key.get(company_key(cell))
        if whole is not None and whole.rule == "exact":
            decision.hit, decision.rule, decision.typo_words = whole, "exact", []
    return decision


def _may_name_a_target(index: Index, words: list[str]) -> bool:
    """Whether some word of ``words`` is a word of a target's name, its start or its
    acronym, or a rare name with an organisation word glued on: if none is, no rule but
    typos can match, and they are looked for later in one batch."""
    for size in (2, 3):  # "sales force", "l oreal"
        if len(words) >= size and "".join(words[:size]) in index.words:
            return True
    for word in words:
        if word in index.words:
            return True
        for glue in GLUE_WORDS:
            if word.endswith(glue) and word[: -len(glue)] in index.by_key:
                return True
    return False


def _alternative(index: Index, alternatives: list[str]) -> _Found | None:
    """``iTunes/Apple``: names of one employer, each of them the same target.

    ``Accenture/UBS`` names two employers (or one working for the other): not counted.
    """
    hits = [_lookup(index, strip_legal(raw_tokens(alternative))) for alternative in alternatives]
    first = hits[0] if hits else None
    if first is not None and all(hit is not None and hit.target == first.target for hit in hits):
        return _Found(first, first.rule)
    return None


def _both(index: Index, words: list[str]) -> _Found | None:
    """``Prime Video & Amazon Studios``: two names joined by "and", both the same target."""
    if "and" not in words or len(words) > 2 * index.longest + 1:
        return None
    cut = words.index("and")
    left, right = _lookup(index, strip_legal(words[:cut])), _lookup(index, strip_legal(words[cut + 1 :]))
    if left is not None and right is not None and left.target == right.target:
        return _Found(left, left.rule)
    return None


def _mention(index: Index, words: list[str]) -> Hit | None:
    """The first target named anywhere in ``words`` (for near misses only)."""
    for i in range(len(words)):
        for size in range(min(index.longest, len(words) - i), 0, -1):
            hit = index.by_key.get(" ".join(words[i : i + size]))
            if hit is not None and hit.rank <= 2:
                return hit
    return None


def find_typos(index: Index, queries: list[tuple[int, list[str]]]) -> tuple[dict[int, tuple[Hit, int]], dict[int, Hit]]:
    """Typo matches (row -> (hit, similarity)) and close misses (row -> hit).

    ``queries`` are ``(row, words)``; the first words of each, as many as a target's name
    has, are compared with every target name one edit away (found through the names'
    one-letter deletions, so no pair of strings is compared for nothing).
    """
    matches: dict[int, tuple[tuple[int, int, int], Hit, int]] = {}
    close: dict[int, Hit] = {}
    for row, words in queries:
        for size in index.sizes:
            if size > len(words):
                continue
            query = "".join(words[:size])
            if not 4 <= len(query) <= 40:
                continue
            seen: set[str] = set()
            for variant in {query[:i] + query[i + 1 :] for i in range(len(query))} | {query}:
                for key, hit in index.deletions.get(variant, ()):
                    choice = key.replace(" ", "")
                    if key in seen or hit.size != size or choice == query:
                        continue
                    seen.add(key)
                    if (
                        is_typo(query, choice, hit.level, _ends(key.split()))
                        and not (size == 1 and is_real_word(query))
                        and tail_rule(words[size:], hit.level)
                    ):
                        rank = (hit.rank, -hit.size, hit.order)
                        if row not in matches or rank < matches[row][0]:
                            matches[row] = (rank, hit, round(fuzz.ratio(query, choice)))
                    elif row not in close or (hit.rank, hit.order) < (close[row].rank, close[row].order):
                        close[row] = hit
    return {row: (hit, score) for row, (_, hit, score) in matches.items()}, close


def _ends(words: list[str]) -> tuple[int, ...]:
    """Where each word ends in the words written without spaces."""
    out, position = [], 0
    for word in words:
        position += len(word)
        out.append(position)
    return tuple(out)
