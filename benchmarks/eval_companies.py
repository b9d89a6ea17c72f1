"""Precision and recall of :func:`netgraph.companies.match_companies` on labelled names.

The labelled set is ``tests/data/company_labels.csv``: one row per (company string,
target list) with the expected target (empty = none of the targets). The target lists are
``tests/data/company_targets.csv`` (``targets`` = ``main``) and
``tests/data/company_targets_alt.csv`` (``alt``).

Definitions:

* a *prediction* is a non-empty target returned for a labelled string;
* a *labelled positive* is a row whose expected target is non-empty;
* a prediction is *correct* when it equals the expected target;
* precision = correct predictions / predictions;
* recall = correct predictions / labelled positives.

Run ``python benchmarks/eval_companies.py`` from the repository root: it prints both
figures and lists every error (wrong target, missed target, target where none is right).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from netgraph.companies import match_companies, read_targets

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TARGET_FILES = {"main": "company_targets.csv", "alt": "company_targets_alt.csv"}


@dataclass(frozen=True)
class Evaluation:
    """The outcome of :func:`evaluate`."""

    precision: float
    recall: float
    predictions: int
    positives: int
    correct: int
    errors: pd.DataFrame  # company, targets, kind, expected, predicted, rule


def read_labels(data: Path = DATA) -> pd.DataFrame:
    """The labelled set, with ``expected`` "" for none."""
    return pd.read_csv(
        data / "company_labels.csv", dtype=str, keep_default_na=False, encoding="utf-8"
    )


def evaluate(data: Path = DATA, *, builtin_aliases: bool = True) -> Evaluation:
    """Match every labelled string against its target list and score the result."""
    labels = read_labels(data)
    parts = []
    for name, file in TARGET_FILES.items():
        rows = labels[labels["targets"] == name]
        matches = match_companies(
            rows["company"], read_targets(data / file), builtin_aliases=builtin_aliases
        )
        found = matches.reindex(rows["company"])
        parts.append(
            rows.assign(
                predicted=found["target"].to_numpy(), rule=found["rule"].to_numpy()
            )
        )
    result = pd.concat(parts, ignore_index=True)
    predicted = result["predicted"] != ""
    positive = result["expected"] != ""
    correct = predicted & (result["predicted"] == result["expected"])
    wrong = result["predicted"] != result["expected"]
    errors = result.loc[wrong, ["company", "targets", "kind", "expected", "predicted", "rule"]]
    return Evaluation(
        precision=correct.sum() / max(predicted.sum(), 1),
        recall=correct.sum() / max(positive.sum(), 1),
        predictions=int(predicted.sum()),
        positives=int(positive.sum()),
        correct=int(correct.sum()),
        errors=errors.reset_index(drop=True),
    )


def main() -> int:
    builtin = "--no-builtin-aliases" not in sys.argv[1:]
    result = evaluate(builtin_aliases=builtin)
    labels = read_labels()
    print(f"labelled strings: {len(labels)} ({result.positives} positives)")
    print(f"predictions:      {result.predictions} ({result.correct} correct)")
    print(f"precision:        {result.precision:.3f}")
    print(f"recall:           {result.recall:.3f}")
    print(f"\nerrors ({len(result.errors)}):")
    with pd.option_context("display.width", 120, "display.max_rows", None):
        print(result.errors.to_string(index=False) if len(result.errors) else "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
