"""Task tables in .docx (merged cells), .xlsx (merged ranges, several sheets) and .csv
(Excel's export, blank merged cells): every task checked, one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from kehoach.importer import import_document, read_document
from kehoach.importer.structure import build_draft
from tests.importer import all_tasks, body_names, load

HEADER = [
    "STT", "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Cơ quan phối hợp",
    "Thời gian hoàn thành", "Sản phẩm",
]  # fmt: skip


def _tasks(out: Path) -> dict[str, tuple[str, dict[str, Any], str | None]]:
    names = body_names(out)
    return {tid: (names[body], task, up) for tid, (body, task, up) in all_tasks(out).items()}


def _check(
    tasks: dict[str, tuple[str, dict[str, Any], str | None]],
    expected: list[tuple[str, str, str, str, list[str], str | None, str | None]],
) -> None:
    """(id, title, lead, deadline, partner ids, output, parent) for every task, in order."""
    assert sorted(tasks) == sorted(e[0] for e in expected)
    for ident, title, lead, deadline, partners, output, parent in expected:
        body, task, above = tasks[ident]
        found = (task["title"], body, task.get("deadline", ""), task.get("partners", []),
                 task.get("output"), above)  # fmt: skip
        assert found == (title, lead, deadline, partners, output, parent), ident
        assert task["role"] == "chủ trì", ident


def build_docx(path: Path) -> Path:
    """A plan whose tasks are a Word table: merged group rows, a lead merged down two rows."""
    document = docx.Document()
    for text in ("ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "Số: 12/KH-UBND", "KẾ HOẠCH",
                 "Triển khai Đề án phát triển du lịch", "I. MỤC ĐÍCH, YÊU CẦU",
                 "Bảo đảm thực hiện đồng bộ.", "II. NHIỆM VỤ CỤ THỂ"):  # fmt: skip
        document.add_paragraph(text)
    table = document.add_table(rows=8, cols=6)
    rows: list[list[str]] = [
        HEADER,
        ["A. PHÁT TRIỂN SẢN PHẨM"],
        ["1", "Phối hợp xây dựng quy hoạch du lịch", "Sở Văn hóa, Thể thao và Du lịch",
         "Sở Tài chính", "Quý IV/2025", "Quyết định"],
        ["2", "Tổ chức lễ hội du lịch biển", "", "Sở Công Thương", "Hằng năm", ""],
        ["3", "Xây dựng cơ sở dữ liệu du lịch", "Sở Thông tin và Truyền thông", "",
         "2026", "Cơ sở dữ liệu"],
        ["B. QUẢNG BÁ"],
        ["4", "Quảng bá trên mạng xã hội", "Sở Thông tin và Truyền thông", "Sở Nội vụ",
         "", ""],
        ["5", "Đón đoàn famtrip", "Sở Văn hóa, Thể thao và Du lịch", "Sở Ngoại vụ", "", ""],
    ]  # fmt: skip
    for r, cells in enumerate(rows):
        if len(cells) == 1:
            table.cell(r, 0).merge(table.cell(r, 5)).text = cells[0]
            continue
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    table.cell(2, 2).merge(table.cell(3, 2))  # one lead for tasks 1 and 2
    table.cell(6, 4).merge(table.cell(7, 4)).text = "Năm 2026"  # one deadline for 4 and 5
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("Sở Văn hóa, Thể thao và Du lịch theo dõi, đôn đốc thực hiện.")
    document.save(str(path))
    return path


def test_docx_merged_cells(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "table-docx-gop-o.docx")
    rows = [p for p in read_document(path) if p.cells is not None]
    assert [(p.table, p.row) for p in rows] == [(1, n) for n in range(1, 9)]
    assert rows[1].spans == (1, 2, 3, 4, 5) and (rows[1].cells or ())[0] == "A. PHÁT TRIỂN SẢN PHẨM"
    assert rows[3].merged == (2,) and (rows[3].cells or ())[2] == "Sở Văn hóa, Thể thao và Du lịch"
    result = import_document(path, tmp_path / "plan")
    assert result.unplaced == []
    plan = load(result.out / "plan.yaml")
    assert [(s["id"], s["title"]) for s in plan["sections"]][1:4] == [
        ("II", "NHIỆM VỤ CỤ THỂ"), ("II.1", "PHÁT TRIỂN SẢN PHẨM"), ("II.2", "QUẢNG BÁ"),
    ]  # fmt: skip
    tasks = _tasks(result.out)
    vh, tt = "Sở Văn hóa, Thể thao và Du lịch", "Sở Thông tin và Truyền thông"
    _check(
        {k: v for k, v in tasks.items() if k.startswith("II.")},
        [
            # "Phối hợp …" in the content, but the "Cơ quan chủ trì" column makes it lead.
            ("II.1.1", "Phối hợp xây dựng quy hoạch du lịch", vh, "Quý IV/2025",
             ["so-tai-chinh"], "Quyết định", None),
            ("II.1.2", "Tổ chức lễ hội du lịch biển", vh, "Hằng năm", ["so-cong-thuong"],
             None, None),
            ("II.1.3", "Xây dựng cơ sở dữ liệu du lịch", tt, "2026", [], "Cơ sở dữ liệu", None),
            ("II.2.4", "Quảng bá trên mạng xã hội", tt, "Năm 2026", ["so-noi-vu"], None, None),
            ("II.2.5", "Đón đoàn famtrip", vh, "Năm 2026", ["so-ngoai-vu"], None, None),
        ],
    )  # fmt: skip
    assert tasks["II.1.2"][1]["source"] == {
        "section": "II.1", "item": 2, "line": rows[3].line, "table": 1, "row": 4, "cell": 2,
    }  # fmt: skip
    draft = build_draft(read_document(path))
    (table,) = draft.tables
    assert [(r.line, r.merged) for r in table.inherited_rows] == [
        (rows[3].line, ("lead",)), (rows[7].line, ("deadline",)),
    ]  # fmt: skip


def build_xlsx(path: Path) -> Path:
    """Two appendix sheets (merged group rows, merged lead, nested numbers), one sheet of
    indicators, a formatted cell far away."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    first.title = "Phụ lục I"
    first.append(["ỦY BAN NHÂN DÂN TỈNH AN BÌNH"])
    first.append(["KẾ HOẠCH"])
    first.append(["Chuyển đổi số năm 2026"])
    first.append(HEADER)
    first.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    first.append(["I", "HOÀN THIỆN THỂ CHẾ"])
    first.merge_cells("B6:F6")
    first.append(["1", "Ban hành quy chế dữ liệu", "Sở Thông tin và Truyền thông",
                  "Sở Tư pháp", "30/6/2026", "Quyết định"])  # fmt: skip
    first.append(["2", "Rà soát thủ tục hành chính", None, "Sở Tư pháp", 2026, None])
    first.merge_cells("C7:C8")
    first.append(["II", "HẠ TẦNG SỐ"])
    first.merge_cells("B9:F9")
    first.append(["3", "Nâng cấp mạng diện rộng", None, None, None, None])
    first.append(["3.1", "Nâng cấp đường truyền cấp xã", "Viễn thông tỉnh", "Sở Tài chính",
                  "Quý III/2026", "Báo cáo"])  # fmt: skip
    first.append(["3.2", "Trang bị thiết bị bảo mật", "Công an tỉnh", None,
                  "Quý IV/2026", None])  # fmt: skip
    first["Z500"].number_format = "0.00"  # a formatted, empty cell far away
    second = workbook.create_sheet("Phụ lục II")
    second.append(["DANH MỤC ĐỀ ÁN TRÌNH UBND TỈNH"])
    second.append(["TT", "Tên đề án", "Cơ quan chủ trì", "Thời hạn trình"])
    second.append([1, "Đề án đô thị thông minh", "Sở Xây dựng", "Tháng 9/2026"])
    third = workbook.create_sheet("Chỉ tiêu")
    third.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Năm 2026"])
    third.append([1, "Tỷ lệ hồ sơ trực tuyến", "%", 80])
    workbook.save(str(path))
    return path


