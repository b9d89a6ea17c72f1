"""Promises the command line keeps under attack: no output over an input (the ledger
included), none into a device or a pipe, modes kept, --db wherever the ledger is read,
and no control character from the data reaching the terminal."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from contextlib import closing

import pytest
from click.testing import CliRunner

from builders import Ex, P, messages, write_export, write_targets
from netgraph.cli import main
from netgraph.ledger import add_entry, open_ledger
from netgraph.sample_data import AS_OF, EXPORT, TARGETS, network_specs

SAMPLE = ["--targets", str(TARGETS), "--as-of", AS_OF]
for _spec in network_specs():
    SAMPLE += ["--network", _spec]
# C0 controls but tab and newline, DEL, C1 controls: none may reach the terminal.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
AS_OF_DAY = dt.date.fromisoformat(AS_OF)


def run(*args: str, **kwargs):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kwargs)


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1, result.output
    return result.output


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """An export folder, a friend's export folder and a targets file."""
    folder = tmp_path_factory.mktemp("small")
    me = P("Alex", "Rivera", "alex-rivera")
    sam = P("Sam", "Lee", "sam-lee", "Acme", "Engineer", "2019-01-01")
    people = [sam, P("Maya", "Chen", "maya-chen", "Stripe", "Engineering Manager", "2020-01-01")]
    export = write_export(folder / "export", Ex(me, people, messages=messages(sam, both=4, start="2026-06-01")))
    friend = write_export(folder / "sam", Ex(sam, [P("Dana", "Cohen", "dana-cohen", "Stripe", "Engineer")]))
    targets = write_targets(folder / "targets.csv", [("Stripe", 1, "", "")])
    return export, friend, targets


def _small_args(small, *extra):
    export, friend, targets = small
    return [str(export), "--targets", str(targets), "--network", f"Sam Lee={friend}", "--as-of", AS_OF, *extra]


# ---------------------------------------------------------------------------------------
# Never over an input: the ledger, the export's files, a friend's folder
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["report"], ["map"], ["report", "--format", "csv"]])
@pytest.mark.parametrize("name", ["ledger.sqlite", "ledger.sqlite-wal"])
def test_the_ledger_is_an_input_and_never_written_over(small, tmp_path, monkeypatch, command, name):
    monkeypatch.chdir(tmp_path)
    ledger = tmp_path / "ledger.sqlite"
    monkeypatch.setenv("NETGRAPH_LEDGER", str(ledger))
    with closing(open_ledger(ledger)) as conn:
        add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="give", what="a talk", at=AS_OF_DAY)
    before = ledger.read_bytes()
    result = run(command[0], *_small_args(small, *command[1:], "--output", name))
    assert "refusing to write over the input file" in _one_error_line(result)
    assert ledger.read_bytes() == before and not (tmp_path / "ledger.sqlite-wal").exists()


def test_an_explicit_db_is_an_input_too(small, tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "default.sqlite"))
    db = tmp_path / "mine.sqlite"
    with closing(open_ledger(db)) as conn:
        add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="give", at=AS_OF_DAY)
    before = db.read_bytes()
    for command in ("report", "map"):
        result = run(command, *_small_args(small, "--db", str(db), "--output", str(db)))
        assert "refusing to write over the input file" in _one_error_line(result)
    assert db.read_bytes() == before


@pytest.mark.parametrize("where", ["export", "sam"])
def test_the_map_never_replaces_a_file_in_the_export_or_a_friends_folder(small, where, monkeypatch, tmp_path):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))
    folder = small[0] if where == "export" else small[1]
    victim = folder / "Connections.csv"
    before = victim.read_bytes()
    for command in ("map", "report"):
        result = run(command, *_small_args(small, "--output", str(victim)))
        assert "refusing to write over the input file" in _one_error_line(result)
    assert victim.read_bytes() == before


# ---------------------------------------------------------------------------------------
# Only into a regular file; names and modes
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["report", "map"])
def test_a_pipe_or_a_link_to_one_is_refused_in_one_line(small, tmp_path, monkeypatch, command):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    stdout = tmp_path / "stdout"  # /dev/stdout when the output is piped: a link to a pipe
    stdout.symlink_to(fifo)
    for target in (fifo, stdout):
        message = _one_error_line(run(command, *_small_args(small, "--output", str(target))))
        assert "it is a pipe (FIFO), not a regular file; choose a file name for --output" in message
    assert stat.S_ISFIFO(os.stat(fifo).st_mode) and stdout.is_symlink()


