"""The fixed-width table used by `kehoach status`."""

from __future__ import annotations

from kehoach.render.textgrid import ID_CAP, Cell, Column, render_grid


def test_columns_align_and_first_column_wraps() -> None:
    lines = render_grid(
        ["Cơ quan", "Quá\nhạn", "Tổng"],
        [
            [Cell("Đảng đoàn các đoàn thể chính trị - xã hội tỉnh"), Cell("12"), Cell("3")],
            [Cell("Sở Nội vụ"), Cell("·"), Cell("1")],
        ],
        [Cell("Tổng"), Cell("12"), Cell("4")],
        width=30,
    )
    assert lines == [
        "                     Quá",
        " Cơ quan             hạn  Tổng",
        " " + "─" * 29,
        " Đảng đoàn các đoàn   12     3",
        " thể chính trị - xã",
        " hội tỉnh",
        " Sở Nội vụ             ·     1",
        "",
        " Tổng                 12     4",
    ]
    assert all(len(line) <= 30 for line in lines)


def test_styles_only_when_colour_is_asked_for() -> None:
    rows = [[Cell("A"), Cell("2", "bold red")]]
    plain = render_grid(["X", "Y"], rows, color=False)
    coloured = render_grid(["X", "Y"], rows, color=True)
    assert "\x1b[" not in "\n".join(plain)
    assert "\x1b[1;31m2\x1b[0m" in coloured[-1]


def test_wrapping_columns_share_the_room_and_a_cap_cuts_with_an_ellipsis() -> None:
    from kehoach.render.textgrid import Column

    columns = [
        Column("Mã", left=True),
        Column("Nhiệm vụ", left=True, wrap=2, lines=2),
        Column("Chủ trì", left=True, wrap=1),
        Column("Hạn"),
    ]
    text = "Chủ trì tham mưu Ban Thường vụ Tỉnh ủy ban hành Kế hoạch hành động triển khai"
    rows = [[Cell("III.3.1"), Cell(text), Cell("Ban Tổ chức Tỉnh ủy"), Cell("31/08/2018")]]
    lines = render_grid(columns, rows, width=60)
    assert all(len(line) <= 60 for line in lines)
    body = lines[2:]
    assert len(body) == 2  # the text capped at two lines, the body's name wraps beside it
    assert body[0].startswith(" III.3.1  Chủ trì tham mưu") and body[0].endswith("31/08/2018")
    assert body[1].rstrip().endswith("…") or "…" in body[1]
    assert "Ban Tổ chức" in body[0] and "Tỉnh ủy" in body[1]


def test_a_list_below_80_columns_keeps_every_value_under_its_header() -> None:
    from kehoach.render.textgrid import table_or_list

    headers = ["Body", "Over-\ndue", "Chưa\ncập\nnhật", "Tổng"]
    rows = [
        [Cell("Ban Tổ chức Tỉnh ủy"), Cell("2", "bold red"), Cell("·"), Cell("9")],
        [Cell(""), Cell("·"), Cell("4"), Cell("4")],  # the same body, another role
    ]
    listed = table_or_list(headers, rows, [Cell("Tổng"), Cell("2"), Cell("4"), Cell("13")],
                           width=40)  # fmt: skip
    assert listed == [
        "Ban Tổ chức Tỉnh ủy",
        "  Overdue: 2 · Tổng: 9",
        "  Chưa cập nhật: 4 · Tổng: 4",
        "",
        "Tổng",
        "  Overdue: 2 · Chưa cập nhật: 4",  # a field that no longer fits: the next line
        "  Tổng: 13",
    ]
    table = table_or_list(headers, rows, width=80)
    assert table[3].startswith(" ─") and table == render_grid(headers, rows, width=80)
    coloured = table_or_list(headers, rows, width=40, color=True)
    assert "\x1b[1;31mOverdue: 2\x1b[0m" in coloured[1]


