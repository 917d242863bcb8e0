"""Files a command writes (exports, charts, decks): whole or not at all, with a clear error.

A regular file is written next to its destination under a temporary name of its own and
renamed into place, so a failure never leaves half a file and never touches another file; an
existing file keeps its permissions, a new one gets the usual ones. A link is followed and
its target replaced. Something that is not a regular file — ``/dev/null``, ``/dev/stdout``, a
named pipe — is written to directly, never replaced. When anything goes wrong the temporary
file is removed and :class:`OutputError` says what, in words a user can act on ("cannot write
x.json: there is no folder /nope"). The command-line front end turns it into a message and
exit code 1.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


class OutputError(Exception):
    """A file could not be written; the message names it and says why."""


def _problem(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError) and not path.parent.is_dir():
        return f"cannot write {path}: there is no folder {path.parent}"
    if isinstance(exc, (IsADirectoryError, NotADirectoryError)):
        return f"cannot write {path}: {exc.strerror.lower() if exc.strerror else exc}"
    if isinstance(exc, PermissionError):
        return f"cannot write {path}: permission denied"
    return f"cannot write {path}: {exc.strerror or exc}"


def _new_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_with(path: str | Path, write: Callable[[str], object], suffix: str = "") -> None:
    """Call ``write(temporary path)`` and rename the result to ``path``.

    ``suffix`` is kept at the end of the temporary name for writers that choose a format by
    extension (a PNG chart). A folder given as ``path`` is refused before anything is written.
    """
    shown = Path(path)
    if str(path).endswith(("/", os.sep)):
        raise OutputError(f"cannot write {path}: that names a folder; give a file name")
    try:
        mode: int | None = os.stat(shown).st_mode  # through any link
    except OSError:
        mode = None  # a new file (or a dangling link, followed below)
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"cannot write {shown}: it is a folder; give a file name")
    if mode is not None and not stat.S_ISREG(mode):
        try:  # a device or a pipe (/dev/null, /dev/stdout): written to, never replaced
            write(str(shown))
        except OSError as exc:
            raise OutputError(_problem(shown, exc)) from None
        return
    target = shown.resolve() if shown.is_symlink() else shown
    try:
        fd, tmp_name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=f".tmp{suffix}", dir=target.parent
        )
    except OSError as exc:
        raise OutputError(_problem(shown, exc)) from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp_name)
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else _new_file_mode())
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(_problem(shown, exc)) from None
        raise


def write_whole(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path``, whole or not at all."""
    body = data.encode("utf-8") if isinstance(data, str) else data
    write_with(path, lambda tmp: Path(tmp).write_bytes(body))