def test_a_private_map_stays_private_and_a_250_byte_name_works(small, tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))
    private = tmp_path / "map.png"
    private.write_bytes(b"old")
    private.chmod(0o600)
    assert run("map", *_small_args(small, "--output", str(private))).exit_code == 0
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_bytes()[:4] == b"\x89PNG"
    long = tmp_path / ("r" * 247 + ".md")
    assert len(long.name.encode()) == 250
    result = run("report", *_small_args(small, "--output", str(long)))
    assert result.exit_code == 0, result.output
    assert long.read_text(encoding="utf-8").startswith("#")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["map.png", long.name])


# ---------------------------------------------------------------------------------------
# --db wherever the ledger is read
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["report"], ["draft", "--target", "Stripe"], ["map", "--output", "MAP"],
                                     ["nurture"]])
def test_db_is_accepted_wherever_the_ledger_is_read(tmp_path, monkeypatch, command):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "default.sqlite"))
    command = [str(tmp_path / "map.png") if part == "MAP" else part for part in command]
    missing = tmp_path / "typo.sqlite"
    message = _one_error_line(run(command[0], str(EXPORT), *SAMPLE, *command[1:], "--db", str(missing)))
    assert f"{missing}: no ledger there; check the path" in message
    db = tmp_path / "ledger.sqlite"
    with closing(open_ledger(db)) as conn:
        add_entry(conn, person_id="in:theo-lindqvist", name="Theo Lindqvist", kind="ask", at=AS_OF_DAY.replace(day=11))
    result = run(command[0], str(EXPORT), *SAMPLE, *command[1:], "--db", str(db))
    assert result.exit_code == 0, result.output
    assert not missing.exists() and not (tmp_path / "default.sqlite").exists()


def test_the_ledger_given_with_db_changes_the_report(tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "default.sqlite"))
    db = tmp_path / "ledger.sqlite"
    result = run("log", "ask", "Theo Lindqvist", "--export", str(EXPORT), "--on", "2026-11-11", "--db", str(db))
    assert result.exit_code == 0, result.output
    with_ledger = run("report", str(EXPORT), *SAMPLE, "--db", str(db)).output
    without = run("report", str(EXPORT), *SAMPLE).output
    assert "you asked them 9 days ago, no reply yet: wait 21 more days before asking again" in with_ledger
    assert "you asked them" not in without


# ---------------------------------------------------------------------------------------
# The terminal sees text, never control sequences from the data
# ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def escapes(tmp_path_factory):
    """Exports whose names, companies and positions carry terminal escape sequences."""
    folder = tmp_path_factory.mktemp("escapes")
    me = P("Alex", "Rivera", "alex-rivera")
    evil = P("Eve\x1b]0;pwned\x07", "Esc\x1b[2J", "eve-esc", "Stripe", "Engineer\x9b1m\x07", "2015-01-01")
    other = P("Rob", "Cr\rLf", "rob-cr", "Acme\x1b[8m", "Lead\x7f", "2014-01-01")
    old = write_export(folder / "old", Ex(me, [P("Eve\x1b]0;pwned\x07", "Esc\x1b[2J", "eve-esc", "Acme", "Intern",
                                                  "2015-01-01")]))
    new = write_export(folder / "new", Ex(me, [evil, other]))
    targets = write_targets(folder / "targets.csv", [("Stripe", 1, "", "")])
    return old, new, targets


def test_no_control_character_from_the_data_reaches_the_terminal(escapes, tmp_path, monkeypatch):
    monkeypatch.setenv("NETGRAPH_LEDGER", str(tmp_path / "ledger.sqlite"))
    old, new, targets = escapes
    common = [str(new), "--targets", str(targets), "--as-of", AS_OF]
    db = str(tmp_path / "ledger.sqlite")
    assert run("log", "give", "Eve", "--export", str(new), "--what", "a link\x1b[2J", "--on", "2026-11-01",
               "--db", db).exit_code == 0
    outputs = {
        "companies": run("companies", str(new), "--targets", str(targets)),
        "nurture": run("nurture", *common, "--db", db),
        "diff": run("diff", str(old), str(new), "--targets", str(targets)),
        "log list": run("log", "list", "--as-of", AS_OF, "--db", db),
        "log list PERSON": run("log", "list", "Eve", "--db", db),
        "markdown": run("report", *common),
        "draft": run("draft", *common, "--target", "Stripe"),
        "inspect": run("inspect", str(new)),
        "error": run("log", "ask", "Nobody\x1b[2J", "--db", db),
    }
    for command, result in outputs.items():
        assert result.exit_code == (1 if command == "error" else 0), (command, result.output)
        assert not CONTROL.search(result.output), (command, repr(result.output))
    assert "Esc\\[2J" in outputs["markdown"].output  # the text stays (Markdown-escaped), the control bytes go
    assert "a link[2J" in outputs["log list PERSON"].output

