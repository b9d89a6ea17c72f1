"""Writing a rendered report to a file: :func:`netgraph.output.write_output`, the one safe writer."""

from __future__ import annotations

from netgraph.output import write_output

__all__ = ["write_output"]
