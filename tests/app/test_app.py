"""The application layer, called as a library: values back, our errors with exit codes."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest

from kehoach.app import (
    build_report,
    evaluate_plan,
    find_body,
    open_plan,
    open_valid_plan,
    overdue_list,
    status_summary,
)
from kehoach.errors import InputError, PlanInvalid, UnknownName, UsageError
from tests.planbuilder import build_plan, progress

D = dt.date.fromisoformat


def _broken(tmp_path: Path) -> Path:
    return build_plan(
        tmp_path / "p",
        [{"id": "a", "deadline": "quý III/2019", "partners": ["so-noi-vuu"]}],
    )


def test_open_valid_plan_raises_plan_invalid_with_every_problem(tmp_path: Path) -> None:
    root = _broken(tmp_path)
    with pytest.raises(PlanInvalid) as caught:
        open_valid_plan(root, D("2019-09-30"))
    assert caught.value.exit_code == 1
    assert [p.code for p in caught.value.problems] == ["unknown-body"]
    assert "Có phải ý bạn là 'so-noi-vu'?" in caught.value.problems[0].message
    assert "Kế hoạch có 1 lỗi" in caught.value.message


def test_open_plan_returns_problems_instead_of_raising(tmp_path: Path) -> None:
    checked = open_plan(_broken(tmp_path), D("2019-09-30"))
    assert checked.plan is not None and not checked.valid
    assert len(checked.problems) == 1


def test_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        open_valid_plan(tmp_path / "none", D("2019-09-30"))
    assert caught.value.exit_code == 2


def test_find_body_accepts_names_without_diacritics_and_suggests(tmp_path: Path) -> None:
    plan = open_valid_plan(build_plan(tmp_path / "p", [{"id": "a"}]), D("2019-01-01"))
    assert find_body(plan, "ban to chuc tinh uy") == "ban-to-chuc"
    assert find_body(plan, None) is None
    with pytest.raises(UnknownName) as caught:
        find_body(plan, "ban-to-chucc")
    assert caught.value.exit_code == 2
    assert "Có phải ý bạn là 'ban-to-chuc'?" in caught.value.message


def test_reporting_use_cases_agree_on_one_plan(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "late",
                "deadline": "quý II/2019",
                "status": "đang thực hiện",
                "history": [progress("2019-05-02")],
            },
            {"id": "soon", "deadline": "hoàn thành trước ngày 10/10/2019"},
            {"id": "later", "deadline": "năm 2020"},
        ],
    )
    day = D("2019-09-30")
    evaluated, figures = status_summary(root, day)
    assert figures.total == 3 and figures.overdue == 1
    found = overdue_list(root, day, within=10)
    assert [s.id for s in found.late] == ["late"]
    assert found.soon is not None and [s.id for s in found.soon] == ["soon"]
    assert evaluate_plan(root, day).evaluation.by_id["late"].days_overdue == 92
    report = build_report(root, "quarter", "2019-Q3")
    assert report.evaluation.as_of == D("2019-09-30") and report.figures.overdue == 1
    assert evaluated.body is None


def test_bad_options_are_usage_errors(tmp_path: Path) -> None:
    root = build_plan(tmp_path / "p", [{"id": "a"}])
    with pytest.raises(UsageError):
        overdue_list(root, D("2019-01-01"), within=-1)
    with pytest.raises(UsageError):
        evaluate_plan(root, D("2019-01-01"), cutoff="lunar")
    with pytest.raises(InputError):
        build_report(root, "quarter", "2019-Q5")


def test_the_core_leaves_the_garbage_collector_alone(tmp_path: Path) -> None:
    root = build_plan(tmp_path / "p", [{"id": "a"}])
    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    evaluate_plan(root, D("2019-01-01"))
    assert gc.isenabled() and gc.get_freeze_count() == frozen


def test_a_checked_plan_keeps_no_raw_task_data_but_still_knows_where_tasks_start(
    tmp_path: Path,
) -> None:
    """open_valid_plan drops the raw data of the task files (kept only to place problems);
    the line a task starts on, which ``show`` prints, survives it."""
    from kehoach.app.tasks_view import show_task
    from kehoach.loaded_plan import load_plan

    sub = {"id": "b.1", "title": "Nhiệm vụ con"}
    root = build_plan(tmp_path / "p", [{"id": "a"}, {"id": "b", "subtasks": [sub]}])
    loaded, _ = load_plan(root)
    assert loaded is not None
    lines = {entry.id: entry.line for entry in loaded.tasks}
    assert all(entry.raw is not None and entry.line == entry.raw.line for entry in loaded.tasks)
    assert lines["a"] is not None and lines["b.1"] is not None and lines["a"] < lines["b.1"]
    plan = open_valid_plan(root, D("2019-09-30"))
    assert [entry.raw for entry in plan.tasks] == [None, None, None]
    assert not set(plan.files) & set(plan.raw)
    assert plan.raw[plan.plan_path] is not None  # the plan file's own is kept
    assert {entry.id: entry.line for entry in plan.tasks} == lines
    assert show_task(root, "b.1", D("2019-09-30")).file_line == lines["b.1"]
