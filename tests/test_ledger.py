"""The give-and-ask ledger: storage, durability, migrations, summaries, finding people."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

import netgraph
from netgraph.errors import LedgerError, NetgraphError
from netgraph.ledger import (
    SCHEMA_VERSION,
    add_entry,
    default_ledger_path,
    export_entries,
    ledger_adjustments,
    list_entries,
    open_ledger,
    resolve_person,
    summarize_ledger,
)
from netgraph.ledger.read import ENTRY_COLUMNS
from netgraph.weights import Weights

AS_OF = dt.date(2026, 11, 20)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "netgraph" / "ledger.sqlite"


@pytest.fixture
def conn(db_path: Path):
    with closing(open_ledger(db_path)) as connection:
        yield connection


def _log(conn, kind, day, person="in:sam-lee", name="Sam Lee", **extra) -> int:
    return add_entry(conn, person_id=person, name=name, kind=kind, at=day, **extra)


# ---------------------------------------------------------------------------------------
# Where the ledger lives
# ---------------------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for var in ("NETGRAPH_LEDGER", "XDG_DATA_HOME", "APPDATA"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path / "home"))
    return tmp_path / "home"


@pytest.mark.parametrize("platform, env, expected", [
    ("linux", {}, ".local/share/netgraph/ledger.sqlite"),
    ("linux", {"XDG_DATA_HOME": "/xdg/data"}, "/xdg/data/netgraph/ledger.sqlite"),
    ("linux", {"XDG_DATA_HOME": "relative/is/ignored"}, ".local/share/netgraph/ledger.sqlite"),
    ("darwin", {"XDG_DATA_HOME": "/xdg/data"}, "Library/Application Support/netgraph/ledger.sqlite"),
    ("win32", {"APPDATA": "/appdata/roaming"}, "/appdata/roaming/netgraph/ledger.sqlite"),
    ("win32", {}, "AppData/Roaming/netgraph/ledger.sqlite"),
    ("linux", {"NETGRAPH_LEDGER": "/elsewhere/mine.sqlite"}, "/elsewhere/mine.sqlite"),
    ("win32", {"NETGRAPH_LEDGER": "/elsewhere/mine.sqlite"}, "/elsewhere/mine.sqlite"),
])
def test_default_ledger_path_follows_the_platform_and_the_override(
        monkeypatch, clean_env, platform, env, expected):
    monkeypatch.setattr(sys, "platform", platform)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert default_ledger_path() == clean_env / expected  # an absolute `expected` wins the join


def test_default_ledger_path_expands_the_tilde_in_the_override(monkeypatch, clean_env):
    monkeypatch.setenv("NETGRAPH_LEDGER", "~/notes/ledger.sqlite")
    monkeypatch.setenv("HOME", str(clean_env))
    assert default_ledger_path() == clean_env / "notes" / "ledger.sqlite"


# ---------------------------------------------------------------------------------------
# Opening, schema and migrations
# ---------------------------------------------------------------------------------------


def test_open_ledger_creates_folders_and_sets_up_the_connection(db_path, conn):
    assert db_path.is_file()
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
    columns = [row[1] for row in conn.execute("PRAGMA table_info(entries)")]
    assert columns == [*ENTRY_COLUMNS]


def test_entries_survive_closing_and_reopening(db_path):
    with closing(open_ledger(db_path)) as conn:
        _log(conn, "give", dt.date(2026, 11, 1), what="shared a talk")
    with closing(open_ledger(str(db_path))) as conn:
        entries = list_entries(conn)
        assert entries["what"].tolist() == ["shared a talk"]
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


V1_DDL = """
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


