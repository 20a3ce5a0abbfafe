"""The state rules of docs/states.md ("Các quy tắc"), at the edges the decision tables
leave open: written against the mutants of evaluate.py that survived ``make mutate``
(docs/states.md, "Kiểm thử đột biến")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from kehoach.evaluation.evaluate import Evaluation, evaluate
from kehoach.evaluation.report_periods import make_period
from kehoach.evaluation.states import State
from kehoach.loaded_plan import load_plan
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import build_plan, done, progress

D = dt.date.fromisoformat
AFTER = "sau khi có chỉ thị của Bộ Chính trị"


def test_an_event_on_the_day_itself_has_happened(tmp_path: Path) -> None:
    # "sự kiện có ngày ≤ ngày xét": the due day is counted from it, with the plan's 90 days
    event = {"id": "ct", "description": "Chỉ thị", "occurred": "2019-04-10"}
    task = {"id": "t", "deadline": AFTER, "depends_on": {"events": ["ct"]}}
    state = evaluated(tmp_path, [task], "2019-04-10", events=[event]).by_id["t"]
    assert state.state is State.OPEN and state.waiting_on == []
    assert state.due == D("2019-07-09") and state.days_left == 90


def test_an_after_task_that_names_nothing_to_wait_for_waits(tmp_path: Path) -> None:
    state = evaluated(tmp_path, [{"id": "t", "deadline": AFTER}], "2019-04-10").by_id["t"]
    assert state.state is State.WAITING and state.waiting_on == [] and state.due is None


def test_a_task_waited_for_that_is_done_without_a_date_counts_from_the_plan_start(
    tmp_path: Path,
) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "first", "deadline": "năm 2018", "status": "hoàn thành"},  # no history
        {"id": "then", "deadline": AFTER, "depends_on": {"tasks": ["first"]}},
        # a task id the plan does not have (validate reports it) is never done
        {"id": "never", "deadline": AFTER, "depends_on": {"tasks": ["first", "khong-co"]}},
    ]
    ev = evaluated(tmp_path, tasks, "2019-01-01")
    then = ev.by_id["then"]
    # the plan was issued on 2018-06-06; 90 days later
    assert then.state is State.OVERDUE and then.due == D("2018-09-04")
    never = ev.by_id["never"]
    assert never.state is State.WAITING and never.waiting_on == ["khong-co"]


def undated_plan(tmp_path: Path, tasks: list[dict[str, Any]], day: str) -> Evaluation:
    """A plan that states neither its issue date nor its term."""
    root = build_plan(tmp_path / "p", tasks)
    info = yaml.safe_load((root / "plan.yaml").read_text(encoding="utf-8"))
    del info["issued"], info["term"]
    (root / "plan.yaml").write_text(yaml.safe_dump(info, allow_unicode=True), encoding="utf-8")
    plan, problems = load_plan(root)
    assert plan is not None and problems == [] and plan.plan_start is None
    return evaluate(plan, D(day))


def test_without_an_issue_date_the_plan_starts_on_the_first_day_of_the_year(
    tmp_path: Path,
) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "first", "deadline": "năm 2018", "status": "hoàn thành"},  # done, no date
        {"id": "then", "deadline": AFTER, "depends_on": {"tasks": ["first"]}},
        {"id": "monthly", "deadline": "hằng tháng"},
        {"id": "term", "deadline": "theo Chương trình làm việc toàn khóa"},
    ]
    for task in tasks:
        task.setdefault("status", "chưa thực hiện")
    ev = undated_plan(tmp_path, tasks, "2019-05-01")
    then = ev.by_id["then"]  # counted from 2019-01-01, 90 days
    assert then.state is State.OVERDUE and then.due == D("2019-04-01")
    assert then.days_overdue == 30
    monthly = ev.by_id["monthly"]  # rounds from January of the year asked about
    assert monthly.start == D("2019-01-01")
    assert [o.label for o in monthly.occurrences[:2]] == ["2019-01", "2019-02"]
    assert monthly.state is State.OVERDUE and monthly.days_overdue == 90
    # no term: a "toàn khóa" task has no due day it could be late for
    assert ev.by_id["term"].due is None


def test_a_later_reopening_does_not_change_a_past_days_state(tmp_path: Path) -> None:
    # "Lịch sử tại ngày xét": a report for 2019-07-01 is the same before and after the
    # task is reopened on 2019-08-01
    history = [done("2019-04-10"), progress("2019-08-01")]
    task = {"id": "t", "deadline": "hoàn thành trong quý I/2019", "history": history}
    state = evaluated(tmp_path, [task], "2019-07-01").by_id["t"]
    assert state.state is State.DONE_LATE and state.done_on == D("2019-04-10")


def test_a_deadline_counted_from_the_plans_issue_needs_no_event(tmp_path: Path) -> None:
    # the plan was issued on 2018-06-06; an event date does not stand in for it
    event = {"id": "ct", "description": "Chỉ thị", "occurred": "2018-01-01"}
    text = "trong vòng 30 ngày kể từ ngày ban hành Kế hoạch"
    task = {"id": "t", "deadline": text, "depends_on": {"events": ["ct"]}}
    for day, state, overdue in (("2018-07-06", State.OPEN, 0), ("2018-07-07", State.OVERDUE, 1)):
        found = evaluated(tmp_path / day, [dict(task)], day, events=[event]).by_id["t"]
        assert found.rule.origin == "plan_issued"
        assert (found.state, found.due, found.days_overdue) == (state, D("2018-07-06"), overdue)


def test_a_tasks_own_lead_time_wins_over_the_plans(tmp_path: Path) -> None:
    event = {"id": "ct", "description": "Chỉ thị", "occurred": "2019-01-10"}
    own = {"id": "own", "deadline": AFTER, "depends_on": {"events": ["ct"]}, "lead_time_days": 30}
    zero = {"id": "zero", "deadline": AFTER, "depends_on": {"events": ["ct"]}, "lead_time_days": 0}
    plan = {"id": "plan", "deadline": AFTER, "depends_on": {"events": ["ct"]}}
    ev = evaluated(tmp_path, [own, zero, plan], "2019-01-10", events=[event])
    assert ev.by_id["own"].due == D("2019-02-09")
    assert ev.by_id["zero"].due == D("2019-01-10")  # 0 is a lead time, not "none given"
    assert ev.by_id["plan"].due == D("2019-04-10")


def test_an_after_task_done_before_its_event_is_done_on_its_day(tmp_path: Path) -> None:
    event = {"id": "ct", "description": "Chỉ thị"}
    task = {
        "id": "t",
        "deadline": AFTER,
        "depends_on": {"events": ["ct"]},
        "history": [done("2019-03-01")],
    }
    state = evaluated(tmp_path, [task], "2019-05-01", events=[event]).by_id["t"]
    assert state.state is State.DONE_ON_TIME and state.done_on == D("2019-03-01")
    assert state.waiting_on == ["ct"]


def test_the_last_update_is_the_latest_on_or_before_the_day(tmp_path: Path) -> None:
    history = [progress(day) for day in ("2019-02-01", "2019-03-01", "2019-04-01", "2019-08-01")]
    tasks: list[dict[str, Any]] = [
        {"id": "t", "deadline": "từ năm 2019 đến năm 2020", "history": history},
        {"id": "none", "deadline": "từ năm 2019 đến năm 2020"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-04-01")
    assert ev.by_id["t"].last_update == D("2019-04-01")
    assert ev.by_id["t"].start == D("2019-01-01")
    assert ev.by_id["none"].last_update is None


def test_an_unreadable_structured_deadline_is_no_deadline(tmp_path: Path) -> None:
    # `validate` reports the rule; evaluation reads it as "no deadline", never crashes
    task = {"id": "t", "deadline": "", "deadline_rule": {"kind": "sai"}}
    state = evaluated(tmp_path, [task], "2019-04-01").by_id["t"]
    assert state.rule.kind == "none" and state.state is State.UNDATED


def test_an_on_demand_task_with_a_window_never_falls_due(tmp_path: Path) -> None:
    # "khi có yêu cầu" is "thường xuyên" (ongoing), whatever window the text gives: nothing
    # falls due on a day for it (a structured rule giving it a due day is refused); unlike
    # "thực hiện thường xuyên đến hết năm 2019" (rows 26-27), it is not late after the window
    task = {"id": "t", "deadline": "khi có yêu cầu trong năm 2019"}
    for day, expected in (("2018-12-31", State.NOT_DUE), ("2019-06-30", State.ONGOING)):
        state = evaluated(tmp_path / day, [dict(task)], day).by_id["t"]
        assert state.rule.kind == "on_demand" and state.rule.due == D("2019-12-31")
        assert state.state is expected and state.due is None and state.days_left is None
    after = evaluated(tmp_path / "after", [dict(task)], "2020-01-01").by_id["t"]
    assert after.state is State.ONGOING and after.days_overdue == 0


def test_the_reporting_period_is_the_quarter_of_the_day_in_the_chosen_calendar(
    tmp_path: Path,
) -> None:
    # "thường xuyên" is fresh with an update in the reporting period; under the ND 09 cut-off
    # the third quarter starts on 15/6, so an update of 20/6 is in it
    task = {"id": "t", "deadline": "thực hiện thường xuyên", "history": [progress("2019-06-20")]}
    plan, problems = load_plan(build_plan(tmp_path / "p", [task]))
    assert plan is not None and problems == []
    calendar = evaluate(plan, D("2019-07-01"))
    assert calendar.period == make_period("quarter", 2019, 3)
    assert calendar.by_id["t"].state is State.STALE
    nd09 = evaluate(plan, D("2019-07-01"), cutoff="nd09")
    assert nd09.period == make_period("quarter", 2019, 3, "nd09")
    assert nd09.by_id["t"].state is State.ONGOING


def test_a_parent_with_an_unreadable_deadline_of_its_own_follows_its_sub_tasks(
    tmp_path: Path,
) -> None:
    parent = {
        "id": "p",
        "deadline": "",
        "deadline_rule": {"kind": "sai"},
        "subtasks": [
            {
                "id": "p.1",
                "title": "Con",
                "deadline": "quý II/2019",
                "status": "hoàn thành",
                "history": [done("2019-05-01")],
            }
        ],
    }
    state = evaluated(tmp_path, [parent], "2019-07-01").by_id["p"]
    assert state.state is State.DONE_ON_TIME and state.done_on == D("2019-05-01")
