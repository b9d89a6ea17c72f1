"""Reports: Markdown, HTML, JSON, CSV, drafts and safe writing, on the hand-made plan."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from netgraph.errors import NetgraphError
from netgraph.redact import redact_plan
from netgraph.report import (
    CSV_COLUMNS,
    Draft,
    draft_message,
    render,
    render_csv,
    render_draft,
    render_html,
    render_json,
    render_markdown,
    write_output,
)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def _with_rows(plan, field, **changes):
    """A copy of `plan` whose frame `field` has columns replaced (row-wise lists)."""
    frame = getattr(plan, field).copy()
    for column, values in changes.items():
        frame[column] = values
    return dataclasses.replace(plan, **{field: frame})


def _person(name, url, company, position):
    return {"name": name, "url": url, "company": company, "position": position}


# -- JSON ---------------------------------------------------------------------------------


def test_json_matches_the_contract_exactly(plan):
    data = json.loads(render_json(plan))
    assert list(data) == ["schema", "as_of", "summary", "targets", "connectors", "actions", "near_misses"]
    assert data["schema"] == 2
    assert data["as_of"] == "2026-11-20"
    assert data["summary"] == {"connections": 5, "hidden": 1, "targets": 2, "insiders": 2, "intro_paths": 3,
                               "connectors": 2, "second_degree": 3, "skipped_rows": 4, "networks": 2}
    assert [t["company"] for t in data["targets"]] == ["Stripe", "Shopify"]
    stripe, shopify = data["targets"]
    assert list(stripe) == ["company", "priority", "insiders", "intro_paths"]
    assert stripe["priority"] == 1 and shopify["priority"] == 2
    assert stripe["insiders"] == [{
        "name": "Maya Chen", "url": "https://www.linkedin.com/in/maya-chen", "company": "Stripe, Inc.",
        "position": "Engineering Manager", "score": 0.88, "ask": "referral",
        "reasons": ["41 messages both ways, the last 6 days ago", "she recommended you in 2025"],
    }]
    sam = _person("Sam Lee", "https://www.linkedin.com/in/sam-lee", "Datadog", "Staff Engineer")
    dana = _person("Dana Cohen", "https://www.linkedin.com/in/dana-cohen", "Stripe", "Software Engineer")
    li = _person("Li Wei", "https://www.linkedin.com/in/li-wei", "Shopify", "Backend Engineer")
    assert stripe["intro_paths"][0] == {
        "target": dana, "connector": sam, "score": 0.504, "source": "export",
        "reasons": ["you and Sam Lee are close", "Sam Lee knows Dana Cohen"],
    }
    assert [p["target"]["name"] for p in stripe["intro_paths"]] == ["Dana Cohen", "Noor Haddad"]
    assert [p["target"]["name"] for p in shopify["intro_paths"]] == ["Li Wei"]
    assert shopify["insiders"][0]["ask"] == "reconnect"
    assert data["connectors"][0] == {**sam, "score": 0.74, "ask": "introduction", "reaches": [dana, li],
                                     "ask_about": [dana, li],
                                     "reasons": ["reaches 2 people at 2 targets"]}
    assert [c["name"] for c in data["connectors"]] == ["Sam Lee", "Inés García"]
    assert data["near_misses"] == [{"company": "Stripes Group", "looks_like": "Stripe", "count": 3}]


def test_json_keeps_targets_file_order_and_is_deterministic(plan):
    swapped = _with_rows(plan, "targets", priority=[2, 1])
    first, second = render_json(swapped), render_json(swapped)
    assert first == second
    assert [t["company"] for t in json.loads(first)["targets"]] == ["Stripe", "Shopify"]


def test_json_empty_url_is_null_and_scores_are_rounded(plan):
    changed = _with_rows(plan, "insiders", url=["", "https://www.linkedin.com/in/tom-okafor"],
                         score=[0.123456, 0.25])
    insider = json.loads(render_json(changed))["targets"][0]["insiders"][0]
    assert insider["url"] is None
    assert insider["score"] == 0.123


def test_json_top_cuts_every_list(plan):
    data = json.loads(render_json(plan, top=1))
    assert [len(t["intro_paths"]) for t in data["targets"]] == [1, 1]
    assert len(data["connectors"]) == 1
    full = json.loads(render_json(plan))
    assert len(full["targets"][0]["intro_paths"]) == 2


def test_json_keeps_emoji_and_right_to_left_names_intact(hostile_plan):
    plan = _with_rows(hostile_plan, "insiders", name=["Maya 🚀 Chen", "Tom Okafor"])
    text = render_json(plan)
    assert "Maya 🚀 Chen" in text and "نور حداد" in text and "李伟" in text
    assert "\\u" not in text
    data = json.loads(text)
    assert data["targets"][0]["insiders"][0]["name"] == "Maya 🚀 Chen"
    assert data["targets"][0]["intro_paths"][1]["target"]["name"] == "نور حداد"
    assert data["targets"][0]["intro_paths"][0]["target"]["position"].startswith("<script>")


# -- Markdown -----------------------------------------------------------------------------


def test_markdown_opens_with_title_date_and_summary(plan):
    text = render_markdown(plan)
    lines = text.splitlines()
    assert lines[0] == "# Networking plan for Alex Rivera"
    assert "20 November 2026" in lines[2]
    assert text.index("## Summary") < text.index("## 1. Stripe")
    todo = text.split("### Do these first this week")[1].split("##")[0]
    items = re.findall(r"^\d\. (.*)$", todo, flags=re.M)
    assert len(items) == 3
    assert "Maya Chen" in items[0] and "referral" in items[0]
    assert "Sam Lee" in items[1] and "Dana Cohen" in items[1]


def test_markdown_sections_follow_priority(plan):
    swapped = _with_rows(plan, "targets", priority=[2, 1])
    text = render_markdown(swapped)
    assert text.index("## 1. Shopify (priority 1)") < text.index("## 2. Stripe (priority 2)")
    plain = render_markdown(plan)
    headings = re.findall(r"^## .*$", plain, flags=re.M)
    assert headings == ["## Summary", "## 1. Stripe (priority 1)", "## 2. Shopify (priority 2)",
                        "## Whom to ask for introductions", "## Near misses", "## Notes on the data"]


def test_markdown_target_section_lists_insiders_paths_and_ask(plan):
    stripe = render_markdown(plan).split("## 1. Stripe")[1].split("## 2.")[0]
    assert "Roles you want: Backend Engineer" in stripe
    assert "**Suggested ask:** Ask Maya Chen for a referral at Stripe" in stripe
    assert "| 1 | [Maya Chen](https://www.linkedin.com/in/maya-chen) | Engineering Manager at Stripe, Inc. " \
           "| 0.86 close | referral | 41 messages both ways, the last 6 days ago; she recommended you in 2025 |" \
           in stripe
    assert "| 1 | [Dana Cohen](https://www.linkedin.com/in/dana-cohen) | Software Engineer at Stripe " \
           "| Sam Lee (close) | 0.50 |" in stripe
    assert "Inés García (reconnect first)" in stripe


def test_markdown_connectors_near_misses_and_notes(plan):
    text = render_markdown(plan)
    connectors = text.split("## Whom to ask for introductions")[1].split("## Near misses")[0]
    assert "Dana Cohen (Stripe), Li Wei (Shopify)" in connectors
    assert "3 connections at Stripes Group: if it is Stripe" in text
    notes = text.split("## Notes on the data")[1]
    assert "- 1 hidden member in Connections.csv" in notes
    assert "4 rows of your data could not be used" in notes


def test_markdown_top_cuts_lists_and_says_how_many_more(plan):
    text = render_markdown(plan, top=1)
    stripe = text.split("## 1. Stripe")[1].split("## 2.")[0]
    assert "Noor Haddad" not in stripe
    assert "…and 1 more." in stripe
    connectors = text.split("## Whom to ask for introductions")[1]
    assert "Inés García" not in connectors.split("## Near misses")[0]
    assert "…and 1 more." in connectors
    assert "more." not in render_markdown(plan).split("## Near misses")[0].split("## 1.")[1]


def _table_rows(text):
    return [line for line in text.splitlines() if line.startswith("|")]


def test_markdown_escapes_hostile_text(hostile_plan):
    text = render_markdown(hostile_plan)
    for line in _table_rows(text):
        unescaped = len(re.findall(r"(?<!\\)\|", line))
        assert unescaped == 7, line  # six columns: seven unescaped pipes
    assert "\\<script\\>alert(1)\\</script\\> Engineer \\| =HYPERLINK" in text
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped


@pytest.mark.parametrize("name, expected", [
    ("Ann *Bold* Lee", "Ann \\*Bold\\* Lee"),
    ("snake_case `code`", "snake\\_case \\`code\\`"),
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("# Heading", "\\# Heading"),
    ("a | b", "a \\| b"),
])
def test_markdown_escapes_names(plan, name, expected):
    changed = _with_rows(plan, "insiders", name=[name, "Tom Okafor"], url=["", ""])
    assert f"| 1 | {expected} |" in render_markdown(changed)


def test_markdown_links_only_web_addresses(plan):
    changed = _with_rows(plan, "insiders", url=["javascript:alert(1)", "https://www.linkedin.com/in/tom-okafor"])
    text = render_markdown(changed)
    assert "javascript:" not in text
    assert "[Tom Okafor](https://www.linkedin.com/in/tom-okafor)" in text


# -- HTML ---------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Records every start tag and checks that elements close in order."""

    VOID = frozenset({"meta", "link", "img", "br", "hr", "input", "rect", "path", "line", "circle"})

    def __init__(self):
        super().__init__()
        self.tags, self.stack, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _parse(text):
    parser = _Tags()
    parser.feed(text)
    parser.close()
    return parser


