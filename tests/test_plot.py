"""The network map and the bar chart: what is drawn, that it reads, and the PNG written."""

from __future__ import annotations

import copy
import itertools
import os
import re
import struct

import networkx as nx
import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.legend import Legend

from netgraph.errors import NetgraphError, TargetsError
from netgraph.plot import draw_plan_map, map_png, plot_map, plot_target_bars, save_map
from netgraph.redact import redact_plan

# ---------------------------------------------------------------------------
# Helpers that read back what was drawn


def _nodes(ax, kind: str | None = None) -> np.ndarray:
    """Data coordinates of the drawn nodes (of one kind: you, connector, insider, target, company)."""
    wanted = f"nodes-{kind}" if kind else "nodes-"
    offsets = [c.get_offsets() for c in ax.collections if (c.get_gid() or "").startswith(wanted)]
    return np.vstack(offsets) if offsets else np.empty((0, 2))


def _texts(ax) -> list[str]:
    return [t.get_text() for t in ax.texts]


def _segments(ax, gid: str) -> list[np.ndarray]:
    return [seg for c in ax.collections if isinstance(c, LineCollection) and c.get_gid() == gid
            for seg in c.get_segments()]


def _legend_texts(ax) -> list[str]:
    legends = [a for a in ax.get_children() if isinstance(a, Legend)]
    return [t.get_text() for leg in legends for t in [*leg.get_texts(), leg.get_title()]]


def _png_size(path) -> tuple[int, int]:
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def _overlap(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _assert_labels_readable(fig, ax) -> None:
    """No two label texts overlap, and no label covers a drawn node."""
    fig.canvas.draw()
    boxes = [(t.get_text(), t.get_window_extent()) for t in ax.texts]
    for (s1, a), (s2, b) in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), f"labels {s1!r} and {s2!r} overlap"
    for c in ax.collections:
        if not (c.get_gid() or "").startswith("nodes-"):
            continue
        centres = ax.transData.transform(c.get_offsets())
        radii = np.sqrt(np.broadcast_to(c.get_sizes(), len(centres))) / 2 * fig.dpi / 72
        for (x, y), r in zip(centres, radii):
            for text, box in boxes:
                nx_, ny_ = min(max(x, box.x0), box.x1), min(max(y, box.y0), box.y1)
                assert np.hypot(nx_ - x, ny_ - y) >= r * 0.95, f"label {text!r} covers a node"


def _big_graph(*, targets=("Stripe", "Shopify", "Datadog"), connections=2_000, second=1_500, seed=3) -> nx.Graph:
    """A generated network in the architecture schema, larger than any map draws whole."""
    rng = np.random.default_rng(seed)
    G = nx.Graph(owner="me", as_of="2026-11-20", targets=list(targets))
    G.add_node("me", kind="you", name="Alex Rivera", url="https://www.linkedin.com/in/alex")
    for order, t in enumerate(targets):
        G.add_node(f"company:{t}", kind="company", name=t, priority=1, order=order)
    for i in range(connections):
        at = targets[i % len(targets)] if i % 50 == 0 else ""
        G.add_node(f"c{i}", kind="person", name=f"Connection {i}", url=f"https://www.linkedin.com/in/c{i}",
                   company=at or "Elsewhere", position="Engineer", degree=1, target=at,
                   **({"relevance": 0.5, "score": float(rng.random()), "ask": "conversation"} if at else {}))
        G.add_edge("me", f"c{i}", kind="tie", warmth=float(rng.random()))
        if at:
            G.add_edge(f"c{i}", f"company:{at}", kind="works_at")
    for j in range(second):
        t = targets[j % len(targets)]
        G.add_node(f"s{j}", kind="person", name=f"Second {j}", url="", company=t, position="Recruiter",
                   degree=2, target=t, relevance=float(rng.random()))
        G.add_edge(f"s{j}", f"company:{t}", kind="works_at")
        best = 0.0
        for c in rng.choice(np.arange(1, 40), 2, replace=False):
            score = float(rng.random())
            G.add_edge(f"c{c}", f"s{j}", kind="tie", strength=float(rng.random()), path_score=score)
            best = max(best, score)
        G.nodes[f"s{j}"]["best_score"] = best
    return G