def test_xlsx_sheets(tmp_path: Path) -> None:
    path = build_xlsx(tmp_path / "table-xlsx-phu-luc.xlsx")
    paras = read_document(path)
    assert paras[0].cells is None and paras[0].place == "trang tính 'Phụ lục I', hàng 1"
    header = next(p for p in paras if p.header)
    assert header.row == 4 and header.cell_place(5) == "trang tính 'Phụ lục I', ô F4"
    result = import_document(path, tmp_path / "plan")
    plan = load(result.out / "plan.yaml")
    assert plan["title"] == "Kế hoạch chuyển đổi số năm 2026"
    assert [(s["id"], s["title"]) for s in plan["sections"]] == [
        ("I", "NHIỆM VỤ"), ("I.1", "HOÀN THIỆN THỂ CHẾ"), ("I.2", "HẠ TẦNG SỐ"),
        ("I.2.3", "Nâng cấp mạng diện rộng"),
    ]  # fmt: skip
    tasks = _tasks(result.out)
    tt = "Sở Thông tin và Truyền thông"
    _check(
        tasks,
        [
            ("I.1.1", "Ban hành quy chế dữ liệu", tt, "30/6/2026", ["so-tu-phap"],
             "Quyết định", None),
            ("I.1.2", "Rà soát thủ tục hành chính", tt, "2026", ["so-tu-phap"], None, None),
            # "3" states nothing and "3.1" goes deeper: a group, so a section I.2.3 (the
            # table numbers on across its groups: ids keep the STT the document shows)
            ("I.2.3.1", "Nâng cấp đường truyền cấp xã", "Viễn thông tỉnh", "Quý III/2026",
             ["so-tai-chinh"], "Báo cáo", None),
            ("I.2.3.2", "Trang bị thiết bị bảo mật", "Công an tỉnh", "Quý IV/2026", [],
             None, None),
            ("I.3", "Đề án đô thị thông minh", "Sở Xây dựng", "Tháng 9/2026", [], None, None),
        ],
    )  # fmt: skip
    assert tasks["I.1.2"][1]["source"] == {
        "section": "I.1", "item": 2, "line": tasks["I.1.2"][1]["source"]["line"],
        "sheet": "Phụ lục I", "row": 8, "cell": 2,
    }  # fmt: skip
    # The indicator sheet is not tasks: it is kept in the plan's note, row by row, and
    # reported as a table not read into tasks.
    indicators = "STT | Chỉ tiêu | Đơn vị tính | Năm 2026"
    assert indicators in load(result.out / "plan.yaml")["note"].split("\n")
    assert [t["result"] for t in result.report["tables"]][-1].startswith("bảng chỉ tiêu")
    assert {e["place"] for e in result.report["lines"] if e["text"] == indicators} == {"note"}
    assert result.unplaced == []


