"""``netgraph demo``: the whole pipeline on the bundled, invented sample network."""

from __future__ import annotations

from pathlib import Path

from netgraph.diff import compare_exports, render_diff
from netgraph.load import load_plan, parse_network_spec
from netgraph.output import write_output
from netgraph.plan import Plan
from netgraph.plot import map_png
from netgraph.report import draft_message, render, render_actions, render_draft
from netgraph.sample_data import AS_OF, CONTACTS, EXPORT, KNOWN, OLD_EXPORT, TARGETS, network_specs
from netgraph.weights import Weights

__all__ = ["load_sample", "run_demo"]


def load_sample(*, weights: Weights | None = None) -> Plan:
    """The sample network's plan: Robin Castellanos, four friends' exports, as of 2026-11-20.

    Parameters
    ----------
    weights
        The scoring model (``Weights()`` by default), to see how the ranking moves.

    Examples
    --------
    >>> plan = load_sample()
    >>> plan.owner.name
    'Robin Castellanos'
    """
    return load_plan(EXPORT, targets=TARGETS, network=network_specs(), known=KNOWN, contacts=CONTACTS, as_of=AS_OF,
                     weights=weights)


def run_demo(output_dir: str | Path) -> str:
    """Write the four reports, the map and what changed since an older export; return what to print.

    Parameters
    ----------
    output_dir
        Created if missing; existing report files in it are replaced.

    Returns
    -------
    str
        The top recommendations and where the files are.
    """
    folder = Path(output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    inputs = _sample_inputs()
    plan = load_sample()
    png = map_png(plan.G)
    written = []
    reports = (("markdown", "report.md"), ("html", "report.html"), ("json", "report.json"), ("csv", "report.csv"))
    for fmt, name in reports:
        write_output(render(plan, fmt=fmt, map_png=png if fmt == "html" else None), folder / name, inputs=inputs,
                     what="the report")
        written.append(folder / name)
    write_output(png, folder / "map.png", inputs=inputs, what="the map")
    written.append(folder / "map.png")
    changes = render_diff(compare_exports(OLD_EXPORT, EXPORT, targets=[TARGETS]))
    write_output(changes, folder / "changes.txt", inputs=inputs, what="the changes")
    written.append(folder / "changes.txt")
    write_output(week_drafts(plan), folder / "drafts.txt", inputs=inputs, what="the drafts")
    written.append(folder / "drafts.txt")
    news = changes.splitlines()[2] if len(changes.splitlines()) > 2 else changes.strip()
    return (_headline(plan) + f"\n\nSince your export of March 2025: {news}"
            + "\n\nWrote:\n" + "\n".join(f"  {path}" for path in written))


def week_drafts(plan: Plan) -> str:
    """The message for each of this week's first actions, ready to edit and send."""
    parts = []
    for action in plan.actions[: plan.weights.week_actions]:
        about = action.target["name"] if action.target else action.recipient["name"]
        via = action.recipient["name"] if action.target else None
        parts.append(render_draft(draft_message(plan, target=about, via=via)))
    return ("\n" + "-" * 72 + "\n\n").join(parts)


def _sample_inputs() -> list[Path]:
    """Every file the demo reads: its outputs may not land on one of them."""
    friends = [Path(parse_network_spec(spec)[1]) for spec in network_specs()]
    return [Path(p) for p in (EXPORT, OLD_EXPORT, TARGETS, KNOWN, CONTACTS)] + friends


def _headline(plan: Plan) -> str:
    s = plan.summary
    packs = sum(1 for source in plan.G.graph.get("sources", ()) if source.get("kind") == "pack")
    exports = s["networks"] - packs
    shared = f"{exports} friends' exports" + (f" and {packs} share pack{'s' if packs != 1 else ''}" if packs else "")
    return (f"Sample network of {plan.owner.name} (invented), as of {plan.as_of}: {s['connections']} connections, "
            f"{shared}, {s['targets']} target companies.\n\n" + render_actions(plan).rstrip())
