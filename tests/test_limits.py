"""Hostile and odd inputs, through the command line: bounded memory and time, one clean
``Error:`` line, and no row lost without a word (issue 13).

Each case builds its input in a temporary folder, small enough to run in a moment: the
same cases at full size (3 GB zip bombs, a 1 GB field) are timed and measured by
``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import signal
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from builders import Ex, P, write_export, write_targets
from netgraph.cli import main
from netgraph.errors import ExportFormatError, SourceError
from netgraph.io import Limits, read_export, read_user_file, render_inspection, use_limits
from netgraph.sample_data.generate import PREAMBLE

HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
ROWS = [f"Ana{i},Ruiz,https://www.linkedin.com/in/ana-{i},,Acme,Engineer,07 Nov 2023" for i in range(40)]


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


def error_line(result) -> str:
    """The one ``Error:`` line of a failed command (and nothing that looks like a traceback)."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@contextlib.contextmanager
def within(seconds: int):
    """Fail (rather than hang) when the block takes longer than ``seconds``."""
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def connections(rows=ROWS) -> str:
    return PREAMBLE + HEADER + "\n" + "\n".join(rows)


def export_folder(root: Path, files: dict[str, str | bytes]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(content.encode() if isinstance(content, str) else content)
    return root


def zip_of(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return path


def bomb(path: Path, name: str, header: str, size: int, *, extra: dict | None = None) -> Path:
    """A zip whose ``name`` is ``header`` then ``size`` bytes of one repeated row, streamed
    in (never held in memory): it inflates about a thousand times."""
    row = b"Zed,Zero,,,Acme,Engineer,07 Nov 2023\n"
    block = row * (1 << 20 // len(row))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for other, content in (extra or {}).items():
            archive.writestr(other, content)
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(header.encode() + b"\n")
            for _ in range(size // len(block)):
                member.write(block)
    return path


# --------------------------------------------------------------------------------------
# Regular files only


def test_export_given_as_dev_zero_is_refused_before_a_byte_is_read():
    line = error_line(run("inspect", "/dev/zero"))
    assert line.startswith("Error: /dev/zero is a device, not a file: netgraph reads only regular files")


def test_a_fifo_nobody_writes_to_never_blocks(tmp_path):
    fifo = tmp_path / "Basic_LinkedInDataExport.zip"
    os.mkfifo(fifo)
    folder = export_folder(tmp_path / "export", {"messages.csv": "FROM,TO,DATE,CONTENT\n"})
    os.mkfifo(folder / "Connections.csv")
    with within(20):
        assert "is a named pipe (FIFO), not a file" in error_line(run("inspect", fifo))
        line = error_line(run("inspect", folder))
    assert line.startswith(f"Error: {folder / 'Connections.csv'} is a named pipe (FIFO), not a file")


@pytest.mark.parametrize("name, device", [("Connections.csv", "/dev/zero"), ("messages.csv", "/dev/urandom")])
def test_a_link_to_a_device_in_an_export_folder(tmp_path, name, device):
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections()})
    (folder / name).unlink(missing_ok=True)
    (folder / name).symlink_to(device)
    with within(20):
        line = error_line(run("inspect", folder))
    assert line == (f"Error: {folder / name} is a link to a file outside the export folder: netgraph reads only the "
                    "files inside it; copy the file into the folder instead")


def test_a_link_out_of_the_export_folder_is_refused_and_its_content_never_shown(tmp_path):
    secret = tmp_path / "passwd"
    secret.write_text("root:x:0:0:SECRET-LINE:/root:/bin/bash\n")
    folder = export_folder(tmp_path / "export", {})
    (folder / "Connections.csv").symlink_to(secret)
    result = run("inspect", folder)
    assert "outside the export folder" in error_line(result)
    assert "SECRET" not in result.output and "root:" not in result.output


def test_a_link_inside_the_export_folder_is_followed(tmp_path):
    folder = export_folder(tmp_path / "export", {"data/Connections.csv": b""})
    (folder / "data" / "Connections.csv").write_text(connections())
    (folder / "Connections.csv").symlink_to(folder / "data" / "Connections.csv")
    result = run("inspect", folder)
    assert result.exit_code == 0, result.output
    assert "40 connections" in result.output


def test_known_and_contacts_go_through_the_same_door(tmp_path):
    os.mkfifo(tmp_path / "known.csv")
    with within(20), pytest.raises(SourceError) as caught:
        from netgraph.io import read_known

        read_known(tmp_path / "known.csv")
    assert str(caught.value).startswith(f"--known {tmp_path / 'known.csv'} is a named pipe (FIFO), not a file")
    (tmp_path / "contacts.csv").symlink_to("/dev/zero")
    with pytest.raises(SourceError, match="is a device, not a file"):
        from netgraph.io import read_contacts

        read_contacts(tmp_path / "contacts.csv")


def test_read_user_file_the_one_door_for_every_user_file(tmp_path):
    """The targets reader (and any other) reads the user's files through read_user_file."""
    from netgraph.errors import TargetsError

    os.mkfifo(tmp_path / "targets.txt")
    with within(20), pytest.raises(TargetsError, match=r"targets\.txt is a named pipe \(FIFO\)"):
        read_user_file(tmp_path / "targets.txt", error=TargetsError)
    with pytest.raises(TargetsError, match="is a device"):
        read_user_file("/dev/zero", error=TargetsError)
    big = tmp_path / "big.csv"
    big.write_bytes(b"company\n" + b"Acme\n" * 300_000)
    with use_limits(max_file_size=1_000_000), pytest.raises(TargetsError, match="holds more than 1 MB"):
        read_user_file(big, error=TargetsError)


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_targets_file_that_is_a_device_or_a_fifo(tmp_path, target):
    """Through the whole command in a process capped at 1 GB, so that a reader that does
    not go through netgraph.io's door fails instead of taking the machine's memory."""
    import resource
    import subprocess
    import sys

    mine = write_export(tmp_path / "me", Ex(P("Alex", "Rivera", "alex-rivera"), [P("Bo", "Li", "bo-li", "Acme")]))
    targets = tmp_path / "targets.csv"
    if target == "fifo":
        os.mkfifo(targets)
    else:
        targets.symlink_to(target)

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    done = subprocess.run([sys.executable, "-m", "netgraph", "report", str(mine), "--targets", str(targets)],
                          capture_output=True, text=True, timeout=60, preexec_fn=cap)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error: ") and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "not a file" in done.stderr


def test_one_bad_friends_export_among_nine_is_one_error_line(tmp_path):
    """Nine --network exports are read by forked workers; one is a link to /dev/zero."""
    me = P("Alex", "Rivera", "alex-rivera")
    friends = [P(f"Friend{i}", "Doe", f"friend{i}-doe", "Acme") for i in range(9)]
    mine = write_export(tmp_path / "me", Ex(me, friends))
    targets = write_targets(tmp_path / "targets.csv", [("Stripe", 1, "", "")])
    specs = []
    for i, friend in enumerate(friends):
        folder = write_export(tmp_path / f"friend{i}", Ex(friend, [me, P("Dana", f"Stripe{i}", f"dana{i}", "Stripe")]))
        if i == 4:
            (folder / "Connections.csv").unlink()
            bad = tmp_path / "zero.csv"
            bad.symlink_to("/dev/zero")
            specs += ["--network", f"{friend.name}={bad}"]
        else:
            specs += ["--network", f"{friend.name}={folder}"]
    with within(60):
        result = run("report", mine, "--targets", targets, *specs, "--max-file-size", "1MB", "--format", "json")
    assert error_line(result) == (f"Error: {tmp_path / 'zero.csv'} is a device, not a file: netgraph reads only "
                                  "regular files; pass the zip LinkedIn sent you, the folder it unpacks to, or "
                                  "its Connections.csv")


def test_the_errors_of_a_worker_pickle():
    import pickle

    error = ExportFormatError("friend.zip: Connections.csv holds more than 1 MB")
    assert str(pickle.loads(pickle.dumps(error))) == str(error)


# --------------------------------------------------------------------------------------
# Sizes, measured while reading


def test_a_file_over_the_size_limit(tmp_path):
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(ROWS * 1000)})
    assert run("inspect", folder, "--max-file-size", "10MB").exit_code == 0
    line = error_line(run("inspect", folder, "--max-file-size", "1MB"))
    assert line == (f"Error: {folder / 'Connections.csv'} holds more than 1 MB, the limit for one file (no LinkedIn "
                    "export file is that large): if it is genuine, raise the limit with --max-file-size, "
                    "e.g. --max-file-size 4GB")


