"""One entry point for the command line: a plan and a format name in, text out."""

from __future__ import annotations

from netgraph.plan import Plan
from netgraph.redact import redact_plan
from netgraph.report._data import render_csv, render_json
from netgraph.report._html import render_html
from netgraph.report._markdown import render_markdown

#: the names ``report --format`` accepts
FORMATS = ("markdown", "html", "json", "csv")


def render(plan: Plan, *, fmt: str = "markdown", top: int | None = None, redact: bool = False,
           map_png: bytes | None = None) -> str:
    """Render `plan` in one of :data:`FORMATS`, redacted first when asked.

    Parameters
    ----------
    plan
        The plan to render.
    fmt
        ``"markdown"``, ``"html"``, ``"json"`` or ``"csv"``.
    top
        Rows of each list to keep. ``None``: the top 10 in Markdown and HTML, everything
        in JSON and CSV.
    redact
        Replace every person by a pseudonym and drop URLs (:func:`netgraph.redact.redact_plan`).
    map_png
        For HTML, a PNG map to embed (draw it from the same, possibly redacted, plan).

    Returns
    -------
    str
        The report text.

    Raises
    ------
    ValueError
        When `fmt` is not one of :data:`FORMATS`.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    if redact:
        plan = redact_plan(plan)
    if fmt == "markdown":
        return render_markdown(plan, top=10 if top is None else top)
    if fmt == "html":
        return render_html(plan, top=10 if top is None else top, map_png=map_png)
    if fmt == "json":
        return render_json(plan, top=top)
    return render_csv(plan, top=top)
