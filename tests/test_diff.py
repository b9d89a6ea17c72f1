"""What changed between two exports: scenarios built in code."""

from __future__ import annotations

import pandas as pd
import pytest

from netgraph.diff import CHANGES, diff_exports, render_diff
from netgraph.io.export import Export, Owner

COLUMNS = ["person_id", "name", "url", "email", "company", "position", "connected_on"]
DIFF_COLUMNS = ["change", "person_id", "name", "old_company", "new_company",
                "old_position", "new_position", "target"]


def _export(*people: dict) -> Export:
    """An export whose connections are ``people``; ids and URLs from the slug when not given."""
    rows = []
    for person in people:
        slug = person.get("slug", person["name"].lower().replace(" ", "-"))
        url = person.get("url", f"https://www.linkedin.com/in/{slug}")
        rows.append({
            "person_id": person.get("person_id", f"in:{slug}" if url else f"name:{person['name'].lower()}"),
            "name": person["name"], "url": url, "email": person.get("email", ""),
            "company": person.get("company", ""), "position": person.get("position", ""),
            "connected_on": pd.Timestamp(person.get("connected_on", "2019-05-01")),
        })
    connections = pd.DataFrame(rows, columns=COLUMNS)
    empty = pd.DataFrame()
    return Export(source="test", owner=Owner("Alex Rivera", "", "in:alex-rivera"),
                  connections=connections, hidden=0, messages=empty, invitations=empty,
                  endorsements=empty, recommendations=empty, positions=empty,
                  education=empty, files=empty, skipped=empty)


@pytest.fixture
def matches() -> pd.DataFrame:
    """What the company matcher says for every company string in these tests."""
    table = {
        "Stripe": "Stripe", "Stripe, Inc.": "Stripe", "Stripe Payments Europe": "Stripe",
        "Shopify": "Shopify", "Datadog": "Datadog",
        "Acme": "", "Acme Labs": "", "Globex": "", "Initech": "", "": "",
    }
    return pd.DataFrame({"target": list(table.values())}, index=list(table.keys()))


def _rows(diff: pd.DataFrame) -> list[tuple[str, str, str]]:
    return list(zip(diff["change"], diff["name"], diff["target"]))


def test_a_move_into_a_target_company_is_the_news(matches):
    old = _export({"name": "Maya Chen", "company": "Acme", "position": "Senior Engineer"},
                  {"name": "Sam Lee", "company": "Globex", "position": "Staff Engineer"})
    new = _export({"name": "Maya Chen", "company": "Stripe", "position": "Engineering Manager"},
                  {"name": "Sam Lee", "company": "Globex", "position": "Staff Engineer"})
    diff = diff_exports(old, new, matches=matches)
    assert list(diff.columns) == DIFF_COLUMNS
    assert diff.to_dict("records") == [{
        "change": "joined target", "person_id": "in:maya-chen", "name": "Maya Chen",
        "old_company": "Acme", "new_company": "Stripe",
        "old_position": "Senior Engineer", "new_position": "Engineering Manager",
        "target": "Stripe"}]
    assert render_diff(diff) == (
        "1 change: 1 joined a target\n"
        "\n"
        "Maya Chen moved to Stripe (a target): Engineering Manager, was at Acme\n")


def test_without_matches_the_same_move_is_a_plain_company_change():
    old = _export({"name": "Maya Chen", "company": "Acme", "position": "Senior Engineer"})
    new = _export({"name": "Maya Chen", "company": "Stripe", "position": "Engineering Manager"})
    assert _rows(diff_exports(old, new)) == [("changed company", "Maya Chen", "")]


def test_new_and_removed_connections(matches):
    old = _export({"name": "Tom Okafor", "company": "Initech", "position": "Recruiter"},
                  {"name": "Noor Haddad", "company": "Stripe", "position": "Technical Recruiter"},
                  {"name": "Kept Same", "company": "Acme"})
    new = _export({"name": "Kept Same", "company": "Acme"},
                  {"name": "Li Wei", "company": "Shopify", "position": "Backend Engineer"},
                  {"name": "Ana Silva", "company": "Acme Labs", "position": "Designer"})
    diff = diff_exports(old, new, matches=matches)
    assert _rows(diff) == [
        ("new connection", "Li Wei", "Shopify"),      # news: someone at a target
        ("new connection", "Ana Silva", ""),
        ("removed", "Noor Haddad", "Stripe"),
        ("removed", "Tom Okafor", ""),
    ]
    assert diff.loc[0, "new_company"] == "Shopify" and diff.loc[0, "old_company"] == ""
    assert diff.loc[3, "old_position"] == "Recruiter" and diff.loc[3, "new_position"] == ""
    assert render_diff(diff).splitlines() == [
        "4 changes: 2 new connections (1 at a target), 2 removed",
        "",
        "New connection: Li Wei, Backend Engineer at Shopify (a target)",
        "New connection: Ana Silva, Designer at Acme Labs",
        "No longer connected: Noor Haddad (Technical Recruiter at Stripe (a target))",
        "No longer connected: Tom Okafor (Recruiter at Initech)",
    ]