def test_csv_from_excel(tmp_path: Path) -> None:
    """Excel's "CSV UTF-8": a BOM, ";" between cells, a quoted cell with a line break,
    blank cells where the sheet had merged a lead or a deadline."""
    text = (
        "STT;Tên nhiệm vụ;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn hoàn thành;Kết quả dự kiến\n"
        "I;CẢI CÁCH HÀNH CHÍNH;;;;\n"
        "1;Phối hợp rà soát thủ tục;Sở Nội vụ;Sở Tư pháp;Quý II/2026;Báo cáo\n"
        '2;"Đo lường sự hài lòng\ncủa người dân";;;;\n'
        "3;Công bố chỉ số cải cách;Văn phòng UBND tỉnh;;Tháng 12/2026;\n"
        "II;KIỂM TRA;;;;\n"
        "4;Kiểm tra công vụ;;Sở Nội vụ;Thường xuyên;\n"
    )
    path = tmp_path / "table-csv-excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    paras = read_document(path)
    assert [p.line for p in paras] == [1, 2, 3, 4, 6, 7, 8]
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    nv = "Sở Nội vụ"
    collective = tasks["I.2.4"][0]  # row "4": numbered on across the group row
    _check(
        tasks,
        [
            ("I.1.1", "Phối hợp rà soát thủ tục", nv, "Quý II/2026", ["so-tu-phap"], "Báo cáo",
             None),
            # blank lead and deadline: the merged cells of the sheet, taken from the row above
            ("I.1.2", "Đo lường sự hài lòng\ncủa người dân", nv, "Quý II/2026", [], None, None),
            ("I.1.3", "Công bố chỉ số cải cách", "Văn phòng Ủy ban nhân dân tỉnh", "Tháng 12/2026",
             [],
             None, None),
            # after a group row nothing is inherited
            ("I.2.4", "Kiểm tra công vụ", collective, "Thường xuyên", ["so-noi-vu"], None, None),
        ],
    )  # fmt: skip
    assert collective != nv
    draft = build_draft(paras)
    assert [(r.line, r.inherited) for r in draft.tables[0].inherited_rows] == [
        (4, ("lead", "deadline"))
    ]
    assert tasks["I.1.2"][1]["source"] == {
        "section": "I.1", "item": 2, "line": 4, "row": 4, "cell": 2
    }  # fmt: skip


