"""Where the files are: a zip (any name), an unpacked folder, or one bare CSV.

Files are found by basename, recursively and case-insensitively, ignoring spaces,
underscores, a numeric ``_<id>`` suffix, a copy's ``(1)`` or ``1`` and one wrapper folder,
so that ``Endorsement Received Info.csv``, ``Endorsement_Received_Info.csv``,
``messages (1).csv`` and ``Wrapper/Connections_4711.csv`` are all recognised (files with
other names are recognised by their header, in :mod:`netgraph.io._reader`).

Every read is bounded (:mod:`netgraph.io.limits`): files are opened by
:func:`netgraph.io._safe.open_user_file`; a zip member is inflated a little at a time and
stops at the size limit or when it inflates far more than a real CSV does (a zip bomb),
whatever the zip's directory says; a zip inside the export's zip is opened, a zip inside
that one is refused.
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
from functools import partial
from pathlib import Path, PurePosixPath

from netgraph.errors import ExportFormatError
from netgraph.io._load import Loaded, Stream, load
from netgraph.io._safe import is_regular_file, open_user_file, too_large
from netgraph.io.limits import Limits, current_limits, format_size

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
    "skills": "skills",
}
_MAX_DEPTH = 3
_MAX_FILES = 5000
_SNIFF = 64 * 1024
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, NotImplementedError,
               RuntimeError, EOFError, OSError, ValueError, KeyError)


@dataclass(frozen=True)
class Entry:
    """One file of the export: ``open()`` gives a stream whose reads are limited."""

    path: str  # as shown to the user: the path inside the zip/folder, or the file name
    open: Callable[[], Stream]
    regular: bool = True  # False: a FIFO, a device or a link out of the folder (never opened to sniff)
    where: str = ""  # how errors while extracting name it (``export.zip: Connections.csv``)

    @property
    def basename(self) -> str:
        return PurePosixPath(self.path).name

    @property
    def depth(self) -> int:
        return len(PurePosixPath(self.path).parts) - 1

    @property
    def key(self) -> str:
        return file_key(self.basename)

    def load(self, limits: Limits | None = None) -> Loaded:
        """The whole file (see :func:`netgraph.io._load.load`)."""
        shown = self.where or self.path
        return _guard(lambda: _whole(self.open, shown, limits), shown, bool(self.where))

    def head(self, size: int = _SNIFF) -> bytes:
        """The first ``size`` bytes (to recognise a file by its header)."""
        return _guard(lambda: _first(self.open, size), self.where or self.path, bool(self.where))


def _whole(opener: Callable[[], Stream], name: str, limits: Limits | None) -> Loaded:
    with contextlib.closing(opener()) as stream:  # type: ignore[type-var]
        return load(stream, name, limits=limits)


def _first(opener: Callable[[], Stream], size: int) -> bytes:
    with contextlib.closing(opener()) as stream:  # type: ignore[type-var]
        return stream.read(size)


@dataclass(frozen=True)
class Source:
    """What the user passed: ``kind`` is ``'zip'``, ``'folder'`` or ``'file'``."""

    path: str
    kind: str
    entries: tuple[Entry, ...]


def file_key(basename: str) -> str:
    """``'Endorsement Received Info_123.csv'`` -> ``'endorsementreceivedinfo'`` (CSV only).

    A copy's suffix goes too: ``messages (1).csv`` and ``messages1.csv`` are ``messages``.
    """
    stem, dot, ext = basename.rpartition(".")
    if not dot or ext.lower() != "csv":
        return ""
    stem = re.sub(r"(?:\s*\(\d+\)|_\d+|\d+)$", "", stem.strip().lower())
    return re.sub(r"[\s_\-]+", "", stem)


def _is_copy(basename: str) -> bool:
    """``messages (1).csv``, ``messages1.csv``: a copy's name (the plain name wins)."""
    return re.search(r"(?:\(\d+\)|[^_\d]\d+)\.csv$", basename, re.IGNORECASE) is not None


