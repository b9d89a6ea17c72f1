"""What a map draws: per target company the best routes in, chosen from the hub's neighbourhood.

The selection reads only the company hubs' neighbours and their ties, never the whole
graph, so a network of 30,000 connections costs what its people at targets cost.
"""

from __future__ import annotations

import difflib
import heapq
import zlib
from collections.abc import Hashable
from dataclasses import dataclass

import networkx as nx

from netgraph.errors import NetgraphError, TargetsError
from netgraph.plot._style import _number

# With ``top=None`` ("every route") a company still shows at most this many insiders and
# this many intro paths: on the map of every target, and on the map of one company.
_MAX_ROUTES = 10
_MAX_ROUTES_ONE = 20


@dataclass(frozen=True)
class _Path:
    """One intro path: you – `connector` – `target`, worth `score`."""

    connector: Hashable
    target: Hashable
    score: float


@dataclass(frozen=True)
class _Company:
    """The routes drawn into one target company, best first, and what was left out."""

    name: str
    hub: Hashable
    index: int
    insiders: tuple
    paths: tuple[_Path, ...]
    n_insiders: int
    n_paths: int
    n_connectors: int
    n_people: int
    best: tuple

    @property
    def people(self) -> list:
        """The people at the company that are drawn: insiders, then targets, no repeats."""
        return list(dict.fromkeys([*self.insiders, *(p.target for p in self.paths)]))

    @property
    def more(self) -> int:
        """How many people at the company are in the graph but not drawn."""
        return max(0, self.n_people - len(self.people))


def _tiebreak(seed: int, node: Hashable) -> int:
    """A stable pseudo-random rank for `node`, to order equal scores the same way every run."""
    return zlib.crc32(f"{seed}\x1f{node}".encode("utf-8", "surrogatepass"))


def _owner(G: nx.Graph) -> Hashable:
    owner = G.graph.get("owner")
    if owner is None or owner not in G:
        raise NetgraphError("the graph has no owner node (G.graph['owner']); build it with "
                            "netgraph.graph.build_graph or take it from a Plan (plan.G)")
    return owner


def _hubs(G: nx.Graph) -> list[tuple[str, Hashable]]:
    """``(name, hub node)`` of every target company, in the order of the targets file."""
    names = G.graph.get("targets")
    if names is not None:
        found = [(str(name), f"company:{name}") for name in names]
        return [(name, hub) for name, hub in found if hub in G and G.nodes[hub].get("kind") == "company"]
    hubs = [(_number(d.get("order")), str(d.get("name", n)), n) for n, d in G.nodes(data=True)
            if d.get("kind") == "company"]
    return [(name, hub) for _, name, hub in sorted(hubs, key=lambda h: (h[0], h[1]))]


def _find_company(G: nx.Graph, company: str) -> tuple[int, str, Hashable]:
    """Index, name and hub of `company` among the targets, matched ignoring case and spacing.

    Raises
    ------
    TargetsError
        When it is not a target; the message names the closest targets.
    """
    hubs = _hubs(G)
    wanted = " ".join(str(company).split()).casefold()
    for index, (name, hub) in enumerate(hubs):
        if " ".join(name.split()).casefold() == wanted:
            return index, name, hub
    names = [name for name, _ in hubs]
    close = difflib.get_close_matches(str(company), names, n=3, cutoff=0.5)
    advice = "use a company name as written in your targets file"
    if close:
        advice = f"did you mean {' or '.join(repr(c) for c in close)}? U{advice[1:]}"
    raise TargetsError(f"company {str(company)!r} is not one of your targets "
                       f"({', '.join(names) or 'there are none'}); {advice}")


def _select(G: nx.Graph, owner: Hashable, index: int, name: str, hub: Hashable, *,
            top: int | None, seed: int, one: bool = False) -> _Company:
    """The best `top` insiders and `top` intro paths into one company (all, up to a cap, for None)."""
    limit = (_MAX_ROUTES_ONE if one else _MAX_ROUTES) if top is None else top
    nodes = G.nodes
    insiders, second = [], []
    for person in G.adj[hub]:
        data = nodes[person]
        if data.get("kind") != "person":
            continue
        degree = data.get("degree")
        if degree == 1 or (degree is None and G.has_edge(owner, person)):
            insiders.append(person)
        else:
            second.append(person)

    def rank(node: Hashable, score: float) -> tuple[float, int]:
        return score, _tiebreak(seed, node)

    top_insiders = heapq.nlargest(limit, insiders, key=lambda n: rank(n, _number(nodes[n].get("score"))))
    routes, connectors = [], set()
    for target in second:
        for connector, tie in G.adj[target].items():
            if tie.get("kind") == "tie" and connector != owner:
                connectors.add(connector)
                routes.append((_number(tie.get("path_score", tie.get("strength"))), connector, target))
    if len(routes) > limit:  # only scores that can make the cut need a tie-break rank
        cut = heapq.nlargest(limit, (r[0] for r in routes))[-1]
        routes_in = [r for r in routes if r[0] >= cut]
    else:
        routes_in = routes
    best_routes = heapq.nlargest(limit, routes_in, key=lambda r: (r[0], _tiebreak(seed, r[1]), _tiebreak(seed, r[2])))
    paths = tuple(_Path(connector, target, score) for score, connector, target in best_routes)

    best: tuple = ()
    insider_score = _number(nodes[top_insiders[0]].get("score")) if top_insiders else -1.0
    if top_insiders and (not paths or insider_score >= paths[0].score):
        best = ("insider", top_insiders[0])
    elif paths:
        best = ("path", paths[0].connector, paths[0].target)
    return _Company(name=name, hub=hub, index=index, insiders=tuple(top_insiders), paths=paths,
                    n_insiders=len(insiders), n_paths=len(routes), n_connectors=len(connectors),
                    n_people=len(insiders) + len(second), best=best)
