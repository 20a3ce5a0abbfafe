"""A reference to a task or event in a file that could not be read: the finding names
that file and suggests no near miss among the ids that were read (which would send the
user to fix a reference that is right)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.loading.test_message_fixtures import snapshot

# huyen-uy.yaml:52 depends on III.3.6.1 and III.3.6.2, tasks of ban-to-chuc.yaml; the
# ids that were read hold III.6.1 and III.6.2, one letter away.
REFS = "tasks/huyen-uy.yaml:52"


def validate(plan: Path) -> tuple[int, list[str]]:
    before = snapshot(plan)
    result = CliRunner().invoke(app, ["validate", str(plan), "--as-of", "2019-06-30"])
    assert snapshot(plan) == before
    lines = [line.removeprefix(f"{plan}/") for line in result.stdout.splitlines()]
    return result.exit_code, [line for line in lines if "cảnh báo:" not in line]


def test_a_task_in_a_file_with_an_error_is_not_misspelled(plan_copy: Path) -> None:
    path = plan_copy / "tasks/ban-to-chuc.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("status: chưa thực hiện", "status: done", 1), "utf-8")
    code, lines = validate(plan_copy)
    assert code == 1
    where = f"'{plan_copy}/tasks/ban-to-chuc.yaml'"
    assert lines[1:] == [
        f"{REFS}:24: Nhiệm vụ III.13.4: nhiệm vụ 'III.3.6.1' không tồn tại. Có thể nó nằm "
        f"trong tệp không đọc được {where} (xem lỗi của tệp đó).",
        f"{REFS}:35: Nhiệm vụ III.13.4: nhiệm vụ 'III.3.6.2' không tồn tại. Có thể nó nằm "
        f"trong tệp không đọc được {where} (xem lỗi của tệp đó).",
    ]
    assert lines[0].startswith("tasks/ban-to-chuc.yaml:13:13: Nhiệm vụ III.3.1, tình trạng:")


def test_a_task_file_with_the_wrong_suffix_is_named(plan_copy: Path) -> None:
    (plan_copy / "tasks/ban-to-chuc.yaml").rename(plan_copy / "tasks/ban-to-chuc.YAML")
    code, lines = validate(plan_copy)
    assert code == 1
    assert lines[0].startswith("tasks/ban-to-chuc.YAML: Không phải tệp .yaml")
    assert all("Có phải ý bạn là" not in line for line in lines)
    assert lines[1].endswith(
        f"Có thể nó nằm trong tệp không đọc được '{plan_copy}/tasks/ban-to-chuc.YAML' "
        "(xem lỗi của tệp đó)."
    )


def test_an_event_of_an_unreadable_events_file_is_not_misspelled(plan_copy: Path) -> None:
    (plan_copy / "events.yaml").unlink()
    (plan_copy / "events.yaml").mkdir()
    code, lines = validate(plan_copy)
    assert code == 1
    assert lines[0] == "events.yaml: Là một thư mục chứ không phải tệp YAML; không được đọc."
    assert lines[1] == (
        "tasks/ban-noi-chinh.yaml:27:16: Nhiệm vụ III.8.2: sự kiện "
        "'tw-tieu-chuan-noi-chinh-tu-phap' không có trong events.yaml. Có thể nó nằm trong "
        f"tệp không đọc được '{plan_copy}/events.yaml' (xem lỗi của tệp đó)."
    )


def test_an_unreadable_task_file_does_not_excuse_an_unknown_event(plan_copy: Path) -> None:
    """Events are only in events.yaml: a broken task file is no excuse for a misspelling."""
    (plan_copy / "tasks/ban-dan-van.yaml").write_bytes(b"")
    path = plan_copy / "tasks/ban-to-chuc.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.replace("[bct-chi-thi-dai-hoi]", "[bct-chi-thi-dai-hio]", 1), "utf-8")
    code, lines = validate(plan_copy)
    assert code == 1
    assert (
        "tasks/ban-to-chuc.yaml:38:16: Nhiệm vụ III.3.3: sự kiện 'bct-chi-thi-dai-hio' không "
        "có trong events.yaml. Có phải ý bạn là 'bct-chi-thi-dai-hoi'?"
    ) in lines
