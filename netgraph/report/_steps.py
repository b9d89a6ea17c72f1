"""The messages after the first one: follow-up, thank-you, to-them, report-back, share-request.

An introduction is a short sequence. Each step here writes one message from what the
plan and the ledger know: the earlier ask and its date (from ``plan.threads``), the person
introduced, your own background (``plan.me``) for the blurb. None of them asks for a
second thing: a follow-up nudges, a thank-you thanks and promises news, a report-back
gives the news.
"""

from __future__ import annotations

import datetime as dt

from netgraph._words import article
from netgraph.actions import Action
from netgraph.blurb import write_blurb
from netgraph.errors import NetgraphError
from netgraph.io._pack import describe_share_request
from netgraph.plan import Plan
from netgraph.report import _common as c

__all__ = ["STEPS", "choose_step", "thread_for", "follow_up", "thank_you", "to_them", "report_back",
           "share_request"]

#: Every step ``netgraph draft --step`` writes, in the order a thread runs.
STEPS = ("ask", "follow-up", "thank-you", "to-them", "report-back", "share-request")

def thread_for(plan: Plan, action: Action) -> dict | None:
    """The latest ledger thread with this action's recipient (about this company when the ask
    names one), or None."""
    threads = plan.threads
    if threads is None or threads.empty:
        return None
    mine = threads.loc[threads["person_id"].eq(action.recipient_id)]
    named = mine.loc[mine["target"].eq(action.company)]
    rows = (named if len(named) else mine.loc[mine["target"].eq("")]).to_dict("records")
    return rows[0] if rows else None  # newest first


def choose_step(plan: Plan, action: Action, *, ask_again_days: float = 30) -> str:
    """The next step for this person, from the ledger: ``ask`` when there is no thread yet
    and no ask to them in the last ``ask_again_days`` (about any company).

    Raises
    ------
    NetgraphError
        When nothing is due yet (an ask of 3 days ago) or the thread is closed (a "no"):
        the message says what happened and when, and what to do instead.
    """
    thread = thread_for(plan, action)
    who = action.recipient["name"]
    if thread is None:
        recent = _recent_ask(plan, action, ask_again_days)
        if recent is not None:
            again = recent["asked_on"] + dt.timedelta(days=int(ask_again_days))
            about = f" about {recent['target']}" if recent["target"] else ""
            raise NetgraphError(f"you asked {who}{about} on {c.long_date(recent['asked_on'])}: one ask at a time, "
                                f"so no new ask before {c.long_date(again)}; netgraph report lists other routes")
        return "ask"
    stage, on = thread["stage"], thread["stage_on"]
    if thread["next_step"]:
        return str(thread["next_step"])
    if stage == "asked":
        due = thread["asked_on"] + dt.timedelta(days=int(plan.weights.follow_up_days))
        raise NetgraphError(f"you asked {who} on {c.long_date(thread['asked_on'])}; give them until "
                            f"{c.long_date(due)} before a follow-up (--step follow-up), and no new ask meanwhile")
    if stage in ("no", "no-answer"):
        raise NetgraphError(f"{who}'s answer to your ask of {c.long_date(thread['asked_on'])} was "
                            f"'{stage}': ask someone else (netgraph report lists other routes), or pass --step")
    raise NetgraphError(f"your thread with {who} reached '{stage}' on {c.long_date(on)}: nothing more to send "
                        "unless you choose a step with --step")


def _recent_ask(plan: Plan, action: Action, days: float) -> dict | None:
    threads = plan.threads
    if threads is None or threads.empty:
        return None
    mine = threads.loc[threads["person_id"].eq(action.recipient_id)]
    recent = [t for t in mine.to_dict("records") if (plan.as_of - t["asked_on"]).days < days]
    return recent[0] if recent else None


def _about(thread: dict | None, action: Action) -> str:
    if thread is not None and thread.get("about"):
        return str(thread["about"])
    return str((action.target or {}).get("name", ""))


def _asked_about(thread: dict | None, action: Action) -> str:
    about = _about(thread, action)
    if about:
        return f"an introduction to {about}"
    what = str(thread.get("what", "")) if thread else ""
    return what or f"{action.company}"


def _subject_of(thread: dict | None, action: Action) -> str:
    """What the earlier ask was about, in words: an introduction, a referral, or a conversation."""
    about = _about(thread, action)
    if about:
        return f"an introduction to {about}"
    if action.kind == "referral":
        return f"a referral at {action.company}"
    return f"a short conversation about {action.company}"