# ---------------------------------------------------------------------------
# The map of every target


def test_map_draws_you_the_companies_and_every_route_of_a_small_plan(plan):
    fig, ax = plot_map(plan.G)
    assert isinstance(fig, Figure)
    assert len(_nodes(ax)) == 10  # you, 2 companies, 2 connectors, 2 insiders, 3 people at targets
    counts = {kind: len(_nodes(ax, kind)) for kind in ("you", "company", "connector", "insider", "target")}
    assert counts == {"you": 1, "company": 2, "connector": 2, "insider": 2, "target": 3}
    assert tuple(_nodes(ax, "you")[0]) == (0.0, 0.0)


def test_map_labels_people_and_companies_by_name(plan):
    _, ax = plot_map(plan.G)
    texts = _texts(ax)
    for name in ["Stripe", "Shopify", "Maya Chen", "Tom Okafor", "Sam Lee", "Inés García", "Dana Cohen",
                 "Li Wei", "Noor Haddad"]:
        assert name in texts
    assert "You\nAlex Rivera" in texts


@pytest.mark.parametrize("options", [{}, {"company": "Stripe"}, {"top": 1}])
def test_labels_never_overlap_each_other_or_cover_nodes(plan, options):
    fig, ax = plot_map(plan.G, **options)
    _assert_labels_readable(fig, ax)


def test_labels_stay_readable_on_a_large_network():
    fig, ax = plot_map(_big_graph())
    _assert_labels_readable(fig, ax)
    assert "left out for space" not in ax.get_title(loc="left")


def test_best_way_into_each_company_is_highlighted(plan):
    _, ax = plot_map(plan.G)
    halo = _segments(ax, "best-routes")
    # Stripe: Maya Chen, an insider (0.88), beats every path; Shopify: Li Wei via Sam Lee (0.357)
    # beats Tom Okafor (0.25), so you–Sam and Sam–Li Wei.
    assert len(halo) == 3
    drawn = {tuple(np.round(p, 6)) for p in _nodes(ax)}
    assert {tuple(np.round(p, 6)) for seg in halo for p in seg} <= drawn
    assert "Best way in" in _legend_texts(ax)


def test_edges_are_wider_and_darker_the_warmer_the_tie():
    G = nx.Graph(owner="me", as_of="2026-11-20", targets=["Acme"])
    G.add_node("me", kind="you", name="Me")
    G.add_node("company:Acme", kind="company", name="Acme", order=0)
    for pid, warmth in [("warm", 0.9), ("cold", 0.1)]:
        G.add_node(pid, kind="person", name=pid.title(), company="Acme", position="", degree=1, target="Acme",
                   relevance=0.5, score=warmth)
        G.add_edge("me", pid, kind="tie", warmth=warmth)
        G.add_edge(pid, "company:Acme", kind="works_at")
    _, ax = plot_map(G)
    (ties,) = [c for c in ax.collections if c.get_gid() == "edges-you"]
    widths, alphas = ties.get_linewidths(), ties.get_colors()[:, 3]
    ends = [tuple(seg[1]) for seg in ties.get_segments()]
    insiders = {tuple(p) for p in _nodes(ax, "insider")}
    assert set(ends) == insiders
    assert max(widths) > 2 * min(widths) and max(alphas) > min(alphas)


def test_legend_explains_companies_kinds_and_ties(plan):
    _, ax = plot_map(plan.G)
    legend = " | ".join(_legend_texts(ax))
    for words in ["Stripe: 1 insider, 2 paths", "Shopify: 1 insider, 1 path", "You", "Connector", "Insider",
                  "Person at a target", "Target company", "Warm tie", "Cold tie", "Best way in"]:
        assert words in legend


def test_legends_do_not_cover_nodes(plan):
    fig, ax = plot_map(_big_graph())
    fig.canvas.draw()
    legends = [a.get_window_extent() for a in ax.get_children() if isinstance(a, Legend)]
    points = ax.transData.transform(_nodes(ax))
    for box in legends:
        assert not any(box.x0 - 15 < x < box.x1 + 15 and box.y0 - 15 < y < box.y1 + 15 for x, y in points)


