"""Positions kept by the loader agree with the nodes PyYAML composes for the same text.

The oracle walks the node graph of the stock ``yaml.SafeLoader`` (the pure-Python
composer, independent of the loader's libyaml path and of how places are stored) and
reads every key's, value's and item's mark."""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.loading.plandir import load_model
from kehoach.loading.positions import PosDict, PosList, locate
from kehoach.loading.yamlfile import load_yaml, parse_yaml_text
from kehoach.model import TaskFile

SHIPPED = Path(__file__).resolve().parents[2] / "plan"


def _oracle(node: yaml.Node) -> Any:
    """(line, col, places, children) of *node* from its marks, 1-based, as the loader
    should report them."""
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    if isinstance(node, yaml.MappingNode):
        places = {}
        children = {}
        for key, value in node.value:
            if key.value in places:
                continue  # a duplicate: the first one is kept
            places[key.value] = (
                key.start_mark.line + 1,
                key.start_mark.column + 1,
                value.start_mark.line + 1,
                value.start_mark.column + 1,
            )
            children[key.value] = _oracle(value)
        return ("map", line, col, places, children)
    if isinstance(node, yaml.SequenceNode):
        items = [(item.start_mark.line + 1, item.start_mark.column + 1) for item in node.value]
        return ("seq", line, col, items, [_oracle(item) for item in node.value])
    return None


def _kept(data: Any) -> Any:
    if isinstance(data, PosDict):
        children = {key: _kept(value) for key, value in data.items()}
        return ("map", data.line, data.col, data.keys_at, children)
    if isinstance(data, PosList):
        return ("seq", data.line, data.col, data.items_at, [_kept(item) for item in data])
    return None


def _check(text: str) -> None:
    result = parse_yaml_text(text, "x.yaml")
    assert result.data is not None, result.problems
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    assert node is not None
    assert _kept(result.data) == _oracle(node)


def test_every_shipped_file_keeps_the_places_of_its_nodes() -> None:
    files = sorted(SHIPPED.rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        _check(path.read_text(encoding="utf-8"))


NESTED = """\
body: a
tasks:
  - id: "1"
    title: >-
      Một nhiệm vụ
      dài hai dòng.
    partners: [b, c,
      d]
    source: {section: I.1, item: 2}
    subtasks:
      - id: "1.1"
        title: |
          Dòng một
          dòng hai
        history:
          - {date: 2019-01-02, status: "đang thực hiện"}
          -   date: 2019-03-04
              note: ghi chú
  - id: '2'
    title:   cách xa
    deadline: ~
    flag: no
    list:
    - x
    -
      - y
      - z
"""


def test_nested_maps_lists_flow_and_block_scalars() -> None:
    _check(NESTED)


def test_duplicate_key_keeps_the_first_place_and_names_its_line(tmp_path: Path) -> None:
    text = "body: a\ntasks:\n  - id: x\n    role: chủ trì\n    title: t\n    role: phối hợp\n"
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_yaml(path, "a.yaml")
    assert [(p.line, p.col) for p in result.problems] == [(6, 5)]
    assert "dòng 4" in result.problems[0].message
    task = result.data["tasks"][0]
    assert task.key_at("role") == (4, 5, 4, 11)
    assert task.key_at("title") == (5, 5, 5, 12)
    assert list(task) == ["id", "role", "title"]


def test_places_of_a_file_read_from_its_bytes_and_of_a_validation_error(tmp_path: Path) -> None:
    text = "body: a\ntasks:\n  - id: x\n    title: t\n    status: không có\n"
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    loaded, problems = load_model(path, TaskFile, None, "a.yaml")
    assert loaded.raw is not None
    assert locate(loaded.raw, ("tasks", 0, "status")) == (5, 13)
    assert locate(loaded.raw, ("tasks", 0, "status"), key=True) == (5, 5)
    assert [(p.line, p.col) for p in problems] == [(5, 13)]


def test_hand_made_containers_have_no_places() -> None:
    made = PosDict(3, 4)
    made["a"] = 1
    assert made.key_at("a") == (0, 0, 0, 0)
    assert made.key_at("b") is None
    listed = PosList(1, 2)
    listed.append("x")
    assert listed.item_at(0) == (0, 0)
    assert (made.line, made.col, listed.line, listed.col) == (3, 4, 1, 2)


_keys = st.text(alphabet="abcdeđươ", min_size=1, max_size=4)
_scalars = st.one_of(
    st.text(alphabet="abc xyzơư", min_size=1, max_size=12).map(str.strip).filter(bool),
    st.integers(-5, 500),
    st.booleans(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4),
        st.dictionaries(_keys, inner, min_size=1, max_size=4),
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("flow", [False, True])
@settings(max_examples=60, deadline=None)
@given(data=st.dictionaries(_keys, _values, min_size=1, max_size=5))
def test_any_document_keeps_the_places_the_composer_gives(flow: bool, data: dict[str, Any]) -> None:
    _check(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, width=30))


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode(),  # read as it is: the parser gets the file's bytes
        lambda text: codecs.BOM_UTF8 + text.encode(),  # the BOM is dropped: the text is parsed
        lambda text: unicodedata.normalize("NFD", text).encode(),  # made NFC: the text
    ],
)
def test_a_file_read_from_bytes_keeps_the_places_of_its_text(
    tmp_path: Path, encode: Callable[[str], bytes]
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(encode(NESTED))
    result = load_yaml(path, "a.yaml", path.read_bytes())
    node = yaml.compose(NESTED, Loader=yaml.SafeLoader)
    assert node is not None and result.data is not None
    assert _kept(result.data) == _oracle(node)
    assert result.data["tasks"][0]["title"] == "Một nhiệm vụ dài hai dòng."


def test_places_past_what_two_bytes_hold() -> None:
    # Files whose lines and columns all fit in two bytes keep them so; the others in four.
    _check("#\n" * 70_000 + "a: 1\nb: [x, {c: y}]\n")
    _check("a: " + "x" * 70_000 + "\nb: [1, 2]\n")
