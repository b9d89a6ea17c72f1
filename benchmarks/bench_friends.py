#!/usr/bin/env python3
"""Benchmark reading friends' exports the way the engine does, against plain ``pd.read_csv``.

    python benchmarks/bench_friends.py [--data benchmarks/data/network] [--runs 5]

The engine reads every ``--network`` export with ``read_export(path, keep_companies=...)``,
a predicate that keeps only the connections at a target company (about 5% of rows).
This script times, in one process, after one warm-up pass (imports, caches):

* **read_export**: each export listed in ``network.txt`` (``[OWNER=]PATH`` per line) read
  with a fresh predicate per run, built as the engine builds it
  (``netgraph.load._at_targets(read_targets([targets.csv]), builtin_aliases=True)``),
  so the company matching of the first exports is included, as in the engine;
* **baseline**: ``pd.read_csv(..., dtype=str)`` of the same exports' Connections.csv and
  messages.csv (``skiprows=3`` where the ``Notes:`` preamble is; zip members are read
  with :mod:`zipfile`), and nothing else.

It prints, for each, the median over ``--runs`` runs of the total seconds and the
milliseconds per export, and how much of the read_export time went into the predicate.
The data are written by ``benchmarks/make_network.py`` when missing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netgraph.companies import read_targets  # noqa: E402
from netgraph.io import read_export  # noqa: E402
from netgraph.load import _at_targets, parse_network_spec  # noqa: E402

_BASELINE_FILES = ("connections.csv", "messages.csv")


def friend_paths(data: Path) -> list[str]:
    """The export paths listed in ``network.txt`` (owners dropped)."""
    lines = (data / "network.txt").read_text(encoding="utf-8").splitlines()
    return [parse_network_spec(line.strip())[1] for line in lines if line.strip()]


def baseline_sources(path: str) -> list[tuple[str, str | None]]:
    """The Connections.csv and messages.csv of one export: ``(file or zip, member)``."""
    p = Path(path)
    if p.suffix.lower() == ".zip":
        with zipfile.ZipFile(p) as z:
            return [(str(p), n) for n in z.namelist()
                    if n.rsplit("/", 1)[-1].lower() in _BASELINE_FILES]
    if p.is_dir():
        return [(str(f), None) for f in sorted(p.rglob("*")) if f.name.lower() in _BASELINE_FILES]
    return [(str(p), None)]


def read_csv_plain(source: tuple[str, str | None]) -> int:
    """``pd.read_csv(dtype=str)`` of one file, past a ``Notes:`` preamble; returns rows."""
    path, member = source
    if member is None:
        raw = Path(path).read_bytes()
    else:
        with zipfile.ZipFile(path) as z:
            raw = z.read(member)
    skip = 3 if raw[:64].lstrip(b"\xef\xbb\xbf").startswith(b"Notes:") else 0
    return len(pd.read_csv(io.BytesIO(raw), dtype=str, skiprows=skip))


class TimedPredicate:
    """Wraps the engine's ``keep_companies`` predicate and adds up the time spent in it."""

    def __init__(self, keep):
        self.keep = keep
        self.seconds = 0.0

    def __call__(self, companies):
        start = time.perf_counter()
        try:
            return self.keep(companies)
        finally:
            self.seconds += time.perf_counter() - start


def run_read_export(paths: list[str], targets: pd.DataFrame) -> tuple[float, float, int]:
    """One pass over every friend: total seconds, predicate seconds, connections kept."""
    keep = TimedPredicate(_at_targets(targets, builtin_aliases=True))
    kept = 0
    start = time.perf_counter()
    for path in paths:
        kept += len(read_export(path, keep_companies=keep).connections)
    return time.perf_counter() - start, keep.seconds, kept


def run_baseline(sources: list[tuple[str, str | None]]) -> tuple[float, int]:
    """One pass of plain ``pd.read_csv`` over the same files: total seconds, rows."""
    start = time.perf_counter()
    rows = sum(read_csv_plain(source) for source in sources)
    return time.perf_counter() - start, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "network")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (args.data / "network.txt").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_network.py"),
                        "--out", str(args.data)], check=True)
    paths = friend_paths(args.data)
    targets = read_targets([args.data / "targets.csv"])
    sources = [s for path in paths for s in baseline_sources(path)]

    run_read_export(paths, targets)  # warm-up: imports, lazy caches, page cache
    run_baseline(sources)
    ours, predicate, base = [], [], []
    for run in range(args.runs):
        took, in_predicate, kept = run_read_export(paths, targets)
        ours.append(took)
        predicate.append(in_predicate)
        took, rows = run_baseline(sources)
        base.append(took)
        print(f"run {run + 1}: read_export {ours[-1]:.3f} s, baseline {base[-1]:.3f} s",
              file=sys.stderr)

    n = len(paths)
    ours_s, base_s = statistics.median(ours), statistics.median(base)
    print(f"{n} friends' exports ({kept:,} connections kept; baseline reads {len(sources)} "
          f"files, {rows:,} rows), median of {args.runs} runs after one warm-up:\n"
          f"  read_export(keep_companies)  {ours_s:6.3f} s  {1000 * ours_s / n:6.1f} ms/export"
          f"  (predicate {1000 * statistics.median(predicate) / n:.1f} ms/export)\n"
          f"  baseline pd.read_csv         {base_s:6.3f} s  {1000 * base_s / n:6.1f} ms/export\n"
          f"  ratio                        {ours_s / base_s:6.2f}")


if __name__ == "__main__":
    main()