def test_a_bad_max_file_size_is_a_usage_error(tmp_path):
    result = run("inspect", tmp_path, "--max-file-size", "lots")
    assert result.exit_code == 2
    assert "'lots' is not a size; write it like 500MB, 2GB or 2GiB" in result.output


def test_a_zip_member_over_the_limit_is_stopped_as_it_inflates(tmp_path):
    archive = zip_of(tmp_path / "export.zip", {"Connections.csv": connections(ROWS * 1000)})
    line = error_line(run("inspect", archive, "--max-file-size", "1MB"))
    assert line.startswith(f"Error: {archive}: Connections.csv holds more than 1 MB, the limit for one file")


@pytest.mark.parametrize("name, header", [("Connections.csv", HEADER),
                                          ("messages.csv", "CONVERSATION ID,FROM,TO,DATE,CONTENT")])
def test_a_zip_bomb_is_stopped_early(tmp_path, name, header):
    extra = {"Connections.csv": connections()} if name != "Connections.csv" else None
    archive = bomb(tmp_path / "export.zip", name, header, 64 << 20, extra=extra)
    assert archive.stat().st_size < 1 << 20
    started = time.perf_counter()
    line = error_line(run("inspect", archive))
    assert time.perf_counter() - started < 5
    assert line.startswith(f"Error: {archive}: {name} inflates to more than 100 times its compressed size (")
    assert "looks like a zip bomb" in line
    inflated = re.search(r"compressed size \(([\d.]+) (MiB|MB) from", line)
    assert inflated and float(inflated.group(1)) < 20  # stopped after a few megabytes of the 64


