"""redact_plan: pseudonyms for every person, no URLs or e-mails, the input untouched."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pandas as pd
import pytest

import netgraph.redact
from netgraph.redact import redact_plan

PSEUDONYM = re.compile(r"Person [0-9A-F]{4,}")


def _frames(plan):
    return {f: getattr(plan, f) for f in ("targets", "insiders", "intro_paths", "connectors", "near_misses")}


def test_names_become_pseudonyms_and_the_owner_you(plan):
    r = redact_plan(plan)
    assert r.owner.name == "You" and r.owner.url == ""
    names = [*r.insiders["name"], *r.intro_paths["target_name"], *r.intro_paths["connector_name"],
             *r.connectors["name"]]
    assert all(PSEUDONYM.fullmatch(n) for n in names), names
    assert r.G.nodes[r.G.graph["owner"]]["name"] == "You"
    people = [d["name"] for _, d in r.G.nodes(data=True) if d["kind"] == "person"]
    assert len(people) == 7 and all(PSEUDONYM.fullmatch(n) for n in people)


def test_one_person_has_one_pseudonym_everywhere(plan):
    r = redact_plan(plan)
    sam_in_paths = set(r.intro_paths.loc[r.intro_paths["connector_id"] == r.connectors.loc[0, "person_id"],
                                         "connector_name"])
    assert sam_in_paths == {r.connectors.loc[0, "name"]}
    assert r.G.nodes[r.connectors.loc[0, "person_id"]]["name"] == r.connectors.loc[0, "name"]
    assert len(set(r.insiders["name"]) | set(r.intro_paths["target_name"]) | set(r.connectors["name"])) == 7


def test_urls_emails_and_slugs_are_dropped(plan):
    with_email = dataclasses.replace(plan, insiders=plan.insiders.assign(email=["maya@example.com", ""]))
    r = redact_plan(with_email)
    for frame in (r.insiders, r.intro_paths, r.connectors):
        for column in frame.columns:
            if column.endswith(("url", "email")):
                assert set(frame[column]) <= {""}, column
    assert all(d.get("url", "") == "" for _, d in r.G.nodes(data=True))
    ids = [*r.insiders["person_id"], *r.intro_paths["target_id"], *r.connectors["person_id"],
           *[pid for reaches in r.connectors["reaches"] for pid in reaches], *r.G.nodes]
    assert not any("maya" in str(pid) or "sam-lee" in str(pid) for pid in ids)
    assert set(r.connectors.loc[0, "reaches"]) <= set(r.G.nodes)


def test_reasons_and_notes_use_pseudonyms(plan):
    noted = dataclasses.replace(plan, notes=("Sam's export is a bare Connections.csv", "47 hidden members"))
    r = redact_plan(noted)
    sam = r.connectors.loc[0, "name"]
    dana = r.intro_paths.loc[0, "target_name"]
    assert r.intro_paths.loc[0, "reasons"] == (f"you and {sam} are close", f"{sam} knows {dana}")
    assert r.notes == (f"{sam}'s export is a bare Connections.csv", "47 hidden members")
    edge = r.G.edges[r.connectors.loc[0, "person_id"], r.intro_paths.loc[0, "target_id"]]
    assert edge["reasons"] == (f"you and {sam} are close", f"{sam} knows {dana}")


def test_names_are_found_whatever_their_case_or_accents(plan):
    reasons = ("INÉS GARCÍA introduced you", "you met Ines Garcia in 2019", "García wrote to you")
    changed = dataclasses.replace(plan, connectors=plan.connectors.assign(reasons=[(), reasons]))
    r = redact_plan(changed)
    ines = r.connectors.loc[1, "name"]
    assert r.connectors.loc[1, "reasons"] == (f"{ines} introduced you", f"you met {ines} in 2019",
                                              f"{ines} wrote to you")


def test_a_shared_first_name_becomes_someone_and_months_stay(plan):
    changed = dataclasses.replace(plan, insiders=plan.insiders.assign(
        name=["May Chen", "Sam Okafor"],
        reasons=[("connected in May 2024", "Sam helped you"), ("Okafor endorsed you",)]))
    r = redact_plan(changed)
    assert r.insiders.loc[0, "reasons"] == ("connected in May 2024", "someone helped you")
    assert r.insiders.loc[1, "reasons"] == (f"{r.insiders.loc[1, 'name']} endorsed you",)


def test_companies_positions_and_scores_stay(plan):
    r = redact_plan(plan)
    pd.testing.assert_frame_equal(r.targets, plan.targets)
    pd.testing.assert_frame_equal(r.near_misses, plan.near_misses)
    for column in ("company", "employer", "position", "score", "ask", "warmth"):
        assert list(r.insiders[column]) == list(plan.insiders[column])
    assert list(r.intro_paths["target_position"]) == list(plan.intro_paths["target_position"])
    assert r.summary == plan.summary and r.as_of == plan.as_of


def test_same_plan_same_pseudonyms(plan):
    first, second = redact_plan(plan), redact_plan(plan)
    for field, frame in _frames(first).items():
        pd.testing.assert_frame_equal(frame, getattr(second, field))
    assert dict(first.G.nodes(data="name")) == dict(second.G.nodes(data="name"))


def test_the_input_plan_is_unchanged(plan):
    before = {f: frame.copy(deep=True) for f, frame in _frames(plan).items()}
    nodes = {n: dict(d) for n, d in plan.G.nodes(data=True)}
    edges = {(u, v): dict(d) for u, v, d in plan.G.edges(data=True)}
    r = redact_plan(plan)
    r.G.graph["touched"] = True
    for field, frame in before.items():
        pd.testing.assert_frame_equal(getattr(plan, field), frame)
    assert {n: dict(d) for n, d in plan.G.nodes(data=True)} == nodes
    assert {(u, v): dict(d) for u, v, d in plan.G.edges(data=True)} == edges
    assert "touched" not in plan.G.graph
    assert plan.owner.name == "Alex Rivera"


def test_shared_export_sources_are_redacted(plan):
    plan.G.graph["sources"] = [{"kind": "network", "path": "/home/alex/Sam Lee export.zip", "owner": "Sam Lee"},
                               {"kind": "network", "path": "x.zip",
                                "owner": "https://www.linkedin.com/in/ines-garcia/"}]
    r = redact_plan(plan)
    sam, ines = r.connectors.loc[0, "name"], r.connectors.loc[1, "name"]
    assert r.G.graph["sources"] == [{"kind": "network", "path": "source 1", "owner": sam},
                                    {"kind": "network", "path": "source 2", "owner": ines}]


def test_pseudonyms_stay_unique_in_a_large_network():
    ids = {f"in:person-{i}": [f"Name{i} Surname{i}"] for i in range(5000)}
    pseudonyms = netgraph.redact._pseudonyms(ids, owner_id="in:owner")
    values = [v for k, v in pseudonyms.items() if k != "in:owner"]
    assert len(set(values)) == len(values) == 5000
    assert all(PSEUDONYM.fullmatch(v) for v in values)


@pytest.mark.parametrize("module", ["netgraph.redact"])
def test_redact_imports_only_modules_to_its_left(module):
    source = Path(netgraph.redact.__file__).read_text(encoding="utf-8")
    imported = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    ours = {name for name in imported if name.startswith("netgraph")}
    assert ours <= {"netgraph.plan", "netgraph.blurb", "netgraph.io", "netgraph.io.export", "netgraph.errors"}, ours


def test_notes_hide_quoted_values_and_file_paths(plan):
    noted = dataclasses.replace(plan, notes=(
        "contacts file line 4: 'Jo Park' is not among your connections (note ignored)",
        "/home/alex/exports/jo-park.zip's export is a bare connections list",
        "12 rows of your export were skipped (run `netgraph inspect` for the list)",
    ))
    plan.G.graph["notes"] = list(noted.notes)
    r = redact_plan(noted)
    assert r.notes == (
        "contacts file line 4: '…' is not among your connections (note ignored)",
        "[file]'s export is a bare connections list",
        "12 rows of your export were skipped (run `netgraph inspect` for the list)",
    )
    assert r.G.graph["notes"] == list(r.notes)


def test_graph_attributes_with_reasons_or_private_notes_are_redacted(plan):
    plan.G.nodes["in:dana-cohen"].update(relevance_reasons=("Dana Cohen is a Software Engineer",),
                                         notes="met Dana at a wedding", email="dana@example.com")
    r = redact_plan(plan)
    dana_id = r.intro_paths.loc[0, "target_id"]
    dana = r.G.nodes[dana_id]
    assert dana["relevance_reasons"] == (f"{dana['name']} is a Software Engineer",)
    assert dana["notes"] == "" and dana["email"] == ""


# -- redaction by construction: every text, every name the plan knows, every e-mail and link --


def _every_text(r) -> str:
    """Every string in a redacted plan: frame cells, graph attributes, notes."""
    texts: list[str] = []

    def walk(value):
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    for frame in _frames(r).values():
        for column in frame.columns:
            for value in frame[column]:
                walk(value)
    for _, data in r.G.nodes(data=True):
        walk(data)
    for _, _, data in r.G.edges(data=True):
        walk(data)
    walk(dict(r.G.graph))
    walk(r.notes)
    return "\n".join(texts)


def test_names_emails_and_links_inside_positions_companies_and_reasons_are_masked(plan):
    positions = ["EA to Sam Lee", "Manager of Inés García (ines@acme.example), see https://www.linkedin.com/in/ines"]
    changed = dataclasses.replace(plan, insiders=plan.insiders.assign(
        position=positions, employer=["Alex Rivera Consulting", "Acme"],
        reasons=[("wrote to maya.chen+jobs@stripe.example", "her page www.mayachen.example/about"),
                 ("works with Tom on linkedin.com/in/tom-okafor",)]))
    changed.G.nodes["in:dana-cohen"]["position"] = "Chief of Staff to ALEX RIVERA, alex@rivera.example"
    r = redact_plan(changed)
    sam, ines = r.connectors.loc[0, "name"], r.connectors.loc[1, "name"]
    assert list(r.insiders["position"]) == [f"EA to {sam}", f"Manager of {ines} ([e-mail]), see [link]"]
    assert list(r.insiders["employer"]) == ["You Consulting", "Acme"]
    assert r.insiders.loc[0, "reasons"] == ("wrote to [e-mail]", "her page [link]")
    tom = r.insiders.loc[1, "name"]
    assert r.insiders.loc[1, "reasons"] == (f"works with {tom} on [link]",)
    dana = r.intro_paths.loc[0, "target_id"]
    assert r.G.nodes[dana]["position"] == "Chief of Staff to You, [e-mail]"
    everything = _every_text(r)
    for secret in ("Sam", "Lee", "Inés", "García", "Ines", "Alex", "Rivera", "Maya", "Chen", "Okafor", "@",
                   "linkedin", "http", "www.", "rivera.example"):
        assert secret not in everything, secret


def test_company_and_position_words_that_are_targets_or_not_names_stay(plan):
    r = redact_plan(plan)
    assert list(r.targets["company"]) == ["Stripe", "Shopify"]
    assert list(r.insiders["employer"]) == ["Stripe, Inc.", "Shopify"]
    assert list(r.intro_paths["target_position"]) == ["Software Engineer", "Technical Recruiter", "Backend Engineer"]
    assert sorted(r.G.graph["targets"]) == ["Shopify", "Stripe"]


def test_a_contacts_row_for_a_stranger_with_an_apostrophe_does_not_leak_from_the_notes(plan):
    noted = dataclasses.replace(plan, notes=(
        "contacts file line 7: 'Seán O'Brien' is not among your connections (note ignored)",
        "contacts file line 8: 'D'Arcy N'Dour' is not among your connections (note ignored)",
    ))
    r = redact_plan(noted)
    assert r.notes == ("contacts file line 7: '…' is not among your connections (note ignored)",
                       "contacts file line 8: '…' is not among your connections (note ignored)")


def test_the_map_of_a_redacted_plan_draws_no_name_position_e_mail_or_link(plan):
    import matplotlib

    matplotlib.use("Agg")
    from netgraph.plot import plot_map

    plan.G.nodes["in:dana-cohen"]["position"] = "EA to Alex Rivera hana@k.example"
    plan.G.nodes["in:maya-chen"]["position"] = "see https://x.example/in/sam-lee"
    plan.G.nodes["in:sam-lee"]["company"] = "Maya Chen Ventures"
    r = redact_plan(plan)
    for company in (None, "Stripe"):
        fig, ax = plot_map(r.G, company=company, top=None)
        drawn = " ".join([t.get_text() for t in ax.texts] + [ax.get_title(loc="left")])
        for secret in ("Alex", "Rivera", "Maya", "Chen", "Sam", "Dana", "hana", "@", "x.example", "https"):
            assert secret not in drawn, (company, secret)
        assert "Person" in drawn


def test_ids_and_evidence_records_anywhere_are_redacted(plan):
    from netgraph.evidence import Evidence

    tie = (Evidence("messages", who="Sam", count=3), Evidence("shared_history", who="you", place="Alex Rivera LLC"))
    changed = dataclasses.replace(plan, connectors=plan.connectors.assign(
        ask_about=[("in:dana-cohen", "in:li-wei"), ("in:noor-haddad",)], evidence=[tie, ()]))
    r = redact_plan(changed)
    assert r.connectors.loc[0, "ask_about"] == r.connectors.loc[0, "reaches"]
    first, second = r.connectors.loc[0, "evidence"]
    assert first.who == r.connectors.loc[0, "name"] and first.count == 3
    assert (second.who, second.place) == ("you", "You LLC")
    assert "dana" not in _every_text(r) and "Sam" not in _every_text(r)
