"""What every command shares: option types, loading a valid plan, mapping errors to exit codes.

Nothing heavy is imported here: commands import the core inside their bodies so that
``--help`` and ``kehoach deadline`` start fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    import datetime as dt

    from kehoach.evaluation.periods import ReportPeriod
    from kehoach.evaluation.status import Evaluation
    from kehoach.plan import Plan

PlanDir = Annotated[
    Path,
    typer.Argument(
        help="Thư mục kế hoạch (mặc định: plan).", show_default=False, metavar="[THƯ_MỤC]"
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
    """Turn our errors into a Vietnamese message and their exit code; never a traceback."""
    from kehoach.errors import KehoachError

    try:
        yield
    except KehoachError as exc:
        fail(exc.message, exc.exit_code)
    except (typer.Exit, typer.Abort, SystemExit, KeyboardInterrupt):
        raise
    except Exception as exc:
        if os.environ.get("KEHOACH_DEBUG"):
            raise
        fail(
            f"Lỗi nội bộ của kehoach ({type(exc).__name__}: {exc}). "
            "Hãy báo lỗi kèm lệnh đã chạy; đặt KEHOACH_DEBUG=1 để xem chi tiết.",
            3,
        )


def as_of_date(value: str | None) -> dt.date:
    from kehoach.dates import parse_user_date, today

    return today() if value is None else parse_user_date(value, what="ngày --as-of")


def load_valid_plan(root: Path, as_of: dt.date) -> Plan:
    """Load and validate; a plan with problems is not reported on, its problems are shown."""
    from kehoach.dates import today
    from kehoach.validation import validate

    # Reports for a past day must still load a plan whose history goes on after it.
    plan, problems = validate(root, max(as_of, today()))
    if problems or plan is None:
        for problem in problems[:50]:
            echo_err(problem.render())
        more = " (hiển thị 50 lỗi đầu tiên)" if len(problems) > 50 else ""
        fail(
            f"Kế hoạch có {len(problems)} lỗi{more}; hãy chạy 'kehoach validate' và sửa trước.",
            1,
        )
    return plan


def is_terminal() -> bool:
    return sys.stdout.isatty()


def choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    if value not in allowed:
        fail(f"Giá trị '{value}' không hợp lệ cho {option}; chọn một trong: {', '.join(allowed)}.")
    return value


def resolve_body(plan: Plan, body: str | None) -> str | None:
    """The body a user typed for ``--body`` (id, name, or name without diacritics)."""
    if body is None:
        return None
    resolved = plan.bodies.resolve_typed(body)
    if resolved is None:
        from difflib import get_close_matches

        close = get_close_matches(body, list(plan.bodies.by_id), n=1)
        hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
        fail(f"Không có cơ quan '{body}' trong danh mục.{hint}")
    return resolved


def evaluate_plan(
    root: Path,
    day: dt.date,
    *,
    body: str | None = None,
    cutoff: str = "calendar",
    period: ReportPeriod | None = None,
) -> tuple[Evaluation, str | None]:
    """What the reporting commands share: a valid plan, evaluated on *day*, and the
    ``--body`` they were asked about."""
    from kehoach.evaluation.status import evaluate

    plan = load_valid_plan(root, day)
    body_id = resolve_body(plan, body)
    return evaluate(plan, day, period=period, cutoff=cutoff), body_id
