#!/usr/bin/env python3
"""Benchmark the whole engine against the cost of merely reading the same CSV files.

    python benchmarks/bench_engine.py [--data benchmarks/data/network] [--runs 5]

The network is 30,000 connections of your own plus 100 friends' exports of 10,000
connections each (1,000,000 second-degree ties), 5 targets; it is written by
``benchmarks/make_network.py`` when missing.

Two commands are timed as whole processes, alternately, ``--runs`` times each:

* **netgraph**: ``netgraph report EXPORT --targets ... --network ... (x100) --format json``;
* **floor**: a Python process that imports pandas and reads the same CSV files that
  netgraph reads (your Connections.csv and messages.csv, every friend's
  Connections.csv and messages.csv) with ``pd.read_csv(..., dtype=str)`` and nothing
  else (it skips the three ``Notes:`` lines where a file has them, and opens zip
  members with ``zipfile``).

It prints the median wall time of each, the ratio (goal: under 3), and the peak
memory (maximum resident set size) of the netgraph process (goal: under 2 GB).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPORT_NAME = "Complete_LinkedInDataExport_11-20-2026"

FLOOR = r"""
import sys, zipfile, io
import pandas as pd

def read(handle):
    head = handle.read(64)
    handle.seek(0)
    skip = 3 if head.lstrip(b"\xef\xbb\xbf").startswith(b"Notes:") else 0
    return pd.read_csv(handle, dtype=str, skiprows=skip)

rows = 0
for path in sys.argv[1:]:
    if "::" in path:
        archive, member = path.split("::")
        with zipfile.ZipFile(archive) as z:
            rows += len(read(io.BytesIO(z.read(member))))
    else:
        with open(path, "rb") as f:
            rows += len(read(f))
print(rows)
"""

PEAK = r"""
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(done.returncode, took, peak)
"""


def csv_files(data: Path, specs: list[str]) -> list[str]:
    """Every Connections.csv and messages.csv netgraph reads, as paths or ``zip::member``."""
    import zipfile

    def wanted(name: str) -> bool:
        return name.rsplit("/", 1)[-1].lower() in ("connections.csv", "messages.csv")

    out = []
    for source in [str(data / EXPORT_NAME)] + [s.split("=", 1)[-1] for s in specs]:
        p = Path(source)
        if p.suffix == ".zip":
            with zipfile.ZipFile(p) as z:
                out += [f"{p}::{n}" for n in z.namelist() if wanted(n)]
        elif p.is_dir():
            out += [str(f) for f in sorted(p.rglob("*")) if wanted(f.name)]
        else:
            out.append(str(p))
    return out


def timed(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident kilobytes of one command run as its own process."""
    out = subprocess.run([sys.executable, "-c", PEAK, *command], capture_output=True, text=True, check=True)
    code, took, peak = out.stdout.split()
    if code != "0":
        raise SystemExit(f"command failed ({code}): {' '.join(command[:4])} ...")
    return float(took), int(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "network")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.data / "network.txt").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_network.py"), "--out", str(args.data)],
                       check=True)
    listed = (args.data / "network.txt").read_text(encoding="utf-8").splitlines()
    specs = [line.strip() for line in listed if line.strip()]
    netgraph = [sys.executable, "-m", "netgraph", "report", str(args.data / EXPORT_NAME),
                "--targets", str(args.data / "targets.csv"), "--format", "json", "--as-of", "2026-11-20",
                "--output", str(ROOT / "benchmarks" / "data" / "bench-report.json")]
    for spec in specs:
        netgraph += ["--network", spec]
    floor = [sys.executable, "-c", FLOOR, *csv_files(args.data, specs)]

    ours, base, peaks = [], [], []
    for run in range(args.runs):
        took, _ = timed(floor)
        base.append(took)
        took, peak = timed(netgraph)
        ours.append(took)
        peaks.append(peak)
        print(f"run {run + 1}: floor {base[-1]:.2f} s, netgraph {ours[-1]:.2f} s, peak {peak / 1024:.0f} MB",
              file=sys.stderr)
    result = {
        "floor_median_s": round(statistics.median(base), 2),
        "netgraph_median_s": round(statistics.median(ours), 2),
        "ratio": round(statistics.median(ours) / statistics.median(base), 2),
        "peak_mb": round(max(peaks) / 1024),
        "runs": args.runs,
        "report": json.loads((ROOT / "benchmarks" / "data" / "bench-report.json").read_text())["summary"],
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
