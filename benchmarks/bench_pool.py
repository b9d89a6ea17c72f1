#!/usr/bin/env python3
"""A pooled network of millions of ties: ``netgraph report`` against just reading the files.

    python benchmarks/bench_pool.py [--data benchmarks/data/pool] [--sizes 250000,1000000,3000000]
        [--runs 5] [--timeout 600] [--save results.json] [--no-typical]

The pool is your export (30,000 connections, 200,000 messages) plus N friends' exports
of 10,000 rows each, 5 targets, written once by ``benchmarks/make_network.py`` (the
largest size's friends; a smaller size uses the first N of them) and reused. For each
size two commands are timed as whole processes, alternately (the order swaps every run),
``--runs`` times each:

* **netgraph**: ``netgraph report EXPORT --targets targets.csv --network ... (x N)
  --format json --as-of 2026-11-20 -q --output FILE``;
* **floor**: a separate Python process that imports pandas and runs
  ``pd.read_csv(path, skiprows=3, dtype=str, keep_default_na=False)`` on the same
  files: your Connections.csv and every friend's (a zip member is opened with
  :mod:`zipfile` and handed to ``read_csv`` as a stream).

Python's compiled modules are cached as an installed package has them (in a folder of
the benchmark's own, ``PYTHONPYCACHEPREFIX``, even where ``PYTHONDONTWRITEBYTECODE`` is
set), and no ledger of yours joins the run (an empty ``XDG_DATA_HOME``). Each process is
started with :class:`subprocess.Popen` and reaped with :func:`os.wait4`, which gives its
wall time and its peak memory from the OS (maximum resident set size; for a process whose
worker processes it has reaped, the largest of them). The table shows the medians (the
peak memory's too, with the largest run's) and the ratio of the medians.

Typical use is timed too (``--no-typical`` skips it): ``netgraph --help`` and the
sample's Markdown report with all its friends' exports, ``--known`` and ``--contacts``
(median of ``--runs``; goals under 0.2 s and 1 s).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPORT_NAME = "Complete_LinkedInDataExport_11-20-2026"
FRIEND_SIZE = 10_000
SIZES = (250_000, 1_000_000, 3_000_000)
GOALS = {1_000_000: 2.0, 3_000_000: 2.5}  # the ratio to the floor, at most
MEMORY_GOAL_MB = {3_000_000: 1024}

FLOOR = r"""
import sys, zipfile
import pandas as pd

rows = 0
for path in sys.argv[1:]:
    if "::" in path:
        archive, member = path.split("::", 1)
        with zipfile.ZipFile(archive) as z, z.open(member) as handle:
            rows += len(pd.read_csv(handle, skiprows=3, dtype=str, keep_default_na=False))
    else:
        rows += len(pd.read_csv(path, skiprows=3, dtype=str, keep_default_na=False))
print(rows)
"""


def netgraph_command() -> list[str]:
    """The ``netgraph`` console script next to this Python (else ``python -m netgraph``)."""
    script = Path(sys.executable).with_name("netgraph")
    if script.exists():
        return [str(script)]
    found = shutil.which("netgraph")
    return [found] if found else [sys.executable, "-m", "netgraph"]


def run(command: list[str], *, timeout: float, env: dict | None = None) -> tuple[float, int, int]:
    """Run ``command`` as its own process: wall seconds, peak resident KB, exit status.

    The process is killed after ``timeout`` seconds (the run then fails).
    """
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    timer = threading.Timer(timeout, proc.kill)
    timer.start()
    try:
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here: tell Popen
    if proc.returncode != 0:
        raise SystemExit(f"exit {proc.returncode} after {took:.1f} s: {' '.join(command[:3])} ...\n"
                         f"{err.decode(errors='replace')[-2000:]}")
    return took, usage.ru_maxrss, proc.returncode


def ensure_data(data: Path, friends: int) -> list[str]:
    """The ``--network`` specs of the pool, written by make_network.py when missing or too few."""
    listed = data / "network.txt"
    specs = [s.strip() for s in listed.read_text(encoding="utf-8").splitlines() if s.strip()] \
        if listed.exists() else []
    if len(specs) < friends:
        print(f"writing the pool ({friends} friends' exports) under {data} ...", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_network.py"), "--out", str(data),
                        "--friends", str(friends), "--friend-size", str(FRIEND_SIZE)], check=True)
        specs = [s.strip() for s in listed.read_text(encoding="utf-8").splitlines() if s.strip()]
    return specs


def connections_files(data: Path, specs: list[str]) -> list[str]:
    """Your Connections.csv and every friend's, as paths or ``zip::member``."""
    out = []
    for source in [str(data / EXPORT_NAME)] + [s.split("=", 1)[-1] if not Path(s).exists() else s for s in specs]:
        p = Path(source)
        if p.suffix.lower() == ".zip":
            with zipfile.ZipFile(p) as z:
                out += [f"{p}::{n}" for n in z.namelist() if n.rsplit("/", 1)[-1].lower() == "connections.csv"]
        elif p.is_dir():
            out += [str(f) for f in sorted(p.rglob("*")) if f.name.lower() == "connections.csv"]
        else:
            out.append(str(p))
    return out


