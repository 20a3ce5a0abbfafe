"""Every command takes --as-of (a script passes one day to all of them), and checks it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner, Result

from kehoach.cli.app import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def command_names() -> list[str]:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return sorted(group.commands)


def test_the_command_list_is_read_from_the_app() -> None:
    names = command_names()
    assert {"validate", "status", "import", "undo", "log", "schema", "init"} <= set(names)


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_as_of(name: str) -> None:
    group = get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    options = {opt for param in group.commands[name].params for opt in param.opts}
    assert "--as-of" in options


@pytest.mark.parametrize(
    "args",
    [
        ("schema", "--check"),
        ("init", "{tmp}/portfolio"),
        ("log", "{plan}"),
        ("undo", "{plan}", "--dry-run"),
        ("validate", "{plan}"),
    ],
)
def test_an_impossible_day_is_a_usage_error(
    args: tuple[str, ...], plan_copy: Path, tmp_path: Path
) -> None:
    filled = [a.format(plan=plan_copy, tmp=tmp_path) for a in args]
    result = run(*filled, "--as-of", "2019-02-30")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Ngày --as-of '2019-02-30' không tồn tại trong lịch." in result.stderr
    assert not (tmp_path / "portfolio").exists()


def test_log_as_of_lists_the_changes_made_up_to_that_day(plan_copy: Path) -> None:
    done = run(
        "update", "III.3.1", "--status", "done", "--date", "2018-08-20",
        "--plan", str(plan_copy), "--as-of", "2018-09-01",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    today = dt.datetime.now(dt.UTC).date()
    listed = run("log", str(plan_copy), "--as-of", today.isoformat())
    assert listed.exit_code == 0
    assert listed.stdout.startswith("#1 ")
    before = today - dt.timedelta(days=1)
    earlier = run("log", str(plan_copy), "--as-of", before.isoformat())
    assert earlier.exit_code == 0
    assert earlier.stdout.strip() == (
        "Chưa có thay đổi nào được ghi qua kehoach cho kế hoạch này "
        f"đến hết ngày {before:%d/%m/%Y}."
    )


def test_import_validates_the_new_plan_as_of_the_day_given(tmp_path: Path) -> None:
    document = tmp_path / "kh.txt"
    document.write_text(
        "KẾ HOẠCH\nThực hiện Nghị quyết số 01-NQ/TU\n\nI. NHIỆM VỤ\n"
        "1. Xây dựng đề án.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Thời gian hoàn thành: Quý II/2024.\n",
        "utf-8",
    )
    out = tmp_path / "kh"
    result = run("import", str(document), "-o", str(out), "--as-of", "2024-07-01")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert (out / "plan.yaml").is_file()
    bad = run("import", str(document), "-o", str(tmp_path / "kh2"), "--as-of", "1/13/2024")
    assert bad.exit_code == 2
    assert not (tmp_path / "kh2").exists()
