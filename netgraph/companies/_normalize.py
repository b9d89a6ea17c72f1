"""Company-name normalisation: one key per way of writing a company's name.

Every part of netgraph that compares company names (matching targets, grouping spellings,
inferred shared history, ``netgraph diff``) uses :func:`company_key`. All of it runs in
time linear in the length of the name, whatever the name holds.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pandas as pd

from netgraph.companies._tables import (
    DANGLING,
    LEGAL_CANONICAL,
    LEGAL_SUFFIXES,
    NO_EMPLOYER,
    ORG_WORDS,
    PLACES,
    UNIT_JOINERS,
    UNIT_WORDS,
)
from netgraph.io.cells import is_null_like

__all__ = ["company_key", "company_keys", "group_key", "is_no_company", "tokens", "strip_legal", "fold"]

# Letters that accent stripping (NFKD) leaves alone, "&" and apostrophes.
_FOLD = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
        "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
        "Þ": "TH", "ı": "i", "&": " and ", "＆": " and ", "'": "", "’": "", "‘": "",
        "`": "", "´": "", "ʼ": "", "™": " ", "®": " ", "©": " ",
    }
)  # fmt: skip
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HAS_WORD = re.compile(r"[^\W_]")
_URL_HEAD = re.compile(r"^\s*(?:https?://)?www\.")
_WEB_TAIL = re.compile(
    r"(?<=[^\W_])\.(?:com|net|org|io|ai|co|app|dev|tech|xyz|inc)(?:\.[a-z]{2})?(?![^\W_])"
    r"|(?<=[^\W_])\.(?:de|fr|uk|es|nl|ca|au|jp|ch|se|br|mx|ie|pl|dk|fi|cn|sg|in|it)"
    r"(?![^\W_]|\.)"
)
_SLASH = re.compile(r"(?<![^\W_])([^\W\d_])\s*/\s*([^\W\d_])(?![^\W_])")
_NON_WORD = re.compile(r"[\W_]+")
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
_MAX_PHRASE = 4
_MAX_LEGAL = 8  # words of legal forms at the end of one name ("S.A. de C.V.", "GmbH & Co. KG")
_GENERIC = UNIT_WORDS | ORG_WORDS | PLACES | UNIT_JOINERS | DANGLING
_LEGAL_LAST = frozenset(suffix.split()[-1] for suffix in LEGAL_SUFFIXES)


_CONTROL = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|[\x00-\x1f\x7f-\x9f]")


def fold(text: str) -> str:
    """Lower case without accents; ``&`` becomes "and", apostrophes go; terminal escape
    sequences and control characters are dropped.

    >>> fold("Société Générale & Cie")
    'societe generale  and  cie'
    >>> fold("Stripe\x1b[31m")
    'stripe '
    """
    if not text.isprintable():
        text = _CONTROL.sub(" ", text)
    text = text.translate(_FOLD)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    return text.lower()


def _drop_web_suffix(match: re.Match[str]) -> str:
    """Drop ``.com`` and the like, unless that leaves a one-letter name (``X.AI``).

    Only the two characters before the match are looked at, so a text full of web
    addresses is cleaned in linear time.
    """
    start = match.start()
    before = match.string[start - 2] if start >= 2 else " "
    return match.group(0) if not (before.isalnum()) else ""


def _join_letters(match: re.Match[str]) -> str:
    return match.group(1) + match.group(2)


def _merge_initials(words: list[str]) -> list[str]:
    """Join runs of one-letter words: ``j p morgan`` -> ``jp morgan``, ``s a`` -> ``sa``."""
    out: list[str] = []
    run: list[str] = []
    for token in [*words, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if token:
            out.append(token)
    return out


def strip_legal(words: list[str] | tuple[str, ...]) -> list[str]:
    """Remove legal forms from the end of ``words`` (at most eight words of them), keeping
    at least one word.

    >>> strip_legal(["sap", "deutschland", "se", "and", "co", "kg"])
    ['sap', 'deutschland']
    """
    if len(words) < 2 or words[-1] not in _LEGAL_LAST:
        return list(words)
    words = list(words)
    stripped = False
    floor = max(1, len(words) - _MAX_LEGAL)
    while len(words) > floor:
        for size in (3, 2, 1):
            if len(words) > size and " ".join(words[-size:]) in LEGAL_SUFFIXES:
                del words[-size:]
                stripped = True
                break
        else:
            if stripped and words[-1] in DANGLING:
                words.pop()
                continue
            break
    return words


def raw_tokens(name: str, *, keep_parens: bool = False) -> list[str]:
    """The words of ``name``, folded, before legal forms and a leading "The" are removed.

    Bracketed text is dropped (``Amazon Web Services (AWS)``) unless it is all there is
    or ``keep_parens``; web prefixes and suffixes go (``www.stripe.com``); letters around
    a slash join (``A/S``); runs of single letters join (``J. P. Morgan``).
    """
    text = fold(name)
    if not keep_parens and ("(" in text or "[" in text):
        bare = _PARENS.sub(" ", text)
        text = bare if _HAS_WORD.search(bare) else text
    if "." in text or "/" in text:
        text = _URL_HEAD.sub("", text)
        text = _WEB_TAIL.sub(_drop_web_suffix, text)
        text = _SLASH.sub(_join_letters, text).replace(".", "")
    return _merge_initials([w for w in _NON_WORD.split(text) if w])


def tokens(name: str) -> list[str]:
    """The words of a company name as :func:`company_key` sees them, legal forms removed.

    >>> tokens("The Procter & Gamble Company")
    ['procter', 'and', 'gamble']
    """
    words = raw_tokens(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return strip_legal(words)


def is_no_company(name: object) -> bool:
    """Whether a company cell names no employer.

    True for a missing value, a null marker (the reader's one definition,
    :func:`netgraph.io.cells.is_null_like`: ``NA``, ``N/A``, ``-``, ``null``, ``none``,
    ...), a cell with no letter or digit, and cells that name nobody to share a workplace
    with (``Self-employed``, ``Freelance``, ``Confidential``, ``Stealth``, ``Unknown``).

    >>> [is_no_company(v) for v in ["NA", "n/a", " - ", "...", "Self-employed", "Stripe", None]]
    [True, True, True, True, True, False, True]
    """
    if not isinstance(name, str) or is_null_like(name):
        return True
    if len(name) > 64:
        return False
    return _NON_WORD.sub("", fold(name)) in NO_EMPLOYER


def _canonical_legal(words: list[str]) -> list[str]:
    return [LEGAL_CANONICAL.get(w, w) for w in words if w not in DANGLING]


@lru_cache(maxsize=1 << 16)
def company_key(name: str) -> str:
    """The key two spellings of one company share; ``""`` when the cell names no company.

    Case, accents, punctuation, ``&``/"and", a leading "The", web prefixes and suffixes
    (``www.``, ``.com``) and legal forms of many countries (``Inc.``, ``GmbH & Co. KG``,
    ``S.p.A.``, ``Pvt Ltd``) are ignored, and the first word is never removed. When the
    name is only generic words (``Software AG``, ``Global Services Ltd``), the legal form
    is what tells companies apart, so it stays (in one spelling: ``Limited`` -> ``ltd``).
    Null markers and cells like ``Self-employed`` give ``""`` (see :func:`is_no_company`).
    Cached: repeated values cost a dictionary lookup.

    >>> company_key("Société Générale S.A.")
    'societe generale'
    >>> company_key("Societe Generale")
    'societe generale'
    >>> company_key("The Procter & Gamble Company")
    'procter and gamble'
    >>> company_key("salesforce.com, inc.")
    'salesforce'
    >>> company_key("SAP SE"), company_key("SAP")
    ('sap', 'sap')
    >>> company_key("Software AG"), company_key("Software Company")
    ('software ag', 'software co')
    >>> company_key("N/A")
    ''
    """
    if is_no_company(name):
        return ""
    words = raw_tokens(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    kept = strip_legal(words)
    if len(kept) < len(words) and all(w in _GENERIC for w in kept):
        kept += _canonical_legal(words[len(kept) :])
    return " ".join(kept)


def group_key(name: str) -> str:
    """:func:`company_key`, and for a name of three letters or fewer its legal form too.

    Short names are shared by many companies: ``ITC Holding``, ``ITC Limited`` and ``ITC,
    Inc`` are three companies in ``netgraph companies`` (while ``ITC Ltd`` and ``ITC
    Limited`` are one).

    >>> [group_key(n) for n in ["ITC Holding", "ITC Limited", "ITC Ltd.", "ITC", "Stripe, Inc."]]
    ['itc holding', 'itc ltd', 'itc ltd', 'itc', 'stripe']
    """
    key = company_key(name)
    if not key or " " in key or len(key) > 3:
        return key
    words = raw_tokens(name)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    legal = _canonical_legal(words[1:]) if words and words[0] == key else []
    return " ".join([key, *legal])


def company_keys(names: pd.Series) -> pd.Series:
    """:func:`company_key` of every value, computed once per distinct value.

    >>> company_keys(pd.Series(["Stripe, Inc.", "stripe", None])).tolist()
    ['stripe', 'stripe', '']
    """
    uniques = pd.unique(names)
    lookup = {value: company_key(value) if isinstance(value, str) else "" for value in uniques}
    return names.map(lookup).astype(object)


def is_unit_tail(words: list[str] | tuple[str, ...], *, business_units: bool) -> bool:
    """Whether ``words`` only name a place or a unit, like ``payments uk`` or ``labs``.

    Places, legal forms and plain organisational words ("retail", "international")
    always count; business-unit words ("labs", "cloud", "capital") only when
    ``business_units``.

    >>> is_unit_tail(["research", "and", "development"], business_units=True)
    True
    >>> is_unit_tail(["of", "europe"], business_units=False)
    True
    >>> is_unit_tail(["dental", "of", "california"], business_units=True)
    False
    """
    i, n, last_joiner = 0, len(words), True
    while i < n:
        for size in range(min(_MAX_PHRASE, n - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            if (
                phrase in PLACES
                or phrase in ORG_WORDS
                or phrase in LEGAL_SUFFIXES
                or (business_units and phrase in UNIT_WORDS)
            ):
                i, last_joiner = i + size, False
                break
        else:
            joiner = words[i]
            if joiner not in UNIT_JOINERS or (last_joiner and (i > 0 or joiner == "and")):
                return False
            i += 2 if i + 1 < n and words[i + 1] == "the" and joiner != "the" else 1
            last_joiner = True
    return n > 0 and not last_joiner


def split_letters_digits(word: str) -> list[str]:
    """``lab126`` -> ``['lab', '126']``."""
    return _LETTERS_DIGITS.split(word)