def test_a_version_1_ledger_is_migrated_with_its_data_intact(tmp_path):
    path = tmp_path / "old.sqlite"
    rows = [
        (1, "in:sam-lee", "Sam Lee", "give", "shared a talk", "", "2026-09-01T10:00:00"),
        (2, "in:sam-lee", "Sam Lee", "ask", "intro to Dana", "", "2026-10-01T09:00:00"),
        (3, "in:maya-chen", "Maya Chen", "ask", "coffee?", "", "2026-10-02T09:00:00"),
        (4, "in:sam-lee", "Sam Lee", "reply", "", "yes", "2026-10-03T18:30:00"),
        (5, "in:sam-lee", "Sam Lee", "ask", "resume review", "", "2026-10-20T09:00:00"),
    ]
    with closing(sqlite3.connect(path)) as old:
        old.execute(V1_DDL)
        old.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        old.execute("PRAGMA user_version = 1")
        old.commit()

    with closing(open_ledger(path)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        indexes = [row[1] for row in conn.execute("PRAGMA index_list(entries)")]
        assert "entries_person_at" in indexes
        entries = list_entries(conn)
        kept = entries.drop(columns=["reply_to", "target", "about"])
        kept = kept.assign(at=entries["at"].dt.strftime("%Y-%m-%dT%H:%M:%S"))
        assert [tuple(r) for r in kept.itertuples(index=False)] == rows
        # The old reply is linked to the ask it answered; the later ask stays open.
        assert entries.set_index("id")["reply_to"].to_dict()[4] == 2
        summary = summarize_ledger(entries, as_of=AS_OF).set_index("person_id")
        assert summary.loc["in:sam-lee", "open_ask"]
        # And the migrated ledger takes new entries like a new one.
        reply = _log(conn, "reply", dt.date(2026, 11, 1), outcome="no")
        assert list_entries(conn).set_index("id").loc[reply, "reply_to"] == 5


def test_a_newer_ledger_asks_the_user_to_upgrade(db_path):
    with closing(open_ledger(db_path)) as conn:
        conn.execute("PRAGMA user_version = 7")
    with pytest.raises(LedgerError, match=r"newer netgraph \(ledger schema 7.*up to 3\). Upgrade netgraph") as info:
        open_ledger(db_path)
    assert str(db_path) in str(info.value)


def test_a_file_that_is_not_sqlite_is_an_error_naming_it_and_is_left_alone(tmp_path):
    path = tmp_path / "Connections.csv"
    content = b"First Name,Last Name,URL\nMaya,Chen,https://www.linkedin.com/in/maya\n" * 50
    path.write_bytes(content)
    with pytest.raises(LedgerError, match="not a SQLite database") as info:
        open_ledger(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_a_sqlite_file_of_another_program_is_not_taken_over(tmp_path):
    path = tmp_path / "photos.db"
    with closing(sqlite3.connect(path)) as other:
        other.execute("CREATE TABLE photos (id INTEGER)")
        other.commit()
    with pytest.raises(LedgerError, match=r"another program \(tables: photos\)"):
        open_ledger(path)
    with closing(sqlite3.connect(path)) as other:
        assert other.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_folder_is_not_a_ledger(tmp_path):
    with pytest.raises(LedgerError, match="is a folder"):
        open_ledger(tmp_path)


# ---------------------------------------------------------------------------------------
# Durability: killed writers and concurrent writers
# ---------------------------------------------------------------------------------------


def _python(script: str, *args: str, **popen) -> subprocess.Popen:
    """Start a Python child that imports this very netgraph."""
    env = {**os.environ, "PYTHONPATH": str(Path(netgraph.__file__).parents[1])}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *args],
                            env=env, text=True, **popen)


_WRITE_LOOP = """
    import datetime as dt, sys
    from netgraph.ledger import add_entry, open_ledger
    conn = open_ledger(sys.argv[1])
    i = 0
    while True:
        entry = add_entry(conn, person_id=f"in:p{i % 7}", name=f"P {i % 7}", kind="give",
                          what=f"give {i}", at=dt.datetime(2026, 11, 1, 9, 0, 0))
        print(entry, flush=True)
        i += 1
"""


