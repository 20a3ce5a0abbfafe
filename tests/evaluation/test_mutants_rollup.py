"""A parent's rolled-up state (docs/states.md, "Kế thừa thời hạn, nhiệm vụ cha và nhiệm vụ
con"): beyond the state the parent table checks, the figures that go with it — done day,
due day, days left and overdue, what it waits for, "Chưa có thông tin". Written against
the mutants of ``evaluate.rollup`` that survived ``make mutate``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.evaluation import counting
from kehoach.evaluation.states import State
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done
from tests.planbuilder import subtask as sub

D = dt.date.fromisoformat


def test_a_done_parent_is_done_on_its_last_sub_tasks_day(tmp_path: Path) -> None:
    parent = {
        "id": "p",
        "deadline": "",
        "subtasks": [
            sub("p.1", "quý III/2019", history=[done("2019-08-01")]),
            sub("p.2", "quý III/2019", history=[done("2019-09-15")]),
            sub("p.3", "quý III/2019", history=[done("2019-07-10")]),
        ],
    }
    recorded = {  # done as recorded in the file, without a dated entry: no done day
        "id": "r",
        "deadline": "",
        "subtasks": [sub("r.1", "quý III/2019", status="hoàn thành")],
    }
    ev = evaluated(tmp_path, [parent, recorded], "2019-10-01")
    assert ev.by_id["p"].state is State.DONE_ON_TIME and ev.by_id["p"].done_on == D("2019-09-15")
    assert ev.by_id["r"].state is State.DONE_ON_TIME and ev.by_id["r"].done_on is None


def test_a_middle_task_taking_its_parents_deadline_is_done_with_its_sub_tasks(
    tmp_path: Path,
) -> None:
    # "m" states no deadline: alone it takes "quý III/2019" from "g"; its own sub-tasks
    # are done, so it is done — no days left, none overdue
    grand = {
        "id": "g",
        "deadline": "hoàn thành trong quý III/2019",
        "subtasks": [
            sub("m", subtasks=[sub("m.1", "quý II/2019", history=[done("2019-06-01")])]),
        ],
    }
    for day in ("2019-07-15", "2019-10-01"):
        middle = evaluated(tmp_path / day, [dict(grand)], day).by_id["m"]
        assert middle.state is State.DONE_ON_TIME and middle.done_on == D("2019-06-01")
        assert middle.days_left is None and middle.days_overdue == 0


def test_an_open_parent_takes_the_nearest_due_day_and_what_all_its_parts_wait_for(
    tmp_path: Path,
) -> None:
    after = "sau khi có chỉ thị của Bộ Chính trị"
    parent = {
        "id": "p",
        "deadline": "",
        "subtasks": [
            sub("p.1", "hoàn thành trong quý IV/2019"),
            sub("p.2", "hoàn thành trong quý III/2019"),
            sub("p.3", after, depends_on={"events": ["ct-b"]}),
            sub("p.4", after, depends_on={"events": ["ct-a", "ct-b"]}),
            sub("p.5", "hoàn thành trong quý III/2019", history=[done("2019-07-02")]),
        ],
    }
    events = [
        {"id": "ct-a", "description": "Chỉ thị A"},
        {"id": "ct-b", "description": "Chỉ thị B"},
    ]
    state = evaluated(tmp_path, [parent], "2019-09-20", events=events).by_id["p"]
    assert state.state is State.OPEN
    assert state.due == D("2019-09-30") and state.days_left == 10
    assert state.waiting_on == ["ct-a", "ct-b"]
    assert state.done_on is None


def test_a_parent_is_without_information_only_with_all_its_sub_tasks(tmp_path: Path) -> None:
    silent = {
        "id": "s",
        "deadline": "",
        "subtasks": [sub("s.1", "năm 2020"), sub("s.2", "năm 2020")],
    }
    ev = evaluated(tmp_path, [silent], "2019-06-30")
    assert ev.by_id["s"].never_updated is True
    assert counting.tally(ev).never_updated == 1


def test_an_overdue_parent_has_no_days_left_even_with_a_sub_task_still_in_time(
    tmp_path: Path,
) -> None:
    # an overdue task has nothing left to count down (the single-task table: "Còn lại" is
    # "—" on every overdue row), whether it is overdue alone or through a sub-task
    parent = {
        "id": "p",
        "deadline": "",
        "subtasks": [sub("p.1", "quý II/2019"), sub("p.2", "quý III/2019")],
    }
    ev = evaluated(tmp_path, [parent], "2019-07-15")
    got = ev.by_id["p"]
    assert (got.state, got.days_overdue, got.due) == (State.OVERDUE, 15, D("2019-06-30"))
    assert got.days_left is None
    assert ev.by_id["p.2"].days_left == 77  # the sub-task itself keeps its own
