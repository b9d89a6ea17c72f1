"""The days a ledger entry may carry, and how they are stored: one rule for writing,
reading and checking."""

from __future__ import annotations

import datetime as dt

from netgraph.errors import LedgerError

__all__ = ["FIRST_DAY", "LAST_DAY", "parse_stamp", "format_stamp", "entry_time"]

#: The earliest and latest day an entry may carry: a date outside is a typo.
FIRST_DAY = dt.date(1990, 1, 1)
LAST_DAY = dt.date(2100, 12, 31)


def parse_stamp(value: object) -> dt.datetime | None:
    """A stored ``at`` value as a naive datetime, or None when it is not a usable date.

    Usable: ISO 8601 text (a date, or a date and time; an offset is converted to UTC)
    between :data:`FIRST_DAY` and :data:`LAST_DAY`.

    Examples
    --------
    >>> parse_stamp("2026-11-20T09:30:00"), parse_stamp("9999-12-31"), parse_stamp("20/11/2026")
    (datetime.datetime(2026, 11, 20, 9, 30), None, None)
    """
    if not isinstance(value, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    if not FIRST_DAY <= stamp.date() <= LAST_DAY:
        return None
    return stamp


def format_stamp(stamp: dt.datetime) -> str:
    """The stored form of a time: ``YYYY-MM-DDTHH:MM:SS``."""
    return stamp.isoformat(timespec="seconds")


def entry_time(at: object) -> dt.datetime:
    """The time an entry stores for `at`: naive, to the second, on a day in the ledger's range.

    A date means midnight; an aware datetime becomes naive UTC.

    Raises
    ------
    LedgerError
        `at` is not a date or datetime, or its day is not between :data:`FIRST_DAY` and
        :data:`LAST_DAY` (``9999-12-31`` is a typo, and would poison every read).

    Examples
    --------
    >>> entry_time(dt.date(2026, 11, 20))
    datetime.datetime(2026, 11, 20, 0, 0)
    >>> entry_time(dt.date(9999, 12, 31))
    Traceback (most recent call last):
    ...
    netgraph.errors.LedgerError: 9999-12-31 is not a plausible day for a ledger entry; give a date between ...
    """
    if isinstance(at, dt.datetime):
        stamp = at.astimezone(dt.UTC).replace(tzinfo=None) if at.tzinfo is not None else at
    elif isinstance(at, dt.date):
        stamp = dt.datetime(at.year, at.month, at.day)
    else:
        raise LedgerError(f"an entry's time must be a datetime or a date, not {type(at).__name__} {at!r}")
    if not FIRST_DAY <= stamp.date() <= LAST_DAY:
        raise LedgerError(f"{stamp.date()} is not a plausible day for a ledger entry; give a date between "
                          f"{FIRST_DAY} and {LAST_DAY}")
    return stamp.replace(microsecond=0)
