"""The period report as a Word document in the Party's format (Hướng dẫn 36-HD/VPTW).

A4 portrait, margins 20/20/30/15 mm, Times New Roman; the header block and the
signature block are borderless two-column tables; body text 14 pt, justified, first
line indented 1 cm; page numbers centred in the top margin from page 2. Tables repeat
their header row on every page and never split a row across pages. Every figure comes
from :class:`~kehoach.render.reportdata.ReportData`. See docs/report-format.md.

Deterministic bytes: fixed core properties (dated on the as-of day) and fixed zip entry
times, so the same plan, period, day and narrative give the same file.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from kehoach.evaluation.states import Category
from kehoach.render.narrative import Narrative
from kehoach.render.reportdata import ReportData, TaskLine
from kehoach.render.reportform import (
    APPENDIX_AFTER,
    KIND,
    PARTY,
    PLACEHOLDERS,
    SECTION_TITLES,
    ReportForm,
    recipient_lines,
)
from kehoach.render.reporttext import (
    body_group_rows,
    d,
    group_label,
    group_rows,
    percent,
    summary_sentence,
)
from kehoach.render.zipfix import fixed_zip

FONT = "Times New Roman"
PAGE_W, PAGE_H = 210, 297
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 20, 20, 30, 15
TEXT_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 165 mm
TABLE_PT = 12
RED = RGBColor(0xC0, 0x00, 0x00)


def _fonts(element: Any, name: str = FONT) -> None:
    """Set every script's font (Latin, Vietnamese, East Asian, complex)."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


