"""What reaches the terminal: no escape sequence, control character or bidi override from
a plan, a file name or an argument, and no crash on a file name that is not UTF-8."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from kehoach.text import SafeStream, first_unsafe, neutralise

ROOT = Path(__file__).resolve().parents[2]
ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]0;tiêu đề\x07b", "a␛]0;tiêu đề␇b"),  # OSC, ended by BEL
        ("a\x1b]52;c;ZXZpbA==\x1b\\b", "a␛]52;c;ZXZpbA==␛\\b"),  # OSC 52, ended by ST
        ("a\x1b[2J\x1b[31mb", "a␛[2J␛[31mb"),  # CSI
        ("a\x1bP1$r\x1b\\b", "a␛P1$r␛\\b"),  # DCS
        ("a\x9b31mb\x9d0;x\x9c", "a<U+009B>31mb<U+009D>0;x<U+009C>"),  # C1 forms
        ("x\x08\x08y\rz\x00\x7f", "x␈␈y␍z␀␡"),
        ("abc\u202edcba\u2066x\u2069", "abc<U+202E>dcba<U+2066>x<U+2069>"),
        ("tệp-\udcff.yaml", "tệp-\\xff.yaml"),  # a file-name byte that is not UTF-8
        ("dòng 1\n\tdòng 2\r\n", "dòng 1\n\tdòng 2\r\n"),  # layout stays
    ],
)
def test_neutralise(raw: str, shown: str) -> None:
    assert neutralise(raw) == shown
    assert first_unsafe(neutralise(raw)) == -1


def test_our_own_colours_stay_only_when_asked() -> None:
    text = "\x1b[1;31mQuá hạn\x1b[0m \x1b]0;x\x07"
    assert neutralise(text, keep_colours=True) == "\x1b[1;31mQuá hạn\x1b[0m ␛]0;x␇"
    assert neutralise(text) == "␛[1;31mQuá hạn␛[0m ␛]0;x␇"


def test_safe_stream_never_fails_on_its_encoding() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii", errors="strict")
    safe = SafeStream(stream)
    safe.write("Kế hoạch \x1b]0;x\x07\n")
    stream.flush()
    assert raw.getvalue() == b"K\\u1ebf ho\\u1ea1ch \\u241b]0;x\\u2407\n"


def test_arguments_echoed_back_are_neutralised() -> None:
    result = CliRunner().invoke(app, ["deadline", "thực hiện \x1b]0;PWN\x07 năm 2019"])
    assert result.exit_code == 1
    assert ESC not in result.stdout + result.stderr
    assert "␛]0;PWN␇" in result.stderr


def test_missing_folder_named_with_escapes(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["status", str(tmp_path / "x\x1b]2;y\x07\u202e")])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Không tìm thấy thư mục kế hoạch '{tmp_path}/x␛]2;y␇<U+202E>'."
    )


def test_unknown_command_with_escapes() -> None:
    result = CliRunner().invoke(app, ["st\x1b]0;x\x07"])
    assert result.exit_code == 2
    assert ESC not in result.stdout + result.stderr
    assert "\x07" not in result.stderr


def _title_with(plan: Path, value: str) -> None:
    path = plan / "tasks" / "ban-to-chuc.yaml"
    text = path.read_text("utf-8")
    old = "  - id: III.3.1\n    title: "
    start = text.index(old) + len(old)
    end = text.index("\n    role:", start)  # the title is a folded block of two lines
    path.write_text(text[:start] + value + text[end:], "utf-8")


def _line_of(plan: Path, needle: str) -> int:
    lines = (plan / "tasks" / "ban-to-chuc.yaml").read_text("utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_validate_reports_an_escape_written_in_a_value(plan_copy: Path) -> None:
    _title_with(plan_copy, '"\\e]0;Kế hoạch giả\\a"')
    before = (plan_copy / "tasks" / "ban-to-chuc.yaml").read_bytes()
    line = _line_of(plan_copy, "\\e]0;")
    result = CliRunner().invoke(app, ["validate", str(plan_copy), "--as-of", "2019-06-30"])
    assert result.exit_code == 1
    assert (
        f"{plan_copy}/tasks/ban-to-chuc.yaml:{line}:12: Giá trị có ký tự điều khiển U+001B (ESC) "
        "(ở ký tự thứ 1 của giá trị); ký tự này có thể điều khiển màn hình hoặc đảo chiều chữ. "
        "Hãy xóa nó."
    ) in result.stdout
    assert ESC not in result.stdout + result.stderr
    assert (plan_copy / "tasks" / "ban-to-chuc.yaml").read_bytes() == before


def test_validate_reports_a_bidi_override_at_its_column(plan_copy: Path) -> None:
    _title_with(plan_copy, "Tiêu đề \u202edảo chiều")
    line = _line_of(plan_copy, "\u202e")
    result = CliRunner().invoke(app, ["validate", str(plan_copy), "--as-of", "2019-06-30"])
    assert result.exit_code == 1
    expected = f"tasks/ban-to-chuc.yaml:{line}:20: Giá trị có ký tự điều khiển U+202E (RLO) "
    assert expected in result.stdout
    assert "\u202e" not in result.stdout


def test_validate_reports_a_raw_control_character(plan_copy: Path) -> None:
    _title_with(plan_copy, "Tiêu đề \x1b]0;x")
    line = _line_of(plan_copy, "\x1b")
    result = CliRunner().invoke(app, ["validate", str(plan_copy), "--as-of", "2019-06-30"])
    assert result.exit_code == 1
    assert (
        f"tasks/ban-to-chuc.yaml:{line}:20: Tệp có ký tự điều khiển U+001B (ESC), không được "
        "phép trong YAML; hãy xóa nó."
    ) in result.stdout


def test_reports_refuse_a_plan_with_a_control_character(plan_copy: Path) -> None:
    _title_with(plan_copy, '"\\e]0;x\\a"')
    for command in ("tasks", "status", "overdue"):
        result = CliRunner().invoke(app, [command, str(plan_copy), "--as-of", "2019-06-30"])
        assert result.exit_code == 1, command
        assert ESC not in result.stdout + result.stderr


def test_file_name_not_utf8_on_a_strict_utf8_stdout(plan_copy: Path) -> None:
    tasks = os.fsencode(plan_copy / "tasks")
    source = os.fsencode(plan_copy / "tasks" / "ban-to-chuc.yaml")
    shutil.copy(source, tasks + b"/ban-t\xf4-chuc.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "kehoach", "validate", str(plan_copy), "--as-of", "2019-06-30"],
        capture_output=True,
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "PYTHONIOENCODING": "utf-8:strict",
        },
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    out = done.stdout.decode("utf-8")  # strict: the output is valid UTF-8
    assert "tasks/ban-t\\xf4-chuc.yaml:" in out
    assert "mã bị trùng" in out


def test_an_os_error_no_command_expected_is_vietnamese_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    import typer

    from kehoach.cli.common import handled

    with pytest.raises(typer.Exit) as caught, handled():
        raise PermissionError(13, "Permission denied", "/srv/ke-hoach/bao-cao.md")
    assert caught.value.exit_code == 2
    err = capsys.readouterr().err
    assert err.strip() == (
        "Không đọc hoặc ghi được '/srv/ke-hoach/bao-cao.md' (không có quyền truy cập)."
    )
