"""What explains a map: the legends (companies, who is who, ties) and the two-line title."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.legend_handler import HandlerBase, HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from netgraph.plot._select import _Company
from netgraph.plot._style import (
    _HALO,
    _INK,
    _MUTED,
    _TIE,
    _clean,
    _font,
    _look,
    _name,
    _root_figure,
    _tie_alpha,
    _tie_width,
)


def _add_legends(ax: Axes, companies: Sequence[_Company], *, one: bool, fonts: tuple[str, ...],
                 scale: float = 1.0) -> list[Legend]:
    """Stacked legends in the top right corner: companies, who is who, ties (text sized by `scale`)."""
    marker: dict[str, Any] = dict(linestyle="none", markeredgecolor=_INK)
    groups: list[tuple[str, list, list[str]]] = []
    if not one and companies:
        handles = [(Patch(facecolor=_look(c.index).colour, edgecolor=_INK, hatch=_look(c.index).hatch),
                    Line2D([], [], color=_look(c.index).colour, linestyle=_look(c.index).dash, linewidth=2.2))
                   for c in companies]
        labels = [f"{_name(c.name, limit=22)}: {_count(c.n_insiders, 'insider')}, {_count(c.n_paths, 'path')}"
                  for c in companies]
        groups.append(("Target companies", handles, labels))
    sizes = (Line2D([], [], marker="o", markersize=5, markerfacecolor="#9a9a9a", **marker),
             Line2D([], [], marker="o", markersize=11, markerfacecolor="#9a9a9a", **marker))
    groups.append(("Who is who", [
        Line2D([], [], marker="*", markersize=17, markerfacecolor=_INK, **marker),
        Line2D([], [], marker="h", markersize=11, markerfacecolor="white", markeredgewidth=1.4, **marker),
        Line2D([], [], marker="D", markersize=9, markerfacecolor="#9a9a9a", **marker),
        Line2D([], [], marker="o", markersize=9, markerfacecolor="#9a9a9a", **marker),
        Line2D([], [], marker="s", markersize=14, markerfacecolor="#d0d0d0", **marker),
        sizes,
    ], ["You", "Connector: can introduce you", "Insider: you know them there",
        "Person at a target (via a connector)", "Target company", "Bigger: more relevant to your roles"]))
    best = (Line2D([], [], color=_HALO, linewidth=7.5), Line2D([], [], color=_TIE, linewidth=2.4))
    ties = [Line2D([], [], color=_TIE, linewidth=_tie_width(1.0), alpha=_tie_alpha(1.0)),
            Line2D([], [], color=_TIE, linewidth=_tie_width(0.05), alpha=_tie_alpha(0.05)), best]
    words = ["Warm tie (you know each other well)", "Cold tie", "Best way in"]
    if one:
        ties.append(Line2D([], [], color=_INK, linestyle="none", marker="$0.7$", markersize=14))
        words.append("Score of an intro path (0 to 1)")
    else:
        ties.append(Line2D([], [], color=_MUTED, linewidth=0.9, linestyle=":"))
        words.append("Works there")
    groups.append(("Ties", ties, words))

    legends, top = [], 1.0
    frame = ax.get_window_extent()
    # A tuple of handles is drawn side by side, except the best way in: a halo under a line.
    # (Legend looks handlers up by the handle itself before its type; the stubs only allow types.)
    handler_map: dict[Any, HandlerBase] = {tuple: HandlerTuple(ndivide=None), best: HandlerTuple(ndivide=1)}
    for heading, handles, labels in groups:
        legend = Legend(ax, handles, labels, loc="upper right", bbox_to_anchor=(1.0, top),
                        bbox_transform=ax.transAxes, title=heading, borderaxespad=0.0, frameon=True,
                        framealpha=1.0, edgecolor="#b0b0b0", handlelength=3.2, handleheight=1.4,
                        prop=FontProperties(family=list(fonts), size=9.5 * scale),
                        title_fontproperties=_properties(heading, size=10.5 * scale, bold=True),
                        alignment="left",
                        handler_map=handler_map)
        for text in [*legend.get_texts(), legend.get_title()]:
            text.set_parse_math(False)
        legend.set_zorder(7)
        ax.add_artist(legend)
        legends.append(legend)
        top = (legend.get_window_extent().y0 - 10 - frame.y0) / frame.height
    return legends


def _properties(text: str, *, size: float, bold: bool = False) -> FontProperties:
    font = _font(text, bold=bold)
    return FontProperties(family=font["family"], weight=font["fontweight"], size=size)


def _count(n: int, word: str, plural: str | None = None) -> str:
    """``1 insider``, ``3 insiders``; `plural` for irregular words."""
    return f"{n:,} {word if n == 1 else plural or word + 's'}"




def _title(ax: Axes, G: nx.Graph, companies: Sequence[_Company], *, one: bool, top: int | None,
           title: str | None, dropped: int, fonts: tuple[str, ...], scale: float = 1.0) -> None:
    """The title: what the map shows, then the as-of date and counts (wrapped to the figure's width)."""
    as_of = _clean(G.graph.get("as_of"), limit=20) or "an unknown date"
    insiders = sum(c.n_insiders for c in companies)
    paths = sum(c.n_paths for c in companies)
    if one:
        c = companies[0]
        first = title or f"Your ways into {_name(c.name, limit=40)}"
        facts = [f"as of {as_of}", _count(insiders, "insider"),
                 f"{_count(paths, 'intro path')} through {_count(c.n_connectors, 'connector')}",
                 f"{_count(c.n_people, 'person', 'people')} at {_name(c.name, limit=40)} in your network"]
    else:
        owner = G.graph.get("owner")
        first = title or f"Your ways into {_count(len(companies), 'target company', 'target companies')}"
        shown = max([len(c.insiders) for c in companies] + [len(c.paths) for c in companies] + [0])
        everything = top is None and not any(c.more for c in companies)
        facts = [f"as of {as_of}", _count(len(G.adj[owner]), "connection"), _count(insiders, "insider"),
                 _count(paths, "intro path"),
                 "every route shown" if everything else f"the best {top or shown} of each per company shown"]
    if dropped:
        facts.append(f"{dropped} label{'s' if dropped != 1 else ''} left out for space")
    text = ax.set_title(f"{_clean(first, limit=90)}\n{' · '.join(facts)}", loc="left", fontsize=14 * scale,
                        color=_INK, family=list(fonts), parse_math=False, pad=10)
    room = _root_figure(ax).get_window_extent().x1 - 8
    if text.get_window_extent().x1 > room:  # too wide for the figure: the counts on lines of their own
        half = (len(facts) + 1) // 2
        text.set_text(f"{_clean(first, limit=90)}\n{' · '.join(facts[:half])}\n{' · '.join(facts[half:])}")
