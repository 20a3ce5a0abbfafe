"""One entry point for the report as a document: docx, xlsx or html bytes.

Heavy libraries (python-docx, openpyxl) are imported only here, only for the format
asked for.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from kehoach.app import ReportInput
from kehoach.render.narrative import Narrative, load_narrative
from kehoach.render.reportdata import build_report_data
from kehoach.render.reportform import FormOptions, build_form

DOCUMENT_FORMATS = ("docx", "xlsx", "html")


def render_report_document(
    fmt: str,
    found: ReportInput,
    *,
    narrative: Path | None = None,
    options: FormOptions | None = None,
) -> bytes:
    """*found* is what ``kehoach.app.build_report`` returned; its figures are used as they
    are. A body's own report (``found.body``) is issued by that body."""
    evaluation, period = found.evaluation, found.period
    data = build_report_data(evaluation, period, found.body, figures=found.figures)
    options = options or FormOptions()
    if found.body is not None and options.issuer is None:  # the body reports on its tasks
        options = dataclasses.replace(options, issuer=evaluation.plan.bodies.name(found.body))
    form = build_form(evaluation.plan.info, period, evaluation.as_of, options)
    prose = load_narrative(narrative) if narrative is not None else Narrative()
    if fmt == "docx":
        from kehoach.render.docx_report import render_docx

        return render_docx(data, form, prose)
    if fmt == "xlsx":
        from kehoach.render.xlsx import report_workbook

        return report_workbook(data)
    from kehoach.render.html_report import render_report_html

    return render_report_html(data, form, prose).encode("utf-8")
