"""What every renderer shares: clean values from the plan frames, and the next actions.

The renderers never read a frame column directly: they go through these helpers, so a
missing column or an ``NA`` becomes an empty string, a score becomes a float and
``reasons`` becomes a list of strings, in one place.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from netgraph.plan import Plan

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")

#: the counts of ``Plan.summary``, in the order reports show them
SUMMARY_KEYS = ("connections", "hidden", "targets", "insiders", "intro_paths", "connectors",
                "second_degree", "skipped_rows", "networks")

_WORD = re.compile(r"\w+")


# -- values ------------------------------------------------------------------------------


def text(value: object) -> str:
    """A cell as a string: ``None``/``NA`` become ``""``, anything else ``str``."""
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    try:
        if pd.isna(value) is True:
            return ""
    except (TypeError, ValueError):
        pass
    return str(value)


def number(value: object) -> float | None:
    """A score rounded to 3 decimals, or ``None`` when it is missing."""
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(result) else round(result, 3)


def integer(value: object, default: int = 0) -> int:
    try:
        result = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return default if math.isnan(result) else int(result)


def reasons(value: object) -> list[str]:
    """``reasons`` as a list of non-empty strings (a tuple, a list or one string)."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        return [text(r) for r in value if text(r).strip()]
    return []


def strings(value: object) -> tuple[str, ...]:
    """A tuple-of-strings cell (``titles``, ``aliases``, ``reaches``)."""
    if isinstance(value, str):
        return tuple(v for v in value.split("|") if v)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, dict)):
        return tuple(text(v) for v in value if text(v))
    return ()


def web_url(url: str) -> str:
    """`url` when it is an http(s) address a report may link to, else ``""``."""
    return url if re.match(r"https?://[^\s<>\"]+$", url or "", flags=re.IGNORECASE) else ""


def long_date(day: object) -> str:
    """``20 November 2026``, the same in every locale."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day[:10])
    if isinstance(day, dt.datetime):
        day = day.date()
    if not isinstance(day, dt.date):
        return text(day)
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def iso_date(day: object) -> str:
    if isinstance(day, dt.datetime):
        return day.date().isoformat()
    if isinstance(day, dt.date):
        return day.isoformat()
    return text(day)[:10]


def first_name(name: str) -> str:
    """The first word of a name ("=Dana Cohen" -> "Dana"), or the name itself."""
    words = _WORD.findall(name)
    return words[0] if words else name.strip()


def position_at(position: object, company: object) -> str:
    """``Staff Engineer at Datadog``, or whichever half is known."""
    position, company = text(position).strip(), text(company).strip()
    if position and company:
        return f"{position} at {company}"
    return position or company


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def warmth_label(warmth: float | None) -> str:
    """A word for how close a tie is: close, warm, cool or cold."""
    if warmth is None:
        return ""
    if warmth >= 0.6:
        return "close"
    if warmth >= 0.35:
        return "warm"
    if warmth >= 0.15:
        return "cool"
    return "cold"


def records(frame: pd.DataFrame | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    return frame.to_dict("records")


# -- people ------------------------------------------------------------------------------


def person(name: object, url: object, company: object, position: object) -> dict:
    """The contract's Person: name, url (``None`` when empty), company, position."""
    return {"name": text(name), "url": text(url) or None, "company": text(company),
            "position": text(position)}


def insider_person(row: dict) -> dict:
    return person(row.get("name"), row.get("url"), row.get("employer", row.get("company")),
                  row.get("position"))


def path_target(row: dict) -> dict:
    return person(row.get("target_name"), row.get("target_url"), row.get("target_employer"),
                  row.get("target_position"))


def path_connector(row: dict) -> dict:
    return person(row.get("connector_name"), row.get("connector_url"),
                  row.get("connector_company"), row.get("connector_position"))


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


# -- targets -----------------------------------------------------------------------------


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


def connectors(plan: Plan) -> list[dict]:
    return _by_score(records(plan.connectors))


def connector_asks(plan: Plan) -> dict[str, str]:
    """Connector id -> their ask (``introduction`` or ``reconnect``)."""
    return {text(r.get("person_id")): text(r.get("ask")) or "introduction"
            for r in records(plan.connectors)}


def data_notes(plan: Plan) -> list[str]:
    """The plan's notes, plus a line on skipped rows unless a note already says so."""
    notes = [text(n) for n in plan.notes if text(n).strip()]
    skipped = summary_counts(plan).get("skipped_rows", 0)
    if skipped and not any("skipped" in n.casefold() for n in notes):
        notes.append(f"{plural(skipped, 'row')} of your data could not be used "
                     "(`netgraph inspect` lists each one with the reason)")
    return notes


def summary_counts(plan: Plan) -> dict[str, int]:
    """``plan.summary`` as plain ints, in a fixed key order (documented keys first)."""
    raw = dict(plan.summary or {})
    counts = {key: integer(raw[key]) for key in SUMMARY_KEYS if key in raw}
    counts.update({key: integer(raw[key]) for key in sorted(raw, key=str) if key not in counts})
    return counts


# -- actions -----------------------------------------------------------------------------


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

    @property
    def tier(self) -> int:
        return 1 if self.kind in ("reconnect", "reconnect_first") else 0


def insider_action(row: dict, target: Target) -> Action:
    ask = text(row.get("ask")) or "conversation"
    return Action(kind=ask, company=target.company, priority=target.priority,
                  score=number(row.get("score")) or 0.0, recipient=insider_person(row),
                  recipient_id=text(row.get("person_id")),
                  warmth=number(row.get("warmth")), reasons=tuple(reasons(row.get("reasons"))))


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


def first_actions(plan: Plan, *, count: int = 3) -> list[Action]:
    """The few things to do first this week.

    Up to ``count - 1`` asks you can make now, best score first (scores already weigh
    the company's priority), then one reconnection, since getting back in touch takes
    weeks; each person at most once.
    """
    asks = connector_asks(plan)
    every = [a for t in targets(plan, by="priority") for a in target_actions(plan, t, asks)]
    every.sort(key=lambda a: (a.tier, -a.score, a.priority))
    chosen: list[Action] = []
    seen: set[str] = set()

    def take(pool: Iterable[Action], limit: int) -> None:
        for action in pool:
            if len(chosen) >= limit:
                return
            key = action.recipient_id or action.recipient["name"]
            if key not in seen:
                seen.add(key)
                chosen.append(action)

    take((a for a in every if a.tier == 0), count - 1)
    take((a for a in every if a.tier == 1), len(chosen) + 1)
    take(every, count)
    return sorted(chosen, key=lambda a: (a.tier, -a.score, a.priority))


def describe(action: Action, strong: Callable[[str], str], plain: Callable[[str], str]) -> str:
    """One sentence for an action; `strong` and `plain` escape names for the format."""
    who = strong(action.recipient["name"])
    company = strong(action.company)
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
