"""Matching free-text company names to the user's targets."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import numpy as np
import pandas as pd

from netgraph.companies._index import build_index
from netgraph.companies._normalize import company_key
from netgraph.companies._rules import REASONS, decide, find_typos

logger = logging.getLogger(__name__)

__all__ = ["match_companies", "find_near_misses", "MATCH_COLUMNS"]

#: The columns of :func:`match_companies`.
MATCH_COLUMNS = ["target", "rule", "score", "looks_like", "reason"]


def _distinct(names: Iterable[str] | pd.Series) -> list[str]:
    """The distinct names in first-seen order; missing values become ``""``."""
    series = names if isinstance(names, pd.Series) else pd.Series(list(names), dtype=object)
    out = [v if isinstance(v, str) else "" for v in pd.unique(series)]
    return list(dict.fromkeys(out)) if len(out) != len(set(out)) else out


def match_companies(
    names: Iterable[str] | pd.Series,
    targets: pd.DataFrame | Iterable[str],
    *,
    builtin_aliases: bool = True,
) -> pd.DataFrame:
    """Find which target, if any, each company name refers to.

    Names are compared by :func:`~netgraph.companies.company_key` (case, accents,
    punctuation, ``&``/"and", a leading "The", ``.com``, legal forms such as ``Inc.``,
    ``GmbH``, ``S.A.``). How ordinary the target's name is (from word frequencies: rare
    like Accenture, in between like Oracle, an everyday word like Apple) decides how much
    may follow it. The rules, reported in ``rule``:

    * ``exact``: the target's name (``Intel Corporation`` is Intel);
    * ``alias`` / ``known alias`` / ``known unit``: one of the target's aliases in the
      targets file, a well-known other name (``Facebook`` is Meta), a well-known unit
      of it (``Amazon Lab126``);
    * ``place``: the name and a country, city, region or office (``Pfizer UK``);
    * ``unit``: the name and a business unit (``Oracle Cloud Infrastructure``); after a
      rare name any unit, product or entity (``Accenture Song``, ``Deloitte USI``), unless
      it is a programme, community or partner (``Google Developer Group``);
    * ``org word in front``: ``Banco Itau``, ``Grupo X``;
    * ``glued``: a rare name and an organisation word written as one (``Citibank``);
    * ``acronym``: the initials of a several-word name (``TCS``), alone or with a place;
    * ``brand in front``: a brand before a rare name (``Monitor Deloitte``);
    * ``parent company``: ``HashedIn by Deloitte``, ``Bluetab, an IBM Company``,
      ``X (part of T)``, ``T's X``;
    * ``typo``: a typo of a shape people make (``Salesfroce``, ``Gooogle``, ``Infosy``).

    Cells that name a target only as a client, an agency, a former name or employer, or
    as a programme or partner (``X @ T``, ``X via T``, ``X for T``, ``(formerly T)``,
    ``(client T)``, ``Ex-T``, ``T Partner``) are not matches: they resemble the target
    (``looks_like``) with the ``reason``. Cells that name no company (``NA``, ``N/A``,
    ``-``, ``Self-employed``) never match. Each name matches at most one target: the
    most specific rule, then the longest name, then the earliest in the targets file.

    Parameters
    ----------
    names
        Company names as written, e.g. the ``company`` column of the connections.
    targets
        The frame from :func:`read_targets` (``company`` and optionally ``aliases``,
        ``order``), or plain target names.
    builtin_aliases
        Use the built-in tables of well-known other names and units.

    Returns
    -------
    DataFrame
        One row per distinct name, indexed by the name as given (missing names become
        ``""``): ``target`` (the target's ``company`` as written, ``""`` for none),
        ``rule`` (``""`` for none), ``score`` (100 for every rule but typos, the
        similarity 0..100 for typos, 0 for none), ``looks_like`` (for an unmatched name
        that resembles a target, that target; else ``""``) and ``reason`` (for those, why
        it is not counted, as a phrase).

    Examples
    --------
    >>> m = match_companies(["Intel Corporation", "Intelligent Systems", "Salesfroce",
    ...                      "Target Hospitality", "Facebook"],
    ...                     ["Intel", "Salesforce", "Target", "Meta"])
    >>> m[["target", "rule", "score", "looks_like"]].values.tolist()  # doctest: +NORMALIZE_WHITESPACE
    [['Intel', 'exact', 100, ''], ['', '', 0, ''], ['Salesforce', 'typo', 90, ''],
     ['', '', 0, 'Target'], ['Meta', 'known alias', 100, '']]
    """
    index = build_index(targets, builtin_aliases)
    distinct = _distinct(names)
    n = len(distinct)
    target, rule, looks, reason = [""] * n, [""] * n, [""] * n, [""] * n
    score = [0] * n
    queries: list[tuple[int, list[str]]] = []
    decided = [decide(index, name) if index.names else None for name in distinct]
    for row, decision in enumerate(decided):
        if decision is None or decision.no_company:
            continue
        if decision.hit is not None:
            target[row], rule[row], score[row] = index.names[decision.hit.target], decision.rule, 100
        elif decision.reason:
            looks[row] = index.names[decision.looks.target] if decision.looks is not None else ""
            reason[row] = decision.reason
        else:
            queries.extend((row, words) for words in decision.typo_words)
    typos, close = find_typos(index, queries) if queries else ({}, {})
    for row, (hit, similarity) in typos.items():
        target[row], rule[row], score[row] = index.names[hit.target], "typo", similarity
    for row, _ in queries:
        decision = decided[row]
        if target[row] or decision is None:
            continue
        like = decision.looks or close.get(row)
        looks[row] = index.names[like.target] if like is not None else ""
    for row in range(n):
        if looks[row]:
            reason[row] = REASONS.get(reason[row], REASONS[""]).format(t=looks[row])
        else:
            reason[row] = ""
    return pd.DataFrame(
        {"target": target, "rule": rule, "score": np.array(score, dtype=np.int64), "looks_like": looks,
         "reason": reason},
        index=pd.Index(distinct, name="company"),
    )  # fmt: skip


def find_near_misses(companies: pd.Series, matches: pd.DataFrame) -> pd.DataFrame:
    """Companies in the network that resemble a target but were not matched to it.

    Parameters
    ----------
    companies
        One company name per person (e.g. the ``company`` column of the connections).
    matches
        The result of :func:`match_companies` for (at least) these names.

    Returns
    -------
    DataFrame
        ``company`` (the most common spelling), ``looks_like`` (the target it resembles),
        ``count`` (people) and ``reason`` (why it is not counted), spellings with the same
        :func:`~netgraph.companies.company_key` counted together; sorted by count,
        largest first, then by name.

    Examples
    --------
    >>> people = pd.Series(["Target Hospitality", "Target Hospitality", "Target",
    ...                     "Target Hospitality Corp."])
    >>> find_near_misses(people, match_companies(people, ["Target"]))[["company", "looks_like", "count"]]
                  company looks_like  count
    0  Target Hospitality     Target      3
    """
    columns = ["company", "looks_like", "count", "reason"]
    counts = companies[companies.notna()].astype(object).value_counts(sort=False)
    found = matches.reindex(counts.index)
    keep = (found["target"].eq("") & found["looks_like"].fillna("").ne("")).to_numpy()
    if not keep.any():
        return pd.DataFrame({c: pd.Series(dtype=np.int64 if c == "count" else object) for c in columns})
    reasons = found["reason"] if "reason" in found else pd.Series("", index=found.index)
    rows = pd.DataFrame(
        {
            "spelling": [" ".join(str(s).split()) for s in counts.index[keep]],
            "count": counts.to_numpy()[keep],
            "looks_like": found["looks_like"].to_numpy()[keep],
            "reason": reasons.fillna("").to_numpy()[keep],
        }
    )
    rows["key"] = [company_key(s) or s.casefold() for s in rows["spelling"]]
    rows = rows.groupby(["key", "looks_like", "spelling"], as_index=False).agg(
        count=("count", "sum"), reason=("reason", "first")
    )
    rows = rows.sort_values(["count", "spelling"], ascending=[False, True], kind="stable")
    out = rows.groupby(["key", "looks_like"], as_index=False, sort=False).agg(
        company=("spelling", "first"), count=("count", "sum"), reason=("reason", "first")
    )
    out = out.sort_values(["count", "company"], ascending=[False, True], kind="stable")
    return out[columns].reset_index(drop=True)
