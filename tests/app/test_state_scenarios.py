"""State scenarios: a small plan, a day, the state of every task and the figures of
``status``, ``overdue`` and ``report`` — worked out by hand from docs/states.md (and
docs/deadline-grammar.md for the dates), then read from the application layer and from
each command's output, which must all give the same numbers.

The test plan (tests/planbuilder.py): issued 06/06/2018, term 2015–2020, 90 days after an
event, section II continuous by default, section III without a default.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.app import build_report, overdue_list, status_summary
from kehoach.cli.app import app
from kehoach.evaluation.report_periods import report_period_containing
from tests.planbuilder import build_plan, done, progress, subtask

D = dt.date.fromisoformat
EVENT = {"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị", "occurred": "2019-01-10"}
WAITS = {"events": ["ct"]}
AFTER = "sau khi có chỉ thị của Bộ Chính trị"
STOP = {"date": "2019-08-01", "status": "dừng thực hiện"}


@dataclass(frozen=True)
class Expected:
    """What the specification says of one day: every task's state (``state`` or
    ``state days_overdue`` or ``state +days_left``), the overdue ids most overdue first,
    the ids due within *within* days, and the "Chưa có thông tin" figure."""

    states: dict[str, str]
    overdue: list[str]
    soon: list[str]
    never_updated: int
    within: int = 30
    cutoff: str = "calendar"
    totals: dict[str, int] = field(default_factory=dict)  # filled from the counted states


def _state(cell: str) -> tuple[str, int, int | None]:
    name, _, extra = cell.partition(" ")
    if extra.startswith("+"):
        return name, 0, int(extra[1:])
    return name, int(extra or 0), None


def _recorded(tasks: list[dict[str, Any]]) -> None:
    """Every task of the plan is valid: its recorded status follows its last entry."""
    for task in tasks:
        history = task.get("history", [])
        task.setdefault("status", history[-1]["status"] if history else "chưa thực hiện")


def check(tmp_path: Path, tasks: list[dict[str, Any]], day: str, want: Expected) -> None:
    _recorded(tasks)
    root = build_plan(tmp_path / "p", tasks, events=[EVENT])
    as_of = D(day)
    counted_ids = [t["id"] for t in tasks]
    counted = {i: _state(want.states[i])[0] for i in counted_ids}
    totals: dict[str, int] = {}
    for state in counted.values():
        totals[state] = totals.get(state, 0) + 1
    groups = {"done_on_time": 0, "done_late": 0, "open_in_time": 0, "open_overdue": 0}
    for state, n in totals.items():
        if state in ("done_on_time", "done_late"):
            groups[state] += n
        elif state == "overdue":
            groups["open_overdue"] += n
        elif state != "stopped":
            groups["open_in_time"] += n

    # The application layer.
    evaluated, figures = status_summary(root, as_of, cutoff=want.cutoff)
    by_id = evaluated.evaluation.by_id
    for ident, cell in want.states.items():
        state, late, left = _state(cell)
        got = by_id[ident]
        assert (ident, got.state.value, got.days_overdue) == (ident, state, late)
        if state in ("open", "not_due"):
            assert (ident, got.days_left) == (ident, left)
        if state in ("overdue", "stopped") or state.startswith("done"):
            assert (ident, got.days_left) == (ident, None)  # nothing left to count down
    assert figures.total == len(counted_ids)
    assert {s.value: n for s, n in figures.states.items()} == totals
    assert {c.value: n for c, n in figures.categories.items() if n} == {
        k: v for k, v in groups.items() if v
    }
    assert figures.never_updated == want.never_updated
    found = overdue_list(root, as_of, within=want.within, cutoff=want.cutoff)
    assert [s.id for s in found.late] == want.overdue
    assert found.soon is not None and [s.id for s in found.soon] == want.soon

    # The report of the quarter holding the day, on that day, reads the same figures.
    period = report_period_containing(as_of, "quarter", want.cutoff)
    report = build_report(root, "quarter", period.code, as_of=as_of, cutoff=want.cutoff)
    assert report.figures.states == figures.states
    assert report.figures.never_updated == want.never_updated

    # Every command's output.
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(app, [*args, str(root), "--as-of", day, "--no-cache"])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    cut = ["--cutoff", want.cutoff]
    status = json.loads(run("status", "-f", "json", *cut))
    assert status["total"] == len(counted_ids)
    assert {k: v for k, v in status["totals"].items() if v} == totals
    assert status["categories"] == {k: v for k, v in groups.items() if v}
    assert status["never_updated"] == want.never_updated
    late = json.loads(run("overdue", "-f", "json", "--within", str(want.within), *cut))
    assert [t["id"] for t in late["overdue"]] == want.overdue
    assert [t["id"] for t in late["due_soon"]] == want.soon
    for record in late["overdue"]:
        assert record["days_overdue"] == _state(want.states[record["id"]])[1]
        assert record["days_left"] is None
    records = {t["id"]: t for t in json.loads(run("tasks", "-f", "json", *cut))}
    for ident, cell in want.states.items():
        assert (ident, records[ident]["state"]) == (ident, _state(cell)[0])
        assert records[ident]["counted"] is (ident in counted_ids)
    text = run("report", "--quarter", period.code, *cut)
    for label, state in (
        ("Chưa hoàn thành, quá hạn", "overdue"),
        ("Chưa hoàn thành, trong hạn", "open"),
        ("Thường xuyên, chưa cập nhật", "stale"),
        ("Hoàn thành đúng hạn", "done_on_time"),
    ):
        assert re.search(rf"^\| {label} \| {totals.get(state, 0)} \|", text, re.M), label
    assert f"| **Tổng** | **{len(counted_ids)}** | 100% |" in text
    assert re.search(
        rf"^- Chưa có thông tin \(chưa từng được cập nhật; [^)]*\): {want.never_updated}$",
        text,
        re.M,
    )
    section = text.split("Nhiệm vụ quá hạn\n", 1)[1].split("\n## ", 1)[0]
    rows = [r for r in section.splitlines() if r.startswith("| ") and not r.startswith("| **")]
    assert [r.split(" | ")[0].removeprefix("| ").split(" ")[0] for r in rows[1:]] == want.overdue


def test_a_sub_task_taking_its_parents_after_deadline_takes_its_lead_time(
    tmp_path: Path,
) -> None:
    # "Sau sự kiện": due = the event (10/01/2019) + the lead time of the task, else of the
    # plan. A sub-task with no deadline takes its parent's ("Con nhận"): 30 days, due
    # 09/02/2019, not the plan's 90. A sub-task's own lead_time_days still wins.
    tasks: list[dict[str, Any]] = [
        {
            "id": "III.1",
            "deadline": AFTER,
            "depends_on": WAITS,
            "lead_time_days": 30,
            "subtasks": [
                subtask("III.1.a"),
                subtask("III.1.b", history=[done("2019-02-01")]),
            ],
        },
        {"id": "III.2", "deadline": AFTER, "depends_on": WAITS},  # the plan's 90 days
        {
            "id": "III.3",
            "deadline": AFTER,
            "depends_on": WAITS,
            "lead_time_days": 0,  # due on the event's day
            "subtasks": [subtask("III.3.a", lead_time_days=45)],  # due 24/02/2019
        },
    ]
    check(
        tmp_path,
        tasks,
        "2019-02-10",
        Expected(
            states={
                "III.1": "overdue 1",  # its own deadline and III.1.a, both due 09/02
                "III.1.a": "overdue 1",
                "III.1.b": "done_on_time",
                "III.2": "open +59",  # 10/04/2019
                "III.3": "overdue 31",  # its own deadline, due 10/01/2019
                "III.3.a": "open +14",
            },
            overdue=["III.3", "III.1"],
            soon=[],
            never_updated=2,  # III.2, and III.3 with its sub-task; III.1.b was updated
            within=30,
        ),
    )


def test_leap_day_month_ends_and_before_a_day_or_within_a_month(tmp_path: Path) -> None:
    # "trước ngày X" is no later than X; "trước tháng 3/2020" is the end of the month
    # before (29/02 in a leap year); "trong tháng 3/2020" its last day; a yearly anchor on
    # 29/02 falls on 28/02 in other years; "trước ngày 31 hằng tháng" on a short month's
    # last day. The due day itself is not overdue.
    tasks: list[dict[str, Any]] = [
        {"id": "III.1", "deadline": "hoàn thành trong tháng 2 năm 2020"},
        {"id": "III.2", "deadline": "trước ngày 28/2/2020"},
        {"id": "III.3", "deadline": "trước tháng 3/2020"},
        {"id": "III.4", "deadline": "trong tháng 3/2020"},
        # the 2018 round's anchor (28/02/2018) is before the plan: rounds from 2019
        {"id": "III.5", "deadline": "trước ngày 29/2 hằng năm", "history": [done("2019-02-28")]},
        {
            "id": "III.6",
            "deadline": "từ tháng 1/2020, trước ngày 31 hằng tháng",
            "history": [done("2020-01-31")],
        },
    ]
    check(
        tmp_path / "leap",
        tasks,
        "2020-02-29",
        Expected(
            states={
                "III.1": "open +0",
                "III.2": "overdue 1",
                "III.3": "open +0",
                "III.4": "open +31",
                "III.5": "open +0",
                "III.6": "open +0",
            },
            overdue=["III.2"],
            soon=["III.1", "III.3", "III.5", "III.6"],  # due today: within 0 days
            never_updated=4,
            within=0,
        ),
    )
    check(
        tmp_path / "after",
        [dict(t) for t in tasks],
        "2020-03-01",
        Expected(
            states={
                "III.1": "overdue 1",
                "III.2": "overdue 2",
                "III.3": "overdue 1",
                "III.4": "open +30",
                "III.5": "overdue 1",  # the 2020 round
                "III.6": "overdue 1",  # the February round; March's is open
            },
            overdue=["III.2", "III.1", "III.3", "III.5", "III.6"],
            soon=["III.4"],
            never_updated=4,
            within=30,
        ),
    )


QUARTER_TASKS: list[dict[str, Any]] = [
    {
        "id": "III.1",
        "deadline": "hằng quý",
        "history": [
            done("2018-06-30"),
            done("2018-09-30"),
            done("2018-12-31"),
            done("2019-03-31"),
            done("2019-07-01", occurrence="2019-Q2"),  # late for its round
            done("2019-10-05"),  # after the day: not read
        ],
    },
    {
        "id": "III.2",
        "subtasks": [
            subtask("III.2.a", "quý III/2019", history=[done("2019-09-30")]),
            subtask("III.2.b", "quý III/2019", history=[STOP]),
            subtask("III.2.c", "quý IV/2019", history=[done("2019-10-02")]),  # after the day
        ],
    },
    {"id": "III.3", "deadline": "hoàn thành trong quý III/2019", "history": [done("2019-10-03")]},
    {"id": "III.4", "deadline": "thực hiện thường xuyên", "history": [progress("2019-09-30")]},
    {"id": "III.5", "deadline": "thực hiện thường xuyên", "history": [progress("2019-10-01")]},
]


@pytest.mark.parametrize(
    ("cutoff", "stale"),
    [("calendar", "stale"), ("nd09", "ongoing")],  # nd09: quý IV from 15/09/2019
)
def test_a_quarter_boundary_with_rounds_sub_tasks_and_history_after_the_day(
    tmp_path: Path, cutoff: str, stale: str
) -> None:
    # 01/10/2019, the first day of quý IV: the 2019-Q3 round of III.1 is overdue by one
    # day (2019-Q2 was done late, which is no longer overdue); what was recorded after the
    # day is not read — III.2.c and III.3 are as if never updated; III.2.b's stop leaves it
    # out, so III.2 is open through III.2.c, due 31/12/2019, 91 days left.
    check(
        tmp_path,
        [json.loads(json.dumps(t)) for t in QUARTER_TASKS],
        "2019-10-01",
        Expected(
            states={
                "III.1": "overdue 1",
                "III.2": "open +91",
                "III.2.a": "done_on_time",
                "III.2.b": "stopped",
                "III.2.c": "open +91",
                "III.3": "overdue 1",
                "III.4": stale,  # its update, 30/09, is in the calendar's quý III
                "III.5": "ongoing",
            },
            overdue=["III.1", "III.3"],
            soon=["III.2"],  # 31/12/2019 is the 91st day: today + 91 is included
            never_updated=1,  # III.3 (III.2.c alone does not make III.2 unknown)
            within=91,
            cutoff=cutoff,
        ),
    )


def test_the_stale_table_counts_never_updated_tasks_as_the_no_information_line(
    tmp_path: Path,
) -> None:
    # "Không có thông tin": no entry on or before the day and no status in the file; a
    # parent only when it and every sub-task are so. The report's stale table counts "of
    # which never updated" by the same rule, so its figure is the summary's.
    tasks: list[dict[str, Any]] = [
        {"id": "II.1", "source": {"section": "II"}},
        {"id": "II.2", "source": {"section": "II"}, "status": "đang thực hiện"},
        {
            "id": "II.3",
            "source": {"section": "II"},
            "subtasks": [subtask("II.3.a"), subtask("II.3.b", history=[progress("2019-05-01")])],
        },
        {"id": "II.4", "source": {"section": "II"}, "history": [progress("2019-08-01")]},
    ]
    check(
        tmp_path,
        tasks,
        "2019-09-30",
        Expected(
            states={
                "II.1": "stale",
                "II.2": "stale",
                "II.3": "stale",
                "II.3.a": "stale",
                "II.3.b": "stale",
                "II.4": "ongoing",
            },
            overdue=[],
            soon=[],
            never_updated=1,
        ),
    )
    result = CliRunner().invoke(
        app, ["report", str(tmp_path / "p"), "--quarter", "2019-Q3", "--no-cache"]
    )
    assert result.exit_code == 0, result.stderr
    assert "| Ban Tổ chức Tỉnh ủy | 3 | 1 |" in result.stdout
    assert "| **Tổng** | **3** | **1** |" in result.stdout
    # the appendix: the last update of II.3 is its sub-task's, II.2's is none dated
    assert "| II.3 (II.3.a, II.3.b) | Nhiệm vụ II.3 | Ban Tổ chức Tỉnh ủy | 01/05/2019 |" in (
        result.stdout
    )
    assert "| II.2 | Nhiệm vụ II.2 | Ban Tổ chức Tỉnh ủy | chưa có |" in result.stdout
