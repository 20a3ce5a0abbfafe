"""Columns of a task table are known by the meaning of their header."""

from __future__ import annotations

import pytest

from kehoach.importer.reading import Para
from kehoach.importer.tables import column_of, read_any_table


@pytest.mark.parametrize(
    ("header", "column"),
    [
        ("STT", "number"), ("TT", "number"), ("Số TT", "number"), ("Số thứ tự", "number"),
        ("Nội dung", "content"), ("Nội dung nhiệm vụ", "content"), ("Tên nhiệm vụ", "content"),
        ("Nhiệm vụ, giải pháp", "content"), ("NHIỆM VỤ CỤ THỂ", "content"),
        ("Tên đề án, nhiệm vụ", "content"), ("Nội dung công việc", "content"),
        ("Cơ quan chủ trì", "lead"), ("Đơn vị chủ trì", "lead"), ("Cơ quan thực hiện", "lead"),
        ("Đơn vị thực hiện", "lead"), ("Cơ quan, đơn vị chủ trì", "lead"),
        ("Cơ quan chủ trì tham mưu", "lead"), ("Chủ trì", "lead"),
        ("Cơ quan phối hợp", "partners"), ("Đơn vị phối hợp", "partners"),
        ("Cơ quan, đơn vị phối hợp thực hiện", "partners"), ("Phối hợp", "partners"),
        ("Thời gian", "deadline"), ("Thời hạn", "deadline"), ("Thời gian hoàn thành", "deadline"),
        ("Thời hạn hoàn thành", "deadline"), ("Thời gian (dự kiến) hoàn thành", "deadline"),
        ("Thời gian dự kiến hoàn thành", "deadline"), ("Thời gian thực hiện", "deadline"),
        ("Thời hạn thực hiện", "deadline"), ("Tiến độ", "deadline"),
        ("Sản phẩm", "output"), ("Sản phẩm dự kiến", "output"), ("Kết quả", "output"),
        ("Kết quả (dự kiến)", "output"), ("Kết quả dự kiến", "output"),
        ("Hình thức văn bản", "output"), ("Dự kiến sản phẩm", "output"),
        ("thoi han hoan thanh", "deadline"),  # typed without diacritics
        ("Đơn vị tính", None), ("Ghi chú", None), ("Chỉ tiêu", None), ("Kinh phí", None),
    ],
)  # fmt: skip
def test_column_of(header: str, column: str | None) -> None:
    assert column_of(header) == column


def _rows(*rows: tuple[str, ...]) -> list[Para]:
    return [Para(n, (" | ".join(r),), cells=r, table=1, row=n) for n, r in enumerate(rows, 1)]


def test_columns_in_any_order_and_a_note_column() -> None:
    table = read_any_table(
        _rows(
            ("Thời hạn", "Cơ quan phối hợp", "Nhiệm vụ", "Ghi chú", "Cơ quan chủ trì"),
            ("2026", "Sở Y tế", "Khám sức khỏe", "Ưu tiên", "Sở Nội vụ"),
        )
    )
    (row,) = table.rows
    assert table.kind == "tasks" and [s.line for s in table.skipped] == [1]
    assert (row.content, row.lead, row.partners, row.deadline, row.note, row.cell) == (  # type: ignore[union-attr]
        "Khám sức khỏe", "Sở Nội vụ", "Sở Y tế", "2026", "Ghi chú: Ưu tiên", 2,
    )  # fmt: skip


def test_second_header_row_under_a_merged_cell() -> None:
    table = read_any_table(
        _rows(
            ("STT", "Nội dung", "Cơ quan thực hiện", "", "Thời gian"),
            ("", "", "Chủ trì", "Phối hợp", ""),
            ("1", "Tổng kết", "Sở Nội vụ", "Sở Tài chính", "Quý IV/2026"),
        )
    )
    (row,) = table.rows
    assert (row.lead, row.partners, row.deadline) == ("Sở Nội vụ", "Sở Tài chính", "Quý IV/2026")  # type: ignore[union-attr]
    assert [s.reason for s in table.skipped] == ["dòng tiêu đề của bảng", "dòng tiêu đề thứ hai"]


@pytest.mark.parametrize(
    "header",
    [
        ("STT", "Chỉ tiêu", "Đơn vị tính", "Mục tiêu đến năm 2030"),
        ("STT", "Nội dung chỉ tiêu", "Đơn vị chủ trì", "Năm 2030"),
        ("TT", "Mục tiêu đến năm 2030", "Giá trị"),
    ],
)
def test_indicator_tables_are_recognised_and_returned(header: tuple[str, ...]) -> None:
    rows = _rows(header, ("1", "Tỷ lệ", "%", "90")[: len(header)])
    table = read_any_table(rows)
    assert table.kind == "indicators" and table.rows == []
    assert [s.line for s in table.skipped] == [1, 2]


def test_a_table_without_content_is_returned_as_other() -> None:
    table = read_any_table(_rows(("Đơn vị", "Số đảng viên"), ("Đảng bộ Sở Y tế", "2")))
    assert table.kind == "other" and len(table.skipped) == 2


def test_nesting_by_numbers() -> None:
    table = read_any_table(
        _rows(
            ("STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn"),
            ("A", "PHẦN CHUNG", "", ""),
            ("I", "THỂ CHẾ", "", ""),
            ("1", "Nhóm văn bản", "", ""),
            ("1.1", "Quy chế", "Sở Nội vụ", "2026"),
            ("1.2", "Quy định", "Sở Tư pháp", "2027"),
            ("2", "Việc lẻ", "Sở Y tế", "2026"),
            ("II", "HẠ TẦNG", "", ""),
            ("5.1", "Nhóm mạng", "", ""),
            ("5.1.3", "Cáp quang", "Sở Công Thương", "2028"),
            ("B", "PHẦN RIÊNG", "", ""),
            ("3", "Việc riêng", "Sở Xây dựng", "2029"),
        )
    )
    rows = table.rows
    shape = [(r.number, r.group, r.parent, r.level) for r in rows]  # type: ignore[union-attr]
    assert shape == [
        ("A", True, None, 0), ("I", True, 0, 1), ("1", True, 1, 2), ("1.1", False, 2, 3),
        ("1.2", False, 2, 3), ("2", False, 1, 2), ("II", True, 0, 1), ("5.1", True, 6, 2),
        ("5.1.3", False, 7, 3), ("B", True, None, 0), ("3", False, 9, 1),
    ]  # fmt: skip
