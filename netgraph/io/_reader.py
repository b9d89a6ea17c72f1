"""``read_export``: open the export, read each file, find the owner, join the files."""

from __future__ import annotations

import codecs
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io import _activity, _background, _connections, _messages
from netgraph.io._archive import KINDS, Entry, Source, classify, open_source
from netgraph.io._load import Loaded
from netgraph.io._parse import SWALLOWED, UNCLOSED, UNREADABLE
from netgraph.io._parts import Part, file_info, files_frame, no_skipped
from netgraph.io._people import PeopleIndex, index_people
from netgraph.io._table import Spec, decode, find_header
from netgraph.io.export import Export, Owner
from netgraph.io.identity import make_person_id, normalize_name
from netgraph.io.limits import Limits, current_limits

logger = logging.getLogger(__name__)

# What a CSV that is not Connections.csv looks like, for "this looks like ..." messages.
_LOOKALIKES: list[Spec] = [
    _messages.MESSAGES, _activity.INVITATIONS, _activity.ENDORSEMENTS["received"],
    _activity.ENDORSEMENTS["given"], _activity.RECOMMENDATIONS, _background.PROFILE,
    _background.POSITIONS, _background.EDUCATION,
    Spec("Contacts.csv (your imported address book, not your connections)",
         (("FirstName",), ("LastName",), ("Emails", "Companies"))),
    Spec("Imported Contacts.csv (your imported address book, not your connections)",
         (("First Name",), ("Last Name",), ("Companies",))),
]


def read_export(path: str | os.PathLike, *, keep_companies: Callable | None = None,
                limits: Limits | None = None, need_names: bool = True) -> Export:
    """Read a LinkedIn data export into typed frames.

    Parameters
    ----------
    path
        The zip as downloaded (any file name), the folder it unpacks to (one wrapper folder
        is fine), or a bare ``Connections.csv`` (any file name; recognised by content).
    keep_companies
        Read only the connections whose company this keeps: a function from an array of
        company strings to an array of booleans (it is given each distinct, stripped
        company of the file once). For friends' exports, where only the people at your
        targets matter: the other rows are parsed by pandas and dropped before any per-row
        work. ``hidden`` and ``skipped`` then cover the kept rows only.
    limits
        Size limits for every file read (default: :func:`netgraph.io.current_limits`;
        the README's "Limits" lists them).
    need_names
        Refuse a Connections.csv whose name columns were removed (``Company,Position,
        Connected On`` only: nobody can be named or introduced). With ``False`` it is read,
        each row a nameless connection (``person_id`` ``row:<line>``), and ``Export.notes``
        says what cannot be done (``netgraph companies`` and ``inspect`` use this).

    Returns
    -------
    Export
        Frames as documented in ``docs/architecture.md``. Rows that could not be used are
        in ``Export.skipped`` with their file, line and reason.

    Raises
    ------
    ExportFormatError
        The path is missing, not a readable zip/folder/CSV (or not a regular file: a FIFO,
        a device, a link out of the export folder), has no Connections.csv, a file breaks
        a limit (size, zip bomb, nested zips), or a file is malformed as a whole (no header,
        no readable row). Every message names the file and says what to try.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "Connections.csv").write_text(
    ...     "First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
    ...     "Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz,,Acme,Engineer,07 Nov 2023")
    >>> export = read_export(folder)
    >>> export.connections[["person_id", "name", "connected_on"]].to_dict("records")
    [{'person_id': 'in:ana-ruiz', 'name': 'Ana Ruiz', 'connected_on': Timestamp('2023-11-07 00:00:00')}]
    """
    limits = limits or current_limits()
    with open_source(path, limits) as source:
        found = _read_files(source, keep_companies, limits, need_names)
    return _assemble(str(path), source, found)


@dataclass(frozen=True)
class _Found:
    """The files of an export that were read: Parts and entries by kind."""

    parts: dict[str, Part]
    entries: dict[str, Entry]
    empty: dict[str, dict]  # kind -> files-frame row of an empty optional file


