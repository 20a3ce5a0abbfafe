"""Every way a write can fail: a Vietnamese message, exit 1, the target untouched, nothing
left behind — in the plan folder, the temporary folder or anywhere else."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.atomic import WriteError, write_atomic

from . import AS_OF, ROOT, copy_plan, snapshot, update

BAN_TO_CHUC = "tasks/ban-to-chuc.yaml"
ARGS = ("--status", "hoàn thành", "--date", "2018-08-20", "--as-of", AS_OF)


def leftovers(plan: Path) -> list[str]:
    return sorted(p.name for p in plan.rglob("*.tmp"))


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "ổ đĩa đã đầy"),
        (errno.EFBIG, "tệp vượt quá kích thước tối đa cho phép"),
        (errno.EROFS, "ổ đĩa chỉ cho phép đọc"),
        (errno.EACCES, "không có quyền truy cập"),
        (errno.EIO, "lỗi đọc ghi của thiết bị"),
    ],
)
def test_os_error_while_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    # The disk cannot be filled or made read-only here; the failing call is the real
    # kernel's answer in those cases, raised where the kernel raises it.
    plan = copy_plan(tmp_path)
    before = snapshot(plan)

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Không ghi được {plan / BAN_TO_CHUC} ({reason}); tệp cũ vẫn nguyên vẹn."
    )
    assert os.strerror(code) not in result.stderr
    assert snapshot(plan) == before
    assert leftovers(plan) == []


def _limit_file_size() -> None:  # pragma: no cover - runs in the child
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_real_file_size_limit(tmp_path: Path) -> None:
    """EFBIG for real: the child may not write a file bigger than 4 KiB."""
    plan = copy_plan(tmp_path)
    assert (plan / BAN_TO_CHUC).stat().st_size > 4096
    before = snapshot(plan)
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "update", "III.3.1", "--plan", str(plan), *ARGS],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "KEHOACH_CACHE_DIR": str(tmp_path / "cache"),
        },
        preexec_fn=_limit_file_size,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == (
        f"Không ghi được {plan / BAN_TO_CHUC} (tệp vượt quá kích thước tối đa cho phép); "
        "tệp cũ vẫn nguyên vẹn."
    )
    assert snapshot(plan) == before
    assert leftovers(plan) == []


def test_nothing_is_written_to_the_temporary_folder(tmp_path: Path) -> None:
    """No temporary copy of the plan and no lock file outside the plan's own folder."""
    plan = copy_plan(tmp_path)
    temp = tmp_path / "temp"
    temp.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "update", "III.3.1", "--plan", str(plan), *ARGS],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "KEHOACH_CACHE_DIR": str(tmp_path / "cache"),
            "TMPDIR": str(temp),
        },
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []
    assert leftovers(plan) == []
    assert not list(plan.rglob("*.lock"))


def test_temporary_file_of_a_killed_write_is_removed_by_the_next_edit(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    stale = plan / "tasks" / ".ban-to-chuc.yaml.k9x2.tmp"
    stale.write_text("nửa chừng", "utf-8")
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 0, result.stderr
    assert not stale.exists()
    assert (
        "Đã xóa tệp tạm còn sót lại từ một lần ghi bị gián đoạn: .ban-to-chuc.yaml.k9x2.tmp"
        in result.stderr + result.stdout
    )


def test_task_file_that_is_a_symlink_out_of_the_plan(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    outside = tmp_path / "ngoai.yaml"
    os.replace(plan / BAN_TO_CHUC, outside)
    os.symlink(outside, plan / BAN_TO_CHUC)
    before = outside.read_bytes()
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    lines = result.stderr.strip().split("\n")
    assert lines == [
        "Không có nhiệm vụ 'III.3.1'. Kế hoạch có tệp không đọc được (có thể mã cần tìm nằm "
        "trong đó); hãy sửa các lỗi sau rồi chạy lại:",
        f"{plan / BAN_TO_CHUC}: Là liên kết (symlink) trỏ ra ngoài thư mục kế hoạch (tới "
        f"'{outside}'); kehoach không đọc tệp nằm ngoài thư mục kế hoạch. Hãy chép tệp vào thư "
        "mục kế hoạch.",
    ]
    assert outside.read_bytes() == before
    assert os.path.islink(plan / BAN_TO_CHUC)


def test_update_of_a_task_in_a_file_with_a_syntax_error(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / BAN_TO_CHUC
    lines = path.read_text("utf-8").split("\n")
    lines[10] = "    role: [chủ trì"  # line 11: a list never closed
    path.write_text("\n".join(lines), "utf-8")
    before = snapshot(plan)
    result = update(plan, "III.3.1", *ARGS)
    assert result.exit_code == 1
    first, second, *_ = result.stderr.strip().split("\n")
    assert first.startswith("Không có nhiệm vụ 'III.3.1'. Kế hoạch có tệp không đọc được")
    assert second.startswith(f"{path}:12:")
    assert "Lỗi cú pháp YAML: thiếu dấu ',' hoặc ']' trong danh sách." in second
    assert snapshot(plan) == before


def test_writer_refuses_a_target_outside_its_folder(tmp_path: Path) -> None:
    inside = tmp_path / "plan"
    inside.mkdir()
    outside = tmp_path / "ngoai.yaml"
    outside.write_text("cũ", "utf-8")
    os.symlink(outside, inside / "x.yaml")
    with pytest.raises(WriteError) as caught:
        write_atomic(inside / "x.yaml", "mới", inside=inside, display="x.yaml")
    assert caught.value.message == (
        f"Không ghi: x.yaml nằm ngoài thư mục kế hoạch (qua liên kết symlink, tới "
        f"'{outside}'); kehoach chỉ sửa tệp nằm trong thư mục kế hoạch. Không có gì được ghi."
    )
    assert outside.read_text("utf-8") == "cũ"


def test_writer_refuses_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "ong.yaml")
    with pytest.raises(WriteError) as caught:
        write_atomic(tmp_path / "ong.yaml", "mới", display="ong.yaml")
    assert (
        caught.value.message
        == "Không ghi: ong.yaml không phải là tệp thường. Không có gì được ghi."
    )
    assert caught.value.exit_code == 1
