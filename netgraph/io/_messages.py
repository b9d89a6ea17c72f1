"""messages.csv, every generation of it, into the ``messages`` frame.

Two steps, because the owner's own URL is learnt from the file itself:
:func:`read_messages` parses and filters (drafts, sponsored threads, ``LinkedIn Member``
senders, unreadable dates), :func:`owner_candidates` says which URL is the owner's, and
:func:`build_messages` sets the direction and spreads each message over its counterparts
(one row per recipient of a message the owner sent). All of it is vectorised over
messages; Python loops only run over distinct values.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError
from netgraph.io._dates import TIMESTAMP, parse_dates
from netgraph.io._frames import str_array
from netgraph.io._load import Loaded
from netgraph.io._parts import Part, assign, file_info, shown_values, skipped_rows, start_reasons
from netgraph.io._people import PeopleIndex, resolve_people, url_codes
from netgraph.io._table import OPTIONAL_ADVICE, Spec, open_table
from netgraph.io.identity import normalize_name

logger = logging.getLogger(__name__)

COLUMNS = ["conversation_id", "date", "direction", "person_id", "name", "url", "line"]

MESSAGES = Spec(
    label="messages.csv",
    required=(("FROM",), ("TO",), ("DATE",), ("CONTENT", "CONVERSATION ID")),
    optional=("CONVERSATION TITLE", "SENDER PROFILE URL", "RECIPIENT PROFILE URLS",
              "SUBJECT", "FOLDER", "ATTACHMENTS", "IS MESSAGE DRAFT",
              "IS CONVERSATION DRAFT", "DIRECTION"),
    example="CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
            "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER",
    read=("CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
          "RECIPIENT PROFILE URLS", "DATE", "FOLDER", "IS MESSAGE DRAFT",
          "IS CONVERSATION DRAFT", "DIRECTION"),
    strip=("FROM", "TO"),
    # The folder only helps to tell who sent a message when no sender URL says it.
    needless=(("FOLDER", "SENDER PROFILE URL"),),
)
DRAFT = "draft"
SPONSORED = "sponsored conversation (an ad)"
HIDDEN_SENDER = "sender is 'LinkedIn Member' (a hidden member)"
HIDDEN_RECIPIENT = "recipient is 'LinkedIn Member' (a hidden member)"
NO_COUNTERPART = "no counterpart besides the owner"
_DIRECTIONS = np.array(["received", "sent"], dtype=object)
_HIDDEN_NAME = "linkedin member"
# Credentials and suffixes that follow a name after a comma ("Ana Ruiz, PhD").
_SUFFIX = (r"(?:[A-Z]{2,6}|[A-Z]{2,}[a-z]+|[A-Z][a-z][A-Z][A-Za-z]?"
           r"|[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.?)*|Jr\.?|Sr\.?|Esq\.?|[IVX]{1,4})")
_SUFFIX_PATTERN = re.compile(_SUFFIX)
_LONGEST_SUFFIX = 24


def read_messages(raw: bytes | Loaded, name: str) -> Part:
    """Parse messages.csv and mark the rows that are not evidence of a tie.

    ``Part.extra`` holds ``rows`` (a dict of arrays over every message row), ``ok`` (the
    usable rows) and ``recipients`` (the URL list split into one row per recipient).

    Raises
    ------
    ExportFormatError
        No messages header, or not one message with a readable date.
    """
    table, _ = open_table(raw, name, [MESSAGES], advice=OPTIONAL_ADVICE)
    n = len(table)
    col = table.get

    keys = table.header.keys
    date_label = table.header.cells[keys.index("date")]
    conv = col("conversation id")
    conv_key = conv.copy()
    no_id = conv == ""
    conv_key[no_id] = [f"#{k}" for k in table.line[no_id]]
    sender = col("from")
    sender_codes, sender_urls = url_codes(col("sender profile url"))
    sender_url = sender_urls[sender_codes]
    dates = parse_dates(col("date"), TIMESTAMP)

    reasons, details = start_reasons(table)
    draft = _folded_in(col("is message draft"), {"yes", "true"}) \
        | _folded_in(col("is conversation draft"), {"yes", "true"})
    assign(reasons, draft, DRAFT)
    ad_threads = conv_key[_folded_in(col("conversation title"), {"sponsored conversation"})]
    sponsored = pd.Series(conv_key).isin(pd.unique(ad_threads)).to_numpy() if len(ad_threads) \
        else np.zeros(n, dtype=bool)
    assign(reasons, sponsored, SPONSORED)
    hidden = (sender == "LinkedIn Member") & (sender_url == "")
    assign(reasons, hidden, HIDDEN_SENDER)
    bad = assign(reasons, dates.bad, f"'{date_label}' is not a date like '{dates.example}'")
    details[bad] = shown_values(col("date")[bad])
    candidates = ~(draft | sponsored | hidden) & (table.reasons == "")
    if bad.any() and (bad == candidates).all():
        i = int(np.flatnonzero(bad)[0])
        raise ExportFormatError(
            f"{name} line {table.line[i]}: '{date_label}' is '{col('date')[i]}', expected a "
            f"date like '{dates.example}' (no message has a readable date); remove {name} "
            "to go on without messages"
        )

    rows = {
        "conversation_id": conv, "conv_key": conv_key, "sender": sender,
        "sender_url": sender_url, "to": col("to"),
        "direction": _upper(col("direction")), "folder": _upper(col("folder")),
        "date": dates.array, "line": table.line,
    }
    ok = reasons == ""
    info = file_info(name, "messages", table, rows=n, used=int(ok.sum()), dates=dates,
                     used_mask=ok)
    recipients, recipient_urls = split_urls(col("recipient profile urls"))
    extra = {"rows": rows, "ok": ok, "recipients": recipients,
             "url_codes": (sender_codes, sender_urls, recipients.code, recipient_urls)}
    return Part(frame=pd.DataFrame(), info=info, extra=extra,
                skipped=skipped_rows(name, table.line[~ok], reasons[~ok], details[~ok]))


@dataclass(frozen=True)
class Recipients:
    """The recipients named by URL, one per URL of each message's list (aligned arrays)."""

    row: np.ndarray  # the message's row (int64)
    pos: np.ndarray  # the URL's position in the message's list (int64)
    url: np.ndarray  # the normalised URL (object)
    code: np.ndarray  # into the array of distinct normalised URLs

    def take(self, which: np.ndarray) -> Recipients:
        """The recipients at a boolean mask or positions."""
        return Recipients(self.row[which], self.pos[which], self.url[which], self.code[which])


