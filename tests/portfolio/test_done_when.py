"""Issue 15's "done when": a portfolio from the shipped plan and two imported documents,
driven through the command line; every cross-plan figure equals the sum of the figures
the single-plan commands give for each plan."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from kehoach.portfolio.init import html_status_available, page_commands
from tests.conftest import SHIPPED
from tests.importer import DATA

DAY = "2025-06-30"
DOCS = (DATA / "ubnd-ha-giang-chuyen-doi-so.md", DATA / "so-noi-vu-cai-cach-hanh-chinh.txt")
KEYS = ["kh-nq26", "so-noi-vu-cai-cach-hanh-chinh", "ubnd-ha-giang-chuyen-doi-so"]


def ok(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stdout + result.stderr
    return result.stdout


def data(runner: CliRunner, *args: str) -> Any:
    return json.loads(ok(runner, *args, "--format", "json", "--as-of", DAY))


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    runner = CliRunner()
    root = tmp_path_factory.mktemp("done-when") / "van-phong"
    ok(runner, "init", str(root), "--office", "Văn phòng Tỉnh ủy")
    shutil.copytree(SHIPPED, root / "plans" / "kh-nq26")
    for doc in DOCS:
        ok(runner, "import", str(doc), "--into", str(root))
    return root


def test_validate(portfolio: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["validate", str(portfolio), "--as-of", DAY])
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Hợp lệ: 3 kế hoạch" in result.stderr


def per_plan(runner: CliRunner, root: Path) -> dict[str, Any]:
    return {key: data(runner, "status", str(root / "plans" / key)) for key in KEYS}


def test_status_rows_are_the_plans_and_add_up(portfolio: Path) -> None:
    runner = CliRunner()
    whole = data(runner, "status", str(portfolio))
    single = per_plan(runner, portfolio)
    assert [row["plan"] for row in whole["plans"]] == KEYS
    for row in whole["plans"]:
        alone = single[row["plan"]]
        assert row["total"] == alone["total"]
        assert row["states"] == alone["totals"]
        assert {k: v for k, v in row["categories"].items() if v} == alone["categories"]
    totals = whole["totals"]
    assert totals["total"] == sum(p["total"] for p in single.values())
    for state in totals["states"]:
        assert totals["states"][state] == sum(p["totals"][state] for p in single.values())
    assert totals["no_information"] == sum(r["no_information"] for r in whole["plans"])
    assert sum(totals["categories"].values()) + totals["states"]["stopped"] == totals["total"]
    table = ok(runner, "status", str(portfolio), "--as-of", DAY)
    assert "Cộng" in table and str(totals["total"]) in table.split("Cộng")[1]


def test_status_by_body_adds_up_the_plans_rows(portfolio: Path) -> None:
    runner = CliRunner()
    whole = data(runner, "status", str(portfolio), "--by", "body")
    expected: dict[tuple[str, str], Counter[str]] = {}
    plans: dict[tuple[str, str], list[str]] = {}
    for key, alone in per_plan(runner, portfolio).items():
        for row in alone["bodies"]:
            expected.setdefault((row["body"], row["role"]), Counter()).update(row["counts"])
            plans.setdefault((row["body"], row["role"]), []).append(key)
    got = {(r["body"], r["role"]): r for r in whole["bodies"]}
    assert set(got) == set(expected)
    for pair, row in got.items():
        assert Counter({k: v for k, v in row["states"].items() if v}) == +expected[pair]
        assert row["plans"] == plans[pair]
    # a body shared by plans is one row: Sở Nội vụ leads in one plan and partners in another
    shared = [r for r in whole["bodies"] if len(r["plans"]) > 1]
    assert shared, "the imported plans share no body with the shipped one"


def test_overdue_across_plans(portfolio: Path) -> None:
    runner = CliRunner()
    whole = data(runner, "overdue", str(portfolio))["overdue"]
    expected = {
        (key, item["id"])
        for key in KEYS
        for item in data(runner, "overdue", str(portfolio / "plans" / key))["overdue"]
    }
    assert {(item["plan"], item["id"]) for item in whole} == expected
    days = [item["days_overdue"] for item in whole]
    assert days == sorted(days, reverse=True)
    table = ok(runner, "overdue", str(portfolio), "--as-of", DAY)
    assert f"{len(whole)} nhiệm vụ quá hạn" in table and "kh-nq26:III.3.1" in table


def test_report(portfolio: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "bao-cao.md"
    ok(runner, "report", str(portfolio), "--quarter", "2025-Q2", "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Báo cáo tình hình thực hiện các kế hoạch của Văn phòng Tỉnh ủy")
    for key in KEYS:
        assert f"({key})" in text
    assert text.index("(kh-nq26)") < text.index("## Theo cơ quan, trên mọi kế hoạch")
    total_row = next(line for line in text.split("\n") if line.startswith("| **Cộng**"))
    single = per_plan(runner, portfolio)
    assert total_row.split("|")[2].strip() == str(sum(p["total"] for p in single.values()))
    one = ok(runner, "report", str(portfolio), "--quarter", "2025-Q2", "--plan", "kh-nq26")
    assert "(kh-nq26)" in one and "(so-noi-vu-cai-cach-hanh-chinh)" not in one


def test_update_plan_task(portfolio: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    root = tmp_path / "pf"
    shutil.copytree(portfolio, root)
    before = data(runner, "status", str(root))
    ok(
        runner,
        "update",
        "kh-nq26:III.3.1",
        "--plan",
        str(root),
        "--status",
        "hoàn-thành",
        "--date",
        "2018-08-20",
        "--as-of",
        DAY,
    )
    after = data(runner, "status", str(root))
    rows = {r["plan"]: r for r in after["plans"]}
    old = {r["plan"]: r for r in before["plans"]}
    assert rows["kh-nq26"]["states"]["done_on_time"] == old["kh-nq26"]["states"]["done_on_time"] + 1
    assert rows["so-noi-vu-cai-cach-hanh-chinh"] == old["so-noi-vu-cai-cach-hanh-chinh"]
    assert (
        after["totals"]["states"]["done_on_time"] == before["totals"]["states"]["done_on_time"] + 1
    )
    # a plan that has only the shared registry is checked with it after the edit
    ok(
        runner,
        "update",
        "so-noi-vu-cai-cach-hanh-chinh:III.1",
        "--plan",
        str(root),
        "--status",
        "đang-thực-hiện",
        "--date",
        "2024-03-01",
        "--as-of",
        DAY,
    )
    again = {r["plan"]: r for r in data(runner, "status", str(root))["plans"]}
    assert again["so-noi-vu-cai-cach-hanh-chinh"]["no_information"] == (
        rows["so-noi-vu-cai-cach-hanh-chinh"]["no_information"] - 1
    )
    # an id held by several plans must be given with its plan
    result = runner.invoke(
        app, ["update", "III.1", "--plan", str(root), "--status", "hoàn-thành", "--as-of", DAY]
    )
    assert result.exit_code == 2 and "so-noi-vu-cai-cach-hanh-chinh:III.1" in result.stderr


@pytest.mark.parametrize("html", [True, False])
def test_ci_page_commands_run(portfolio: Path, tmp_path: Path, html: bool) -> None:
    """The shell lines the CI templates run to build the Pages site work on this portfolio
    (the HTML page, and the Markdown fallback for a kehoach without it)."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    root = tmp_path / "pf"
    shutil.copytree(portfolio, root)
    assert html_status_available()  # this kehoach renders a portfolio's status as HTML
    script = "set -euo pipefail\nmkdir -p public\n" + "\n".join(page_commands(html))
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(
        ["bash", "-c", script], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    page = (root / "public" / "index.html").read_text(encoding="utf-8")
    assert "kh-nq26" in page
    assert (root / "public" / "bao-cao.md").read_text(encoding="utf-8").startswith("# Báo cáo")
