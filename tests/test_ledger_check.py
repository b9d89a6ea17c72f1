"""A ledger that cannot be poisoned: dates checked on the way in, bad rows skipped with a
warning by every command that reads, `log check` and `--repair`, reads that create nothing,
another program's database left byte for byte, formula cells guarded in the export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from netgraph.cli import main
from netgraph.errors import LedgerError
from netgraph.ledger import (
    add_entry,
    check_ledger,
    ledger_adjustments,
    list_entries,
    open_ledger,
    read_ledger,
    repair_ledger,
    summarize_ledger,
)
from netgraph.sample_data import AS_OF, EXPORT, TARGETS
from netgraph.weights import Weights

SOURCES = ["--targets", str(TARGETS), "--as-of", AS_OF]


@pytest.fixture(autouse=True)
def _private_ledger(tmp_path, monkeypatch):
    """Never read or write the user's own ledger."""
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "default" / "ledger.sqlite"))


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def _one_error_line(result, *, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    return result.output


def _poisoned(path: Path) -> Path:
    """A ledger with good entries and the rows one typo or a hand edit leaves behind."""
    with closing(open_ledger(path)) as conn:
        add_entry(conn, person_id="in:theo", name="Theo Lindqvist", kind="ask", what="intro", at=dt.date(2026, 11, 11))
        add_entry(conn, person_id="in:marcus", name="Marcus Oyelaran", kind="give", at=dt.date(2026, 11, 1))
        with conn:  # as an old netgraph, another tool or a hand edit would have written them
            conn.executemany("INSERT INTO entries (person_id, name, kind, what, outcome, at) VALUES (?, ?, ?, ?, ?, ?)",
                             [("in:theo", "Theo Lindqvist", "give", "far future", "", "9999-12-31T00:00:00"),
                              ("in:theo", "Theo Lindqvist", "give", "", "", "0001-01-01T00:00:00"),
                              ("in:nadia", "Nadia Petrov", "give", "", "", "yesterday"),
                              ("in:nadia", "Nadia Petrov", "ask", "", "", "2026-11-05")])
    return path


# ---------------------------------------------------------------------------------------
# On the way in
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01", "1989-12-31", "2101-01-01"])
def test_an_implausible_day_is_refused_in_one_line_and_nothing_is_written(tmp_path, day):
    db = tmp_path / "new" / "ledger.sqlite"
    result = run("log", "give", "Marcus Oyelaran", "--export", str(EXPORT), "--on", day, "--db", str(db))
    message = _one_error_line(result)
    assert "is not a plausible day for a ledger entry; give a date between 1990-01-01 and 2100-12-31" in message
    assert not db.parent.exists()


def test_the_python_api_raises_ledger_errors_for_bad_values(tmp_path):
    with closing(open_ledger(":memory:")) as conn:
        for bad in (dt.date(9999, 12, 31), "2026-11-20", None):
            with pytest.raises(LedgerError):
                add_entry(conn, person_id="in:x", name="X", kind="give", at=bad)
        add_entry(conn, person_id="in:x", name="X", kind="give", at=dt.date(2026, 11, 1))
        entries = list_entries(conn)
    for as_of in ("9999-12-31", "not a date", None, dt.date(1, 1, 1)):
        with pytest.raises(LedgerError, match="as_of"):
            summarize_ledger(entries, as_of=as_of)
    with pytest.raises(LedgerError, match="not an ISO 8601 date"):
        summarize_ledger(entries.assign(at=["yesterday"]), as_of=dt.date(2026, 11, 20))
    with pytest.raises(LedgerError, match="9999-12-31"):
        summarize_ledger(entries.assign(at=["9999-12-31"]), as_of=dt.date(2026, 11, 20))
    with pytest.raises(LedgerError, match="lack the columns at"):
        summarize_ledger(entries.drop(columns="at"), as_of=dt.date(2026, 11, 20))
    summary = summarize_ledger(entries, as_of=dt.date(2026, 11, 20))
    with pytest.raises(LedgerError, match="ledger_give_half_life_days must be a positive number"):
        ledger_adjustments(summary, as_of=dt.date(2026, 11, 20), weights=Weights(ledger_give_half_life_days=0))


def test_the_ledgers_numbers_come_from_weights():
    summary = pd.DataFrame({"person_id": ["in:sam"], "last_give": [pd.Timestamp("2026-11-20")],
                            "last_ask": [pd.Timestamp("2026-11-20")], "open_ask": [True]})
    default = ledger_adjustments(summary, as_of=dt.date(2026, 11, 20))
    assert (default.loc[0, "warmth_bonus"], default.loc[0, "connector_penalty"]) == (0.3, 0.25)
    tuned = ledger_adjustments(summary, as_of=dt.date(2026, 11, 20),
                               weights=Weights(ledger_give_bonus=0.5, ledger_open_ask_floor=0.1))
    assert (tuned.loc[0, "warmth_bonus"], tuned.loc[0, "connector_penalty"]) == (0.5, 0.1)
    later = ledger_adjustments(summary, as_of=dt.date(2026, 12, 10), weights=Weights(ask_again_days=40))
    assert later.loc[0, "reasons"][-1] == ("you asked them 3 weeks ago, no reply yet: "
                                           "wait 20 more days before asking again")


# ---------------------------------------------------------------------------------------
# Reading a poisoned ledger: every command skips the bad rows with a warning naming them
# ---------------------------------------------------------------------------------------


def test_list_entries_skips_unreadable_rows_with_one_warning_naming_each(tmp_path, caplog):
    path = _poisoned(tmp_path / "ledger.sqlite")
    with closing(open_ledger(path)) as conn:
        entries = list_entries(conn)
    assert entries["id"].tolist() == [2, 6, 1]  # 2026-11-01, 2026-11-05, 2026-11-11
    [warning] = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert warning.startswith(f"{path}: skipped 3 unreadable ledger entries (")
    assert "#3: its date '9999-12-31T00:00:00' is outside 1990-01-01 to 2100-12-31" in warning
    assert "#4: its date '0001-01-01T00:00:00' is outside" in warning
    assert "#5: its date 'yesterday' is not an ISO 8601 date" in warning
    assert warning.endswith("run `netgraph log check --repair` to fix or remove them")


@pytest.mark.parametrize("command", [
    ["log", "list", "--as-of", AS_OF],
    ["report", str(EXPORT), *SOURCES],
    ["draft", str(EXPORT), *SOURCES, "--target", "Stripe"],
    ["nurture", str(EXPORT), *SOURCES],
    ["map", str(EXPORT), *SOURCES, "--output", "MAP"],
])
def test_every_command_that_reads_a_poisoned_ledger_warns_and_goes_on(tmp_path, command):
    path = _poisoned(tmp_path / "ledger.sqlite")
    command = [str(tmp_path / "map.png") if part == "MAP" else part for part in command]
    result = run(*command, "--db", str(path))
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert len(warnings) == 1 and "skipped 3 unreadable ledger entries" in warnings[0], result.stderr
    assert "#3" in warnings[0] and "#4" in warnings[0] and "#5" in warnings[0]


def test_a_ledger_without_its_entries_table_reads_as_empty_with_a_warning(tmp_path):
    path = tmp_path / "ledger.sqlite"
    with closing(open_ledger(path)) as conn:
        conn.execute("DROP TABLE entries")
    for command in (["log", "list"], ["report", str(EXPORT), *SOURCES], ["nurture", str(EXPORT), *SOURCES]):
        result = run(*command, "--db", str(path))
        assert result.exit_code == 0, result.output
        assert "Warning: " in result.stderr and "has no entries table" in result.stderr
    result = run("log", "give", "Marcus Oyelaran", "--export", str(EXPORT), "--db", str(path))
    assert "has no entries table; `netgraph log check --repair` recreates it" in _one_error_line(result)


# ---------------------------------------------------------------------------------------
# log check and --repair
# ---------------------------------------------------------------------------------------


def test_log_check_lists_every_problem_and_changes_nothing(tmp_path):
    path = _poisoned(tmp_path / "ledger.sqlite")
    before = path.read_bytes()
    result = run("log", "check", "--db", str(path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == f"{path}: 6 entries, 4 problems:"
    assert lines[1].startswith("  entry #3: its date '9999-12-31T00:00:00' is outside 1990-01-01 to 2100-12-31 "
                               "[give 'Theo Lindqvist' 'far future' at '9999-12-31T00:00:00']")
    assert lines[3].startswith("  entry #5: its date 'yesterday' is not an ISO 8601 date")
    assert lines[4] == "  entry #6: its date '2026-11-05' is not in the stored form"
    assert lines[-1] == "Error: run `netgraph log check --repair` to fix or remove these rows"
    assert path.read_bytes() == before


def test_log_check_repair_says_what_it_will_do_then_does_it(tmp_path):
    path = _poisoned(tmp_path / "ledger.sqlite")
    result = run("log", "check", "--repair", "--db", str(path), input="y\n")
    assert result.exit_code == 0, result.output
    assert "  entry #3: its date '9999-12-31T00:00:00' is outside" in result.output
    assert "-> will remove it" in result.output
    assert "  entry #6: its date '2026-11-05' is not in the stored form -> will set at to '2026-11-05T00:00:00'" \
        in result.output
    assert result.output.index("will remove it") < result.output.index("Change the ledger as listed?")
    assert result.output.rstrip().endswith(f"Repaired {path}: 1 fixed, 3 removed.")
    with closing(sqlite3.connect(path)) as conn:
        rows = conn.execute("SELECT id, at FROM entries ORDER BY id").fetchall()
    assert rows == [(1, "2026-11-11T00:00:00"), (2, "2026-11-01T00:00:00"), (6, "2026-11-05T00:00:00")]
    again = run("log", "check", "--db", str(path))
    assert again.exit_code == 0 and again.output == f"{path}: 3 entries, no problems.\n"


def test_log_check_repair_answered_no_changes_nothing(tmp_path):
    path = _poisoned(tmp_path / "ledger.sqlite")
    before = path.read_bytes()
    result = run("log", "check", "--repair", "--db", str(path), input="n\n")
    assert result.exit_code == 1 and result.output.rstrip().endswith("Error: nothing changed")
    assert path.read_bytes() == before


def test_repair_removes_a_reply_whose_ask_is_removed_and_recreates_a_missing_table(tmp_path):
    path = tmp_path / "ledger.sqlite"
    with closing(open_ledger(path)) as conn, conn:
        conn.execute("INSERT INTO entries (id, person_id, name, kind, at) VALUES (1, 'in:a', 'A', 'ask', 'Nov 1 2026')")
        conn.execute("INSERT INTO entries (id, person_id, name, kind, outcome, at, reply_to) "
                     "VALUES (2, 'in:a', 'A', 'reply', 'yes', '2026-11-02T00:00:00', 1)")
        conn.execute("INSERT INTO entries (id, person_id, name, kind, outcome, at) "
                     "VALUES (3, 'in:a', 'A', 'give', 'yes', '2026-11-03T00:00:00')")
    found = check_ledger(path)
    assert [(p.entry, p.action) for p in found.problems] == [(1, "remove"), (2, "remove"), (3, "fix")]
    assert repair_ledger(path, found.problems) == (1, 2)
    assert read_ledger(path)[["id", "outcome"]].to_dict("records") == [{"id": 3, "outcome": ""}]
    with closing(open_ledger(path)) as conn:
        conn.execute("DROP TABLE entries")
    found = check_ledger(path)
    assert [(p.entry, p.problem, p.action) for p in found.problems] == [
        (None, "the ledger has no entries table", "create")]
    assert repair_ledger(path, found.problems) == (0, 0)
    assert check_ledger(path).problems == ()


# ---------------------------------------------------------------------------------------
# Reads create nothing; a foreign database is left byte for byte
# ---------------------------------------------------------------------------------------


def test_reads_never_create_files_or_folders(tmp_path):
    missing = tmp_path / "nowhere" / "ledger.sqlite"
    result = run("log", "list", "--db", str(missing))
    assert result.exit_code == 0 and result.output == "The ledger is empty.\n"
    assert run("log", "list", "Sam Lee", "--db", str(missing)).output == "The ledger is empty.\n"
    assert run("log", "check", "--db", str(missing)).output == f"No ledger at {missing} yet: nothing to check.\n"
    result = run("log", "export", "--output", str(tmp_path / "out.csv"), "--db", str(missing))
    assert "no ledger at" in _one_error_line(result)
    result = run("report", str(EXPORT), *SOURCES, "--db", str(missing))
    assert "no ledger there" in _one_error_line(result)
    assert run("report", str(EXPORT), *SOURCES).exit_code == 0  # the default ledger: absent, so not used
    assert run("log", "list").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_reading_a_ledger_leaves_no_files_behind(tmp_path):
    path = _poisoned(tmp_path / "ledger.sqlite")
    before = sorted(p.name for p in tmp_path.iterdir())
    assert run("log", "list", "--db", str(path)).exit_code == 0
    assert run("log", "check", "--db", str(path)).exit_code == 1
    read_ledger(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == before == ["ledger.sqlite"]


def test_reading_an_old_ledger_upgrades_it_in_memory_only(tmp_path):
    path = tmp_path / "old.sqlite"
    with closing(sqlite3.connect(path)) as old:
        old.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, person_id TEXT NOT NULL, name TEXT NOT NULL "
                    "DEFAULT '', kind TEXT NOT NULL, what TEXT NOT NULL DEFAULT '', outcome TEXT NOT NULL "
                    "DEFAULT '', at TEXT NOT NULL)")
        old.execute("INSERT INTO entries VALUES (1, 'in:a', 'A', 'ask', 'x', '', '2026-11-01T00:00:00')")
        old.execute("INSERT INTO entries VALUES (2, 'in:a', 'A', 'reply', '', 'yes', '2026-11-02T00:00:00')")
        old.execute("PRAGMA user_version = 1")
        old.commit()
    before = path.read_bytes()
    assert read_ledger(path)["reply_to"].tolist()[1] == 1
    assert check_ledger(path).problems == ()
    assert path.read_bytes() == before


def test_another_programs_database_is_refused_and_left_byte_for_byte(tmp_path):
    other = tmp_path / "photos.db"
    with closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER, taken TEXT)")
        conn.execute("INSERT INTO photos VALUES (1, '2020-01-01')")
        conn.commit()
    before = other.read_bytes()
    commands = [["log", "give", "Marcus Oyelaran", "--export", str(EXPORT)], ["log", "list"], ["log", "check"],
                ["log", "export", "--output", str(tmp_path / "x.csv")], ["report", str(EXPORT), *SOURCES]]
    for command in commands:
        result = run(*command, "--db", str(other))
        assert "is a SQLite database of another program (tables: photos)" in _one_error_line(result), command
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["photos.db"]  # no -wal, no -shm, no export


# ---------------------------------------------------------------------------------------
# The export, and finding people without an export
# ---------------------------------------------------------------------------------------


def test_log_export_guards_formula_cells_like_the_report_csv(tmp_path):
    db = str(tmp_path / "ledger.sqlite")
    for what in ('=HYPERLINK("http://evil","x")', "+1 555", "-cmd", "@SUM(A1)", "\tTab", "\rCR", "plain"):
        result = run("log", "give", "Marcus Oyelaran", "--export", str(EXPORT), "--what", what, "--on", "2026-11-01",
                     "--db", db)
        assert result.exit_code == 0, result.output
    out = tmp_path / "ledger.csv"
    assert run("log", "export", "--output", str(out), "--db", db).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"), newline="")))
    assert [r["what"] for r in rows] == ["'=HYPERLINK(\"http://evil\",\"x\")", "'+1 555", "'-cmd", "'@SUM(A1)",
                                         "'\tTab", "'\rCR", "plain"]
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_log_export_never_writes_over_the_ledger(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _poisoned(tmp_path / "ledger.sqlite")
    before = path.read_bytes()
    for target in ("ledger.sqlite", "ledger.sqlite-wal"):
        result = run("log", "export", "--output", target, "--db", str(path))
        assert "refusing to write over the input file" in _one_error_line(result)
    assert path.read_bytes() == before


def test_asking_someone_on_an_empty_ledger_without_an_export_says_to_pass_export(tmp_path):
    db = tmp_path / "ledger.sqlite"
    result = run("log", "ask", "Wanda Warm", "--db", str(db))
    message = _one_error_line(result)
    assert message == ("Error: the ledger has nobody in it yet, so 'Wanda Warm' cannot be found there; "
                       "pass --export YOUR_EXPORT.zip to find them among your connections\n")
    assert "spelling" not in message and not db.exists()
    run("log", "give", "Marcus Oyelaran", "--export", str(EXPORT), "--db", str(db))
    message = _one_error_line(run("log", "ask", "Wanda Warm", "--db", str(db)))
    assert message.startswith("Error: nobody in the ledger is named 'Wanda Warm'")
    assert message.rstrip().endswith("pass --export YOUR_EXPORT.zip to find them among your connections")
    assert run("log", "ask", "Marcus", "--db", str(db), "--on", "2026-11-10").exit_code == 0
