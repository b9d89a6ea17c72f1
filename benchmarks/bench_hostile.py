"""Hostile inputs, each run as a whole ``netgraph`` process: wall time and peak memory.

Builds every hostile case of issue 13 in a temporary folder (zip bombs of 3 GB inflated
size streamed into ``zipfile`` without holding them in memory, a zip inside a zip, a
central directory that lies, links to ``/dev/zero`` and ``/dev/urandom``, a FIFO, a 1 GB
field, a 100 MB company, long company names), runs ``netgraph`` on each in a fresh
process, and measures from the operating system:

* wall time, with a 120 s timeout (the process group is killed then);
* peak resident memory of the process and the workers it forked (``os.wait4``'s
  ``ru_maxrss``).

Goal: every case ends in under 10 s, with a peak under 500 MB, with exit status 0 or 1
and, for 1, one ``Error: ...`` line and no traceback. Run::

    python benchmarks/bench_hostile.py [--only NAME] [--keep DIR]

Building the inputs takes about a minute and 5 GB of disk (a 1 GB field, 3 GB bombs
compress to a few MB each); ``--keep DIR`` builds them there once and reuses them.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from netgraph.sample_data.generate import PREAMBLE

GB = 1000 ** 3
MB = 1000 ** 2
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
MESSAGES_HEADER = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,"
                   "SUBJECT,CONTENT,FOLDER")
ROW = b"Zed,Zero,,,Acme,Engineer,07 Nov 2023\n"
TIMEOUT = 120
GOAL_SECONDS, GOAL_MB = 10, 500


def connections(n: int = 50, company: str = "Acme") -> str:
    rows = [f"Ana{i},Ruiz,https://www.linkedin.com/in/ana-{i},,{company if i % 5 == 0 else 'Globex'},Engineer,"
            f"07 Nov 2023" for i in range(n)]
    return PREAMBLE + HEADER + "\n" + "\n".join(rows)


def profile(first: str, last: str) -> str:
    return ("First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,"
            f"Twitter Handles,Websites,Instant Messengers\n{first},{last},,,,,,,,,,,\n")


def folder(path: Path, files: dict[str, str]) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


def _chunks(size: int, zeros: bool):
    block = bytes(1 << 20) if zeros else ROW * ((1 << 20) // len(ROW))
    for _ in range(-(-size // len(block))):  # at least ``size`` bytes
        yield block


def bomb(path: Path, name: str, header: str, size: int, *, zeros: bool = False,
         extra: dict[str, str] | None = None) -> Path:
    """A zip whose ``name`` inflates to ``size`` bytes (repeated rows or zeros), streamed
    into ``zipfile`` a megabyte at a time."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9 if zeros else 6) as archive:
        for other, text in (extra or {}).items():
            archive.writestr(other, text)
        with archive.open(name, "w", force_zip64=True) as member:
            member.write(header.encode() + b"\n")
            for block in _chunks(size, zeros):
                member.write(block)
    return path


