"""The file is edited in place: only the lines of the change differ, byte for byte."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
import yaml

from . import AS_OF, SHIPPED, copy_plan, event, snapshot, task_ids, update

TASK_FILES = sorted(p.name for p in (SHIPPED / "tasks").glob("*.yaml"))
NOTE = "Đã giao: xem # mục 2"  # ': ' and ' #' must be quoted to stay one string
EVIDENCE = "Công văn số 123-CV/TU ngày 15/8/2018"


def status_line(lines: list[str], task_id: str) -> tuple[int, str]:
    """Index of the task's own ``status:`` line and the indentation of its keys."""
    start = next(
        i for i, line in enumerate(lines) if re.match(rf"^\s*- id: {re.escape(task_id)}\s*$", line)
    )
    indent = " " * lines[start].index("id:")
    for i in range(start + 1, len(lines)):
        if lines[i].startswith(f"{indent}status: "):
            return i, indent
        if lines[i].lstrip().startswith("- id:"):
            break
    raise AssertionError(f"no status line for {task_id}")


def only_change(old: bytes, new: bytes) -> tuple[list[str], list[str]]:
    """(removed, added) lines of the diff."""
    diff = list(
        difflib.unified_diff(
            old.decode().splitlines(keepends=True), new.decode().splitlines(keepends=True), n=0
        )
    )
    removed = [line[1:] for line in diff[2:] if line.startswith("-")]
    added = [line[1:] for line in diff[2:] if line.startswith("+")]
    return removed, added


@pytest.mark.parametrize("name", TASK_FILES)
def test_update_changes_only_the_status_line_and_adds_history(tmp_path: Path, name: str) -> None:
    plan = copy_plan(tmp_path)
    path = plan / "tasks" / name
    before = snapshot(plan)
    # The last task in file order: a sub-task wherever the file has sub-tasks.
    task_id = task_ids(path)[-1]
    result = update(
        plan,
        task_id,
        "--status",
        "đang-thực-hiện",
        "--date",
        "2018-08-20",
        "--as-of",
        AS_OF,
        "--note",
        NOTE,
        "--evidence",
        EVIDENCE,
    )
    assert result.exit_code == 0, result.stderr

    lines = before[f"tasks/{name}"].decode().splitlines(keepends=True)
    index, ind = status_line(lines, task_id)
    # A recurring task ("thực hiện hằng năm": III.5.2, the last of ubkt.yaml) records the
    # round the update belongs to, and says so.
    recurring = name == "ubkt.yaml"
    assert ("ghi cho kỳ năm 2018" in result.stdout) == recurring
    expected = [
        *lines[:index],
        f"{ind}status: đang thực hiện\n",
        f"{ind}history:\n",
        f"{ind}  - date: 2018-08-20\n",
        f"{ind}    status: đang thực hiện\n",
        f"{ind}    note: '{NOTE}'\n",
        f"{ind}    evidence: {EVIDENCE}\n",
        *([f"{ind}    occurrence: '2018'\n"] if recurring else []),
        *lines[index + 1 :],
    ]
    assert path.read_text(encoding="utf-8") == "".join(expected)
    removed, added = only_change(before[f"tasks/{name}"], path.read_bytes())
    assert removed == [lines[index]]
    assert len(added) == 6 + recurring
    after = snapshot(plan)
    assert {k: v for k, v in after.items() if k != f"tasks/{name}"} == {
        k: v for k, v in before.items() if k != f"tasks/{name}"
    }
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert NOTE in str(loaded)