def test_title_names_the_as_of_date_and_the_counts(plan):
    _, ax = plot_map(plan.G)
    title = ax.get_title(loc="left")
    assert "as of 2026-11-20" in title
    assert "4 connections · 2 insiders · 3 intro paths" in title
    _, ax = plot_map(plan.G, title="For my coach")
    assert ax.get_title(loc="left").startswith("For my coach\nas of 2026-11-20")


def test_more_label_when_top_is_smaller_than_the_routes(plan):
    _, ax = plot_map(plan.G, top=1)
    assert "+1 more at Stripe" in _texts(ax)
    assert not any(t.startswith("+") for t in _texts(plot_map(plan.G)[1]))


def test_a_large_network_draws_only_the_best_routes_per_company():
    G = _big_graph()
    _, ax = plot_map(G, top=3)
    people = len(_nodes(ax, "insider")) + len(_nodes(ax, "target"))
    assert people <= 3 * (3 + 3)
    assert len(_nodes(ax)) < 40
    at_stripe = len(G["company:Stripe"])
    (more,) = [t for t in _texts(ax) if t.endswith(" more at Stripe")]
    assert at_stripe - 6 <= int(more[1:].split()[0].replace(",", "")) <= at_stripe - 4


def test_company_map_draws_the_best_paths_by_score():
    G = _big_graph()
    _, ax = plot_map(G, company="Stripe", top=4)
    scores = sorted((d["path_score"] for u, v, d in G.edges(data=True)
                     if "path_score" in d and "Stripe" in (G.nodes[u]["target"], G.nodes[v]["target"])), reverse=True)
    drawn = sorted((t for t in _texts(ax) if re.fullmatch(r"\d\.\d\d", t)), reverse=True)
    assert drawn == [f"{s:.2f}" for s in scores[:4]]
    assert len(_nodes(ax, "insider")) == 4


def test_the_map_never_draws_urls(plan):
    G = copy.deepcopy(plan.G)
    G.nodes["in:sam-lee"]["name"] = "https://www.linkedin.com/in/sam-lee"
    G.nodes["in:dana-cohen"]["position"] = "Engineer www.example.com/dana"
    for options in ({}, {"company": "Stripe"}):
        _, ax = plot_map(G, **options)
        drawn = " ".join(_texts(ax) + _legend_texts(ax) + [ax.get_title(loc="left")])
        assert "linkedin.com" not in drawn and "http" not in drawn and "www." not in drawn
        assert "(no name)" in _texts(ax)


def test_hostile_names_draw_as_plain_text_without_warnings(hostile_plan):
    fig, ax = plot_map(hostile_plan.G, company="Stripe")
    fig.canvas.draw()  # warnings are errors: no missing-glyph or mathtext complaints
    texts = _texts(ax)
    assert "=Dana Cohen" in texts and "نور حداد" in texts
    assert any(t.startswith("<script>alert(1)</script>") for t in texts)
    _, ax = plot_map(hostile_plan.G)
    ax.get_figure().canvas.draw()
    assert "李伟" in _texts(ax)


def test_dollar_signs_are_drawn_not_parsed_as_math(plan):
    G = copy.deepcopy(plan.G)
    G.nodes["in:sam-lee"]["name"] = "Sam $ Lee $"
    fig, ax = plot_map(G)
    fig.canvas.draw()
    assert "Sam $ Lee $" in _texts(ax)


def test_the_graph_is_not_changed(plan):
    before = copy.deepcopy(plan.G)
    plot_map(plan.G)
    plot_map(plan.G, company="Shopify")
    assert nx.utils.graphs_equal(before, plan.G)
    assert dict(before.nodes(data=True)) == dict(plan.G.nodes(data=True))


# ---------------------------------------------------------------------------
# The map of one company


