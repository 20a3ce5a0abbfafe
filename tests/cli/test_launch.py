"""The console script's start: pydantic's plugin loader is not imported when plugins are off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_SCRIPT = """
import sys
from kehoach.cli import launch
launch._no_plugin_loader()
from kehoach.model import TaskFile
task = TaskFile.model_validate({"body": "a", "tasks": [{"id": "1", "title": "Việc"}]})
print(task.tasks[0].title)
print("importlib.metadata" in sys.modules)
{extra}
"""


def _run(value: str | None, extra: str = "") -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if value is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = value
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT.replace("{extra}", extra)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("value", ["__all__", "1", "true"])
def test_plugins_off_validates_without_reading_package_metadata(value: str) -> None:
    assert _run(value) == ["Việc", "False"]


@pytest.mark.parametrize("value", [None, "some-plugin"])
def test_plugins_on_uses_pydantics_own_loader(value: str | None) -> None:
    extra = "print(type(sys.modules['pydantic.plugin._loader'].get_plugins()).__name__)"
    assert _run(value, extra) == ["Việc", "True", "dict_values"]


def test_the_stand_in_hands_other_names_to_the_real_module() -> None:
    extra = (
        "from pydantic.plugin._loader import PYDANTIC_ENTRY_POINT_GROUP\n"
        "print(PYDANTIC_ENTRY_POINT_GROUP)\n"
        "print(sys.modules['pydantic.plugin._loader'].__file__.endswith('_loader.py'))"
    )
    assert _run("__all__", extra) == ["Việc", "False", "pydantic", "True"]
