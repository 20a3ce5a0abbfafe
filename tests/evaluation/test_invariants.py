"""Invariants of the counting rule, over random small plans and random days.

Whatever the plan and the day: the overdue figure of ``status`` equals the rows of
``overdue`` equals the report's overdue section and summary equals the counted
``overdue`` records of ``tasks --format json``; the QĐ 42 groups plus the stopped tasks
add up to the total; each task is counted once; the rows of the bodies add up to the
totals. Outputs are read as their renderers write them.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.checks import validate_plan
from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, evaluate
from kehoach.evaluation.report_periods import report_period_containing
from kehoach.evaluation.states import State
from kehoach.loaded_plan import load_plan
from kehoach.render.overdue import render_overdue_json
from kehoach.render.report import render_report
from kehoach.render.status import status_data
from kehoach.render.tasks import render_tasks_json
from tests.planbuilder import build_plan

DEADLINES = [
    "hoàn thành trong quý II/2019",
    "năm 2019",
    "từ năm 2019 đến năm 2020",
    "thực hiện từ năm 2019",
    "thực hiện thường xuyên",
    "thực hiện hằng năm",
    "hằng quý",
    "trước ngày 20/11 hằng năm",
    "thường xuyên, định kỳ hằng quý báo cáo",
    "sau khi có chỉ thị của Bộ Chính trị",
    "theo Chương trình làm việc toàn khóa",
    "khi có yêu cầu",
    "theo quy định",
    "Quý I năm 2020, sơ kết; năm 2022 tổng kết",
    "",
]
STATUSES = ["hoàn thành", "đang thực hiện", "chưa thực hiện", "dừng thực hiện"]
BODIES = ["ban-to-chuc", "so-noi-vu", "ban-tuyen-giao"]
FIRST, LAST = dt.date(2018, 6, 6), dt.date(2021, 12, 31)

days = st.dates(FIRST, LAST)
histories = st.lists(st.tuples(days, st.sampled_from(STATUSES)), max_size=3).map(
    lambda entries: [{"date": day.isoformat(), "status": status} for day, status in sorted(entries)]
)


@st.composite
def leaf(draw: st.DrawFn) -> dict[str, Any]:
    history = draw(histories)
    task: dict[str, Any] = {
        "deadline": draw(st.sampled_from(DEADLINES)),
        "history": history,
        "status": history[-1]["status"] if history else "chưa thực hiện",
    }
    if task["deadline"].startswith("sau khi"):
        task["depends_on"] = {"events": ["ct"]}
    if draw(st.booleans()):
        task["partners"] = draw(st.lists(st.sampled_from(BODIES[1:]), max_size=2, unique=True))
    return task


@st.composite
def top_task(draw: st.DrawFn) -> dict[str, Any]:
    task = draw(leaf())
    children = draw(st.lists(leaf(), max_size=3))
    if children:
        if task["status"] == "hoàn thành":  # a parent marked done with open sub-tasks is
            task["history"], task["status"] = [], "chưa thực hiện"  # refused by validate
        task["subtasks"] = children
        if draw(st.booleans()):
            task["deadline"] = ""  # a plain container
    return task


def _number(tasks: list[dict[str, Any]], prefix: str, body: str) -> None:
    for index, task in enumerate(tasks, start=1):
        task["id"] = f"{prefix}.{index}"
        task["title"] = f"Nhiệm vụ {task['id']}"
        task["source"] = {"section": "III"}
        # a body is never its own partner
        task["partners"] = [p for p in task.get("partners", []) if p != body]
        _number(task.get("subtasks", []), task["id"], body)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    files = {body: draw(st.lists(top_task(), max_size=4)) for body in BODIES[:2]}
    for body, tasks in files.items():
        _number(tasks, body, body)
    occurred = draw(st.one_of(st.none(), days))
    event: dict[str, Any] = {"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị"}
    if occurred is not None:
        event["occurred"] = occurred.isoformat()
    return {"files": files, "events": [event]}


def evaluated(spec: dict[str, Any], day: dt.date, folder: Path) -> Evaluation:
    files = spec["files"]
    root = build_plan(
        folder / "p",
        files[BODIES[0]],
        events=spec["events"],
        other_files={BODIES[1]: files[BODIES[1]]},
    )
    plan, problems = load_plan(root)
    assert plan is not None and problems == []
    assert validate_plan(plan, dt.date(2100, 1, 1)) == []
    return evaluate(plan, day)


def section_rows(markdown: str, title: str) -> list[str]:
    """The table rows of the report section whose heading contains *title*."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("## ") and title in line)
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), None)
    rows = [line for line in lines[start + 1 : end] if line.startswith("| ")]
    return [row for row in rows[1:] if not row.startswith("| **")]  # header, totals


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(plans(), days)
def test_every_output_counts_the_same(spec: dict[str, Any], day: dt.date) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ev = evaluated(spec, day, Path(folder))
    status = status_data(ev)
    overdue_rows = json.loads(render_overdue_json(ev, counting.overdue(ev), None))["overdue"]
    records = json.loads(render_tasks_json(ev))
    period = report_period_containing(day, "quarter")
    report = render_report(ev, period)

    overdue = status["totals"]["overdue"]
    assert len(overdue_rows) == overdue
    assert sum(1 for r in records if r["counted"] and r["state"] == "overdue") == overdue
    assert len(section_rows(report, "Nhiệm vụ quá hạn")) == overdue
    assert re.search(rf"^\| Chưa hoàn thành, quá hạn \| {overdue} \| [\d,]+%", report, re.M)

    # each task counted once: the counted records are the top-level tasks, all distinct
    counted = [r["id"] for r in records if r["counted"]]
    assert len(counted) == len(set(counted)) == status["total"]
    assert {r["id"] for r in records if r["parent"] is None} == set(counted)
    assert sum(status["totals"].values()) == status["total"]

    # QĐ 42 groups + stopped = total
    stopped = status["totals"]["stopped"]
    assert sum(status["categories"].values()) + stopped == status["total"]
    groups = re.findall(r"^\| (?:Đã|Chưa) hoàn thành[^|]*\| (\d+) \|$", report, re.MULTILINE)
    assert len(groups) == 4 and sum(map(int, groups)) + stopped == status["total"]

    # "Chưa có thông tin" is beside the groups: never more than the tasks not stopped
    never = status["never_updated"]
    assert 0 <= never <= status["total"] - stopped
    assert f"Chưa có thông tin (chưa từng được cập nhật; đã tính trong 4 nhóm trên): {never}" in (
        report
    )

    # the rows of the bodies: each task once under the body whose file holds it (every
    # generated task is "chủ trì"); named partners only add "phối hợp" rows
    lead = Counter[str]()
    for row in status["bodies"]:
        if row["role"] == "lead":
            lead.update({k: v for k, v in row["counts"].items() if v})
    assert dict(lead) == {k: v for k, v in status["totals"].items() if v}
    for row in status["bodies"]:
        assert row["total"] == sum(row["counts"].values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), days)
