"""The rows below a header: pandas' C parser, the csv module as a fallback, and repairs.

:func:`parse_rows` is the body of :func:`netgraph.io._table.read_table`. Besides parsing
it finds the rows a damaged file would silently lose, and gets them back:

* a quote that never closes (the C parser says "EOF inside string"): the rest of the
  file would be one field of the row where the quote opened;
* a quote that closes only lines later, so that a column that never holds a line break
  (a name, a company, a date) swallowed whole rows;
* a row the csv module refuses (a field over its limit, a NUL byte).

The line where such a row begins is blanked (its line break kept, so every line number
stays true), listed with its reason, and the file is parsed again: the lines after it
are read as the rows they are. Everything is counted, nothing is silently dropped.
"""

from __future__ import annotations

import csv
import io
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError

logger = logging.getLogger(__name__)

_SPARE_COLUMNS = 4
_FIELD_LIMIT = 64 * 1024 * 1024
_MAX_REPAIRS = 5
UNCLOSED = "a quote opened on this line never closes"
SWALLOWED = "a quote opened on this line swallows the lines after it"
UNREADABLE = "cannot be read as CSV"


@dataclass(frozen=True)
class Rows:
    """Parsed rows: one object array per wanted column, and per row its surplus fields,
    first physical line, and the reason it cannot be used (``""``: none) with a detail."""

    arrays: list[np.ndarray]
    extra: np.ndarray
    line: np.ndarray
    reasons: np.ndarray
    details: np.ndarray


def parse_rows(text, header, wanted: list[int], *, all_columns: bool,
               problems: dict[int, tuple[str, str]], single_line: Sequence[int] = ()) -> Rows:
    """Parse ``text`` below ``header``, repairing swallowed rows (see the module docstring).

    Parameters
    ----------
    text, header
        A :class:`~netgraph.io._table.Text` and its :class:`~netgraph.io._table.Header`.
    wanted
        Column positions to return.
    all_columns
        Every column is wanted (then surplus fields are counted).
    problems
        Lines already known to be unusable (blanked while loading): line -> (reason, detail).
    single_line
        Positions in ``wanted`` of columns that never hold a line break.
    """
    problems = dict(problems)
    for attempt in range(_MAX_REPAIRS + 1):
        unclosed, broken = False, None
        try:
            arrays, extra, line = _parse_fast(text.data, header, wanted, all_columns=all_columns)
        except UnicodeDecodeError:
            raise
        except ValueError as error:  # pandas' ParserError and its other complaints
            logger.info("%s: the C parser stopped (%s); reading it row by row", text.name, error)
            unclosed = "EOF inside string" in str(error)
            try:
                arrays, extra, line = _parse_slow(text, header, wanted)
            except _Unreadable as failure:
                broken = failure
        if broken is not None:
            if broken.line <= header.line or broken.line in problems:
                raise broken.error
            found = {broken.line: (UNREADABLE, broken.detail)}
        else:
            found = {k: v for k, v in _broken_rows(text, header, arrays, line, unclosed, single_line).items()
                     if k not in problems}
        if not found and broken is None:
            break
        if attempt == _MAX_REPAIRS or not found:
            if broken is not None:
                raise broken.error
            break  # rows still swallowed after several repairs: they are marked below
        problems.update(found)
        text = replace(text, data=blank_lines(text.data, sorted(found)))
    reasons = np.full(len(line), "", dtype=object)
    details = np.full(len(line), "", dtype=object)
    if problems:
        arrays, extra, line, reasons, details = _mark(arrays, extra, line, problems, header.line)
    if attempt == _MAX_REPAIRS and found:
        for at, number in enumerate(line):
            if number in found and not reasons[at]:
                reasons[at], details[at] = found[number]
    return Rows(arrays, extra, line, reasons, details)


