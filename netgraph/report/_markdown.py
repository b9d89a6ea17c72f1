"""The Markdown report: readable in a terminal and on GitHub."""

from __future__ import annotations

import re
from urllib.parse import quote

from netgraph.plan import Plan
from netgraph.report import _common as c

# Characters that would start emphasis, code, links, HTML, tables or maths in GitHub
# Markdown. Names and positions are written by strangers, so all of them are escaped.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$])")


def _md(value: object) -> str:
    """Escape text for Markdown (inline or in a table cell), on one line."""
    text = " ".join(c.text(value).split())
    text = _SPECIAL.sub(r"\\\1", text)
    if text.startswith("#"):
        text = "\\" + text
    return text


def _bold(value: object) -> str:
    text = _md(value)
    return f"**{text}**" if text else ""


def _link(name: str, url: str | None) -> str:
    """``[name](url)`` for a web address, else the escaped name."""
    url = c.web_url(url or "")
    if not url:
        return _md(name)
    return f"[{_md(name)}]({quote(url, safe=':/?#&=%+@!,;.-_~')})"


def _position(position: object, company: object) -> str:
    return _md(c.position_at(position, company))


def _reasons(value: object) -> str:
    return "; ".join(_md(r) for r in c.reasons(value))


def _score(value: object) -> str:
    score = c.number(value)
    return "" if score is None else f"{score:.2f}"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("--:" if h == "#" else "---" for h in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def _more(total: int, shown: int) -> list[str]:
    return [f"\n…and {total - shown} more." if total > shown else ""]


def render_markdown(plan: Plan, *, top: int = 10) -> str:
    """Render a plan as a Markdown report.

    The report opens with a summary and the three things to do first this week, then
    has one section per target company (most wanted first) with the people you know
    there, the people you can be introduced to and the suggested ask; then whom to ask
    for introductions, near misses and notes on the data. Every name, position and
    company is escaped, since they are text written by other people.

    Parameters
    ----------
    plan
        The plan to render (see :class:`netgraph.plan.Plan`).
    top
        How many rows of each list to show; the rest are counted ("…and 4 more").

    Returns
    -------
    str
        Markdown text ending in a newline.

    Examples
    --------
    A plan with one target and one person you know there:

    >>> import datetime as dt, networkx as nx, pandas as pd
    >>> from netgraph.io import Owner
    >>> from netgraph.plan import Plan
    >>> insiders = pd.DataFrame([{
    ...     "company": "Stripe", "priority": 1, "person_id": "in:maya", "name": "Maya Chen", "url": "",
    ...     "employer": "Stripe", "position": "Engineering Manager", "warmth": 0.86, "relevance": 0.9,
    ...     "score": 0.88, "ask": "referral", "reasons": ("41 messages both ways",)}])
    >>> plan = Plan(G=nx.Graph(), as_of=dt.date(2026, 11, 20), owner=Owner("Alex Rivera", "", "in:alex"),
    ...             targets=pd.DataFrame({"company": ["Stripe"], "priority": [1], "order": [0]}),
    ...             insiders=insiders, intro_paths=pd.DataFrame(), connectors=pd.DataFrame(),
    ...             near_misses=pd.DataFrame())
    >>> text = render_markdown(plan)
    >>> print(text.splitlines()[0])
    # Networking plan for Alex Rivera
    >>> print(next(line for line in text.splitlines() if line.startswith("1. ")))
    1. Ask **Maya Chen** for a referral at **Stripe**: you know each other well enough to ask.
    >>> print(next(line for line in text.splitlines() if line.startswith("| 1 |")))
    | 1 | Maya Chen | Engineering Manager at Stripe | 0.86 close | referral | 41 messages both ways |
    """
    top = max(int(top), 0)
    owner = c.text(plan.owner.name)
    lines = [f"# Networking plan for {_md(owner)}" if owner not in ("", "You") else "# Your networking plan", ""]
    lines += _summary(plan)
    lines += _progress(plan)
    index = c.people_index(plan)
    asks = c.connector_asks(plan)
    for number, target in enumerate(c.targets(plan, by="priority"), start=1):
        lines += _target(plan, target, number, top, asks)
    lines += _connectors(plan, top, index)
    lines += _near_misses(plan, top)
    lines += _notes(plan)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


def _progress(plan: Plan) -> list[str]:
    """## In progress: where each ask in the ledger stands, with the next step."""
    threads = c.progress(plan)
    if not threads:
        return []
    lines = ["## In progress", ""]
    for t in threads:
        about = f" about {_bold(t.about)}" if t.about else ""
        path = " → ".join(f"{words} {day}" for words, day in t.steps)
        nxt = f"; next: {t.next_step}" if t.next_step else ""
        lines.append(f"- {_md(t.target)}: {_bold(t.person)}{about}: {_md(path)}{nxt}")
    return [*lines, ""]


def _summary(plan: Plan) -> list[str]:
    counts = c.summary_counts(plan)
    connections = counts.get("connections", 0)
    networks = counts.get("networks", 0)
    n_targets = counts.get("targets", len(plan.targets))
    insiders = counts.get("insiders", len(plan.insiders))
    second = counts.get("second_degree", len({c.text(t) for t in plan.intro_paths.get("target_id", [])}))
    n_connectors = counts.get("connectors", len(plan.connectors))
    sources = f" in {c.plural(networks, 'export')}" if networks > 1 else ""
    lines = [
        f"As of {c.long_date(plan.as_of)}, from {c.plural(connections, 'connection')}{sources} "
        f"and {c.plural(n_targets, 'target company', 'target companies')}.",
        "",
        "## Summary",
        "",
        f"- **{insiders}** {'person' if insiders == 1 else 'people'} you know "
        f"{'works' if insiders == 1 else 'work'} at your targets.",
        f"- **{second}** more {'person' if second == 1 else 'people'} can be introduced to you "
        f"by **{n_connectors}** {'connector' if n_connectors == 1 else 'connectors'}.",
    ]
    if plan.near_misses is not None and len(plan.near_misses):
        n = len(plan.near_misses)
        lines.append(f"- {c.plural(n, 'company name')} {'looks' if n == 1 else 'look'} like a target "
                     "but did not match; see Near misses.")
    skipped = counts.get("skipped_rows", 0)
    if skipped:
        lines.append(f"- {c.plural(skipped, 'row')} of your data could not be used; see Notes on the data.")
    actions = c.first_actions(plan)
    lines += ["", "### Do these first this week", ""]
    if actions:
        lines += [f"{i}. {c.describe(a, _bold, _md)}" for i, a in enumerate(actions, start=1)]
    else:
        lines.append("Nobody in your network reaches your targets yet. Look for former classmates, "
                     "colleagues and people you met at events who work there, or ask a friend to "
                     "share their export with you.")
    return lines + [""]


def _target(plan: Plan, target: c.Target, number: int, top: int, asks: dict[str, str]) -> list[str]:
    lines = [f"## {number}. {_md(target.company)} (priority {target.priority})", ""]
    if target.titles:
        lines += [f"Roles you want: {_md(', '.join(target.titles))}", ""]
    best = c.best_action(plan, target, asks)
    if best is not None:
        lines += [f"**Suggested ask:** {c.describe(best, _md, _md)}", ""]
    else:
        lines += [f"Nobody in your network reaches {_md(target.company)} yet.", ""]
        return lines
    lines += [f"### People you know at {_md(target.company)}", ""]
    if target.insiders:
        rows = [[str(i), _link(c.text(r.get("name")), c.text(r.get("url"))),
                 _position(r.get("position"), r.get("employer", r.get("company"))),
                 f"{_score(r.get('warmth'))} {c.warmth_label(c.number(r.get('warmth')))}".strip(),
                 _md(r.get("ask")), _reasons(r.get("reasons"))]
                for i, r in enumerate(target.insiders[:top], start=1)]
        lines += _table(["#", "Name", "Position", "Warmth", "Ask", "Why"], rows)
        lines += _more(len(target.insiders), min(top, len(target.insiders)))
    else:
        lines.append("Nobody you know works there yet.")
    lines += ["", f"### People you can be introduced to at {_md(target.company)}", ""]
    if target.intro_paths:
        rows = [[str(i), _link(c.text(r.get("target_name")), c.text(r.get("target_url"))),
                 _position(r.get("target_position"), r.get("target_employer")),
                 _via(r, asks), _score(r.get("score")), _reasons(r.get("reasons"))]
                for i, r in enumerate(target.intro_paths[:top], start=1)]
        lines += _table(["#", "Person", "Position", "Via", "Score", "Why"], rows)
        lines += _more(len(target.intro_paths), min(top, len(target.intro_paths)))
    else:
        lines.append("None of your connections is known to reach anyone there.")
    return lines + [""]


def _via(row: dict, asks: dict[str, str]) -> str:
    name = _md(row.get("connector_name"))
    label = c.warmth_label(c.number(row.get("warmth")))
    if asks.get(c.text(row.get("connector_id"))) == "reconnect":
        label = "reconnect first"
    return f"{name} ({label})" if label else name


def _connectors(plan: Plan, top: int, index: dict[str, dict]) -> list[str]:
    rows = c.connectors(plan)
    lines = ["## Whom to ask for introductions", ""]
    if not rows:
        return lines + ["None of your connections is known to reach people at your targets.", ""]
    lines += ["People who can introduce you to someone at your targets, best first.", ""]
    table = []
    for i, r in enumerate(rows[:top], start=1):
        reached = c.reached_people(plan, r.get("reaches"), index)
        names = ", ".join(_reach(p) for p in reached[:5])
        if len(reached) > 5:
            names += f", and {len(reached) - 5} more"
        table.append([str(i), _link(c.text(r.get("name")), c.text(r.get("url"))),
                      _position(r.get("position"), r.get("company")), _md(r.get("ask")),
                      names, _reasons(r.get("reasons"))])
    lines += _table(["#", "Name", "Position", "Ask", "Reaches", "Why"], table)
    lines += _more(len(rows), min(top, len(rows)))
    return lines + [""]


def _reach(p: dict) -> str:
    return f"{_md(p['name'])} ({_md(p['company'])})" if p.get("company") else _md(p["name"])


def _near_misses(plan: Plan, top: int) -> list[str]:
    rows = c.records(plan.near_misses)
    if not rows:
        return []
    lines = ["## Near misses", "",
             "Company names among your connections that look like a target but did not match:", ""]
    for r in rows[:top]:
        count, company, like = c.integer(r.get("count")), _md(r.get("company")), _md(r.get("looks_like"))
        lines.append(f"- {c.plural(count, 'connection')} at {company}: if it is {like}, "
                     f"add \"{company}\" to the aliases of {like} in your targets file.")
    lines += _more(len(rows), min(top, len(rows)))
    return lines + [""]


def _notes(plan: Plan) -> list[str]:
    notes = [_md(n) for n in c.data_notes(plan)]
    if not notes:
        return []
    return ["## Notes on the data", "", *[f"- {n}" for n in notes], ""]
