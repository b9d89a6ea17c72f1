"""Bytes to a frame of strings: encoding, delimiter, header by content, line numbers.

Every CSV of an export goes through :func:`read_table`. The work is split so that the big
files stay fast: the encoding and the header are sniffed on the first few kilobytes, the
body is parsed by pandas' C parser straight from UTF-8 bytes (only the columns a reader
asks for are turned into Python strings), and the physical line number of each row is
derived from newline and quote positions, not from a per-row loop. Damaged files that
the C parser refuses fall back to the :mod:`csv` module, which reports every odd row
(:mod:`netgraph.io._parse`); rows a damaged file would swallow are repaired and listed,
each with a reason (``Table.reasons``), so that every row is counted.
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._frames import str_array
from netgraph.io._load import Blank, Loaded, binary_error, describe_blank, looks_binary
from netgraph.io._parse import parse_kept, parse_rows

logger = logging.getLogger(__name__)

#: A row filter for :func:`read_table`: a folded column key and a predicate on its values.
Keep = tuple  # (str, Callable[[np.ndarray], np.ndarray])

HEADER_SEARCH_LINES = 20
EXPORT_ADVICE = "pass the file as LinkedIn wrote it"
OPTIONAL_ADVICE = "pass the file as LinkedIn wrote it, or remove it to go on without it"
_HEAD_BYTES = 256 * 1024
_DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab"}
_LONE_CR = re.compile(rb"\r(?!\n)")


@dataclass(frozen=True)
class Text:
    """A file's bytes re-encoded as UTF-8, with how they were written."""

    name: str
    data: bytes
    encoding: str
    blanks: tuple[Blank, ...] = ()  # lines blanked while loading (longer than the row limit)


@dataclass(frozen=True)
class Header:
    """Where a file's header is and what it says."""

    line: int  # 1-based physical line
    offset: int  # byte offset of the header line in Text.data
    delimiter: str
    cells: tuple[str, ...]  # stripped, as written

    @cached_property
    def keys(self) -> tuple[str, ...]:
        return tuple(fold_header(c) for c in self.cells)


@dataclass(frozen=True)
class Table:
    """The rows of a CSV below its header: stripped strings plus where each row is."""

    name: str
    header: Header
    encoding: str
    columns: dict[str, np.ndarray]  # folded header key -> object array of str
    line: np.ndarray  # 1-based physical line of each row's first line
    extra: np.ndarray  # number of fields beyond the header (0 = well-formed)
    # Why a row cannot be used whatever its values ("" = it can), and a detail: a line
    # longer than the row limit, a quote that swallows the lines after it (the row's
    # values are then empty). Readers start their own reasons from these.
    reasons: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    details: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))

    def __post_init__(self) -> None:
        for name in ("reasons", "details"):
            if len(getattr(self, name)) != len(self.line):
                object.__setattr__(self, name, np.full(len(self.line), "", dtype=object))

    @property
    def delimiter(self) -> str:
        return self.header.delimiter

    def __len__(self) -> int:
        return len(self.line)

    def get(self, key: str) -> np.ndarray:
        """The column's values, or empty strings when the file has no such column."""
        if key in self.columns:
            return self.columns[key]
        return np.full(len(self.line), "", dtype=object)

    @cached_property
    def frame(self) -> pd.DataFrame:
        return pd.DataFrame({k: str_array(v) for k, v in self.columns.items()},
                            columns=list(self.columns))


def fold_header(cell: str) -> str:
    """A header cell as a lookup key: no quotes or BOM, single spaces, casefolded."""
    return " ".join(cell.replace("\ufeff", "").strip().strip('"').split()).casefold()


