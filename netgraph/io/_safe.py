"""Opening a file the user named, safely: the one door every read from disk goes through.

Exports, their files, friends' exports, the targets file, ``--known`` and ``--contacts``
are all opened by :func:`open_user_file`. It refuses, before reading a byte:

* anything that is not a regular file (a FIFO, a device such as ``/dev/zero``, a
  socket): checked with ``os.stat`` before the file is opened, and again with
  ``os.fstat`` after a non-blocking open, so that neither a FIFO nobody writes to nor a
  file swapped in between can block or flood the read;
* inside an export folder (``root``), a link that leads outside the folder (its content
  is never read, so it can never be quoted in a message);
* a file larger than the size limit (and it counts the bytes as they are read, for files
  that grow or lie about their size).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from netgraph.errors import ExportFormatError, NetgraphError
from netgraph.io.limits import Limits, current_limits, format_size

__all__ = ["open_user_file", "read_user_file", "too_large", "UserFile"]

_CHUNK = 1 << 20
_KINDS = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


class UserFile:
    """A file opened by :func:`open_user_file`: ``read`` counts bytes against the limit.

    Also a context manager; ``size`` is what ``fstat`` said when it was opened.
    """

    def __init__(self, handle, shown: str, limit: int | None, size: int,
                 error: type[NetgraphError]) -> None:
        self._handle = handle
        self.shown = shown
        self.limit = limit
        self.size = size
        self._error = error
        self._count = 0

    def read(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes (all when ``n < 0``); raises once the limit is passed."""
        if n is None or n < 0:
            parts: list[bytes] = []
            while True:
                part = self.read(_CHUNK)
                if not part:
                    return b"".join(parts)
                parts.append(part)
        if self.limit is not None:
            n = min(n, self.limit + 1 - self._count)
        data = self._handle.read(max(n, 0)) if n > 0 else b""
        self._count += len(data)
        if self.limit is not None and self._count > self.limit:
            raise too_large(self.shown, self.limit, self._error)
        return data

    # The rest is what zipfile needs of a file it opens (the archive itself is unlimited:
    # zipfile seeks in it, and every member it inflates is limited on its own).
    def seek(self, offset: int, whence: int = 0) -> int:
        return self._handle.seek(offset, whence)

    def tell(self) -> int:
        return self._handle.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self) -> UserFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def too_large(shown: str, limit: int, error: type[NetgraphError] = ExportFormatError) -> NetgraphError:
    """The error for a file (or zip member) that holds more than ``limit`` bytes."""
    return error(
        f"{shown} holds more than {format_size(limit)}, the limit for one file (no LinkedIn "
        "export file is that large): if it is genuine, raise the limit with --max-file-size, "
        "e.g. --max-file-size 4GB"
    )


def open_user_file(path: str | os.PathLike, *, shown: str | None = None, root: str | os.PathLike | None = None,
                   limits: Limits | None = None, limited: bool = True,
                   error: type[NetgraphError] = ExportFormatError, advice: str = "pass the file itself") -> UserFile:
    """Open a file the user gave (or a file inside their export folder) for reading.

    Parameters
    ----------
    path
        The file.
    shown
        How to name it in messages (default: ``path``).
    root
        The export folder it was found in: a link leading outside it is refused.
    limits
        The size limit (default: :func:`~netgraph.io.limits.current_limits`).
    limited
        Count bytes against ``limits.max_file_size`` while reading (off only for a zip
        archive, which is not read whole: each member is limited as it is inflated).
    error
        The error class to raise (``TargetsError`` for the targets file, ...).
    advice
        What to do, ending the message for a file that is not a regular file.

    Returns
    -------
    UserFile

    Raises
    ------
    NetgraphError
        Of class ``error``: missing, a broken link, a link out of ``root``, not a regular
        file, unreadable, or larger than the limit.
    """
    shown = str(path) if shown is None else shown
    limit = (limits or current_limits()).max_file_size
    try:
        if root is not None and not _inside(Path(path), Path(root)):
            raise error(f"{shown} is a link to a file outside the export folder: netgraph reads only "
                        "the files inside it; copy the file into the folder instead")
        info = os.stat(path)
    except FileNotFoundError:
        broken = os.path.islink(path)
        raise error(f"{shown} {'is a link to a file that does not exist' if broken else 'does not exist'}: "
                    "check the path") from None
    except OSError as problem:
        raise error(f"{shown} cannot be read ({problem.strerror or problem})") from None
    _check_regular(info.st_mode, shown, error, advice)
    if limited and info.st_size > limit:
        raise too_large(shown, limit, error)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as problem:
        raise error(f"{shown} cannot be read ({problem.strerror or problem})") from None
    try:
        opened = os.fstat(fd)  # the file actually opened (it may have been swapped)
        _check_regular(opened.st_mode, shown, error, advice)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb", buffering=0)
    except BaseException:
        os.close(fd)
        raise
    return UserFile(handle, shown, limit if limited else None, opened.st_size, error)


def read_user_file(path: str | os.PathLike, **options) -> bytes:
    """The whole of a user's file, through :func:`open_user_file` (same options)."""
    with open_user_file(path, **options) as handle:
        try:
            return handle.read()
        except OSError as problem:
            error = options.get("error", ExportFormatError)
            raise error(f"{handle.shown} cannot be read ({problem.strerror or problem})") from None


def is_regular_file(path: str | os.PathLike, root: str | os.PathLike | None = None) -> bool:
    """Would :func:`open_user_file` open it (a regular file, inside ``root`` if given)?"""
    try:
        if root is not None and not _inside(Path(path), Path(root)):
            return False
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def _check_regular(mode: int, shown: str, error: type[NetgraphError], advice: str) -> None:
    if stat.S_ISREG(mode):
        return
    kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
    raise error(f"{shown} is {kind}, not a file: netgraph reads only regular files; {advice}")


def _inside(path: Path, root: Path) -> bool:
    """Does ``path``, links followed, stay inside ``root`` (links followed)?"""
    real = Path(os.path.realpath(path))
    base = Path(os.path.realpath(root))
    return real == base or base in real.parents
