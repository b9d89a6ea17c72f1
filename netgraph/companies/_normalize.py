"""Company-name normalisation: one key per way of writing a company's name."""

from __future__ import annotations

import re
import unicodedata

from netgraph.companies._tables import (
    DANGLING,
    LEGAL_SUFFIXES,
    ORG_WORDS,
    PLACES,
    UNIT_JOINERS,
    UNIT_WORDS,
)

# Letters that accent stripping (NFKD) leaves alone, "&" and apostrophes.
_FOLD = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe",
        "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
        "Þ": "TH", "ı": "i", "&": " and ", "＆": " and ", "'": "", "’": "", "‘": "",
        "`": "", "´": "", "ʼ": "",
    }
)  # fmt: skip
_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_HAS_WORD = re.compile(r"[^\W_]")
_URL_HEAD = re.compile(r"^\s*(?:https?://)?www\.")
_WEB_TAIL = re.compile(
    r"(?<=[^\W_])\.(?:com|net|org|io|ai|co|app|dev|tech|xyz)(?:\.[a-z]{2})?(?![^\W_])"
    r"|(?<=[^\W_])\.(?:de|fr|uk|es|nl|ca|au|jp|ch|se|br|mx|ie|pl|dk|fi|cn|sg|in|it)"
    r"(?![^\W_]|\.)"
)
_WORD_END = re.compile(r"[^\W_]+$")
_SLASH = re.compile(r"(?<![^\W_])([^\W\d_])\s*/\s*([^\W\d_])(?![^\W_])")
_NON_WORD = re.compile(r"[\W_]+")
_MAX_PHRASE = 4


def _drop_web_suffix(match: re.Match[str]) -> str:
    """Drop ``.com`` and the like, unless that leaves a one-letter name (``X.AI``)."""
    word = _WORD_END.search(match.string, 0, match.start())
    return match.group(0) if word is None or len(word.group(0)) < 2 else ""


def _merge_initials(tokens: list[str]) -> list[str]:
    """Join runs of one-letter words: ``j p morgan`` -> ``jp morgan``, ``s a`` -> ``sa``."""
    out: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if len(token) == 1 and token.isalpha():
            run.append(token)
            continue
        if run:
            out.extend(["".join(run)] if len(run) > 1 else run)
            run = []
        if token:
            out.append(token)
    return out


def strip_legal(tokens: list[str]) -> list[str]:
    """Remove legal forms from the end of ``tokens``, keeping at least one word.

    >>> strip_legal(["sap", "deutschland", "se", "and", "co", "kg"])
    ['sap', 'deutschland']
    """
    tokens = list(tokens)
    stripped = False
    while len(tokens) > 1:
        for size in (3, 2, 1):
            if len(tokens) > size and " ".join(tokens[-size:]) in LEGAL_SUFFIXES:
                del tokens[-size:]
                stripped = True
                break
        else:
            if stripped and tokens[-1] in DANGLING:
                tokens.pop()
                continue
            break
    return tokens


def tokens(name: str) -> list[str]:
    """The words of a company name, normalised (see :func:`normalize`)."""
    text = name.translate(_FOLD)
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    text = text.lower()
    if "(" in text or "[" in text:
        bare = _PARENS.sub(" ", text)
        text = bare if _HAS_WORD.search(bare) else text
    if "." in text or "/" in text:
        text = _URL_HEAD.sub("", text)
        text = _WEB_TAIL.sub(_drop_web_suffix, text)
        text = _SLASH.sub(r"\1\2", text).replace(".", "")
    words = _merge_initials([w for w in _NON_WORD.split(text) if w])
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return strip_legal(words)


def normalize(name: str) -> str:
    """The key two spellings of one company share.

    Case, accents, punctuation, ``&``/``and``, a leading "The", web suffixes (``.com``)
    and legal forms (``Inc.``, ``GmbH & Co. KG``, ``S.p.A.``) are ignored; the first word
    is never removed.

    >>> normalize("Société Générale S.A.")
    'societe generale'
    >>> normalize("The Procter & Gamble Company")
    'procter and gamble'
    >>> normalize("salesforce.com, inc.")
    'salesforce'
    """
    return " ".join(tokens(name))


def is_unit_tail(words: list[str], *, business_units: bool) -> bool:
    """Whether ``words`` only name a place or a unit, like ``payments uk`` or ``labs``.

    Places and plain organisational words ("retail", "international") always count;
    business-unit words ("labs", "cloud", "capital") only when ``business_units``.

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
            i, last_joiner = i + 1, True
    return n > 0 and not last_joiner