def pool_commands(data: Path, specs: list[str], size: int) -> tuple[list[str], list[str], Path]:
    """The netgraph and floor commands for ``size`` friends' ties, and the report's path."""
    n = size // FRIEND_SIZE
    chosen = specs[:n]
    report = data / f"report-{size}.json"
    netgraph = netgraph_command() + ["report", str(data / EXPORT_NAME), "--targets", str(data / "targets.csv"),
                                     "--format", "json", "--as-of", "2026-11-20", "-q", "--output", str(report)]
    for spec in chosen:
        netgraph += ["--network", spec]
    floor = [sys.executable, "-c", FLOOR, *connections_files(data, chosen)]
    return netgraph, floor, report


def bench_pool(data: Path, sizes: list[int], runs: int, timeout: float, env: dict) -> list[dict]:
    specs = ensure_data(data, max(sizes) // FRIEND_SIZE)
    commands = {size: pool_commands(data, specs, size) for size in sizes}
    for size in sizes:  # warm the page cache: every file once
        run(commands[size][1], timeout=timeout, env=env)
    times: dict[int, dict[str, list]] = {s: {"netgraph": [], "floor": [], "peak": [], "floor_peak": []} for s in sizes}
    for r in range(runs):
        for size in sizes:
            netgraph, floor, _ = commands[size]
            order = [("floor", floor), ("netgraph", netgraph)]
            for name, command in order if r % 2 == 0 else order[::-1]:
                took, peak, _ = run(command, timeout=timeout, env=env)
                times[size][name].append(took)
                times[size]["peak" if name == "netgraph" else "floor_peak"].append(peak)
            t = times[size]
            print(f"run {r + 1}/{runs} {size:>9,}: floor {t['floor'][-1]:6.2f} s  netgraph {t['netgraph'][-1]:6.2f} s"
                  f"  peak {t['peak'][-1] / 1024:5.0f} MB", file=sys.stderr)
    rows = []
    for size in sizes:
        t = times[size]
        ours, floor = statistics.median(t["netgraph"]), statistics.median(t["floor"])
        summary = json.loads(commands[size][2].read_text(encoding="utf-8"))["summary"]
        rows.append({"ties": size, "friends": size // FRIEND_SIZE, "netgraph_s": round(ours, 2),
                     "floor_s": round(floor, 2), "ratio": round(ours / floor, 2),
                     "run_ratios": [round(a / b, 2) for a, b in zip(t["netgraph"], t["floor"])],
                     "peak_mb": round(statistics.median(t["peak"]) / 1024), "peak_max_mb": round(max(t["peak"]) / 1024),
                     "peak_runs_mb": [round(x / 1024) for x in t["peak"]],
                     "floor_peak_mb": round(max(t["floor_peak"]) / 1024),
                     "netgraph_runs": [round(x, 2) for x in t["netgraph"]],
                     "floor_runs": [round(x, 2) for x in t["floor"]], "summary": summary})
    return rows


def sample_command() -> list[str]:
    sample = ROOT / "sample_data"
    command = netgraph_command() + ["report", str(sample / "Complete_LinkedInDataExport_11-20-2026.zip"),
                                    "--targets", str(sample / "targets.csv"), "--known", str(sample / "known.csv"),
                                    "--contacts", str(sample / "contacts.csv"), "--as-of", "2026-11-20", "-q"]
    sys.path.insert(0, str(ROOT))
    from netgraph.sample_data import network_specs

    for spec in network_specs():
        command += ["--network", spec]
    return command


def bench_typical(runs: int, timeout: float, env: dict) -> list[dict]:
    """``netgraph --help`` and the sample's report: medians of ``runs``, alternating."""
    cases = [("netgraph --help", netgraph_command() + ["--help"], 0.2),
             ("the sample's report (Markdown, 5 friends' exports, --known, --contacts)", sample_command(), 1.0)]
    for _, command, _ in cases:
        run(command, timeout=timeout, env=env)  # warm-up: page cache, .pyc files
    took: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    for _ in range(runs):
        for name, command, _ in cases:
            took[name].append(run(command, timeout=timeout, env=env)[0])
    return [{"what": name, "median_s": round(statistics.median(took[name]), 3), "goal_s": goal,
             "runs": [round(x, 3) for x in took[name]]} for name, _, goal in cases]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "pool")
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES),
                        help="friends' ties, comma-separated multiples of 10,000 (empty: none)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds one process may take")
    parser.add_argument("--save", type=Path, help="also write the results here as JSON")
    parser.add_argument("--no-typical", action="store_true", help="skip --help and the sample's report")
    args = parser.parse_args()
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    if any(s <= 0 or s % FRIEND_SIZE for s in sizes):
        parser.error(f"--sizes must be positive multiples of {FRIEND_SIZE:,}")
    # No ledger of yours may join the run: an empty data folder.
    home = args.data / "xdg"
    home.mkdir(parents=True, exist_ok=True)
    # Python's compiled modules are cached (as an installed package has them), in a folder of
    # the benchmark's own so that the working tree is left as it is.
    env = {k: v for k, v in os.environ.items() if k not in ("NETGRAPH_LEDGER", "PYTHONDONTWRITEBYTECODE")}
    env |= {"XDG_DATA_HOME": str(home.resolve()), "PYTHONPYCACHEPREFIX": str((args.data / "pycache").resolve())}

    results: dict = {"runs": args.runs, "cores": os.cpu_count()}
    if sizes:
        rows = bench_pool(args.data, sizes, args.runs, args.timeout, env)
        results["pool"] = rows
        print(f"\nnetgraph report --format json, your 30,000 connections + friends' exports of {FRIEND_SIZE:,} "
              f"rows, 5 targets; median of {args.runs} alternating runs, floor measured in the same run\n")
        print("| friends' ties | netgraph | floor | ratio | peak memory (largest run) | goal |")
        print("|---|---|---|---|---|---|")
        for r in rows:
            goals = []
            if r["ties"] in GOALS:
                goals.append(f"ratio <= {GOALS[r['ties']]}: {'met' if r['ratio'] <= GOALS[r['ties']] else 'MISSED'}")
            if r["ties"] in MEMORY_GOAL_MB:
                ok = r["peak_max_mb"] < MEMORY_GOAL_MB[r["ties"]]
                goals.append(f"every run under 1 GiB: {'met' if ok else 'MISSED'}")
            print(f"| {r['ties']:,} | {r['netgraph_s']:.2f} s | {r['floor_s']:.2f} s | {r['ratio']:.2f}x "
                  f"| {r['peak_mb']} MiB ({r['peak_max_mb']}) | {'; '.join(goals)} |")
        print("\nper run (netgraph / floor): " + "; ".join(
            f"{r['ties']:,}: {', '.join(f'{x:.2f}' for x in r['run_ratios'])}" for r in rows))
    if not args.no_typical:
        typical = bench_typical(args.runs, args.timeout, env)
        results["typical"] = typical
        print()
        for t in typical:
            verdict = "met" if t["median_s"] < t["goal_s"] else "MISSED"
            print(f"{t['what']}: {t['median_s']:.3f} s (goal under {t['goal_s']} s: {verdict})")
    if args.save:
        args.save.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
