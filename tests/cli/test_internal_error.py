"""An internal error (a bug of kehoach, exit code 3): a Vietnamese message that says where
to report it and names a crash file holding the traceback; no class name, no repr, no
traceback on screen."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from kehoach.cli.common import handled
from kehoach.crash import KEEP, crash_dir

# A command that fails the way a bug does: an exception no layer expected, whose text is
# an English Python repr.
BOOM = """
import sys
from kehoach.cli.app import app, main

@app.command("boom")
def boom() -> None:
    from kehoach.cli.common import handled
    with handled():
        {}["tasks"][1].history  # a KeyError on a dict, as a bug would raise

sys.argv = ["kehoach", "boom"]
main()
"""


def _crash_path(message: str) -> Path:
    found = re.search(r"tệp (\S+crash-\S+\.txt)\.", message)
    assert found, message
    return Path(found.group(1))


def _no_python_on_screen(message: str) -> None:
    for leak in ("KeyError", "RuntimeError", "Traceback", "object at", "{}", "'tasks'", "File "):
        assert leak not in message, (leak, message)


def test_a_bug_in_a_command_prints_vietnamese_and_a_crash_file(tmp_path: Path) -> None:
    env = {**os.environ, "KEHOACH_STATE_DIR": str(tmp_path / "state")}
    env.pop("KEHOACH_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", BOOM], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 3
    assert done.stdout == ""
    message = done.stderr.strip()
    assert message.startswith("Lỗi nội bộ của kehoach: ")
    assert "Hãy báo lỗi cho nhóm phát triển kehoach" in message
    _no_python_on_screen(message)
    crash = _crash_path(message)
    assert crash.parent == tmp_path / "state" / "crashes"
    report = crash.read_text("utf-8")
    assert "command: kehoach boom" in report
    assert "Traceback (most recent call last)" in report
    assert "KeyError: 'tasks'" in report  # the details are in the file, not on screen


def test_handled_maps_an_unexpected_exception_to_exit_3(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KEHOACH_STATE_DIR", str(tmp_path))
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    with pytest.raises(typer.Exit) as exited, handled():
        raise ValueError(repr({"date": None}))
    assert exited.value.exit_code == 3
    message = capsys.readouterr().err
    _no_python_on_screen(message)
    assert "None" not in message and "ValueError" not in message
    assert _crash_path(message).read_text("utf-8").count("ValueError") >= 1


def test_crash_file_that_cannot_be_written_still_gives_a_vietnamese_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    monkeypatch.setenv("KEHOACH_STATE_DIR", str(blocker))
    monkeypatch.delenv("KEHOACH_DEBUG", raising=False)
    with pytest.raises(typer.Exit) as exited, handled():
        raise AttributeError("'NoneType' object has no attribute 'id'")
    assert exited.value.exit_code == 3
    message = capsys.readouterr().err.strip()
    assert message.startswith("Lỗi nội bộ của kehoach: ")
    assert "Không ghi được tệp chi tiết (" in message
    assert "KEHOACH_DEBUG=1" in message
    assert "NoneType" not in message and "AttributeError" not in message
    assert blocker.read_text("utf-8") == "không phải thư mục"


def test_only_the_newest_crash_files_are_kept(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("KEHOACH_STATE_DIR", str(tmp_path))
    folder = crash_dir()
    folder.mkdir(parents=True)
    for index in range(KEEP + 5):
        (folder / f"crash-20260101-0000{index:02d}-1.txt").write_text("cũ", encoding="utf-8")
    with pytest.raises(typer.Exit), handled():
        raise RuntimeError("x")
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == KEEP
    assert _crash_path(capsys.readouterr().err).name == kept[-1]


def test_debug_shows_the_traceback_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEHOACH_DEBUG", "1")
    with pytest.raises(RuntimeError), handled():
        raise RuntimeError("x")