def test_html_is_one_self_contained_page(plan):
    text = render_html(plan, map_png=PNG)
    parsed = _parse(text)
    assert parsed.errors == [] and parsed.stack == []
    names = [tag for tag, _ in parsed.tags]
    assert "script" not in names and "link" not in names and "iframe" not in names
    metas = [attrs for tag, attrs in parsed.tags if tag == "meta"]
    assert {"name": "viewport", "content": "width=device-width, initial-scale=1"} in metas
    assert "@media print" in text and "@media (max-width" in text
    assert "@import" not in text and "@font-face" not in text and "url(" not in text
    sources = [attrs.get("src", "") for tag, attrs in parsed.tags if tag == "img"]
    assert len(sources) == 1 and sources[0].startswith("data:image/png;base64,")
    assert not re.search(r"""(src|href)=(?!["'](https://www\.linkedin\.com/in/|#|data:))""", text)


def test_html_shows_targets_in_priority_order_with_people(plan):
    text = render_html(_with_rows(plan, "targets", priority=[2, 1]))
    assert text.index("</span> Shopify <span") < text.index("</span> Stripe <span")
    assert "Maya Chen" in text and "Dana Cohen" in text and "Stripes Group" in text
    assert "Do these first this week" in text and "1 hidden member in Connections.csv" in text