def classify(entries: tuple[Entry, ...]) -> dict[str, Entry]:
    """Pick the file for each kind by name: the shallowest, then a plain name before a copy
    (``messages (1).csv``), then the modern (space-free) name."""
    chosen: dict[str, Entry] = {}
    ordered = sorted(entries, key=lambda e: (e.depth, _is_copy(e.basename), " " in e.basename, e.path.lower()))
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
def open_source(path: str | os.PathLike, limits: Limits | None = None) -> Iterator[Source]:
    """Open a zip, folder or file; entries can be read while the context is open.

    Every file is opened through :func:`netgraph.io._safe.open_user_file` (regular files
    only; inside a folder, no link out of it), and every read is limited by ``limits``
    (default: the limits in force).

    Raises
    ------
    ExportFormatError
        The path does not exist, is not a regular file or folder, or a zip cannot be opened.
    """
    limits = limits or current_limits()
    p = Path(path)
    shown = str(path)
    if not p.exists() and not p.is_symlink():
        raise ExportFormatError(
            f"{shown} does not exist: pass the zip LinkedIn sent you (e.g. "
            "Basic_LinkedInDataExport_11-20-2026.zip), the folder it unpacks to, or its "
            "Connections.csv"
        )
    if p.is_dir():
        entries = _folder_entries(p, limits)
        zips = [e for e in entries if e.basename.lower().endswith(".zip") and e.regular]
        if len(zips) == 1 and not any(e.key for e in entries):
            # The folder the download landed in, holding just the export's zip.
            logger.info("%s holds %s; reading that", shown, zips[0].path)
            inner = str(p / zips[0].path)
            with _open_zip(open_user_file(p / zips[0].path, shown=inner, root=p, limited=False),
                           inner, limits, 0) as found:
                yield Source(inner, "zip", found)
            return
        yield Source(shown, "folder", entries)
        return
    handle = open_user_file(p, shown=shown, limits=limits, limited=False, advice=_EXPORT_ADVICE)
    try:
        magic = handle.read(4)
        handle.seek(0)
    except OSError as error:
        handle.close()
        raise ExportFormatError(f"{shown} cannot be read ({error.strerror or error})") from None
    if magic in _ZIP_MAGIC:
        with _open_zip(handle, shown, limits, 0) as entries:
            yield Source(shown, "zip", entries)
        return
    handle.close()
    if p.suffix.lower() == ".zip":
        raise ExportFormatError(
            f"{shown} is not a readable zip archive (it starts with {magic!r}): the download "
            "may be incomplete; download the export again from LinkedIn"
        )
    opener = partial(open_user_file, p, shown=p.name, limits=limits, advice=_EXPORT_ADVICE)
    yield Source(shown, "file", (Entry(p.name, opener),))


_EXPORT_ADVICE = ("pass the zip LinkedIn sent you, the folder it unpacks to, or its Connections.csv")


def _folder_entries(root: Path, limits: Limits) -> tuple[Entry, ...]:
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
            opener = partial(open_user_file, full, shown=str(root / shown), root=root, limits=limits,
                             advice="remove it from the export folder, or put the real file there")
            entries.append(Entry(shown, opener, is_regular_file(full, root)))
            if len(entries) > _MAX_FILES:
                raise ExportFormatError(
                    f"{root} holds more than {_MAX_FILES:,} files: pass the folder of the "
                    "export itself (the one with Connections.csv), not a parent folder"
                )
    return tuple(entries)


class _Counted:
    """A zip archive's file, counting the bytes zipfile reads from it (the compressed
    bytes of the member being inflated)."""

    def __init__(self, handle) -> None:
        self._handle = handle
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self._handle.read(n)
        self.count += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._handle.close()


