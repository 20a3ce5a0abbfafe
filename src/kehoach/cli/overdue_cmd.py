"""``kehoach overdue``: what is late (and, with --within, what falls due soon)."""

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
    is_terminal,
    use_cache,
)
from kehoach.cli.width import WidthOpt


def register(app: typer.Typer) -> None:
    @app.command("overdue")
    def overdue(
        plan_dir: PlanDir = Path("plan"),
        as_of: AsOf = None,
        no_cache: NoCache = False,
        within: Annotated[
            int | None,
            typer.Option(
                "--within",
                metavar="SỐ_NGÀY",
                help="Liệt kê cả nhiệm vụ đến hạn trong N ngày tới.",
                show_default=False,
            ),
        ] = None,
        body: BodyOpt = None,
        fail_on_overdue: Annotated[
            bool, typer.Option("--fail", help="Thoát với mã 1 nếu có nhiệm vụ quá hạn (cho CI).")
        ] = False,
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
        cutoff: Cutoff = "calendar",
        width: WidthOpt = None,
        lang: Lang = "vi",
        plan: PlanOpt = None,
    ) -> None:
        """Nhiệm vụ quá hạn, quá hạn lâu nhất lên đầu, kèm cơ quan chủ trì và số ngày
        (thư mục nhiều kế hoạch: trên mọi kế hoạch, kèm mã kế hoạch)."""
        choice(fmt, ("table", "json", "csv", "xlsx"), "--format")
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views

            if (root := portfolio_views.portfolio_root(plan_dir)) is not None:
                plan_dir = root  # a portfolio: the folder named, or the working folder
                if within is not None:
                    fail("--within chưa dùng được với thư mục nhiều kế hoạch.")
                if fmt in ("xlsx", "csv"):
                    fail(f"--format {fmt} chưa dùng được với thư mục nhiều kế hoạch.")
                any_late = portfolio_views.overdue(
                    plan_dir, as_of_date(as_of), fmt=fmt, body=body, cutoff=cutoff, plan=plan
                )
                if fail_on_overdue and any_late:
                    raise typer.Exit(1)
                return
            portfolio_views.plan_options_refused(plan=plan)
            from kehoach.app import overdue_list
            from kehoach.render.overdue import render_overdue_json, render_overdue_table

            found = overdue_list(
                plan_dir, as_of_date(as_of), within=within, body=body, cutoff=cutoff
            )
            ev = found.evaluation
            if fmt == "csv":
                from kehoach.render.csvout import overdue_csv

                typer.echo(overdue_csv(ev, found.late, lang), nl=False)
            elif fmt == "xlsx":
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import task_lines
                from kehoach.render.xlsx import overdue_workbook

                payload = overdue_workbook(task_lines(ev, found.late), ev.as_of)
                write_output(output, payload, fmt, "danh sách nhiệm vụ quá hạn")
            elif fmt == "json":
                typer.echo(render_overdue_json(ev, found.late, found.soon))
            else:
                from kehoach.cli.width import output_width

                typer.echo(
                    render_overdue_table(
                        ev,
                        found.late,
                        found.soon,
                        within,
                        color=is_terminal(),
                        width=output_width(width),
                    )
                )
        if fail_on_overdue and found.late:
            raise typer.Exit(1)
