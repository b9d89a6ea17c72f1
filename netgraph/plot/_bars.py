"""A small bar chart per target: the people you know there versus those you can reach."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from netgraph.plot._select import _hubs
from netgraph.plot._style import _COLOURS, _INK, _MUTED, _Figure, _fonts, _name, _root_figure

if TYPE_CHECKING:
    from netgraph.plan import Plan


def plot_target_bars(plan_or_G: Plan | nx.Graph, *, ax: Axes | None = None) -> tuple[Figure, Axes]:
    """Draw, for each target company, how many insiders you have and how many people you can reach.

    Two bars per target, in the order of the targets file: insiders (your own
    connections there, solid) and second-degree people your connections can introduce
    you to (hatched), each with its count written at its end.

    Parameters
    ----------
    plan_or_G
        A :class:`~netgraph.plan.Plan` or its graph ``plan.G``.
    ax
        Axes to draw into; a figure sized to the number of targets is created only when
        this is None.

    Returns
    -------
    tuple
        The figure and the axes drawn into.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(owner="me", targets=["Stripe"])
    >>> G.add_node("me", kind="you")
    >>> G.add_node("company:Stripe", kind="company", name="Stripe", order=0)
    >>> G.add_node("ana", kind="person", degree=1)
    >>> G.add_edge("ana", "company:Stripe", kind="works_at")
    >>> fig, ax = plot_target_bars(G)
    >>> [round(bar.get_width()) for bar in ax.patches]
    [1, 0]
    """
    G = plan_or_G if isinstance(plan_or_G, nx.Graph) else plan_or_G.G
    hubs = _hubs(G)
    counts = []
    for name, hub in hubs:
        degrees = [G.nodes[n].get("degree") for n in G.adj[hub] if G.nodes[n].get("kind") == "person"]
        counts.append((name, sum(d == 1 for d in degrees), sum(d != 1 for d in degrees)))
    if ax is None:
        fig: Figure = _Figure(figsize=(8.0, max(2.8, 0.62 * len(hubs) + 1.8)), dpi=100, facecolor="white",
                              layout="constrained")
        FigureCanvasAgg(fig)
        ax = fig.add_subplot()
    else:
        fig = _root_figure(ax)
    fonts = list(_fonts())
    rows = range(len(counts))
    insiders = ax.barh([r - 0.2 for r in rows], [c[1] for c in counts], height=0.38, color=_COLOURS[0],
                       edgecolor=_INK, linewidth=0.8, label="insiders (you know them)")
    reach = ax.barh([r + 0.2 for r in rows], [c[2] for c in counts], height=0.38, color=_COLOURS[1],
                    edgecolor=_INK, linewidth=0.8, hatch="////", label="reachable through a connection")
    for bars in (insiders, reach):
        ax.bar_label(bars, labels=[f"{int(b.get_width()):,}" for b in bars], padding=3, fontsize=9, color=_INK,
                     family=fonts)
    ax.set_yticks(list(rows), labels=[_name(c[0], limit=28).replace("$", r"\$") for c in counts], family=fonts)
    ax.invert_yaxis()
    ax.set_xlabel("people", color=_MUTED, family=fonts)
    ax.set_xlim(0, max([c[1] for c in counts] + [c[2] for c in counts] + [1]) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.8)
    ax.set_axisbelow(True)
    if not counts:
        ax.text(0.5, 0.5, "no target companies", transform=ax.transAxes, ha="center", va="center",
                color=_MUTED, family=fonts)
    ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, frameon=False, prop={"family": fonts, "size": 9})
    ax.set_title("Whom you can reach at each target", loc="left", pad=26, fontsize=12, family=fonts)
    return fig, ax
