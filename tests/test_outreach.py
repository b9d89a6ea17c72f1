"""The whole outreach through the command line: each step of a thread, the blurb, the tracker."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from netgraph.blurb import Background, write_blurb
from netgraph.cli import main
from netgraph.sample_data import AS_OF, EXPORT, TARGETS, network_specs

THEO = "Theo Lindqvist"
DAY = dt.date.fromisoformat(AS_OF)


def _on(days_before: int) -> str:
    return (DAY - dt.timedelta(days=days_before)).isoformat()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "ledger.sqlite"


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def log(db, *args: str):
    result = run("log", *args, "--db", db)
    assert result.exit_code == 0, result.output
    return result


def ask_theo(db, days_before: int):
    log(db, "ask", THEO, "--export", EXPORT, "--what", "intro to Samir", "--target", "Stripe",
        "--about", "Samir Haddad", "--on", _on(days_before))


def draft(db, *args: str):
    sources = [a for spec in network_specs()[:1] for a in ("--network", spec)]
    return run("draft", EXPORT, "--targets", TARGETS, *sources, "--as-of", AS_OF, "--db", db, *args)


def test_an_ask_pending_eight_days_gives_a_follow_up_naming_it(db):
    ask_theo(db, 8)
    result = draft(db, "--target", "Stripe")
    assert result.exit_code == 0, result.output
    when = f"{(DAY - dt.timedelta(days=8)).day} November 2026"
    assert result.output.startswith("To: Theo Lindqvist\nSubject: Following up on my note of " + when)
    assert f"my message of {when} about an introduction to Samir Haddad" in result.output
    body = result.output.split("\n\n", 1)[1]
    assert "?" not in body and "introduce me" not in body  # a nudge, never a second ask


def test_an_ask_of_three_days_ago_is_left_alone(db):
    ask_theo(db, 3)
    result = draft(db, "--target", "Samir Haddad")
    assert result.exit_code == 1
    assert "Error: you asked Theo Lindqvist on" in result.output and "before a follow-up" in result.output
    # meanwhile the company's draft goes to someone else: one ask per person at a time
    other = draft(db, "--target", "Stripe")
    assert other.exit_code == 0 and not other.output.startswith("To: Theo Lindqvist")


def test_a_yes_gives_a_thank_you_and_the_message_to_the_person_introduced(db):
    ask_theo(db, 8)
    log(db, "reply", THEO, "--outcome", "yes", "--on", _on(6))
    result = draft(db, "--target", "Stripe", "--format", "json")
    assert result.exit_code == 0, result.output
    thanks, first = json.loads(result.output)
    assert thanks["step"] == "thank-you" and thanks["to"] == THEO
    assert "let you know how our conversation goes" in thanks["body"]
    assert first["step"] == "to-them" and first["to"] == "Samir Haddad"
    assert first["body"].startswith("Hi Samir,\n\nTheo Lindqvist kindly offered to connect us")
    assert "I'm a Software Engineer II at Klaviyo" in first["body"]  # the blurb, from the owner's own files
    assert set(first) == {"step", "to", "subject", "body", "alternatives"}


def test_after_talking_the_report_back(db):
    ask_theo(db, 12)
    log(db, "reply", THEO, "--outcome", "yes", "--on", _on(10))
    log(db, "reply", THEO, "--outcome", "introduced", "--on", _on(9))
    log(db, "reply", THEO, "--outcome", "talked", "--on", _on(2))
    result = draft(db, "--target", "Stripe")
    assert result.exit_code == 0, result.output
    assert "Subject: How it went with Samir" in result.output
    assert f"Samir and I talked on {(DAY - dt.timedelta(days=2)).day} November 2026" in result.output


def test_a_step_can_be_chosen(db):
    ask_theo(db, 8)
    result = draft(db, "--target", "Stripe", "--step", "ask")
    assert "Subject: Would you introduce me to Samir Haddad?" in result.output
    assert "here is a short note about me you can forward as it is" in result.output
    assert "[" not in result.output.split("Other asks")[0]  # no placeholder where the data has something


def test_the_share_request_explains_what_a_pack_reveals():
    result = run("draft", EXPORT, "--targets", TARGETS, "--as-of", AS_OF, "--via", "Kofi Asante",
                 "--step", "share-request")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("To: Kofi Asante")
    assert "netgraph share" in result.output and "never contains your messages" in result.output
    assert result.output.count("?") == 1  # one clear ask


def test_the_tracker_shows_each_thread_per_target_with_dates(db):
    ask_theo(db, 8)
    log(db, "reply", THEO, "--outcome", "yes", "--on", _on(6))
    log(db, "reply", THEO, "--outcome", "introduced", "--on", _on(5))
    result = log(db, "list", "--as-of", AS_OF)
    assert "In progress:\n  Stripe\n    Theo Lindqvist about Samir Haddad: asked " in result.output
    assert f"said yes {_on(6)} -> introduced {_on(5)}; next: write to the person you were introduced to" \
        in result.output
    report = run("report", EXPORT, "--targets", TARGETS, "--as-of", AS_OF, "--db", db, "--format", "html")
    assert '<section id="in-progress"><h2>In progress</h2>' in report.output
    redacted = run("report", EXPORT, "--targets", TARGETS, "--as-of", AS_OF, "--db", db, "--redact")
    assert "## In progress" in redacted.output
    assert "Samir" not in redacted.output and "Lindqvist" not in redacted.output


def test_the_blurb_says_less_when_a_file_is_missing_and_never_invents():
    full = Background("Robin Castellanos", roles=(("Software Engineer II", "Klaviyo", dt.date(2024, 6, 1), None),),
                      skills=("Python", "SQL"), schools=(("Flatiron School", ""),))
    assert "works with Python and SQL" in write_blurb(full)
    no_skills = Background("Robin Castellanos", roles=full.roles, schools=full.schools)
    assert "works with" not in write_blurb(no_skills)
    only_headline = Background("Robin Castellanos", headline="Backend engineer | payments")
    assert write_blurb(only_headline) == "In Robin Castellanos's own words: Backend engineer | payments."
    assert write_blurb(Background("Robin Castellanos")) == ""


def test_steps_after_a_conversation_ask_thank_the_person_you_talked_with(db):
    log(db, "ask", "Aisha Bello", "--export", EXPORT, "--what", "coffee", "--target", "Spotify", "--on", _on(12))
    log(db, "reply", "Aisha Bello", "--outcome", "yes", "--on", _on(10))
    thanks = draft(db, "--target", "Aisha Bello", "--format", "json")
    assert thanks.exit_code == 0, thanks.output
    record = json.loads(thanks.output)  # one draft: there is nobody else to write to
    assert record["step"] == "thank-you" and "introduc" not in record["body"]
    log(db, "reply", "Aisha Bello", "--outcome", "talked", "--on", _on(2))
    after = draft(db, "--target", "Aisha Bello")
    assert "Subject: Thank you for your time" in after.output
    assert "them" not in after.output.split("\n\n", 2)[2].split()[:3] and "introduction" not in after.output
