"""Every row of the update table of docs/states.md ("Ghi cập nhật: thuộc lần thực hiện
nào") is a test: which round or part ``kehoach update`` records, or why it refuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from kehoach.edit import EditError, TaskUpdate, update_task
from kehoach.model import Status
from tests.evaluation.test_states_table import STATUS, read_table, task
from tests.planbuilder import build_plan

ROWS = read_table("update")
TODAY = dt.date(2023, 6, 1)


def test_the_update_table_is_there() -> None:
    assert len(ROWS) >= 17


@pytest.mark.parametrize("row", ROWS, ids=[f"row-{r['#']}" for r in ROWS])
def test_update_row(row: dict[str, str], tmp_path: Path) -> None:
    root = build_plan(tmp_path / "p", [task("t", row["Thời hạn"], row["Lịch sử"])])
    status = Status(STATUS[row["Trạng thái"]])
    given = None if row["--occurrence"] == "—" else row["--occurrence"]
    change = TaskUpdate("t", status, dt.date.fromisoformat(row["Ngày"]), occurrence=given)
    want = row["Kết quả"]
    if want.startswith("từ chối: "):
        with pytest.raises(EditError) as refused:
            update_task(root, change, as_of=TODAY)
        assert want.removeprefix("từ chối: ") in str(refused.value)
        return
    result = update_task(root, change, as_of=TODAY)
    assert result.written
    data = yaml.safe_load((root / "tasks" / "ban-to-chuc.yaml").read_text(encoding="utf-8"))
    added = next(e for e in data["tasks"][0]["history"] if str(e["date"]) == row["Ngày"])
    recorded = added.get("occurrence")
    assert (str(recorded) if recorded is not None else "—") == want.removeprefix("ghi ")
