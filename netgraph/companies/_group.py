"""The ``netgraph companies`` overview: the companies in a network, grouped and rendered."""

from __future__ import annotations

import itertools
import textwrap
import unicodedata

import numpy as np
import pandas as pd

from netgraph.companies._match import match_companies
from netgraph.companies._normalize import group_key, is_no_company

__all__ = ["group_companies", "render_companies"]

_COLUMNS = ["company", "count", "variants", "target", "rule", "looks_like", "reason"]
_ELLIPSIS = "…"
_PIPED_ALIGN = 40  # when the output is not a terminal, longer names push their row on
_NBSP = "\xa0"


def group_companies(
    companies: pd.Series,
    targets: pd.DataFrame | None = None,
    *,
    builtin_aliases: bool = True,
) -> pd.DataFrame:
    """The companies in a network by number of people, spelling variants grouped.

    Spellings with the same :func:`~netgraph.companies.company_key` (``Stripe, Inc.`` and
    ``stripe``) are one company, except that a short name keeps its legal form apart
    (``ITC Holding`` is not ``ITC Limited``) and a name of generic words keeps it too
    (``Software AG`` is not ``Software Company``); with ``targets``, every spelling
    matched to a target is also counted under that target (``Stripe Payments UK``). The
    display name is the most common spelling (ties: alphabetical). Cells that name no
    company (``NA``, ``N/A``, ``-``, ``Self-employed``) are never a company: they are
    counted in ``attrs["no_company"]`` (spelling -> people). Spaces are tidied.

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
        resembles, else ``""``), ``reason`` (why it is not counted); sorted by count,
        largest first, then by name.

    Examples
    --------
    >>> people = pd.Series(["Stripe", "Stripe, Inc.", "stripe", "Stripe", "Acme", "", "N/A"])
    >>> table = group_companies(people, ["Stripe"])
    >>> table[["company", "count", "variants", "rule"]].values.tolist()
    [['Stripe', 4, ('Stripe, Inc.', 'stripe'), 'exact'], ['Acme', 1, (), '']]
    >>> table.attrs["no_company"]
    {'N/A': 1}
    """
    counts = companies.value_counts(sort=False, dropna=True)
    tidy = pd.Series(counts.to_numpy(), index=[" ".join(str(s).split()) for s in counts.index], dtype=np.int64)
    tidy = tidy[tidy.index != ""].groupby(level=0, sort=False).sum()
    none = np.array([is_no_company(s) for s in tidy.index], dtype=bool)
    missing = dict(sorted(((str(k), int(v)) for k, v in tidy[none].items()), key=lambda kv: (-kv[1], kv[0])))
    tidy = tidy[~none]
    if tidy.empty:
        out = _empty()
        out.attrs["no_company"] = missing
        return out
    spellings = list(tidy.index)
    if targets is not None:
        found = match_companies(spellings, targets, builtin_aliases=builtin_aliases)
        target, rule, looks, reason = (found[c].to_numpy() for c in ("target", "rule", "looks_like", "reason"))
    else:
        target = rule = looks = reason = np.full(len(spellings), "", dtype=object)
    keys = [group_key(s) or s.casefold() for s in spellings]
    people = tidy.to_numpy().tolist()
    order = sorted(range(len(spellings)), key=lambda i: (-people[i], spellings[i]))
    groups: dict[str, list] = {}
    for i in order:
        group = f"t:{target[i]}" if target[i] else f"k:{keys[i]}"
        seen = groups.get(group)
        if seen is None:
            groups[group] = [spellings[i], people[i], [], target[i], rule[i], looks[i], reason[i]]
        else:
            seen[1] += people[i]
            seen[2].append(spellings[i])
    values = sorted(groups.values(), key=lambda g: (-g[1], g[0]))
    out = pd.DataFrame(
        {
            "company": pd.Series([g[0] for g in values], dtype=object),
            "count": np.array([g[1] for g in values], dtype=np.int64),
            "variants": pd.Series([tuple(g[2]) for g in values], dtype=object),
            "target": pd.Series([g[3] for g in values], dtype=object),
            "rule": pd.Series([g[4] for g in values], dtype=object),
            "looks_like": pd.Series([g[5] for g in values], dtype=object),
            "reason": pd.Series([g[6] for g in values], dtype=object),
        },
        columns=_COLUMNS,
    )
    out.attrs["no_company"] = missing
    return out


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=np.int64 if c == "count" else object) for c in _COLUMNS})


def _char_width(c: str) -> int:
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def _width(text: str) -> int:
    """Terminal columns ``text`` takes (East Asian wide letters take two)."""
    return len(text) if text.isascii() else sum(map(_char_width, text))


def _fit(text: str, width: int | None, *, right: bool = False) -> str:
    """``text`` padded to ``width`` columns, or cut with an ellipsis; never cut when
    ``width`` is None. Linear in the length of ``text``."""
    if width is None:
        return text
    size = _width(text)
    if size > width:
        if text.isascii():
            text = text[: max(width - 1, 0)]
        else:
            widths = itertools.accumulate(map(_char_width, text))
            cut = next((i for i, w in enumerate(widths) if w > width - 1), len(text))
            text = text[:cut]
        text = text.rstrip() + _ELLIPSIS
        size = _width(text)
    pad = " " * max(width - size, 0)
    return pad + text if right else text + pad


def _hint(count: int, company: str, looks_like: str, reason: str) -> str:
    people = f"{count} {'person' if count == 1 else 'people'}"
    return f"{people} at {company}: {reason or f'add it as an alias if it is {looks_like}'}"


