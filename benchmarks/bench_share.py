"""Benchmark ``netgraph share`` against reading the same export.

Making a share pack reads the friend's whole export, then scores only their ties at the
companies asked for: it should take about as long as :func:`netgraph.io.read_export`
alone. On the export of ``benchmarks/bench_read.py`` (30,000 connections, 200,000
messages, written once into ``benchmarks/data/``, git-ignored) this times, each in a fresh
subprocess and alternating so that imports cost the same for both:

* the baseline: ``read_export`` of the unpacked folder;
* ``share``: what ``netgraph share EXPORT --for ... --output PACK.csv`` does (read the
  export, build the pack, render it, write it), for three of the export's employers,
  about one connection in six (some 5,000 people, far more than a real pack holds).

Run::

    python benchmarks/bench_share.py [--runs 5]

and it prints the median of each and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_read import EXPORT, generate  # the 30,000-connection export, made once

COMPANIES = "Acme Robotics, Kestrel Bank, Lumen Grid"

_READ = """
import sys, time
t0 = time.perf_counter()
from netgraph.io import read_export
export = read_export(sys.argv[1])
print(time.perf_counter() - t0, len(export.connections), len(export.messages))
"""

_SHARE = """
import datetime as dt, sys, time
t0 = time.perf_counter()
from netgraph.io._pack import render_pack
from netgraph.share import make_share_pack
from netgraph.output import write_output
share = make_share_pack(sys.argv[1], [sys.argv[2]], as_of=dt.date(2026, 11, 20))
write_output(render_pack(share.pack), sys.argv[3], inputs=[sys.argv[1]])
print(time.perf_counter() - t0, len(share.pack.ties), share.at_companies)
"""


def _run(code: str, *args: str) -> tuple[float, list[str]]:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True).stdout.split()
    return float(out[0]), out[1:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    generate()
    reads, shares = [], []
    with tempfile.TemporaryDirectory() as folder:
        pack = str(Path(folder) / "pack.csv")
        for _ in range(args.runs):
            seconds, (connections, messages) = _run(_READ, str(EXPORT))
            reads.append(seconds)
            seconds, (people, _) = _run(_SHARE, str(EXPORT), COMPANIES, pack)
            shares.append(seconds)
    read, share = statistics.median(reads), statistics.median(shares)
    sys.stdout.write(
        f"{int(connections):,} connections, {int(messages):,} messages; a pack of {int(people):,} people at "
        f"{COMPANIES}; median of {args.runs} runs, each in a fresh process (imports included):\n"
        f"  read_export (baseline)   {read:6.2f} s\n"
        f"  share (read, build, write the pack) {share:6.2f} s  = {share / read:.2f} x reading\n")


if __name__ == "__main__":
    main()
