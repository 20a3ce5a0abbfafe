"""Every entry of plan/ and plan/tasks/ is read or reported: one fixture per kind.

Each test builds the entry in a copy of the shipped plan, runs ``kehoach validate``
and asserts the message, its place (the entry, without a line: it is about the whole
entry), the exit code, that "hợp lệ" is not claimed and that no file changed.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from kehoach.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


def validate(plan: Path) -> Result:
    return CliRunner().invoke(app, ["validate", str(plan), "--as-of", "2019-06-30"])


def snapshot(plan: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, files in os.walk(plan):
        for name in files:
            path = Path(folder) / name
            if path.is_file() and not path.is_symlink():
                out[path.relative_to(plan).as_posix()] = path.read_bytes()
    return out


def only_line(result: Result, name: str) -> str:
    # The line placed at *name* (others may name it in their message, as a reference's
    # finding names the unread file the task may be in).
    lines = [line for line in result.stdout.splitlines() if name in line.split(": ", 1)[0]]
    assert len(lines) == 1, result.stdout
    return lines[0]


def check_reported(plan: Path, name: str, expected: str, code: str = "") -> None:
    before = snapshot(plan)
    result = validate(plan)
    assert result.exit_code == 1, result.stdout + result.stderr
    line = only_line(result, name)
    assert line == f"{plan / name}: {expected}"
    assert "hợp lệ" not in result.stdout
    assert snapshot(plan) == before
    if code:
        json_result = CliRunner().invoke(
            app, ["validate", str(plan), "--format", "json", "--as-of", "2019-06-30"]
        )
        assert f'"code": "{code}"' in json_result.stdout


def test_the_shipped_plan_copy_is_valid(plan_copy: Path) -> None:
    result = validate(plan_copy)
    assert result.exit_code == 0, result.stdout


def test_dangling_symlink(plan_copy: Path) -> None:
    os.symlink("ban-khong-co.yaml", plan_copy / "tasks" / "ban-moi.yaml")
    check_reported(
        plan_copy,
        "tasks/ban-moi.yaml",
        "Là liên kết (symlink) hỏng: 'ban-khong-co.yaml' không tồn tại; không đọc được nên bị "
        "bỏ qua.",
        "symlink-dangling",
    )


def test_symlink_loop(plan_copy: Path) -> None:
    os.symlink("vong-b.yaml", plan_copy / "tasks" / "vong-a.yaml")
    os.symlink("vong-a.yaml", plan_copy / "tasks" / "vong-b.yaml")
    before = snapshot(plan_copy)
    result = validate(plan_copy)
    assert result.exit_code == 1
    for name, target in (("vong-a.yaml", "vong-b.yaml"), ("vong-b.yaml", "vong-a.yaml")):
        assert only_line(result, f"tasks/{name}") == (
            f"{plan_copy / 'tasks' / name}: Là liên kết (symlink) vòng quanh, trỏ tới "
            f"'{target}'; không đọc được nên bị bỏ qua."
        )
    assert snapshot(plan_copy) == before


def test_symlink_to_a_device_is_outside_and_never_opened(plan_copy: Path) -> None:
    os.symlink("/dev/zero", plan_copy / "tasks" / "thiet-bi.yaml")
    check_reported(
        plan_copy,
        "tasks/thiet-bi.yaml",
        "Là liên kết (symlink) trỏ ra ngoài thư mục kế hoạch (tới '/dev/zero'); kehoach không "
        "đọc tệp nằm ngoài thư mục kế hoạch. Hãy chép tệp vào thư mục kế hoạch.",
        "symlink-outside",
    )


def test_symlink_leaving_the_plan_folder_is_not_followed(plan_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "ngoai.yaml"
    outside.write_text((plan_copy / "tasks" / "ban-to-chuc.yaml").read_text("utf-8"), "utf-8")
    os.symlink(outside, plan_copy / "tasks" / "ban-ngoai.yaml")
    check_reported(
        plan_copy,
        "tasks/ban-ngoai.yaml",
        f"Là liên kết (symlink) trỏ ra ngoài thư mục kế hoạch (tới '{outside}'); kehoach không "
        "đọc tệp nằm ngoài thư mục kế hoạch. Hãy chép tệp vào thư mục kế hoạch.",
    )


def test_symlink_inside_the_plan_folder_is_read(plan_copy: Path) -> None:
    tasks = plan_copy / "tasks"
    (tasks / "kho").mkdir()
    os.replace(tasks / "ban-to-chuc.yaml", tasks / "kho" / "ban-to-chuc.yaml")
    os.symlink("kho/ban-to-chuc.yaml", tasks / "ban-to-chuc.yaml")
    result = CliRunner().invoke(app, ["tasks", str(plan_copy), "--format", "json"])
    assert result.exit_code == 1  # read twice: through the link and in kho/
    assert "mã bị trùng" in result.stdout + result.stderr


def test_fifo_is_reported_without_blocking(plan_copy: Path) -> None:
    os.mkfifo(plan_copy / "tasks" / "ong.yaml")
    # A subprocess with a timeout: opening a FIFO for reading would block forever.
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(plan_copy), "--as-of", "2019-06-30"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 1
    assert (
        f"{plan_copy / 'tasks' / 'ong.yaml'}: Là một ống dẫn (FIFO), không phải tệp thường; "
        "không được mở để đọc."
    ) in done.stdout


def test_plan_file_that_is_a_fifo(plan_copy: Path) -> None:
    os.replace(plan_copy / "events.yaml", plan_copy / "events.bak")
    os.mkfifo(plan_copy / "events.yaml")
    os.remove(plan_copy / "events.bak")
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(plan_copy), "--as-of", "2019-06-30"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=False,
    )
    assert done.returncode == 1
    assert f"{plan_copy / 'events.yaml'}: Là một ống dẫn (FIFO)" in done.stdout


def test_directory_named_like_a_task_file(plan_copy: Path) -> None:
    (plan_copy / "tasks" / "ban-moi.yaml").mkdir()
    check_reported(
        plan_copy,
        "tasks/ban-moi.yaml",
        "Là một thư mục chứ không phải tệp YAML; không được đọc.",
        "entry-is-dir",
    )


def test_file_that_is_not_yaml_in_tasks(plan_copy: Path) -> None:
    (plan_copy / "tasks" / "ghi-chu.txt").write_text("ghi chú", "utf-8")
    check_reported(
        plan_copy,
        "tasks/ghi-chu.txt",
        "Không phải tệp .yaml nên không được đọc; tệp nhiệm vụ phải có đuôi .yaml (hãy đổi "
        "tên, hoặc chuyển tệp ra khỏi thư mục tasks/).",
        "not-yaml",
    )


def test_backup_copy_of_a_task_file_is_reported(plan_copy: Path) -> None:
    (plan_copy / "tasks" / "ban-to-chuc.yaml.bak").write_text("body: x\n", "utf-8")
    check_reported(
        plan_copy,
        "tasks/ban-to-chuc.yaml.bak",
        "Không phải tệp .yaml nên không được đọc; tệp nhiệm vụ phải có đuôi .yaml (hãy đổi "
        "tên, hoặc chuyển tệp ra khỏi thư mục tasks/).",
    )


def test_unknown_entry_in_the_plan_folder(plan_copy: Path) -> None:
    (plan_copy / "ban-lac.yaml").write_text("body: x\ntasks: []\n", "utf-8")
    check_reported(
        plan_copy,
        "ban-lac.yaml",
        "Không phải tệp của kế hoạch (plan.yaml, bodies.yaml, events.yaml, tasks/) nên không "
        "được đọc; hãy chuyển nó ra khỏi thư mục kế hoạch.",
        "unknown-entry",
    )


def test_hidden_entries_are_left_alone(plan_copy: Path) -> None:
    (plan_copy / "tasks" / ".gitkeep").write_text("", "utf-8")
    (plan_copy / ".editorconfig").write_text("", "utf-8")
    assert validate(plan_copy).exit_code == 0


def test_a_hidden_yaml_file_is_not_read_but_warned_about(plan_copy: Path) -> None:
    shipped = plan_copy / "tasks" / "ubkt.yaml"
    os.replace(shipped, plan_copy / "tasks" / ".ubkt.yaml")  # its tasks are no longer read
    result = validate(plan_copy)
    assert result.exit_code == 0, result.stdout + result.stderr  # a warning, not an error
    line = only_line(result, ".ubkt.yaml")
    assert line == (
        f"{plan_copy / 'tasks' / '.ubkt.yaml'}: cảnh báo: Tệp ẩn (tên bắt đầu bằng dấu chấm) "
        "nên không được đọc; nếu đây là tệp nhiệm vụ, hãy bỏ dấu chấm ở đầu tên."
    )
    strict = CliRunner().invoke(app, ["validate", str(plan_copy), "--strict"])
    assert strict.exit_code == 1


def test_tasks_folder_that_leaves_the_plan(plan_copy: Path, tmp_path: Path) -> None:
    outside = tmp_path / "tasks-ngoai"
    os.replace(plan_copy / "tasks", outside)
    os.symlink(outside, plan_copy / "tasks")
    check_reported(
        plan_copy,
        "tasks",
        f"Là liên kết (symlink) trỏ ra ngoài thư mục kế hoạch (tới '{outside}'); kehoach không "
        "đọc thư mục nằm ngoài thư mục kế hoạch. Hãy chép tệp vào thư mục kế hoạch.",
    )


def test_missing_bodies_file_exits_2_like_a_missing_plan_file(plan_copy: Path) -> None:
    (plan_copy / "bodies.yaml").unlink()
    before = snapshot(plan_copy)
    result = validate(plan_copy)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Thư mục kế hoạch '{plan_copy}' không có tệp bodies.yaml (danh mục cơ quan); "
        "không đọc được kế hoạch khi thiếu tệp này."
    )
    assert snapshot(plan_copy) == before


def test_missing_plan_file_exits_2(plan_copy: Path) -> None:
    (plan_copy / "plan.yaml").unlink()
    result = validate(plan_copy)
    assert result.exit_code == 2
    assert "không có tệp plan.yaml" in result.stderr


def test_unreadable_file_says_why_in_vietnamese(
    plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = plan_copy / "tasks" / "ban-to-chuc.yaml"
    path.chmod(0)
    if os.geteuid() == 0:  # root reads every file: the OS answers as it would anyone else
        real_open = os.open

        def refusing(target: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            if os.fspath(target) == str(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real_open(target, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing)
    check_reported(
        plan_copy, "tasks/ban-to-chuc.yaml", "Không đọc được tệp (không có quyền truy cập).", "io"
    )


@pytest.mark.parametrize("where", ["parent", "plan", "tasks", "sub", "elsewhere", "symlink"])
def test_task_files_are_named_as_display_path_names_them(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Files are named from their folder's display name (one display_path per folder):
    the same names display_path gives each file, wherever the command runs from."""
    from kehoach.loading.plandir import display_path, load_files, task_file_paths

    sub = plan_copy / "tasks" / "nhom"
    sub.mkdir()
    (plan_copy / "tasks" / "van-phong.yaml").rename(sub / "van-phong.yaml")
    link = tmp_path / "lien-ket"
    link.symlink_to(plan_copy)
    cwd = {
        "parent": plan_copy.parent,
        "plan": plan_copy,
        "tasks": plan_copy / "tasks",
        "sub": sub,
        "elsewhere": tmp_path / "khac",
        "symlink": link / "tasks",
    }[where]
    cwd.mkdir(exist_ok=True)
    monkeypatch.chdir(cwd)
    for root in (plan_copy, Path(os.path.relpath(plan_copy))):
        files = load_files(root, use_cache=False)
        names = [loaded.path for loaded in files.task_files]
        assert names == [display_path(path) for path in task_file_paths(root)]
        assert len(names) == 18 and any(name.endswith("van-phong.yaml") for name in names)


@pytest.mark.parametrize("name", ["plan.yaml", "bodies.yaml"])
def test_directory_named_like_a_plan_file(plan_copy: Path, name: str) -> None:
    """Not "there is no plan.yaml": the entry is there, and is the wrong kind."""
    (plan_copy / name).unlink()
    (plan_copy / name).mkdir()
    check_reported(
        plan_copy, name, "Là một thư mục chứ không phải tệp YAML; không được đọc.", "entry-is-dir"
    )
