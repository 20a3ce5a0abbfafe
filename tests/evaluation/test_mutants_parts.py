"""A deadline split into labelled parts (docs/states.md, "Các quy tắc", "Phần có nhãn"):
beyond the state the single-task table checks, the due day, the done day and the part
the task stands at (``current``, ``previous``). Written against the mutants of
``_Evaluator._parts`` that survived ``make mutate`` (docs/states.md, "Kiểm thử đột biến")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.evaluation.evaluate import TaskState
from kehoach.evaluation.states import State
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done

D = dt.date.fromisoformat
TWO = "Quý I năm 2020, sơ kết; năm 2022 tổng kết"


def part(due: str, item: str, start: str | None = None) -> dict[str, Any]:
    return {"kind": "by", "due": due, "item": item} | ({"start": start} if start else {})


def split(*parts: dict[str, Any]) -> dict[str, Any]:
    """A structured deadline made of *parts* (the last one's due day at the top)."""
    return {"kind": "by", "due": parts[-1]["due"], "parts": list(parts)}


def state_of(tmp_path: Path, task: dict[str, Any], day: str) -> TaskState:
    return evaluated(tmp_path, [{"id": "t"} | task], day).by_id["t"]


def test_a_part_done_early_leaves_the_next_part_open_not_undue(tmp_path: Path) -> None:
    # "chưa đến hạn" only before a start the part names itself: the days before the
    # first part's due day are not the second part's, yet it is being carried out
    state = state_of(tmp_path, {"deadline": TWO, "history": [done("2020-03-20")]}, "2020-03-25")
    assert state.state is State.OPEN
    assert [(o.name, o.state) for o in state.occurrences] == [
        ("sơ kết 2020", State.DONE_ON_TIME),
        ("tổng kết 2022", State.OPEN),
    ]
    assert state.current is not None and state.current.name == "tổng kết 2022"
    assert (
        state.due == D("2022-12-31") and state.days_left == (D("2022-12-31") - D("2020-03-25")).days
    )


def test_a_part_before_a_start_it_names_is_not_due(tmp_path: Path) -> None:
    rule = split(part("2020-03-31", "sơ kết", start="2020-01-01"), part("2022-12-31", "tổng kết"))
    before = state_of(tmp_path / "a", {"deadline_rule": rule}, "2019-12-31")
    assert before.state is State.NOT_DUE
    assert before.occurrences[0].state is State.NOT_DUE
    assert before.due == D("2020-03-31") and before.days_left == 91
    # the start day itself is inside the part's time
    on_start = state_of(tmp_path / "b", {"deadline_rule": rule}, "2020-01-01")
    assert on_start.state is State.OPEN


def test_a_later_parts_own_start_day_is_inside_its_time(tmp_path: Path) -> None:
    # the second part starts (25/03) before the first part's due day: it owns the days
    # from 01/04, but on its start day it is no longer "not due"
    rule = split(part("2020-03-31", "sơ kết"), part("2022-12-31", "tổng kết", start="2020-03-25"))
    history = [done("2020-03-20")]
    on_start = state_of(tmp_path / "a", {"deadline_rule": rule, "history": history}, "2020-03-25")
    assert on_start.state is State.OPEN and on_start.occurrences[1].state is State.OPEN
    before = state_of(tmp_path / "b", {"deadline_rule": rule, "history": history}, "2020-03-24")
    assert before.state is State.NOT_DUE and before.occurrences[1].state is State.NOT_DUE


def test_the_previous_part_is_the_last_whose_due_day_has_passed(tmp_path: Path) -> None:
    on_due = state_of(tmp_path / "a", {"deadline": TWO}, "2020-03-31")
    assert on_due.previous is None  # its due day is not past yet
    assert on_due.current is not None and on_due.current.name == "sơ kết 2020"
    after = state_of(
        tmp_path / "b", {"deadline": TWO, "history": [done("2020-03-20")]}, "2020-04-01"
    )
    assert after.previous is not None and after.previous.name == "sơ kết 2020"


def test_a_task_done_in_every_part_is_done_on_the_latest_day_due_on_the_last(
    tmp_path: Path,
) -> None:
    rule = split(
        part("2020-03-31", "sơ kết"), part("2021-06-30", "giữa kỳ"), part("2022-12-31", "tổng kết")
    )
    history = [
        done("2020-03-20"),
        done("2022-10-01"),  # the last part (it owns every day after 30/06/2021)
        done("2022-11-15", occurrence="2021"),  # the middle one, late and last
    ]
    state = state_of(tmp_path, {"deadline_rule": rule, "history": history}, "2023-01-01")
    assert state.state is State.DONE_LATE
    assert [(o.name, o.state) for o in state.occurrences] == [
        ("sơ kết 2020", State.DONE_ON_TIME),
        ("giữa kỳ 2021", State.DONE_LATE),
        ("tổng kết 2022", State.DONE_ON_TIME),
    ]
    assert state.done_on == D("2022-11-15")
    assert state.due == D("2022-12-31")
    assert state.current is not None and state.current.name == "tổng kết 2022"


def test_an_overdue_task_is_due_on_its_earliest_missed_part(tmp_path: Path) -> None:
    rule = split(
        part("2020-03-31", "sơ kết"), part("2021-06-30", "giữa kỳ"), part("2022-12-31", "tổng kết")
    )
    state = state_of(tmp_path, {"deadline_rule": rule}, "2021-07-01")
    assert state.state is State.OVERDUE
    assert state.due == D("2020-03-31") and state.days_overdue == 457
    assert state.current is not None and state.current.name == "sơ kết 2020"
    assert state.previous is not None and state.previous.name == "giữa kỳ 2021"


def test_an_open_task_stands_at_its_first_part_not_done(tmp_path: Path) -> None:
    rule = split(
        part("2020-03-31", "sơ kết"), part("2021-06-30", "giữa kỳ"), part("2022-12-31", "tổng kết")
    )
    history = [done("2020-03-20"), done("2020-05-01", occurrence="2022")]
    state = state_of(tmp_path, {"deadline_rule": rule, "history": history}, "2020-06-01")
    assert state.state is State.OPEN
    assert state.current is not None and state.current.name == "giữa kỳ 2021"
    assert state.due == D("2021-06-30") and state.days_left == 394
