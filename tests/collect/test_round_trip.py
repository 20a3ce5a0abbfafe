"""The whole quarter through the command line: forms out, filled in, collected, undone."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from kehoach.cli.app import app

ISSUED = "2019-09-20"
COLLECTED = "2019-09-30"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(plan: Path) -> dict[str, bytes]:
    return {p.relative_to(plan).as_posix(): p.read_bytes() for p in plan.rglob("*") if p.is_file()}


def fill(
    path: Path, answers: dict[str, dict[str, Any]], extra: list[list[Any]] | None = None
) -> None:
    """Fill the rows of *answers* (task id → column title → value), as a clerk would."""
    book = load_workbook(path)
    sheet: Any = book["Báo cáo"]
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Mã")
    columns = {cell.value: cell.column for cell in sheet[header]}
    for row in sheet.iter_rows(min_row=header + 1):
        task_id = row[0].value
        if task_id in answers:
            for title, value in answers[task_id].items():
                sheet.cell(row=row[0].row, column=columns[title], value=value)
    for values in extra or []:
        sheet.append(values)
    book.save(path)


def row_of(path: Path, task_id: str) -> int:
    sheet = load_workbook(path)["Báo cáo"]
    return next(row[0].row for row in sheet.iter_rows() if row[0].value == task_id)


def status_totals(plan: Path) -> dict[str, int]:
    result = run("status", str(plan), "--format", "json", "--as-of", COLLECTED)
    assert result.exit_code == 0, result.stderr
    totals: dict[str, int] = json.loads(result.stdout)["totals"]
    return totals


def states(plan: Path, day: str) -> dict[str, dict[str, Any]]:
    result = run("tasks", str(plan), "--format", "json", "--as-of", day)
    assert result.exit_code == 0, result.stderr
    return {r["id"]: r for r in json.loads(result.stdout)}


@pytest.fixture
def forms(plan_copy: Path, tmp_path: Path) -> Path:
    out = tmp_path / "forms"
    result = run(
        "form", str(plan_copy), "--all", "--quarter", "2019-Q3", "--as-of", ISSUED, "-o", str(out)
    )
    assert result.exit_code == 0, result.stderr
    return out


def test_form_lists_the_body_tasks_as_lead_and_partner(plan_copy: Path, forms: Path) -> None:
    path = forms / "ban-to-chuc-2019-Q3.xlsx"
    book = load_workbook(path)
    assert book["kehoach"].sheet_state == "hidden"
    sheet: Any = book["Báo cáo"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=7, values_only=True) if row[0]}
    before = states(plan_copy, ISSUED)
    own = {
        i for i, r in before.items()
        if r["body"] == "ban-to-chuc" and not r["state"].startswith("done")
        and r["state"] != "stopped" and i not in {x["parent"] for x in before.values()}
    }  # fmt: skip
    assert own <= set(rows)
    assert rows["III.7.2"][2] == "phối hợp"  # Ban Dân vận's task naming Ban Tổ chức
    assert rows["III.3.1"][2] == "chủ trì"
    assert rows["III.3.10"][5] == "2018"  # the open occurrence of a yearly task
    validation = sheet.data_validations.dataValidation[0]
    assert "hoàn thành" in str(validation.formula1)
    assert str(validation.sqref).startswith("G7:")
    assert sheet["A1"].value.startswith("Kế hoạch thực hiện Nghị quyết")
    assert "Quý III/2019" in sheet["A3"].value
    # it prints on A4 landscape, all columns on the page's width (render-check prints it)
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}  # the title wraps inside


def test_the_quarter_round_trip(plan_copy: Path, forms: Path, tmp_path: Path) -> None:
    original = snapshot(plan_copy)
    # Someone records III.3.2 by hand after the forms went out: its row is a conflict.
    late = run(
        "update", "III.3.2", "--status", "đang thực hiện", "--date", "2019-09-21",
        "--plan", str(plan_copy), "--as-of", "2019-09-21",
    )  # fmt: skip
    assert late.exit_code == 0, late.stderr
    after_late = snapshot(plan_copy)
    btc = forms / "ban-to-chuc-2019-Q3.xlsx"
    fill(
        btc,
        {
            "III.3.1": {
                "Trạng thái": "Hoan thanh",
                "Ngày": "25/9/2019",
                "Kết quả thực hiện": "Đã ban hành kế hoạch hành động",
                "Văn bản (số/ký hiệu, ngày)": "Kế hoạch số 15-KH/TU ngày 20/8/2018",
            },
            "III.3.2": {"Trạng thái": "hoàn thành", "Ngày": "2019-09-25"},
            "III.3.10": {"Trạng thái": "hoàn thành", "Ngày": dt.datetime(2019, 9, 24)},
            "III.3.3": {"Trạng thái": "xong rồi"},
            "III.3.4.1": {"Trạng thái": "đang thực hiện", "Ngày": "31/02/2019"},
            "III.7.2": {"Trạng thái": "hoàn thành", "Ngày": "20/9/2019"},
            "III.3.4.2": {"Trạng thái": "dang thuc hien", "Kết quả thực hiện": "Đã rà soát"},
        },
        extra=[["III.3.99", "thêm tay", "", "", "", "", "hoàn thành", "20/9/2019"]],
    )
    btg = forms / "ban-tuyen-giao-2019-Q3.xlsx"
    fill(btg, {"III.6.2": {"Trạng thái": "đang thực hiện", "Ngày": "20.09.2019"}})
    stranger = tmp_path / "stranger.xlsx"
    stranger.write_bytes(btg.read_bytes())
    book = load_workbook(stranger)
    meta = book["kehoach"]
    for row in meta.iter_rows():
        if row[0].value == "identity":
            row[1].value = "0000000000"
    book.save(stranger)
    files = [str(btc), str(btg), str(stranger)]

    before = states(plan_copy, COLLECTED)
    status_before = status_totals(plan_copy)
    dry = run("collect", *files, str(plan_copy), "--as-of", COLLECTED, "--skip-bad", "--dry-run")
    assert dry.exit_code == 0 and "[ghi] III.3.1" in dry.stdout
    assert snapshot(plan_copy) == after_late  # a dry run writes nothing
    refused = run("collect", *files, str(plan_copy), "--as-of", COLLECTED)
    assert refused.exit_code == 1
    assert snapshot(plan_copy) == after_late
    err = refused.stderr
    assert f"ban-to-chuc-2019-Q3.xlsx, trang 'Báo cáo', dòng {row_of(btc, 'III.3.3')}" in err
    assert "Trạng thái 'xong rồi' không hợp lệ" in err
    assert f"dòng {row_of(btc, 'III.3.4.1')} (III.3.4.1)" in err and "không tồn tại" in err
    assert "III.7.2): cơ quan phối hợp không ghi trạng thái 'hoàn thành'" in err
    assert "III.3.99): nhiệm vụ 'III.3.99' không có trong phiếu" in err
    assert "stranger.xlsx" in err and "không phải của kế hoạch này" in err

    applied = run("collect", *files, "--plan", str(plan_copy), "--as-of", COLLECTED, "--skip-bad")
    assert applied.exit_code == 0, applied.stderr
    assert "[xung đột] III.3.2" in applied.stdout
    assert "[ghi] III.3.1" in applied.stdout
    now = states(plan_copy, COLLECTED)
    assert now["III.3.1"]["state"] == "done_late" and now["III.3.1"]["done_on"] == "2019-09-25"
    assert now["III.3.2"]["status"] == "in_progress"  # the conflict was not applied
    assert now["III.3.3"]["status"] == "not_started"
    assert now["III.3.4.1"]["status"] == "not_started"
    assert now["III.7.2"]["status"] == "not_started"
    assert now["III.3.4.2"]["state"] == "ongoing"  # a fresh update this quarter
    assert now["III.3.4.2"]["history"][-1]["date"] == COLLECTED  # no date: the day it came in
    assert now["III.3.4.2"]["history"][-1]["note"] == "Đã rà soát"
    assert now["III.3.10"]["history"][-1]["occurrence"] == "2018"
    assert now["III.6.2"]["history"][-1]["date"] == "2019-09-20"
    collected = snapshot(plan_copy)
    changed = {k for k in collected if collected[k] != after_late[k]}
    assert changed == {"tasks/ban-to-chuc.yaml", "tasks/ban-tuyen-giao.yaml"}
    good = {"III.3.1", "III.3.10", "III.3.4.2", "III.6.2"}  # the rows that were applied
    grown = {i for i in now if len(now[i]["history"]) != len(before[i]["history"])}
    assert grown == good  # a new history entry for each good row, for nothing else
    moved = {i: (before[i]["state"], now[i]["state"]) for i in now
             if now[i]["state"] != before[i]["state"]}  # fmt: skip
    assert set(moved) <= good
    # status: its totals moved by exactly the good rows' change of state
    expected = dict(status_before)
    for task, (old, new) in moved.items():
        if now[task]["counted"]:  # a sub-task counts through its parent
            expected[old] -= 1
            expected[new] += 1
    assert status_totals(plan_copy) == expected

    report = run("report", str(plan_copy), "--quarter", "2019-Q3", "--as-of", COLLECTED)
    assert report.exit_code == 0, report.stderr
    done = report.stdout.split("## 3. ", 1)[1].split("## 4. ", 1)[0]
    listed = {row.split(" | ")[0].lstrip("| ").split(" ")[0] for row in done.splitlines()
              if row.startswith("| ") and "---" not in row and "**" not in row}  # fmt: skip
    listed.discard("Mã")
    assert listed == {"III.3.1", "III.3.10"}  # done this quarter: the good rows, no other
    summary = report.stdout.split("## 1. ", 1)[1].split("## 2. ", 1)[0]
    assert f"| Hoàn thành quá hạn | {expected['done_late']} |" in summary

    again = run("collect", *files, "--plan", str(plan_copy), "--as-of", COLLECTED, "--skip-bad")
    assert again.exit_code == 0, again.stderr
    assert "[ghi]" not in again.stdout
    assert snapshot(plan_copy) == collected

    undo = run("undo", "--plan", str(plan_copy))
    assert undo.exit_code == 0, undo.stderr
    assert "collect" in undo.stdout
    assert snapshot(plan_copy) == after_late
    undo = run("undo", "--plan", str(plan_copy))
    assert undo.exit_code == 0, undo.stderr
    assert snapshot(plan_copy) == original


def test_force_applies_a_conflict(plan_copy: Path, forms: Path) -> None:
    late = run(
        "update", "III.3.2", "--status", "đang thực hiện", "--date", "2019-09-21",
        "--plan", str(plan_copy), "--as-of", "2019-09-21",
    )  # fmt: skip
    assert late.exit_code == 0, late.stderr
    btc = forms / "ban-to-chuc-2019-Q3.xlsx"
    fill(btc, {"III.3.2": {"Trạng thái": "hoàn thành", "Ngày": "2019-09-25"}})
    dry = run("collect", str(btc), str(plan_copy), "--as-of", COLLECTED, "--dry-run")
    assert dry.exit_code == 0 and "[xung đột] III.3.2" in dry.stdout
    forced = run("collect", str(btc), str(plan_copy), "--as-of", COLLECTED, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert states(plan_copy, COLLECTED)["III.3.2"]["status"] == "done"


def test_the_word_variant_round_trips(plan_copy: Path, tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "word"
    made = run(
        "form", str(plan_copy), "--body", "ban-to-chuc", "--quarter", "2019-Q3",
        "--as-of", ISSUED, "-o", str(out), "--format", "docx",
    )  # fmt: skip
    assert made.exit_code == 0, made.stderr
    path = out / "ban-to-chuc-2019-Q3.docx"
    document = Document(str(path))
    width, height = document.sections[0].page_width, document.sections[0].page_height
    assert width is not None and height is not None
    assert (round(width.mm), round(height.mm)) == (297, 210)  # A4 landscape
    table = document.tables[0]
    header = [cell.text for cell in table.rows[0].cells]
    index = {title: header.index(title) for title in header}
    for row in table.rows[1:]:
        if row.cells[0].text == "III.3.1":
            row.cells[index["Trạng thái"]].text = "hoàn thành"
            row.cells[index["Ngày"]].text = "25/09/2019"
        if row.cells[0].text == "III.3.3":
            row.cells[index["Trạng thái"]].text = "không rõ"
    document.save(str(path))
    refused = run("collect", str(path), str(plan_copy), "--as-of", COLLECTED)
    assert refused.exit_code == 1
    assert "ban-to-chuc-2019-Q3.docx, bảng 1, dòng" in refused.stderr
    applied = run("collect", str(path), str(plan_copy), "--as-of", COLLECTED, "--skip-bad")
    assert applied.exit_code == 0, applied.stderr
    assert states(plan_copy, COLLECTED)["III.3.1"]["done_on"] == "2019-09-25"


def test_a_file_that_is_not_a_form_is_refused_by_name(plan_copy: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "bang-tinh.xlsx"
    Workbook().save(path)
    result = run("collect", str(path), str(plan_copy), "--as-of", COLLECTED)
    assert result.exit_code == 1
    assert (
        "bang-tinh.xlsx" in result.stderr and "không phải phiếu do 'kehoach form'" in result.stderr
    )
