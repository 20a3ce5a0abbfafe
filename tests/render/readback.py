"""Documents read back as their readers see them, as plain text: docx through
python-docx (paragraphs and table cells), xlsx through openpyxl (a row a line, cells
tab-separated), HTML through an HTML parser (the text between the tags)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from docx import Document
from openpyxl import load_workbook


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return "\n".join(parser.parts)


def docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in doc.paragraphs), *cells])


def xlsx_text(path: Path) -> str:
    book = load_workbook(path)
    return "\n".join(
        "\t".join(str(value) for value in row if value is not None)
        for sheet in book
        for row in sheet.iter_rows(values_only=True)
    )
