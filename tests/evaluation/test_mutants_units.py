"""What the lists name inside a counted task (docs/states.md, "Đếm gì, ở đâu", "Tên trong
các danh sách"): each part of a counted task — its own deadline, every sub-task without
sub-tasks, each occurrence — is one line naming the sub-task it is (none: the counted task
itself or its own deadline), and the overdue, waiting and stale lists say which parts and
occurrences are in the task's state. Written against the mutants of ``counting`` that
survived ``make mutate`` (docs/states.md, "Kiểm thử đột biến")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.states import State
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done
from tests.planbuilder import subtask as sub

D = dt.date.fromisoformat
Q4 = (D("2019-10-01"), D("2019-12-31"))


def parent_plan(tmp_path: Path, day: str, history: list[dict[str, Any]]) -> Evaluation:
    """A stopped task, then a parent with a deadline of its own, a stopped sub-task and
    sub-tasks listed out of the order of their ids (two of them quarterly), then a task
    without sub-tasks; every part with a day in the 4th quarter of 2019, each with
    *history*."""
    subs = [
        sub("III.1.s", "quý IV/2019", status="dừng thực hiện"),
        sub("III.1.r", "hằng quý", history=history),
        sub("III.1.b", "quý IV/2019", history=history),
        sub("III.1.q", "hằng quý", history=history),
        sub("III.1.a", "quý IV/2019", history=history),
    ]
    tasks: list[dict[str, Any]] = [
        {"id": "III.0", "deadline": "quý IV/2019", "status": "dừng thực hiện"},
        {"id": "III.1", "deadline": "quý IV/2019", "history": history, "subtasks": subs},
        {"id": "III.2", "deadline": "quý IV/2019", "history": history},
    ]
    return evaluated(tmp_path, tasks, day)


def named(sub: TaskState | None) -> str | None:
    return sub.id if sub is not None else None


def test_each_part_falling_due_names_its_sub_task(tmp_path: Path) -> None:
    ev = parent_plan(tmp_path, "2019-10-10", [])
    found = counting.due_between(ev, *Q4)
    # by due day, then the counted task, then the sub-task: the task's own deadline first
    assert [(d.state.id, named(d.sub), d.label) for d in found] == [
        ("III.1", None, None),
        ("III.1", "III.1.a", None),
        ("III.1", "III.1.b", None),
        ("III.1", "III.1.q", "2019-Q4"),
        ("III.1", "III.1.r", "2019-Q4"),
        ("III.2", None, None),
    ]
    # the sub-task named is the sub-task's own state
    assert all(d.sub is None or d.sub is ev.by_id[d.sub.id] for d in found)


def test_each_part_completed_names_its_sub_task(tmp_path: Path) -> None:
    ev = parent_plan(tmp_path, "2019-12-31", [done("2019-11-01")])
    found = counting.completed_between(ev, *Q4)
    assert [(c.state.id, named(c.sub), c.label, c.done_on) for c in found] == [
        ("III.1", None, None, D("2019-11-01")),
        ("III.1", "III.1.a", None, D("2019-11-01")),
        ("III.1", "III.1.b", None, D("2019-11-01")),
        ("III.1", "III.1.q", "2019-Q4", D("2019-11-01")),
        ("III.1", "III.1.r", "2019-Q4", D("2019-11-01")),
        ("III.2", None, None, D("2019-11-01")),
    ]
    assert all(c.update is not None and c.update.date == D("2019-11-01") for c in found)


def test_each_round_names_its_sub_task(tmp_path: Path) -> None:
    ev = parent_plan(tmp_path, "2019-10-10", [])
    found = counting.occurrences_between(ev, *Q4)
    assert [(r.state.id, named(r.sub), r.occurrence.label) for r in found] == [
        ("III.1", "III.1.q", "2019-Q4"),
        ("III.1", "III.1.r", "2019-Q4"),
    ]
    lone = evaluated(tmp_path / "lone", [{"id": "m", "deadline": "hằng quý"}], "2019-10-10")
    rounds = counting.occurrences_between(lone, *Q4)
    assert [(r.state.id, r.sub, r.occurrence.label) for r in rounds] == [("m", None, "2019-Q4")]


def test_an_overdue_recurring_task_names_its_missed_rounds(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [{"id": "q", "deadline": "hằng quý"}]
    ev = evaluated(tmp_path, tasks, "2018-10-05")
    state = ev.by_id["q"]
    assert state.state is State.OVERDUE
    # 2018-Q4 is open: not a cause of the task being overdue
    assert [(c.sub, [o.label for o in c.occurrences]) for c in counting.causes(ev, state)] == [
        (None, ["2018-Q2", "2018-Q3"])
    ]


def test_an_overdue_parent_names_its_overdue_sub_tasks_and_their_rounds(tmp_path: Path) -> None:
    parent = {
        "id": "p",
        "deadline": "",
        "subtasks": [
            sub("p.a", "quý II/2018"),
            sub("p.b", "hằng quý"),
            sub("p.c", "quý IV/2018"),  # open: no cause
        ],
    }
    ev = evaluated(tmp_path, [parent], "2018-10-05")
    causes = counting.causes(ev, ev.by_id["p"])
    assert [(named(c.sub), [o.label for o in c.occurrences]) for c in causes] == [
        ("p.a", []),
        ("p.b", ["2018-Q2", "2018-Q3"]),
    ]
    # a task without sub-tasks or occurrences says nothing more than itself
    lone = evaluated(tmp_path / "lone", [{"id": "t", "deadline": "quý II/2018"}], "2018-10-05")
    assert lone.by_id["t"].state is State.OVERDUE
    assert counting.causes(lone, lone.by_id["t"]) == []
