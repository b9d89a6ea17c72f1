"""Where each outreach thread stands: asked, introduced, talked, referred, applied.

A *thread* is one ask in the ledger and the replies that belong to it (``netgraph log
reply ... --outcome yes|no|no-answer|introduced|talked|referred|applied``). The tracker
says, per target company, how far each thread got, on which day each step happened, and
what the next step is (the ``--step`` that ``netgraph draft`` writes for it).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from netgraph.ledger.read import empty_entries
from netgraph.weights import Weights

__all__ = ["THREAD_COLUMNS", "STAGES", "ledger_threads", "next_step", "render_threads"]

#: The columns of :func:`ledger_threads`.
THREAD_COLUMNS = ["ask_id", "person_id", "name", "target", "about", "what", "asked_on", "stage", "stage_on",
                  "steps", "next_step"]
#: A thread's stages, in the order they happen (an ask is ``asked`` until a reply comes).
STAGES = ("asked", "yes", "no", "no-answer", "introduced", "talked", "referred", "applied")

def next_step(stage: str, days_since: int, *, follow_up_days: float | None = None) -> str:
    """The draft step a thread calls for now, or ``""`` when nothing is due; a follow-up
    after ``Weights.follow_up_days`` without a reply.

    Examples
    --------
    >>> next_step("asked", 8), next_step("asked", 2), next_step("yes", 1), next_step("talked", 0)
    ('follow-up', '', 'thank-you', 'report-back')
    """
    if stage == "asked":
        wait = Weights().follow_up_days if follow_up_days is None else follow_up_days
        return "follow-up" if days_since >= wait else ""
    steps = {"yes": "thank-you", "introduced": "to-them", "talked": "report-back", "referred": "thank-you"}
    return steps.get(stage, "")


def ledger_threads(entries: pd.DataFrame, *, as_of: dt.date, weights: Weights | None = None) -> pd.DataFrame:
    """Every ask in the ledger with how far its thread got, as it stood at the end of ``as_of``.

    Parameters
    ----------
    entries
        From :func:`netgraph.ledger.list_entries` or :func:`netgraph.ledger.read_ledger`.
    as_of
        Entries after this day are ignored.

    Returns
    -------
    DataFrame
        One row per ask (columns :data:`THREAD_COLUMNS`), newest first: ``steps`` is a tuple
        of ``(stage, date)``, ``stage`` the latest, ``next_step`` from :func:`next_step`.

    Examples
    --------
    >>> from contextlib import closing
    >>> from netgraph.ledger import add_entry, list_entries, open_ledger
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     _ = add_entry(conn, person_id="in:theo", name="Theo Lind", kind="ask", what="intro to Samir",
    ...                   target="Stripe", about="Samir Haddad", at=dt.date(2026, 11, 2))
    ...     _ = add_entry(conn, person_id="in:theo", name="Theo Lind", kind="reply", outcome="yes",
    ...                   at=dt.date(2026, 11, 4))
    ...     threads = ledger_threads(list_entries(conn), as_of=dt.date(2026, 11, 20))
    >>> threads.loc[0, ["stage", "next_step"]].tolist()
    ['yes', 'thank-you']
    """
    if entries is None or entries.empty:
        entries = empty_entries()
    day = pd.Timestamp(as_of) + pd.Timedelta(days=1)
    entries = entries.loc[entries["at"] < day]
    asks = entries.loc[entries["kind"].eq("ask")]
    replies = entries.loc[entries["kind"].eq("reply") & entries["reply_to"].notna()]
    by_ask: dict[int, list[tuple[str, dt.date]]] = {}
    for reply in replies.to_dict("records"):
        by_ask.setdefault(int(reply["reply_to"]), []).append((str(reply["outcome"]), reply["at"].date()))
    rows = []
    for row in asks.to_dict("records"):
        asked_on = row["at"].date()
        steps = (("asked", asked_on), *by_ask.get(int(row["id"]), ()))
        stage, stage_on = steps[-1]
        rows.append({
            "ask_id": int(row["id"]), "person_id": row["person_id"], "name": row["name"], "target": row["target"],
            "about": row["about"], "what": row["what"], "asked_on": asked_on, "stage": stage, "stage_on": stage_on,
            "steps": steps, "next_step": next_step(stage, (as_of - stage_on).days,
                                                    follow_up_days=(weights or Weights()).follow_up_days),
        })
    frame = pd.DataFrame(rows, columns=THREAD_COLUMNS)
    return frame.sort_values(["asked_on", "ask_id"], ascending=False, kind="stable").reset_index(drop=True)


_STEP_WORDS = {"asked": "asked", "yes": "said yes", "no": "said no", "no-answer": "no answer",
               "introduced": "introduced", "talked": "talked", "referred": "referred", "applied": "applied"}
_NEXT_WORDS = {"follow-up": "a short follow-up (netgraph draft --step follow-up)",
               "thank-you": "thank them, then write to the person introduced (--step thank-you, --step to-them)",
               "to-them": "write to the person you were introduced to (--step to-them)",
               "report-back": "tell them how it went, or thank them for their time (--step report-back)"}


def render_threads(threads: pd.DataFrame) -> str:
    """The tracker as plain text: per target, each thread's steps with their dates.

    Examples
    --------
    >>> print(render_threads(pd.DataFrame(columns=THREAD_COLUMNS)), end="")
    No asks in the ledger yet: netgraph log ask PERSON --target COMPANY records one.
    """
    if threads.empty:
        return "No asks in the ledger yet: netgraph log ask PERSON --target COMPANY records one.\n"
    lines = ["In progress:"]
    named = threads.assign(target=threads["target"].replace("", "(no target named)"))
    for target in sorted(set(named["target"])):
        group = named.loc[named["target"].eq(target)]
        lines.append(f"  {target}")
        for row in group.to_dict("records"):
            about = f" about {row['about']}" if row["about"] else (f" ({row['what']})" if row["what"] else "")
            path = " -> ".join(f"{_STEP_WORDS.get(stage, stage)} {day.isoformat()}" for stage, day in row["steps"])
            nxt = f"; next: {_NEXT_WORDS[row['next_step']]}" if row["next_step"] else ""
            lines.append(f"    {row['name']}{about}: {path}{nxt}")
    return "\n".join(lines) + "\n"