_READERS: dict[str, Callable[..., Part]] = {
    "connections": _connections.read_connections,
    "profile": _background.read_profile,
    "messages": _messages.read_messages,
    "endorsements_given": partial(_activity.read_endorsements, direction="given"),
    "endorsements_received": partial(_activity.read_endorsements, direction="received"),
    "recommendations_given": partial(_activity.read_recommendations, direction="given"),
    "recommendations_received": partial(_activity.read_recommendations, direction="received"),
    "positions": _background.read_positions,
    "education": _background.read_education,
    "skills": _background.read_skills,
}
_COUNTERPARTS = ("messages", "invitations", "endorsements_given", "endorsements_received",
                 "recommendations_given", "recommendations_received")


def _read_files(source: Source, keep_companies: Callable | None, limits: Limits, need_names: bool) -> _Found:
    """Read every file netgraph uses (each recognised by name, else by its header)."""
    read_connections = partial(_connections.read_connections, keep_companies=keep_companies,
                               need_names=need_names)
    if source.kind == "file":
        entry = source.entries[0]
        raw = entry.load(limits)
        _check_is_connections(raw, entry.path)
        return _Found({"connections": read_connections(raw, entry.path)},
                      {"connections": entry}, {})
    chosen = classify(source.entries)
    chosen.update(_classify_by_header(source.entries, chosen))
    if "connections" not in chosen:
        raise _no_connections(source)
    contents = {kind: entry.load(limits) for kind, entry in chosen.items()}
    empty = {}
    for kind, loaded in contents.items():
        data = loaded.data
        if kind != "connections" and not data[:4096].strip() and not data.strip():
            # An empty optional file says nothing; it is listed, not an error.
            logger.info("%s is empty", chosen[kind].path)
            empty[kind] = file_info(chosen[kind].path, kind)
    readers: dict[str, Callable[..., Part]] = {**_READERS, "connections": read_connections}
    parts = {kind: reader(contents[kind], chosen[kind].path)
             for kind, reader in readers.items() if kind in chosen and kind not in empty}
    if "invitations" in chosen and "invitations" not in empty:
        owner_name = parts["profile"].extra["name"] if "profile" in parts else ""
        parts["invitations"] = _activity.read_invitations(
            contents["invitations"], chosen["invitations"].path, owner_name)
    return _Found(parts, chosen, empty)


def _assemble(path: str, source: Source, found: _Found) -> Export:
    """Find the owner, drop them from the connections, join the other files to them."""
    parts = found.parts
    messages_part, invitations_part = parts.get("messages"), parts.get("invitations")
    owner_name = parts["profile"].extra["name"] if "profile" in parts else ""
    owner_url = _owner_url(messages_part, invitations_part, owner_name)
    if not owner_name:
        owner_name = _owner_name(messages_part, invitations_part, owner_url)
    connections_part = _connections.dedupe(parts["connections"], owner_url)
    connections = connections_part.frame
    indexed: list[PeopleIndex] = []

    def people() -> PeopleIndex:  # built once, and only when a file names people
        if not indexed:
            indexed.append(index_people(connections))
        return indexed[0]

    skipped = [p.skipped for k, p in parts.items() if k != "connections"] + [connections_part.skipped]
    infos = {k: p.info for k, p in parts.items()} | found.empty
    infos["connections"] = connections_part.info

    if messages_part is not None:
        messages, lost, used = _messages.build_messages(messages_part, owner_name, owner_url, people())
        skipped.append(lost)
        infos["messages"] = dict(infos["messages"], used=used)
    else:
        messages = _empty(_messages.COLUMNS)
    invitations = (_activity.resolve(invitations_part, people(), _activity.INVITATION_COLUMNS)
                   if invitations_part is not None else _empty(_activity.INVITATION_COLUMNS))
    endorsements = _concat([_activity.resolve(parts[k], people(), _activity.ENDORSEMENT_COLUMNS)
                            for k in ("endorsements_given", "endorsements_received") if k in parts],
                           _activity.ENDORSEMENT_COLUMNS)
    recommendations = _concat(
        [_activity.resolve(parts[k], people(), _activity.RECOMMENDATION_COLUMNS)
         for k in ("recommendations_given", "recommendations_received") if k in parts],
        _activity.RECOMMENDATION_COLUMNS)
    positions = parts["positions"].frame if "positions" in parts else \
        _empty(_background.POSITION_COLUMNS)
    education = parts["education"].frame if "education" in parts else \
        _empty(_background.EDUCATION_COLUMNS)

    kind_of = {e.path: kind for kind, e in found.entries.items()}
    rows = [infos.get(kind_of.get(e.path, ""), None) or file_info(e.path, "other")
            for e in sorted(source.entries, key=lambda e: e.path.lower())]
    owner_id = make_person_id(owner_url, "", owner_name, "")
    all_skipped = _sorted_skipped([s for s in skipped if len(s)])
    notes = [n for p in parts.values() for n in p.extra.get("notes", ())] + _damage_notes(all_skipped)
    return Export(
        source=path,
        owner=Owner(name=owner_name, url=owner_url, person_id=owner_id),
        connections=connections,
        hidden=connections_part.hidden,
        messages=messages,
        invitations=invitations,
        endorsements=endorsements,
        recommendations=recommendations,
        positions=positions,
        education=education,
        files=files_frame(rows),
        skipped=all_skipped,  # every part is in SKIPPED_COLUMNS order
        notes=tuple(notes),
        profile={k: parts["profile"].extra.get(k, "") for k in ("headline", "summary")} if "profile" in parts else {},
        skills=parts["skills"].extra["skills"] if "skills" in parts else (),
    )


