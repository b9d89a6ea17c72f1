"""What each file reader hands back: a frame, its skipped rows and a line for ``files``."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd
from pandas.api.types import pandas_dtype

from netgraph.io._dates import Dates
from netgraph.io._frames import str_array
from netgraph.io._table import DELIMITER_NAMES, Table

SKIPPED_COLUMNS = ["file", "line", "reason", "detail"]
FILES_COLUMNS = ["file", "kind", "rows", "used", "encoding", "delimiter", "date_format",
                 "first_date", "last_date"]


@dataclass(frozen=True)
class Part:
    """One file's contribution to an :class:`~netgraph.io.Export`."""

    frame: pd.DataFrame
    skipped: pd.DataFrame
    info: dict
    hidden: int = 0
    extra: dict = field(default_factory=dict)  # reader-specific values (e.g. the owner)


def skipped_rows(file: str, lines, reasons, details) -> pd.DataFrame:
    """The ``skipped`` frame for one file."""
    lines = np.asarray(lines, dtype=np.int64)
    if not len(lines):
        return no_skipped()
    return pd.DataFrame({
        "file": str_array(np.full(len(lines), file, dtype=object)),
        "line": lines,
        "reason": str_array(np.asarray(reasons, dtype=object)),
        "detail": str_array(np.asarray(details, dtype=object)),
    })


def no_skipped() -> pd.DataFrame:
    """An empty ``skipped`` frame (most files skip nothing: a copy of one built once)."""
    return _empty_skipped(pandas_dtype("str")).copy()


@lru_cache(maxsize=4)
def _empty_skipped(text_dtype) -> pd.DataFrame:
    """The empty ``skipped`` frame while pandas makes ``text_dtype`` of ``"str"``."""
    empty = str_array(np.array([], dtype=object))
    return pd.DataFrame({"file": empty, "line": np.array([], dtype=np.int64),
                         "reason": empty, "detail": empty})


def file_info(file: str, kind: str, table: Table | None = None, *, rows: int = 0,
              used: int = 0, dates: Dates | None = None,
              used_mask: np.ndarray | None = None) -> dict:
    """One row of the ``files`` frame (dates as ``numpy.datetime64``, NaT when none)."""
    first = last = np.datetime64("NaT", "ns")
    if dates is not None and dates.format:
        values = dates.array if used_mask is None else dates.array[used_mask]
        values = values[~np.isnat(values)]
        if len(values):
            first, last = values.min(), values.max()
    return {
        "file": file, "kind": kind, "rows": int(rows), "used": int(used),
        "encoding": table.encoding if table is not None else "",
        "delimiter": DELIMITER_NAMES.get(table.delimiter, table.delimiter) if table is not None else "",
        "date_format": dates.format if dates is not None else "",
        "first_date": first, "last_date": last,
    }


def files_frame(infos: list[dict]) -> pd.DataFrame:
    """The ``files`` frame from :func:`file_info` rows, each column built once."""
    def column(name: str, dtype) -> np.ndarray:
        return np.array([info[name] for info in infos], dtype=dtype)

    def text(name: str):
        return str_array(column(name, object))

    return pd.DataFrame({
        "file": text("file"), "kind": text("kind"),
        "rows": column("rows", np.int64), "used": column("used", np.int64),
        "encoding": text("encoding"), "delimiter": text("delimiter"),
        "date_format": text("date_format"),
        "first_date": column("first_date", "datetime64[ns]"),
        "last_date": column("last_date", "datetime64[ns]"),
    }, columns=FILES_COLUMNS)


def start_reasons(table: Table) -> tuple[np.ndarray, np.ndarray]:
    """Fresh ``(reasons, details)`` arrays for a table's rows, holding the reasons the
    table itself gives (a line over the row limit, a quote that swallowed lines)."""
    return table.reasons.copy(), table.details.copy()


def shown_values(values, width: int = 60) -> list[str]:
    """Values as a skipped row's detail shows them: quoted, cut to ``width`` characters."""
    return [repr(v) if len(v) <= width else repr(v[:width]) + f"... ({len(v):,} characters)" for v in values]


def assign(reasons: np.ndarray, mask: np.ndarray, reason: str) -> np.ndarray:
    """Give ``reason`` to the rows in ``mask`` that have none yet; returns those rows."""
    new = mask & (reasons == "")
    reasons[new] = reason
    return new
