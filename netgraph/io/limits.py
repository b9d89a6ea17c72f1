"""The limits every read respects: file size, compression ratio, row size, zip nesting.

A LinkedIn export is small (the largest real ``messages.csv`` seen is a few hundred MB,
no field LinkedIn writes holds more than a few thousand characters), so anything far
beyond that is a damaged or hostile file: it is refused with a one-line error before it
can take the machine's memory or time. The defaults are generous for real exports;
:func:`use_limits` changes them for a block of code (the command line's
``--max-file-size``), and every reader also takes ``limits=`` directly.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

__all__ = ["Limits", "DEFAULT_LIMITS", "current_limits", "use_limits", "parse_size", "format_size"]

_KIB, _MIB, _GIB = 1 << 10, 1 << 20, 1 << 30


@dataclass(frozen=True)
class Limits:
    """What one read may take.

    Attributes
    ----------
    max_file_size
        Bytes one file may hold, measured while it is read or inflated (never taken from
        a zip's directory, which can lie). Default 1 GiB.
    max_ratio
        How many times larger than its compressed bytes a zip member may inflate
        (real CSVs: 3 to 15 times; a zip bomb: about 1,000). Default 100.
    max_row
        Bytes one row (and so any one field) of a CSV may hold; a longer row is skipped
        and listed with its line. Default 1 MiB.
    max_nested_zips
        Zips inside the export's zip that are opened (a zip that holds only the export's
        zip). Default 1; a zip inside that one is refused.
    """

    max_file_size: int = _GIB
    max_ratio: int = 100
    max_row: int = _MIB
    max_nested_zips: int = 1

    def __post_init__(self) -> None:
        for name in ("max_file_size", "max_ratio", "max_row"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        if self.max_nested_zips < 0:
            raise ValueError(f"max_nested_zips must be at least 0, not {self.max_nested_zips}")


DEFAULT_LIMITS = Limits()
_current: list[Limits] = [DEFAULT_LIMITS]


def current_limits() -> Limits:
    """The limits in force: :data:`DEFAULT_LIMITS` unless :func:`use_limits` changed them."""
    return _current[-1]


@contextlib.contextmanager
def use_limits(limits: Limits | None = None, **changes: int) -> Iterator[Limits]:
    """Change the limits for the reads inside the ``with`` block.

    Worker processes forked inside the block (friends' exports read in parallel) inherit
    them.

    Parameters
    ----------
    limits
        The limits to use (default: the ones in force).
    **changes
        Fields of :class:`Limits` to change, e.g. ``max_file_size=4 * 2**30``.

    Examples
    --------
    >>> with use_limits(max_file_size=parse_size("4GB")) as limits:
    ...     current_limits().max_file_size
    4000000000
    >>> current_limits().max_file_size == DEFAULT_LIMITS.max_file_size
    True
    """
    chosen = replace(limits or current_limits(), **changes)
    at = len(_current)
    _current.append(chosen)
    try:
        yield chosen
    finally:
        del _current[at:]


_UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "m": 1000 ** 2, "mb": 1000 ** 2, "g": 1000 ** 3,
          "gb": 1000 ** 3, "t": 1000 ** 4, "tb": 1000 ** 4, "kib": _KIB, "mib": _MIB, "gib": _GIB,
          "tib": 1 << 40}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """``"500MB"`` -> ``500000000``; ``"2GiB"``, ``"1.5G"`` and plain bytes work too.

    Raises
    ------
    ValueError
        Not a size, or not at least one byte.

    Examples
    --------
    >>> parse_size("2GiB"), parse_size("1.5 GB"), parse_size("4096")
    (2147483648, 1500000000, 4096)
    """
    match = _SIZE.fullmatch(text) if len(text) <= 40 else None
    unit = match.group(2).lower() if match else ""
    if match is None or unit not in _UNITS:
        raise ValueError(f"'{text[:40]}' is not a size; write it like 500MB, 2GB or 2GiB")
    size = int(float(match.group(1)) * _UNITS[unit])
    if size < 1:
        raise ValueError(f"'{text}' is less than one byte; write it like 500MB, 2GB or 2GiB")
    return size


def format_size(size: int) -> str:
    """Bytes as people read them: ``1073741824`` -> ``'1 GiB'``, ``1500000`` -> ``'1.5 MB'``."""
    for unit, step in (("GiB", _GIB), ("MiB", _MIB), ("KiB", _KIB)):
        if size >= step and size % step == 0:
            return f"{size // step:,} {unit}"
    for unit, step in (("GB", 1000 ** 3), ("MB", 1000 ** 2), ("kB", 1000)):
        if size >= step:
            return f"{size / step:,.1f}".rstrip("0").rstrip(".") + f" {unit}"
    return f"{size:,} bytes"
