"""Precision and recall of :func:`netgraph.companies.match_companies`.

Two labelled sets:

* ``tests/data/company_labels.csv``, our own: one row per (company string, target list)
  with the expected target (empty = none of the targets); the lists are
  ``tests/data/company_targets.csv`` (``main``) and ``company_targets_alt.csv`` (``alt``).
  Precision = correct predictions / predictions; recall = correct predictions / labelled
  positives.
* ``tests/data/company_strings_real.csv``: real company strings from LinkedIn exports that
  their owners published (see ``tests/data/README.md``): ``raw``, ``people`` (how many
  people wrote it), ``target``, ``label``: ``Y`` counts as that target, ``N`` does not,
  ``?`` is undecided (ignored), ``-`` names no target (a negative for every target). All
  strings are matched against a targets file of the targets in the file; a prediction of
  a target is correct when the string is labelled ``Y`` for it, ignored when ``?``, and a
  false match otherwise. Both weighted by people and per distinct string.

To check that the rules generalise rather than memorise, the real file's targets are
split in two halves (alphabetically, every other one): the rules were tuned looking at
the first half ("tune") only; the second ("check") is measured the same way, each half
matched against a targets file of its own targets only.

Run ``python benchmarks/eval_companies.py`` from the repository root (``--errors`` lists
every mistake on the real strings too).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from netgraph.companies import match_companies, read_targets

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TARGET_FILES = {"main": "company_targets.csv", "alt": "company_targets_alt.csv"}
REAL = "company_strings_real.csv"


@dataclass(frozen=True)
class Evaluation:
    """The outcome of :func:`evaluate` (our own labelled set)."""

    precision: float
    recall: float
    predictions: int
    positives: int
    correct: int
    errors: pd.DataFrame  # company, targets, kind, expected, predicted, rule


@dataclass(frozen=True)
class RealEvaluation:
    """The outcome of :func:`evaluate_real` for one set of targets."""

    targets: tuple[str, ...]
    precision_people: float
    recall_people: float
    precision_strings: float
    recall_strings: float
    errors: pd.DataFrame  # raw, people, expected, predicted, rule, kind ("false match", "missed")


def read_labels(data: Path = DATA) -> pd.DataFrame:
    """Our labelled set, with ``expected`` "" for none."""
    return pd.read_csv(data / "company_labels.csv", dtype=str, keep_default_na=False, encoding="utf-8")


def evaluate(data: Path = DATA, *, builtin_aliases: bool = True) -> Evaluation:
    """Match every labelled string against its target list and score the result."""
    labels = read_labels(data)
    parts = []
    for name, file in TARGET_FILES.items():
        rows = labels[labels["targets"] == name]
        matches = match_companies(rows["company"], read_targets(data / file), builtin_aliases=builtin_aliases)
        found = matches.reindex(rows["company"])
        parts.append(rows.assign(predicted=found["target"].to_numpy(), rule=found["rule"].to_numpy()))
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


def read_real(data: Path = DATA) -> pd.DataFrame:
    """The real strings: ``raw, people (int), target, label``."""
    frame = pd.read_csv(data / REAL, dtype=str, keep_default_na=False, encoding="utf-8")
    return frame.assign(people=frame["people"].astype(int))


def real_targets(data: Path = DATA) -> list[str]:
    """The targets the real file labels, alphabetically."""
    return sorted(set(read_real(data)["target"]) - {""})


def halves(data: Path = DATA) -> dict[str, list[str]]:
    """The tuning half and the check half of the real file's targets."""
    names = real_targets(data)
    return {"tune": names[0::2], "check": names[1::2]}


def evaluate_real(targets: list[str], data: Path = DATA, *, builtin_aliases: bool = True) -> RealEvaluation:
    """Score the matcher on the real strings against a targets file of ``targets``."""
    real = read_real(data)
    people = real.groupby("raw", sort=False)["people"].first()
    found = match_companies(people.index.to_series(), targets, builtin_aliases=builtin_aliases)
    found = found.reindex(people.index)
    labelled = real[real["target"].isin(targets)]
    labels = {(r, t): lab for r, t, lab in zip(labelled["raw"], labelled["target"], labelled["label"], strict=True)}
    positives = labelled[labelled["label"] == "Y"]
    rows = []
    for raw, predicted, rule in zip(found.index, found["target"], found["rule"], strict=True):
        if predicted and labels.get((raw, predicted)) != "?":
            good = labels.get((raw, predicted)) == "Y"
            rows.append((raw, int(people[raw]), "", predicted, rule, "match" if good else "false match"))
    for raw, target in zip(positives["raw"], positives["target"], strict=True):
        if found.at[raw, "target"] != target:
            rows.append((raw, int(people[raw]), target, found.at[raw, "target"], found.at[raw, "rule"], "missed"))
    table = pd.DataFrame(rows, columns=["raw", "people", "expected", "predicted", "rule", "kind"])
    matched = table[table["kind"] != "missed"]
    good = matched[matched["kind"] == "match"]
    return RealEvaluation(
        targets=tuple(targets),
        precision_people=good["people"].sum() / max(matched["people"].sum(), 1),
        recall_people=good["people"].sum() / max(positives["raw"].map(people).sum(), 1),
        precision_strings=len(good) / max(len(matched), 1),
        recall_strings=len(good) / max(len(positives), 1),
        errors=table[table["kind"] != "match"].sort_values(["kind", "people"], ascending=[True, False]),
    )


def _line(name: str, result: RealEvaluation) -> str:
    return (f"{name:7} {len(result.targets):2} targets  people-weighted P {result.precision_people:.3f} "
            f"R {result.recall_people:.3f}   per string P {result.precision_strings:.3f} "
            f"R {result.recall_strings:.3f}")  # fmt: skip


def main() -> int:
    builtin = "--no-builtin-aliases" not in sys.argv[1:]
    result = evaluate(builtin_aliases=builtin)
    labels = read_labels()
    print("Our labelled set (tests/data/company_labels.csv)")
    print(f"  labelled strings: {len(labels)} ({result.positives} positives)")
    print(f"  predictions:      {result.predictions} ({result.correct} correct)")
    print(f"  precision {result.precision:.3f}, recall {result.recall:.3f}")
    print(f"\nReal strings ({REAL}; goals: people-weighted P >= 0.99, R >= 0.98; per string P >= 0.97, R >= 0.85)")
    parts = {"all": real_targets(), **halves()}
    evaluations = {name: evaluate_real(targets, builtin_aliases=builtin) for name, targets in parts.items()}
    for name, real in evaluations.items():
        print("  " + _line(name, real))
    for name in ("tune", "check"):
        print(f"  {name}: {', '.join(parts[name])}")
    with pd.option_context("display.width", 160, "display.max_rows", None, "display.max_colwidth", 60):
        print(f"\nErrors on our labelled set ({len(result.errors)}):")
        print(result.errors.to_string(index=False) if len(result.errors) else "  none")
        if "--errors" in sys.argv[1:]:
            errors = evaluations["all"].errors
            print(f"\nErrors on the real strings, all targets ({len(errors)}):")
            print(errors.to_string(index=False) if len(errors) else "  none")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
