"""Insiders, intro paths and connectors: the answers, gathered in a :class:`Plan`.

All three read the graph from :func:`netgraph.graph.build_graph`: insiders are your
connections next to a target company's node, intro paths are the two-step routes
you – connector – person at a target, and connectors are ranked by what their paths
are worth together, with diminishing returns.
"""

from __future__ import annotations

import datetime as dt
import contextlib
import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import closing
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.companies import match_companies, read_targets
from netgraph.errors import SourceError
from netgraph.graph import build_graph
from netgraph.io import read_contacts, read_export, read_known
from netgraph.io.export import Export, Owner
from netgraph.ledger import list_entries, open_ledger
from netgraph.weights import Weights

__all__ = ["Plan", "find_insiders", "find_intro_paths", "rank_connectors", "make_plan", "set_answers",
           "load_plan", "parse_network_spec"]

log = logging.getLogger(__name__)

_INSIDER_COLUMNS = ["company", "priority", "person_id", "name", "url", "employer", "position",
                    "warmth", "relevance", "score", "ask", "reasons"]
_PATH_COLUMNS = ["company", "priority", "target_id", "target_name", "target_url", "target_employer",
                 "target_position", "connector_id", "connector_name", "connector_url", "connector_company",
                 "connector_position", "warmth", "strength", "relevance", "score", "source", "reasons"]
_CONNECTOR_COLUMNS = ["person_id", "name", "url", "company", "position", "score", "ask", "reaches", "reasons"]


@dataclass(frozen=True, repr=False)
class Plan:
    """The one result that reports, maps and notebooks render.

    Attributes
    ----------
    G
        The network (schema in :mod:`netgraph.graph`), with the answers written on it:
        insiders carry ``score`` and ``ask``, intro-path edges ``path_score``, and
        second-degree people ``best_score``.
    as_of
        The day recency was measured from.
    owner
        Whose network this is.
    targets
        The targets frame.
    insiders, intro_paths, connectors, near_misses
        The answers; columns in ``docs/architecture.md``.
    summary
        Counts: connections, hidden, targets, insiders, intro_paths, connectors,
        second_degree, skipped_rows, networks.
    notes
        Data-quality sentences for the report.
    """

    G: nx.Graph
    as_of: dt.date
    owner: Owner
    targets: pd.DataFrame
    insiders: pd.DataFrame
    intro_paths: pd.DataFrame
    connectors: pd.DataFrame
    near_misses: pd.DataFrame
    summary: dict = field(default_factory=dict)
    notes: tuple = ()

    def __repr__(self) -> str:
        s = self.summary
        return (f"<Plan for {self.owner.name or 'you'} as of {self.as_of}: {s.get('targets', 0)} targets, "
                f"{s.get('insiders', 0)} insiders, {s.get('intro_paths', 0)} intro paths, "
                f"{s.get('connectors', 0)} connectors>")

    def _repr_html_(self) -> str:
        from netgraph._summary import summary_html

        return summary_html(self)


def _warmth_word(warmth: float) -> str:
    return "close" if warmth >= 0.6 else "warm" if warmth >= 0.3 else "lukewarm" if warmth >= 0.15 else "cold"


def _ask(warmth: float, quiet_days: float, w: Weights) -> str:
    if pd.notna(quiet_days) and quiet_days >= w.cold_days:
        return "reconnect"
    if warmth >= w.referral_warmth and (pd.isna(quiet_days) or quiet_days <= w.referral_recent_days):
        return "referral"
    return "conversation"


