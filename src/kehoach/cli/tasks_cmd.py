"""``kehoach tasks``: every task, sub-tasks included, for people or scripts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import (
    AsOf,
    BodyOpt,
    Cutoff,
    Lang,
    NoCache,
    PlanDir,
    PlanOpt,
    as_of_date,
    choice,
    fail,
    handled,
    use_cache,
)
from kehoach.cli.width import WidthOpt

FORMATS = ("table", "json", "csv", "xlsx")


def register(app: typer.Typer) -> None:
    @app.command("tasks")
    def tasks(
        plan_dir: PlanDir = Path("plan"),
        fmt: Annotated[
            str, typer.Option("--format", "-f", metavar="DẠNG", help="table | json | csv | xlsx")
        ] = "table",
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                metavar="TỆP",
                help="Ghi ra tệp (bắt buộc với xlsx).",
                show_default=False,
            ),
        ] = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        body: BodyOpt = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        plan: PlanOpt = None,
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
        choice(fmt, FORMATS, "--format")
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views

            if (root := portfolio_views.portfolio_root(plan_dir)) is not None:
                plan_dir = root  # a portfolio: the folder named, or the working folder
                if fmt in ("xlsx", "csv"):
                    fail(f"--format {fmt} chưa dùng được với thư mục nhiều kế hoạch.")
                portfolio_views.tasks(
                    plan_dir, as_of_date(as_of), fmt=fmt, body=body, cutoff=cutoff, plan=plan
                )
                return
            portfolio_views.plan_options_refused(plan=plan)
            from kehoach.app import evaluate_plan
            from kehoach.render.tasks import render_tasks_json, render_tasks_table
            from kehoach.selection import listed, parse_states

            wanted = parse_states(state) if state else None
            evaluated = evaluate_plan(plan_dir, as_of_date(as_of), body=body, cutoff=cutoff)
            evaluation, body_id = evaluated.evaluation, evaluated.body
            shown = listed(evaluation, body=body_id, states=wanted, search=search)
            if fmt == "csv":
                from kehoach.render.csvout import tasks_csv

                typer.echo(tasks_csv(evaluation, shown, lang), nl=False)
            elif fmt == "xlsx":
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import task_lines
                from kehoach.render.xlsx import tasks_workbook

                chosen = shown
                payload = tasks_workbook(task_lines(evaluation, chosen), evaluation.as_of)
                write_output(output, payload, fmt, "danh sách nhiệm vụ")
            elif fmt == "json":
                typer.echo(render_tasks_json(evaluation, body_id, shown))
            else:
                from kehoach.cli.width import output_width

                typer.echo(
                    render_tasks_table(evaluation, body_id, shown, width=output_width(width))
                )
