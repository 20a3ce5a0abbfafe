"""The likely cause of a YAML syntax error, at the line and column of the cause (not where
libyaml gave up), and never libyaml's English."""

from __future__ import annotations

import pytest

from kehoach.loading.yamlfile import parse_yaml_text

HEAD = "body: btg\ntasks:\n  - id: I.1\n"


@pytest.mark.parametrize(
    ("text", "line", "col", "words"),
    [
        pytest.param(
            HEAD + '    title: "Tuyên truyền\n    status: chưa thực hiện\n  - id: I.2\n',
            4,
            12,
            'dấu nháy kép (") mở chuỗi ở đây không được đóng',
            id="unclosed-double-quote",
        ),
        pytest.param(
            HEAD + "    title: 'Tuyên truyền\n",
            4,
            12,
            "dấu nháy đơn (') mở chuỗi ở đây không được đóng",
            id="unclosed-quote-at-end",
        ),
        pytest.param(
            HEAD + '    note: "Ban" Tuyên giáo chủ trì\n',
            4,
            11,
            "giá trị của 'note' mở đầu bằng dấu nháy kép (\") nên kết thúc ở dấu nháy đóng "
            "(cột 15)",
            id="text-after-quote",
        ),
        pytest.param(
            HEAD + "    title: Chỉ thị: tăng cường\n",
            4,
            19,
            'Hãy đặt cả giá trị trong dấu nháy: title: "Chỉ thị: tăng cường"',
            id="colon-in-value",
        ),
        pytest.param(
            HEAD + "\ttitle: Tuyên truyền\n",
            4,
            1,
            "thụt lề bằng ký tự tab",
            id="tab",
        ),
        pytest.param(
            HEAD + "    title: Tuyên truyền\n  \t  status: chưa thực hiện\n",
            5,
            3,
            "thụt lề bằng ký tự tab",
            id="tab-after-spaces",
        ),
        pytest.param(
            HEAD + "    title:Tuyên truyền\n    status: chưa thực hiện\n",
            4,
            10,
            "thiếu dấu cách sau dấu ':' của khóa 'title'",
            id="no-space-after-colon",
        ),
        pytest.param(
            "body:btg\ntasks:\n  - id: I.1\n",
            1,
            5,
            "thiếu dấu cách sau dấu ':' của khóa 'body'",
            id="no-space-on-the-first-line",
        ),
        pytest.param(
            HEAD + "    title: Tuyên truyền\n    - id: I.2\n",
            5,
            5,
            "dấu '-' của phần tử danh sách ở cột 5 không thẳng với dấu '-' của phần tử trước "
            "(dòng 3, cột 3)",
            id="dash-under-a-key",
        ),
        pytest.param(
            HEAD + "    title: Tuyên truyền\n      - id: I.2\n",
            5,
            7,
            "dấu '-' của phần tử danh sách ở cột 7",
            id="dash-deeper-than-a-key",
        ),
        pytest.param(
            "body: btg\ntasks:\n    - id: I.1\n      title: Tuyên truyền\n  - id: I.2\n",
            5,
            3,
            "(dòng 3, cột 5)",
            id="dash-shallower-than-the-list",
        ),
    ],
)
def test_the_cause_is_named_where_it_is(text: str, line: int, col: int, words: str) -> None:
    result = parse_yaml_text(text, "tasks/x.yaml")
    assert result.data is None
    [problem] = result.problems
    assert (problem.line, problem.col, problem.code) == (line, col, "invalid")
    assert problem.message.startswith("Lỗi cú pháp YAML: ")
    assert words in problem.message
    assert not any(w in problem.message for w in ("found", "expected", "mapping", "while"))


def test_valid_quotes_and_colons_are_not_errors() -> None:
    text = HEAD + '    title: Tuyên truyền "Nghị quyết" số 26\n    note: "a: b"\n'
    result = parse_yaml_text(text, "tasks/x.yaml")
    assert result.problems == []
    assert result.data is not None