def test_html_escapes_hostile_text(hostile_plan):
    text = render_html(hostile_plan)
    assert "<script" not in text.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Engineer" in text
    assert "<bdi>نور حداد</bdi>" in text and "<bdi>李伟</bdi>" in text  # isolated from the sentence
    assert _parse(text).errors == []


def test_html_escapes_attributes(plan):
    changed = _with_rows(plan, "insiders", url=['https://www.linkedin.com/in/x"onmouseover="alert(1)', ""],
                         name=['"><img src=x onerror=alert(1)>', "Tom Okafor"])
    text = render_html(changed)
    assert "onmouseover" not in text  # not a web address: not linked at all
    assert "<img src=x" not in text
    assert [tag for tag, _ in _parse(text).tags].count("img") == 0


def test_html_charts_are_inline_svg_and_optional(plan):
    with_charts = render_html(plan)
    assert with_charts.count("<svg") == 2
    assert 'aria-label="Stripe: 1 person you know, 2 people you can be introduced to"' in with_charts
    assert "<svg" not in render_html(plan, charts=False)


def test_html_rejects_a_map_that_is_not_png(plan):
    with pytest.raises(ValueError, match="PNG"):
        render_html(plan, map_png=b"GIF89a")


def test_html_top_cuts_lists(plan):
    text = render_html(plan, top=1)
    stripe = text.split('id="target-1"')[1].split('id="target-2"')[0]
    assert "Noor Haddad" not in stripe
    assert "…and 1 more." in text


# -- CSV ----------------------------------------------------------------------------------


