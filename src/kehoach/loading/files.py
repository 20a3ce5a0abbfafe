"""Reading one plan file's bytes: without blocking, bounded, or from a pending edit."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

MAX_BYTES = 20 * 1024 * 1024

_overrides: ContextVar[dict[str, bytes] | None] = ContextVar("plan_overrides", default=None)


@contextmanager
def overridden(files: dict[Path, bytes]) -> Iterator[None]:
    """Load the plan as if each file of *files* held the given bytes (an edit not yet
    written): validation of an edit reads the plan in place, with no temporary copy."""
    token = _overrides.set({os.path.realpath(p): data for p, data in files.items()})
    try:
        yield
    finally:
        _overrides.reset(token)


def read_plan_bytes(path: Path) -> bytes:
    """The bytes of the plan file *path* (or its pending edit, see :func:`overridden`).

    Opened without blocking (``O_NONBLOCK``) and checked to be a regular file once open,
    so a FIFO or device put in its place after the scan still cannot hang the loader;
    at most :data:`MAX_BYTES` + 1 bytes are read."""
    pending = _overrides.get()
    if pending is not None:
        data = pending.get(os.path.realpath(path))
        if data is not None:
            return data
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.ENXIO, "not a regular file")
        chunks = []
        left = MAX_BYTES + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)
