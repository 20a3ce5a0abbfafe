"""Nothing is lost: crashes, full disks, concurrent writers and edits behind our back."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from kehoach.edit import lock as lock_module
from kehoach.edit import operations

from . import AS_OF, ROOT, copy_plan, snapshot, task_ids, update

BAN_TO_CHUC = "tasks/ban-to-chuc.yaml"
ARGS = ("--status", "hoàn thành", "--date", "2018-08-20", "--as-of", AS_OF)


def leftovers(plan: Path) -> list[str]:
    return sorted(p.name for p in plan.rglob("*.tmp"))


def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "KEHOACH_CACHE_DIR": str(tmp_path / "cache"),
        "PYTHONPATH": str(ROOT / "src"),
    }


def test_failed_rename_leaves_the_old_file_and_no_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    before = snapshot(plan)

    def crash(src: object, dst: object) -> None:
        raise OSError(errno.EIO, "simulated crash before rename")

    monkeypatch.setattr(os, "replace", crash)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    assert "tệp cũ vẫn nguyên vẹn" in result.stderr
    assert snapshot(plan) == before
    assert leftovers(plan) == []


def test_full_disk_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan = copy_plan(tmp_path)
    before = snapshot(plan)

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    assert "(ổ đĩa đã đầy); tệp cũ vẫn nguyên vẹn." in result.stderr
    assert snapshot(plan) == before
    assert leftovers(plan) == []


def test_process_killed_between_write_and_rename(tmp_path: Path) -> None:
    """A real crash: the process dies (SIGKILL) after the temporary file is written and
    fsynced, just before the rename. The old file is whole; the next run cleans up."""
    plan = copy_plan(tmp_path)
    before = snapshot(plan)
    script = textwrap.dedent(
        """
        import os, signal, sys
        real_replace = os.replace
        def replace(src, dst):
            if str(dst).endswith("ban-to-chuc.yaml"):  # not the loader cache's renames
                os.kill(os.getpid(), signal.SIGKILL)
            real_replace(src, dst)
        os.replace = replace
        from kehoach.cli.app import main
        sys.argv = ["kehoach", *sys.argv[1:]]
        main()
        """
    )
    killed = subprocess.run(
        [sys.executable, "-c", script, "update", "III.3.1", "--plan", str(plan), *ARGS],
        env=env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert killed.returncode == -9, killed.stderr
    assert leftovers(plan) != []  # the temporary file of the interrupted write
    after = snapshot(plan)
    assert {k: v for k, v in after.items() if not k.endswith(".tmp")} == before
    # The plan still validates (temporary files are not plan files), the lock was
    # released by the dead process, and the next update removes the leftover.
    retry = update(plan, "III.3.1", *ARGS)
    assert retry.exit_code == 0, retry.stderr
    assert "tệp tạm" in retry.stderr
    assert leftovers(plan) == []


def test_mode_is_kept(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / BAN_TO_CHUC
    path.chmod(0o640)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_file_changed_between_read_and_write_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    path = plan / BAN_TO_CHUC
    real = operations.validate_edited  # type: ignore[attr-defined]
    meddled = path.read_text(encoding="utf-8").replace("# Mục III.3", "# Mục III.3 (sửa tay)")

    def validate_while_someone_saves(*args: object, **kwargs: object) -> object:
        path.write_text(meddled, encoding="utf-8")  # an editor saves during our check
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(operations, "validate_edited", validate_while_someone_saves)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    assert "đã bị thay đổi trong lúc ghi, hãy chạy lại" in result.stderr
    assert path.read_text(encoding="utf-8") == meddled


def test_busy_lock_refuses_with_a_clear_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = copy_plan(tmp_path)
    before = snapshot(plan)
    monkeypatch.setattr(lock_module, "LOCK_TIMEOUT", 0.2)
    with lock_module.plan_lock(plan):
        result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    assert "Một lệnh khác đang ghi vào kế hoạch" in result.stderr
    assert snapshot(plan) == before
    assert leftovers(plan) == []
    # The lock is per plan folder, found the same way through another spelling of it.
    assert lock_module.lock_path(plan) == lock_module.lock_path(plan / "tasks" / "..")
    assert not list(plan.rglob("*.lock"))  # nothing inside the plan folder


def test_concurrent_updates_of_one_file_all_land(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / BAN_TO_CHUC
    targets = ["III.3.1", "III.3.2", "III.3.5", "III.3.8"]
    assert set(targets) <= set(task_ids(path))
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kehoach",
                "update",
                task,
                "--plan",
                str(plan),
                "--status",
                "đang thực hiện",
                "--date",
                "2018-08-20",
                "--as-of",
                AS_OF,
                "--note",
                f"ghi bởi tiến trình {n}",
            ],
            env=env(tmp_path),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n, task in enumerate(targets)
    ]
    outcomes = [(p.wait(), *p.communicate()) for p in procs]
    assert [code for code, _, _ in outcomes] == [0] * len(targets), outcomes
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    notes = {
        task["id"]: [entry["note"] for entry in task.get("history") or []] for task in data["tasks"]
    }
    for n, task in enumerate(targets):
        assert notes[task] == [f"ghi bởi tiến trình {n}"]
    check = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(plan), "--as-of", AS_OF],
        env=env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert leftovers(plan) == []
