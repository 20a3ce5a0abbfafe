"""``kehoach validate`` on a portfolio gives each plan's warnings as it does for one plan
(a task whose deadline cannot be read, with its position), counts them in the summary,
and ``--strict`` makes them fail."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.portfolio.build import build_portfolio

UNDATED = "không đọc được thời hạn"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def portfolio(tmp_path: Path) -> Path:
    return build_portfolio(
        tmp_path / "pf",
        {
            "kh-a": [{"id": "1", "deadline": "quý II/2019"}, {"id": "2"}],
            "kh-b": [{"id": "7", "deadline": "theo quy định"}, {"id": "8", "deadline": "năm 2019"}],
        },
    )


def test_each_plans_warnings_with_their_position(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, err = run("validate", str(root), "--as-of", "2019-06-01")
    assert code == 0, err
    lines = [line for line in out.splitlines() if UNDATED in line]
    assert len(lines) == 2
    # the same lines as validate gives for the plan alone, with the plan's folder in front
    for key, ident in (("kh-a", "2"), ("kh-b", "7")):
        _, alone, _ = run("validate", str(root / "plans" / key), "--as-of", "2019-06-01")
        own = [line for line in alone.splitlines() if UNDATED in line]
        assert len(own) == 1, alone
        _, _, rest = own[0].partition(":")
        assert any(line.endswith(rest) and f"{key}/" in line for line in lines), (ident, lines)
    assert "Hợp lệ: 2 kế hoạch, 4 nhiệm vụ" in err
    assert "2 cảnh báo" in err


def test_strict_makes_the_warnings_fail(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, _, err = run("validate", str(root), "--as-of", "2019-06-01", "--strict")
    assert code == 1
    assert "Chưa đạt (--strict)" in err and "2 cảnh báo (--strict: tính là lỗi)" in err


def test_strict_passes_a_portfolio_without_warnings(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1", "deadline": "quý II/2019"}]})
    code, _, err = run("validate", str(root), "--as-of", "2019-06-01", "--strict")
    assert code == 0, err
    assert "cảnh báo" not in err


def test_errors_and_warnings_are_counted_apart(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {"kh-a": [{"id": "1"}, {"id": "2", "deadline": "quý II/2019", "partners": ["khong-co"]}]},
    )
    code, _, err = run("validate", str(root), "--as-of", "2019-06-01")
    assert code == 1
    assert "Tìm thấy 1 lỗi và 1 cảnh báo trong 1 tệp (1 kế hoạch)." in err


def test_json_carries_the_warnings_severity(tmp_path: Path) -> None:
    root = portfolio(tmp_path)
    code, out, _ = run("validate", str(root), "--as-of", "2019-06-01", "--format", "json")
    assert code == 0
    found = json.loads(out)
    records = found if isinstance(found, list) else found["problems"]
    warnings = [r for r in records if UNDATED in r["message"]]
    assert len(warnings) == 2
    assert {r["severity"] for r in warnings} == {"warning"}
