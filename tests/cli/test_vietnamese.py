"""What click prints by itself (help headings, usage errors) reaches users in Vietnamese."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from kehoach.cli.vietnamese import translate_error


def test_help_is_vietnamese(runner: CliRunner) -> None:
    result = runner.invoke(app, ["status", "--help"])
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("Cách dùng: kehoach status [TÙY_CHỌN] [THƯ_MỤC]")
    assert "Tùy chọn:" in out and "Hiện hướng dẫn này rồi thoát." in out
    assert "[mặc định: table]" in out and "--as-of NGÀY" in out
    for english in ("Usage:", "Options:", "Show this message", "[default:"):
        assert english not in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["statu"], "Lỗi: Không có lệnh 'statu'. Có phải ý bạn là 'status'?"),
        (
            ["overdue", "--within", "abc"],
            "Lỗi: Giá trị 'abc' không hợp lệ cho '--within': cần một số nguyên.",
        ),
        (["overdue", "--bogus"], "Lỗi: Không có tùy chọn --bogus."),
        (["status", "--as-of"], "Lỗi: Tùy chọn '--as-of' cần một giá trị."),
        (["status", "plan", "extra"], "Lỗi: Thừa tham số: extra."),
        (
            ["status", "--width", "0"],
            "Lỗi: Giá trị '0' không hợp lệ cho '--width': cần một số từ 20 đến 1000.",
        ),
        (
            ["status", "--width", "99999999999999999999"],
            "Lỗi: Giá trị '99999999999999999999' không hợp lệ cho '--width': cần một số từ 20 "
            "đến 1000.",
        ),
        (
            ["log", "--limit", "0"],
            "Lỗi: Giá trị '0' không hợp lệ cho '--limit' / '-n': cần một số từ 1 trở lên.",
        ),
    ],
)
def test_usage_errors_are_vietnamese(runner: CliRunner, args: list[str], expected: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert expected in result.stderr
    if args[-1] != "--as-of":  # click knows no command context for a dangling option
        assert "để xem hướng dẫn." in result.stderr
    assert "Error:" not in result.stderr


def test_unknown_messages_pass_through() -> None:
    assert translate_error("Something new.") == "Something new."
