"""Forms as Word documents (python-docx): the same table as the workbook, for bodies
that answer in Word. What ``collect`` checks (plan identity, period, fingerprints) is
kept as JSON in the document's "comments" property, which Word and LibreOffice keep
when the document is edited and saved.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from kehoach.errors import InputError
from kehoach.forms.content import FILLED, HEADERS, STATUS_WORDS, FormContent
from kehoach.forms.sheets import MAX_BYTES, READ, IssuedTask, RawForm, RawRow
from kehoach.importer.reading import _reason
from kehoach.messages import os_reason
from kehoach.messages import text as message_text

TABLE = "bảng 1"
MARKER = "kehoach-form:"


def write_docx(content: FormContent, path: Path) -> None:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]  # A4 landscape (python-docx's template is US Letter)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    document.add_heading(content.title, level=1)
    document.add_paragraph(content.plan_title)
    document.add_paragraph(
        f"Kỳ báo cáo: {content.period.label()} ({content.period.start:%d/%m/%Y} – "
        f"{content.period.end:%d/%m/%Y}); phiếu lập ngày {content.issued_on:%d/%m/%Y}."
    )
    document.add_paragraph(
        "Hướng dẫn: điền các cột Trạng thái (một trong: " + ", ".join(STATUS_WORDS) + "), "
        "Ngày (ví dụ 20/9/2019), Kết quả thực hiện và Văn bản. Để trống dòng không có gì "
        "mới. Không sửa các cột khác, không thêm hay xóa cột."
    )
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = title
    for row in content.rows:
        cells = table.add_row().cells
        given = [row.task_id, row.title, row.role.value, row.deadline, row.state]
        given.append(row.occurrence or "")
        for cell, value in zip(cells, given, strict=False):
            cell.text = value
    for row_cells in table.rows:
        for cell in row_cells.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
    hidden = {
        **content.meta(),
        "tasks": {
            r.task_id: [r.fingerprint, r.role.code, r.occurrence or ""] for r in content.rows
        },
    }
    paragraph = document.add_paragraph()
    run = paragraph.add_run(MARKER + json.dumps(hidden, ensure_ascii=False, separators=(",", ":")))
    run.font.hidden = True
    run.font.size = Pt(1)
    props = document.core_properties
    props.title = content.title
    props.author = "kehoach"
    stamp = dt.datetime.combine(content.issued_on, dt.time())
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    from kehoach.atomic import write_atomic

    write_atomic(path, buffer.getvalue())


def read_docx(path: Path) -> RawForm:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(
            message_text("form-unreadable", name=name, reason=os_reason(exc))
        ) from None
    if size > MAX_BYTES:
        raise InputError(message_text("form-too-large", name=name))
    from docx import Document

    try:
        document = Document(str(path))
    except MemoryError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds (an empty file: no package)
        raise InputError(
            message_text("form-bad-word-file", name=name, reason=_reason(exc))
        ) from None
    try:
        text = next(p.text for p in document.paragraphs if p.text.startswith(MARKER))
        hidden = json.loads(text[len(MARKER) :])
        tasks = hidden.pop("tasks")
        meta = {str(k): str(v) for k, v in hidden.items()}
        issued = {str(k): IssuedTask(str(v[0]), str(v[1]), str(v[2])) for k, v in tasks.items()}
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, StopIteration):
        raise InputError(message_text("form-no-hidden-data", name=name)) from None
    form = RawForm(path, meta, issued, sheet=TABLE)
    for number, table in enumerate(document.tables, start=1):
        header = [cell.text.strip() for cell in table.rows[0].cells] if table.rows else []
        if "Mã" not in header or "Trạng thái" not in header:
            continue
        missing = [title for title in ("Mã", *FILLED) if title not in header]
        if missing:
            raise InputError(
                message_text(
                    "form-table-missing-columns",
                    name=name,
                    number=number,
                    missing=", ".join(missing),
                )
            )
        columns = {title: header.index(title) for title in header}
        form.sheet = f"bảng {number}"
        for index, row in enumerate(table.rows[1:], start=2):
            texts = [cell.text for cell in row.cells]

            def at(title: str, texts: list[str] = texts, columns: dict[str, int] = columns) -> str:
                column = columns[title]
                return texts[column].strip() if column < len(texts) else ""

            values: dict[str, object] = {t: at(t) or None for t in READ if t in columns}
            task_id = at("Mã")
            if not task_id and all(values.get(t) is None for t in FILLED):
                continue
            form.rows.append(RawRow(f"{name}, bảng {number}, dòng {index}", task_id, values))
        return form
    raise InputError(message_text("form-no-table", name=name))
