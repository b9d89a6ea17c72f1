"""PNG network maps a person can read at a glance.

:func:`plot_map` draws your ways into your target companies (all of them, or one);
:func:`save_map` writes the figure as a PNG, whole or not at all; :func:`map_png` returns
the PNG bytes (for reports); :func:`draw_plan_map` is ``netgraph map`` in one call; and
:func:`plot_target_bars` draws a small bar chart per target for notebooks. Everything
draws on a :class:`matplotlib.figure.Figure` of its own (or the axes you pass): no pyplot
state, no ``plt.show()``.
"""

from __future__ import annotations

from netgraph.plot._bars import plot_target_bars
from netgraph.plot._map import plot_map
from netgraph.plot._output import draw_plan_map, map_png, save_map

__all__ = ["plot_map", "save_map", "map_png", "draw_plan_map", "plot_target_bars"]