def test_a_zip_directory_that_lies_about_the_size(tmp_path):
    """The central directory says 1 KB; the data inflates to 5 MB: what is read decides."""
    archive = zip_of(tmp_path / "export.zip", {"Connections.csv": connections(ROWS * 2000)})
    data = bytearray(archive.read_bytes())
    at = data.rindex(b"PK\x01\x02")  # the central directory entry of the one member
    struct.pack_into("<I", data, at + 24, 1024)  # its uncompressed size
    archive.write_bytes(bytes(data))
    line = error_line(run("inspect", archive))
    assert line.startswith(f"Error: {archive}: Connections.csv cannot be extracted (")
    assert "the zip may be damaged" in line


def test_one_zip_inside_the_export_zip_is_opened_but_not_a_third(tmp_path):
    inner = zip_of(tmp_path / "inner.zip", {"Connections.csv": connections()})
    middle = zip_of(tmp_path / "middle.zip", {"Basic_LinkedInDataExport.zip": inner.read_bytes()})
    result = run("inspect", middle)
    assert result.exit_code == 0 and "40 connections" in result.output
    outer = zip_of(tmp_path / "outer.zip", {"export.zip": middle.read_bytes()})
    line = error_line(run("inspect", outer))
    assert line == (f"Error: {outer}/export.zip/Basic_LinkedInDataExport.zip is a zip inside a zip inside the "
                    "export's zip: netgraph opens one zip inside the export's zip at most. Unpack the zips and "
                    "pass the folder with Connections.csv")


def test_a_zip_inside_a_zip_that_is_a_bomb(tmp_path):
    inner = bomb(tmp_path / "inner.zip", "Connections.csv", HEADER, 32 << 20)
    outer = zip_of(tmp_path / "outer.zip", {"export.zip": inner.read_bytes()})
    assert "looks like a zip bomb" in error_line(run("inspect", outer))


