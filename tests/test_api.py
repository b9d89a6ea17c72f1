"""The API as a notebook meets it: the plan's HTML card, the sample, inline maps, documented columns."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import pytest
from click.testing import CliRunner
from IPython.core.pylabtools import print_figure
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import netgraph
from netgraph.cli import main
from netgraph.sample_data import AS_OF, CONTACTS, EXPORT, KNOWN, TARGETS, network_specs

ARCHITECTURE = Path(__file__).resolve().parent.parent / "docs" / "architecture.md"
PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def sample():
    return netgraph.load_sample()


# ---------------------------------------------------------------------------
# The HTML card a notebook shows for a plan


def test_html_card_shows_counts_targets_and_first_asks(plan):
    html = plan._repr_html_()
    assert "Alex Rivera" in html and "2026-11-20" in html
    for key, value in plan.summary.items():
        assert f"{value} {key.replace('_', ' ')}" in html
    rows = re.findall(r"<tr><td>(.*?)</td>", html)
    assert rows == ["Stripe", "Shopify"]  # every target, in file order
    assert "Maya Chen (referral)" in html and "Tom Okafor (reconnect)" in html
    assert "Dana Cohen via Sam Lee" in html and "Li Wei via Sam Lee" in html
    assert "Whom to ask for introductions first: Sam Lee; Inés García" in html


def _scripted(plan):
    """`plan` with a script tag in every name, company and count label the card shows."""
    def evil(text):
        return f'<script>alert("{text}")</script> & {text}'

    def frame(df, columns):
        return df.assign(**{c: df[c].map(evil) for c in columns})

    return dataclasses.replace(
        plan,
        owner=dataclasses.replace(plan.owner, name=evil(plan.owner.name)),
        targets=frame(plan.targets, ["company"]),
        insiders=frame(plan.insiders, ["company", "name", "ask"]),
        intro_paths=frame(plan.intro_paths, ["company", "target_name", "connector_name"]),
        connectors=frame(plan.connectors, ["name"]),
        summary={evil(k): v for k, v in plan.summary.items()},
    )


def test_html_card_escapes_every_text(hostile_plan):
    html = _scripted(hostile_plan)._repr_html_()
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&quot;Stripe&quot;)&lt;/script&gt; &amp; Stripe" in html  # shown, not dropped
    assert "&lt;script&gt;alert(&quot;=Dana Cohen&quot;)" in html
    assert "&lt;script&gt;alert(&quot;Alex Rivera&quot;)" in html
    assert "&lt;script&gt;alert(&quot;skipped_rows&quot;)" not in html  # labels are shown with spaces
    assert html.count("<tr>") == 1 + len(hostile_plan.targets)  # no markup leaked into the table


# ---------------------------------------------------------------------------
# The sample: the same answers as the command line


@pytest.fixture(scope="module")
def cli_json(tmp_path_factory):
    ledger = tmp_path_factory.mktemp("ledger") / "none.sqlite"  # never the user's own ledger
    sources = ["--targets", str(TARGETS), "--known", str(KNOWN), "--contacts", str(CONTACTS), "--as-of", AS_OF]
    for spec in network_specs():
        sources += ["--network", spec]
    result = CliRunner(env={"NETGRAPH_LEDGER": str(ledger)}).invoke(
        main, ["report", str(EXPORT), *sources, "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_load_sample_gives_the_insiders_of_the_cli_report(sample, cli_json):
    assert [t["company"] for t in cli_json["targets"]] == list(sample.targets["company"])
    for target in cli_json["targets"]:
        mine = sample.insiders.loc[sample.insiders["company"] == target["company"], "name"]
        assert [p["name"] for p in target["insiders"]] == list(mine), target["company"]
    assert sum(len(t["insiders"]) for t in cli_json["targets"]) == len(sample.insiders) > 0


def test_load_sample_gives_the_paths_and_connectors_of_the_cli_report(sample, cli_json):
    for target in cli_json["targets"]:
        mine = sample.intro_paths.loc[sample.intro_paths["company"] == target["company"]]
        assert [(p["target"]["name"], p["connector"]["name"]) for p in target["intro_paths"]] == list(
            zip(mine["target_name"], mine["connector_name"])), target["company"]
    assert [c["name"] for c in cli_json["connectors"]] == list(sample.connectors["name"])


def test_render_json_of_the_sample_is_the_cli_report(sample, cli_json):
    assert json.loads(netgraph.render_json(sample)) == cli_json


def test_the_sample_tells_the_story_of_its_readme(sample):
    first = sample.insiders.groupby("company", sort=False).head(1).set_index("company")
    assert (first.loc["Datadog", "name"], first.loc["Datadog", "ask"]) == ("Dana Whitfield", "referral")
    stripe = sample.intro_paths.loc[sample.intro_paths["target_name"] == "Samir Haddad", "connector_name"]
    assert list(stripe) == ["Theo Lindqvist", "Ingrid Sørensen"]  # one person, two routes, warm first
    assert sample.connectors["name"].iloc[0] == "Theo Lindqvist"


# ---------------------------------------------------------------------------
# Maps in a notebook


def test_plot_map_returns_its_figure_and_leaves_pyplot_alone(sample):
    before = plt.get_fignums()
    fig, ax = netgraph.plot_map(sample.G)
    assert isinstance(fig, Figure) and isinstance(ax, Axes)
    assert ax.get_figure() is fig and fig.axes == [ax]
    assert plt.get_fignums() == before  # no pyplot figure: it cannot be shown twice or leak
    texts = {t.get_text() for t in ax.texts}
    assert {"Theo Lindqvist", "Dana Whitfield"} <= texts
    assert print_figure(fig, "png")[:8] == PNG  # what the inline backend does with `fig`


def test_plot_map_draws_into_given_axes(sample):
    mine = Figure(figsize=(8, 6))
    axes = mine.add_subplot()
    before = plt.get_fignums()
    fig, ax = netgraph.plot_map(sample.G, ax=axes, company="Stripe")
    assert fig is mine and ax is axes
    assert plt.get_fignums() == before
    assert any(t.get_text().startswith("Samir Haddad") for t in ax.texts)
    assert print_figure(fig, "png")[:8] == PNG


# ---------------------------------------------------------------------------
# Every documented column is there


def _columns(listing: str) -> list[str]:
    """``a, b ('x'|'y'), c (tuple of ids, best first)`` -> ``['a', 'b', 'c']``."""
    while re.search(r"\([^()]*\)", listing):
        listing = re.sub(r"\([^()]*\)", "", listing)
    return [name.strip() for name in listing.split(",")]


def _documented() -> dict[str, list[str]]:
    text = ARCHITECTURE.read_text(encoding="utf-8")
    plan = text[text.index("## `plan.Plan`"):]
    plan = plan[:plan.index("\n## ", 1)]
    rows = re.findall(r"^\| `(\w+)` \| (?:dict of counts: )?`([^`]*)`", plan, flags=re.M)
    fields = {name: listing for name, listing in rows if "," in listing}  # frames and counts, not `as_of`'s type
    targets = re.search(r"`read_targets\(paths\) -> DataFrame`: `([^`]*)`", text, flags=re.S)
    fields["targets"] = " ".join(targets.group(1).split())
    return {name: _columns(listing) for name, listing in fields.items()}


def test_the_documented_plan_fields_are_found():
    assert set(_documented()) == {"targets", "insiders", "intro_paths", "connectors", "near_misses", "summary"}
    assert _documented()["connectors"][-3:] == ["reaches", "ask_about", "reasons"]


@pytest.mark.parametrize("field", ["targets", "insiders", "intro_paths", "connectors", "near_misses"])
def test_every_documented_column_is_on_the_sample_plan(sample, field):
    frame = getattr(sample, field)
    assert len(frame) > 0
    missing = [c for c in _documented()[field] if c not in frame.columns]
    assert missing == [], f"plan.{field} lacks documented columns {missing}"


def test_every_documented_summary_count_is_on_the_sample_plan(sample):
    assert list(sample.summary) == _documented()["summary"]
    assert all(isinstance(v, int) for v in sample.summary.values())


def test_maps_show_themselves_in_jupyter_without_pyplot(plan):
    fig, _ = netgraph.plot_map(plan.G)
    assert fig._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_plan_prints_as_one_short_line(plan):
    assert repr(plan) == "<Plan for Alex Rivera as of 2026-11-20: 2 targets, 2 insiders, 3 intro paths, 2 connectors>"