def test_a_writer_killed_mid_loop_leaves_every_committed_entry(db_path):
    committed = []
    with _python(_WRITE_LOOP, str(db_path), stdout=subprocess.PIPE) as child:
        for line in child.stdout:
            committed.append(int(line))
            if len(committed) == 60:
                child.kill()  # SIGKILL on POSIX: no cleanup, no atexit, mid-write
                break
        child.wait(timeout=10)
        committed += [int(line) for line in child.stdout.read().split()]
    assert child.returncode != 0
    with closing(open_ledger(db_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        ids = set(list_entries(conn)["id"])
        assert set(committed) <= ids
        assert len(ids) <= len(committed) + 1  # at most the one committed as it was killed
        assert _log(conn, "give", AS_OF) == max(ids) + 1  # and the lock was released


def test_a_process_exiting_mid_transaction_loses_only_that_entry(db_path):
    script = """
        import datetime as dt, os, sys
        from netgraph.ledger import add_entry, open_ledger
        conn = open_ledger(sys.argv[1])
        for i in range(20):
            add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="give",
                      what=f"give {i}", at=dt.date(2026, 11, 1))
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO entries (person_id, name, kind, at) "
                     "VALUES ('in:x', 'X', 'give', '2026-11-02T00:00:00')")
        os._exit(3)
    """
    with _python(script, str(db_path)) as child:
        assert child.wait(timeout=20) == 3
    with closing(open_ledger(db_path)) as conn:
        entries = list_entries(conn)
        assert entries["what"].tolist() == [f"give {i}" for i in range(20)]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        _log(conn, "give", AS_OF)
        assert len(list_entries(conn)) == 21


def test_two_processes_writing_at_once_both_land_completely(tmp_path):
    path = tmp_path / "shared" / "ledger.sqlite"  # neither finds it: both create and migrate it
    go = tmp_path / "go"
    script = """
        import datetime as dt, os, sys, time
        from netgraph.ledger import add_entry, open_ledger
        writer, path, go = sys.argv[1], sys.argv[2], sys.argv[3]
        print("ready", flush=True)
        while not os.path.exists(go):
            time.sleep(0.005)
        conn = open_ledger(path)
        for i in range(300):
            kind = "ask" if i % 3 == 0 else ("reply" if i % 3 == 1 else "give")
            add_entry(conn, person_id=f"in:{writer}", name=writer, kind=kind,
                      outcome="yes" if kind == "reply" else "",
                      what=f"{writer} {i}", at=dt.datetime(2026, 11, 1) + dt.timedelta(minutes=i))
        conn.close()
    """
    children = [_python(script, name, str(path), str(go), stdout=subprocess.PIPE) for name in ("a", "b")]
    try:
        for child in children:
            assert child.stdout.readline().strip() == "ready"
        go.touch()
        for child in children:
            assert child.wait(timeout=60) == 0
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
            child.stdout.close()
    with closing(open_ledger(path)) as conn:
        entries = list_entries(conn)
    assert len(entries) == 600
    for writer in ("a", "b"):
        mine = entries[entries["person_id"] == f"in:{writer}"]
        assert sorted(mine["what"]) == sorted(f"{writer} {i}" for i in range(300))
        # Every reply closed its own writer's ask: the read-then-write was not interleaved.
        replies = mine[mine["kind"] == "reply"]
        asks = mine.set_index("id")
        assert replies["reply_to"].notna().all()
        assert set(asks.loc[replies["reply_to"].astype(int), "kind"]) == {"ask"}
        assert replies["reply_to"].is_unique


# ---------------------------------------------------------------------------------------
# Writing and reading entries
# ---------------------------------------------------------------------------------------


def test_list_entries_gives_typed_columns_in_time_order(conn):
    _log(conn, "give", dt.datetime(2026, 11, 5, 14, 30), what="sent a job post")
    _log(conn, "ask", dt.date(2026, 11, 1), person="in:maya-chen", name="Maya Chen")
    entries = list_entries(conn)
    assert list(entries.columns) == [*ENTRY_COLUMNS]
    assert entries["at"].dtype == "datetime64[ns]"
    assert str(entries["reply_to"].dtype) == "Int64"
    assert entries["person_id"].tolist() == ["in:maya-chen", "in:sam-lee"]
    assert entries["at"].tolist() == [pd.Timestamp("2026-11-01"), pd.Timestamp("2026-11-05 14:30")]
    assert entries.loc[0, "what"] == "" and entries.loc[0, "outcome"] == ""
    assert list_entries(conn, person_id="in:sam-lee")["what"].tolist() == ["sent a job post"]
    assert list_entries(conn, person_id="in:nobody").empty


def test_an_aware_time_is_stored_as_utc(conn):
    paris = dt.timezone(dt.timedelta(hours=1))
    _log(conn, "give", dt.datetime(2026, 11, 5, 10, 0, tzinfo=paris))
    assert list_entries(conn).loc[0, "at"] == pd.Timestamp("2026-11-05 09:00")


def test_a_reply_closes_the_latest_open_ask(conn):
    first = _log(conn, "ask", dt.date(2026, 10, 1), what="intro to Dana")
    second = _log(conn, "ask", dt.date(2026, 11, 1), what="resume review")
    _log(conn, "ask", dt.date(2026, 11, 2), person="in:maya-chen", name="Maya Chen")
    reply = _log(conn, "reply", dt.date(2026, 11, 3), outcome="yes")
    late = _log(conn, "reply", dt.date(2026, 11, 10), outcome="no-answer")
    links = list_entries(conn).set_index("id")["reply_to"]
    assert (links[reply], links[late]) == (second, first)
    with pytest.raises(LedgerError, match=r"no open ask to Sam Lee on or before 2026-11-11.*netgraph log ask"):
        _log(conn, "reply", dt.date(2026, 11, 11), outcome="no")


def test_a_reply_cannot_close_an_ask_made_after_it(conn):
    _log(conn, "ask", dt.datetime(2026, 11, 5, 15, 0))
    with pytest.raises(LedgerError, match="no open ask"):
        _log(conn, "reply", dt.date(2026, 11, 4), outcome="yes")
    # The same day is fine, whatever the hour.
    _log(conn, "reply", dt.date(2026, 11, 5), outcome="yes")


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "thank"}, r"unknown entry kind 'thank'; use one of: give, ask, reply"),
    ({"kind": "reply"},
     r"a reply's outcome is one of yes, no, no-answer, introduced, talked, referred, applied, not ''"),
    ({"kind": "reply", "outcome": "maybe"}, r"not 'maybe'"),
    ({"kind": "give", "outcome": "yes"}, r"only a reply has an outcome"),
    ({"kind": "give", "person_id": "  "}, r"empty person_id"),
])
def test_add_entry_rejects_bad_values_and_writes_nothing(conn, kwargs, message):
    values = {"person_id": "in:sam-lee", "name": "Sam Lee", "at": AS_OF, **kwargs}
    with pytest.raises(LedgerError, match=message):
        add_entry(conn, **values)
    assert list_entries(conn).empty