def _csv(text):
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_columns_and_rows(plan):
    text = render_csv(plan)
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert "\r\n" in text
    rows = _csv(text)
    assert [(r["kind"], r["company"], r["name"]) for r in rows] == [
        ("insider", "Stripe", "Maya Chen"),
        ("intro_path", "Stripe", "Dana Cohen"),
        ("intro_path", "Stripe", "Noor Haddad"),
        ("insider", "Shopify", "Tom Okafor"),
        ("intro_path", "Shopify", "Li Wei"),
        ("connector", "Stripe; Shopify", "Sam Lee"),
        ("connector", "Stripe", "Inés García"),
    ]
    assert rows[0] == {"kind": "insider", "company": "Stripe", "priority": "1", "name": "Maya Chen",
                       "url": "https://www.linkedin.com/in/maya-chen", "employer": "Stripe, Inc.",
                       "position": "Engineering Manager", "via": "", "score": "0.88", "ask": "referral",
                       "reasons": "41 messages both ways, the last 6 days ago; she recommended you in 2025",
                       "reaches": ""}
    assert rows[1]["via"] == "Sam Lee" and rows[1]["ask"] == "introduction" and rows[1]["score"] == "0.504"
    assert rows[2]["ask"] == "reconnect"
    assert rows[5]["reaches"] == "Dana Cohen; Li Wei" and rows[5]["priority"] == "1"


def test_csv_top_cuts_each_list(plan):
    kinds = [r["kind"] for r in _csv(render_csv(plan, top=1))]
    assert kinds == ["insider", "intro_path", "insider", "intro_path", "connector"]


def test_csv_neutralises_formulas(hostile_plan):
    rows = _csv(render_csv(hostile_plan))
    dana = rows[1]
    assert dana["name"] == "'=Dana Cohen"
    assert dana["position"].startswith("<script>")  # not a formula: kept as written
    assert rows[5]["reaches"] == "'=Dana Cohen; 李伟"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx", "  =cmd"])
def test_csv_neutralises_each_formula_start(plan, value):
    changed = _with_rows(plan, "insiders", position=[value, "Recruiter"])
    row = _csv(render_csv(changed))[0]
    assert row["position"] == "'" + value


# -- redaction in every format ------------------------------------------------------------


def _real_name_parts(plan):
    names = set(plan.insiders["name"]) | set(plan.intro_paths["target_name"])
    names |= set(plan.intro_paths["connector_name"]) | set(plan.connectors["name"]) | {plan.owner.name}
    return {part for name in names for part in re.findall(r"\w+", name) if len(part) > 1}


@pytest.mark.parametrize("hostile", [False, True])
@pytest.mark.parametrize("render", [render_markdown, render_html, render_json, render_csv])
def test_redacted_reports_name_nobody(plan, hostile_plan, render, hostile):
    original = hostile_plan if hostile else plan
    text = render(redact_plan(original))
    assert "linkedin.com/in/" not in text
    for part in _real_name_parts(original):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text), part
    assert "Person " in text


# -- drafts -------------------------------------------------------------------------------


def _all_text(draft):
    return " ".join([draft.subject, draft.body, *draft.alternatives])


def test_draft_referral_only_when_the_ask_is_referral(plan):
    maya = draft_message(plan, target="Maya Chen")
    assert maya.recipient == "Maya Chen"
    assert "refer me" in maya.body and "Backend Engineer" in maya.body and "Stripe" in maya.body
    assert maya.body.count("?") == 1  # one clear ask
    as_conversation = _with_rows(plan, "insiders", ask=["conversation", "reconnect"])
    talk = draft_message(as_conversation, target="Maya Chen")
    assert "refer" not in _all_text(talk).lower()
    assert "20 minutes" in talk.body and talk.body.count("?") == 1


def test_draft_reconnect_gives_first_and_asks_nothing_big(plan):
    tom = draft_message(plan, target="tom okafor")
    assert tom.recipient == "Tom Okafor"
    body = tom.body.lower()
    for big in ("refer", "introduc", "20 minutes", "job", "role", "cv"):
        assert big not in body, big
    # no messages, ever: an honest hello, no placeholder, no "since we last talked"
    assert "[" not in tom.body
    assert "properly talked" in tom.body and "last talked" not in tom.body
    assert "refer" not in _all_text(tom).lower()


