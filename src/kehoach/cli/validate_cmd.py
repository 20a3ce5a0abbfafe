"""``kehoach validate``: the check CI runs on every edit."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import (
    AsOf,
    NoCache,
    PlanDir,
    as_of_date,
    choice,
    echo_err,
    handled,
    use_cache,
)

FORMATS = ("text", "github", "json")


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(
        plan_dir: PlanDir = Path("plan"),
        fmt: Annotated[
            str, typer.Option("--format", "-f", metavar="DẠNG", help="text | github | json")
        ] = "text",
        as_of: AsOf = None,
        no_cache: NoCache = False,
    ) -> None:
        """Kiểm tra mọi tệp của kế hoạch; mã thoát 0 hợp lệ, 1 có lỗi, 2 không đọc được."""
        choice(fmt, FORMATS, "--format")
        use_cache(not no_cache)
        with handled():
            from kehoach.checks import validate as run_validation
            from kehoach.render.problems import render_problems

            plan, problems = run_validation(plan_dir, as_of_date(as_of))
            output = render_problems(problems, fmt)
            if output:
                typer.echo(output)
            if fmt == "text":
                if problems:
                    files = len({p.path for p in problems})
                    echo_err(f"Tìm thấy {len(problems)} lỗi trong {files} tệp.")
                elif plan is not None:
                    echo_err(
                        f"Kế hoạch hợp lệ: {len(plan.tasks)} nhiệm vụ, "
                        f"{len(plan.bodies.by_id)} cơ quan, {len(plan.events)} sự kiện."
                    )
        raise typer.Exit(1 if problems else 0)
