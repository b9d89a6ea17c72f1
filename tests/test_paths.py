"""Scenario tests with known right answers, each a few small exports written in code."""

from __future__ import annotations

import datetime as dt

import pytest

from builders import Ex, Msg, P, messages, write_export, write_targets
from netgraph.errors import SourceError
from netgraph.load import load_plan, parse_network_spec

AS_OF = dt.date(2026, 11, 20)
ME = P("Alex", "Rivera", "alex-rivera")


@pytest.fixture
def targets(tmp_path):
    return write_targets(tmp_path / "targets.csv", [("Stripe", 1, "", "Backend Engineer"), ("Shopify", 2, "", "")])


def _plan(tmp_path, me: Ex, targets, friends=(), **kw):
    mine = write_export(tmp_path / "me", me)
    nets = []
    for i, (hint, ex) in enumerate(friends):
        folder = write_export(tmp_path / f"friend{i}", ex)
        nets.append(f"{hint}={folder}" if hint else str(folder))
    return load_plan(mine, targets=targets, network=nets, as_of=AS_OF, **kw)


def test_warm_connector_beats_cold_connector_to_the_same_person(tmp_path, targets):
    warm = P("Wendy", "Warm", "wendy-warm", "Acme", "Designer", "2019-03-01")
    cold = P("Carl", "Cold", "carl-cold", "Globex", "Analyst", "2012-05-01")
    dana = P("Dana", "Cohen", "dana-cohen", "Stripe", "Backend Engineer")
    me = Ex(ME, [warm, cold], messages=messages(warm, both=10, start="2026-08-01"))
    plan = _plan(tmp_path, me, targets, [
        (None, Ex(warm, [dana, ME])),
        (None, Ex(cold, [dana, ME])),
    ])
    paths = plan.intro_paths
    assert list(paths["connector_name"]) == ["Wendy Warm", "Carl Cold"]
    assert paths["score"].iloc[0] > paths["score"].iloc[1]
    assert list(plan.connectors["name"]) == ["Wendy Warm", "Carl Cold"]
    assert list(plan.connectors["ask"]) == ["introduction", "reconnect"]


def test_close_friend_is_asked_for_a_referral_and_a_cold_acquaintance_is_not(tmp_path, targets):
    friend = P("Maya", "Chen", "maya-chen", "Stripe, Inc.", "Engineering Manager", "2018-01-10")
    cold = P("Tom", "Okafor", "tom-okafor", "Stripe", "Technical Recruiter", "2016-02-02")
    me = Ex(ME, [friend, cold], messages=messages(friend, both=15, start="2026-06-01"),
            recommendations_received=[(friend, "2025-04-01")])
    plan = _plan(tmp_path, me, targets)
    asks = dict(zip(plan.insiders["name"], plan.insiders["ask"]))
    # Tom never talked with you: nothing to reconnect, a short conversation is the ask (issue 14)
    assert asks == {"Maya Chen": "referral", "Tom Okafor": "conversation"}
    maya = plan.insiders.set_index("name").loc["Maya Chen"]
    assert "30 messages both ways, the last 2 months ago" in maya["reasons"]
    assert "they recommended you in 2025" in maya["reasons"]
    assert "connected 10 years ago, no messages since" in plan.insiders.set_index("name").loc["Tom Okafor", "reasons"]


def test_recent_acquaintance_gets_a_conversation_not_a_referral(tmp_path, targets):
    new = P("Ines", "Garcia", "ines-garcia", "Stripe", "Product Manager", "2026-10-01")
    plan = _plan(tmp_path, Ex(ME, [new], messages=[Msg(new, True, "2026-10-02")]), targets)
    assert list(plan.insiders["ask"]) == ["conversation"]


