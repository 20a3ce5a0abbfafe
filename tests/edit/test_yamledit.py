"""The splice editor on its own: layouts the shipped plan does not use, and any text."""

from __future__ import annotations

import datetime as dt
import difflib

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kehoach.edit.errors import EditError
from kehoach.edit.yamledit import YamlEditor

TASKS = """\
body: x  # cơ quan
tasks:
    - id: A   # bốn dấu cách trước '-'
      title: 'Một'
      status: 'chưa thực hiện'
      history: [{date: 2018-07-01, status: chưa thực hiện}]
    - id: B
      title: Hai
      history:
      source: {section: III.1}
"""


def removed_lines(old: str, new: str) -> list[str]:
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    return [line[1:] for line in list(diff)[2:] if line.startswith("-")]


def test_no_edit_gives_the_same_text() -> None:
    assert YamlEditor(TASKS, "t.yaml").result() == TASKS


def test_quoting_style_of_the_replaced_value_is_kept() -> None:
    editor = YamlEditor(TASKS, "t.yaml")
    editor.set_value(("tasks", 0), "status", "hoàn thành")
    new = editor.result()
    assert "      status: 'hoàn thành'\n" in new
    assert removed_lines(TASKS, new) == ["      status: 'chưa thực hiện'"]


def test_flow_history_with_entries_becomes_a_block_list() -> None:
    editor = YamlEditor(TASKS, "t.yaml")
    editor.add_item(("tasks", 0), "history", [("date", dt.date(2018, 8, 1)), ("status", "xong")])
    new = editor.result()
    assert yaml.safe_load(new)["tasks"][0]["history"] == [
        {"date": dt.date(2018, 7, 1), "status": "chưa thực hiện"},
        {"date": dt.date(2018, 8, 1), "status": "xong"},
    ]
    assert removed_lines(TASKS, new) == [
        "      history: [{date: 2018-07-01, status: chưa thực hiện}]"
    ]


def test_empty_history_key_gets_a_block_list_in_the_file_style() -> None:
    editor = YamlEditor(TASKS, "t.yaml")
    editor.add_item(("tasks", 1), "history", [("date", dt.date(2018, 8, 1)), ("status", "x")])
    new = editor.result()
    # This file puts '-' four columns under its key and the content two after it.
    assert "      history:\n          - date: 2018-08-01\n            status: x\n" in new
    assert removed_lines(TASKS, new) == []


def test_insertion_at_the_end_of_a_file_without_final_newline() -> None:
    text = "events:\n  - id: e\n    description: Sự kiện"
    editor = YamlEditor(text, "e.yaml")
    editor.set_value(("events", 0), "occurred", dt.date(2019, 5, 30))
    assert editor.result() == text + "\n    occurred: 2019-05-30"


def test_values_the_yaml_1_1_loader_would_misread_are_quoted() -> None:
    editor = YamlEditor(TASKS, "t.yaml")
    item = [
        ("date", dt.date(2018, 8, 1)),
        ("status", "x"),
        ("note", "yes"),
        ("evidence", "2019"),
        ("occurrence", "on"),
    ]
    editor.add_item(("tasks", 1), "history", item)
    entry = yaml.safe_load(editor.result())["tasks"][1]["history"][0]
    assert entry == {
        "date": dt.date(2018, 8, 1),
        "status": "x",
        "note": "yes",
        "evidence": "2019",
        "occurrence": "on",
    }


def test_paragraph_added_to_a_literal_block_keeps_its_lines() -> None:
    text = "events:\n  - id: e\n    note: |-\n      dòng 1\n      dòng 2\n    ref: 1-CT/TW\n"
    editor = YamlEditor(text, "e.yaml")
    editor.append_paragraph(("events", 0), "note", "dòng 3\ndòng 4")
    new = editor.result()
    assert removed_lines(text, new) == []
    assert yaml.safe_load(new)["events"][0]["note"] == "dòng 1\ndòng 2\ndòng 3\ndòng 4"


def test_paragraph_after_a_more_indented_folded_line_is_rewritten_correctly() -> None:
    text = "events:\n  - id: e\n    note: >-\n      đầu\n        thụt vào\n"
    editor = YamlEditor(text, "e.yaml")
    editor.append_paragraph(("events", 0), "note", "mới")
    new = editor.result()
    assert yaml.safe_load(new)["events"][0]["note"] == "đầu\n  thụt vào\nmới"


def test_a_task_written_as_a_flow_mapping_is_refused() -> None:
    text = "body: x\ntasks:\n  - {id: A, title: Một}\n"
    editor = YamlEditor(text, "t.yaml")
    with pytest.raises(EditError, match="dạng khối"):
        editor.set_value(("tasks", 0), "status", "hoàn thành")


def test_unparsable_text_is_refused() -> None:
    with pytest.raises(EditError, match="Không đọc được"):
        YamlEditor("a: [\n", "t.yaml")


# Any text a user may type as a note or evidence, line breaks and YAML syntax included.
NOTES = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\x00"),
    min_size=1,
    max_size=60,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=NOTES, evidence=NOTES)
@example(note="0", evidence="\x85")  # NEL: a line break to YAML 1.1, must be escaped
@example(note="a\u2028b: c", evidence="x\r\ny #z")
def test_any_note_reads_back_exactly_and_only_adds_lines(note: str, evidence: str) -> None:
    editor = YamlEditor(TASKS, "t.yaml")
    editor.add_item(
        ("tasks", 1),
        "history",
        [("date", dt.date(2018, 8, 1)), ("status", "x"), ("note", note), ("evidence", evidence)],
    )
    new = editor.result()
    entry = yaml.safe_load(new)["tasks"][1]["history"][0]
    assert entry["note"] == note and entry["evidence"] == evidence
    assert removed_lines(TASKS, new) == []


@pytest.mark.parametrize("empty", ["", " ~", " null", " Null  # chưa có"])
def test_every_spelling_of_an_empty_value_is_replaced_in_place(empty: str) -> None:
    text = f"events:\n  - id: e\n    occurred:{empty}\n    note: x\n"
    editor = YamlEditor(text, "e.yaml")
    editor.set_value(("events", 0), "occurred", dt.date(2019, 5, 30))
    comment = empty[empty.index("  #") :] if "#" in empty else ""
    assert (
        editor.result() == f"events:\n  - id: e\n    occurred: 2019-05-30{comment}\n    note: x\n"
    )
