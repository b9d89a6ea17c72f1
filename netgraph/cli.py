"""The ``netgraph`` command line: a thin shell over the library.

Every command validates its inputs with click types, calls library functions and prints
what they rendered. A :class:`~netgraph.errors.NetgraphError` becomes one line
``Error: ...`` and exit status 1, in one place (:class:`_Group`).
"""

from __future__ import annotations

import click

from netgraph import __version__
from netgraph.errors import NetgraphError


class _Group(click.Group):
    """A click group that turns netgraph's own errors into one-line messages."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except NetgraphError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="netgraph")
def main() -> None:
    """Find the warmest way into the companies you want, from your LinkedIn export."""