class _Doc:
    def __init__(self, data: ReportData, form: ReportForm, narrative: Narrative) -> None:
        self.data = data
        self.form = form
        self.narrative = narrative
        self.doc: Any = Document()
        self.appendices: list[tuple[str, list[str], list[float], list[list[str]]]] = []
        self._setup()

    # ------------------------------------------------------------------ page, styles
    def _setup(self) -> None:
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(PAGE_W), Mm(PAGE_H)
        section.top_margin, section.bottom_margin = Mm(MARGIN_TOP), Mm(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = Mm(MARGIN_LEFT), Mm(MARGIN_RIGHT)
        section.header_distance = Mm(10)  # the page number sits 10 mm from the top edge
        section.footer_distance = Mm(10)
        normal = self.doc.styles["Normal"]
        normal.font.name = FONT
        normal.font.size = Pt(14)
        _fonts(normal.element)
        fmt = normal.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(6)
        fmt.line_spacing = 1.0
        for name in ("Table Grid", "Header"):
            style = self.doc.styles[name]
            style.font.name = FONT
            _fonts(style.element)
        # Page numbers from page 2: an empty first-page header, PAGE in the others.
        section.different_first_page_header_footer = True
        para = section.header.paragraphs[0]
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
        para.paragraph_format.first_line_indent = Mm(0)
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), "PAGE")
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        size = OxmlElement("w:sz")
        size.set(qn("w:val"), "28")
        rpr.append(size)
        run.append(rpr)
        text = OxmlElement("w:t")
        text.text = "2"
        run.append(text)
        field.append(run)
        para._p.append(field)

    # ------------------------------------------------------------------ paragraphs
    def para(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        underline: bool = False,
        size: float = 14,
        align: str = "justify",
        indent: bool = True,
        after: float = 6,
        container: Any = None,
    ) -> Any:
        target = container if container is not None else self.doc
        p = target.add_paragraph()
        p.alignment = {
            "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        p.paragraph_format.first_line_indent = Mm(10) if indent else Mm(0)
        p.paragraph_format.space_after = Pt(after)
        if text:
            run = p.add_run(text)
            run.bold, run.italic, run.underline = bold, italic, underline
            run.font.size = Pt(size)
        return p

    def placeholder(self, text: str) -> None:
        p = self.para()
        run = p.add_run(text)
        run.bold = True
        run.font.color.rgb = RED
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW

    def heading(self, text: str) -> None:
        p = self.para(text, bold=True, after=6)
        p.paragraph_format.keep_with_next = True

    def narrative_or_placeholder(self, key: str) -> None:
        paragraphs = self.narrative.get(key)
        for text in paragraphs:
            self.para(text)
        if not paragraphs:
            self.placeholder(PLACEHOLDERS[key])

    # ------------------------------------------------------------------ tables
    @staticmethod
    def _cell_text(
        cell: Any,
        text: str,
        *,
        bold: bool = False,
        align: str = "left",
        size: float = TABLE_PT,
        italic: bool = False,
        underline: bool = False,
        color: RGBColor | None = None,
        first: bool = True,
    ) -> Any:
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        p.alignment = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }[align]
        p.paragraph_format.first_line_indent = Mm(0)
        p.paragraph_format.space_after = Pt(0)
        run = p.add_run(text)
        run.bold, run.italic, run.underline = bold, italic, underline
        run.font.size = Pt(size)
        if color is not None:
            run.font.color.rgb = color
        return p

    @staticmethod
    def _fixed(table: Any, widths: Sequence[float]) -> None:
        table.autofit = False
        tbl_pr = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        grid = table._tbl.tblGrid
        for col, width in zip(grid.findall(qn("w:gridCol")), widths, strict=True):
            col.set(qn("w:w"), str(int(width * 56.6929)))  # mm → twentieths of a point
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)

    def table(
        self,
        header: list[str],
        widths: list[float],
        rows: list[list[str]],
        *,
        numeric: Sequence[int] = (),
        total: list[str] | None = None,
        red: Sequence[int] = (),
    ) -> Any:
        assert abs(sum(widths) - TEXT_W) < 0.5, widths
        table = self.doc.add_table(rows=1, cols=len(header))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0]
        tr_pr = head._tr.get_or_add_trPr()
        for tag in ("w:tblHeader", "w:cantSplit"):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
        for cell, text in zip(head.cells, header, strict=True):
            self._cell_text(cell, text, bold=True, align="center")
        body = [*rows, total] if total is not None else rows
        for index, values in enumerate(body):
            row = table.add_row()
            el = OxmlElement("w:cantSplit")
            el.set(qn("w:val"), "true")
            row._tr.get_or_add_trPr().append(el)
            is_total = total is not None and index == len(body) - 1
            for col, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
                colour = RED if col in red and text not in ("0", "") and not is_total else None
                self._cell_text(
                    cell,
                    text,
                    bold=is_total,
                    align="right" if col in numeric else "left",
                    color=colour,
                )
        self._fixed(table, widths)
        self.para("", after=6, indent=False)
        return table

    # ------------------------------------------------------------------ blocks
    def header_block(self) -> None:
        form = self.form
        table = self.doc.add_table(rows=1, cols=2)  # "Normal Table": no borders
        left, right = table.rows[0].cells
        first = True
        if form.superior:
            self._cell_text(left, form.superior, align="center", size=14)
            first = False
        self._cell_text(left, form.issuer, bold=True, align="center", size=14, first=first)
        self._cell_text(left, "*", align="center", size=14, first=False)
        self._cell_text(left, form.number_line, align="center", size=14, first=False)
        self._cell_text(right, PARTY, bold=True, underline=True, align="center", size=15)
        self._cell_text(right, "", first=False, size=14)
        if form.superior:
            self._cell_text(right, "", first=False, size=14)
        self._cell_text(right, form.place_date, italic=True, align="center", size=14, first=False)
        self._fixed(table, [80, TEXT_W - 80])
        self.para("", after=12, indent=False)
        self.para(KIND, bold=True, size=16, align="center", indent=False, after=0)
        self.para(form.summary, bold=True, size=14, align="center", indent=False, after=0)
        self.para("-----", size=14, align="center", indent=False, after=12)

    def section_one(self) -> None:
        data = self.data
        self.para(self.form.opening)
        self.heading(f"I. {SECTION_TITLES['I']}")
        for text in self.narrative.get("I"):
            self.para(text)
        self.heading("1. Tổng hợp theo 4 nhóm (Quyết định 42/2014/QĐ-TTg)")
        self.para(summary_sentence(data))
        rows = [
            [label, str(count), percent(count, data.total)] for label, count in group_rows(data)
        ]
        self.table(
            ["Nhóm", "Số nhiệm vụ", "Tỷ lệ"],
            [105, 30, 30],
            rows,
            numeric=(1, 2),
            total=["Tổng", str(data.total), "100%" if data.total else "0%"],
        )
        self.heading("2. Theo cơ quan")
        header, rows, total = body_group_rows(data)
        counts = len(header) - 2
        widths = [TEXT_W - 22 - 20 * counts, 22, *[20.0] * counts]
        overdue = group_label(Category.OPEN_OVERDUE)
        self.table(
            header,
            widths,
            rows,
            numeric=tuple(range(2, len(header))),
            total=total,
            red=tuple(i for i, h in enumerate(header) if h == overdue),
        )
        self.heading(f"3. Nhiệm vụ hoàn thành trong kỳ ({len(data.completed)})")
        self.task_table(
            "completed",
            data.completed,
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Ngày", "Văn bản"],
            [20, 55, 35, 25, 30],
            lambda t: [t.ident, t.title, t.lead, d(t.date), t.detail or "—"],
            "Danh sách nhiệm vụ hoàn thành trong kỳ",
            none="Trong kỳ không có nhiệm vụ nào được ghi nhận hoàn thành.",
        )
        self.heading(f"4. Nhiệm vụ quá hạn ({len(data.overdue)})")
        self.task_table(
            "overdue",
            data.overdue,
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Số ngày quá hạn"],
            [22, 60, 36, 25, 22],
            lambda t: [t.ident, t.title, t.lead, d(t.due), str(t.days or 0)],
            "Danh sách nhiệm vụ quá hạn",
            numeric=(4,),
            none="Không có nhiệm vụ quá hạn.",
        )

    def task_table(
        self,
        key: str,
        lines: list[TaskLine],
        header: list[str],
        widths: list[float],
        cells: Any,
        title: str,
        *,
        numeric: Sequence[int] = (),
        none: str,
    ) -> None:
        rows = [cells(t) for t in lines]
        if not rows:
            self.para(none)
            return
        if len(rows) > APPENDIX_AFTER:
            number = len(self.appendices) + 1
            self.appendices.append((title, header, widths, rows))
            self.para(f"Có {len(rows)} nhiệm vụ; danh sách đầy đủ tại Phụ lục {number}.")
            return
        self.table(header, widths, rows, numeric=numeric)

    def section_two(self) -> None:
        self.heading(f"II. {SECTION_TITLES['II']}")
        self.narrative_or_placeholder("II")

    def section_three(self) -> None:
        data = self.data
        self.heading(f"III. {SECTION_TITLES['III']}")
        for text in self.narrative.get("III"):
            self.para(text)
        self.para(
            f"Các nhiệm vụ đến hạn trong kỳ tới ({_next_phrase(data)}): {len(data.next_due)}."
        )
        self.task_table(
            "next",
            data.next_due,
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn"],
            [24, 80, 36, 25],
            lambda t: [t.ident, t.title, t.lead, d(t.due)],
            "Danh sách nhiệm vụ đến hạn trong kỳ tới",
            none="Kỳ tới không có nhiệm vụ đến hạn.",
        )
        if not self.narrative.get("III"):
            self.placeholder(PLACEHOLDERS["III"])

    def section_four(self) -> None:
        self.heading(f"IV. {SECTION_TITLES['IV']}")
        self.narrative_or_placeholder("IV")

    def closing(self) -> None:
        form = self.form
        self.para("", indent=False)
        table = self.doc.add_table(rows=1, cols=2)
        left, right = table.rows[0].cells
        self._cell_text(left, "Nơi nhận:", underline=True, size=14)
        for line in recipient_lines(form):
            self._cell_text(left, line, size=12, first=False)
        self._cell_text(right, form.on_behalf or "", bold=True, align="center", size=14)
        self._cell_text(right, form.position or "", bold=True, align="center", size=14, first=False)
        for _ in range(4):  # room for the signature and seal
            self._cell_text(right, "", size=14, first=False)
        self._cell_text(
            right, form.signer_name or "", bold=True, align="center", size=14, first=False
        )
        self._fixed(table, [80, TEXT_W - 80])
        # "Nơi nhận" and the signature stay on one page, never split across two.
        keep = OxmlElement("w:cantSplit")
        keep.set(qn("w:val"), "true")
        table.rows[0]._tr.get_or_add_trPr().append(keep)

    def appendix(self) -> None:
        for number, (title, header, widths, rows) in enumerate(self.appendices, 1):
            p = self.doc.add_paragraph()
            p.add_run().add_break(WD_BREAK.PAGE)
            self.para(f"Phụ lục {number}", bold=True, align="center", indent=False, after=0)
            self.para(title.upper(), bold=True, align="center", indent=False, after=0)
            self.para(
                f"(Kèm theo Báo cáo {self.form.summary})",
                italic=True,
                align="center",
                indent=False,
                after=12,
            )
            self.table(header, widths, rows)

    def build(self, created: dt.datetime) -> bytes:
        self.header_block()
        self.section_one()
        self.section_two()
        self.section_three()
        self.section_four()
        self.closing()
        self.appendix()
        # The default template opens with one empty paragraph; drop it.
        first = self.doc.paragraphs[0]
        if not first.text and first._p.getprevious() is None:
            first._p.getparent().remove(first._p)
        props = self.doc.core_properties
        props.author = self.form.issuer
        props.last_modified_by = "kehoach"
        props.title = _words_within(f"{KIND} {self.form.summary}", 255)
        props.subject = ""
        props.comments = ""
        props.keywords = ""
        props.revision = 1
        props.created = created
        props.modified = created
        props.last_printed = created
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return fixed_zip(buffer.getvalue())


def _words_within(text: str, limit: int) -> str:
    """*text* cut at the last word boundary that fits in *limit* characters (with "…")."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _next_phrase(data: ReportData) -> str:
    from kehoach.render.reportform import period_phrase

    return period_phrase(data.next_period)


def render_docx(data: ReportData, form: ReportForm, narrative: Narrative) -> bytes:
    created = dt.datetime(data.as_of.year, data.as_of.month, data.as_of.day, tzinfo=dt.UTC)
    return _Doc(data, form, narrative).build(created)
