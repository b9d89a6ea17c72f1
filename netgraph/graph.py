"""The network: you, your connections, the people they reach at your targets, as NetworkX.

:func:`build_graph` gathers every source (your export, friends' exports, ties you know
of, your notes), matches companies to targets, scores the ties and returns one graph.
It keeps only what the analysis needs: all your first-degree ties, and the
second-degree people who work at a target, so a network of a million second-degree
ties becomes a graph of tens of thousands of nodes.

Graph schema
------------
``G.graph``
    ``owner`` (the owner's node id), ``as_of`` (ISO date), ``sources`` (list of
    ``{"kind", "path", "owner"}``), ``targets`` (target names in file order),
    ``near_misses`` (list of ``{"company", "looks_like", "count"}``), ``notes``
    (data-quality sentences), ``stats`` (counts for the summary).
Nodes
    ``kind="you"``: the owner (``name, url``).
    ``kind="person"``: ``name, url, company, position, degree`` (1 = your connection,
    2 = reached through one), ``target`` (target name or ``""``); people at a target
    also have ``relevance, role, relevance_reasons``.
    ``kind="company"``: id ``company:<name>``, ``name, priority, order``.
Edges
    ``kind="tie"`` between you and a connection: ``warmth, confidence, quiet_days``
    (days since any contact), ``model_warmth`` (before the ledger's adjustments),
    ``ask_warmth`` (the warmth the ask rests on: the model's until they answer a give),
    ``ask_penalty`` (below 1 after a recent ask in the ledger), ``gave_days`` and
    ``asked_days`` (days since your last give and ask, NaN without one), ``open_ask``
    (an ask still waiting for a reply), ``reasons``, ``evidence`` (tuple of
    :class:`~netgraph.evidence.Evidence`), ``source="export"``.
    ``kind="tie"`` between a connection and a second-degree person: ``strength,
    confidence, reasons, evidence, source ("export", "pack" or "known")``.
    ``kind="works_at"`` between a person and a target company: ``position, rule``.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from itertools import repeat

import networkx as nx
import numpy as np
import pandas as pd

from netgraph.companies import find_near_misses, match_companies
from netgraph.errors import SourceError
from netgraph.evidence import Evidence, describe_evidence, last_exchange
from netgraph.freshness import export_date, staleness
from netgraph.io import Export, normalize_name
from netgraph.io._pack import Pack
from netgraph.io.identity import normalize_names
from netgraph.ledger import ledger_adjustments, summarize_ledger
from netgraph.people import closest_names, find_person, resolve_contacts, resolve_owner
from netgraph.score import among, score_known_ties, score_relevance, score_stacked, score_ties
from netgraph.weights import Weights

__all__ = ["build_graph", "company_node"]

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")

log = logging.getLogger(__name__)


def company_node(name: str) -> str:
    """The node id of a target company.

    Examples
    --------
    >>> company_node("Stripe")
    'company:Stripe'
    """
    return f"company:{name}"


def build_graph(
    me: Export,
    targets: pd.DataFrame,
    *,
    as_of: dt.date,
    networks: Sequence[tuple[str | None, Export]] = (),
    known: pd.DataFrame | None = None,
    contacts: pd.DataFrame | None = None,
    weights: Weights | None = None,
    builtin_aliases: bool = True,
    ledger: pd.DataFrame | None = None,
    packs: Sequence[tuple[str | None, Pack]] = (),
) -> nx.Graph:
    """Build the network graph from your export and every other source.

    Parameters
    ----------
    me
        Your own export.
    targets
        The targets frame from :func:`netgraph.companies.read_targets`.
    as_of
        The day recency is measured from.
    networks
        Friends' exports, each with the owner as you gave it (name or URL) or None to
        take it from the export's Profile.csv.
    known
        Ties you know of without an export (:func:`netgraph.io.read_known`).
    contacts
        Your notes on your connections (:func:`netgraph.io.read_contacts`).
    weights
        The scoring model.
    builtin_aliases
        Whether well-known other names (Facebook for Meta, ...) count as matches.
    ledger
        Entries of your give-and-ask ledger (:func:`netgraph.ledger.list_entries`):
        recent gives warm a tie, a recent ask makes that person a weaker connector.
    packs
        Share packs friends made for you (:func:`netgraph.io.read_pack`), each with the owner
        as you gave it or None to take it from the pack's header: their ties come with the
        friend's own warmth and evidence.

    Returns
    -------
    networkx.Graph
        The graph described in this module's docstring.

    Raises
    ------
    SourceError
        A friend's export whose owner is not among your connections, or a ``--known``
        connector who is not.
    """
    w = weights or Weights()
    notes: list[str] = []
    mine = me.connections.drop_duplicates("person_id").set_index("person_id", drop=False)
    mine = mine.assign(_key=normalize_names(mine["name"]))
    friends = [(resolve_owner(hint, export.owner, export.source, mine), export) for hint, export in networks]
    shared = [(resolve_owner(hint, pack.owner, pack.source, mine), pack) for hint, pack in packs]

    companies = [mine["company"]] + [f.connections["company"] for _, f in friends]
    companies += [p.ties["company"] for _, p in shared]
    if known is not None:
        companies.append(known["company"])
    matches = match_companies(pd.unique(pd.concat(companies, ignore_index=True)), targets,
                              builtin_aliases=builtin_aliases)
    target_of = matches["target"]
    rule_of = matches["rule"]

    note_frame = resolve_contacts(contacts, mine, notes)
    ties = score_ties(me, as_of=as_of, weights=w, contacts=note_frame)
    ties = _apply_ledger(ties, ledger, as_of=as_of, weights=w)
    people = mine.assign(target=mine["company"].map(target_of).fillna(""))
    people = people.join(ties[_TIE_COLUMNS])

    second = _second_degree(friends, known, people, me, target_of, as_of=as_of, weights=w, notes=notes,
                            shared=shared)
    at_targets = pd.concat([
        people.loc[people["target"].ne(""), ["target", "position"]],
        second.drop_duplicates("person_id").set_index("person_id")[["target", "position"]],
    ])
    relevance = score_relevance(at_targets, targets, weights=w)

    G = nx.Graph(
        owner=me.owner.person_id,
        as_of=as_of.isoformat(),
        sources=_sources(me, friends, known, contacts, mine)
        + [{"kind": "pack", "path": p.source, "owner": mine.at[c, "name"]} for c, p in shared],
        targets=list(targets.sort_values("order")["company"]),
        near_misses=_near_misses(people, second, friends, matches),
        notes=_data_notes(me, friends, mine) + _pack_notes(shared, mine) + notes,
        stats={"connections": len(mine), "hidden": int(me.hidden), "networks": len(friends) + len(shared),
               "skipped_rows": int(len(me.skipped)) + sum(len(f.skipped) for _, f in friends)},
    )
    _add_nodes(G, me, targets, people, second, relevance)
    _add_edges(G, me, people, second, rule_of)
    return G


_TIE_COLUMNS = ["warmth", "model_warmth", "ask_warmth", "confidence", "quiet_days", "ask_penalty", "gave_days",
                "asked_days", "open_ask", "reasons", "evidence"]


def _apply_ledger(ties: pd.DataFrame, ledger: pd.DataFrame | None, *, as_of: dt.date,
                  weights: Weights) -> pd.DataFrame:
    """Warm ties you recently gave to; mark people you recently asked as weaker connectors.

    ``ask_warmth`` is the warmth the ask may rest on: a give warms the tie, but the ask
    changes only once they answer (a reply logged after the give, or messages both ways
    since), so until then it stays the model's warmth.
    """
    ties = ties.assign(ask_penalty=1.0, gave_days=np.nan, asked_days=np.nan, open_ask=False,
                       model_warmth=ties["warmth"], ask_warmth=ties["warmth"])
    if ledger is None or ledger.empty:
        return ties
    summary = summarize_ledger(ledger, as_of=as_of)
    day = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    dated = ledger.loc[pd.to_datetime(ledger["at"]) < day]
    replies = dated.loc[dated["kind"].eq("reply")].groupby("person_id")["at"].max()
    state = summary.set_index("person_id")
    state = state.loc[among(state.index, ties.index)]
    ties.loc[state.index, "asked_days"] = state["days_since_ask"].astype("float")
    ties.loc[state.index, "open_ask"] = state["open_ask"].astype(bool)
    adj = ledger_adjustments(summary, as_of=as_of, weights=weights).set_index("person_id")
    adj = adj.loc[among(adj.index, ties.index)]
    if adj.empty:
        return ties
    days = summary.set_index("person_id")["days_since_give"].reindex(adj.index).astype("float")
    ties.loc[adj.index, "warmth"] = (ties.loc[adj.index, "warmth"] + adj["warmth_bonus"]).clip(upper=1.0).round(4)
    ties.loc[adj.index, "quiet_days"] = np.fmin(ties.loc[adj.index, "quiet_days"], days.fillna(np.inf))
    ties.loc[adj.index, "ask_penalty"] = adj["connector_penalty"]
    ties.loc[adj.index, "gave_days"] = days
    ties.loc[adj.index, "reasons"] = [tuple(extra) + tuple(old) for extra, old in
                                      zip(adj["reasons"], ties.loc[adj.index, "reasons"])]
    gave = pd.to_datetime(state["last_give"]).reindex(adj.index)
    answered = pd.to_datetime(replies.reindex(adj.index)) >= gave
    talked = pd.Series([last_exchange(ev) for ev in ties.loc[adj.index, "evidence"]], index=adj.index, dtype=object)
    answered |= pd.to_datetime(talked) >= gave
    opened = gave.isna() | answered.fillna(False)
    ties.loc[adj.index, "ask_warmth"] = ties.loc[adj.index, "warmth"].where(opened, ties.loc[adj.index, "model_warmth"])
    return ties


def _second_degree(friends, known, people, me, target_of, *, as_of, weights, notes, shared=()) -> pd.DataFrame:
    """Everyone at a target reached through one of your connections, one row per tie.

    Columns: ``connector_id, person_id, name, url, company, position, target, strength,
    confidence, reasons, source``.
    """
    my_name = normalize_name(me.owner.name)
    frames = []
    if friends:
        theirs = [f.connections[["person_id", "name", "url", "company", "position"]] for _, f in friends]
        sizes = [len(frame) for frame in theirs]
        everyone = pd.concat(theirs, ignore_index=True)
        everyone["connector_id"] = np.repeat(np.array([c for c, _ in friends], dtype=object), sizes)
        everyone["_owner_id"] = np.repeat(np.array([f.owner.person_id for _, f in friends], dtype=object), sizes)
        everyone["target"] = everyone["company"].map(target_of).fillna("")
        keep = everyone["target"].ne("") & everyone["person_id"].ne(everyone["_owner_id"]) \
            & everyone["person_id"].ne(me.owner.person_id)
        if my_name:  # you, in a friend's export without your URL
            keep &= normalize_names(everyone["name"]).ne(my_name) | everyone["url"].ne("")
        at = everyone.loc[keep].drop_duplicates(["connector_id", "person_id"])
        ids = {c: g for c, g in at.groupby("connector_id", sort=False)["person_id"]}
        firsts = [(people.at[c, "name"].split() or ["they"])[0] for c, _ in friends]
        scored, owner = score_stacked(
            [(f, pd.Index(ids.get(c, ())), first) for (c, f), first in zip(friends, firsts)],
            as_of=as_of, weights=weights)
        ties = _freshen(scored[["warmth", "confidence", "reasons", "evidence"]], owner, friends, firsts,
                        as_of=as_of, weights=weights)
        ties["connector_id"] = np.array([c for c, _ in friends], dtype=object)[owner]
        at = at.merge(ties.rename_axis("person_id").reset_index(), on=["connector_id", "person_id"], how="left")
        frames.append(at.rename(columns={"warmth": "strength"}).assign(source="export"))
    for connector_id, pack in shared:
        frames.append(_pack_ties(pack, connector_id, people, me, target_of, as_of=as_of, weights=weights))
    if known is not None and len(known):
        frames.append(_known_ties(known, people, target_of, weights, notes))
    columns = ["connector_id", "person_id", "name", "url", "company", "position", "target",
               "strength", "confidence", "reasons", "evidence", "source"]
    if not frames:
        return pd.DataFrame(columns=columns)
    second = pd.concat(frames, ignore_index=True)[columns]
    second = _unify_people(second, people)
    second = second.loc[~among(second["person_id"], people.index) & second["connector_id"].ne(second["person_id"])]
    second = second.sort_values(["strength", "source"], ascending=[False, True], kind="stable")
    return second.drop_duplicates(["person_id", "connector_id"]).reset_index(drop=True)


def _freshen(ties: pd.DataFrame, owner: np.ndarray, friends: Sequence[tuple[str, Export]], firsts: Sequence[str], *,
             as_of: dt.date, weights: Weights) -> pd.DataFrame:
    """Discount the ties of old exports by their age, and say so in their evidence.

    ``owner`` is the number (in ``friends``) of the export of each tie; ``firsts`` how each
    friend is named. A copy of ``ties``; every tie of an export has the same one record of
    its age (and one sentence for it).
    """
    ties = ties.copy()
    factors = np.ones(len(friends))
    stale: list[Evidence | None] = [None] * len(friends)
    for i, ((_, export), who) in enumerate(zip(friends, firsts)):
        made = export_date(export)
        factors[i] = staleness(made, as_of=as_of, weights=weights)
        if factors[i] < 1.0:
            stale[i] = Evidence("export_age", who=who, date=pd.Timestamp(made) if made else None)
    old = factors[owner] < 1.0
    if not old.any():
        return ties
    said = [None if e is None else describe_evidence(e, as_of) for e in stale]
    warmth = ties["warmth"].to_numpy(dtype=float, copy=True)
    warmth[old] = np.round(warmth[old] * factors[owner[old]], 4)
    ties["warmth"] = warmth
    evidence, reasons = ties["evidence"].tolist(), ties["reasons"].tolist()
    for at in np.flatnonzero(old).tolist():
        i = owner[at]
        evidence[at] = tuple(evidence[at]) + (stale[i],)
        reasons[at] = tuple(reasons[at]) + (said[i],)
    ties["evidence"] = pd.Series(evidence, index=ties.index, dtype=object)
    ties["reasons"] = pd.Series(reasons, index=ties.index, dtype=object)
    return ties


def _pack_ties(pack: Pack, connector_id: str, people: pd.DataFrame, me: Export, target_of: pd.Series, *,
               as_of: dt.date, weights: Weights) -> pd.DataFrame:
    """A share pack's rows as second-degree ties, with the friend's warmth and evidence.

    The friend's warmth is their own measure of the tie; the pack's age counts like an
    export's (:mod:`netgraph.freshness`), and the reasons say whose share it came from.
    """
    ties = pack.ties
    first = (str(people.at[connector_id, "name"]).split() or ["they"])[0]
    target = ties["company"].map(target_of).fillna("")
    keep = target.ne("") & ties["person_id"].ne(me.owner.person_id) & ties["person_id"].ne(pack.owner.person_id)
    ties, target = ties.loc[keep], target.loc[keep]
    factor = staleness(pack.export_date or pack.made_on, as_of=as_of, weights=weights)
    per = f"per {first}'s share of {pack.made_on.isoformat()}"
    stale: tuple[Evidence, ...] = ()
    if factor < 1.0:
        stale = (Evidence("export_age", who=first, date=pd.Timestamp(pack.export_date or pack.made_on)),)
    reasons = [tuple([f"{ev[0]}, {per}" if ev else f"in {first}'s share pack of {pack.made_on.isoformat()}",
                      *ev[1:], *(describe_evidence(e, as_of) for e in stale)]) for ev in ties["evidence"]]
    return pd.DataFrame({
        "connector_id": connector_id, "person_id": ties["person_id"].to_numpy(), "name": ties["name"].to_numpy(),
        "url": ties["url"].to_numpy(), "company": ties["company"].to_numpy(), "position": ties["position"].to_numpy(),
        "target": target.to_numpy(), "strength": (ties["warmth"].astype(float) * factor).round(4).to_numpy(),
        "confidence": ties["confidence"].to_numpy(), "reasons": reasons, "evidence": [stale] * len(ties),
        "source": "pack",
    })


def _pack_notes(shared: Sequence[tuple[str, Pack]], mine: pd.DataFrame) -> list[str]:
    notes = []
    for connector_id, pack in shared:
        made = pack.export_date or pack.made_on
        notes.append(f"{mine.at[connector_id, 'name']!s}'s share pack covers {len(pack.ties)} people, made on "
                     f"{pack.made_on.isoformat()} from an export of {_MONTHS[made.month - 1]} {made.year}")
    return notes


def _known_ties(known, people, target_of, weights, notes) -> pd.DataFrame:
    rows = known.assign(target=known["company"].map(target_of).fillna(""))
    connector_ids = []
    for line, who in zip(rows["line"], rows["connector"]):
        found = find_person(who, people)
        if len(found) != 1:
            problem = "matches several of your connections" if found else "is not among your connections"
            raise SourceError(f"known ties file line {line}: connector '{who}' {problem}"
                              f"{closest_names(who, people) if not found else ''}; use the name or profile URL "
                              "as it appears in your Connections.csv")
        connector_ids.append(found[0])
    rows = rows.assign(connector_id=connector_ids)
    skipped = rows.loc[rows["target"].eq("")]
    if len(skipped):
        notes.append(f"{len(skipped)} known ties are at companies that are not targets (ignored)")
    rows = rows.loc[rows["target"].ne("")]
    strength = score_known_ties(rows, weights=weights)
    reasons = [(f"you noted that they know each other (strength {int(s)}/5)" if pd.notna(s)
                else "you noted that they know each other",) for s in rows["strength"]]
    return pd.DataFrame({
        "connector_id": rows["connector_id"].to_numpy(), "person_id": rows["person_id"].to_numpy(),
        "name": rows["name"].to_numpy(), "url": rows["url"].to_numpy(), "company": rows["company"].to_numpy(),
        "position": rows["position"].to_numpy(), "target": rows["target"].to_numpy(),
        "strength": strength.to_numpy(), "confidence": "medium", "reasons": reasons,
        "evidence": [()] * len(rows), "source": "known",
    })


def _unify_people(second: pd.DataFrame, people: pd.DataFrame) -> pd.DataFrame:
    """One person, one id, across every export.

    People are keyed by normalised name and target company. A row without a profile URL
    takes the id of your own connection with that key, else of the one profile URL seen
    with that key, else one shared name id; so someone you know is never an intro target
    and an old URL-less export joins the modern one. Rows run only over people at targets.
    """
    keys = (normalize_names(second["name"]) + "|" + second["target"]).tolist()
    mine_at = people.loc[people["target"].ne("")]
    my_keys = pd.Series(mine_at.index, index=mine_at["_key"] + "|" + mine_at["target"])
    mine_by_key = my_keys[~my_keys.index.duplicated(keep=False)].to_dict()
    my_urls = dict(zip(mine_at.index, mine_at["url"]))
    url_ids: dict[str, set] = {}
    name_ids: dict[str, str] = {}
    person_ids = second["person_id"].tolist()
    for pid, key in zip(person_ids, keys):
        if pid.startswith("in:"):
            url_ids.setdefault(key, set()).add(pid)
        else:
            name_ids[key] = min(name_ids.get(key, pid), pid)
    ids = []
    for pid, key in zip(person_ids, keys):
        mine = mine_by_key.get(key)
        if pid.startswith("in:"):
            ids.append(mine if mine and not my_urls.get(mine) else pid)
        elif mine:
            ids.append(mine)
        elif len(url_ids.get(key, ())) == 1:
            ids.append(next(iter(url_ids[key])))
        else:
            ids.append(name_ids[key])
    return second.assign(person_id=ids)


# ---------------------------------------------------------------------------
# Assembling the graph


def _add_nodes(G, me, targets, people, second, relevance) -> None:
    G.add_node(me.owner.person_id, kind="you", name=me.owner.name or "You", url=me.owner.url)
    for row in targets.itertuples(index=False):
        G.add_node(company_node(row.company), kind="company", name=row.company,
                   priority=int(row.priority), order=int(row.order))
    first = people[["name", "url", "company", "position", "target"]].assign(degree=1)
    G.add_nodes_from(zip(first.index.tolist(), _records(first, kind="person")))
    columns = ["name", "url", "company", "position", "target"]
    others = second.drop_duplicates("person_id").set_index("person_id")[columns]
    G.add_nodes_from(zip(others.index.tolist(), _records(others.assign(degree=2), kind="person")))
    rel = relevance.loc[~relevance.index.duplicated()]
    for pid, r, role, reasons in zip(rel.index.tolist(), rel["relevance"].tolist(), rel["role"].tolist(),
                                     rel["reasons"].tolist()):
        G.nodes[pid].update(relevance=float(r), role=role, relevance_reasons=reasons)


def _records(frame: pd.DataFrame, **extra) -> list[dict]:
    """Rows as plain dicts (``extra``'s items first), fast: one list per column, then zipped."""
    columns = list(frame.columns)
    keys = [k for k in extra if k not in columns] + columns
    values = [repeat(v) for k, v in extra.items() if k not in columns] + [frame[c].tolist() for c in columns]
    return [dict(zip(keys, row)) for row in zip(*values)] if columns else []


def _add_edges(G, me, people, second, rule_of) -> None:
    owner = me.owner.person_id
    tie = people[_TIE_COLUMNS]
    tie = tie.astype({"warmth": float, "model_warmth": float, "ask_warmth": float, "quiet_days": float,
                      "ask_penalty": float, "gave_days": float, "asked_days": float, "open_ask": bool})
    G.add_edges_from((owner, pid, attrs) for pid, attrs in
                     zip(tie.index.tolist(), _records(tie, kind="tie", source="export")))
    ties = second[["strength", "confidence", "reasons", "evidence", "source"]].astype({"strength": float})
    G.add_edges_from((c, p, attrs) for c, p, attrs in
                     zip(second["connector_id"].tolist(), second["person_id"].tolist(), _records(ties, kind="tie")))
    at = pd.concat([people.loc[people["target"].ne(""), ["target", "position", "company"]],
                    second.drop_duplicates("person_id").set_index("person_id")[["target", "position", "company"]]])
    rules = dict(zip(rule_of.index.tolist(), rule_of.tolist()))
    G.add_edges_from(
        (pid, company_node(t), {"kind": "works_at", "position": pos, "rule": rules.get(comp, "")})
        for pid, t, pos, comp in zip(at.index.tolist(), at["target"].tolist(), at["position"].tolist(),
                                     at["company"].tolist()))


def _sources(me, friends, known, contacts, mine) -> list[dict]:
    out = [{"kind": "export", "path": me.source, "owner": me.owner.name}]
    out += [{"kind": "network", "path": f.source, "owner": mine.at[c, "name"]} for c, f in friends]
    if known is not None:
        out.append({"kind": "known", "path": str(known.attrs.get("source", "")), "owner": ""})
    if contacts is not None:
        out.append({"kind": "contacts", "path": str(contacts.attrs.get("source", "")), "owner": ""})
    return out


def _near_misses(people, second, friends, matches) -> list[dict]:
    everyone = pd.concat([people["company"], second.drop_duplicates("person_id")["company"]], ignore_index=True)
    table = find_near_misses(everyone, matches)
    return [{"company": c, "looks_like": t, "count": int(n)}
            for c, t, n in zip(table["company"], table["looks_like"], table["count"])]


def _data_notes(me: Export, friends: Iterable[tuple[str, Export]], mine: pd.DataFrame) -> list[str]:
    notes = []
    if me.hidden:
        notes.append(f"{me.hidden} hidden or deactivated members in your Connections.csv (counted, not used)")
    if me.messages.empty:
        notes.append("no messages.csv in your export: warmth rests on endorsements, recommendations and dates")
    for connector_id, f in friends:
        made = export_date(f)
        when = f"{_MONTHS[made.month - 1]} {made.year}" if made else "an unknown date"
        who = str(mine.at[connector_id, "name"])
        notes.append(f"{who}'s export is from {when}")
        if f.messages.empty and f.recommendations.empty and f.endorsements.empty:
            notes.append(f"{who}'s export is a bare connections list: their ties are scored with low confidence")
    notes.extend(me.notes)  # what the reader noticed: damaged rows and where they began, NA-like cells, ...
    if len(me.skipped):
        notes.append(f"{len(me.skipped)} rows of your export were skipped (run netgraph inspect for the list)")
    return notes
