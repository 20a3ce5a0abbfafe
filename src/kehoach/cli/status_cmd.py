"""``kehoach status``: counts per state and body, as of a day."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import (
    AsOf,
    BodyOpt,
    ByOpt,
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

FORMATS = ("table", "json", "markdown", "csv", "xlsx", "html")


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        plan_dir: PlanDir = Path("plan"),
        as_of: AsOf = None,
        no_cache: NoCache = False,
        body: BodyOpt = None,
        fmt: Annotated[
            str,
            typer.Option(
                "--format", "-f", metavar="DẠNG", help="table|json|markdown|csv|xlsx|html"
            ),
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
        lang: Lang = "vi",
        by: ByOpt = None,
        plan: PlanOpt = None,
        width: WidthOpt = None,
    ) -> None:
        """Tình hình thực hiện theo cơ quan: số nhiệm vụ theo từng tình trạng. Với thư mục
        nhiều kế hoạch: mỗi kế hoạch một dòng; --by body: mỗi cơ quan một dòng."""
        choice(fmt, FORMATS, "--format")
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        if by is not None:
            choice(by, ("plan", "body"), "--by")
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views

            if (root := portfolio_views.portfolio_root(plan_dir)) is not None:
                plan_dir = root  # a portfolio: the folder named, or the working folder
                portfolio_views.only_vietnamese(lang)
                if fmt == "xlsx":
                    fail("--format xlsx chưa dùng được với thư mục nhiều kế hoạch.")
                if fmt == "html":
                    from kehoach.app.portfolio import portfolio_status
                    from kehoach.cli.document_options import write_output
                    from kehoach.render.html_report import render_portfolio_html

                    found = portfolio_status(
                        plan_dir, as_of_date(as_of), cutoff=portfolio_views.cutoff_option(cutoff),
                        plan=plan,
                    )  # fmt: skip
                    page = render_portfolio_html(found).encode("utf-8")
                    write_output(output, page, fmt, "tình hình thực hiện")
                    return
                portfolio_views.status(
                    plan_dir,
                    as_of_date(as_of),
                    fmt=fmt,
                    by=by,
                    body=body,
                    cutoff=cutoff,
                    plan=plan,
                )
                return
            portfolio_views.plan_options_refused(plan=plan, by=by)
            from kehoach.app import status_summary
            from kehoach.render import status as render

            evaluated, _ = status_summary(plan_dir, as_of_date(as_of), body=body, cutoff=cutoff)
            evaluation, body_id = evaluated.evaluation, evaluated.body
            if fmt in ("xlsx", "html"):
                from kehoach.cli.document_options import write_output
                from kehoach.render.reportdata import build_report_data

                data = build_report_data(evaluation, body=body_id)
                if fmt == "xlsx":
                    from kehoach.render.xlsx import status_workbook

                    payload = status_workbook(data)
                else:
                    from kehoach.render.html_report import render_status_html

                    payload = render_status_html(data).encode("utf-8")
                write_output(output, payload, fmt, "tình hình thực hiện")
            elif fmt == "json":
                typer.echo(render.render_json(evaluation, body_id))
            elif fmt == "csv":
                from kehoach.render.csvout import status_csv

                typer.echo(status_csv(evaluation, body_id, lang), nl=False)
            elif fmt == "markdown":
                typer.echo(render.render_markdown(evaluation, body_id, lang))
            else:
                from kehoach.cli.width import NARROW, output_width

                columns = output_width(width)
                if columns < NARROW and lang == "vi":
                    from kehoach.render.narrow import status_list

                    typer.echo(status_list(evaluation, body_id, columns))
                else:
                    table = render.render_table(
                        evaluation, body_id, lang=lang, color=is_terminal(), width=columns
                    )
                    typer.echo(table)
