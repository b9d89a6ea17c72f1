"""Reading LinkedIn data exports and the user's own CSVs into typed frames.

The frames and their columns are documented in ``docs/architecture.md``.
"""

from __future__ import annotations

from netgraph.io._inspect import render_inspection
from netgraph.io._pack import Pack, is_pack, read_pack
from netgraph.io._reader import read_export
from netgraph.io.export import Export, Owner
from netgraph.io.identity import (
    make_person_ids,
    normalize_name,
    normalize_names,
    normalize_url,
    normalize_urls,
)
from netgraph.io.sources import read_contacts, read_known

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
]
