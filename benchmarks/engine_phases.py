#!/usr/bin/env python3
"""Where the time of a large ``netgraph report --format json`` goes, phase by phase, per size.

    python benchmarks/engine_phases.py [--data benchmarks/data/pool] [--sizes 250000,1000000,3000000]
        [--runs 3] [--workers]

Runs the steps of ``netgraph report --format json`` (``load_plan``, then the JSON) in a
fresh process per run, with the cycle collector off as the CLI has it, on your export
plus the first N friends' exports of the pool that ``benchmarks/bench_pool.py`` writes
(N = size / 10,000), and prints the seconds of each phase (median of ``--runs``):

* **imports**: netgraph and what it imports;
* **reading**: opening every export and parsing its files (yours and the friends');
* **filtering to targets**: deciding which company strings of a friend's export are at a
  target (the predicate of ``read_export(keep_companies=...)``, one call per export);
* **identity**: profile URLs, ``person_id`` values, the owner of each friend's export
  among your connections, one id per person across exports;
* **scoring**: warmth of every tie and relevance of every person at a target;
* **evidence and reasons**: the evidence records of each tie and the sentences for them;
* **graph**: matching companies, the second-degree ties, nodes and edges;
* **answers**: insiders, intro paths, connectors;
* **actions**: this week's plan (``plan.actions``, which the JSON lists);
* **JSON**: rendering the rest of the document.

Each phase's time is its own (a phase called from inside another is subtracted from it).
By default the friends' exports are read in this one process, so that every phase is
measured alone; ``--workers`` reads them as the CLI does (worker processes from 8
exports on), and then "reading" is the wait for them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRIEND_SIZE = 10_000

ONE_RUN = r"""
import gc, json, sys, time
gc.disable()
t0 = (time.process_time if sys.argv[4] == "1" else time.perf_counter)()
import datetime as dt
from pathlib import Path
import netgraph.load as load
import netgraph.graph, netgraph.score, netgraph.plan, netgraph.paths
import netgraph.io._connections as conn
import netgraph.io._reader as reader
from netgraph.report._data import render_json_bytes as render_json  # what report --output writes
imported = (time.process_time if sys.argv[4] == "1" else time.perf_counter)() - t0

totals = {}
stack = []

def timed(phase, fn):
    def inner(*args, **kwargs):
        now = time.perf_counter()
        if stack:  # the caller's phase stops while this one runs
            totals[stack[-1][0]] = totals.get(stack[-1][0], 0.0) + now - stack[-1][1]
        stack.append([phase, now])
        try:
            return fn(*args, **kwargs)
        finally:
            end = time.perf_counter()
            name, start = stack.pop()
            totals[name] = totals.get(name, 0.0) + end - start
            if stack:
                stack[-1][1] = end
    return inner

def patch(module, name, phase):
    if hasattr(module, name):
        setattr(module, name, timed(phase, getattr(module, name)))

data, n, workers = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
if sys.argv[4] == "1":  # CPU seconds of this process (steadier on a shared machine)
    time.perf_counter = time.process_time
if not workers:
    load.PARALLEL_FROM = 10 ** 9
patch(load, "read_export", "reading")
patch(load, "read_pack", "reading")
at_targets = load._at_targets
load._at_targets = lambda *a, **k: timed("filtering to targets", at_targets(*a, **k))
for name in ("person_id_array", "normalize_url_array", "dedupe"):
    patch(conn, name, "identity")
patch(reader, "index_people", "identity")
for name in ("resolve_owner", "_unify_people", "normalize_names"):
    patch(netgraph.graph, name, "identity")
patch(load, "build_graph", "graph")
for name in ("score_ties", "score_network_ties", "score_relevance", "score_known_ties"):
    patch(netgraph.graph, name, "scoring")
for name in ("_tie_evidence", "describe_all"):
    patch(netgraph.score, name, "evidence and reasons")
patch(netgraph.graph, "_freshen", "evidence and reasons")
patch(load, "answer", "answers")
import netgraph.actions
patch(netgraph.actions, "plan_actions", "actions")
render = timed("JSON", render_json)

start = time.perf_counter()
specs = [l.strip() for l in (data / "network.txt").read_text().splitlines() if l.strip()][:n]
plan = load.load_plan(data / "Complete_LinkedInDataExport_11-20-2026", targets=data / "targets.csv",
                      network=specs, as_of="2026-11-20")
text = render(plan)
totals["total"] = time.perf_counter() - start + imported
totals["imports"] = imported
totals["other"] = totals["total"] - sum(v for k, v in totals.items() if k != "total")
s = plan.summary
print(json.dumps({"phases": totals, "intro_paths": s["intro_paths"], "insiders": s["insiders"],
                  "second_degree": s["second_degree"], "json_mb": len(text) / 1e6}))
"""
PHASES = ["imports", "reading", "filtering to targets", "identity", "scoring", "evidence and reasons", "graph",
          "answers", "actions", "JSON", "other", "total"]


def measure(data: Path, size: int, runs: int, workers: bool, env: dict, cpu: bool = False) -> dict:
    results = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", ONE_RUN, str(data), str(size // FRIEND_SIZE),
                              "1" if workers else "0", "1" if cpu else "0"], capture_output=True, text=True, env=env)
        if out.returncode:
            raise SystemExit(out.stderr[-3000:])
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    phases = {p: statistics.median(r["phases"].get(p, 0.0) for r in results) for p in PHASES}
    return {"size": size, "phases": phases, **{k: results[-1][k] for k in results[-1] if k != "phases"}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "pool")
    parser.add_argument("--sizes", default="250000,1000000,3000000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", action="store_true", help="read friends' exports in worker processes")
    parser.add_argument("--cpu", action="store_true",
                        help="CPU seconds of the main process instead of wall seconds (steadier on a shared machine)")
    parser.add_argument("--save", type=Path, help="also write the results here as JSON")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    listed = args.data / "network.txt"
    have = len(listed.read_text(encoding="utf-8").split()) if listed.exists() else 0
    if have < max(sizes) // FRIEND_SIZE:
        raise SystemExit(f"{args.data} has {have} friends' exports: run benchmarks/bench_pool.py first "
                         f"(it writes the pool), or benchmarks/make_network.py --out {args.data} "
                         f"--friends {max(sizes) // FRIEND_SIZE}")
    env = {k: v for k, v in os.environ.items() if k not in ("NETGRAPH_LEDGER", "PYTHONDONTWRITEBYTECODE")}
    env |= {"XDG_DATA_HOME": str((args.data / "xdg").resolve()),
            "PYTHONPYCACHEPREFIX": str((args.data / "pycache").resolve())}
    rows = [measure(args.data, size, args.runs, args.workers, env, args.cpu) for size in sizes]
    print(f"{'CPU ' if args.cpu else ''}seconds per phase, median of {args.runs} runs"
          f" ({'friends read by worker processes' if args.workers else 'all in one process'})\n")
    print("| phase | " + " | ".join(f"{r['size']:,}" for r in rows) + " |")
    print("|---|" + "---|" * len(rows))
    for phase in PHASES:
        print(f"| {phase} | " + " | ".join(f"{r['phases'][phase]:.2f}" for r in rows) + " |")
    print("\n" + "; ".join(f"{r['size']:,}: {r['intro_paths']:,} intro paths, {r['insiders']:,} insiders, "
                           f"{r['second_degree']:,} second-degree people, JSON {r['json_mb']:.0f} MB" for r in rows))
    if args.save:
        args.save.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