def test_lists_are_made_of_counted_tasks_in_the_right_states(
    spec: dict[str, Any], day: dt.date
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        ev = evaluated(spec, day, Path(folder))
    figures = counting.tally(ev)
    counted = {s.id for s in figures.tasks}
    soon = counting.due_within(ev, 30)
    assert {s.id for s in soon} <= counted
    assert all(s.due is not None and day <= s.due <= day + dt.timedelta(days=30) for s in soon)
    assert all(not s.state.done and s.state is not State.OVERDUE for s in soon)
    period = report_period_containing(day, "quarter")
    done = counting.completed_between(ev, period.start, period.end)
    keys = [(c.state.id, c.sub.id if c.sub else None, c.label) for c in done]
    assert len(keys) == len(set(keys))  # each task, sub-task and occurrence, once
    assert {c.state.id for c in done} <= counted
    assert all(period.start <= c.done_on <= period.end for c in done)
    nxt = period.next()
    falling = counting.due_between(ev, nxt.start, nxt.end)
    assert all(
        not (d.occurrence.state.done if d.occurrence else d.state.state.done) for d in falling
    )
    for s in figures.tasks:  # a parent is overdue exactly when a part of it is
        if s.entry.children and s.state is State.OVERDUE:
            own_overdue = s.rule.kind != "none" and s.due is not None and s.due < day
            assert counting.overdue_parts(ev, s) or own_overdue
