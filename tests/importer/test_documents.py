"""Plan documents in other provinces' styles import into valid plans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kehoach.checks import validate
from kehoach.importer import ImportResult, import_document
from tests.importer import DATA, all_tasks, body_names, load

DOCUMENTS = sorted(  # the table-shape documents are checked in test_text_tables
    p.name
    for p in DATA.iterdir()
    if p.suffix in (".md", ".txt") and not p.name.startswith("table-")
)
TABLE_DOC = "ubnd-ha-giang-chuyen-doi-so.md"
HUYEN_DOC = "huyen-uy-son-tinh-chi-thi-05.txt"
KHOI_DOC = "dang-uy-khoi-quy-dinh-69.md"


def do_import(tmp_path: Path, name: str) -> tuple[ImportResult, dict[str, Any], dict[str, str]]:
    result = import_document(DATA / name, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {
        tid: (names[body], task, parent)
        for tid, (body, task, parent) in all_tasks(result.out).items()
    }
    return result, tasks, names


def test_there_are_documents_in_three_styles() -> None:
    assert {TABLE_DOC, HUYEN_DOC, KHOI_DOC} <= set(DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_imports_a_valid_plan(tmp_path: Path, name: str) -> None:
    result = import_document(DATA / name, tmp_path / "plan")
    plan, problems = validate(result.out, dt.date(2030, 1, 1))
    assert [p.render() for p in problems] == []
    assert plan is not None and len(plan.tasks) == result.tasks > 5


@pytest.mark.parametrize("name", DOCUMENTS)
def test_ids_are_stable(tmp_path: Path, name: str) -> None:
    first = import_document(DATA / name, tmp_path / "a")
    second = import_document(DATA / name, tmp_path / "b")
    assert first.files == second.files


@pytest.mark.parametrize("name", DOCUMENTS)
def test_every_task_starts_on_its_source_line(tmp_path: Path, name: str) -> None:
    lines = (DATA / name).read_text(encoding="utf-8").replace("*", "").split("\n")
    result = import_document(DATA / name, tmp_path / "plan")
    for tid, (_, task, _) in all_tasks(result.out).items():
        head = task["title"].split("\n")[0][:30]
        assert head in lines[task["source"]["line"] - 1], tid


def test_markdown_table(tmp_path: Path) -> None:
    result, tasks, _ = do_import(tmp_path, TABLE_DOC)
    plan = load(result.out / "plan.yaml")
    assert plan["number"] == "245/KH-UBND" and plan["issued"] == dt.date(2023, 9, 15)
    assert plan["issuer"] == "Ủy ban nhân dân tỉnh"
    assert plan["signer"] == {
        "name": "Nguyễn Văn Sơn", "position": "Phó Chủ tịch", "on_behalf": "TM. Ủy ban nhân dân"
    }  # fmt: skip
    assert [(d["ref"], d["issuer"]) for d in plan["implements"]] == [
        ("749/QĐ-TTg", "Thủ tướng Chính phủ"),
        ("05-NQ/TU", "Ban Chấp hành Đảng bộ tỉnh"),
    ]
    assert [(s["id"], s["title"]) for s in plan["sections"]][1:4] == [
        ("II", "NHIỆM VỤ, GIẢI PHÁP"),
        ("II.1", "Hoàn thiện thể chế"),
        ("II.2", "Phát triển hạ tầng số"),
    ]
    body, task, _ = tasks["II.1.2"]
    assert body == "Sở Thông tin và Truyền thông"
    assert task["title"] == "Ban hành danh mục cơ sở dữ liệu dùng chung của tỉnh"
    assert task["deadline"] == "2024"
    names = body_names(result.out)
    assert [names[p] for p in task["partners"]] == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
    assert task["source"] == {"section": "II.1", "item": 2, "line": 27}
    assert tasks["II.1.1"][1]["output"] == "Quyết định của UBND tỉnh"
    assert "note" not in tasks["II.1.1"][1]
    # a group of bodies ("các sở, ban, ngành") is a partner of a group kind; "UBND" is
    # written out in full
    assert [names[p] for p in tasks["II.1.1"][1]["partners"]] == [
        "Văn phòng Ủy ban nhân dân tỉnh",
        "Các sở, ban, ngành",
    ]
    groups = {b["name"] for b in load(result.out / "bodies.yaml")["bodies"] if b.get("group")}
    assert "Các sở, ban, ngành" in groups
    deadlines = {tid: t.get("deadline") for tid, (_, t, _) in tasks.items()}
    # the table numbers on across its group rows (I: 1, 2; II: 3 … 8): ids keep the STT
    assert deadlines["II.2.3"] == "6/2025" and deadlines["II.2.4"] == "Quý III/2024"
    assert tasks["II.2.7"][1]["depends_on"] == {"events": ["co-huong-dan-cua-bo-noi-vu"]}
    assert tasks["III.3"][0] == "Các sở, ban, ngành, Ủy ban nhân dân các huyện, thành phố"
    # a deadline the engine cannot read is reported, kept as a note, and not invented
    assert "deadline" not in tasks["II.2.8"][1]
    assert "cuối nhiệm kỳ nếu được" in tasks["II.2.8"][1]["note"]
    assert [(u.line, u.reason) for u in result.unplaced] == [
        (34, "thời hạn chưa đọc được"),
        (44, "lời kết, không phải nhiệm vụ"),
    ]


def test_field_lines_nesting_and_page_breaks(tmp_path: Path) -> None:
    result, tasks, names = do_import(tmp_path, HUYEN_DOC)
    plan = load(result.out / "plan.yaml")
    assert plan["number"] == "42-KH/HU" and plan["issuer"] == "Ban Thường vụ Huyện ủy"
    assert plan["signer"]["position"] == "Bí thư"
    body, task, _ = tasks["II.1.1"]
    assert body == "Ban Tuyên giáo Huyện ủy"
    assert [names[p] for p in task["partners"]] == [
        "Trung tâm Chính trị huyện",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
    ]
    assert tasks["II.1.2"][1]["deadline"] == "thường xuyên"
    assert [s["id"] for s in tasks["II.2.2"][1]["subtasks"]] == ["II.2.2.1", "II.2.2.2"]
    assert tasks["II.2.2.1"][1]["source"] == {"section": "II.2", "item": 2, "sub": 1, "line": 31}
    assert tasks["III.2"][1]["title"].endswith(
        "phù hợp với tình hình thực tế của địa phương, đơn vị."
    )
    body, task, _ = tasks["III.3"]
    assert body == "Đảng ủy các xã, thị trấn" and task["role"] == "phối hợp"
    assert [names[p] for p in task["partners"]] == ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện"]
    assert [(u.line, u.reason) for u in result.unplaced] == [(41, "lời kết, không phải nhiệm vụ")]
    assert "# Chưa xếp được (dòng 41, lời kết" in result.files["plan.yaml"]


def test_letter_sections_stars_and_shared_heading(tmp_path: Path) -> None:
    result, tasks, _ = do_import(tmp_path, KHOI_DOC)
    plan = load(result.out / "plan.yaml")
    assert [s["id"] for s in plan["sections"]] == ["A", "B", "B.1", "B.2", "B.3", "C"]
    assert plan["title"].startswith("Kế hoạch triển khai thực hiện Quy định số 69-QĐ/TW")
    assert [s["id"] for s in tasks["B.1.2"][1]["subtasks"]] == ["B.1.2.1", "B.1.2.2"]
    assert tasks["B.2.1"][0] == "Ban Tổ chức Đảng ủy Khối"
    assert tasks["B.2.2"][0] == "Văn phòng Đảng ủy Khối"
    assert tasks["B.3.1"][0] == "Các chi, đảng bộ cơ sở"
    assert tasks["C.1"][0] == "Ủy ban Kiểm tra Đảng ủy Khối"
    assert tasks["C.2"][1]["title"] == "Các tổ chức cơ sở đảng báo cáo số liệu theo mẫu sau:"
    assert [u.line for u in result.unplaced] == [41, 43]
    assert result.files["plan.yaml"].count("# Chưa xếp được") == 2


def test_assignment_in_parentheses_and_dotted_numbers(tmp_path: Path) -> None:
    result, tasks, names = do_import(tmp_path, "so-noi-vu-cai-cach-hanh-chinh.txt")
    plan = load(result.out / "plan.yaml")
    assert plan["issuer"] == "Sở Nội vụ" and plan["signer"] == {
        "name": "Lê Văn Hùng",
        "position": "Giám đốc",
    }
    assert plan["note"].startswith("I. MỤC TIÊU\nHoàn thành 100%")
    body, task, _ = tasks["II.1.1"]
    assert body == "Phòng Pháp chế"
    assert task["title"] == "Rà soát văn bản quy phạm pháp luật thuộc lĩnh vực nội vụ."
    assert task["deadline"] == "hoàn thành trong quý II/2024"
    assert [names[p] for p in task["partners"]] == ["Văn phòng Sở"]
    assert tasks["II.2.2"][1]["deadline"] == "hằng quý"
    assert [names[p] for p in tasks["II.2.2"][1]["partners"]] == ["Thanh tra Sở"]
    # "3. Cải cách chế độ công vụ" is a topic over a paragraph that names its lead
    assert tasks["II.3.1"][0] == "Phòng Công chức, viên chức"
    # a deadline the engine cannot read stays in the text and is reported
    assert tasks["III.2"][1]["title"].endswith(
        "(2 tháng/lần, trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2024)."
    )
    assert [(u.line, u.reason) for u in result.unplaced] == [
        (27, "thời hạn chưa đọc được, để lại trong nội dung")
    ]
