"""How long company matching takes on a large network, and on absurdly long fields.

1,000,000 company cells holding 5,000 distinct spellings (target names with legal forms,
units, places and typos, plus unrelated companies) are matched against 200 targets with
:func:`netgraph.companies.match_companies`, and grouped with
:func:`netgraph.companies.group_companies`. Each is timed as the median of 5 runs, next to
a baseline on the same cells in the same run: ``series.str.lower()``, the cheapest
whole-column pass pandas can make.

Then hostile fields: a 300 KB ``a.com a.com ...`` cell, a 100 KB company name, 300 KB of
brackets, slashes or " for " are keyed (:func:`~netgraph.companies.company_key`), matched,
grouped and rendered (for a terminal and for a pipe): all of it is linear in the length of
the field, so each takes a fraction of a second (the test suite holds it under 2 s).

Run ``python benchmarks/bench_companies.py``.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from netgraph.companies import company_key, group_companies, match_companies, render_companies

CELLS = 1_000_000
DISTINCT = 5_000
TARGETS = 200
RUNS = 5
_SYLLABLES = "ka lo mi ter vax bro zen qua dor pli sun har vel tri nos gar fen lum cor bex".split()
_SUFFIXES = ["", " Inc.", ", Inc.", " LLC", " Ltd", " GmbH", " AG", " S.A.", " plc", " Corp.",
             " Corporation", " Group", " B.V.", " Pvt Ltd", " & Co. KG"]  # fmt: skip
_UNITS = ["", " UK", " Labs", " India", " Cloud", " Europe", " Research", " Germany", " Payments"]


def _name(rng: random.Random) -> str:
    words = ["".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4))).title()]
    if rng.random() < 0.3:
        words.append("".join(rng.choices(_SYLLABLES, k=2)).title())
    return " ".join(words)


def _typo(rng: random.Random, name: str) -> str:
    i = rng.randrange(1, len(name) - 2)
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]


def make_data(seed: int = 0) -> tuple[pd.Series, list[str]]:
    """1M company cells (5,000 distinct, Zipf-like counts) and 200 target names."""
    rng = random.Random(seed)
    targets = list(dict.fromkeys(_name(rng) for _ in range(TARGETS * 2)))[:TARGETS]
    spellings: set[str] = set()
    while len(spellings) < DISTINCT:
        if rng.random() < 0.4:
            base = rng.choice(targets)
            base = _typo(rng, base) if rng.random() < 0.1 else base
            spellings.add(base + rng.choice(_UNITS) + rng.choice(_SUFFIXES))
        else:
            spellings.add(_name(rng) + rng.choice(_SUFFIXES))
    values = np.array(sorted(spellings), dtype=object)
    weights = 1 / np.arange(1, DISTINCT + 1)
    picks = np.random.default_rng(seed).choice(DISTINCT, size=CELLS, p=weights / weights.sum())
    return pd.Series(values[picks], name="company"), targets


def median_time(fn: Callable[[], object], runs: int = RUNS) -> float:
    """Median wall-clock seconds of ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


#: Hostile fields, about 100-300 KB each.
LONG_FIELDS = {
    "web": "a.com " * 50_000,
    "name": "Acme " * 20_000,
    "brackets": "Stripe (" * 40_000,
    "slashes": "a/b " * 75_000,
    "for": "x for " * 50_000,
}


def long_field_seconds(kind: str) -> float:
    """Seconds to key, match, group and render (both ways) one hostile field."""
    field = LONG_FIELDS[kind]
    targets = ["Acme", "Stripe", "Tata Consultancy Services"]
    company_key.cache_clear()
    start = time.perf_counter()
    company_key(field)
    match_companies([field], targets)
    table = group_companies(pd.Series([field, "Stripe", field]), targets)
    render_companies(table, width=80)
    render_companies(table, width=None)
    return time.perf_counter() - start


def main() -> int:
    cells, targets = make_data()
    distinct = cells.nunique()
    print(f"{len(cells):,} cells, {distinct:,} distinct names, {len(targets)} targets, "
          f"median of {RUNS} runs")  # fmt: skip
    baseline = median_time(lambda: cells.str.lower())
    matched = median_time(lambda: match_companies(cells, targets))
    grouped = median_time(lambda: group_companies(cells, targets))
    found = match_companies(cells, targets)
    print(f"baseline  series.str.lower()  {baseline:7.3f} s")
    for name, seconds in (("match_companies", matched), ("group_companies", grouped)):
        print(f"{name:30}{seconds:7.3f} s   {seconds / baseline:5.2f} x baseline")
    print(f"matched distinct names: {(found['target'] != '').sum():,} "
          f"({(found['rule'] == 'typo').sum()} typos)")  # fmt: skip
    match_companies(["warm up"], targets)
    for kind, field in LONG_FIELDS.items():
        seconds = statistics.median(long_field_seconds(kind) for _ in range(3))
        print(f"long field {kind:9} {len(field):8,} characters: key, match, group, render {seconds:6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
