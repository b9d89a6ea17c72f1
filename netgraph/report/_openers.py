"""How you know someone, from the evidence only, and the first line of a message that fits it.

:func:`history` reads a tie's evidence (:mod:`netgraph.evidence`), never a reason
sentence, and :data:`OPENERS` holds one opening line per kind of history; each claims no
more than the data holds ("since we last talked" only after a two-way exchange).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from netgraph.actions import Action
from netgraph.evidence import exchanged, find, invited, last_exchange
from netgraph.plan import Plan

__all__ = ["history", "opener", "tie_evidence", "OPENERS"]


def tie_evidence(plan: Plan, person_id: str) -> tuple:
    owner = plan.G.graph.get("owner")
    if owner is not None and plan.G.has_edge(owner, person_id):
        return tuple(plan.G.edges[owner, person_id].get("evidence", ()))
    return ()


def history(action: Action, evidence: tuple, as_of: dt.date) -> str:
    """How you know them, from the evidence only (never from reason sentences).

    One of ``recommended``, ``close``, ``met`` (your note says so), ``colleague``,
    ``classmate``, ``talked``, ``unanswered``, ``they wrote`` (you never answered),
    ``they invited``, ``you invited``, ``new``
    (connected in the last three months) or ``never talked``.
    """
    warmth = action.warmth if action.warmth is not None else 0.0
    talked = exchanged(evidence)
    if any(e.kind == "recommendation" and e.direction == "received" for e in evidence) and talked:
        return "recommended"
    if warmth >= 0.6 and talked:
        return "close"
    if any(e.kind == "note" and "met-recently" in e.tags for e in evidence):
        return "met"
    last = last_exchange(evidence)
    if talked and last is not None and (pd.Timestamp(as_of) - last).days <= 365:
        return "talked"  # a recent conversation says more than where you met
    confirmed = [e for e in find(evidence, "shared_history") if not e.inferred]
    if any(e.flag == "job" for e in confirmed):
        return "colleague"
    if any(e.flag == "school" for e in confirmed):
        return "classmate"
    if talked:
        return "talked"
    if any(e.kind == "messages" and e.direction == "sent" for e in evidence):
        return "unanswered"
    if any(e.kind == "messages" and e.direction == "received" for e in evidence):
        return "they wrote"
    invitation = invited(evidence)
    if invitation is not None and invitation.date is not None and (pd.Timestamp(as_of) - invitation.date).days <= 365:
        return "they invited" if invitation.direction == "received" else "you invited"
    connected = find(evidence, "connected")
    if connected and connected[0].date is not None and (pd.Timestamp(as_of) - connected[0].date).days <= 90:
        return "new"
    return "never talked"


OPENERS = {
    "recommended": "Thanks again for the recommendation you wrote for me.",
    "close": "I hope your week is going well.",
    "met": "It was good to meet you recently.",
    "colleague": "I hope things are good with you since we worked together.",
    "classmate": "I hope all is well since we studied together.",
    "talked": "I hope you've been well since we last talked.",
    "unanswered": "I hope you're well. I know my last message may have come at a busy time.",
    "they wrote": "I'm sorry I never replied to your kind message; I'd like to make up for that now.",
    "they invited": "Thanks for reaching out to connect here.",
    "you invited": "Thank you for accepting my invitation to connect.",
    "new": "We connected here recently, and I wanted to properly introduce myself.",
    "never talked": "We're connected here, though I don't think we've properly talked yet.",
}


def opener(history: str) -> str:
    """A first line fitted to how you know them, claiming nothing the data does not hold."""
    return OPENERS[history]
