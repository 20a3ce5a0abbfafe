"""Shapes real plans take that the other import tests do not show: field labels on one
line separated by "," or ". ", a total row under a task table, a password-protected
workbook, positions named by sheet and row. Documents are built here, small."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import docx
import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from kehoach.importer import import_document, read_document
from tests.importer import DATA, all_tasks, body_names, load
from tests.importer.test_cli import run


def _tasks(out: Path) -> dict[str, tuple[str, dict[str, Any]]]:
    names = body_names(out)
    return {tid: (names[body], task) for tid, (body, task, _) in all_tasks(out).items()}


def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, cells in enumerate(table):
            if len(cells) == 1:  # one text over the whole row
                grid.cell(r, 0).merge(grid.cell(r, len(table[0]) - 1)).text = cells[0]
                continue
            for c, text in enumerate(cells):
                grid.cell(r, c).text = text
    document.save(str(path))
    return path


def test_field_labels_on_one_line_separated_by_commas_or_a_full_stop(tmp_path: Path) -> None:
    """ "Cơ quan chủ trì: …, Cơ quan phối hợp: …, Thời gian hoàn thành: …" is three fields,
    not a lead named "Sở X, Cơ quan phối hợp: …"; so is "Cơ quan chủ trì: X. Thời gian …"."""
    path = _docx(
        tmp_path / "kh-truong-nhan.docx",
        [
            "KẾ HOẠCH", "Chuyển đổi số năm 2026", "II. NHIỆM VỤ",
            "1.1. Xây dựng quy chế quản lý dữ liệu dùng chung của tỉnh.",
            "Cơ quan chủ trì: Sở Khoa học và Công nghệ, Cơ quan phối hợp: Sở Tư pháp, "
            "Thời gian hoàn thành: Quý II/2026.",
            "1.2. Triển khai điện toán đám mây cho các cơ quan nhà nước.",
            "Cơ quan chủ trì: Công an tỉnh. Thời gian hoàn thành: năm 2026.",
            "1.3. Tổ chức tuần lễ văn hóa.",
            "Cơ quan phối hợp: Sở Văn hóa, Thể thao và Du lịch, Sở Nội vụ; Thời gian: Tháng 9/2026",
        ],
    )  # fmt: skip
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    found = {t: (lead, task.get("partners", []), task.get("deadline")) for t, (lead, task) in
             tasks.items()}  # fmt: skip
    assert found == {
        "II.1": ("Sở Khoa học và Công nghệ", ["so-tu-phap"], "Quý II/2026"),
        "II.2": ("Công an tỉnh", [], "năm 2026"),
        "II.3": (
            "Các cơ quan, đơn vị, địa phương",
            ["so-van-hoa-the-thao-va-du-lich", "so-noi-vu"],
            "Tháng 9/2026",
        ),
    }
    assert result.unplaced == []


def test_a_total_row_under_a_task_table_is_reported_not_a_task(tmp_path: Path) -> None:
    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    path = _docx(
        tmp_path / "pl-tong-cong.docx",
        ["KẾ HOẠCH", "Cải cách hành chính năm 2026", "II. NHIỆM VỤ"],
        [
            header,
            ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý II/2026"],
            ["2", "Tổng kết công tác cải cách hành chính", "Sở Nội vụ", "Tháng 12/2026"],
            ["Tổng cộng: 02 nhiệm vụ"],  # merged over the whole row
        ],
    )
    result = import_document(path, tmp_path / "plan")
    assert sorted(_tasks(result.out)) == ["II.1", "II.2"]  # "Tổng kết …" stays a task
    assert [(u.text, u.reason) for u in result.unplaced] == [
        ("Tổng cộng: 02 nhiệm vụ", "dòng tổng cộng của bảng, không phải nhiệm vụ")
    ]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    for row in (header, [1, "Rà soát thủ tục", "Sở Tư pháp", "2026"], [None, "Cộng", None, None]):
        sheet.append(row)
    book = tmp_path / "pl-cong.xlsx"
    workbook.save(str(book))
    result = import_document(book, tmp_path / "sheet")
    assert sorted(_tasks(result.out)) == ["I.1"]
    assert [u.reason for u in result.unplaced] == ["dòng tổng cộng của bảng, không phải nhiệm vụ"]


def test_a_password_protected_workbook_says_so_not_convert_from_xls(tmp_path: Path) -> None:
    """Excel saves a workbook with a password as an OLE2 file (like an old .xls) holding
    an "EncryptedPackage": converting it as an .xls would not help; removing the password
    does. The fixture was encrypted with msoffcrypto-tool (password 123456)."""

    for name in ("mat-khau.xlsx", "mat-khau.docx"):
        path = tmp_path / name
        path.write_bytes((DATA / "mat-khau.xlsx").read_bytes())
        out = tmp_path / "plan"
        code, stdout, stderr = run(CliRunner(), "import", str(path), "--out", str(out))
        assert code == 2 and not out.exists(), stderr
        assert f"Không đọc được tệp '{name}': tệp được đặt mật khẩu (mã hóa)" in stderr
        assert "bỏ mật khẩu" in stderr and "convert-to" not in stderr
        assert "Traceback" not in stdout + stderr


def test_messages_name_the_sheet_and_row_or_the_table_row(tmp_path: Path) -> None:
    """A workbook's "line" counts rows over all sheets: a reader finds nothing at "dòng
    9". The summary, the review list and plan.yaml's comments name the sheet and its row
    (a .docx: the paragraph, or the table and its row)."""

    workbook = openpyxl.Workbook()
    first = workbook.active
    assert isinstance(first, Worksheet)
    first.title = "Phụ lục I"
    rows: tuple[list[object], ...] = (
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        [1, "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý II/2026"],
        [2, "Tổ chức hội nghị", "Sở Nội vụ", "Đang cập nhật"],  # not read as a deadline
    )
    for row in rows:
        first.append(row)
    second = workbook.create_sheet("Phụ lục II")
    rows = (
        ["DANH MỤC ĐỀ ÁN"],
        ["STT", "Tên đề án", "Cơ quan chủ trì", "Thời hạn"],
        [1, "Đề án du lịch cộng đồng", "Sở Văn hóa, Thể thao và Du lịch", "Tháng 10/2026"],
        [None, "Tổng cộng"],
    )
    for row in rows:
        second.append(row)
    path = tmp_path / "pl-vi-tri.xlsx"
    workbook.save(str(path))
    out = tmp_path / "plan"
    code, _, stderr = run(CliRunner(), "import", str(path), "--out", str(out))
    assert code == 0, stderr
    assert "Bảng ở trang tính 'Phụ lục II', hàng 1: 1 nhiệm vụ." in stderr
    assert "  trang tính 'Phụ lục II', hàng 4 (dòng tổng cộng của bảng" in stderr
    assert "  trang tính 'Phụ lục I', hàng 3 (thời hạn chưa đọc được): Đang cập nhật" in stderr
    assert "tiêu đề bảng trang tính 'Phụ lục II', hàng 1–2" in stderr
    plan = (out / "plan.yaml").read_text(encoding="utf-8")
    assert "# Chưa xếp được (trang tính 'Phụ lục II', hàng 4, dòng tổng cộng" in plan
    assert "dòng 7" not in stderr + plan  # row 4 of the second sheet, 7th row read

    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"]
    document = _docx(
        tmp_path / "kh-vi-tri.docx",
        ["KẾ HOẠCH", "Cải cách hành chính", "II. NHIỆM VỤ", "Các nhiệm vụ cụ thể:"],
        [header, ["1", "Rà soát thủ tục", "Sở Tư pháp", "2026"], ["Tổng cộng: 01 nhiệm vụ"]],
    )
    result = import_document(document, tmp_path / "docx")
    assert "Bảng ở bảng 1, hàng 1: 1 nhiệm vụ." in result.summary
    assert [u.where for u in result.unplaced] == ["bảng 1, hàng 3"]
    assert "  # Lời dẫn (đoạn 4): Các nhiệm vụ cụ thể:" in result.files["plan.yaml"].split("\n")
    assert any(line.startswith("Phần thủ tục: ") and "đoạn 1" not in line and
               "tiêu đề bảng bảng 1, hàng 1" in line for line in result.summary)  # fmt: skip


def test_a_task_row_split_by_a_page_break_and_a_header_repeated_on_the_next_page(
    tmp_path: Path,
) -> None:
    """A Word table carried over a page: the rest of row 1's content sits in a row of
    its own (no number, no lead), then the header row is repeated. One task, not two."""
    header = ["TT", "Nội dung", "Cơ quan chủ trì", "Thời gian"]
    path = _docx(
        tmp_path / "kh-ngat-trang.docx",
        ["KẾ HOẠCH", "Thực hiện Chỉ thị số 05-CT/TU", "II. NHIỆM VỤ"],
        [
            header,
            ["1", "Tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số 05-CT/TU của",
             "Văn phòng Huyện ủy", "Tháng 7/2026"],
            ["", "Ban Thường vụ Tỉnh ủy tại các chi bộ", "", ""],
            header,
            ["2", "Biên soạn tài liệu tuyên truyền cho đảng viên,", "Ban Tuyên giáo Huyện ủy",
             "Tháng 9/2026"],
            ["", "đoàn viên và hội viên", "", ""],
            ["3", "Tổng kết việc thực hiện Chỉ thị", "", "Tháng 12/2026"],
        ],
    )  # fmt: skip
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    assert {t: (lead, task["title"], task["deadline"]) for t, (lead, task) in tasks.items()} == {
        "II.1": ("Văn phòng Huyện ủy", "Tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số "
                 "05-CT/TU của Ban Thường vụ Tỉnh ủy tại các chi bộ", "Tháng 7/2026"),
        "II.2": ("Ban Tuyên giáo Huyện ủy", "Biên soạn tài liệu tuyên truyền cho đảng viên, "
                 "đoàn viên và hội viên", "Tháng 9/2026"),
        "II.3": ("Các cơ quan, đơn vị, địa phương", "Tổng kết việc thực hiện Chỉ thị",
                 "Tháng 12/2026"),
    }  # fmt: skip
    assert tasks["II.1"][1]["source"]["row"] == 2 and tasks["II.2"][1]["source"]["row"] == 5
    places = {e["line"]: (e["place"], e.get("detail", "")) for e in result.report["lines"]}
    rows = {p.row: p.line for p in read_document(path) if p.cells is not None}
    assert places[rows[3]] == ("task", "II.1") and places[rows[6]] == ("task", "II.2")
    assert places[rows[4]] == ("boilerplate", "tiêu đề bảng")  # the repeated header
    assert result.unplaced == []


def test_deadlines_as_date_cells_or_as_excel_day_numbers(tmp_path: Path) -> None:
    """A date cell reads "30/09/2026"; the same date left in the "General" format is the
    day number 46295 and must read the same, not "46295" (an unreadable deadline). A year
    (2026) or a number in another column is not a day number."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Nhiệm vụ"
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH LÂM GIANG"])
    sheet.append(["KẾ HOẠCH"])
    sheet.append(["Phát triển du lịch năm 2026"])
    sheet.append(["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kinh phí"])
    sheet.append([1, "In ấn tài liệu", "Sở Tài chính", dt.datetime(2026, 9, 30), 46295])
    sheet.append([2, "Tổ chức hội chợ", "Sở Công Thương", 46295, None])
    sheet.append([3, "Xây dựng video", "Sở Ngoại vụ", 2026, None])
    path = tmp_path / "pl-ngay.xlsx"
    workbook.save(str(path))
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    assert {t: task["deadline"] for t, (_, task) in tasks.items()} == {
        "I.1": "30/09/2026", "I.2": "30/09/2026", "I.3": "2026",
    }  # fmt: skip
    assert tasks["I.1"][1]["note"] == "Kinh phí: 46295"
    assert result.unplaced == []