def test_a_position_change_at_the_same_company(matches):
    old = _export({"name": "Tom Okafor", "company": "Shopify", "position": "Recruiter"},
                  {"name": "Ana Silva", "company": "Acme", "position": "Designer"},
                  {"name": "Maya Chen", "company": "Stripe", "position": "Engineer"})
    new = _export({"name": "Tom Okafor", "company": "Shopify", "position": "Senior Recruiter"},
                  {"name": "Ana Silva", "company": "ACME", "position": "Lead  designer"},
                  # The company string changed but it is the same target: not a move.
                  {"name": "Maya Chen", "company": "Stripe, Inc.", "position": "Engineer"})
    diff = diff_exports(old, new, matches=matches)
    assert _rows(diff) == [("changed position", "Ana Silva", ""),
                           ("changed position", "Tom Okafor", "Shopify")]
    assert render_diff(diff).splitlines()[2:] == [
        "Ana Silva is now Lead  designer at ACME, was Designer",
        "Tom Okafor is now Senior Recruiter at Shopify (a target), was Recruiter",
    ]


@pytest.mark.parametrize("old_company, new_company", [
    ("Acme", "Acme, Inc."), ("Acme", "ACME"), ("Initech LLC", "initech"),
    ("SAP", "SAP SE"), ("Siemens", "Siemens AG"), ("Société Générale", "Societe Generale S.A."),
    ("Acme", "Acme Pvt. Ltd."), ("Acme GmbH", "Acme GmbH & Co. KG"), ("Stripe", "stripe.com"),
])
def test_the_same_company_written_differently_is_no_change(old_company, new_company):
    old = _export({"name": "Ana Silva", "company": old_company, "position": "Designer"})
    new = _export({"name": "Ana Silva", "company": new_company, "position": "designer"})
    assert diff_exports(old, new).empty


def test_a_legal_form_change_is_not_reported_as_a_move():
    old = _export({"name": "Ana Silva", "company": "SAP", "position": "Designer"})
    new = _export({"name": "Ana Silva", "company": "SAP SE", "position": "Designer"})
    diff = diff_exports(old, new)
    assert diff.empty
    assert render_diff(diff) == "No changes between the two exports.\n"


def test_a_target_written_with_its_legal_form_is_called_a_target():
    matches = pd.DataFrame({"target": ["SAP", ""]}, index=["SAP SE", "Acme"])
    old = _export({"name": "Ana Silva", "company": "Acme", "position": "Designer"})
    new = _export({"name": "Ana Silva", "company": "SAP SE", "position": "Designer"})
    assert render_diff(diff_exports(old, new, matches=matches)).splitlines()[-1] == (
        "Ana Silva moved to SAP SE (a target): Designer, was at Acme")


@pytest.mark.parametrize("old_company, new_company", [
    ("Software AG", "Software Company"), ("Acme", "Acme Labs"), ("Stripe", "Stripe Partners"),
])
def test_a_different_company_is_a_move(old_company, new_company):
    old = _export({"name": "Ana Silva", "company": old_company, "position": "Designer"})
    new = _export({"name": "Ana Silva", "company": new_company, "position": "Designer"})
    assert _rows(diff_exports(old, new)) == [("changed company", "Ana Silva", "")]


def test_an_old_export_without_urls_is_matched_by_name(matches):
    # A 2020 export had no profile URLs: its ids are name-and-company ids.
    old = _export({"name": "Maya Chen", "url": "", "person_id": "name:maya chen|acme",
                   "company": "Acme", "position": "Senior Engineer"},
                  {"name": "Inés García", "url": "", "person_id": "name:ines garcia|globex",
                   "company": "Globex", "position": "PM"},
                  {"name": "Gone Person", "url": "", "company": "Initech"})
    new = _export({"name": "Maya Chen", "company": "Stripe", "position": "Engineering Manager"},
                  {"name": "Ines  Garcia", "slug": "ines-garcia", "company": "Globex", "position": "PM"},
                  {"name": "Li Wei", "company": "Shopify", "position": "Backend Engineer"})
    diff = diff_exports(old, new, matches=matches)
    assert _rows(diff) == [("joined target", "Maya Chen", "Stripe"),
                           ("new connection", "Li Wei", "Shopify"),
                           ("removed", "Gone Person", "")]
    assert diff.loc[0, "person_id"] == "in:maya-chen"  # the newer export's id
    assert diff.loc[0, "old_company"] == "Acme"


def test_a_shared_name_is_no_evidence_when_both_sides_have_urls():
    old = _export({"name": "John Smith", "slug": "john-smith-1", "company": "Acme"})
    new = _export({"name": "John Smith", "slug": "john-smith-99", "company": "Globex"})
    assert _rows(diff_exports(old, new)) == [("new connection", "John Smith", ""),
                                             ("removed", "John Smith", "")]


