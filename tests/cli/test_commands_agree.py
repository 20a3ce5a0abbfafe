"""On the shipped plan, every command gives the same figures on 20 days of 2018–2021."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app

# 20 days spread over 2018–2021: period boundaries (first and last days of quarters and
# years), due days of the shipped deadlines (31/08/2018, 31/12/2018, 31/12/2020), the
# day after each, and ordinary days in between.
DAYS = [
    "2018-06-06", "2018-07-01", "2018-08-31", "2018-09-01", "2018-09-30", "2018-12-31",
    "2019-01-01", "2019-03-31", "2019-06-30", "2019-07-01", "2019-09-30", "2019-11-15",
    "2019-12-31", "2020-01-01", "2020-06-30", "2020-12-31", "2021-01-01", "2021-03-31",
    "2021-07-15", "2021-12-31",
]  # fmt: skip


def quarter(day: str) -> str:
    date = dt.date.fromisoformat(day)
    return f"{date.year}-Q{(date.month - 1) // 3 + 1}"


def output(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_twenty_days_are_spread_over_four_years() -> None:
    assert len(set(DAYS)) == 20
    assert {day[:4] for day in DAYS} == {"2018", "2019", "2020", "2021"}


@pytest.mark.parametrize("day", DAYS)
def test_status_overdue_report_and_tasks_agree(
    runner: CliRunner, shipped_plan: Path, day: str
) -> None:
    plan = str(shipped_plan)
    status = json.loads(output(runner, "status", plan, "--as-of", day, "-f", "json"))
    late = json.loads(output(runner, "overdue", plan, "--as-of", day, "-f", "json"))["overdue"]
    tasks = json.loads(output(runner, "tasks", plan, "--as-of", day, "-f", "json"))
    report = output(runner, "report", plan, "--quarter", quarter(day), "--as-of", day)
    table = output(runner, "status", plan, "--as-of", day)

    overdue = status["totals"]["overdue"]
    counted = [t for t in tasks if t["counted"]]
    assert len(late) == overdue
    assert {t["id"] for t in late} == {t["id"] for t in counted if t["state"] == "overdue"}
    assert re.search(rf"^\| Chưa hoàn thành, quá hạn \| {overdue} \| [\d,]+%", report, re.M)
    section = report.split("Nhiệm vụ quá hạn\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # header
    rows = [row for row in rows if not row.startswith("| **")]  # the totals row
    assert len(rows) == overdue
    said = f"Quá hạn: {overdue} nhiệm vụ" if overdue else "Không có nhiệm vụ quá hạn."
    assert said in table

    # 72 top-level tasks, each once, in every total
    assert status["total"] == len(counted) == 72
    assert sum(status["categories"].values()) + status["totals"]["stopped"] == 72
    assert "| **Tổng** | **72** | 100% |" in report
    never = status["never_updated"]
    assert f"Chưa có thông tin (chưa từng được cập nhật): {never} nhiệm vụ" in table
    assert re.search(
        rf"Chưa có thông tin \(chưa từng được cập nhật; [^)]*\): {never}$", report, re.M
    )
