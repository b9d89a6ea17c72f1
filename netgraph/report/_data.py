"""The machine-readable reports: JSON (the schema in docs/json-report.md) and CSV."""

from __future__ import annotations

import csv
import io

import numpy as np
import pandas as pd

from netgraph._memory import give_back_memory
from netgraph.output import spreadsheet_safe
from netgraph.plan import Plan
from netgraph.report import _common as c
from netgraph.report._json import dumps
from netgraph.score import among

#: the columns of :func:`render_csv`, in order
CSV_COLUMNS = ("kind", "company", "priority", "name", "url", "employer", "position", "via",
               "score", "ask", "reasons", "reaches")


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
            "ask_about": c.reached_people(plan, row.get("ask_about"), index),
            "reasons": c.reasons(row.get("reasons"))}


def render_json(plan: Plan, *, top: int | None = None) -> str:
    """Render a plan as JSON, in the schema documented in ``docs/json-report.md`` (``schema: 2``).

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
        A JSON document ending in a newline: indented by 2 spaces, or, past
        :data:`COMPACT_ABOVE` results, on one line (written several times faster).

    Examples
    --------
    >>> import json
    >>> data = json.loads(render_json(plan))  # doctest: +SKIP
    >>> data["targets"][0]["insiders"][0]["ask"]  # doctest: +SKIP
    'referral'
    """
    return render_json_bytes(plan, top=top).decode("utf-8", errors="surrogatepass")


def render_json_bytes(plan: Plan, *, top: int | None = None) -> bytes:
    """:func:`render_json` as UTF-8 bytes, for writing to a file.

    A large report is made as bytes and written as they are: its text would take up to
    four bytes a character in memory (one emoji in a name is enough), a report of
    150 MB over half a gigabyte.
    """
    insiders = _ranked_by_company(plan.insiders, top)
    paths = _ranked_by_company(plan.intro_paths, top)
    connectors = plan.connectors.sort_values("score", ascending=False, kind="stable") \
        if len(plan.connectors) else plan.connectors
    connectors = connectors if top is None else connectors.head(max(int(top), 0))
    reach = _reach_index(plan, connectors)
    order = list(zip(*_target_order(plan)))
    results = sum(len(insiders.get(company, ())) + len(paths.get(company, ())) for company, _ in order)
    head = {"schema": 2, "as_of": c.iso_date(plan.as_of), "summary": c.summary_counts(plan)}
    tail = {
        "connectors": _connector_rows_json(connectors, reach),
        "actions": [_action_json(a) for a in _cut(list(plan.actions), top)],
        "near_misses": [
            {"company": c.text(r.get("company")), "looks_like": c.text(r.get("looks_like")),
             "count": c.integer(r.get("count"))}
            for r in _cut(c.records(plan.near_misses), top)
        ],
    }
    if results <= COMPACT_ABOVE:
        targets = [{"company": company, "priority": c.integer(priority, 1),
                    "insiders": _insider_rows(insiders.get(company)), "intro_paths": _path_rows(paths.get(company))}
                   for company, priority in order]
        return dumps({**head, "targets": targets, **tail}, indent=True) + b"\n"
    # On one line, a target at a time and the intro paths a few thousand at a time: the
    # rows of a large report are never all held as Python objects at once, and the text
    # grows in one buffer (BytesIO hands it over without a copy).
    give_back_memory()
    out = io.BytesIO()
    out.write(dumps(head, indent=False)[:-1] + b', "targets": [')
    for i, (company, priority) in enumerate(order):
        start = {"company": company, "priority": c.integer(priority, 1),
                 "insiders": _insider_rows(insiders.get(company))}
        out.write((b", " if i else b"") + dumps(start, indent=False)[:-1] + b', "intro_paths": [')
        rows = paths.get(company, _Rows(plan.intro_paths, np.zeros(0, dtype=np.int64)))
        for k in range(0, len(rows), _BATCH):
            part = dumps(_path_rows(rows.part(k, k + _BATCH)), indent=False)
            out.write(b", " if k else b"")
            out.write(memoryview(part)[1:-1])
        out.write(b"]}")
    out.write(b"], " + dumps(tail, indent=False)[1:] + b"\n")
    return out.getvalue()


_BATCH = 5000  # intro paths made into JSON at a time


#: JSON reports with more insiders and intro paths than this are written on one line.
COMPACT_ABOVE = 5000


def _target_order(plan: Plan) -> tuple[list, list]:
    targets = plan.targets
    if "order" in targets:
        targets = targets.sort_values("order", kind="stable")
    return targets["company"].astype(str).tolist(), targets["priority"].tolist()


def _ranked_by_company(frame: pd.DataFrame, top: int | None) -> dict[str, _Rows]:
    """Rows per company, best first, cut to ``top``: the positions of the rows in ``frame``
    (no copy of a large frame is made)."""
    if frame is None or len(frame) == 0:
        return {}
    order = np.argsort(-frame["score"].to_numpy(dtype=float), kind="stable")  # best first, ties as they come
    codes, companies = pd.factorize(frame["company"].to_numpy(dtype=object)[order])
    groups = {}
    for code in pd.unique(codes):
        at = order[codes == code]
        groups[str(companies[code])] = _Rows(frame, at if top is None else at[: max(int(top), 0)])
    return groups


