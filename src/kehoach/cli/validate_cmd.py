"""``kehoach validate``: the check CI runs on every edit."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

if TYPE_CHECKING:
    import datetime as dt

    from kehoach.errors import Problem
    from kehoach.loaded_plan import Plan

from kehoach.cli.common import as_of_date, echo_err, handled, use_cache
from kehoach.cli.options import AsOf, NoCache, PlanArg, PlanOption, format_option
from kehoach.cli.output import emit
from kehoach.messages import text as message_text

FORMATS = ("text", "github", "json")


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(
        plan_dir: PlanArg = None,
        fmt: str = format_option(FORMATS, "text"),
        plan: PlanOption = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        changed: Annotated[
            bool,
            typer.Option(
                "--changed",
                help="Thư mục nhiều kế hoạch: chỉ kiểm tra kế hoạch có thay đổi trong git "
                "(kiểm tra chéo vẫn chạy đủ).",
            ),
        ] = False,
        strict: Annotated[
            bool,
            typer.Option("--strict", help="Coi cảnh báo là lỗi (mã thoát 1 nếu có cảnh báo)."),
        ] = False,
    ) -> None:
        """Kiểm tra mọi tệp của kế hoạch (hoặc của mọi kế hoạch trong thư mục nhiều kế
        hoạch); mã thoát 0 hợp lệ, 1 có lỗi, 2 không đọc được."""
        use_cache(not no_cache)
        with handled():
            from kehoach.app import open_plan
            from kehoach.cli.planfolder import plan_folder
            from kehoach.portfolio.layout import locate
            from kehoach.render.problems import render_problems

            root = plan_folder(plan_dir, plan)
            if locate(root).kind == "portfolio":
                _validate_portfolio(root, fmt, as_of_date(as_of), changed, strict)
            checked = open_plan(root, as_of_date(as_of), warnings=True)
            errors, warnings = checked.errors, checked.warnings
            output = render_problems(checked.problems, fmt)
            if output:
                emit(output)
            if fmt == "text":
                echo_err(_summary(checked.plan, errors, warnings, strict))
        raise typer.Exit(1 if errors or (strict and warnings) else 0)


def _noted(warnings: list[Problem], strict: bool) -> str:
    code = "validate-warnings-strict" if strict else "validate-warnings"
    return message_text(code, count=len(warnings))


def _summary(
    plan: Plan | None, errors: list[Problem], warnings: list[Problem], strict: bool
) -> str:
    """The last line of ``kehoach validate``: errors and warnings, counted."""
    if errors:
        return _errors_found(errors, warnings, strict)
    if plan is None:  # pragma: no cover - a plan that cannot be read has errors
        return ""
    code = "validate-failed-strict" if strict and warnings else "validate-ok"
    tail = message_text("validate-tail", warnings=_noted(warnings, strict)) if warnings else ""
    return message_text(
        code,
        tasks=len(plan.tasks),
        bodies=len(plan.bodies.by_id),
        events=len(plan.events),
        tail=tail,
    )


def _errors_found(
    errors: list[Problem], warnings: list[Problem], strict: bool, scope: str = ""
) -> str:
    files = len({p.path for p in errors + warnings})
    also = message_text("validate-also", warnings=_noted(warnings, strict)) if warnings else ""
    return message_text("validate-errors", count=len(errors), also=also, files=files, scope=scope)


def _validate_portfolio(
    root: Path, fmt: str, day: dt.date, changed: bool, strict: bool
) -> NoReturn:
    """Every plan of the portfolio, with each plan's warnings (as for one plan);
    *strict* makes warnings fail."""
    from kehoach.portfolio.changes import changed_plans
    from kehoach.portfolio.checks import validate_portfolio
    from kehoach.portfolio.load import load_registries
    from kehoach.render.problems import render_problems

    only = None
    if changed:
        portfolio, _ = load_registries(root)
        only = changed_plans(root, portfolio.plan_keys())
    portfolio, problems = validate_portfolio(root, day, only=only, warnings=True)
    errors = [p for p in problems if not p.is_warning]
    warnings = [p for p in problems if p.is_warning]
    output = render_problems(problems, fmt)
    if output:
        emit(output)
    if fmt == "text":
        checked = len(portfolio.plans)
        scope = (
            message_text("validate-scope-changed", checked=checked, total=len(portfolio.registries))
            if only is not None
            else message_text("validate-scope", checked=checked)
        )
        if errors:
            in_scope = message_text("validate-in-scope", scope=scope)
            echo_err(_errors_found(errors, warnings, strict, in_scope))
        else:
            tasks = sum(len(plan.tasks) for plan in portfolio.plans.values())
            failed = strict and warnings
            code = "validate-portfolio-failed-strict" if failed else "validate-portfolio-ok"
            tail = (
                message_text("validate-tail", warnings=_noted(warnings, strict)) if warnings else ""
            )
            echo_err(
                message_text(
                    code,
                    scope=scope,
                    tasks=tasks,
                    bodies=len(portfolio.shared.bodies),
                    events=len(portfolio.shared.events),
                    tail=tail,
                )
            )
    raise typer.Exit(1 if errors or (strict and warnings) else 0)
