"""What each file reader hands back: a frame, its skipped rows and a line for ``files``."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netgraph.io._dates import Dates
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
    return pd.DataFrame({
        "file": pd.Series([file] * len(lines), dtype="str"),
        "line": lines,
        "reason": pd.Series(np.asarray(reasons, dtype=object), dtype="str"),
        "detail": pd.Series(np.asarray(details, dtype=object), dtype="str"),
    })


def no_skipped() -> pd.DataFrame:
    return skipped_rows("", [], [], [])


def file_info(file: str, kind: str, table: Table | None = None, *, rows: int = 0,
              used: int = 0, dates: Dates | None = None,
              used_mask: np.ndarray | None = None) -> dict:
    """One row of the ``files`` frame."""
    first = last = pd.NaT
    if dates is not None and dates.format:
        values = dates.values if used_mask is None else dates.values[used_mask]
        if values.notna().any():
            first, last = values.min(), values.max()
    return {
        "file": file, "kind": kind, "rows": int(rows), "used": int(used),
        "encoding": table.encoding if table is not None else "",
        "delimiter": DELIMITER_NAMES.get(table.delimiter, table.delimiter) if table is not None else "",
        "date_format": dates.format if dates is not None else "",
        "first_date": first, "last_date": last,
    }


def files_frame(infos: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(infos, columns=FILES_COLUMNS)
    for column in ("file", "kind", "encoding", "delimiter", "date_format"):
        frame[column] = frame[column].astype("str")
    for column in ("rows", "used"):
        frame[column] = frame[column].astype(np.int64)
    for column in ("first_date", "last_date"):
        frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
    return frame


def assign(reasons: np.ndarray, mask: np.ndarray, reason: str) -> np.ndarray:
    """Give ``reason`` to the rows in ``mask`` that have none yet; returns those rows."""
    new = mask & (reasons == "")
    reasons[new] = reason
    return new
