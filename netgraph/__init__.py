"""netgraph: find the warmest way into the companies you want, from your LinkedIn export.

The public API, for notebooks and scripts, is exactly what ``__all__`` lists::

    import netgraph
    plan = netgraph.load_plan("Basic_LinkedInDataExport_11-20-2026.zip", targets="targets.csv")
    plan.insiders          # who you know at each target, and what to ask them
    plan.intro_paths       # who can introduce you to whom
    plan.connectors        # whom to ask for introductions, best first
    plan.G                 # the NetworkX graph, for your own analyses

Names are imported on first use, so ``import netgraph`` and the command line start fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    # errors
    "NetgraphError": "netgraph.errors", "ExportFormatError": "netgraph.errors",
    "TargetsError": "netgraph.errors", "SourceError": "netgraph.errors", "LedgerError": "netgraph.errors",
    # reading
    "read_export": "netgraph.io", "read_known": "netgraph.io", "read_contacts": "netgraph.io",
    "normalize_url": "netgraph.io", "Export": "netgraph.io", "Owner": "netgraph.io",
    "read_pack": "netgraph.io", "Pack": "netgraph.io",
    # companies
    "read_targets": "netgraph.companies", "match_companies": "netgraph.companies",
    "group_companies": "netgraph.companies",
    # scoring, graph, answers
    "Weights": "netgraph.weights", "describe_weights": "netgraph.weights", "score_ties": "netgraph.score",
    "build_graph": "netgraph.graph",
    "Plan": "netgraph.plan", "load_plan": "netgraph.load", "validate_plan": "netgraph.plan",
    "find_insiders": "netgraph.paths", "find_intro_paths": "netgraph.paths", "rank_connectors": "netgraph.paths",
    # rendering
    "render_markdown": "netgraph.report", "render_html": "netgraph.report", "render_json": "netgraph.report",
    "render_csv": "netgraph.report", "draft_message": "netgraph.report", "render_draft": "netgraph.report",
    "redact_plan": "netgraph.redact",
    "plot_map": "netgraph.plot", "save_map": "netgraph.plot", "plot_target_bars": "netgraph.plot",
    # over time
    "find_nurture": "netgraph.nurture", "compare_exports": "netgraph.diff", "diff_exports": "netgraph.diff",
    "open_ledger": "netgraph.ledger", "add_entry": "netgraph.ledger", "list_entries": "netgraph.ledger",
    # share packs (a friend's ties at your targets, made on their machine)
    "build_share_pack": "netgraph.share",
    # the sample
    "load_sample": "netgraph.demo",
}

__all__ = ["__version__", *_EXPORTS]


def __getattr__(name: str):
    if name in _EXPORTS:
        value = getattr(importlib.import_module(_EXPORTS[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'netgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
