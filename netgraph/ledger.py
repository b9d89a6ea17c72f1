"""The give-and-ask ledger: what you gave each person, what you asked, and their replies.

Good networking gives before it asks and never asks the same person twice in a month.
The ledger remembers, in a small SQLite file, so the plan can follow that advice: recent
gives warm a tie up, a recent ask (above all one still waiting for a reply) demotes that
person as a connector for a while.

The file lives in the user's data directory (:func:`default_ledger_path`). It is opened with
:func:`open_ledger`, written one entry at a time with :func:`add_entry` (each entry is its
own transaction, so a crash never loses a committed entry and never leaves half of one),
read back with :func:`list_entries`, summarised per person with :func:`summarize_ledger`
and turned into scoring adjustments with :func:`ledger_adjustments`.

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
outcome       for replies, ``'yes'``, ``'no'`` or ``'no-answer'``; else ``''``
at            ISO 8601 date and time (``YYYY-MM-DDTHH:MM:SS``), naive
reply_to      for replies, the ``id`` of the ask they close; else NULL (schema 2)
============  =====================================================================

The schema version is ``PRAGMA user_version``. :data:`_MIGRATIONS` lists the steps from
one version to the next; :func:`open_ledger` applies the missing ones in one transaction.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import math
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from netgraph._words import ago as _ago
from netgraph._words import plural as _plural
from netgraph.errors import LedgerError
from netgraph.io import normalize_name, normalize_url

__all__ = [
    "known_people",
    "render_ledger",
    "KINDS",
    "OUTCOMES",
    "SCHEMA_VERSION",
    "default_ledger_path",
    "open_ledger",
    "add_entry",
    "list_entries",
    "export_entries",
    "summarize_ledger",
    "ledger_adjustments",
    "resolve_person",
]

logger = logging.getLogger(__name__)

#: The kinds of entry, in the order the CLI lists them.
KINDS = ("give", "ask", "reply")
#: What a reply can say.
OUTCOMES = ("yes", "no", "no-answer")

#: Seconds a writer waits for another process's write to finish before giving up.
_BUSY_TIMEOUT_S = 10.0

_ENTRY_COLUMNS = ["id", "person_id", "name", "kind", "what", "outcome", "at", "reply_to"]
_SUMMARY_COLUMNS = [
    "person_id", "name", "gives", "asks", "last_give", "last_ask", "open_ask",
    "days_since_give", "days_since_ask", "last_outcome", "reasons",
]
_ADJUSTMENT_COLUMNS = ["person_id", "warmth_bonus", "connector_penalty", "reasons"]

#: The largest warmth bonus a give can earn (a give on the ``as_of`` day).
_MAX_WARMTH_BONUS = 0.3
#: The connector multiplier right after an ask still waiting for a reply ...
_OPEN_ASK_FLOOR = 0.25
#: ... and right after an ask that was answered.
_ANSWERED_ASK_FLOOR = 0.5


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
    >>> default_ledger_path()  # doctest: +SKIP
    PosixPath('/home/alex/.local/share/netgraph/ledger.sqlite')
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


# ---------------------------------------------------------------------------------------
# Opening and migrating
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
            open_asks.setdefault(person_id, []).append((at[:10], entry_id))
            continue
        candidates = open_asks.get(person_id, [])
        if candidates:  # rows come in time order, so every open ask is on or before this day
            _, ask_id = candidates.pop()
            conn.execute("UPDATE entries SET reply_to = ? WHERE id = ?", (ask_id, entry_id))


#: Ordered steps: ``_MIGRATIONS[i]`` takes a ledger from version ``i`` to ``i + 1``.
_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_migrate_to_v1, _migrate_to_v2)
#: The schema version this code writes.
SCHEMA_VERSION = len(_MIGRATIONS)


@contextlib.contextmanager
def _write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
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


def open_ledger(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open the ledger at ``path``, creating or upgrading it as needed.

    Creates the parent folders and the file when missing. Turns on write-ahead logging
    (so readers never block the writer and a killed process loses nothing it committed),
    a busy timeout of 10 seconds (so two commands writing at once both land) and foreign
    keys. Brings an older ledger up to the current schema in one transaction, keeping
    every entry.

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
    2
    """
    text = os.fspath(path)
    in_memory = text == ":memory:"
    if not in_memory:
        try:
            Path(text).expanduser().parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LedgerError(f"{text}: cannot create the ledger's folder ({error.strerror})") from None
        text = os.fspath(Path(text).expanduser())
        if Path(text).is_dir():
            example = Path(text) / "ledger.sqlite"
            raise LedgerError(f"{text} is a folder; give the ledger a file name, e.g. {example}")
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
            raise LedgerError(
                f"{text} is not a netgraph ledger (not a SQLite database); "
                "give another path with --db or NETGRAPH_LEDGER"
            ) from None
        raise LedgerError(f"{text}: cannot open the ledger ({message})") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _prepare(conn: sqlite3.Connection, path: str) -> None:
    """Set the connection's pragmas and migrate the schema; see :func:`open_ledger`."""
    conn.execute(f"PRAGMA busy_timeout = {int(_BUSY_TIMEOUT_S * 1000)}")
    # Reading the version first also tells us early whether this is SQLite at all.
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise _newer_schema_error(path, version)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    if version == SCHEMA_VERSION:
        return
    with _write_transaction(conn):
        # Read again under the write lock: another process may have migrated meanwhile.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise _newer_schema_error(path, version)
        if version == 0:
            tables = [row[0] for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
            if tables:
                raise LedgerError(
                    f"{path} is a SQLite database of another program (tables: "
                    f"{', '.join(sorted(tables))}), not a netgraph ledger; "
                    "give another path with --db or NETGRAPH_LEDGER"
                )
        for step in range(version, SCHEMA_VERSION):
            logger.info("migrating ledger %s from schema %d to %d", path, step, step + 1)
            _MIGRATIONS[step](conn)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


# ---------------------------------------------------------------------------------------
# Writing and reading entries
# ---------------------------------------------------------------------------------------


def _to_naive(at: dt.datetime | dt.date) -> dt.datetime:
    """A date becomes midnight; an aware datetime becomes naive UTC."""
    if isinstance(at, dt.datetime):
        if at.tzinfo is not None:
            at = at.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return at
    if isinstance(at, dt.date):
        return dt.datetime(at.year, at.month, at.day)
    raise TypeError(f"at must be a datetime or a date, not {type(at).__name__}")


def add_entry(
    conn: sqlite3.Connection,
    *,
    person_id: str,
    name: str,
    kind: str,
    what: str = "",
    outcome: str = "",
    at: dt.datetime | dt.date,
) -> int:
    """Write one entry to the ledger, in its own transaction.

    A reply closes the latest ask to the same person that is still open and dated on or
    before the reply's day; its ``reply_to`` is that ask's ``id``.

    Parameters
    ----------
    conn
        From :func:`open_ledger`.
    person_id
        Whom it concerns (see :func:`resolve_person`).
    name
        Their name, kept for display.
    kind
        ``'give'`` (you helped them), ``'ask'`` (you asked them for something) or
        ``'reply'`` (their answer to your latest open ask).
    what
        Free text: what you gave or asked.
    outcome
        Replies only: ``'yes'``, ``'no'`` or ``'no-answer'`` (you stopped waiting).
    at
        When. A date means midnight; an aware datetime is stored as naive UTC; stored to
        the second.

    Returns
    -------
    int
        The new entry's ``id``.

    Raises
    ------
    LedgerError
        An unknown kind or outcome, an outcome on a give or ask, an empty ``person_id``,
        a reply with no open ask to close, or the database cannot be written.

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
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
    if not person_id or not str(person_id).strip():
        raise LedgerError("an entry needs a person; got an empty person_id")
    stamp = _to_naive(at).isoformat(timespec="seconds")
    try:
        with _write_transaction(conn):
            reply_to = None
            if kind == "reply":
                row = conn.execute(
                    "SELECT id FROM entries AS a WHERE a.person_id = ? AND a.kind = 'ask' "
                    "AND substr(a.at, 1, 10) <= substr(?, 1, 10) "
                    "AND NOT EXISTS (SELECT 1 FROM entries AS r WHERE r.reply_to = a.id) "
                    "ORDER BY a.at DESC, a.id DESC LIMIT 1",
                    (person_id, stamp),
                ).fetchone()
                if row is None:
                    raise LedgerError(
                        f"no open ask to {name or person_id} on or before {stamp[:10]} for this "
                        "reply to close; log the ask first (netgraph log ask)"
                    )
                reply_to = row[0]
            cursor = conn.execute(
                "INSERT INTO entries (person_id, name, kind, what, outcome, at, reply_to) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person_id, name or "", kind, what or "", outcome or "", stamp, reply_to),
            )
            return int(cursor.lastrowid)
    except sqlite3.OperationalError as error:
        raise LedgerError(f"cannot write to the ledger ({error}); try again") from None


def list_entries(conn: sqlite3.Connection, person_id: str | None = None) -> pd.DataFrame:
    """Read the ledger's entries, oldest first.

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
        (nullable Int64, NA except on replies)``, ordered by ``at`` then ``id``.

    Examples
    --------
    >>> from contextlib import closing
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     list(list_entries(conn).columns)
    ['id', 'person_id', 'name', 'kind', 'what', 'outcome', 'at', 'reply_to']
    """
    query = "SELECT id, person_id, name, kind, what, outcome, at, reply_to FROM entries"
    params: tuple[str, ...] = ()
    if person_id is not None:
        query += " WHERE person_id = ?"
        params = (person_id,)
    rows = conn.execute(query + " ORDER BY at, id", params).fetchall()
    frame = pd.DataFrame(rows, columns=_ENTRY_COLUMNS)
    frame["id"] = frame["id"].astype("int64")
    for column in ("person_id", "name", "kind", "what", "outcome"):
        frame[column] = frame[column].astype(object).fillna("").astype(str)
    frame["at"] = pd.to_datetime(frame["at"], format="ISO8601").astype("datetime64[ns]")
    frame["reply_to"] = frame["reply_to"].astype("Int64")
    return frame


def export_entries(conn: sqlite3.Connection, path: str | os.PathLike[str]) -> int:
    """Write every entry to a CSV file, whole or not at all.

    The CSV is written to a temporary file next to ``path`` and then moved into place, so
    a reader never sees half a file and a failure leaves any old file untouched.

    Parameters
    ----------
    conn
        From :func:`open_ledger`.
    path
        The CSV to write (replaced if it exists). Must not be the ledger itself.

    Returns
    -------
    int
        How many entries were written.

    Raises
    ------
    LedgerError
        ``path`` is the ledger's own file, or cannot be written.
    """
    target = Path(path).expanduser()
    for _, _, db_file in conn.execute("PRAGMA database_list"):
        if db_file and target.exists() and os.path.samefile(db_file, target):
            raise LedgerError(f"{target} is the ledger itself; export to another file")
    entries = list_entries(conn)
    out = entries.assign(at=entries["at"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise LedgerError(f"{target}: cannot write the export ({error.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            out.to_csv(handle, index=False)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise LedgerError(f"{target}: cannot write the export ({error.strerror})") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    return len(out)


# ---------------------------------------------------------------------------------------
# Summaries and the adjustments the scoring engine applies
# ---------------------------------------------------------------------------------------


def _as_of_timestamp(as_of: dt.date | dt.datetime) -> pd.Timestamp:
    """Midnight at the start of the ``as_of`` day, naive."""
    stamp = pd.Timestamp(as_of)
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()


def summarize_ledger(entries: pd.DataFrame, *, as_of: dt.date | dt.datetime) -> pd.DataFrame:
    """Sum up the ledger per person, as it stood at the end of ``as_of``.

    Entries dated after ``as_of`` are ignored, so the same ledger and date always give the
    same summary.

    Parameters
    ----------
    entries
        From :func:`list_entries`.
    as_of
        The day that "days since" is measured from.

    Returns
    -------
    DataFrame
        One row per ``person_id``, ordered by name: ``person_id, name`` (the latest name
        written), ``gives, asks`` (counts), ``last_give, last_ask`` (datetime64, NaT when
        none), ``open_ask`` (bool: an ask with no reply yet), ``days_since_give,
        days_since_ask`` (whole days, nullable Int64), ``last_outcome`` (the reply to the
        latest ask: ``'yes'``, ``'no'``, ``'no-answer'`` or ``''``), ``reasons`` (tuple of
        sentences, e.g. ``"you helped them 2 weeks ago"``, ``"you asked them 9 days ago,
        no reply yet"``, ``"2 gives, 1 ask"``).

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="give",
    ...                   what="shared a meetup", at=dt.date(2026, 11, 6))
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="ask",
    ...                   what="intro to Dana", at=dt.date(2026, 11, 11))
    ...     summary = summarize_ledger(list_entries(conn), as_of=dt.date(2026, 11, 20))
    >>> for reason in summary.loc[0, "reasons"]:
    ...     print(reason)
    you helped them 2 weeks ago (shared a meetup)
    you asked them 9 days ago, no reply yet (intro to Dana)
    1 give, 1 ask
    """
    day = _as_of_timestamp(as_of)
    entries = entries[entries["at"] < day + pd.Timedelta(days=1)]
    if entries.empty:
        return _empty_summary()
    entries = entries.sort_values(["at", "id"], kind="stable")
    replies = entries[entries["kind"] == "reply"].dropna(subset=["reply_to"])
    outcome_of = dict(zip(replies["reply_to"].astype("int64"), replies["outcome"]))

    people = entries.groupby("person_id", sort=False).agg(name=("name", "last"))
    gives = entries[entries["kind"] == "give"].groupby("person_id")
    asks = entries[entries["kind"] == "ask"]
    asks = asks.assign(outcome=[outcome_of.get(int(i), "") for i in asks["id"]])
    by_ask = asks.groupby("person_id")
    open_asks = asks[asks["outcome"] == ""].groupby("person_id")

    summary = people.assign(
        gives=gives.size(),
        asks=by_ask.size(),
        last_give=gives["at"].max(),
        last_ask=by_ask["at"].max(),
        last_outcome=by_ask["outcome"].last(),
        give_what=gives["what"].last(),
        ask_what=by_ask["what"].last(),
        open_ask_at=open_asks["at"].max(),
        open_what=open_asks["what"].last(),
    ).reset_index()
    summary["gives"] = summary["gives"].fillna(0).astype("int64")
    summary["asks"] = summary["asks"].fillna(0).astype("int64")
    for column in ("last_outcome", "give_what", "ask_what", "open_what"):
        summary[column] = summary[column].astype(object).fillna("").astype(str)
    for column in ("last_give", "last_ask", "open_ask_at"):
        summary[column] = summary[column].astype("datetime64[ns]")
    summary["open_ask"] = summary["open_ask_at"].notna()
    summary["days_since_give"] = (day - summary["last_give"].dt.normalize()).dt.days.astype("Int64")
    summary["days_since_ask"] = (day - summary["last_ask"].dt.normalize()).dt.days.astype("Int64")
    summary["reasons"] = [_summary_reasons(row, day) for row in summary.itertuples(index=False)]
    summary = summary.assign(_key=summary["name"].str.casefold())
    summary = summary.sort_values(["_key", "person_id"], kind="stable").reset_index(drop=True)
    return summary[_SUMMARY_COLUMNS]


def _with_what(sentence: str, what: str) -> str:
    return f"{sentence} ({what})" if what else sentence


def _summary_reasons(row, day: pd.Timestamp) -> tuple[str, ...]:
    """The sentences for one person's summary row."""
    reasons = []
    if pd.notna(row.last_give):
        reasons.append(_with_what(f"you helped them {_ago(row.days_since_give)}", row.give_what))
    if pd.notna(row.open_ask_at):
        days = (day - row.open_ask_at.normalize()).days
        reasons.append(_with_what(f"you asked them {_ago(days)}, no reply yet", row.open_what))
    elif pd.notna(row.last_ask):
        answer = {"yes": "they said yes", "no": "they said no",
                  "no-answer": "no answer"}.get(row.last_outcome, "")
        sentence = f"you asked them {_ago(row.days_since_ask)}" + (f"; {answer}" if answer else "")
        reasons.append(_with_what(sentence, row.ask_what))
    reasons.append(f"{_plural(row.gives, 'give')}, {_plural(row.asks, 'ask')}")
    if row.asks > row.gives:
        reasons.append("more asks than gives: give something before the next ask")
    return tuple(reasons)


