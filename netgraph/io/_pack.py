"""Share packs: the CSV a friend makes with ``netgraph share``, written and read here.

A pack is a short ``key,value`` block, a blank line, then one row per person::

    netgraph share pack,1
    owner,Kofi Asante
    owner url,https://www.linkedin.com/in/kofi-asante-3e8d1f
    export date,2026-11-18
    made on,2026-11-20
    companies,Stripe | Datadog | Spotify
    about,"Kofi Asante's connections at the companies above, ..."

    name,url,company,target,position,warmth,confidence,evidence,redacted
    Tariq Mansour,https://www.linkedin.com/in/...,Datadog,Datadog,Engineering Manager,0.93,high,"40 messages ..."

The first line says what the file is (and the format version), so a pack is recognised by
its content, whatever its name. Every cell is plain text a spreadsheet shows as it is: the
friend can open the file, delete rows or change a cell, and send it. :func:`read_pack`
reads such hand-edited files through the same decoding as every other input (encodings,
``;`` delimiters, Excel re-saves) and names the line of anything it cannot use.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import logging
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from netgraph.errors import ExportFormatError, SourceError
from netgraph.io._dates import USER_DATE, parse_dates
from netgraph.io._load import load
from netgraph.io._safe import is_regular_file, open_user_file
from netgraph.io._table import (
    Header,
    Spec,
    Text,
    decode,
    find_header,
    fold_header,
    missing_columns,
    read_table,
    reencode_cp1252,
)
from netgraph.io.export import Owner
from netgraph.io.identity import make_person_id, normalize_url
from netgraph.output import FORMULA_STARTS, spreadsheet_safe

__all__ = ["Pack", "PACK_VERSION", "TIE_COLUMNS", "is_pack", "read_pack", "render_pack", "describe_share_request"]

logger = logging.getLogger(__name__)

#: The format version this netgraph writes and the newest it reads.
PACK_VERSION = 1
#: The first cell of a pack's first line.
MARK = "netgraph share pack"
#: The table's columns, as written.
FILE_COLUMNS = ["name", "url", "company", "target", "position", "warmth", "confidence", "evidence", "redacted"]
#: The columns of :attr:`Pack.ties`.
TIE_COLUMNS = ["person_id", "name", "url", "company", "target", "position", "warmth", "confidence", "evidence",
               "redacted"]
CONFIDENCES = ("high", "medium", "low")
#: Evidence items are joined with this in the file (and never contain ``;`` themselves).
EVIDENCE_SEP = "; "

_SPEC = Spec(
    label="share pack",
    required=(("name",), ("company",), ("warmth",)),
    optional=("url", "target", "position", "confidence", "evidence", "redacted"),
    example=",".join(FILE_COLUMNS),
)
_ADVICE = "ask your friend to make the pack again with netgraph share"
_KEYS = {"owner", "owner url", "export date", "made on", "companies", "about"}
_YES = {"yes", "y", "true", "1", "x"}
_NO = {"", "no", "n", "false", "0"}


@dataclass(frozen=True)
class Pack:
    """A share pack: one friend's ties at the companies asked for.

    Attributes
    ----------
    source
        The file it was read from (``""`` for a pack built in memory).
    owner
        The friend who made it: name and normalised profile URL as the header gives them
        (either may be ``""``, not both), and the ``person_id`` they imply.
    export_date
        The day the friend's export was made (None when the pack does not say).
    made_on
        The day the pack was made; the evidence's ages ("the last 2 months ago") are
        measured from it.
    companies
        The companies asked for, as written in the asker's targets.
    version
        The pack format version.
    ties
        One row per person (columns :data:`TIE_COLUMNS`): ``person_id`` (``in:<slug>`` from
        the URL, else ``name:<name>|<company>``, and for a redacted row without URL
        ``redacted:<owner id>:<row number>`` so that it never merges with anyone), ``name`` (for a
        redacted row, a description such as "a Backend Engineer at Stripe whom Kofi knows
        well"), ``url`` (normalised, or ``""``), ``company`` (as the friend's connection
        wrote it), ``target`` (the target it matched on the friend's side, or ``""``),
        ``position``, ``warmth`` (float 0..1, how well the friend knows them), ``confidence``
        (``high``, ``medium`` or ``low``), ``evidence`` (tuple of short sentences) and
        ``redacted`` (bool).
    """

    source: str
    owner: Owner
    export_date: dt.date | None
    made_on: dt.date
    companies: tuple[str, ...]
    version: int
    ties: pd.DataFrame


# ---------------------------------------------------------------------------
# Recognising and writing


def is_pack(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a share pack: a file whose first line is the pack's mark.

    The file name does not matter; a folder, a zip, a missing or unreadable file is not a
    pack (and raises nothing).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "from-kofi.csv"
    >>> _ = p.write_text("netgraph share pack,1\\nowner,Kofi Asante\\n")
    >>> is_pack(p), is_pack(p.parent)
    (True, False)
    """
    try:
        file = Path(path)
        if not is_regular_file(file):
            return False
        with file.open("rb") as stream:
            head = stream.read(1024)
    except OSError:
        return False
    return _is_mark(_first_line(head))


def _first_line(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    else:
        text = head.decode("utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8", errors="replace")
    return text.split("\n", 1)[0].rstrip("\r")


def _is_mark(line: str) -> bool:
    return fold_header(re.split(r"[,;\t]", line, maxsplit=1)[0]) == MARK


def render_pack(pack: Pack) -> str:
    """The text of a pack file, in the current format version.

    It starts with a byte-order mark, so that spreadsheets read names as UTF-8; cells that
    a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``) get a
    leading ``'``, which :func:`read_pack` removes again.

    Examples
    --------
    >>> owner = Owner("Kofi Asante", "https://www.linkedin.com/in/kofi", "in:kofi")
    >>> ties = pd.DataFrame([{"person_id": "in:sam", "name": "Sam Lee", "url": "https://www.linkedin.com/in/sam",
    ...     "company": "Stripe", "target": "Stripe", "position": "Backend Engineer", "warmth": 0.82,
    ...     "confidence": "high", "evidence": ("9 messages both ways, the last 3 weeks ago",), "redacted": False}])
    >>> text = render_pack(Pack("", owner, dt.date(2026, 11, 18), dt.date(2026, 11, 20), ("Stripe",), 1, ties))
    >>> print(text.lstrip("\\ufeff"))  # doctest: +NORMALIZE_WHITESPACE
    netgraph share pack,1
    owner,Kofi Asante
    owner url,https://www.linkedin.com/in/kofi
    export date,2026-11-18
    made on,2026-11-20
    companies,Stripe
    about,"Kofi Asante's connections at the companies above, with how well Kofi knows each (warmth 0 to 1)
    and why, in counts and dates only: no message text, no e-mail addresses, nobody at other companies.
    Made with netgraph share; use it with netgraph report --network."
    <BLANKLINE>
    name,url,company,target,position,warmth,confidence,evidence,redacted
    Sam Lee,https://www.linkedin.com/in/sam,Stripe,Stripe,Backend Engineer,0.82,high,"9 messages both ways,
    the last 3 weeks ago",
    <BLANKLINE>
    """
    first = (pack.owner.name.split() or ["the owner"])[0]
    about = (f"{pack.owner.name or 'The owner'}'s connections at the companies above, with how well {first} "
             "knows each (warmth 0 to 1) and why, in counts and dates only: no message text, no e-mail "
             "addresses, nobody at other companies. Made with netgraph share; use it with netgraph report --network.")
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([MARK, str(PACK_VERSION)])
    writer.writerow(["owner", _safe(pack.owner.name)])
    writer.writerow(["owner url", pack.owner.url])
    writer.writerow(["export date", pack.export_date.isoformat() if pack.export_date else ""])
    writer.writerow(["made on", pack.made_on.isoformat()])
    writer.writerow(["companies", _safe(" | ".join(pack.companies))])
    writer.writerow(["about", about])
    writer.writerow([])
    writer.writerow(FILE_COLUMNS)
    t = pack.ties
    for name, url, company, target, position, warmth, confidence, evidence, redacted in zip(
            t["name"], t["url"], t["company"], t["target"], t["position"], t["warmth"], t["confidence"],
            t["evidence"], t["redacted"]):
        writer.writerow([_safe(name), url, _safe(company), _safe(target), _safe(position), f"{warmth:.2f}",
                         confidence, _safe(EVIDENCE_SEP.join(evidence)), "yes" if redacted else ""])
    return "\ufeff" + buf.getvalue()


def _safe(value: str) -> str:
    return str(spreadsheet_safe(value))


def _unsafe(value: str) -> str:
    """A cell as the pack's writer had it: the ``'`` that :func:`_safe` added, removed."""
    return value[1:] if value.startswith("'") and value[1:].lstrip(" ").startswith(FORMULA_STARTS) else value


# ---------------------------------------------------------------------------
# Reading


def read_pack(path: str | os.PathLike) -> Pack:
    """Read a share pack made by ``netgraph share`` (and perhaps edited by hand since).

    Parameters
    ----------
    path
        The pack (any file name; recognised by its first line).

    Returns
    -------
    Pack

    Raises
    ------
    SourceError
        The file is missing or is not a pack, its format version is newer than this
        netgraph reads, the header lacks the owner or the date it was made, or a row has a
        value that cannot be used (a warmth outside 0..1, a URL that is not a LinkedIn
        profile, no name and no URL, no company, more cells than columns). The message is
        one line naming the file, the line and the value.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "pack.csv"
    >>> _ = p.write_text("netgraph share pack,1\\nowner,Kofi Asante\\nmade on,2026-11-20\\n\\n"
    ...                  "name,company,warmth,evidence\\nSam Lee,Stripe,0.8,9 messages both ways; "
    ...                  "Kofi recommended them in 2024\\n")
    >>> pack = read_pack(p)
    >>> pack.owner.name, pack.made_on, pack.ties.loc[0, "evidence"]
    ('Kofi Asante', datetime.date(2026, 11, 20), ('9 messages both ways', 'Kofi recommended them in 2024'))
    """
    file = Path(path)
    text = load_text(file, shown=f"share pack {path}", advice="pass the CSV file that netgraph share made",
                     empty_advice=_ADVICE)
    try:
        return _parse(text, str(path))
    except UnicodeDecodeError:  # valid UTF-8 at the top only: a Windows-1252 re-save
        body = text.data[3:] if text.data.startswith(codecs.BOM_UTF8) else text.data
        return _parse(Text(file.name, reencode_cp1252(body), "cp1252", text.blanks), str(path))


def load_text(path: Path, *, shown: str, advice: str, empty_advice: str) -> Text:
    """A file the user gave, opened through the one safe door and decoded.

    A regular file within the size limit (never a folder, FIFO or device), lines over the
    row limit blanked (the table lists them), UTF-16 and Windows-1252 re-encoded.

    Raises
    ------
    SourceError
        Missing, not a regular file, too large, unreadable, empty or binary.
    """
    if path.is_dir() or not (path.exists() or path.is_symlink()):
        what = "is a folder" if path.is_dir() else "does not exist"
        raise SourceError(f"{shown} {what}: {advice}")
    try:
        with open_user_file(path, shown=shown, error=SourceError, advice=advice) as handle:
            loaded = load(handle, path.name)
        return decode(loaded, path.name, empty_advice=empty_advice)
    except OSError as error:
        raise SourceError(f"{shown} cannot be read ({error.strerror or error})") from None
    except ExportFormatError as error:
        raise SourceError(str(error)) from None


def _parse(text: Text, source: str) -> Pack:
    name = text.name
    first = text.data[:4096].split(b"\n", 1)[0].decode("utf-8", errors="replace").rstrip("\r")
    if not _is_mark(first):
        shown = first if len(first) <= 60 else first[:57] + "..."
        raise SourceError(f"{name} line 1: not a share pack (it starts with '{shown}'; a pack starts with "
                          f"'{MARK},{PACK_VERSION}'): pass the file netgraph share made")
    header = find_header(text, _SPEC.accepts)
    if header is None:
        raise SourceError(str(missing_columns(text, _SPEC, _ADVICE)))
    meta = _read_meta(text, header)
    version = _version(meta, name)
    owner_name = meta.get("owner", (0, ""))[1]
    url_line, raw_url = meta.get("owner url", (0, ""))
    owner_url = normalize_url(raw_url)
    if raw_url and not owner_url:
        raise SourceError(f"{name} line {url_line}: 'owner url' is '{raw_url}', expected a LinkedIn profile URL "
                          "like https://www.linkedin.com/in/ana-ruiz (or leave it empty)")
    if not owner_name and not owner_url:
        raise SourceError(f"{name}: the header names no owner: add a line 'owner,<their name>' under line 1")
    if "made on" not in meta or not meta["made on"][1]:
        raise SourceError(f"{name}: the header has no 'made on' date: add a line 'made on,YYYY-MM-DD' under line 1")
    made_on = _date(meta["made on"], "made on", name)
    assert made_on is not None
    owner = Owner(name=owner_name, url=owner_url, person_id=make_person_id(owner_url, "", owner_name, ""))
    companies = tuple(c.strip() for c in meta.get("companies", (0, ""))[1].split("|") if c.strip())
    try:
        table = read_table(text, header)
    except ExportFormatError as error:
        raise SourceError(str(error)) from None
    ties = _ties(table, name, owner, header.delimiter)
    return Pack(source=source, owner=owner, export_date=_date(meta.get("export date", (0, "")), "export date", name),
                made_on=made_on, companies=companies, version=version, ties=ties)


def _read_meta(text: Text, header: Header) -> dict[str, tuple[int, str]]:
    """The ``key,value`` lines above the table: folded key -> (line, value).

    The mark's own line is kept under ``""`` (its value is the version). Values of a key
    spread over several cells (a spreadsheet may split ``companies``) are joined by ``|``.
    """
    block = text.data[:header.offset].decode("utf-8", errors="replace")
    reader = csv.reader(io.StringIO(block, newline=""), delimiter=header.delimiter, strict=False)
    meta: dict[str, tuple[int, str]] = {}
    line = 1
    try:
        for record in reader:
            cells = [_unsafe(c.strip()) for c in record]
            while cells and not cells[-1]:
                cells.pop()
            if cells:
                key = fold_header(cells[0])
                key = "" if key == MARK else key
                if key not in _KEYS and key:
                    logger.info("%s line %d: ignoring the header line '%s'", text.name, line, cells[0])
                elif key not in meta:
                    meta[key] = (line, " | ".join(cells[1:]) if key == "companies" else " ".join(cells[1:2]))
            line = reader.line_num + 1
    except csv.Error as error:
        raise SourceError(f"{text.name} line {line}: cannot be read as CSV ({error}): "
                          "check the double quotes on that line") from None
    return meta


def _version(meta: dict[str, tuple[int, str]], name: str) -> int:
    value = meta.get("", (1, ""))[1]
    try:
        version = int(value)
    except ValueError:
        raise SourceError(f"{name} line 1: the format version is '{value}', expected a whole number "
                          f"(write line 1 as '{MARK},{PACK_VERSION}')") from None
    if version > PACK_VERSION or version < 1:
        raise SourceError(f"{name} line 1: format version {version}, but this netgraph reads versions 1 to "
                          f"{PACK_VERSION}: update netgraph (pip install -U netgraph)")
    return version


def _date(item: tuple[int, str], key: str, name: str) -> dt.date | None:
    line, value = item
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value).date()
    except ValueError:
        pass
    parsed = parse_dates(np.array([value], dtype=object), USER_DATE).array[0]  # a spreadsheet's own format
    if np.isnat(parsed):
        raise SourceError(f"{name} line {line}: '{key}' is '{value}', expected a date like 2026-11-20")
    return pd.Timestamp(parsed).date()


def _ties(table, name: str, owner: Owner, delimiter: str) -> pd.DataFrame:
    """The rows, checked one by one (packs are small), as the :data:`TIE_COLUMNS` frame."""
    if (table.reasons != "").any():  # a line over the row limit, a quote that never closes
        at = int(np.flatnonzero(table.reasons != "")[0])
        raise SourceError(f"{name} line {table.line[at]}: {table.reasons[at]} ({table.details[at]})")
    if (table.extra > 0).any():
        at = int(np.flatnonzero(table.extra > 0)[0])
        raise SourceError(f"{name} line {table.line[at]}: more cells than the header has columns: put text "
                          "that contains commas in double quotes, or delete the extra cells")
    rows = []
    columns = [[_unsafe(v) for v in table.get(key)] for key in FILE_COLUMNS]
    for row, (line, (who, raw_url, company, target, position, warmth, confidence, evidence, redacted)) in enumerate(
            zip(table.line.tolist(), zip(*columns))):
        where = f"{name} line {line}"
        url = normalize_url(raw_url)
        if raw_url and not url:
            raise SourceError(f"{where}: 'url' is '{raw_url}', expected a LinkedIn profile URL like "
                              "https://www.linkedin.com/in/ana-ruiz (or leave it empty)")
        if not who and not url:
            raise SourceError(f"{where}: it has neither 'name' nor 'url': fill one in or delete the line")
        if not company:
            raise SourceError(f"{where}: 'company' is empty: write where they work, or delete the line")
        hidden = _flag(redacted, where)
        if url:
            person_id = "in:" + url.rsplit("/", 1)[1]
        elif hidden:
            person_id = f"redacted:{owner.person_id}:{row}"
        else:
            person_id = make_person_id("", "", who, company)
        rows.append((person_id, who or url, url, company, target, position, _warmth(warmth, where),
                     _confidence(confidence, where),
                     tuple(part.strip() for part in evidence.split(";") if part.strip()), hidden))
    frame = pd.DataFrame(rows, columns=TIE_COLUMNS)
    frame["warmth"] = frame["warmth"].astype(float)
    frame["redacted"] = frame["redacted"].astype(bool)
    return frame


def _warmth(value: str, where: str) -> float:
    text = value.replace(" ", "")
    if text.count(",") == 1 and "." not in text:  # a decimal comma (a European spreadsheet)
        text = text.replace(",", ".")
    scale = 100.0 if text.endswith("%") else 1.0
    try:
        number = float(text.rstrip("%")) / scale
    except ValueError:
        number = math.nan
    if not 0.0 <= number <= 1.0:
        raise SourceError(f"{where}: 'warmth' is '{value}', expected a number from 0 to 1 "
                          "(how well the pack's owner knows them)")
    return number


def _confidence(value: str, where: str) -> str:
    folded = value.strip().casefold()
    if not folded:
        return "low"
    if folded not in CONFIDENCES:
        raise SourceError(f"{where}: 'confidence' is '{value}', expected high, medium or low (or leave it empty)")
    return folded


def _flag(value: str, where: str) -> bool:
    folded = value.strip().casefold()
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise SourceError(f"{where}: 'redacted' is '{value}', expected yes or nothing")


def describe_share_request(companies: Sequence[str], *, targets_file: str | None = None) -> str:
    """What a pack does and does not reveal, in words for the friend asked to make one.

    For the ``share-request`` draft: a short paragraph and the command to run.

    Parameters
    ----------
    companies
        The companies the asker wants (as in their targets file).
    targets_file
        The name of the targets file the asker will send along; without it (or when a name
        contains a comma) the command lists the companies.

    Examples
    --------
    >>> print(describe_share_request(["Stripe", "Datadog"]))  # doctest: +NORMALIZE_WHITESPACE
    netgraph runs on your own computer, on your own LinkedIn data export, and makes a small CSV file
    you can open and check before you send it. It lists only your connections at Stripe and Datadog:
    their names, profile links and titles, and how well you know each, in counts and dates (such as
    "12 messages both ways, the last 3 weeks ago" or "you recommended them in 2024"). It never
    contains your messages, their subjects, e-mail addresses, or anyone at another company. You can
    leave people out (--exclude), keep only people you know well (--min-warmth 0.6), or hide names
    (--redact-names), and --preview shows what the file would hold without writing it:
    <BLANKLINE>
        netgraph share YOUR_EXPORT.zip --for "Stripe, Datadog" --output pack.csv --preview
    """
    names = list(companies)
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else "your targets"
    asked = targets_file if targets_file or any("," in n for n in names) else '"' + ", ".join(names) + '"'
    return (
        "netgraph runs on your own computer, on your own LinkedIn data export, and makes a small CSV file you can "
        f"open and check before you send it. It lists only your connections at {listed}: their names, profile "
        "links and titles, and how well you know each, in counts and dates (such as \"12 messages both ways, the "
        "last 3 weeks ago\" or \"you recommended them in 2024\"). It never contains your messages, their subjects, "
        "e-mail addresses, or anyone at another company. You can leave people out (--exclude), keep only people "
        "you know well (--min-warmth 0.6), or hide names (--redact-names), and --preview shows what the file "
        f"would hold without writing it:\n\n    netgraph share YOUR_EXPORT.zip --for {asked or 'targets.csv'} "
        "--output pack.csv --preview"
    )