def test_a_name_two_people_share_is_not_used_to_match():
    old = _export({"name": "John Smith", "url": "", "person_id": "name:john smith|acme", "company": "Acme"},
                  {"name": "John Smith", "url": "", "person_id": "name:john smith|globex", "company": "Globex"})
    new = _export({"name": "John Smith", "slug": "john-smith-1", "company": "Initech"})
    diff = diff_exports(old, new)
    assert sorted(diff["change"]) == ["new connection", "removed", "removed"]


def test_the_same_email_matches_across_exports():
    old = _export({"name": "Maya Chen", "url": "", "person_id": "email:maya@example.com",
                   "email": "Maya@Example.com", "company": "Acme"})
    new = _export({"name": "Maya Chen-Ortiz", "email": "maya@example.com", "slug": "maya",
                   "company": "Acme", "position": "CTO"})
    assert _rows(diff_exports(old, new)) == [("changed position", "Maya Chen-Ortiz", "")]


def test_leaving_a_target_and_moving_between_targets(matches):
    old = _export({"name": "Sam Lee", "company": "Datadog", "position": "Staff Engineer"},
                  {"name": "Dana Cohen", "company": "Shopify", "position": "Engineer"},
                  {"name": "Noor Haddad", "company": "Stripe", "position": "Recruiter"})
    new = _export({"name": "Sam Lee", "company": "Globex", "position": "Principal Engineer"},
                  {"name": "Dana Cohen", "company": "Stripe Payments Europe", "position": "Engineer"},
                  {"name": "Noor Haddad", "company": "", "position": ""})
    diff = diff_exports(old, new, matches=matches)
    assert _rows(diff) == [("joined target", "Dana Cohen", "Stripe"),
                           ("left target", "Noor Haddad", "Stripe"),
                           ("left target", "Sam Lee", "Datadog")]
    assert render_diff(diff).splitlines()[2:] == [
        "Dana Cohen moved to Stripe Payments Europe (target: Stripe): Engineer, was at Shopify",
        "Noor Haddad left Stripe (a target): no current company listed",
        "Sam Lee left Datadog (a target): now Principal Engineer at Globex",
    ]


def test_changes_are_ordered_news_first_then_by_name(matches):
    old = _export({"name": "Zed Moves In", "company": "Acme"},
                  {"name": "Amy Moves In", "company": "Acme"},
                  {"name": "Leaves Target", "company": "Datadog"},
                  {"name": "Changes Company", "company": "Acme"},
                  {"name": "Changes Title", "company": "Acme", "position": "A"},
                  {"name": "Was Removed", "company": "Acme"})
    new = _export({"name": "Zed Moves In", "company": "Stripe"},
                  {"name": "Amy Moves In", "company": "Shopify"},
                  {"name": "Leaves Target", "company": "Acme"},
                  {"name": "Changes Company", "company": "Globex"},
                  {"name": "Changes Title", "company": "Acme", "position": "B"},
                  {"name": "Brand New", "company": "Acme"},
                  {"name": "New At Target", "company": "Stripe"})
    diff = diff_exports(old, new, matches=matches)
    assert _rows(diff) == [
        ("joined target", "Amy Moves In", "Shopify"),
        ("joined target", "Zed Moves In", "Stripe"),
        ("left target", "Leaves Target", "Datadog"),
        ("new connection", "New At Target", "Stripe"),
        ("changed company", "Changes Company", ""),
        ("changed position", "Changes Title", ""),
        ("new connection", "Brand New", ""),
        ("removed", "Was Removed", ""),
    ]
    assert set(diff["change"]) == set(CHANGES)
    text = render_diff(diff, top=3)
    assert text.splitlines() == [
        "8 changes: 2 joined a target, 1 left a target, 2 new connections (1 at a target), "
        "1 removed, 1 changed company, 1 changed position",
        "",
        "Amy Moves In moved to Shopify (a target), was at Acme",
        "Zed Moves In moved to Stripe (a target), was at Acme",
        "Leaves Target left Datadog (a target): now at Acme",
        "... and 5 more",
    ]


def test_no_changes(matches):
    export = _export({"name": "Maya Chen", "company": "Stripe", "position": "Engineer"})
    diff = diff_exports(export, export, matches=matches)
    assert diff.empty and list(diff.columns) == DIFF_COLUMNS
    assert render_diff(diff) == "No changes between the two exports.\n"


def test_diff_leaves_the_exports_alone(matches):
    old = _export({"name": "Maya Chen", "company": "Acme"})
    new = _export({"name": "Maya Chen", "company": "Stripe"}, {"name": "Li Wei", "company": "Shopify"})
    before = (old.connections.copy(), new.connections.copy())
    diff_exports(old, new, matches=matches)
    pd.testing.assert_frame_equal(old.connections, before[0])
    pd.testing.assert_frame_equal(new.connections, before[1])


def test_render_diff_rejects_a_negative_top():
    with pytest.raises(ValueError, match="top must be 0 or more"):
        render_diff(pd.DataFrame(columns=DIFF_COLUMNS), top=-1)
