"""Insiders, intro paths and connectors: the answers, gathered in a :class:`Plan`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from netgraph.io.export import Owner


@dataclass(frozen=True)
class Plan:
    """The one result that reports, maps and notebooks render.

    Columns of each frame are documented in ``docs/architecture.md`` (``paths.Plan``).
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
