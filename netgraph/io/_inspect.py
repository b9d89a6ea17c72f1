"""``render_inspection``: a plain-text data-quality report of one export."""

from __future__ import annotations

import textwrap

import pandas as pd

from netgraph.io._dates import example, label
from netgraph.io.export import Export

WIDTH = 80
MAX_LISTED = 20
_KIND_LABELS = {
    "connections": "connections", "messages": "messages", "invitations": "invitations",
    "endorsements_given": "endorsements given", "endorsements_received": "endorsements received",
    "recommendations_given": "recommendations given",
    "recommendations_received": "recommendations received",
    "profile": "your profile", "positions": "your positions", "education": "your education", "skills": "your skills",
}


def render_inspection(export: Export) -> str:
    """Describe what was read from an export, for ``netgraph inspect``.

    Lists the owner, each file with its kind, rows used of rows read, encoding, delimiter,
    detected date format and date range, the hidden members, and every skipped row grouped
    by file and reason (at most 20 lines each, then "... and N more"). Fits 80 columns.

    Parameters
    ----------
    export
        From :func:`netgraph.io.read_export`.

    Returns
    -------
    str
        Plain text ending in a newline.
    """
    out: list[str] = [f"Export: {export.source}"]
    owner = export.owner
    who = ", ".join(p for p in (owner.name or "(no name: no Profile.csv)", owner.url) if p)
    out.append(f"Owner:  {who}")
    if not owner.url:
        out.append("        (profile URL unknown: messages and invitations do not show it)")
    out.append("")

    files = export.files
    used = files[files["kind"] != "other"]
    out.append("Files read")
    for row in used.itertuples(index=False):
        out.extend(_file_lines(row))
    other = files[files["kind"] == "other"]["file"].tolist()
    if other:
        out.append("")
        out.extend(_wrap(f"Other files, not needed ({len(other)}): " + ", ".join(other), "", "  "))
    out.append("")

    out.append("Found")
    out.append(f"  {_count(len(export.connections), 'connection')}")
    if export.hidden:
        out.extend(_wrap(f"{_count(export.hidden, 'hidden member')} (rows of Connections.csv with "
                         "only a date: counted, cannot be matched)", "  ", "    "))
    if len(export.messages):
        out.extend(_message_lines(export))
    for name, frame in (("invitation", export.invitations), ("endorsement", export.endorsements),
                        ("recommendation", export.recommendations),
                        ("position", export.positions), ("education entry", export.education)):
        if len(frame):
            plural = "education entries" if name == "education entry" else None
            out.append(f"  {_count(len(frame), name, plural)}")
    out.append("")

    if export.notes:
        out.append("Notes")
        for note in export.notes:
            out.extend(_wrap(note, "  ", "    "))
        out.append("")

    skipped = export.skipped
    if skipped.empty:
        out.append("Skipped rows: none")
    else:
        out.append(f"Skipped rows: {len(skipped):,}")
        order = {f: i for i, f in enumerate(files["file"])}
        groups = skipped.groupby(["file", "reason"], sort=False)
        sizes = groups.size()
        keys: list[tuple[str, str]] = sorted(sizes.index.tolist(),
                                             key=lambda k: (order.get(k[0], len(order)), -int(sizes[k])))
        for file, reason in keys:
            group = groups.get_group((file, reason))
            out.extend(_wrap(f"{file}: {reason} ({len(group):,})", "  ", "    "))
            out.extend(_listing(group))
    return "\n".join(out) + "\n"


def _message_lines(export: Export) -> list[str]:
    """Messages counted two ways, each labelled: rows of messages.csv, and (message,
    person) pairs, where a message to a group counts once for each person in it."""
    frame = export.messages
    rows = frame["line"].nunique()
    sent = frame.loc[frame["direction"] == "sent", "line"].nunique()
    people = frame["person_id"].nunique()
    text = (f"{_count(rows, 'message')} (rows of messages.csv used; {sent:,} sent by you) with "
            f"{_count(people, 'person', 'people')}")
    lines = _wrap(text, "  ", "    ")
    if len(frame) != rows:
        lines += _wrap(f"{len(frame):,} message-person pairs (a group message counts once per person)",
                       "    ", "    ")
    return lines


# Kinds whose files have a date column: "no row has a date" is worth saying.
_DATED = {"connections", "messages", "invitations", "endorsements_given", "endorsements_received",
          "recommendations_given", "recommendations_received", "positions", "education"}


def _file_lines(row) -> list[str]:
    kind = _KIND_LABELS.get(row.kind, row.kind)
    head = f"  {row.file}"
    counts = f"{kind}: {row.used:,} of {row.rows:,} rows used"
    if len(head) + len(counts) + 2 > WIDTH:
        lines = _wrap(row.file, "  ", "  ") + [f"      {counts}"]
    else:
        lines = [f"{head}  ".ljust(max(len(head) + 2, 34)) + counts]
    details = [row.encoding, f"{row.delimiter}-separated" if row.delimiter else ""]
    if not row.date_format and row.kind in _DATED and row.rows:
        details.append("no row has a date")
    if row.date_format:
        first = row.date_format.split(" | ")[0]
        details.append(f"dates like '{example(first)}' ({label(row.date_format)})")
        if pd.notna(row.first_date):
            details.append(f"from {row.first_date:%Y-%m-%d} to {row.last_date:%Y-%m-%d}")
    lines.extend(_wrap(", ".join(d for d in details if d), "      ", "      "))
    return lines


def _listing(group: pd.DataFrame) -> list[str]:
    """Up to MAX_LISTED lines of one (file, reason) group, then how many more."""
    shown = group.head(MAX_LISTED)
    more = len(group) - len(shown)
    if (shown["detail"] == "").all():
        lines = ", ".join(str(n) for n in shown["line"])
        text = ("line " if len(shown) == 1 else "lines ") + lines
        if more:
            text += f" ... and {more:,} more"
        return _wrap(text, "    ", "      ")
    out = []
    for line, detail in zip(shown["line"].tolist(), shown["detail"].tolist()):
        out.extend(_wrap(f"line {line}" + (f": {detail}" if detail else ""), "    ", "      "))
    if more:
        out.append(f"    ... and {more:,} more")
    return out


def _count(n: int, singular: str, plural: str | None = None) -> str:
    return f"{n:,} {singular if n == 1 else (plural or singular + 's')}"


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, width=WIDTH, initial_indent=first, subsequent_indent=rest,
                         break_on_hyphens=False, break_long_words=True) or [first.rstrip()]
