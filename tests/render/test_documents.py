"""The report as documents (docx, xlsx, html), opened the way their readers open them:
python-docx, openpyxl and an HTML parser. Figures are compared with the JSON output of
``status`` and ``overdue`` on the same plan and day."""

from __future__ import annotations

import datetime as dt
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from docx import Document
from docx.shared import Length
from openpyxl import load_workbook
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.planbuilder import build_plan, done, progress

AS_OF = "2019-09-30"
GROUPS = {  # QĐ 42 codes of status --format json → their Vietnamese labels
    "done_on_time": "Đã hoàn thành đúng hạn",
    "done_late": "Đã hoàn thành quá hạn",
    "open_in_time": "Chưa hoàn thành, trong hạn",
    "open_overdue": "Chưa hoàn thành, quá hạn",
}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def history_plan(root: Path) -> Path:
    """A small plan with histories: done on time and late in Q3 2019, overdue, waiting."""
    build_plan(
        root,
        [
            {
                "id": "III.1",
                "title": "Ban hành kế hoạch hành động triển khai thực hiện Nghị quyết",
                "deadline": "hoàn thành trong tháng 8 năm 2019",
                "status": "hoàn thành",
                "history": [done("2019-08-20", evidence="Kế hoạch số 15-KH/TU ngày 20/8/2019")],
            },
            {
                "id": "III.2",
                "title": "Rà soát, bổ sung quy hoạch cán bộ lãnh đạo, quản lý các cấp",
                "deadline": "trong quý II năm 2019",
                "partners": ["so-noi-vu"],
                "status": "hoàn thành",
                "history": [
                    progress("2019-03-01"),
                    done("2019-07-15", evidence="Báo cáo số 20-BC/BTCTU"),
                ],
            },
            {
                "id": "III.3",
                "title": "Sửa đổi quy định phân cấp quản lý",
                "deadline": "quý II/2019",
            },
            {"id": "III.4", "title": "Đề án vị trí việc làm", "deadline": "trong năm 2019"},
            {"id": "III.5", "title": "Tuyên truyền", "deadline": "thực hiện thường xuyên"},
        ],
        other_files={
            "ban-tuyen-giao": [
                {
                    "id": "III.6",
                    "title": "Tổng kết công tác tuyên truyền về cán bộ",
                    "deadline": "trong tháng 6 năm 2019",
                    "source": {"section": "III"},
                }
            ]
        },
    )
    plan = yaml.safe_load((root / "plan.yaml").read_text(encoding="utf-8"))
    plan["signer"] = {
        "name": "Nguyễn Văn A",
        "position": "Phó Bí thư",
        "on_behalf": "T/M Ban Thường vụ",
    }
    plan["report"] = {
        "superior": "Đảng bộ tỉnh Thử Nghiệm",
        "issuer": "Tỉnh ủy Thử Nghiệm",
        "symbol": "BC/TU",
        "place": "Thành phố Thử",
        "recipients": ["Ban Bí thư (để báo cáo)", "Ban Tổ chức Trung ương"],
    }
    (root / "plan.yaml").write_text(
        yaml.safe_dump(plan, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return root


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = history_plan(tmp_path_factory.mktemp("docs") / "plan")
    out = root.parent
    narrative = out / "loi.md"
    narrative.write_text(
        "## I. Kết quả thực hiện\nCác cơ quan đã tích cực triển khai.\n\n"
        "## II\nMột số nhiệm vụ còn chậm\ndo thiếu hướng dẫn.\n\n- Thiếu biên chế.\n",
        encoding="utf-8",
    )
    files: dict[str, Any] = {"root": root}
    for fmt in ("docx", "xlsx", "html"):
        target = out / f"bc.{fmt}"
        code, _, err = run(
            "report", str(root), "--quarter", "2019-Q3", "--as-of", AS_OF, "-f", fmt,
            "-o", str(target), "--narrative", str(narrative), "--number", "25",
        )  # fmt: skip
        assert code == 0, err
        files[fmt] = target
    code, out_json, _ = run("status", str(root), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    files["status"] = json.loads(out_json)
    code, out_json, _ = run("overdue", str(root), "--as-of", AS_OF, "-f", "json")
    files["overdue"] = json.loads(out_json)
    return files


# ----------------------------------------------------------------------------- docx


def _texts(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text]


def test_docx_page_margins_and_fonts(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    section = doc.sections[0]
    measured = [
        section.page_width, section.page_height, section.top_margin, section.bottom_margin,
        section.left_margin, section.right_margin,
    ]  # fmt: skip
    assert [round(Length(v or 0).mm, 1) for v in measured] == [210, 297, 20, 20, 30, 15]
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 14
    body = next(p for p in doc.paragraphs if p.text.startswith("Thực hiện Kế hoạch"))
    assert body.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert round(Length(body.paragraph_format.first_line_indent).mm, 1) == 10
    runs = [
        r for p in doc.paragraphs for r in p.runs if r.font.name not in (None, "Times New Roman")
    ]
    assert runs == []


def test_docx_page_numbers_from_page_two(outputs: dict[str, Any]) -> None:
    section = Document(str(outputs["docx"])).sections[0]
    assert section.different_first_page_header_footer
    assert "PAGE" in section.header._element.xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_docx_header_block(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    header = doc.tables[0]
    assert "w:tblBorders" not in header._tbl.xml
    assert header.style is not None and header.style.name == "Normal Table"
    left, right = header.rows[0].cells
    assert _texts(left) == ["ĐẢNG BỘ TỈNH THỬ NGHIỆM", "TỈNH ỦY THỬ NGHIỆM", "*", "Số 25-BC/TU"]
    issuer = left.paragraphs[1].runs[0]
    assert issuer.bold
    party = right.paragraphs[0].runs[0]
    assert party.text == "ĐẢNG CỘNG SẢN VIỆT NAM" and party.bold and party.underline
    date = [p for p in right.paragraphs if p.text][-1]
    assert date.text.startswith("Thành phố Thử, ngày") and date.text.endswith("năm 2019")
    assert date.runs[0].italic
    paragraphs = doc.paragraphs
    where = [p.text for p in paragraphs].index("BÁO CÁO")
    kind, summary = paragraphs[where], paragraphs[where + 1]
    assert kind.runs[0].bold and kind.alignment == 1  # centred
    assert summary.text == "kết quả thực hiện Kế hoạch thử nghiệm quý III năm 2019"
    assert summary.runs[0].bold and summary.alignment == 1
    assert ":" not in summary.text


def test_docx_sections_narrative_and_placeholders(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    texts = [p.text for p in doc.paragraphs]
    headings = [t for t in texts if re.match(r"^(I|II|III|IV)\. ", t)]
    assert headings == [
        "I. KẾT QUẢ THỰC HIỆN",
        "II. HẠN CHẾ, NGUYÊN NHÂN",
        "III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
        "IV. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    assert "Các cơ quan đã tích cực triển khai." in texts
    assert "Một số nhiệm vụ còn chậm do thiếu hướng dẫn." in texts
    assert "- Thiếu biên chế." in texts
    placeholders = [t for t in texts if t.startswith("[Cần bổ sung")]
    assert len(placeholders) == 2  # III and IV were not written
    assert all("--narrative" in t for t in placeholders)
    assert texts.index("- Thiếu biên chế.") < texts.index("III. NHIỆM VỤ TRỌNG TÂM KỲ TỚI")


def test_docx_figures_equal_json(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    status = outputs["status"]
    groups = doc.tables[1]
    assert [c.text for c in groups.rows[0].cells] == ["Nhóm", "Số nhiệm vụ", "Tỷ lệ"]
    found = {r.cells[0].text: int(r.cells[1].text) for r in groups.rows[1:-1]}
    assert found == {GROUPS[code]: status["categories"].get(code, 0) for code in GROUPS}
    assert groups.rows[-1].cells[1].text == str(status["total"])
    bodies = doc.tables[2]
    names = [r.cells[0].text for r in bodies.rows[1:-1]]
    assert names == [b["name"] for b in status["bodies"]]
    totals = [int(r.cells[-1].text) for r in bodies.rows[1:-1]]
    assert totals == [b["total"] for b in status["bodies"]]
    headings = [p.text for p in doc.paragraphs]
    assert f"4. Nhiệm vụ quá hạn ({len(outputs['overdue']['overdue'])})" in headings
    overdue = doc.tables[4]
    assert [r.cells[0].text for r in overdue.rows[1:]] == [
        t["id"] for t in outputs["overdue"]["overdue"]
    ]
    completed = doc.tables[3]
    assert [r.cells[0].text for r in completed.rows[1:]] == ["III.2", "III.1"]
    assert completed.rows[2].cells[4].text == "Kế hoạch số 15-KH/TU ngày 20/8/2019"
    # full task names, never cut
    assert completed.rows[2].cells[1].text == (
        "Ban hành kế hoạch hành động triển khai thực hiện Nghị quyết"
    )


def test_docx_tables_fit_and_repeat_header(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    for table in doc.tables[1:-1]:
        first = table.rows[0]._tr
        assert first.trPr is not None and "w:tblHeader" in first.trPr.xml
        widths = [int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
                  for c in table._tbl.tblGrid]  # fmt: skip
        assert sum(widths) <= int(165 * 56.7) + 5


def test_docx_signature_block(outputs: dict[str, Any]) -> None:
    doc = Document(str(outputs["docx"]))
    closing = doc.tables[-1]
    assert "w:cantSplit" in closing.rows[0]._tr.xml  # never split across two pages
    left, right = closing.rows[0].cells
    lines = _texts(left)
    assert lines[0] == "Nơi nhận:" and left.paragraphs[0].runs[0].underline
    assert lines[1:] == ["- Ban Bí thư (để báo cáo),", "- Ban Tổ chức Trung ương,", "- Lưu."]
    signer = _texts(right)
    assert signer == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Nguyễn Văn A"]
    assert all(p.runs[0].bold for p in right.paragraphs if p.text)


def test_docx_same_bytes_each_run(outputs: dict[str, Any], tmp_path: Path) -> None:
    root = outputs["root"]
    again = tmp_path / "again.docx"
    code, _, err = run(
        "report", str(root), "--quarter", "2019-Q3", "--as-of", AS_OF, "-f", "docx",
        "-o", str(again), "--narrative", str(root.parent / "loi.md"), "--number", "25",
    )  # fmt: skip
    assert code == 0, err
    assert again.read_bytes() == outputs["docx"].read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = Document(str(again)).core_properties
    assert props.created == props.modified == dt.datetime(2019, 9, 30, tzinfo=dt.UTC)


def test_docx_options_override_plan(outputs: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    code, _, err = run(
        "report", str(outputs["root"]), "--quarter", "2019-Q3", "--as-of", AS_OF, "-f", "docx",
        "-o", str(target), "--place", "Hội An", "--date", "05/10/2019", "--signer", "Trần B",
        "--recipient", "Thường trực Tỉnh ủy",
    )  # fmt: skip
    assert code == 0, err
    doc = Document(str(target))
    assert "Hội An, ngày 05 tháng 10 năm 2019" in _texts(doc.tables[0].rows[0].cells[1])
    assert "Số\u00a0" in doc.tables[0].rows[0].cells[0].paragraphs[-1].text  # blank to fill
    left, right = doc.tables[-1].rows[0].cells
    assert _texts(left)[1:] == ["- Thường trực Tỉnh ủy,", "- Lưu."]
    assert _texts(right)[-1] == "Trần B"
    # II, III and IV wait for the office's words; I has the figures.
    assert sum(t.startswith("[Cần bổ sung") for t in (p.text for p in doc.paragraphs)) == 3


# ----------------------------------------------------------------------------- xlsx


def test_xlsx_sheets_headers_filters_dates(outputs: dict[str, Any]) -> None:
    book = load_workbook(outputs["xlsx"])
    assert book.sheetnames == [
        "Tổng hợp", "Theo cơ quan", "Nhiệm vụ", "Quá hạn", "Hoàn thành trong kỳ",
        "Đến hạn kỳ tới",
    ]  # fmt: skip
    tasks = book["Nhiệm vụ"]
    header = [c.value for c in tasks[1]]
    assert header[:6] == ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn (nguyên văn)", "Hạn",
                          "Tình trạng"]  # fmt: skip
    assert tasks.freeze_panes == "A2"
    assert tasks.auto_filter.ref == f"A1:I{tasks.max_row}"
    due = {row[0].value: row[4] for row in tasks.iter_rows(min_row=2)}
    assert due["III.3"].value == dt.datetime(2019, 6, 30)
    assert due["III.3"].number_format == "DD/MM/YYYY"
    states = {row[0].value: row[5] for row in tasks.iter_rows(min_row=2)}
    assert states["III.3"].value == "Chưa hoàn thành, quá hạn"
    assert states["III.3"].fill.fgColor.rgb.endswith("FFC7CE")  # overdue: red
    assert not any(c.value in ("overdue", "stale", "open") for row in tasks.iter_rows()
                   for c in row)  # fmt: skip
    done_sheet = book["Hoàn thành trong kỳ"]
    dates = [row[3].value for row in done_sheet.iter_rows(min_row=2)]
    assert dates == [dt.datetime(2019, 7, 15), dt.datetime(2019, 8, 20)]


def test_xlsx_figures_equal_json(outputs: dict[str, Any]) -> None:
    book = load_workbook(outputs["xlsx"])
    status = outputs["status"]
    summary = book["Tổng hợp"]
    found = {row[0].value: row[1].value for row in summary.iter_rows(min_row=6, max_row=9)}
    assert found == {GROUPS[code]: status["categories"].get(code, 0) for code in GROUPS}
    assert summary.cell(row=10, column=2).value == status["total"]
    bodies = book["Theo cơ quan"]
    rows = list(bodies.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows[:-1]] == [b["name"] for b in status["bodies"]]
    assert [r[-1] for r in rows[:-1]] == [b["total"] for b in status["bodies"]]
    assert rows[-1][-1] == status["total"]
    overdue = book["Quá hạn"]
    assert [r[0] for r in overdue.iter_rows(min_row=2, values_only=True)] == [
        t["id"] for t in outputs["overdue"]["overdue"]
    ]


def test_xlsx_same_bytes_and_other_commands(outputs: dict[str, Any], tmp_path: Path) -> None:
    root = outputs["root"]
    for command in ("tasks", "overdue", "status"):
        first, second = tmp_path / f"{command}1.xlsx", tmp_path / f"{command}2.xlsx"
        for target in (first, second):
            code, _, err = run(
                command, str(root), "--as-of", AS_OF, "-f", "xlsx", "-o", str(target)
            )
            assert code == 0, err
        assert first.read_bytes() == second.read_bytes()
        book = load_workbook(first)
        assert book.worksheets[0].freeze_panes is not None
    code, _, err = run("tasks", str(root), "-f", "xlsx")
    assert code == 2 and "-o" in err


# ----------------------------------------------------------------------------- html


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.cells: list[str] = []
        self.text: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "td":
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_cell:
            self.cells[-1] += data


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_html_is_self_contained(outputs: dict[str, Any]) -> None:
    page = _parse(outputs["html"])
    names = {tag for tag, _ in page.tags}
    assert "script" not in names and "link" not in names and "img" not in names
    assert "svg" in names and "style" in names
    for _, attrs in page.tags:
        for key in ("src", "href", "xlink:href", "action"):
            assert key not in attrs or not re.match(r"^(https?:)?//", attrs[key] or ""), attrs
    raw = outputs["html"].read_text(encoding="utf-8")
    assert "@import" not in raw and "url(" not in raw
    assert "@media print" in raw and "size: A4" in raw


def test_html_every_figure_present(outputs: dict[str, Any]) -> None:
    page = _parse(outputs["html"])
    status = outputs["status"]
    cells = page.cells
    for code, label in GROUPS.items():
        index = cells.index(label)
        assert cells[index + 1] == str(status["categories"].get(code, 0))
    for body in status["bodies"]:
        assert body["name"] in cells
    for task in outputs["overdue"]["overdue"]:
        assert task["id"] in cells
    text = "".join(page.text)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "Các cơ quan đã tích cực triển khai." in text
    assert "Nguyễn Văn A" in text


def test_status_html(outputs: dict[str, Any], tmp_path: Path) -> None:
    target = tmp_path / "s.html"
    code, _, err = run("status", str(outputs["root"]), "--as-of", AS_OF, "-f", "html", "-o",
                       str(target))  # fmt: skip
    assert code == 0, err
    page = _parse(target)
    assert str(outputs["status"]["total"]) in page.cells
    assert not any(tag == "script" for tag, _ in page.tags)


def test_shipped_plan_renders_every_format(shipped_plan: Path, tmp_path: Path) -> None:
    for fmt in ("docx", "xlsx", "html"):
        target = tmp_path / f"q3.{fmt}"
        code, _, err = run("report", str(shipped_plan), "--quarter", "2019-Q3", "-f", fmt, "-o",
                           str(target))  # fmt: skip
        assert code == 0, err
        assert target.stat().st_size > 1000
    # "Chưa có thông tin" and "Chưa xác định thời hạn" as the counting module counts them
    code, out, _ = run("status", str(shipped_plan), "--as-of", "2019-09-30", "-f", "json")
    status = json.loads(out)
    text = " ".join(p.text for p in Document(str(tmp_path / "q3.docx")).paragraphs)
    assert f"Chưa có thông tin: {status['never_updated']} nhiệm vụ" in text
    assert status["totals"]["undated"] > 0
    assert f"Chưa xác định thời hạn: {status['totals']['undated']} nhiệm vụ" in text


def test_missing_narrative_is_a_usage_error(outputs: dict[str, Any], tmp_path: Path) -> None:
    code, _, err = run(
        "report", str(outputs["root"]), "--quarter", "2019-Q3", "-f", "docx", "-o",
        str(tmp_path / "x.docx"), "--narrative", str(tmp_path / "none.md"),
    )  # fmt: skip
    assert code == 2 and "none.md" in err and "Traceback" not in err
    assert not (tmp_path / "x.docx").exists()