# --------------------------------------------------------------------------------------
# Giant fields: the row is skipped with its line, the field never held whole


def _giant_position(path: Path, field: bytes) -> Path:
    with path.open("wb") as handle:
        handle.write((connections(ROWS[:3]) + "\nGus,Giant,,,Acme,").encode())
        for at in range(0, len(field), 1 << 20):
            handle.write(field[at:at + (1 << 20)])
        handle.write((",07 Nov 2023\n" + "\n".join(ROWS[3:6])).encode())
    return path


def _peak_of(read) -> tuple[object, int]:
    tracemalloc.start()
    try:
        result = read()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_giant_position_is_a_skipped_row_held_at_most_once(tmp_path):
    (tmp_path / "export").mkdir()
    path = _giant_position(tmp_path / "export" / "Connections.csv", b"x" * (30 << 20))
    export, peak = _peak_of(lambda: read_export(path.parent))
    assert peak < 45 << 20  # never more than one copy of the 31.5 MB field
    assert len(export.connections) == 6
    assert export.skipped[["line", "reason", "detail"]].values.tolist() == [
        [8, "longer than 1 MiB, the limit for one row", "31.5 MB in 'Position'"]]
    text = render_inspection(export)
    assert "connections: 6 of 7 rows used" in text
    assert "Connections.csv line 8: longer than 1 MiB, the limit for one row (31.5 MB in 'Position')" \
        in text.replace("\n    ", " ")


def test_a_giant_position_in_a_zip_is_held_at_most_once(tmp_path):
    import base64

    field = base64.b64encode(os.urandom(24 << 20))  # 32 MiB that inflate like real text
    csv = _giant_position(tmp_path / "Connections.csv", field)
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.write(csv, "Connections.csv")
    csv.unlink()
    del field
    export, peak = _peak_of(lambda: read_export(archive))
    assert peak < 48 << 20
    assert len(export.connections) == 6 and export.skipped["line"].tolist() == [8]


class _Endless:
    """A stream of ``size`` bytes: a header, one row, then one giant line, made as it is read."""

    def __init__(self, size: int) -> None:
        self.head, self.left = b"a,b\n1,2\n", size

    def read(self, n: int = -1) -> bytes:
        if self.head:
            out, self.head = self.head, b""
            return out
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        return b"x" * n if self.left else b"x" * (n - 1) + b"\n" if n else b""


def test_a_streamed_giant_line_is_never_held_whole():
    from netgraph.io._load import load

    loaded, peak = _peak_of(lambda: load(_Endless(200 << 20), "big.csv"))
    assert peak < 8 << 20  # 200 MiB went through, a few MiB at a time
    assert loaded.data == b"a,b\n1,2\n\n"
    assert [(b.line, b.size) for b in loaded.blanks] == [(3, (200 << 20) - 1)]


def test_a_giant_company_at_a_target_through_report(tmp_path):
    me = P("Alex", "Rivera", "alex-rivera")
    mine = write_export(tmp_path / "me", Ex(me, [P("Bo", "Li", "bo-li", "Stripe", "Engineer")]))
    with (mine / "Connections.csv").open("a") as handle:
        handle.write('\nHuge,Company,,,"Stripe ' + "a.com " * 500_000 + '",Engineer,07 Nov 2023')
    targets = write_targets(tmp_path / "targets.csv", [("Stripe", 1, "", "")])
    started = time.perf_counter()
    result = run("report", mine, "--targets", targets, "--format", "json", "--as-of", "2026-11-20")
    assert result.exit_code == 0, result.output
    assert time.perf_counter() - started < 10
    assert "Bo Li" in result.output and "Huge Company" not in result.output


def test_the_row_limit_can_be_changed(tmp_path):
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(
        ROWS[:2] + ["Long,Row,,,Acme," + "p" * 5000 + ",07 Nov 2023"] + ROWS[2:4])})
    assert len(read_export(folder).connections) == 5
    export = read_export(folder, limits=Limits(max_row=4096))
    assert len(export.connections) == 4
    assert export.skipped["detail"].tolist() == ["5 kB in 'Position'"]


