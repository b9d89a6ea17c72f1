"""What changed between two LinkedIn exports: who moved into a target, who left, who is new.

Compare last year's export with today's and the news comes first: people who moved to a
company you want to work at, people who left one, new connections at your targets, then
everything else (company and title changes, new and removed connections).

Only each export's ``connections`` frame is used (``person_id, name, url, email, company,
position, connected_on``). People are the same across the two exports when they have the
same ``person_id``; failing that, the same e-mail; failing that, when one side has no
profile URL (LinkedIn exports before 2021 or so had none), the same name, if that name is
unique on both sides.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.companies import company_key, company_keys, match_companies, read_targets
from netgraph.io import normalize_name, read_export
from netgraph.io.export import Export

__all__ = ["CHANGES", "compare_exports", "diff_exports", "render_diff"]

#: The kinds of change, in the order they are listed.
CHANGES = (
    "joined target",
    "left target",
    "new connection",
    "removed",
    "changed company",
    "changed position",
)

_DIFF_COLUMNS = [
    "change", "person_id", "name", "old_company", "new_company",
    "old_position", "new_position", "target",
]
_TEXT_COLUMNS = ["person_id", "name", "url", "email", "company", "position"]


def _text_key(text: str) -> str:
    """Casefolded, accent-stripped, single-spaced: ``' Inés  GARCÍA'`` -> ``'ines garcia'``."""
    return normalize_name(text)


def _prepare(connections: pd.DataFrame) -> pd.DataFrame:
    """The columns we use, text never NA, one row per person, with matching keys."""
    frame = pd.DataFrame(index=connections.index)
    for column in _TEXT_COLUMNS:
        values = connections[column] if column in connections else pd.Series("", index=connections.index)
        frame[column] = values.astype(object).fillna("").astype(str).str.strip()
    frame = frame.drop_duplicates("person_id").reset_index(drop=True)
    frame["name_key"] = frame["name"].map(_text_key)
    frame["email_key"] = frame["email"].str.casefold()
    frame["company_key"] = company_keys(frame["company"])
    frame["position_key"] = frame["position"].map(_text_key)
    return frame


def _unique(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Rows whose non-empty ``key`` appears once."""
    frame = frame[frame[key] != ""]
    return frame[~frame[key].duplicated(keep=False)]