def test_a_remark_is_a_note_not_a_task_nor_part_of_a_title(tmp_path: Path) -> None:
    """ "Ghi chú: …" under a task table is the plan's note; under a task, the task's note
    (its title stays what the task says)."""
    path = _docx(
        tmp_path / "kh-ghi-chu.docx",
        [
            "KẾ HOẠCH", "Cải cách hành chính năm 2026", "II. NHIỆM VỤ",
            "1. Sở Tư pháp rà soát thủ tục hành chính (quý II/2026).",
            "Lưu ý: ưu tiên thủ tục liên thông.",
            "III. PHỤ LỤC NHIỆM VỤ",
        ],
        [
            ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            ["1", "Đo lường sự hài lòng", "Sở Nội vụ", "Tháng 11/2026"],
        ],
    )  # fmt: skip
    document = docx.Document(str(path))
    document.add_paragraph("Ghi chú: Các cơ quan chủ động bố trí kinh phí.")
    document.save(str(path))
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    assert sorted(tasks) == ["II.1", "III.1"]
    assert tasks["II.1"][1]["title"] == "Sở Tư pháp rà soát thủ tục hành chính."
    assert tasks["II.1"][1]["note"] == "Lưu ý: ưu tiên thủ tục liên thông."
    note = load(result.out / "plan.yaml")["note"]
    assert "Ghi chú: Các cơ quan chủ động bố trí kinh phí." in note.split("\n")
    assert result.unplaced == []