def lying_zip(path: Path, name: str, header: str, size: int) -> Path:
    """One member whose local header and central directory both say 1 KB, compressed
    and inflated, while its deflated data inflates to ``size`` bytes (written by hand)."""
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    crc, body = 0, bytearray()
    for block in [header.encode() + b"\n", *_chunks(size, False)]:
        crc = zlib.crc32(block, crc)
        body += deflate.compress(block)
    body += deflate.flush()
    encoded = name.encode()
    lie = 1024
    local = struct.pack("<4s5H3I2H", b"PK\x03\x04", 20, 0, 8, 0, 0x21, crc, lie, lie, len(encoded), 0)
    central = struct.pack("<4s6H3I5H2I", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, crc, lie, lie, len(encoded),
                          0, 0, 0, 0, 0, 0)
    with path.open("wb") as out:
        out.write(local + encoded)
        out.write(body)
        start = out.tell()
        out.write(central + encoded)
        end = struct.pack("<4s4H2IH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(encoded), start, 0)
        out.write(end)
    return path


def zip_holding(path: Path, inner: Path, name: str = "export.zip") -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.write(inner, name)
    return path


def giant_field(path: Path, size: int, *, column: str) -> Path:
    """Connections.csv with one row whose ``column`` (Position or Company) holds ``size`` bytes."""
    path.mkdir(parents=True, exist_ok=True)
    with (path / "Connections.csv").open("w", encoding="utf-8") as out:
        out.write(connections() + "\n")
        out.write("Gus,Giant,https://www.linkedin.com/in/gus-giant,," + ("Stripe " if column == "Company" else "Acme,"))
        block = "x" * (1 << 20)
        for _ in range(-(-size // len(block))):
            out.write(block)
        out.write(",Engineer,07 Nov 2023\n" if column == "Company" else ",07 Nov 2023\n")
        out.write("Hal,After,https://www.linkedin.com/in/hal-after,,Stripe,Engineer,07 Nov 2023")
    (path / "Profile.csv").write_text(profile("Robin", "Owner"))
    return path


@dataclass
class Case:
    name: str
    what: str
    build: Callable[[Path], list[str]]  # returns the netgraph arguments
    owner: str = "reader"  # who owns the code this case exercises


def _targets(root: Path) -> Path:
    path = root / "targets.csv"
    path.write_text("company,priority\nStripe,1\nAcme,2\n")
    return path


def _mine(root: Path) -> Path:
    return folder(root / "me", {"Connections.csv": connections(), "Profile.csv": profile("Robin", "Owner")})


def _friends(root: Path) -> list[str]:
    specs = []
    for i in range(9):
        if i == 4:
            zero = root / "friend-zero.csv"
            zero.symlink_to("/dev/zero")
            specs += ["--network", f"Ana{i * 5} Ruiz={zero}"]
            continue
        path = folder(root / f"friend{i}", {"Connections.csv": connections(2000, "Stripe"),
                                            "Profile.csv": profile(f"Ana{i * 5}", "Ruiz")})
        specs += ["--network", str(path)]
    return specs


def _long_company(root: Path, text: str) -> Path:
    return folder(root, {"Connections.csv": connections().replace("Globex", text, 1),
                         "Profile.csv": profile("Robin", "Owner")})


def cases() -> list[Case]:
    def linked(name: str, target: str) -> Callable[[Path], list[str]]:
        def build(root: Path) -> list[str]:
            path = folder(root / "export", {"Connections.csv": connections(), "messages.csv": MESSAGES_HEADER + "\n"})
            (path / name).unlink()
            (path / name).symlink_to(target)
            return ["inspect", str(path)]
        return build

    def fifo_in_folder(root: Path) -> list[str]:
        path = folder(root / "export", {"messages.csv": MESSAGES_HEADER + "\n"})
        os.mkfifo(path / "Connections.csv")
        return ["inspect", str(path)]

    def targets_linked(kind: str) -> Callable[[Path], list[str]]:
        def build(root: Path) -> list[str]:
            targets = root / "targets.csv"
            if kind == "fifo":
                os.mkfifo(targets)
            else:
                targets.symlink_to(kind)
            return ["report", str(_mine(root)), "--targets", str(targets)]
        return build

    def passwd(root: Path) -> list[str]:
        path = folder(root / "export", {})
        (path / "Connections.csv").symlink_to("/etc/passwd")
        return ["inspect", str(path)]

    return [
        Case("bomb-connections", "Connections.csv inflates to 3 GB (rows)",
             lambda r: ["inspect", str(bomb(r / "export.zip", "Connections.csv", HEADER, 3 * GB))]),
        Case("bomb-zeros", "Connections.csv inflates to 3 GB (zeros)",
             lambda r: ["inspect", str(bomb(r / "export.zip", "Connections.csv", HEADER, 3 * GB, zeros=True))]),
        Case("bomb-messages", "messages.csv inflates to 3 GB",
             lambda r: ["inspect", str(bomb(r / "export.zip", "messages.csv", MESSAGES_HEADER, 3 * GB,
                                            extra={"Connections.csv": connections()}))]),
        Case("zip-in-zip-bomb", "a zip inside the zip, its Connections.csv 3 GB",
             lambda r: ["inspect", str(zip_holding(r / "outer.zip",
                                                   bomb(r / "inner.zip", "Connections.csv", HEADER, 3 * GB)))]),
        Case("zip-in-zip-in-zip", "a zip inside a zip inside the zip",
             lambda r: ["inspect", str(zip_holding(r / "outer.zip", zip_holding(
                 r / "middle.zip", bomb(r / "inner.zip", "Connections.csv", HEADER, 10 * MB))))]),
        Case("lying-directory", "the zip's directory says 1 KB, the data inflates to 3 GB",
             lambda r: ["inspect", str(lying_zip(r / "export.zip", "Connections.csv", HEADER, 3 * GB))]),
        Case("link-dev-zero", "Connections.csv -> /dev/zero in a folder", linked("Connections.csv", "/dev/zero")),
        Case("link-dev-urandom", "messages.csv -> /dev/urandom in a folder",
             linked("messages.csv", "/dev/urandom")),
        Case("fifo-in-folder", "Connections.csv is a FIFO nobody writes to", fifo_in_folder),
        Case("export-dev-zero", "EXPORT is /dev/zero", lambda r: ["inspect", "/dev/zero"]),
        Case("link-etc-passwd", "Connections.csv -> /etc/passwd (never quoted)", passwd),
        Case("targets-dev-zero", "the targets file -> /dev/zero", targets_linked("/dev/zero"), "targets reader"),
        Case("targets-fifo", "the targets file is a FIFO", targets_linked("fifo"), "targets reader"),
        Case("friend-dev-zero", "one of nine friends' exports -> /dev/zero (forked workers)",
             lambda r: ["report", str(_mine(r)), "--targets", str(_targets(r)), *_friends(r), "--format", "json"]),
        Case("field-1gb", "one 1 GB Position field", lambda r: ["inspect", str(giant_field(r / "export", GB,
                                                                                         column="Position"))]),
        Case("company-100mb", "one 100 MB company field at a target (report)",
             lambda r: ["report", str(giant_field(r / "export", 100 * MB, column="Company")), "--targets",
                        str(_targets(r)), "--format", "json"]),
        Case("company-100kb", "`companies` with one 100 KB company name",
             lambda r: ["companies", str(_long_company(r / "export", "Q" * 100_000))], "companies table"),
        Case("company-a-com", "a 300 KB company field of 'a.com a.com ...' (report)",
             lambda r: ["report", str(_long_company(r / "export", "a.com " * 50_000)), "--targets",
                        str(_targets(r)), "--format", "json"], "company normalisation"),
    ]


@dataclass
class Result:
    status: int | str
    seconds: float
    peak_mb: float
    first_line: str
    tidy: bool  # exit 0, or 1 with one Error: line and no traceback


def run(argv: list[str], cwd: Path) -> Result:
    """Run ``netgraph ARGV`` in a fresh process; time it and read its peak memory."""
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"

    def cap() -> None:  # never let a case take the machine: 6 GB of address space at most
        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))

    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "netgraph", *argv], stdout=stdout, stderr=stderr,
                                   stdin=subprocess.DEVNULL, cwd=cwd, start_new_session=True, preexec_fn=cap)
        timer = threading.Timer(TIMEOUT, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    code: int | str = process.returncode if process.returncode >= 0 else f"killed ({-process.returncode})"
    text = err.read_text(errors="replace")
    lines = [line for line in text.splitlines() if line.strip()]
    tidy = code == 0 or (code == 1 and len(lines) == 1 and lines[0].startswith("Error: "))
    first = lines[0] if lines else (out.read_text(errors="replace").splitlines() or [""])[0]
    return Result(code, seconds, usage.ru_maxrss / 1024, first, tidy and "Traceback" not in text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="run only these cases (repeatable)")
    parser.add_argument("--keep", type=Path, help="build the inputs here once and reuse them")
    args = parser.parse_args()
    chosen = [c for c in cases() if not args.only or c.name in args.only]
    base = args.keep or Path(tempfile.mkdtemp(prefix="netgraph-hostile-"))
    rows = []
    try:
        for case in chosen:
            root = base / case.name
            ready = root / ".argv"
            if ready.exists():
                argv = ready.read_text().split("\0")
            else:
                shutil.rmtree(root, ignore_errors=True)
                root.mkdir(parents=True)
                argv = case.build(root)
                ready.write_text("\0".join(argv))
            result = run(argv, root)
            rows.append((case, result))
            sys.stderr.write(f"{case.name}: {result.status}, {result.seconds:.2f} s, {result.peak_mb:.0f} MB\n")
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)
    print(f"{'case':<20} {'exit':>4} {'time':>7} {'peak':>8}  {'goal':<4}  first line of output")
    for case, r in rows:
        ok = r.tidy and r.seconds < GOAL_SECONDS and r.peak_mb < GOAL_MB
        line = r.first_line if len(r.first_line) <= 110 else r.first_line[:107] + "..."
        verdict = "ok" if ok else "MISS"
        print(f"{case.name:<20} {r.status!s:>4} {r.seconds:6.2f}s {r.peak_mb:6.0f}MB  {verdict:<4}  {line}")
    missed = [c.name for c, r in rows if not (r.tidy and r.seconds < GOAL_SECONDS and r.peak_mb < GOAL_MB)]
    if missed:
        owners = {c.name: c.owner for c, _ in rows}
        print("missed the goal: " + ", ".join(f"{m} ({owners[m]})" for m in missed))


if __name__ == "__main__":
    main()
