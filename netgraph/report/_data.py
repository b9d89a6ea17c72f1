"""The machine-readable reports: JSON (the schema in CONTRACT.md) and CSV."""

from __future__ import annotations

import csv
import io
import json

from netgraph.paths import Plan
from netgraph.report import _common as c

#: the columns of :func:`render_csv`, in order
CSV_COLUMNS = ("kind", "company", "priority", "name", "url", "employer", "position", "via",
               "score", "ask", "reasons", "reaches")

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cut(rows: list, top: int | None) -> list:
    return rows if top is None else rows[: max(int(top), 0)]


def _insider(row: dict) -> dict:
    return {**c.insider_person(row), "score": c.number(row.get("score")),
            "ask": c.text(row.get("ask")), "reasons": c.reasons(row.get("reasons"))}


def _path(row: dict) -> dict:
    return {"target": c.path_target(row), "connector": c.path_connector(row),
            "score": c.number(row.get("score")), "source": c.text(row.get("source")) or "export",
            "reasons": c.reasons(row.get("reasons"))}


def _connector(row: dict, plan: Plan, index: dict[str, dict]) -> dict:
    return {**c.person(row.get("name"), row.get("url"), row.get("company"), row.get("position")),
            "score": c.number(row.get("score")), "ask": c.text(row.get("ask")),
            "reaches": c.reached_people(plan, row.get("reaches"), index),
            "reasons": c.reasons(row.get("reasons"))}


def render_json(plan: Plan, *, top: int | None = None) -> str:
    """Render a plan as JSON, in the schema of CONTRACT.md (``schema: 1``).

    Targets come in the order of the targets file, each with its insiders and intro paths
    best first; then the connectors, best first, and the near misses. Scores are rounded
    to 3 decimals; an empty URL is ``null``. Keys always come in the same order and text
    is written as is (``ensure_ascii=False``), so the output is stable and diffable.

    Parameters
    ----------
    plan
        The plan to render.
    top
        Keep only this many rows of each list; ``None`` keeps them all.

    Returns
    -------
    str
        A JSON document, indented by 2 spaces, ending in a newline.

    Examples
    --------
    >>> import json
    >>> data = json.loads(render_json(plan))  # doctest: +SKIP
    >>> data["targets"][0]["insiders"][0]["ask"]  # doctest: +SKIP
    'referral'
    """
    index = c.people_index(plan)
    document = {
        "schema": 1,
        "as_of": c.iso_date(plan.as_of),
        "summary": c.summary_counts(plan),
        "targets": [
            {"company": t.company, "priority": t.priority,
             "insiders": [_insider(r) for r in _cut(t.insiders, top)],
             "intro_paths": [_path(r) for r in _cut(t.intro_paths, top)]}
            for t in c.targets(plan, by="order")
        ],
        "connectors": [_connector(r, plan, index) for r in _cut(c.connectors(plan), top)],
        "near_misses": [
            {"company": c.text(r.get("company")), "looks_like": c.text(r.get("looks_like")),
             "count": c.integer(r.get("count"))}
            for r in _cut(c.records(plan.near_misses), top)
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _safe_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading ``'``."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def render_csv(plan: Plan, *, top: int | None = None) -> str:
    """Render a plan as one flat CSV table, for spreadsheets.

    One row per insider, intro path and connector; the ``kind`` column says which
    (``insider``, ``intro_path``, ``connector``). Columns: ``kind, company`` (the target
    company; for a connector, the targets they reach, ``; ``-separated), ``priority``,
    ``name, url, employer, position`` (of the person: the insider, the person to be
    introduced to, or the connector), ``via`` (the connector of an intro path),
    ``score, ask, reasons`` (``; ``-separated) and ``reaches`` (whom a connector reaches).
    Any cell that starts like a formula (``=``, ``+``, ``-``, ``@``, tab, carriage return)
    is prefixed with ``'`` so a spreadsheet shows it as text.

    Parameters
    ----------
    plan
        The plan to render.
    top
        Keep only this many rows of each list (per target for insiders and intro paths);
        ``None`` keeps them all.

    Returns
    -------
    str
        CSV text with a header row and ``\\r\\n`` line endings.
    """
    asks = c.connector_asks(plan)
    rows: list[dict] = []
    for target in c.targets(plan, by="order"):
        for r in _cut(target.insiders, top):
            rows.append({"kind": "insider", "company": target.company, "priority": target.priority,
                         "name": c.text(r.get("name")), "url": c.text(r.get("url")),
                         "employer": c.text(r.get("employer", r.get("company"))),
                         "position": c.text(r.get("position")), "via": "",
                         "score": c.number(r.get("score")), "ask": c.text(r.get("ask")),
                         "reasons": "; ".join(c.reasons(r.get("reasons"))), "reaches": ""})
        for r in _cut(target.intro_paths, top):
            ask = "reconnect" if asks.get(c.text(r.get("connector_id"))) == "reconnect" else "introduction"
            rows.append({"kind": "intro_path", "company": target.company, "priority": target.priority,
                         "name": c.text(r.get("target_name")), "url": c.text(r.get("target_url")),
                         "employer": c.text(r.get("target_employer")),
                         "position": c.text(r.get("target_position")),
                         "via": c.text(r.get("connector_name")),
                         "score": c.number(r.get("score")), "ask": ask,
                         "reasons": "; ".join(c.reasons(r.get("reasons"))), "reaches": ""})
    rows += _connector_rows(plan, top)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _safe_cell("" if v is None else v) for k, v in row.items()})
    return out.getvalue()


def _connector_rows(plan: Plan, top: int | None) -> list[dict]:
    every = c.targets(plan, by="order")
    order = {t.company: i for i, t in enumerate(every)}
    priority = {t.company: t.priority for t in every}
    reached_at: dict[tuple[str, str], str] = {}
    for t in every:
        for r in t.intro_paths:
            reached_at.setdefault((c.text(r.get("connector_id")), c.text(r.get("target_id"))), t.company)
    index = c.people_index(plan)
    rows = []
    for r in _cut(c.connectors(plan), top):
        pid = c.text(r.get("person_id"))
        reaches = c.strings(r.get("reaches"))
        companies = sorted({reached_at[(pid, t)] for t in reaches if (pid, t) in reached_at},
                           key=lambda name: order.get(name, len(order)))
        rows.append({"kind": "connector", "company": "; ".join(companies),
                     "priority": min((priority[name] for name in companies), default=""),
                     "name": c.text(r.get("name")), "url": c.text(r.get("url")),
                     "employer": c.text(r.get("company")), "position": c.text(r.get("position")),
                     "via": "", "score": c.number(r.get("score")), "ask": c.text(r.get("ask")),
                     "reasons": "; ".join(c.reasons(r.get("reasons"))),
                     "reaches": "; ".join(p["name"] for p in c.reached_people(plan, reaches, index))})
    return rows
