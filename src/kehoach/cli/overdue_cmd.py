"""``kehoach overdue``: what is late (and, with --within, what falls due soon)."""

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
from kehoach.cli.output import emit, emit_lines

FORMATS = ("table", "json", "csv", "xlsx")


def register(app: typer.Typer) -> None:
    @app.command("overdue")
    def overdue(
        plan_dir: PlanArg = None,
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
        fmt: str = format_option(FORMATS, "table"),
        output: OutputFile = None,
        cutoff: Cutoff = "calendar",
        width: WidthOpt = None,
        lang: Lang = "vi",
        plan: PlanOrKey = None,
    ) -> None:
        """Nhiệm vụ quá hạn, quá hạn lâu nhất lên đầu, kèm cơ quan chủ trì và số ngày
        (thư mục nhiều kế hoạch: trên mọi kế hoạch, kèm mã kế hoạch)."""
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_target

            root, key = plan_target(plan_dir, plan, plan_ids=True)
            if portfolio_views.is_portfolio_root(root):
                any_late = portfolio_views.overdue(
                    root, as_of_date(as_of), fmt=fmt, body=body, cutoff=cutoff, plan=key,
                    within=within, width=width,
                )  # fmt: skip
                if fail_on_overdue and any_late:
                    raise typer.Exit(1)
                return
            from kehoach.app import overdue_list

            found = overdue_list(root, as_of_date(as_of), within=within, body=body, cutoff=cutoff)
            ev = found.evaluation
            if fmt == "csv":
                from kehoach.render.csvout import overdue_csv

                emit(overdue_csv(ev, found.late, lang), nl=False)
            elif fmt == "xlsx":
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import overdue_lines
                from kehoach.render.xlsx import overdue_workbook

                payload = overdue_workbook(overdue_lines(ev, found.late), ev.as_of)
                write_output(output, payload, fmt, "danh sách nhiệm vụ quá hạn")
            elif fmt == "json":
                from kehoach.render.overdue import render_overdue_json

                emit(render_overdue_json(ev, found.late, found.soon))
            else:
                from kehoach.cli.width import output_width
                from kehoach.render.overdue import overdue_table_lines

                lines = overdue_table_lines(
                    ev, found.late, found.soon, within, color=is_terminal(),
                    width=output_width(width),
                )  # fmt: skip
                emit_lines(lines)
        if fail_on_overdue and found.late:
            raise typer.Exit(1)