def render_companies(table: pd.DataFrame, *, top: int | None = None, width: int | None = 80) -> str:
    """An aligned plain-text table of :func:`group_companies`.

    Companies matched to a target show it with the rule that matched; a footer says how
    many companies ``top`` left out (naming the targets among them), lists the near
    misses (unmatched companies that resemble a target, and why) and the cells that name
    no company. With a ``width`` (a terminal's columns) long names and variants are cut
    with an ellipsis to fit it, near misses are wrapped, never cut; with ``width`` None
    (output to a file or a pipe) nothing is cut. Linear in the length of the text.

    Parameters
    ----------
    table
        The frame from :func:`group_companies`.
    top
        Show only the first ``top`` companies (None: all).
    width
        Columns to fit in (None: do not cut anything).

    Returns
    -------
    str
        The table, ending with a newline.

    Examples
    --------
    >>> people = pd.Series(["Stripe", "Stripe, Inc.", "Target Hospitality", "Acme", "NA"])
    >>> print(render_companies(group_companies(people, ["Stripe", "Target"])), end="")
    COMPANY             PEOPLE  TARGET          VARIANTS
    Stripe                   2  Stripe (exact)  Stripe, Inc.
    Acme                     1
    Target Hospitality       1
    <BLANKLINE>
    Near misses (not counted as targets):
      1 person at Target Hospitality: add it as an alias if it is Target
    <BLANKLINE>
    No company named (never grouped or matched): NA (1)
    """
    missing = table.attrs.get("no_company", {})
    if table.empty and not missing:
        return "No companies found.\n"
    shown = table if top is None else table.head(top)
    lines: list[str] = []
    if len(shown):
        lines += _rows(shown, width, bool((table["target"] != "").any()))
    if top is not None and len(table) > top:
        rest = len(table) - top
        lines.append(f"... and {rest} more {'company' if rest == 1 else 'companies'}")
        hidden = table.iloc[top:]
        hidden = hidden[hidden["target"] != ""]
        if len(hidden):
            listed = [f"{name} ({count})" for name, count in zip(hidden["company"], hidden["count"], strict=True)]
            lines += _wrap("Targets further down: " + ", ".join(_keep_together(x) for x in listed), width)
    near = table[(table["target"] == "") & (table["looks_like"] != "")]
    if len(near):
        lines += ["", "Near misses (not counted as targets):"]
        for count, company, looks_like, reason in zip(
            near["count"], near["company"], near["looks_like"], near["reason"], strict=True
        ):
            lines += _wrap(_hint(int(count), str(company), str(looks_like), str(reason)), width, indent="  ")
    if missing:
        named = ", ".join(_keep_together(f"{name} ({count})") for name, count in missing.items())
        lines += [""] + _wrap(f"No company named (never grouped or matched): {named}", width)
    return "\n".join(lines) + "\n"


def _keep_together(text: str) -> str:
    """No-break spaces keep "Name (n)" on one line when wrapped (see :func:`_wrap`)."""
    return text.replace(" ", _NBSP)


def _wrap(text: str, width: int | None, *, indent: str = "") -> list[str]:
    """``text`` on lines of ``width`` columns (one line when None), never cut."""
    if width is None:
        return [(indent + text).replace(_NBSP, " ")]
    lines = textwrap.wrap(text, max(width, 20), initial_indent=indent, subsequent_indent=indent + "  ",
                          break_long_words=False, break_on_hyphens=False)  # fmt: skip
    return [line.replace(_NBSP, " ") for line in lines]


def _rows(shown: pd.DataFrame, width: int | None, with_target: bool) -> list[str]:
    """The header and one aligned line per company."""
    cells = [
        (str(company), str(count), f"{target} ({rule})" if target else "", "; ".join(map(str, variants)))
        for company, count, target, rule, variants in zip(
            shown["company"], shown["count"], shown["target"], shown["rule"], shown["variants"], strict=True
        )
    ]
    headers = ("COMPANY", "PEOPLE", "TARGET", "VARIANTS")
    people_w = max(len(headers[1]), *(len(c[1]) for c in cells))
    longest_company = max(len(headers[0]), *(_width(c[0][:200]) for c in cells))
    longest_target = max(len(headers[2]), *(_width(c[2][:200]) for c in cells))
    if width is None:
        company_w, target_w, variants_w = min(longest_company, _PIPED_ALIGN), min(longest_target, _PIPED_ALIGN), None
    else:
        target_w = min(longest_target, max(width // 4, 24))
        spare = width - (2 + people_w + 2 + (target_w + 2 if with_target else 0)) - 12
        company_w = min(longest_company, max(spare, 20))
        fixed = company_w + 2 + people_w + 2 + (target_w + 2 if with_target else 0)
        variants_w = max(width - fixed, 10)

    def line(company: str, people: str, target: str, variants: str) -> str:
        parts = [_pad(company, company_w, width), _fit(people, people_w, right=True)]
        if with_target:
            parts.append(_pad(target, target_w, width))
        parts.append(_fit(variants, variants_w))
        return "  ".join(parts).rstrip()

    return [line(*headers)] + [line(*c) for c in cells]


def _pad(text: str, column: int, width: int | None) -> str:
    """Cut to ``column`` when fitting a terminal; when piped, pad and let longer text run on."""
    if width is not None:
        return _fit(text, column)
    return text + " " * max(column - _width(text), 0)
