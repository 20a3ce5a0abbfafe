"""What every command shares: mapping errors to exit codes, the day, the terminal.

The use cases themselves live in :mod:`kehoach.app`; a command parses its options (the
shared ones are declared in :mod:`kehoach.cli.options`), calls one function there,
renders what it returns, and lets :func:`handled` map errors.

Nothing heavy is imported here: commands import the core inside their bodies so that
``--help`` and ``kehoach deadline`` start fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, NoReturn

import typer

if TYPE_CHECKING:
    import datetime as dt

    from kehoach.edit import BatchResult


def use_cache(enabled: bool) -> None:
    """``--no-cache`` turns the cache of parsed files off for this run (see loading/cache.py)."""
    from kehoach.loading.cache import set_enabled

    set_enabled(enabled)


def echo_err(message: str) -> None:
    typer.echo(message, err=True)


def fail(message: str, code: int = 2) -> NoReturn:
    echo_err(message)
    raise typer.Exit(code)


@contextmanager
def handled() -> Iterator[None]:
    """Turn our errors into a Vietnamese message and their exit code; never a traceback.

    While a command runs the cyclic garbage collector is paused: loading builds a million
    small objects and frees none of them, so the collector would rescan them all, again
    and again, for nothing (a 10,000-task plan loads in two thirds of the time). Memory
    is still freed by reference counting. The core never touches the collector."""
    from kehoach.errors import KehoachError, PlanInvalid

    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    except PlanInvalid as exc:
        for problem in exc.problems[: exc.SHOWN]:
            echo_err(problem.render())
        fail(exc.message, exc.exit_code)
    except KehoachError as exc:
        fail(exc.message, exc.exit_code)
    except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
        raise
    except OSError as exc:  # a file we were asked to read or write: not our bug
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        from kehoach.messages import os_reason, text

        fail(text("os-error", path=exc.filename or "?", reason=os_reason(exc)), 2)
    except MemoryError:
        from kehoach.messages import text as message_text

        fail(message_text("out-of-memory"), 2)
    except Exception as exc:
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        from kehoach.crash import record_crash

        fail(record_crash(exc), 3)
    finally:
        _loader_notice()
        if collecting:
            gc.enable()


def _loader_notice() -> None:
    """Say once per process when PyYAML lacks libyaml (loading is ten times slower)."""
    yamlfile = sys.modules.get("kehoach.loading.yamlfile")  # only if a command loaded YAML
    notice = yamlfile.take_loader_notice() if yamlfile is not None else None
    if notice:
        echo_err(notice)


def as_of_date(value: str | None) -> dt.date:
    from kehoach.dates import parse_user_date, today

    return today() if value is None else parse_user_date(value, what="ngày --as-of")


def is_terminal() -> bool:
    return sys.stdout.isatty()


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        from kehoach.messages import text

        fail(text("bad-choice", value=value, option=option, choices=allowed))
    return value


def period_choice(quarter: str | None, half: str | None, year: str | None) -> tuple[str, str]:
    """The one report period given (kind, text): exactly one of --quarter, --half, --year."""
    given = [(k, v) for k, v in (("quarter", quarter), ("half", half), ("year", year)) if v]
    if len(given) != 1:
        from kehoach.messages import text as message_text

        fail(message_text("one-period-needed"))
    return given[0]


def echo_changes(batch: BatchResult, labels: list[str] | None = None) -> None:
    """What a batch of edits does (``update`` of many tasks, ``collect``): the warnings,
    then one block per change (*labels*: where each came from)."""
    from kehoach.messages import text as message_text
    from kehoach.render.changes import change_lines

    for outcome in batch.outcomes:
        for warning in outcome.warnings:
            echo_err(message_text("note", warning=warning))
    for warning in batch.warnings:
        echo_err(message_text("note", warning=warning))
    for line in change_lines(batch, labels=labels):
        typer.echo(line)


def echo_written(batch: BatchResult, dry_run: bool, more: str = "") -> None:
    """The last line after a batch: what was written (or would be), counted (*more*
    appended to the counts)."""
    from kehoach.messages import text as message_text
    from kehoach.render.changes import change_counts

    counts = change_counts(batch) + more
    if dry_run:
        echo_err(message_text("collect-dry-run", counts=counts))
    elif batch.written:
        names = ", ".join(f.display for f in batch.files if f.written)
        typer.echo(message_text("written-counts", paths=names, counts=counts))
    else:
        typer.echo(message_text("nothing-changed", counts=counts))
