"""A file's bytes, read in chunks with bounded memory: :func:`load`.

What it does while reading, so that nothing needs the whole of a damaged file twice:

* stops at the size limit (the stream counts: see :mod:`netgraph.io._safe` and the zip
  members of :mod:`netgraph.io._archive`);
* refuses binary data after the first chunk (``/dev/urandom``, a picture renamed ``.csv``);
* re-encodes UTF-16 (with BOM) to UTF-8, and old Mac line ends (CR alone) to LF, chunk by
  chunk;
* blanks out every physical line longer than the row limit, keeping its line break, so
  that line numbers stay true: the giant line is never held whole, and the reader lists it
  as a skipped row (:class:`Blank`).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Protocol

from netgraph.errors import ExportFormatError
from netgraph.io.limits import Limits, current_limits, format_size

_CHUNK = 1 << 20
_WHOLE = 128 << 20  # files up to this size are read in one go (the usual case: no copy)
_HEAD = 4096
_BINARY_HEAD = 256 * 1024
_LONE_CR = re.compile(rb"\r(?!\n)")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


class Stream(Protocol):
    def read(self, n: int = -1, /) -> bytes: ...


@dataclass(frozen=True)
class Blank:
    """A physical line blanked out while loading (it is longer than the row limit)."""

    line: int  # 1-based physical line
    size: int  # its length in bytes
    head: bytes  # its first few kilobytes (to tell which column holds the giant field)
    limit: int  # the row limit it broke


@dataclass(frozen=True)
class Loaded:
    """A file read by :func:`load`: bytes ready for ``decode``, and what was blanked."""

    data: bytes
    encoding: str | None = None  # "utf-16" when re-encoded here; None: decode() sniffs it
    blanks: tuple[Blank, ...] = field(default=())


def load(stream: Stream, name: str, *, limits: Limits | None = None) -> Loaded:
    """Read ``stream`` to its end (see the module docstring).

    Raises
    ------
    ExportFormatError
        Binary data, or undecodable UTF-16 (the stream raises its own for the size limit).
    """
    max_row = (limits or current_limits()).max_row
    known = getattr(stream, "size", None)  # a regular file's size (from fstat when it was opened)
    if isinstance(known, int) and known <= _WHOLE:
        whole = _load_whole(stream, known, name, max_row)
        if isinstance(whole, Loaded):
            return whole
        stream = whole
    size = min(_CHUNK, max_row)
    first = stream.read(size)
    if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _load_utf16(first, stream, name, max_row, size)
    head = first
    while len(head) < _BINARY_HEAD and len(first) == size:  # the binary check sees 256 KiB
        more = stream.read(size)
        if not more:
            break
        head += more
        if len(more) < size:
            break
    check_text(head, name)
    lone_cr = head.find(b"\r") >= 0 and _LONE_CR.search(head) is not None
    return _Lines(name, max_row, lone_cr).run(head, lambda: stream.read(size))


def _load_whole(stream: Stream, known: int, name: str, max_row: int) -> Loaded | Stream:
    """The usual case, a file of modest size read in one go: when it is plain UTF-8 or
    Windows-1252 text whose lines are all within the row limit, it is used as it is
    (no copy); otherwise a stream over what was read, for the chunked path."""
    data = stream.read(known + 1)
    if len(data) > known:  # it grew while we read: the chunked path (limits still counted)
        return _Prefixed(data, stream)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or not _lines_fit(data, max_row):
        return _Prefixed(data, None)
    check_text(data[:_BINARY_HEAD], name)
    if data.find(b"\r", 0, _BINARY_HEAD) >= 0 and _LONE_CR.search(data, 0, _BINARY_HEAD):
        return _Prefixed(data, None)
    return Loaded(data)


def _lines_fit(data: bytes, max_row: int) -> bool:
    """Is every line of ``data`` at most ``max_row`` bytes long? (A line break in every
    stretch of ``max_row + 1`` bytes; ``rfind`` jumps a stretch at a time.)"""
    at, end = 0, len(data)
    while end - at > max_row:
        newline = data.rfind(b"\n", at, at + max_row + 1)
        if newline < 0:
            return False
        at = newline + 1
    return True


class _Prefixed:
    """``data`` already read, then the rest of ``stream`` (if any)."""

    def __init__(self, data: bytes, stream: Stream | None) -> None:
        self._data, self._at, self._stream = data, 0, stream

    def read(self, n: int = -1, /) -> bytes:
        if self._at < len(self._data):
            piece = self._data[self._at:self._at + n] if n >= 0 else self._data[self._at:]
            self._at += len(piece)
            return piece
        return self._stream.read(n) if self._stream is not None else b""


def _load_utf16(first: bytes, stream: Stream, name: str, max_row: int, size: int) -> Loaded:
    decoder = codecs.getincrementaldecoder("utf-16")("strict")

    def chunks(raw: bytes, final: bool = False) -> bytes:
        try:
            text = decoder.decode(raw, final)
        except UnicodeDecodeError:
            raise binary_error(name, first) from None
        if "\x00" in text:
            raise binary_error(name, first)
        return text.encode("utf-8")

    head = chunks(first)
    lone_cr = head.find(b"\r") >= 0 and _LONE_CR.search(head) is not None

    def more() -> bytes:
        raw = stream.read(size)
        return chunks(raw, final=True) if not raw else chunks(raw)

    loaded = _Lines(name, max_row, lone_cr).run(head, more)
    return Loaded(loaded.data, "utf-16", loaded.blanks)


class _Lines:
    """Copy chunks into one buffer, blanking physical lines longer than ``max_row``."""

    def __init__(self, name: str, max_row: int, lone_cr: bool) -> None:
        self.name, self.max_row, self.lone_cr = name, max_row, lone_cr
        self.out = bytearray()
        self.line_start = 0  # offset in out of the current (unfinished) physical line
        self.counted = (0, 0)  # (offset, newlines before it): line numbers, counted lazily
        self.blanks: list[Blank] = []
        self.skipping: list | None = None  # [line, size, head] while a giant line is dropped
        self.carry_cr = False

    def run(self, chunk: bytes, more) -> Loaded:
        step = min(_CHUNK, self.max_row)  # no line inside one piece can pass the limit
        while chunk:
            chunk = self._line_ends(chunk)
            for at in range(0, len(chunk), step):
                self.feed(chunk[at:at + step] if len(chunk) > step else chunk)
            chunk = more()
        if self.carry_cr:
            self.feed(b"\n")
        if self.skipping is not None:
            self._end_skip(newline=False)
        return Loaded(bytes(self.out), None, tuple(self.blanks))

    def _line_ends(self, chunk: bytes) -> bytes:
        """Old Mac line ends (CR alone) as LF, a CR at the end of a chunk held back."""
        if not self.lone_cr:
            return chunk
        if self.carry_cr:
            chunk = b"\r" + chunk
        self.carry_cr = chunk.endswith(b"\r")
        if self.carry_cr:
            chunk = chunk[:-1]
        return re.sub(rb"\r\n?", b"\n", chunk)

    def feed(self, chunk: bytes) -> None:
        start = 0
        if self.skipping is not None:
            end = chunk.find(b"\n")
            if end < 0:
                self.skipping[1] += len(chunk)
                return
            self.skipping[1] += end
            self._end_skip(newline=True)
            start = end + 1
        base = len(self.out)
        self.out += memoryview(chunk)[start:]
        first = chunk.find(b"\n", start)
        if first >= 0 and base + first - start - self.line_start > self.max_row:
            # The line that began in an earlier chunk ends here, too long: blank it.
            self._blank(base + first - start)
            if first + 1 < len(chunk):
                self.feed(chunk[first + 1:])
            return
        if first >= 0:
            self.line_start = base + chunk.rfind(b"\n", start) - start + 1
        if len(self.out) - self.line_start > self.max_row:
            self._start_skip()

    def _line_number(self, offset: int) -> int:
        at, before = self.counted
        before += self.out.count(b"\n", at, offset)
        self.counted = (offset, before)
        return before + 1

    def _blank(self, end: int) -> None:
        """The line from ``line_start`` to the newline at ``end`` is too long."""
        start = self.line_start
        line = self._line_number(start)
        self.blanks.append(Blank(line, end - start, bytes(self.out[start:start + _HEAD]), self.max_row))
        self.out[start:] = b"\n"
        self.line_start = start + 1
        self.counted = (self.line_start, line)

    def _start_skip(self) -> None:
        start = self.line_start
        line = self._line_number(start)
        self.skipping = [line, len(self.out) - start, bytes(self.out[start:start + _HEAD])]
        del self.out[start:]

    def _end_skip(self, *, newline: bool) -> None:
        assert self.skipping is not None
        line, size, head = self.skipping
        self.skipping = None
        self.blanks.append(Blank(line, size, head, self.max_row))
        if newline:
            self.out += b"\n"
        self.line_start = len(self.out)
        self.counted = (self.line_start, line if newline else line - 1)


def check_text(head: bytes, name: str) -> None:
    """Refuse binary data (NUL bytes, or many control bytes) early."""
    if head.find(b"\x00", 0, _BINARY_HEAD) >= 0 or looks_binary(head[:4096]):
        raise binary_error(name, head)


def looks_binary(head: bytes) -> bool:
    """Many control bytes in the first kilobytes: not a text file."""
    if not head:
        return False
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return control > max(8, len(head) // 50)


def binary_error(name: str, raw: bytes) -> ExportFormatError:
    return ExportFormatError(
        f"{name} is not a text (CSV) file (it starts with {raw[:8]!r}): pass the zip "
        "LinkedIn sent you, the folder it unpacks to, or its Connections.csv"
    )


def describe_blank(blank: Blank, column: str) -> tuple[str, str]:
    """The skipped row's reason and detail for a blanked line."""
    where = f" in '{column}'" if column else ""
    return (f"longer than {format_size(blank.limit)}, the limit for one row",
            f"{format_size(blank.size)}{where}")
