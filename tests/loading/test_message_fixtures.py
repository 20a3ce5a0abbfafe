"""One fixture per kind of message the issue found in English or Python: each asserts the
whole message, its place, the exit code and that no file changed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kehoach.cli.app import app

TASKS = "tasks/ban-to-chuc.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def snapshot(root: Path) -> dict[str, bytes]:
    out = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            out[path.relative_to(root).as_posix()] = path.read_bytes()
    return out


def edit(plan: Path, old: str, new: str) -> int:
    """Replace the first *old* in the task file by *new*; returns the line *new* starts."""
    path = plan / TASKS
    text = path.read_text("utf-8")
    at = text.index(old)
    path.write_text(text[:at] + new + text[at + len(old) :], "utf-8")
    return text.count("\n", 0, at) + 1


def validate_lines(plan: Path) -> tuple[Result, list[str]]:
    before = snapshot(plan)
    result = run("validate", str(plan), "--as-of", "2019-06-30")
    assert snapshot(plan) == before
    prefix = f"{plan}/"
    return result, [line.removeprefix(prefix) for line in result.stdout.splitlines()]


FIRST_TASK = "  - id: III.3.1\n"


def test_the_users_own_words_not_python_values(plan_copy: Path) -> None:
    line = edit(
        plan_copy,
        FIRST_TASK,
        FIRST_TASK + "    lead_time_days: 1.10\n    deadline: 2018-12-31\n    output: no\n",
    )
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[:3] == [
        f"{TASKS}:{line + 1}:21: Nhiệm vụ III.3.1, số ngày thực hiện: cần một số nguyên, "
        "không phải '1.10'.",
        f"{TASKS}:{line + 2}:15: Nhiệm vụ III.3.1, thời hạn: cần một chuỗi văn bản, không phải "
        "'31/12/2018' (hãy đặt trong dấu nháy).",
        f"{TASKS}:{line + 3}:13: Nhiệm vụ III.3.1, sản phẩm: cần một chuỗi văn bản, không phải "
        "'no' (hãy đặt trong dấu nháy).",
    ]


def test_a_mapping_is_named_not_printed(plan_copy: Path) -> None:
    line = edit(plan_copy, FIRST_TASK, FIRST_TASK + "    deadline: {năm: 2018}\n")
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line + 1}:15: Nhiệm vụ III.3.1, thời hạn: cần một chuỗi văn bản, không phải "
        "một bảng khóa: giá trị (hãy đặt trong dấu nháy)."
    )


def test_a_history_entry_is_named_in_words(plan_copy: Path) -> None:
    line = edit(
        plan_copy,
        FIRST_TASK,
        FIRST_TASK + "    history:\n      - {date: 2018-08-01, status: đang thực hiện}\n"
        "      - {date: hôm qua, status: hoàn thành}\n",
    )
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line + 3}:16: Nhiệm vụ III.3.1, lần cập nhật thứ 2, ngày: 'hôm qua' không "
        "phải là ngày hợp lệ (viết dạng YYYY-MM-DD, ví dụ 2018-08-20)."
    )


def test_allowed_values_end_in_vietnamese(plan_copy: Path) -> None:
    line = edit(plan_copy, "    role: chủ trì\n", "    role: chủ chì\n")
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line}:11: Nhiệm vụ III.3.1, vai trò: giá trị 'chủ chì' không hợp lệ; chỉ "
        "chấp nhận 'chủ trì' hoặc 'phối hợp'."
    )


def test_a_misspelled_partner_name_gets_a_suggestion(plan_copy: Path) -> None:
    line = edit(plan_copy, FIRST_TASK, FIRST_TASK + "    partners: [Ban Tuyên giáo Tỉnh uỷ x]\n")
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line + 1}:16: Nhiệm vụ III.3.1: cơ quan phối hợp 'Ban Tuyên giáo Tỉnh uỷ x' "
        "không có trong danh mục cơ quan (bodies.yaml). Có phải ý bạn là 'Ban Tuyên giáo Tỉnh "
        "ủy'?"
    )


def test_unclosed_quote_is_reported_where_it_opens(plan_copy: Path) -> None:
    line = edit(plan_copy, "    deadline: thực hiện trong tháng 8 năm 2018\n",
                '    deadline: "thực hiện trong tháng 8 năm 2018\n')  # fmt: skip
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f'{TASKS}:{line}:15: Lỗi cú pháp YAML: dấu nháy kép (") mở chuỗi ở đây không được '
        "đóng, nên bộ đọc đọc chuỗi tới hết tệp. Hãy thêm dấu nháy đóng ở cuối giá trị (hoặc "
        "bỏ dấu nháy mở)."
    )


def test_quote_closed_lines_later_is_blamed_where_it_opens(tmp_path: Path) -> None:
    from kehoach.loading.yamlfile import load_yaml

    path = tmp_path / "f.yaml"
    path.write_text('a: 1\nb: "abc\nc: 2\nd: 3\ne: "x"\nf: 5\n', "utf-8")
    result = load_yaml(path, "f.yaml")
    assert [p.render() for p in result.problems] == [
        "f.yaml:2:4: Lỗi cú pháp YAML: chuỗi trong dấu nháy mở ở đây kéo dài tới dòng 5 (thiếu "
        "dấu nháy đóng?); bộ đọc gặp lỗi ở dòng 5, cột 5: thụt lề không đúng hoặc thiếu khóa."
    ]


def test_missing_colon_is_reported_at_its_line(plan_copy: Path) -> None:
    line = edit(plan_copy, "    role: chủ trì\n", "    role chủ trì\n")
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == f"{TASKS}:{line}:5: Lỗi cú pháp YAML: thiếu dấu ':' sau khóa."


def test_mapping_value_not_allowed_is_translated(plan_copy: Path) -> None:
    line = edit(plan_copy, "    role: chủ trì\n", "    role: chủ trì: phối hợp\n")
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line}:18: Lỗi cú pháp YAML: giá trị của 'role' có dấu ':' theo sau là dấu "
        "cách, nên YAML hiểu đây là một khóa mới. Hãy đặt cả giá trị trong dấu nháy: "
        'role: "chủ trì: phối hợp"'
    )


# The common hand-editing mistakes: the cause named at its own line and column.
SYNTAX_CAUSES = [
    pytest.param(
        "    role: chủ trì\n",
        "    role: 'chủ trì\n",
        0,
        11,
        "Lỗi cú pháp YAML: dấu nháy đơn (') mở chuỗi ở đây không được đóng, nên bộ đọc đọc "
        "chuỗi tới hết tệp. Hãy thêm dấu nháy đóng ở cuối giá trị (hoặc bỏ dấu nháy mở).",
        id="unclosed-single-quote",
    ),
    pytest.param(
        "    role: chủ trì\n",
        '    role: "Ban" Tổ chức chủ trì\n',
        0,
        11,
        "Lỗi cú pháp YAML: giá trị của 'role' mở đầu bằng dấu nháy kép (\") nên kết thúc ở "
        "dấu nháy đóng (cột 15), nhưng sau đó vẫn còn chữ. Hãy đặt cả giá trị trong dấu nháy "
        "đơn: '\"Ban\" Tổ chức chủ trì' (trong đó hai dấu nháy đơn liền nhau là một dấu nháy "
        "đơn).",
        id="quote-then-text",
    ),
    pytest.param(
        "    role: chủ trì\n",
        "    role: chủ trì\n\tstatus: hoàn thành\n",
        1,
        1,
        "Lỗi cú pháp YAML: dòng này thụt lề bằng ký tự tab; YAML chỉ cho thụt lề bằng dấu "
        "cách. Hãy thay tab bằng dấu cách.",
        id="tab-indent",
    ),
    pytest.param(
        "    role: chủ trì\n",
        "    role:chủ trì\n",
        0,
        9,
        "Lỗi cú pháp YAML: thiếu dấu cách sau dấu ':' của khóa 'role', nên YAML không đọc "
        "được đây là 'khóa: giá trị'. Hãy viết role: chủ trì",
        id="no-space-after-colon",
    ),
    pytest.param(
        "    status: chưa thực hiện\n    source: {section: III.3, item: 1, line: 100}\n",
        "    status: chưa thực hiện\n    - id: III.3.1a\n",
        1,
        5,
        "Lỗi cú pháp YAML: dấu '-' của phần tử danh sách ở cột 5 không thẳng với dấu '-' của "
        "phần tử trước (dòng 7, cột 3). Các phần tử của một danh sách phải thụt lề bằng nhau; "
        "hãy thụt lề dòng này như dòng 7.",
        id="stray-dash",
    ),
]


@pytest.mark.parametrize(("old", "new", "down", "col", "message"), SYNTAX_CAUSES)
def test_syntax_error_names_its_likely_cause(
    plan_copy: Path, old: str, new: str, down: int, col: int, message: str
) -> None:
    line = edit(plan_copy, old, new) + down
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == f"{TASKS}:{line}:{col}: {message}"


def test_bad_unicode_escape_is_translated(plan_copy: Path) -> None:
    line = edit(plan_copy, "    role: chủ trì\n", '    role: "chủ tr\\uZZì"\n')
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line}:20: Lỗi cú pháp YAML: mã thoát \\x, \\u hoặc \\U không đúng (thiếu "
        "chữ số hệ 16)."
    )


def test_too_long_line(plan_copy: Path) -> None:
    line = edit(
        plan_copy, "    role: chủ trì\n", "    role: chủ trì\n    # " + "x" * 100_001 + "\n"
    )
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line + 1}:100001: Dòng {line + 1} quá dài (100007 ký tự; tối đa 100000)."
    )


def test_duplicate_key_refusal_names_the_key(plan_copy: Path) -> None:
    line = edit(
        plan_copy, "    role: chủ trì\n", "    role: chủ trì\n    history: []\n    history: []\n"
    )
    before = snapshot(plan_copy)
    result = run(
        "update", "III.3.1", "--plan", str(plan_copy), "--status", "hoàn thành",
        "--date", "2018-08-20", "--as-of", "2018-09-01",
    )  # fmt: skip
    assert result.exit_code == 1
    assert (
        result.stderr.strip().split("\n")[-1]
        == (
            f"Không sửa được {TASKS}: khóa 'history' bị lặp lại (dòng {line + 1} và dòng "
            f"{line + 2}); hãy xóa một trong hai rồi chạy lại. Tệp không bị thay đổi."
        )
        or f"khóa 'history' bị lặp lại (dòng {line + 1} và dòng {line + 2})" in result.stderr
    )
    assert snapshot(plan_copy) == before


def test_utf16_document_without_byte_order_mark_is_named(tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_bytes("KẾ HOẠCH\nthực hiện Nghị quyết\n".encode("utf-16-le"))
    result = run("import", str(source), "--out", str(tmp_path / "ra"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Tệp 'ke-hoach.txt' dùng bảng mã UTF-16; hãy lưu lại với bảng mã UTF-8 "
        "(Excel: Lưu thành 'CSV UTF-8')."
    )
    assert "Windows-1258" not in result.stderr
    assert not (tmp_path / "ra").exists()


def test_permission_denied_is_vietnamese(plan_copy: Path) -> None:
    from kehoach.messages import os_reason

    assert os_reason(PermissionError(13, "Permission denied")) == "không có quyền truy cập"
    assert os_reason(OSError(99999, "Something")) == "lỗi hệ điều hành 99999"


def test_utf16_task_file_is_named_not_sent_to_windows_1258(plan_copy: Path) -> None:
    path = plan_copy / TASKS
    path.write_bytes(path.read_text("utf-8").encode("utf-16"))  # with its byte order mark
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:1:1: Tệp được mã hóa UTF-16, không phải UTF-8. Hãy mở tệp và lưu lại với mã "
        "hóa UTF-8."
    )
    assert "Windows-1258" not in result.stdout


def test_entry_problems_have_no_zero_position(plan_copy: Path) -> None:
    (plan_copy / "tasks" / "ghi-chu.txt").write_text("ghi chú", "utf-8")
    before = snapshot(plan_copy)
    for fmt in ("text", "github"):
        result = run("validate", str(plan_copy), "--format", fmt, "--as-of", "2019-06-30")
        assert result.exit_code == 1
        assert ":0" not in result.stdout and "line=0" not in result.stdout, result.stdout
    [shown] = [line for line in result.stdout.splitlines() if "ghi-chu.txt" in line]
    assert shown.startswith(f"::error file={plan_copy}/tasks/ghi-chu.txt::Không phải tệp .yaml")
    assert snapshot(plan_copy) == before


def test_damaged_word_file_gives_a_reason_not_a_class_name(tmp_path: Path) -> None:
    import zipfile

    import docx

    good = tmp_path / "good.docx"
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH thực hiện Nghị quyết")
    document.save(str(good))
    bad = tmp_path / "hong.docx"
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(bad, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            new.writestr(
                info, b"<w:document><w:body" if info.filename.endswith("document.xml") else data
            )
    kept = bad.read_bytes()
    result = run("import", str(bad), "--out", str(tmp_path / "ra"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "Không đọc được tệp 'hong.docx': tệp hỏng hoặc không phải văn bản Word (nội dung XML "
        "bên trong bị lỗi). Hãy mở bằng Word và lưu lại thành .docx."
    )
    assert not (tmp_path / "ra").exists() and bad.read_bytes() == kept


def test_out_of_memory_is_a_message_not_a_class_name(capsys: pytest.CaptureFixture[str]) -> None:
    import typer

    from kehoach.cli.common import handled

    with pytest.raises(typer.Exit) as exited, handled():
        raise MemoryError
    assert exited.value.exit_code == 2
    assert capsys.readouterr().err.strip() == (
        "Không đủ bộ nhớ để chạy lệnh này; hãy đóng bớt chương trình rồi chạy lại."
    )


def test_a_deadline_rule_place_is_named_in_words(plan_copy: Path) -> None:
    rule = "    deadline_rule: {kind: recurring, every: year, anchors: [{day: 5}, {month: 3}]}\n"
    old = "    deadline: thực hiện trong tháng 8 năm 2018\n"
    line = edit(plan_copy, old, old + rule) + 1
    result, lines = validate_lines(plan_copy)
    assert result.exit_code == 1
    assert lines[0] == (
        f"{TASKS}:{line}:20: Nhiệm vụ III.3.1: Quy tắc thời hạn, ngày chốt thứ 1: cần 'month' "
        "(tháng của ngày chốt)."
    )
