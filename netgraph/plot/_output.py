"""Writing maps: a PNG file written whole or not at all, PNG bytes, and the CLI's one call."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from matplotlib.figure import Figure

from netgraph.errors import NetgraphError
from netgraph.plot._map import _DPI, plot_map

if TYPE_CHECKING:
    from netgraph.plan import Plan


def save_map(fig: Figure, path: str | os.PathLike, *, dpi: int = _DPI) -> None:
    """Write `fig` as a PNG at `path`, whole or not at all.

    The image goes to a temporary file beside `path` that then replaces it in one step,
    so a reader never sees half a picture and a failed write leaves `path` as it was.

    Parameters
    ----------
    fig
        A figure from :func:`plot_map` (or any figure).
    path
        Where to write the PNG.
    dpi
        Pixels per inch: 100 gives 1600 x 1200 pixels for a map.

    Raises
    ------
    NetgraphError
        When the file cannot be written (the message says why and what to check).
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
    target = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(target))
    try:
        handle, temp = tempfile.mkstemp(prefix=".netgraph-", suffix=".png", dir=folder)
    except OSError as error:
        raise NetgraphError(f"cannot write the map to {target!r}: {error.strerror}; "
                            "check that the folder exists and that you can write to it") from None
    try:
        with os.fdopen(handle, "wb") as out:
            _print_png(fig, out, dpi)
        os.chmod(temp, 0o666 & ~_umask())
        os.replace(temp, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise NetgraphError(f"cannot write the map to {target!r}: {error.strerror or error}; "
                            "check the path and the free space") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


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
    inputs: Iterable[str | os.PathLike] = (),
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
    target = Path(output)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise NetgraphError(f"--output {str(output)!r} is one of your input files; "
                                "netgraph never writes over its inputs: choose another file name")
    if redact:
        from netgraph.redact import redact_plan

        plan = redact_plan(plan)
    fig, _ = plot_map(plan.G, company=company, top=top)
    save_map(fig, target, dpi=dpi)


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _check_dpi(dpi: int) -> None:
    if isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or dpi <= 0:
        raise ValueError(f"dpi must be a positive number, not {dpi!r}")


def _print_png(fig: Figure, out, dpi: int) -> None:
    """The PNG of `fig` on a white page, without metadata that would change between versions."""
    fig.savefig(out, format="png", dpi=dpi, facecolor="white", metadata={"Software": None})


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
