"""The network map: :func:`plot_map` draws your ways into your target companies."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import networkx as nx
import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from netgraph.plot._labels import _Label, _place_labels, _text
from netgraph.plot._layout import _layered_layout, _radial_layout
from netgraph.plot._legend import _add_legends, _title
from netgraph.plot._select import _Company, _find_company, _hubs, _owner, _select, _tiebreak
from netgraph.plot._style import (
    _HALO,
    _INK,
    _MUTED,
    _TIE,
    _clean,
    _Figure,
    _fonts,
    _look,
    _name,
    _number,
    _root_figure,
    _tie_alpha,
    _tie_width,
    _unit,
)

_FIGSIZE = (16.0, 12.0)
_DPI = 100  # with _FIGSIZE: 1600 x 1200 pixels
_HUB_SIZE = 1100.0
_YOU_SIZE = 900.0
_CONNECTOR_SIZE = 190.0


def plot_map(
    G: nx.Graph,
    *,
    ax: Axes | None = None,
    company: str | None = None,
    top: int | None = 5,
    seed: int = 0,
    title: str | None = None,
) -> tuple[Figure, Axes]:
    """Draw your ways into your target companies: who you know there, and who can introduce you.

    Without `company`, one map of every target: you in the centre, the connectors who
    can introduce you on a ring around you, and each target company as a labelled hub
    with its people around it, in the company's own colour, hatch and line style.
    With `company` (or when there is only one target), one company left to right: you,
    your connectors, and the people at the company (your insiders at the top, then the
    people your connectors know there); labels carry roles, insiders' asks and scores,
    and path scores are written on the connector–person edges.

    Only what matters is drawn: per company the best `top` intro paths (by path score)
    and the best `top` insiders (by score), with a "+N more at Company" label for the
    rest, so a network of 30,000 connections draws as cleanly as one of 30. The best
    way into each company (its best insider or best intro path, whichever scores
    higher) is drawn over a black halo. Ties are drawn wider and darker the warmer
    they are (``warmth`` for yours, ``strength`` for your connections'); people at
    targets are drawn larger the more relevant they are to the roles you want. Names
    are drawn as given (redact the plan first to share the picture); URLs never are.

    Parameters
    ----------
    G
        The network with the answers written on it: ``plan.G`` from
        :func:`netgraph.load.load_plan` (schema in ``docs/architecture.md``).
    ax
        Axes to draw into, with their final position. A 16 x 12 inch figure (1600 x
        1200 pixels at the default 100 dpi) is created only when this is None.
    company
        Draw this one target company (matched ignoring case) instead of all of them.
    top
        How many intro paths and how many insiders to draw per company. None draws
        every route, up to 10 of each per company on the map of every target and 20
        on the map of one company (the rest are counted in "+N more").
    seed
        Orders people with equal scores; the same graph and seed give the same picture.
    title
        The first line of the title (default: "Your ways into ..."); the second line,
        the as-of date and counts, is always drawn.

    Returns
    -------
    tuple
        The figure and the axes drawn into.

    Raises
    ------
    TargetsError
        When `company` is not one of the targets (the message names the closest).
    NetgraphError
        When `G` has no owner node.
    ValueError
        When `top` is not a positive whole number or None.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(owner="me", as_of="2026-11-20", targets=["Stripe"])
    >>> G.add_node("me", kind="you", name="Alex Rivera", url="")
    >>> G.add_node("company:Stripe", kind="company", name="Stripe", priority=1, order=0)
    >>> G.add_node("sam", kind="person", name="Sam Lee", company="Datadog", position="Engineer",
    ...            degree=1, target="")
    >>> G.add_node("dana", kind="person", name="Dana Cohen", company="Stripe", position="Engineer",
    ...            degree=2, target="Stripe", relevance=0.9, best_score=0.5)
    >>> G.add_edge("me", "sam", kind="tie", warmth=0.7)
    >>> G.add_edge("sam", "dana", kind="tie", strength=0.8, path_score=0.5)
    >>> G.add_edge("dana", "company:Stripe", kind="works_at", position="Engineer")
    >>> fig, ax = plot_map(G)
    >>> ax.get_title(loc="left").splitlines()[0]
    'Your ways into Stripe'
    >>> [t.get_text() for t in ax.texts if t.get_text() in ("Dana Cohen", "Sam Lee", "0.50")]
    ['Sam Lee', 'Dana Cohen', '0.50']
    """
    if top is not None and (isinstance(top, bool) or not isinstance(top, (int, np.integer)) or top < 1):
        raise ValueError(f"top must be a positive whole number or None, not {top!r}")
    owner = _owner(G)
    hubs = _hubs(G)
    one = company is not None or len(hubs) == 1
    if company is None:
        companies = [_select(G, owner, i, name, hub, top=top, seed=seed, one=one) for i, (name, hub) in enumerate(hubs)]
    else:
        index, name, hub = _find_company(G, company)
        companies = [_select(G, owner, index, name, hub, top=top, seed=seed, one=True)]
    fig, ax = _axes(ax)
    fonts = _fonts()
    scale = min(1.0, max(0.7, ax.get_window_extent().height / fig.dpi / 10.9))  # smaller axes, smaller text
    legends = _add_legends(ax, companies, one=one, fonts=fonts, scale=scale)
    reserve = max((leg.get_window_extent().width for leg in legends), default=0.0) + 24
    rank = lambda node: _tiebreak(seed, node)  # noqa: E731
    if not one:
        pos, angle = _radial_layout(owner, companies, tiebreak=rank)
        xs, ys = [x for x, _ in pos.values()], [y for _, y in pos.values()]
        _fit(ax, (min(xs) - 0.42, max(xs) + 0.42), (min(ys) - 0.3, max(ys) + 0.3), reserve=reserve, equal=True)
    else:
        pos, angle = _layered_layout(owner, companies[0], tiebreak=rank), {}
        ys = [y for _, y in pos.values()]
        rows = max(8.0, max(ys) - min(ys) + 1.6)
        middle = (max(ys) + min(ys)) / 2
        _fit(ax, (-0.4, 3.45), (middle - rows / 2, middle + rows / 2), reserve=reserve, equal=False)

    biggest = _row_px(ax) * 0.8 * 72 / fig.dpi if one else math.inf  # points: nodes fit their rows
    sizes = _draw_nodes(ax, G, owner, companies, pos, biggest=biggest, scale=scale)
    segments = _draw_edges(ax, G, owner, companies, pos, one=one)
    labels = _labels(ax, G, owner, companies, pos, angle, sizes, one=one, scale=scale)
    px = ax.transData.transform
    obstacles = [_grow(leg.get_window_extent().extents, 6) for leg in legends]
    nodes = [(*px(pos[node]), _radius(s, fig.dpi)) for node, s in sizes.items()]
    dropped = _place_labels(ax, labels, obstacles, np.array(nodes), [px(np.array(seg)) for seg in segments])
    _title(ax, G, companies, one=one, top=top, title=title, dropped=dropped, fonts=fonts, scale=scale)
    return fig, ax


# ---------------------------------------------------------------------------
# Figure, limits, legends


def _axes(ax: Axes | None) -> tuple[Figure, Axes]:
    if ax is None:
        fig: Figure = _Figure(figsize=_FIGSIZE, dpi=_DPI, facecolor="white")
        FigureCanvasAgg(fig)
        ax = fig.add_axes((0.012, 0.012, 0.976, 0.915))
    else:
        fig = _root_figure(ax)
    ax.set_axis_off()
    return fig, ax


def _fit(ax: Axes, xr: tuple[float, float], yr: tuple[float, float], *, reserve: float, equal: bool) -> None:
    """Set limits so `xr` x `yr` fills the axes left of a `reserve`-pixel strip for legends."""
    frame = ax.get_window_extent()
    width, height = frame.width, frame.height
    area = max(width - reserve, 0.45 * width)
    kx, ky = area / (xr[1] - xr[0]), height / (yr[1] - yr[0])
    if equal:
        kx = ky = min(kx, ky)
    cx, cy = (xr[0] + xr[1]) / 2, (yr[0] + yr[1]) / 2
    ax.set_xlim(cx - (area / 2) / kx, cx + (width - area / 2) / kx)
    ax.set_ylim(cy - (height / 2) / ky, cy + (height / 2) / ky)


def _grow(box: Sequence[float], by: float) -> tuple[float, float, float, float]:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


def _radius(size: float, dpi: float) -> float:
    """Half the width in pixels of a marker of `size` points squared."""
    return math.sqrt(size) / 2 * dpi / 72


# ---------------------------------------------------------------------------
# Nodes, edges, labels, title


def _roles(owner: Hashable, companies: Sequence[_Company]) -> tuple[dict, dict, list]:
    """Who is drawn as what: insiders and targets (node -> company), and connectors."""
    insiders: dict[Hashable, _Company] = {}
    targets: dict[Hashable, _Company] = {}
    for c in companies:
        for n in c.insiders:
            insiders.setdefault(n, c)
    for c in companies:
        for p in c.paths:
            if p.target not in insiders:
                targets.setdefault(p.target, c)
    connectors = [p.connector for c in companies for p in c.paths
                  if p.connector not in insiders and p.connector not in targets and p.connector != owner]
    return insiders, targets, list(dict.fromkeys(connectors))


def _row_px(ax: Axes) -> float:
    """Pixels between two rows (one unit of y) of the map of one company."""
    px = ax.transData.transform
    return float(abs(px((0.0, 1.0))[1] - px((0.0, 0.0))[1]))


def _draw_nodes(ax: Axes, G: nx.Graph, owner: Hashable, companies: Sequence[_Company], pos: dict, *,
                biggest: float = math.inf, scale: float = 1.0) -> dict:
    """Scatter every drawn node, one collection per kind (gid ``nodes-<kind>``); return their sizes.

    Nodes are `scale` times their usual width, and people at most `biggest` points
    wide, so that rows of people never touch.
    """
    insiders, targets, connectors = _roles(owner, companies)
    cap, area = biggest ** 2, scale ** 2
    sizes: dict = {owner: _YOU_SIZE * area}
    ax.scatter(*_xy([pos[owner]]), s=_YOU_SIZE * area, marker="*", c=_INK, edgecolors="white", linewidths=1.0,
               zorder=4, gid="nodes-you")
    if connectors:
        size = min(_CONNECTOR_SIZE * area, cap)
        ax.scatter(*_xy(pos[n] for n in connectors), s=size, marker="h", c="white",
                   edgecolors=_INK, linewidths=1.5, zorder=4, gid="nodes-connector")
        sizes.update(dict.fromkeys(connectors, size))
    for kind, group, mark in (("insider", insiders, "D"), ("target", targets, "o")):
        if not group:
            continue
        nodes = list(group)
        s = [min((60.0 + 300.0 * _unit(G.nodes[n].get("relevance"), 0.5)) * area, cap) for n in nodes]
        ax.scatter(*_xy(pos[n] for n in nodes), s=s, marker=mark, c=[_look(group[n].index).colour for n in nodes],
                   edgecolors=_INK, linewidths=1.1 if mark == "D" else 0.8, zorder=4, gid=f"nodes-{kind}")
        sizes.update(zip(nodes, s))
    for c in companies:
        look = _look(c.index)
        ax.scatter(*_xy([pos[c.hub]]), s=_HUB_SIZE * area, marker="s", c=look.colour, hatch=look.hatch,
                   edgecolors=_INK, linewidths=1.6, zorder=4, gid="nodes-company")
        sizes[c.hub] = _HUB_SIZE * area
    return sizes


def _draw_edges(ax: Axes, G: nx.Graph, owner: Hashable, companies: Sequence[_Company], pos: dict, *,
                one: bool) -> list:
    """Ties by warmth/strength, works-at links (all-target map), the best way into each company over a halo.

    Returns every segment drawn, in data coordinates.
    """
    insiders, targets, connectors = _roles(owner, companies)
    drawn: list = []

    def add(segments: list, widths: list | float, colours: list | str, gid: str, zorder: float,
            **style: Any) -> None:
        drawn.extend(segments)
        if segments:
            ax.add_collection(LineCollection(segments, linewidths=widths, colors=colours, zorder=zorder,
                                             gid=gid, capstyle="round", **style), autolim=False)

    mine = [n for n in [*connectors, *insiders] if G.has_edge(owner, n)]
    warmth = [_unit(G.edges[owner, n].get("warmth"), 0.3) for n in mine]
    add([(pos[owner], pos[n]) for n in mine], [_tie_width(w) for w in warmth],
        [(*_rgb(_TIE), _tie_alpha(w)) for w in warmth], "edges-you", 2.0)
    for c in companies:
        look = _look(c.index)
        paths = [p for p in c.paths if p.connector in pos and p.target in pos]
        strength = [_unit(G.edges[p.connector, p.target].get("strength"), 0.3) for p in paths]
        add([(pos[p.connector], pos[p.target]) for p in paths], [_tie_width(s) for s in strength],
            [(*_rgb(look.colour), _tie_alpha(s)) for s in strength], "edges-paths", 2.1, linestyles=look.dash)
        works = [n for n in c.people if n in pos and not one]
        add([(pos[n], pos[c.hub]) for n in works], 0.9, _MUTED, "edges-works-at", 1.0, linestyles=":")
    halo = []
    for c in companies:
        if c.best and c.best[0] == "insider":
            halo.append((pos[owner], pos[c.best[1]]))
        elif c.best:
            halo += [(pos[owner], pos[c.best[1]]), (pos[c.best[1]], pos[c.best[2]])]
    add(halo, 7.5, _HALO, "best-routes", 1.5)
    return drawn


def _xy(points: Iterable[tuple[float, float]]) -> tuple[list[float], list[float]]:
    """The x and the y coordinates of `points`, for ``ax.scatter(xs, ys)``."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:
        xs.append(x)
        ys.append(y)
    return xs, ys


def _rgb(colour: str) -> tuple[float, float, float]:
    value = colour.lstrip("#")
    return tuple(int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _labels(ax: Axes, G: nx.Graph, owner: Hashable, companies: Sequence[_Company], pos: dict, angle: dict,
            sizes: dict, *, one: bool, scale: float = 1.0) -> list[_Label]:
    """Every label to place, most important first: companies, you, connectors, people, scores.

    The one-company map labels people with their role (and insiders with the ask and
    their score) on a second line, or on one line when rows are too close for two.
    """
    dpi = _root_figure(ax).dpi
    px = ax.transData.transform
    insiders, targets, connectors = _roles(owner, companies)
    nodes = G.nodes
    compact = one and _row_px(ax) < 40

    def label(node: Hashable, lines: list[tuple[str, dict]], direction: float) -> _Label:
        texts = [_text(ax, s, **{**style, "size": style["size"] * scale}) for s, style in lines if s]
        return _Label(texts, tuple(px(pos[node])), _radius(sizes.get(node, 100.0), dpi), direction)

    def person(node: Hashable, *extra: str) -> list[tuple[str, dict]]:
        who = _name(nodes[node].get("name"))
        if not one:
            return [(who, {"size": 9.0, "color": _INK})]
        role = " · ".join(p for p in [_clean(nodes[node].get("position"), limit=30), *extra] if p)
        if compact:
            return [(f"{who} · {role}" if role else who, {"size": 8.5, "color": _INK})]
        return [(who, {"size": 9.5, "color": _INK, "bold": True}), (role, {"size": 8.5, "color": _MUTED})]

    out = []
    for c in companies:
        lines = [(_name(c.name, limit=30), {"size": 14 if one else 12.5, "color": _INK, "bold": True})]
        if c.more:
            lines.append((f"+{c.more:,} more at {_name(c.name, limit=30)}", {"size": 9.5, "color": _MUTED}))
        if not c.people:
            lines.append(("no insiders or intro paths found", {"size": 9.5, "color": _MUTED}))
        out.append(label(c.hub, lines, 0.0 if one else angle[c.hub]))
    you = _clean(nodes[owner].get("name"), limit=26)
    lines = [("You" if you in ("", "You") else f"You\n{you}", {"size": 11, "color": _INK, "bold": True})]
    if not companies:
        lines.append(("no target companies in this network", {"size": 9.5, "color": _MUTED}))
    out.append(label(owner, lines, math.pi if one else -math.pi / 2))
    for n in connectors:
        x, y = pos[n]
        out.append(label(n, person(n, _clean(nodes[n].get("company"), limit=22)),
                         math.pi / 2 if one else math.atan2(y, x) + math.pi))
    best_first = sorted(companies, key=lambda c: -max([_number(nodes[n].get("score")) for n in c.insiders]
                                                      + [p.score for p in c.paths] + [0.0]))
    for c in best_first:
        hx, hy = pos[c.hub]
        for n in c.people:
            if n in insiders:
                ask = _clean(nodes[n].get("ask"), limit=14)
                lines = person(n, f"ask: {ask}" if ask else "", f"score {_number(nodes[n].get('score')):.2f}")
            elif n in targets:
                lines = person(n)
            else:
                continue
            x, y = pos[n]
            out.append(label(n, lines, 0.0 if one else math.atan2(y - hy, x - hx)))
    if one:
        for p in companies[0].paths:
            seg = (tuple(px(pos[p.connector])), tuple(px(pos[p.target])))
            text = _text(ax, f"{p.score:.2f}", size=8.5 * scale, color=_INK, bold=True)
            out.append(_Label([text], seg[1], segment=seg))
    return out
