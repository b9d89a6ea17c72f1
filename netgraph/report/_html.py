"""The HTML report: one self-contained file, no scripts, for a phone or paper."""

from __future__ import annotations

import base64
import html

from netgraph.plan import Plan
from netgraph.report import _common as c
from netgraph.report._style import CSS

_PNG = b"\x89PNG\r\n\x1a\n"


def _e(value: object) -> str:
    """Escape any text for HTML content or a quoted attribute."""
    return html.escape(c.text(value), quote=True)


def _name(value: object) -> str:
    """A name from the data, isolated so a right-to-left name cannot reorder the sentence."""
    return f"<bdi>{_e(value)}</bdi>"


def _strong(value: object) -> str:
    return f"<strong>{_name(value)}</strong>"


def _link(name: str, url: str | None) -> str:
    url = c.web_url(url or "")
    if not url:
        return _name(name)
    return f'<a href="{_e(url)}" rel="noopener noreferrer">{_name(name)}</a>'


def _reasons(value: object) -> str:
    items = c.reasons(value)
    if not items:
        return ""
    return '<ul class="reasons">' + "".join(f"<li>{_e(r)}</li>" for r in items) + "</ul>"


def _score(value: object) -> str:
    score = c.number(value)
    return "" if score is None else f"{score:.2f}"


def _pill(kind: str, label: str | None = None) -> str:
    kind = c.text(kind)
    css = "".join(ch for ch in kind.lower() if ch.isalnum() or ch == "-") or "none"
    return f'<span class="pill pill-{css}">{_e(label or kind)}</span>'


def _warmth(value: object) -> str:
    warmth = c.number(value)
    label = c.warmth_label(warmth)
    if warmth is None:
        return ""
    return f'<span class="nowrap">{_score(warmth)} <span class="pill pill-{label}">{label}</span></span>'


def _table(caption: str, header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{_e(h)}</th>' for h in header)
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{_e(h)}"><div>{cell}</div></td>'
                         for h, cell in zip(header, row, strict=True)) + "</tr>"
        for row in rows
    )
    caption = f"<caption>{caption}</caption>" if caption else ""
    return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _more(total: int, shown: int) -> str:
    return f'<p class="more">…and {total - shown} more.</p>' if total > shown else ""


def render_html(plan: Plan, *, top: int = 10, map_png: bytes | None = None, charts: bool = True) -> str:
    """Render a plan as one self-contained HTML page.

    The page has the same content as :func:`render_markdown`. It needs nothing else:
    CSS is inline, there are no scripts, web fonts or external assets (a
    Content-Security-Policy forbids them), the map is embedded as a ``data:`` URI and the
    charts are inline SVG. It reads on a phone (tables become cards) and prints cleanly.
    Every piece of text from the data is escaped.

    Parameters
    ----------
    plan
        The plan to render.
    top
        How many rows of each list to show; the rest are counted.
    map_png
        A PNG image of the network (from :func:`netgraph.plot.save_map`), shown under the
        summary; ``None`` for no map.
    charts
        Draw a small bar chart per target: people you know there against people a
        connector can introduce you to.

    Returns
    -------
    str
        An HTML document.

    Raises
    ------
    ValueError
        When `map_png` is not a PNG image.
    """
    top = max(int(top), 0)
    owner = c.text(plan.owner.name)
    title = f"Networking plan for {owner}" if owner not in ("", "You") else "Your networking plan"
    every = c.targets(plan, by="priority")
    scale = max([1] + [max(len(t.insiders), t.reachable) for t in every])
    asks = c.connector_asks(plan)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
        '<meta name="referrer" content="no-referrer">',
        '<meta name="robots" content="noindex">',
        f"<title>{_e(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(_byline(plan))}</p>',
        "</header>",
        _summary(plan),
        _progress(plan),
        _contents(every),
        *[_target(plan, t, i, top, asks, scale if charts else 0) for i, t in enumerate(every, start=1)],
        _connectors(plan, top),
        _map(map_png),
        _near_misses(plan, top),
        _notes(plan),
        "<footer><p>Made with netgraph from your own LinkedIn data. Unless it was redacted, this "
        "page names real people: share it only after redacting it.</p></footer>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(p for p in parts if p) + "\n"


def _byline(plan: Plan) -> str:
    counts = c.summary_counts(plan)
    networks = counts.get("networks", 0)
    sources = f" in {c.plural(networks, 'export')}" if networks > 1 else ""
    n_targets = counts.get("targets", len(plan.targets))
    return (f"As of {c.long_date(plan.as_of)}, from "
            f"{c.plural(counts.get('connections', 0), 'connection')}{sources} and "
            f"{c.plural(n_targets, 'target company', 'target companies')}.")