def decode(raw: bytes | Loaded, name: str, *,
           empty_advice: str = "download the export again from LinkedIn") -> Text:
    """Sniff the encoding and return the text as UTF-8 bytes.

    UTF-16 (with BOM) and Windows-1252 files are re-encoded; UTF-8 files, with or without
    a BOM, are used as they are. Old Mac line ends (CR only) become LF. ``raw`` is the
    file's bytes, or what :func:`netgraph.io._load.load` read (already re-encoded from
    UTF-16, with the lines it blanked).

    Raises
    ------
    ExportFormatError
        The file is empty or binary.
    """
    if isinstance(raw, Loaded):
        plain = decode(raw.data, name, empty_advice=empty_advice)
        return Text(name, plain.data, raw.encoding or plain.encoding, raw.blanks)
    if not raw[:4096].strip() and not raw.strip():
        raise ExportFormatError(f"{name} is empty: {empty_advice}")
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _binary(name, raw) from None
        if "\x00" in text[:_HEAD_BYTES]:
            raise _binary(name, raw)
        data, encoding = text.encode("utf-8"), "utf-16"
    else:
        if raw.find(b"\x00", 0, _HEAD_BYTES) >= 0:
            raise _binary(name, raw)
        body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
        encoding = "utf-8-sig" if body is not raw else "utf-8"
        try:  # the head only (a view, not a copy); the parser checks the rest
            codecs.utf_8_decode(memoryview(body)[:_HEAD_BYTES], "strict", len(body) <= _HEAD_BYTES)
            data = body
        except UnicodeDecodeError:
            data, encoding = reencode_cp1252(body), "cp1252"
    if _looks_binary(data[:4096]):
        raise _binary(name, raw)
    if data.find(b"\r", 0, _HEAD_BYTES) >= 0 and _LONE_CR.search(data, 0, _HEAD_BYTES):
        data = re.sub(rb"\r\n?", b"\n", data)  # old Mac line ends (CR alone)
    return Text(name=name, data=data, encoding=encoding)


def reencode_cp1252(raw: bytes) -> bytes:
    """Windows-1252 bytes (Excel re-saves) as UTF-8; undefined bytes become U+FFFD."""
    return raw.decode("cp1252", errors="replace").encode("utf-8")


_looks_binary = looks_binary
_binary = binary_error


def head_lines(text: Text, limit: int = HEADER_SEARCH_LINES) -> list[tuple[int, str]]:
    """The first physical lines as ``(byte offset, decoded line)`` pairs."""
    head = text.data[:_HEAD_BYTES]
    out: list[tuple[int, str]] = []
    offset = 0
    for raw_line in head.split(b"\n", limit)[:limit]:
        out.append((offset, raw_line.rstrip(b"\r").decode("utf-8", errors="replace")))
        offset += len(raw_line) + 1
    return out


def split_line(line: str, delimiter: str) -> list[str]:
    """One physical line as CSV cells (quotes honoured)."""
    try:
        return next(csv.reader([line], delimiter=delimiter, strict=False), [])
    except csv.Error:
        return line.split(delimiter)


def find_header(text: Text, accept: Callable[[tuple[str, ...]], bool]) -> Header | None:
    """The first line within the first ~20 whose folded cells ``accept`` (any delimiter).

    The delimiter is the one that splits the accepted line into the most cells.
    """
    for number, (offset, line) in enumerate(head_lines(text), start=1):
        best: Header | None = None
        for delimiter in _DELIMITERS:
            if delimiter not in line and delimiter != ",":
                continue
            cells = tuple(c.replace("\ufeff", "").strip() for c in split_line(line, delimiter))
            header = Header(line=number, offset=offset, delimiter=delimiter, cells=cells)
            if accept(header.keys) and (best is None or len(cells) > len(best.cells)):
                best = header
        if best is not None:
            return best
    return None


def best_guess_header(text: Text, known: AbstractSet[str]) -> Header | None:
    """For error messages: the early line that shares most cells with ``known`` columns."""
    best, best_score = None, 0
    for number, (offset, line) in enumerate(head_lines(text), start=1):
        for delimiter in _DELIMITERS:
            cells = tuple(c.strip() for c in split_line(line, delimiter))
            score = sum(fold_header(c) in known for c in cells)
            if score > best_score:
                best_score = score
                best = Header(line=number, offset=offset, delimiter=delimiter, cells=cells)
    return best


