"""Reading the ledger: every readable entry, unreadable rows skipped with a warning, the CSV export.

:func:`list_entries` reads an open connection, :func:`read_ledger` a path (changing
nothing on disk: a missing file is an empty ledger, an older one is upgraded in memory).
A row that cannot be read (:func:`row_problem`: a date that is not ISO 8601 or out of
range, an unknown kind) is skipped by every read with one warning naming it;
``netgraph log check --repair`` fixes or removes it.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd

from netgraph.errors import LedgerError
from netgraph.ledger.store import (
    FIRST_DAY,
    KINDS,
    LAST_DAY,
    OUTCOMES,
    SCHEMA_VERSION,
    connect_existing,
    ledger_files,
    migrated_copy,
    parse_stamp,
    schema_version,
    where,
)
from netgraph.output import check_output, spreadsheet_safe, write_output

__all__ = ["ENTRY_COLUMNS", "list_entries", "read_ledger", "export_entries", "row_problem", "empty_entries"]

logger = logging.getLogger(__name__)

#: The columns of an entries frame, in order.
ENTRY_COLUMNS = ["id", "person_id", "name", "kind", "what", "outcome", "at", "reply_to", "target", "about"]
_REPAIR_HINT = "run `netgraph log check --repair` to fix or remove them"


def row_problem(kind: object, person_id: object, outcome: object, at: object, reply_to: object) -> str | None:
    """Why a stored row cannot be read, or None when it can: the one rule reads and checks share."""
    if parse_stamp(at) is None:
        if isinstance(at, str) and _iso_but_out_of_range(at):
            return f"its date {at!r} is outside {FIRST_DAY} to {LAST_DAY}"
        return f"its date {at!r} is not an ISO 8601 date (YYYY-MM-DD)"
    if kind not in KINDS:
        return f"its kind {kind!r} is not one of {', '.join(KINDS)}"
    if not isinstance(person_id, str) or not person_id.strip():
        return "it names no person"
    if kind == "reply" and outcome not in OUTCOMES:
        return f"its outcome {outcome!r} is not one of {', '.join(OUTCOMES)}"
    if reply_to is not None and (isinstance(reply_to, bool) or not isinstance(reply_to, int)):
        return f"its reply_to {reply_to!r} is not an entry number"
    return None


def _iso_but_out_of_range(text: str) -> bool:
    try:
        dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return False
    return True


def empty_entries() -> pd.DataFrame:
    """An entries frame with no rows and the columns of :func:`list_entries`."""
    return _entries_frame([])


def _entries_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=ENTRY_COLUMNS)
    frame["id"] = frame["id"].astype("int64")
    for column in ("person_id", "name", "kind", "what", "outcome", "target", "about"):
        frame[column] = frame[column].astype(object).fillna("").astype(str)
    frame["at"] = pd.Series(pd.to_datetime(list(frame["at"])), index=frame.index, dtype="datetime64[ns]")
    frame["reply_to"] = pd.array(list(frame["reply_to"]), dtype="Int64")
    return frame.sort_values(["at", "id"], kind="stable").reset_index(drop=True)


# ---------------------------------------------------------------------------------------
# Writing and reading entries
# ---------------------------------------------------------------------------------------


def read_ledger(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read every readable entry of the ledger at ``path``, changing nothing on disk.

    A missing file reads as an empty ledger and is not created. An older ledger is
    upgraded in memory only. Rows that cannot be read are skipped with one warning
    naming them (see :func:`list_entries`).

    Parameters
    ----------
    path
        The ledger file.

    Returns
    -------
    DataFrame
        As :func:`list_entries`.

    Raises
    ------
    LedgerError
        ``path`` is a folder, not a SQLite database, another program's database, or a
        newer netgraph's ledger.

    Examples
    --------
    >>> read_ledger("no/such/ledger.sqlite").empty
    True
    """
    text = os.fspath(path)
    if text == ":memory:":
        return empty_entries()
    target = Path(text).expanduser()
    if target.is_dir():
        raise LedgerError(f"{target} is a folder; give the ledger a file name, e.g. {target / 'ledger.sqlite'}")
    if not target.exists():
        return empty_entries()
    with closing(connect_existing(target)) as conn:
        version = schema_version(conn, str(target))
        if version == SCHEMA_VERSION:
            return _read_entries(conn, None, str(target))
        with closing(migrated_copy(conn, version)) as memory:
            return _read_entries(memory, None, str(target))


