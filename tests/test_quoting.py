"""What kehoach writes reads back as the same text in YAML 1.1 (PyYAML) and 1.2 (ruamel,
the VS Code extension's rules): every scalar either would type is written in quotes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from kehoach.edit.yamledit import render_mapping
from kehoach.yamlscalar import needs_quotes


def _yaml12(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


def _types_it(value: str) -> bool:
    """Some reader would read *value*, written plain, as something else. (Text that is not
    a plain scalar at all, like ':', is the emitters' business: they quote it.)"""
    try:
        one = yaml.safe_load(f"k: {value}\n")
        two = _yaml12(f"k: {value}\n")
    except Exception:
        return False
    return not (isinstance(one, dict) and one.get("k") == value) or not (
        isinstance(two, dict) and two.get("k") == value
    )


TYPED = [
    "0o17",
    "0x1F",
    "0b1",
    "017",
    "1_000",
    "1:20",
    "12:30:00",
    "1.10",
    "1e3",
    ".5",
    "-1",
    "+1",
    ".inf",
    "-.Inf",
    ".NaN",
    "~",
    "null",
    "Null",
    "NULL",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "Y",
    "N",
    "true",
    "False",
    "2018-08-20",
    "2018-8-2",
    "2001-12-14t21:59:43.10-05:00",
    "<<",
    "=",
    "",
    " x",
    "0",
    "00",
    "1,000",
    "100%",
    "._0",  # YAML 1.1: a float whose fraction is an underscore and a digit
    "-_0",
]


@pytest.mark.parametrize("value", TYPED)
def test_typed_scalars_are_quoted(value: str) -> None:
    if _types_it(value):
        assert needs_quotes(value), value


@pytest.mark.parametrize("value", ["III.3.1", "2019-Q3", "2019-H1", "hoàn thành", "35-CT/TW"])
def test_text_stays_plain(value: str) -> None:
    assert not needs_quotes(value)
    assert render_mapping([("note", value)]) == [f"note: {value}"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("0123456789._:-+eExXoObBaAfFinINyYsS~ "), max_size=10))
def test_whatever_a_reader_types_is_quoted(value: str) -> None:
    if _types_it(value):
        assert needs_quotes(value), value
    text = "\n".join(render_mapping([("k", value)])) + "\n"
    assert yaml.safe_load(text) == {"k": value}
    assert _yaml12(text) == {"k": value}


@pytest.mark.parametrize("value", ["0o17", "0x1F", "no", "1:20", "1.10", "2019-01-01", "~"])
def test_edit_writes_them_quoted(value: str) -> None:
    lines = render_mapping([("note", value)])
    text = "\n".join(lines) + "\n"
    assert yaml.safe_load(text) == {"note": value}
    assert _yaml12(text) == {"note": value}


def test_update_note_reads_back_as_text_in_both_versions(plan_copy: Path) -> None:
    from typer.testing import CliRunner

    from kehoach.cli.app import app

    args = ["update", "III.3.1", "--plan", str(plan_copy), "--status", "đang thực hiện"]
    args += ["--date", "2018-08-20", "--note", "0o17", "--as-of", "2018-09-01"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    text = (plan_copy / "tasks" / "ban-to-chuc.yaml").read_text("utf-8")
    assert "note: '0o17'" in text
    data = _yaml12(text)
    notes = [u.get("note") for t in data["tasks"] for u in t.get("history") or []]
    assert "0o17" in notes


def test_import_writes_them_quoted() -> None:
    from kehoach.importer import convert, read_text

    document = "\n".join(
        [
            "KẾ HOẠCH",
            "thực hiện Nghị quyết",
            "I. MỤC ĐÍCH",
            "II. NHIỆM VỤ",
            "1. Ban Tổ chức Tỉnh ủy:",
            "- 0o17",
        ]
    )
    _, files = convert(read_text(document), "kh-thu", "thu.txt")
    for name, text in files.items():
        one, two = yaml.safe_load(text), _yaml12(text)
        assert one == two, name
