"""A deadline split into labelled parts ("Quý I năm 2020, sơ kết; năm 2022 tổng kết"):
``kehoach update`` records which part an update closes (docs/states.md, "Phần có nhãn")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.checks import validate
from kehoach.edit import EditError, TaskUpdate, update_task
from kehoach.evaluation.evaluate import evaluate
from kehoach.evaluation.states import State
from kehoach.model import Status
from tests.planbuilder import build_plan, done

from . import update

D = dt.date
TODAY = D(2023, 6, 1)
PARTS = "Quý I năm 2020, sơ kết; năm 2022 tổng kết"


def make(tmp_path: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    task: dict[str, Any] = {"id": "t", "deadline": PARTS, "history": entries or []}
    if entries:
        task["status"] = entries[-1]["status"]
    return build_plan(tmp_path / "plan", [task])


def recorded(plan: Path) -> list[tuple[str, str | None]]:
    data = yaml.safe_load((plan / "tasks" / "ban-to-chuc.yaml").read_text(encoding="utf-8"))
    return [(str(e["date"]), e.get("occurrence")) for e in data["tasks"][0].get("history") or []]


def record(plan: Path, day: dt.date, occurrence: str | None = None) -> list[str]:
    result = update_task(
        plan, TaskUpdate("t", Status.DONE, day, occurrence=occurrence), as_of=TODAY
    )
    assert result.written
    return result.messages


def state_on(plan: Path, day: dt.date) -> State:
    checked, problems = validate(plan, TODAY)
    assert checked is not None and problems == []
    return evaluate(checked, day).by_id["t"].state


def test_each_part_is_inferred_from_the_date_and_named(tmp_path: Path) -> None:
    plan = make(tmp_path)
    assert "ghi cho phần sơ kết 2020" in record(plan, D(2020, 3, 20))[0]
    assert state_on(plan, D(2020, 4, 1)) is State.OPEN  # the later part is not lost
    assert state_on(plan, D(2023, 1, 1)) is State.OVERDUE
    assert "ghi cho phần tổng kết 2022" in record(plan, D(2022, 11, 30))[0]
    assert recorded(plan) == [("2020-03-20", "2020"), ("2022-11-30", "2022")]
    assert state_on(plan, D(2023, 1, 1)) is State.DONE_ON_TIME


def test_the_day_after_a_parts_due_belongs_to_the_next_part(tmp_path: Path) -> None:
    plan = make(tmp_path, [done("2020-03-31", occurrence="2020")])
    assert "ghi cho phần tổng kết 2022" in record(plan, D(2020, 4, 1))[0]
    assert state_on(plan, D(2020, 4, 2)) is State.DONE_ON_TIME


def test_a_late_update_while_an_earlier_part_is_open_must_name_its_part(tmp_path: Path) -> None:
    plan = make(tmp_path)
    with pytest.raises(EditError) as refused:
        update_task(plan, TaskUpdate("t", Status.DONE, D(2020, 5, 1)), as_of=TODAY)
    message = str(refused.value)
    assert "không rõ cập nhật ngày 01/05/2020 thuộc phần nào" in message
    assert "phần sơ kết 2020 chưa hoàn thành" in message
    assert "các phần còn mở: sơ kết 2020, tổng kết 2022." in message
    assert "--occurrence 2020" in message
    assert recorded(plan) == []
    assert "ghi cho phần sơ kết 2020" in record(plan, D(2020, 5, 1), "2020")[0]
    assert state_on(plan, D(2020, 5, 2)) is State.OPEN
    record(plan, D(2022, 12, 1))
    assert state_on(plan, D(2023, 1, 1)) is State.DONE_LATE  # one part was late


def test_a_done_part_again_is_ambiguous_while_another_is_open(tmp_path: Path) -> None:
    plan = make(tmp_path, [done("2020-03-20", occurrence="2020")])
    with pytest.raises(EditError) as refused:
        update_task(plan, TaskUpdate("t", Status.DONE, D(2020, 3, 25)), as_of=TODAY)
    assert "phần sơ kết 2020 đã hoàn thành" in str(refused.value)
    assert "các phần còn mở: tổng kết 2022." in str(refused.value)


def test_a_label_that_is_no_part_is_refused_with_the_open_parts(tmp_path: Path) -> None:
    plan = make(tmp_path)
    result = update(plan, "t", "--status", "hoàn-thành", "--date", "2020-03-01",
                    "--occurrence", "2021", "--as-of", "2023-06-01")  # fmt: skip
    assert result.exit_code == 1
    assert "phần '2021' không phải một phần của nhiệm vụ này." in result.stderr
    assert "Các phần còn mở: sơ kết 2020, tổng kết 2022." in result.stderr
    assert recorded(plan) == []


def test_the_cli_names_the_part_and_records_it(tmp_path: Path) -> None:
    plan = make(tmp_path)
    result = update(plan, "t", "--status", "hoàn-thành", "--date", "2022-06-01",
                    "--occurrence", "2022", "--as-of", "2023-06-01")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "ghi cho phần tổng kết 2022" in result.stdout + result.stderr
    assert recorded(plan) == [("2022-06-01", "2022")]
    assert state_on(plan, D(2022, 7, 1)) is State.OVERDUE  # sơ kết is still missing


def test_parts_due_in_one_year_are_labelled_by_their_due_dates(tmp_path: Path) -> None:
    task = {"id": "t", "deadline": "Quý I/2020, sơ kết; quý IV/2020 tổng kết"}
    plan = build_plan(tmp_path / "plan", [task])
    assert "ghi cho phần tổng kết 2020-12-31" in record(plan, D(2020, 6, 1), "2020-12-31")[0]
    assert recorded(plan) == [("2020-06-01", "2020-12-31")]


def test_history_order_is_checked_per_part(tmp_path: Path) -> None:
    entries = [done("2022-06-01", occurrence="2022"), done("2020-03-01", occurrence="2020")]
    plan = make(tmp_path, entries)
    assert [p for p in validate(plan, TODAY)[1] if p.code == "history-order"] == []
    entries = [done("2022-06-01", occurrence="2022"), done("2020-05-01")]  # both for 2022
    plan = make(tmp_path / "b", entries)
    found = validate(plan, TODAY)[1]
    assert [p.code for p in found] == ["history-order"]
    assert "lịch sử của phần tổng kết 2022 không theo thứ tự" in found[0].message


def test_show_and_calendar_name_the_parts(tmp_path: Path) -> None:
    from . import invoke

    plan = make(tmp_path, [done("2022-06-01", occurrence="2022")])
    shown = invoke("show", "t", "--plan", str(plan), "--as-of", "2022-07-01")
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())  # lines are wrapped to the terminal's width
    assert "phần sơ kết 2020 quá hạn 822 ngày: hạn 31/03/2020" in text
    assert "Các phần:" in text and "tổng kết 2022: hạn 31/12/2022" in text
    target = tmp_path / "lich.ics"
    made = invoke("calendar", str(plan), "--as-of", "2022-01-01", "-o", str(target))
    assert made.exit_code == 0, made.stderr
    from icalendar import Calendar

    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    summaries = sorted(str(e["summary"]).split(":")[0] for e in events)
    assert summaries == ["[t] phần sơ kết 2020", "[t] phần tổng kết 2022"]


def test_a_batch_names_the_part_each_change_records(tmp_path: Path) -> None:
    """``update`` of many tasks and ``collect`` print one line per change: a labelled
    part is named as a part ("phần sơ kết 2020"), not as a round ("kỳ 2020")."""
    from kehoach.edit import update_tasks
    from kehoach.render.changes import change_lines

    plan = make(tmp_path)
    batch = update_tasks(plan, [TaskUpdate("t", Status.DONE, D(2020, 3, 20))], as_of=TODAY)
    assert [o.round_name for o in batch.outcomes] == ["phần sơ kết 2020"]
    head = change_lines(batch)[0]
    assert head.endswith(", ngày 20/03/2020, phần sơ kết 2020"), head
    assert "kỳ" not in head
    assert recorded(plan) == [("2020-03-20", "2020")]


def test_a_batch_names_a_yearly_round_as_a_round(tmp_path: Path) -> None:
    from kehoach.edit import update_tasks
    from kehoach.render.changes import change_lines

    task: dict[str, Any] = {"id": "y", "deadline": "thực hiện hằng năm"}
    plan = build_plan(tmp_path / "plan", [task])
    batch = update_tasks(plan, [TaskUpdate("y", Status.DONE, D(2019, 7, 15))], as_of=TODAY)
    assert [o.round_name for o in batch.outcomes] == ["kỳ năm 2019"]
    assert change_lines(batch)[0].endswith(", ngày 15/07/2019, kỳ năm 2019")


def test_a_form_row_naming_no_part_is_refused_as_a_part(tmp_path: Path) -> None:
    """The form's "Kỳ (định kỳ)" column of a task with labelled parts takes a part's
    label; any other text is refused in the part's own words, with examples."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from kehoach.cli.app import app

    plan = make(tmp_path)
    out = tmp_path / "forms"
    issued = CliRunner().invoke(
        app, ["form", str(plan), "--all", "--quarter", "2020-Q1", "--as-of", "2020-03-01",
              "-o", str(out)],
    )  # fmt: skip
    assert issued.exit_code == 0, issued.stderr
    path = next(out.glob("*.xlsx"))
    book = load_workbook(path)
    sheet: Any = book["Báo cáo"]
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Mã")
    columns = {cell.value: cell.column for cell in sheet[header]}
    row = next(r[0].row for r in sheet.iter_rows(min_row=header + 1) if r[0].value == "t")
    for title, value in {"Trạng thái": "hoàn thành", "Ngày": "20/03/2020",
                         "Kỳ (định kỳ)": "2021"}.items():  # fmt: skip
        sheet.cell(row=row, column=columns[title], value=value)
    book.save(path)
    collected = CliRunner().invoke(
        app, ["collect", str(path), "--plan", str(plan), "--as-of", "2020-03-30"]
    )
    assert collected.exit_code == 1
    said = collected.stdout + collected.stderr
    assert "phần '2021' không phải một phần của nhiệm vụ này (ví dụ: 2020, 2022)." in said
    assert recorded(plan) == []
