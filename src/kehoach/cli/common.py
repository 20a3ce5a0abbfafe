"""What every command shares: option types, mapping errors to exit codes.

The use cases themselves live in :mod:`kehoach.app`; a command parses its options, calls
one function there, renders what it returns, and lets :func:`handled` map errors.

Nothing heavy is imported here: commands import the core inside their bodies so that
``--help`` and ``kehoach deadline`` start fast.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    import datetime as dt


def _plan_folder(ctx: typer.Context, value: Path | None) -> Path:
    """No folder named (or the default ``plan`` missing): the nearest plan from here up.

    ``--plan DIR`` is the same as the folder argument when DIR is a plan folder (in a
    portfolio ``--plan`` names one of its plans instead)."""
    from kehoach.cli.planfolder import DEFAULT, discover, holds_plan

    alias = ctx.params.get("plan")
    if isinstance(alias, str) and (value is None or value == DEFAULT):
        folder = Path(alias)
        if folder.is_dir() and (folder / "plan.yaml").is_file() and holds_plan(folder):
            ctx.params["plan"] = None
            return folder
    return discover(value)


PlanDir = Annotated[
    Path,
    typer.Argument(
        help="Thư mục kế hoạch (mặc định: plan, hoặc thư mục cha gần nhất có kế hoạch).",
        show_default=False,
        metavar="[THƯ_MỤC]",
        callback=_plan_folder,
    ),
]
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="NGÀY",
        help="Tính đến ngày (2019-06-30 hoặc 30/6/2019); mặc định: hôm nay.",
        show_default=False,
    ),
]
Cutoff = Annotated[
    str,
    typer.Option(
        "--cutoff",
        metavar="KỲ",
        help="calendar (kỳ theo lịch) | nd09 (kỳ chốt số liệu NĐ 09/2019).",
    ),
]
Lang = Annotated[str, typer.Option("--lang", metavar="NGÔN_NGỮ", help="vi | en")]
BodyOpt = Annotated[
    str | None,
    typer.Option("--body", metavar="MÃ", help="Chỉ một cơ quan (mã hoặc tên).", show_default=False),
]
PlanOpt = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="MÃ",
        help="Thư mục nhiều kế hoạch: chỉ một kế hoạch (mã, tên thư mục trong plans/).",
        show_default=False,
    ),
]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="THEO",
        help="Thư mục nhiều kế hoạch: plan (mỗi kế hoạch một dòng) | body (mỗi cơ quan một dòng).",
        show_default=False,
    ),
]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Không dùng bộ nhớ đệm, đọc lại mọi tệp."),
]


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
        fail(f"Giá trị '{value}' không hợp lệ cho {option}; chọn một trong: {', '.join(allowed)}.")
    return value