def _empty_summary() -> pd.DataFrame:
    return pd.DataFrame({
        "person_id": pd.Series(dtype=str), "name": pd.Series(dtype=str),
        "gives": pd.Series(dtype="int64"), "asks": pd.Series(dtype="int64"),
        "last_give": pd.Series(dtype="datetime64[ns]"),
        "last_ask": pd.Series(dtype="datetime64[ns]"),
        "open_ask": pd.Series(dtype=bool),
        "days_since_give": pd.Series(dtype="Int64"), "days_since_ask": pd.Series(dtype="Int64"),
        "last_outcome": pd.Series(dtype=str), "reasons": pd.Series(dtype=object),
    })


def ledger_adjustments(
    summary: pd.DataFrame,
    *,
    as_of: dt.date | dt.datetime,
    give_half_life_days: float = 60,
    ask_cooldown_days: float = 30,
) -> pd.DataFrame:
    """Turn the ledger summary into adjustments for the scoring engine.

    Give before you ask, and do not ask the same person twice in a month:

    * ``warmth_bonus`` (0 to 0.3) is added to the warmth of the tie. A give on the
      ``as_of`` day earns the full 0.3, halving every ``give_half_life_days`` days since
      the latest give: ``0.3 * 0.5 ** (days_since_give / give_half_life_days)``. No give,
      no bonus. The engine should clip the sum at 1.
    * ``connector_penalty`` (0 to 1) multiplies the person's score as a connector. Right
      after an ask it is 0.25 while the ask waits for a reply and 0.5 once answered; it
      rises in a straight line to 1 (no penalty) at ``ask_cooldown_days`` days after the
      latest ask, and stays 1 after that or when you never asked.

    Days are counted from the latest give or ask to ``as_of``; entries after ``as_of``
    should not be in ``summary`` (:func:`summarize_ledger` leaves them out).

    Parameters
    ----------
    summary
        From :func:`summarize_ledger`.
    as_of
        The day to measure from (the report's ``--as-of``).
    give_half_life_days
        Days for a give's bonus to halve.
    ask_cooldown_days
        Days after an ask before the person is a full-strength connector again.

    Returns
    -------
    DataFrame
        One row per person in ``summary``: ``person_id, warmth_bonus, connector_penalty,
        reasons`` (tuple of sentences explaining each adjustment that matters: a bonus of
        0.01 or more, a penalty below 1).

    Examples
    --------
    >>> import datetime as dt
    >>> summary = pd.DataFrame({
    ...     "person_id": ["in:sam-lee"], "last_give": [pd.Timestamp("2026-09-21")],
    ...     "last_ask": [pd.Timestamp("2026-11-11")], "open_ask": [True]})
    >>> adj = ledger_adjustments(summary, as_of=dt.date(2026, 11, 20))
    >>> float(adj.loc[0, "warmth_bonus"]), float(adj.loc[0, "connector_penalty"])
    (0.15, 0.475)
    >>> adj.loc[0, "reasons"][1]
    'you asked them 9 days ago, no reply yet: wait 21 more days before asking again'
    """
    if give_half_life_days <= 0 or ask_cooldown_days <= 0:
        raise ValueError("give_half_life_days and ask_cooldown_days must be positive")
    day = _as_of_timestamp(as_of)
    last_give = pd.to_datetime(summary["last_give"]).dt.normalize()
    last_ask = pd.to_datetime(summary["last_ask"]).dt.normalize()
    give_days = (day - last_give).dt.days.clip(lower=0)
    ask_days = (day - last_ask).dt.days.clip(lower=0)
    is_open = summary["open_ask"].astype("boolean").fillna(False).astype(bool)

    bonus = (_MAX_WARMTH_BONUS * 0.5 ** (give_days / give_half_life_days)).fillna(0.0)
    ramp = (ask_days / ask_cooldown_days).clip(upper=1.0)
    floor = is_open.map({True: _OPEN_ASK_FLOOR, False: _ANSWERED_ASK_FLOOR}).astype(float)
    penalty = (floor + (1 - floor) * ramp).fillna(1.0)

    out = pd.DataFrame({
        "person_id": summary["person_id"].to_numpy(),
        "warmth_bonus": bonus.round(4).to_numpy(dtype=float),
        "connector_penalty": penalty.round(4).to_numpy(dtype=float),
    })
    reasons = []
    for g_days, a_days, open_ask, b, p in zip(give_days, ask_days, is_open, out["warmth_bonus"],
                                              out["connector_penalty"]):
        sentences = []
        if b >= 0.01:  # a give too old to matter goes unmentioned
            sentences.append(f"you helped them {_ago(int(g_days))}")
        if p < 1:
            wait = math.ceil(ask_cooldown_days - a_days)
            state = ", no reply yet" if open_ask else ""
            sentences.append(f"you asked them {_ago(int(a_days))}{state}: wait "
                             f"{_plural(wait, 'more day')} before asking again")
        reasons.append(tuple(sentences))
    out["reasons"] = pd.Series(reasons, dtype=object)
    return out[_ADJUSTMENT_COLUMNS]


