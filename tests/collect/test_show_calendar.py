"""``kehoach show``, ``kehoach calendar`` and what ``event`` says about the tasks it unblocks."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar
from typer.testing import CliRunner, Result

from kehoach.cli.app import app


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def flat(text: str) -> str:
    """The output with its lines joined again (show folds them to 80 columns)."""
    return " ".join(text.split())


def test_show_an_overdue_task_says_why(plan_copy: Path) -> None:
    result = run("show", "III.3.1", str(plan_copy), "--as-of", "2019-09-30")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    # 31/08/2018 → 30/09/2019 is 395 days.
    assert "quá hạn 395 ngày: hạn 31/08/2018, chưa ghi hoàn thành" in out
    assert "Cơ quan: Ban Tổ chức Tỉnh ủy (chủ trì)" in out
    assert "Thời hạn: thực hiện trong tháng 8 năm 2018" in out
    assert "mục III.3, ý 1, dòng 100 của văn bản gốc" in out


def test_show_after_an_update_lists_history_with_evidence(plan_copy: Path) -> None:
    done = run(
        "update", "III.3.1", "--status", "done", "--date", "2018-08-20", "--plan", str(plan_copy),
        "--evidence", "Kế hoạch số 15-KH/TU ngày 20/8/2018", "--as-of", "2018-09-01",
    )  # fmt: skip
    assert done.exit_code == 0, done.stderr
    out = flat(run("show", "III.3.1", "--plan", str(plan_copy), "--as-of", "2018-09-01").stdout)
    assert "Hoàn thành đúng hạn — hoàn thành ngày 20/08/2018, hạn 31/08/2018" in out
    assert "20/08/2018 hoàn thành" in out
    assert "văn bản: Kế hoạch số 15-KH/TU ngày 20/8/2018" in out


def test_show_waiting_task_names_the_event_and_recurring_shows_occurrences(
    plan_copy: Path,
) -> None:
    waiting = flat(run("show", "III.3.3", str(plan_copy), "--as-of", "2019-09-20").stdout)
    assert "Chờ điều kiện — đang chờ: bct-chi-thi-dai-hoi" in waiting
    assert "Chờ sự kiện: bct-chi-thi-dai-hoi" in waiting and "(chưa" in waiting
    yearly = flat(run("show", "III.3.10", str(plan_copy), "--as-of", "2019-09-20").stdout)
    assert "kỳ 2018 quá hạn 263 ngày: hạn 31/12/2018" in yearly
    assert " 2019: hạn 31/12/2019" in yearly
    assert "Quy tắc: định kỳ, hằng năm," in yearly  # in words, without the file's code
    assert "recurring" not in yearly


def test_show_unknown_task_suggests(plan_copy: Path) -> None:
    result = run("show", "III.3.01", str(plan_copy))
    assert result.exit_code == 2
    assert "Không có nhiệm vụ 'III.3.01'. Có phải ý bạn là" in result.stderr


def test_event_prints_the_new_due_dates_it_unblocks(plan_copy: Path) -> None:
    result = run(
        "event", "bct-chi-thi-dai-hoi", "--occurred", "2019-05-30", "--plan", str(plan_copy),
        "--as-of", "2019-09-20",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    lead = 90  # plan.yaml lead_time_days
    due = dt.date(2019, 5, 30) + dt.timedelta(days=lead)
    past = (dt.date(2019, 9, 20) - due).days
    assert f"III.3.3: hạn mới {due:%d/%m/%Y} — đã qua {past} ngày." in result.stdout


def test_calendar_round_trips_through_icalendar(plan_copy: Path, tmp_path: Path) -> None:
    target = tmp_path / "lich.ics"
    result = run(
        "calendar", str(plan_copy), "--body", "ban-to-chuc", "-o", str(target),
        "--as-of", "2019-09-20",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    calendar = Calendar.from_ical(target.read_bytes())
    events = list(calendar.walk("VEVENT"))
    by_task: dict[str, list[dt.date]] = {}
    for event in events:
        task = str(event["X-KEHOACH-TASK"])
        assert f"[{task}]" in str(event["SUMMARY"])
        assert f"kehoach show {task}" in str(event["DESCRIPTION"])
        by_task.setdefault(task, []).append(event.decoded("DTSTART"))
    assert by_task["III.3.1"] == [dt.date(2018, 8, 31)]
    assert by_task["III.3.10"] == [dt.date(2018, 12, 31), dt.date(2019, 12, 31)]
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    assert "III.6.2" not in by_task  # Ban Tuyên giáo's yearly task does not involve Ban Tổ chức
