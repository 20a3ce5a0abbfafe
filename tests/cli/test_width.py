"""Every table follows --width: at 80 columns and more a table that fills the width, below
80 a list (one block per row, never columns wrapped into garbage); piped output without
--width keeps the stable 80-column table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.portfolio.build import build_portfolio

DAY = "2019-09-30"
RULE = re.compile(r"^ ─{10,}$")  # the line under a table's header
ID = re.compile(r"\b(II|III|IV)\.\d+(\.\d+)*\b")

PLAN = "{plan}"
COMMANDS = {
    "status": ["status", PLAN],
    "tasks": ["tasks", PLAN],
    "tasks --body": ["tasks", PLAN, "--body", "ban-to-chuc"],
    "overdue": ["overdue", PLAN, "--within", "120"],
    "show": ["show", "III.3.10", PLAN],
}


def output(args: list[str], *extra: str) -> list[str]:
    result = CliRunner().invoke(app, [*args, "--as-of", DAY, *extra])
    assert result.exit_code == 0, result.stderr
    return result.stdout.splitlines()


def ids(lines: list[str]) -> list[str]:
    return [m.group(0) for line in lines for m in ID.finditer(line)]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_width_fits_and_narrow_is_a_list(shipped_plan: Path, name: str) -> None:
    args = [str(shipped_plan) if word == PLAN else word for word in COMMANDS[name]]
    piped = output(args)
    assert max(len(line) for line in piped) <= 80
    assert output(args, "--width", "80") == piped  # a pipe is 80 columns
    table = name != "show"
    for width in (40, 79, 80, 120):
        lines = output(args, "--width", str(width))
        too_long = [line for line in lines if len(line) > width]
        assert all(len(line.split()) == 1 for line in too_long), (name, width)  # a path
        ruled = any(RULE.match(line) for line in lines)
        assert ruled == (table and width >= 80), (name, width)  # a list has no header rule
        if table and name != "status":  # the same tasks, in the same order, at any width
            assert sorted(set(ids(lines))) == sorted(set(ids(piped)))
    if table:
        wide = output(args, "--width", "120")
        assert max(len(line) for line in wide) > 80  # a wide terminal is used


def test_a_narrow_list_keeps_every_figure(shipped_plan: Path) -> None:
    """The list below 80 columns says what the table says: each body's total."""
    table = output(["status", str(shipped_plan), "--format", "json"])
    import json

    data = json.loads("\n".join(table))
    narrow = "\n".join(output(["status", str(shipped_plan), "--width", "50"]))
    blocks = narrow.count("Tổng: ")
    assert blocks == len(data["bodies"]) + 1  # a line per body and role, and the total
    first = data["bodies"][0]
    assert f"Tổng: {first['total']}" in narrow


def test_narrow_overdue_lists_each_task_with_its_fields(shipped_plan: Path) -> None:
    lines = output(["overdue", str(shipped_plan)], "--width", "60")
    text = "\n".join(lines)
    assert "\nIII.3.1\n  Nhiệm vụ: Chủ trì tham mưu" in text
    assert "Chủ trì: Ban Tổ chức Tỉnh ủy" in text and "Quá: 395 ngày" in text


def test_portfolio_views_follow_the_width(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {
            "kh-a": [{"id": "1", "deadline": "trước ngày 31/12/2018"}],
            "kh-b": [{"id": "7", "deadline": "trước ngày 30/06/2019"}],
        },
    )
    for args in (["status"], ["status", "--by", "body"], ["overdue"], ["tasks"]):
        piped = output([args[0], str(root), *args[1:]])
        assert max(len(line) for line in piped) <= 80
        assert any(RULE.match(line) for line in piped), args
        narrow = output([args[0], str(root), *args[1:]], "--width", "40")
        assert max(len(line) for line in narrow) <= 40, args
        assert not any(RULE.match(line) for line in narrow), args
