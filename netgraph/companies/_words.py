"""How ordinary a word is, from word frequencies (the ``wordfreq`` package).

Whether "<target> <other words>" is still the target depends on how ordinary the
target's name is: after a rare name (``Accenture``, ``Deloitte``) the other words are a
unit or an office of it (``Accenture Song``); after an everyday word (``Apple``, ``Target``,
``Stone``) they are far more often another business (``Apple Bank``). That is decided
here from how often the word is written in the languages company names on LinkedIn are
mostly written in, never from a list of company names.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["zipf", "is_real_word", "name_level", "RARE", "MEDIUM", "COMMON"]

#: Languages whose word frequencies count (each a ~30,000-word list of words written at
#: least once per million words; loading all of them takes a few hundredths of a second).
LANGUAGES = ("en", "pt", "es", "fr", "de", "it", "nl")

#: How ordinary a target's name is.
RARE, MEDIUM, COMMON = 0, 1, 2

#: Below this Zipf frequency (in every language) a word is rare: about 3 per million words.
RARE_BELOW = 3.5
#: From this Zipf frequency (in any language) a word is an everyday word: 14 per million.
COMMON_FROM = 4.15
#: From this frequency (once per million words: any word in the lists) a spelling is a
#: word of its own, not a typo of a name.
REAL_WORD_FROM = 3.0


@lru_cache(maxsize=1)
def _lists() -> tuple[dict[str, float], ...]:
    from wordfreq import get_frequency_dict

    return tuple(get_frequency_dict(lang, "small") for lang in LANGUAGES)


@lru_cache(maxsize=1 << 14)
def zipf(word: str) -> float:
    """The highest Zipf frequency of ``word`` in :data:`LANGUAGES` (0 when it is rarer
    than once per million words).

    >>> zipf("stone") > 4.5, zipf("accenture")
    (True, 0.0)
    """
    best = max((freq.get(word, 0.0) for freq in _lists()), default=0.0)
    return round(math.log10(best) + 9, 2) if best > 0 else 0.0


def is_real_word(word: str) -> bool:
    """Whether ``word`` is common enough to be a word of its own (``Phillips``, ``Equinox``).

    >>> is_real_word("equinox"), is_real_word("salesfroce")
    (True, False)
    """
    return zipf(word) >= REAL_WORD_FROM


def name_level(words: Sequence[str]) -> int:
    """How ordinary a company name (its normalised words) is: RARE, MEDIUM or COMMON.

    A one-word name is as ordinary as the word (three letters or fewer are never rare:
    short names are shared by many companies, ``AWS Assessoria`` is not Amazon); a
    name of several words is as rare as its rarest word, and never COMMON.

    >>> [name_level(n.split()) for n in ["accenture", "oracle", "stone", "delta air lines"]]
    [0, 1, 2, 1]
    """
    return _name_level(tuple(words))


@lru_cache(maxsize=1 << 14)
def _name_level(words: tuple[str, ...]) -> int:
    content = [w for w in words if w not in ("and", "of", "the", "de")] or list(words)
    if not content:
        return COMMON
    if len(content) == 1:
        word = content[0]
        frequency = zipf(word)
        if frequency >= COMMON_FROM:
            return COMMON
        if frequency >= RARE_BELOW or len(word) <= 3 or word.isdigit():
            return MEDIUM
        return RARE
    lowest = min(zipf(w) if len(w) > 2 else 9.0 for w in content)
    return RARE if lowest < RARE_BELOW else MEDIUM
