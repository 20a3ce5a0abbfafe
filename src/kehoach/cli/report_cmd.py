"""``kehoach report``: the period report as Markdown, Word (docx), Excel (xlsx) or HTML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli import document_options as doc
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
                help="Ghi báo cáo ra tệp (bắt buộc với docx, xlsx).",
                show_default=False,
            ),
        ] = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        plan: PlanOpt = None,
        body: Annotated[
            str | None,
            typer.Option(
                "--body",
                metavar="MÃ",
                help="Báo cáo riêng của một cơ quan (việc chủ trì và phối hợp).",
                show_default=False,
            ),
        ] = None,
        fmt: Annotated[
            str,
            typer.Option("--format", "-f", metavar="DẠNG", help="md | docx | xlsx | html"),
        ] = "md",
        narrative: doc.Narrative = None,
        number: doc.Number = None,
        place: doc.Place = None,
        issue_date: doc.IssueDate = None,
        signer: doc.Signer = None,
        signer_title: doc.SignerTitle = None,
        on_behalf: doc.OnBehalf = None,
        recipient: doc.Recipient = None,
        superior: doc.Superior = None,
    ) -> None:
        """Báo cáo định kỳ (quý, 6 tháng, năm): Markdown, Word theo thể thức văn bản của
        Đảng, Excel hoặc một trang HTML; mặc định tính đến cuối kỳ."""
        choice(fmt, ("md", "markdown", "docx", "xlsx", "html"), "--format")
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

            if (root := portfolio_views.portfolio_root(plan_dir)) is not None:
                plan_dir = root  # a portfolio: the folder named, or the working folder
                portfolio_views.only_vietnamese(lang)
                if fmt not in ("md", "markdown"):
                    fail(f"--format {fmt} chưa dùng được với thư mục nhiều kế hoạch.")
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
            found = build_report(plan_dir, kind, text, as_of=day, cutoff=cutoff, body=body)
            period = found.period
            if fmt in ("docx", "xlsx", "html"):
                from kehoach.render.documents import render_report_document

                options = doc.form_options(
                    number=number,
                    place=place,
                    date=issue_date,
                    signer=signer,
                    signer_title=signer_title,
                    on_behalf=on_behalf,
                    recipients=recipient,
                    superior=superior,
                )
                payload = render_report_document(fmt, found, narrative=narrative, options=options)
                doc.write_output(output, payload, fmt, f"báo cáo {period.label(lang)}")
                return
            markdown = render_report(found.evaluation, period, lang)
            if body is not None:
                from kehoach.app import find_body

                plan_info = found.evaluation.plan
                body_id = find_body(plan_info, body)
                assert body_id is not None
                head, _, rest = markdown.partition("\n")
                label = "Cơ quan" if lang == "vi" else "Body"
                markdown = f"{head}\n\n**{label}: {plan_info.bodies.name(body_id)}**\n{rest}"
            if output is None:
                typer.echo(markdown, nl=False)
                return
            if output.parent and not output.parent.is_dir():
                fail(f"Thư mục '{output.parent}' không tồn tại.")
            write_atomic(output, markdown)
            typer.echo(f"Đã ghi báo cáo {period.label(lang)} vào {output}", err=True)