def test_csv_comma_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "table-csv-phay.csv"
    path.write_text(
        "TT,Nội dung,Cơ quan thực hiện,Thời gian thực hiện\n"
        '1,"Tập huấn, bồi dưỡng cán bộ",Sở Nội vụ,Năm 2026\n',
        encoding="utf-8",
    )
    result = import_document(path, tmp_path / "plan")
    ((_, (body, task, _)),) = _tasks(result.out).items()
    assert (task["title"], body, task["deadline"]) == (
        "Tập huấn, bồi dưỡng cán bộ", "Sở Nội vụ", "Năm 2026"
    )  # fmt: skip


def test_bench_appendix_imports_every_row(tmp_path: Path) -> None:
    """The 150-row appendix `make bench` times imports whole, from .docx and Markdown."""
    from kehoach.bench.suite import appendix_documents

    docx_path, md_path = appendix_documents(tmp_path, 150)
    first = import_document(docx_path, tmp_path / "docx")
    second = import_document(md_path, tmp_path / "md")
    assert first.tasks == second.tasks == 150 and first.unplaced == second.unplaced == []
    assert first.sections == second.sections == 16  # I and its 15 groups
    docx_tasks, md_tasks = _tasks(first.out), _tasks(second.out)
    assert sorted(docx_tasks) == sorted(md_tasks)
    for ident, (body, task, _) in md_tasks.items():
        assert docx_tasks[ident][0] == body  # merged (.docx) and blank (Markdown) cells agree
        assert docx_tasks[ident][1]["deadline"] == task["deadline"]
    assert md_tasks["I.15.10"][1]["title"] == "Thực hiện nhiệm vụ số 150"
    # row 149 names "Sở Ngành 8" ((149 + 1) // 2 % 17 + 1), merged down over row 150
    assert md_tasks["I.15.10"][0] == md_tasks["I.15.9"][0] == "Sở Ngành 8"


def test_docx_text_python_docx_does_not_see(tmp_path: Path) -> None:
    """Tracked insertions, block content controls and text boxes are read; deleted text
    and a drawing's fallback copy are not."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = docx.Document()
    body = document.element.body
    box = (
        f'<w:p {w} {mc}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        "<w:txbxContent><w:p><w:r><w:t>ỦY BAN NHÂN DÂN TỈNH AN BÌNH</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p>"
        "<w:r><w:t>ỦY BAN NHÂN DÂN TỈNH AN BÌNH</w:t></w:r></w:p></w:txbxContent></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    tracked = (
        f'<w:p {w}><w:r><w:t xml:space="preserve">Sở Tư pháp rà soát văn bản </w:t></w:r>'
        '<w:ins w:id="1" w:author="A"><w:r><w:t>trong Quý I/2026</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="A"><w:r><w:delText>trong năm 2025</w:delText></w:r></w:del>'
        "<w:r><w:tab/><w:t>.</w:t></w:r></w:p>"
    )
    for xml in (box, f"<w:p {w}><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>"):
        body.append(parse_xml(xml))
    sdt = parse_xml(f"<w:sdt {w}><w:sdtContent/></w:sdt>")
    content = sdt[0]
    content.append(parse_xml(f"<w:p {w}><w:r><w:t>I. NHIỆM VỤ</w:t></w:r></w:p>"))
    content.append(parse_xml(tracked))
    body.append(sdt)
    body.append(body[0])  # keep the section properties (sectPr) last
    path = tmp_path / "noi-dung-an.docx"
    document.save(str(path))
    texts = [p.text for p in read_document(path)]
    assert texts == [
        "ỦY BAN NHÂN DÂN TỈNH AN BÌNH", "KẾ HOẠCH", "I. NHIỆM VỤ",
        "Sở Tư pháp rà soát văn bản trong Quý I/2026 .",
    ]  # fmt: skip


def test_xlsx_two_header_rows_with_merged_cells(tmp_path: Path) -> None:
    """'Cơ quan thực hiện' merged over 'Chủ trì | Phối hợp'; the other header cells merged
    down over both header rows."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["STT", "Nội dung công việc", "Cơ quan thực hiện", None, "Thời hạn (dự kiến)"])
    sheet.append([None, None, "Chủ trì", "Phối hợp", None])
    for area in ("A1:A2", "B1:B2", "C1:D1", "E1:E2"):
        sheet.merge_cells(area)
    sheet.append([1, "Tổng kết năm", "Sở Nội vụ", "Sở Tài chính", "Tháng 12/2026"])
    path = tmp_path / "table-xlsx-hai-dong-tieu-de.xlsx"
    workbook.save(str(path))
    result = import_document(path, tmp_path / "plan")
    ((ident, (body, task, _)),) = _tasks(result.out).items()
    assert (ident, task["title"], body, task["partners"], task["deadline"]) == (
        "I.1", "Tổng kết năm", "Sở Nội vụ", ["so-tai-chinh"], "Tháng 12/2026"
    )  # fmt: skip
    assert result.unplaced == []


