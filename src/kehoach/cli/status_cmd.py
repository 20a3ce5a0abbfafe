"""``kehoach status``: counts per state and body, as of a day."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from kehoach.cli.common import as_of_date, handled, is_terminal, use_cache
from kehoach.cli.options import (
    AsOf,
    BodyOpt,
    ByOpt,
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

if TYPE_CHECKING:
    from kehoach.evaluation.counting import Tally
    from kehoach.evaluation.evaluate import Evaluation

FORMATS = ("table", "json", "markdown", "csv", "xlsx", "html")


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        plan_dir: PlanArg = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        body: BodyOpt = None,
        fmt: str = format_option(FORMATS, "table"),
        output: OutputFile = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        by: ByOpt = None,
        plan: PlanOrKey = None,
        width: WidthOpt = None,
    ) -> None:
        """Tình hình thực hiện theo cơ quan: số nhiệm vụ theo từng tình trạng. Với thư mục
        nhiều kế hoạch: mỗi kế hoạch một dòng; --by body: mỗi cơ quan một dòng."""
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_target

            root, key = plan_target(plan_dir, plan, plan_ids=True)
            if portfolio_views.is_portfolio_root(root):
                portfolio_views.status(
                    root, as_of_date(as_of), fmt=fmt, by=by, body=body, cutoff=cutoff,
                    plan=key, lang=lang, output=output, width=width,
                )  # fmt: skip
                return
            portfolio_views.plan_options_refused(by=by)
            from kehoach.app import status_summary

            evaluated, figures = status_summary(root, as_of_date(as_of), body=body, cutoff=cutoff)
            _render(evaluated.evaluation, evaluated.body, figures, fmt, lang, output, width)


def _render(
    evaluation: Evaluation, body: str | None, figures: Tally, fmt: str, lang: str,
    output: Path | None, width: int | None,
) -> None:  # fmt: skip
    """Print (or write, for xlsx and html) the status of one plan in *fmt*."""
    from kehoach.render import status as render

    if fmt in ("xlsx", "html"):
        from kehoach.cli.document_options import write_output
        from kehoach.render.reportdata import build_report_data

        data = build_report_data(evaluation, body=body, figures=figures)
        if fmt == "xlsx":
            from kehoach.render.xlsx import status_workbook

            payload = status_workbook(data)
        else:
            from kehoach.render.html_report import render_status_html

            payload = render_status_html(data).encode("utf-8")
        write_output(output, payload, fmt, "tình hình thực hiện")
    elif fmt == "json":
        emit(render.render_json(evaluation, body, figures))
    elif fmt == "csv":
        from kehoach.render.csvout import status_csv

        emit(status_csv(evaluation, body, lang), nl=False)
    elif fmt == "markdown":
        emit(render.render_markdown(evaluation, body, lang, figures))
    else:
        from kehoach.cli.width import output_width

        columns = output_width(width)
        emit(
            render.render_table(
                evaluation, body, lang=lang, color=is_terminal(), width=columns, figures=figures
            )
        )
