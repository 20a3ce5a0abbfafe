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
    ) -> None:
        """Liệt kê mọi nhiệm vụ (kể cả nhiệm vụ con) với thời hạn và tình trạng (thư mục
        nhiều kế hoạch: theo từng kế hoạch, mã dạng KẾ_HOẠCH:NHIỆM_VỤ)."""
        choice(fmt, FORMATS, "--format")
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views

            if portfolio_views.is_portfolio_root(plan_dir):
                if fmt in ("xlsx", "csv"):
                    fail(f"--format {fmt} chưa dùng được với thư mục nhiều kế hoạch.")
                portfolio_views.tasks(
                    plan_dir, as_of_date(as_of), fmt=fmt, body=body, cutoff=cutoff, plan=plan
                )
                return
            portfolio_views.plan_options_refused(plan=plan)
            from kehoach.app import evaluate_plan
            from kehoach.render.tasks import render_tasks_json, render_tasks_table

            evaluated = evaluate_plan(plan_dir, as_of_date(as_of), body=body, cutoff=cutoff)
            evaluation, body_id = evaluated.evaluation, evaluated.body
            if fmt == "csv":
                from kehoach.render.csvout import tasks_csv

                chosen = [
                    s for s in evaluation.states if body_id is None or s.entry.body == body_id
                ]
                typer.echo(tasks_csv(evaluation, chosen, lang), nl=False)
            elif fmt == "xlsx":
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import task_lines
                from kehoach.render.xlsx import tasks_workbook

                chosen = [
                    s for s in evaluation.states if body_id is None or s.entry.body == body_id
                ]
                payload = tasks_workbook(task_lines(evaluation, chosen), evaluation.as_of)
                write_output(output, payload, fmt, "danh sách nhiệm vụ")
            elif fmt == "json":
                typer.echo(render_tasks_json(evaluation, body_id))
            else:
                typer.echo(render_tasks_table(evaluation, body_id))
