"""Benchmark :func:`netgraph.plot.plot_map` + :func:`netgraph.plot.save_map` on a large network.

The large network is the one ``benchmarks/make_network.py`` writes (30,000 connections,
100 friends' exports of 10,000), run through the real engine (``load_plan``) when it is
present under ``--data``; otherwise (or with ``--synthetic``) a graph of the same size
built in memory in the schema of ``docs/architecture.md``, with random scores. Then it
times drawing the map of every target and saving it as a PNG (median of ``--runs``), and
writes the pictures to ``docs/``:

* ``docs/map-large.png``          the large network, every target;
* ``docs/map-large-company.png``  the large network, one company;
* ``docs/map-sample.png``         the bundled sample network, as ``netgraph demo`` loads it;
* ``docs/map-company.png``        the same, one company (Stripe).

Run::

    python benchmarks/bench_map.py [--runs 5] [--data benchmarks/data/network] [--synthetic]

Target: under 10 s for the large map.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import networkx as nx
import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

N_CONNECTIONS = 30_000
N_CONNECTORS = 100
N_SECOND = 20_000
TARGETS = ["Stripe", "Shopify", "Datadog", "Figma", "Notion Labs"]

FIRST = ["Maya", "Tom", "Sam", "Inés", "Dana", "Li", "Noor", "Priya", "Jonas", "Aiko", "Chidi", "Elena",
         "Marco", "Fatima", "Oscar", "Hana", "Lucas", "Zoe", "Ravi", "Sofia", "Kwame", "Mei", "Omar", "Leila"]
LAST = ["Chen", "Okafor", "Lee", "García", "Cohen", "Wei", "Haddad", "Sharma", "Becker", "Tanaka", "Eze",
        "Petrova", "Rossi", "Khan", "Silva", "Kim", "Martin", "Novak", "Iyer", "Costa", "Mensah", "Lin"]
ROLES = ["Software Engineer", "Senior Software Engineer", "Staff Engineer", "Engineering Manager",
         "Technical Recruiter", "Product Manager", "Backend Engineer", "Director of Engineering",
         "Senior Technical Recruiter, University Programs", "Data Scientist", "Designer", "VP Engineering"]
OTHER_COMPANIES = [f"Company {i}" for i in range(2_000)]


def build_large_graph(seed: int = 7) -> nx.Graph:
    """A 50,000-node graph in the architecture schema, with the plan's answers written on it."""
    rng = np.random.default_rng(seed)
    owner = "in:you"
    G = nx.Graph(owner=owner, as_of="2026-11-20", sources=[], targets=list(TARGETS))
    G.add_node(owner, kind="you", name="Alex Rivera", url="https://www.linkedin.com/in/you")
    for order, name in enumerate(TARGETS):
        G.add_node(f"company:{name}", kind="company", name=name, priority=order + 1, order=order)

    def names(n: int) -> list[str]:
        return [f"{FIRST[a]} {LAST[b]}" for a, b in zip(rng.integers(0, len(FIRST), n), rng.integers(0, len(LAST), n))]

    first_ids = [f"in:c{i}" for i in range(N_CONNECTIONS)]
    first_names, roles = names(N_CONNECTIONS), rng.choice(ROLES, N_CONNECTIONS)
    at_target = rng.random(N_CONNECTIONS) < 0.01  # ~300 insiders
    target_of = rng.choice(TARGETS, N_CONNECTIONS)
    companies = np.where(at_target, target_of, rng.choice(OTHER_COMPANIES, N_CONNECTIONS))
    warmth = rng.beta(1.2, 4.0, N_CONNECTIONS)
    relevance = rng.beta(2.0, 2.0, N_CONNECTIONS)
    G.add_nodes_from(
        (pid, {"kind": "person", "name": nm, "url": "", "company": co, "position": ro, "degree": 1,
               "target": co if at else "", **({"relevance": float(rv), "role": "other",
                                                 "score": round(float(wm ** 0.5 * rv ** 0.5), 4),
                                                 "ask": "referral" if wm > 0.5 else "conversation"} if at else {})})
        for pid, nm, co, ro, at, wm, rv in zip(first_ids, first_names, companies, roles, at_target, warmth, relevance))
    G.add_edges_from((owner, pid, {"kind": "tie", "warmth": float(w), "confidence": "medium", "reasons": (),
                                   "source": "export"}) for pid, w in zip(first_ids, warmth))
    G.add_edges_from((pid, f"company:{co}", {"kind": "works_at", "position": ro, "rule": "exact"})
                     for pid, co, ro, at in zip(first_ids, companies, roles, at_target) if at)

    connectors = [first_ids[i] for i in rng.choice(np.flatnonzero(~at_target), N_CONNECTORS, replace=False)]
    second_ids = [f"in:s{i}" for i in range(N_SECOND)]
    second_target = rng.choice(TARGETS, N_SECOND)
    second_rel = rng.beta(2.0, 2.0, N_SECOND)
    G.add_nodes_from(
        (pid, {"kind": "person", "name": nm, "url": "", "company": co, "position": ro, "degree": 2,
               "target": co, "relevance": float(rv), "role": "other"})
        for pid, nm, co, ro, rv in zip(second_ids, names(N_SECOND), second_target, rng.choice(ROLES, N_SECOND),
                                       second_rel))
    G.add_edges_from((pid, f"company:{co}", {"kind": "works_at", "position": "", "rule": "exact"})
                     for pid, co in zip(second_ids, second_target))
    best = np.zeros(N_SECOND)
    for k in range(3):
        reached = rng.random(N_SECOND) < (1.0, 0.6, 0.3)[k]
        via = rng.integers(0, N_CONNECTORS, N_SECOND)
        strength = rng.beta(1.5, 3.0, N_SECOND)
        for i in np.flatnonzero(reached):
            c = connectors[via[i]]
            score = round(float(G.edges[owner, c]["warmth"] ** 0.4 * strength[i] ** 0.3 * second_rel[i] ** 0.3), 4)
            G.add_edge(c, second_ids[i], kind="tie", strength=float(strength[i]), confidence="medium", reasons=(),
                       source="export", path_score=score)
            best[i] = max(best[i], score)
    for pid, b in zip(second_ids, best):
        G.nodes[pid]["best_score"] = float(b)
    return G


