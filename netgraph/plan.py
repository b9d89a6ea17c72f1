"""The :class:`Plan`: the one result that reports, maps and notebooks render.

It sits low in the pipeline, so renderers depend on the type and not on the engine that
fills it. :func:`validate_plan` checks a plan at the boundary (columns present, cells of
the right kind), so renderers can read cells without coercing each one again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field

import networkx as nx
import pandas as pd

from netgraph.blurb import Background
from netgraph.errors import NetgraphError
from netgraph.io.export import Owner
from netgraph.ledger.threads import THREAD_COLUMNS
from netgraph.weights import Weights

__all__ = ["Plan", "validate_plan", "INSIDER_COLUMNS", "PATH_COLUMNS", "CONNECTOR_COLUMNS"]

INSIDER_COLUMNS = ["company", "priority", "person_id", "name", "url", "employer", "position",
                    "warmth", "relevance", "score", "ask", "reasons", "evidence"]
PATH_COLUMNS = ["company", "priority", "target_id", "target_name", "target_url", "target_employer",
                 "target_position", "connector_id", "connector_name", "connector_url", "connector_company",
                 "connector_position", "warmth", "strength", "relevance", "score", "source", "reasons"]
CONNECTOR_COLUMNS = ["person_id", "name", "url", "company", "position", "score", "ask", "reaches", "ask_about",
                     "reasons"]


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
    weights
        The model the answers were found with.
    me
        Your background from your own export (:mod:`netgraph.blurb`), for blurbs.
    threads
        Where each ask in the ledger stands (:func:`netgraph.ledger.ledger_threads`).
    actions
        This week's plan (:func:`netgraph.actions.plan_actions`): at most one action per
        person, in the order to take them.
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
    weights: Weights = field(default_factory=Weights)
    me: Background = field(default_factory=Background)
    threads: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=THREAD_COLUMNS))

    @functools.cached_property
    def actions(self) -> tuple:
        """This week's plan, worked out from this plan's own answers (so a redacted plan's
        actions are redacted too): :func:`netgraph.actions.plan_actions`."""
        from netgraph.actions import plan_actions

        return plan_actions(self, weights=self.weights)

    def __repr__(self) -> str:
        s = self.summary
        return (f"<Plan for {self.owner.name or 'you'} as of {self.as_of}: {s.get('targets', 0)} targets, "
                f"{s.get('insiders', 0)} insiders, {s.get('intro_paths', 0)} intro paths, "
                f"{s.get('connectors', 0)} connectors>")

    def _repr_html_(self) -> str:
        from netgraph.report._summary import summary_html

        return summary_html(self)


def validate_plan(plan: Plan) -> Plan:
    """Check that a plan's frames have their documented columns and clean cells.

    Missing text cells become ``""``, scores become floats and ``reasons`` tuples of
    strings, so every renderer can trust what it reads. Returns a new plan; the one
    given is not changed.

    Raises
    ------
    NetgraphError
        When a frame lacks one of its documented columns.
    """
    frames: dict[str, pd.DataFrame] = {}
    for name, columns in (("insiders", INSIDER_COLUMNS), ("intro_paths", PATH_COLUMNS),
                          ("connectors", CONNECTOR_COLUMNS)):
        frame = getattr(plan, name)
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise NetgraphError(f"plan.{name} lacks the columns {', '.join(missing)}")
        frames[name] = _clean(frame)
    return dataclasses.replace(plan, insiders=frames["insiders"], intro_paths=frames["intro_paths"],
                               connectors=frames["connectors"])


_TUPLE_COLUMNS = ("reasons", "reaches", "ask_about", "evidence", "connector_evidence")


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if column in _TUPLE_COLUMNS:
            out[column] = [tuple(v) if isinstance(v, (tuple, list)) else (() if not isinstance(v, str) else (v,))
                           for v in values]
        elif values.dtype == object or str(values.dtype) in ("str", "string"):
            out[column] = ["" if v is None or (isinstance(v, float) and v != v) else v for v in values]
    return out
