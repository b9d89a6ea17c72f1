"""Plain words for numbers of days and things, shared by every module that writes reasons."""

from __future__ import annotations


def ago(days: float) -> str:
    """``5 days ago``, ``3 weeks ago``, ``4 months ago``, ``2 years ago``.

    Examples
    --------
    >>> [ago(d) for d in (0, 1, 5, 21, 120, 800)]
    ['today', 'yesterday', '5 days ago', '3 weeks ago', '4 months ago', '2 years ago']
    """
    days = max(0, int(round(days)))
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{round(days / 7)} weeks ago"
    if days < 730:
        return f"{round(days / 30.44)} months ago"
    return f"{int(days / 365.25)} years ago"


def plural(count: int, word: str) -> str:
    """``1 message``, ``3 messages``.

    Examples
    --------
    >>> plural(1, "give"), plural(2, "ask")
    ('1 give', '2 asks')
    """
    return f"{count} {word}{'' if count == 1 else 's'}"


_LETTER_NAMES_WITH_VOWEL_SOUND = frozenset("AEFHILMNORSX")  # "an SRE", "an HR partner", "an MBA"
_CONSONANT_SOUNDS = ("uni", "use", "usu", "uti", "ux", "eu", "one", "once")


def article(word: str) -> str:
    """``a`` or ``an`` for the sound the word starts with, not its letter.

    Examples
    --------
    >>> [f"{article(w)} {w}" for w in ("Engineer", "UX Researcher", "University Recruiter", "SRE")]
    ['an Engineer', 'a UX Researcher', 'a University Recruiter', 'an SRE']
    >>> [f"{article(w)} {w}" for w in ("HR Partner", "Backend Engineer", "hour")]
    ['an HR Partner', 'a Backend Engineer', 'an hour']
    """
    first = (word.split() or [""])[0]
    if len(first) > 1 and first.isupper() and first.isalpha():  # an acronym, said letter by letter
        return "an" if first[0] in _LETTER_NAMES_WITH_VOWEL_SOUND else "a"
    lower = word.casefold()
    if lower.startswith(_CONSONANT_SOUNDS):
        return "a"
    if lower.startswith(("hour", "honest", "honour", "honor", "heir")):
        return "an"
    return "an" if lower[:1] in "aeiou" else "a"
