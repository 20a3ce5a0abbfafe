"""The forms of issue 11, structure side: parts, field blocks, body headings, prose
deadlines, group bodies; and the accounting of every line. Each document in
tests/data/import/ is checked task by task."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.checks import validate
from kehoach.cli.app import app
from kehoach.importer import NoTasksFound, import_document
from kehoach.importer.markers import repair
from kehoach.importer.reading import read_document
from kehoach.importer.summary import PLACES
from tests.importer import ROOT, SEED, all_tasks, body_names, load

FORMS = ROOT / "tests" / "data" / "import"
TEXT_DOCUMENTS = sorted(
    p for p in FORMS.iterdir() if p.suffix in (".md", ".txt") and not p.name.startswith("empty")
)
EVERY_DOCUMENT = [*TEXT_DOCUMENTS, SEED]


def imported(tmp_path: Path, name: str) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """The result, task id → (lead body's name, task, parent id), and the plan."""
    result = import_document(FORMS / name, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {
        tid: (names[body], task, parent)
        for tid, (body, task, parent) in all_tasks(result.out).items()
    }
    return result, tasks, load(result.out / "plan.yaml")


def partner_names(tmp: Path, task: dict[str, Any]) -> list[str]:
    names = body_names(tmp / "plan")
    return [names[p] for p in task.get("partners", [])]


def row(tasks: dict[str, Any], tid: str) -> tuple[str, str, str, str | None]:
    """(lead, role, deadline, parent) of a task."""
    lead, task, parent = tasks[tid]
    return lead, task["role"], task.get("deadline", ""), parent


@pytest.mark.parametrize("path", TEXT_DOCUMENTS, ids=lambda p: p.name)
def test_every_form_document_imports_valid_and_identical_twice(tmp_path: Path, path: Path) -> None:
    first = import_document(path, tmp_path / "a")
    second = import_document(path, tmp_path / "b")
    assert first.files == second.files
    plan, problems = validate(first.out, dt.date(2030, 1, 1))
    assert [p.render() for p in problems] == []
    assert plan is not None and len(plan.tasks) == first.tasks > 0


@pytest.mark.parametrize("path", EVERY_DOCUMENT, ids=lambda p: p.name)
def test_every_paragraph_ends_in_exactly_one_place(tmp_path: Path, path: Path) -> None:
    result = import_document(path, tmp_path / "plan")
    paras = repair(read_document(path))
    lines = [entry["line"] for entry in result.report["lines"]]
    assert lines == [p.line for p in paras]  # each once, in document order
    assert {entry["place"] for entry in result.report["lines"]} <= set(PLACES)
    assert sum(result.report["places"].values()) == len(paras)
    ids = set(all_tasks(result.out))
    for entry in result.report["lines"]:
        if entry["place"] == "task":
            assert entry["detail"] in ids, entry


# ----------------------------------------------------------------- form 1: parts


GOV = "chinh-phu-chuong-trinh-hanh-dong.md"


def test_a_programme_issued_by_a_resolution_with_appendices(tmp_path: Path) -> None:
    result, tasks, plan = imported(tmp_path, GOV)
    # the plan has no number or date of its own: they come from the resolution
    assert plan["number"] == "58/NQ-CP" and plan["issued"] == dt.date(2025, 4, 21)
    assert plan["issuer"] == "Chính phủ"
    assert plan["signer"] == {
        "name": "Phạm Minh Chính", "position": "Thủ tướng", "on_behalf": "TM. Chính phủ"
    }  # fmt: skip
    assert plan["title"] == (
        "Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị"
    )
    assert [s["id"] for s in plan["sections"]] == [
        "I", "II", "III", "III.1", "III.2", "PLI", "PLI.1", "PLI.2", "PLII"
    ]  # fmt: skip
    assert sorted(tasks) == [
        "III.1.1", "III.1.2", "III.2.1", "PLI.1.1", "PLI.1.2", "PLI.2.3", "PLI.2.4"
    ]  # fmt: skip
    # (the appendix numbers its tasks on across its group rows: the ids keep 3 and 4)
    # body headings set the lead; deadlines in the running prose
    assert row(tasks, "III.1.1") == (
        "Bộ Khoa học và Công nghệ",
        "chủ trì",
        "trước ngày 15 tháng 6 và ngày 15 tháng 12 hằng năm",
        None,
    )
    assert row(tasks, "III.1.2") == (
        "Bộ Khoa học và Công nghệ", "phối hợp", "hoàn thành trong năm 2025", None
    )  # fmt: skip
    assert partner_names(tmp_path, tasks["III.1.2"][1]) == ["Bộ Tài chính"]
    assert row(tasks, "III.2.1")[0] == (
        "Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
    )
    assert row(tasks, "III.2.1")[2] == "hoàn thành trước ngày 30 tháng 6 năm 2025"
    # the appendix table: abbreviations are the full name, groups are kept as bodies
    assert row(tasks, "PLI.1.1") == ("Bộ Khoa học và Công nghệ", "chủ trì", "Tháng 5/2025", None)
    assert tasks["PLI.1.1"][1]["title"] == (
        "Xây dựng Luật Khoa học, công nghệ và đổi mới sáng tạo (sửa đổi)"
    )
    assert partner_names(tmp_path, tasks["PLI.1.1"][1]) == ["Bộ Tư pháp", "Các bộ, ngành liên quan"]
    assert [tasks[t][1].get("output") for t in ("PLI.1.1", "PLI.1.2", "PLI.2.3", "PLI.2.4")] == [
        "Luật", "Nghị định", "Trung tâm dữ liệu quốc gia", None
    ]  # fmt: skip
    # a "chủ trì" column makes the body lead whatever the task's first word
    assert row(tasks, "PLI.1.2") == ("Bộ Kế hoạch và Đầu tư", "chủ trì", "Quý III/2025", None)
    assert partner_names(tmp_path, tasks["PLI.1.2"][1]) == [
        "Bộ Khoa học và Công nghệ",
        "Bộ Tư pháp",
    ]
    assert partner_names(tmp_path, tasks["PLI.2.3"][1]) == [
        "Bộ Thông tin và Truyền thông",
        "Bộ Văn hóa, Thể thao và Du lịch",
        "Các bộ, ngành",
    ]
    assert row(tasks, "PLI.2.4")[2] == "2025-2028"
    groups = {b["name"] for b in load(result.out / "bodies.yaml")["bodies"] if b.get("group")}
    assert {"Các bộ, ngành liên quan", "Các bộ, ngành"} <= groups
    # the indicator appendix is kept in the plan's note, not turned into tasks
    assert "Chi cho nghiên cứu khoa học | % GDP | 2" in plan["note"]
    assert plan["note"].startswith("Ban hành kèm theo Nghị quyết số 58/NQ-CP")
    # the resolution's articles, recipients and both signatures are boilerplate, by line
    places = {e["line"]: (e["place"], e.get("detail", "")) for e in result.report["lines"]}
    assert places[18] == ("boilerplate", "điều khoản quyết định ban hành")
    assert places[24] == ("boilerplate", "nơi nhận") and places[34] == ("boilerplate", "chữ ký")
    assert places[62] == ("boilerplate", "chữ ký") and places[87] == ("note", "bảng chỉ tiêu")
    assert [(t["line"], t["result"]) for t in result.report["tables"]] == [
        (73, "4 nhiệm vụ"),
        (85, "bảng chỉ tiêu, ghi vào ghi chú của kế hoạch"),
    ]
    assert result.report["places"]["unplaced"] == 0


# ----------------------------------------------------------------- no task found


def test_a_document_without_tasks_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    document = tmp_path / "thong-bao.txt"
    document.write_text(
        "ỦY BAN NHÂN DÂN TỈNH X\n\nTHÔNG BÁO\n\nVề việc nghỉ Tết Nguyên đán.\n\n"
        "Nơi nhận:\n- Các sở;\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn A\n",
        encoding="utf-8",
    )
    with pytest.raises(NoTasksFound) as caught:
        import_document(document, tmp_path / "out")
    assert caught.value.exit_code == 1 and not (tmp_path / "out").exists()
    runner = CliRunner()
    report = tmp_path / "r.json"
    for text in ("", "\n\n  \n"):
        empty = tmp_path / "rong.md"
        empty.write_text(text, encoding="utf-8")
        result = runner.invoke(app, ["import", str(empty), "--out", str(tmp_path / "o")])
        assert result.exit_code == 1 and "Không tìm thấy nhiệm vụ nào" in result.stderr
        assert not (tmp_path / "o").exists()
    result = runner.invoke(
        app, ["import", str(document), "--out", str(tmp_path / "o"), "--report", str(report)]
    )
    assert result.exit_code == 1, result.stderr
    assert "Nhiệm vụ tìm thấy: 0" in result.stderr and not (tmp_path / "o").exists()
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["tasks"]["tasks"] == 0
    assert [(e["line"], e["place"]) for e in data["lines"]] == [
        (1, "note"), (3, "note"), (5, "note"),
        (7, "boilerplate"), (8, "boilerplate"), (10, "boilerplate"), (13, "boilerplate"),
    ]  # fmt: skip


def test_cli_summary_and_report(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    result = CliRunner().invoke(
        app, ["import", str(FORMS / GOV), "--out", str(tmp_path / "p"), "--report", str(report)]
    )
    assert result.exit_code == 0, result.stderr
    assert "Nhiệm vụ tìm thấy: 7 — có thời hạn 7, có cơ quan chủ trì 7" in result.stderr
    assert "Mục: 9 (I, II, III, III.1, III.2, PLI, PLI.1, PLI.2, PLII)." in result.stderr
    assert "Các bộ, ngành liên quan (mới)" in result.stderr
    assert "Bảng ở dòng 85: bảng chỉ tiêu" in result.stderr
    assert "nơi nhận dòng 24–27" in result.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["tasks"] == {"tasks": 7, "deadline": 7, "lead": 7, "partners": 5, "output": 3}
    assert len(data["lines"]) == sum(data["places"].values())


# ----------------------------------------------------------------- form 3: field blocks

UBND = "ubnd-tinh-truong-son-khoi-nghiep.txt"


def test_field_blocks_of_a_provincial_plan(tmp_path: Path) -> None:
    result, tasks, plan = imported(tmp_path, UBND)
    assert plan["number"] == "112/KH-UBND" and plan["issued"] == dt.date(2025, 5, 8)
    assert plan["signer"]["name"] == "Trần Thị Mai"
    assert sorted(tasks) == [
        "II.1", "II.2", "II.2.1", "II.2.2", "II.3", "II.4.1", "II.4.2", "II.5", "II.5.1",
        "II.5.2", "II.6", "II.6.1", "II.6.2", "III.1.1", "III.2.1",
    ]  # fmt: skip
    expected = {
        # lettered fields: "a) Nhiệm vụ", "b) Cơ quan thực hiện" over "- Đơn vị chủ trì/phối
        # hợp", "c) Thời gian thực hiện", "d) Sản phẩm"; the abbreviation is the full name
        "II.1": ("Sở Khoa học và Công nghệ", "chủ trì", "Quý III/2025", None),
        # several fields on one line separated by ";"; the bullets under "a) Nhiệm vụ:"
        "II.2": ("Sở Thông tin và Truyền thông", "chủ trì", "năm 2026", None),
        "II.2.1": ("Sở Thông tin và Truyền thông", "chủ trì", "", "II.2"),
        # label variants without letters; "chủ trì tham mưu" makes the lead whatever the
        # first word ("Phối hợp tổ chức …")
        "II.3": ("Tỉnh đoàn", "chủ trì", "tháng 10 hằng năm", None),
        # one label block under two bullets covers both; "2025 - 2027" stays one value
        "II.4.1": ("Sở Giáo dục và Đào tạo", "chủ trì", "2025 - 2027", None),
        "II.4.2": ("Sở Giáo dục và Đào tạo", "chủ trì", "2025 - 2027", None),
        # a deadline after "+" sub-items belongs to their parent …
        "II.5": ("Sở Kế hoạch và Đầu tư", "chủ trì", "năm 2027", None),
        "II.5.1": ("Sở Kế hoạch và Đầu tư", "chủ trì", "", "II.5"),
        # … unless each sub-item has its own; the lead line after them is the parent's
        "II.6": ("Sở Thông tin và Truyền thông", "chủ trì", "", None),
        "II.6.1": ("Sở Thông tin và Truyền thông", "chủ trì", "Quý II/2025", "II.6"),
        "II.6.2": ("Sở Thông tin và Truyền thông", "chủ trì", "Quý IV/2025", "II.6"),
        # "(cơ quan chủ trì)" heading; a deadline at the end of the prose without a comma
        "III.1.1": ("Sở Khoa học và Công nghệ", "chủ trì", "trước ngày 15 tháng 12 hằng năm", None),
        "III.2.1": (
            "Ủy ban nhân dân các huyện, thị xã, thành phố", "chủ trì", "hoàn thành trong năm 2025",
            None,
        ),
    }  # fmt: skip
    assert {tid: row(tasks, tid) for tid in expected} == expected
    assert tasks["II.1"][1]["title"] == (
        "Hoàn thiện cơ chế, chính sách hỗ trợ khởi nghiệp\n"
        "Rà soát, đề xuất sửa đổi chính sách hỗ trợ khởi nghiệp của tỉnh."
    )
    assert tasks["II.1"][1]["output"] == "Nghị quyết của HĐND tỉnh"
    assert partner_names(tmp_path, tasks["II.1"][1]) == [
        "Sở Tài chính", "Sở Tư pháp", "Ủy ban nhân dân các huyện, thị xã, thành phố"
    ]  # fmt: skip
    assert partner_names(tmp_path, tasks["II.2"][1]) == [
        "Sở Khoa học và Công nghệ", "Đài Phát thanh và Truyền hình tỉnh"
    ]  # fmt: skip
    assert partner_names(tmp_path, tasks["II.3"][1]) == [
        "Sở Văn hóa, Thể thao và Du lịch", "Hội Liên hiệp Phụ nữ tỉnh"
    ]  # fmt: skip
    assert [s["id"] for s in plan["sections"]] == ["I", "II", "II.4", "III", "III.1", "III.2"]
    places = {e["line"]: e for e in result.report["lines"]}
    assert places[19]["place"] == "task" and places[19]["detail"] == "II.1"  # "- Đơn vị chủ trì"
    assert places[32]["detail"] == "II.3"  # a field line the export joined to the one above
    assert [
        (e["line"], e["place"]) for e in result.report["lines"] if e["place"] == "unplaced"
    ] == [(59, "unplaced")]


# ----------------------------------------------------------------- form 4: body headings

PARTY = "tinh-uy-ben-giang-chuong-trinh-hanh-dong.txt"


def test_headings_that_name_the_body_at_every_level(tmp_path: Path) -> None:
    _, tasks, plan = imported(tmp_path, PARTY)
    assert plan["number"] == "27-CTr/TU" and plan["issuer"] == "Ban Thường vụ Tỉnh ủy"
    assert plan["title"].startswith("Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW")
    assert [(s["id"], s["title"]) for s in plan["sections"]] == [
        ("I", "MỤC TIÊU"),
        ("II", "NHIỆM VỤ VÀ GIẢI PHÁP"),
        ("II.1", "Nâng cao nhận thức, đổi mới tư duy"),
        ("II.1.1", "Ban Tuyên giáo Tỉnh ủy"),
        ("II.1.2", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy:"),
        ("II.2", "Hoàn thiện thể chế"),
        ("II.2.1", "Đảng đoàn HĐND tỉnh"),
        ("II.2.2", "Ban cán sự đảng UBND tỉnh"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
        ("III.1", "Ban Tổ chức Tỉnh ủy (chủ trì)"),
    ]
    expected = {
        "II.1.1.1": ("Ban Tuyên giáo Tỉnh ủy", "chủ trì", "hoàn thành trong quý II/2025", None),
        "II.1.1.2": ("Ban Tuyên giáo Tỉnh ủy", "chủ trì", "thực hiện thường xuyên", None),
        "II.1.2.1": (
            "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "chủ trì",
            "hoàn thành trước ngày 30/5/2025", None,
        ),
        "II.2.1.1": ("Đảng đoàn Hội đồng nhân dân tỉnh", "chủ trì", "năm 2025", None),
        "II.2.2.1": (
            "Ban cán sự đảng Ủy ban nhân dân tỉnh", "chủ trì", "hoàn thành trong năm 2026", None
        ),
        "II.2.2.2": ("Ban cán sự đảng Ủy ban nhân dân tỉnh", "phối hợp", "quý IV/2025", None),
        # "2.3. Sở Tài chính: …" names its lead before the colon
        "II.2.3": ("Sở Tài chính", "chủ trì", "hoàn thành trong năm 2025", None),
        "III.1.1": ("Ban Tổ chức Tỉnh ủy", "chủ trì", "trước ngày 15/6 và 15/12 hằng năm", None),
        "III.2": ("Văn phòng Tỉnh ủy", "phối hợp", "hằng quý", None),
    }  # fmt: skip
    assert {tid: row(tasks, tid) for tid in tasks} == expected
    assert partner_names(tmp_path, tasks["II.1.1.1"][1]) == [
        "Ban Dân vận Tỉnh ủy", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    ]  # fmt: skip
    # "HĐND" and "Hội đồng nhân dân" are one body
    assert partner_names(tmp_path, tasks["II.2.2.2"][1]) == ["Đảng đoàn Hội đồng nhân dân tỉnh"]
    assert partner_names(tmp_path, tasks["III.2"][1]) == ["Ban Tổ chức Tỉnh ủy"]
    assert tasks["II.1.1.2"][1]["title"] == "Định hướng công tác tuyên truyền trên Báo Bến Giang."


# ----------------------------------------------------------------- .docx, built here


def _decision_docx(path: Path) -> Path:
    """A People's Committee decision issuing a plan, as Word writes it: the heading block and
    the signature block side by side in two-column tables, the tasks in an appendix table
    with a lead cell merged down two rows."""
    import docx

    document = docx.Document()
    head = document.add_table(rows=2, cols=2)
    head.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH ĐÔNG LÂM"
    head.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    head.cell(1, 0).text = "Số: 905/QĐ-UBND"
    head.cell(1, 1).text = "Đông Lâm, ngày 02 tháng 6 năm 2025"
    for text, bold in (
        ("QUYẾT ĐỊNH", True),
        ("Ban hành Kế hoạch cải cách hành chính năm 2025", True),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", True),
        ("Căn cứ Luật Tổ chức chính quyền địa phương;", False),
        ("QUYẾT ĐỊNH:", True),
        ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.", False),
        ("Điều 2. Quyết định này có hiệu lực kể từ ngày ký.", False),
    ):
        document.add_paragraph().add_run(text).bold = bold or None
    sign = document.add_table(rows=1, cols=2)
    sign.cell(0, 0).text = "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT."
    sign.cell(0, 1).text = "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Văn Bình"
    for text, bold in (
        ("KẾ HOẠCH", True),
        ("Cải cách hành chính năm 2025", True),
        ("(Ban hành kèm theo Quyết định số 905/QĐ-UBND ngày 02/6/2025)", False),
        ("I. MỤC ĐÍCH, YÊU CẦU", True),
        ("Nâng cao chỉ số cải cách hành chính của tỉnh.", False),
        ("II. NHIỆM VỤ", True),
        ("Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", False),
    ):
        document.add_paragraph().add_run(text).bold = bold or None
    document.add_paragraph().add_run("PHỤ LỤC").bold = True
    document.add_paragraph().add_run("DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025").bold = True
    rows = [
        ("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
        ("1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Các sở, ban, ngành", "Quý II/2025"),
        ("2", "Phối hợp đo lường sự hài lòng", "Sở Nội vụ", "", "Tháng 11/2025"),
        ("3", "Số hóa hồ sơ", "", "Sở TT&TT", "Tháng 12/2025"),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    table.cell(2, 2).merge(table.cell(3, 2))  # Sở Nội vụ leads rows 2 and 3
    table.cell(2, 2).text = "Sở Nội vụ"
    document.save(str(path))
    return path


def test_a_decision_issuing_a_plan_as_docx(tmp_path: Path) -> None:
    path = _decision_docx(tmp_path / "qd-905.docx")
    result = import_document(path, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {t: (names[b], task, p) for t, (b, task, p) in all_tasks(result.out).items()}
    plan = load(result.out / "plan.yaml")
    assert plan["number"] == "905/QĐ-UBND" and plan["issued"] == dt.date(2025, 6, 2)
    assert plan["title"] == "Kế hoạch cải cách hành chính năm 2025"
    assert plan["signer"]["name"] == "Hoàng Văn Bình" and "CHỦ TỊCH" not in plan["note"]
    assert sorted(tasks) == ["PLI.1", "PLI.2", "PLI.3"]
    assert {t: row(tasks, t) for t in tasks} == {
        "PLI.1": ("Sở Tư pháp", "chủ trì", "Quý II/2025", None),
        "PLI.2": ("Sở Nội vụ", "chủ trì", "Tháng 11/2025", None),
        "PLI.3": ("Sở Nội vụ", "chủ trì", "Tháng 12/2025", None),  # the merged lead cell
    }
    assert partner_names(tmp_path, tasks["PLI.1"][1]) == ["Các sở, ban, ngành"]
    assert partner_names(tmp_path, tasks["PLI.3"][1]) == ["Sở Thông tin và Truyền thông"]
    # the table row and cell a reviewer opens
    assert {"table", "row"} <= set(tasks["PLI.2"][1]["source"])
    places = [(e["place"], e.get("detail", "")) for e in result.report["lines"]]
    assert ("boilerplate", "điều khoản quyết định ban hành") in places
    assert result.report["places"]["unplaced"] == 0
    assert result.report["inherited"] != []


def test_a_misspelled_body_gets_a_did_you_mean(tmp_path: Path) -> None:
    document = tmp_path / "kh.txt"
    document.write_text(
        "KẾ HOẠCH\nThử nghiệm\n\nII. NHIỆM VỤ\n"
        "1. Ban Tổ chức Tỉnh ủy chủ trì rà soát quy hoạch cán bộ (quý I/2026).\n"
        "2. Ban Tổ chứ Tỉnh ủy chủ trì sơ kết công tác cán bộ (quý II/2026).\n"
        "3. UBND tỉnh chỉ đạo các sở rà soát biên chế (quý III/2026).\n",
        encoding="utf-8",
    )
    result = import_document(document, tmp_path / "plan")
    assert result.report["suggestions"] == {"Ban Tổ chứ Tỉnh ủy": "Ban Tổ chức Tỉnh ủy"}
    assert "  “Ban Tổ chứ Tỉnh ủy”: Có phải ý bạn là “Ban Tổ chức Tỉnh ủy”?" in result.summary
    bodies = {b["name"]: b for b in result.report["bodies"]}
    assert bodies["Ban Tổ chứ Tỉnh ủy"]["new"] and not bodies["Ban Tổ chức Tỉnh ủy"]["new"]
    # the abbreviation is written out in full and kept as an alias
    written = load(result.out / "bodies.yaml")["bodies"]
    ubnd = next(b for b in written if b["name"] == "Ủy ban nhân dân tỉnh")
    assert ubnd["aliases"] == ["UBND tỉnh"]


def test_a_table_after_the_last_signature_is_read_not_dropped(tmp_path: Path) -> None:
    document = tmp_path / "kh.md"
    document.write_text(
        "KẾ HOẠCH\nThử nghiệm\n\nII. NHIỆM VỤ\nCác nhiệm vụ cụ thể như bảng sau.\n\n"
        "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Văn A\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Rà soát quy hoạch | Sở Xây dựng | Quý I/2026 |\n"
        "| 2 | Lập đề án vị trí việc làm | Sở Nội vụ | Quý II/2026 |\n",
        encoding="utf-8",
    )
    result = import_document(document, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {t: (names[b], task, p) for t, (b, task, p) in all_tasks(result.out).items()}
    assert {t: row(tasks, t) for t in tasks} == {
        "PLI.1": ("Sở Xây dựng", "chủ trì", "Quý I/2026", None),
        "PLI.2": ("Sở Nội vụ", "chủ trì", "Quý II/2026", None),
    }
    assert "Các nhiệm vụ cụ thể như bảng sau." in load(result.out / "plan.yaml")["note"]


# ----------------------------------------------------------------- a resolution, "Biểu số"

HDND = "hdnd-nghi-quyet-chuong-trinh-cong-tac.md"


def test_a_work_programme_issued_by_a_resolution_with_a_form_appendix(tmp_path: Path) -> None:
    result, tasks, plan = imported(tmp_path, HDND)
    assert plan["number"] == "15/NQ-HĐND" and plan["issued"] == dt.date(2025, 12, 10)
    assert plan["title"] == "Chương trình công tác năm 2026 của Hội đồng nhân dân tỉnh Nam Sơn"
    assert plan["signer"] == {"name": "Phạm Thị Lan", "position": "Chủ tịch"}
    assert [s["id"] for s in plan["sections"]] == [
        "I", "II", "PL1", "PL1.1", "PL1.1.1", "PL1.1.2", "PL1.2"
    ]  # fmt: skip
    hd = "Thường trực Hội đồng nhân dân tỉnh"
    assert {t: row(tasks, t) for t in tasks} == {
        "I.1": ("Các cơ quan, đơn vị, địa phương", "chủ trì", "tháng 7/2026", None),
        "I.2": ("Các cơ quan, đơn vị, địa phương", "chủ trì", "tháng 12/2026", None),
        "PL1.1.1.1": (hd, "chủ trì", "Quý II/2026", None),
        "PL1.1.1.2": (hd, "chủ trì", "Quý III/2026", None),
        # rows 3 and 4 keep the numbers the appendix gives them across its group rows
        "PL1.1.2.3": ("Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh", "chủ trì", "Tháng 9/2026",
                      None),
        "PL1.2.4": ("Văn phòng Đoàn ĐBQH và Hội đồng nhân dân tỉnh", "chủ trì", "Thường xuyên",
                    None),
    }  # fmt: skip
    assert partner_names(tmp_path, tasks["PL1.1.1.1"][1]) == [
        "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh", "Sở Y tế"
    ]  # fmt: skip
    assert tasks["PL1.1.1.2"][1]["output"] == "Báo cáo giám sát"
    # the appendix's own heading block ("HỘI ĐỒNG NHÂN DÂN TỈNH NAM SƠN" over "Biểu số 01")
    # is not glued to the task above it; the pointer to the appendix is a note
    places = {e["line"]: (e["place"], e.get("detail", "")) for e in result.report["lines"]}
    assert places[47] == ("boilerplate", "đầu văn bản")
    assert places[45] == ("note", "chỉ dẫn tới phụ lục")
    assert places[64] == ("boilerplate", "chữ ký")  # "Q. CHỦ TỊCH" closes the appendix


def test_a_table_in_the_decisions_articles_is_reported(tmp_path: Path) -> None:
    document = tmp_path / "qd.md"
    document.write_text(
        "**QUYẾT ĐỊNH**\n\n**Ban hành Kế hoạch thử**\n\n"
        "Điều 1. Ban hành kèm theo các nhiệm vụ sau:\n\n"
        "| STT | Nội dung | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Rà soát | Sở Nội vụ | 2026 |\n\n"
        "TM. ỦY BAN NHÂN DÂN\n\nNguyễn Văn B\n\n**KẾ HOẠCH**\n\n**Thử**\n\nII. NHIỆM VỤ\n\n"
        "1. Sở Tư pháp rà soát văn bản (quý I/2026).\n",
        encoding="utf-8",
    )
    result = import_document(document, tmp_path / "plan")
    assert result.tasks == 1
    assert result.report["tables"] == [
        {"line": 7, "result": "trong phần thủ tục (điều khoản quyết định ban hành), "
         "không đọc thành nhiệm vụ"}
    ]  # fmt: skip
    assert any(line.startswith("Bảng ở dòng 7: trong phần thủ tục") for line in result.summary)


def test_lettered_items_with_their_own_lead_are_tasks_not_notes(tmp_path: Path) -> None:
    document = tmp_path / "kh.txt"
    document.write_text(
        "KẾ HOẠCH\nThử\n\nII. NHIỆM VỤ\n1. Tăng cường công tác cải cách hành chính.\n"
        "a) Rà soát thủ tục hành chính.\nCơ quan chủ trì: Sở Tư pháp\nThời gian: Quý I/2026\n"
        "b) Đo lường sự hài lòng.\nCơ quan chủ trì: Sở Nội vụ\nThời gian: Quý II/2026\n"
        "2. Sở Y tế chủ trì kiểm tra (quý III/2026).\n",
        encoding="utf-8",
    )
    result = import_document(document, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {t: (names[b], task, p) for t, (b, task, p) in all_tasks(result.out).items()}
    assert {t: row(tasks, t) for t in tasks} == {
        "II.1.1": ("Sở Tư pháp", "chủ trì", "Quý I/2026", None),
        "II.1.2": ("Sở Nội vụ", "chủ trì", "Quý II/2026", None),
        "II.2": ("Sở Y tế", "chủ trì", "quý III/2026", None),
    }
    assert all("note" not in task for _, task, _ in tasks.values())
    sections = load(result.out / "plan.yaml")["sections"]
    assert ("II.1", "Tăng cường công tác cải cách hành chính.") in [
        (s["id"], s["title"]) for s in sections
    ]
    assert {e["line"]: e["place"] for e in result.report["lines"]}[5] == "heading"
