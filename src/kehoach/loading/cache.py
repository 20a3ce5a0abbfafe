"""A cache of parsed, validated plan files, so a second run does not parse YAML again.

One entry per file *content*: the key is the SHA-256 of the file's bytes together
with everything that could change what loading those bytes gives (kehoach's
version, this cache's format, the Python, pydantic and PyYAML versions, the model
class and a fingerprint of the loader and model source code). Time stamps and
sizes play no part, so an edit that keeps both still misses the cache.

The value is what :func:`kehoach.loading.plandir.load_model` produces: the
validated model and the raw data with its positions (validation needs them for
its messages), pickled. Only files without problems are stored, so every error
message comes from a fresh parse.

Entries live in the user's cache folder (``$KEHOACH_CACHE_DIR``, else
``$XDG_CACHE_HOME/kehoach``, else ``~/.cache/kehoach``), never inside a plan
folder. Each is written to a temporary file and renamed into place (kehoach.atomic,
the one writer), so readers see the whole old entry or the whole new one. The write is
not fsync'ed: an entry torn by a power cut fails its checksum on the next read and is
rebuilt, which is cheaper than paying an fsync per file on every cold run. Anything unexpected on
read (missing, truncated, corrupt, another version, wrong type) is a miss; the
cache can only make loading faster, never change its result.

Pickle runs code on load, so the folder must be the user's own: it is created
0700 and the cache turns itself off when the folder belongs to someone else or
others may write to it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import time
from pathlib import Path
from typing import Any

from kehoach import __version__
from kehoach.atomic import WriteError, write_atomic
from kehoach.loading.positions import PosDict

FORMAT = 1
MAGIC = b"KEHOACH-CACHE\n"
ENV_DIR = "KEHOACH_CACHE_DIR"
ENV_OFF = "KEHOACH_NO_CACHE"
PRUNE_AFTER_DAYS = 30  # entries nobody has read for this long are deleted
_DIGEST = 32

_enabled = True
_fingerprint: bytes | None = None
# While not None, put() queues entries here instead of writing them: the console script
# writes them after the command's output is out (see kehoach.cli.launch), so a cold run
# does not wait for pickling and writing.
# Queued with their key, not the file's bytes: the bytes of every file of a big plan would
# otherwise stay in memory until the end of the command.
_deferred: list[tuple[FileCache, str, Any, PosDict]] | None = None


def defer_writes() -> None:
    """Queue new entries until :func:`write_deferred` instead of writing them at once."""
    global _deferred
    if _deferred is None:
        _deferred = []


def pending() -> int:
    """How many entries wait to be written."""
    return len(_deferred) if _deferred else 0


def write_deferred() -> int:
    """Write every queued entry; returns how many were written."""
    global _deferred
    queued, _deferred = _deferred or [], None
    for cache, key, instance, raw in queued:
        cache.store_at(key, instance, raw)
    return len(queued)


def set_enabled(enabled: bool) -> None:
    """Turn the cache on or off for this process (``--no-cache``)."""
    global _enabled
    _enabled = enabled


def enabled() -> bool:
    return _enabled and not os.environ.get(ENV_OFF)


def default_dir() -> Path:
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":  # pragma: no cover - not tested on Windows
        local = os.environ.get("LOCALAPPDATA")
        if local:
            return Path(local) / "kehoach" / "Cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "kehoach"


def _code_fingerprint() -> bytes:
    """Hash of the source that decides what loading gives: the loader and the models.

    A developer who edits a model without bumping the version must not read entries
    built by the old code.
    """
    global _fingerprint
    if _fingerprint is None:
        import pydantic.version
        import yaml

        from kehoach.loading import yamlfile

        digest = hashlib.sha256()
        for part in (
            str(FORMAT),
            __version__,
            sys.version,
            pydantic.version.VERSION,
            yaml.__version__,
            str(yamlfile.LIBYAML),
        ):
            digest.update(part.encode() + b"\0")
        here = Path(__file__).resolve().parent
        sources = sorted(here.glob("*.py")) + sorted((here.parent / "model").glob("*.py"))
        sources.append(here.parent / "suggest.py")  # the models' messages use it
        for source in sources:
            try:
                digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
            except OSError:
                digest.update(source.name.encode() + b"\0?\0")
        _fingerprint = digest.digest()
    return _fingerprint


class FileCache:
    """Entries for the files of one run; ``get``/``put`` never raise."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.usable = True
        self.hits = 0
        self.misses = 0
        self.writes = 0
        self._last: tuple[bytes, type[Any], str] | None = None
        self._folder = os.fspath(directory)

    @classmethod
    def for_plan(cls, root: Path) -> FileCache | None:
        """The cache to use for the plan in *root*, or None when caching is off or unsafe."""
        if not enabled():
            return None
        cache = cls(default_dir())
        if cache.inside(root) or not cache.prepare():
            return None
        return cache

    def inside(self, root: Path) -> bool:
        """True when the cache folder would be inside the plan folder (never allowed)."""
        try:
            self.directory.resolve().relative_to(root.resolve())
        except (ValueError, OSError):
            return False
        return True

    def prepare(self) -> bool:
        """Create the folder (0700) and check that only we can write to it."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            info = self.directory.stat()
        except OSError:
            self.usable = False
            return False
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o022):
            self.usable = False
        return self.usable

    def key(self, data: bytes, model: type[Any]) -> str:
        last = self._last
        if last is not None and last[0] is data and last[1] is model:
            return last[2]  # get() then put() of the same bytes: hashed once
        digest = hashlib.sha256(_code_fingerprint())
        digest.update(f"{model.__module__}.{model.__qualname__}\0".encode())
        digest.update(data)
        key = digest.hexdigest()
        self._last = (data, model, key)
        return key

    def path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key}.pickle"

    def _path_text(self, key: str) -> str:
        """:meth:`path` as a string, without building Path objects (twice per file)."""
        return os.path.join(self._folder, key[:2], key + ".pickle")

    def get(self, data: bytes, model: type[Any]) -> tuple[Any, PosDict] | None:
        """The (model instance, raw data) stored for these bytes, or None."""
        if not self.usable:
            return None
        key = self.key(data, model)
        path = self._path_text(key)
        try:
            with open(path, "rb") as handle:
                blob = handle.read()
                mtime = os.fstat(handle.fileno()).st_mtime
        except OSError:
            self.misses += 1
            return None
        value = _decode(blob, key, model)
        if value is None:
            self.misses += 1
            with contextlib.suppress(OSError):
                os.unlink(path)  # corrupt or foreign: rebuilt by put()
            return None
        if time.time() - mtime > 86400:  # mark as used, at most once a day
            with contextlib.suppress(OSError):
                os.utime(path)
        self.hits += 1
        return value

    def put(self, data: bytes, model: type[Any], instance: Any, raw: PosDict) -> None:
        if not self.usable:
            return
        key = self.key(data, model)
        self._last = None
        if _deferred is not None:
            _deferred.append((self, key, instance, raw))
            return
        self.store_at(key, instance, raw)

    def store(self, data: bytes, model: type[Any], instance: Any, raw: PosDict) -> None:
        """Pickle and write one entry now."""
        self.store_at(self.key(data, model), instance, raw)

    def store_at(self, key: str, instance: Any, raw: PosDict) -> None:
        """Pickle and write the entry *key* (see :meth:`key`) now."""
        if not self.usable:
            return
        try:
            payload = pickle.dumps((key, instance, raw), protocol=5)
        except Exception:
            return
        blob = MAGIC + key.encode() + hashlib.sha256(payload).digest() + payload
        path = self.path(key)
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            write_atomic(path, blob, durable=False)
        except (OSError, WriteError):
            self.usable = False  # disk full, read-only home …: stop trying this run
            return
        self.writes += 1

    def prune(self, now: float | None = None) -> int:
        """Delete entries unused for PRUNE_AFTER_DAYS; runs at most once a day. Returns count."""
        if not self.usable:
            return 0
        now = time.time() if now is None else now
        stamp = self.directory / "last-prune"
        try:
            if now - stamp.stat().st_mtime < 86400:
                return 0
        except OSError:
            pass
        removed = 0
        limit = now - PRUNE_AFTER_DAYS * 86400
        with contextlib.suppress(OSError):
            stamp.touch()
            for sub in self.directory.iterdir():
                if not sub.is_dir() or len(sub.name) != 2:
                    continue
                for entry in sub.iterdir():
                    with contextlib.suppress(OSError):
                        if entry.stat().st_mtime < limit:
                            entry.unlink()
                            removed += 1
        return removed


def _decode(blob: bytes, key: str, model: type[Any]) -> tuple[Any, PosDict] | None:
    head = len(MAGIC)
    start = head + len(key) + _DIGEST
    if len(blob) <= start or blob[:head] != MAGIC or blob[head : head + len(key)] != key.encode():
        return None
    payload = memoryview(blob)[start:]
    if hashlib.sha256(payload).digest() != blob[head + len(key) : start]:
        return None
    try:
        value = pickle.loads(payload)
    except Exception:
        return None
    if (
        not isinstance(value, tuple)
        or len(value) != 3
        or value[0] != key
        or not isinstance(value[1], model)
        or not isinstance(value[2], PosDict)
    ):
        return None
    return value[1], value[2]
