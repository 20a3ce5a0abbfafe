"""The fixed-width table used by `kehoach status`."""

from __future__ import annotations

from kehoach.render.textgrid import Cell, render_grid


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
