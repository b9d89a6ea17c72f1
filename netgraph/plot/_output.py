"""Writing maps: a PNG file written whole or not at all, PNG bytes, and the CLI's one call."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx
from matplotlib.figure import Figure

from netgraph.errors import NetgraphError
from netgraph.output import check_output, write_output
from netgraph.plot._map import _DPI, plot_map

if TYPE_CHECKING:
    from netgraph.plan import Plan


def save_map(fig: Figure, path: str | os.PathLike, *, dpi: int = _DPI,
             inputs: Iterable[str | os.PathLike | None] = ()) -> None:
    """Write `fig` as a PNG at `path`, whole or not at all, never over an input.

    The PNG is drawn in memory and written by :func:`netgraph.output.write_output`: a
    temporary file beside `path` then replaces it in one step, so a reader never sees half
    a picture and a failed write leaves `path` as it was; `path` must be absent or a
    regular file (never a folder or a device), and an existing file keeps its permissions.

    Parameters
    ----------
    fig
        A figure from :func:`plot_map` (or any figure).
    path
        Where to write the PNG.
    dpi
        Pixels per inch: 100 gives 1600 x 1200 pixels for a map.
    inputs
        The files and folders the map was drawn from; `path` must not be one of them.

    Raises
    ------
    NetgraphError
        When the file is refused or cannot be written (the message says why and what to check).
    ValueError
        When `dpi` is not positive.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> fig = Figure(figsize=(2, 1))
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "map.png"
    >>> save_map(fig, out)
    >>> out.read_bytes()[:4]
    b'\\x89PNG'
    """
    _check_dpi(dpi)
    inputs = list(inputs)
    check_output(path, inputs=inputs, what="the map")  # before drawing: a refusal costs nothing
    buffer = io.BytesIO()
    try:
        _print_png(fig, buffer, dpi)
    except OSError as error:
        raise NetgraphError(f"cannot write the map to {os.fspath(path)!r}: {error.strerror or error}; "
                            "check the path and the free space") from None
    write_output(buffer.getvalue(), path, inputs=inputs, what="the map")


def map_png(
    G: nx.Graph,
    *,
    company: str | None = None,
    top: int | None = 5,
    seed: int = 0,
    title: str | None = None,
    dpi: int = _DPI,
) -> bytes:
    """Draw the map (see :func:`plot_map`) and return it as PNG bytes, e.g. to embed in a report.

    Parameters
    ----------
    G
        The network with the answers written on it (``plan.G``).
    company, top, seed, title
        As for :func:`plot_map`.
    dpi
        Pixels per inch: 100 gives 1600 x 1200 pixels.

    Returns
    -------
    bytes
        The PNG image, the same bytes :func:`save_map` would write.

    Examples
    --------
    >>> import networkx as nx
    >>> G = nx.Graph(owner="me", as_of="2026-11-20", targets=[])
    >>> G.add_node("me", kind="you", name="Alex Rivera")
    >>> map_png(G)[:8]
    b'\\x89PNG\\r\\n\\x1a\\n'
    """
    _check_dpi(dpi)
    fig, _ = plot_map(G, company=company, top=top, seed=seed, title=title)
    out = io.BytesIO()
    _print_png(fig, out, dpi)
    return out.getvalue()


def draw_plan_map(
    plan: Plan,
    output: str | os.PathLike,
    *,
    company: str | None = None,
    top: int | None = 5,
    redact: bool = False,
    dpi: int = _DPI,
    inputs: Iterable[str | os.PathLike | None] = (),
) -> None:
    """Draw a plan's map and write it as a PNG: what ``netgraph map`` does.

    Parameters
    ----------
    plan
        The plan from :func:`netgraph.load.load_plan`.
    output
        The PNG file to write (whole or not at all).
    company, top
        As for :func:`plot_map`.
    redact
        Draw pseudonyms instead of names (:func:`netgraph.redact.redact_plan`).
    dpi
        Pixels per inch: 100 gives 1600 x 1200 pixels.
    inputs
        The files the plan was read from; `output` must not be one of them.

    Raises
    ------
    NetgraphError
        When `output` is one of the `inputs`, or cannot be written.
    TargetsError
        When `company` is not one of the targets.
    """
    inputs = list(inputs)
    check_output(output, inputs=inputs, what="the map")  # before the work of drawing
    if redact:
        from netgraph.redact import redact_plan

        plan = redact_plan(plan)
    fig, _ = plot_map(plan.G, company=company, top=top)
    save_map(fig, output, dpi=dpi, inputs=inputs)


def _check_dpi(dpi: int) -> None:
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or dpi <= 0:
        raise ValueError(f"dpi must be a positive number, not {dpi!r}")


def _print_png(fig: Figure, out, dpi: int) -> None:
    """The PNG of `fig` on a white page, without metadata that would change between versions."""
    fig.savefig(out, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})

