"""States as of a day, on small plans with known histories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from kehoach.checks import validate_plan
from kehoach.evaluation.evaluate import TaskState, evaluate
from kehoach.evaluation.report_periods import make_period
from kehoach.evaluation.states import Category, State, category
from kehoach.loaded_plan import load_plan
from tests.planbuilder import build_plan, done, progress

D = dt.date.fromisoformat


def states_of(root: Path, day: str, **kwargs: Any) -> dict[str, TaskState]:
    plan, problems = load_plan(root)
    assert plan is not None and problems == []
    assert validate_plan(plan, dt.date.today()) == []
    return evaluate(plan, D(day), **kwargs).by_id


def test_by_task_done_on_time_late_open_and_overdue(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "on-time",
                "deadline": "hoàn thành trong tháng 8 năm 2018",
                "status": "hoàn thành",
                "history": [done("2018-08-20")],
            },
            {
                "id": "late",
                "deadline": "hoàn thành trong tháng 8 năm 2018",
                "status": "hoàn thành",
                "history": [progress("2018-08-01"), done("2018-09-05")],
            },
            {"id": "open", "deadline": "hoàn thành trong năm 2019"},
            {
                "id": "overdue",
                "deadline": "hoàn thành trong tháng 8 năm 2018",
                "status": "đang thực hiện",
                "history": [progress("2018-08-01")],
            },
        ],
    )
    states = states_of(root, "2018-10-01")
    assert states["on-time"].state is State.DONE_ON_TIME
    assert states["late"].state is State.DONE_LATE
    assert states["late"].done_on == D("2018-09-05")
    assert states["open"].state is State.OPEN
    assert states["open"].days_left == (D("2019-12-31") - D("2018-10-01")).days
    assert states["overdue"].state is State.OVERDUE
    assert states["overdue"].days_overdue == 31
    assert states["overdue"].due == D("2018-08-31")


def test_history_is_read_as_of_the_day(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "late",
                "deadline": "hoàn thành trong tháng 8 năm 2018",
                "status": "hoàn thành",
                "history": [done("2018-09-05")],
            },
        ],
    )
    assert states_of(root, "2018-08-15")["late"].state is State.OPEN
    assert states_of(root, "2018-09-01")["late"].state is State.OVERDUE
    assert states_of(root, "2018-09-05")["late"].state is State.DONE_LATE


def test_recurring_task_missing_one_year_is_overdue(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "yearly",
                "deadline": "thực hiện hằng năm",
                "status": "hoàn thành",
                "history": [done("2018-12-10"), done("2020-11-30")],
            },
            {
                "id": "kept-up",
                "deadline": "thực hiện hằng năm",
                "status": "hoàn thành",
                "history": [done("2018-12-10"), done("2019-12-01")],
            },
        ],
    )
    states = states_of(root, "2020-12-31")
    yearly = states["yearly"]
    assert yearly.state is State.OVERDUE
    assert yearly.due == D("2019-12-31")
    assert yearly.days_overdue == 366
    assert [(o.label, o.state) for o in yearly.occurrences if o.due <= D("2020-12-31")] == [
        ("2018", State.DONE_ON_TIME),
        ("2019", State.OVERDUE),
        ("2020", State.DONE_ON_TIME),
    ]
    kept = states["kept-up"]
    assert kept.previous is not None and kept.previous.label == "2019"
    assert kept.current is not None and kept.current.label == "2020"
    assert kept.state is State.OPEN


def test_recurring_done_for_a_labelled_occurrence(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "yearly",
                "deadline": "thực hiện hằng năm",
                "status": "hoàn thành",
                "history": [done("2019-01-15", occurrence="2018")],
            },
        ],
    )
    states = states_of(root, "2019-06-30")
    assert states["yearly"].previous is not None
    assert states["yearly"].previous.state is State.DONE_LATE
    assert states["yearly"].state is State.OPEN


def test_after_task_before_and_after_its_event(tmp_path: Path) -> None:
    events = [{"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị về đại hội"}]
    tasks = [
        {
            "id": "after",
            "deadline": "thực hiện sau khi có chỉ thị của Bộ Chính trị",
            "depends_on": {"events": ["ct"]},
        }
    ]
    root = build_plan(tmp_path / "before", [dict(t) for t in tasks], events=events)
    before = states_of(root, "2019-06-30")["after"]
    assert before.state is State.WAITING
    assert before.waiting_on == ["ct"]
    assert before.due is None

    happened = [dict(events[0], occurred="2019-05-30", ref="35-CT/TW")]
    root = build_plan(tmp_path / "after", [dict(t) for t in tasks], events=happened)
    assert states_of(root, "2019-05-29")["after"].state is State.WAITING
    after = states_of(root, "2019-06-30")["after"]
    assert after.state is State.OPEN
    assert after.due == D("2019-05-30") + dt.timedelta(days=90)
    late = states_of(root, "2019-09-01")["after"]
    assert late.state is State.OVERDUE
    assert late.days_overdue == 4  # due 28/8/2019


def test_after_task_lead_time_override_and_task_prerequisite(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "first",
                "deadline": "hoàn thành trong năm 2018",
                "status": "hoàn thành",
                "history": [done("2018-10-01")],
            },
            {
                "id": "second",
                "deadline": "thực hiện sau khi có kế hoạch của tỉnh",
                "depends_on": {"tasks": ["first"]},
                "lead_time_days": 30,
            },
        ],
    )
    assert states_of(root, "2018-09-30")["second"].state is State.WAITING
    second = states_of(root, "2018-10-15")["second"]
    assert second.state is State.OPEN
    assert second.due == D("2018-10-31")


def test_continuous_task_with_and_without_update_in_period(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "fresh",
                "deadline": "thực hiện thường xuyên",
                "status": "đang thực hiện",
                "history": [progress("2019-08-10")],
            },
            {
                "id": "old",
                "deadline": "thực hiện thường xuyên",
                "status": "đang thực hiện",
                "history": [progress("2019-05-10")],
            },
            {"id": "section-default", "source": {"section": "II"}},
        ],
    )
    states = states_of(root, "2019-09-30")
    assert states["fresh"].state is State.ONGOING
    assert states["old"].state is State.STALE
    assert states["old"].last_update == D("2019-05-10")
    assert states["section-default"].rule.kind == "continuous"
    assert states["section-default"].state is State.STALE
    # With the ND 09 cut-off the third quarter ends on 14/9: the 10/8 update is in it.
    nd09 = states_of(root, "2019-09-10", cutoff="nd09")
    assert nd09["fresh"].state is State.ONGOING


def test_from_task_before_and_after_its_start(tmp_path: Path) -> None:
    root = build_plan(tmp_path / "p", [{"id": "from", "deadline": "thực hiện từ năm 2019"}])
    assert states_of(root, "2018-12-31")["from"].state is State.NOT_DUE
    assert states_of(root, "2019-01-02")["from"].state is State.STALE


def test_stopped_and_term(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "stopped",
                "deadline": "hoàn thành trong năm 2018",
                "status": "dừng thực hiện",
                "history": [{"date": "2018-07-01", "status": "dừng thực hiện"}],
            },
            {"id": "term", "deadline": "thực hiện theo Chương trình làm việc toàn khóa"},
        ],
    )
    states = states_of(root, "2019-06-30")
    assert states["stopped"].state is State.STOPPED
    assert category(State.STOPPED) is None
    assert states["term"].due == D("2020-12-31")
    assert states["term"].state is State.OPEN


def test_parent_follows_its_subtasks(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "parent",
                "subtasks": [
                    {
                        "id": "a",
                        "title": "a",
                        "deadline": "hoàn thành trong năm 2018",
                        "status": "hoàn thành",
                        "history": [done("2018-11-01")],
                    },
                    {"id": "b", "title": "b", "deadline": "hoàn thành trong năm 2019"},
                ],
            },
            {
                "id": "own",
                "deadline": "hoàn thành trong năm 2019",
                "subtasks": [
                    {"id": "c", "title": "c", "deadline": "hoàn thành trong năm 2018"},
                ],
            },
        ],
    )
    states = states_of(root, "2019-03-01")
    assert states["parent"].state is State.OPEN
    assert states["parent"].due == D("2019-12-31")
    assert states["own"].state is State.OVERDUE
    assert states["own"].days_overdue == (D("2019-03-01") - D("2018-12-31")).days


@pytest.mark.parametrize(
    ("state", "expected"),
    [
        (State.DONE_ON_TIME, Category.DONE_ON_TIME),
        (State.DONE_LATE, Category.DONE_LATE),
        (State.OVERDUE, Category.OPEN_OVERDUE),
        (State.WAITING, Category.OPEN_IN_TIME),
        (State.STALE, Category.OPEN_IN_TIME),
        (State.NOT_DUE, Category.OPEN_IN_TIME),
    ],
)
def test_qd42_rollup(state: State, expected: Category) -> None:
    assert category(state) is expected


def test_the_qd42_groups_are_named_in_vietnamese_unless_asked_otherwise() -> None:
    # docs/states.md, "Các tình trạng": the four groups of QĐ 42, as the report names them
    assert [c.label() for c in Category] == [
        "Đã hoàn thành đúng hạn",
        "Đã hoàn thành quá hạn",
        "Chưa hoàn thành, trong hạn",
        "Chưa hoàn thành, quá hạn",
    ]
    assert Category.OPEN_OVERDUE.label("en") == "Not done, overdue"
    assert State.STOPPED.label() == "Dừng thực hiện"


def test_nd09_periods() -> None:
    q3 = make_period("quarter", 2019, 3, "nd09")
    assert (q3.start, q3.end) == (D("2019-06-15"), D("2019-09-14"))
    q1 = make_period("quarter", 2019, 1, "nd09")
    assert (q1.start, q1.end) == (D("2018-12-15"), D("2019-03-14"))
    year = make_period("year", 2019, 1, "nd09")
    assert (year.start, year.end) == (D("2018-12-15"), D("2019-12-14"))
    h2 = make_period("half", 2019, 2, "nd09")
    assert (h2.start, h2.end) == (D("2019-06-15"), D("2019-12-14"))
    assert make_period("quarter", 2019, 4).end == D("2019-12-31")
    assert make_period("half", 2020, 1).end == D("2020-06-30")


def test_compound_continuous_and_quarterly_report_tracks_the_quarters(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "both",
                "deadline": "thường xuyên, định kỳ hằng quý báo cáo",
                "status": "hoàn thành",
                "history": [done("2019-03-20")],
            },
        ],
    )
    states = states_of(root, "2019-07-15")
    both = states["both"]
    assert both.rule.kind == "continuous"
    assert [(o.label, o.state) for o in both.occurrences if o.due < D("2019-07-15")][-2:] == [
        ("2019-Q1", State.DONE_ON_TIME),
        ("2019-Q2", State.OVERDUE),
    ]
    assert both.state is State.OVERDUE
    # Owed from the plan's day (6/6/2018): the oldest missed quarter sets the days overdue.
    assert both.due == D("2018-06-30")
    assert both.days_overdue == (D("2019-07-15") - D("2018-06-30")).days