# --------------------------------------------------------------------------------------
# No silent loss: quotes that swallow rows


def test_a_quote_that_never_closes_loses_one_row_not_forty(tmp_path):
    rows = ROWS[:1] + ['Bo,Li,,,"Acme,Engineer,07 Nov 2023'] + ROWS[1:40]
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(rows)})
    result = run("inspect", folder)
    assert result.exit_code == 0, result.output
    assert "connections: 40 of 41 rows used" in result.output
    assert "Connections.csv: a quote opened on this line never closes (1)" in result.output
    assert "line 6: lines 7-45 would be part of it: this line is skipped, they are read as the rows they are" \
        in result.output.replace("\n      ", " ")
    export = read_export(folder)
    assert export.notes == ("Connections.csv line 6: a quote opened on this line never closes (lines 7-45 would "
                            "be part of it: this line is skipped, they are read as the rows they are)",)


def test_a_quote_that_closes_lines_later_is_reported_where_it_began(tmp_path):
    rows = ROWS[:2] + ['Bo,Li,,,"Acme,Engineer,07 Nov 2023'] + ROWS[2:6] + \
        ['Cy,Wu,,,Globex",Engineer,07 Nov 2023'] + ROWS[6:9]
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(rows)})
    export = read_export(folder)
    info = export.files.set_index("kind").loc["connections"]
    assert (info["rows"], info["used"], len(export.skipped)) == (11, 10, 1)
    assert export.skipped[["line", "reason"]].values.tolist() == [
        [7, "a quote opened on this line swallows the lines after it"]]
    assert export.skipped["detail"].iat[0].startswith("lines 7-12 were read as one row")
    assert "Connections.csv line 7: a quote opened on this line swallows the lines after it" in export.notes[0]


def test_a_quoted_field_with_line_breaks_is_not_damage(tmp_path):
    rows = ROWS[:2] + ['Bo,Li,,,Globex,"Staff Engineer\nPlatform Team",14 Mar 2019'] + ROWS[2:4]
    export = read_export(export_folder(tmp_path / "export", {"Connections.csv": connections(rows)}))
    assert len(export.connections) == 5 and export.skipped.empty and export.notes == ()


def test_a_messages_file_whose_last_quote_never_closes(tmp_path):
    header = "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT," \
             "CONTENT,FOLDER"
    me, bo = "https://www.linkedin.com/in/alex-rivera", "https://www.linkedin.com/in/ana-1"
    lines = [f"2-A,,Ana1 Ruiz,{bo},Alex Rivera,{me},2024-01-0{d} 10:00:00 UTC,,hi,INBOX" for d in range(1, 4)]
    lines.insert(1, f'2-A,,Ana1 Ruiz,{bo},Alex Rivera,{me},2024-01-05 10:00:00 UTC,,"oops,INBOX')
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(),
                                                 "messages.csv": header + "\n" + "\n".join(lines) + "\n"})
    export = read_export(folder)
    assert len(export.messages) == 3
    assert export.skipped[["file", "line", "reason"]].values.tolist() == [
        ["messages.csv", 3, "a quote opened on this line never closes"]]


# --------------------------------------------------------------------------------------
# Dates: per row when a file mixes formats


def test_mixed_excel_and_linkedin_dates_are_both_read(tmp_path):
    rows = [f"P{i},Q,,,Acme,Eng,{d}" for i, d in enumerate(["30-oct-09", "5-Jan-26", "9-Sep-22", "01 Dec 2016",
                                                              "14 Mar 2019", "31/31/2020"])]
    export = read_export(export_folder(tmp_path / "export", {"Connections.csv": connections(rows)}))
    days = export.connections["connected_on"].dt.strftime("%Y-%m-%d").tolist()
    assert days == ["2009-10-30", "2026-01-05", "2022-09-09", "2016-12-01", "2019-03-14"]
    assert export.skipped["reason"].tolist() == ["'Connected On' is not a date like '07-Nov-23'"]


