"""The message registry: every template Vietnamese, no English word, no Python repr,
and every code the source asks for is in it."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from kehoach.messages import MESSAGES, OS_REASONS, YAML_PROBLEMS, msg, or_list, yaml_problem
from kehoach.model.messages import FIELD_LABELS

SRC = Path(__file__).resolve().parents[1] / "src" / "kehoach"

# Common English words of error texts (whole words, any case). kehoach's own words that
# are English in form are allowed where they name something the user types or reads
# elsewhere: YAML, UTF-8, symlink, FIFO, socket, merge conflict, alias, anchor, tab …
ENGLISH = {
    "the",
    "is",
    "are",
    "not",
    "no",
    "or",
    "and",
    "of",
    "in",
    "to",
    "for",
    "with",
    "file",
    "error",
    "errors",
    "invalid",
    "found",
    "expected",
    "could",
    "cannot",
    "can",
    "did",
    "find",
    "allowed",
    "here",
    "this",
    "that",
    "while",
    "parsing",
    "scanning",
    "value",
    "values",
    "key",
    "keys",
    "missing",
    "permission",
    "denied",
    "space",
    "left",
    "device",
    "read",
    "only",
    "too",
    "large",
    "unknown",
    "character",
    "characters",
    "line",
    "column",
    "type",
    "must",
    "be",
    "should",
    "field",
    "required",
    "input",
    "none",
    "true",
    "false",
    "failed",
    "unable",
    "directory",
    "such",
}
ALLOWED = {
    "yaml",
    "utf",
    "symlink",
    "fifo",
    "socket",
    "merge",
    "conflict",
    "alias",
    "bomb",
    "anchor",
    "tab",
    "kehoach",
    "pyyaml",
    "libyaml",
    "mb",
    "bs",
    "esc",
    "bel",
    "cr",
    "nul",
    "del",
    "csi",
    "osc",
    "dcs",
    "rlo",
    "lro",
    "rli",
    "windows",
    "tcvn",
    "mapping",
    "plan",
    "bodies",
    "events",
    "tasks",
    "validate",
    "x",
    "u",
}
REPRS = re.compile(r"datetime\.|\{'[^']*': |<class|None\b|True\b|False\b|Error\b|Exception\b")
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")


def _words(template: str) -> list[str]:
    text = re.sub(r"\{[a-z_]+\}", " ", template)  # fields are the user's values
    text = re.sub(r"'[^']*'", " ", text)  # quoted examples: names the user types
    text = re.sub(r"[\\/.][A-Za-z_]+", " ", text)  # paths, suffixes and escapes (\u, .yaml)
    return [w for w in re.findall(r"[^\W\d_]+", text) if w.isascii()]


ALL = {
    **{f"message {k}": v for k, v in MESSAGES.items()},
    **{f"os {k}": v for k, v in OS_REASONS.items()},
    **{f"yaml {k}": v for k, v in YAML_PROBLEMS.items()},
    **{f"field {k}": v for k, v in FIELD_LABELS.items()},
}


@pytest.mark.parametrize("name", sorted(ALL))
def test_template_is_vietnamese(name: str) -> None:
    template = ALL[name]
    english = [w for w in _words(template) if w.casefold() in ENGLISH - ALLOWED]
    assert not english, (name, template, english)
    assert not REPRS.search(template), (name, template)
    if len(_words(template)) >= 3:  # a sentence, not a symbol: it must carry diacritics
        assert VIETNAMESE.search(template.casefold()), (name, template)


def test_the_registry_test_catches_english() -> None:
    assert [w for w in _words("could not find expected ':'") if w in ENGLISH] == [
        "could",
        "not",
        "find",
        "expected",
    ]
    assert REPRS.search("giá trị datetime.date(2018, 12, 31)")
    assert REPRS.search("giá trị False")
    assert REPRS.search("cần một chuỗi, không phải {'section': 'III'}")


def test_every_code_asked_for_is_registered() -> None:
    asked: set[str] = set()
    for path in SRC.rglob("*.py"):
        source = path.read_text("utf-8")
        asked.update(re.findall(r"\b(?:msg|text|message_text)\(\s*\"([a-z0-9-]+)\"", source))
    assert asked, "no code found: the pattern is wrong"
    assert sorted(asked - set(MESSAGES)) == []


def test_every_template_formats_with_its_fields() -> None:
    for code, template in MESSAGES.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(template) if name}
        assert msg(code, **{name: "x" for name in fields}).text


def test_end_of_an_allowed_list_is_vietnamese() -> None:
    assert or_list(["chưa thực hiện", "hoàn thành", "dừng thực hiện"]) == (
        "'chưa thực hiện', 'hoàn thành' hoặc 'dừng thực hiện'"
    )


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("found invalid Unicode character escape code", "mã thoát Unicode (\\u…) không hợp lệ"),
        ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
        ("mapping values are not allowed in this context", "dấu ':' không được phép ở đây"),
        ("mapping values are not allowed here", "dấu ':' không được phép ở đây"),
        ("found character that cannot start any token", "ký tự không được đứng đầu giá trị"),
        ("did not find expected key", "thụt lề không đúng hoặc thiếu khóa"),
        ("found undefined alias", "alias (*…) chưa được định nghĩa"),
        ("something libyaml says one day", "cú pháp không đúng"),
    ],
)
def test_parser_texts_are_translated(english: str, vietnamese: str) -> None:
    assert yaml_problem(english).startswith(vietnamese)