def test_connector_reaching_four_people_at_two_targets_ranks_first(tmp_path, targets):
    hub = P("Hana", "Hub", "hana-hub", "Acme", "Consultant", "2019-01-01")
    solo = P("Sol", "Solo", "sol-solo", "Acme", "Consultant", "2019-01-01")
    reached = [P("R", f"One{i}", f"r-one{i}", "Stripe", "Engineer") for i in range(2)] + \
              [P("R", f"Two{i}", f"r-two{i}", "Shopify", "Engineer") for i in range(2)]
    lone = P("Lone", "Target", "lone-target", "Stripe", "Engineer")
    msgs = messages(hub, both=3, start="2026-05-01") + messages(solo, both=3, start="2026-05-01")
    plan = _plan(tmp_path, Ex(ME, [hub, solo], messages=msgs), targets, [
        (None, Ex(hub, reached)), (None, Ex(solo, [lone])),
    ])
    top = plan.connectors.iloc[0]
    assert top["name"] == "Hana Hub"
    assert "can introduce you to 4 people at 2 targets: Stripe (2), Shopify (2)" in top["reasons"]
    assert len(top["reaches"]) == 4  # everyone, for the JSON
    assert len(top["ask_about"]) == 3  # never ten intros at once


def test_same_person_in_two_exports_is_one_person_with_two_paths(tmp_path, targets):
    a = P("Ann", "A", "ann-a", "Acme", "PM", "2020-01-01")
    b = P("Bob", "B", "bob-b", "Acme", "PM", "2020-01-01")
    dana1 = P("Dana", "Cohen", "Dana-Cohen", "Stripe", "Backend Engineer")
    dana2 = P("Dana", "Cohen", "dana-cohen", "Stripe", "Backend Engineer")
    plan = _plan(tmp_path, Ex(ME, [a, b]), targets, [(None, Ex(a, [dana1])), (None, Ex(b, [dana2]))])
    assert plan.intro_paths["target_id"].nunique() == 1
    assert sorted(plan.intro_paths["connector_name"]) == ["Ann A", "Bob B"]
    assert plan.summary["second_degree"] == 1


@pytest.mark.parametrize("variant", [
    "https://www.linkedin.com/in/Dana-Cohen",
    "http://www.linkedin.com/in/dana-cohen/",
    "www.linkedin.com/in/dana-cohen",
    "https://uk.linkedin.com/in/dana-cohen?trk=abc",
])
def test_url_variants_in_two_exports_are_one_person(tmp_path, targets, variant):
    a = P("Ann", "A", "ann-a", "Acme", "PM", "2020-01-01")
    b = P("Bob", "B", "bob-b", "Acme", "PM", "2020-01-01")
    dana = P("Dana", "Cohen", "dana-cohen", "Stripe", "Backend Engineer")
    twin = P("Dana", "Cohen", None, "Stripe", "Backend Engineer", raw_url=variant)
    plan = _plan(tmp_path, Ex(ME, [a, b]), targets, [(None, Ex(a, [dana])), (None, Ex(b, [twin]))])
    assert set(plan.intro_paths["target_id"]) == {"in:dana-cohen"}
    assert sorted(plan.intro_paths["connector_name"]) == ["Ann A", "Bob B"]


def test_same_person_without_url_in_an_old_export_is_folded_into_the_url_one(tmp_path, targets):
    a = P("Ann", "A", "ann-a", "Acme", "PM", "2020-01-01")
    b = P("Bob", "B", "bob-b", "Acme", "PM", "2020-01-01")
    dana = P("Dana", "Cohen", "dana-cohen", "Stripe", "Backend Engineer")
    nourl = P("Dana", "Cohen", None, "Stripe", "Backend Engineer")
    plan = _plan(tmp_path, Ex(ME, [a, b]), targets, [(None, Ex(a, [dana])), (None, Ex(b, [nourl]))])
    assert set(plan.intro_paths["target_id"]) == {"in:dana-cohen"}
    assert len(plan.intro_paths) == 2