def _sample_plan():
    """The bundled sample network's plan, as ``netgraph demo`` loads it."""
    from netgraph.demo import load_sample

    return load_sample()


def _engine_graph(data: Path) -> nx.Graph:
    """The graph the real engine builds from ``benchmarks/make_network.py``'s exports."""
    from netgraph.load import load_plan

    specs = [line.strip() for line in (data / "network.txt").read_text(encoding="utf-8").splitlines() if line.strip()]
    plan = load_plan(data / "Complete_LinkedInDataExport_11-20-2026", targets=data / "targets.csv",
                     network=specs, as_of="2026-11-20")
    return plan.G


def _time(G: nx.Graph, path: Path, runs: int, **options) -> list[float]:
    from netgraph.plot import plot_map, save_map

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fig, _ = plot_map(G, **options)
        save_map(fig, path)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / "data" / "network",
                        help="the network from make_network.py (drawn through the real engine when present)")
    parser.add_argument("--synthetic", action="store_true", help="draw a synthetic graph instead of --data")
    args = parser.parse_args()

    from netgraph.plot import plot_map, save_map

    start = time.perf_counter()
    real = not args.synthetic and (args.data / "network.txt").exists()
    G = _engine_graph(args.data) if real else build_large_graph()
    print(f"{'engine graph of ' + str(args.data) if real else 'synthetic graph'}: {G.number_of_nodes():,} nodes, "
          f"{G.number_of_edges():,} edges, built in {time.perf_counter() - start:.1f} s")
    DOCS.mkdir(exist_ok=True)
    times = _time(G, DOCS / "map-large.png", args.runs)
    print(f"plot_map + save_map, every target: median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")
    times = _time(G, DOCS / "map-large-company.png", args.runs, company="Stripe", top=15)
    print(f"plot_map + save_map, one company (top 15): median {statistics.median(times):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in times)})")

    plan = _sample_plan()
    save_map(plot_map(plan.G)[0], DOCS / "map-sample.png")
    save_map(plot_map(plan.G, company="Stripe")[0], DOCS / "map-company.png")
    print(f"wrote {', '.join(str(p.relative_to(ROOT)) for p in sorted(DOCS.glob('map-*.png')))}")


if __name__ == "__main__":
    main()