# ---------------------------------------------------------------------------------------
# Finding the person a command means
# ---------------------------------------------------------------------------------------


def _name_key(text: str) -> str:
    """Casefolded, accent-stripped, single-spaced (the reader's name key)."""
    return normalize_name(str(text))


def _profile_slug(text: str) -> str:
    """The ``/in/<slug>`` of a LinkedIn profile URL, lower case; ``''`` if not one."""
    url = normalize_url(str(text))
    return url.rsplit("/in/", 1)[-1] if url else ""


def _text_column(frame: pd.DataFrame, column: str) -> pd.Series:
    """A text column with ``""`` for missing values; all ``""`` when there is no such column."""
    if column not in frame:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[column].astype(object).fillna("").astype(str)


def _describe(name: str, company: str) -> str:
    return f"{name} ({company})" if company else name


def resolve_person(name_or_url: str, people: pd.DataFrame) -> tuple[str, str]:
    """Find the one person a name or profile URL means among ``people``.

    Tried in order: the profile URL (any form LinkedIn uses), a ``person_id`` as written,
    the exact name ignoring case and accents, then a unique prefix of the name (``"Maya"``
    or ``"maya ch"``) or of its words (``"Chen"``).

    Parameters
    ----------
    name_or_url
        What the user typed.
    people
        ``person_id, name, url, company`` columns, e.g. the export's ``connections``.

    Returns
    -------
    tuple[str, str]
        ``(person_id, name)``.

    Raises
    ------
    LedgerError
        Several people match (the message lists them with their companies), or nobody
        does (the message lists the closest names).

    Examples
    --------
    >>> people = pd.DataFrame({
    ...     "person_id": ["in:maya-chen", "in:ines-garcia"], "name": ["Maya Chen", "Inés García"],
    ...     "url": ["https://www.linkedin.com/in/maya-chen", ""], "company": ["Stripe", "Acme"]})
    >>> resolve_person("ines garcia", people)
    ('in:ines-garcia', 'Inés García')
    >>> resolve_person("linkedin.com/in/Maya-Chen/?trk=x", people)
    ('in:maya-chen', 'Maya Chen')
    """
    query = str(name_or_url).strip()
    if not query:
        raise LedgerError("no person given; use their full name or profile URL")
    frame = people.reset_index(drop=True)
    if "person_id" in frame:  # the same person listed twice is still one person
        frame = frame.drop_duplicates("person_id").reset_index(drop=True)
    names = _text_column(frame, "name")
    ids = _text_column(frame, "person_id")
    companies = _text_column(frame, "company")

    def found(mask: pd.Series) -> tuple[str, str] | None:
        hits = frame.index[mask.to_numpy()]
        if len(hits) == 1:
            return ids[hits[0]], names[hits[0]]
        if len(hits) > 1:
            listed = [_describe(names[i], companies[i]) for i in hits[:5]]
            more = f", and {len(hits) - 5} more" if len(hits) > 5 else ""
            raise LedgerError(
                f"{query!r} matches {len(hits)} people: {', '.join(listed)}{more}; "
                "use the full name or the profile URL"
            )
        return None

    slug = _profile_slug(query)
    if slug:
        mask = (ids == f"in:{slug}") | (_text_column(frame, "url").map(_profile_slug) == slug)
        hit = found(mask)
        if hit is None:
            raise LedgerError(
                f"none of your connections has the profile URL {query}; check it, or use their name")
        return hit
    hit = found(ids == query)
    if hit:
        return hit
    key = _name_key(query)
    keys = names.map(_name_key)
    for mask in (keys == key, keys.str.startswith(key)):
        hit = found(mask)
        if hit:
            return hit
    words = key.split()
    word_mask = keys.map(lambda k: all(any(w.startswith(q) for w in k.split()) for q in words))
    hit = found(word_mask)
    if hit:
        return hit
    raise LedgerError(f"no connection named {query!r}{_closest(key, keys, names, companies)}")