class Names(NamedTuple):
    """Names split from TO, one per person: the message's row, the position, the name."""

    row: np.ndarray
    pos: np.ndarray
    name: np.ndarray


def split_urls(urls: np.ndarray) -> tuple[Recipients, np.ndarray]:
    """Recipient URL lists, one entry per non-empty URL, and the array of distinct
    normalised URLs that ``Recipients.code`` points into.

    The same list recurs in every message of a conversation, so each distinct list is
    split once and the pieces are handed out to its rows with numpy.
    """
    list_codes, lists = pd.factorize(urls)
    split = [value.split(",") for value in lists]
    per_list = np.array([len(pieces) for pieces in split], dtype=np.int64)
    codes, uniques = url_codes(np.array([p for pieces in split for p in pieces], dtype=object))
    first_piece = np.cumsum(per_list) - per_list
    per_row = per_list[list_codes]
    row = np.repeat(np.arange(len(urls), dtype=np.int64), per_row)
    pos = np.arange(len(row), dtype=np.int64) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    piece = np.repeat(first_piece[list_codes], per_row) + pos
    out = Recipients(row, pos, uniques[codes[piece]], codes[piece])
    return out.take(out.url != ""), uniques


def owner_candidates(part: Part) -> pd.DataFrame:
    """Profile URLs by the number of conversations they take part in, most first (at
    most five): columns ``url`` and ``conversations``. The owner takes part in every
    conversation of their own export; :func:`sent_names` tells the names each URL used.
    """
    rows, recipients = part.extra["rows"], part.extra["recipients"]
    sender_codes, sender_urls, recipient_codes, recipient_urls = part.extra["url_codes"]
    # One code space for sender and recipient URLs (hashing the few distinct values only).
    inverse, distinct = pd.factorize(np.concatenate([sender_urls, recipient_urls]))
    distinct = np.asarray(distinct, dtype=object)
    codes = np.concatenate([inverse[:len(sender_urls)][sender_codes],
                            inverse[len(sender_urls):][recipient_codes]]) \
        if len(distinct) else np.zeros(0, dtype=np.int64)
    conv_codes, _ = pd.factorize(rows["conv_key"])
    convs = np.concatenate([conv_codes, conv_codes[recipients.row]])
    keep = distinct[codes] != "" if len(codes) else np.zeros(0, dtype=bool)
    if not keep.any():
        return pd.DataFrame({"url": [], "conversations": []})
    pairs = pd.unique(convs[keep].astype(np.int64) * len(distinct) + codes[keep])
    counts = np.bincount(pairs % len(distinct), minlength=len(distinct))
    top = np.argsort(-counts, kind="stable")[:5]
    top = top[counts[top] > 0]
    return pd.DataFrame({"url": distinct[top], "conversations": counts[top]})


