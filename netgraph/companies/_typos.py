"""Typos of the shapes people actually type, and not the ones that make another name.

One edit, of a shape people make when typing a name they know: two neighbouring letters
swapped (``Salesfroce``), a doubled letter typed three times or once (``Gooogle``,
``Ericson``), a letter dropped (``Cogizant``, ``Infosy``), one sound written another way
(``Infosis``, ``Siemans``, ``Proctor``), a neighbouring key (``Salesforse`` is c/s). The
more ordinary the name, the fewer shapes count: an everyday word (``Target``) only
forgives a swap or a doubled letter (and in a long name a dropped letter or an added
vowel), so ``Targit`` is another company. Never the first
letter, never extra letters at the end (``Amazonas``), never a digit, and never a
spelling that is itself a common word (``Equinox``, ``Phillips``): that is a name of its
own. ``Alphabot`` and ``Macrosoft`` change a sound people would not mishear, so they are
other names too.
"""

from __future__ import annotations

from netgraph.companies._words import COMMON, RARE

__all__ = ["is_typo", "KEYBOARD_NEIGHBOURS"]

_MIN = 5  # letters, for a swap or a doubled letter
_MIN_EDIT = 6  # for a dropped, added or replaced letter
_MIN_ADDED_ANY = 7  # for any added letter (rare names)
_MIN_COMMON_EDIT = 8  # for a dropped or added letter in an everyday-word name
_VOWELS = frozenset("aeiouy")
_SCHWA = frozenset("aei")
_SOUND_ALIKE = frozenset(frozenset(pair) for pair in ("cs", "ck", "sz", "iy", "fv"))
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    """Letters next to each letter on a QWERTY keyboard."""
    out: dict[str, set[str]] = {}
    for r, row in enumerate(_ROWS):
        for i, key in enumerate(row):
            near = out.setdefault(key, set())
            near.update(row[max(i - 1, 0) : i + 2])
            if r > 0:
                near.update(_ROWS[r - 1][i : i + 2])
            if r + 1 < len(_ROWS):
                near.update(_ROWS[r + 1][max(i - 1, 0) : i + 1])
    return {k: frozenset(v - {k}) for k, v in out.items()}


KEYBOARD_NEIGHBOURS = _neighbours()


def _edit(query: str, choice: str) -> tuple[str, int] | None:
    """The one edit that turns ``choice`` into ``query``: (kind, position), or None."""
    if len(query) == len(choice):
        i = next((k for k, (a, b) in enumerate(zip(query, choice, strict=True)) if a != b), -1)
        if i < 0:
            return None
        if query[i + 1 :] == choice[i + 1 :]:
            return "replace", i
        if (
            i + 1 < len(query)
            and query[i] == choice[i + 1]
            and query[i + 1] == choice[i]
            and query[i + 2 :] == choice[i + 2 :]
        ):
            return "swap", i
        return None
    if len(query) == len(choice) + 1:
        i = next((k for k, (a, b) in enumerate(zip(query, choice, strict=False)) if a != b), len(choice))
        return ("insert", i) if query[i + 1 :] == choice[i:] else None
    if len(query) + 1 == len(choice):
        i = next((k for k, (a, b) in enumerate(zip(query, choice, strict=False)) if a != b), len(query))
        return ("delete", i) if query[i:] == choice[i + 1 :] else None
    return None


def _word_end(position: int, ends: tuple[int, ...]) -> int:
    """The index just past the word of ``choice`` that holds ``position``."""
    return next((end for end in ends if position < end), ends[-1] if ends else position + 1)


def _sounds_alike(a: str, b: str, position: int, choice: str, ends: tuple[int, ...]) -> bool:
    """``a`` written for ``b`` at ``position`` keeps the sound of the name."""
    if frozenset((a, b)) in _SOUND_ALIKE:
        return True
    end = _word_end(position, ends)
    in_last_syllable = position >= end - 3
    if not (in_last_syllable and a in _VOWELS and b in _VOWELS):
        return False
    before_r = position + 1 < len(choice) and choice[position + 1] == "r"
    return (a in _SCHWA and b in _SCHWA) or before_r


def is_typo(query: str, choice: str, level: int, ends: tuple[int, ...] = ()) -> bool:
    """Whether ``query`` is a typo people make of the name ``choice`` (both compact).

    Parameters
    ----------
    query, choice
        Lower-case letters and digits, no spaces (the name as written, the target's name).
    level
        How ordinary the name is (``RARE``, ``MEDIUM``, ``COMMON``).
    ends
        Where the words of ``choice`` end (indexes just past each word).

    Examples
    --------
    >>> [is_typo(q, c, 0) for q, c in [("salesfroce", "salesforce"), ("infosy", "infosys"),
    ...                                ("cogizant", "cognizant"), ("infosis", "infosys")]]
    [True, True, True, True]
    >>> [is_typo(q, c, 1) for q, c in [("alphabot", "alphabet"), ("macrosoft", "microsoft")]]
    [False, False]
    >>> is_typo("gooogle", "google", 2), is_typo("targit", "target", 2)
    (True, False)
    """
    edit = _edit(query, choice)
    if edit is None or len(choice) < _MIN or query[0] != choice[0]:
        return False
    if [c for c in query if c.isdigit()] != [c for c in choice if c.isdigit()]:
        return False
    kind, i = edit
    if kind == "swap":
        return True
    if kind == "insert":
        if i >= len(choice):
            return False  # extra letters at the end make another name
        added = query[i]
        if added == query[i - 1] or added == query[i + 1]:
            return True  # a doubled letter
        if len(choice) < (_MIN_COMMON_EDIT if level == COMMON else _MIN_EDIT):
            return False
        near = KEYBOARD_NEIGHBOURS.get(choice[i - 1], frozenset()) | KEYBOARD_NEIGHBOURS.get(choice[i], frozenset())
        return added in _VOWELS or (level != COMMON and added in near) or (
            level == RARE and len(choice) >= _MIN_ADDED_ANY
        )
    if kind == "delete":
        dropped = choice[i]
        if (i > 0 and dropped == choice[i - 1]) or (i + 1 < len(choice) and dropped == choice[i + 1]):
            return True  # a doubled letter typed once
        if len(choice) < (_MIN_COMMON_EDIT if level == COMMON else _MIN_EDIT):
            return False
        return i < len(choice) - 1 or len(choice) >= _MIN_ADDED_ANY
    a, b = query[i], choice[i]
    if level == COMMON or len(choice) < _MIN_EDIT:
        return False
    if _sounds_alike(a, b, i, choice, ends or (len(choice),)):
        return True
    return level == RARE and a in KEYBOARD_NEIGHBOURS.get(b, frozenset())
