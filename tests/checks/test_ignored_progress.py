"""Progress a recurring or split-deadline task records but the evaluation does not count
is a warning of ``kehoach validate`` (docs/recording-progress.md): an entry naming no
round dated before the first round, and a "hoàn thành" in the file with no dated history.
Each case also asserts what the evaluation does with it, so the warning and the report
agree."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from kehoach.checks import validate
from kehoach.cli.app import app
from kehoach.errors import Problem
from kehoach.evaluation.evaluate import TaskState, evaluate
from kehoach.evaluation.states import State
from tests.planbuilder import build_plan, done, progress

TODAY = dt.date(2020, 6, 30)
FROM_2019 = "từ năm 2019, thực hiện hằng năm"
PARTS = "Quý I năm 2020, sơ kết; năm 2022 tổng kết"


def plan_with(tmp_path: Path, task: dict[str, Any]) -> Path:
    status = task["history"][-1]["status"] if task.get("history") else "chưa thực hiện"
    return build_plan(tmp_path / "p", [{"id": "t", "status": status, **task}])


def warnings(root: Path) -> list[Problem]:
    return [p for p in validate(root, TODAY, warnings=True)[1] if p.code == "ignored-progress"]


def state(root: Path) -> TaskState:
    plan, problems = validate(root, TODAY)
    assert plan is not None and problems == []  # an error-free plan: only warnings here
    return evaluate(plan, TODAY).by_id["t"]


def position(root: Path, needle: str) -> tuple[int, int]:
    """Line and column (1-based) where *needle* starts in the task file."""
    text = (root / "tasks" / "ban-to-chuc.yaml").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


def test_an_entry_before_the_first_round_is_a_warning_and_is_not_counted(
    tmp_path: Path,
) -> None:
    root = plan_with(tmp_path, {"deadline": FROM_2019, "history": [done("2018-12-20")]})
    found = warnings(root)
    assert [(p.code, p.severity) for p in found] == [("ignored-progress", "warning")]
    assert found[0].message == (
        "Nhiệm vụ t: cập nhật ngày 20/12/2018 không thuộc kỳ nào của nhiệm vụ (kỳ đầu tiên "
        "là năm 2019, bắt đầu ngày 01/01/2019): không được tính. Ghi kỳ của mục này ở "
        "trường 'occurrence' hoặc sửa ngày."
    )
    assert found[0].path.endswith("ban-to-chuc.yaml")
    assert (found[0].line, found[0].col) == position(root, "'2018-12-20'")  # the value
    assert validate(root, TODAY)[1] == []  # a warning, only when warnings are asked for
    # What the warning says: the evaluation counts the entry for no round.
    rounds = state(root).occurrences
    assert [o.label for o in rounds][:2] == ["2019", "2020"]
    assert all(o.update is None for o in rounds)
    assert state(root).state is State.OVERDUE


def test_every_uncounted_entry_is_named_and_a_counted_one_is_not(tmp_path: Path) -> None:
    history = [progress("2018-07-01"), done("2018-12-20"), done("2019-01-01")]
    root = plan_with(tmp_path, {"deadline": FROM_2019, "history": history})
    found = warnings(root)
    assert [p.message.split(" không thuộc")[0] for p in found] == [
        "Nhiệm vụ t: cập nhật ngày 01/07/2018",
        "Nhiệm vụ t: cập nhật ngày 20/12/2018",
    ]
    assert [p.line for p in found] == [
        position(root, "2018-07-01")[0],
        position(root, "2018-12-20")[0],
    ]
    assert state(root).occurrences[0].done_on == dt.date(2019, 1, 1)  # the first day counts


def test_an_entry_that_names_its_round_or_falls_in_one_is_no_warning(tmp_path: Path) -> None:
    named = plan_with(
        tmp_path / "a", {"deadline": FROM_2019, "history": [done("2018-12-20", occurrence="2019")]}
    )
    assert warnings(named) == []
    assert state(named).occurrences[0].done_on == dt.date(2018, 12, 20)
    inside = plan_with(tmp_path / "b", {"deadline": FROM_2019, "history": [done("2019-12-20")]})
    assert warnings(inside) == []
    assert state(inside).occurrences[0].state is State.DONE_ON_TIME


def test_an_entry_after_the_last_round_counts_for_it_and_is_no_warning(tmp_path: Path) -> None:
    """After a window that has ended, a late entry belongs to the last round."""
    task = {"deadline": "từ năm 2018 đến năm 2019, thực hiện hằng năm"}
    root = plan_with(tmp_path, {**task, "history": [done("2018-11-01"), done("2020-03-01")]})
    assert warnings(root) == []
    assert [(o.label, o.state) for o in state(root).occurrences] == [
        ("2018", State.DONE_ON_TIME),
        ("2019", State.DONE_LATE),
    ]


def test_an_entry_after_the_term_end_counts_for_its_round(tmp_path: Path) -> None:
    """The term (to 31/12/2020) does not end a recurring task's rounds."""
    root = plan_with(tmp_path, {"deadline": "thực hiện hằng năm", "history": [done("2021-03-01")]})
    day = dt.date(2021, 6, 30)
    plan, problems = validate(root, day, warnings=True)
    assert plan is not None and problems == []
    rounds = {o.label: o for o in evaluate(plan, day).by_id["t"].occurrences}
    assert rounds["2021"].state is State.DONE_ON_TIME


