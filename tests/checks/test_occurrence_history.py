"""History of recurring tasks: in order per occurrence; an occurrence must be one of the task's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.checks import validate
from kehoach.errors import Problem
from tests.planbuilder import build_plan, done

TODAY = dt.date(2020, 6, 30)


def problems(tmp_path: Path, task: dict[str, Any], *, warnings: bool = False) -> list[Problem]:
    root = build_plan(tmp_path / "p", [{"id": "t", "status": "hoàn thành", **task}])
    return validate(root, TODAY, warnings=warnings)[1]


def test_recording_2018_after_2019_is_allowed_on_a_yearly_task(tmp_path: Path) -> None:
    history = [done("2019-07-15", occurrence="2019"), done("2019-08-01", occurrence="2018")]
    assert problems(tmp_path, {"deadline": "thực hiện hằng năm", "history": history}) == []


def test_order_is_still_checked_within_one_occurrence(tmp_path: Path) -> None:
    history = [done("2019-08-01", occurrence="2019"), done("2019-07-15")]  # both for 2019
    found = problems(tmp_path, {"deadline": "thực hiện hằng năm", "history": history})
    assert [p.code for p in found] == ["history-order"]
    assert "lịch sử của kỳ năm 2019 không theo thứ tự thời gian" in found[0].message


def test_order_is_checked_on_the_whole_history_of_a_one_off_task(tmp_path: Path) -> None:
    history = [done("2019-08-01"), done("2019-07-15")]
    found = problems(tmp_path, {"deadline": "năm 2019", "history": history})
    assert [p.code for p in found] == ["history-order"]


def test_an_occurrence_the_task_does_not_have_is_an_error(tmp_path: Path) -> None:
    history = [done("2019-07-15", occurrence="2019-Q3")]  # a yearly task has no quarters
    found = problems(tmp_path, {"deadline": "thực hiện hằng năm", "history": history})
    assert [p.code for p in found] == ["occurrence"]
    assert "kỳ '2019-Q3' không phải một kỳ của nhiệm vụ." in found[0].message
    assert found[0].line > 0


def test_an_occurrence_on_a_one_off_task_is_an_error(tmp_path: Path) -> None:
    task = {"deadline": "năm 2019", "history": [done("2019-07-15", occurrence="2019")]}
    found = problems(tmp_path, task)
    assert [(p.code, p.severity) for p in found] == [("occurrence", "error")]
    assert "(nhiệm vụ không định kỳ)" in found[0].message


def test_a_task_without_deadline_is_a_warning_only_when_asked(tmp_path: Path) -> None:
    task = {"deadline": "", "status": "chưa thực hiện"}
    assert problems(tmp_path, task) == []
    found = problems(tmp_path, task, warnings=True)
    assert [(p.code, p.severity) for p in found] == [("no-deadline", "warning")]
    assert found[0].render().split(": ", 1)[1].startswith("cảnh báo: Nhiệm vụ t: không đọc")
    schedule = problems(
        tmp_path, {"deadline": "theo quy định", "status": "chưa thực hiện"}, warnings=True
    )
    assert "thời hạn 'theo …' không cho ngày cụ thể" in schedule[0].message


def test_a_deadline_from_an_unknown_issue_date_is_a_warning(tmp_path: Path) -> None:
    """ "kể từ ngày ban hành Kế hoạch" in a plan that does not say when it was issued:
    reports show the task as undated, and validate says why."""
    import yaml

    task = {
        "deadline": "trong vòng 30 ngày kể từ ngày ban hành Kế hoạch",
        "status": "chưa thực hiện",
    }
    root = build_plan(tmp_path / "p", [{"id": "t", **task}])
    assert validate(root, TODAY, warnings=True)[1] == []  # the plan knows its issue date
    plan_file = root / "plan.yaml"
    info = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    del info["issued"]
    plan_file.write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    found = validate(root, TODAY, warnings=True)[1]
    assert [(p.code, p.severity) for p in found] == [("no-deadline", "warning")]
    assert "plan.yaml không ghi ngày ban hành" in found[0].message
    assert validate(root, TODAY)[1] == []