def test_company_map_shows_every_route_with_roles_and_scores(plan):
    _, ax = plot_map(plan.G, company="Stripe")
    texts = _texts(ax)
    assert len(_nodes(ax)) == 7  # you, Stripe, Maya, Sam, Inés, Dana, Noor
    for words in ["Maya Chen", "Engineering Manager · ask: referral · score 0.88", "Sam Lee",
                  "Staff Engineer · Datadog", "Inés García", "Product Manager · Acme Labs",
                  "Dana Cohen", "Software Engineer", "Noor Haddad", "Technical Recruiter"]:
        assert words in texts
    assert "0.50" in texts and "0.08" in texts  # path scores on the connector–target edges
    assert "Tom Okafor" not in texts and "Li Wei" not in texts
    assert "Score of an intro path (0 to 1)" in _legend_texts(ax)


def test_path_scores_sit_on_their_edges(plan):
    fig, ax = plot_map(plan.G, company="Stripe")
    fig.canvas.draw()
    segments = [ax.transData.transform(seg) for seg in _segments(ax, "edges-paths")]
    for text in (t for t in ax.texts if t.get_text() in ("0.50", "0.08")):
        x, y = text.get_window_extent().get_points().mean(axis=0)
        assert min(_point_to_segment(x, y, s) for s in segments) < 3


