"""What ``status``, ``overdue`` and ``report`` print when given a portfolio root.

Each command checks whether its folder is a portfolio and, if so, hands over here: one
use case of :mod:`kehoach.app.portfolio`, one renderer of :mod:`kehoach.render.portfolio`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.cli.common import fail, is_terminal
from kehoach.cli.output import emit, emit_lines
from kehoach.messages import text as message_text


def is_portfolio_root(path: Path) -> bool:
    from kehoach.portfolio.layout import is_portfolio

    return path.is_dir() and is_portfolio(path)


def given(option: str) -> bool:
    """Was *option* (a parameter name) typed on the command line, not left at its default?"""
    from typer._click.core import ParameterSource
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    if ctx is None:
        return True
    return ctx.get_parameter_source(option) not in (None, ParameterSource.DEFAULT)


def only_vietnamese(lang: str) -> None:
    if lang != "vi":
        fail(message_text("portfolio-no-english"))


def plan_options_refused(*, by: str | None = None) -> None:
    """--by plan is for a portfolio; on a single plan it would be ignored."""
    if by == "plan":
        fail(message_text("by-plan-needs-portfolio"))


def _cutoff(cutoff: str) -> str | None:
    return cutoff if given("cutoff") else None  # else the portfolio's kehoach.yaml decides


cutoff_option = _cutoff


def status(
    root: Path,
    day: dt.date,
    *,
    fmt: str,
    by: str | None,
    body: str | None,
    cutoff: str,
    plan: str | None,
    lang: str,
    output: Path | None,
    width: int | None,
) -> None:
    only_vietnamese(lang)
    if fmt == "xlsx":
        fail(message_text("portfolio-no-xlsx"))
    if fmt == "html":
        from kehoach.app.portfolio import portfolio_status
        from kehoach.cli.document_options import write_output
        from kehoach.render.html_report import render_portfolio_html

        found = portfolio_status(root, day, cutoff=_cutoff(cutoff), plan=plan)
        page = render_portfolio_html(found).encode("utf-8")
        write_output(output, page, fmt, "tình hình thực hiện")
        return
    from kehoach.app.portfolio import body_totals, find_portfolio_body, portfolio_status
    from kehoach.render import portfolio as render
    from kehoach.render.portfolio import STATUS_FORMATS

    if fmt not in STATUS_FORMATS:
        fail(message_text("portfolio-status-format", fmt=fmt))
    from kehoach.cli.width import output_width

    columns = output_width(width)
    found = portfolio_status(root, day, cutoff=_cutoff(cutoff), plan=plan, keep="figures")
    if by == "body" or body is not None:
        rows = body_totals(found, find_portfolio_body(found, body))
        if fmt == "json":
            emit(render.render_bodies_json(found, rows))
        elif fmt == "csv":
            emit(render.render_bodies_csv(rows))
        elif fmt == "markdown":
            emit(render.render_bodies_markdown(found, rows), nl=False)
        else:
            emit(render.render_bodies_table(found, rows, color=is_terminal(), width=columns))
        return
    if fmt == "json":
        emit(render.render_status_json(found))
    elif fmt == "csv":
        emit(render.render_status_csv(found))
    elif fmt == "markdown":
        emit(render.render_status_markdown(found), nl=False)
    else:
        emit(render.render_status_table(found, color=is_terminal(), width=columns))


def overdue(
    root: Path,
    day: dt.date,
    *,
    fmt: str,
    body: str | None,
    cutoff: str,
    plan: str | None,
    within: int | None,
    width: int | None,
) -> bool:
    """Print the overdue tasks of every plan; whether there were any."""
    if within is not None:
        fail(message_text("portfolio-no-within"))
    if fmt in ("xlsx", "csv"):
        fail(message_text("portfolio-no-format", fmt=fmt))
    from kehoach.app.portfolio import find_portfolio_body, portfolio_overdue, portfolio_status
    from kehoach.cli.width import output_width
    from kehoach.render import portfolio as render

    found = portfolio_status(root, day, cutoff=_cutoff(cutoff), plan=plan, keep="overdue")
    late = portfolio_overdue(found, find_portfolio_body(found, body))
    if fmt == "json":
        emit(render.render_overdue_json(found, late))
    else:
        emit_lines(
            render.overdue_table_lines(found, late, color=is_terminal(), width=output_width(width))
        )
    return bool(late)


def report(
    root: Path,
    kind: str,
    text: str,
    *,
    day: dt.date | None,
    cutoff: str,
    plan: str | None,
    output: Path | None,
    lang: str,
    fmt: str,
    body: str | None,
) -> None:
    only_vietnamese(lang)
    if fmt not in ("md", "markdown"):
        fail(message_text("portfolio-no-format", fmt=fmt))
    if body is not None:
        fail(message_text("portfolio-no-body-report"))
    from kehoach.app.portfolio import body_totals, portfolio_report
    from kehoach.cli.document_options import write_lines
    from kehoach.render import portfolio as render

    found = portfolio_report(
        root,
        kind,
        text,
        section=render.plan_section,
        as_of=day,
        cutoff=_cutoff(cutoff),
        plan=plan,
    )
    lines = render.report_lines(found, body_totals(found.status))
    write_lines(output, lines, f"báo cáo {found.period.label()}")


def task_target(root: Path, ref: str) -> tuple[Path, str]:
    """The plan folder and task id a ``PLAN:TASK`` reference (or a bare id) names."""
    from kehoach.app.portfolio import split_task_ref

    return split_task_ref(root, ref)


def update_targets(root: Path, refs: list[str]) -> tuple[Path, list[str]]:
    """The one plan folder that ``update PLAN:TASK …`` writes to and the bare task ids."""
    targets = [task_target(root, ref) for ref in refs]
    folders = sorted({folder for folder, _ in targets})
    if len(folders) > 1:
        names = ", ".join(folder.name for folder in folders)
        fail(message_text("update-one-plan-only", names=names))
    return folders[0], [task for _, task in targets]


def event_target(root: Path, ref: str) -> tuple[Path, str]:
    """The plan folder through which ``event`` records *ref* (``PLAN:EVENT`` or an id)."""
    from kehoach.app.portfolio import split_event_ref

    return split_event_ref(root, ref)


def tasks(
    root: Path,
    day: dt.date,
    *,
    fmt: str,
    body: str | None,
    cutoff: str,
    plan: str | None,
    width: int | None,
) -> None:
    """Every task of every plan (or of one), each addressed as ``PLAN:TASK``."""
    import json

    from kehoach.cli.width import output_width

    if fmt in ("xlsx", "csv"):
        fail(message_text("portfolio-no-format", fmt=fmt))

    from kehoach.app.portfolio import find_portfolio_body, portfolio_status
    from kehoach.render.tasks import render_tasks_table, task_record
    from kehoach.render.textgrid import wrapped

    columns = output_width(width)

    found = portfolio_status(root, day, cutoff=_cutoff(cutoff), plan=plan)
    body_id = find_portfolio_body(found, body)
    if fmt == "json":
        records = [
            {"plan": f.key, "ref": f"{f.key}:{s.id}", **task_record(found.evaluation(f.key), s)}
            for f in found.plans
            for s in found.evaluation(f.key).states
            if body_id is None or s.entry.body == body_id
        ]
        emit(json.dumps(records, ensure_ascii=False, indent=2))
        return
    parts = []
    for f in found.plans:
        evaluation = found.evaluation(f.key)
        table = render_tasks_table(evaluation, body_id, width=columns, color=is_terminal())
        if table:
            head = "\n".join(wrapped(f"== {f.key}: {f.title}", columns))
            parts.append(f"{head}\n{table}")
    emit("\n\n".join(parts))