def test_day_first_and_month_first_are_never_mixed(tmp_path):
    rows = [f"P{i},Q,,,Acme,Eng,{d}" for i, d in enumerate(["13/02/2020", "25/12/2019", "02/13/2020",
                                                              "2021-04-05", "01 Dec 2016"])]
    export = read_export(export_folder(tmp_path / "export", {"Connections.csv": connections(rows)}))
    days = export.connections["connected_on"].dt.strftime("%Y-%m-%d").tolist()
    assert days == ["2020-02-13", "2019-12-25", "2021-04-05", "2016-12-01"]  # 02/13 is not read day-first
    assert export.skipped["line"].tolist() == [7]


def test_inspect_says_when_no_row_has_a_date(tmp_path):
    rows = [f"P{i},Q,,,Acme,Eng," for i in range(3)]
    result = run("inspect", export_folder(tmp_path / "export", {"Connections.csv": connections(rows)}))
    assert result.exit_code == 0, result.output
    assert "utf-8, comma-separated, no row has a date" in result.output


# --------------------------------------------------------------------------------------
# Real exports read only in part


MESSAGES = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,"
            "CONTENT,FOLDER\n"
            "2-A,,Alex Rivera,https://www.linkedin.com/in/alex-rivera,\"Ana1 Ruiz, Ana2 Ruiz\","
            "\"https://www.linkedin.com/in/ana-1,https://www.linkedin.com/in/ana-2\",2024-01-02 10:00:00 UTC,,hi,SENT\n"
            "2-A,,Ana1 Ruiz,https://www.linkedin.com/in/ana-1,\"Alex Rivera, Ana2 Ruiz\","
            "\"https://www.linkedin.com/in/alex-rivera,https://www.linkedin.com/in/ana-2\","
            "2024-01-03 10:00:00 UTC,,hey,INBOX\n")
INVITATIONS = ("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
               "Alex Rivera,Ana3 Ruiz,\"3/7/24, 9:15 AM\",,OUTGOING,https://www.linkedin.com/in/alex-rivera,"
               "https://www.linkedin.com/in/ana-3\n")


@pytest.mark.parametrize("messages, invitations", [("messages1.csv", "Invitations (1).csv"),
                                                   ("messages (1).csv", "Invitations1.csv"),
                                                   ("LinkedIn messages export.csv", "my invites.csv")])
def test_renamed_files_are_recognised(tmp_path, messages, invitations):
    folder = export_folder(tmp_path / "export", {"Connections1.csv": connections(), messages: MESSAGES,
                                                 invitations: INVITATIONS})
    result = run("inspect", folder)
    assert result.exit_code == 0, result.output
    assert "Owner:  Alex Rivera, https://www.linkedin.com/in/alex-rivera" in result.output
    assert f"{messages}" in result.output and "messages: 2 of 2 rows used" in result.output.replace("\n", " ")
    assert "1 invitation" in result.output and "Other files, not needed" not in result.output


def test_the_message_counts_are_labelled(tmp_path):
    folder = export_folder(tmp_path / "export", {"Connections.csv": connections(), "messages.csv": MESSAGES,
                                                 "Invitations.csv": INVITATIONS})
    output = run("inspect", folder).output
    assert "messages.csv                    messages: 2 of 2 rows used" in output
    assert "  2 messages (rows of messages.csv used; 1 sent by you) with 2 people\n" \
           "    3 message-person pairs (a group message counts once per person)" in output


NAMELESS = ("Company,Position,Connected On\nAcme,Engineer,07 Nov 2023\nAcme,Designer,08 Nov 2023\n"
            "NA,Founder,01 Jan 2020\n")


def test_a_file_without_name_columns_works_for_companies_and_inspect(tmp_path):
    folder = export_folder(tmp_path / "export", {"Connections.csv": NAMELESS})
    result = run("companies", folder)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].startswith("Acme")
    assert "Note: Connections.csv has no name columns (only Company, Position, Connected On): companies can be " \
           "counted, but nobody can be named" in result.output
    result = run("inspect", folder)
    assert result.exit_code == 0, result.output
    assert "connections: 3 of 3 rows used" in result.output and "has no name columns" in result.output


