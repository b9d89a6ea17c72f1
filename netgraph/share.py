"""``netgraph share``: a friend's ties at your targets, without the rest of their network.

The friend runs netgraph on their own full export. :func:`build_share_pack` keeps only
their connections at the companies asked for, scores how well the friend knows each with
the one warmth model (:func:`netgraph.score.score_ties`), and keeps the evidence as short
facts in counts and dates. Message text, subjects, e-mail addresses, people at other
companies and anything else about the friend's network never enter the
:class:`~netgraph.io.Pack`. :func:`describe_share` says in plain words what a pack holds,
and :func:`describe_share_request` explains it to a friend before they run it.

The pack format (header and columns) and its reader are in :mod:`netgraph.io._pack`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from netgraph._words import article, plural
from netgraph.companies import match_companies, read_targets
from netgraph.errors import SourceError, TargetsError
from netgraph.evidence import Evidence, describe_evidence
from netgraph.freshness import export_date
from netgraph.io import read_export
from netgraph.io._pack import PACK_VERSION, TIE_COLUMNS, Pack, describe_share_request, load_text
from netgraph.io._table import Spec, find_header, read_table
from netgraph.io.export import Export
from netgraph.io.identity import normalize_name, normalize_names, normalize_url
from netgraph.score import score_ties
from netgraph.weights import Weights

__all__ = ["Share", "read_asked_companies", "read_exclusions", "build_share_pack", "make_share_pack",
           "describe_share", "summarize_share", "describe_share_request"]

#: Warmth from which a redacted row says the friend knows the person "well" / at all.
KNOWS_WELL, KNOWS = 0.6, 0.3

_EXCLUDE = Spec(label="exclude list", required=(("name", "url", "first name"),),
                optional=("last name", "company", "position"))
_TARGET_COLUMNS = ["company", "priority", "aliases", "titles", "order"]


@dataclass(frozen=True)
class Share:
    """A pack as built on the friend's side, with what it leaves out (for the preview).

    Attributes
    ----------
    pack
        The pack itself.
    connections
        How many connections the export holds (the pack tells nothing about the others).
    conversations
        How many conversations the export holds (none of their text is in the pack).
    emails
        How many connections have an e-mail address in the export (none is in the pack).
    at_companies
        Connections at the companies asked for, before ``min_warmth`` and ``exclude``.
    below_min_warmth
        How many of them were left out for a warmth under ``min_warmth``.
    min_warmth
        The least warmth kept.
    excluded
        The names of the people left out because the exclude list names them.
    unused_exclusions
        Entries of the exclude list that match none of the connections.
    redacted
        Whether names and profile URLs are hidden.
    """

    pack: Pack
    connections: int
    conversations: int
    emails: int
    at_companies: int
    below_min_warmth: int
    min_warmth: float
    excluded: tuple[str, ...]
    unused_exclusions: tuple[str, ...]
    redacted: bool


# ---------------------------------------------------------------------------
# Inputs: the companies asked for, the people to leave out


def read_asked_companies(asked: Sequence[str | os.PathLike]) -> pd.DataFrame:
    """The companies a pack is for: targets files and plain lists of names, merged.

    Parameters
    ----------
    asked
        Each item is a targets file (``.csv`` or ``.txt``, read as ``--targets`` reads
        it) or company names separated by commas (``"Stripe, Datadog"``).

    Returns
    -------
    pandas.DataFrame
        The targets frame of :func:`netgraph.companies.read_targets`. A listed name that is
        the same company as an earlier one (by the matcher's rules) is not added twice.

    Raises
    ------
    TargetsError
        A file cannot be read, or nothing names a company.

    Examples
    --------
    >>> read_asked_companies(["Stripe, Datadog", "stripe inc", "Facebook"])["company"].tolist()
    ['Stripe', 'Datadog', 'Facebook']
    """
    files: list[Path] = []
    names: list[str] = []
    for item in asked:
        text = os.fspath(item)
        path = Path(text)
        if path.suffix.lower() in (".csv", ".txt") or path.exists():
            files.append(path)
        else:
            names += [" ".join(name.split()) for name in text.split(",") if name.strip()]
    if not files and not names:
        raise TargetsError("--for names no company: give the asker's targets file, or company names "
                           "separated by commas")
    frame = read_targets(files) if files else pd.DataFrame({c: [] for c in _TARGET_COLUMNS})
    for name in names:
        if len(frame) and match_companies([name], frame)["target"].iloc[0]:
            continue
        row = pd.DataFrame({"company": [name], "priority": [1], "aliases": [()], "titles": [()],
                            "order": [len(frame)]})
        frame = pd.concat([frame, row], ignore_index=True) if len(frame) else row
    frame["priority"] = frame["priority"].astype(np.int64)
    frame["order"] = frame["order"].astype(np.int64)
    return frame[_TARGET_COLUMNS]


def read_exclusions(path: str | os.PathLike) -> pd.DataFrame:
    """Read the people to leave out of a pack.

    Parameters
    ----------
    path
        Names or profile URLs, one per line (blank lines and ``#`` comments ignored), or a
        CSV with a ``name`` and/or ``url`` column (or ``First Name``/``Last Name`` columns,
        as in Connections.csv).

    Returns
    -------
    pandas.DataFrame
        ``name`` (folded for matching, or ``""``), ``url`` (normalised, or ``""``),
        ``shown`` (as written) and ``line``.

    Raises
    ------
    SourceError
        The file is missing, or a line holds a URL that is not a LinkedIn profile.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "exclude.txt"
    >>> _ = p.write_text("# not these\\nSamir Haddad\\nlinkedin.com/in/ana-rios/\\n")
    >>> read_exclusions(p)[["name", "url", "line"]].values.tolist()
    [['samir haddad', '', 2], ['', 'https://www.linkedin.com/in/ana-rios', 3]]
    """
    file = Path(path)
    text = load_text(file, shown=f"--exclude {path}", advice="pass a file of names or profile URLs, one per line",
                     empty_advice="write one name or profile URL per line")
    if text.blanks:
        raise SourceError(f"{file.name} line {text.blanks[0].line}: the line is {text.blanks[0].size:,} bytes long, "
                          "far more than a name or URL: write one name or profile URL per line")
    header = find_header(text, _EXCLUDE.accepts)
    rows: list[tuple[str, str, int]] = []  # (name, url as written, line)
    if header is not None:
        table = read_table(text, header)
        if (table.reasons != "").any():
            at = int(np.flatnonzero(table.reasons != "")[0])
            raise SourceError(f"{file.name} line {table.line[at]}: {table.reasons[at]} ({table.details[at]})")
        full = [" ".join(f"{a} {b}".split()) for a, b in zip(table.get("first name"), table.get("last name"))]
        for name, first_last, url, line in zip(table.get("name"), full, table.get("url"), table.line.tolist()):
            if name or first_last or url:
                rows.append((name or first_last, url, line))
    else:
        body = text.data.decode("utf-8", errors="replace")
        for line, raw in enumerate(body.splitlines(), start=1):
            value = raw.strip()
            if not value or value.startswith("#"):
                continue
            looks_like_url = "linkedin.com/" in value.lower() or value.lower().startswith(("http:", "https:"))
            rows.append(("", value, line) if looks_like_url else (value, "", line))
    out = []
    for name, url, line in rows:
        normalized = normalize_url(url)
        if url and not normalized:
            raise SourceError(f"{file.name} line {line}: '{url}' is not a LinkedIn profile URL like "
                              "https://www.linkedin.com/in/ana-ruiz: write the profile URL or the name")
        out.append((normalize_name(name), normalized, name or url, line))
    return pd.DataFrame(out, columns=["name", "url", "shown", "line"]).astype({"line": np.int64})


# ---------------------------------------------------------------------------
# Building


def build_share_pack(
    export: Export,
    targets: pd.DataFrame,
    *,
    as_of: dt.date,
    min_warmth: float = 0.0,
    exclude: pd.DataFrame | None = None,
    redact_names: bool = False,
    weights: Weights | None = None,
    builtin_aliases: bool = True,
) -> Share:
    """Build the pack of the export owner's ties at the companies asked for.

    Parameters
    ----------
    export
        The friend's own export (the fuller, the better the evidence: messages,
        recommendations, endorsements, Positions.csv).
    targets
        The companies asked for (:func:`read_asked_companies` or
        :func:`netgraph.companies.read_targets`).
    as_of
        The day the pack is made; the evidence's ages are measured from it.
    min_warmth
        Keep only ties at least this warm (0..1, compared at the two decimals the pack shows).
    exclude
        People to leave out (:func:`read_exclusions`).
    redact_names
        Replace each name by a description ("a Backend Engineer at Stripe whom Kofi knows
        well") and drop the profile URLs.
    weights
        The warmth model's weights.
    builtin_aliases
        Whether well-known other company names (Facebook for Meta) count as matches.

    Returns
    -------
    Share

    Raises
    ------
    SourceError
        The export does not say whose it is (no Profile.csv, no messages), or an entry of
        the exclude list matches nobody but looks like the name of someone in the pack (a
        typo would otherwise name the very person to be left out).
    """
    owner = export.owner
    if not owner.name and not owner.url:
        raise SourceError(f"{export.source}: cannot tell whose export this is (no Profile.csv, no messages): "
                          "use your full export, as LinkedIn sent it")
    first = (owner.name.split() or ["they"])[0]
    conns = export.connections.drop_duplicates("person_id")
    matches = match_companies(conns["company"], targets, builtin_aliases=builtin_aliases)
    target_of = conns["company"].map(matches["target"]).fillna("")
    at = conns.loc[target_of.ne("").to_numpy()].assign(target=target_of[target_of.ne("")])
    at_companies = len(at)

    excluded: tuple[str, ...] = ()
    unused: tuple[str, ...] = ()
    if exclude is not None and len(exclude):
        hit, used = _excluded(conns, exclude)
        excluded = tuple(at.loc[hit.loc[at.index].to_numpy(), "name"])
        at = at.loc[~hit.loc[at.index].to_numpy()]
        left = exclude.loc[~used]
        _check_typos(left, at, export.source)
        unused = tuple(f"'{shown}' (line {line})" for shown, line in zip(left["shown"], left["line"]))

    scored = score_ties(export, as_of=as_of, weights=weights, people=pd.Index(at["person_id"]), who=first)
    at = at.join(scored[["warmth", "confidence", "reasons", "evidence"]], on="person_id")
    at["warmth"] = at["warmth"].astype(float).round(2)
    kept = at.loc[at["warmth"].ge(min_warmth - 1e-9)]
    order = targets.set_index("company")["order"]
    kept = kept.assign(_order=kept["target"].map(order)).sort_values(
        ["_order", "warmth", "name"], ascending=[True, False, True], kind="stable")

    evidence = [_evidence(reasons, records, as_of) for reasons, records in zip(kept["reasons"], kept["evidence"])]
    ties = pd.DataFrame({
        "person_id": kept["person_id"].to_numpy(dtype=object),
        "name": kept["name"].to_numpy(dtype=object),
        "url": kept["url"].to_numpy(dtype=object),
        "company": kept["company"].to_numpy(dtype=object),
        "target": kept["target"].to_numpy(dtype=object),
        "position": kept["position"].to_numpy(dtype=object),
        "warmth": kept["warmth"].to_numpy(dtype=float),
        "confidence": kept["confidence"].to_numpy(dtype=object),
        "evidence": pd.Series(evidence, dtype=object).to_numpy(),
        "redacted": np.full(len(kept), redact_names, dtype=bool),
    }, columns=TIE_COLUMNS)
    if redact_names:
        ties["name"] = [_description(position, company, warmth, first) for position, company, warmth
                        in zip(ties["position"], ties["company"], ties["warmth"])]
        ties["url"] = ""
        ties["person_id"] = [f"redacted:{owner.person_id}:{i}" for i in range(len(ties))]
    pack = Pack(source="", owner=owner, export_date=export_date(export), made_on=as_of,
                companies=tuple(targets["company"]), version=PACK_VERSION, ties=ties)
    messages = export.messages
    return Share(
        pack=pack,
        connections=len(conns),
        conversations=int(messages["conversation_id"].nunique()) if len(messages) else 0,
        emails=int(conns["email"].ne("").sum()) if "email" in conns else 0,
        at_companies=at_companies,
        below_min_warmth=int(len(at) - len(kept)),
        min_warmth=float(min_warmth),
        excluded=excluded,
        unused_exclusions=unused,
        redacted=redact_names,
    )


def make_share_pack(
    export: str | os.PathLike,
    asked: Sequence[str | os.PathLike],
    *,
    as_of: dt.date | None = None,
    min_warmth: float = 0.0,
    exclude: str | os.PathLike | None = None,
    redact_names: bool = False,
    builtin_aliases: bool = True,
) -> Share:
    """Read the export, the companies asked for and the exclude list; build the pack.

    What ``netgraph share`` runs. Parameters are those of :func:`build_share_pack`, with
    paths instead of frames (``asked`` as for :func:`read_asked_companies`); ``as_of``
    defaults to today.
    """
    targets = read_asked_companies(asked)
    people = read_exclusions(exclude) if exclude is not None else None
    return build_share_pack(read_export(export), targets, as_of=as_of or dt.date.today(),
                            min_warmth=min_warmth, exclude=people, redact_names=redact_names,
                            builtin_aliases=builtin_aliases)


def _excluded(conns: pd.DataFrame, exclude: pd.DataFrame) -> tuple[pd.Series, np.ndarray]:
    """Which connections the list names (by URL or name), and which list entries were used."""
    urls = set(exclude["url"]) - {""}
    names = set(exclude["name"]) - {""}
    keys = normalize_names(conns["name"])
    by_url = conns["url"].isin(urls)
    by_name = keys.isin(names)
    used = (exclude["url"].isin(set(conns["url"])) & exclude["url"].ne("")) \
        | (exclude["name"].isin(set(keys)) & exclude["name"].ne(""))
    return by_url | by_name, used.to_numpy()


def _check_typos(left: pd.DataFrame, at: pd.DataFrame, source: str) -> None:
    """An exclude entry that matches nobody but is nearly the name of someone in the pack."""
    names = normalize_names(at["name"]).tolist()
    for shown, name, line in zip(left["shown"], left["name"], left["line"]):
        if not name or not names:
            continue
        close = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=85)
        if close is not None:
            person = at.iloc[close[2]]
            raise SourceError(
                f"exclude list line {line}: '{shown}' matches none of your connections, but {person['name']} "
                f"({person['company']}) would be in the pack: write the name as in your connections, "
                "or the profile URL")


def _evidence(reasons: tuple[str, ...], records: tuple[Evidence, ...], as_of: dt.date) -> tuple[str, ...]:
    """The score's reasons as pack evidence: no ``;`` (the pack's separator), and a guessed
    former colleague says when the friend worked there (from their Positions.csv)."""
    years = {}
    for e in records:
        if e.kind == "shared_history" and e.flag == "job" and e.since is not None and pd.notna(e.since):
            began = pd.Timestamp(e.since).year
            ended = pd.Timestamp(e.date) if e.date is not None and pd.notna(e.date) else None
            when = f"has been since {began}" if ended is None or ended.date() >= as_of \
                else f"was from {began} to {ended.year}"
            years[describe_evidence(e, as_of)] = f", where {e.who} {when}"
    return tuple((reason + years.get(reason, "")).replace(";", ",") for reason in reasons)


def _description(position: str, company: str, warmth: float, first: str) -> str:
    """``a Backend Engineer at Stripe whom Kofi knows well``: a redacted person."""
    how = "knows well" if warmth >= KNOWS_WELL else "knows" if warmth >= KNOWS else "knows only slightly"
    role = f"{article(position)} {position}" if position else "someone"
    return f"{role} at {company} whom {first} {how}"




# ---------------------------------------------------------------------------
# Plain words


def summarize_share(share: Share) -> str:
    """One line: how many people at how many companies, and what the pack leaves out.

    Examples
    --------
    >>> from netgraph.io.export import Owner
    >>> ties = pd.DataFrame({"target": ["Stripe", "Stripe", "Datadog"]})
    >>> asked = ("Stripe", "Datadog", "Meta")
    >>> pack = Pack("", Owner("Kofi Asante", "", "x"), None, dt.date(2026, 11, 20), asked, 1, ties)
    >>> print(summarize_share(Share(pack, 415, 80, 3, 5, 2, 0.3, (), (), False)))  # doctest: +NORMALIZE_WHITESPACE
    3 people at 2 of the 3 companies asked for; no messages, no e-mail addresses, nobody at other companies,
    nothing about your other 412 connections.
    """
    ties = share.pack.ties
    companies = ties["target"].nunique() if len(ties) else 0
    asked = len(share.pack.companies)
    at = f"{companies} of the {asked} companies asked for" if asked != companies \
        else "1 company" if asked == 1 else f"{asked} companies"
    hidden = "; names and profile URLs hidden" if share.redacted else ""
    others = max(share.connections - len(ties), 0)
    return (f"{_people(len(ties))} at {at}{hidden}; "
            f"no messages, no e-mail addresses, nobody at other companies, "
            f"nothing about your other {others:,} connections.")


def describe_share(share: Share) -> str:
    """Exactly what the pack holds, in plain words, for ``netgraph share --preview``.

    Returns
    -------
    str
        The summary line, what the header says about the friend, each person as the pack
        shows them (with their evidence), and who was left out and why.
    """
    pack = share.pack
    lines = [summarize_share(share), ""]
    lines.append("The header names you and says when the pack was made:")
    lines.append(f"  owner: {pack.owner.name or '(no name)'}" + (f", {pack.owner.url}" if pack.owner.url else ""))
    exported = pack.export_date.isoformat() if pack.export_date else "unknown"
    lines.append(f"  your export of {exported}, pack made on {pack.made_on.isoformat()}")
    lines.append(f"  companies asked for: {', '.join(pack.companies)}")
    lines.append("")
    talk = (f"the text or subject of any of your {plural(share.conversations, 'conversation')}"
            if share.conversations else "any message (your export has none)")
    mail = ("any e-mail address" if not share.emails else "the e-mail address in your export" if share.emails == 1
            else f"any of the {share.emails:,} e-mail addresses in your export")
    lines.append(f"Not in the pack: {talk}, {mail}, and anyone at another company.")
    ties = pack.ties
    for company in pack.companies:
        people = ties.loc[ties["target"].eq(company)]
        lines.append("")
        if people.empty:
            lines.append(f"{company}: nobody")
            continue
        lines.append(f"{company}: {_people(len(people))}")
        for name, url, company, position, warmth, confidence, evidence, redacted in zip(
                people["name"].tolist(), people["url"].tolist(), people["company"].tolist(),
                people["position"].tolist(), people["warmth"].tolist(), people["confidence"].tolist(),
                people["evidence"].tolist(), people["redacted"].tolist()):
            who = name if redacted else f"{name}, {position or 'no title'} at {company}"
            lines.append(f"  {who}" + (f" ({url})" if url else ""))
            lines.append(f"    warmth {warmth:.2f} ({_warmth_words(warmth)}), confidence {confidence}")
            lines += [f"    - {item}" for item in evidence]
    left = []
    if share.below_min_warmth:
        left.append(f"{_people(share.below_min_warmth)} under --min-warmth {share.min_warmth:g}")
    if share.excluded:
        left.append(f"{_people(len(share.excluded))} on your --exclude list ({', '.join(share.excluded)})")
    if left:
        lines += ["", "Left out: " + "; ".join(left) + "."]
    if share.unused_exclusions:
        lines += ["", f"On your --exclude list but not among your connections: {', '.join(share.unused_exclusions)}."]
    lines += ["", "Nothing was written (--preview). The pack is a plain CSV: open it in a spreadsheet, "
                  "delete any row or change any cell, then send it."]
    return "\n".join(lines) + "\n"


def _people(n: int) -> str:
    return "1 person" if n == 1 else f"{n} people"


def _warmth_words(warmth: float) -> str:
    return "you know them well" if warmth >= KNOWS_WELL else "you know them" if warmth >= KNOWS \
        else "you know them only slightly"