def test_no_task_table_exits_1_without_pointing_to_a_plan_yaml_never_written(
    tmp_path: Path,
) -> None:
    path = _docx(
        tmp_path / "khong-bang-nhiem-vu.docx",
        ["KẾ HOẠCH", "Tổ chức hội nghị"],
        [["Hạng mục", "Số lượng"], ["Phòng họp", "2"]],
    )
    out = tmp_path / "plan"
    code, stdout, stderr = run(CliRunner(), "import", str(path), "--out", str(out))
    assert code == 1 and not out.exists()
    assert "Chưa xếp được 2 đoạn:" in stderr and "plan.yaml" not in stderr
    assert "  bảng 1, hàng 1 (bảng không có cột nội dung nhiệm vụ): Hạng mục | Số lượng" in stderr
    assert "Không tìm thấy nhiệm vụ nào trong 'khong-bang-nhiem-vu.docx'" in stderr
    assert "Traceback" not in stdout + stderr


def test_field_labels_after_the_sentence_or_in_the_last_parentheses(tmp_path: Path) -> None:
    """ "1. Rà soát …. Cơ quan chủ trì: X; Thời gian: …" (labels on the task's own line) and
    "(Cơ quan thực hiện: X; Thời gian: …)" (labels in the last parentheses) give the lead
    and the deadline; the title is the task's own sentence."""
    path = _docx(
        tmp_path / "kh-nhan-cung-dong.docx",
        [
            "KẾ HOẠCH", "Triển khai Nghị quyết số 10-NQ/TU", "II. NHIỆM VỤ",
            "1. Rà soát quy hoạch cán bộ. Cơ quan chủ trì: Ban Tổ chức Tỉnh ủy; Cơ quan phối "
            "hợp: Ủy ban Kiểm tra Tỉnh ủy; Thời gian: Quý II/2026.",
            "2. Xây dựng đề án vị trí việc làm (Cơ quan thực hiện: Sở Nội vụ; Thời gian: Quý "
            "III/2026).",
            "3. Tổ chức hội nghị (qua Ban Tổ chức Tỉnh ủy; thời gian: tháng 5/2026).",
        ],
    )  # fmt: skip
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    found = {t: (lead, task["title"], task.get("deadline"), task.get("partners", []))
             for t, (lead, task) in tasks.items()}  # fmt: skip
    assert found["II.1"] == (
        "Ban Tổ chức Tỉnh ủy", "Rà soát quy hoạch cán bộ.", "Quý II/2026",
        ["uy-ban-kiem-tra-tinh-uy"],
    )  # fmt: skip
    assert found["II.2"] == ("Sở Nội vụ", "Xây dựng đề án vị trí việc làm.", "Quý III/2026", [])
    # no label of a lead in the parentheses: it stays in the title, as before
    assert found["II.3"][1].startswith("Tổ chức hội nghị (qua Ban Tổ chức Tỉnh ủy")


