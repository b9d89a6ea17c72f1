"""Insiders, intro paths and connectors: the answers over the graph.

All three read the graph from :func:`netgraph.graph.build_graph`: insiders are your
connections next to a target company's node, intro paths are the two-step routes
you – connector – person at a target, and connectors are ranked by what their paths
are worth together, with diminishing returns. :func:`answer` gathers them in a
:class:`~netgraph.plan.Plan`. What to ask each person is decided in
:mod:`netgraph.advice`.
"""

from __future__ import annotations

import datetime as dt

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.advice import choose_ask, connector_ask, warmth_word
from netgraph.evidence import describe_evidence, never_exchanged
from netgraph.io.export import Owner
from netgraph.plan import CONNECTOR_COLUMNS, INSIDER_COLUMNS, PATH_COLUMNS, Plan
from netgraph.weights import Weights

__all__ = ["find_insiders", "find_intro_paths", "rank_connectors", "set_answers", "answer"]


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
            evidence = tie.get("evidence", ())
            role = node.get("role", "other")
            ask = choose_ask(evidence, warmth=tie.get("ask_warmth", warmth), quiet_days=tie.get("quiet_days"),
                             role=role, weights=w)
            rows.append({
                "company": company["name"], "priority": company["priority"], "person_id": pid,
                "name": node["name"], "url": node["url"], "employer": node["company"], "position": node["position"],
                "warmth": warmth, "relevance": relevance, "score": round(score, 4), "ask": ask,
                "reasons": tuple(tie["reasons"]) + tuple(node.get("relevance_reasons", ()))
                + _ask_reason(ask, role, evidence),
                "evidence": tuple(evidence),
            })
    return _ranked(rows, INSIDER_COLUMNS, company_order=_order(G))


def _ask_reason(ask: str, role: str, evidence: tuple) -> tuple[str, ...]:
    if ask == "referral":
        return ("knows you well: ask about a referral",)
    if ask == "reconnect":
        return ("you were in touch once and it has gone quiet: reconnect and offer something before asking",)
    if role == "recruiter":
        return ("a recruiter: ask about the roles and the hiring process, not for a referral",)
    if never_exchanged(evidence):
        return ("you have not talked yet: ask for a short conversation first",)
    return ("ask for a short conversation first",)


def find_intro_paths(G: nx.Graph, *, weights: Weights | None = None) -> pd.DataFrame:
    """Every route you – connector – person at a target, one per (person, connector), best first.

    The score is ``warmth(you, connector)^a x strength(connector, person)^b x
    relevance^c`` with ``(a, b, c) = Weights.path_shares``: a warm connector beats a
    cold one to the same person. A connector you asked recently (see the ledger) counts
    less until a month has passed.

    A pool of friends' exports gives hundreds of thousands of routes: the loop reads the
    graph's own dicts, and what belongs to a connector or a person (names, warmth, the
    sentence about how warm they are) is looked up once, not once per route.
    """
    w = weights or Weights()
    a, b, c = w.path_shares
    nodes = dict(G.nodes(data=True))
    adj = dict(G.adjacency())
    mine_ties = adj[G.graph["owner"]]
    as_of = dt.date.fromisoformat(G.graph["as_of"])
    connectors: dict[str, tuple | None] = {}  # what all routes through a connector share
    stale: dict[int, str] = {}  # an export's age, said once per export
    rows = []
    for hub, company in _hubs(G):
        name, priority = company["name"], company["priority"]
        for tid in adj[hub]:
            target = nodes[tid]
            if target.get("degree") != 2:
                continue
            relevance = target.get("relevance", 0.0)
            rc = relevance ** c
            t_name, t_url, t_company, t_position = target["name"], target["url"], target["company"], target["position"]
            relevance_reasons = tuple(target.get("relevance_reasons", ()))
            for cid, theirs in adj[tid].items():
                if cid not in connectors:
                    connectors[cid] = _connector(nodes[cid], mine_ties.get(cid), a)
                known = connectors[cid]
                if known is None:
                    continue
                c_name, c_url, c_company, c_position, warmth, wa, penalty, first = known
                strength = theirs["strength"]
                score = wa * strength ** b * rc * penalty
                reasons = theirs["reasons"]
                out = [first, f"{c_name} knows {t_name}: {reasons[0] if reasons else 'connected on LinkedIn'}"]
                if theirs.get("confidence") == "low":
                    out.append(f"little evidence about how well {c_name} knows {t_name}")
                for e in theirs.get("evidence", ()):
                    if e.kind == "export_age":
                        sentence = stale.get(id(e))
                        if sentence is None:
                            sentence = stale[id(e)] = describe_evidence(e, as_of)
                        out.append(sentence)
                rows.append((
                    name, priority, tid, t_name, t_url, t_company, t_position, cid, c_name, c_url, c_company,
                    c_position, warmth, strength, relevance, round(score, 4), theirs["source"],
                    tuple(out) + relevance_reasons,
                ))
    return _ranked(rows, PATH_COLUMNS, company_order=_order(G))


