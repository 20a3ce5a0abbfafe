"""Recurring tasks (docs/states.md, "Định kỳ"): which entries count, which round is the
current one, at the edges the decision table leaves open. Written against the mutants of
``_Evaluator._recurring`` that survived ``make mutate``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.checks import validate_plan
from kehoach.evaluation.states import Category, State, category
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done

D = dt.date.fromisoformat


def test_an_entry_on_the_day_asked_about_counts(tmp_path: Path) -> None:
    task = {"id": "q", "deadline": "hằng quý", "history": [done("2019-09-30")]}
    ev = evaluated(tmp_path, [task], "2019-09-30")
    state = ev.by_id["q"]
    assert state.current is not None and state.current.label == "2019-Q3"
    assert state.current.done_on == D("2019-09-30")


def test_entries_count_for_their_rounds_whatever_their_order(tmp_path: Path) -> None:
    # the 2018 round recorded after the 2019 one, dated earlier: valid, order is per round
    history = [done("2019-04-15"), done("2019-03-01", occurrence="2018")]
    task: dict[str, Any] = {"id": "y", "deadline": "thực hiện hằng năm", "history": history}
    ev = evaluated(tmp_path, [task], "2019-03-31")
    assert validate_plan(ev.plan, D("2019-12-31")) == []
    state = ev.by_id["y"]
    # on 2019-03-31 the 2019 entry has not happened; the 2018 round was done, late
    assert [(o.label, o.state) for o in state.occurrences[:2]] == [
        ("2018", State.DONE_LATE),
        ("2019", State.OPEN),
    ]
    assert state.state is State.OPEN and state.days_left == 275


def test_before_its_first_round_a_task_is_not_due_and_counts_down_to_it(tmp_path: Path) -> None:
    task = {"id": "y", "deadline": "thực hiện từ năm 2020", "title": "Hằng năm, tổng hợp"}
    state = evaluated(tmp_path, [task], "2019-12-01").by_id["y"]
    assert state.start == D("2020-01-01")
    assert state.state is State.NOT_DUE
    assert state.current is not None and state.current.label == "2020"
    assert state.due == D("2020-12-31") and state.days_left == 396


def test_a_round_due_before_its_periods_end_stays_current_to_that_end(tmp_path: Path) -> None:
    history = [done("2018-11-01"), done("2019-11-01")]
    task = {"id": "y", "deadline": "trước ngày 20/11 hằng năm", "history": history}
    state = evaluated(tmp_path, [task], "2019-12-31").by_id["y"]
    # the 2019 round is done; its period runs to 31/12, so it is still the current round
    assert state.current is not None and state.current.label == "2019"
    assert state.state is State.DONE_ON_TIME and state.days_left is None
    assert state.done_on == D("2019-11-01") and state.due == D("2019-11-20")


def test_after_its_last_round_a_task_with_every_round_done_is_not_overdue(
    tmp_path: Path,
) -> None:
    history = [done("2019-12-01"), done("2020-12-01")]
    task = {"id": "w", "deadline": "từ năm 2019 đến năm 2020, hằng năm", "history": history}
    state = evaluated(tmp_path, [task], "2021-06-01").by_id["w"]
    assert [(o.label, o.state) for o in state.occurrences] == [
        ("2019", State.DONE_ON_TIME),
        ("2020", State.DONE_ON_TIME),
    ]
    # (which state it then has, docs/states.md does not say; it has one, and it is not late)
    assert isinstance(state.state, State) and state.state is not State.OVERDUE
    assert state.days_overdue == 0


def test_a_recurring_window_that_ended_before_the_plan_has_no_round(tmp_path: Path) -> None:
    # rounds are counted from the plan's issue (06/06/2018) when the rule states no start:
    # a yearly window ending in 2017 has none, so nothing ever fell due
    rule = {"kind": "recurring", "every": "year", "due": "2017-12-31"}
    ev = evaluated(tmp_path, [{"id": "w", "deadline_rule": rule}], "2019-05-01")
    state = ev.by_id["w"]
    assert state.occurrences == [] and state.current is None and state.previous is None
    assert state.due is None and state.days_overdue == 0
    # (docs/states.md does not name its state; it has one: not done, not overdue)
    assert isinstance(state.state, State) and category(state.state) is Category.OPEN_IN_TIME
