"""Every row of the decision tables in docs/states.md is a test.

The tables are read from the document itself, so the specification and the tests cannot
drift apart: a row added there is a test here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kehoach.checks import validate_plan
from kehoach.evaluation.evaluate import TaskState, evaluate
from kehoach.evaluation.states import State
from kehoach.loaded_plan import load_plan
from tests.planbuilder import build_plan

DOC = Path(__file__).resolve().parents[2] / "docs" / "states.md"
STATUS = {
    "xong": "hoàn thành",
    "đang": "đang thực hiện",
    "chưa": "chưa thực hiện",
    "dừng": "dừng thực hiện",
}
ENTRY = re.compile(r"^(xong|đang|chưa|dừng) (\d{4}-\d\d-\d\d)(?: \[([^\]]+)\])?$")


def read_table(marker: str) -> list[dict[str, str]]:
    """The rows of the Markdown table after ``<!-- states-table: marker -->``."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index(f"<!-- states-table: {marker} -->") + 1
    header = [cell.strip() for cell in lines[start].strip("|").split("|")]
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == len(header), f"docs/states.md: bad row {line!r}"
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def history(cell: str) -> list[dict[str, Any]]:
    if cell == "—":
        return []
    out = []
    for part in cell.split(", "):
        match = ENTRY.match(part)
        assert match, f"docs/states.md: bad history entry {part!r}"
        entry: dict[str, Any] = {"date": match[2], "status": STATUS[match[1]]}
        if match[3]:
            entry["occurrence"] = match[3]
        out.append(entry)
    return out


def deadline_fields(cell: str) -> dict[str, Any]:
    """``text``, ``—`` (none), or ``quy tắc {json} + text`` (a structured rule and a text)."""
    if cell == "—":
        return {}
    if cell.startswith("quy tắc "):
        rule, _, text = cell.removeprefix("quy tắc ").partition(" + ")
        return {"deadline_rule": json.loads(rule), "deadline": text}
    return {"deadline": cell}


def task(ident: str, deadline: str, entries: str, section: str = "III") -> dict[str, Any]:
    recorded = history(entries)
    out: dict[str, Any] = {"id": ident, "title": f"Nhiệm vụ {ident}", **deadline_fields(deadline)}
    out["history"] = recorded
    out["status"] = recorded[-1]["status"] if recorded else "chưa thực hiện"
    out["source"] = {"section": section}
    return out


def number(cell: str) -> int | None:
    return None if cell == "—" else int(cell)


def state_of(root: Path, ident: str, day: str) -> tuple[TaskState, dict[str, TaskState]]:
    plan, problems = load_plan(root)
    assert plan is not None and problems == []
    assert validate_plan(plan, dt.date(2100, 1, 1)) == []  # every row is a valid plan
    by_id = evaluate(plan, dt.date.fromisoformat(day)).by_id
    return by_id[ident], by_id


def done_occurrences(state: TaskState) -> str:
    done = [
        o.label + (" muộn" if o.state is State.DONE_LATE else "")
        for o in state.occurrences
        if o.done_on is not None
    ]
    return ", ".join(done) or "—"


SINGLE = read_table("single")
PARENT = read_table("parent")


def test_the_tables_are_there_and_numbered_once() -> None:
    assert len(SINGLE) >= 60 and len(PARENT) >= 11
    numbers = [row["#"] for row in SINGLE + PARENT]
    assert len(set(numbers)) == len(numbers)


@dataclass(frozen=True)
class Event:
    cell: str

    def events(self) -> list[dict[str, Any]]:
        if self.cell == "—":
            return []
        if self.cell == "chưa":
            return [{"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị"}]
        ident, day = self.cell.split()
        return [{"id": ident, "description": "Bộ Chính trị ban hành chỉ thị", "occurred": day}]


@pytest.mark.parametrize("row", SINGLE, ids=[f"row-{r['#']}" for r in SINGLE])
def test_single_task_row(row: dict[str, str], tmp_path: Path) -> None:
    spec = task("t", row["Thời hạn"], row["Lịch sử"])
    event = Event(row["Sự kiện"])
    if event.events():
        spec["depends_on"] = {"events": ["ct"]}
    root = build_plan(tmp_path / "p", [spec], events=event.events())
    state, _ = state_of(root, "t", row["Ngày xét"])
    assert state.state.value == row["Tình trạng"]
    assert state.days_overdue == int(row["Quá hạn"])
    assert state.days_left == number(row["Còn lại"])
    assert done_occurrences(state) == row["Kỳ hoàn thành"]


@pytest.mark.parametrize("row", PARENT, ids=[f"row-{r['#']}" for r in PARENT])
def test_parent_row(row: dict[str, str], tmp_path: Path) -> None:
    parent = task("cha", row["Thời hạn của cha"], row["Lịch sử của cha"], row["Mục"])
    children = []
    for index, child in enumerate(row["Nhiệm vụ con"].split(" ◆ "), start=1):
        deadline, _, entries = child.partition(": ")
        children.append(task(f"cha.{index}", deadline, entries, row["Mục"]))
    parent["subtasks"] = children
    root = build_plan(tmp_path / "p", [parent])
    state, by_id = state_of(root, "cha", row["Ngày xét"])
    assert state.state.value == row["Tình trạng của cha"]
    assert state.days_overdue == int(row["Quá hạn"])
    if row["Con nhận"] != "—":
        inherited = by_id["cha.1"].rule
        want = row["Con nhận"].split()
        assert inherited.kind == want[0]
        if len(want) > 1:
            assert inherited.due == dt.date.fromisoformat(want[1])
