"""The one tree of errors netgraph raises.

Every message says what failed, names the file, line or value, and says what to
try. The command line turns any :class:`NetgraphError` into a single line
``Error: ...`` and exit status 1; the library itself never prints or exits.
"""

from __future__ import annotations

__all__ = [
    "NetgraphError",
    "ExportFormatError",
    "TargetsError",
    "SourceError",
    "LedgerError",
]


class NetgraphError(Exception):
    """Base class: something about the user's data or request is wrong."""


class ExportFormatError(NetgraphError):
    """A LinkedIn export (zip, folder or CSV) cannot be read."""


class TargetsError(NetgraphError):
    """The targets file is missing, empty or malformed."""


class SourceError(NetgraphError):
    """A ``--network``, ``--known`` or ``--contacts`` source cannot be used."""


class LedgerError(NetgraphError):
    """The give-and-ask ledger cannot be read or written."""
