"""This week's plan: one action per person across every target, in the order to take them.

:func:`plan_actions` turns a plan's answers into a short list of things to do. Each person
gets at most one action at a time, whatever the number of targets they could help with;
someone you asked recently and who has not answered gets a follow-up after
``Weights.follow_up_days``, never a new ask, and nobody is asked again within
``Weights.ask_again_days``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from netgraph._cells import (
    insider_person,
    integer,
    number,
    path_connector,
    path_target,
    reasons,
    records,
    strings,
    text,
)
from netgraph.plan import Plan
from netgraph.weights import Weights

__all__ = ["Action", "Target", "targets", "target_actions", "plan_actions", "connector_asks", "insider_action",
           "path_action", "best_action"]


@dataclass(frozen=True)
class Target:
    """One target company with its rows, ready to render."""

    company: str
    priority: int
    order: int
    titles: tuple[str, ...]
    aliases: tuple[str, ...]
    insiders: list[dict] = field(default_factory=list)
    intro_paths: list[dict] = field(default_factory=list)

    @property
    def reachable(self) -> int:
        """How many distinct people at this company a connector can introduce you to."""
        return len({text(r.get("target_id")) or text(r.get("target_name")) for r in self.intro_paths})


def _by_score(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: -(number(r.get("score")) or 0.0))


def targets(plan: Plan, *, by: str = "order") -> list[Target]:
    """The targets with their insiders and intro paths (best first).

    Parameters
    ----------
    by
        ``"order"`` for the targets file's order (JSON, CSV), ``"priority"`` for the
        order a person acts in (Markdown, HTML): priority, then file order.
    """
    insiders: dict[str, list[dict]] = {}
    for row in records(plan.insiders):
        insiders.setdefault(text(row.get("company")), []).append(row)
    paths: dict[str, list[dict]] = {}
    for row in records(plan.intro_paths):
        paths.setdefault(text(row.get("company")), []).append(row)
    out = []
    for position, row in enumerate(records(plan.targets)):
        company = text(row.get("company"))
        out.append(Target(
            company=company,
            priority=integer(row.get("priority"), 1),
            order=integer(row.get("order"), position),
            titles=strings(row.get("titles")),
            aliases=strings(row.get("aliases")),
            insiders=_by_score(insiders.get(company, [])),
            intro_paths=_by_score(paths.get(company, [])),
        ))
    key = (lambda t: (t.priority, t.order)) if by == "priority" else (lambda t: t.order)
    return sorted(out, key=key)


def connector_asks(plan: Plan) -> dict[str, str]:
    """Connector id -> their ask (``introduction`` or ``reconnect``)."""
    return {text(r.get("person_id")): text(r.get("ask")) or "introduction"
            for r in records(plan.connectors)}


@dataclass(frozen=True)
class Action:
    """One thing to do: whom to write to, what to ask, and about which company.

    ``kind`` is the ask: ``referral``, ``conversation`` or ``reconnect`` for someone you
    know at the company; ``introduction`` or ``reconnect_first`` (get back in touch
    before asking) for a connector, with ``target`` the person to meet.
    """

    kind: str
    company: str
    priority: int
    score: float
    recipient: dict
    recipient_id: str
    target: dict | None = None
    target_id: str = ""
    warmth: float | None = None
    reasons: tuple[str, ...] = ()
    due: dt.date | None = None
    since: dt.date | None = None
    evidence: tuple = ()

    @property
    def tier(self) -> int:
        """0 a follow-up that is due, 1 an ask you can make now, 2 a reconnection first."""
        if self.kind == "follow-up":
            return 0
        return 2 if self.kind in ("reconnect", "reconnect_first", "give") else 1

    @property
    def contract_kind(self) -> str:
        """The kind as the JSON report names it (a connector to reconnect with is ``reconnect``)."""
        return "reconnect" if self.kind == "reconnect_first" else self.kind


def insider_action(row: dict, target: Target) -> Action:
    ask = text(row.get("ask")) or "conversation"
    evidence = row.get("evidence")
    return Action(kind=ask, company=target.company, priority=target.priority,
                  score=number(row.get("score")) or 0.0, recipient=insider_person(row),
                  recipient_id=text(row.get("person_id")),
                  warmth=number(row.get("warmth")), reasons=tuple(reasons(row.get("reasons"))),
                  evidence=tuple(evidence) if isinstance(evidence, tuple) else ())


def path_action(row: dict, target: Target, asks: dict[str, str]) -> Action:
    connector_id = text(row.get("connector_id"))
    kind = "reconnect_first" if asks.get(connector_id) == "reconnect" else "introduction"
    return Action(kind=kind, company=target.company, priority=target.priority,
                  score=number(row.get("score")) or 0.0, recipient=path_connector(row),
                  recipient_id=connector_id, target=path_target(row),
                  target_id=text(row.get("target_id")),
                  warmth=number(row.get("warmth")), reasons=tuple(reasons(row.get("reasons"))))


def target_actions(plan: Plan, target: Target, asks: dict[str, str] | None = None) -> list[Action]:
    """Every action for one company, the one to take first at the front.

    Asks you can make now (a referral, a conversation, an introduction) come before
    those that need a reconnection first; within each, the higher score first, and on
    equal scores someone you know before an introduction.
    """
    asks = connector_asks(plan) if asks is None else asks
    actions = [insider_action(r, target) for r in target.insiders]
    actions += [path_action(r, target, asks) for r in target.intro_paths]
    return sorted(actions, key=lambda a: (a.tier, -a.score, a.target is not None))


def plan_actions(plan: Plan, *, weights: Weights | None = None) -> tuple[Action, ...]:
    """Every action worth taking now, at most one per person, in the order to take them.

    Follow-ups that are due come first, then asks you can make now (best score first:
    scores already weigh the company's priority), then reconnections.

    Parameters
    ----------
    plan
        The answers (insiders, intro paths, connectors) and the graph with the ledger's
        state on each of your ties (``asked_days``, ``open_ask``).
    weights
        For ``follow_up_days`` and ``ask_again_days``.

    Returns
    -------
    tuple of Action
    """
    w = weights or Weights()
    asks = connector_asks(plan)
    every = [a for t in targets(plan, by="priority") for a in target_actions(plan, t, asks)]
    every.sort(key=lambda a: (a.tier, -a.score, a.priority))
    G = plan.G
    owner = G.graph.get("owner")
    chosen: list[Action] = []
    seen: set[str] = set()
    for action in every:
        key = action.recipient_id or action.recipient["name"]
        if key in seen:
            continue
        seen.add(key)
        tie = G.edges[owner, key] if owner is not None and G.has_edge(owner, key) else {}
        asked = tie.get("asked_days")
        if asked is not None and pd.notna(asked) and asked < w.ask_again_days:
            if tie.get("open_ask") and asked >= w.follow_up_days:
                asked_on = plan.as_of - dt.timedelta(days=int(asked))
                chosen.append(Action(
                    kind="follow-up", company=action.company, priority=action.priority, score=action.score,
                    recipient=action.recipient, recipient_id=action.recipient_id, target=action.target,
                    target_id=action.target_id, warmth=action.warmth, evidence=action.evidence,
                    reasons=(f"you asked {action.recipient['name']} {int(asked)} days ago and have no reply yet: "
                             "a short, friendly nudge, not a second ask",),
                    due=asked_on + dt.timedelta(days=int(w.follow_up_days)), since=asked_on))
            continue  # asked recently: no new ask before the cool-down
        chosen.append(action)
    return tuple(sorted(chosen, key=lambda a: (a.tier, -a.score, a.priority)))


def best_action(plan: Plan, target: Target, asks: dict[str, str] | None = None) -> Action | None:
    """The first step at one target that keeps to one ask per person at a time.

    The week's plan's action for this company when it has one; else the best action whose
    person the plan does not already ask about another company; else the best action (its
    person is then asked about two companies, one after the other).
    """
    actions = target_actions(plan, target, asks)
    if not actions:
        return None
    planned = {a.recipient_id: a.company for a in plan.actions}
    for action in plan.actions:
        if action.company == target.company:
            return action
    free = [a for a in actions if planned.get(a.recipient_id, target.company) == target.company]
    return free[0] if free else actions[0]
