"""The give-and-ask ledger: what you gave each person, what you asked, and their replies.

Good networking gives before it asks and never asks the same person twice in a month.
The ledger remembers, in a small SQLite file, so the plan can follow that advice: recent
gives warm a tie up, a recent ask (above all one still waiting for a reply) demotes that
person as a connector for a while.

=======================  ================================================================
:mod:`.store`            the file: where it lives, schema and migrations, writing
                         (:func:`open_ledger`, :func:`add_entry`)
:mod:`.read`             reading (:func:`list_entries`, :func:`read_ledger`: unreadable
                         rows skipped with a warning), the CSV export
:mod:`.policy`           what it means: per-person summaries (:func:`summarize_ledger`),
                         the ranking's adjustments (:func:`ledger_adjustments`, numbers
                         from :class:`~netgraph.weights.Weights`), :func:`render_ledger`
:mod:`.people`           the person a command means (:func:`resolve_person`)
:mod:`.check`            ``netgraph log check``: problems found, and their repair
:mod:`.days`             the days an entry may carry and how they are stored
:mod:`.threads`          the tracker: where each ask's thread stands (asked, introduced,
                         talked, referred, applied) and the next step
=======================  ================================================================
"""

from __future__ import annotations

from netgraph.ledger.check import LedgerCheck, Problem, check_ledger, render_check, repair_ledger
from netgraph.ledger.people import known_people, resolve_person
from netgraph.ledger.policy import ledger_adjustments, render_ledger, summarize_ledger
from netgraph.ledger.read import export_entries, list_entries, read_ledger
from netgraph.ledger.store import (
    FIRST_DAY,
    KINDS,
    LAST_DAY,
    OUTCOMES,
    SCHEMA_VERSION,
    add_entry,
    default_ledger_path,
    entry_time,
    ledger_files,
    open_ledger,
)
from netgraph.ledger.threads import THREAD_COLUMNS, ledger_threads, next_step, render_threads

__all__ = [
    "known_people",
    "render_ledger",
    "KINDS",
    "OUTCOMES",
    "SCHEMA_VERSION",
    "FIRST_DAY",
    "LAST_DAY",
    "default_ledger_path",
    "ledger_files",
    "open_ledger",
    "read_ledger",
    "add_entry",
    "entry_time",
    "list_entries",
    "export_entries",
    "summarize_ledger",
    "ledger_adjustments",
    "resolve_person",
    "check_ledger",
    "repair_ledger",
    "render_check",
    "LedgerCheck",
    "Problem",
    "ledger_threads",
    "render_threads",
    "next_step",
    "THREAD_COLUMNS",
]
