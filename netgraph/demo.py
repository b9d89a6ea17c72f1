"""``netgraph demo``: the whole pipeline on the bundled, invented sample network."""

from __future__ import annotations

from pathlib import Path

from netgraph.paths import Plan, load_plan
from netgraph.plot import map_png
from netgraph.report import render, write_output
from netgraph.sample_data import AS_OF, CONTACTS, EXPORT, KNOWN, TARGETS, network_specs

__all__ = ["load_sample", "run_demo"]


def load_sample() -> Plan:
    """The sample network's plan: Robin Castellanos, four friends' exports, as of 2026-11-20.

    Examples
    --------
    >>> plan = load_sample()
    >>> plan.owner.name
    'Robin Castellanos'
    """
    return load_plan(EXPORT, targets=TARGETS, network=network_specs(), known=KNOWN, contacts=CONTACTS, as_of=AS_OF)


def run_demo(output_dir: str | Path) -> str:
    """Write the four reports and the map for the sample network; return what to print.

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
    plan = load_sample()
    png = map_png(plan.G)
    written = []
    for fmt, name in (("markdown", "report.md"), ("html", "report.html"), ("json", "report.json"), ("csv", "report.csv")):
        write_output(render(plan, fmt=fmt, map_png=png if fmt == "html" else None), folder / name)
        written.append(folder / name)
    write_output(png, folder / "map.png")
    written.append(folder / "map.png")
    return _headline(plan) + "\n\nWrote:\n" + "\n".join(f"  {path}" for path in written)


def _headline(plan: Plan) -> str:
    s = plan.summary
    lines = [f"Sample network of {plan.owner.name} (invented), as of {plan.as_of}: {s['connections']} connections, "
             f"{s['networks']} friends' exports, {s['targets']} target companies.", ""]
    for company in plan.targets.sort_values("order")["company"]:
        ins = plan.insiders.loc[plan.insiders["company"].eq(company)]
        paths = plan.intro_paths.loc[plan.intro_paths["company"].eq(company)]
        if len(ins):
            top = ins.iloc[0]
            lines.append(f"{company}: ask {top['name']} ({top['position']}) for a {top['ask']}"
                         if top["ask"] != "reconnect" else
                         f"{company}: reconnect with {top['name']} ({top['position']}) before asking anything")
        elif len(paths):
            top = paths.iloc[0]
            lines.append(f"{company}: ask {top['connector_name']} to introduce you to {top['target_name']} "
                         f"({top['target_position']})")
        else:
            lines.append(f"{company}: nobody yet; see the nurture list and near misses")
    if len(plan.connectors):
        best = plan.connectors.iloc[0]
        lines += ["", f"Best connector: {best['name']}: {best['reasons'][0]}"]
    return "\n".join(lines)
