"""One writer at a time per plan: a cross-process lock (filelock) outside the plan folder.

The lock is keyed by the plan folder, not by one file: an edit is validated against
the whole plan, so two edits of different files must not interleave either. The lock
file lives in the system temporary folder, named by a hash of the folder's real path,
so nothing appears inside ``plan/`` (git stays clean) and every process that edits the
same folder, by whatever relative path or symlink, meets the same lock. The operating
system drops the lock when a process dies, so a crash never leaves it stuck.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kehoach.edit.errors import EditError, LockBusy

LOCK_TIMEOUT = 10.0  # seconds to wait for another writer before refusing


def lock_path(root: Path) -> Path:
    digest = hashlib.sha256(os.path.realpath(root).encode("utf-8")).hexdigest()[:32]
    return Path(tempfile.gettempdir()) / f"kehoach-{digest}.lock"


@contextmanager
def plan_lock(root: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold the write lock of the plan in *root*; wait up to *timeout* seconds (default
    :data:`LOCK_TIMEOUT`), then refuse with :class:`LockBusy`."""
    from filelock import FileLock, Timeout

    if timeout is None:
        timeout = LOCK_TIMEOUT
    # 0o666: on a shared machine every user who may edit the plan can take the lock.
    lock = FileLock(lock_path(root), timeout=timeout, mode=0o666)
    try:
        lock.acquire()
    except Timeout:
        raise LockBusy(
            f"Một lệnh khác đang ghi vào kế hoạch '{root}' (đã chờ {timeout:g} giây). "
            "Không có gì được ghi; hãy chạy lại sau ít phút."
        ) from None
    except OSError as exc:
        raise EditError(
            f"Không tạo được khóa ghi {lock.lock_file} ({exc.strerror or exc}); "
            "không có gì được ghi."
        ) from None
    try:
        yield
    finally:
        lock.release()