def sent_names(part: Part, url: str) -> set[str]:
    """The names (folded) of the messages sent under ``url``."""
    sender_codes, sender_urls = part.extra["url_codes"][:2]
    at = np.flatnonzero(sender_urls == url)
    if not len(at):
        return set()
    return {normalize_name(s) for s in pd.unique(part.extra["rows"]["sender"][sender_codes == at[0]])}


def build_messages(part: Part, owner_name: str, owner_url: str,
                   people: PeopleIndex) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """One row per message per counterpart, resolved to the owner's connections.

    Returns
    -------
    tuple
        The ``messages`` frame, the rows skipped at this step, and the number of message
        rows used.
    """
    rows, ok, recipients = part.extra["rows"], part.extra["ok"], part.extra["recipients"]
    file = part.info["file"]
    owner_key = normalize_name(owner_name)
    sent = _sent(rows, owner_key, owner_url)

    # Received: the sender is the counterpart.
    them = np.flatnonzero(ok & ~sent)
    # Sent: each recipient; from the URL list, else from the TO names.
    mine = ok & sent
    by_url = recipients.take(mine[recipients.row])
    with_urls = np.zeros(len(ok), dtype=bool)
    with_urls[by_url.row] = True
    by_name = _split_names(rows["to"], np.flatnonzero(mine & ~with_urls))

    row = np.concatenate([them, by_url.row, by_name.row])
    name = np.concatenate([rows["sender"][them], _name_recipients(by_url, rows["to"]),
                           by_name.name])
    url = np.concatenate([rows["sender_url"][them], by_url.url,
                          np.full(len(by_name.row), "", dtype=object)])
    # Without a URL only the name says who it is: the owner, a hidden member, or nobody.
    nameless = np.flatnonzero(url == "")
    folded = _fold(name[nameless])
    owner = url == owner_url if owner_url else np.zeros(len(url), dtype=bool)
    owner[nameless] = (folded == owner_key) & (owner_key != "")
    hidden = np.zeros(len(url), dtype=bool)
    hidden[nameless] = (folded == _HIDDEN_NAME) & ~owner[nameless]
    nobody = np.zeros(len(url), dtype=bool)
    nobody[nameless] = folded == ""
    hidden_rows = row[hidden]
    keep = ~(owner | hidden | nobody)
    order = np.argsort(row[keep], kind="stable")
    row, name, url = row[keep][order], name[keep][order], url[keep][order]

    person_id, name, url = resolve_people(people, url, name)
    out = pd.DataFrame({  # in the order of COLUMNS
        "conversation_id": str_array(rows["conversation_id"][row]),
        "date": rows["date"][row].astype("datetime64[ns]"),
        "direction": str_array(_DIRECTIONS[sent[row].astype(np.int8)]),
        "person_id": person_id, "name": name, "url": url,
        "line": rows["line"][row].astype(np.int64),
    })

    used = np.zeros(len(ok), dtype=bool)
    used[row] = True
    lost = np.flatnonzero(ok & ~used)
    reasons = np.where(np.isin(lost, hidden_rows), HIDDEN_RECIPIENT, NO_COUNTERPART)
    skipped = skipped_rows(file, rows["line"][lost], reasons, np.full(len(lost), "", dtype=object))
    return out, skipped, int(used.sum())


