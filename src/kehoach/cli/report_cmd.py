"""``kehoach report``: the period report as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import (
    AsOf,
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


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        plan_dir: PlanDir = Path("plan"),
        quarter: Annotated[
            str | None,
            typer.Option("--quarter", metavar="KỲ", help="Quý, ví dụ 2019-Q3.", show_default=False),
        ] = None,
        half: Annotated[
            str | None,
            typer.Option(
                "--half", metavar="KỲ", help="6 tháng, ví dụ 2019-H1.", show_default=False
            ),
        ] = None,
        year: Annotated[
            str | None,
            typer.Option("--year", metavar="NĂM", help="Năm, ví dụ 2019.", show_default=False),
        ] = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                metavar="TỆP",
                help="Ghi báo cáo ra tệp Markdown.",
                show_default=False,
            ),
        ] = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        plan: PlanOpt = None,
    ) -> None:
        """Báo cáo định kỳ (quý, 6 tháng, năm) dạng Markdown; mặc định tính đến cuối kỳ."""
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        given = [(k, v) for k, v in (("quarter", quarter), ("half", half), ("year", year)) if v]
        if len(given) != 1:
            fail(
                "Hãy chọn đúng một kỳ báo cáo: --quarter 2019-Q3, --half 2019-H1 hoặc --year 2019."
            )
        kind, text = given[0]
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views

            if portfolio_views.is_portfolio_root(plan_dir):
                portfolio_views.only_vietnamese(lang)
                portfolio_views.report(
                    plan_dir,
                    kind,
                    text,
                    day=as_of_date(as_of) if as_of else None,
                    cutoff=cutoff,
                    plan=plan,
                    output=output,
                )
                return
            portfolio_views.plan_options_refused(plan=plan)
            from kehoach.app import build_report
            from kehoach.atomic import write_atomic
            from kehoach.render.report import render_report

            day = as_of_date(as_of) if as_of else None
            found = build_report(plan_dir, kind, text, as_of=day, cutoff=cutoff)
            period = found.period
            markdown = render_report(found.evaluation, period, lang)
            if output is None:
                typer.echo(markdown, nl=False)
                return
            if output.parent and not output.parent.is_dir():
                fail(f"Thư mục '{output.parent}' không tồn tại.")
            write_atomic(output, markdown)
            typer.echo(f"Đã ghi báo cáo {period.label(lang)} vào {output}", err=True)