def follow_up(plan: Plan, action: Action) -> tuple[str, list[str]]:
    """A short nudge naming the earlier ask and its date; never a second ask."""
    thread = thread_for(plan, action)
    if thread is None or thread["stage"] != "asked":
        raise NetgraphError(f"no open ask to {action.recipient['name']} in the ledger to follow up on; "
                            "log it first: netgraph log ask ... --target COMPANY")
    when = c.long_date(thread["asked_on"])
    return f"Following up on my note of {when}", [
        f"I wanted to follow up on my message of {when} about {_subject_of(thread, action)}.",
        "I know things get busy, so no pressure at all: if now isn't a good time, that's completely fine.",
        "Thanks either way.",
    ]


def thank_you(plan: Plan, action: Action) -> tuple[str, list[str]]:
    """Thanks for a yes (an introduction, a referral, a conversation), and a promise of news."""
    thread = thread_for(plan, action)
    about = _about(thread, action)
    if about:
        return "Thank you!", [
            f"Thank you so much for agreeing to introduce me to {about}; I really appreciate it.",
            f"I'll reach out to {c.first_name(about)} and let you know how our conversation goes.",
            "If there's ever anything I can do for you in return, just say.",
        ]
    if action.kind == "referral" or (thread is not None and thread["stage"] == "referred"):
        done = thread is not None and thread["stage"] == "referred"
        return "Thank you!", [
            f"Thank you so much for {'referring me' if done else 'agreeing to refer me'} at {action.company}; "
            "I really appreciate it.",
            "I'll let you know how the process goes." if done else
            "I'll send you my CV and the link to the posting today, so it takes you as little time as possible.",
            "If there's ever anything I can do for you in return, just say.",
        ]
    return "Thank you!", [
        f"Thank you for agreeing to talk about your work at {action.company}; I'm looking forward to it.",
        "I'll send a couple of times that might suit you, and I'll keep it to 20 minutes.",
    ]


def to_them(plan: Plan, action: Action, titles: tuple[str, ...]) -> tuple[str, str, list[str]]:
    """The first message to the person you were introduced to: (recipient, subject, body)."""
    thread = thread_for(plan, action)
    about = _about(thread, action)
    if not about:
        raise NetgraphError(f"whom did {action.recipient['name']} introduce you to? log the ask with --about NAME, "
                            "or name the person with --target")
    connector = action.recipient["name"]
    position = str((action.target or {}).get("position", ""))
    blurb = write_blurb(plan.me, looking_for=titles, voice="first")
    work = f"your work as {article(position)} {position}" if position else f"your work at {action.company}"
    lines = [f"{connector} kindly offered to connect us, and I'm glad to be in touch."]
    if blurb:
        lines.append(blurb)
    lines += [f"Would you have 20 minutes in the next couple of weeks for a call? I'd love to hear about {work} "
              f"at {action.company}." if position else
              f"Would you have 20 minutes in the next couple of weeks for a call? I'd love to hear about {work}.",
              "Thank you, and thanks again to " + c.first_name(connector) + " for connecting us."]
    return about, f"Introduced by {connector}", lines


def report_back(plan: Plan, action: Action) -> tuple[str, list[str]]:
    """After the conversation: to the connector, how it went; to the person you talked with, thanks."""
    thread = thread_for(plan, action)
    about = _about(thread, action)
    talked = [day for stage, day in (thread["steps"] if thread else ()) if stage == "talked"]
    when = f" on {c.long_date(talked[-1])}" if talked else ""
    if not about:  # you talked with them yourself: a thank-you, not news
        return "Thank you for your time", [
            f"Thank you for taking the time to talk{when}; it was really helpful to hear how things work at "
            f"{action.company}.",
            "I'll keep you posted on how my search goes, and let me know if I can ever return the favour.",
        ]
    first = c.first_name(about)
    return f"How it went with {first}", [
        f"I wanted to let you know that {first} and I talked{when}, and it was really helpful.",
        "Thank you again for the introduction: it made a real difference.",
        "I'll keep you posted on how things go, and let me know if I can ever return the favour.",
    ]


def share_request(plan: Plan, friend: dict) -> tuple[str, list[str]]:
    """Ask a friend to make a share pack (``netgraph share``) for your targets."""
    companies = [t.company for t in c.targets(plan)]
    return "A small favour: who you know at a few companies", [
        f"I'm looking at roles at {_join(companies)}, and I'd love to know whom you know there and how well.",
        describe_share_request(companies, targets_file="targets.csv"),
        "Would you be willing to run it and send me the file? Completely fine if not.",
    ]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


