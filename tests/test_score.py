"""The warmth model and relevance: what the ranking rests on."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from builders import Ex, Msg, P, messages, write_export
from netgraph.io import read_contacts, read_export
from netgraph.score import Weights, describe_weights, score_network_ties, score_relevance, score_ties

AS_OF = dt.date(2026, 11, 20)
ME = P("Alex", "Rivera", "alex-rivera")


def _export(tmp_path, name, ex):
    return read_export(write_export(tmp_path / name, ex))


def _warmth(export, slug):
    return score_ties(export, as_of=AS_OF).loc[f"in:{slug}", "warmth"]


def test_more_recent_messages_mean_more_warmth(tmp_path):
    a, b, c = (P("A", "A", "a"), P("B", "B", "b"), P("C", "C", "c"))
    e = _export(tmp_path, "me", Ex(ME, [a, b, c], messages=messages(a, both=10, start="2026-08-01")
                                   + messages(b, both=2, start="2026-08-01")
                                   + messages(c, both=10, start="2016-08-01")))
    assert _warmth(e, "a") > _warmth(e, "b") > _warmth(e, "c")


def test_a_friend_not_spoken_to_in_ten_years_is_cold(tmp_path):
    old = P("Sally", "Old", "sally-old", connected="2014-09-01")
    e = _export(tmp_path, "me", Ex(ME, [old], messages=messages(old, both=40, start="2015-01-01", step_days=2)))
    tie = score_ties(e, as_of=AS_OF).loc["in:sally-old"]
    assert tie["warmth"] < 0.2
    assert tie["quiet_days"] > 3000


def test_unanswered_outreach_counts_less_than_a_conversation(tmp_path):
    a, b = P("A", "A", "a"), P("B", "B", "b")
    e = _export(tmp_path, "me", Ex(ME, [a, b], messages=[Msg(a, True, "2026-10-01"), Msg(a, True, "2026-10-08"),
                                                        Msg(b, True, "2026-10-01"), Msg(b, False, "2026-10-08")]))
    ties = score_ties(e, as_of=AS_OF)
    assert ties.loc["in:b", "warmth"] > ties.loc["in:a", "warmth"]
    assert ties.loc["in:a", "reasons"] == ("2 messages from you, none answered (the last 6 weeks ago)",)
    assert ties.loc["in:b", "reasons"] == ("2 messages both ways, the last 6 weeks ago",)


def test_a_recommendation_warms_a_tie(tmp_path):
    a, b = P("A", "A", "a", "X", "Y"), P("B", "B", "b", "X", "Y")
    e = _export(tmp_path, "me", Ex(ME, [a, b], recommendations_given=[(a, "2025-03-01")]))
    assert _warmth(e, "a") > _warmth(e, "b") + 0.4
    assert "you recommended them in 2025" in score_ties(e, as_of=AS_OF).loc["in:a", "reasons"]


def test_your_closeness_note_overrides_the_model(tmp_path):
    a = P("Ann", "Lee", "ann-lee", connected="2012-01-01")
    e = _export(tmp_path, "me", Ex(ME, [a]))
    notes_csv = tmp_path / "contacts.csv"
    notes_csv.write_text("url,name,closeness,tags,last_contact,notes\n"
                         "https://www.linkedin.com/in/ann-lee,,5,friend|family,,\n", encoding="utf-8")
    notes = read_contacts(notes_csv).assign(person_id="in:ann-lee").set_index("person_id")
    from netgraph.score import _closeness_warmth

    tie = score_ties(e, as_of=AS_OF, contacts=notes).loc["in:ann-lee"]
    assert tie["warmth"] == pytest.approx(Weights().closeness[4])
    assert tie["quiet_days"] == 0  # a close note without a date is not a cold tie
    assert tie["reasons"][0] == "your note: closeness 5/5, friend, family"
    assert _closeness_warmth(notes, Weights())["note_floor"].iloc[0] == 0.85


def test_weights_change_the_model(tmp_path):
    a = P("A", "A", "a")
    e = _export(tmp_path, "me", Ex(ME, [a], messages=messages(a, both=3, start="2026-01-01")))
    plain = score_ties(e, as_of=AS_OF).loc["in:a", "warmth"]
    more = score_ties(e, as_of=AS_OF, weights=Weights().replace(message=1.0)).loc["in:a", "warmth"]
    assert more > plain
    assert describe_weights().loc["message_half_life_days", "value"] == 365.0


def test_scoring_many_exports_at_once_equals_one_by_one(tmp_path):
    people = [P("T", f"N{i}", f"t-n{i}", "Stripe", "Engineer", f"201{i}-01-01") for i in range(4)]
    exports = [
        _export(tmp_path, "f0", Ex(P("F", "Zero", "f-zero"), people[:3],
                                   messages=messages(people[0], both=5, start="2026-01-01"))),
        _export(tmp_path, "f1", Ex(P("F", "One", "f-one"), people[1:],
                                   recommendations_given=[(people[2], "2024-01-01")])),
        _export(tmp_path, "f2", Ex(P("F", "Two", "f-two"), [])),
    ]
    asks = [(e, pd.Index(e.connections["person_id"]), name) for e, name in zip(exports, ["Zed", "Uno", "Duo"])]
    together = score_network_ties(asks, as_of=AS_OF)
    for (e, ids, name), batch in zip(asks, together):
        alone = score_ties(e, as_of=AS_OF, people=ids, who=name)
        pd.testing.assert_frame_equal(batch.sort_index(), alone.sort_index(), check_dtype=False, check_index_type=False)


@pytest.mark.parametrize("position, role", [
    ("Senior Backend Engineer", "wanted title"),
    ("Backend Engineer II", "wanted title"),
    ("Senior Technical Recruiter", "recruiter"),
    ("Talent Acquisition Partner", "recruiter"),
    ("Engineering Manager, Payments", "hiring manager"),
    ("Head of Engineering", "hiring manager"),
    ("Product Manager", "other"),
    ("Account Executive", "other"),
])
def test_roles_at_a_target(position, role):
    targets = pd.DataFrame({"company": ["Stripe"], "priority": [1], "titles": [("Backend Engineer",)]})
    out = score_relevance(pd.DataFrame({"target": ["Stripe"], "position": [position]}), targets)
    assert out["role"].iloc[0] == role


def test_priority_lowers_relevance():
    targets = pd.DataFrame({"company": ["A", "B"], "priority": [1, 3], "titles": [(), ()]})
    out = score_relevance(pd.DataFrame({"target": ["A", "B"], "position": ["Recruiter", "Recruiter"]}), targets)
    assert out["relevance"].iloc[0] > out["relevance"].iloc[1]
    assert out["reasons"].iloc[1] == ("recruits for B (priority 3)",)
