"""The next steps as plain text: what the demo prints and a terminal user reads first."""

from __future__ import annotations

from netgraph.plan import Plan
from netgraph.report import _common as c


def render_actions(plan: Plan) -> str:
    """Plain text: this week's first steps, then the best first step at each target."""
    same = lambda s: s  # noqa: E731 - plain text needs no escaping
    lines = ["Do these first this week:"]
    lines += [f"  {i}. {c.describe(a, same, same)}" for i, a in enumerate(c.first_actions(plan), 1)]
    lines += ["", "Best first step at each target:"]
    asks = c.connector_asks(plan)
    for target in c.targets(plan):
        action = c.best_action(plan, target, asks)
        step = c.describe(action, same, same) if action else "nobody yet: see the nurture list and near misses."
        lines.append(f"  {target.company} (priority {target.priority}): {step}")
    return "\n".join(lines) + "\n"
