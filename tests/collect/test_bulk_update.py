"""``kehoach update`` on many tasks at once: ids, selections, dry run, one batch."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from typer.testing import CliRunner, Result

from kehoach.cli.app import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(plan: Path) -> dict[str, bytes]:
    return {p.relative_to(plan).as_posix(): p.read_bytes() for p in plan.rglob("*") if p.is_file()}


def history(plan: Path, body: str, task_id: str) -> list[dict[str, object]]:
    data = yaml.safe_load((plan / "tasks" / f"{body}.yaml").read_text(encoding="utf-8"))

    def find(tasks: list[dict[str, object]]) -> dict[str, object] | None:
        for task in tasks:
            if task["id"] == task_id:
                return task
            sub = task.get("subtasks")
            found = find(sub) if isinstance(sub, list) else None
            if found is not None:
                return found
        return None

    task = find(data["tasks"])
    assert task is not None
    entries = task.get("history") or []
    assert isinstance(entries, list)
    return entries


def test_several_ids_are_written_in_one_batch(plan_copy: Path) -> None:
    result = run(
        "update", "III.3.1", "III.7.1", "--status", "hoan thanh", "--date", "20/8/2018",
        "--plan", str(plan_copy), "--as-of", "2018-09-01",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert history(plan_copy, "ban-to-chuc", "III.3.1")[-1]["status"] == "hoàn thành"
    assert history(plan_copy, "ban-dan-van", "III.7.1")[-1]["status"] == "hoàn thành"
    assert "2 ghi" in result.stdout


def test_one_bad_id_refuses_the_whole_batch(plan_copy: Path) -> None:
    before = snapshot(plan_copy)
    result = run(
        "update", "III.3.1", "III.3.99", "--status", "done", "--date", "2018-08-20",
        "--plan", str(plan_copy), "--as-of", "2018-09-01",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "Không có nhiệm vụ 'III.3.99'. Có phải ý bạn là" in result.stderr
    assert snapshot(plan_copy) == before


def test_a_date_refusal_names_the_task_and_writes_nothing(plan_copy: Path) -> None:
    before = snapshot(plan_copy)
    result = run(
        "update", "III.3.1", "III.3.2", "--status", "done", "--date", "2019-01-01",
        "--plan", str(plan_copy), "--as-of", "2018-09-01",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "III.3.1: ngày 01/01/2019 ở sau ngày hôm nay" in result.stderr
    assert snapshot(plan_copy) == before


def test_section_selection_dry_run_lists_leaves_and_writes_nothing(plan_copy: Path) -> None:
    before = snapshot(plan_copy)
    result = run(
        "update", "--section", "III.3", "--status", "đang thực hiện",
        "--plan", str(plan_copy), "--as-of", "2019-09-01", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    listed = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("[")]
    assert listed and all(i.startswith("III.3.") for i in listed)
    assert "III.3.4" not in listed  # it has sub-tasks: they are chosen instead
    assert "III.3.4.1" in listed
    assert snapshot(plan_copy) == before


def test_state_and_body_selection(plan_copy: Path) -> None:
    stale = run("tasks", str(plan_copy), "--as-of", "2019-09-01", "--format", "json")
    rows = json.loads(stale.stdout)
    parents = {r["parent"] for r in rows}
    expected = sorted(
        r["id"]
        for r in rows
        if r["state"] == "stale" and r["body"] == "ban-to-chuc" and r["id"] not in parents
    )
    result = run(
        "update", "--state", "stale", "--body", "Ban Tổ chức Tỉnh ủy", "--status", "dang thuc hien",
        "--plan", str(plan_copy), "--as-of", "2019-09-01", "--dry-run",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    listed = sorted(line.split()[1] for line in result.stdout.splitlines() if line.startswith("["))
    assert expected and set(expected) <= set(listed)


def test_same_status_same_day_twice_warns_and_adds_nothing(plan_copy: Path) -> None:
    args = ("--status", "done", "--date", "2018-08-20", "--plan", str(plan_copy))
    first = run("update", "III.3.1", "III.3.2", *args, "--as-of", "2018-09-01")
    assert first.exit_code == 0, first.stderr
    written = snapshot(plan_copy)
    again = run("update", "III.3.1", "III.3.2", *args, "--as-of", "2018-09-01")
    assert again.exit_code == 0
    assert "đã có cập nhật 'hoàn thành' ngày 20/08/2018; không thêm lần nữa" in again.stderr
    assert snapshot(plan_copy) == written
    assert len(history(plan_copy, "ban-to-chuc", "III.3.1")) == 1


def test_bad_state_word_gets_a_suggestion(plan_copy: Path) -> None:
    result = run(
        "update", "--state", "stal", "--status", "done", "--plan", str(plan_copy),
        "--as-of", "2019-09-01",
    )  # fmt: skip
    assert result.exit_code == 2
    assert "Có phải ý bạn là 'stale'?" in result.stderr