def test_a_capped_column_wraps_a_long_cell_instead_of_widening_the_table() -> None:
    long_id = "dang-uy-xa-0038.10 (dang-uy-xa-0038.10.1 2018; dang-uy-xa-0038.10.2 2018)"
    columns = [
        Column("Mã", left=True, cap=ID_CAP),
        Column("Nhiệm vụ", left=True, wrap=1),
        Column("Hạn", left=True),
    ]
    rows = [
        [Cell("III.1"), Cell("Xây dựng đề án"), Cell("31/12/2019")],
        [Cell(long_id), Cell("Rà soát quy hoạch các khu du lịch ven biển"), Cell("30/06/2020")],
    ]
    lines = render_grid(columns, rows, width=80)
    assert max(len(line) for line in lines) <= 80
    body = lines[2:]
    assert body[0].startswith(" III.1" + " " * (ID_CAP - len("III.1")) + "  Xây dựng đề án")
    assert " ".join(line[1 : 1 + ID_CAP].strip() for line in body[1:]).strip() == long_id
    short = render_grid(columns, rows[:1], width=80)
    assert short[2].startswith(" III.1  Xây dựng đề án")  # a short id keeps its own width


def test_a_streamed_table_reads_its_rows_twice_and_sizes_columns_by_the_widest_cell() -> None:
    """grid_lines: the rows are made once for the widths, once to draw; a cell wider than
    every other only in the last row still widens its column for the rows above it."""
    from kehoach.render.textgrid import grid_lines

    reads = []

    def rows() -> list[list[Cell]]:
        reads.append(1)
        return [[Cell("a"), Cell("1")], [Cell("bb"), Cell("22")], [Cell("ccccc"), Cell("333")]]

    columns = [Column("Tên", left=True), Column("Số")]
    lines = grid_lines(columns, rows, [Cell("Tổng"), Cell("356")], width=80)
    assert reads == []  # nothing is made before the first line is taken
    assert list(lines) == [
        " Tên     Số",
        " " + "─" * 10,  # 5 + 2 + 3: the widest cells, "ccccc" and "333"
        " a        1",
        " bb      22",
        " ccccc  333",
        "",
        " Tổng   356",
    ]
    assert reads == [1, 1]
    assert list(grid_lines(columns, rows, width=80)) == render_grid(columns, rows(), width=80)


def test_streamed_tables_and_lists_are_the_lists_table_or_list_returns() -> None:
    from kehoach.render.textgrid import list_lines, render_list, table_or_list, table_or_list_lines

    headers = [Column("Mã", left=True, cap=ID_CAP), Column("Nhiệm vụ", left=True, wrap=1)]
    long = "Xây dựng và triển khai kế hoạch chuyển đổi số của tỉnh giai đoạn 2021 - 2025 " * 2
    rows = [
        [Cell("I.1"), Cell(long)],
        [Cell(""), Cell("·")],
        [Cell("I.2 (I.2.a, I.2.b)"), Cell("")],
    ]
    footer = [Cell("Tổng"), Cell("2")]
    for width in (60, 79, 80, 120):
        streamed = list(table_or_list_lines(headers, lambda: rows, footer, width=width))
        assert streamed == table_or_list(headers, rows, footer, width=width)
    assert list(list_lines(headers, iter(rows), footer, width=60)) == render_list(
        headers, rows, footer, width=60
    )
    # below 80 columns the rows are read once: a generator will do
    once = (row for row in rows)
    assert list(table_or_list_lines(headers, lambda: once, width=60)) == render_list(
        headers, rows, width=60
    )


def test_a_folded_cell_breaks_at_spaces_cuts_a_longer_word_and_caps_with_an_ellipsis() -> None:
    columns = [Column("Nhiệm vụ", left=True, wrap=1, lines=3), Column("Hạn")]

    def folded(text: str) -> list[str]:
        lines = render_grid(columns, [[Cell(text), Cell("2019")]], width=19)[2:]
        return [line[1:13].rstrip() for line in lines]  # the 12 columns of the text

    # runs of spaces and line breaks are one space; a line ends at the last space that fits
    assert folded("Rà  soát\nquy hoạch các khu") == ["Rà soát quy", "hoạch các", "khu"]
    # a word longer than the column starts its own line and is cut at the column's width
    assert folded("Đề án abcdefghijklmnopq rs") == ["Đề án", "abcdefghijkl", "mnopq rs"]
    # past the cap the last line kept ends in "…" (cut by one to make room when full)
    assert folded("một hai ba bốn năm sáu bảy tám chín mười") == [
        "một hai ba",
        "bốn năm sáu",
        "bảy tám chí…",
    ]
    assert folded("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz") == [
        "abcdefghijkl",
        "mnopqrstuvwx",
        "yzabcdefghi…",
    ]