def _summary(plan: Plan) -> str:
    counts = c.summary_counts(plan)
    stats = [
        (counts.get("insiders", len(plan.insiders)), "people you know at your targets"),
        (counts.get("second_degree", 0), "people you can be introduced to"),
        (counts.get("connectors", len(plan.connectors)), "connectors to ask"),
        (counts.get("targets", len(plan.targets)), "target companies"),
    ]
    tiles = "".join(f'<div class="stat"><span class="n">{n}</span><span class="l">{_e(label)}</span></div>'
                    for n, label in stats)
    actions = c.first_actions(plan)
    if actions:
        todo = "<ol class=\"todo\">" + "".join(
            f"<li>{c.describe(a, _strong, _e)}</li>" for a in actions) + "</ol>"
    else:
        todo = ("<p>Nobody in your network reaches your targets yet. Look for former classmates, "
                "colleagues and people you met at events who work there, or ask a friend to share "
                "their export with you.</p>")
    return (f'<section class="summary" aria-labelledby="summary"><h2 id="summary">Summary</h2>'
            f'<div class="stats">{tiles}</div>'
            f'<h3>Do these first this week</h3>{todo}</section>')


def _map(png: bytes | None) -> str:
    if png is None:
        return ""
    if not isinstance(png, (bytes, bytearray)) or not bytes(png).startswith(_PNG):
        raise ValueError("map_png must be the bytes of a PNG image")
    data = base64.b64encode(bytes(png)).decode("ascii")
    return ('<section class="map" id="map"><h2>Your network at a glance</h2><figure>'
            '<img src="data:image/png;base64,' + data + '" '
            'alt="Map of your network around your target companies"></figure></section>')


def _contents(every: list[c.Target]) -> str:
    if len(every) < 2:
        return ""
    links = "".join(f'<li><a href="#target-{i}">{_e(t.company)}</a></li>' for i, t in enumerate(every, start=1))
    return f'<nav aria-label="Targets"><h2>Targets</h2><ol>{links}</ol></nav>'


def _chart(target: c.Target, scale: int) -> str:
    """Two horizontal bars: people you know there, people you can be introduced to."""
    if scale <= 0:
        return ""
    label_w, bar_w, row_h = 140, 160, 24
    rows = [("You know", len(target.insiders), "bar-known"),
            ("Can be introduced", target.reachable, "bar-reach")]
    description = (f"{target.company}: {c.plural(rows[0][1], 'person', 'people')} you know, "
                   f"{c.plural(rows[1][1], 'person', 'people')} you can be introduced to")
    shapes = []
    for i, (label, count, css) in enumerate(rows):
        y = i * row_h
        width = round(bar_w * count / scale, 1)
        shapes.append(f'<text x="0" y="{y + 17}" class="chart-label">{label}</text>'
                      f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="16" rx="3" class="{css}"/>'
                      f'<text x="{label_w + width + 6}" y="{y + 17}" class="chart-n">{count}</text>')
    height = row_h * len(rows)
    width = label_w + bar_w + 40
    return (f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-label="{_e(description)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{_e(description)}</title>{''.join(shapes)}</svg>")


def _target(plan: Plan, target: c.Target, number: int, top: int, asks: dict[str, str], scale: int) -> str:
    parts = [f'<section class="target" id="target-{number}">',
             f'<h2><span class="num">{number}</span> {_e(target.company)} '
             f'<span class="prio">priority {target.priority}</span></h2>']
    if target.titles:
        parts.append(f'<p class="titles">Roles you want: {_e(", ".join(target.titles))}</p>')
    parts.append(_chart(target, scale))
    best = c.best_action(plan, target, asks)
    if best is None:
        parts.append(f"<p>Nobody in your network reaches {_e(target.company)} yet.</p></section>")
        return "\n".join(p for p in parts if p)
    parts.append(f'<p class="ask"><strong>Suggested ask:</strong> {c.describe(best, _name, _e)}</p>')
    if target.insiders:
        rows = [[_link(c.text(r.get("name")), c.text(r.get("url"))),
                 _e(c.position_at(c.text(r.get("position")), c.text(r.get("employer", r.get("company"))))),
                 _warmth(r.get("warmth")), _pill(c.text(r.get("ask"))), _reasons(r.get("reasons"))]
                for r in target.insiders[:top]]
        parts.append(_table(f"People you know at {_e(target.company)}",
                            ["Name", "Position", "Warmth", "Ask", "Why"], rows))
        parts.append(_more(len(target.insiders), min(top, len(target.insiders))))
    else:
        parts.append("<p>Nobody you know works there yet.</p>")
    if target.intro_paths:
        rows = [[_link(c.text(r.get("target_name")), c.text(r.get("target_url"))),
                 _e(c.position_at(c.text(r.get("target_position")), c.text(r.get("target_employer")))),
                 _via(r, asks), _score(r.get("score")), _reasons(r.get("reasons"))]
                for r in target.intro_paths[:top]]
        parts.append(_table(f"People you can be introduced to at {_e(target.company)}",
                            ["Person", "Position", "Via", "Score", "Why"], rows))
        parts.append(_more(len(target.intro_paths), min(top, len(target.intro_paths))))
    else:
        parts.append("<p>None of your connections is known to reach anyone there.</p>")
    parts.append("</section>")
    return "\n".join(p for p in parts if p)