def list_entries(conn: sqlite3.Connection, person_id: str | None = None) -> pd.DataFrame:
    """Read the ledger's entries, oldest first.

    Rows that cannot be read (a date that is not ISO 8601 or not between
    :data:`FIRST_DAY` and :data:`LAST_DAY`, an unknown kind or outcome, no person) are
    skipped with one warning naming each; a ledger without its ``entries`` table reads
    as empty, with a warning. ``netgraph log check --repair`` fixes both.

    Parameters
    ----------
    conn
        From :func:`open_ledger`.
    person_id
        Only this person's entries; all when None.

    Returns
    -------
    DataFrame
        ``id, person_id, name, kind, what, outcome, at (datetime64[ns]), reply_to
        (nullable Int64, NA except on replies), target, about`` (asks only), ordered by
        ``at`` then ``id``.

    Raises
    ------
    LedgerError
        The table cannot be read at all (for instance it lacks a column).

    Examples
    --------
    >>> from contextlib import closing
    >>> from netgraph.ledger import open_ledger
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     list(list_entries(conn).columns)
    ['id', 'person_id', 'name', 'kind', 'what', 'outcome', 'at', 'reply_to', 'target', 'about']
    """
    return _read_entries(conn, person_id, where(conn))


def _read_entries(conn: sqlite3.Connection, person_id: str | None, where: str) -> pd.DataFrame:
    query = "SELECT id, person_id, name, kind, what, outcome, at, reply_to, target, about FROM entries"
    params: tuple[str, ...] = ()
    if person_id is not None:
        query += " WHERE person_id = ?"
        params = (person_id,)
    try:
        rows = conn.execute(query + " ORDER BY id", params).fetchall()
    except sqlite3.DatabaseError as error:
        if "no such table" in str(error):
            logger.warning("%s: the ledger has no entries table, so it reads as empty; "
                           "run `netgraph log check --repair` to recreate it", where)
            return empty_entries()
        raise LedgerError(f"{where}: cannot read the ledger ({error}); run `netgraph log check`") from None
    good, bad = [], []
    for row in rows:
        entry_id, pid, name, kind, what, outcome, at, reply_to, target, about = row
        problem = row_problem(kind, pid, outcome, at, reply_to)
        if problem is None:
            good.append((entry_id, pid, name, kind, what, outcome, parse_stamp(at), reply_to, target, about))
        else:
            bad.append(f"#{entry_id}: {problem}")
    if bad:
        shown = "; ".join(bad[:5]) + (f"; and {len(bad) - 5} more" if len(bad) > 5 else "")
        noun = "entry" if len(bad) == 1 else "entries"
        logger.warning("%s: skipped %d unreadable ledger %s (%s); %s", where, len(bad), noun, shown, _REPAIR_HINT)
    return _entries_frame(good)


def export_entries(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> int:
    """Write every readable entry to a CSV file, whole or not at all.

    Written by :func:`netgraph.output.write_output`: never over the ledger or its
    ``-wal``/``-shm`` files, never into a device, and a failure leaves any old file as it
    was. A cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
    tab, carriage return at the start) gets a leading ``'``, as in the report's CSV.

    Parameters
    ----------
    conn
        From :func:`open_ledger`.
    path
        The CSV to write (replaced if it exists).

    Returns
    -------
    int
        How many entries were written.

    Raises
    ------
    NetgraphError
        ``path`` is the ledger itself, not a regular file, or cannot be written.
    """
    inputs = ledger_files(where(conn)) if where(conn) != "the ledger" else []
    check_output(path, inputs=inputs, what="the ledger export")  # refused before reading, not after
    entries = list_entries(conn)
    out = entries.assign(at=entries["at"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
    for column in ("person_id", "name", "kind", "what", "outcome", "target", "about"):
        out[column] = out[column].map(spreadsheet_safe)
    write_output(out.to_csv(index=False, lineterminator="\r\n"), path, inputs=inputs, what="the ledger export")
    return len(out)