def test_a_file_without_name_columns_is_a_clear_error_for_report(tmp_path):
    folder = export_folder(tmp_path / "export", {"Connections.csv": NAMELESS})
    targets = write_targets(tmp_path / "targets.csv", [("Acme", 1, "", "")])
    line = error_line(run("report", folder, "--targets", targets))
    assert line == ("Error: Connections.csv line 1: there are no name columns (the header has Company, Position, "
                    "Connected On), so nobody can be named, matched to messages or introduced: pass "
                    "Connections.csv as LinkedIn wrote it (with First Name, Last Name and URL). `netgraph "
                    "companies` and `netgraph inspect` work on this file")


def test_null_like_company_cells_are_no_company_and_counted(tmp_path):
    rows = [f"P{i},Q,,{e},{c},Eng,07 Nov 2023" for i, (c, e) in enumerate(
        [("NA", "NA"), ("N/A", ""), ("-", ""), ("null", ""), ("None", ""), ("n.a.", ""), ("Acme", ""), ("Nasa", "")])]
    export = read_export(export_folder(tmp_path / "export", {"Connections.csv": connections(rows)}))
    assert export.connections["company"].tolist() == [""] * 6 + ["Acme", "Nasa"]
    assert export.connections["email"].tolist() == [""] * 8
    assert len(set(export.connections["person_id"])) == 8  # 'NA' e-mails did not make them one person
    text = render_inspection(export)
    assert "Connections.csv: 6 'Company' cells say 'NA', 'N/A', '-' (how R and Excel re-saves write an empty " \
           "cell): read as empty" in text.replace("\n    ", " ")


# --------------------------------------------------------------------------------------
# Linear time in the reader, whatever the length of a field


def test_long_fields_are_read_in_linear_time(tmp_path):
    from netgraph.io._dates import CONNECTED_ON, parse_dates
    from netgraph.io._messages import _names_in

    timings = []
    for n in (50_000, 400_000):
        started = time.perf_counter()
        _names_in("Ana Ruiz" + ", PhD" * n)
        parse_dates(["1 " + "Jan " * n + "2020", "07 Nov 2023"], CONNECTED_ON)
        timings.append(time.perf_counter() - started)
    assert timings[1] < 1.0 and timings[1] < 20 * timings[0] + 0.05


def test_many_fields_in_one_row_of_a_file(tmp_path):
    wide = "Wide,Row,,,Acme,Eng,07 Nov 2023" + ",x" * 100_000
    export = read_export(export_folder(tmp_path / "export", {"Connections.csv": connections(ROWS[:2] + [wide])}))
    assert len(export.connections) == 2
    assert export.skipped["reason"].tolist() == ["more fields than the header has"]


def test_load_keeps_lines_and_blanks_only_the_long_ones():
    from netgraph.io._load import load

    data = b"a,b\n1,2\n" + b"x" * 5000 + b"\n3,4\n" + b"y" * 5000
    loaded = load(io.BytesIO(data), "f.csv", limits=Limits(max_row=4096))
    assert loaded.data == b"a,b\n1,2\n\n3,4\n"
    assert [(b.line, b.size) for b in loaded.blanks] == [(3, 5000), (5, 5000)]


def test_an_encrypted_zip_says_so_in_one_line(tmp_path):
    import io
    import zipfile

    from click.testing import CliRunner

    from netgraph.cli import main

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("Connections.csv", "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                      "Ann,Bell,,,Acme,Dev,07 Nov 2023\n")
    data = bytearray(buf.getvalue())
    data[6] |= 1  # the local header's "encrypted" flag
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 1  # and the central directory's
    path = tmp_path / "export.zip"
    path.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["inspect", str(path)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {path}: Connections.csv is encrypted (password-protected): download the export again from "
        "LinkedIn, or unpack it with its password and pass the folder"]
    assert "ZipInfo" not in result.output
