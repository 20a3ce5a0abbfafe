"""The safe loader: one small fixture per kind of bad input, asserting message and position."""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.loading.positions import PosDict, locate
from kehoach.loading.yamlfile import MAX_NODES, load_yaml

Write = Callable[[str, str | bytes], Path]


def only_problem(path: Path) -> tuple[int, int, str, str]:
    result = load_yaml(path, "f.yaml")
    assert result.data is None or result.problems
    assert len(result.problems) == 1, result.problems
    p = result.problems[0]
    return p.line, p.col, p.message, p.code


def test_good_file_keeps_positions(write: Write) -> None:
    path = write("f.yaml", "body: a\ntasks:\n  - id: x\n    title: Tiêu đề\n")
    result = load_yaml(path)
    assert result.problems == []
    assert isinstance(result.data, PosDict)
    assert result.data["tasks"][0]["title"] == "Tiêu đề"
    assert locate(result.data, ("tasks", 0, "title")) == (4, 12)
    assert locate(result.data, ("tasks", 0, "title"), key=True) == (4, 5)
    assert locate(result.data, ("tasks", 0, "missing")) == (3, 5)


def test_syntax_error_has_position(write: Write) -> None:
    line, _col, message, _ = only_problem(write("f.yaml", "body: a\ntasks: [1, 2\nx: 1\n"))
    assert message.startswith("Lỗi cú pháp YAML")
    assert line == 3


def test_tab_indentation_is_explained(write: Write) -> None:
    line, _, message, _ = only_problem(write("f.yaml", "body: a\ntasks:\n\t- id: x\n"))
    assert line == 3
    assert "tab" in message


def test_duplicate_key_is_rejected(write: Write) -> None:
    result = load_yaml(write("f.yaml", "body: a\ntitle: x\nbody: b\n"), "f.yaml")
    assert [p.render() for p in result.problems] == [
        "f.yaml:3:1: Khóa 'body' bị lặp lại (đã có ở dòng 1); YAML chỉ giữ một giá trị."
    ]


def test_python_tag_is_rejected(write: Write) -> None:
    line, col, message, code = only_problem(
        write("f.yaml", "body: !!python/object/apply:os.system ['echo hi']\n")
    )
    assert (line, col, code) == (1, 7, "tag")
    assert "không được phép" in message


@pytest.mark.parametrize(
    "text", ["a: &x {b: 1}\nc:\n  <<: *x\n", "c:\n  <<: {b: 1}\n", "c:\n  ? <<\n  : 1\n"]
)
def test_merge_key_is_named(write: Write, text: str) -> None:
    """Not "a key must be a simple string": '<<' is one, to whoever wrote it."""
    line, col, message, code = only_problem(write("f.yaml", text))
    assert (line, code) == (text.count("\n", 0, text.index("<<")) + 1, "merge-key")
    assert col == text.index("<<") - text.rfind("\n", 0, text.index("<<"))
    assert message == (
        "Khóa gộp '<<' của YAML không được dùng trong tệp kế hoạch; hãy viết ra từng khóa của nó."
    )


def test_impossible_date(write: Write) -> None:
    line, col, message, _ = only_problem(write("f.yaml", "a: 1\nngay: 2018-02-30\n"))
    assert (line, col) == (2, 7)
    assert message == "Ngày '2018-02-30' không tồn tại trong lịch."


def test_windows_1258_file_is_named(write: Write) -> None:
    # Windows-1258 spells "Tổ chức" with combining tone marks: ô + hook, ư + acute.
    exported = "body: a\ntitle: Ban T\u00f4\u0309 ch\u01b0\u0301c\n".encode("cp1258")
    path = write("f.yaml", exported)
    line, _col, message, code = only_problem(path)
    assert code == "encoding"
    assert line == 2
    assert "không phải UTF-8" in message and "Windows-1258" in message


def test_utf16_file_is_named(write: Write) -> None:
    path = write("f.yaml", codecs.BOM_UTF16_LE + "body: a\n".encode("utf-16-le"))
    _, _, message, code = only_problem(path)
    assert code == "encoding"
    assert "UTF-16" in message


def test_utf8_bom_is_accepted(write: Write) -> None:
    result = load_yaml(write("f.yaml", codecs.BOM_UTF8 + "body: Tỉnh ủy\n".encode()))
    assert result.problems == []
    assert result.data == {"body": "Tỉnh ủy"}


def test_nfd_text_becomes_nfc(write: Write) -> None:
    nfd = unicodedata.normalize("NFD", "title: Thực hiện thường xuyên\n")
    result = load_yaml(write("f.yaml", nfd))
    assert result.data["title"] == unicodedata.normalize("NFC", "Thực hiện thường xuyên")
    assert unicodedata.is_normalized("NFC", result.data["title"])


def test_merge_conflict_markers(write: Write) -> None:
    text = "body: a\n<<<<<<< HEAD\nstatus: hoàn thành\n=======\nstatus: đang thực hiện\n>>>>>>> x\n"
    result = load_yaml(write("f.yaml", text), "f.yaml")
    assert [(p.line, p.code) for p in result.problems] == [
        (2, "merge-conflict"),
        (4, "merge-conflict"),
        (6, "merge-conflict"),
    ]
    assert "xung đột" in result.problems[0].message


