"""Ledger policy: what the give-and-ask ledger means for the ranking, and per-person summaries.

Good networking gives before it asks and never asks the same person twice in a month.
:func:`summarize_ledger` sums the ledger up per person as it stood on a day;
:func:`ledger_adjustments` turns that summary into the scoring engine's adjustments
(a warmth bonus after a give, a weaker connector after an ask), with every number from
:class:`netgraph.weights.Weights`; :func:`render_ledger` is the ledger as plain text.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

from netgraph._words import ago as _ago
from netgraph._words import plural as _plural
from netgraph.errors import LedgerError
from netgraph.ledger.read import ENTRY_COLUMNS
from netgraph.ledger.store import FIRST_DAY, LAST_DAY
from netgraph.weights import Weights

__all__ = ["summarize_ledger", "ledger_adjustments", "render_ledger"]

_SUMMARY_COLUMNS = [
    "person_id", "name", "gives", "asks", "last_give", "last_ask", "open_ask",
    "days_since_give", "days_since_ask", "last_outcome", "reasons",
]
_ADJUSTMENT_COLUMNS = ["person_id", "warmth_bonus", "connector_penalty", "reasons"]


def _as_of_timestamp(as_of: object) -> pd.Timestamp:
    """Midnight at the start of the ``as_of`` day, naive; a LedgerError for anything else."""
    if isinstance(as_of, str):
        try:
            as_of = dt.date.fromisoformat(as_of.strip())
        except ValueError:
            raise LedgerError(f"as_of {as_of!r} is not a date; use YYYY-MM-DD, e.g. 2026-11-20") from None
    if not isinstance(as_of, (dt.date, pd.Timestamp)) or pd.isna(as_of):
        raise LedgerError(f"as_of must be a date, not {type(as_of).__name__} {as_of!r}")
    day = as_of.date() if isinstance(as_of, dt.datetime) else as_of
    if not FIRST_DAY <= day <= LAST_DAY:
        raise LedgerError(f"as_of {day} is not between {FIRST_DAY} and {LAST_DAY}")
    return pd.Timestamp(day.year, day.month, day.day)


def _checked_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """`entries` with ``at`` as datetime64; a LedgerError naming what is wrong otherwise."""
    if not isinstance(entries, pd.DataFrame):
        raise LedgerError(f"ledger entries must be a DataFrame from list_entries, not {type(entries).__name__}")
    missing = [column for column in ENTRY_COLUMNS if column not in entries.columns]
    if missing:
        raise LedgerError(f"ledger entries lack the columns {', '.join(missing)}; read them with list_entries")
    at = entries["at"]
    if not pd.api.types.is_datetime64_any_dtype(at):
        try:
            at = pd.to_datetime(at, format="ISO8601")
        except (ValueError, TypeError, OverflowError) as error:
            raise LedgerError(f"ledger entries have a time that is not an ISO 8601 date ({error})") from None
    if getattr(at.dt, "tz", None) is not None:
        at = at.dt.tz_convert("UTC").dt.tz_localize(None)
    days = at.dropna().dt.date
    bad = days[(days < FIRST_DAY) | (days > LAST_DAY)]
    if at.isna().any() or len(bad):
        value = "missing" if at.isna().any() else str(bad.iloc[0])
        raise LedgerError(f"a ledger entry's time is {value}; every entry needs a day between {FIRST_DAY} "
                          f"and {LAST_DAY} (netgraph log check finds such rows)")
    at = at.astype("datetime64[ns]")
    unknown = sorted(set(entries["kind"]) - {"give", "ask", "reply"}, key=str)
    if unknown:
        raise LedgerError(f"unknown ledger entry kind {unknown[0]!r}; use give, ask or reply")
    return entries.assign(at=at)


def summarize_ledger(entries: pd.DataFrame, *, as_of: dt.date | dt.datetime) -> pd.DataFrame:
    """Sum up the ledger per person, as it stood at the end of ``as_of``.

    Entries dated after ``as_of`` are ignored, so the same ledger and date always give the
    same summary.

    Parameters
    ----------
    entries
        From :func:`netgraph.ledger.list_entries` or :func:`netgraph.ledger.read_ledger`.
    as_of
        The day that "days since" is measured from.

    Returns
    -------
    DataFrame
        One row per ``person_id``, ordered by name: ``person_id, name`` (the latest name
        written), ``gives, asks`` (counts), ``last_give, last_ask`` (datetime64, NaT when
        none), ``open_ask`` (bool: an ask with no reply yet), ``days_since_give,
        days_since_ask`` (whole days, nullable Int64), ``last_outcome`` (the reply to the
        latest ask: ``'yes'``, ``'no'``, ``'no-answer'`` or ``''``), ``reasons`` (tuple of
        sentences, e.g. ``"you helped them 2 weeks ago"``, ``"you asked them 9 days ago,
        no reply yet"``, ``"2 gives, 1 ask"``).

    Raises
    ------
    LedgerError
        ``as_of`` is not a date, or ``entries`` lack a column or hold a time or kind that
        is not valid.

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
    >>> from netgraph.ledger import add_entry, list_entries, open_ledger
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="give",
    ...                   what="shared a meetup", at=dt.date(2026, 11, 6))
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="ask",
    ...                   what="intro to Dana", at=dt.date(2026, 11, 11))
    ...     summary = summarize_ledger(list_entries(conn), as_of=dt.date(2026, 11, 20))
    >>> for reason in summary.loc[0, "reasons"]:
    ...     print(reason)
    you helped them 2 weeks ago (shared a meetup)
    you asked them 9 days ago, no reply yet (intro to Dana)
    1 give, 1 ask
    """
    day = _as_of_timestamp(as_of)
    entries = _checked_entries(entries)
    entries = entries[entries["at"] < day + pd.Timedelta(days=1)]
    if entries.empty:
        return _empty_summary()
    entries = entries.sort_values(["at", "id"], kind="stable")
    replies = entries[entries["kind"] == "reply"].dropna(subset=["reply_to"])
    outcome_of = dict(zip(replies["reply_to"].astype("int64"), replies["outcome"]))

    people = entries.groupby("person_id", sort=False).agg(name=("name", "last"))
    gives = entries[entries["kind"] == "give"].groupby("person_id")
    asks = entries[entries["kind"] == "ask"]
    asks = asks.assign(outcome=[outcome_of.get(int(i), "") for i in asks["id"]])
    by_ask = asks.groupby("person_id")
    open_asks = asks[asks["outcome"] == ""].groupby("person_id")

    summary = people.assign(
        gives=gives.size(),
        asks=by_ask.size(),
        last_give=gives["at"].max(),
        last_ask=by_ask["at"].max(),
        last_outcome=by_ask["outcome"].last(),
        give_what=gives["what"].last(),
        ask_what=by_ask["what"].last(),
        open_ask_at=open_asks["at"].max(),
        open_what=open_asks["what"].last(),
    ).reset_index()
    summary["gives"] = summary["gives"].fillna(0).astype("int64")
    summary["asks"] = summary["asks"].fillna(0).astype("int64")
    for column in ("last_outcome", "give_what", "ask_what", "open_what"):
        summary[column] = summary[column].astype(object).fillna("").astype(str)
    for column in ("last_give", "last_ask", "open_ask_at"):
        summary[column] = summary[column].astype("datetime64[ns]")
    summary["open_ask"] = summary["open_ask_at"].notna()
    summary["days_since_give"] = (day - summary["last_give"].dt.normalize()).dt.days.astype("Int64")
    summary["days_since_ask"] = (day - summary["last_ask"].dt.normalize()).dt.days.astype("Int64")
    summary["reasons"] = [_summary_reasons(row, day) for row in summary.itertuples(index=False)]
    summary = summary.assign(_key=summary["name"].str.casefold())
    summary = summary.sort_values(["_key", "person_id"], kind="stable").reset_index(drop=True)
    return summary[_SUMMARY_COLUMNS]


def _with_what(sentence: str, what: str) -> str:
    return f"{sentence} ({what})" if what else sentence


def _summary_reasons(row, day: pd.Timestamp) -> tuple[str, ...]:
    """The sentences for one person's summary row."""
    reasons = []
    if pd.notna(row.last_give):
        reasons.append(_with_what(f"you helped them {_ago(row.days_since_give)}", row.give_what))
    if pd.notna(row.open_ask_at):
        days = (day - row.open_ask_at.normalize()).days
        reasons.append(_with_what(f"you asked them {_ago(days)}, no reply yet", row.open_what))
    elif pd.notna(row.last_ask):
        answer = {"yes": "they said yes", "no": "they said no", "no-answer": "no answer",
                  "introduced": "they introduced you", "talked": "you have talked",
                  "referred": "you were referred", "applied": "you applied"}.get(row.last_outcome, "")
        sentence = f"you asked them {_ago(row.days_since_ask)}" + (f"; {answer}" if answer else "")
        reasons.append(_with_what(sentence, row.ask_what))
    reasons.append(f"{_plural(row.gives, 'give')}, {_plural(row.asks, 'ask')}")
    if row.asks > row.gives:
        reasons.append("more asks than gives: give something before the next ask")
    return tuple(reasons)


