"""A cache of parsed, validated plan files, so a second run does not parse YAML again.

One entry per file *content*: the key is a SHA-256 of the file bytes' BLAKE2b digest
(the one the replay key computes, :func:`kehoach.loading.files.content_digest`)
together with everything that could change what loading those bytes gives (kehoach's
version, this cache's format, the Python, pydantic and PyYAML versions, the model
class and a fingerprint of the loader and model source code). Time stamps and
sizes play no part, so an edit that keeps both still misses the cache.

The value is what :func:`kehoach.loading.plandir.load_model` produces: the
validated model and the raw data with its positions (validation needs them for
its messages), pickled. Only files without problems are stored, so every error
message comes from a fresh parse. The raw data may be pickled on its own inside the
entry (bytes in place of the data): a run that loads many folders (a portfolio) keeps
the new entries of the folders it has finished with that way until they are written,
see :meth:`FileCache.compact`.

The entries of one plan folder live together in **one pack file** (``packs/<hash of
the folder's real path>.pack``) in the user's cache folder (``$KEHOACH_CACHE_DIR``,
else ``$XDG_CACHE_HOME/kehoach``, else ``~/.cache/kehoach``), never inside a plan
folder: one file to open for a plan of thousands of small files, and one to write
(a file per entry cost half a millisecond each: temporary file, rename, folder). A pack
is the entries one after the other, then their index (key → place, length, SHA-256,
day last used), then the index's length and SHA-256; each entry is read alone
(``pread``), so a pack is never whole in memory. The folder only decides *where* to
look: what an entry holds is still found by its content key, so a pack left by
another folder, another day or another version can only miss. A run that parsed
something (or uses a pack on a new day) writes the whole pack again when it ends: the
entries it used, the new ones, and at most as many others again that were used in the
last :data:`PRUNE_AFTER_DAYS` days (an edit undone finds its old entry). The pack is
written to a temporary file and renamed into place (kehoach.atomic, the one writer),
so readers see the whole old pack or the whole new one; not fsync'ed: a pack torn by a
power cut fails its checksums on the next read and is rebuilt, which is cheaper than an
fsync on every cold run. Anything unexpected on read (missing, truncated, corrupt,
another version, wrong type) is a miss; the cache can only make loading faster, never
change its result.

Pickle runs code on load, so the folder must be the user's own: it is created
0700 and the cache turns itself off when the folder belongs to someone else or
others may write to it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kehoach import __version__
from kehoach.loading.files import content_digest
from kehoach.loading.positions import PosDict

FORMAT = 4
MAGIC = b"KEHOACH-PACK\n"
ENV_DIR = "KEHOACH_CACHE_DIR"
ENV_OFF = "KEHOACH_NO_CACHE"
PACKS = "packs"  # the sub-folder of the cache folder holding the packs
PRUNE_AFTER_DAYS = 30  # entries (and packs) nobody has used for this long are dropped
_DIGEST = 32
_TRAILER = struct.Struct("<Q32s")  # the index's length and SHA-256, at the end of a pack
_HEAD = len(MAGIC) + _DIGEST  # MAGIC, then the code fingerprint

# (place in the pack, length, SHA-256 of the entry, day it was last used)
Where = tuple[int, int, bytes, int]

_enabled = True
_fingerprint: bytes | None = None
# While not None, packs with new entries wait here instead of being written: the console
# script writes them after the command's output is out (see kehoach.cli.launch), so a
# cold run does not wait for pickling and writing.
_deferred: list[FileCache] | None = None
# While writes are deferred, one FileCache per pack: a folder loaded twice in one run
# writes one pack, not two halves.
_open: dict[tuple[str, str, str], FileCache] = {}
# How many of the queued packs have had their compact() pass (see FileCache.for_plan).
_compacted = 0


def defer_writes() -> None:
    """Queue new entries until :func:`write_deferred` instead of writing them at once."""
    global _deferred, _compacted
    if _deferred is None:
        _deferred = []
        _compacted = 0


def pending() -> int:
    """How many packs wait to be written."""
    return len(_deferred) if _deferred else 0


def write_deferred() -> int:
    """Write every queued pack; returns how many new entries were written."""
    global _deferred, _compacted
    queued, _deferred = _deferred or [], None
    _open.clear()
    _compacted = 0
    written = 0
    for cache in queued:
        written += cache.write()
    return written


def _compact_queued() -> None:
    """Compact the packs queued since the last call, once each (a folder loaded before
    another one was opened has been checked by then)."""
    global _compacted
    if _deferred:
        for queued in _deferred[_compacted:]:
            queued.compact()
        _compacted = len(_deferred)


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


def _today() -> int:
    return int(time.time() // 86400)


def pack_name(root: Path, part: str = "") -> str:
    """The pack's file name for the plan folder *root* (and *part*, for a folder read by
    two loaders, like a portfolio's shared files and its plans' registries): a hash of
    its real path."""
    name = os.path.realpath(root) + "\0" + part
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:32] + ".pack"


class FileCache:
    """The entries of one plan folder's pack; ``get``/``put``/``finish`` never raise.

    ``get`` reads the pack's index once, then one entry per hit; ``put`` keeps the new
    entry in memory; ``finish`` (end of loading) writes the pack when something is new,
    at once or, while writes are deferred, when :func:`write_deferred` runs."""

    def __init__(self, directory: Path, root: Path | None = None, part: str = "") -> None:
        self.directory = directory
        self.usable = True
        self.hits = 0
        self.misses = 0
        self.writes = 0
        name = pack_name(root, part) if root is not None else "default.pack"
        self.pack = directory / PACKS / name
        # entries parsed this run: (model, raw data, or the raw data pickled: compact())
        self.new: dict[bytes, tuple[Any, PosDict | bytes]] = {}
        self._used: dict[bytes, Where] = {}  # entries of the pack read this run
        self._index: dict[bytes, Where] | None = None  # the pack's, read at the first get
        self._fd = -1
        self._stale_day = False  # an entry used today was last used on an earlier day
        self._queued = False
        self._last: tuple[bytes, type[Any], bytes] | None = None

    @classmethod
    def for_plan(cls, root: Path, part: str = "") -> FileCache | None:
        """The cache to use for the plan in *root*, or None when caching is off or unsafe.
        *part* names one of several loaders of the same folder (each its own pack)."""
        if not enabled():
            return None
        directory = default_dir()
        where = (os.fspath(directory), os.path.realpath(root), part)
        if _deferred is not None:
            known = _open.get(where)
            if known is not None:
                return known if known.usable else None
        _compact_queued()  # another folder: the ones loaded before are done with theirs
        cache = cls(directory, root, part)
        if cache.inside(root) or not cache.prepare():
            return None
        if _deferred is not None:
            _open[where] = cache
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

    def key(self, data: bytes, model: type[Any], content: bytes | None = None) -> bytes:
        """The entry's key: the code fingerprint, the model and the BLAKE2b digest of the
        bytes (*content*, when the caller knows it: the replay key computed it)."""
        last = self._last
        if last is not None and last[0] is data and last[1] is model:
            return last[2]  # get() then put() of the same bytes: hashed once
        digest = hashlib.sha256(_code_fingerprint())
        digest.update(f"{model.__module__}.{model.__qualname__}\0".encode())
        digest.update(content_digest(data) if content is None else content)
        key = digest.digest()
        self._last = (data, model, key)
        return key

    def _read_index(self) -> dict[bytes, Where]:
        """The pack's index ({} when there is no usable pack); the pack stays open."""
        if self._index is not None:
            return self._index
        self._index = {}
        try:
            fd = os.open(self.pack, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return self._index
        try:
            index = _read_pack_index(fd)
        except Exception:
            index = None
        if index is None:
            os.close(fd)
            return self._index
        self._fd = fd
        self._index = index
        return index

    def get(
        self, data: bytes, model: type[Any], content: bytes | None = None
    ) -> tuple[Any, PosDict] | None:
        """The (model instance, raw data) stored for these bytes (whose digest is
        *content*, when known), or None."""
        if not self.usable:
            return None
        key = self.key(data, model, content)
        index = self._index if self._index is not None else self._read_index()
        where = index.get(key)
        if where is None:
            self.misses += 1
            return None
        try:
            blob = os.pread(self._fd, where[1], where[0])
        except OSError:
            blob = b""
        value = _decode(blob, where[2], key, model)
        if value is None:
            self.misses += 1
            del index[key]  # corrupt: rebuilt by put(), never copied into the next pack
            return None
        self._used[key] = where
        if where[3] != _today():
            self._stale_day = True
        self.hits += 1
        return value

    def put(self, data: bytes, model: type[Any], instance: Any, raw: PosDict) -> None:
        if not self.usable:
            return
        key = self.key(data, model)
        self._last = None
        self.new[key] = (instance, raw)

    def compact(self) -> int:
        """Pickle the raw data of new entries that nothing else holds any more (their
        plan was checked and forgot its positions): bytes a third of the size of the
        objects, until :meth:`write` puts them in the pack. A portfolio's cold run would
        otherwise keep the raw data of every plan to the end; one plan's own cache is
        never compacted (its raw data is in use until the plan is checked, and pickling
        it there only moves work from the background writer to the command). Returns
        how many entries it compacted."""
        done = 0
        for key, (instance, raw) in self.new.items():
            # held here only: by the entry's tuple and by the name raw (getrefcount's own
            # argument is the third)
            if isinstance(raw, PosDict) and sys.getrefcount(raw) <= 3:
                self.new[key] = (instance, pickle.dumps(raw, protocol=5))
                done += 1
        return done

    def finish(self) -> None:
        """Loading is over: write the pack if it changed (now, or later when deferred)."""
        self._last = None  # the last file's bytes: a portfolio keeps one cache per plan
        if not self.usable or not (self.new or self._stale_day):
            if _deferred is None:
                self._close()
            return
        if _deferred is not None:
            if not self._queued:
                self._queued = True
                _deferred.append(self)
            return
        self.write()

    def _close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    def write(self) -> int:
        """Write the pack now: the entries used and made this run, and recent others.
        Returns how many new entries it holds (0 when it could not be written)."""
        if not self.usable:
            return 0
        from kehoach.atomic import WriteError, write_atomic

        new = len(self.new)
        try:
            self.pack.parent.mkdir(mode=0o700, exist_ok=True)
            write_atomic(self.pack, self._chunks(), durable=False)
        except (OSError, WriteError):
            self.usable = False  # disk full, read-only home …: stop trying this run
            return 0
        except Exception:
            return 0
        finally:
            self._close()
            self._index = None
            self._used = {}
            self.new = {}
            self._stale_day = self._queued = False
        self.writes += new
        return new

    def _chunks(self) -> Iterator[bytes]:
        """The new pack, piece by piece (see the module's docstring for its layout)."""
        today = _today()
        index: dict[bytes, Where] = {}
        place = _HEAD
        yield MAGIC + _code_fingerprint()
        for key, where in self._used.items():
            blob = self._copy(where)
            if blob is None:
                continue
            index[key] = (place, len(blob), where[2], today)
            place += len(blob)
            yield blob
        for key, (instance, raw) in self.new.items():
            if key in index:
                continue
            blob = pickle.dumps((key, instance, raw), protocol=5)
            index[key] = (place, len(blob), hashlib.sha256(blob).digest(), today)
            place += len(blob)
            yield blob
        # Entries of this folder's files as they were before (an edit undone, a branch
        # switched back): as many again as the plan has at most, the most recent first.
        room = len(index)
        limit = today - PRUNE_AFTER_DAYS
        others = [
            (where[3], key, where)
            for key, where in (self._index or {}).items()
            if key not in index and where[3] >= limit
        ]
        others.sort(key=lambda item: item[0], reverse=True)
        for _, key, where in others[:room]:
            blob = self._copy(where)
            if blob is None or hashlib.sha256(blob).digest() != where[2]:
                continue
            index[key] = (place, len(blob), where[2], where[3])
            place += len(blob)
            yield blob
        table = pickle.dumps(index, protocol=5)
        yield table + _TRAILER.pack(len(table), hashlib.sha256(table).digest())

    def _copy(self, where: Where) -> bytes | None:
        """An entry's bytes from the pack read this run (the file we opened, even if
        another process has renamed a new pack over it since)."""
        if self._fd < 0:
            return None
        try:
            blob = os.pread(self._fd, where[1], where[0])
        except OSError:
            return None
        return blob if len(blob) == where[1] else None

    def prune(self, now: float | None = None) -> int:
        """Delete packs (and entries of the old one-file-per-entry format) unused for
        PRUNE_AFTER_DAYS; runs at most once a day. Returns how many files it deleted."""
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
                if not sub.is_dir() or (len(sub.name) != 2 and sub.name != PACKS):
                    continue
                for entry in sub.iterdir():
                    with contextlib.suppress(OSError):
                        if entry.stat().st_mtime < limit:
                            entry.unlink()
                            removed += 1
        return removed


def _read_pack_index(fd: int) -> dict[bytes, Where] | None:
    """The index of the pack open as *fd*, or None when it is not a pack of this code."""
    info = os.fstat(fd)
    size = info.st_size
    if not stat.S_ISREG(info.st_mode) or size < _HEAD + _TRAILER.size:
        return None
    if os.pread(fd, _HEAD, 0) != MAGIC + _code_fingerprint():
        return None
    length, digest = _TRAILER.unpack(os.pread(fd, _TRAILER.size, size - _TRAILER.size))
    start = size - _TRAILER.size - length
    if start < _HEAD:
        return None
    table = os.pread(fd, length, start)
    if len(table) != length or hashlib.sha256(table).digest() != digest:
        return None
    index = pickle.loads(table)
    if not isinstance(index, dict):
        return None
    for key, where in index.items():
        if not (
            isinstance(key, bytes)
            and isinstance(where, tuple)
            and len(where) == 4
            and where[0] >= _HEAD
            and where[0] + where[1] <= start
        ):
            return None
    return index


def _decode(blob: bytes, digest: bytes, key: bytes, model: type[Any]) -> tuple[Any, PosDict] | None:
    if not blob or hashlib.sha256(blob).digest() != digest:
        return None
    try:
        value = pickle.loads(blob)
        if not isinstance(value, tuple) or len(value) != 3:
            return None
        raw = value[2]
        if isinstance(raw, bytes):  # pickled on its own (FileCache.compact)
            raw = pickle.loads(raw)
    except Exception:
        return None
    if value[0] != key or not isinstance(value[1], model) or not isinstance(raw, PosDict):
        return None
    return value[1], raw


def stored(directory: Path) -> dict[str, int]:
    """How many entries each pack in the cache folder *directory* holds (a pack that
    cannot be read counts 0): for tests and for looking at a cache by hand."""
    out: dict[str, int] = {}
    folder = directory / PACKS
    if not folder.is_dir():
        return out
    for pack in sorted(folder.glob("*.pack")):
        index = None
        with contextlib.suppress(Exception):
            fd = os.open(pack, os.O_RDONLY)
            try:
                index = _read_pack_index(fd)
            finally:
                os.close(fd)
        out[pack.name] = len(index) if index else 0
    return out
