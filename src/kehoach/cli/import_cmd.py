"""``kehoach import``: the first draft of a plan directory from a plan document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import echo_err, handled

Document = Annotated[
    Path,
    typer.Argument(
        help="Văn bản kế hoạch: .txt, .md hoặc .docx.", show_default=False, metavar="VĂN_BẢN"
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


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_(
        document: Document,
        out: OutDir = None,
        plan_id: PlanId = None,
        force: Force = False,
    ) -> None:
        """Nhập văn bản kế hoạch thành thư mục kế hoạch; mã thoát 0 xong, 1 kế hoạch có lỗi,
        2 không đọc được văn bản hoặc thư mục đã có."""
        failed = False
        with handled():
            import datetime as dt

            from kehoach.checks import validate
            from kehoach.importer import import_document

            result = import_document(document, out, plan_id=plan_id, force=force)
            _, problems = validate(result.out, dt.date.today())
            echo_err(
                f"Đã nhập '{document.name}' vào '{result.out}': {result.tasks} nhiệm vụ, "
                f"{result.bodies} cơ quan, {result.events} sự kiện, {result.sections} mục."
            )
            if result.unplaced:
                echo_err(f"Chưa xếp được {len(result.unplaced)} đoạn (đã ghi chú cuối plan.yaml):")
                for item in result.unplaced:
                    text = item.text if len(item.text) <= 120 else item.text[:117] + "…"
                    echo_err(f"  dòng {item.line} ({item.reason}): {text}")
            for problem in problems:
                echo_err(problem.render())
            failed = bool(problems)
            if failed:
                echo_err(
                    f"Kế hoạch vừa nhập có {len(problems)} lỗi; "
                    "hãy sửa rồi chạy 'kehoach validate'."
                )
            typer.echo(str(result.out))
        raise typer.Exit(1 if failed else 0)