class _Rows:
    """Some rows of a frame, by position: ``len`` and ``[column]`` as a frame's."""

    def __init__(self, frame: pd.DataFrame, at: np.ndarray) -> None:
        self.frame, self.at = frame, at

    def __len__(self) -> int:
        return len(self.at)

    def __contains__(self, column: str) -> bool:
        return column in self.frame

    def __getitem__(self, column: str) -> pd.Series:
        return self.frame[column].iloc[self.at]

    def part(self, start: int, stop: int) -> _Rows:
        return _Rows(self.frame, self.at[start:stop])


def _people(names, urls, companies, positions) -> list[dict]:
    return [{"name": n, "url": u or None, "company": co, "position": p}
            for n, u, co, p in zip(names, urls, companies, positions)]


def _score(value) -> float | None:
    return None if value != value else round(float(value), 3)


def _insider_rows(frame: _Rows | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    employer = frame["employer"] if "employer" in frame else frame["company"]
    people = _people(_strs(frame["name"]), _strs(frame["url"]), _strs(employer), _strs(frame["position"]))
    return [{**who, "score": _score(score), "ask": ask, "reasons": _reasons(why)}
            for who, score, ask, why in zip(people, frame["score"].tolist(), _strs(frame["ask"]),
                                            frame["reasons"].tolist())]


def _path_rows(frame: _Rows | None) -> list[dict]:
    if frame is None or len(frame) == 0:
        return []
    targets = _people(_strs(frame["target_name"]), _strs(frame["target_url"]),
                      _strs(frame["target_employer"]), _strs(frame["target_position"]))
    connectors = _people(_strs(frame["connector_name"]), _strs(frame["connector_url"]),
                         _strs(frame["connector_company"]), _strs(frame["connector_position"]))
    return [{"target": t, "connector": k, "score": _score(score), "source": source or "export",
             "reasons": _reasons(why)}
            for t, k, score, source, why in zip(targets, connectors, frame["score"].tolist(),
                                                _strs(frame["source"]), frame["reasons"].tolist())]


def _reasons(value) -> list[str] | tuple[str, ...]:
    """Fast path of :func:`c.reasons` for the usual tuple of sentences."""
    if type(value) is tuple:  # the engine's own: non-empty sentences (json writes it as a list)
        return value
    return c.reasons(value)


def _strs(column: pd.Series) -> list[str]:
    """A text column as plain strings (missing values as ``""``)."""
    values = column.tolist()
    if set(map(type, values)) <= {str}:  # the usual case: nothing to convert
        return values
    return column.fillna("").astype(str).tolist()


def _ids(value) -> tuple[str, ...]:
    """A ``reaches`` cell as person ids: :func:`c.strings`, at once for the engine's own
    tuples of ids (a connector in a large pool reaches hundreds of people)."""
    if type(value) is tuple and set(map(type, value)) <= {str} and "" not in value:
        return value
    return c.strings(value)


def _reach_index(plan: Plan, connectors: pd.DataFrame) -> dict[str, dict]:
    """The Persons that the listed connectors reach, from the intro paths (else the graph)."""
    wanted = {pid for column in ("reaches", "ask_about") for reaches in connectors.get(column, [])
              for pid in _ids(reaches)}
    if not wanted:
        return {}
    paths = plan.intro_paths
    index: dict[str, dict] = {}
    if len(paths):
        ids = paths["target_id"]
        rows = _Rows(paths, np.flatnonzero(~ids.duplicated().to_numpy() & among(ids, list(wanted))))
        index = dict(zip(_strs(rows["target_id"]), _people(_strs(rows["target_name"]), _strs(rows["target_url"]),
                                                           _strs(rows["target_employer"]),
                                                           _strs(rows["target_position"]))))
    for pid in wanted - set(index):
        data = plan.G.nodes[pid] if pid in plan.G else {}
        index[pid] = c.person(data.get("name", pid), data.get("url"), data.get("company"), data.get("position"))
    return index


def _connector_rows_json(frame: pd.DataFrame, reach: dict[str, dict]) -> list[dict]:
    if len(frame) == 0:
        return []
    people = _people(_strs(frame["name"]), _strs(frame["url"]), _strs(frame["company"]), _strs(frame["position"]))
    ask_about = frame["ask_about"].tolist() if "ask_about" in frame else frame["reaches"].tolist()
    return [{**who, "score": _score(score), "ask": ask,
             "reaches": [reach[pid] for pid in _ids(reaches)],
             "ask_about": [reach[pid] for pid in _ids(first)][:3], "reasons": _reasons(why)}
            for who, score, ask, reaches, first, why in zip(
                people, frame["score"].tolist(), _strs(frame["ask"]), frame["reaches"].tolist(), ask_about,
                frame["reasons"].tolist())]


def _action_json(action: c.Action) -> dict:
    """The contract's Action: kind, person, company, about, why, due."""
    return {"kind": action.contract_kind, "person": action.recipient, "company": action.company,
            "about": action.target, "why": list(action.reasons),
            "due": action.due.isoformat() if action.due else None}


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
        writer.writerow({k: spreadsheet_safe("" if v is None else v) for k, v in row.items()})
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
