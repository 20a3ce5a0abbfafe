"""``kehoach import``: the first draft of a plan directory from a plan document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from kehoach.portfolio.importing import IntoResult

from kehoach.cli.common import as_of_date, echo_err, fail, handled
from kehoach.cli.options import AsOf
from kehoach.messages import os_reason
from kehoach.messages import text as message_text

Document = Annotated[
    Path,
    typer.Argument(
        help="Văn bản kế hoạch: .docx, .xlsx, .csv, .txt hoặc .md.",
        show_default=False,
        metavar="VĂN_BẢN",
    ),
]
OutDir = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="THƯ_MỤC",
        help="Thư mục kế hoạch sẽ tạo (mặc định: mã kế hoạch).",
        show_default=False,
    ),
]
PlanId = Annotated[
    str | None,
    typer.Option(
        "--plan-id",
        metavar="MÃ",
        help="Mã kế hoạch (mặc định: tên tệp, bỏ dấu).",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Ghi đè thư mục đã có.")]
Into = Annotated[
    Path | None,
    typer.Option(
        "--into",
        metavar="THƯ_MỤC",
        help="Thêm vào thư mục nhiều kế hoạch (plans/<mã>/), dùng danh mục cơ quan chung.",
        show_default=False,
    ),
]
Report = Annotated[
    Path | None,
    typer.Option(
        "--report",
        metavar="TỆP",
        help="Ghi toàn bộ bảng đối chiếu (mỗi đoạn, mỗi hàng bảng đã vào đâu) ra tệp JSON.",
        show_default=False,
    ),
]


def _report_bodies(result: IntoResult) -> None:
    """Which bodies matched the shared registry, which are new, and which may be duplicates."""
    matched, added = result.matched, result.added
    echo_err(message_text("import-bodies-summary", matched=len(matched), added=len(added)))
    for body in added:
        if body.plan is not None:
            echo_err(
                message_text(
                    "import-body-shared", body_id=body.body_id, name=body.name, plan=body.plan
                )
            )
            continue
        echo_err(message_text("import-body-new", body_id=body.body_id, name=body.name))
        for candidate in body.likely:
            echo_err(
                message_text(
                    "import-body-maybe-same", body_id=candidate.body_id, name=candidate.name
                )
            )


def _write_report(path: Path, data: dict[str, object]) -> None:
    import json

    from kehoach.errors import InputError

    try:
        path.write_text(
            json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8"
        )
    except OSError as exc:
        raise InputError(
            message_text("import-report-write-failed", path=path, reason=os_reason(exc))
        ) from exc


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_(
        document: Document,
        out: OutDir = None,
        plan_id: PlanId = None,
        force: Force = False,
        into: Into = None,
        report: Report = None,
        as_of: AsOf = None,
    ) -> None:
        """Nhập văn bản kế hoạch thành thư mục kế hoạch; mã thoát 0 xong, 1 kế hoạch có lỗi,
        2 không đọc được văn bản hoặc thư mục đã có."""
        if into is not None and out is not None:
            fail(message_text("import-out-or-into"))
        failed = False
        with handled():
            from kehoach.checks import validate

            day = as_of_date(as_of)
            from kehoach.importer import NoTasksFound, import_document

            try:
                if into is not None:
                    from kehoach.portfolio.checks import validate_portfolio
                    from kehoach.portfolio.importing import import_into

                    into_result = import_into(document, into, plan_id=plan_id, force=force)
                    result = into_result.imported
                    _, problems = validate_portfolio(into, day, only={result.plan_id})
                    _report_bodies(into_result)
                else:
                    result = import_document(document, out, plan_id=plan_id, force=force)
                    _, problems = validate(result.out, day)
            except NoTasksFound as exc:
                for line in exc.summary:
                    echo_err(line)
                if report is not None:
                    _write_report(report, exc.report)
                raise
            echo_err(
                message_text(
                    "import-done",
                    name=document.name,
                    out=result.out,
                    tasks=result.tasks,
                    bodies=result.bodies,
                    events=result.events,
                    sections=result.sections,
                )
            )
            for line in result.summary:
                echo_err(line)
            problems_text = [u for u in result.unplaced if u.reason.startswith("thời hạn")]
            if problems_text:
                echo_err(message_text("import-deadlines-to-review", count=len(problems_text)))
                for item in problems_text:
                    text = item.text if len(item.text) <= 120 else item.text[:117] + "…"
                    echo_err(
                        message_text(
                            "import-deadline-line",
                            where=item.where or f"dòng {item.line}",
                            reason=item.reason,
                            text=text,
                        )
                    )
            if report is not None and result.report:
                _write_report(report, result.report)
            for problem in problems:
                echo_err(problem.render())
            failed = bool(problems)
            if failed:
                echo_err(message_text("import-result-invalid", count=len(problems)))
            typer.echo(str(result.out))
        raise typer.Exit(1 if failed else 0)
