"""Options of the document formats (docx, xlsx, html): where to write, the narrative
file and the parts of the Party document header and signature a user may override."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.common import fail
from kehoach.messages import text as message_text

if TYPE_CHECKING:
    from kehoach.render.reportform import FormOptions

BINARY = ("docx", "xlsx")

Narrative = Annotated[
    Path | None,
    typer.Option(
        "--narrative",
        metavar="TỆP",
        help="Phần lời của báo cáo (Markdown hoặc YAML, theo mục I–IV).",
        show_default=False,
    ),
]
Number = Annotated[
    str | None,
    typer.Option("--number", metavar="SỐ", help="Số báo cáo (Số …-BC/TU).", show_default=False),
]
Place = Annotated[
    str | None,
    typer.Option(
        "--place", metavar="ĐỊA_DANH", help="Địa danh ở dòng ngày tháng.", show_default=False
    ),
]
IssueDate = Annotated[
    str | None,
    typer.Option(
        "--date", metavar="NGÀY", help="Ngày ký báo cáo; bỏ trống để điền tay.", show_default=False
    ),
]
Signer = Annotated[
    str | None,
    typer.Option("--signer", metavar="HỌ_TÊN", help="Họ tên người ký.", show_default=False),
]
SignerTitle = Annotated[
    str | None,
    typer.Option("--signer-title", metavar="CHỨC_VỤ", help="Chức vụ người ký.", show_default=False),
]
OnBehalf = Annotated[
    str | None,
    typer.Option(
        "--on-behalf",
        metavar="T/M",
        help="Quyền hạn ký, ví dụ 'T/M Ban Thường vụ'.",
        show_default=False,
    ),
]
Recipient = Annotated[
    list[str] | None,
    typer.Option(
        "--recipient",
        metavar="NƠI_NHẬN",
        help="Nơi nhận (lặp lại cho mỗi nơi).",
        show_default=False,
    ),
]
Superior = Annotated[
    str | None,
    typer.Option(
        "--superior",
        metavar="TÊN",
        help="Cơ quan cấp trên trực tiếp (dòng đầu tiêu đề).",
        show_default=False,
    ),
]


def form_options(
    *,
    number: str | None,
    place: str | None,
    date: str | None,
    signer: str | None,
    signer_title: str | None,
    on_behalf: str | None,
    recipients: list[str] | None,
    superior: str | None,
) -> FormOptions:
    from kehoach.dates import parse_user_date
    from kehoach.render.reportform import FormOptions

    return FormOptions(
        superior=superior,
        number=number,
        place=place,
        date=parse_user_date(date, what="ngày --date") if date else None,
        signer=signer,
        position=signer_title,
        on_behalf=on_behalf,
        recipients=list(recipients) if recipients else None,
    )


def write_output(output: Path | None, payload: bytes, fmt: str, what: str) -> None:
    """Binary documents go to a file (-o); text may go to standard output."""
    from kehoach.atomic import write_atomic

    if output is None:
        if fmt in BINARY:
            fail(message_text("output-file-needed", fmt=fmt))
        from kehoach.cli.output import emit_utf8

        emit_utf8(payload)
        return
    if output.parent and not output.parent.is_dir():
        fail(message_text("output-folder-missing", folder=output.parent))
    write_atomic(output, payload)
    typer.echo(message_text("written-into", what=what, path=output), err=True)


def write_lines(output: Path | None, lines: Iterable[str], what: str) -> None:
    """A text document given as lines (``"\\n".join(lines) + "\\n"``): to the file *output*,
    else to standard output without building it as one text first."""
    if output is None:
        from kehoach.cli.output import emit_lines

        emit_lines(lines)
        return
    write_output(output, ("\n".join(lines) + "\n").encode("utf-8"), "md", what)