def _empty_summary() -> pd.DataFrame:
    return pd.DataFrame({
        "person_id": pd.Series(dtype=str), "name": pd.Series(dtype=str),
        "gives": pd.Series(dtype="int64"), "asks": pd.Series(dtype="int64"),
        "last_give": pd.Series(dtype="datetime64[ns]"),
        "last_ask": pd.Series(dtype="datetime64[ns]"),
        "open_ask": pd.Series(dtype=bool),
        "days_since_give": pd.Series(dtype="Int64"), "days_since_ask": pd.Series(dtype="Int64"),
        "last_outcome": pd.Series(dtype=str), "reasons": pd.Series(dtype=object),
    })


def _check_weights(weights: Weights) -> None:
    for name in ("ledger_give_half_life_days", "ask_again_days"):
        if not getattr(weights, name) > 0:
            raise LedgerError(f"Weights.{name} must be a positive number of days, not {getattr(weights, name)!r}")
    for name in ("ledger_give_bonus", "ledger_open_ask_floor", "ledger_answered_ask_floor"):
        if not 0 <= getattr(weights, name) <= 1:
            raise LedgerError(f"Weights.{name} must be between 0 and 1, not {getattr(weights, name)!r}")


def ledger_adjustments(
    summary: pd.DataFrame,
    *,
    as_of: dt.date | dt.datetime,
    weights: Weights | None = None,
) -> pd.DataFrame:
    """Turn the ledger summary into adjustments for the scoring engine.

    Give before you ask, and do not ask the same person twice in a month. With the
    default :class:`~netgraph.weights.Weights`:

    * ``warmth_bonus`` (0 to ``ledger_give_bonus`` = 0.3) is added to the warmth of the
      tie. A give on the ``as_of`` day earns the full bonus, halving every
      ``ledger_give_half_life_days`` (60) days since the latest give:
      ``0.3 * 0.5 ** (days_since_give / 60)``. No give, no bonus. The engine should clip
      the sum at 1.
    * ``connector_penalty`` (0 to 1) multiplies the person's score as a connector. Right
      after an ask it is ``ledger_open_ask_floor`` (0.25) while the ask waits for a reply
      and ``ledger_answered_ask_floor`` (0.5) once answered; it rises in a straight line
      to 1 (no penalty) at ``ask_again_days`` (30) days after the latest ask,
      and stays 1 after that or when you never asked.

    Days are counted from the latest give or ask to ``as_of``; entries after ``as_of``
    should not be in ``summary`` (:func:`summarize_ledger` leaves them out).

    Parameters
    ----------
    summary
        From :func:`summarize_ledger`.
    as_of
        The day to measure from (the report's ``--as-of``).
    weights
        The model's numbers (``Weights()`` by default): the ``ledger_*`` fields and
        ``ask_again_days``.

    Returns
    -------
    DataFrame
        One row per person in ``summary``: ``person_id, warmth_bonus, connector_penalty,
        reasons`` (tuple of sentences explaining each adjustment that matters: a bonus of
        0.01 or more, a penalty below 1).

    Raises
    ------
    LedgerError
        ``as_of`` is not a date, or one of those weights is out of range.

    Examples
    --------
    >>> import datetime as dt
    >>> summary = pd.DataFrame({
    ...     "person_id": ["in:sam-lee"], "last_give": [pd.Timestamp("2026-09-21")],
    ...     "last_ask": [pd.Timestamp("2026-11-11")], "open_ask": [True]})
    >>> adj = ledger_adjustments(summary, as_of=dt.date(2026, 11, 20))
    >>> float(adj.loc[0, "warmth_bonus"]), float(adj.loc[0, "connector_penalty"])
    (0.15, 0.475)
    >>> adj.loc[0, "reasons"][1]
    'you asked them 9 days ago, no reply yet: wait 21 more days before asking again'
    """
    w = weights or Weights()
    _check_weights(w)
    day = _as_of_timestamp(as_of)
    try:
        last_give = pd.to_datetime(summary["last_give"]).dt.normalize()
        last_ask = pd.to_datetime(summary["last_ask"]).dt.normalize()
    except (KeyError, ValueError, TypeError, OverflowError) as error:
        raise LedgerError(f"the ledger summary has no usable last_give/last_ask ({error}); "
                          "build it with summarize_ledger") from None
    give_days = (day - last_give).dt.days.clip(lower=0)
    ask_days = (day - last_ask).dt.days.clip(lower=0)
    is_open = summary["open_ask"].astype("boolean").fillna(False).astype(bool)

    bonus = (w.ledger_give_bonus * 0.5 ** (give_days / w.ledger_give_half_life_days)).fillna(0.0)
    ramp = (ask_days / w.ask_again_days).clip(upper=1.0)
    floor = is_open.map({True: w.ledger_open_ask_floor, False: w.ledger_answered_ask_floor}).astype(float)
    penalty = (floor + (1 - floor) * ramp).fillna(1.0)

    out = pd.DataFrame({
        "person_id": summary["person_id"].to_numpy(),
        "warmth_bonus": bonus.round(4).to_numpy(dtype=float),
        "connector_penalty": penalty.round(4).to_numpy(dtype=float),
    })
    reasons = []
    for g_days, a_days, open_ask, b, p in zip(give_days, ask_days, is_open, out["warmth_bonus"],
                                              out["connector_penalty"]):
        sentences = []
        if b >= 0.01:  # a give too old to matter goes unmentioned
            sentences.append(f"you helped them {_ago(int(g_days))}")
        if p < 1:
            wait = math.ceil(w.ask_again_days - a_days)
            state = ", no reply yet" if open_ask else ""
            sentences.append(f"you asked them {_ago(int(a_days))}{state}: wait "
                             f"{_plural(wait, 'more day')} before asking again")
        reasons.append(tuple(sentences))
    out["reasons"] = pd.Series(reasons, dtype=object)
    return out[_ADJUSTMENT_COLUMNS]


