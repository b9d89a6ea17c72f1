"""Every number of the scoring and advice model, in one frozen dataclass.

:class:`Weights` is the one home of the model's numbers: warmth points and half-lives,
the ask thresholds, ranking shares, the ledger's effects and the advice policy. Change any
of them in Python (``Weights().replace(message=0.5)``) or from the command line with
``--weights FILE.toml`` (see :func:`read_weights`).
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
from dataclasses import dataclass

import pandas as pd

from netgraph.errors import NetgraphError

__all__ = ["Weights", "describe_weights", "read_weights"]


@dataclass(frozen=True)
class Weights:
    """Every weight and half-life of the scoring model, with its default.

    Warmth of a tie (0..1) is ``1 - exp(-points)``; the point fields below are what each
    kind of evidence adds before decay. A half-life of 365 days means evidence from a
    year ago counts half.

    Attributes
    ----------
    message : 0.35
        Points per ``log(1 + n)`` decayed messages: the 20th message adds less than the 2nd.
        Messages you sent that were never answered earn nothing: outreach is not a tie.
    two_way : 0.6
        Extra points when messages went both ways: times ``n / (n + 2)`` for ``n``
        messages on the quieter side (one exchange earns a third), decayed by the age of
        the last exchange.
    message_half_life_days : 365
        Half-life of a message.
    recommendation : 1.0
        Points for each recommendation, given (value you already provided) or received.
    recommendation_half_life_days : 1095
        Half-life of a recommendation (three years).
    endorsement : 0.15
        Points per endorsement, given or received, at most three counted.
    endorsement_half_life_days : 730
        Half-life of an endorsement.
    invitation_note : 0.1
        Points when the invitation to connect came with a personal note.
    shared_history : 0.45
        Points for inferred shared history: a connection made while you worked at the
        company they work at now (a likely former colleague), or while you studied.
    shared_history_half_life_days : 1825
        Half-life of shared history, counted from when it ended.
    shared_history_cohort : 8
        Inferred shared history counts fully only when at most this many connections were
        made at the same place in the same window; a larger cohort shares the points
        (``shared_history x min(1, 8 / cohort)``): 166 people connected during one
        bootcamp are not 166 classmates.
    connection : 0.05
        Points for being connected at all.
    known_strength : (0.2, 0.35, 0.5, 0.7, 0.9)
        Tie strength for ``--known`` strengths 1..5; 0.35 when no strength is given.
    closeness : (0.08, 0.25, 0.5, 0.75, 0.95)
        Warmth for your own closeness notes 1..5: these override the model.
    tag_floor : family 0.85, friend 0.8, mentor 0.7, colleague 0.5, classmate 0.4, ...
        The least warmth a tag in your notes implies.
    referral_warmth : 0.65
        An insider is asked for a referral only at this warmth or above, with contact in
        the last ``referral_recent_days``.
    referral_recent_days : 365
        How recent the last contact must be for a referral ask.
    cold_days : 730
        A tie with no contact for this long (and connected for this long) has gone cold:
        the ask is to reconnect and give something first.
    warmth_share : 0.6
        Insider score = warmth^share x relevance^(1 - share).
    path_shares : (0.45, 0.3, 0.25)
        Intro-path score = warmth(you, connector)^a x strength(connector, them)^b x relevance^c.
    priority_step : 0.2
        Relevance falls by this share per priority step: priority 2 counts 1/(1 + 0.2).
    role_factor : wanted title 1.0, hiring manager 0.9, recruiter 0.85, other 0.55
        How much a person's role at the target matters.
    same_company_decay : 0.5
        A connector's second person at the same target adds half as much, the third a quarter.
    max_intros : 3
        The most introductions suggested from one connector at once.
    close_warmth, warm_warmth, cool_warmth : 0.6, 0.35, 0.15
        The warmth scale's words: a tie at or above ``close_warmth`` is "close", then
        "warm", "cool", and below ``cool_warmth`` "cold" (:func:`netgraph.advice.warmth_word`).
    intro_warmth : 0.15
        A connector is asked for an introduction only at this warmth or above (and in touch
        within ``cold_days``); below it, the ask is to get in touch first.
    follow_up_days : 7
        An ask without a reply gets a follow-up after this many days, never a second ask.
    ask_again_days : 30
        No new ask to the same person within this many days of the last one.
    stale_after_days : 365
        Ties from a friend's export older than this are discounted, and say so.
    stale_half_life_days : 730
        Past ``stale_after_days``, an export's ties lose half their strength every this
        many days.
    week_actions : 3
        How many actions "Do these first this week" shows.
    ledger_give_bonus : 0.3
        Warmth added to a tie on the day you log a give to that person (``netgraph log
        give``), halving every ``ledger_give_half_life_days``: giving before asking.
    ledger_give_half_life_days : 60
        Half-life of a give's warmth bonus.
    ledger_open_ask_floor : 0.25
        Right after an ask still waiting for a reply, the person's score as a connector is
        multiplied by this, rising in a straight line to 1 at ``ask_again_days`` after the ask.
    ledger_answered_ask_floor : 0.5
        The same multiplier right after an ask that was answered.
    """

    message: float = 0.35
    two_way: float = 0.6
    message_half_life_days: float = 365.0
    recommendation: float = 1.0
    recommendation_half_life_days: float = 1095.0
    endorsement: float = 0.15
    endorsement_half_life_days: float = 730.0
    invitation_note: float = 0.1
    shared_history: float = 0.45
    shared_history_half_life_days: float = 1825.0
    shared_history_cohort: float = 8.0
    connection: float = 0.05
    known_strength: tuple = (0.2, 0.35, 0.5, 0.7, 0.9)
    known_default: float = 0.35
    closeness: tuple = (0.08, 0.25, 0.5, 0.75, 0.95)
    tag_floor: tuple = (
        ("family", 0.85), ("friend", 0.8), ("mentor", 0.7), ("colleague", 0.5),
        ("classmate", 0.4), ("met-recently", 0.35), ("alumni", 0.25),
    )
    referral_warmth: float = 0.65
    referral_recent_days: float = 365.0
    cold_days: float = 730.0
    warmth_share: float = 0.6
    path_shares: tuple = (0.45, 0.3, 0.25)
    priority_step: float = 0.2
    role_factor: tuple = (
        ("wanted title", 1.0), ("hiring manager", 0.9), ("recruiter", 0.85), ("other", 0.55),
    )
    same_company_decay: float = 0.5
    max_intros: int = 3
    close_warmth: float = 0.6
    warm_warmth: float = 0.35
    cool_warmth: float = 0.15
    intro_warmth: float = 0.15
    follow_up_days: float = 7.0
    ask_again_days: float = 30.0
    stale_after_days: float = 365.0
    stale_half_life_days: float = 730.0
    week_actions: int = 3
    ledger_give_bonus: float = 0.3
    ledger_give_half_life_days: float = 60.0
    ledger_open_ask_floor: float = 0.25
    ledger_answered_ask_floor: float = 0.5

    def replace(self, **changes) -> Weights:
        """Return a copy with some fields changed: ``Weights().replace(message=0.5)``."""
        return dataclasses.replace(self, **changes)


def describe_weights(weights: Weights | None = None) -> pd.DataFrame:
    """The weights as a table (field, value), for notebooks and the README.

    Examples
    --------
    >>> describe_weights().loc["message", "value"]
    0.35
    """
    weights = weights or Weights()
    rows = [(f.name, getattr(weights, f.name)) for f in dataclasses.fields(weights)]
    return pd.DataFrame(rows, columns=["field", "value"]).set_index("field")


def read_weights(path: str | os.PathLike[str], *, base: Weights | None = None) -> Weights:
    """Read changed weights from a TOML file: ``field = value`` per line.

    Every field of :class:`Weights` may appear; the others keep their defaults. Pairs
    (``tag_floor``, ``role_factor``) are tables, ``known_strength``, ``closeness`` and
    ``path_shares`` arrays::

        message = 0.5
        referral_warmth = 0.7
        path_shares = [0.5, 0.3, 0.2]

        [tag_floor]
        friend = 0.85

    Raises
    ------
    NetgraphError
        For a file that is not TOML, an unknown field, or a value of the wrong kind; the
        message names the file and the field.
    """
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise NetgraphError(f"{path}: cannot read the weights file ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise NetgraphError(f"{path}: not a TOML file ({error}); write one 'field = value' per line") from None
    w = base or Weights()
    fields = {f.name: getattr(w, f.name) for f in dataclasses.fields(w)}
    changes: dict[str, object] = {}
    for key, value in data.items():
        if key not in fields:
            raise NetgraphError(f"{path}: '{key}' is not a weight; netgraph.describe_weights() lists the fields")
        changes[key] = _weight_value(path, key, value, fields[key])
    return w.replace(**changes)


def _weight_value(path: str | os.PathLike[str], key: str, value: object, default: object) -> object:
    def number(x: object) -> float:
        if isinstance(x, bool) or not isinstance(x, (int, float)) or not math.isfinite(x) or x < 0:
            raise NetgraphError(f"{path}: '{key}' must be a number of 0 or more, not {x!r}")
        return float(x)

    if isinstance(default, tuple) and default and isinstance(default[0], tuple):
        if not isinstance(value, dict):
            raise NetgraphError(f"{path}: '{key}' must be a table, e.g. [{key}] with name = number lines")
        merged = dict(default)
        merged.update({str(k): number(v) for k, v in value.items()})
        return tuple(merged.items())
    if isinstance(default, tuple):
        if not isinstance(value, list) or len(value) != len(default):
            raise NetgraphError(f"{path}: '{key}' must be a list of {len(default)} numbers")
        return tuple(number(v) for v in value)
    if isinstance(default, int) and not isinstance(default, bool):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise NetgraphError(f"{path}: '{key}' must be a whole number of 0 or more, not {value!r}")
        return value
    return number(value)

