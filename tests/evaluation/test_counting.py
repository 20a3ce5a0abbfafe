"""The counting module: which tasks and occurrences each list holds, at the boundaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, evaluate
from kehoach.evaluation.report_periods import make_period
from kehoach.loaded_plan import load_plan
from tests.planbuilder import build_plan, done, progress

D = dt.date.fromisoformat


def evaluated(tmp_path: Path, tasks: list[dict[str, Any]], day: str, **kw: Any) -> Evaluation:
    for task in tasks:
        history = task.get("history", [])
        task.setdefault("status", history[-1]["status"] if history else "chưa thực hiện")
    plan, problems = load_plan(build_plan(tmp_path / "p", tasks, **kw))
    assert plan is not None and problems == []
    return evaluate(plan, D(day))


def test_completed_in_a_period_includes_its_first_and_last_day(tmp_path: Path) -> None:
    tasks = [
        {"id": "first", "deadline": "năm 2019", "history": [done("2019-07-01")]},
        {"id": "last", "deadline": "năm 2019", "history": [done("2019-09-30")]},
        {"id": "before", "deadline": "năm 2019", "history": [done("2019-06-30")]},
        {"id": "after", "deadline": "năm 2019", "history": [done("2019-10-01")]},
    ]
    ev = evaluated(tmp_path, tasks, "2019-12-31")
    q3 = make_period("quarter", 2019, 3)
    found = counting.completed_between(ev, q3.start, q3.end)
    assert [(c.state.id, c.done_on) for c in found] == [
        ("first", D("2019-07-01")),
        ("last", D("2019-09-30")),
    ]


def test_a_recurring_task_is_listed_once_per_occurrence(tmp_path: Path) -> None:
    history = [
        done("2019-03-01", occurrence="2018", evidence="Báo cáo số 12-BC/TU"),
        done("2019-07-15"),
        done("2019-08-01", note="bổ sung"),  # the same 2019 round again: still once
    ]
    ev = evaluated(
        tmp_path, [{"id": "y", "deadline": "thực hiện hằng năm", "history": history}], "2019-09-30"
    )
    year = make_period("year", 2019, 1)
    found = counting.completed_between(ev, year.start, year.end)
    assert [(c.label, c.done_on) for c in found] == [
        ("2018", D("2019-03-01")),
        ("2019", D("2019-07-15")),
    ]
    assert found[0].update is not None and found[0].update.evidence == "Báo cáo số 12-BC/TU"
    # the 2019 round is done: it does not fall due again in the next period
    q4 = make_period("quarter", 2019, 4)
    assert counting.due_between(ev, q4.start, q4.end) == []
    # 2020 falls due in 2020 and is labelled
    nxt = make_period("year", 2020, 1)
    assert [(d.state.id, d.label) for d in counting.due_between(ev, nxt.start, nxt.end)] == [
        ("y", "2020")
    ]


def test_a_task_due_today_is_within_every_window(tmp_path: Path) -> None:
    tasks = [
        {"id": "today", "deadline": "hoàn thành trước ngày 30/9/2019"},
        {"id": "in-ten", "deadline": "hoàn thành trước ngày 10/10/2019"},
        {"id": "in-eleven", "deadline": "hoàn thành trước ngày 11/10/2019"},
        {"id": "late", "deadline": "hoàn thành trước ngày 29/9/2019"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-09-30")
    assert [s.id for s in counting.due_within(ev, 10)] == ["today", "in-ten"]
    assert [s.id for s in counting.due_within(ev, 0)] == ["today"]
    assert [s.id for s in counting.overdue(ev)] == ["late"]


def test_a_parent_and_its_sub_task_are_counted_once(tmp_path: Path) -> None:
    parent = {
        "id": "III.2.1",
        "deadline": "hoàn thành trong năm 2019",
        "history": [progress("2019-02-01")],
        "subtasks": [
            {
                "id": "III.2.1.a",
                "title": "Riêng việc sửa đổi",
                "deadline": "hoàn thành trong năm 2018",
                "status": "chưa thực hiện",
            }
        ],
    }
    ev = evaluated(tmp_path, [parent, {"id": "other", "deadline": "năm 2020"}], "2019-09-30")
    figures = counting.tally(ev)
    assert figures.total == 2 and figures.overdue == 1
    late = counting.overdue(ev)
    assert [s.id for s in late] == ["III.2.1"] and late[0].days_overdue == 273
    assert [s.id for s in counting.overdue_parts(ev, late[0])] == ["III.2.1.a"]
    # never updated: the parent has an update, so only "other" is without information
    assert figures.never_updated == 1


def test_partners_get_their_own_rows_and_the_total_counts_each_task_once(
    tmp_path: Path,
) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "a", "deadline": "năm 2019", "partners": ["so-noi-vu", "Ban Tuyên giáo Tỉnh ủy"]},
        {"id": "b", "deadline": "năm 2018"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-06-30")
    figures = counting.tally(ev)
    rows = {(r.body, r.role): r.total for r in figures.rows}
    assert rows == {
        ("ban-to-chuc", "lead"): 2,
        ("so-noi-vu", "partner"): 1,
        ("ban-tuyen-giao", "partner"): 1,
    }
    assert figures.total == 2
    only = counting.tally(ev, "so-noi-vu")
    assert [s.id for s in only.tasks] == ["a"] and only.overdue == 0
    assert [s.id for s in counting.overdue(ev, "ban-to-chuc")] == ["b"]
    assert counting.overdue(ev, "so-noi-vu") == []


def test_a_body_named_on_a_partner_task_has_a_row_for_it(tmp_path: Path) -> None:
    """The task "Phối hợp với Sở Nội vụ …" in ban-to-chuc's file: the task concerns so-noi-vu (its
    totals count it), so so-noi-vu's rows must count it too: rows add up to totals."""
    tasks: list[dict[str, Any]] = [
        {"id": "a", "deadline": "năm 2018", "role": "phối hợp", "partners": ["so-noi-vu"]},
        {"id": "b", "deadline": "năm 2019"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-06-30")
    rows = {(r.body, r.role): r.total for r in counting.tally(ev).rows}
    assert rows == {
        ("ban-to-chuc", "lead"): 1,
        ("ban-to-chuc", "partner"): 1,
        ("so-noi-vu", "partner"): 1,
    }
    for body in ("ban-to-chuc", "so-noi-vu"):
        own = counting.tally(ev, body)
        assert sum(r.total for r in own.rows) >= own.total
        assert {s.id for s in own.tasks} == {
            s.id for s in counting.counted(ev) if counting.concerns(ev, s, body)
        }
    assert sum(r.total for r in counting.tally(ev, "so-noi-vu").rows) == 1
    assert [s.id for s in counting.overdue(ev, "so-noi-vu")] == ["a"]


def test_stopped_tasks_are_outside_the_groups_and_the_no_information_line(
    tmp_path: Path,
) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "s", "deadline": "năm 2018", "status": "dừng thực hiện"},
        {"id": "n", "deadline": "năm 2020"},
        {"id": "u", "deadline": "năm 2020", "history": [progress("2019-01-02")]},
    ]
    figures = counting.tally(evaluated(tmp_path, tasks, "2019-06-30"))
    assert figures.stopped == 1 and sum(figures.categories.values()) == 2
    assert figures.never_updated == 1  # "n"; "s" is stopped, "u" has an update


