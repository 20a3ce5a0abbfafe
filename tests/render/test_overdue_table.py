"""The overdue table is made a line at a time (render/overdue.overdue_table_lines): its
columns are still as wide as their widest cell, wherever that cell is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from kehoach.app import overdue_list
from kehoach.render.overdue import overdue_table_lines
from tests.planbuilder import build_plan


def test_the_streamed_overdue_table_sizes_its_columns_by_the_widest_cell(tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "plan",
        [
            {"id": "III.1", "deadline": "trước ngày 31/12/2018", "status": "chưa thực hiện"},
            {"id": "III.10.12", "deadline": "trước ngày 30/06/2019", "status": "chưa thực hiện"},
        ],
    )
    found = overdue_list(root, dt.date(2020, 6, 30))
    lines = overdue_table_lines(found.evaluation, found.late, None, None, width=100)
    assert isinstance(lines, Iterator)
    table = list(lines)
    assert table[0] == "2 nhiệm vụ quá hạn tính đến ngày 30/06/2020:"
    assert table[1] == ""
    header, rule, first, second = table[2:]
    # most overdue first; the longer id, in the last row, sets the id column's width
    assert first.startswith(" III.1      Nhiệm vụ III.1 ")
    assert second.startswith(" III.10.12  Nhiệm vụ III.10.12 ")
    assert header.startswith(" Mã         Nhiệm vụ ")
    assert first.endswith("31/12/2018  547 ngày") and second.endswith("30/06/2019  366 ngày")
    assert rule == " " + "─" * (len(first) - 1)
    assert all(line == line.rstrip() for line in table)