def test_draft_via_connector_names_target_company_and_offers_a_blurb(plan):
    draft = draft_message(plan, target="Stripe", via="sam lee", your_name="Alex R.")
    assert draft.recipient == "Sam Lee"
    assert "Dana Cohen" in draft.subject
    assert "Dana Cohen" in draft.body and "Stripe" in draft.body and "Software Engineer" in draft.body
    assert "Backend Engineer" in draft.body  # what you are looking for
    assert "blurb" in draft.body
    assert draft.body.startswith("Hi Sam,") and draft.body.rstrip().endswith("Alex R.")
    assert draft.body.count("?") == 1
    assert any("meetup" in a for a in draft.alternatives)


def test_draft_for_a_second_degree_person_goes_through_their_connector(plan):
    draft = draft_message(plan, target="Li Wei")
    assert draft.recipient == "Sam Lee" and "Li Wei" in draft.body and "Shopify" in draft.body


def test_draft_through_a_lost_touch_connector_reconnects_first(plan):
    draft = draft_message(plan, target="Noor Haddad")
    assert draft.recipient == "Inés García"
    assert "introduc" not in draft.body.lower()
    assert any("Noor" in a and a.startswith("Later") for a in draft.alternatives)


def test_draft_for_a_company_picks_the_reports_suggested_ask(plan):
    assert draft_message(plan, target="STRIPE").recipient == "Maya Chen"
    # Sam Lee's one ask this week is about Stripe, so Shopify's first step is someone else
    sam = next(a for a in plan.actions if a.recipient["name"] == "Sam Lee")
    assert sam.company == "Stripe"
    assert draft_message(plan, target="shopify").recipient == "Tom Okafor"
    assert draft_message(plan, target="shopify", via="Sam Lee").recipient == "Sam Lee"


def test_draft_names_ignore_case_and_accents(plan):
    assert draft_message(plan, target="ines garcia").recipient == "Inés García"
    assert draft_message(plan, target="MAYA").recipient == "Maya Chen"
    assert draft_message(plan, target="https://www.linkedin.com/in/maya-chen/").recipient == "Maya Chen"


def test_draft_unknown_name_suggests_the_closest(plan):
    with pytest.raises(NetgraphError, match=r"closest: .*Maya Chen"):
        draft_message(plan, target="Maya Chan")
    with pytest.raises(NetgraphError, match="Sam Lee"):
        draft_message(plan, target="Stripe", via="Sam Leigh")


def test_draft_ambiguous_name_lists_both(plan):
    changed = _with_rows(plan, "insiders", name=["Maya Chen", "Maya Okafor"])
    with pytest.raises(NetgraphError, match=r"more than one.*Maya Chen.*Maya Okafor"):
        draft_message(changed, target="maya")


def test_draft_via_is_refused_for_your_own_connection(plan):
    with pytest.raises(NetgraphError, match="write to them directly"):
        draft_message(plan, target="Maya Chen", via="Sam Lee")


def test_render_draft(plan):
    draft = Draft("Sam Lee", "Hello", "Hi Sam,\n\nBest,\nAlex\n", ("Coffee?",))
    assert render_draft(draft) == ("To: Sam Lee\nSubject: Hello\n\nHi Sam,\n\nBest,\nAlex\n\n"
                                   "Other asks that would suit Sam Lee (pick one, never several):\n- Coffee?\n")
    text = render_draft(draft_message(plan, target="Stripe", via="Sam Lee"))
    assert text.startswith("To: Sam Lee\nSubject: Would you introduce me to Dana Cohen?\n\nHi Sam,")


# -- write_output -------------------------------------------------------------------------


def test_write_output_writes_text_and_bytes(tmp_path):
    write_output("# Plan ✓\n", tmp_path / "plan.md")
    write_output(PNG, tmp_path / "map.png")
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "# Plan ✓\n"
    assert (tmp_path / "map.png").read_bytes() == PNG
    write_output("again\n", tmp_path / "plan.md")
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "again\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png", "plan.md"]