def _closest(key: str, keys: pd.Series, names: pd.Series, companies: pd.Series) -> str:
    """``'; closest: Maya Chen (Stripe), ...'`` or a hint when nothing is close."""
    choices = dict(zip(keys.index, keys))
    near = process.extract(key, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=60)
    if not near:
        return "; check the spelling or use their profile URL"
    listed = ", ".join(_describe(names[i], companies[i]) for _, _, i in near)
    return f"; closest: {listed}"


def known_people(conn: sqlite3.Connection) -> pd.DataFrame:
    """The people already in the ledger, for :func:`resolve_person` without an export.

    Returns
    -------
    DataFrame
        ``person_id, name, url, company``: the latest name written for each person;
        ``url`` and ``company`` are empty.
    """
    entries = list_entries(conn)[["person_id", "name"]]
    people = entries.drop_duplicates("person_id", keep="last")
    return people.assign(url="", company="").reset_index(drop=True)


def render_ledger(entries: pd.DataFrame, *, as_of: dt.date | dt.datetime, person: bool = False) -> str:
    """The ledger as plain text: one line per person, or one per entry for one person.

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="ask",
    ...                   what="intro to Dana", at=dt.date(2026, 11, 11))
    ...     entries = list_entries(conn)
    >>> print(render_ledger(entries, as_of=dt.date(2026, 11, 20)))
    Sam Lee: you asked them 9 days ago, no reply yet (intro to Dana); 0 gives, 1 ask; more asks than gives: give something before the next ask
    >>> print(render_ledger(entries, as_of=dt.date(2026, 11, 20), person=True))
    2026-11-11  ask    intro to Dana
    """
    if entries.empty:
        return "The ledger is empty."
    if person:
        return "\n".join(
            f"{at:%Y-%m-%d}  {kind:<6} {(what + (' -> ' + outcome if outcome else '')).strip()}".rstrip()
            for at, kind, what, outcome in zip(entries["at"], entries["kind"], entries["what"], entries["outcome"]))
    summary = summarize_ledger(entries, as_of=as_of)
    return "\n".join(f"{name}: {'; '.join(reasons)}" for name, reasons in zip(summary["name"], summary["reasons"]))
