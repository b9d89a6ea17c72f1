"""Where the files are: a zip (any name), an unpacked folder, or one bare CSV.

Files are found by basename, recursively and case-insensitively, ignoring spaces,
underscores, a numeric ``_<id>`` suffix and one wrapper folder, so that
``Endorsement Received Info.csv``, ``Endorsement_Received_Info.csv`` and
``Wrapper/Connections_4711.csv`` are all recognised.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from netgraph.errors import ExportFormatError

logger = logging.getLogger(__name__)

KINDS = {
    "connections": "connections",
    "messages": "messages",
    "invitations": "invitations",
    "endorsementgiveninfo": "endorsements_given",
    "endorsementreceivedinfo": "endorsements_received",
    "recommendationsgiven": "recommendations_given",
    "recommendationsreceived": "recommendations_received",
    "profile": "profile",
    "positions": "positions",
    "education": "education",
}
_MAX_DEPTH = 3
_MAX_FILES = 5000
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
               RuntimeError, EOFError, OSError, ValueError, KeyError)


@dataclass(frozen=True)
class Entry:
    """One file of the export."""

    path: str  # as shown to the user: the path inside the zip/folder, or the file name
    read: Callable[[], bytes]

    @property
    def basename(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def depth(self) -> int:
        return len(PurePosixPath(self.path).parts) - 1

    @property
    def key(self) -> str:
        return file_key(self.basename)


@dataclass(frozen=True)
class Source:
    """What the user passed: ``kind`` is ``'zip'``, ``'folder'`` or ``'file'``."""

    path: str
    kind: str
    entries: tuple[Entry, ...]


def file_key(basename: str) -> str:
    """``'Endorsement Received Info_123.csv'`` -> ``'endorsementreceivedinfo'`` (CSV only)."""
    stem, dot, ext = basename.rpartition(".")
    if not dot or ext.lower() != "csv":
        return ""
    stem = re.sub(r"_\d+$", "", stem.strip().lower())
    return re.sub(r"[\s_\-]+", "", stem)


def classify(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    """Pick the file for each kind: the shallowest, then the modern (space-free) name."""
    chosen: dict[str, Entry] = {}
    ordered = sorted(entries, key=lambda e: (e.depth, " " in e.basename, e.path.lower()))
    for entry in ordered:
        kind = KINDS.get(entry.key)
        if kind is None:
            continue
        if kind in chosen:
            logger.info("%s: also found %s; using %s", kind, entry.path, chosen[kind].path)
            continue
        chosen[kind] = entry
    return chosen


@contextlib.contextmanager
def open_source(path: str | os.PathLike) -> Iterator[Source]:
    """Open a zip, folder or file; entries can be read while the context is open.

    Raises
    ------
    ExportFormatError
        The path does not exist, or a zip cannot be opened.
    """
    p = Path(path)
    shown = str(path)
    if not p.exists():
        raise ExportFormatError(
            f"{shown} does not exist: pass the zip LinkedIn sent you (e.g. "
            "Basic_LinkedInDataExport_11-20-2026.zip), the folder it unpacks to, or its "
            "Connections.csv"
        )
    if p.is_dir():
        entries = _folder_entries(p)
        zips = [e for e in entries if e.basename.lower().endswith(".zip")]
        if len(zips) == 1 and not any(e.key for e in entries):
            # The folder the download landed in, holding just the export's zip.
            logger.info("%s holds %s; reading that", shown, zips[0].path)
            with _open_zip(p / zips[0].path, str(p / zips[0].path)) as inner:
                yield Source(str(p / zips[0].path), "zip", inner)
            return
        yield Source(shown, "folder", entries)
        return
    try:
        with p.open("rb") as handle:
            magic = handle.read(4)
    except OSError as error:
        raise ExportFormatError(f"{shown} cannot be read ({error.strerror or error})") from None
    if magic in _ZIP_MAGIC:
        with _open_zip(p, shown) as entries:
            yield Source(shown, "zip", entries)
        return
    if p.suffix.lower() == ".zip":
        raise ExportFormatError(
            f"{shown} is not a readable zip archive (it starts with {magic!r}): the download "
            "may be incomplete; download the export again from LinkedIn"
        )
    yield Source(shown, "file", (Entry(p.name, lambda: _read_file(p, p.name)),))


def _read_file(p: Path, shown: str) -> bytes:
    try:
        return p.read_bytes()
    except OSError as error:
        raise ExportFormatError(f"{shown} cannot be read ({error.strerror or error})") from None


def _folder_entries(root: Path) -> tuple[Entry, ...]:
    entries: list[Entry] = []
    for directory, subdirs, files in os.walk(root):
        rel = Path(directory).relative_to(root)
        depth = len(rel.parts)
        subdirs[:] = sorted(d for d in subdirs if not d.startswith(".") and d != "__MACOSX"
                            and depth < _MAX_DEPTH)
        for name in sorted(files):
            if name.startswith("."):
                continue
            full = Path(directory) / name
            shown = (rel / name).as_posix()
            entries.append(Entry(shown, lambda full=full, shown=shown: _read_file(full, shown)))
            if len(entries) > _MAX_FILES:
                raise ExportFormatError(
                    f"{root} holds more than {_MAX_FILES:,} files: pass the folder of the "
                    "export itself (the one with Connections.csv), not a parent folder"
                )
    return tuple(entries)


@contextlib.contextmanager
def _open_zip(p: Path, shown: str, data: bytes | None = None) -> Iterator[tuple[Entry, ...]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data) if data is not None else p)
    except _ZIP_ERRORS as error:
        raise _bad_zip(shown, error) from None
    with archive:
        try:
            infos = [i for i in archive.infolist() if not i.is_dir()]
        except _ZIP_ERRORS as error:
            raise _bad_zip(shown, error) from None
        entries = tuple(
            Entry(i.filename, lambda i=i: _read_member(archive, i, shown))
            for i in infos
            if not i.filename.startswith("__MACOSX/")
            and not PurePosixPath(i.filename).name.startswith(".")
            and len(PurePosixPath(i.filename).parts) <= _MAX_DEPTH + 1
        )
        inner = [e for e in entries if e.basename.lower().endswith(".zip")]
        if data is None and len(inner) == 1 and not any(e.key for e in entries):
            # A zip that only holds the export's zip (re-zipped by a browser or a user).
            logger.info("%s holds %s; reading that", shown, inner[0].path)
            with _open_zip(p, f"{shown}/{inner[0].path}", inner[0].read()) as nested:
                yield nested
            return
        yield entries


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, shown: str) -> bytes:
    try:
        return archive.read(info)
    except _ZIP_ERRORS as error:
        raise ExportFormatError(
            f"{shown}: {info.filename} cannot be extracted ({error}): the zip may be damaged; "
            "download the export again, or unpack it and pass the folder"
        ) from None


def _bad_zip(shown: str, error: BaseException) -> ExportFormatError:
    return ExportFormatError(
        f"{shown} is not a readable zip archive ({error or type(error).__name__}): the "
        "download may be incomplete; download the export again, or unpack it and pass the folder"
    )
