"""The reports read what the commands wrote: new history, recorded events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from . import copy_plan, event, invoke, update


def tasks_json(plan: Path, as_of: str) -> dict[str, dict[str, Any]]:
    result = invoke("tasks", str(plan), "--format", "json", "--as-of", as_of)
    assert result.exit_code == 0, result.stderr
    return {record["id"]: record for record in json.loads(result.stdout)}


def test_reports_see_the_new_history(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    assert tasks_json(plan, "2018-09-01")["III.3.1"]["status"] == "not_started"
    result = update(
        plan, "III.3.1", "--status", "hoàn-thành", "--date", "2018-08-20", "--as-of", "2018-09-01"
    )
    assert result.exit_code == 0, result.stderr
    record = tasks_json(plan, "2018-09-01")["III.3.1"]
    assert record["status"] == "done"
    assert record["state"] == "done_on_time"
    assert record["done_on"] == "2018-08-20"


def test_recorded_event_gives_the_waiting_task_a_deadline(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path)
    before = tasks_json(plan, "2019-06-30")["III.3.3"]
    assert before["state"] == "waiting" and before["due"] is None
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
    after = tasks_json(plan, "2019-06-30")["III.3.3"]
    assert after["waiting_on"] == []
    lead_days = 90  # plan.yaml: lead_time_days
    assert after["due"] == (dt.date(2019, 5, 30) + dt.timedelta(days=lead_days)).isoformat()