def _pair(old: pd.DataFrame, new: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Match people across the exports: ``(pairs, only_old, only_new)``.

    ``pairs`` has every prepared column twice, suffixed ``_old`` and ``_new``.
    """
    on_id = old.merge(new, on="person_id", suffixes=("_old", "_new"))
    on_id = on_id.assign(person_id_old=on_id["person_id"], person_id_new=on_id["person_id"])
    pairs = [on_id.drop(columns="person_id")]
    only_old = old[~old["person_id"].isin(on_id["person_id"])]
    only_new = new[~new["person_id"].isin(on_id["person_id"])]
    for key in ("email_key", "name_key"):
        matched = _unique(only_old, key).merge(_unique(only_new, key), on=key, suffixes=("_old", "_new"))
        if key == "name_key":
            # A name alone is evidence only when a URL could not tell us.
            matched = matched[(matched["url_old"] == "") | (matched["url_new"] == "")]
        matched = matched.assign(**{f"{key}_old": matched[key], f"{key}_new": matched[key]})
        pairs.append(matched.drop(columns=key))
        only_old = only_old[~only_old["person_id"].isin(matched["person_id_old"])]
        only_new = only_new[~only_new["person_id"].isin(matched["person_id_new"])]
    found = [frame for frame in pairs if not frame.empty] or pairs[:1]
    return pd.concat(found, ignore_index=True), only_old, only_new


def _targets_of(companies: pd.Series, matches: pd.DataFrame | None) -> pd.Series:
    """The target each company string belongs to, ``""`` when none."""
    if matches is None or matches.empty:
        return pd.Series("", index=companies.index, dtype=object)
    lookup = matches["target"][~matches.index.duplicated()]
    return companies.map(lookup).astype(object).fillna("").astype(str)


def diff_exports(old: Export, new: Export, *, matches: pd.DataFrame | None = None) -> pd.DataFrame:
    """List what changed among your connections between two exports.

    Parameters
    ----------
    old, new
        The earlier and the later export (from :func:`netgraph.io.read_export`); only their
        ``connections`` are used.
    matches
        Which companies are targets: the frame :func:`netgraph.companies.match_companies`
        returns for the company names of both exports (indexed by the company string as
        written, column ``target``, ``""`` for none). Without it no change concerns a
        target.

    Returns
    -------
    DataFrame
        One row per person who changed: ``change`` (one of :data:`CHANGES`),
        ``person_id`` (the later export's, for removed people the earlier one's),
        ``name``, ``old_company, new_company, old_position, new_position`` (``""`` on the
        side where the person is absent), ``target`` (the target company concerned, or
        ``""``). Ordered news first: moves into targets, moves out of targets, new
        connections at targets, then company changes, position changes, other new
        connections and removed connections; by name within each.

        A person whose company changed and whose company stayed the same target (``Stripe``
        to ``Stripe, Inc.``) counts as a position change or no change at all; a person who
        moved from one target to another "joined target" the new one.

    Examples
    --------
    >>> from netgraph.io.export import Export, Owner
    >>> def export(rows):
    ...     frame = pd.DataFrame(rows, columns=["person_id", "name", "url", "email",
    ...                                         "company", "position", "connected_on"])
    ...     empty = pd.DataFrame()
    ...     return Export("x", Owner("Me", "", "in:me"), frame, 0, *[empty] * 8)
    >>> old = export([["in:maya", "Maya Chen", "https://www.linkedin.com/in/maya", "",
    ...                "Acme", "Engineer", pd.NaT]])
    >>> new = export([["in:maya", "Maya Chen", "https://www.linkedin.com/in/maya", "",
    ...                "Stripe", "Engineering Manager", pd.NaT]])
    >>> matches = pd.DataFrame({"target": ["", "Stripe"]}, index=["Acme", "Stripe"])
    >>> diff_exports(old, new, matches=matches).loc[0, ["change", "target"]].tolist()
    ['joined target', 'Stripe']
    """
    pairs, only_old, only_new = _pair(_prepare(old.connections), _prepare(new.connections))

    old_target = _targets_of(pairs["company_old"], matches)
    new_target = _targets_of(pairs["company_new"], matches)
    same_company = (pairs["company_key_old"] == pairs["company_key_new"]) | (
        (old_target != "") & (old_target == new_target))
    joined = (new_target != "") & (new_target != old_target)
    left = (old_target != "") & (new_target != old_target) & ~joined
    moved = ~same_company & ~joined & ~left
    promoted = same_company & (pairs["position_key_old"] != pairs["position_key_new"])
    changed = pd.DataFrame({
        "change": np.select([joined, left, moved, promoted],
                            ["joined target", "left target", "changed company", "changed position"],
                            default=""),
        "person_id": pairs["person_id_new"],
        "name": pairs["name_new"].where(pairs["name_new"] != "", pairs["name_old"]),
        "old_company": pairs["company_old"],
        "new_company": pairs["company_new"],
        "old_position": pairs["position_old"],
        "new_position": pairs["position_new"],
        "target": np.where(left, old_target, new_target),
    })
    changed = changed[changed["change"] != ""]

    added = pd.DataFrame({
        "change": "new connection",
        "person_id": only_new["person_id"], "name": only_new["name"],
        "old_company": "", "new_company": only_new["company"],
        "old_position": "", "new_position": only_new["position"],
        "target": _targets_of(only_new["company"], matches),
    })
    removed = pd.DataFrame({
        "change": "removed",
        "person_id": only_old["person_id"], "name": only_old["name"],
        "old_company": only_old["company"], "new_company": "",
        "old_position": only_old["position"], "new_position": "",
        "target": _targets_of(only_old["company"], matches),
    })
    frames = [f for f in (changed, added, removed) if not f.empty]
    if not frames:
        return pd.DataFrame({column: pd.Series(dtype=object) for column in _DIFF_COLUMNS})
    diff = pd.concat(frames, ignore_index=True)
    for column in _DIFF_COLUMNS:
        diff[column] = diff[column].astype(object).fillna("").astype(str)
    rank = diff["change"].map({"joined target": 0, "left target": 1, "changed company": 3,
                               "changed position": 4, "new connection": 5, "removed": 6})
    rank = rank.where(~((diff["change"] == "new connection") & (diff["target"] != "")), 2)
    diff = diff.assign(_rank=rank, _name=diff["name"].map(_text_key))
    diff = diff.sort_values(["_rank", "_name", "person_id"], kind="stable").reset_index(drop=True)
    return diff[_DIFF_COLUMNS]


# ---------------------------------------------------------------------------------------
# Plain text
# ---------------------------------------------------------------------------------------


def _company(company: str, target: str) -> str:
    """``'Stripe (a target)'``, ``'Stripe Payments (target: Stripe)'`` or ``'Acme'``."""
    if not target:
        return company
    if not company or company_key(company) == company_key(target):
        return f"{company or target} (a target)"
    return f"{company} (target: {target})"


def _role(position: str, company: str) -> str:
    """``'Engineer at Acme'``, ``'Engineer'``, ``'at Acme'`` or ``''``."""
    if position and company:
        return f"{position} at {company}"
    return position or (f"at {company}" if company else "")


def _sentence(row) -> str:
    """One change as a sentence a person would write."""
    name, target = row.name or row.person_id, row.target
    if row.change in ("joined target", "changed company"):
        where = _company(row.new_company, target if row.change == "joined target" else "")
        if not row.new_company and not target:
            text = f"{name} left {row.old_company}: no current company listed"
            return text + (f", was {row.old_position}" if row.old_position else "")
        text = f"{name} {'moved to' if row.old_company else 'joined'} {where}"
        text += f": {row.new_position}" if row.new_position else ""
        return text + (f", was at {row.old_company}" if row.old_company else "")
    if row.change == "left target":
        now = _role(row.new_position, row.new_company)
        return f"{name} left {_company(row.old_company, target)}: " + (
            f"now {now}" if row.new_company else "no current company listed")
    if row.change == "changed position":
        where = _company(row.new_company, target)
        if not row.new_position:
            return f"{name} no longer lists a position at {where}, was {row.old_position}"
        text = f"{name} is now {row.new_position} at {where}"
        return text + (f", was {row.old_position}" if row.old_position else "")
    if row.change == "new connection":
        role = _role(row.new_position, _company(row.new_company, target))
        return f"New connection: {name}" + (f", {role}" if role else "")
    role = _role(row.old_position, _company(row.old_company, target))
    return f"No longer connected: {name}" + (f" ({role})" if role else "")


def _headline(diff: pd.DataFrame) -> str:
    """``'5 changes: 1 joined a target, 2 new connections (1 at a target), ...'``."""
    counts = diff["change"].value_counts()
    at_target = int(((diff["change"] == "new connection") & (diff["target"] != "")).sum())
    words = {
        "joined target": ("joined a target", "joined a target"),
        "left target": ("left a target", "left a target"),
        "new connection": ("new connection", "new connections"),
        "removed": ("removed", "removed"),
        "changed company": ("changed company", "changed company"),
        "changed position": ("changed position", "changed position"),
    }
    parts = []
    for change in CHANGES:
        count = int(counts.get(change, 0))
        if count:
            part = f"{count} {words[change][count != 1]}"
            if change == "new connection" and at_target:
                part += f" ({at_target} at a target)"
            parts.append(part)
    total = len(diff)
    return f"{total} {'change' if total == 1 else 'changes'}: {', '.join(parts)}"


def render_diff(diff: pd.DataFrame, *, top: int | None = None) -> str:
    """Write the changes as plain text, news first, one line each.

    Parameters
    ----------
    diff
        From :func:`diff_exports` (in its order).
    top
        Show only the first ``top`` changes; all when None.

    Returns
    -------
    str
        A headline with the counts, a blank line, then one sentence per change, e.g.
        ``"Maya Chen moved to Stripe (a target): Engineering Manager, was at Acme"``.
        Ends with a newline.

    Examples
    --------
    >>> diff = pd.DataFrame([{"change": "joined target", "person_id": "in:maya-chen",
    ...     "name": "Maya Chen", "old_company": "Acme", "new_company": "Stripe",
    ...     "old_position": "Engineer", "new_position": "Engineering Manager",
    ...     "target": "Stripe"}])
    >>> print(render_diff(diff), end="")
    1 change: 1 joined a target
    <BLANKLINE>
    Maya Chen moved to Stripe (a target): Engineering Manager, was at Acme
    """
    if top is not None and top < 0:
        raise ValueError(f"top must be 0 or more, not {top}")
    if diff.empty:
        return "No changes between the two exports.\n"
    shown = diff if top is None else diff.head(top)
    lines = [_headline(diff), ""]
    lines += [_sentence(row) for row in shown.itertuples(index=False)]
    if len(shown) < len(diff):
        lines.append(f"... and {len(diff) - len(shown)} more")
    return "\n".join(lines) + "\n"


def compare_exports(old: str | Path, new: str | Path, *, targets: Sequence[str | Path] = (),
                    builtin_aliases: bool = True) -> pd.DataFrame:
    """Read two exports and diff them; with targets, moves into and out of them come first.

    Parameters
    ----------
    old, new
        The two exports (zip, folder or Connections.csv), older first.
    targets
        Targets files; empty for a diff without target news.
    builtin_aliases
        Whether well-known other company names count as matches.

    Returns
    -------
    DataFrame
        As :func:`diff_exports`.
    """
    before, after = read_export(old), read_export(new)
    matches = None
    if targets:
        names = pd.concat([before.connections["company"], after.connections["company"]]).unique()
        matches = match_companies(names, read_targets(list(targets)), builtin_aliases=builtin_aliases)
    return diff_exports(before, after, matches=matches)
