"""The portfolio through the command line: init, import --into, validate (and --changed)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from kehoach.portfolio.changes import changed_plans
from tests.importer import DATA
from tests.portfolio.build import build_portfolio


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_init_import_validate(runner: CliRunner, tmp_path: Path) -> None:
    root = tmp_path / "pf"
    code, out, err = run(runner, "init", str(root), "--office", "Văn phòng Tỉnh ủy Hà Giang")
    assert code == 0, err
    assert "tạo   kehoach.yaml" in out and "kehoach import" in err
    doc = DATA / "ubnd-ha-giang-chuyen-doi-so.md"
    code, out, err = run(runner, "import", str(doc), "--into", str(root))
    assert code == 0, err
    assert out.strip() == str(root / "plans" / "ubnd-ha-giang-chuyen-doi-so")
    assert "0 khớp danh mục chung, 10 cơ quan đã thêm" in err and "mới: so-noi-vu" in err
    code, _, err = run(runner, "validate", str(root))
    assert code == 0, err
    assert "Hợp lệ: 1 kế hoạch, 11 nhiệm vụ; danh mục chung 10 cơ quan" in err
    code, _, err = run(runner, "import", str(doc), "--into", str(root), "--out", "x")
    assert code == 2 and "--out" in err


def test_validate_reports_cross_plan_problems(runner: CliRunner, tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}]})
    (root / "plans/kh-a/bodies.yaml").write_text(
        "bodies:\n  - id: snv\n    name: sở nội vụ\n", encoding="utf-8"
    )
    code, out, _ = run(runner, "validate", str(root), "--format", "github")
    assert code == 1
    assert out.startswith("::error file=") and "plans/kh-a/bodies.yaml,line=3" in out


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
        check=True,
        capture_output=True,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_plans_from_git(runner: CliRunner, tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    keys = ["kh-a", "kh-b"]
    assert changed_plans(root, keys) is None  # not a git work tree: everything
    _git(root, "init", "-q")
    assert changed_plans(root, keys) is None  # no first commit yet
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "init")
    assert changed_plans(root, keys) == set()
    task_file = root / "plans/kh-b/tasks/ban-to-chuc.yaml"
    task_file.write_text(task_file.read_text(encoding="utf-8") + "  - id: 1\n", encoding="utf-8")
    assert changed_plans(root, keys) == {"kh-b"}
    code, _, err = run(runner, "validate", str(root), "--changed")
    assert code == 1 and "1/2 kế hoạch có thay đổi" in err
    (root / "plans/kh-a/notes.md").write_text("x", encoding="utf-8")  # untracked counts
    assert changed_plans(root, keys) == {"kh-a", "kh-b"}
    _git(root, "checkout", "-q", "--", ".")
    (root / "plans/kh-a/notes.md").unlink()
    code, _, err = run(runner, "validate", str(root), "--changed")
    assert code == 0 and "0/2 kế hoạch có thay đổi" in err
    (root / "bodies.yaml").write_text(
        (root / "bodies.yaml").read_text(encoding="utf-8") + "  - id: x\n    name: X\n",
        encoding="utf-8",
    )
    assert changed_plans(root, keys) is None  # a shared file: every plan