_DAMAGE = (UNCLOSED, SWALLOWED, UNREADABLE)
_NOTED = 5


def _damage_notes(skipped: pd.DataFrame) -> list[str]:
    """A sentence for each row a damaged file would have swallowed or that broke a limit
    (the first few; inspect lists them all)."""
    reasons = skipped["reason"].to_numpy(dtype=object)
    damaged = np.flatnonzero([r in _DAMAGE or r.startswith("longer than") for r in reasons])
    notes = [f"{skipped['file'].iat[i]} line {skipped['line'].iat[i]}: {reasons[i]} "
             f"({skipped['detail'].iat[i]})" for i in damaged[:_NOTED]]
    if len(damaged) > _NOTED:
        notes.append(f"{len(damaged) - _NOTED:,} more damaged rows (run `netgraph inspect` for the list)")
    return notes


def _sorted_skipped(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """The skipped rows of every file, sorted by file, then line."""
    if not frames:
        return no_skipped()
    rows = pd.concat(frames, ignore_index=True)
    return rows.sort_values(["file", "line"], kind="stable").reset_index(drop=True)


def _owner_url(messages: Part | None, invitations: Part | None, owner_name: str) -> str:
    """The owner's profile URL: the participant of the most conversations, checked
    against the owner's name; else the owner's side of their invitations."""
    key = normalize_name(owner_name)
    if messages is not None:
        candidates = _messages.owner_candidates(messages)
        if len(candidates):
            if key:
                for url in candidates["url"]:
                    if key in _messages.sent_names(messages, url):
                        return url
            counts = candidates["conversations"].to_numpy()
            tied = candidates["url"][counts == counts[0]].tolist()
            if len(tied) == 1:
                if key:
                    logger.info("owner's name %r is not among the names sent from %s; using it",
                                owner_name, tied[0])
                return tied[0]
            from_invitations = _invitations_owner_url(invitations)
            if from_invitations in tied:
                return from_invitations
            logger.info("cannot tell the owner's URL among %s", ", ".join(tied))
            return from_invitations
    return _invitations_owner_url(invitations)


def _invitations_owner_url(invitations: Part | None) -> str:
    """The URL most often on the owner's side of Invitations.csv (``""`` when none)."""
    if invitations is None:
        return ""
    urls = invitations.frame["owner_url"]
    urls = urls[urls != ""]
    return urls.value_counts().index[0] if len(urls) else ""


def _owner_name(messages: Part | None, invitations: Part | None, owner_url: str) -> str:
    """Without Profile.csv: the name most often sent under the owner's URL."""
    if messages is not None:
        rows = messages.extra["rows"]
        mine = ((rows["sender_url"] == owner_url) & (owner_url != "")) \
            | (rows["direction"] == "OUTGOING")
        names = rows["sender"][mine]
        names = names[names != ""]
        if len(names):
            return str(pd.Series(names, dtype=object).value_counts().index[0])
    if invitations is not None:
        names = invitations.frame["owner_name"]
        names = names[names != ""]
        if len(names):
            return str(names.value_counts().index[0])
    return ""


def _check_is_connections(raw: Loaded, name: str) -> None:
    """A bare file must be a connections file; say what it looks like otherwise."""
    text = decode(raw, name)
    if any(find_header(text, spec.accepts) for spec in _connections.SPECS):
        return
    for spec in _LOOKALIKES:
        if find_header(text, spec.accepts) is not None:
            raise ExportFormatError(
                f"{name} is not a connections file: this looks like {spec.label}. Pass the "
                "export folder or zip (or its Connections.csv)"
            )


# Files that share a header with one netgraph reads but are not the owner's conversations.
_NOT_BY_HEADER = {"guidemessages", "coachmessages", "learningcoachmessages", "learningroleplaymessages"}
_BY_HEADER: list[tuple[str, Spec]] = [
    ("connections", _connections.ARCHIVE), ("connections", _connections.OUTLOOK),
    ("connections", _connections.ANONYMOUS), ("messages", _messages.MESSAGES),
    ("invitations", _activity.INVITATIONS), ("endorsements_received", _activity.ENDORSEMENTS["received"]),
    ("endorsements_given", _activity.ENDORSEMENTS["given"]), ("profile", _background.PROFILE),
    ("positions", _background.POSITIONS), ("education", _background.EDUCATION),
    ("recommendations", _activity.RECOMMENDATIONS),  # Skills.csv by name only: Languages.csv shares "Name"
]


def _classify_by_header(entries: tuple[Entry, ...], chosen: dict[str, Entry]) -> dict[str, Entry]:
    """The kinds not found by name, recognised by the header of the other CSVs
    (``LinkedIn messages.csv``, ``export.csv``): the first ~16 KB of each is read."""
    found: dict[str, Entry] = {}
    taken = {id(e) for e in chosen.values()}
    ordered = sorted(entries, key=lambda e: (e.depth, e.path.lower()))
    for entry in ordered:
        if (id(entry) in taken or not entry.regular or not entry.basename.lower().endswith(".csv")
                or entry.key in _NOT_BY_HEADER or entry.key in KINDS):
            continue
        kind = _kind_by_header(entry)
        if kind == "recommendations":  # given and received share one header: the name decides
            name = entry.basename.lower()
            kind = "recommendations_given" if "given" in name else \
                "recommendations_received" if "received" in name else None
        if kind is None or kind in chosen or kind in found:
            continue
        logger.info("%s: recognised as %s by its header", entry.path, kind)
        found[kind] = entry
    return found


def _kind_by_header(entry: Entry) -> str | None:
    try:
        head = entry.head(16 * 1024)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            head = head[:len(head) // 2 * 2].decode("utf-16", errors="replace").encode("utf-8")
        folded = head.lower()
        candidates = [(kind, spec) for kind, spec in _BY_HEADER
                      if all(any(n.lower().encode() in folded for n in group) for group in spec.required)]
        if not candidates:
            return None
        text = decode(head, entry.path)
    except ExportFormatError:
        return None
    return next((kind for kind, spec in candidates if find_header(text, spec.accepts)), None)


def _no_connections(source: Source) -> ExportFormatError:
    names = sorted(e.path for e in source.entries)
    shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
    return ExportFormatError(
        f"{source.path} has no Connections.csv (found: {shown or 'nothing'}). Request your "
        "LinkedIn data again with 'Connections' selected, or pass Connections.csv itself"
    )


_DATES = {"date", "started_on", "finished_on", "connected_on"}


@cache
def _empty_template(columns: tuple[str, ...]) -> pd.DataFrame:
    data = {}
    for column in columns:
        if column in _DATES:
            data[column] = pd.Series(dtype="datetime64[ns]")
        elif column == "has_note":
            data[column] = pd.Series(dtype=bool)
        elif column == "line":
            data[column] = pd.Series(dtype=np.int64)
        else:
            data[column] = pd.Series(dtype="str")
    return pd.DataFrame(data)


def _empty(columns: list[str]) -> pd.DataFrame:
    """An empty frame with the documented columns and dtypes (a copy of a template)."""
    return _empty_template(tuple(columns)).copy()


def _concat(frames: list[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    if not frames:
        return _empty(columns)
    return pd.concat(frames, ignore_index=True)[columns]
