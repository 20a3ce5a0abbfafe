"""Whole-plan checks: each fault gets a fixture, and the message and line are asserted."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from typing import Any

from kehoach.checks import validate
from kehoach.errors import Problem
from tests.planbuilder import build_plan, done, progress

AS_OF = dt.date(2020, 1, 1)


def problems_for(tmp_path: Path, tasks: list[dict[str, Any]], **kwargs: Any) -> list[Problem]:
    root = build_plan(tmp_path / "p", tasks, **kwargs)
    _, problems = validate(root, AS_OF)
    return problems


def rendered(problems: list[Problem]) -> list[str]:
    return [f"{Path(p.path).name}:{p.line}: {p.message}" for p in problems]


def test_shipped_plan_is_valid(shipped_plan: Path) -> None:
    plan, problems = validate(shipped_plan, AS_OF)
    assert problems == []
    assert plan is not None and len(plan.tasks) == 79


def test_unknown_partner_with_suggestion(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, [{"id": "a", "partners": ["so-noi-vuu"]}])
    assert rendered(problems) == [
        "ban-to-chuc.yaml:5: Nhiệm vụ a: cơ quan phối hợp 'so-noi-vuu' không có trong "
        "danh mục cơ quan (bodies.yaml). Có phải ý bạn là 'so-noi-vu'?"
    ]


def test_partner_names_match_across_unicode_forms_and_tone_placement(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Sở Nội  vụ")
    problems = problems_for(
        tmp_path,
        [
            {"id": "a", "partners": [nfd, "ban tuyên giáo tỉnh uỷ", "SỞ NỘI VỤ"]},
        ],
    )
    assert problems == []


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, [{"id": "a"}], other_files={"so-noi-vu": [{"id": "a"}]})
    assert len(problems) == 1
    assert problems[0].path.endswith("so-noi-vu.yaml")
    assert "mã bị trùng" in problems[0].message
    assert problems[0].line == 3


def test_unknown_event_and_task_references(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        [
            {
                "id": "a",
                "deadline": "thực hiện sau khi có chỉ thị",
                "depends_on": {"events": ["khong-co"], "tasks": ["b", "zz"]},
            },
            {"id": "b"},
        ],
    )
    messages = [p.message for p in problems]
    assert "Nhiệm vụ a: sự kiện 'khong-co' không có trong events.yaml." in messages
    assert "Nhiệm vụ a: nhiệm vụ 'zz' không tồn tại." in messages
    assert len(problems) == 2


def test_dependency_cycle(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        [
            {"id": "a", "depends_on": {"tasks": ["b"]}},
            {"id": "b", "depends_on": {"tasks": ["a"]}},
        ],
    )
    assert [p.code for p in problems] == ["dependency-cycle"]
    assert "a → b → a" in problems[0].message


def test_history_before_plan_out_of_order_in_future_and_status_mismatch(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        [
            {"id": "early", "status": "đang thực hiện", "history": [progress("2018-01-05")]},
            {
                "id": "order",
                "status": "hoàn thành",
                "history": [progress("2018-09-01"), done("2018-08-01")],
            },
            {"id": "future", "status": "hoàn thành", "history": [done("2021-01-01")]},
            {"id": "mismatch", "status": "hoàn thành", "history": [progress("2018-09-01")]},
        ],
    )
    by_code = {p.code: p for p in problems}
    assert set(by_code) == {
        "date-before-plan",
        "history-order",
        "date-in-future",
        "status-mismatch",
    }
    assert by_code["date-before-plan"].message == (
        "Nhiệm vụ early: cập nhật ngày 05/01/2018 sớm hơn ngày của kế hoạch (06/06/2018)."
    )
    assert by_code["history-order"].line == 16
    assert "tương lai" in by_code["date-in-future"].message
    assert "khác với cập nhật cuối cùng" in by_code["status-mismatch"].message


def test_parent_done_while_subtask_open(tmp_path: Path) -> None:
    problems = problems_for(
        tmp_path,
        [
            {
                "id": "p",
                "status": "hoàn thành",
                "history": [done("2018-09-01")],
                "subtasks": [{"id": "c", "title": "c"}],
            },
        ],
    )
    assert [p.code for p in problems] == ["parent-done-early"]


def test_typo_in_key_and_bad_enum_value(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, [{"id": "a", "deadlin": "x", "status": "xong"}])
    messages = sorted((p.message for p in problems), reverse=True)
    assert messages[0].startswith("Trường 'deadlin' không có trong định dạng tệp.")
    assert "Có phải ý bạn là 'deadline'?" in messages[0]
    assert messages[1] == (
        "Nhiệm vụ a, tình trạng: giá trị 'xong' không hợp lệ; chỉ chấp nhận 'chưa thực hiện', "
        "'đang thực hiện', 'hoàn thành' hoặc 'dừng thực hiện'."
    )


def test_unparseable_deadline_is_reported_at_its_line(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, [{"id": "a", "deadline": "khi nào rảnh thì làm"}])
    assert len(problems) == 1
    assert problems[0].code == "deadline"
    assert problems[0].line == 4
    assert problems[0].message.startswith("Nhiệm vụ a: ")


def test_after_deadline_needs_a_trigger(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, [{"id": "a", "deadline": "thực hiện sau khi có kế hoạch"}])
    assert [p.code for p in problems] == ["after-without-trigger"]


def test_every_problem_is_reported_sorted(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [{"id": "a", "partners": ["x"]}, {"id": "b", "depends_on": {"events": ["y"]}}],
    )
    (root / "tasks" / "z.yaml").write_text("body: [\n", encoding="utf-8")
    _, problems = validate(root, AS_OF)
    assert len(problems) == 3
    assert problems == sorted(problems)


def test_suggestions_are_bounded_for_many_broken_references(tmp_path: Path) -> None:
    tasks = [{"id": f"t{i}", "partners": ["so-noi-vuu"]} for i in range(60)]
    problems = problems_for(tmp_path, tasks)
    assert len(problems) == 60
    suggested = [p for p in problems if "Có phải ý bạn là 'so-noi-vu'?" in p.message]
    assert len(suggested) == 50