def _point_to_segment(x, y, seg) -> float:
    (x0, y0), (x1, y1) = seg
    t = np.clip(((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / max((x1 - x0) ** 2 + (y1 - y0) ** 2, 1e-9), 0, 1)
    return float(np.hypot(x - (x0 + t * (x1 - x0)), y - (y0 + t * (y1 - y0))))


@pytest.mark.parametrize("name", ["stripe", " STRIPE ", "Stripe"])
def test_company_is_matched_ignoring_case_and_spacing(plan, name):
    _, ax = plot_map(plan.G, company=name)
    assert ax.get_title(loc="left").startswith("Your ways into Stripe\n")


def test_unknown_company_names_the_closest_targets(plan):
    with pytest.raises(TargetsError, match=r"'Strpe' is not one of your targets \(Stripe, Shopify\); "
                                           r"did you mean 'Stripe'\?"):
        plot_map(plan.G, company="Strpe")


def test_company_without_routes_says_so():
    G = nx.Graph(owner="me", as_of="2026-11-20", targets=["Acme"])
    G.add_node("me", kind="you", name="Me")
    G.add_node("company:Acme", kind="company", name="Acme", order=0)
    for options in ({}, {"company": "Acme"}):
        fig, ax = plot_map(G, **options)
        assert "no insiders or intro paths found" in _texts(ax)
        fig.canvas.draw()


# ---------------------------------------------------------------------------
# Figures, determinism, saving


def test_plot_map_draws_into_given_axes_and_leaves_pyplot_alone(plan):
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig = Figure(figsize=(8, 6))
    ax = fig.add_subplot()
    out_fig, out_ax = plot_map(plan.G, ax=ax)
    assert out_fig is fig and out_ax is ax
    plot_map(plan.G)
    assert plt.get_fignums() == before


def test_the_same_input_gives_the_same_picture(plan, tmp_path):
    for options in ({}, {"company": "Stripe"}):
        save_map(plot_map(plan.G, **options)[0], tmp_path / "a.png")
        save_map(plot_map(copy.deepcopy(plan.G), **options)[0], tmp_path / "b.png")
        assert (tmp_path / "a.png").read_bytes() == (tmp_path / "b.png").read_bytes()


def test_save_map_writes_a_png_of_at_least_1600_by_1200(plan, tmp_path):
    path = tmp_path / "map.png"
    save_map(plot_map(plan.G)[0], path)
    assert _png_size(path) == (1600, 1200)
    save_map(plot_map(plan.G)[0], path, dpi=150)
    assert _png_size(path) == (2400, 1800)
    assert os.listdir(tmp_path) == ["map.png"]


def test_save_map_writes_whole_or_not_at_all(plan, tmp_path, monkeypatch):
    path = tmp_path / "map.png"
    path.write_bytes(b"the old map")
    fig, _ = plot_map(plan.G)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fig, "savefig", broken)
    with pytest.raises(NetgraphError, match="cannot write the map to .*No space left on device"):
        save_map(fig, path)
    assert path.read_bytes() == b"the old map"
    assert os.listdir(tmp_path) == ["map.png"]


def test_save_map_into_a_missing_folder_is_a_clear_error(plan, tmp_path):
    with pytest.raises(NetgraphError, match="check that the folder exists"):
        save_map(plot_map(plan.G)[0], tmp_path / "no" / "map.png")


@pytest.mark.parametrize("dpi", [0, -100, None])
def test_dpi_must_be_positive(plan, tmp_path, dpi):
    with pytest.raises(ValueError, match="dpi must be a positive number"):
        save_map(plot_map(plan.G)[0], tmp_path / "map.png", dpi=dpi)
    assert os.listdir(tmp_path) == []


def test_map_png_returns_the_bytes_save_map_writes(plan, tmp_path):
    save_map(plot_map(plan.G, company="Stripe")[0], tmp_path / "map.png")
    assert map_png(plan.G, company="Stripe") == (tmp_path / "map.png").read_bytes()


def test_a_network_without_targets_draws_you_and_says_so():
    G = nx.Graph(owner="me", as_of="2026-11-20", targets=[])
    G.add_node("me", kind="you", name="Alex Rivera")
    fig, ax = plot_map(G)
    assert "no target companies in this network" in _texts(ax)
    assert map_png(G)[:8] == b"\x89PNG\r\n\x1a\n"


def test_draw_plan_map_writes_the_map_of_a_plan(plan, tmp_path):
    draw_plan_map(plan, tmp_path / "map.png", company="stripe", top=3, dpi=100, inputs=[tmp_path / "export.zip"])
    assert (tmp_path / "map.png").read_bytes() == map_png(plan.G, company="Stripe", top=3)


def test_draw_plan_map_redacts_names(plan, tmp_path):
    draw_plan_map(plan, tmp_path / "map.png", redact=True)
    assert (tmp_path / "map.png").read_bytes() == map_png(redact_plan(plan).G)
    assert (tmp_path / "map.png").read_bytes() != map_png(plan.G)
    _, ax = plot_map(redact_plan(plan).G)
    drawn = " ".join(_texts(ax))
    assert "Maya Chen" not in drawn and "Sam Lee" not in drawn and "Person" in drawn


def test_draw_plan_map_never_writes_over_an_input(plan, tmp_path):
    export = tmp_path / "Connections.csv"
    export.write_text("First Name,Last Name\n")
    with pytest.raises(NetgraphError, match="is one of your input files"):
        draw_plan_map(plan, tmp_path / "." / "Connections.csv", inputs=[export])
    assert export.read_text() == "First Name,Last Name\n"


@pytest.mark.parametrize("top", [0, -1, 2.5, True, "5"])
def test_top_must_be_a_positive_whole_number(plan, top):
    with pytest.raises(ValueError, match="top must be a positive whole number"):
        plot_map(plan.G, top=top)


def test_top_none_draws_every_route(plan):
    _, ax = plot_map(plan.G, top=None)
    assert len(_nodes(ax)) == 10
    assert "every route shown" in ax.get_title(loc="left")


def test_a_graph_without_owner_is_a_clear_error():
    with pytest.raises(NetgraphError, match="no owner node"):
        plot_map(nx.Graph())


# ---------------------------------------------------------------------------
# The bar chart


@pytest.mark.parametrize("source", ["plan", "G"])
def test_target_bars_compare_insiders_with_people_reachable(plan, source):
    fig, ax = plot_target_bars(plan if source == "plan" else plan.G)
    widths = [round(bar.get_width()) for bar in ax.patches]
    assert widths == [1, 1, 2, 1]  # insiders: Stripe, Shopify; reachable: Stripe, Shopify
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Stripe", "Shopify"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["insiders (you know them)",
                                                                    "reachable through a connection"]
    fig.canvas.draw()


def test_target_bars_draw_into_given_axes(plan):
    fig = Figure()
    ax = fig.add_subplot()
    assert plot_target_bars(plan, ax=ax) == (fig, ax)
