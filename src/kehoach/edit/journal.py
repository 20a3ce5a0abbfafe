"""The change journal: every change kehoach writes can be taken back, byte for byte.

Each write (``update``, ``event``, ``collect``) leaves one entry: the command, a summary,
and for every file it changed the bytes before and a hash of the bytes after. ``undo``
restores the bytes before of the newest entry, but only when every file still has the
bytes kehoach wrote (a file changed since is never overwritten).

The journal lives outside the plan folder, in the user's state folder
(``$KEHOACH_STATE_DIR``, else ``$XDG_STATE_HOME/kehoach``, else
``~/.local/state/kehoach``), one folder per plan named by a hash of the plan's real
path, so git stays clean and every relative path or symlink to a plan meets the same
journal. Only the newest :data:`KEEP` entries are kept. Entries are written atomically.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import difflib
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.edit.errors import EditError
from kehoach.errors import InputError
from kehoach.messages import text as message_text

KEEP = 50  # entries kept per plan
VERSION = 1


def state_root() -> Path:
    override = os.environ.get("KEHOACH_STATE_DIR")
    if override:
        return Path(override)
    xdg = os.environ.get("XDG_STATE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "state"
    return base / "kehoach"


def journal_dir(root: Path) -> Path:
    real = os.path.realpath(root)
    digest = hashlib.sha256(real.encode("utf-8")).hexdigest()[:32]
    return state_root() / "journal" / digest


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class FileChange:
    """One file of a change: its path relative to the plan, bytes before, bytes after."""

    path: str
    before: bytes
    after: bytes


@dataclass
class JournalEntry:
    seq: int
    time: str
    command: str
    summary: str
    files: list[tuple[str, bytes, str]]  # (relative path, bytes before, sha256 after)
    source: Path = field(default=Path())

    @property
    def paths(self) -> list[str]:
        return [path for path, _, _ in self.files]


def _relative(root: Path, path: Path) -> str:
    """*path* relative to the plan folder; a portfolio's shared file (outside it) as
    ``../../events.yaml``."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    try:
        return Path(real).relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(real, base)).as_posix()


def relative_change(root: Path, path: Path, before: bytes, after: bytes) -> FileChange:
    return FileChange(_relative(root, path), before, after)


def record(root: Path, command: str, summary: str, changes: list[FileChange]) -> JournalEntry:
    """Add an entry (before the files are written: a crash in between leaves an entry
    whose files do not match, which ``undo`` refuses). Raises OSError or
    kehoach.atomic.WriteError when the journal cannot be written."""
    from kehoach.atomic import write_atomic

    folder = journal_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    existing = _entry_files(folder)
    seq = (int(existing[-1].stem) + 1) if existing else 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    payload = {
        "version": VERSION,
        "seq": seq,
        "time": now.isoformat(),
        "plan": os.path.realpath(root),
        "command": command,
        "summary": summary,
        "files": [
            {
                "path": change.path,
                "before": base64.b64encode(change.before).decode("ascii"),
                "after_sha256": _sha(change.after),
            }
            for change in changes
        ],
    }
    target = folder / f"{seq:08d}.json"
    write_atomic(target, json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8"))
    for old in _entry_files(folder)[:-KEEP]:
        with contextlib.suppress(OSError):
            old.unlink()
    return _parse(target)


def forget(entry: JournalEntry) -> None:
    with contextlib.suppress(OSError):
        entry.source.unlink()


def _entry_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.stem.isdigit())


def _parse(path: Path) -> JournalEntry:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = [
            (str(f["path"]), base64.b64decode(f["before"]), str(f["after_sha256"]))
            for f in data["files"]
        ]
        return JournalEntry(
            int(data["seq"]), str(data["time"]), str(data["command"]), str(data["summary"]),
            files, path,
        )  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(message_text("journal-damaged", path=path)) from None


def entries(root: Path) -> list[JournalEntry]:
    """The journal of the plan in *root*, newest first."""
    return [_parse(p) for p in reversed(_entry_files(journal_dir(root)))]


@dataclass
class UndoResult:
    entry: JournalEntry
    diffs: list[str]
    written: bool


def undo_last(
    root: Path, *, dry_run: bool = False, lock_timeout: float | None = None
) -> UndoResult:
    """Restore the files of the newest journal entry to their bytes before it."""
    from kehoach.atomic import WriteError, write_atomic
    from kehoach.edit.lock import plan_lock

    if not root.is_dir():
        raise InputError(message_text("undo-no-plan-dir", root=root))
    lock: contextlib.AbstractContextManager[None] = (
        contextlib.nullcontext() if dry_run else plan_lock(root, lock_timeout)
    )
    with lock:
        found = entries(root)
        if not found:
            raise EditError(message_text("undo-nothing"))
        entry = found[0]
        changed: list[str] = []
        current: dict[str, bytes] = {}
        for path, _, after_sha in entry.files:
            target = root / path
            try:
                data = target.read_bytes()
            except FileNotFoundError:
                changed.append(message_text("undo-file-gone", path=path))
                continue
            current[path] = data
            if _sha(data) != after_sha:
                changed.append(path)
        if changed:
            raise EditError(
                message_text(
                    "undo-files-changed",
                    seq=entry.seq,
                    command=entry.command,
                    changed=", ".join(changed),
                )
            )
        diffs = []
        for path, before, _ in entry.files:
            lines = difflib.unified_diff(
                current[path].decode("utf-8", "replace").splitlines(keepends=True),
                before.decode("utf-8", "replace").splitlines(keepends=True),
                fromfile=f"a/{path}",
                tofile=f"b/{path}",
            )
            diffs.append("".join(x if x.endswith("\n") else x + "\n" for x in lines))
        if dry_run:
            return UndoResult(entry, diffs, False)
        restored: list[tuple[Path, bytes]] = []
        try:
            for path, before, _ in entry.files:
                write_atomic(root / path, before)
                restored.append((root / path, current[path]))
        except WriteError as exc:
            for target, data in reversed(restored):
                with contextlib.suppress(WriteError):
                    write_atomic(target, data)
            raise EditError(message_text("undo-failed", reason=exc.reason)) from None
        forget(entry)
        return UndoResult(entry, diffs, True)