def test_page_numbers_of_a_pdfs_text_are_not_glued_to_a_task(tmp_path: Path) -> None:
    """Text taken from a PDF keeps each page's number as a line of its own; glued to the
    task above, it pushed the deadline out of the last parentheses."""
    path = tmp_path / "kh-tu-pdf.txt"
    path.write_text(
        "KẾ HOẠCH\nPhòng chống thiên tai năm 2026\n\nII. NHIỆM VỤ\n"
        "1. Sở Nông nghiệp và Môi trường rà soát phương án ứng phó với thiên tai theo\n"
        "cấp độ rủi ro (hoàn thành trong quý II/2026).\n\n2\n\n"
        "2. Công an tỉnh xây dựng phương án bảo đảm an ninh trật tự (quý III/2026).\n\n"
        "- 3 -\n\nTrang 4\n",
        encoding="utf-8",
    )
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    assert {t: (task["title"], task.get("deadline")) for t, (_, task) in tasks.items()} == {
        "II.1": ("Sở Nông nghiệp và Môi trường rà soát phương án ứng phó với thiên tai theo "
                 "cấp độ rủi ro.", "hoàn thành trong quý II/2026"),
        "II.2": ("Công an tỉnh xây dựng phương án bảo đảm an ninh trật tự.", "quý III/2026"),
    }  # fmt: skip
    places = {e["line"]: (e["place"], e.get("detail")) for e in result.report["lines"]}
    assert places[8] == places[12] == places[14] == ("boilerplate", "số trang")