def parse_kept(text, header, wanted: list[int], at: int,
               choose: Callable[[np.ndarray], tuple[np.ndarray, np.ndarray]]) -> Rows | None:
    """Only the rows whose value in column ``wanted[at]`` is chosen, parsed by pyarrow's
    CSV reader: the other rows never become Python strings.

    ``choose`` is given the distinct values of that column (in order of first appearance)
    and returns which to keep and what each becomes (the stripped value). A friend's
    export is read this way for the few rows at your targets, at a third of the cost of
    parsing every row.

    Returns None (the caller then parses every row with :func:`parse_rows`) when pyarrow
    is not installed, or the file is not plain: a row whose number of fields differs from
    the header's, a blank line, a value over several lines, bytes that are not UTF-8.
    Where it returns rows they are the rows :func:`parse_rows` gives, values as written.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.csv as pacsv
    except ImportError:  # optional: the pandas parser does the same, slower
        return None
    data = text.data
    first = data.find(b"\n", header.offset)
    if first < 0:
        return None
    start = first + 1
    if start >= len(data):
        return None
    n = len(header.cells)
    names = [f"c{i}" for i in range(n)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(data).slice(start)),
            read_options=pacsv.ReadOptions(column_names=names, use_threads=False),
            parse_options=pacsv.ParseOptions(delimiter=header.delimiter, quote_char='"', double_quote=True,
                                             escape_char=False, newlines_in_values=True, ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(column_types={c: pa.string() for c in names},
                                                 include_columns=[names[i] for i in wanted],
                                                 strings_can_be_null=False, quoted_strings_can_be_null=False))
    except (pa.ArrowException, ValueError):
        return None
    physical = _count_newlines(data, start) + (0 if data.endswith(b"\n") else 1)
    if table.num_rows != physical:
        return None  # a value over several lines, or a blank line: the full parser decides
    codes = pc.dictionary_encode(table.column(at).combine_chunks())
    chosen, values = choose(np.asarray(codes.dictionary.to_pylist(), dtype=object))
    index = codes.indices.to_numpy(zero_copy_only=False)
    rows = np.flatnonzero(np.asarray(chosen, dtype=bool)[index])
    kept = table.take(pa.array(rows))
    arrays = [np.asarray(kept.column(i).to_pylist(), dtype=object) for i in range(len(wanted))]
    arrays[at] = np.asarray(values, dtype=object)[index[rows]]
    k = len(rows)
    empty = np.full(k, "", dtype=object)
    return Rows(arrays, np.zeros(k, dtype=np.int64), header.line + 1 + rows.astype(np.int64), empty, empty.copy())


def blank_lines(data: bytes, lines: list[int]) -> bytes:
    """``data`` with the given 1-based physical lines emptied (their line breaks kept)."""
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    pieces, at = [], 0
    for number in lines:
        start = 0 if number == 1 else int(ends[number - 2]) + 1 if number - 2 < len(ends) else len(data)
        stop = int(ends[number - 1]) if number - 1 < len(ends) else len(data)
        if data[stop - 1:stop] == b"\r":
            stop -= 1
        pieces.append(data[at:start])
        at = max(stop, start)
    pieces.append(data[at:])
    return b"".join(pieces)


def _broken_rows(text, header, arrays, line, unclosed: bool, single_line: Sequence[int]) -> dict:
    """The first lines of swallowing rows: line -> (reason, detail)."""
    out: dict[int, tuple[str, str]] = {}
    if not len(line):
        return out
    if unclosed:
        n, m = int(line[-1]), _last_line(text.data, header)
        if m > n:
            out[n] = (UNCLOSED, f"lines {n + 1}-{m} would be part of it: this line is skipped, they are "
                                "read as the rows they are")
    if not single_line:
        return out
    spans = np.flatnonzero(np.diff(line) > 1)
    if line[-1] - line[0] == len(line) - 1:
        spans = spans[:0]  # one row per line: nothing spans lines (the usual case)
    spans = np.append(spans, len(line) - 1)  # the last row: checked whatever its span
    hit = np.zeros(len(spans), dtype=bool)
    width = len(header.cells) - 1
    for at in single_line:
        values = arrays[at][spans]
        hit |= np.fromiter((_holds_rows(v, header.delimiter, width) for v in values), dtype=bool,
                           count=len(values))
    for row in spans[hit]:
        n = int(line[row])
        m = int(line[row + 1]) - 1 if row + 1 < len(line) else _last_line(text.data, header)
        out.setdefault(n, (SWALLOWED, f"lines {n}-{m} were read as one row: this line is skipped, the "
                                      "lines after it are read as the rows they are"))
    return out


def _holds_rows(value: str, delimiter: str, width: int) -> bool:
    """Does a value hold whole rows: a line break, then a line with a row's delimiters?
    (A quoted ``"Staff Engineer\nPlatform"`` holds a line break but no row.)"""
    if "\n" not in value and "\r" not in value:
        return False
    return any(line.count(delimiter) >= width for line in value.splitlines()[1:])


def _last_line(data: bytes, header) -> int:
    """The number of the file's last physical line."""
    body = data.count(b"\n", header.offset)
    return header.line + body - (1 if data.endswith(b"\n") else 0)


