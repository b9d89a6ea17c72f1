"""The docs stay true: the graph schema in docs/architecture.md is the graph the code builds,
and no file in the repository points at a place outside it."""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

import netgraph

ROOT = Path(__file__).resolve().parent.parent
ARCHITECTURE = ROOT / "docs" / "architecture.md"

# -- the graph schema ----------------------------------------------------------------------

# The doc's edge tables name the two ends of an edge with these words.
YOU_CONNECTION = "you – a connection"
CONNECTION_PERSON = "a connection – a person at a target"
PERSON_COMPANY = "a person – a target company"


def _cells(line: str) -> list[str]:
    """The cells of a Markdown table row (``\\|`` is a pipe inside a cell)."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]


def _name(cell: str) -> str:
    """The one `backticked` name of a table cell."""
    found = re.fullmatch(r"`([^`]+)`", cell)
    assert found, f"docs/architecture.md: expected one `name` in the cell {cell!r}"
    return found.group(1)


def documented_schema(text: str) -> set[tuple[str, str, str]]:
    """Every attribute the graph section of the doc lists, as (where, kind, attribute).

    ``where`` is ``graph``, ``node`` or an edge's ends (``you – a connection``, ...);
    ``kind`` is the node or edge kind (``""`` for ``G.graph``).
    """
    section = text.split("\n## The graph", 1)[1].split("\n## ", 1)[0]
    rows: set[tuple[str, str, str]] = set()
    table = None
    for line in section.splitlines():
        if line.startswith("### "):
            table = "graph" if "G.graph" in line else "node" if "Nodes" in line else "edge" if "Edges" in line else None
            continue
        if table is None or not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = _cells(line)
        if cells[0] in ("attribute", "kind"):  # the header row
            continue
        if table == "graph":
            rows.add(("graph", "", _name(cells[0])))
        elif table == "node":
            rows.add(("node", _name(cells[0]), _name(cells[1])))
        else:
            rows.add((cells[1], _name(cells[0]), _name(cells[2])))
    return rows


def actual_schema(G) -> set[tuple[str, str, str]]:
    """Every attribute present in `G`, as (where, kind, attribute), in the doc's terms."""
    owner = G.graph["owner"]
    rows = {("graph", "", key) for key in G.graph}
    for _, data in G.nodes(data=True):
        rows.update(("node", data["kind"], key) for key in data)
    for u, v, data in G.edges(data=True):
        if data["kind"] == "works_at":
            ends = PERSON_COMPANY
        elif owner in (u, v):
            ends = YOU_CONNECTION
        else:
            ends = CONNECTION_PERSON
        rows.update((ends, data["kind"], key) for key in data)
    return rows


def test_documented_schema_reads_the_tables():
    text = (
        "\n## The graph\n\n### `G.graph`\n\n| attribute | what |\n|---|---|\n| `owner` | you |\n\n"
        "### Nodes\n\n| kind | attribute | on | what |\n|---|---|---|---|\n| `person` | `degree` | all | 1 or 2 |\n\n"
        f"### Edges\n\n| kind | between | attribute | what |\n|---|---|---|---|\n"
        f"| `tie` | {YOU_CONNECTION} | `warmth` | 0..1 |\n\n## Next\n\n| `x` | `y` |\n"
    )
    assert documented_schema(text) == {("graph", "", "owner"), ("node", "person", "degree"),
                                       (YOU_CONNECTION, "tie", "warmth")}


@pytest.fixture(scope="module")
def sample_plan():
    return netgraph.load_sample()


def test_every_graph_attribute_is_documented_and_every_documented_one_exists(sample_plan):
    """docs/architecture.md lists exactly the attributes that the bundled sample's plan.G carries.

    The sample uses every kind of input (friends' exports, known ties, notes), so each
    attribute the code writes shows up in its graph; an attribute written only in a case
    the sample lacks must be added to the sample, not left out of the doc.
    """
    documented = documented_schema(ARCHITECTURE.read_text(encoding="utf-8"))
    actual = actual_schema(sample_plan.G)
    assert not actual - documented, f"in the graph but not in docs/architecture.md: {sorted(actual - documented)}"
    assert not documented - actual, f"in docs/architecture.md but not in the graph: {sorted(documented - actual)}"


# -- the JSON report --------------------------------------------------------------------------


def documented_json_fields(text: str) -> dict[str, set[str]]:
    """The fields each table of docs/json-report.md lists, by the heading above the table."""
    fields: dict[str, set[str]] = defaultdict(set)
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line.lstrip("#").strip().strip("`")
        elif line.startswith("| `") and heading:
            fields[heading].add(_name(_cells(line)[0]))
    return dict(fields)


