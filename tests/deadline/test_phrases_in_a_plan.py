"""The new phrases evaluated inside a plan: due before an event, counted from the plan's
issue date, rounds of a list, the plan's year not pinning a yearly anchor."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kehoach.checks import validate
from kehoach.evaluation.evaluate import Evaluation, evaluate
from kehoach.evaluation.states import State
from tests.planbuilder import build_plan, done

D = dt.date
TODAY = D(2026, 1, 1)
CONGRESS = {"id": "dai-hoi-xvii", "description": "Đại hội Đảng bộ tỉnh lần thứ XVII"}


def plan_with(tmp_path: Path, tasks: list[dict[str, Any]], **event: Any) -> Path:
    return build_plan(tmp_path / "plan", tasks, events=[{**CONGRESS, **event}])


def evaluated(root: Path, day: dt.date) -> Evaluation:
    plan, problems = validate(root, TODAY)
    assert plan is not None and problems == [], [p.render() for p in problems]
    return evaluate(plan, day)


def test_due_before_an_event_waits_until_its_date_is_known(tmp_path: Path) -> None:
    task = {
        "id": "T",
        "deadline": "trước Đại hội Đảng bộ tỉnh lần thứ XVII",
        "depends_on": {"events": ["dai-hoi-xvii"]},
    }
    waiting = evaluated(plan_with(tmp_path / "a", [dict(task)]), D(2020, 6, 1)).by_id["T"]
    assert waiting.state is State.WAITING and waiting.due is None
    held = plan_with(tmp_path / "b", [dict(task)], occurred="2020-10-15")
    late = evaluated(held, D(2020, 11, 1)).by_id["T"]
    assert (late.state, late.due, late.days_overdue) == (State.OVERDUE, D(2020, 10, 14), 18)
    on_time = plan_with(
        tmp_path / "c",
        [dict(task, history=[done("2020-10-14")], status="hoàn thành")],
        occurred="2020-10-15",
    )
    assert evaluated(on_time, D(2020, 11, 1)).by_id["T"].state is State.DONE_ON_TIME


def test_counted_from_the_plans_issue_date_needs_no_event(tmp_path: Path) -> None:
    task = {"id": "T", "deadline": "trong vòng 30 ngày kể từ ngày ban hành Kế hoạch"}
    root = plan_with(tmp_path, [task])  # the test plan was issued on 2018-06-06
    state = evaluated(root, D(2018, 7, 10)).by_id["T"]
    assert (state.state, state.due) == (State.OVERDUE, D(2018, 7, 6))
    info = yaml.safe_load((root / "plan.yaml").read_text(encoding="utf-8"))
    info["issued"] = None
    info["implements"] = [{"ref": "26-NQ/TW", "date": "2018-05-19"}]
    (root / "plan.yaml").write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    undated = evaluated(root, D(2018, 7, 10)).by_id["T"]
    assert undated.due is None and undated.state is State.UNDATED  # never guessed


def test_each_listed_quarter_is_a_round(tmp_path: Path) -> None:
    root = plan_with(tmp_path, [{"id": "T", "deadline": "Quý II và Quý III/2027"}])
    state = evaluated(root, D(2027, 7, 15)).by_id["T"]
    assert [(o.label, o.due) for o in state.occurrences] == [
        ("2027-Q2", D(2027, 6, 30)),
        ("2027-Q3", D(2027, 9, 30)),
    ]
    assert state.state is State.OVERDUE  # the second quarter's round was missed
