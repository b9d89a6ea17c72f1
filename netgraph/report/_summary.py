"""The HTML summary a notebook shows for a :class:`~netgraph.plan.Plan` (``_repr_html_``)."""

from __future__ import annotations

from html import escape


def summary_html(plan, *, top: int = 3) -> str:
    """A compact, escaped HTML card: counts, targets, and the top recommendations."""
    s = plan.summary
    counts = ", ".join(f"{escape(str(v))} {escape(k.replace('_', ' '))}" for k, v in s.items())
    rows = []
    for company in plan.targets.sort_values("order")["company"]:
        ins = plan.insiders.loc[plan.insiders["company"] == company].head(top)
        pth = plan.intro_paths.loc[plan.intro_paths["company"] == company].head(top)
        best = "; ".join(f"{escape(n)} ({escape(a)})" for n, a in zip(ins["name"], ins["ask"])) or "&ndash;"
        via = "; ".join(f"{escape(t)} via {escape(c)}"
                        for t, c in zip(pth["target_name"], pth["connector_name"])) or "&ndash;"
        rows.append(f"<tr><td>{escape(company)}</td><td>{best}</td><td>{via}</td></tr>")
    ask = "; ".join(escape(n) for n in plan.connectors["name"].head(top)) or "&ndash;"
    owner = escape(plan.owner.name or "you")
    return (
        f"<div><strong>netgraph plan for {owner}</strong> as of {plan.as_of.isoformat()}<br>"
        f"<small>{counts}</small>"
        "<table><thead><tr><th>target</th><th>insiders (ask)</th><th>intro paths</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
        f"<p>Whom to ask for introductions first: {ask}</p></div>"
    )
