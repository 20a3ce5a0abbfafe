"""One writer at a time per plan: a cross-process lock on the plan folder itself.

The lock is keyed by the plan folder, not by one file: an edit is validated against
the whole plan, so two edits of different files must not interleave either. On POSIX
systems the lock is ``flock`` taken on the plan folder's own directory handle: no lock
file is created anywhere, so nothing can accumulate in the temporary folder or appear
in ``plan/`` (git stays clean); every process that edits the same folder, by whatever
relative path or symlink, locks the same directory; and the operating system drops the
lock when a process dies, so a crash never leaves it stuck.

Where ``flock`` is missing or refused (Windows, some network file systems) the lock is
a file in the user's cache folder (``locks/<hash of the folder>.lock``), where the
cache's pruning removes it after a month without use.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kehoach.edit.errors import EditError, LockBusy
from kehoach.messages import os_reason, text

LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before refusing
_POLL = 0.05

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(root: Path) -> Path:
    """What is locked for the plan in *root*: its folder, by its real path."""
    return Path(os.path.realpath(root))


def _busy(root: Path, timeout: float) -> LockBusy:
    return LockBusy(text("lock-busy", root=root, seconds=f"{timeout:g}"))


@contextmanager
def plan_lock(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the write lock of the plan in *root*; wait up to *timeout* seconds (default
    :data:`LOCK_TIMEOUT`), then refuse with :class:`LockBusy`."""
    if timeout is None:
        timeout = LOCK_TIMEOUT
    fd: int | None = None
    if fcntl is not None:
        try:
            fd = os.open(lock_path(root), os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError as exc:
            raise EditError(text("lock-failed", root=root, reason=os_reason(exc))) from None
    if fd is None:  # pragma: no cover - Windows
        with _file_lock(root, timeout):
            yield
        return
    try:
        locked = _flock(fd, timeout)
    except OSError:  # flock refused on this file system: fall back to a lock file
        os.close(fd)
        with _file_lock(root, timeout):
            yield
        return
    if not locked:
        os.close(fd)
        raise _busy(root, timeout)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def _flock(fd: int, timeout: float) -> bool:
    """Take the exclusive lock on *fd*, polling up to *timeout* seconds; False if busy."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
        if time.monotonic() >= deadline:
            return False
        time.sleep(_POLL)


@contextmanager
def _file_lock(root: Path, timeout: float) -> Iterator[None]:
    from filelock import FileLock, Timeout

    from kehoach.loading.cache import default_dir

    digest = hashlib.sha256(str(lock_path(root)).encode("utf-8", "surrogateescape")).hexdigest()
    folder = default_dir() / "locks"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise EditError(text("lock-failed", root=root, reason=os_reason(exc))) from None
    lock = FileLock(folder / f"{digest[:32]}.lock", timeout=timeout)
    try:
        lock.acquire()
    except Timeout:
        raise _busy(root, timeout) from None
    except OSError as exc:
        raise EditError(text("lock-failed", root=root, reason=os_reason(exc))) from None
    try:
        yield
    finally:
        lock.release()