def test_write_output_refuses_an_input_file(tmp_path, monkeypatch):
    export = tmp_path / "Connections.csv"
    export.write_text("First Name\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for output in (export, "Connections.csv", tmp_path / "sub" / ".." / "Connections.csv"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        with pytest.raises(NetgraphError, match=r"refusing to write over the input file .*choose another --output"):
            write_output("x", output, inputs=[str(export)])
    link = tmp_path / "link.csv"
    link.symlink_to(export)
    with pytest.raises(NetgraphError, match="refusing"):
        write_output("x", link, inputs=[export])
    hard = tmp_path / "hard.csv"
    os.link(export, hard)
    with pytest.raises(NetgraphError, match="refusing"):
        write_output("x", hard, inputs=[export])
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "messages.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(NetgraphError, match="refusing"):
        write_output("x", folder / "messages.csv", inputs=[folder])
    assert export.read_text(encoding="utf-8") == "First Name\n"
    write_output("ok\n", folder / "report.md", inputs=[folder])  # a new file next to the export is fine


def test_write_output_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old report\n", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(NetgraphError, match="No space left on device"):
        write_output("new report\n" * 1000, target)
    assert target.read_text(encoding="utf-8") == "old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    new = tmp_path / "new.md"
    with pytest.raises(NetgraphError):
        write_output("x", new)
    assert not new.exists() and [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_write_output_explains_a_missing_folder(tmp_path):
    with pytest.raises(NetgraphError, match="does not exist"):
        write_output("x", tmp_path / "nowhere" / "plan.md")
    with pytest.raises(NetgraphError, match="is a folder"):
        write_output("x", tmp_path)


def test_renderers_never_change_the_plan(plan):
    before = {f: getattr(plan, f).copy(deep=True) for f in ("targets", "insiders", "intro_paths", "connectors")}
    for renderer in (render_markdown, render_html, render_json, render_csv):
        renderer(plan)
    draft_message(plan, target="Stripe")
    for field, frame in before.items():
        pd.testing.assert_frame_equal(getattr(plan, field), frame)


def test_an_empty_plan_still_renders_and_explains(plan):
    empty = dataclasses.replace(plan, insiders=plan.insiders.iloc[0:0], intro_paths=plan.intro_paths.iloc[0:0],
                                connectors=plan.connectors.iloc[0:0], near_misses=plan.near_misses.iloc[0:0],
                                summary={}, notes=())
    markdown = render_markdown(empty)
    assert "Nobody in your network reaches your targets yet" in markdown
    assert "Nobody in your network reaches Stripe yet." in markdown
    assert "## Near misses" not in markdown
    assert "Nobody in your network reaches Stripe yet." in render_html(empty)
    data = json.loads(render_json(empty))
    assert data["targets"] == [{"company": "Stripe", "priority": 1, "insiders": [], "intro_paths": []},
                               {"company": "Shopify", "priority": 2, "insiders": [], "intro_paths": []}]
    assert data["connectors"] == [] and data["near_misses"] == [] and data["summary"] == {}
    assert render_csv(empty) == ",".join(CSV_COLUMNS) + "\r\n"
    with pytest.raises(NetgraphError, match="nobody in your network reaches Stripe"):
        draft_message(empty, target="Stripe")


def test_a_redacted_report_is_titled_for_you(plan):
    assert render_markdown(redact_plan(plan)).startswith("# Your networking plan\n")
    assert "<title>Your networking plan</title>" in render_html(redact_plan(plan))


@pytest.mark.parametrize("fmt, renderer", [("markdown", render_markdown), ("html", render_html),
                                            ("json", render_json), ("csv", render_csv)])
def test_render_dispatches_by_format_with_the_right_default_top(plan, fmt, renderer):
    assert render(plan, fmt=fmt) == renderer(plan)
    assert render(plan, fmt=fmt, top=1) == renderer(plan, top=1)
    assert render(plan, fmt=fmt, redact=True) == renderer(redact_plan(plan))


def test_render_rejects_an_unknown_format(plan):
    with pytest.raises(ValueError, match="markdown, html, json, csv"):
        render(plan, fmt="pdf")


def test_draft_via_someone_who_reaches_nobody_there(plan):
    with pytest.raises(NetgraphError, match=r"closest: Sam Lee"):
        draft_message(plan, target="Shopify", via="Inés García")


def test_draft_from_a_redacted_plan_is_signed_with_a_placeholder(plan):
    redacted = redact_plan(plan)
    person = redacted.insiders.loc[0, "name"]
    draft = draft_message(redacted, target=person)
    assert draft.recipient == person and draft.body.rstrip().endswith("[your name]")