def test_export_entries_writes_a_csv_that_reads_back(conn, tmp_path):
    _log(conn, "ask", dt.datetime(2026, 11, 1, 9, 15), what='intro, "soon"')
    _log(conn, "reply", dt.date(2026, 11, 2), outcome="yes")
    out = tmp_path / "exports" / "ledger.csv"
    out.parent.mkdir()
    assert export_entries(conn, out) == 2
    back = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(back.columns) == [*ENTRY_COLUMNS]
    assert back["what"].tolist() == ['intro, "soon"', ""]
    assert back["at"].tolist() == ["2026-11-01T09:15:00", "2026-11-02T00:00:00"]
    assert back["reply_to"].tolist() == ["", "1"]
    assert [p.name for p in out.parent.iterdir()] == ["ledger.csv"]  # no temporary file left


def test_a_failed_export_leaves_the_old_file_whole(conn, tmp_path, monkeypatch):
    _log(conn, "give", AS_OF)
    out = tmp_path / "exports" / "ledger.csv"
    out.parent.mkdir()
    out.write_text("the previous export\n")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(NetgraphError, match="cannot write the ledger export to .*No space left on device"):
        export_entries(conn, out)
    assert out.read_text() == "the previous export\n"
    assert [p.name for p in out.parent.iterdir()] == ["ledger.csv"]