def _sent(rows: dict, owner_key: str, owner_url: str) -> np.ndarray:
    """Did the owner send each message? Direction column, then URL, then name, then folder."""
    hint = rows["direction"]
    sent = np.full(len(hint), -1, dtype=np.int8)
    sent[hint == "OUTGOING"] = 1
    sent[hint == "INCOMING"] = 0
    if owner_url:
        todo = (sent < 0) & (rows["sender_url"] != "")
        sent[todo] = rows["sender_url"][todo] == owner_url
    if owner_key:
        todo = sent < 0
        sent[todo] = _fold(rows["sender"][todo]) == owner_key
    todo = sent < 0
    sent[todo] = rows["folder"][todo] == "SENT"
    return sent == 1


def _name_recipients(by_url: Recipients, to: np.ndarray) -> np.ndarray:
    """The names of URL recipients, from TO where the two lists align (else "")."""
    row = by_url.row
    counts = np.bincount(row, minlength=len(to)) if len(row) else np.zeros(len(to), dtype=np.int64)
    names = np.full(len(row), "", dtype=object)
    # One URL: TO is that person's name, commas and all ("Ana Ruiz, PhD").
    one = counts[row] == 1
    names[one] = to[row[one]]
    several = np.flatnonzero(counts > 1)
    if len(several):
        split = _split_names(to, several)
        found = np.bincount(split.row, minlength=len(to))
        aligned = found[split.row] == counts[split.row]
        # Look names up by (row, position) packed into one integer.
        width = int(max(counts.max(), found.max())) + 1
        lookup = pd.Index(split.row[aligned] * width + split.pos[aligned])
        multi = np.flatnonzero(~one)
        at = lookup.get_indexer(row[multi] * width + by_url.pos[multi])
        names[multi[at >= 0]] = split.name[aligned][at[at >= 0]]
    return names


def _split_names(to: np.ndarray, rows: np.ndarray) -> Names:
    """TO names of the given rows, one per person.

    Names are joined with ", " but may contain a comma themselves; a piece that looks
    like a credential or suffix (``PhD``, ``MBA``, ``Jr.``) stays with the name before it.
    The same TO recurs in every message of a conversation: each distinct value is split
    once and its names are handed out to its rows with numpy.
    """
    rows = rows[to[rows] != ""]
    codes, distinct = pd.factorize(to[rows])
    split = [_names_in(value) for value in distinct]
    per_value = np.array([len(names) for names in split], dtype=np.int64)
    first = np.cumsum(per_value) - per_value
    per_row = per_value[codes]
    row = np.repeat(rows.astype(np.int64), per_row)
    pos = np.arange(len(row), dtype=np.int64) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    names = np.array([name for names in split for name in names], dtype=object)
    return Names(row, pos, names[np.repeat(first[codes], per_row) + pos])


def _names_in(to: str) -> list[str]:
    """The names in one TO value (suffixes kept with the name before them)."""
    names: list[list[str]] = []  # the pieces of each name, joined once (linear in any length)
    for piece in to.split(", "):
        piece = piece.strip()
        if not piece:
            continue
        if names and len(piece) <= _LONGEST_SUFFIX and _SUFFIX_PATTERN.fullmatch(piece):
            names[-1].append(piece)
        else:
            names.append([piece])
    return [", ".join(pieces) for pieces in names]


def _fold(values: np.ndarray) -> np.ndarray:
    """:func:`normalize_name` over an array, once per distinct value."""
    if len(values) == 0:
        return np.array([], dtype=object)
    codes, distinct = pd.factorize(values)
    return np.array([normalize_name(v) for v in distinct], dtype=object)[codes]


def _folded_in(values: np.ndarray, wanted: set[str]) -> np.ndarray:
    """Which values, casefolded, are in ``wanted`` (checked once per distinct value)."""
    filled = values != ""
    if not filled.any():
        return np.zeros(len(values), dtype=bool)
    distinct = pd.unique(values[filled])
    hits = [v for v in distinct if v and v.strip().casefold() in wanted]
    if not hits:
        return np.zeros(len(values), dtype=bool)
    return pd.Series(values, dtype=object).isin(hits).to_numpy()


def _upper(values: np.ndarray) -> np.ndarray:
    if not len(values) or (values == "").all():
        return values
    codes, distinct = pd.factorize(values)
    return np.array([v.strip().upper() for v in distinct], dtype=object)[codes]
