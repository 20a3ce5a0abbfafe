"""The console script registers only the command it runs (kehoach.cli.app.COMMANDS):
what it prints must be what the whole application prints for the same arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kehoach.cli.app import COMMANDS, app

# The whole application: kehoach.cli.app imported with no command chosen by the launcher.
_WHOLE = """
import sys
sys.argv = ["kehoach", *sys.argv[1:]]
from kehoach.cli.app import main
main()
"""


def _run(args: list[str], whole: bool, cwd: Path) -> tuple[int, str, str]:
    env = {**os.environ, "KEHOACH_NO_REPLAY": "1", "COLUMNS": "100"}
    argv = ["-c", _WHOLE, *args] if whole else ["-m", "kehoach", *args]
    done = subprocess.run(
        [sys.executable, *argv], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    return done.returncode, done.stdout, done.stderr


def test_every_registered_command_is_in_the_table() -> None:
    registered = {
        info.name: info.callback.__module__.rsplit(".", 1)[1]
        for info in app.registered_commands
        if info.name is not None and info.callback is not None
    }
    assert registered == COMMANDS


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_commands_help_is_the_same_alone(command: str, tmp_path: Path) -> None:
    alone = _run([command, "--help"], whole=False, cwd=tmp_path)
    assert alone[0] == 0 and alone[1]
    assert alone == _run([command, "--help"], whole=True, cwd=tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--no-such-option"],
        ["validate", "a", "b", "c"],
        ["statsu"],
        ["--help"],
        [],
        ["status", "--as-of", "2019-06-30"],  # no plan here
        ["deadline", "thực hiện từ năm 2019", "--format", "json"],
    ],
    ids=lambda args: " ".join(args) or "(none)",
)
def test_usage_errors_and_other_runs_are_the_same_alone(args: list[str], tmp_path: Path) -> None:
    assert _run(args, whole=False, cwd=tmp_path) == _run(args, whole=True, cwd=tmp_path)


def test_a_plan_command_is_the_same_alone(shipped_plan: Path, tmp_path: Path) -> None:
    args = ["status", str(shipped_plan), "--as-of", "2019-06-30", "--format", "json"]
    alone = _run(args, whole=False, cwd=tmp_path)
    assert alone[0] == 0 and alone[1].strip()
    assert alone == _run(args, whole=True, cwd=tmp_path)
