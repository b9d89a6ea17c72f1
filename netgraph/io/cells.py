"""Cells that mean "nothing": what R, Excel and pandas write into an empty cell.

An R re-save writes ``NA`` into every empty cell (159 people under the "company" ``NA``
in one real file), Excel ``#N/A``, pandas ``nan``; people type ``-`` or ``n/a``. The
reader reads them as empty, and the company matcher ignores them: one definition for both.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["NULL_LIKE", "is_null_like", "null_like"]

#: Values (compared stripped and case-folded) that mean an empty cell.
NULL_LIKE = frozenset({"na", "n/a", "n.a.", "n.a", "#n/a", "-", "--", "null", "none", "nan", "nil"})


def is_null_like(value: str) -> bool:
    """Is ``value`` a placeholder for an empty cell (``NA``, ``N/A``, ``-``, ``null``, ...)?

    Examples
    --------
    >>> is_null_like(" N/A "), is_null_like("NA"), is_null_like("Nasdaq")
    (True, True, False)
    """
    return len(value) <= 6 and value.strip().casefold() in NULL_LIKE


def null_like(values) -> np.ndarray:
    """:func:`is_null_like` over an array of strings (each distinct value checked once)."""
    values = np.asarray(values, dtype=object)
    if not len(values):
        return np.zeros(0, dtype=bool)
    codes, distinct = pd.factorize(values)
    return np.array([is_null_like(v) for v in distinct], dtype=bool)[codes]
