"""States of the shipped plan (statuses as on the day it was issued) on four days.

No progress is recorded in the shipped plan, so every dated task turns overdue the day
after its deadline, conditional tasks wait, and ongoing tasks are flagged stale. Three
tasks (III.1.2, III.4.1, III.6.1) state no deadline at all: "Chưa xác định thời hạn".
These are the states of all 79 tasks, sub-tasks included (not the counted totals).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kehoach.evaluation.evaluate import evaluate
from kehoach.evaluation.states import State
from kehoach.loaded_plan import load_plan

EXPECTED = {
    "2018-07-01": {
        State.STALE: 53,
        State.OPEN: 10,
        State.UNDATED: 3,
        State.NOT_DUE: 7,
        State.WAITING: 6,
    },
    "2018-09-01": {
        State.OVERDUE: 3,
        State.STALE: 53,
        State.OPEN: 7,
        State.UNDATED: 3,
        State.NOT_DUE: 7,
        State.WAITING: 6,
    },
    "2019-06-30": {
        State.OVERDUE: 9,
        State.STALE: 59,
        State.OPEN: 2,
        State.UNDATED: 3,
        State.WAITING: 6,
    },
    "2020-12-31": {
        State.OVERDUE: 10,
        State.STALE: 59,
        State.OPEN: 1,
        State.UNDATED: 3,
        State.WAITING: 6,
    },
}


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_state_counts(shipped_plan: Path, day: str) -> None:
    plan, problems = load_plan(shipped_plan)
    assert plan is not None and not problems
    evaluation = evaluate(plan, dt.date.fromisoformat(day))
    counts: dict[State, int] = {}
    for state in evaluation.states:
        counts[state.state] = counts.get(state.state, 0) + 1
    assert counts == EXPECTED[day]


def test_individual_tasks_across_days(shipped_plan: Path) -> None:
    plan, _ = load_plan(shipped_plan)
    assert plan is not None

    def at(day: str) -> dict[str, State]:
        return {s.id: s.state for s in evaluate(plan, dt.date.fromisoformat(day)).states}

    july, september, mid_2019, end_2020 = (at(d) for d in sorted(EXPECTED))
    # "hoàn thành trong tháng 8 năm 2018"
    assert (july["II.2"], september["II.2"]) == (State.OPEN, State.OVERDUE)
    # "thực hiện từ năm 2019": not due in 2018, ongoing (no update: stale) from 2019
    assert (july["III.2.3"], mid_2019["III.2.3"]) == (State.NOT_DUE, State.STALE)
    # "Định kỳ hằng năm … (thực hiện từ năm 2019)": yearly from 2019, 2019 missed by 2020
    assert (july["III.6.2"], mid_2019["III.6.2"], end_2020["III.6.2"]) == (
        State.NOT_DUE,
        State.OPEN,
        State.OVERDUE,
    )
    # "thực hiện hằng năm": the 2018 occurrence is missed once 2018 is over
    assert (july["III.3.10"], mid_2019["III.3.10"]) == (State.OPEN, State.OVERDUE)
    # "sau khi có chỉ thị của Bộ chính trị": waits, no event recorded
    assert end_2020["III.3.3"] is State.WAITING
    # "theo Chương trình làm việc toàn khóa": due at the end of the term (31/12/2020)
    assert end_2020["III.3.4.1"] is State.OPEN
    # the "Riêng …" exception is due in 2018, the main part in 2019; the parent follows it
    assert (mid_2019["III.2.1.a"], mid_2019["III.2.1"]) == (State.OVERDUE, State.OVERDUE)
    # section II "NHIỆM VỤ THƯỜNG XUYÊN": continuous, no update recorded
    assert july["II.1"] is State.STALE
    # no deadline in the text, none inherited: not "trong hạn" but undated
    assert {july[t] for t in ("III.1.2", "III.4.1", "III.6.1")} == {State.UNDATED}
