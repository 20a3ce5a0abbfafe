"""What is refused, with which message and exit code, and that a refusal changes nothing."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
import yaml

from kehoach.edit import parse_status
from kehoach.model import Status

from . import AS_OF, copy_plan, event, snapshot, update

BAN_TO_CHUC = "tasks/ban-to-chuc.yaml"


def history(plan: Path, task_id: str) -> list[dict[str, object]]:
    def find(tasks: list[dict[str, object]]) -> dict[str, object] | None:
        for task in tasks:
            if task["id"] == task_id:
                return task
            found = find(task.get("subtasks") or [])  # type: ignore[arg-type]
            if found is not None:
                return found
        return None

    data = yaml.safe_load((plan / BAN_TO_CHUC).read_text(encoding="utf-8"))
    task = find(data["tasks"])
    assert task is not None
    return task.get("history") or []  # type: ignore[return-value]


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_plan(tmp_path)


def test_edit_that_makes_the_plan_invalid_is_refused_and_changes_nothing(plan: Path) -> None:
    before = snapshot(plan)
    # A parent cannot be done while its sub-tasks are open (a whole-plan rule).
    result = update(plan, "III.3.4", "--status", "done", "--date", "2018-08-20", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "nhiệm vụ con chưa xong" in result.stderr
    assert "ban-to-chuc.yaml:" in result.stderr  # the problem is located
    assert snapshot(plan) == before


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (("--date", "2018-09-02"), "ở sau ngày hôm nay"),
        (("--date", "2018-06-05"), "sớm hơn ngày của kế hoạch (06/06/2018)"),
        (("--evidence", "Kế hoạch số 15-XX/TU"), "loại văn bản 'XX'"),
        (("--evidence", "Quyết định 04/2013/QĐ"), "thiếu cơ quan ban hành"),
    ],
)
def test_dates_and_references_are_refused_without_force(
    plan: Path, args: tuple[str, ...], reason: str
) -> None:
    before = snapshot(plan)
    base = ("--status", "đang thực hiện", "--as-of", AS_OF)
    result = update(plan, "III.3.1", *base, *args)
    assert result.exit_code == 1
    assert reason in result.stderr and "--force" in result.stderr
    assert snapshot(plan) == before
    forced = update(plan, "III.3.1", *base, *args, "--force")
    assert forced.exit_code == 0, forced.stderr
    assert "--force" in forced.stderr  # the user is told what was let through
    assert len(history(plan, "III.3.1")) == 1


def test_history_out_of_order_is_refused_and_forced_in_date_order(plan: Path) -> None:
    first = update(
        plan, "III.3.1", "--status", "hoàn thành", "--date", "2018-08-20", "--as-of", AS_OF
    )
    assert first.exit_code == 0, first.stderr
    before = snapshot(plan)
    late = ("--status", "đang thực hiện", "--date", "2018-08-10", "--as-of", AS_OF)
    refused = update(plan, "III.3.1", *late)
    assert refused.exit_code == 1
    assert "muộn hơn 10/08/2018" in refused.stderr
    assert snapshot(plan) == before
    forced = update(plan, "III.3.1", *late, "--force")
    assert forced.exit_code == 0, forced.stderr
    entries = history(plan, "III.3.1")
    assert [str(e["date"]) for e in entries] == ["2018-08-10", "2018-08-20"]
    assert [e["status"] for e in entries] == ["đang thực hiện", "hoàn thành"]
    assert "status: hoàn thành" in (plan / BAN_TO_CHUC).read_text(encoding="utf-8")
    validate = update(plan, "III.3.1", "--status", "done", "--date", "2018-08-20", "--as-of", AS_OF)
    assert validate.exit_code == 0  # an exact repeat: nothing to do
    assert "không có gì thay đổi" in validate.stdout


@pytest.mark.parametrize(
    ("word", "stored"),
    [
        ("hoàn-thành", Status.DONE),
        ("hoàn thành", Status.DONE),
        ("hoan-thanh", Status.DONE),
        ("HOAN THANH", Status.DONE),
        ("done", Status.DONE),
        ("đang-thực-hiện", Status.IN_PROGRESS),
        ("dang thuc hien", Status.IN_PROGRESS),
        ("in-progress", Status.IN_PROGRESS),
        ("chưa-thực-hiện", Status.NOT_STARTED),
        ("not-started", Status.NOT_STARTED),
        ("dừng", Status.STOPPED),
        ("dung", Status.STOPPED),
        ("dừng-thực-hiện", Status.STOPPED),
        ("stopped", Status.STOPPED),
    ],
)
def test_status_words(word: str, stored: Status) -> None:
    assert parse_status(word) is stored
    # Decomposed (NFD) input, as some keyboards send it, means the same.
    assert parse_status(unicodedata.normalize("NFD", word)) is stored


@pytest.mark.parametrize(
    ("word", "stored"),
    [("hoan-thanh", "hoàn thành"), ("in-progress", "đang thực hiện"), ("dừng", "dừng thực hiện")],
)
def test_status_words_through_the_command(plan: Path, word: str, stored: str) -> None:
    result = update(plan, "III.3.2", "--status", word, "--date", "2018-08-20", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert history(plan, "III.3.2")[-1]["status"] == stored


@pytest.mark.parametrize("day", ["2018-08-20", "20/8/2018", "20-08-2018"])
def test_date_forms(plan: Path, day: str) -> None:
    result = update(plan, "III.3.2", "--status", "done", "--date", day, "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert str(history(plan, "III.3.2")[-1]["date"]) == "2018-08-20"


def test_date_defaults_to_as_of(plan: Path) -> None:
    result = update(plan, "III.3.2", "--status", "done", "--as-of", "25/8/2018")
    assert result.exit_code == 0, result.stderr
    assert str(history(plan, "III.3.2")[-1]["date"]) == "2018-08-25"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("III.3.l", "--status", "done"), "Không có nhiệm vụ 'III.3.l'. Có phải ý bạn là"),
        (("iii.3.1", "--status", "done"), "Có phải ý bạn là 'III.3.1'?"),
        (("III.3.1", "--status", "xong"), "chấp nhận: hoàn-thành (done)"),
        (("III.3.1", "--status", "done", "--date", "31/2/2018"), "không tồn tại trong lịch"),
        (("III.3.1", "--status", "done", "--date", "hôm qua"), "Không đọc được ngày --date"),
        (("III.3.1", "--status", "done", "--occurrence", "2019-Q5"), "Kỳ '2019-Q5'"),
    ],
)
def test_usage_errors_exit_2(plan: Path, args: tuple[str, ...], message: str) -> None:
    before = snapshot(plan)
    task, *rest = args
    result = update(plan, task, *rest, "--as-of", AS_OF)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert snapshot(plan) == before


def test_unreadable_plan_is_refused(plan: Path) -> None:
    (plan / "plan.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    before = snapshot(plan)
    result = update(plan, "III.3.1", "--status", "done", "--date", "2018-08-20", "--as-of", AS_OF)
    assert result.exit_code == 1
    assert "plan.yaml" in result.stderr
    assert snapshot(plan) == before


def test_event_refusals(plan: Path) -> None:
    before = snapshot(plan)
    cases = [
        (("--occurred", "2019-07-01"), 1, "ở sau ngày hôm nay"),
        (("--occurred", "2018-01-01"), 1, "sớm hơn ngày của kế hoạch"),
        (("--occurred", "2019-05-30", "--ref", "35-CT/"), 1, "thiếu cơ quan ban hành"),
        (("--occurred", "2019-05-30", "--ref", "chỉ thị của BCT"), 1, "không chứa số/ký hiệu"),
        (("--occurred", "30/2/2019"), 2, "không tồn tại trong lịch"),
    ]
    for args, code, message in cases:
        result = event(plan, "bct-chi-thi-dai-hoi", *args, "--as-of", "2019-06-30")
        assert result.exit_code == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
    unknown = event(plan, "bct-chi-thi", "--occurred", "2019-05-30", "--as-of", "2019-06-30")
    assert unknown.exit_code == 2
    assert "Có phải ý bạn là 'bct-chi-thi-dai-hoi'?" in unknown.stderr
    assert snapshot(plan) == before


def test_event_already_recorded(plan: Path) -> None:
    args = ("--as-of", "2019-06-30")
    first = event(
        plan, "bct-chi-thi-dai-hoi", "--occurred", "30/5/2019", "--ref", "35-CT/TW", *args
    )
    assert first.exit_code == 0, first.stderr
    recorded = snapshot(plan)
    same = event(plan, "bct-chi-thi-dai-hoi", "--occurred", "2019-05-30", *args)
    assert same.exit_code == 0 and "không có gì thay đổi" in same.stdout
    other = event(plan, "bct-chi-thi-dai-hoi", "--occurred", "2019-06-01", *args)
    assert other.exit_code == 1 and "đã được ghi nhận xảy ra ngày 30/05/2019" in other.stderr
    other_ref = event(
        plan, "bct-chi-thi-dai-hoi", "--occurred", "2019-05-30", "--ref", "36-CT/TW", *args
    )
    assert other_ref.exit_code == 1 and "đã có văn bản căn cứ '35-CT/TW'" in other_ref.stderr
    assert snapshot(plan) == recorded
    forced = event(plan, "bct-chi-thi-dai-hoi", "--occurred", "2019-06-01", "--force", *args)
    assert forced.exit_code == 0, forced.stderr
    text = (plan / "events.yaml").read_text(encoding="utf-8")
    assert "occurred: 2019-06-01" in text and "ref: 35-CT/TW" in text


def test_forced_future_date_is_written_and_still_reported_by_validate(plan: Path) -> None:
    forced = update(
        plan, "III.3.1", "--status", "done", "--date", "2018-09-10", "--as-of", AS_OF, "--force"
    )
    assert forced.exit_code == 0, forced.stderr
    assert "ở tương lai" in forced.stderr
    from . import invoke

    check = invoke("validate", str(plan), "--as-of", AS_OF)
    assert check.exit_code == 1 and "date-in-future" not in check.stdout
    assert "ở tương lai" in check.stdout


def test_problems_the_plan_already_had_do_not_block_an_edit(plan: Path) -> None:
    other = plan / "tasks" / "ubkt.yaml"
    other.write_text(
        other.read_text(encoding="utf-8").replace("[ban-noi-chinh, bcsd-ubnd]", "[ban-noi-chin]"),
        encoding="utf-8",
    )
    result = update(plan, "III.3.1", "--status", "done", "--date", "2018-08-20", "--as-of", AS_OF)
    assert result.exit_code == 0, result.stderr
    assert "vốn đã có 1 lỗi" in result.stderr
    assert "status: hoàn thành" in (plan / BAN_TO_CHUC).read_text(encoding="utf-8")


def test_a_file_with_lone_cr_line_ends_is_refused_by_name(plan: Path) -> None:
    """YAML reads a lone CR as a line end (so validate passes), but an edit placed by LF
    lines would break the file: the refusal says why, not "not valid YAML (line 179)"."""
    path = plan / BAN_TO_CHUC
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    before = snapshot(plan)
    result = update(plan, "III.3.1", "--status", "hoàn-thành", "--as-of", AS_OF)
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (
        f"Không sửa được {path}: tệp xuống dòng bằng ký tự CR đơn (kiểu máy Mac cũ), mà "
        "kehoach chỉ sửa tệp xuống dòng bằng LF hoặc CR LF (kiểu Windows). Hãy lưu lại tệp "
        "với một trong hai kiểu đó rồi chạy lại; tệp không bị thay đổi."
    )
    assert snapshot(plan) == before
