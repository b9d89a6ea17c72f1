"""Give memory that is no longer used back to the operating system, between big steps.

A pool of friends' exports is read into frames, turned into the graph, and dropped; the
answers and the JSON report are built after. Freed memory stays with the allocator that
held it: pyarrow's pool (pandas keeps text in pyarrow arrays when pyarrow is installed)
and the C library's heap (numpy's arrays). The report's large buffers come from neither,
so without this the process would hold both at once. Both calls are cheap, and nothing
happens where they do not exist (another C library, no pyarrow).
"""

from __future__ import annotations

import ctypes
import sys
from functools import cache

__all__ = ["give_back_memory"]


def give_back_memory() -> None:
    """Return freed memory of pyarrow's pool and of the C heap to the system."""
    pyarrow = sys.modules.get("pyarrow")
    if pyarrow is not None:
        pyarrow.default_memory_pool().release_unused()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():
    """glibc's ``malloc_trim``, or None elsewhere."""
    if not sys.platform.startswith("linux"):
        return None
    try:  # the symbols already loaded into this process (no ldconfig run: that would fork a copy of it)
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim
        return None
