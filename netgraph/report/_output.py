"""Writing a rendered report to a file: whole or not at all, never over an input."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from netgraph.errors import NetgraphError


def _same_file(a: Path, b: Path) -> bool:
    if a == b:
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _check_not_input(target: Path, inputs: Iterable[str | os.PathLike | None]) -> None:
    resolved = target.resolve()
    for given in inputs:
        if given is None or str(given) == "":
            continue
        source = Path(given).expanduser().resolve()
        clash = _same_file(resolved, source)
        if not clash and source.is_dir() and resolved.exists():
            clash = source in resolved.parents  # an existing file inside an export folder
        if clash:
            raise NetgraphError(f"refusing to write over the input file {given}; choose another --output")


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_output(data: str | bytes, path: str | os.PathLike, *,
                 inputs: Iterable[str | os.PathLike | None] = ()) -> None:
    """Write a report (text or bytes) to `path`, whole or not at all.

    The data goes to a temporary file in the same folder, which then replaces `path` in
    one step, so a reader never sees half a file and a failure leaves `path` as it was.
    Text is written as UTF-8.

    Parameters
    ----------
    data
        What to write: text (a rendered report) or bytes (a PNG).
    path
        Where to write it.
    inputs
        The files and folders the report was built from. `path` may not be one of them
        (same path, a link to one, or an existing file inside an input folder).

    Raises
    ------
    NetgraphError
        When `path` is an input, is a folder, or its folder is missing or not writable.

    Examples
    --------
    >>> write_output("# Plan\\n", "plan.md", inputs=["export.zip"])  # doctest: +SKIP
    """
    if isinstance(data, str):
        payload = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        payload = bytes(data)
    else:
        raise TypeError(f"write_output takes str or bytes, not {type(data).__name__}")
    target = Path(path).expanduser()
    _check_not_input(target, inputs)
    if target.is_dir():
        raise NetgraphError(f"cannot write to {path}: it is a folder; give a file name")
    folder = target.parent
    if not folder.is_dir():
        raise NetgraphError(f"cannot write to {path}: the folder {folder} does not exist")
    try:
        mode = target.stat().st_mode & 0o7777 if target.exists() else _new_file_mode()
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise NetgraphError(f"cannot write to {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException as error:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(error, OSError):
            raise NetgraphError(f"cannot write to {path}: {error.strerror or error}") from None
        raise