def test_percent_encoded_slug_gets_the_warmth_of_its_raw_utf8_messages(tmp_path, targets):
    jose = P("José", "Núñez", "josé-núñez", "Stripe", "Backend Engineer", "2021-01-01")
    plan = _plan(tmp_path, Ex(ME, [jose], messages=messages(jose, both=8, start="2026-09-01")), targets)
    row = plan.insiders.iloc[0]
    assert row["url"] == "https://www.linkedin.com/in/josé-núñez"
    assert row["warmth"] > 0.6
    assert row["reasons"][0].startswith("16 messages both ways")


def test_first_degree_connection_is_never_an_intro_target(tmp_path, targets):
    a = P("Ann", "A", "ann-a", "Acme", "PM", "2020-01-01")
    maya = P("Maya", "Chen", "maya-chen", "Stripe", "Engineering Manager", "2018-01-01")
    maya_nourl = P("Maya", "Chen", None, "Stripe", "Engineering Manager")
    plan = _plan(tmp_path, Ex(ME, [a, maya]), targets, [(None, Ex(a, [maya, ME])), (None, Ex(a, [maya_nourl]))])
    assert plan.intro_paths.empty
    assert list(plan.insiders["name"]) == ["Maya Chen"]
    assert ME.name not in set(plan.intro_paths["target_name"]) | set(plan.connectors["name"])


def test_as_of_makes_results_reproducible(tmp_path, targets):
    w = P("Wendy", "Warm", "wendy-warm", "Stripe", "Recruiter", "2019-03-01")
    me = write_export(tmp_path / "me", Ex(ME, [w], messages=messages(w, both=4, start="2025-01-01")))
    one = load_plan(me, targets=targets, as_of="2026-11-20")
    two = load_plan(me, targets=targets, as_of="2026-11-20")
    later = load_plan(me, targets=targets, as_of="2029-11-20")
    assert one.insiders.equals(two.insiders)
    assert one.insiders["warmth"].iloc[0] > later.insiders["warmth"].iloc[0]
    assert later.insiders["ask"].iloc[0] == "reconnect"


def test_network_owner_not_among_connections_names_the_closest(tmp_path, targets):
    a = P("Annabel", "Archer", "annabel-archer", "Acme", "PM", "2020-01-01")
    stranger = P("Annabelle", "Archers", "someone-else")
    closest = r"owner 'Annabelle Archers' is not among your connections \(closest: Annabel Archer"
    with pytest.raises(SourceError, match=closest):
        _plan(tmp_path, Ex(ME, [a]), targets, [(None, Ex(stranger, []))])


def test_network_without_profile_needs_an_owner(tmp_path, targets):
    a = P("Ann", "A", "ann-a", "Acme", "PM", "2020-01-01")
    with pytest.raises(SourceError, match="no Profile.csv names its owner"):
        _plan(tmp_path, Ex(ME, [a]), targets, [(None, Ex(a, [], with_profile=False))])
    plan = _plan(tmp_path, Ex(ME, [a]), targets,
                 [("Ann A", Ex(a, [P("Dana", "Cohen", None, "Stripe", "Engineer")], with_profile=False))])
    assert list(plan.intro_paths["connector_name"]) == ["Ann A"]
    assert "little evidence about how well Ann A knows Dana Cohen" in plan.intro_paths["reasons"].iloc[0]


@pytest.mark.parametrize("spec, expected", [
    ("Sam Lee=a/b.zip", ("Sam Lee", "a/b.zip")),
    ("https://www.linkedin.com/in/sam=x.zip", ("https://www.linkedin.com/in/sam", "x.zip")),
    ("plain.zip", (None, "plain.zip")),
])
def test_parse_network_spec(spec, expected):
    assert parse_network_spec(spec) == expected


