"""The ``netgraph companies`` overview: the companies in a network, grouped and rendered."""

from __future__ import annotations

import textwrap
import unicodedata

import numpy as np
import pandas as pd

from netgraph.companies._match import match_companies
from netgraph.companies._normalize import normalize

__all__ = ["group_companies", "render_companies"]

_COLUMNS = ["company", "count", "variants", "target", "rule", "looks_like"]
_WIDTH = 80
_ELLIPSIS = "…"


def group_companies(
    companies: pd.Series,
    targets: pd.DataFrame | None = None,
    *,
    builtin_aliases: bool = True,
) -> pd.DataFrame:
    """The companies in a network by number of people, spelling variants grouped.

    Spellings with the same normalised name (``Stripe, Inc.`` and ``stripe``) are one
    company; with ``targets``, every spelling matched to a target is also counted under
    that target (``Stripe Payments UK``). The display name is the most common spelling
    (ties: alphabetical). Empty names are left out; spaces are tidied.

    Parameters
    ----------
    companies
        One company name per person (e.g. the ``company`` column of the connections).
    targets
        The frame from :func:`read_targets` (or plain target names), or None.
    builtin_aliases
        Passed to :func:`match_companies`.

    Returns
    -------
    DataFrame
        ``company`` (display name), ``count`` (people), ``variants`` (tuple of the other
        spellings, most common first), ``target`` (``""`` for none), ``rule`` (how the
        display name matched), ``looks_like`` (the target an unmatched company
        resembles, else ``""``); sorted by count, largest first, then by name.

    Examples
    --------
    >>> people = pd.Series(["Stripe", "Stripe, Inc.", "stripe", "Stripe", "Acme", ""])
    >>> table = group_companies(people, ["Stripe"])
    >>> table[["company", "count", "variants", "rule"]].values.tolist()
    [['Stripe', 4, ('Stripe, Inc.', 'stripe'), 'exact'], ['Acme', 1, (), '']]
    """
    counts = companies[companies.notna()].astype(object).value_counts(sort=False)
    tidy = pd.Series(
        counts.to_numpy(), index=[" ".join(str(s).split()) for s in counts.index]
    )
    tidy = tidy[tidy.index != ""].groupby(level=0, sort=False).sum()
    if tidy.empty:
        return _empty()
    spellings = list(tidy.index)
    if targets is not None:
        found = match_companies(spellings, targets, builtin_aliases=builtin_aliases)
        target, rule, looks = (found[c].to_numpy() for c in ("target", "rule", "looks_like"))
    else:
        target = rule = looks = np.full(len(spellings), "", dtype=object)
    keys = [normalize(s) or s.casefold() for s in spellings]
    rows = pd.DataFrame(
        {
            "spelling": spellings,
            "n": tidy.to_numpy(),
            "group": [f"t:{t}" if t else f"k:{k}" for t, k in zip(target, keys, strict=True)],
            "target": target,
            "rule": rule,
            "looks_like": looks,
        }
    )
    rows = rows.sort_values(["n", "spelling"], ascending=[False, True], kind="stable")
    grouped = rows.groupby("group", sort=False)
    out = grouped.agg(
        company=("spelling", "first"),
        count=("n", "sum"),
        target=("target", "first"),
        rule=("rule", "first"),
        looks_like=("looks_like", "first"),
    )
    out["variants"] = grouped["spelling"].agg(lambda s: tuple(s.iloc[1:]))
    out = out.sort_values(["count", "company"], ascending=[False, True], kind="stable")
    out["count"] = out["count"].astype(np.int64)
    return out.reset_index(drop=True)[_COLUMNS]


def _empty() -> pd.DataFrame:
    return pd.DataFrame(
        {c: pd.Series(dtype=np.int64 if c == "count" else object) for c in _COLUMNS}
    )


def _width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide letters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _fit(text: str, width: int, *, right: bool = False) -> str:
    """``text`` padded to ``width`` columns, or cut with an ellipsis."""
    text = " ".join(text.split())
    if _width(text) > width:
        while text and _width(text) > width - 1:
            text = text[:-1]
        text = text.rstrip() + _ELLIPSIS
    pad = " " * (width - _width(text))
    return pad + text if right else text + pad


def render_companies(table: pd.DataFrame, *, top: int | None = None) -> str:
    """An aligned plain-text table of :func:`group_companies`, for an 80-column terminal.

    Long names are cut with an ellipsis; companies matched to a target show it with the
    rule that matched; a footer says how many companies ``top`` left out (naming the
    targets among them) and lists near misses (unmatched companies that resemble a
    target).

    Parameters
    ----------
    table
        The frame from :func:`group_companies`.
    top
        Show only the first ``top`` companies (None: all).

    Returns
    -------
    str
        The table, ending with a newline.

    Examples
    --------
    >>> people = pd.Series(["Stripe", "Stripe, Inc.", "Target Hospitality", "Acme"])
    >>> print(render_companies(group_companies(people, ["Stripe", "Target"])), end="")
    COMPANY             PEOPLE  TARGET          VARIANTS
    Stripe                   2  Stripe (exact)  Stripe, Inc.
    Acme                     1
    Target Hospitality       1
    <BLANKLINE>
    Near misses (not counted as targets):
      1 person at Target Hospitality: add it as an alias if it is Target
    """
    if table.empty:
        return "No companies found.\n"
    shown = table if top is None else table.head(top)
    with_target = bool((table["target"] != "").any())
    cells = [
        (
            str(row.company),
            str(row.count),
            f"{row.target} ({row.rule})" if row.target else "",
            "; ".join(row.variants),
        )
        for row in shown.itertuples(index=False)
    ]
    headers = ("COMPANY", "PEOPLE", "TARGET", "VARIANTS")
    people_w = max(len(headers[1]), *(len(c[1]) for c in cells))
    company_w = min(max(len(headers[0]), *(_width(c[0]) for c in cells)), 30)
    target_w = min(max(len(headers[2]), *(_width(c[2]) for c in cells)), 24)
    fixed = company_w + 2 + people_w + 2 + (target_w + 2 if with_target else 0)
    variants_w = max(_WIDTH - fixed, 10)

    def line(company: str, people: str, target: str, variants: str) -> str:
        parts = [_fit(company, company_w), _fit(people, people_w, right=True)]
        if with_target:
            parts.append(_fit(target, target_w))
        parts.append(_fit(variants, variants_w))
        return "  ".join(parts).rstrip()

    lines = [line(*headers)] + [line(*c) for c in cells]
    if top is not None and len(table) > top:
        rest = len(table) - top
        lines.append(f"... and {rest} more {'company' if rest == 1 else 'companies'}")
        hidden = table.iloc[top:]
        hidden = hidden[hidden["target"] != ""]
        if len(hidden):
            # no-break spaces keep each "Name (n)" on one line
            listed = ", ".join(
                f"{r.company} ({r.count})".replace(" ", "\xa0")
                for r in hidden.itertuples(index=False)
            )
            wrapped = textwrap.wrap(
                f"Targets further down: {listed}", _WIDTH, subsequent_indent="  "
            )
            lines += [part.replace("\xa0", " ") for part in wrapped]
    near = table[(table["target"] == "") & (table["looks_like"] != "")]
    if len(near):
        lines += ["", "Near misses (not counted as targets):"]
        for row in near.itertuples(index=False):
            people = f"{row.count} {'person' if row.count == 1 else 'people'}"
            hint = f"{people} at {row.company}: add it as an alias if it is {row.looks_like}"
            lines.append("  " + _fit(hint, _WIDTH - 2).rstrip())
    return "\n".join(lines) + "\n"