def test_a_quarterly_entry_before_its_first_quarter_is_a_warning(tmp_path: Path) -> None:
    task = {"deadline": "từ quý III/2019, định kỳ hằng quý"}
    root = plan_with(tmp_path, {**task, "history": [done("2019-06-15")]})
    found = warnings(root)
    assert len(found) == 1
    assert "(kỳ đầu tiên là quý III/2019, bắt đầu ngày 01/07/2019)" in found[0].message


def test_an_entry_before_the_plan_is_an_error_not_also_a_warning(tmp_path: Path) -> None:
    root = plan_with(tmp_path, {"deadline": FROM_2019, "history": [done("2018-01-10")]})
    found = validate(root, TODAY, warnings=True)[1]
    assert [(p.code, p.severity) for p in found] == [("date-before-plan", "error")]


def test_an_undated_done_status_of_a_recurring_task_is_a_warning(tmp_path: Path) -> None:
    root = plan_with(tmp_path, {"deadline": FROM_2019, "status": "hoàn thành"})
    found = warnings(root)
    assert [(p.code, p.severity) for p in found] == [("ignored-progress", "warning")]
    assert found[0].message.startswith(
        "Nhiệm vụ t: trạng thái 'hoàn thành' ghi trong tệp không có ngày nên không được tính "
        "cho kỳ nào (nhiệm vụ định kỳ: mỗi kỳ chỉ tính theo lịch sử có ngày)"
    )
    assert "kehoach update t --status hoàn-thành --date" in found[0].message
    assert (found[0].line, found[0].col) == position(root, "status:")  # the key
    assert state(root).state is State.OVERDUE  # what the warning says: 2019 is not done


def test_an_undated_done_status_of_a_split_deadline_is_a_warning(tmp_path: Path) -> None:
    root = plan_with(tmp_path, {"deadline": PARTS, "status": "hoàn thành"})
    found = warnings(root)
    assert len(found) == 1
    assert "không được tính cho phần nào (nhiệm vụ có thời hạn chia phần: mỗi phần" in (
        found[0].message
    )
    assert state(root).state is State.OVERDUE  # sơ kết 2020 was due 31/03/2020


def test_a_status_the_evaluation_uses_is_no_warning(tmp_path: Path) -> None:
    cases: list[dict[str, Any]] = [
        {"deadline": "năm 2019", "status": "hoàn thành"},  # one-off: the status counts
        {"deadline": FROM_2019, "status": "dừng thực hiện"},  # stopped: the whole task
        {"deadline": FROM_2019, "status": "đang thực hiện"},  # as for a one-off task
        {"deadline": FROM_2019, "status": "hoàn thành", "history": [done("2019-05-01")]},
    ]
    for index, task in enumerate(cases):
        assert warnings(build_plan(tmp_path / str(index), [{"id": "t", **task}])) == [], task
    one_off = build_plan(tmp_path / "one-off", [{"id": "t", **cases[0]}])
    assert state(one_off).state is State.DONE_ON_TIME


def test_validate_exits_0_with_the_warning_and_1_with_strict(tmp_path: Path) -> None:
    root = plan_with(tmp_path, {"deadline": FROM_2019, "history": [done("2018-12-20")]})
    runner = CliRunner()
    args = ["validate", str(root), "--as-of", TODAY.isoformat()]
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "cảnh báo: Nhiệm vụ t: cập nhật ngày 20/12/2018 không thuộc kỳ nào" in result.stdout
    assert "; 1 cảnh báo." in result.stderr
    assert runner.invoke(app, [*args, "--strict"]).exit_code == 1
