"""Whom to get back in touch with before you need them, and what to offer them.

The nurture list holds the cold ties that matter: insiders at your targets and
connectors who could introduce you there, whose tie has gone quiet. It ranks them by
what they could unlock if the tie were warm again, and suggests something to give
first, drawn from what the evidence says about them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netgraph.advice import suggest_offer
from netgraph.plan import Plan
from netgraph.weights import Weights

__all__ = ["find_nurture", "render_nurture", "suggest_offer"]

_COLUMNS = ["person_id", "name", "company", "position", "warmth", "unlocks", "score", "role", "offer", "started",
            "reasons"]


def find_nurture(plan: Plan, *, weights: Weights | None = None, warmth_below: float = 0.3) -> pd.DataFrame:
    """The people to reconnect with, most useful first.

    A person is on the list when they are an insider or a connector whose tie is cold:
    warmth (before any ledger bonus) below ``warmth_below``, or quiet for
    ``Weights.cold_days``. The score is what they unlock (an insider's relevance; a
    connector's paths, as if the tie were warm) times how much warming they need.
    People you have started to reconnect with (a give in the ledger within
    ``Weights.ledger_give_half_life_days``)
    come first: follow through before anything else.

    Parameters
    ----------
    plan
        From :func:`netgraph.load.load_plan`.
    weights
        The scoring model (for the path shares and company decay).
    warmth_below
        Ties at or above this warmth are warm enough already, unless marked reconnect.

    Returns
    -------
    pandas.DataFrame
        ``person_id, name, company, position, warmth, unlocks, score, role ('insider',
        'connector' or 'insider and connector'), offer, started (a recent give in the
        ledger), reasons``, best first.
    """
    w = weights or Weights()
    G, owner = plan.G, plan.G.graph["owner"]
    unlocks: dict[str, float] = {}
    roles: dict[str, set] = {}
    for pid, rel in zip(plan.insiders["person_id"], plan.insiders["relevance"]):
        unlocks[pid] = max(unlocks.get(pid, 0.0), float(rel))
        roles.setdefault(pid, set()).add("insider")
    if len(plan.intro_paths):
        _, b, c = w.path_shares
        p = plan.intro_paths.assign(potential=plan.intro_paths["strength"] ** b * plan.intro_paths["relevance"] ** c)
        p = p.sort_values("potential", ascending=False, kind="stable")
        p = p.assign(value=p["potential"] * w.same_company_decay ** p.groupby(["connector_id", "company"]).cumcount())
        totals = p.groupby("connector_id")["value"].agg(lambda v: 1 - float(np.prod(1 - v)))
        for cid, value in zip(totals.index.astype(str), totals.astype(float)):
            unlocks[cid] = max(unlocks.get(cid, 0.0), value)
            roles.setdefault(cid, set()).add("connector")
    rows = []
    for pid, value in unlocks.items():
        tie, node = G.edges[owner, pid], G.nodes[pid]
        base = tie.get("model_warmth", tie["warmth"])
        started = tie.get("gave_days", np.nan) <= w.ledger_give_half_life_days
        cold = base < warmth_below or tie.get("quiet_days", 0) >= w.cold_days
        if not (cold or (started and base < warmth_below)):
            continue
        score = value * (1 - base)
        role = " and ".join(sorted(roles[pid], key=["insider", "connector"].index))
        rows.append({
            "person_id": pid, "name": node["name"], "company": node["company"], "position": node["position"],
            "warmth": tie["warmth"], "unlocks": round(value, 4), "score": round(score, 4), "role": role,
            "offer": suggest_offer(node, tuple(tie.get("evidence", ()))), "started": started,
            "reasons": tuple(tie["reasons"]) + ((_started(tie),) if started else ()) + (_why(pid, plan, role),),
        })
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out = out.sort_values(["started", "score", "name"], ascending=[False, False, True], kind="stable")
    return out.reset_index(drop=True)


def _started(tie: dict) -> str:
    return f"you gave them something {int(tie['gave_days'])} days ago: follow up before you ask"


def _why(pid: str, plan: Plan, role: str) -> str:
    parts = []
    if "insider" in role:
        companies = plan.insiders.loc[plan.insiders["person_id"] == pid, "company"].unique()
        parts.append(f"works at {', '.join(companies)}")
    if "connector" in role:
        reach = plan.intro_paths.loc[plan.intro_paths["connector_id"] == pid]
        n = reach["target_id"].nunique()
        parts.append(f"knows {n} {'person' if n == 1 else 'people'} at {', '.join(reach['company'].unique())}")
    return " and ".join(parts)


def render_nurture(table: pd.DataFrame, *, top: int | None = 15) -> str:
    """The nurture list as plain text: who, why they matter, what to offer."""
    if table.empty:
        return "Nobody to nurture: every tie that reaches your targets is warm.\n"
    shown = table if top is None else table.head(top)
    lines = [f"Warm these ties before you need them: give first, ask later ({len(table)} people, best first):", ""]
    for i, row in enumerate(shown.to_dict("records"), 1):
        who = ", ".join(str(x) for x in (row["position"], row["company"]) if x)
        reasons = tuple(row["reasons"])
        lines.append(f"{i}. {row['name']} ({who}): {row['role']}, warmth {float(row['warmth']):.2f}")
        lines.append(f"   why: {reasons[-1]}; {reasons[0] if len(reasons) > 1 else ''}".rstrip("; "))
        lines.append(f"   offer: {row['offer']}")
    if len(shown) < len(table):
        lines.append(f"... and {len(table) - len(shown)} more")
    return "\n".join(lines) + "\n"