def test_export_refuses_to_write_over_the_ledger_and_its_wal(conn, db_path):
    _log(conn, "give", AS_OF)
    for target in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        with pytest.raises(NetgraphError, match="refusing to write over the input file"):
            export_entries(conn, target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert len(list_entries(conn)) == 1


# ---------------------------------------------------------------------------------------
# Summary and adjustments
# ---------------------------------------------------------------------------------------


def test_summarize_ledger_counts_and_explains_per_person(conn):
    _log(conn, "give", dt.date(2026, 10, 1), what="reviewed her deck", person="in:maya-chen", name="Maya Chen")
    _log(conn, "give", dt.date(2026, 11, 6), what="shared a meetup", person="in:maya-chen", name="Maya Chen")
    _log(conn, "ask", dt.date(2026, 10, 10), what="coffee", person="in:maya-chen", name="Maya Chen")
    _log(conn, "reply", dt.date(2026, 10, 12), outcome="yes", person="in:maya-chen", name="Maya Chen")
    _log(conn, "ask", dt.date(2026, 11, 11), what="intro to Dana")
    _log(conn, "give", dt.date(2026, 12, 1), what="after as_of: ignored")
    summary = summarize_ledger(list_entries(conn), as_of=AS_OF)
    assert list(summary.columns) == [
        "person_id", "name", "gives", "asks", "last_give", "last_ask", "open_ask",
        "days_since_give", "days_since_ask", "last_outcome", "reasons"]
    assert summary["person_id"].tolist() == ["in:maya-chen", "in:sam-lee"]
    maya, sam = summary.to_dict("records")
    assert (maya["gives"], maya["asks"], maya["open_ask"], maya["last_outcome"]) == (2, 1, False, "yes")
    assert (maya["days_since_give"], maya["days_since_ask"]) == (14, 41)
    assert maya["reasons"] == ("you helped them 2 weeks ago (shared a meetup)",
                               "you asked them 6 weeks ago; they said yes (coffee)",
                               "2 gives, 1 ask")
    assert (sam["gives"], sam["asks"], sam["open_ask"]) == (0, 1, True)
    assert pd.isna(sam["last_give"]) and pd.isna(sam["days_since_give"])
    assert sam["reasons"] == ("you asked them 9 days ago, no reply yet (intro to Dana)",
                              "0 gives, 1 ask",
                              "more asks than gives: give something before the next ask")


def test_a_reply_after_as_of_leaves_the_ask_open(conn):
    _log(conn, "ask", dt.date(2026, 11, 11))
    _log(conn, "reply", dt.date(2026, 11, 25), outcome="yes")
    assert summarize_ledger(list_entries(conn), as_of=AS_OF).loc[0, "open_ask"]
    assert not summarize_ledger(list_entries(conn), as_of=dt.date(2026, 11, 25)).loc[0, "open_ask"]


def test_summarize_an_empty_ledger(conn):
    summary = summarize_ledger(list_entries(conn), as_of=AS_OF)
    assert summary.empty and "reasons" in summary
    assert ledger_adjustments(summary, as_of=AS_OF).empty


@pytest.mark.parametrize("give_days_ago, expected", [(0, 0.3), (60, 0.15), (120, 0.075), (None, 0.0)])
def test_warmth_bonus_halves_every_half_life(give_days_ago, expected):
    last_give = pd.NaT if give_days_ago is None else pd.Timestamp(AS_OF) - pd.Timedelta(days=give_days_ago)
    summary = pd.DataFrame({"person_id": ["in:sam-lee"], "last_give": [last_give],
                            "last_ask": [pd.NaT], "open_ask": [False]})
    adjustments = ledger_adjustments(summary, as_of=AS_OF)
    assert adjustments.loc[0, "warmth_bonus"] == pytest.approx(expected)
    assert adjustments.loc[0, "connector_penalty"] == 1.0


@pytest.mark.parametrize("ask_days_ago, open_ask, expected", [
    (0, True, 0.25), (15, True, 0.625), (30, True, 1.0), (90, True, 1.0),
    (0, False, 0.5), (15, False, 0.75), (45, False, 1.0),
])
def test_a_recent_ask_demotes_a_connector_for_a_month(ask_days_ago, open_ask, expected):
    summary = pd.DataFrame({"person_id": ["in:sam-lee"], "last_give": [pd.NaT],
                            "last_ask": [pd.Timestamp(AS_OF) - pd.Timedelta(days=ask_days_ago)],
                            "open_ask": [open_ask]})
    adjustments = ledger_adjustments(summary, as_of=AS_OF)
    assert adjustments.loc[0, "connector_penalty"] == pytest.approx(expected)
    assert adjustments.loc[0, "warmth_bonus"] == 0.0


def test_ledger_adjustments_from_a_real_ledger_explain_themselves(conn):
    _log(conn, "give", dt.date(2026, 11, 6), person="in:maya-chen", name="Maya Chen")
    _log(conn, "ask", dt.date(2026, 11, 11))
    _log(conn, "give", dt.date(2025, 1, 1), person="in:old", name="Old Friend")
    summary = summarize_ledger(list_entries(conn), as_of=AS_OF)
    adjustments = ledger_adjustments(summary, as_of=AS_OF, weights=Weights(ask_again_days=30)).set_index("person_id")
    assert list(adjustments.columns) == ["warmth_bonus", "connector_penalty", "reasons"]
    assert adjustments.loc["in:maya-chen", "reasons"] == ("you helped them 2 weeks ago",)
    assert adjustments.loc["in:sam-lee", "reasons"] == (
        "you asked them 9 days ago, no reply yet: wait 21 more days before asking again",)
    assert adjustments.loc["in:sam-lee", "connector_penalty"] == pytest.approx(0.25 + 0.75 * 9 / 30)
    assert adjustments.loc["in:old", "warmth_bonus"] < 0.01
    assert adjustments.loc["in:old", "reasons"] == ()
    assert (adjustments["warmth_bonus"].between(0, 0.3)).all()
    assert (adjustments["connector_penalty"].between(0, 1)).all()


# ---------------------------------------------------------------------------------------
# resolve_person
# ---------------------------------------------------------------------------------------


@pytest.fixture
def people() -> pd.DataFrame:
    rows = [
        ("in:maya-chen", "Maya Chen", "https://www.linkedin.com/in/maya-chen", "Stripe"),
        ("in:sam-lee", "Sam Lee", "https://www.linkedin.com/in/sam-lee", "Datadog"),
        ("in:sam-okafor", "Sam Okafor", "https://www.linkedin.com/in/sam-okafor", "Stripe"),
        ("in:samantha-fox", "Samantha Fox", "https://www.linkedin.com/in/samantha-fox", "Acme"),
        ("email:ines@example.com", "Inés García", "", "Acme Labs"),
        ("in:jürgen", "Jürgen Müller", "https://de.linkedin.com/in/J%C3%BCrgen/", ""),
    ]
    return pd.DataFrame(rows, columns=["person_id", "name", "url", "company"])


@pytest.mark.parametrize("query, expected", [
    ("https://www.linkedin.com/in/maya-chen", "in:maya-chen"),
    ("http://uk.linkedin.com/in/Maya-Chen/?trk=public_profile#about", "in:maya-chen"),
    ("linkedin.com/in/sam-lee", "in:sam-lee"),
    ("https://de.linkedin.com/in/jürgen", "in:jürgen"),
    ("in:sam-okafor", "in:sam-okafor"),
    ("maya chen", "in:maya-chen"),
    ("  INES   garcia ", "email:ines@example.com"),
    ("Sam Lee", "in:sam-lee"),
    ("Samantha", "in:samantha-fox"),
    ("maya c", "in:maya-chen"),
    ("Okafor", "in:sam-okafor"),
    ("garc", "email:ines@example.com"),
])
def test_resolve_person_finds_the_one_person_meant(people, query, expected):
    person_id, name = resolve_person(query, people)
    assert person_id == expected
    assert name == people.set_index("person_id").loc[expected, "name"]


def test_resolve_person_lists_everyone_an_ambiguous_name_matches(people):
    with pytest.raises(LedgerError) as info:
        resolve_person("Sam", people)
    assert str(info.value) == ("'Sam' matches 3 people: Sam Lee (Datadog), Sam Okafor (Stripe), "
                               "Samantha Fox (Acme); use the full name or the profile URL")


def test_resolve_person_with_two_people_of_the_same_name(people):
    twins = pd.concat([people, pd.DataFrame([{"person_id": "in:maya-chen-2", "name": "Maya Chen",
                                              "url": "", "company": "Acme"}])])
    with pytest.raises(LedgerError, match=r"'maya chen' matches 2 people: Maya Chen \(Stripe\), Maya Chen \(Acme\)"):
        resolve_person("maya chen", twins)
    assert resolve_person("https://www.linkedin.com/in/maya-chen", twins)[0] == "in:maya-chen"


def test_resolve_person_counts_a_person_listed_twice_once(people):
    assert resolve_person("Maya", pd.concat([people, people]))[0] == "in:maya-chen"


def test_resolve_person_suggests_the_closest_names(people):
    with pytest.raises(LedgerError, match=r"^no connection named 'Maya Chem'; closest: Maya Chen \(Stripe\)"):
        resolve_person("Maya Chem", people)
    with pytest.raises(LedgerError, match=r"no connection named 'Zzyzx'; check the spelling or use their profile URL"):
        resolve_person("Zzyzx", people)


def test_resolve_person_with_an_unknown_url(people):
    with pytest.raises(LedgerError, match="nobody among your connections has the profile URL"):
        resolve_person("https://www.linkedin.com/in/nobody", people)
