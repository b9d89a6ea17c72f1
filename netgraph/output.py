"""Safe output: the one file writer, the one spreadsheet-cell guard, the one terminal filter.

Every file netgraph writes (reports, maps, the demo's files, the ledger's CSV export)
goes through :func:`write_output`, which keeps three promises:

* **never over an input**: the target is not one of the files or folders the output was
  made from (the same path, a symbolic or hard link to one, or an existing file inside an
  input folder);
* **only into a regular file**: the target is absent or a regular file, never a folder,
  a device (``/dev/full``, ``/dev/stdout``), a FIFO or a socket, nor a link to one;
* **whole or not at all**: the data goes to a short-named temporary file beside the
  target, is flushed to disk and then renamed over it in one step, so a reader never sees
  half a file and a failure leaves the old file as it was. An existing file keeps its
  permissions (a private ``0600`` map stays private).

:func:`spreadsheet_safe` is the guard every CSV writer applies to its cells, and
:func:`terminal_safe` the filter the command line applies to everything it prints.

This module imports nothing from netgraph but :mod:`netgraph.errors`, so every stage
can use it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from netgraph.errors import NetgraphError

__all__ = ["write_output", "check_output", "spreadsheet_safe", "terminal_safe", "FORMULA_STARTS"]

#: A spreadsheet runs a cell as a formula when its text starts with one of these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# C0 controls but tab and newline, DEL, and the C1 controls (ESC [ ... and CSI alike).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Folders whose entries are devices or views of processes, never a report's home.
_SYSTEM_FOLDERS = (Path("/dev"), Path("/proc"), Path("/sys"))


def spreadsheet_safe(value: object) -> object:
    """Return `value` so that a spreadsheet shows it as text, never runs it as a formula.

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return (after
    any leading spaces) gets a leading ``'``; anything else is returned unchanged.

    Examples
    --------
    >>> spreadsheet_safe('=HYPERLINK("http://evil")')
    '\\'=HYPERLINK("http://evil")'
    >>> spreadsheet_safe("Sam Lee"), spreadsheet_safe(0.5)
    ('Sam Lee', 0.5)
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def terminal_safe(text: str) -> str:
    """Return `text` without the control characters a terminal would act on.

    Escape sequences in a name or a company (``ESC [2J`` clears the screen, others set
    the window title or hide text) would reach the terminal as commands. This removes
    every C0 control character except tab and newline (a carriage return too: a
    ``\\r\\n`` line end becomes ``\\n``), DEL and every C1 control character, and keeps
    all other text, emoji and right-to-left scripts included.

    Examples
    --------
    >>> terminal_safe("Sam\\x1b[2J Lee\\tStripe\\r\\n")
    'Sam[2J Lee\\tStripe\\n'
    """
    return _CONTROL.sub("", str(text).replace("\r\n", "\n"))


