"""``netgraph log check``: find the rows a ledger cannot use, and repair them on request.

:func:`check_ledger` reads the ledger (changing nothing) and lists every problem with
what a repair would do about it; :func:`repair_ledger` does exactly that, in one
transaction; :func:`render_check` says it in words.

What a repair does:

* a date that is ISO 8601 but not in the stored form (``2026-11-20``,
  ``2026-11-20 09:00``, an offset) is rewritten as ``YYYY-MM-DDTHH:MM:SS``;
* an outcome on a give or an ask, or a ``reply_to`` on anything but a reply, is cleared;
* a row whose date is not a date or is out of range, whose kind is unknown, that names
  nobody, or a reply with no valid outcome, is removed (there is nothing to guess it
  from); so is a reply whose ask is missing or removed;
* a missing ``entries`` table is created again.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from netgraph.errors import LedgerError
from netgraph.ledger.read import row_problem
from netgraph.ledger.store import (
    SCHEMA_VERSION,
    connect_existing,
    create_entries_table,
    format_stamp,
    migrated_copy,
    open_ledger,
    parse_stamp,
    schema_version,
    write_transaction,
)

__all__ = ["Problem", "LedgerCheck", "check_ledger", "repair_ledger", "render_check"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a ledger, and what a repair does about it.

    Attributes
    ----------
    entry
        The entry's ``id``; None for a problem with the whole ledger.
    problem
        What is wrong, e.g. ``"its date '9999-12-31' is outside 1990-01-01 to 2100-12-31"``.
    action
        ``"remove"``, ``"fix"`` or ``"create"`` (the entries table).
    fix
        For ``"fix"``: the column and its new value.
    row
        The row as stored, to say what a removal removes.
    """

    entry: int | None
    problem: str
    action: str
    fix: tuple[str, object] | None = None
    row: dict = field(default_factory=dict)


@dataclass(frozen=True)
class LedgerCheck:
    """What :func:`check_ledger` found: the file, whether it exists, its entries and problems."""

    path: Path
    exists: bool
    entries: int
    problems: tuple[Problem, ...]


_COLUMNS = ("id", "person_id", "name", "kind", "what", "outcome", "at", "reply_to")


def _row_problems(rows: list[dict]) -> list[Problem]:
    problems: list[Problem] = []
    removed: set[int] = set()
    for row in rows:
        reason = row_problem(row["kind"], row["person_id"], row["outcome"], row["at"], row["reply_to"])
        if reason is not None:
            problems.append(Problem(row["id"], reason, "remove", row=row))
            removed.add(row["id"])
    asks = {row["id"]: row for row in rows if row["kind"] == "ask" and row["id"] not in removed}
    for row in rows:
        if row["id"] in removed:
            continue
        if row["kind"] == "reply":
            ask = asks.get(row["reply_to"]) if isinstance(row["reply_to"], int) else None
            if ask is None or ask["person_id"] != row["person_id"]:
                problems.append(Problem(row["id"], f"it is a reply to entry {row['reply_to']!r}, which is not an "
                                        "ask to the same person (or is being removed)", "remove", row=row))
                removed.add(row["id"])
                continue
        elif row["reply_to"] is not None:
            problems.append(Problem(row["id"], f"a {row['kind']} cannot reply to an entry", "fix",
                                    ("reply_to", None), row=row))
        if row["kind"] != "reply" and row["outcome"] not in ("", None):
            problems.append(Problem(row["id"], f"a {row['kind']} cannot have the outcome {row['outcome']!r}",
                                    "fix", ("outcome", ""), row=row))
        stamp = parse_stamp(row["at"])
        if stamp is not None and format_stamp(stamp) != row["at"]:
            problems.append(Problem(row["id"], f"its date {row['at']!r} is not in the stored form",
                                    "fix", ("at", format_stamp(stamp)), row=row))
    return sorted(problems, key=lambda p: (p.entry or 0, p.action))