def test_docx_table_split_in_two_goes_on(tmp_path: Path) -> None:
    """A task table split in two (an empty paragraph between): the second part has no
    header of its own and keeps the columns of the first; a narrower table after it is
    still reported."""
    document = docx.Document()
    for text in ("KẾ HOẠCH", "Tổ chức Hội nghị", "I. NHIỆM VỤ"):
        document.add_paragraph(text)
    parts = [
        [["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"], ["1", "Chuẩn bị tài liệu",
          "Văn phòng UBND tỉnh", "Tháng 3/2026"]],
        [["2", "Mời đại biểu", "Sở Ngoại vụ", "Tháng 4/2026"],
         ["3", "Tổ chức hội nghị", "Văn phòng UBND tỉnh", "Tháng 5/2026"]],
        [["Ghi chú", "Kinh phí từ ngân sách tỉnh"]],
    ]  # fmt: skip
    for n, rows in enumerate(parts):
        if n:
            document.add_paragraph("" if n == 1 else "Ghi chú thêm:")  # "" : a page break
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
    path = tmp_path / "table-docx-tach-doi.docx"
    document.save(str(path))
    result = import_document(path, tmp_path / "plan")
    found = {t: (body, task["title"], task["deadline"]) for t, (body, task, _) in
             _tasks(result.out).items() if "table" in task["source"]}  # fmt: skip
    assert found == {
        "I.1": ("Văn phòng Ủy ban nhân dân tỉnh", "Chuẩn bị tài liệu", "Tháng 3/2026"),
        "I.2": ("Sở Ngoại vụ", "Mời đại biểu", "Tháng 4/2026"),
        "I.3": ("Văn phòng Ủy ban nhân dân tỉnh", "Tổ chức hội nghị", "Tháng 5/2026"),
    }
    tables = build_draft(read_document(path)).tables
    assert [(t.kind, t.continued) for t in tables] == [
        ("tasks", False), ("tasks", True), ("other", False),
    ]  # fmt: skip
    assert any(u.text == "Ghi chú | Kinh phí từ ngân sách tỉnh" for u in result.unplaced)


def test_csv_with_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "table-csv-sep.csv"
    path.write_text(
        "sep=;\nTT;Nội dung;Cơ quan chủ trì;Thời hạn\n1;Kiểm tra, đánh giá;Sở Nội vụ;Năm 2026\n",
        encoding="utf-8",
    )
    paras = read_document(path)
    assert [(p.line, p.cells) for p in paras] == [
        (2, ("TT", "Nội dung", "Cơ quan chủ trì", "Thời hạn")),
        (3, ("1", "Kiểm tra, đánh giá", "Sở Nội vụ", "Năm 2026")),
    ]