def find_insiders(G: nx.Graph, *, weights: Weights | None = None) -> pd.DataFrame:
    """Your connections at each target, best first, each with the ask that fits.

    ``referral`` only for people who know you well and recently; ``reconnect`` (give
    something first) where the tie has been quiet for ``Weights.cold_days``;
    ``conversation`` for everyone else.

    Parameters
    ----------
    G
        The graph from :func:`netgraph.graph.build_graph`.
    weights
        The scoring model.

    Returns
    -------
    pandas.DataFrame
        One row per (target, insider), targets in file order, best first within each.
    """
    w = weights or Weights()
    owner = G.graph["owner"]
    rows = []
    for hub, company in _hubs(G):
        for pid in G[hub]:
            node = G.nodes[pid]
            if node.get("degree") != 1:
                continue
            tie = G.edges[owner, pid]
            warmth, relevance = tie["warmth"], node.get("relevance", 0.0)
            score = warmth ** w.warmth_share * relevance ** (1 - w.warmth_share)
            ask = _ask(warmth, tie.get("quiet_days", np.nan), w)
            rows.append({
                "company": company["name"], "priority": company["priority"], "person_id": pid,
                "name": node["name"], "url": node["url"], "employer": node["company"], "position": node["position"],
                "warmth": warmth, "relevance": relevance, "score": round(score, 4), "ask": ask,
                "reasons": tuple(tie["reasons"]) + tuple(node.get("relevance_reasons", ())) + _ask_reason(ask),
            })
    return _ranked(rows, _INSIDER_COLUMNS, company_order=_order(G))


def _ask_reason(ask: str) -> tuple[str, ...]:
    return {
        "referral": ("knows you well: ask about a referral",),
        "reconnect": ("the tie has gone quiet: reconnect and offer something before asking",),
        "conversation": ("ask for a short conversation first",),
    }[ask]


def find_intro_paths(G: nx.Graph, *, weights: Weights | None = None) -> pd.DataFrame:
    """Every route you – connector – person at a target, one per (person, connector), best first.

    The score is ``warmth(you, connector)^a x strength(connector, person)^b x
    relevance^c`` with ``(a, b, c) = Weights.path_shares``: a warm connector beats a
    cold one to the same person. A connector you asked recently (see the ledger) counts
    less until a month has passed.
    """
    w = weights or Weights()
    a, b, c = w.path_shares
    nodes, mine_ties = G.nodes, G.adj[G.graph["owner"]]
    rows = []
    for hub, company in _hubs(G):
        for tid in G.adj[hub]:
            target = nodes[tid]
            if target.get("degree") != 2:
                continue
            relevance = target.get("relevance", 0.0)
            for cid, theirs in G.adj[tid].items():
                mine = mine_ties.get(cid)
                connector = nodes[cid]
                if mine is None or connector.get("degree") != 1:
                    continue
                warmth, strength = mine["warmth"], theirs["strength"]
                score = warmth ** a * strength ** b * relevance ** c * mine.get("ask_penalty", 1.0)
                rows.append((
                    company["name"], company["priority"], tid, target["name"], target["url"],
                    target["company"], target["position"], cid, connector["name"], connector["url"],
                    connector["company"], connector["position"], warmth, strength, relevance, round(score, 4),
                    theirs["source"], _path_reasons(connector["name"], target["name"], mine, theirs, target),
                ))
    return _ranked(rows, _PATH_COLUMNS, company_order=_order(G))


def _path_reasons(connector: str, target: str, mine: dict, theirs: dict, node: dict) -> tuple[str, ...]:
    first_mine = mine["reasons"][0] if mine["reasons"] else "a connection"
    first_theirs = theirs["reasons"][0] if theirs["reasons"] else "connected on LinkedIn"
    out = [f"{connector} is {_warmth_word(mine['warmth'])} to you: {first_mine}",
           f"{connector} knows {target}: {first_theirs}"]
    if theirs.get("confidence") == "low":
        out.append(f"little evidence about how well {connector} knows {target}")
    return tuple(out) + tuple(node.get("relevance_reasons", ()))


