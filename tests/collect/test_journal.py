"""The change journal: ``undo`` takes back the last change byte for byte; ``log`` lists."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kehoach.cli.app import app
from kehoach.edit import journal


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(plan: Path) -> dict[str, bytes]:
    return {p.relative_to(plan).as_posix(): p.read_bytes() for p in plan.rglob("*") if p.is_file()}


def done(plan: Path, *ids: str, day: str = "2018-08-20") -> Result:
    result = run(
        "update", *ids, "--status", "done", "--date", day, "--plan", str(plan),
        "--as-of", "2018-09-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result


def test_undo_restores_each_change_in_turn(plan_copy: Path) -> None:
    original = snapshot(plan_copy)
    done(plan_copy, "III.3.1", "III.7.1")
    after_first = snapshot(plan_copy)
    event = run(
        "event", "bct-chi-thi-dai-hoi", "--occurred", "2019-05-30", "--plan", str(plan_copy),
        "--as-of", "2019-06-30",
    )  # fmt: skip
    assert event.exit_code == 0, event.stderr
    log = run("log", "--plan", str(plan_copy))
    lines = [line for line in log.stdout.splitlines() if line.startswith("#")]
    assert [line.split()[0] for line in lines] == ["#2", "#1"]
    assert "event" in lines[0] and "update" in lines[1]
    first = run("undo", "--plan", str(plan_copy))
    assert first.exit_code == 0, first.stderr
    assert snapshot(plan_copy) == after_first
    second = run("undo", "--plan", str(plan_copy))
    assert second.exit_code == 0, second.stderr
    assert snapshot(plan_copy) == original
    nothing = run("undo", "--plan", str(plan_copy))
    assert nothing.exit_code == 1 and "Chưa có thay đổi nào" in nothing.stderr


def test_undo_dry_run_shows_the_diff_and_writes_nothing(plan_copy: Path) -> None:
    done(plan_copy, "III.3.1")
    written = snapshot(plan_copy)
    result = run("undo", "--plan", str(plan_copy), "--dry-run")
    assert result.exit_code == 0
    assert "-    status: hoàn thành" in result.stdout
    assert snapshot(plan_copy) == written


def test_undo_refuses_when_the_file_changed_since(plan_copy: Path) -> None:
    done(plan_copy, "III.3.1")
    path = plan_copy / "tasks" / "ban-to-chuc.yaml"
    edited = path.read_bytes() + "# sửa tay\n".encode()
    path.write_bytes(edited)
    result = run("undo", "--plan", str(plan_copy))
    assert result.exit_code == 1
    assert "tasks/ban-to-chuc.yaml" in result.stderr and "đã bị sửa" in result.stderr
    assert path.read_bytes() == edited


def test_journal_lives_outside_the_plan_and_is_bounded(
    plan_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEHOACH_STATE_DIR", str(tmp_path / "state"))
    before = sorted(snapshot(plan_copy))
    changes = [journal.FileChange("tasks/ban-to-chuc.yaml", b"a", b"b")]
    for index in range(journal.KEEP + 5):
        journal.record(plan_copy, "update", f"thay đổi {index}", changes)
    found = journal.entries(plan_copy)
    assert len(found) == journal.KEEP
    assert found[0].summary == f"thay đổi {journal.KEEP + 4}"
    assert journal.journal_dir(plan_copy).is_relative_to(tmp_path / "state")
    assert sorted(snapshot(plan_copy)) == before
    # The same plan reached through a symlink shares the journal.
    link = tmp_path / "link"
    link.symlink_to(plan_copy)
    assert journal.journal_dir(link) == journal.journal_dir(plan_copy)


def test_xdg_state_home_is_used_without_override(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("KEHOACH_STATE_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert journal.state_root() == tmp_path / "xdg" / "kehoach"
