"""The replay of unchanged read-only runs (kehoach.cli.replay): it must never change a result."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.cli import replay

AS_OF = ["--as-of", "2019-09-30"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(folder))
    monkeypatch.delenv("KEHOACH_NO_CACHE", raising=False)
    return folder / "replay"


def test_read_only_commands_are_cacheable_and_writers_never(cache: Path) -> None:
    assert replay.cacheable(["status", "plan", *AS_OF])
    assert replay.cacheable(["overdue", "--within", "30"])
    assert replay.cacheable(["--help"])
    assert replay.cacheable(["report", "--quarter", "2019-Q3"])
    for argv in (
        ["update", "III.1", "--status", "hoàn thành"],
        ["event", "ct-35", "--occurred", "2019-01-01"],
        ["import", "doc.txt"],
        ["report", "--quarter", "2019-Q3", "-o", "out.md"],
        ["report", "--quarter", "2019-Q3", "--output=out.md"],
        ["status", "--no-cache"],
        ["validate", "--changed"],
        ["collect", "form.xlsx"],
        ["status", "-"],
        ["--version"],
        [],
    ):
        assert not replay.cacheable(argv), argv


def test_no_cache_environment_turns_replay_off(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_NO_CACHE", "1")
    assert replay.key(["status", "plan"]) is None
    monkeypatch.delenv("KEHOACH_NO_CACHE")
    monkeypatch.setenv("KEHOACH_NO_REPLAY", "1")
    assert replay.key(["status", "plan"]) is None


def test_key_follows_content_not_time_stamps(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    argv = ["status", "plan", *AS_OF]
    first = replay.key(argv)
    assert first is not None and first == replay.key(argv)
    target = plan_copy / "tasks" / "ban-to-chuc.yaml"
    info = target.stat()
    data = target.read_bytes()
    index = data.index(b"III.")
    changed = data[:index] + b"IV." + data[index + 3 :]  # same size, other content
    assert len(changed) == len(data)
    target.write_bytes(changed)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert replay.key(argv) != first


@pytest.mark.parametrize(
    "other",
    [
        ["status", "plan", "--as-of", "2019-10-01"],
        ["status", "plan", *AS_OF, "--format", "json"],
        ["overdue", "plan", *AS_OF],
    ],
)
def test_key_follows_the_command_line(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch, other: list[str]
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    assert replay.key(["status", "plan", *AS_OF]) != replay.key(other)


def test_key_follows_environment_and_new_files(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    argv = ["status", "plan", *AS_OF]
    first = replay.key(argv)
    monkeypatch.setenv("COLUMNS", "132")
    second = replay.key(argv)
    assert second != first
    (plan_copy / "tasks" / "new.yaml").write_text("body: x\ntasks: []\n", encoding="utf-8")
    assert replay.key(argv) != second
    os.mkfifo(plan_copy / "tasks" / "pipe.yaml")  # never opened: it would block
    assert replay.key(argv) is not None


def test_default_plan_folder_is_part_of_the_key(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a folder argument the plan found from the working folder is hashed."""
    monkeypatch.chdir(plan_copy.parent)
    first = replay.key(["status", *AS_OF])
    (plan_copy / "events.yaml").write_text(
        (plan_copy / "events.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert replay.key(["status", *AS_OF]) != first


def test_code_change_changes_the_key(
    cache: Path, tmp_path: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "pkg"
    package.mkdir()
    module = package / "counting.py"
    module.write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(replay, "_PACKAGE", str(package))
    monkeypatch.chdir(plan_copy.parent)
    first = replay.key(["status", "plan"])
    module.write_text("A = 2\n", encoding="utf-8")
    os.utime(module, ns=(1, 1))
    assert replay.key(["status", "plan"]) != first


def test_run_replays_output_and_exit_code(
    cache: Path,
    plan_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    calls: list[list[str]] = []

    def command(argv: list[str]) -> int:
        calls.append(argv)
        print("Quá hạn: 8")
        print("cảnh báo", file=sys.stderr)
        return 1

    argv = ["overdue", "plan", *AS_OF]
    assert replay.run(argv, command) == 1
    first = capfdbinary.readouterr()
    assert replay.run(argv, command) == 1
    second = capfdbinary.readouterr()
    assert len(calls) == 1
    assert first.out == second.out == "Quá hạn: 8\n".encode()
    assert second.err == "cảnh báo\n".encode()


def test_failed_runs_are_not_kept(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    calls: list[int] = []

    def broken(argv: list[str]) -> int:
        calls.append(1)
        return 2

    replay.run(["status", "plan"], broken)
    replay.run(["status", "plan"], broken)
    assert len(calls) == 2


def test_corrupt_entry_is_a_miss(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(plan_copy.parent)
    calls: list[int] = []

    def command(argv: list[str]) -> int:
        calls.append(1)
        print("ok")
        return 0

    argv = ["status", "plan"]
    replay.run(argv, command)
    digest = replay.key(argv)
    assert digest is not None
    entry = cache / digest
    data = bytearray(entry.read_bytes())
    data[-1] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert replay.lookup(digest) is None
    replay.run(argv, command)
    assert len(calls) == 2


def test_folder_stays_bounded(cache: Path) -> None:
    for index in range(replay.KEEP + 120):
        replay.store(f"{index:064x}", 0, b"x", b"")
    assert len(os.listdir(cache)) <= replay.KEEP + 100


def test_shared_folder_is_not_trusted(
    cache: Path, plan_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replay.store("a" * 64, 0, b"x", b"")
    os.chmod(cache, 0o777)
    assert replay.lookup("a" * 64) is None


def _kehoach(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "kehoach", *args], cwd=cwd, env=env, capture_output=True, check=False
    )


def test_console_script_replays_exactly_what_a_fresh_run_prints(
    tmp_path: Path, plan_copy: Path
) -> None:
    """End to end: replayed output equals the output of a run with every cache off,
    before and after an edit of the plan."""
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "c"), "COLUMNS": "100"}
    off = {**env, "KEHOACH_NO_CACHE": "1"}
    args = ["status", "plan", *AS_OF]
    fresh = _kehoach(args, plan_copy.parent, off)
    first = _kehoach(args, plan_copy.parent, env)
    again = _kehoach(args, plan_copy.parent, env)
    assert fresh.returncode == first.returncode == again.returncode == 0
    assert fresh.stdout == first.stdout == again.stdout
    assert len(os.listdir(tmp_path / "c" / "replay")) == 1
    shutil.rmtree(plan_copy / "tasks")  # a plan with no task files left reads differently
    (plan_copy / "tasks").mkdir()
    after = _kehoach(args, plan_copy.parent, env)
    assert after.stdout == _kehoach(args, plan_copy.parent, off).stdout
    assert after.stdout != first.stdout
    version = _kehoach(["--version"], plan_copy.parent, env)
    assert version.stdout.decode().startswith("kehoach ")


def test_parse_cache_is_written_after_the_output(tmp_path: Path, plan_copy: Path) -> None:
    """A cold run leaves writing the parse cache to a child; the entries arrive and the
    next run (another day, so not replayed) reads them and prints the same as a run
    without any cache."""
    import time

    folder = tmp_path / "c"
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(folder), "COLUMNS": "100"}
    cold = _kehoach(["status", "plan", *AS_OF], plan_copy.parent, env)
    assert cold.returncode == 0
    from kehoach.loading.cache import stored

    files = 3 + len(list((plan_copy / "tasks").glob("*.yaml")))
    deadline = time.monotonic() + 30
    while sum(stored(folder).values()) < files and time.monotonic() < deadline:
        time.sleep(0.05)
    assert sum(stored(folder).values()) == files
    other_day = ["status", "plan", "--as-of", "2020-01-01"]
    warm = _kehoach(other_day, plan_copy.parent, env)
    fresh = _kehoach(other_day, plan_copy.parent, {**env, "KEHOACH_NO_CACHE": "1"})
    assert warm.stdout == fresh.stdout


def test_plan_of_a_portfolio_keys_the_shared_registry(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``status plans/x`` reads the portfolio's shared bodies.yaml: editing it must miss."""
    root = tmp_path / "portfolio"
    plan = root / "plans" / "x"
    plan.mkdir(parents=True)
    (root / "kehoach.yaml").write_text("office: Văn phòng\n", encoding="utf-8")
    (root / "bodies.yaml").write_text("bodies: []\n", encoding="utf-8")
    (plan / "plan.yaml").write_text("id: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    argv = ["status", "portfolio/plans/x"]
    first = replay.key(argv)
    (root / "bodies.yaml").write_text("bodies: [a]\n", encoding="utf-8")
    assert replay.key(argv) != first


def test_console_script_keeps_exit_codes_and_flushes_everything(
    tmp_path: Path, plan_copy: Path
) -> None:
    """The console script leaves without tearing the interpreter down: what was printed
    must still arrive whole, and the exit code must be the command's."""
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "c"), "COLUMNS": "100"}
    tasks = _kehoach(["tasks", "plan", "--format", "json", *AS_OF], plan_copy.parent, env)
    assert tasks.returncode == 0
    assert len(json.loads(tasks.stdout)) >= 72  # complete JSON: nothing lost at exit
    missing = _kehoach(["status", str(tmp_path / "nowhere")], plan_copy.parent, env)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr.decode()
    (plan_copy / "bodies.yaml").write_text("bodies: [\n", encoding="utf-8")
    broken = _kehoach(["validate", "plan", *AS_OF], plan_copy.parent, env)
    assert broken.returncode in (1, 2)
    assert broken.stdout.decode().strip() or broken.stderr.decode().strip()


def test_closed_pipe_is_not_a_crash(tmp_path: Path, plan_copy: Path) -> None:
    env = {**os.environ, "KEHOACH_CACHE_DIR": str(tmp_path / "c"), "KEHOACH_NO_REPLAY": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "kehoach", "tasks", "plan", *AS_OF],
        cwd=plan_copy.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(10)
    proc.stdout.close()  # like `kehoach tasks | head -1`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 1, 2, 120, -13)
    assert "Traceback" not in err


def test_big_output_is_recorded_as_printed_and_replayed_whole(
    cache: Path,
    plan_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    """Output is written to the entry while it is printed (several megabytes, stdout and
    stderr interleaved); the replay gives back the same bytes on each stream and no
    temporary file is left behind."""
    monkeypatch.chdir(plan_copy.parent)
    calls: list[int] = []

    def command(argv: list[str]) -> int:
        calls.append(1)
        for n in range(40_000):
            print(f"{n} nhiệm vụ quá hạn — {'ệ' * (n % 50)}")
            if n % 1000 == 0:
                print(f"cảnh báo {n}", file=sys.stderr)
        return 1

    argv = ["overdue", "plan", *AS_OF]
    assert replay.run(argv, command) == 1
    first = capfdbinary.readouterr()
    assert len(first.out) > 3_000_000
    assert replay.run(argv, command) == 1
    second = capfdbinary.readouterr()
    assert len(calls) == 1
    assert second.out == first.out
    assert second.err == first.err
    assert os.listdir(cache) == [replay.key(argv)]
