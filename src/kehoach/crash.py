"""What an unexpected internal error leaves behind: a crash file, and a Vietnamese message.

A bug of kehoach (exit code 3) must not show the user a traceback, an exception class or
a Python repr. The traceback goes to a crash file in the user's state folder
(``$KEHOACH_STATE_DIR``, else ``$XDG_STATE_HOME/kehoach``, else ``~/.local/state/kehoach``;
subfolder ``crashes/``), and the message names that file and says where to report it.
Only the newest :data:`KEEP` crash files are kept.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import traceback
from pathlib import Path

from kehoach import __version__
from kehoach.atomic import WriteError, write_atomic
from kehoach.messages import os_reason, text

KEEP = 20


def crash_dir() -> Path:
    from kehoach.edit.journal import state_root

    return state_root() / "crashes"


def _report(exc: BaseException, argv: list[str], now: dt.datetime) -> str:
    lines = [
        f"kehoach {__version__}",
        f"time: {now.isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]} ({sys.platform})",
        "command: " + " ".join(argv),
        "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
    ]
    return "\n".join(line.rstrip("\n") for line in lines) + "\n"


def _prune(folder: Path) -> None:
    with contextlib.suppress(OSError):
        old = sorted(p for p in folder.glob("crash-*.txt") if p.is_file())
        for path in old[:-KEEP]:
            path.unlink()


def record_crash(exc: BaseException, argv: list[str] | None = None) -> str:
    """Write the crash file for *exc*; the Vietnamese message to show (never raises)."""
    command = ["kehoach", *(sys.argv[1:] if argv is None else argv)]
    now = dt.datetime.now(dt.UTC)
    folder = crash_dir()
    path = folder / f"crash-{now:%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(path, _report(exc, command, now), durable=False)
    except OSError as error:
        return text("internal-error-no-file", reason=os_reason(error))
    except WriteError as error:
        return text("internal-error-no-file", reason=error.reason or error.message)
    _prune(folder)
    return text("internal-error", path=str(path))
