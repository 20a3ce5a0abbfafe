"""Importing the seed document gives the shipped plan's tasks, task by task."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from kehoach.checks import validate
from kehoach.importer import import_document
from kehoach.loaded_plan import BodyIndex
from kehoach.model import Body
from tests.importer import SEED, SHIPPED, all_tasks, body_names, load

pytestmark = pytest.mark.skipif(not SEED.is_file(), reason="seed document missing")


@cache
def imported(root: Path) -> Path:
    out = root / "kh-nq26"
    import_document(SEED, out, plan_id="kh-nq26")
    return out


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return imported(tmp_path_factory.mktemp("seed"))


def shipped_index() -> BodyIndex:
    return BodyIndex([Body.model_validate(b) for b in load(SHIPPED / "bodies.yaml")["bodies"]])


def _mapped(plan_dir: Path) -> tuple[dict[str, Any], dict[str, Any], dict[str, str | None]]:
    index = shipped_index()
    names = body_names(plan_dir)
    to_shipped = {ident: index.resolve(name) for ident, name in names.items()}
    return all_tasks(plan_dir), all_tasks(SHIPPED), to_shipped


def test_imported_plan_validates(plan_dir: Path) -> None:
    plan, problems = validate(plan_dir, dt.date(2024, 1, 1))
    assert problems == []
    assert plan is not None and len(plan.tasks) == 79


def test_same_task_ids(plan_dir: Path) -> None:
    mine, shipped, _ = _mapped(plan_dir)
    assert sorted(mine) == sorted(shipped)


@pytest.mark.parametrize("key", ["title", "deadline", "role", "source"])
def test_same_field(plan_dir: Path, key: str) -> None:
    mine, shipped, _ = _mapped(plan_dir)
    differ = {
        tid: (t.get(key), shipped[tid][1].get(key))
        for tid, (_, t, _) in mine.items()
        if t.get(key) != shipped[tid][1].get(key)
    }
    assert differ == {}


def test_same_structure(plan_dir: Path) -> None:
    mine, shipped, _ = _mapped(plan_dir)
    assert {tid: parent for tid, (_, _, parent) in mine.items()} == {
        tid: parent for tid, (_, _, parent) in shipped.items()
    }
    order = {tid: [s["id"] for s in t.get("subtasks", [])] for tid, (_, t, _) in mine.items()}
    assert order == {
        tid: [s["id"] for s in t.get("subtasks", [])] for tid, (_, t, _) in shipped.items()
    }


def test_same_bodies_and_partners(plan_dir: Path) -> None:
    mine, shipped, to_shipped = _mapped(plan_dir)
    assert None not in to_shipped.values(), to_shipped
    for tid, (body, task, _) in mine.items():
        assert to_shipped[body] == shipped[tid][0], tid
        partners = [to_shipped[p] for p in task.get("partners", [])]
        assert partners == shipped[tid][1].get("partners", []), tid


def test_after_tasks_wait_for_an_event(plan_dir: Path) -> None:
    events = {e["id"] for e in load(plan_dir / "events.yaml")["events"]}
    for tid, (_, task, _) in all_tasks(plan_dir).items():
        waits = "sau khi" in task.get("deadline", "")
        assert bool(task.get("depends_on")) == waits, tid
        assert set(task.get("depends_on", {}).get("events", [])) <= events


def test_plan_identity(plan_dir: Path) -> None:
    mine, shipped = load(plan_dir / "plan.yaml"), load(SHIPPED / "plan.yaml")
    for key in ("id", "title", "issuer", "signer"):
        assert mine[key] == shipped[key], key
    refs = [(d["ref"], d["date"], d["issuer"]) for d in mine["implements"]]
    assert refs == [(d["ref"], d["date"], d["issuer"]) for d in shipped["implements"]]
    assert [(s["id"], s["title"]) for s in mine["sections"]] == [
        (s["id"], s["title"]) for s in shipped["sections"]
    ]
    defaults = {s["id"]: s["default_deadline"] for s in mine["sections"] if "default_deadline" in s}
    assert defaults == {"II": "thực hiện thường xuyên"}


def test_schema_lines_and_nothing_unplaced(tmp_path: Path) -> None:
    result = import_document(SEED, tmp_path / "out")
    assert result.unplaced == []
    assert result.plan_id == "ke-hoach-nq26"
    first = {name: text.split("\n", 1)[0] for name, text in result.files.items()}
    assert first["plan.yaml"] == "# yaml-language-server: $schema=../schemas/plan.schema.json"
    assert first["bodies.yaml"] == "# yaml-language-server: $schema=../schemas/bodies.schema.json"
    assert all(
        line == "# yaml-language-server: $schema=../../schemas/tasks.schema.json"
        for name, line in first.items()
        if name.startswith("tasks/")
    )


def test_ids_are_stable(tmp_path: Path) -> None:
    first = import_document(SEED, tmp_path / "a")
    second = import_document(SEED, tmp_path / "b")
    assert first.files == second.files