def _analyse(conn: sqlite3.Connection) -> tuple[int, list[Problem]]:
    """Entries and problems of an open connection (reads only)."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "entries" not in tables:
        return 0, [Problem(None, "the ledger has no entries table", "create")]
    cursor = conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries ORDER BY id")
    rows = [dict(zip(_COLUMNS, values)) for values in cursor.fetchall()]
    return len(rows), _row_problems(rows)


def check_ledger(path: str | os.PathLike[str]) -> LedgerCheck:
    """Find every problem in the ledger at ``path``, changing nothing on disk.

    Parameters
    ----------
    path
        The ledger file. A missing file is no problem (and is not created).

    Returns
    -------
    LedgerCheck

    Raises
    ------
    LedgerError
        The file is a folder, not a SQLite database, another program's database, a newer
        netgraph's ledger, or damaged beyond what a row repair can fix.

    Examples
    --------
    >>> check_ledger("no/such/ledger.sqlite").problems
    ()
    """
    target = Path(os.fspath(path)).expanduser()
    if target.is_dir():
        raise LedgerError(f"{target} is a folder; give the ledger a file name, e.g. {target / 'ledger.sqlite'}")
    if not target.exists():
        return LedgerCheck(target, False, 0, ())
    with closing(connect_existing(target)) as conn:
        version = schema_version(conn, str(target))
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            raise LedgerError(f"{target}: the database file is damaged ({integrity}); restore it from a backup, "
                              "or start a new ledger and log the entries again (netgraph log export keeps them)")
        if version < SCHEMA_VERSION:  # checked as the next write will see it, after its migration
            with closing(migrated_copy(conn, version)) as memory:
                count, problems = _analyse(memory)
        else:
            count, problems = _analyse(conn)
    return LedgerCheck(target, True, count, tuple(problems))


def _has_entries(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'entries'").fetchone() is not None


def repair_ledger(path: str | os.PathLike[str], problems: tuple[Problem, ...] | list[Problem]) -> tuple[int, int]:
    """Apply the repairs :func:`check_ledger` listed, in one transaction.

    Only the problems given are acted on (the ones the user was shown); rows that
    changed or vanished since the check are left alone.

    Parameters
    ----------
    path
        The ledger file.
    problems
        From :func:`check_ledger`.

    Returns
    -------
    tuple[int, int]
        How many rows were fixed and how many were removed.

    Raises
    ------
    LedgerError
        The ledger cannot be opened or written.
    """
    with closing(open_ledger(path)) as conn, write_transaction(conn):
        if any(p.action == "create" for p in problems) and not _has_entries(conn):
            create_entries_table(conn)
        current = {row[0]: dict(zip(_COLUMNS, row))
                   for row in conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM entries").fetchall()}
        # Act only on rows still as they were shown.
        shown = [p for p in problems if p.entry is not None and current.get(p.entry) == p.row]
        doomed = sorted({p.entry for p in shown if p.action == "remove" and p.entry is not None})
        fixes = [p for p in shown if p.action == "fix" and p.fix is not None and p.entry not in doomed]
        for problem in fixes:
            column, value = problem.fix  # type: ignore[misc]
            if column not in _COLUMNS:
                raise LedgerError(f"cannot repair the column {column!r}")
            conn.execute(f"UPDATE entries SET {column} = ? WHERE id = ?", (value, problem.entry))
        marks = ", ".join("?" * len(doomed))
        conn.execute(f"UPDATE entries SET reply_to = NULL WHERE reply_to IN ({marks})", doomed)
        conn.execute(f"DELETE FROM entries WHERE id IN ({marks})", doomed)
    return len({p.entry for p in fixes}), len(doomed)


def _show_row(row: dict) -> str:
    what = f" {row.get('what')!r}" if row.get("what") else ""
    return f"{row.get('kind')} {row.get('name') or row.get('person_id')!r}{what} at {row.get('at')!r}"


def render_check(check: LedgerCheck, *, repair: bool = False) -> str:
    """What :func:`check_ledger` found, in words; with ``repair``, what a repair will do.

    Examples
    --------
    >>> print(render_check(check_ledger("no/such/ledger.sqlite")))
    No ledger at no/such/ledger.sqlite yet: nothing to check.
    """
    if not check.exists:
        return f"No ledger at {check.path} yet: nothing to check."
    if not check.problems:
        return f"{check.path}: {check.entries} entries, no problems."
    lines = [f"{check.path}: {check.entries} entries, {len(check.problems)} "
             f"{'problem' if len(check.problems) == 1 else 'problems'}:"]
    verbs = {"remove": "will remove it", "fix": "will set {column} to {value!r}",
             "create": "will create the entries table"}
    for p in check.problems:
        where = f"entry #{p.entry}" if p.entry is not None else "ledger"
        line = f"  {where}: {p.problem}"
        if p.action == "remove" and p.row:
            line += f" [{_show_row(p.row)}]"
        if repair:
            column, value = p.fix if p.fix else ("", None)
            line += " -> " + verbs[p.action].format(column=column, value=value)
        lines.append(line)
    return "\n".join(lines)