def test_a_workbook_named_docx_or_a_document_named_xlsx_says_which_name_reads_it(
    tmp_path: Path,
) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.append(["STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"])
    workbook.save(str(tmp_path / "bang-tinh.docx"))
    _docx(tmp_path / "van-ban.xlsx", ["KẾ HOẠCH", "II. NHIỆM VỤ", "1. Sở Nội vụ rà soát."])
    for name, said in (
        ("bang-tinh.docx", "đây là bảng tính Excel mang nhầm đuôi. Hãy đổi tên thành "
         "'bang-tinh.xlsx'"),
        ("van-ban.xlsx", "đây là văn bản Word mang nhầm đuôi. Hãy đổi tên thành 'van-ban.docx'"),
    ):  # fmt: skip
        out = tmp_path / "plan"
        code, stdout, stderr = run(CliRunner(), "import", str(tmp_path / name), "--out", str(out))
        assert code == 2 and not out.exists()
        assert f"Không đọc được tệp '{name}': {said}" in stderr
        assert "Traceback" not in stdout + stderr


def test_a_numbered_item_that_points_to_the_appendix_is_a_note(tmp_path: Path) -> None:
    """ "3. Các nhiệm vụ cụ thể khác tại Phụ lục kèm theo." is no task of its own: the
    appendix's rows are. An item that does something with them still is a task."""
    path = _docx(
        tmp_path / "kh-chi-dan.docx",
        [
            "KẾ HOẠCH", "Chuyển đổi số năm 2026", "II. NHIỆM VỤ",
            "1. Sở Khoa học và Công nghệ xây dựng quy chế dữ liệu (quý II/2026).",
            "2. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ tại Phụ lục kèm theo.",
            "3. Các nhiệm vụ cụ thể khác tại Phụ lục kèm theo.",
            "PHỤ LỤC", "DANH MỤC NHIỆM VỤ",
        ],
        [
            ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
            ["1", "Nâng cấp cổng dịch vụ công", "Văn phòng UBND tỉnh", "Quý II/2026"],
        ],
    )  # fmt: skip
    result = import_document(path, tmp_path / "plan")
    assert sorted(_tasks(result.out)) == ["II.1", "II.2", "PLI.1"]
    assert "3. Các nhiệm vụ cụ thể khác tại Phụ lục kèm theo." in load(result.out / "plan.yaml")[
        "note"
    ].split("\n")
    places = {e["text"]: (e["place"], e.get("detail")) for e in result.report["lines"]}
    assert places["3. Các nhiệm vụ cụ thể khác tại Phụ lục kèm theo."] == (
        "note", "chỉ dẫn tới phụ lục"
    )  # fmt: skip


