"""What to ask whom: the one ask policy, and the words for how warm a tie is.

The policy follows the coaching lesson netgraph is built on:

==================  ========================================================================
ask                 when
==================  ========================================================================
``referral``        they work at the target, are not a recruiter, and know you well: warmth
                    at least ``Weights.referral_warmth`` from real evidence (a conversation,
                    a recommendation or your notes) with contact in the last
                    ``Weights.referral_recent_days``
``reconnect``       the tie was once real (messages both ways, a recommendation, your notes,
                    confirmed shared history) and has been quiet for ``Weights.cold_days``:
                    give something first and ask for nothing yet
``conversation``    everyone else you know at a target, strangers included: a short
                    conversation is the first step; a recruiter is asked about the roles and
                    the process (never for a referral)
``introduction``    a connector with a current relationship: warmth at least
                    ``Weights.intro_warmth`` and contact within ``Weights.cold_days``
``reconnect``       (for a connector) anyone else: get back in touch, or in touch at all,
                    before asking for an introduction
==================  ========================================================================

A give logged in the ledger warms a tie, but the ask changes only once they answer (a reply
logged after the give, or a message both ways since): until then the decision rests on the
warmth the evidence alone gives (``ask_warmth`` on the tie).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from netgraph.evidence import Evidence, ever_real, exchanged, find
from netgraph.roles import is_recruiter
from netgraph.weights import Weights

__all__ = ["choose_ask", "connector_ask", "warmth_word", "suggest_offer", "WARMTH_WORDS"]

#: The warmth scale's words, warmest first, with the least warmth each needs.
WARMTH_WORDS = (("close", "close_warmth"), ("warm", "warm_warmth"), ("cool", "cool_warmth"), ("cold", None))


def warmth_word(warmth: float | None, weights: Weights | None = None) -> str:
    """A word for how close a tie is: ``close``, ``warm``, ``cool`` or ``cold``.

    Examples
    --------
    >>> warmth_word(0.7), warmth_word(0.4), warmth_word(0.2), warmth_word(0.05)
    ('close', 'warm', 'cool', 'cold')
    """
    if warmth is None or pd.isna(warmth):
        return ""
    w = weights or Weights()
    for word, field in WARMTH_WORDS:
        if field is None or warmth >= getattr(w, field):
            return word
    return "cold"  # pragma: no cover - the last word has no threshold


def _quiet(quiet_days: float | None) -> float:
    return float(quiet_days) if quiet_days is not None and pd.notna(quiet_days) else 0.0


def choose_ask(evidence: Iterable[Evidence], *, warmth: float, quiet_days: float | None, role: str,
               weights: Weights | None = None) -> str:
    """The one ask for someone you know at a target: ``referral``, ``conversation`` or ``reconnect``.

    Parameters
    ----------
    evidence
        The tie's evidence (:mod:`netgraph.evidence`).
    warmth
        The warmth the ask may rest on (before an unanswered give's bonus).
    quiet_days
        Days since the last contact of any kind (or since connecting).
    role
        Their role at the target (:mod:`netgraph.roles`).

    Examples
    --------
    >>> import pandas as pd
    >>> talk = Evidence("messages", direction="both", count=12, date=pd.Timestamp("2026-10-01"))
    >>> choose_ask([talk], warmth=0.8, quiet_days=50, role="other")
    'referral'
    >>> choose_ask([talk], warmth=0.8, quiet_days=50, role="recruiter")
    'conversation'
    >>> choose_ask([Evidence("connected", date=pd.Timestamp("2023-01-01"))], warmth=0.05, quiet_days=1400, role="other")
    'conversation'
    """
    w = weights or Weights()
    evidence = tuple(evidence)
    quiet = _quiet(quiet_days)
    real = ever_real(evidence)
    if real and quiet >= w.cold_days:
        return "reconnect"
    if (role != "recruiter" and real and warmth >= w.referral_warmth and quiet <= w.referral_recent_days
            and (exchanged(evidence) or any(e.kind in ("note", "recommendation") for e in evidence))):
        return "referral"
    return "conversation"


def connector_ask(evidence: Iterable[Evidence], *, warmth: float, quiet_days: float | None,
                  weights: Weights | None = None) -> str:
    """``introduction`` when you have a current relationship with the connector, else ``reconnect``.

    Examples
    --------
    >>> import pandas as pd
    >>> talk = Evidence("messages", direction="both", count=8, date=pd.Timestamp("2026-09-01"))
    >>> connector_ask([talk], warmth=0.5, quiet_days=80)
    'introduction'
    >>> connector_ask([talk], warmth=0.5, quiet_days=3000)
    'reconnect'
    """
    w = weights or Weights()
    if _quiet(quiet_days) >= w.cold_days or warmth < w.intro_warmth:
        return "reconnect"
    return "introduction"


def suggest_offer(node: dict, evidence: tuple = ()) -> str:
    """Something worth giving this person before any ask, drawn from what the data shows.

    It reads the tie's evidence (:mod:`netgraph.evidence`) and the person's role
    (:mod:`netgraph.roles`); when the data shows nothing specific, it says so plainly
    instead of inventing news.

    Examples
    --------
    >>> suggest_offer({"position": "Technical Recruiter", "company": "Stripe"})
    'pass on a strong candidate you know for a role Stripe is hiring for'
    """
    position, company = node.get("position", ""), node.get("company", "") or "their company"
    history = find(evidence, "shared_history")
    jobs = [e for e in history if e.flag == "job"]
    schools = [e for e in history if e.flag == "school"]
    if is_recruiter(position):
        return f"pass on a strong candidate you know for a role {company} is hiring for"
    if "hiring" in position.casefold():
        return f"they say they are hiring: pass on a strong candidate you know for {company}"
    noted = [e.text for e in evidence if e.kind == "note" and e.text]
    if noted:
        return f"start from your own note: \"{noted[0]}\""
    if any(e.kind == "endorsement" and e.direction == "received" for e in evidence):
        return "thank them for endorsing you, and endorse a skill you have seen them use"
    if any(e.kind == "recommendation" and e.direction == "received" for e in evidence):
        return "thank them again for the recommendation, and offer one in return"
    if jobs:
        guess = "you may have overlapped there, so ask rather than assume" if jobs[0].inferred else "you worked there"
        return f"share news from {jobs[0].place} or what you are working on now ({guess})"
    if schools:
        guess = ", if they were there too (a guess from the dates)" if schools[0].inferred else ""
        return f"mention {schools[0].place}: an alumni event or news from there{guess}"
    if position:
        return (f"nothing specific in your data: share an article, talk or tool you found useful that "
                f"fits their work as {position}")
    return "nothing specific in your data: a short hello with news of your own"
