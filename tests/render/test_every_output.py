"""The "Chưa có thông tin" line and the occurrence labels ("Y (2019)") appear in every
output: status (table, json, markdown, csv, xlsx, html), report (md, docx, xlsx, html),
overdue, tasks --format json, and a portfolio's status and report. Each file is read back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.planbuilder import build_plan, done
from tests.portfolio.build import build_portfolio
from tests.render.readback import docx_text, html_text, xlsx_text

AS_OF = "2019-12-31"
NO_INFO = "Chưa có thông tin"
TASKS: list[dict[str, Any]] = [
    # yearly: 2018 missed (overdue), 2019 done in the year reported on, 2020 next
    {"id": "Y", "deadline": "thực hiện hằng năm", "status": "hoàn thành",
     "history": [done("2019-07-15", occurrence="2019")]},
    {"id": "U", "deadline": "năm 2020"},  # never updated
]  # fmt: skip


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_plan(tmp_path_factory.mktemp("every") / "plan", [dict(t) for t in TASKS])


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "xlsx", "html"])
def test_status_shows_the_no_information_line(plan: Path, fmt: str) -> None:
    if fmt in ("xlsx", "html"):
        target = plan.parent / f"status.{fmt}"
        run("status", str(plan), "--as-of", AS_OF, "-f", fmt, "-o", str(target))
        text = xlsx_text(target) if fmt == "xlsx" else html_text(target)
    else:
        text = run("status", str(plan), "--as-of", AS_OF, "-f", fmt)
    line = next(line for line in text.splitlines() if NO_INFO in line)
    assert "1" in line.replace(NO_INFO, ""), line  # the figure stands on the line
    figures = json.loads(run("status", str(plan), "--as-of", AS_OF, "-f", "json"))
    assert figures["never_updated"] == 1


@pytest.mark.parametrize("fmt", ["md", "docx", "xlsx", "html"])
def test_report_shows_no_information_and_occurrence_labels(plan: Path, fmt: str) -> None:
    args = ["report", str(plan), "--year", "2019", "--as-of", AS_OF]
    if fmt == "md":
        text = run(*args)
    else:
        target = plan.parent / f"report.{fmt}"
        run(*args, "-f", fmt, "-o", str(target))
        read = {"docx": docx_text, "xlsx": xlsx_text, "html": html_text}[fmt]
        text = read(target)
    assert NO_INFO in text
    assert "Y (2019)" in text  # completed in the year: its round
    assert "Y (2018)" in text  # overdue: the round missed


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_overdue_exports_name_the_round_missed(plan: Path, fmt: str) -> None:
    args = ["overdue", str(plan), "--as-of", AS_OF, "-f", fmt]
    if fmt == "csv":
        first_column = [line.split(",")[0] for line in run(*args).lstrip("\ufeff").splitlines()]
    else:
        target = plan.parent / "overdue.xlsx"
        run(*args, "-o", str(target))
        first_column = [line.split("\t")[0] for line in xlsx_text(target).splitlines()]
    assert "Y (2018)" in first_column
    assert "Y" not in first_column


def test_overdue_and_tasks_json_show_the_rounds(plan: Path) -> None:
    out = run("overdue", str(plan), "--as-of", AS_OF)
    assert "Y (2018)" in out
    records = {
        r["id"]: r for r in json.loads(run("tasks", str(plan), "--as-of", AS_OF, "-f", "json"))
    }
    rounds = {o["label"]: o["state"] for o in records["Y"]["occurrences"]}
    assert list(rounds.items())[:3] == [
        ("2018", "overdue"),
        ("2019", "done_on_time"),
        ("2020", "not_due"),
    ]
    assert records["U"]["never_updated"] is True and records["Y"]["never_updated"] is False


def test_portfolio_status_and_report(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [dict(t) for t in TASKS]})
    table = run("status", str(root), "--as-of", AS_OF)
    assert "thông" in table and "tin" in table  # the column heading, folded over lines
    figures = json.loads(run("status", str(root), "--as-of", AS_OF, "-f", "json"))
    assert figures["plans"][0]["no_information"] == 1
    report = run("report", str(root), "--year", "2019", "--as-of", AS_OF)
    assert NO_INFO in report and "Y (2018)" in report and "Y (2019)" in report