def render_ledger(entries: pd.DataFrame, *, as_of: dt.date | dt.datetime, person: bool = False) -> str:
    """The ledger as plain text: one line per person, or one per entry for one person.

    Examples
    --------
    >>> import datetime as dt
    >>> from contextlib import closing
    >>> from netgraph.ledger import add_entry, list_entries, open_ledger
    >>> with closing(open_ledger(":memory:")) as conn:
    ...     _ = add_entry(conn, person_id="in:sam-lee", name="Sam Lee", kind="ask",
    ...                   what="intro to Dana", at=dt.date(2026, 11, 11))
    ...     entries = list_entries(conn)
    >>> print(render_ledger(entries, as_of=dt.date(2026, 11, 20)))
    Sam Lee: you asked them 9 days ago, no reply yet (intro to Dana); 0 gives, 1 ask; more asks than gives: ...
    >>> print(render_ledger(entries, as_of=dt.date(2026, 11, 20), person=True))
    2026-11-11  ask    intro to Dana
    """
    if entries.empty:
        return "The ledger is empty."
    if person:
        entries = _checked_entries(entries)
        return "\n".join(
            f"{at:%Y-%m-%d}  {kind:<6} {(what + (' -> ' + outcome if outcome else '')).strip()}".rstrip()
            for at, kind, what, outcome in zip(entries["at"], entries["kind"], entries["what"], entries["outcome"]))
    summary = summarize_ledger(entries, as_of=as_of)
    return "\n".join(f"{name}: {'; '.join(reasons)}" for name, reasons in zip(summary["name"], summary["reasons"]))
