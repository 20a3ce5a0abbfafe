"""Reading one plan file's bytes: without blocking, bounded, or from a pending edit."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from kehoach.loading import keyed
from kehoach.loading.keyed import MAX_BYTES

__all__ = ["MAX_BYTES", "content_digest", "overridden", "read_plan_bytes", "read_plan_file"]

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


try:  # what the replay key hashes files with (cli/replay.py): its digests are reused
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - CPython always builds it
    from hashlib import blake2b as _blake2b


def content_digest(data: bytes) -> bytes:
    """The BLAKE2b-256 digest of a file's bytes, as the replay key computes it."""
    return _blake2b(data, digest_size=32).digest()


def read_plan_file(path: Path) -> tuple[bytes, bytes | None]:
    """The bytes of the plan file *path* for the loader, and their
    :func:`content_digest` when it is already known.

    A pending edit (:func:`overridden`) comes first; then the bytes the replay key read
    in this process, when the file is still the one it read (:mod:`keyed`, each file
    once); else the file is read (:func:`read_plan_bytes`)."""
    if _overrides.get() is None:
        found = keyed.take(path)
        if found is not None:
            return found
    return read_plan_bytes(path), None
