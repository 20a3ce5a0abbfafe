"""``kehoach report``: the period report as Markdown, Word (docx), Excel (xlsx) or HTML."""

from __future__ import annotations

import typer

from kehoach.cli import document_options as doc
from kehoach.cli.common import as_of_date, handled, period_choice, use_cache
from kehoach.cli.options import (
    AsOf,
    BodyOpt,
    Cutoff,
    Half,
    Lang,
    NoCache,
    OutputFile,
    PlanArg,
    PlanOrKey,
    Quarter,
    Year,
    format_option,
)

FORMATS = ("md", "markdown", "docx", "xlsx", "html")


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report(
        plan_dir: PlanArg = None,
        quarter: Quarter = None,
        half: Half = None,
        year: Year = None,
        as_of: AsOf = None,
        no_cache: NoCache = False,
        output: OutputFile = None,
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
        plan: PlanOrKey = None,
        body: BodyOpt = None,
        fmt: str = format_option(FORMATS, "md"),
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
        Đảng, Excel hoặc một trang HTML; mặc định tính đến cuối kỳ. --body: báo cáo riêng
        của một cơ quan (việc chủ trì và phối hợp)."""
        kind, text = period_choice(quarter, half, year)
        if fmt in ("md", "markdown"):  # a Markdown report takes none: never dropped silently
            given = {
                "--narrative": narrative, "--number": number, "--place": place,
                "--date": issue_date, "--signer": signer, "--signer-title": signer_title,
                "--on-behalf": on_behalf, "--recipient": recipient, "--superior": superior,
            }  # fmt: skip
            unused = [name for name, value in given.items() if value]
            if unused:
                from kehoach.cli.common import fail
                from kehoach.messages import text as message_text

                fail(message_text("report-options-unused", options=", ".join(unused)))
        use_cache(not no_cache)
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_target

            root, key = plan_target(plan_dir, plan, plan_ids=True)
            day = as_of_date(as_of) if as_of else None
            if portfolio_views.is_portfolio_root(root):
                portfolio_views.report(
                    root, kind, text, day=day, cutoff=cutoff, plan=key, output=output,
                    lang=lang, fmt=fmt, body=body,
                )  # fmt: skip
                return
            from kehoach.app import build_report

            found = build_report(root, kind, text, as_of=day, cutoff=cutoff, body=body)
            what = f"báo cáo {found.period.label(lang)}"
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
                doc.write_output(output, payload, fmt, what)
                return
            from kehoach.render.report import report_lines

            lines = report_lines(found.evaluation, found.period, lang, body=found.body)
            doc.write_lines(output, lines, what)
