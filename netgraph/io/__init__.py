"""Reading LinkedIn data exports and the user's own CSVs into typed frames.

The frames and their columns are documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from netgraph.io._inspect import render_inspection
from netgraph.io._pack import Pack, is_pack, read_pack
from netgraph.io._reader import read_export
from netgraph.io._safe import open_user_file, read_user_file
from netgraph.io.cells import NULL_LIKE, is_null_like
from netgraph.io.export import Export, Owner
from netgraph.io.identity import (
    make_person_ids,
    normalize_name,
    normalize_names,
    normalize_url,
    normalize_urls,
)
from netgraph.io.limits import DEFAULT_LIMITS, Limits, current_limits, parse_size, use_limits
from netgraph.io.sources import read_contacts, read_known, read_user_csv

__all__ = [
    "read_export",
    "read_known",
    "read_contacts",
    "read_pack",
    "is_pack",
    "Pack",
    "render_inspection",
    "normalize_url",
    "normalize_urls",
    "normalize_name",
    "normalize_names",
    "make_person_ids",
    "Export",
    "Owner",
    "Limits",
    "DEFAULT_LIMITS",
    "current_limits",
    "use_limits",
    "parse_size",
    "open_user_file",
    "read_user_file",
    "read_user_csv",
    "NULL_LIKE",
    "is_null_like",
]