def _via(row: dict, asks: dict[str, str]) -> str:
    name = _name(row.get("connector_name"))
    if asks.get(c.text(row.get("connector_id"))) == "reconnect":
        return f'{name} {_pill("reconnect", "reconnect first")}'
    label = c.warmth_label(c.number(row.get("warmth")))
    return f'{name} <span class="pill pill-{label}">{label}</span>' if label else name


def _connectors(plan: Plan, top: int) -> str:
    rows = c.connectors(plan)
    head = '<section id="connectors"><h2>Whom to ask for introductions</h2>'
    if not rows:
        return head + "<p>None of your connections is known to reach people at your targets.</p></section>"
    index = c.people_index(plan)
    table = []
    for r in rows[:top]:
        reached = c.reached_people(plan, r.get("reaches"), index)
        names = "".join(f"<li>{_name(p['name'])}" + (f' <span class="at">{_e(p["company"])}</span>'
                                                  if p.get("company") else "") + "</li>"
                        for p in reached[:5])
        if len(reached) > 5:
            names += f"<li>and {len(reached) - 5} more</li>"
        table.append([_link(c.text(r.get("name")), c.text(r.get("url"))),
                      _e(c.position_at(c.text(r.get("position")), c.text(r.get("company")))),
                      _pill(c.text(r.get("ask"))), f'<ul class="reaches">{names}</ul>',
                      _reasons(r.get("reasons"))])
    return (head + "<p>People who can introduce you to someone at your targets, best first.</p>"
            + _table("", ["Name", "Position", "Ask", "Reaches", "Why"], table)
            + _more(len(rows), min(top, len(rows))) + "</section>")


def _near_misses(plan: Plan, top: int) -> str:
    rows = c.records(plan.near_misses)
    if not rows:
        return ""
    items = "".join(
        f"<li>{c.plural(c.integer(r.get('count')), 'connection')} at <strong>{_e(r.get('company'))}</strong>: "
        f"if it is {_e(r.get('looks_like'))}, add “{_e(r.get('company'))}” to the aliases of "
        f"{_e(r.get('looks_like'))} in your targets file.</li>"
        for r in rows[:top]
    )
    return ('<section id="near-misses"><h2>Near misses</h2><p>Company names among your connections '
            f"that look like a target but did not match:</p><ul>{items}</ul>"
            f"{_more(len(rows), min(top, len(rows)))}</section>")


def _progress(plan: Plan) -> str:
    """A small "In progress" section: where each ask in the ledger stands."""
    threads = c.progress(plan)
    if not threads:
        return ""
    items = []
    for t in threads:
        about = f" about <strong>{_e(t.about)}</strong>" if t.about else ""
        path = " &rarr; ".join(f"{_e(words)} {_e(day)}" for words, day in t.steps)
        nxt = f"; next: {_e(t.next_step)}" if t.next_step else ""
        items.append(f"<li>{_e(t.target)}: <strong>{_e(t.person)}</strong>{about}: {path}{nxt}</li>")
    return f'<section id="in-progress"><h2>In progress</h2><ul>{"".join(items)}</ul></section>'


def _notes(plan: Plan) -> str:
    notes = [_e(n) for n in c.data_notes(plan)]
    if not notes:
        return ""
    items = "".join(f"<li>{n}</li>" for n in notes)
    return f'<section id="notes"><h2>Notes on the data</h2><ul>{items}</ul></section>'