def _connector(node: dict, mine: dict | None, a: float) -> tuple | None:
    """What every route through one connector shares, or None when they are not one
    (not your connection): name, URL, company, position, warmth, warmth^a, the ask
    penalty, and the sentence about how warm they are to you."""
    if mine is None or node.get("degree") != 1:
        return None
    first_mine = mine["reasons"][0] if mine["reasons"] else "a connection"
    first = f"{node['name']} is {warmth_word(mine['warmth'])} to you: {first_mine}"
    return (node["name"], node["url"], node["company"], node["position"], mine["warmth"], mine["warmth"] ** a,
            mine.get("ask_penalty", 1.0), first)


def rank_connectors(intro_paths: pd.DataFrame, G: nx.Graph, *, weights: Weights | None = None) -> pd.DataFrame:
    """Whom to ask for introductions across all targets, best first.

    A connector's paths add up with diminishing returns: within one target company the
    second person counts ``Weights.same_company_decay`` as much as the first, and the
    score is ``1 - prod(1 - path_score x decay)``, so reaching four people at two
    targets beats reaching one. ``reaches`` lists everyone they can introduce you to, best
    first; ``ask_about`` suggests at most ``Weights.max_intros``
    people, the best at each company first, so nobody is asked for ten intros at once.
    """
    w = weights or Weights()
    owner = G.graph["owner"]
    if intro_paths.empty:
        return pd.DataFrame(columns=CONNECTOR_COLUMNS)
    p = intro_paths.sort_values(["score", "target_id"], ascending=[False, True], kind="stable")
    cids, companies, targets, names, scores = (p[column].tolist() for column in (
        "connector_id", "company", "target_id", "target_name", "score"))
    # The routes of each connector, best first (connectors in the order of their best
    # route), and each route's rank among that connector's routes into its company.
    counted: dict[tuple, int] = {}
    ranks: list[int] = []
    routes: dict[str, list[int]] = {}
    for i, key in enumerate(zip(cids, companies)):
        rank = counted.get(key, 0)
        counted[key] = rank + 1
        ranks.append(rank)
        routes.setdefault(key[0], []).append(i)
    decay = w.same_company_decay
    nodes, mine_ties = G.nodes, dict(G.adjacency())[owner]
    rows = []
    for cid, members in routes.items():
        values = np.array([scores[i] * decay ** ranks[i] for i in members], dtype=float)
        score = 1.0 - float(np.prod(1.0 - values))
        picks = sorted(members, key=lambda i: (ranks[i], -scores[i]))[: w.max_intros]
        node, tie = nodes[cid], mine_ties[cid]
        ask = connector_ask(tie.get("evidence", ()), warmth=tie.get("ask_warmth", tie["warmth"]),
                            quiet_days=tie.get("quiet_days"), weights=w)
        reached = tuple(dict.fromkeys(targets[i] for i in members))
        rows.append({
            "person_id": cid, "name": node["name"], "url": node["url"], "company": node["company"],
            "position": node["position"], "score": round(score, 4),
            "ask": ask, "reaches": reached, "ask_about": tuple(targets[i] for i in picks),
            "reasons": _connector_reasons([companies[i] for i in members], len(reached),
                                          [names[i] for i in picks], tie, ask == "reconnect"),
        })
    out = _frame(rows, CONNECTOR_COLUMNS)
    return out.sort_values(["score", "name"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _connector_reasons(companies: list[str], people: int, picks: list[str], tie: dict, cold: bool) -> tuple[str, ...]:
    """Why a connector: whom they reach where, how warm they are to you, whom to ask about first."""
    per_company: dict[str, int] = {}
    for company in companies:
        per_company[company] = per_company.get(company, 0) + 1
    where = ", ".join(f"{c} ({n})" for c, n in per_company.items())
    out = [f"can introduce you to {people} {'person' if people == 1 else 'people'} at "
           f"{len(per_company)} target{'s' if len(per_company) != 1 else ''}: {where}"]
    out += list(tie["reasons"][:2])
    if len(picks) < people:
        out.append(f"ask about {len(picks)} of them first: {', '.join(picks)}")
    if cold:
        out.append("reconnect and offer something before asking for an introduction")
    return tuple(out)


def _hubs(G: nx.Graph) -> list[tuple[str, dict]]:
    hubs = [(n, d) for n, d in G.nodes(data=True) if d.get("kind") == "company"]
    return sorted(hubs, key=lambda h: h[1]["order"])


def _order(G: nx.Graph) -> dict:
    return {d["name"]: d["order"] for _, d in _hubs(G)}


def _frame(rows: list, columns: list[str]) -> pd.DataFrame:
    """Rows (tuples or dicts) as a frame whose text columns hold Python ``str`` (object
    dtype, which the frame conventions allow): the report and the week's plan read the
    answers row by row, twice as fast as from pandas' arrow-backed strings."""
    if not rows:
        return pd.DataFrame(rows, columns=columns)
    if isinstance(rows[0], dict):
        values = {c: [r[c] for r in rows] for c in columns}
    else:
        values = dict(zip(columns, (list(v) for v in zip(*rows))))
    return pd.DataFrame({c: pd.Series(v, dtype=object) if isinstance(v[0], str) else v for c, v in values.items()},
                        columns=columns)


def _ranked(rows: list, columns: list[str], *, company_order: dict) -> pd.DataFrame:
    frame = _frame(rows, columns)
    if frame.empty:
        return frame
    frame = frame.assign(_order=frame["company"].map(company_order), _name=frame[columns[3]])
    frame = frame.sort_values(["_order", "score", "_name"], ascending=[True, False, True], kind="stable")
    return frame.drop(columns=["_order", "_name"]).reset_index(drop=True)


def set_answers(G: nx.Graph, insiders: pd.DataFrame, intro_paths: pd.DataFrame) -> None:
    """Write the answers onto ``G``: insiders get ``score`` and ``ask``, intro-path edges
    ``path_score``, second-degree people ``best_score``. Changes ``G``; returns None."""
    ids = insiders["person_id"].tolist()
    nx.set_node_attributes(G, dict(zip(ids, insiders["score"].astype(float).tolist())), "score")
    nx.set_node_attributes(G, dict(zip(ids, insiders["ask"].tolist())), "ask")
    if len(intro_paths):
        best = intro_paths.groupby("target_id")["score"].max().astype(float)
        nx.set_node_attributes(G, dict(zip(best.index.tolist(), best.tolist())), "best_score")
        adj = dict(G.adjacency())  # each edge's one attribute dict, seen from both ends
        for u, v, score in zip(intro_paths["connector_id"].tolist(), intro_paths["target_id"].tolist(),
                               intro_paths["score"].astype(float).tolist()):
            adj[u][v]["path_score"] = score


def answer(G: nx.Graph, targets: pd.DataFrame, *, owner: Owner, weights: Weights) -> Plan:
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
    plan = Plan(G=G, as_of=dt.date.fromisoformat(G.graph["as_of"]), owner=owner, targets=targets,
                insiders=insiders, intro_paths=paths, connectors=connectors, near_misses=near,
                summary=summary, notes=tuple(G.graph.get("notes", ())), weights=weights)
    return plan


