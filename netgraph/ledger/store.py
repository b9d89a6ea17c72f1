"""Ledger storage: the SQLite file, its schema and migrations, writing entries.

The file lives in the user's data directory (:func:`default_ledger_path`). It is opened
for writing with :func:`open_ledger` and written one entry at a time with
:func:`add_entry` (each entry is its own transaction, so a crash never loses a committed
entry and never leaves half of one); :mod:`netgraph.ledger.read` reads it back.

Schema
------
One table, ``entries``:

============  =====================================================================
column        what
============  =====================================================================
id            INTEGER PRIMARY KEY, in the order entries were written
person_id     the person's id (see ``docs/architecture.md``, Identity)
name          their name as it was when the entry was written
kind          ``'give'``, ``'ask'`` or ``'reply'``
what          free text: what you gave or asked ("intro to a Stripe recruiter")
outcome       for replies: ``'yes'``, ``'no'``, ``'no-answer'`` (the answer to an ask), or a
              later step of the same thread: ``'introduced'``, ``'talked'``,
              ``'referred'``, ``'applied'``; else ``''``
at            ISO 8601 date and time (``YYYY-MM-DDTHH:MM:SS``), naive, between
              :data:`FIRST_DAY` and :data:`LAST_DAY`
reply_to      for replies, the ``id`` of the ask they close; else NULL (schema 2)
target        for asks, the target company the ask serves (schema 3); else ``''``
about         for asks, the person you asked to be introduced to (schema 3); else ``''``
============  =====================================================================

The schema version is ``PRAGMA user_version``. :data:`_MIGRATIONS` lists the steps from
one version to the next; :func:`open_ledger` applies the missing ones in one transaction.

A row that cannot be read (a date that is not ISO 8601 or out of range, an unknown kind)
is skipped by every read with one warning naming it (:mod:`netgraph.ledger.read`);
:mod:`netgraph.ledger.check` finds and repairs such rows. An entry's day is checked on the
way in (:func:`entry_time`), so no command writes such a row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from netgraph.errors import LedgerError
from netgraph.ledger.days import FIRST_DAY, LAST_DAY, entry_time, format_stamp, parse_stamp

__all__ = [
    "KINDS", "OUTCOMES", "ANSWERS", "STEPS", "SCHEMA_VERSION", "FIRST_DAY", "LAST_DAY",
    "default_ledger_path", "ledger_files", "open_ledger", "add_entry", "entry_time",
    "parse_stamp", "format_stamp", "schema_version", "connect_existing", "migrated_copy", "where",
]

logger = logging.getLogger(__name__)

#: The kinds of entry, in the order the CLI lists them.
KINDS = ("give", "ask", "reply")
#: What a reply can say: the answer to an ask, then the later steps of the same thread.
ANSWERS = ("yes", "no", "no-answer")
STEPS = ("introduced", "talked", "referred", "applied")
OUTCOMES = ANSWERS + STEPS

#: Seconds a writer waits for another process's write to finish before giving up.
_BUSY_TIMEOUT_S = 10.0


# ---------------------------------------------------------------------------------------
# Where the ledger lives
# ---------------------------------------------------------------------------------------


def default_ledger_path() -> Path:
    """Return where the ledger is kept unless told otherwise.

    The environment variable ``NETGRAPH_LEDGER`` wins when set. Otherwise the file is
    ``ledger.sqlite`` in a ``netgraph`` folder of the user's data directory:

    * Linux and other Unixes: ``$XDG_DATA_HOME`` (when set to an absolute path), else
      ``~/.local/share``;
    * macOS: ``~/Library/Application Support``;
    * Windows: ``%APPDATA%`` (``~\\AppData\\Roaming`` when unset).

    The command line's ``--db PATH`` overrides all of these. Nothing is created here;
    :func:`open_ledger` creates the folders when it first writes.

    Returns
    -------
    Path
        The ledger file's path, with ``~`` expanded.

    Examples
    --------
    >>> default_ledger_path().name
    'ledger.sqlite'
    """
    override = os.environ.get("NETGRAPH_LEDGER", "").strip()
    if override:
        return Path(override).expanduser()
    home = Path.home()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA", "").strip()
        base = Path(appdata) if appdata else home / "AppData" / "Roaming"
    elif sys.platform == "darwin":
        base = home / "Library" / "Application Support"
    else:
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        # The XDG spec says relative paths are invalid and must be ignored.
        base = Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"
    return base / "netgraph" / "ledger.sqlite"


def ledger_files(path: str | os.PathLike[str]) -> list[Path]:
    """The ledger file and the files SQLite keeps beside it: all inputs, never outputs.

    Examples
    --------
    >>> [p.name for p in ledger_files("ledger.sqlite")]
    ['ledger.sqlite', 'ledger.sqlite-wal', 'ledger.sqlite-shm', 'ledger.sqlite-journal']
    """
    base = Path(os.fspath(path)).expanduser()
    return [base, *(base.with_name(base.name + suffix) for suffix in ("-wal", "-shm", "-journal"))]


# ---------------------------------------------------------------------------------------
# Schema and migrations
# ---------------------------------------------------------------------------------------


def _migrate_to_v1(conn: sqlite3.Connection) -> None:
    """Schema 1: the ``entries`` table."""
    conn.execute(
        """
        CREATE TABLE entries (
            id        INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL,
            name      TEXT NOT NULL DEFAULT '',
            kind      TEXT NOT NULL CHECK (kind IN ('give', 'ask', 'reply')),
            what      TEXT NOT NULL DEFAULT '',
            outcome   TEXT NOT NULL DEFAULT '',
            at        TEXT NOT NULL
        )
        """
    )


def _migrate_to_v2(conn: sqlite3.Connection) -> None:
    """Schema 2: replies point at the ask they close; an index for per-person reads.

    Replies written under schema 1 are linked the way :func:`add_entry` links new ones:
    each closes the latest ask to the same person, on or before its day, that no earlier
    reply closed.
    """
    conn.execute("ALTER TABLE entries ADD COLUMN reply_to INTEGER REFERENCES entries(id)")
    conn.execute("CREATE INDEX entries_person_at ON entries (person_id, at)")
    rows = conn.execute(
        "SELECT id, person_id, kind, at FROM entries WHERE kind IN ('ask', 'reply') "
        "ORDER BY at, id"
    ).fetchall()
    open_asks: dict[str, list[tuple[str, int]]] = {}
    for entry_id, person_id, kind, at in rows:
        if kind == "ask":
            open_asks.setdefault(person_id, []).append((str(at)[:10], entry_id))
            continue
        candidates = open_asks.get(person_id, [])
        if candidates:  # rows come in time order, so every open ask is on or before this day
            _, ask_id = candidates.pop()
            conn.execute("UPDATE entries SET reply_to = ? WHERE id = ?", (ask_id, entry_id))


def _migrate_to_v3(conn: sqlite3.Connection) -> None:
    """Schema 3: an ask names the target company it serves and the person it is about."""
    conn.execute("ALTER TABLE entries ADD COLUMN target TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE entries ADD COLUMN about TEXT NOT NULL DEFAULT ''")


#: Ordered steps: ``_MIGRATIONS[i]`` takes a ledger from version ``i`` to ``i + 1``.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_v1, _migrate_to_v2, _migrate_to_v3)
#: The schema version this code writes.
SCHEMA_VERSION = len(_MIGRATIONS)


def create_entries_table(conn: sqlite3.Connection) -> None:
    """Create the current ``entries`` table and its index (for a ledger that lost them)."""
    _migrate_to_v1(conn)
    conn.execute("ALTER TABLE entries ADD COLUMN reply_to INTEGER REFERENCES entries(id)")
    conn.execute("CREATE INDEX entries_person_at ON entries (person_id, at)")
    _migrate_to_v3(conn)


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """Run a block as one write transaction that takes the write lock up front.

    ``BEGIN IMMEDIATE`` makes a second process wait (up to the busy timeout) for the lock
    instead of failing half way through, when its read would need upgrading to a write.
    ``with conn`` commits on success and rolls back on any error.
    """
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        yield


def _newer_schema_error(path: str, version: int) -> LedgerError:
    return LedgerError(
        f"{path}: this ledger was written by a newer netgraph (ledger schema {version}; "
        f"this netgraph knows up to {SCHEMA_VERSION}). Upgrade netgraph "
        "(pip install --upgrade netgraph) to use it"
    )


def _not_a_ledger(path: str) -> LedgerError:
    return LedgerError(f"{path} is not a netgraph ledger (not a SQLite database); "
                       "give another path with --db or NETGRAPH_LEDGER")


def _foreign_tables(conn: sqlite3.Connection) -> list[str]:
    return sorted(row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))


def schema_version(conn: sqlite3.Connection, path: str) -> int:
    """The ledger's schema version, after checking (by reading only) that it is ours.

    Raises
    ------
    LedgerError
        Not a SQLite database, a newer netgraph's ledger, or another program's database
        (schema 0 with tables of its own).
    """
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = _foreign_tables(conn) if version == 0 else []
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "not a database" in message or "malformed" in message:
            raise _not_a_ledger(path) from None
        raise LedgerError(f"{path}: cannot open the ledger ({message})") from None
    if version > SCHEMA_VERSION:
        raise _newer_schema_error(path, version)
    if tables:
        raise LedgerError(
            f"{path} is a SQLite database of another program (tables: {', '.join(tables)}), not a "
            "netgraph ledger; give another path with --db or NETGRAPH_LEDGER"
        )
    return version


# ---------------------------------------------------------------------------------------
# Opening
# ---------------------------------------------------------------------------------------


def open_ledger(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open the ledger at ``path`` for writing, creating or upgrading it as needed.

    Creates the parent folders and the file when missing. Before changing anything it
    checks that the file is a netgraph ledger (or an empty database): another program's
    SQLite database is refused and left byte for byte as it was. Then it turns on
    write-ahead logging (so readers never block the writer and a killed process loses
    nothing it committed), a busy timeout of 10 seconds (so two commands writing at once
    both land) and foreign keys, and brings an older ledger up to the current schema in
    one transaction, keeping every entry. To read without changing anything on disk, use
    :func:`read_ledger`.

    Parameters
    ----------
    path
        The ledger file, e.g. :func:`default_ledger_path`. ``":memory:"`` gives a
        throw-away ledger.

    Returns
    -------
    sqlite3.Connection
        Close it when done (``contextlib.closing(open_ledger(path))``).

    Raises
    ------
    LedgerError
        The file is not a SQLite database, is a SQLite database of another program,
        was written by a newer netgraph, or cannot be opened or created.

    Examples
    --------
    >>> from contextlib import closing
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     conn.execute("PRAGMA user_version").fetchone()[0]
    3
    """
    text = os.fspath(path)
    if text != ":memory:":
        target = Path(text).expanduser()
        if target.is_dir():
            raise LedgerError(f"{target} is a folder; give the ledger a file name, e.g. {target / 'ledger.sqlite'}")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LedgerError(f"{text}: cannot create the ledger's folder ({error.strerror})") from None
        text = os.fspath(target)
    try:
        conn = sqlite3.connect(text, timeout=_BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise LedgerError(f"{text}: cannot open the ledger ({error})") from None
    try:
        _prepare(conn, text)
    except sqlite3.DatabaseError as error:
        conn.close()
        message = str(error)
        if "not a database" in message or "malformed" in message:
            raise _not_a_ledger(text) from None
        raise LedgerError(f"{text}: cannot open the ledger ({message})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: str) -> None:
    """Check the file is ours, set the pragmas and migrate; see :func:`open_ledger`."""
    conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
    version = schema_version(conn, path)  # reads only: a foreign file is refused untouched
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if version == SCHEMA_VERSION:
        return
    with write_transaction(conn):
        # Read again under the write lock: another process may have migrated meanwhile.
        version = schema_version(conn, path)
        for step in range(version, SCHEMA_VERSION):
            logger.info("migrating ledger %s from schema %d to %d", path, step, step + 1)
            _MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def connect_existing(path: Path) -> sqlite3.Connection:
    """Connect to an existing file without creating it or switching its journal mode.

    Read-write when allowed (so SQLite can clean up its ``-wal`` and ``-shm`` files when
    the connection closes), else read-only.
    """
    uri = path.resolve().as_uri()
    last: sqlite3.Error | None = None
    for mode in ("rw", "ro"):
        try:
            conn = sqlite3.connect(f"{uri}?mode={mode}", uri=True, timeout=_BUSY_TIMEOUT_S)
            conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
            return conn
        except sqlite3.Error as error:
            last = error
    raise LedgerError(f"{path}: cannot open the ledger ({last})")


def migrated_copy(conn: sqlite3.Connection, version: int) -> sqlite3.Connection:
    """An in-memory copy of an older ledger, brought up to the current schema; the file is untouched."""
    memory = sqlite3.connect(":memory:")
    try:
        conn.backup(memory)
        for step in range(version, SCHEMA_VERSION):
            _MIGRATIONS[step](memory)
    except BaseException:
        memory.close()
        raise
    return memory


def add_entry(
    conn: sqlite3.Connection,
    *,
    person_id: str,
    name: str,
    kind: str,
    what: str = "",
    outcome: str = "",
    at: dt.datetime | dt.date,
    target: str = "",
    about: str = "",
) -> int:
    """Write one entry to the ledger, in its own transaction.

    A reply that answers (``yes``, ``no``, ``no-answer``) closes the latest ask to the same
    person that is still open and dated on or before the reply's day; a later step
    (``introduced``, ``talked``, ``referred``, ``applied``) joins the thread of the latest
    ask to that person on or before its day. Either way ``reply_to`` is that ask's ``id``.

    Parameters
    ----------
    conn
        From :func:`open_ledger`.
    person_id
        Whom it concerns (see :func:`netgraph.ledger.resolve_person`).
    name
        Their name, kept for display.
    kind
        ``'give'`` (you helped them), ``'ask'`` (you asked them for something) or
        ``'reply'`` (their answer to your latest open ask).
    what
        Free text: what you gave or asked.
    outcome
        Replies only: ``'yes'``, ``'no'`` or ``'no-answer'`` (you stopped waiting), or a
        later step: ``'introduced'``, ``'talked'``, ``'referred'``, ``'applied'``.
    at
        When, between :data:`FIRST_DAY` and :data:`LAST_DAY`. A date means midnight; an
        aware datetime is stored as naive UTC; stored to the second.
    target, about
        Asks only: the target company the ask serves, and the person you asked to meet.

    Returns
    -------
    int
        The new entry's ``id``.

    Raises
    ------
    LedgerError
        An unknown kind or outcome, an outcome on a give or ask, an empty ``person_id``,
        a time that is not a date or is out of range, a reply with no open ask to close,
        or the database cannot be written.

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
    >>> from netgraph.ledger import list_entries
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     ask = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="ask",
    ...                     what="intro to Dana", at=dt.date(2026, 11, 2))
    ...     reply = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="reply",
    ...                       outcome="yes", at=dt.date(2026, 11, 4))
    ...     list_entries(conn)[["kind", "outcome", "reply_to"]].to_dict("records")
    [{'kind': 'ask', 'outcome': '', 'reply_to': None}, {'kind': 'reply', 'outcome': 'yes', 'reply_to': 1}]
    """
    if kind not in KINDS:
        raise LedgerError(f"unknown entry kind {kind!r}; use one of: {', '.join(KINDS)}")
    if kind == "reply":
        if outcome not in OUTCOMES:
            raise LedgerError(f"a reply's outcome is one of {', '.join(OUTCOMES)}, not {outcome!r}")
    elif outcome:
        raise LedgerError(f"only a reply has an outcome; a {kind} cannot have outcome {outcome!r}")
    if kind != "ask" and (target or about):
        raise LedgerError(f"only an ask names a target and a person to meet; a {kind} cannot")
    if not isinstance(person_id, str) or not person_id.strip():
        raise LedgerError("an entry needs a person; got an empty person_id")
    stamp = format_stamp(entry_time(at))
    try:
        with write_transaction(conn):
            reply_to = None
            if kind == "reply":
                still_open = "" if outcome in STEPS else (
                    "AND NOT EXISTS (SELECT 1 FROM entries AS r WHERE r.reply_to = a.id) ")
                row = conn.execute(
                    "SELECT id FROM entries AS a WHERE a.person_id = ? AND a.kind = 'ask' "
                    "AND substr(a.at, 1, 10) <= substr(?, 1, 10) " + still_open
                    + "ORDER BY a.at DESC, a.id DESC LIMIT 1",
                    (person_id, stamp),
                ).fetchone()
                if row is None:
                    which = "ask" if outcome in STEPS else "open ask"
                    raise LedgerError(
                        f"no {which} to {name or person_id} on or before {stamp[:10]} for this "
                        "reply to belong to; log the ask first (netgraph log ask)"
                    )
                reply_to = row[0]
            cursor = conn.execute(
                "INSERT INTO entries (person_id, name, kind, what, outcome, at, reply_to, target, about) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (person_id, name or "", kind, what or "", outcome or "", stamp, reply_to, target or "", about or ""),
            )
            return int(cursor.lastrowid or 0)
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            raise LedgerError(f"{where(conn)} has no entries table; `netgraph log check --repair` "
                              "recreates it") from None
        raise LedgerError(f"cannot write to the ledger ({error}); try again") from None


def where(conn: sqlite3.Connection) -> str:
    """The connection's main database file, for messages (``'the ledger'`` in memory)."""
    for _, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return str(file)
    return "the ledger"