def test_json_report_doc_lists_exactly_the_fields_the_report_writes(sample_plan):
    """docs/json-report.md and render_json agree, level by level, on the bundled sample."""
    import json

    report = json.loads(netgraph.render_json(sample_plan))
    doc = documented_json_fields((ROOT / "docs" / "json-report.md").read_text(encoding="utf-8"))
    target = next(t for t in report["targets"] if t["insiders"] and t["intro_paths"])
    introduction = next(a for a in report["actions"] if a["about"])
    person = doc["Person"]
    assert report["schema"] == 2
    assert set(report) == doc["The document"]
    assert list(report["summary"]) == _summary_order()
    assert set(report["summary"]) == doc["summary"]
    assert set(target) == doc["Target"]
    assert set(target["insiders"][0]) == person | doc["Insider"]
    assert set(target["intro_paths"][0]) == doc["Path"]
    assert set(target["intro_paths"][0]["target"]) == set(target["intro_paths"][0]["connector"]) == person
    assert set(report["connectors"][0]) == person | doc["Connector"]
    assert set(introduction) == doc["Action"] and set(introduction["person"]) == person
    assert set(report["near_misses"][0]) == doc["Near miss"]


def _summary_order() -> list[str]:
    """The keys of the doc's `summary` table, in the order the doc lists them."""
    text = (ROOT / "docs" / "json-report.md").read_text(encoding="utf-8")
    table = text.split("### `summary`", 1)[1].split("###", 1)[0]
    return [_name(_cells(line)[0]) for line in table.splitlines() if line.startswith("| `")]


# -- no path outside the repository -----------------------------------------------------------

# Written so that this file does not itself contain what it looks for.
OUTSIDE = {
    "a sibling folder of the checkout": re.compile(r"\.\./+" + "sha" + r"red\b"),
    "the project machine's work folder": re.compile(r"(?<![\w.~-])/w[o]rk\b"),
    "a temporary folder": re.compile(r"(?<![\w.~-])/t[m]p\b"),
}
# An upper-case document name (README.md style) must be a file of the repository.
DOCUMENT = re.compile(r"(?<![\w.-])([A-Z][A-Z0-9_]*\.md)\b")
SKIP_SUFFIXES = {".png", ".zip", ".jpg", ".jpeg", ".gif", ".pdf", ".sqlite", ".ico"}


def repository_files() -> list[Path]:
    """The files of the repository: tracked ones, and new ones not ignored."""
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                                cwd=ROOT, capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return sorted(ROOT / name for name in listed.decode("utf-8").split("\0") if name)


def outside_references(text: str, known_documents: set[str]) -> list[tuple[int, str]]:
    """(line number, what) for every place in `text` that names something outside the repository."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [(number, what) for what, pattern in OUTSIDE.items() if pattern.search(line)]
        found += [(number, f"{name}, which is not in the repository")
                  for name in DOCUMENT.findall(line) if name not in known_documents]
    return found


@pytest.mark.parametrize(("text", "expected"), [
    ("see ../" + "shared/notes", ["a sibling folder of the checkout"]),
    ("cd /" + "work/main", ["the project machine's work folder"]),
    ("netgraph demo --output-dir /" + "tmp/demo", ["a temporary folder"]),
    ("the spec is in " + "SPEC" + ".md", ["SPEC" + ".md, which is not in the repository"]),
    ("def test_x(tmp_path): tmp_path / 'report.md'; 'build/tmp/x'; README.md; docs/work/x", []),
])
def test_outside_references_finds_only_outside_places(text, expected):
    assert [what for _, what in outside_references(text, {"README.md"})] == expected


def test_no_file_names_a_path_outside_the_repository():
    files = repository_files()
    documents = {path.name for path in files}
    problems = []
    for path in files:
        if path.suffix.lower() in SKIP_SUFFIXES or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        problems += [f"{path.relative_to(ROOT)}:{line}: {what}" for line, what in outside_references(text, documents)]
    assert not problems, "name places outside the repository (point at docs/ instead):\n" + "\n".join(problems)


def test_every_doc_link_resolves():
    """Relative links in the README and docs/ point at files that exist."""
    broken = defaultdict(list)
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if not re.match(r"[a-z]+:", target) and not (page.parent / target).exists():
                broken[page.name].append(target)
    assert not broken, dict(broken)
