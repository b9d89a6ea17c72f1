"""What every renderer shares: the plan's cells as plain values, and the actions' sentences.

Cell values come from :mod:`netgraph._cells`; targets and actions are planned in
:mod:`netgraph.actions` (this module re-exports them for the renderers); the warmth words
come from :mod:`netgraph.advice`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netgraph._cells import (
    first_name,
    insider_person,
    integer,
    iso_date,
    long_date,
    number,
    path_connector,
    path_target,
    person,
    plural,
    position_at,
    reasons,
    records,
    strings,
    text,
    web_url,
)
from netgraph.actions import (
    Action,
    Target,
    _by_score,
    best_action,
    connector_asks,
    insider_action,
    path_action,
    target_actions,
    targets,
)
from netgraph.advice import warmth_word
from netgraph.plan import Plan

__all__ = [
    "first_name", "integer", "iso_date", "long_date", "number", "person", "plural", "position_at", "reasons",
    "records", "strings", "text", "web_url", "insider_person", "path_target", "path_connector", "Action",
    "Target", "best_action", "connector_asks", "insider_action", "path_action", "target_actions", "targets",
    "warmth_label",
    "first_actions", "people_index", "reached_people", "connectors", "data_notes", "summary_counts", "describe",
    "SUMMARY_KEYS", "Progress", "progress",
]

#: the counts of ``Plan.summary``, in the order reports show them
SUMMARY_KEYS = ("connections", "hidden", "targets", "insiders", "intro_paths", "connectors",
                "second_degree", "skipped_rows", "networks")


def warmth_label(warmth: float | None) -> str:
    """The warmth scale's word for a tie (:func:`netgraph.advice.warmth_word`)."""
    return warmth_word(warmth)


def first_actions(plan: Plan, *, count: int | None = None) -> list[Action]:
    """The few things to do first this week: the head of ``plan.actions``."""
    return list(plan.actions)[: count or plan.weights.week_actions]


def people_index(plan: Plan) -> dict[str, dict]:
    """Every person id the plan mentions, with their Person (for ``reaches``)."""
    index: dict[str, dict] = {}
    for node, data in plan.G.nodes(data=True):
        if data.get("kind") == "person":
            index[node] = person(data.get("name"), data.get("url"), data.get("company"),
                                 data.get("position"))
    for row in records(plan.insiders):
        index.setdefault(text(row.get("person_id")), insider_person(row))
    for row in records(plan.intro_paths):
        index[text(row.get("target_id"))] = path_target(row)
        index.setdefault(text(row.get("connector_id")), path_connector(row))
    return index


def reached_people(plan: Plan, reaches: object, index: dict[str, dict] | None = None) -> list[dict]:
    """The people a connector reaches, as Persons, in the connector's order."""
    index = people_index(plan) if index is None else index
    return [index.get(pid) or person(pid, "", "", "") for pid in strings(reaches)]


def connectors(plan: Plan) -> list[dict]:
    return _by_score(records(plan.connectors))


def data_notes(plan: Plan) -> list[str]:
    """The plan's notes, plus a line on skipped rows unless a note already says so."""
    notes = [text(n) for n in plan.notes if text(n).strip()]
    skipped = summary_counts(plan).get("skipped_rows", 0)
    if skipped and not any("skipped" in n.casefold() for n in notes):
        notes.append(f"{plural(skipped, 'row')} of your data could not be used "
                     "(netgraph inspect lists each one with the reason)")
    return notes


def summary_counts(plan: Plan) -> dict[str, int]:
    """``plan.summary`` as plain ints, in a fixed key order (documented keys first)."""
    raw = dict(plan.summary or {})
    counts = {key: integer(raw[key]) for key in SUMMARY_KEYS if key in raw}
    counts.update({key: integer(raw[key]) for key in sorted(raw, key=str) if key not in counts})
    return counts


def describe(action: Action, strong: Callable[[str], str], plain: Callable[[str], str]) -> str:
    """One sentence for an action; `strong` and `plain` escape names for the format."""
    who = strong(action.recipient["name"])
    company = strong(action.company)
    if action.kind == "follow-up":
        about = f" about {strong(action.target['name'])}" if action.target else ""
        when = f" of {long_date(action.since)}" if action.since else ""
        return f"Follow up with {who} on your ask{when}{about} ({company}): a short nudge, no new ask."
    if action.kind == "referral":
        return f"Ask {who} for a referral at {company}: you know each other well enough to ask."
    if action.kind == "conversation":
        return f"Ask {who} for 20 minutes on what working at {company} is like."
    if action.kind == "reconnect":
        return (f"Get back in touch with {who} at {company}: send something useful "
                "and ask for nothing yet.")
    target = action.target or {}
    about = strong(target.get("name", ""))
    role = plain(target.get("position", ""))
    at = f" ({role} at {company})" if role else f" at {company}"
    if action.kind == "reconnect_first":
        return (f"Get back in touch with {who} before asking for an introduction "
                f"to {about}{at}.")
    return f"Ask {who} to introduce you to {about}{at}."


# -- the tracker -------------------------------------------------------------------------

_STEP_WORDS = {"asked": "asked", "yes": "said yes", "no": "said no", "no-answer": "no answer",
               "introduced": "introduced", "talked": "talked", "referred": "referred", "applied": "applied"}
_NEXT = {"follow-up": "send a short follow-up", "thank-you": "thank them, then write to the person introduced",
         "to-them": "write to the person you were introduced to", "report-back": "tell them how it went"}


@dataclass(frozen=True)
class Progress:
    """One ledger thread, ready to render: who, about whom, the steps so far, the next one."""

    target: str
    person: str
    about: str
    steps: tuple[tuple[str, str], ...]  # (words, "12 November 2026")
    next_step: str


def progress(plan: Plan) -> list[Progress]:
    """The ledger's threads (``plan.threads``), per target in the plan's order, newest first."""
    threads = plan.threads
    if threads is None or len(threads) == 0:
        return []
    order = {t.company: t.order for t in targets(plan)}
    rows = sorted(records(threads), key=lambda r: (order.get(text(r.get("target")), len(order)),
                                                  -r["asked_on"].toordinal()))
    return [Progress(target=text(r.get("target")) or "no target named", person=text(r.get("name")),
                     about=text(r.get("about")),
                     steps=tuple((_STEP_WORDS.get(stage, stage), long_date(day)) for stage, day in r["steps"]),
                     next_step=_NEXT.get(text(r.get("next_step")), "")) for r in rows]
