"""Reports people act on: Markdown, HTML, JSON and CSV, message drafts, safe writing.

Every renderer takes a :class:`~netgraph.plan.Plan` (redact it first with
:func:`netgraph.redact.redact_plan` to share it) and returns text; nothing here prints.

=====================  ==========================================================
``render_markdown``    the plan for a terminal or GitHub
``render_html``        one self-contained page, for a phone or paper
``render_json``        the schema in docs/json-report.md
``render_csv``         one flat table for spreadsheets
``render``             any of the four by name, redacted when asked (for the CLI)
``render_actions``     the first steps as plain text (what ``netgraph demo`` prints)
``draft_message``      the message to send to one person, as a :class:`Draft`
``render_draft``       a :class:`Draft` as plain text
``write_output``       write any of these to a file, whole or not at all
=====================  ==========================================================
"""

from __future__ import annotations

from netgraph.output import write_output
from netgraph.redact import redact_plan
from netgraph.report._actions import render_actions
from netgraph.report._data import CSV_COLUMNS, render_csv, render_json
from netgraph.report._draft import Draft, draft_message, draft_record, render_draft
from netgraph.report._html import render_html
from netgraph.report._markdown import render_markdown
from netgraph.report._render import FORMATS, render

__all__ = [
    "render_markdown",
    "render_html",
    "render_json",
    "render_csv",
    "render",
    "render_actions",
    "FORMATS",
    "CSV_COLUMNS",
    "Draft",
    "draft_message",
    "render_draft",
    "draft_record",
    "write_output",
    "redact_plan",
]
