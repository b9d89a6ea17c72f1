"""Scenario tests for the advice a career coach would sign (one per finding of the advice issue).

Each builds a few small exports in code, with known right answers:

1. a stranger is asked for a conversation, not to "reconnect";
2. one logged give does not unlock an introduction after years of silence;
3. guesses are worded as guesses, and openers claim only what the data holds;
4. an old friend's export is discounted and dated;
5. one ask per person at a time, follow-ups instead of repeated asks;
6. a recruiter is asked about roles and the process, never for a referral.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from contextlib import closing

import pytest

from builders import Ex, Msg, P, messages, write_export, write_targets
from netgraph.advice import choose_ask, connector_ask, warmth_word
from netgraph.evidence import Evidence
from netgraph.ledger import add_entry, open_ledger
from netgraph.load import load_plan
from netgraph.report import draft_message, render_json

AS_OF = dt.date(2026, 11, 20)
ME = P("Alex", "Rivera", "alex-rivera")


@pytest.fixture
def targets(tmp_path):
    return write_targets(tmp_path / "targets.csv",
                         [("Stripe", 1, "", "Backend Engineer"), ("Shopify", 2, "", "Backend Engineer")])


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _plan(tmp_path, me: Ex, targets, friends=(), *, friend_names=None, extra=None, **kw):
    mine = write_export(tmp_path / "me", me)
    for name, text in (extra or {}).items():
        (mine / name).write_text(text, encoding="utf-8")
    nets = []
    for i, (hint, ex) in enumerate(friends):
        folder_name = (friend_names or {}).get(i, f"friend{i}")
        folder = write_export(tmp_path / folder_name, ex)
        nets.append(f"{hint}={folder}" if hint else str(folder))
    return load_plan(mine, targets=targets, network=nets, as_of=AS_OF, **kw)


def _insider(plan, name):
    return plan.insiders.set_index("name").loc[name]


# 1. Strangers -------------------------------------------------------------------------------


def test_a_stranger_is_asked_for_a_conversation_not_to_reconnect(tmp_path, targets):
    cedric = P("Cedric", "Ramos", "cedric-ramos", "Stripe", "Backend Engineer", "2023-11-01")
    reggie = P("Reggie", "Sanchez", "reggie-sanchez", "Stripe", "Backend Engineer", "2025-02-01")
    plan = _plan(tmp_path, Ex(ME, [cedric, reggie]), targets)
    assert _insider(plan, "Cedric Ramos")["ask"] == "conversation"
    assert _insider(plan, "Reggie Sanchez")["ask"] == "conversation"
    draft = draft_message(plan, target="Cedric Ramos")
    assert "Thought of you" not in draft.subject
    assert "[" not in draft.body  # no placeholder to fill in
    assert "last talked" not in draft.body and "for a while" not in draft.body
    assert "20 minutes" in draft.body


def test_a_once_real_tie_gone_quiet_is_reconnected_with():
    talk = Evidence("messages", direction="both", count=20, date=None)
    assert choose_ask([talk], warmth=0.3, quiet_days=3000, role="other") == "reconnect"
    stranger = Evidence("connected")
    assert choose_ask([stranger], warmth=0.05, quiet_days=3000, role="other") == "conversation"


# 2. A give opens the door; the ask changes only once they answer ----------------------------


def _marcus_case(tmp_path, targets, *, reply: bool):
    marcus = P("Marcus", "Oyelaran", "marcus-oyelaran", "Acme", "Consultant", "2016-03-01")
    jade = P("Jade", "Ng", "jade-ng", "Stripe", "Backend Engineer")
    me = Ex(ME, [marcus], messages=messages(marcus, both=6, start="2018-01-10"))
    db = tmp_path / "ledger.sqlite"
    with closing(open_ledger(db)) as conn:
        add_entry(conn, person_id="in:marcus-oyelaran", name="Marcus Oyelaran", kind="give",
                  what="sent a talk on API design", at=dt.date(2026, 11, 10))
        if reply:
            add_entry(conn, person_id="in:marcus-oyelaran", name="Marcus Oyelaran", kind="ask",
                      what="catch up", at=dt.date(2026, 11, 12))
            add_entry(conn, person_id="in:marcus-oyelaran", name="Marcus Oyelaran", kind="reply",
                      what="", at=dt.date(2026, 11, 14), outcome="yes")
    return _plan(tmp_path, me, targets, [(None, Ex(marcus, [jade, ME]))], ledger=db)


def test_one_logged_give_does_not_unlock_an_introduction_after_years_of_silence(tmp_path, targets):
    plan = _marcus_case(tmp_path, targets, reply=False)
    marcus = plan.connectors.set_index("name").loc["Marcus Oyelaran"]
    assert marcus["ask"] == "reconnect"
    draft = draft_message(plan, target="Jade Ng")
    assert "introduc" not in draft.body.lower()
    assert "I hope you've been well since we last talked" not in draft.body
    assert "It's been a long time" in draft.body  # true: they talked, eight years ago


def test_once_they_answer_the_ask_can_follow_the_warmer_tie():
    old_talk = Evidence("messages", direction="both", count=12, date=None)
    assert connector_ask([old_talk], warmth=0.5, quiet_days=10) == "introduction"
    assert connector_ask([old_talk], warmth=0.1, quiet_days=10) == "reconnect"


# 3. Guesses worded as guesses; openers only from facts ---------------------------------------


def test_a_bootcamp_cohort_is_not_a_cohort_of_classmates(tmp_path, targets):
    cohort = [P(f"Peer{i}", "Cohort", f"peer{i}-cohort", "Acme", "Developer", "2020-10-01") for i in range(40)]
    sonia = P("Sonia", "Torres", "sonia-torres", "Stripe", "Product Designer", "2020-10-15")
    ben = P("Ben", "Okoro", "ben-okoro", "Stripe", "Backend Engineer", "2019-05-01")
    me = Ex(ME, [*cohort, sonia, ben], messages=messages(ben, both=2, start="2026-06-01"))
    education = _csv([["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"],
                      ["Flatiron School", "Sep 2020", "Dec 2020", "", "Software Engineering", ""]])
    plan = _plan(tmp_path, me, targets, extra={"Education.csv": education})
    stripe = plan.insiders.loc[plan.insiders["company"] == "Stripe", "name"].tolist()
    assert stripe.index("Ben Okoro") < stripe.index("Sonia Torres")  # a real conversation beats a guess
    reasons = " ".join(_insider(plan, "Sonia Torres")["reasons"])
    assert "may have overlapped at Flatiron School" in reasons and "classmate" not in reasons
    body = draft_message(plan, target="Sonia Torres").body
    assert "student days" not in body and "studied together" not in body


def test_openers_use_only_what_the_data_holds(tmp_path, targets):
    mara = P("Mara", "Baker", "mara-baker", "Stripe", "Backend Engineer", "2026-11-06")
    lukasz = P("Łukasz", "Nowak", "lukasz-nowak", "Stripe", "Backend Engineer", "2022-01-01")
    me = Ex(ME, [mara, lukasz], messages=[Msg(lukasz, True, "2024-03-01")])
    invitations = _csv([["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"],
                        ["Mara Baker", "Alex Rivera", "11/6/26, 9:15 AM", "", "INCOMING",
                         "https://www.linkedin.com/in/mara-baker", "https://www.linkedin.com/in/alex-rivera"]])
    plan = _plan(tmp_path, me, targets, extra={"Invitations.csv": invitations})
    mara_body = draft_message(plan, target="Mara Baker").body
    assert "for a while" not in mara_body
    assert "Thanks for reaching out to connect" in mara_body
    lukasz_body = draft_message(plan, target="Łukasz Nowak").body
    assert "since we last talked" not in lukasz_body
    assert "none answered" in " ".join(_insider(plan, "Łukasz Nowak")["reasons"])


# 4. Old exports ------------------------------------------------------------------------------


def test_a_friends_old_export_is_discounted_and_dated(tmp_path, targets):
    gabriel = P("Gabriel", "Moreau", "gabriel-moreau", "Acme", "Consultant", "2015-01-01")
    fresh = P("Fresh", "Friend", "fresh-friend", "Acme", "Consultant", "2015-01-01")
    karl = P("Karl", "Nyberg", "karl-nyberg", "Stripe", "Senior Software Engineer")
    lena = P("Lena", "Sol", "lena-sol", "Stripe", "Senior Software Engineer")
    me = Ex(ME, [gabriel, fresh], messages=messages(gabriel, both=3, start="2026-06-01")
            + messages(fresh, both=3, start="2026-06-01"))
    plan = _plan(tmp_path, me, targets, [(None, Ex(gabriel, [karl, ME])), (None, Ex(fresh, [lena, ME]))],
                 friend_names={0: "Complete_LinkedInDataExport_03-12-2018", 1: "Basic_LinkedInDataExport_10-02-2026"})
    paths = plan.intro_paths.set_index("target_name")
    assert paths.loc["Karl Nyberg", "strength"] < paths.loc["Lena Sol", "strength"]
    assert any("from Gabriel's export of March 2018: check they still work there" in r
               for r in paths.loc["Karl Nyberg", "reasons"])
    assert "Gabriel Moreau's export is from March 2018" in plan.notes


# 5. One ask per person at a time -------------------------------------------------------------


def test_each_person_gets_at_most_one_action_across_targets(tmp_path, targets):
    dana = P("Dana", "Whitfield", "dana-whitfield", "Stripe", "Backend Engineer", "2018-01-01")
    ravi = P("Ravi", "Menon", "ravi-menon", "Shopify", "Engineering Manager")
    me = Ex(ME, [dana], messages=messages(dana, both=10, start="2026-07-01"),
            recommendations_received=[(dana, "2025-01-01")])
    plan = _plan(tmp_path, me, targets, [(None, Ex(dana, [ravi, ME]))])
    people = [a.recipient_id for a in plan.actions]
    assert len(people) == len(set(people))
    assert [a.kind for a in plan.actions if a.recipient_id == "in:dana-whitfield"] == ["referral"]
    data = __import__("json").loads(render_json(plan))
    assert [a["person"]["name"] for a in data["actions"]].count("Dana Whitfield") == 1


def test_a_pending_ask_gets_a_follow_up_not_a_new_ask(tmp_path, targets):
    theo = P("Theo", "Lindqvist", "theo-lindqvist", "Acme", "Consultant", "2019-01-01")
    wren = P("Wren", "Hale", "wren-hale", "Acme", "Consultant", "2019-01-01")
    samir = P("Samir", "Haddad", "samir-haddad", "Stripe", "Backend Engineer")
    priya = P("Priya", "Desai", "priya-desai", "Shopify", "Backend Engineer")
    me = Ex(ME, [theo, wren], messages=messages(theo, both=6, start="2026-08-01")
            + messages(wren, both=6, start="2026-08-01"))
    db = tmp_path / "ledger.sqlite"
    with closing(open_ledger(db)) as conn:
        add_entry(conn, person_id="in:theo-lindqvist", name="Theo Lindqvist", kind="ask",
                  what="intro to Samir", at=AS_OF - dt.timedelta(days=8))
        add_entry(conn, person_id="in:wren-hale", name="Wren Hale", kind="ask",
                  what="intro to Priya", at=AS_OF - dt.timedelta(days=3))
    plan = _plan(tmp_path, me, targets, [(None, Ex(theo, [samir, ME])), (None, Ex(wren, [priya, ME]))], ledger=db)
    theo_actions = [a for a in plan.actions if a.recipient_id == "in:theo-lindqvist"]
    assert [a.kind for a in theo_actions] == ["follow-up"]
    assert theo_actions[0].since == AS_OF - dt.timedelta(days=8)
    assert not [a for a in plan.actions if a.recipient_id == "in:wren-hale"]  # 3 days: wait


# 6. Recruiters -------------------------------------------------------------------------------


def test_a_close_recruiter_is_asked_about_roles_not_for_a_referral(tmp_path, targets):
    rita = P("Rita", "Quinn", "rita-quinn", "Stripe", "Senior Technical Recruiter", "2019-01-01")
    me = Ex(ME, [rita], messages=messages(rita, both=8, start="2026-07-01"))
    contacts = tmp_path / "contacts.csv"
    contacts.write_text("url,closeness,tags\nhttps://www.linkedin.com/in/rita-quinn,4,friend\n", encoding="utf-8")
    plan = _plan(tmp_path, me, targets, contacts=contacts)
    assert _insider(plan, "Rita Quinn")["ask"] == "conversation"
    draft = draft_message(plan, target="Rita Quinn")
    assert "refer" not in draft.body.lower()
    assert "roles" in draft.body and "process" in draft.body


def test_warmth_words_come_from_one_scale():
    assert [warmth_word(x) for x in (0.9, 0.5, 0.2, 0.01)] == ["close", "warm", "cool", "cold"]


def test_shared_history_uses_the_one_company_key(tmp_path, targets):
    """`Société Générale S.A.` in your Positions and `Societe Generale` in theirs are one employer."""
    sam = P("Sam", "Okafor", "sam-okafor", "Societe Generale", "Analyst", "2019-06-01")
    positions = _csv([["Company Name", "Title", "Description", "Location", "Started On", "Finished On"],
                      ["Société Générale S.A.", "Analyst", "", "Paris", "Jan 2018", "Dec 2020"]])
    plan = _plan(tmp_path, Ex(ME, [sam]), targets, extra={"Positions.csv": positions})
    owner = plan.G.graph["owner"]
    reasons = plan.G.edges[owner, "in:sam-okafor"]["reasons"]
    assert any(r.startswith("may be a former colleague: connected while you both worked at") for r in reasons), reasons


def test_a_share_pack_carries_the_friends_evidence_where_a_bare_export_cannot(tmp_path, targets):
    """The same friend, as a bare Connections.csv and as a pack made from their full export."""
    from netgraph.io._pack import render_pack
    from netgraph.share import make_share_pack

    theo = P("Theo", "Lind", "theo-lind", "Acme", "Consultant", "2019-01-01")
    often = P("Olga", "Often", "olga-often", "Stripe", "Backend Engineer", "2019-01-01")
    never = P("Nils", "Never", "nils-never", "Stripe", "Backend Engineer", "2017-01-01")
    me = Ex(ME, [theo], messages=messages(theo, both=6, start="2026-08-01"))
    full = write_export(tmp_path / "theo-full", Ex(theo, [never, often, ME],
                                                   messages=messages(often, both=15, start="2026-06-01")))
    pack = tmp_path / "theo-share.csv"
    pack.write_text(render_pack(make_share_pack(full, [str(targets)], as_of=AS_OF).pack), encoding="utf-8")
    bare = _plan(tmp_path, me, targets, [(None, Ex(theo, [never, often, ME]))])
    with_pack = load_plan(write_export(tmp_path / "me2", me), targets=targets, network=[str(pack)], as_of=AS_OF)

    bare_paths = bare.intro_paths.set_index("target_name")
    assert bare_paths.loc["Olga Often", "score"] <= bare_paths.loc["Nils Never", "score"] + 0.05
    assert any("little evidence" in r for r in bare_paths.loc["Olga Often", "reasons"])

    paths = with_pack.intro_paths
    assert list(paths["target_name"])[:2] == ["Olga Often", "Nils Never"]
    olga = paths.set_index("target_name").loc["Olga Often"]
    assert olga["source"] == "pack"
    assert any("30 messages both ways" in r and "per Theo's share of 2026-11-20" in r for r in olga["reasons"])


def test_someone_whose_message_you_never_answered_gets_an_apology_not_a_stranger_opener(tmp_path, targets):
    claire = P("Claire", "Cunning", "claire-cunning", "Stripe", "Backend Engineer", "2021-01-01")
    plan = _plan(tmp_path, Ex(ME, [claire], messages=[Msg(claire, False, "2022-05-01")]), targets)
    body = draft_message(plan, target="Claire Cunning").body
    assert "never replied to your kind message" in body
    assert "properly talked" not in body and "since we last talked" not in body


def test_a_give_starts_from_your_own_note_when_you_wrote_one():
    from netgraph.advice import suggest_offer

    note = Evidence("note", closeness=2, text="Met at the Boston Python meetup; offered coffee")
    assert suggest_offer({"position": "Software Engineer", "company": "Spotify"}, (note,)) == \
        'start from your own note: "Met at the Boston Python meetup; offered coffee"'
    assert suggest_offer({"position": "Software Engineer", "company": "Spotify"}, ()).startswith(
        "nothing specific in your data")