def test_alias_bomb_is_refused_quickly(write: Write) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    _, _, message, code = only_problem(write("f.yaml", "\n".join(lines) + "\n"))
    assert code == "too-many-nodes"
    assert "alias" in message
    assert MAX_NODES < 10**9


def test_recursive_alias_is_refused(write: Write) -> None:
    _, _, message, _ = only_problem(write("f.yaml", "a: &a [*a]\n"))
    assert "quá sâu" in message


def test_deep_nesting_is_refused(write: Write) -> None:
    _, _, message, _ = only_problem(write("f.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n"))
    assert "quá sâu" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "Tệp rỗng: không có dữ liệu."),
        ("# chỉ có chú thích\n", "Tệp rỗng: không có dữ liệu."),
        ("- a\n- b\n", "một danh sách"),
        ("chỉ một dòng chữ\n", "một chuỗi văn bản"),
    ],
)
def test_empty_or_not_a_mapping(write: Write, content: str, expected: str) -> None:
    _, _, message, _ = only_problem(write("f.yaml", content))
    assert expected in message


def test_huge_file_is_refused(write: Write, monkeypatch: pytest.MonkeyPatch) -> None:
    import kehoach.loading.yamlfile as yamlfile

    monkeypatch.setattr(yamlfile, "MAX_BYTES", 100)
    _, _, message, code = only_problem(write("f.yaml", "a: " + "x" * 200 + "\n"))
    assert code == "too-large"
    assert "quá lớn" in message


def test_multiple_documents_are_refused(write: Write) -> None:
    _, _, message, _ = only_problem(write("f.yaml", "a: 1\n---\nb: 2\n"))
    assert "một tài liệu" in message


# -- the unsafe-character search on a file's bytes ------------------------------------------


def _encodable(code: int) -> bool:
    return not 0xD800 <= code <= 0xDFFF  # lone surrogates are not UTF-8


@pytest.mark.parametrize("context", ["{}", "a{}b", "Tiêu đề “{}” – {}\n"])
def test_bytes_check_agrees_with_the_text_search_on_every_character(context: str) -> None:
    """Every character of the first three planes, alone and among Vietnamese text:
    utf8_is_safe of the bytes says what first_unsafe of the text says."""
    from kehoach.loading.yamlfile import utf8_is_safe
    from kehoach.text import first_unsafe

    wrong = []
    for code in range(0x30000):
        if not _encodable(code):
            continue
        text = context.replace("{}", chr(code))
        if utf8_is_safe(text.encode("utf-8")) != (first_unsafe(text) < 0):
            wrong.append(f"U+{code:04X}")
    assert wrong == []


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.sampled_from(
            "ab \t\n\r\x00\x1b\x7f\x80\x9b\x9f\xa0\xc2\u061c\u200b\u200e\u200f\u2013\u201c"
            "\u202a\u202e\u2066\u2069\u2070ếđ"
        ),
        max_size=12,
    )
)
def test_bytes_check_agrees_with_the_text_search(text: str) -> None:
    from kehoach.loading.yamlfile import utf8_is_safe
    from kehoach.text import first_unsafe

    assert utf8_is_safe(text.encode("utf-8")) == (first_unsafe(text) < 0)


def test_control_character_in_a_file_read_from_bytes_is_reported(write: Write) -> None:
    """load_yaml on bytes takes the bytes check: the problem is still found and placed."""
    data = "body: a\ntitle: Tiêu\u202e đề\n".encode()
    path = write("f.yaml", data)
    result = load_yaml(path, "f.yaml", data)
    assert [(p.code, p.line, p.col) for p in result.problems] == [("control-char", 2, 12)]
    assert result.problems == load_yaml(path, "f.yaml").problems


def _yaml_printable(code: int) -> bool:
    """YAML's c-printable: what the reader accepts (libyaml and the pure parser alike)."""
    return (
        code in (0x09, 0x0A, 0x0D, 0x85)
        or 0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@pytest.mark.parametrize("context", ["{}", "a{}b", "Tiêu đề “{}” – {}\n", "\r{}\r\n"])
def test_printable_bytes_check_agrees_with_the_text_search(context: str) -> None:
    """For a text the YAML reader accepts, the check without the one-byte control search
    (printable=True) still says what first_unsafe says, for every character it accepts."""
    from kehoach.loading.yamlfile import utf8_is_safe
    from kehoach.text import first_unsafe

    wrong = []
    for code in range(0x30000):
        if not _encodable(code) or not _yaml_printable(code):
            continue
        text = context.replace("{}", chr(code))
        if utf8_is_safe(text.encode("utf-8"), printable=True) != (first_unsafe(text) < 0):
            wrong.append(f"U+{code:04X}")
    assert wrong == []


def test_the_reader_refuses_every_control_the_printable_check_skips() -> None:
    """What printable=True leaves unsearched (C0 controls but tab, LF and CR; DEL; C1 but
    U+0085) never reaches it: the parser refuses a file holding one, even in a comment at
    the very end, given bytes or text."""
    from kehoach.loading.yamlfile import parse_yaml_text

    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]:
        if code in (0x09, 0x0A, 0x0D, 0x85):
            continue
        text = f"a: 1\n# ghi chú {chr(code)}"
        for source in (None, text.encode("utf-8")):
            result = parse_yaml_text(text, "t.yaml", source=source, raw=text.encode("utf-8"))
            assert result.data is None, hex(code)
            assert [p.line for p in result.problems] == [2], hex(code)