def _mark(arrays, extra, line, problems, header_line):
    """Give the known problem lines their reasons; add rows for those the parser did not
    return (a blanked last line without a line break)."""
    missing = sorted(k for k in problems if k > header_line and k not in set(line.tolist()))
    if missing:
        add = np.asarray(missing, dtype=np.int64)
        order = np.argsort(np.concatenate([line, add]), kind="stable")
        blank = np.full(len(add), "", dtype=object)
        arrays = [np.concatenate([a, blank])[order] for a in arrays]
        extra = np.concatenate([extra, np.zeros(len(add), dtype=np.int64)])[order]
        line = np.concatenate([line, add])[order]
    reasons = np.full(len(line), "", dtype=object)
    details = np.full(len(line), "", dtype=object)
    for at in np.flatnonzero(np.isin(line, np.fromiter(problems, dtype=np.int64, count=len(problems)))):
        reasons[at], details[at] = problems[int(line[at])]
    return arrays, extra, line, reasons, details


def _parse_fast(data: bytes, header, wanted: list[int], *, all_columns: bool):
    """pandas' C parser from the header line on; returns one object array per column.

    Reading every column, the parser is first given exactly the header's columns: rows
    longer than the header are rare, and then it complains, and the file is parsed again
    with spare columns, which count the surplus fields (the parser gives the same values
    either way; the spare columns cost ~15% on a large file).
    """
    n = len(header.cells)
    if all_columns:
        try:
            raw = _read_csv(data, header, names=list(range(n)))
            extra = np.zeros(max(len(raw) - 1, 0), dtype=np.int64)
        except ValueError:  # a longer row, or any other complaint: the full read decides
            raw = _read_csv(data, header, names=list(range(n + _SPARE_COLUMNS)))
            extra = _surplus_fields(raw, n)
    else:
        raw = _read_csv(data, header, usecols=sorted(set(wanted)))
        extra = np.zeros(max(len(raw) - 1, 0), dtype=np.int64)
    arrays = [raw[i].to_numpy(dtype=object)[1:] for i in wanted]
    line = _row_lines(data, header.offset, len(extra), header.line)
    if line is None:
        raise pd.errors.ParserError("row count and quote positions disagree")
    return arrays, extra, line


def _read_csv(data: bytes, header, **columns) -> pd.DataFrame:
    """The C parser from the header line on (it is row 0), every value a str."""
    handle = io.BytesIO(data)  # shares the bytes: the parser starts at the header's offset
    handle.seek(header.offset)
    try:
        return pd.read_csv(handle, sep=header.delimiter, header=None, dtype=object,
                           keep_default_na=False, na_filter=False, skip_blank_lines=False,
                           index_col=False, quotechar='"', doublequote=True, engine="c",
                           encoding="utf-8", encoding_errors="strict", **columns)
    except pd.errors.EmptyDataError:
        return pd.DataFrame(columns=range(len(header.cells) + _SPARE_COLUMNS))


