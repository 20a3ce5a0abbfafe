"""Views and filters: tasks --body with roles, --state, --search, report --body, width."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.text import fold

DAY = "2019-09-20"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def records(*args: str) -> list[dict[str, Any]]:
    result = run("tasks", *args, "--format", "json", "--as-of", DAY)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_tasks_of_a_body_include_its_partner_tasks_with_the_role(shipped_plan: Path) -> None:
    every = {r["id"]: r for r in records(str(shipped_plan))}
    mine = {r["id"]: r for r in records(str(shipped_plan), "--body", "ban-to-chuc")}
    lead = {i for i, r in every.items() if r["body"] == "ban-to-chuc"}
    assert lead <= set(mine)
    partner = set(mine) - lead
    assert "III.7.2" in partner  # Ban Dân vận's task that names Ban Tổ chức as partner
    assert all(mine[i]["body_role"] == "partner" for i in partner)
    assert mine["III.3.1"]["body_role"] == "lead"
    table = run("tasks", str(shipped_plan), "--body", "ban-to-chuc", "--as-of", DAY).stdout
    rows = {line.split()[0]: line for line in table.splitlines() if line.strip()}
    assert "phối hợp" in rows["III.7.2"] and "chủ trì" in rows["III.3.1"]  # the role column


def test_state_and_search_filters(shipped_plan: Path) -> None:
    every = records(str(shipped_plan))
    found = records(str(shipped_plan), "--state", "overdue,stale", "--search", "quy hoach")
    expected = [
        r["id"]
        for r in every
        if r["state"] in ("overdue", "stale") and "quy hoach" in fold(r["title"])
    ]
    assert expected and [r["id"] for r in found] == expected
    with_marks = records(str(shipped_plan), "--state", "overdue,stale", "--search", "QUY HOẠCH")
    assert with_marks == found


def test_report_for_one_body_counts_only_its_tasks(shipped_plan: Path) -> None:
    whole = run("report", str(shipped_plan), "--quarter", "2019-Q3")
    mine = run("report", str(shipped_plan), "--quarter", "2019-Q3", "--body", "ban-to-chuc")
    assert mine.exit_code == 0, mine.stderr
    assert "**Cơ quan: Ban Tổ chức Tỉnh ủy**" in mine.stdout

    def total(text: str) -> int:
        line = next(x for x in text.splitlines() if x.startswith("| **Tổng**"))
        return int(line.split("**")[3])

    assert 0 < total(mine.stdout) < total(whole.stdout)
    assert "II.21" in whole.stdout and "II.21" not in mine.stdout  # another body's task


def test_width_wide_narrow_and_piped(shipped_plan: Path) -> None:
    piped = run("status", str(shipped_plan), "--as-of", DAY).stdout
    assert max(len(line) for line in piped.splitlines()) <= 80
    wide = run("status", str(shipped_plan), "--as-of", DAY, "--width", "120").stdout
    assert max(len(line) for line in wide.splitlines()) > 80
    assert max(len(line) for line in wide.splitlines()) <= 120
    narrow = run("status", str(shipped_plan), "--as-of", DAY, "--width", "50").stdout
    assert max(len(line) for line in narrow.splitlines()) <= 50
    assert "\nBan Tổ chức Tỉnh ủy\n  Vai trò: CT · " in narrow  # a list, not columns
    tasks = run("tasks", str(shipped_plan), "--as-of", DAY, "--width", "140").stdout
    assert max(len(line) for line in tasks.splitlines()) > 80
