"""Commands that load no plan must not import the heavy libraries.

``--help``, ``--version``, ``deadline`` and shell completion have to start fast, so
pydantic, PyYAML, rich and ruamel.yaml must stay unimported: command modules import
the core inside their function bodies. These are module-presence checks in a fresh
interpreter, not timings (timings live in ``make bench``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

HEAVY = {"pydantic", "pydantic_core", "yaml", "rich", "ruamel", "openpyxl", "icalendar", "docx"}

_PROBE = """
import json, sys
argv = json.loads(sys.argv[1])
sys.argv = ["kehoach", *argv]
from kehoach.cli.app import main
try:
    main()
except SystemExit:
    pass
tops = sorted({name.split(".")[0] for name in sys.modules})
sys.stderr.write("\\nMODULES=" + json.dumps(tops) + "\\n")
"""


def imported_by(argv: list[str], extra_env: dict[str, str] | None = None) -> set[str]:
    env = {**os.environ, **(extra_env or {})}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    for line in done.stderr.splitlines():
        if line.startswith("MODULES="):
            return set(json.loads(line[len("MODULES=") :]))
    raise AssertionError(f"probe failed: {done.stderr}")


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        [],
        ["deadline", "thực hiện từ năm 2019"],
        ["deadline", "hoàn thành trong tháng 8 năm 2018", "--format", "json"],
        ["deadline", "quý III/2019", "--as-of", "2019-06-30"],
        ["deadline", "--help"],
        ["status", "--help"],
        ["validate", "--help"],
        ["report", "--help"],
        ["form", "--help"],
        ["collect", "--help"],
        ["show", "--help"],
        ["calendar", "--help"],
        ["no-such-command"],
    ],
    ids=lambda argv: " ".join(argv) or "(no arguments)",
)
def test_light_commands_do_not_import_heavy_libraries(argv: list[str]) -> None:
    heavy = imported_by(argv) & HEAVY
    assert heavy == set(), f"kehoach {' '.join(argv)} imported {sorted(heavy)}"


def test_shell_completion_does_not_import_heavy_libraries() -> None:
    env = {"_KEHOACH_COMPLETE": "bash_complete", "COMP_WORDS": "kehoach st", "COMP_CWORD": "1"}
    assert imported_by([], env) & HEAVY == set()


def test_probe_sees_heavy_imports() -> None:
    """The probe itself works: loading a plan does import pydantic and yaml."""
    from pathlib import Path

    plan = Path(__file__).resolve().parents[1] / "plan"
    found = imported_by(["validate", str(plan)], {"KEHOACH_NO_CACHE": "1"})
    assert {"pydantic", "yaml"} <= found