def test_a_group_row_under_a_lead_merged_down_across_it_stays_a_group(tmp_path: Path) -> None:
    """One lead merged down over rows 1–3 and across the group row "II" between them:
    "II" is still a group (a section), not a task with task 3 as its sub-task."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = "Biểu 01"
    rows: tuple[list[object], ...] = (
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
        ["I", "CẢI CÁCH THỂ CHẾ", None, None],
        [1, "Rà soát văn bản quy phạm", "Sở Tư pháp", "Quý I/2026"],
        [2, "Hệ thống hóa văn bản", None, "Quý II/2026"],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", None, None],
        [3, "Công bố thủ tục", None, "Quý III/2026"],
    )
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("C3:C6")
    path = tmp_path / "bieu-gop-qua-nhom.xlsx"
    workbook.save(str(path))
    result = import_document(path, tmp_path / "plan")
    sections = load(result.out / "plan.yaml")["sections"]
    assert [(s["id"], s["title"]) for s in sections] == [
        ("I", "NHIỆM VỤ"), ("I.1", "CẢI CÁCH THỂ CHẾ"), ("I.2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
    ]  # fmt: skip
    tasks = _tasks(result.out)
    assert {t: (lead, task["deadline"]) for t, (lead, task) in tasks.items()} == {
        "I.1.1": ("Sở Tư pháp", "Quý I/2026"),
        "I.1.2": ("Sở Tư pháp", "Quý II/2026"),
        "I.2.3": ("Sở Tư pháp", "Quý III/2026"),
    }
    assert all("note" not in task for _, task in tasks.values())


def test_a_page_number_between_the_halves_of_a_split_sentence_is_not_joined_to_them(
    tmp_path: Path,
) -> None:
    """ "… nhất là các" / "2" / "công trình đang thi công …": the page-break repair joined
    the page number to the second half ("2 công trình"), changing what the task says."""
    path = tmp_path / "kh-ngat-trang.txt"
    path.write_text(
        "KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n\n1. Sở Xây dựng kiểm tra an toàn các công trình, "
        "nhất là các\n\n2\n\ncông trình đang thi công (quý II/2026).\n\n"
        "2. Sở Y tế kiểm tra (quý III/2026).\n",
        encoding="utf-8",
    )
    result = import_document(path, tmp_path / "plan")
    tasks = _tasks(result.out)
    assert tasks["II.1"][1]["title"] == (
        "Sở Xây dựng kiểm tra an toàn các công trình, nhất là các\ncông trình đang thi công."
    )
    assert tasks["II.1"][1]["deadline"] == "quý II/2026"
    places = {e["line"]: (e["place"], e.get("detail")) for e in result.report["lines"]}
    assert places[8] == ("boilerplate", "số trang")