def test_a_sub_task_taking_its_parents_after_deadline_waits_for_the_same_event(
    tmp_path: Path,
) -> None:
    parent = {
        "id": "p",
        "deadline": "sau khi có chỉ thị của Bộ Chính trị",
        "depends_on": {"events": ["ct"]},
        "subtasks": [{"id": "p.1", "title": "Con", "status": "chưa thực hiện"}],
    }
    event = {"id": "ct", "description": "Chỉ thị", "occurred": "2019-01-10"}
    ev = evaluated(tmp_path, [parent], "2019-04-11", events=[event])
    child = ev.by_id["p.1"]
    assert child.rule.kind == "after"
    assert child.state.value == "overdue" and child.due == D("2019-04-10")


def test_never_updated_boundaries(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "today", "deadline": "năm 2020", "history": [progress("2019-06-30")]},
        {"id": "later", "deadline": "năm 2020", "history": [progress("2019-07-01")]},
        {"id": "recorded", "deadline": "năm 2020", "status": "đang thực hiện"},
        {"id": "nothing", "deadline": "năm 2020"},
        {
            "id": "parent",
            "deadline": "",
            "subtasks": [
                {"id": "c1", "title": "Con 1", "deadline": "năm 2020", "status": "chưa thực hiện"},
                {
                    "id": "c2",
                    "title": "Con 2",
                    "deadline": "năm 2020",
                    "status": "đang thực hiện",
                    "history": [progress("2019-02-01")],
                },
            ],
        },
    ]
    ev = evaluated(tmp_path, tasks, "2019-06-30")
    never = {s.id for s in ev.states if s.never_updated}
    # an update on the day counts; one after it does not; a status in the file is information
    assert never == {"later", "nothing", "c1"}
    assert counting.tally(ev).never_updated == 2


def test_a_plan_not_yet_checked_whose_ids_repeat_gives_each_entry_its_ids_state(
    tmp_path: Path,
) -> None:
    # The checks refuse such a plan; evaluating it anyway (as the checks themselves may)
    # gives one state per entry in plan order, the one its id has: the first entry's.
    tasks: list[dict[str, Any]] = [
        {"id": "a", "deadline": "năm 2019", "history": [done("2019-05-01")]},
        {"id": "b", "deadline": "năm 2019"},
        {"id": "a", "deadline": "năm 2018"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-12-31")
    assert [s.id for s in ev.states] == ["a", "b", "a"]
    assert ev.states[0] is ev.states[2] is ev.by_id["a"]
    assert ev.by_id["a"].state.done and ev.by_id["a"].done_on == D("2019-05-01")
    assert ev.states[1] is ev.by_id["b"]
