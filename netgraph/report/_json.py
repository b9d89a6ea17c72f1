"""JSON exactly as :func:`json.dumps` writes it (as UTF-8), fast: orjson when it is installed.

The JSON report is written either indented by 2 spaces or on one line with ``", "`` and
``": "`` between items (:func:`json.dumps` with ``ensure_ascii=False``). orjson writes the
indented layout byte for byte as :func:`json.dumps` does, ten times faster and without
holding millions of small pieces in memory; the one-line layout is made from it: every raw
line break in indented JSON is layout (a line break inside a string is written ``\\n``),
so each is dropped with the indentation after it, and one after a comma becomes a space.
Without orjson (or for a value it does not take) :func:`json.dumps` writes the same text.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

import numpy as np

__all__ = ["dumps"]

_CHUNK = 8 << 20  # the one-line layout is made a few megabytes at a time (bounded memory)
_NEWLINE, _SPACE, _COMMA = 10, 32, 44


def dumps(document: Any, *, indent: bool) -> bytes:
    """``json.dumps(document, ensure_ascii=False, indent=2 if indent else None, allow_nan=False)``
    encoded as UTF-8.

    Examples
    --------
    >>> dumps({"a": [1, "x, y: z"], "b": {}}, indent=False)
    b'{"a": [1, "x, y: z"], "b": {}}'
    >>> print(dumps({"a": [1.5, None]}, indent=True).decode())
    {
      "a": [
        1.5,
        null
      ]
    }
    """
    orjson: Any
    try:
        orjson = importlib.import_module("orjson")
    except ImportError:  # optional: the standard library writes the same text
        orjson = None
    if orjson is not None and not _has_nan(document):
        try:
            data = orjson.dumps(document, option=orjson.OPT_INDENT_2)
        except (TypeError, ValueError):  # a value orjson does not write (a lone surrogate, a numpy number)
            data = None
        if data is not None:
            return data if indent else _one_line(data)
    text = json.dumps(document, ensure_ascii=False, indent=2 if indent else None, allow_nan=False)
    return text.encode("utf-8", errors="surrogatepass")  # a lone surrogate comes back as it was (decode alike)


def _has_nan(document: Any) -> bool:
    """Does a dict, or a dict among its values, hold a float NaN or infinity? (json.dumps
    refuses those, orjson would write ``null``: then json.dumps decides.) The report's
    scores are made finite where they are rounded, so this only guards counts such as the
    summary's; lists (of rows) are not looked into."""
    if not isinstance(document, dict):
        return False
    for value in document.values():
        inner = value.values() if isinstance(value, dict) else ()
        for v in (value, *inner):
            if isinstance(v, float) and not np.isfinite(v):
                return True
    return False


def _one_line(data: bytes) -> bytes:
    """The one-line layout of :func:`json.dumps` from the indented one (see the module docstring)."""
    view = np.frombuffer(data, dtype=np.uint8)
    out, start, end = [], 0, len(data)
    while start < end:
        stop = end
        if start + _CHUNK < end:  # cut just before a line break, so each break's indentation stays whole
            stop = data.rfind(b"\n", start + 1, start + _CHUNK)
            if stop < 0:
                stop = data.find(b"\n", start + _CHUNK)
                stop = end if stop < 0 else stop
        out.append(_collapse(view, start, stop))
        start = stop
    return b"".join(out)


def _collapse(view: np.ndarray, start: int, stop: int) -> bytes:
    """``view[start:stop]`` without its line breaks and their indentation; a break after a
    comma becomes one space."""
    part = view[start:stop]
    breaks = np.flatnonzero(part == _NEWLINE)
    if not len(breaks):
        return part.tobytes()
    keep = np.ones(len(part), dtype=bool)
    after_comma = view[breaks + start - 1] == _COMMA  # the document never starts with a line break
    keep[breaks[~after_comma]] = False
    # The indentation after each break: the spaces up to the first other byte.
    width = np.zeros(len(breaks), dtype=np.int64)
    going = np.ones(len(breaks), dtype=bool)
    step = 1
    while going.any():
        at = breaks + step
        going &= at < len(part)
        going[going] = part[at[going]] == _SPACE
        width += going
        step += 1
    total = int(width.sum())
    if total:
        first = np.repeat(breaks + 1, width)
        offset = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(width) - width, width)
        keep[first + offset] = False
    kept = part[keep]  # a copy
    kept[kept == _NEWLINE] = _SPACE  # the breaks after a comma
    return kept.tobytes()
