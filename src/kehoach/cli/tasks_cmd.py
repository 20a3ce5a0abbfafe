"""``kehoach tasks``: every task, sub-tasks included, for people or scripts."""

from __future__ import annotations

from typing import Annotated

import typer

from kehoach.cli.common import as_of_date, handled, is_terminal, use_cache
from kehoach.cli.options import (
    AsOf,
    BodyOpt,
    Cutoff,
    Lang,
    NoCache,
    OutputFile,
    PlanArg,
    PlanOrKey,
    WidthOpt,
    format_option,
)
from kehoach.cli.output import emit

FORMATS = ("table", "json", "csv", "xlsx")


def register(app: typer.Typer) -> None:
    @app.command("tasks")
    def tasks(
        plan_dir: PlanArg = None,
        fmt: str = format_option(FORMATS, "table"),
        output: OutputFile = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        body: BodyOpt = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        plan: PlanOrKey = None,
        state: Annotated[
            str | None,
            typer.Option(
                "--state",
                metavar="TÌNH_TRẠNG",
                help="Chỉ nhiệm vụ có tình trạng này, ví dụ quá-hạn,chưa-cập-nhật "
                "(có dấu hay không dấu).",
                show_default=False,
            ),
        ] = None,
        search: Annotated[
            str | None,
            typer.Option(
                "--search",
                metavar="CHỮ",
                help="Chỉ nhiệm vụ có cụm chữ này trong mã, nội dung, thời hạn (có dấu hay "
                "không dấu đều được).",
                show_default=False,
            ),
        ] = None,
        width: WidthOpt = None,
    ) -> None:
        """Liệt kê mọi nhiệm vụ (kể cả nhiệm vụ con) với thời hạn và tình trạng (thư mục
        nhiều kế hoạch: theo từng kế hoạch, mã dạng KẾ_HOẠCH:NHIỆM_VỤ)."""
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_target

            root, key = plan_target(plan_dir, plan, plan_ids=True)
            if portfolio_views.is_portfolio_root(root):
                portfolio_views.tasks(
                    root, as_of_date(as_of), fmt=fmt, body=body, cutoff=cutoff, plan=key,
                    width=width,
                )  # fmt: skip
                return
            from kehoach.app.tasks_view import task_list

            found = task_list(
                root, as_of_date(as_of), body=body, cutoff=cutoff, state=state, search=search
            )
            evaluation, body_id, shown = found.evaluation, found.body, found.shown
            if fmt == "csv":
                from kehoach.render.csvout import tasks_csv

                emit(tasks_csv(evaluation, shown, lang), nl=False)
            elif fmt == "xlsx":
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import task_lines
                from kehoach.render.xlsx import tasks_workbook

                payload = tasks_workbook(task_lines(evaluation, shown), evaluation.as_of)
                write_output(output, payload, fmt, "danh sách nhiệm vụ")
            elif fmt == "json":
                from kehoach.render.tasks import render_tasks_json

                emit(render_tasks_json(evaluation, body_id, shown))
            else:
                from kehoach.cli.width import output_width
                from kehoach.render.tasks import render_tasks_table

                table = render_tasks_table(
                    evaluation, body_id, shown, width=output_width(width), color=is_terminal()
                )
                emit(table)
