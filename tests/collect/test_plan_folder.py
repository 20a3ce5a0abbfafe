"""One way to name the plan folder: positional or --plan, default ./plan or the nearest
parent holding a plan; and option typos get a suggestion."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.cli.planfolder import find_plan

SHIPPED = Path(__file__).resolve().parents[2] / "plan"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


@contextmanager
def cwd(folder: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def test_nearest_plan_is_found_like_git(tmp_path: Path) -> None:
    project = tmp_path / "du-an"
    shutil.copytree(SHIPPED, project / "plan")
    deep = project / "ghi-chu" / "2019"
    deep.mkdir(parents=True)
    assert find_plan(project) == Path("plan")
    assert find_plan(deep) == project / "plan"
    assert find_plan(project / "plan" / "tasks") == project / "plan"
    assert find_plan(tmp_path) is None


def test_commands_without_a_folder_use_the_nearest_plan(tmp_path: Path) -> None:
    project = tmp_path / "du-an"
    shutil.copytree(SHIPPED, project / "plan")
    deep = project / "ghi-chu"
    deep.mkdir()
    with cwd(deep):
        status = run("status", "--as-of", "2019-09-30", "--format", "json")
        assert status.exit_code == 0, status.stderr
        shown = run("show", "III.3.1", "--as-of", "2019-09-30")
        assert shown.exit_code == 0 and "III.3.1" in shown.stdout
        update = run(
            "update", "III.3.1", "--status", "done", "--date", "2018-08-20", "--as-of",
            "2018-09-01",
        )  # fmt: skip
        assert update.exit_code == 0, update.stderr
        log = run("log")
        assert "#1" in log.stdout
    assert "hoàn thành" in (project / "plan" / "tasks" / "ban-to-chuc.yaml").read_text("utf-8")


def test_update_and_event_take_the_folder_as_an_argument_too(plan_copy: Path) -> None:
    update = run(
        "update", "III.3.1", "III.7.1", str(plan_copy), "--status", "done", "--date",
        "2018-08-20", "--as-of", "2018-09-01",
    )  # fmt: skip
    assert update.exit_code == 0, update.stderr
    assert "2 ghi" in update.stdout
    event = run(
        "event", "bct-chi-thi-dai-hoi", str(plan_copy), "--occurred", "2019-05-30",
        "--as-of", "2019-09-20",
    )  # fmt: skip
    assert event.exit_code == 0, event.stderr
    undo = run("undo", str(plan_copy))
    assert undo.exit_code == 0 and "event" in undo.stdout


def test_two_different_folders_are_refused(plan_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "khac"
    shutil.copytree(SHIPPED, other)
    result = run("show", "III.3.1", str(plan_copy), "--plan", str(other))
    assert result.exit_code == 2
    assert "Hai thư mục kế hoạch khác nhau" in result.stderr


def test_option_typos_get_a_suggestion() -> None:
    result = run("report", "--quater", "2019-Q3")
    assert result.exit_code == 2
    assert "Không có tùy chọn --quater. Có phải ý bạn là --quarter?" in result.stderr
    several = run("status", "--bdy", "x")  # click finds --body and --by: the nearer is named
    assert "Không có tùy chọn --bdy. Có phải ý bạn là --body?" in several.stderr


def test_reading_commands_take_plan_as_an_alias_of_the_folder(plan_copy: Path) -> None:
    for command in ("status", "tasks", "overdue"):
        positional = run(command, str(plan_copy), "--as-of", "2019-09-20")
        aliased = run(command, "--plan", str(plan_copy), "--as-of", "2019-09-20")
        assert positional.exit_code == 0, positional.stderr
        assert aliased.exit_code == 0, aliased.stderr
        assert aliased.stdout == positional.stdout


def _commands(plan: Path, work: Path) -> dict[str, list[str]]:
    """Every command that works on a plan, with what it needs; ``{plan}`` marks where the
    folder goes as an argument."""
    form = work / "phieu"
    return {
        "validate": ["validate", "{plan}"],
        "status": ["status", "{plan}", "--as-of", DAY],
        "tasks": ["tasks", "{plan}", "--as-of", DAY],
        "overdue": ["overdue", "{plan}", "--as-of", DAY],
        "report": ["report", "{plan}", "--quarter", "2019-Q3"],
        "show": ["show", "III.3.1", "{plan}", "--as-of", DAY],
        "calendar": ["calendar", "{plan}", "-o", str(work / "lich.ics"), "--as-of", DAY],
        "form": ["form", "{plan}", "--body", "ban-to-chuc", "--quarter", "2019-Q3",
                 "-o", str(form), "--as-of", DAY],
        "collect": ["collect", str(form / "ban-to-chuc-2019-Q3.xlsx"), "{plan}", "--dry-run",
                    "--as-of", DAY],
        "update": ["update", "III.3.1", "{plan}", "--status", "done", "--date", "2018-08-20",
                   "--as-of", "2018-09-01", "--dry-run"],
        "event": ["event", "bct-chi-thi-dai-hoi", "{plan}", "--occurred", "2019-05-30",
                  "--as-of", DAY, "--dry-run"],
        "log": ["log", "{plan}"],
        "undo": ["undo", "{plan}", "--dry-run"],
    }  # fmt: skip


DAY = "2019-09-30"


def test_every_command_takes_the_folder_as_argument_or_plan_and_refuses_two(
    plan_copy: Path, tmp_path: Path
) -> None:
    other = tmp_path / "khac"
    shutil.copytree(SHIPPED, other)
    commands = _commands(plan_copy, tmp_path)
    for name, words in commands.items():
        positional = run(*(str(plan_copy) if w == "{plan}" else w for w in words))
        aliased = run(*(w for w in words if w != "{plan}"), "--plan", str(plan_copy))
        assert positional.exit_code == aliased.exit_code, name
        assert positional.exit_code in (0, 1), (name, positional.stderr)  # undo: nothing yet
        assert positional.stdout == aliased.stdout, name
        same = run(*(str(plan_copy) if w == "{plan}" else w for w in words), "--plan",
                   str(plan_copy))  # fmt: skip
        assert same.exit_code == positional.exit_code, name  # the same folder twice is fine
        both = run(*(str(plan_copy) if w == "{plan}" else w for w in words), "--plan", str(other))
        assert both.exit_code == 2, (name, both.stdout, both.stderr)
        assert "Hai thư mục kế hoạch khác nhau" in both.stderr, name
        assert str(plan_copy) in both.stderr and str(other) in both.stderr, name
    with cwd(plan_copy.parent):  # neither: ./plan
        for name, words in commands.items():
            default = run(*(w for w in words if w != "{plan}"))
            assert default.exit_code in (0, 1), (name, default.stderr)
            assert "không tìm thấy" not in default.stderr.lower(), name


def test_plan_that_is_no_folder_in_a_single_plan_is_a_usage_error(plan_copy: Path) -> None:
    result = run("status", str(plan_copy), "--plan", "kh-nq26")
    assert result.exit_code == 2
    assert "--plan 'kh-nq26' không phải thư mục kế hoạch" in result.stderr
    missing = run("status", "--plan", str(plan_copy / "khong-co"))
    assert missing.exit_code == 2 and "Không tìm thấy thư mục kế hoạch" in missing.stderr
