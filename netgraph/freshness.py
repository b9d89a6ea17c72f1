"""How old an export is, and how much its ties are worth for that.

Every export has a date: the one in its file name (``Basic_LinkedInDataExport_03-12-2018``,
month-day-year as LinkedIn writes it), else the latest date inside it (a connection, a
message). A friend's export more than ``Weights.stale_after_days`` old still shows who
they knew, but people change jobs: its ties are discounted by age and say so.
"""

from __future__ import annotations

import datetime as dt
import re

import numpy as np
import pandas as pd

from netgraph.io.export import Export
from netgraph.weights import Weights

__all__ = ["export_date", "staleness"]

_NAME_DATE = re.compile(r"LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})", re.IGNORECASE)


def export_date(export: Export) -> dt.date | None:
    """The day an export was made: from its file name, else its latest date, else None.

    Examples
    --------
    >>> from netgraph.io.export import Owner
    >>> e = Export("friends/Complete_LinkedInDataExport_12-03-2018", Owner("", "", ""), pd.DataFrame(), 0,
    ...     *[pd.DataFrame()] * 8)
    >>> export_date(e)
    datetime.date(2018, 12, 3)
    """
    match = _NAME_DATE.search(str(export.source))
    if match:
        month, day, year = (int(x) for x in match.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            pass
    latest = []
    for frame, column in ((export.connections, "connected_on"), (export.messages, "date")):
        if frame is not None and column in frame and len(frame):
            value = pd.to_datetime(frame[column], errors="coerce").max()
            if pd.notna(value):
                latest.append(value)
    return max(latest).date() if latest else None


def staleness(made: dt.date | None, *, as_of: dt.date, weights: Weights | None = None) -> float:
    """The factor (0..1] an export's tie strengths are multiplied by for its age.

    Examples
    --------
    >>> staleness(dt.date(2026, 10, 1), as_of=dt.date(2026, 11, 20))
    1.0
    >>> round(staleness(dt.date(2018, 12, 3), as_of=dt.date(2026, 11, 20)), 3)
    0.089
    """
    w = weights or Weights()
    if made is None:
        return 1.0
    age = (as_of - made).days
    if age <= w.stale_after_days:
        return 1.0
    return float(np.power(0.5, (age - w.stale_after_days) / w.stale_half_life_days))