def rank_connectors(intro_paths: pd.DataFrame, G: nx.Graph, *, weights: Weights | None = None) -> pd.DataFrame:
    """Whom to ask for introductions across all targets, best first.

    A connector's paths add up with diminishing returns: within one target company the
    second person counts ``Weights.same_company_decay`` as much as the first, and the
    score is ``1 - prod(1 - path_score x decay)``, so reaching four people at two
    targets beats reaching one. ``reaches`` suggests at most ``Weights.max_intros``
    people, the best at each company first, so nobody is asked for ten intros at once.
    """
    w = weights or Weights()
    owner = G.graph["owner"]
    if intro_paths.empty:
        return pd.DataFrame(columns=_CONNECTOR_COLUMNS)
    p = intro_paths.sort_values(["score", "target_id"], ascending=[False, True], kind="stable")
    p = p.assign(rank=p.groupby(["connector_id", "company"]).cumcount())
    p = p.assign(value=p["score"] * w.same_company_decay ** p["rank"])
    score = 1.0 - p.groupby("connector_id")["value"].agg(lambda v: float(np.prod(1.0 - v.to_numpy())))
    rows = []
    for cid, paths in p.groupby("connector_id", sort=False):
        node, tie = G.nodes[cid], G.edges[owner, cid]
        picks = paths.sort_values(["rank", "score"], ascending=[True, False], kind="stable").head(w.max_intros)
        cold = tie.get("quiet_days", 0) >= w.cold_days or tie["warmth"] < 0.15
        rows.append({
            "person_id": cid, "name": node["name"], "url": node["url"], "company": node["company"],
            "position": node["position"], "score": round(float(score[cid]), 4),
            "ask": "reconnect" if cold else "introduction", "reaches": tuple(picks["target_id"]),
            "reasons": _connector_reasons(paths, picks, tie, cold),
        })
    out = pd.DataFrame(rows, columns=_CONNECTOR_COLUMNS)
    return out.sort_values(["score", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _connector_reasons(paths: pd.DataFrame, picks: pd.DataFrame, tie: dict, cold: bool) -> tuple[str, ...]:
    per_company = paths.groupby("company", sort=False).size()
    where = ", ".join(f"{c} ({n})" for c, n in per_company.items())
    people = paths["target_id"].nunique()
    out = [f"can introduce you to {people} {'person' if people == 1 else 'people'} at "
           f"{len(per_company)} target{'s' if len(per_company) != 1 else ''}: {where}"]
    out += list(tie["reasons"][:2])
    if len(picks) < people:
        out.append(f"ask about {len(picks)} of them first: {', '.join(picks['target_name'])}")
    if cold:
        out.append("reconnect and offer something before asking for an introduction")
    return tuple(out)


def _hubs(G: nx.Graph) -> list[tuple[str, dict]]:
    hubs = [(n, d) for n, d in G.nodes(data=True) if d.get("kind") == "company"]
    return sorted(hubs, key=lambda h: h[1]["order"])


def _order(G: nx.Graph) -> dict:
    return {d["name"]: d["order"] for _, d in _hubs(G)}


def _ranked(rows: list, columns: list[str], *, company_order: dict) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=columns)
    if frame.empty:
        return frame
    frame = frame.assign(_order=frame["company"].map(company_order), _name=frame[columns[3]])
    frame = frame.sort_values(["_order", "score", "_name"], ascending=[True, False, True], kind="stable")
    return frame.drop(columns=["_order", "_name"]).reset_index(drop=True)


def make_plan(G: nx.Graph, targets: pd.DataFrame, *, owner: Owner, weights: Weights | None = None) -> Plan:
    """Find insiders, intro paths and connectors on ``G`` and gather them in a Plan.

    ``G`` is not changed: the plan holds a copy with the answers written on it (see
    :func:`set_answers`).
    """
    return _assemble(G.copy(), targets, owner=owner, weights=weights or Weights())


def set_answers(G: nx.Graph, insiders: pd.DataFrame, intro_paths: pd.DataFrame) -> None:
    """Write the answers onto ``G``: insiders get ``score`` and ``ask``, intro-path edges
    ``path_score``, second-degree people ``best_score``. Changes ``G``; returns None."""
    nx.set_node_attributes(G, dict(zip(insiders["person_id"], insiders["score"].astype(float))), "score")
    nx.set_node_attributes(G, dict(zip(insiders["person_id"], insiders["ask"])), "ask")
    if len(intro_paths):
        best = intro_paths.groupby("target_id")["score"].max().astype(float)
        nx.set_node_attributes(G, best.to_dict(), "best_score")
        edges = zip(intro_paths["connector_id"], intro_paths["target_id"])
        nx.set_edge_attributes(G, dict(zip(edges, intro_paths["score"].astype(float))), "path_score")


def _assemble(G: nx.Graph, targets: pd.DataFrame, *, owner: Owner, weights: Weights) -> Plan:
    insiders = find_insiders(G, weights=weights)
    paths = find_intro_paths(G, weights=weights)
    connectors = rank_connectors(paths, G, weights=weights)
    set_answers(G, insiders, paths)
    stats = G.graph.get("stats", {})
    summary = {
        "connections": int(stats.get("connections", 0)), "hidden": int(stats.get("hidden", 0)),
        "targets": len(targets), "insiders": len(insiders), "intro_paths": len(paths),
        "connectors": len(connectors), "second_degree": int(paths["target_id"].nunique()) if len(paths) else 0,
        "skipped_rows": int(stats.get("skipped_rows", 0)), "networks": int(stats.get("networks", 0)),
    }
    near = pd.DataFrame(G.graph.get("near_misses", []), columns=["company", "looks_like", "count"])
    return Plan(G=G, as_of=dt.date.fromisoformat(G.graph["as_of"]), owner=owner, targets=targets,
                insiders=insiders, intro_paths=paths, connectors=connectors, near_misses=near,
                summary=summary, notes=tuple(G.graph.get("notes", ())))


def parse_network_spec(spec: str) -> tuple[str | None, str]:
    """Split ``--network [OWNER=]PATH`` into the owner (or None) and the path.

    Examples
    --------
    >>> parse_network_spec("Sam Lee=exports/sam.zip")
    ('Sam Lee', 'exports/sam.zip')
    >>> parse_network_spec("exports/sam.zip")
    (None, 'exports/sam.zip')
    """
    if "=" in spec and not Path(spec).exists():
        owner, _, path = spec.partition("=")
        if owner.strip() and path.strip():
            return owner.strip(), path.strip()
        raise SourceError(f"--network '{spec}': expected OWNER=PATH or PATH")
    return None, spec


def load_plan(
    export: str | Path,
    *,
    targets: str | Path | Iterable[str | Path],
    network: Iterable[str] = (),
    known: str | Path | None = None,
    contacts: str | Path | None = None,
    as_of: dt.date | str | None = None,
    weights: Weights | None = None,
    builtin_aliases: bool = True,
    ledger: str | Path | None = None,
    on_read: Callable[[str], None] | None = None,
) -> Plan:
    """Read everything and answer: the one call a notebook needs.

    Parameters
    ----------
    export
        Your export: the zip, the folder, or Connections.csv.
    targets
        One targets file or several.
    network
        Friends' exports as ``"PATH"`` or ``"OWNER=PATH"``.
    known, contacts
        Optional CSVs of ties you know of and of your own notes.
    as_of
        The day recency is measured from (default today).
    weights
        The scoring model.
    builtin_aliases
        Whether well-known other company names count as matches.
    ledger
        Your give-and-ask ledger (an SQLite file from ``netgraph log``), if you keep one.
    on_read
        Called with each export's path after it is read (for progress bars).

    Returns
    -------
    Plan

    Examples
    --------
    >>> from netgraph.sample_data import SAMPLE_DIR  # doctest: +SKIP
    >>> plan = load_plan(SAMPLE_DIR / "Complete_LinkedInDataExport_11-20-2026.zip",
    ...                  targets=SAMPLE_DIR / "targets.csv")  # doctest: +SKIP
    """
    day = _as_date(as_of)
    w = weights or Weights()
    step = on_read or (lambda _: None)
    target_frame = read_targets(targets if isinstance(targets, (list, tuple)) else [targets])
    specs = [parse_network_spec(spec) for spec in network]
    with _friend_reader(target_frame, builtin_aliases, len(specs)) as read_friend:
        pending = [read_friend(path) for _, path in specs]  # read in the background when it pays
        me = read_export(export)
        step(str(export))
        friends = []
        for (owner, path), result in zip(specs, pending):
            friends.append((owner, result.result()))
            step(path)
    known_frame = read_known(known) if known else None
    contacts_frame = read_contacts(contacts) if contacts else None
    entries = _read_ledger(ledger) if ledger else None
    G = build_graph(me, target_frame, as_of=day, networks=friends, known=known_frame,
                    contacts=contacts_frame, weights=w, builtin_aliases=builtin_aliases, ledger=entries)
    return _assemble(G, target_frame, owner=me.owner, weights=w)  # G is ours: no copy needed


def _at_targets(targets: pd.DataFrame, *, builtin_aliases: bool) -> Callable[[np.ndarray], np.ndarray]:
    """A row filter for friends' exports: is each company string one of the targets?

    Each distinct string is matched once, across all exports.
    """
    known: dict[str, bool] = {}

    def keep(companies: np.ndarray) -> np.ndarray:
        fresh = [c for c in pd.unique(companies) if c not in known]
        if fresh:
            matches = match_companies(fresh, targets, builtin_aliases=builtin_aliases)
            known.update(zip(matches.index, matches["target"].ne("")))
        return np.fromiter((known[c] for c in companies), dtype=bool, count=len(companies))

    return keep


#: From this many friends' exports on, they are read by worker processes.
PARALLEL_FROM = 8

_worker_keep: Callable | None = None


def _init_worker(targets: pd.DataFrame, builtin_aliases: bool) -> None:
    global _worker_keep
    _worker_keep = _at_targets(targets, builtin_aliases=builtin_aliases)


def _read_friend(path: str) -> Export:
    """In a worker: read one friend's export, keeping only the rows at a target."""
    return read_export(path, keep_companies=_worker_keep)


@contextlib.contextmanager
def _friend_reader(targets: pd.DataFrame, builtin_aliases: bool, count: int):
    """Yield ``read(path) -> future`` for friends' exports.

    With many exports and more than one core, worker processes (forked, so nothing is
    imported twice) read them while this process reads your own export; otherwise each is
    read here, when asked. Only friends' rows at a target are kept, so what comes back
    is small. The results are the same either way.
    """
    cores = os.cpu_count() or 1
    if count >= PARALLEL_FROM and cores > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=min(cores, 4), mp_context=context, initializer=_init_worker,
                                 initargs=(targets, builtin_aliases)) as pool:
            yield lambda path: pool.submit(_read_friend, path)
        return
    keep = _at_targets(targets, builtin_aliases=builtin_aliases)
    yield lambda path: _done(read_export(path, keep_companies=keep))


def _done(result: Export) -> Future:
    future: Future = Future()
    future.set_result(result)
    return future


def _read_ledger(path: str | Path) -> pd.DataFrame:
    with closing(open_ledger(path)) as conn:
        return list_entries(conn)


def _as_date(as_of: dt.date | str | None) -> dt.date:
    if as_of is None:
        return dt.date.today()
    if isinstance(as_of, dt.datetime):
        return as_of.date()
    if isinstance(as_of, dt.date):
        return as_of
    try:
        return dt.date.fromisoformat(str(as_of))
    except ValueError:
        raise SourceError(f"--as-of '{as_of}' is not a date; use YYYY-MM-DD, e.g. 2026-11-20") from None
