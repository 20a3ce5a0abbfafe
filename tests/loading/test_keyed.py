"""Plan files read once: the replay key keeps the bytes it hashed, the loader takes them
(kehoach.loading.keyed) — only while the file is still the one read, and only once."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kehoach.cli import replay
from kehoach.loading import cache as cache_mod
from kehoach.loading import keyed
from kehoach.loading.files import content_digest, read_plan_file
from kehoach.loading.plandir import LoadedFiles, load_files

OLD_NS = 1_500_000_000 * 10**9  # 2017: safely in the past


@pytest.fixture(autouse=True)
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("KEHOACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("KEHOACH_NO_CACHE", raising=False)
    monkeypatch.delenv("KEHOACH_NO_REPLAY", raising=False)
    cache_mod.set_enabled(True)
    keyed.clear()
    yield
    keyed.clear()


@pytest.fixture
def plan(tmp_path: Path, shipped_plan: Path) -> Path:
    """A copy of the shipped plan whose files were last changed long ago (their
    modification time; their change time is now, so the racy window is set to 0)."""
    root = tmp_path / "plan"
    shutil.copytree(shipped_plan, root)
    for path in root.rglob("*"):
        os.utime(path, ns=(OLD_NS, OLD_NS))
    return root


@pytest.fixture
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyed, "RACY_NS", 0)


def yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix == ".yaml")


def summary(files: LoadedFiles) -> tuple[list[tuple[str, object]], list[str]]:
    """What loading gave, comparable between two loads."""
    loaded = [files.plan, files.bodies, files.events, *files.task_files]
    return (
        [(one.path, one.model) for one in loaded if one is not None],
        [problem.render() for problem in files.problems],
    )


def key(root: Path) -> str | None:
    return replay.key(["validate", str(root)])


@pytest.mark.usefixtures("no_racy_window")
def test_the_key_keeps_every_yaml_file_and_the_loader_takes_each_once(plan: Path) -> None:
    assert key(plan) is not None
    assert keyed.kept() == len(yaml_files(plan))
    first = summary(load_files(plan, use_cache=False))
    assert keyed.kept() == 0  # all taken: nothing is held after loading
    assert summary(load_files(plan, use_cache=False)) == first  # read from disk this time


@pytest.mark.usefixtures("no_racy_window")
def test_taken_bytes_and_digest_are_the_files(plan: Path) -> None:
    key(plan)
    path = plan / "tasks" / "ban-dan-van.yaml"
    data, digest = read_plan_file(path)
    assert data == path.read_bytes()
    assert digest == content_digest(data)
    again, second = read_plan_file(path)  # the second read goes to the file
    assert again == data and second is None


@pytest.mark.usefixtures("no_racy_window")
def test_a_file_edited_after_the_key_is_read_again(plan: Path) -> None:
    key(plan)
    path = plan / "tasks" / "ban-dan-van.yaml"
    old = path.read_bytes()
    new = old.replace(b"line: 162}", b"line: 163}", 1)
    assert len(new) == len(old) and new != old  # same size: only the times tell
    with path.open("r+b") as handle:  # in place: the same file (inode)
        handle.write(new)
    data, digest = read_plan_file(path)
    assert data == new and digest is None


@pytest.mark.usefixtures("no_racy_window")
def test_a_file_replaced_after_the_key_is_read_again(plan: Path) -> None:
    key(plan)
    path = plan / "tasks" / "ban-dan-van.yaml"
    spare = path.with_suffix(".new")
    spare.write_bytes(path.read_bytes() + b"# x\n")
    os.utime(spare, ns=(OLD_NS, OLD_NS))  # same old modification time, another file
    os.replace(spare, path)
    data, digest = read_plan_file(path)
    assert data.endswith(b"# x\n") and digest is None


@pytest.mark.usefixtures("no_racy_window")
def test_an_edited_plan_loads_what_is_on_disk(plan: Path) -> None:
    """The whole loader: a task file broken after the key gives the error of the broken
    file, exactly as a load without any key does."""
    key(plan)
    path = plan / "tasks" / "ban-dan-van.yaml"
    path.write_bytes(path.read_bytes().replace(b"    role: ", b"    rol: ", 1))
    after_key = summary(load_files(plan, use_cache=False))
    keyed.clear()
    assert after_key == summary(load_files(plan, use_cache=False))
    assert any("rol" in line for line in after_key[1])


def test_a_file_changed_just_before_the_key_is_not_kept(plan: Path) -> None:
    """Changed within the racy window (its times could stay the same through another
    edit in the same tick of the file system's clock): read again by the loader."""
    path = plan / "tasks" / "ban-dan-van.yaml"
    path.write_bytes(path.read_bytes())  # modified now
    key(plan)
    assert keyed.kept() == 0  # every file's change time is now: none is kept


@pytest.mark.usefixtures("no_racy_window")
def test_at_most_the_budget_is_kept(plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sizes = [p.stat().st_size for p in yaml_files(plan)]
    monkeypatch.setattr(keyed, "BUDGET", sizes[0] + sizes[1])
    key(plan)
    assert keyed.kept() == 2
    keyed.clear()
    assert summary(load_files(plan, use_cache=False)) == summary(load_files(plan, use_cache=False))


@pytest.mark.usefixtures("no_racy_window")
@pytest.mark.parametrize("keyed_first", [False, True])
def test_kept_bytes_and_bytes_from_disk_share_cache_entries(
    plan: Path, parses: list[str], keyed_first: bool
) -> None:
    """The cache key is made from the same digest whether the replay key computed it or
    the loader did: what one way stored, the other finds, parsing nothing."""
    if keyed_first:
        key(plan)
    first = summary(load_files(plan))
    assert len(parses) == len(yaml_files(plan))
    parses.clear()
    keyed.clear()
    if not keyed_first:
        key(plan)
    assert summary(load_files(plan)) == first
    assert parses == []
    assert keyed.kept() == 0


def test_nothing_is_kept_when_the_run_is_not_replayable(plan: Path) -> None:
    assert replay.key(["update", str(plan)]) is None
    assert keyed.kept() == 0
