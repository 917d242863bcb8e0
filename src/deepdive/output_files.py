"""Files a command writes (exports, charts, decks): whole or not at all, with a clear error.

Every file is written next to its destination under a temporary name and renamed into place,
so a failure never leaves half a file; when anything goes wrong the temporary file is removed
and :class:`OutputError` says what, in words a user can act on ("cannot write x.json: no such
folder /nope"). The command-line front end turns it into a message and exit code 1.
"""

from __future__ import annotations

import contextlib
import os
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


def write_with(path: str | Path, write: Callable[[str], object], suffix: str = "") -> None:
    """Call ``write(temporary path)`` and rename the result to ``path``.

    ``suffix`` is kept at the end of the temporary name for writers that choose a format by
    extension (a PNG chart). A folder given as ``path`` is refused before anything is written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder; give a file name")
    tmp = target.with_name(f"{target.name}.tmp{suffix}")
    try:
        write(str(tmp))
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(_problem(target, exc)) from None
        raise


def write_whole(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path``, whole or not at all."""
    body = data.encode("utf-8") if isinstance(data, str) else data
    write_with(path, lambda tmp: Path(tmp).write_bytes(body))