def read_table(text: Text, header: Header, columns: Sequence[str] | None = None,
               strip: Sequence[str] | None = None, keep: Keep | None = None,
               multiline: Sequence[str] | None = None) -> Table:
    """Parse the rows below ``header``.

    Parameters
    ----------
    text
        The decoded file.
    header
        From :func:`find_header`.
    columns
        Folded header keys to keep (``None`` = all). Unneeded columns are never turned
        into Python strings, which is what keeps 200,000-row messages files fast; rows with
        surplus fields are then not detected, only shifted values are.
    strip
        Folded keys whose values are stripped (``None`` = all).
    keep
        ``(key, predicate)``: keep only the rows whose stripped value in column ``key``
        passes ``predicate`` (an array of str in, an array of bool out; it sees each
        distinct value once). The other columns of dropped rows are never stripped:
        reading a large export for a few companies costs little more than the parser.
    multiline
        Folded keys of the columns that may hold line breaks; a line break in any other
        column read means a quote swallowed the lines after it, which are then read as
        the rows they are (``None``: no such check).

    Returns
    -------
    Table
        Blank lines are dropped; values are stripped; missing fields are ``""``. Rows
        that cannot be used whatever their values have a reason in ``Table.reasons``.
    """
    keys = header.keys
    if columns is None:
        wanted = list(range(len(keys)))
    else:
        wanted = [keys.index(c) for c in columns if c in keys]
    names = [keys[i] for i in wanted]
    problems = {b.line: describe_blank(b, _column_of(b, header)) for b in text.blanks if b.line > header.line}
    single = [] if multiline is None else [i for i, name in enumerate(names) if name not in multiline]
    kept = None
    if keep is not None and keep[0] in names and not problems:
        def choose(distinct: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            stripped = _strip(distinct)
            return np.asarray(keep[1](stripped), dtype=bool), stripped

        kept = parse_kept(text, header, wanted, names.index(keep[0]), choose)
    rows = kept if kept is not None else parse_rows(text, header, wanted, all_columns=columns is None,
                                                    problems=problems, single_line=single)
    arrays, extra, line, reasons, details = rows.arrays, rows.extra, rows.line, rows.reasons, rows.details
    if keep is not None and keep[0] in names and kept is None:
        at = names.index(keep[0])
        # The filter sees each distinct stripped value once (a few thousand of 10,000).
        codes, distinct = pd.factorize(arrays[at], use_na_sentinel=False)
        distinct = _strip(np.asarray(distinct, dtype=object))
        mask = np.asarray(keep[1](distinct), dtype=bool)[codes]
        arrays = [values[mask] for values in arrays]
        arrays[at] = distinct[codes[mask]]
        line, extra, reasons, details = line[mask], extra[mask], reasons[mask], details[mask]
    # Strip every value (stray spaces are common), as plain Python: 5x faster than .str.
    stripped = []
    nonblank = (extra > 0) | (reasons != "")
    for name, values in zip(names, arrays):
        if strip is None or name in strip:
            values = _strip(values)
        nonblank |= values != ""
        stripped.append(values)
    if not nonblank.all():
        stripped = [values[nonblank] for values in stripped]
        line, extra, reasons, details = line[nonblank], extra[nonblank], reasons[nonblank], details[nonblank]
    return Table(name=text.name, header=header, encoding=text.encoding,
                 columns=dict(zip(names, stripped)), line=line, extra=extra,
                 reasons=reasons, details=details)


def _column_of(blank: Blank, header: Header) -> str:
    """The column a blanked line's giant field is in: the one its first bytes end in."""
    cells = split_line(blank.head.decode("utf-8", errors="replace"), header.delimiter)
    return header.cells[len(cells) - 1] if 0 < len(cells) <= len(header.cells) else ""


def _strip(values: np.ndarray) -> np.ndarray:
    try:
        return np.array([v.strip() for v in values], dtype=object)
    except AttributeError:  # not a string (never from the parsers, but be safe)
        return np.array([v.strip() if isinstance(v, str) else "" for v in values], dtype=object)


@dataclass(frozen=True)
class Spec:
    """What one kind of file looks like.

    Attributes
    ----------
    label
        What the file is, for messages (``messages.csv``).
    required
        Groups of column names as LinkedIn writes them; each group needs one of its names
        (compared folded: case, spaces and quotes do not matter).
    optional
        Other columns this kind is known to have (not logged as unknown).
    example
        The header of a genuine current file, shown when the header is not found.
    read
        Columns to read (``None`` = all columns).
    log_unknown
        Log the columns this spec does not know (off for the 59-column Outlook file).
    strip
        Columns whose values are stripped of spaces (``None`` = all). The big messages
        file strips only its names; its other columns are stripped where they are used.
    needless
        ``(column, because)`` pairs: ``column`` is not read when the file has ``because``
        (each column read costs time on a 200,000-row file).
    multiline
        Columns that may hold line breaks (a message's text); a line break in any other
        column read is a quote that swallowed rows (``None``: not checked).
    """

    label: str
    required: tuple[tuple[str, ...], ...]
    optional: tuple[str, ...] = ()
    example: str = ""
    read: tuple[str, ...] | None = None
    log_unknown: bool = True
    strip: tuple[str, ...] | None = None
    needless: tuple[tuple[str, str], ...] = ()
    multiline: tuple[str, ...] | None = None

    def accepts(self, keys: Sequence[str]) -> bool:
        present = set(keys)
        return all(any(k in present for k in group) for group in self._folded_required)

    def missing(self, keys: Sequence[str]) -> list[str]:
        present = set(keys)
        return [" or ".join(f"'{k}'" for k in group)
                for group, folded in zip(self.required, self._folded_required)
                if not any(k in present for k in folded)]

    @cached_property
    def _folded_required(self) -> tuple[tuple[str, ...], ...]:
        """``required`` as header keys, folded once (headers are searched line by line)."""
        return tuple(tuple(fold_header(k) for k in group) for group in self.required)

    @cached_property
    def known(self) -> frozenset[str]:
        names = [k for group in self.required for k in group] + list(self.optional)
        return frozenset(fold_header(k) for k in names)

    def columns(self, keys: Sequence[str]) -> tuple[str, ...] | None:
        """The folded columns to read from a file whose header has ``keys``."""
        if self.read is None:
            return None
        present = set(keys)
        skip = {fold_header(c) for c, because in self.needless if fold_header(because) in present}
        return tuple(k for k in (fold_header(c) for c in self.read) if k not in skip)

    @property
    def stripped(self) -> tuple[str, ...] | None:
        return None if self.strip is None else tuple(fold_header(k) for k in self.strip)

    @property
    def folded_multiline(self) -> tuple[str, ...] | None:
        return None if self.multiline is None else tuple(fold_header(k) for k in self.multiline)


def open_table(raw: bytes | Loaded, name: str, specs: Sequence[Spec], *,
               advice: str = EXPORT_ADVICE, keep: Keep | None = None) -> tuple[Table, Spec]:
    """Decode ``raw`` (bytes, or a loaded file), find the header of the first matching spec
    and parse the rows.

    Raises
    ------
    ExportFormatError
        Empty or binary file; no header within the first ~20 lines (the message lists
        the missing columns and what the closest line holds).
    """
    text = decode(raw, name, empty_advice=advice)
    try:
        return _open_decoded(text, specs, advice, keep)
    except UnicodeDecodeError:
        # Valid UTF-8 at the top, not further down: an Excel re-save in Windows-1252.
        data = raw.data if isinstance(raw, Loaded) else raw
        body = data[3:] if data.startswith(codecs.BOM_UTF8) else data
        return _open_decoded(Text(name, reencode_cp1252(body), "cp1252", text.blanks), specs, advice, keep)


def _open_decoded(text: Text, specs: Sequence[Spec], advice: str, keep: Keep | None = None) -> tuple[Table, Spec]:
    for spec in specs:
        header = find_header(text, spec.accepts)
        if header is not None:
            unknown = [c for c in header.cells if c and fold_header(c) not in spec.known]
            if unknown and spec.log_unknown:
                logger.info("%s: ignoring unknown columns %s", text.name, ", ".join(unknown))
            return read_table(text, header, spec.columns(header.keys), spec.stripped, keep,
                              spec.folded_multiline), spec
    raise missing_columns(text, specs[0], advice)


def missing_columns(text: Text, spec: Spec, advice: str = EXPORT_ADVICE) -> ExportFormatError:
    """The error for a file whose header is not found: what is missing, what was found."""
    guess = best_guess_header(text, spec.known)
    advice = f"Expected a header like '{spec.example}': {advice}" if spec.example \
        else advice[:1].upper() + advice[1:]
    missing = spec.missing(guess.keys) if guess is not None else []
    if guess is None or not missing:
        first = next((line for _, line in head_lines(text) if line.strip()), "")
        return ExportFormatError(
            f"{text.name}: no header row in the first {HEADER_SEARCH_LINES} lines; the first "
            f"line is '{_shorten(first)}'. {advice}"
        )
    found = ", ".join(c for c in guess.cells if c) or "nothing"
    columns = ", ".join(missing)
    return ExportFormatError(
        f"{text.name} line {guess.line}: the header has no {columns} "
        f"column{'s' if len(missing) > 1 else ''}; it has {_shorten(found)}. {advice}"
    )


def _shorten(value: str, width: int = 160) -> str:
    return value if len(value) <= width else value[: width - 3] + "..."