def _ledger(tmp_path, *entries):
    from contextlib import closing

    from netgraph.ledger import add_entry, open_ledger

    path = tmp_path / "ledger.sqlite"
    with closing(open_ledger(path)) as conn:
        for person_id, name, kind, day in entries:
            add_entry(conn, person_id=person_id, name=name, kind=kind, what="", at=dt.date.fromisoformat(day))
    return path


def test_a_recent_ask_demotes_a_connector(tmp_path, targets):
    one = P("Ona", "One", "ona-one", "Acme", "PM", "2019-01-01")
    two = P("Tia", "Two", "tia-two", "Acme", "PM", "2019-01-01")
    dana = P("Dana", "Cohen", "dana-cohen", "Stripe", "Backend Engineer")
    me = Ex(ME, [one, two],
            messages=messages(one, both=6, start="2026-07-01") + messages(two, both=5, start="2026-07-01"))
    friends = [(None, Ex(one, [dana])), (None, Ex(two, [dana]))]
    before = _plan(tmp_path / "a", me, targets, friends)
    assert list(before.connectors["name"]) == ["Ona One", "Tia Two"]
    ledger = _ledger(tmp_path, ("in:ona-one", "Ona One", "ask", "2026-11-11"))
    after = _plan(tmp_path / "b", me, targets, friends, ledger=ledger)
    assert list(after.connectors["name"]) == ["Tia Two", "Ona One"]
    ona = after.connectors.set_index("name").loc["Ona One"]
    assert any("you asked them 9 days ago, no reply yet" in r for r in ona["reasons"])


def test_a_give_puts_a_cold_tie_at_the_top_of_the_nurture_list(tmp_path, targets):
    from netgraph.nurture import find_nurture

    people = [P("C", f"Cold{i}", f"c-cold{i}", "Stripe", "Backend Engineer", "2015-01-01") for i in range(3)]
    shy = P("Sam", "Shy", "sam-shy", "Shopify", "Product Manager", "2016-01-01")
    me = Ex(ME, [*people, shy])
    before = find_nurture(_plan(tmp_path / "a", me, targets))
    assert before["name"].iloc[0] != "Sam Shy"
    ledger = _ledger(tmp_path, ("in:sam-shy", "Sam Shy", "give", "2026-11-06"))
    after = find_nurture(_plan(tmp_path / "b", me, targets, ledger=ledger))
    assert after["name"].iloc[0] == "Sam Shy"
    assert "you gave them something 14 days ago: follow up before you ask" in after["reasons"].iloc[0]


def test_reading_friends_in_worker_processes_gives_the_same_plan(tmp_path, targets, monkeypatch):
    import netgraph.load

    hub = P("Hana", "Hub", "hana-hub", "Acme", "Consultant", "2019-01-01")
    solo = P("Sol", "Solo", "sol-solo", "Acme", "Consultant", "2019-01-01")
    reached = [P("R", f"One{i}", f"r-one{i}", "Stripe", "Engineer") for i in range(3)]
    me = Ex(ME, [hub, solo], messages=messages(hub, both=3, start="2026-05-01"))
    friends = [(None, Ex(hub, reached)), (None, Ex(solo, reached[1:]))]
    serial = _plan(tmp_path / "a", me, targets, friends)
    monkeypatch.setattr(netgraph.load, "PARALLEL_FROM", 2)
    parallel = _plan(tmp_path / "b", me, targets, friends)
    cols = ["target_name", "connector_name", "score", "reasons"]
    assert parallel.intro_paths[cols].equals(serial.intro_paths[cols])


def test_an_owner_whose_name_holds_an_equals_sign_can_be_given(tmp_path):
    folder = tmp_path / "friend"
    folder.mkdir()
    assert parse_network_spec(f"Ann = Bell={folder}") == ("Ann = Bell", str(folder))
    assert parse_network_spec(f"Ann Bell={folder}") == ("Ann Bell", str(folder))
    odd = tmp_path / "a=b"
    odd.mkdir()
    assert parse_network_spec(str(odd)) == (None, str(odd))  # an existing path is taken whole
