"""The one way kehoach writes a file: a crash or a full disk leaves the old file or the new.

A temporary file ``.<name>.<random>.tmp`` in the same folder (same file system, so the
rename is atomic), written, flushed and fsync'ed, given the old file's mode, then
renamed over the target; the folder is fsync'ed so the rename itself is durable. Any
failure removes the temporary file and leaves the target as it was. A temporary file
left by a process killed half-way (nothing can clean up after SIGKILL) is removed by the
next edit of the same file, under the plan's write lock (:func:`remove_stale_temps`).

OS errors come back as :class:`WriteError`, whose message is Vietnamese (the reason
comes from the errno, never the English ``strerror``) and whose exit code is 1.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kehoach.errors import KehoachError
from kehoach.messages import os_reason, text

__all__ = ["WriteError", "remove_stale_temps", "write_atomic"]


class WriteError(KehoachError):
    """A file could not be written; the old file (if any) is untouched. *reason* is the
    Vietnamese reason alone (for a message naming several files)."""

    exit_code = 1

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


def _inside(real: str, folder: Path) -> bool:
    root = os.path.realpath(folder)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def write_atomic(
    path: Path,
    data: str | bytes | Iterable[bytes],
    *,
    inside: Path | None = None,
    display: str | None = None,
    durable: bool = True,
) -> None:
    """Replace *path* with *data* (text is written as UTF-8), atomically.

    With *inside*, refuse (before anything is written) when *path* is, or resolves
    through a symlink to, a file outside that folder, or is not a regular file.
    *display* is how messages name the file; *durable* false skips the fsyncs (for
    caches, whose torn entries are detected and rebuilt). *data* may also be the file's
    bytes in pieces (an iterable of bytes), written one after the other: a big file is
    then never whole in memory."""
    shown = display or str(path)
    payload: Iterable[bytes]
    if isinstance(data, str):
        payload = (data.encode("utf-8"),)
    elif isinstance(data, bytes):
        payload = (data,)
    else:
        payload = data
    real = os.path.realpath(path)
    if inside is not None and not _inside(real, inside):
        raise WriteError(text("write-outside", path=shown, target=real))
    target = Path(real)
    mode: int | None = None
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise WriteError(text("write-failed", path=shown, reason=os_reason(exc))) from None
    if info is not None:
        if not stat.S_ISREG(info.st_mode):
            raise WriteError(text("write-not-regular", path=shown))
        mode = stat.S_IMODE(info.st_mode)
    folder = target.parent
    try:
        _replace(target, folder, payload, mode, durable)
    except OSError as exc:
        reason = os_reason(exc)
        raise WriteError(text("write-failed", path=shown, reason=reason), reason) from None


def _replace(
    target: Path, folder: Path, payload: Iterable[bytes], mode: int | None, durable: bool
) -> None:
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in payload:
                handle.write(chunk)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    if not durable:
        return
    with contextlib.suppress(OSError):  # make the rename itself durable where supported
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def remove_stale_temps(path: Path) -> list[str]:
    """Remove the temporary files an interrupted write of *path* left (``.name.XXXX.tmp``).

    Safe only while holding the plan's write lock: no other writer can be using them.
    Returns the names removed."""
    real = Path(os.path.realpath(path))
    removed = []
    for stale in sorted(real.parent.glob(f".{real.name}.*.tmp")):
        with contextlib.suppress(OSError):
            if stale.is_file() and not stale.is_symlink():
                stale.unlink()
                removed.append(stale.name)
    return removed
