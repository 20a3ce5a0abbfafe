"""Recurring tasks recorded per round: which round an update closes, refusals, history order.

Library-level tests call :func:`kehoach.edit.update_task` and the checks directly; the CLI
tests run ``kehoach update`` through CliRunner on the same small plans.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.checks import validate
from kehoach.edit import EditError, TaskUpdate, update_task
from kehoach.evaluation.evaluate import evaluate
from kehoach.model import Status
from tests.planbuilder import build_plan, done, progress

from . import invoke, update

D = dt.date
TODAY = D(2021, 6, 1)


def tasks(**histories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    deadlines = {
        "YEARLY": "thực hiện hằng năm",
        "TWICE": "quý II và quý IV hằng năm",
        "LATER": "từ năm 2020, hằng năm",
        "ONCE": "hoàn thành trong năm 2019",
    }
    return [
        {"id": task_id, "deadline": text, "history": histories.get(task_id, [])}
        | ({"status": histories[task_id][-1]["status"]} if histories.get(task_id) else {})
        for task_id, text in deadlines.items()
    ]


def make(tmp_path: Path, **histories: list[dict[str, Any]]) -> Path:
    return build_plan(tmp_path / "plan", tasks(**histories))


def history(plan: Path, task_id: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((plan / "tasks" / "ban-to-chuc.yaml").read_text(encoding="utf-8"))
    task = next(t for t in data["tasks"] if t["id"] == task_id)
    return list(task.get("history") or [])


def record(
    plan: Path,
    task_id: str,
    day: dt.date,
    status: Status = Status.DONE,
    occurrence: str | None = None,
) -> list[str]:
    change = TaskUpdate(task_id, status, day, occurrence=occurrence)
    result = update_task(plan, change, as_of=TODAY)
    assert result.written
    return result.messages


# --- library ------------------------------------------------------------------------------


def test_the_round_is_inferred_from_the_date_and_named(tmp_path: Path) -> None:
    plan = make(tmp_path)
    messages = record(plan, "YEARLY", D(2019, 7, 15))
    assert "ghi cho kỳ năm 2019" in messages[0]
    assert history(plan, "YEARLY") == [
        {"date": D(2019, 7, 15), "status": "hoàn thành", "occurrence": "2019"}
    ]
    state = evaluate(validate(plan, TODAY)[0], D(2019, 12, 31)).by_id["YEARLY"]  # type: ignore[arg-type]
    assert {o.label: o.done_on for o in state.occurrences}["2019"] == D(2019, 7, 15)


def test_first_and_last_day_of_a_round_and_a_late_update(tmp_path: Path) -> None:
    plan = make(tmp_path)
    record(plan, "TWICE", D(2019, 4, 1), Status.IN_PROGRESS)  # first day of quarter II
    record(plan, "TWICE", D(2019, 6, 30))  # its last day
    record(plan, "TWICE", D(2019, 12, 31), Status.IN_PROGRESS)
    record(plan, "TWICE", D(2020, 2, 10))  # late for quarter IV, before quarter II
    assert [e["occurrence"] for e in history(plan, "TWICE")] == [
        "2019-Q2",
        "2019-Q2",
        "2019-Q4",
        "2019-Q4",
    ]


def test_a_period_without_a_round_belongs_to_the_round_before(tmp_path: Path) -> None:
    plan = make(tmp_path)
    messages = record(plan, "TWICE", D(2019, 8, 10))
    assert "ghi cho kỳ quý II/2019" in messages[0]


def test_recording_an_earlier_round_after_a_later_one_is_allowed(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[done("2019-12-20", occurrence="2019")])
    record(plan, "YEARLY", D(2018, 12, 15))  # 2018 recorded after 2019: its own round
    record(plan, "YEARLY", D(2020, 1, 10), occurrence="2018")  # late, named
    entries = history(plan, "YEARLY")
    assert [(str(e["date"]), e["occurrence"]) for e in entries] == [
        ("2018-12-15", "2018"),
        ("2019-12-20", "2019"),
        ("2020-01-10", "2018"),
    ]
    _, problems = validate(plan, TODAY)
    assert [p for p in problems if p.code == "history-order"] == []


def test_an_earlier_date_in_the_same_round_is_refused(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[progress("2019-10-01", occurrence="2019")])
    with pytest.raises(EditError) as refused:
        update_task(plan, TaskUpdate("YEARLY", Status.DONE, D(2019, 9, 1)), as_of=TODAY)
    assert "lịch sử của kỳ năm 2019 đã có cập nhật ngày 01/10/2019, muộn hơn 01/09/2019" in str(
        refused.value
    )
    assert len(history(plan, "YEARLY")) == 1


def test_ambiguous_round_is_refused_with_the_open_rounds(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[done("2019-12-20", occurrence="2019")])
    with pytest.raises(EditError) as refused:
        update_task(plan, TaskUpdate("YEARLY", Status.DONE, D(2019, 12, 28)), as_of=TODAY)
    message = str(refused.value)
    assert "kỳ năm 2019 đã hoàn thành" in message
    assert "các kỳ còn mở: năm 2018." in message and "--occurrence 2018" in message
    assert len(history(plan, "YEARLY")) == 1


def test_the_same_update_again_is_not_ambiguous(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[done("2019-12-20", occurrence="2019")])
    result = update_task(plan, TaskUpdate("YEARLY", Status.DONE, D(2019, 12, 20)), as_of=TODAY)
    assert not result.changed


@pytest.mark.parametrize(
    ("task_id", "given", "day", "said"),
    [
        (
            "YEARLY",
            "2019-Q3",
            D(2019, 8, 1),
            "Không ghi nhiệm vụ YEARLY: kỳ '2019-Q3' không phải một kỳ của nhiệm vụ này.",
        ),
        (
            "YEARLY",
            "2020",
            D(2019, 8, 1),
            "Không ghi nhiệm vụ YEARLY: kỳ '2020' chưa bắt đầu vào ngày 01/08/2019.",
        ),
        (
            "TWICE",
            "2019-Q3",
            D(2019, 8, 1),
            "Không ghi nhiệm vụ TWICE: kỳ '2019-Q3' không phải một kỳ của nhiệm vụ này",
        ),
        (
            "ONCE",
            "2019",
            D(2019, 8, 1),
            "Không ghi nhiệm vụ ONCE: nhiệm vụ không định kỳ nên không có kỳ; "
            "bỏ --occurrence 2019.",
        ),
        (
            "LATER",
            None,
            D(2019, 5, 1),
            "Không ghi nhiệm vụ LATER: ngày 01/05/2019 ở trước kỳ đầu tiên của nhiệm vụ "
            "định kỳ này.",
        ),
    ],
)
def test_rounds_that_do_not_exist_are_refused(
    tmp_path: Path, task_id: str, given: str | None, day: dt.date, said: str
) -> None:
    plan = make(tmp_path)
    with pytest.raises(EditError) as refused:
        update_task(plan, TaskUpdate(task_id, Status.DONE, day, occurrence=given), as_of=TODAY)
    assert said in str(refused.value)
    assert history(plan, task_id) == []


def test_a_task_that_does_not_recur_records_no_round(tmp_path: Path) -> None:
    plan = make(tmp_path)
    messages = record(plan, "ONCE", D(2019, 7, 15))
    assert "ghi cho kỳ" not in messages[0]
    assert history(plan, "ONCE") == [{"date": D(2019, 7, 15), "status": "hoàn thành"}]


def test_stopping_a_recurring_task_is_not_one_round(tmp_path: Path) -> None:
    plan = make(tmp_path)
    record(plan, "YEARLY", D(2019, 7, 15), Status.STOPPED)
    assert history(plan, "YEARLY") == [{"date": D(2019, 7, 15), "status": "dừng thực hiện"}]


def test_history_order_is_checked_per_round(tmp_path: Path) -> None:
    plan = make(
        tmp_path,
        YEARLY=[done("2019-12-20", occurrence="2019"), done("2018-12-15", occurrence="2018")],
        TWICE=[progress("2019-06-20"), done("2019-05-01")],  # both in round 2019-Q2
        ONCE=[progress("2019-06-20"), done("2019-05-01")],
    )
    _, problems = validate(plan, TODAY)
    order = sorted((p.message, p.line) for p in problems if p.code == "history-order")
    assert len(order) == 2
    assert any("lịch sử của kỳ quý II/2019 không theo thứ tự" in m for m, _ in order)
    assert any(
        "lịch sử không theo thứ tự thời gian (01/05/2019 đứng sau 20/06/2019)" in m
        for m, _ in order
    )


# --- command line ---------------------------------------------------------------------------


def test_cli_says_which_round_and_writes_it(tmp_path: Path) -> None:
    plan = make(tmp_path)
    result = update(
        plan, "YEARLY", "--status", "hoàn-thành", "--date", "2019-07-15", "--as-of", "2021-06-01"
    )
    assert result.exit_code == 0, result.stderr
    assert "Nhiệm vụ YEARLY: hoàn thành (ngày 15/07/2019), ghi cho kỳ năm 2019." in result.stdout
    assert history(plan, "YEARLY")[0]["occurrence"] == "2019"


def test_cli_refuses_an_ambiguous_round_with_exit_1(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[done("2019-12-20", occurrence="2019")])
    before = (plan / "tasks" / "ban-to-chuc.yaml").read_bytes()
    result = update(
        plan, "YEARLY", "--status", "done", "--date", "2019-12-28", "--as-of", "2021-06-01"
    )
    assert result.exit_code == 1
    assert "các kỳ còn mở: năm 2018" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert (plan / "tasks" / "ban-to-chuc.yaml").read_bytes() == before
    named = update(
        plan,
        "YEARLY",
        "--status",
        "done",
        "--date",
        "2019-12-28",
        "--occurrence",
        "2018",
        "--as-of",
        "2021-06-01",
    )
    assert named.exit_code == 0, named.stderr
    assert "ghi cho kỳ năm 2018" in named.stdout


def test_cli_bulk_update_records_each_tasks_round(tmp_path: Path) -> None:
    plan = make(tmp_path)
    result = invoke(
        "update",
        "YEARLY",
        "TWICE",
        "ONCE",
        "--plan",
        str(plan),
        "--status",
        "done",
        "--date",
        "2019-11-05",
        "--as-of",
        "2021-06-01",
    )
    assert result.exit_code == 0, result.stderr
    assert [e.get("occurrence") for t in ("YEARLY", "TWICE", "ONCE") for e in history(plan, t)] == [
        "2019",
        "2019-Q4",
        None,
    ]
    assert ", kỳ năm 2019\n" in result.stdout and ", kỳ quý IV/2019\n" in result.stdout


def test_cli_bulk_update_refuses_a_wrong_round(tmp_path: Path) -> None:
    plan = make(tmp_path)
    result = invoke(
        "update",
        "YEARLY",
        "ONCE",
        "--plan",
        str(plan),
        "--status",
        "done",
        "--date",
        "2019-11-05",
        "--occurrence",
        "2019",
        "--as-of",
        "2021-06-01",
    )
    assert result.exit_code == 1
    assert "ONCE: nhiệm vụ không định kỳ nên không có kỳ" in result.stderr + result.stdout
    assert history(plan, "YEARLY") == history(plan, "ONCE") == []


def test_a_written_round_must_be_one_of_the_tasks(tmp_path: Path) -> None:
    plan = make(
        tmp_path,
        YEARLY=[done("2019-08-01", occurrence="2019-Q3")],
        ONCE=[done("2019-08-01", occurrence="2019")],
        TWICE=[done("2019-08-01", occurrence="2019-Q2")],
    )
    _, problems = validate(plan, TODAY)
    found = sorted(p.message for p in problems if p.code == "occurrence")
    assert len(found) == 2
    assert any("kỳ '2019-Q3' không phải một kỳ của nhiệm vụ." in m for m in found)
    assert any(
        "kỳ '2019' không phải một kỳ của nhiệm vụ (nhiệm vụ không định kỳ)." in m for m in found
    )


def test_a_round_label_that_is_not_a_period_is_reported(tmp_path: Path) -> None:
    plan = make(tmp_path, YEARLY=[done("2019-08-01", occurrence="2019-7")])
    _, problems = validate(plan, TODAY)
    found = [p for p in problems if p.code == "occurrence"]
    assert [p.message.split(": ", 1)[-1] for p in found] == [
        "kỳ '2019-7' không hợp lệ; viết dạng 2019, 2019-Q3, 2019-H1 hoặc 2019-08."
    ]
    assert found[0].line > 0
