"""Tasks with the same recurring deadline (docs/states.md, "Định kỳ"): one evaluation works
out that deadline's rounds once, and the rounds of a task with no entry yet once; each task
still gets its own rounds, decided by its own entries, on the day asked about only."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.evaluation.evaluate import evaluate
from kehoach.evaluation.states import State
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done

D = dt.date.fromisoformat
YEARLY = "thực hiện hằng năm"  # rounds 2018, 2019, … (the plan starts on 06/06/2018)


def _yearly(task_id: str, *history: dict[str, Any]) -> dict[str, Any]:
    return {"id": task_id, "deadline": YEARLY, "history": list(history)}


def test_each_task_of_one_recurring_deadline_is_decided_by_its_own_entries(
    tmp_path: Path,
) -> None:
    tasks = [
        _yearly("blank"),
        _yearly("done", done("2018-12-20")),
        _yearly("blank-too"),
        _yearly("later", done("2019-07-05")),  # an entry after the day: not yet made
    ]
    ev = evaluated(tmp_path, tasks, "2019-06-30")
    rounds = {s.id: [(o.label, o.state) for o in s.occurrences[:2]] for s in ev.states}
    missed = [("2018", State.OVERDUE), ("2019", State.OPEN)]
    assert rounds == {
        "blank": missed,
        "done": [("2018", State.DONE_ON_TIME), ("2019", State.OPEN)],
        "blank-too": missed,
        "later": missed,
    }
    for task_id in ("blank", "blank-too", "later"):
        state = ev.by_id[task_id]
        assert state.state is State.OVERDUE and state.days_overdue == 181
        assert state.due == D("2018-12-31") and state.never_updated
    kept = ev.by_id["done"]
    assert kept.state is State.OPEN and kept.days_left == 184 and not kept.never_updated
    assert kept.previous is not None and kept.previous.done_on == D("2018-12-20")
    # the same rounds, but a list of its own for each task
    assert ev.by_id["blank"].occurrences == ev.by_id["blank-too"].occurrences
    assert ev.by_id["blank"].occurrences is not ev.by_id["blank-too"].occurrences


def test_rounds_worked_out_for_one_day_are_not_those_of_another(tmp_path: Path) -> None:
    ev = evaluated(tmp_path, [_yearly("a"), _yearly("b")], "2019-06-30")
    plan = ev.plan
    early = evaluate(plan, D("2018-09-30"))
    for state in early.states:  # before the first round's due day: it is still open
        assert state.state is State.OPEN and state.days_left == 92
        assert state.current is not None and state.current.label == "2018"
    again = evaluate(plan, D("2019-06-30"))
    assert [(s.state, s.days_overdue) for s in again.states] == [(State.OVERDUE, 181)] * 2


def test_rounds_worked_out_for_one_plan_are_not_those_of_another(tmp_path: Path) -> None:
    blank = evaluated(tmp_path / "blank", [_yearly("a")], "2019-06-30")
    kept = evaluated(tmp_path / "kept", [_yearly("a", done("2018-12-20"))], "2019-06-30")
    assert blank.by_id["a"].state is State.OVERDUE
    assert kept.by_id["a"].state is State.OPEN
    assert evaluate(blank.plan, D("2019-06-30")).by_id["a"].state is State.OVERDUE