def _describe_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str | os.PathLike, *, inputs: Iterable[str | os.PathLike | None] = (),
                 what: str = "the output") -> Path:
    """Check that `path` may be written, and return the file that will be written.

    Parameters
    ----------
    path
        Where the user asked to write. A symbolic link to a regular file (or to a file
        not there yet) is followed: the file it points to is written, the link stays.
    inputs
        The files and folders the output is made from; ``None`` and ``""`` are skipped.
    what
        The output's name in messages: ``"the map"``, ``"the report"``.

    Returns
    -------
    Path
        The absolute path of the file to write.

    Raises
    ------
    NetgraphError
        When `path` is a folder, a device, a FIFO or a socket (or a link to one), lies in
        ``/dev``, ``/proc`` or ``/sys``, is one of the `inputs` (or an existing file inside
        an input folder), or its folder does not exist.

    Examples
    --------
    >>> check_output("/dev/null")
    Traceback (most recent call last):
    ...
    netgraph.errors.NetgraphError: refusing to write the output to /dev/null: it is a device, not a regular file; ...
    """
    shown = os.fspath(path)
    if not shown.strip():
        raise NetgraphError(f"no file name given for {what}; choose a file name for --output")
    given = Path(shown).expanduser()
    real = Path(os.path.realpath(given))
    try:
        mode: int | None = os.stat(given).st_mode  # follows links: what a write would reach
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise NetgraphError(f"cannot write {what} to {shown}: {error.strerror or error}") from None
    if mode is not None and not stat.S_ISREG(mode):
        kind = _describe_kind(mode)
        hint = "give a file name" if kind == "a folder" else "choose a file name for --output"
        raise NetgraphError(f"refusing to write {what} to {shown}: it is {kind}, not a regular file; {hint}")
    absolute = Path(os.path.abspath(given))
    if any(_inside(p, folder) for folder in _SYSTEM_FOLDERS for p in (absolute, real)):
        raise NetgraphError(f"refusing to write {what} to {shown}: it is a device or system path, not a regular "
                            "file; choose a file name for --output")
    for source in inputs:
        if source is None or os.fspath(source) == "":
            continue
        source_path = Path(os.path.realpath(Path(os.fspath(source)).expanduser()))
        clash = _same_file(real, source_path)
        if not clash and source_path.is_dir() and mode is not None:
            clash = _inside(real, source_path)  # an existing file inside an input folder
        if clash:
            raise NetgraphError(f"refusing to write over the input file {os.fspath(source)} (--output {shown} is "
                                "one of your input files); choose another --output")
    if not real.parent.is_dir():
        raise NetgraphError(f"cannot write {what} to {shown}: the folder {real.parent} does not exist; "
                            "check that the folder exists and that you can write to it")
    return real


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_output(data: str | bytes, path: str | os.PathLike, *,
                 inputs: Iterable[str | os.PathLike | None] = (), what: str = "the output") -> None:
    """Write `data` to `path`, whole or not at all, never over an input or into a device.

    Text is written as UTF-8. See :func:`check_output` for what is refused. The data
    goes to a temporary file with a short name (``.netgraph-XXXXXXXX.tmp``, so any legal
    file name works as a target) in the target's folder, is flushed to disk and renamed
    over the target in one step. An existing target keeps its permission bits (and, when
    run as root, its owner); a new one gets the usual ``0666`` less the umask.

    Parameters
    ----------
    data
        What to write: text (a rendered report) or bytes (a PNG).
    path
        Where to write it.
    inputs
        The files and folders the output was made from.
    what
        The output's name in messages, e.g. ``"the map"``.

    Raises
    ------
    NetgraphError
        When `path` is refused (see :func:`check_output`) or cannot be written (the
        message names the file and the reason, e.g. a full disk); `path` is then as it
        was and no temporary file is left.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "plan.md"
    >>> write_output("# Plan\\n", out, inputs=["export.zip"])
    >>> out.read_text()
    '# Plan\\n'
    """
    if isinstance(data, str):
        payload = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        payload = bytes(data)
    else:
        raise TypeError(f"write_output takes str or bytes, not {type(data).__name__}")
    target = check_output(path, inputs=inputs, what=what)
    shown = os.fspath(path)
    try:
        old = os.stat(target)
    except FileNotFoundError:
        old = None
    except OSError as error:
        raise NetgraphError(f"cannot write {what} to {shown}: {error.strerror or error}") from None
    try:
        handle, temporary = tempfile.mkstemp(prefix=".netgraph-", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise NetgraphError(f"cannot write {what} to {shown}: {error.strerror or error}; "
                            "check that the folder exists and that you can write to it") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(old.st_mode) if old else _new_file_mode())
        if old is not None and hasattr(os, "geteuid") and os.geteuid() == 0:
            with contextlib.suppress(OSError):
                os.chown(temporary, old.st_uid, old.st_gid)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise NetgraphError(f"cannot write {what} to {shown}: {error.strerror or error}; "
                                "check the path and the free space") from None
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the system allows it (POSIX); best effort."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
