"""netgraph: find the warmest way into the companies you want, from your LinkedIn export.

The public API, for notebooks and scripts, is exactly what ``__all__`` lists.
"""

from __future__ import annotations

__version__ = "0.1.0"

from netgraph.errors import (
    ExportFormatError,
    NetgraphError,
    SourceError,
    TargetsError,
)

__all__ = [
    "__version__",
    "NetgraphError",
    "ExportFormatError",
    "TargetsError",
    "SourceError",
]
