"""Shared fixtures: the shipped plan, a writable copy of it, and a CliRunner."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import Phase, settings
from typer.testing import CliRunner

# `make mutate` runs the tests with --hypothesis-profile=mutation: it only asks whether a
# test fails, so a failing example is not shrunk (shrinking took most of a mutant's time
# and turned kills into timeouts).
settings.register_profile("mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate])


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under that profile the property tests run last: a mutant that a decision-table row
    kills is killed in a second, not after a few hundred random plans (-x stops there)."""
    if config.getoption("hypothesis_profile", None) == "mutation":
        items.sort(
            key=lambda item: bool(getattr(getattr(item, "obj", None), "is_hypothesis_test", False))
        )


ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "plan"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Tests never write to the user's real cache folder (~/.cache/kehoach) nor to their
    change journal (~/.local/state/kehoach)."""
    folder = tmp_path_factory.mktemp("kehoach-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("KEHOACH_CACHE_DIR", str(folder))
    patch.setenv("KEHOACH_STATE_DIR", str(tmp_path_factory.mktemp("kehoach-state")))
    yield
    patch.undo()


@pytest.fixture
def shipped_plan() -> Path:
    return SHIPPED


@pytest.fixture
def plan_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped plan, so tests can break or edit it."""
    target = tmp_path / "plan"
    shutil.copytree(SHIPPED, target)
    return target


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write a small fixture file under tmp_path (text as UTF-8, bytes as given)."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