def _surplus_fields(raw: pd.DataFrame, n: int) -> np.ndarray:
    """Per row below the header: how many fields beyond the ``n`` header columns hold a
    value (from the spare columns; 0 = well-formed)."""
    extra = np.zeros(max(len(raw) - 1, 0), dtype=np.int64)
    for k in range(_SPARE_COLUMNS - 1, -1, -1):
        spare = raw[n + k].to_numpy(dtype=object)[1:]
        filled = spare != ""
        filled[filled] = [isinstance(v, str) and v.strip() != "" for v in spare[filled]]
        extra = np.where((extra == 0) & filled, k + 1, extra)
    return extra


def _row_lines(data: bytes, offset: int, rows: int, header_line: int) -> np.ndarray | None:
    """1-based physical line of each row after the header (which starts at byte ``offset``),
    from newline/quote positions.

    ``None`` when the quote-parity count of records disagrees with the parser (stray
    quotes in a multi-line file): the caller then reads the file row by row.
    """
    first = data.find(b"\n", offset)
    if first < 0:
        return np.arange(0, dtype=np.int64) + header_line + 1 if rows == 0 else None
    start = first + 1
    physical = _count_newlines(data, start) \
        + (1 if len(data) > start and not data.endswith(b"\n") else 0)
    if physical == rows:
        return header_line + 1 + np.arange(rows, dtype=np.int64)
    arr = np.frombuffer(data, dtype=np.uint8, offset=start)
    newlines = np.flatnonzero(arr == 10)
    quotes = np.flatnonzero(arr == 34)
    ends = newlines[(np.searchsorted(quotes, newlines) % 2) == 0]
    starts = np.concatenate(([0], ends + 1))
    if starts[-1] >= len(arr):
        starts = starts[:-1]
    if len(starts) != rows:
        return None
    return header_line + 1 + np.searchsorted(newlines, starts)


_COUNT_CHUNK = 1 << 20


def _count_newlines(data: bytes, start: int) -> int:
    """``data.count(b"\\n", start)`` with numpy, a megabyte at a time (bytes.count is
    several times slower for a single byte)."""
    view = np.frombuffer(data, dtype=np.uint8)[start:]
    return sum(int(np.count_nonzero(view[i:i + _COUNT_CHUNK] == 10))
               for i in range(0, len(view), _COUNT_CHUNK))


class _Unreadable(Exception):
    """The csv module refused a row: where it began, and the error to raise if it stays."""

    def __init__(self, line: int, detail: str, error: ExportFormatError) -> None:
        super().__init__(detail)
        self.line, self.detail, self.error = line, detail, error


def _parse_slow(text, header, wanted: list[int]):
    """Row by row with the :mod:`csv` module: any input, exact lines and field counts."""
    body = text.data[header.offset:].decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(body, newline=""), delimiter=header.delimiter, strict=False)
    n = len(header.cells)
    rows: list[list[str]] = []
    lines: list[int] = []
    extra: list[int] = []
    previous = 0
    old_limit = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, _FIELD_LIMIT))
    try:
        for record in reader:
            start, previous = previous + 1, reader.line_num
            if start == 1:
                continue  # the header itself
            lines.append(header.line + start - 1)
            extra.append(len(record) - n if any(c.strip() for c in record[n:]) else 0)
            record = record[:n] + [""] * (n - len(record))
            rows.append([record[i] for i in wanted])
    except csv.Error as error:
        where = header.line + previous
        raise _Unreadable(where, str(error), ExportFormatError(
            f"{text.name} line {where}: cannot be read as CSV ({error}); "
            "open it in a spreadsheet and save it again as CSV"
        )) from None
    finally:
        csv.field_size_limit(old_limit)
    columns = [np.array([row[i] for row in rows], dtype=object) for i in range(len(wanted))]
    return columns, np.asarray(extra, dtype=np.int64), np.asarray(lines, dtype=np.int64)
