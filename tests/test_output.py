"""The one safe writer: never over an input, only into a regular file, whole or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import netgraph.output
from netgraph.errors import NetgraphError
from netgraph.output import check_output, spreadsheet_safe, terminal_safe, write_output


def test_a_fifo_is_refused_without_being_opened(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it for writing would block: the check must only look
    with pytest.raises(NetgraphError, match=r"refusing to write the report to .*pipe: it is a pipe \(FIFO\), "
                                            r"not a regular file"):
        write_output("# Plan\n", fifo, what="the report")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


def test_a_link_to_a_fifo_like_dev_stdout_in_a_pipe_is_refused(tmp_path):
    fifo = tmp_path / "fd1"
    os.mkfifo(fifo)
    stdout = tmp_path / "stdout"  # what /dev/stdout is when the output is piped
    stdout.symlink_to(fifo)
    with pytest.raises(NetgraphError, match="it is a pipe"):
        write_output("x", stdout)
    assert stdout.is_symlink() and os.readlink(stdout) == str(fifo)


def test_a_character_device_is_refused_and_left_alone(tmp_path, monkeypatch):
    full = tmp_path / "full"  # stands in for /dev/full: stat says it is a character device
    full.write_bytes(b"")
    real_stat = os.stat

    def fake_stat(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if Path(path) == full:
            return os.stat_result((stat.S_IFCHR | 0o666, *tuple(result)[1:]))
        return result

    monkeypatch.setattr(os, "stat", fake_stat)
    with pytest.raises(NetgraphError, match="it is a device, not a regular file; choose a file name for --output"):
        write_output("x", full)
    monkeypatch.undo()
    assert full.read_bytes() == b"" and sorted(p.name for p in tmp_path.iterdir()) == ["full"]


def test_a_file_under_a_device_folder_is_refused_even_when_regular(tmp_path, monkeypatch):
    dev = tmp_path / "dev"
    dev.mkdir()
    monkeypatch.setattr(netgraph.output, "_SYSTEM_FOLDERS", (dev,))
    redirected = tmp_path / "out.md"  # /dev/stdout when the shell sent it to a file
    redirected.write_text("keep\n")
    (dev / "stdout").symlink_to(redirected)
    for target in (dev / "stdout", dev / "newfile"):
        with pytest.raises(NetgraphError, match="device or system path"):
            write_output("x", target)
    assert redirected.read_text() == "keep\n" and not (dev / "newfile").exists()


def test_a_folder_and_a_link_to_a_folder_are_refused(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    link = tmp_path / "link"
    link.symlink_to(folder)
    for target in (folder, link):
        with pytest.raises(NetgraphError, match="it is a folder, not a regular file; give a file name"):
            write_output("x", target)
    assert list(folder.iterdir()) == []


def test_a_link_to_a_regular_file_writes_through_and_keeps_the_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "report.md"
    link.symlink_to(real)
    write_output("new\n", link)
    assert link.is_symlink() and real.read_text() == "new\n"


def test_a_legal_250_byte_file_name_is_written(tmp_path):
    name = "r" * 246 + ".csv"
    assert len(name.encode()) == 250
    write_output("a,b\r\n", tmp_path / name)
    assert (tmp_path / name).read_text() == "a,b\n"
    write_output("c,d\r\n", tmp_path / name)  # and replaced
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_an_existing_file_keeps_its_mode_and_a_new_one_follows_the_umask(tmp_path):
    private = tmp_path / "map.png"
    private.write_bytes(b"old")
    private.chmod(0o600)
    write_output(b"\x89PNG new", private)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600 and private.read_bytes() == b"\x89PNG new"
    old = os.umask(0o027)
    try:
        write_output("x", tmp_path / "new.md")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o640


@pytest.mark.parametrize("inside", ["Connections.csv", "sub/messages.csv"])
def test_an_existing_file_inside_an_input_folder_is_refused(tmp_path, inside):
    export = tmp_path / "export"
    (export / "sub").mkdir(parents=True)
    (export / inside).write_text("First Name\n")
    with pytest.raises(NetgraphError, match="refusing to write over the input file .*one of your input files"):
        write_output("PNG", export / inside, inputs=[export])
    assert (export / inside).read_text() == "First Name\n"


def test_the_ledger_and_its_wal_and_shm_files_are_inputs(tmp_path):
    from netgraph.ledger import ledger_files

    ledger = tmp_path / "ledger.sqlite"
    ledger.write_bytes(b"SQLite format 3\x00")
    for target in ledger_files(ledger):
        with pytest.raises(NetgraphError, match="refusing to write over the input file"):
            write_output("x", target, inputs=ledger_files(ledger))
    assert ledger.read_bytes() == b"SQLite format 3\x00"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.sqlite"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old\n")

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(NetgraphError, match=r"cannot write the output to .*report.md: No space left on device"):
        write_output("new\n" * 1000, target)
    assert target.read_text() == "old\n" and [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_check_output_refuses_before_any_work_and_names_the_input(tmp_path):
    (tmp_path / "sub").mkdir()
    targets = tmp_path / "targets.csv"
    targets.write_text("company\nStripe\n")
    with pytest.raises(NetgraphError) as info:
        check_output(f"{tmp_path}/sub/../targets.csv", inputs=[None, "", targets])
    assert str(info.value) == (f"refusing to write over the input file {targets} (--output {tmp_path}/sub/../"
                               "targets.csv is one of your input files); choose another --output")
    assert check_output(tmp_path / "plan.md", inputs=[targets]) == tmp_path.resolve() / "plan.md"


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")"),
    ("+1 555", "'+1 555"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("  =1+1", "'  =1+1"), ("Sam Lee", "Sam Lee"), ("", ""), (0.5, 0.5), (None, None),
])
def test_spreadsheet_safe_quotes_every_formula_start(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_terminal_safe_strips_c0_c1_and_del_but_keeps_text_tabs_and_newlines():
    hostile = "Sam\x1b]0;pwned\x07 Lee\x1b[2J\x9b31m\x7f\x00\tStripe 🚀 نور\r\nnext\rline\n"
    assert terminal_safe(hostile) == "Sam]0;pwned Lee[2J31m\tStripe 🚀 نور\nnextline\n"
