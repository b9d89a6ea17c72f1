#!/usr/bin/env python3
"""Where the time of a large ``netgraph report --format json`` goes, phase by phase.

    python benchmarks/engine_phases.py [--data benchmarks/data/network] [--runs 3]

Runs the same steps as ``load_plan`` plus the JSON rendering, in one process, with the
cycle collector off as the CLI has it, and prints the seconds of each phase (median of
``--runs``): imports, your own export (read while worker processes read the friends'
exports), the wait for the friends' exports, building the graph (matching, scoring,
second-degree ties), the answers (insiders, paths, connectors) and the JSON.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ONE_RUN = r"""
import gc, sys, time
gc.disable()
t0 = time.perf_counter()
import datetime as dt
from pathlib import Path
from netgraph.companies import read_targets
from netgraph.graph import build_graph
from netgraph.io import read_export
from netgraph.load import _friend_reader, parse_network_spec
from netgraph.paths import answer as _assemble
from netgraph.report import render_json
from netgraph.score import Weights
data = Path(sys.argv[1])
t1 = time.perf_counter()
specs = [parse_network_spec(l.strip()) for l in (data / "network.txt").read_text().splitlines() if l.strip()]
targets = read_targets([data / "targets.csv"])
with _friend_reader(targets, True, len(specs)) as read:
    pending = [read(path) for _, path in specs]
    t2 = time.perf_counter()
    me = read_export(data / "Complete_LinkedInDataExport_11-20-2026")
    t3 = time.perf_counter()
    friends = [(owner, f.result()) for (owner, _), f in zip(specs, pending)]
t4 = time.perf_counter()
G = build_graph(me, targets, as_of=dt.date(2026, 11, 20), networks=friends)
t5 = time.perf_counter()
plan = _assemble(G, targets, owner=me.owner, weights=Weights())
t6 = time.perf_counter()
text = render_json(plan)
t7 = time.perf_counter()
print(t1 - t0, t3 - t1, t4 - t3, t5 - t4, t6 - t5, t7 - t6, t7 - t0)
"""
PHASES = ["imports", "your export (friends read alongside)", "waiting for friends' exports",
          "graph: matching, scoring, second-degree ties", "answers: insiders, paths, connectors",
          "JSON", "total"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "network")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", ONE_RUN, str(args.data)], capture_output=True, text=True,
                             check=True)
        runs.append([float(x) for x in out.stdout.split()])
    for name, values in zip(PHASES, zip(*runs)):
        print(f"{name:<48} {statistics.median(values):5.2f} s")


if __name__ == "__main__":
    main()