class _Member:
    """A zip member as it inflates: limited in size, and in size per compressed byte.

    ``size`` is what the zip's directory says: only a hint for reading in one go (zipfile
    never inflates more than it, and the limits are counted on what is inflated).
    """

    # Small reads at first, so that the compressed bytes counted stay close to those used
    # and a bomb is caught within megabytes; larger ones once the member inflates like text.
    _STEP, _LATER_STEP, _SETTLED = 64 * 1024, 1 << 20, 8 << 20

    def __init__(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo, counted: _Counted,
                 shown: str, limits: Limits) -> None:
        self._shown = shown
        self._limits = limits
        self._counted = counted
        self._start = counted.count
        self._out = 0
        self._stream = archive.open(info)
        self.size = info.file_size

    def read(self, n: int = -1) -> bytes:
        if n is None or n < 0:
            n = self._limits.max_file_size + 1
        out, want = io.BytesIO(), n  # getvalue() hands over its buffer: one copy in memory
        while want > 0:
            step = self._LATER_STEP if self._out >= self._SETTLED else self._STEP
            part = self._stream.read(min(want, step))
            if not part:
                break
            out.write(part)
            want -= len(part)
            self._out += len(part)
            self._check()
        return out.getvalue()

    def _check(self) -> None:
        limits = self._limits
        if self._out > limits.max_file_size:
            raise too_large(self._shown, limits.max_file_size)
        used = max(self._counted.count - self._start, 1)
        if self._out > _RATIO_FLOOR and self._out > limits.max_ratio * used:
            raise ExportFormatError(
                f"{self._shown} inflates to more than {limits.max_ratio} times its compressed size "
                f"({format_size(self._out)} from {format_size(used)} so far): a real export's files "
                "inflate 3 to 15 times; this looks like a zip bomb. Download the export again from LinkedIn"
            )

    def close(self) -> None:
        self._stream.close()


_RATIO_FLOOR = 1 << 20  # a small member may inflate any amount: it cannot hurt


@contextlib.contextmanager
def _open_zip(handle, shown: str, limits: Limits, level: int) -> Iterator[tuple[Entry, ...]]:
    """The entries of a zip; ``level`` counts the zips around this one (0: the export's)."""
    counted = _Counted(handle)
    try:
        archive = zipfile.ZipFile(counted)
    except _ZIP_ERRORS as error:
        counted.close()
        raise _bad_zip(shown, error) from None
    with contextlib.closing(counted), archive:
        try:
            infos = [i for i in archive.infolist() if not i.is_dir()]
        except _ZIP_ERRORS as error:
            raise _bad_zip(shown, error) from None
        entries = tuple(
            Entry(i.filename, partial(_Member, archive, i, counted, f"{shown}: {i.filename}", limits),
                  where=f"{shown}: {i.filename}")
            for i in infos
            if not i.filename.startswith("__MACOSX/")
            and not PurePosixPath(i.filename).name.startswith(".")
            and len(PurePosixPath(i.filename).parts) <= _MAX_DEPTH + 1
        )
        inner = [e for e in entries if e.basename.lower().endswith(".zip")]
        if len(inner) == 1 and not any(e.key for e in entries):
            # A zip that only holds the export's zip (re-zipped by a browser or a user).
            nested = f"{shown}/{inner[0].path}"
            if level >= limits.max_nested_zips:
                raise ExportFormatError(
                    f"{nested} is a zip inside a zip inside the export's zip: netgraph opens "
                    f"{_zips(limits.max_nested_zips)} inside the export's zip at most. Unpack the "
                    "zips and pass the folder with Connections.csv"
                )
            logger.info("%s holds %s; reading that", shown, inner[0].path)
            data = _guard(lambda: _read_all(inner[0].open()), nested)
            with _open_zip(io.BytesIO(data), nested, limits, level + 1) as found:
                yield found
            return
        yield entries


def _zips(n: int) -> str:
    return "no zip" if n == 0 else "one zip" if n == 1 else f"{n} levels of zips"


def _read_all(stream) -> bytes:
    with contextlib.closing(stream):
        return stream.read()


def _guard(read: Callable, shown: str, zipped: bool = True):
    """Run ``read``; a zip's own complaints (a bad CRC, a damaged stream) as one error."""
    try:
        return read()
    except _ZIP_ERRORS as error:
        if not zipped:
            raise ExportFormatError(f"{shown} cannot be read ({getattr(error, 'strerror', None) or error})") from None
        if isinstance(error, RuntimeError) and "encrypted" in str(error).casefold():
            raise ExportFormatError(
                f"{shown} is encrypted (password-protected): download the export again from LinkedIn, "
                "or unpack it with its password and pass the folder"
            ) from None
        raise ExportFormatError(
            f"{shown} cannot be extracted ({error}): the zip may be damaged; "
            "download the export again, or unpack it and pass the folder"
        ) from None


def _bad_zip(shown: str, error: BaseException) -> ExportFormatError:
    return ExportFormatError(
        f"{shown} is not a readable zip archive ({error or type(error).__name__}): the "
        "download may be incomplete; download the export again, or unpack it and pass the folder"
    )
