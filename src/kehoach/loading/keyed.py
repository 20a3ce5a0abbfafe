"""Plan files already read (and hashed) once in this process, for the loader to take.

The replay key (:mod:`kehoach.cli.replay`) reads every plan file's bytes before the
command runs; reading them all again in the loader cost a tenth of a cold run on a
plan of thousands of small files. The key keeps what it read here, with the BLAKE2b
digest it computed and the file's identity as it was open (device, inode, size,
modification and change times); :func:`take` hands a file's bytes to the loader once,
and only while a new ``stat`` of the path still gives the same identity. The bytes the
output is made from are then exactly the bytes the replay entry is keyed by.

A file whose modification time is not safely in the past when it is read is not kept
(:data:`RACY_NS`): an edit in the same tick of the file system's clock could keep its
size and times. At most :data:`BUDGET` bytes are kept, and each file is handed over
once, so nothing is held after the loader has read it.

Imports nothing beyond ``os``: the replay key runs before every command.
"""

from __future__ import annotations

import os

BUDGET = 24 * 1024 * 1024  # bytes kept at most; files beyond it are read again
MAX_BYTES = 20 * 1024 * 1024  # a plan file's limit (loading/files.py); bigger ones are not kept
RACY_NS = 2_000_000_000  # files modified this recently before being read are not kept

# (device, inode) → ((size, mtime_ns, ctime_ns), bytes, BLAKE2b-256 of the bytes)
_kept: dict[tuple[int, int], tuple[tuple[int, int, int], bytes, bytes]] = {}
_size = 0


def keep(info: os.stat_result, data: bytes, digest: bytes, now_ns: int) -> bool:
    """Keep the bytes *data* of the file whose ``fstat`` (taken while it was open, before
    reading) is *info*; *now_ns* is the time the reading started. False when not kept."""
    global _size
    if info.st_mtime_ns > now_ns - RACY_NS or info.st_ctime_ns > now_ns - RACY_NS:
        return False
    if len(data) != info.st_size or len(data) > MAX_BYTES or _size + len(data) > BUDGET:
        return False
    _size += len(data)
    ident = (info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    _kept[(info.st_dev, info.st_ino)] = (ident, data, digest)
    return True


def take(path: str | os.PathLike[str]) -> tuple[bytes, bytes] | None:
    """The kept bytes of *path* and their digest, once; None when nothing is kept for it
    or the file is no longer the one read (its identity changed)."""
    if not _kept:
        return None
    try:
        info = os.stat(path)
    except OSError:
        return None
    found = _kept.pop((info.st_dev, info.st_ino), None)
    if found is None:
        return None
    ident, data, digest = found
    if ident != (info.st_size, info.st_mtime_ns, info.st_ctime_ns):
        return None
    return data, digest


def clear() -> None:
    """Drop everything kept (the loader is done, or a test starts afresh)."""
    global _size
    _kept.clear()
    _size = 0


def kept() -> int:
    """How many files are kept."""
    return len(_kept)