def test_second_update_only_adds_lines(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / "tasks" / "ban-to-chuc.yaml"
    first = update(
        plan, "III.3.4.2", "--status", "đang thực hiện", "--date", "2018-08-20", "--as-of", AS_OF
    )
    assert first.exit_code == 0, first.stderr
    old = path.read_bytes()
    second = update(
        plan,
        "III.3.4.2",
        "--status",
        "in-progress",
        "--date",
        "2018-08-25",
        "--as-of",
        AS_OF,
    )
    assert second.exit_code == 0, second.stderr
    removed, added = only_change(old, path.read_bytes())
    assert removed == []
    assert sorted(added) == [  # two identical status lines: the diff may pair either
        "            status: đang thực hiện\n",
        "          - date: 2018-08-25\n",
    ]
    third = update(
        plan, "III.3.4.2", "--status", "hoàn thành", "--date", "2018-08-30", "--as-of", AS_OF
    )
    assert third.exit_code == 0, third.stderr
    removed, added = only_change(old, path.read_bytes())
    assert removed == ["        status: đang thực hiện\n"]
    assert added[0] == "        status: hoàn thành\n"
    assert added[-2:] == ["          - date: 2018-08-30\n", "            status: hoàn thành\n"]


def test_event_changes_only_its_lines(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / "events.yaml"
    old = path.read_text(encoding="utf-8")
    result = event(
        plan,
        "bct-chi-thi-dai-hoi",
        "--occurred",
        "30/5/2019",
        "--ref",
        "35-CT/TW",
        "--as-of",
        "2019-06-30",
    )
    assert result.exit_code == 0, result.stderr
    assert "III.3.3" in result.stdout  # the task waiting on it
    lines = old.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if "bct-chi-thi-dai-hoi" in line) + 4
    assert lines[index] == "    occurred: null\n"
    expected = [
        *lines[:index],
        "    occurred: 2019-05-30\n",
        "    ref: 35-CT/TW\n",
        *lines[index + 1 :],
    ]
    assert path.read_text(encoding="utf-8") == "".join(expected)


def test_event_note_is_added_under_a_folded_note_keeping_its_lines(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / "events.yaml"
    old = path.read_bytes()
    result = event(
        plan,
        "tw-tieu-chuan-noi-chinh-tu-phap",
        "--occurred",
        "2019-06-01",
        "--note",
        "Quy định 214-QĐ/TW",
        "--as-of",
        "2019-06-30",
    )
    assert result.exit_code == 0, result.stderr
    removed, added = only_change(old, path.read_bytes())
    assert removed == ["    occurred: null\n"]
    assert added == ["    occurred: 2019-06-01\n", "\n", "      Quy định 214-QĐ/TW\n"]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    note = next(e for e in data["events"] if e["id"] == "tw-tieu-chuan-noi-chinh-tu-phap")["note"]
    assert note.endswith("của Trung ương”.\nQuy định 214-QĐ/TW")


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    before = snapshot(plan)
    args = ("--status", "hoàn-thành", "--date", "20/8/2018", "--as-of", AS_OF)
    dry = update(plan, "III.3.1", *args, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert snapshot(plan) == before
    assert "--dry-run" in dry.stderr
    real = update(plan, "III.3.1", *args)
    assert real.exit_code == 0, real.stderr
    path = plan / "tasks" / "ban-to-chuc.yaml"
    old = before["tasks/ban-to-chuc.yaml"].decode().splitlines(keepends=True)
    new = path.read_text(encoding="utf-8").splitlines(keepends=True)
    shown = path.as_posix().lstrip("/")
    expected = "".join(difflib.unified_diff(old, new, f"a/{shown}", f"b/{shown}"))
    assert dry.stdout == expected
    body = dry.stdout.splitlines()[2:]
    assert sum(line.startswith("+") for line in body) == 4
    assert sum(line.startswith("-") for line in body) == 1


def test_event_dry_run_writes_nothing(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    before = snapshot(plan)
    dry = event(
        plan, "tw-quy-che-chung", "--occurred", "2019-03-01", "--as-of", "2019-06-30", "--dry-run"
    )
    assert dry.exit_code == 0, dry.stderr
    assert "-    occurred: null\n+    occurred: 2019-03-01\n" in dry.stdout
    assert snapshot(plan) == before


HAND_WRITTEN = (
    "\ufeff# Tệp viết tay: thụt lề khác, chú thích, dòng trống, CRLF, không có dòng cuối\n"
    "body: ban-dan-van\n"
    "\n"
    "tasks:\n"
    "- id: III.7.1   # nhiệm vụ đầu\n"
    '  title: "Chủ trì quy định cơ chế dân biết, dân bàn"\n'
    "  role: 'chủ trì'\n"
    "  deadline: thực hiện từ năm 2018\n"
    "\n"
    '  status: "chưa thực hiện"   # sửa bằng lệnh\n'
    "  # nguồn trong văn bản\n"
    "  source: {section: III.7, item: 1, line: 162}\n"
    "- id: III.7.2\n"
    "  title: Tham mưu phân công cán bộ, đảng viên cư trú\n"
    "  role: chủ trì\n"
    "  partners: [ban-to-chuc]\n"
    "  deadline: thực hiện từ năm 2018\n"
    "  history: []\n"
    "  source:\n"
    "    section: III.7\n"
    "    item: 2"
)


def test_hand_written_layout_is_kept(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    path = plan / "tasks" / "ban-dan-van.yaml"
    path.write_bytes(HAND_WRITTEN.replace("\n", "\r\n").encode("utf-8"))
    one = update(
        plan, "III.7.1", "--status", "dang thuc hien", "--date", "2018-08-20", "--as-of", AS_OF
    )
    assert one.exit_code == 0, one.stderr
    two = update(
        plan,
        "III.7.2",
        "--status",
        "hoàn thành",
        "--date",
        "20-08-2018",
        "--as-of",
        AS_OF,
        "--evidence",
        "Kế hoạch số 15-KH/TU ngày 20/8/2018",
    )
    assert two.exit_code == 0, two.stderr
    expected = (
        HAND_WRITTEN.replace(
            '  status: "chưa thực hiện"   # sửa bằng lệnh\n',
            '  status: "đang thực hiện"   # sửa bằng lệnh\n'
            "  history:\n"
            "  - date: 2018-08-20\n"
            "    status: đang thực hiện\n",
        ).replace(
            "  deadline: thực hiện từ năm 2018\n  history: []\n",
            "  deadline: thực hiện từ năm 2018\n"
            "  status: hoàn thành\n"
            "  history:\n"
            "  - date: 2018-08-20\n"
            "    status: hoàn thành\n"
            "    evidence: Kế hoạch số 15-KH/TU ngày 20/8/2018\n",
        )
    ).replace("\n", "\r\n")
    assert path.read_bytes() == expected.encode("utf-8")
    again = update(
        plan,
        "III.7.2",
        "--status",
        "done",
        "--date",
        "2018-08-20",
        "--as-of",
        AS_OF,
        "--evidence",
        "Kế hoạch số 15-KH/TU ngày 20/8/2018",
    )
    assert again.exit_code == 0 and "không có gì thay đổi" in again.stdout
    assert path.read_bytes() == expected.encode("utf-8")
