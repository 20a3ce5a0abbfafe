"""Document references (số/ký hiệu văn bản): parts, malformed ones, the validation check."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from kehoach.checks import Context
from kehoach.checks.docrefs import check_docrefs
from kehoach.docref import docref_problems, find_docrefs, is_malformed_docref, parse_docref
from kehoach.loaded_plan import load_plan

TODAY = dt.date(2024, 1, 1)
SHIPPED = Path(__file__).resolve().parents[1] / "plan"


@pytest.mark.parametrize(
    ("text", "number", "year", "kind", "issuer", "system"),
    [
        ("26-NQ/TW", "26", None, "NQ", "TW", "party"),
        ("10-KH/TW", "10", None, "KH", "TW", "party"),
        ("124-QĐ/TW", "124", None, "QĐ", "TW", "party"),
        ("217-QĐ/TW", "217", None, "QĐ", "TW", "party"),
        ("35-CT/TW", "35", None, "CT", "TW", "party"),
        ("15-KH/TU", "15", None, "KH", "TU", "party"),
        ("36-HD/VPTW", "36", None, "HD", "VPTW", "party"),
        ("05-QĐi/TW", "05", None, "QĐi", "TW", "party"),
        ("04/2013/QĐ-UBND", "04", 2013, "QĐ", "UBND", "state"),
        ("09/2019/NĐ-CP", "09", 2019, "NĐ", "CP", "state"),
        ("42/2014/QĐ-TTg", "42", 2014, "QĐ", "TTg", "state"),
        ("123/QĐ-UBND", "123", None, "QĐ", "UBND", "state"),
        ("22/2008/QH12", "22", 2008, None, "QH12", "state"),
    ],
)
def test_well_formed_references(
    text: str, number: str, year: int | None, kind: str | None, issuer: str, system: str
) -> None:
    ref = parse_docref(text, today=TODAY)
    assert ref is not None
    assert (ref.text, ref.number, ref.year, ref.type, ref.issuer, ref.system) == (
        text,
        number,
        year,
        kind,
        issuer,
        system,
    )
    assert docref_problems(text, today=TODAY) == []


def test_reference_in_free_text_with_its_date() -> None:
    ref = parse_docref("Kế hoạch số 15-KH/TU ngày 20/8/2018 của Ban Thường vụ", today=TODAY)
    assert ref is not None
    assert ref.to_json() == {
        "text": "15-KH/TU",
        "number": "15",
        "year": None,
        "type": "KH",
        "type_name": "Kế hoạch",
        "issuer": "TU",
        "system": "party",
        "date": "2018-08-20",
    }
    worded = parse_docref("Chỉ thị số 35-CT/TW, ngày 30 tháng 5 năm 2019", today=TODAY)
    assert worded is not None and worded.date == dt.date(2019, 5, 30)
    many = find_docrefs("Căn cứ 26-NQ/TW và (10-KH/TW); QĐ 04/2013/QĐ-UBND.", today=TODAY)
    assert [r.text for r in many] == ["26-NQ/TW", "10-KH/TW", "04/2013/QĐ-UBND"]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("15-KH/", "thiếu cơ quan ban hành sau dấu '/'"),
        ("KH/TU", "thiếu số văn bản"),
        ("04/2013/QĐ", "thiếu cơ quan ban hành"),
        ("15-XX/TU", "loại văn bản 'XX' không có trong danh mục"),
        ("124-QD/TW", "viết đúng là 'QĐ'"),
        ("04/2030/QĐ-UBND", "năm 2030 không hợp lệ"),
        ("04/1900/QĐ-UBND", "năm 1900 không hợp lệ"),
        ("0-KH/TU", "phải lớn hơn 0"),
        ("Kế hoạch 15-KH/TU ngày 31/2/2018", "không tồn tại trong lịch"),
    ],
)
def test_malformed_references(text: str, reason: str) -> None:
    message = is_malformed_docref(text, today=TODAY)
    assert message is not None and reason in message
    assert parse_docref(text, today=TODAY) is None or "31/2" in text


@pytest.mark.parametrize(
    "text",
    [
        "Báo cáo tại hội nghị ngày 20/8/2018",
        "T/M Ban Thường vụ",
        "Đ/c Bí thư",
        "tỷ lệ 1/2, xem https://example.vn/a/b",
        "",
    ],
)
def test_text_without_references_is_not_flagged(text: str) -> None:
    assert is_malformed_docref(text, today=TODAY) is None
    assert parse_docref(text, today=TODAY) is None


def test_check_flags_malformed_references_at_their_place(tmp_path: Path) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(SHIPPED, plan_dir)
    plan, problems = load_plan(plan_dir)
    assert plan is not None and problems == []
    assert check_docrefs(plan, Context(TODAY)) == []  # the shipped plan is clean

    plan_file = plan_dir / "plan.yaml"
    plan_file.write_text(
        plan_file.read_text(encoding="utf-8").replace("  - ref: 10-KH/TW", "  - ref: 10-KH/"),
        encoding="utf-8",
    )
    events = plan_dir / "events.yaml"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "  - id: tw-quy-che-chung\n",
            "  - id: tw-quy-che-chung\n    ref: quy chế chung\n",
        ),
        encoding="utf-8",
    )
    tasks = plan_dir / "tasks" / "ubkt.yaml"
    text = tasks.read_text(encoding="utf-8")
    first_status = text.index("    status: chưa thực hiện\n")
    tasks.write_text(
        text[:first_status] + "    status: hoàn thành\n    history:\n      - date: 2018-08-20\n"
        "        status: hoàn thành\n        evidence: Báo cáo 15-XX/TU\n"
        + text[first_status + len("    status: chưa thực hiện\n") :],
        encoding="utf-8",
    )
    plan, problems = load_plan(plan_dir)
    assert plan is not None and problems == []
    found = check_docrefs(plan, Context(TODAY))
    by_file = {(Path(p.path).name, p.line, p.code): p.message for p in found}
    assert len(found) == 3, found
    plan_line = plan_file.read_text(encoding="utf-8").splitlines().index("  - ref: 10-KH/") + 1
    assert "thiếu cơ quan ban hành" in by_file[("plan.yaml", plan_line, "docref")]
    event_line = events.read_text(encoding="utf-8").splitlines().index("    ref: quy chế chung") + 1
    assert "không chứa số/ký hiệu" in by_file[("events.yaml", event_line, "docref")]
    task_line = (
        tasks.read_text(encoding="utf-8").splitlines().index("        evidence: Báo cáo 15-XX/TU")
        + 1
    )
    message = by_file[("ubkt.yaml", task_line, "docref")]
    assert message.startswith("Nhiệm vụ III.5.1: ") and "'XX'" in message
