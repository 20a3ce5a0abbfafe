"""Edit a YAML file the way a careful person would: change only the lines of the change.

ruamel.yaml's round-trip mode keeps comments and layout, but re-emitting a whole
document still rewrites lines nobody touched (``null`` becomes an empty value,
indentation is normalised, long lines are re-wrapped). So the file is never
re-emitted: ruamel *composes* it (every node with its exact start and end offset),
renders only the new fragment (``status: hoàn thành``, a history entry), and the
fragment is spliced into the original text. Every byte outside the change stays
as it was, by construction.

Each edit is also applied to a plain-data copy of the file; the spliced text is
parsed again with the loader's own resolver (PyYAML, YAML 1.1) and must give exactly
that data, or nothing is written.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from kehoach.edit.errors import EditError
from kehoach.messages import text as message_text
from kehoach.messages import yaml_problem
from kehoach.yamlscalar import needs_quotes

try:  # the same parser the plan loader uses
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

Path_ = tuple[str | int, ...]

_BOM = "\ufeff"
_NULL = "tag:yaml.org,2002:null"
_DEFAULT_OFFSETS = (2, 2)  # dash two spaces under its key, content two after the dash
_YAML11_BREAKS = ("\x85", "\u2028", "\u2029")  # line breaks to a YAML 1.1 reader


def plain_load(text: str) -> Any:
    """The data the plan loader would see (YAML 1.1 resolver, as PyYAML)."""
    return yaml.load(text, Loader=_SafeLoader)


def _yaml() -> Any:
    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap a long title or note
    rt.indent(mapping=2, sequence=4, offset=2)
    rt.version = (1, 1)  # quote 'yes', 'on', '010' … as the YAML 1.1 loader needs
    return rt


def render_mapping(pairs: Sequence[tuple[str, Any]]) -> list[str]:
    """Block-style lines of a mapping at indentation 0, quoted wherever YAML 1.1 needs it."""
    from ruamel.yaml.comments import CommentedMap

    data = CommentedMap()
    for key, value in pairs:
        data[key] = _quoted(value)
    out = io.StringIO()
    _yaml().dump(data, out)
    lines = out.getvalue().split("\n")
    while lines and lines[0].startswith(("%YAML", "---")):
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _quoted(value: Any) -> Any:
    """*value* (and what it holds) with every string quoted that a YAML 1.1 or 1.2 reader
    would read as something else (see :mod:`kehoach.yamlscalar`)."""
    from ruamel.yaml.scalarstring import (
        DoubleQuotedScalarString,
        ScalarString,
        SingleQuotedScalarString,
    )

    if isinstance(value, ScalarString):
        return value
    if isinstance(value, str):
        if any(ch in value for ch in _YAML11_BREAKS):
            # ruamel writes these raw in plain or single quotes, where a YAML 1.1
            # reader takes them for line breaks; escapes are the only safe form.
            return DoubleQuotedScalarString(value)
        return SingleQuotedScalarString(value) if needs_quotes(value) else value
    if isinstance(value, dict):
        return {k: _quoted(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_quoted(v) for v in value]
    return value


def styled(value: Any, style: str | None) -> Any:
    """*value* in the quoting style of the scalar it replaces ('"' or "'")."""
    if not isinstance(value, str) or style not in ('"', "'"):
        return value
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

    return DoubleQuotedScalarString(value) if style == '"' else SingleQuotedScalarString(value)


def literal(value: str) -> Any:
    """A multi-line string written as a literal block (``|-``)."""
    from ruamel.yaml.scalarstring import LiteralScalarString

    return LiteralScalarString(value)


def _parser_detail(exc: BaseException) -> str:
    """A parser's complaint (ruamel's or PyYAML's) in Vietnamese, with its line."""
    detail = yaml_problem(str(getattr(exc, "problem", None) or getattr(exc, "context", "")))
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = getattr(mark, "line", None)
    return (
        message_text("detail-at-line", detail=detail, line=line + 1)
        if isinstance(line, int)
        else detail
    )


@dataclass(frozen=True)
class _Splice:
    start: int
    end: int
    seq: int
    text: str


_LONE_CR = re.compile(r"\r(?!\n)")


class YamlEditor:
    """Edits on one file's text; :meth:`result` returns the new text, verified."""

    def __init__(self, text: str, display: str) -> None:
        self.display = display
        self.bom = text.startswith(_BOM)
        self.text = text[1:] if self.bom else text
        self.nl = "\r\n" if "\r\n" in self.text else "\n"
        if _LONE_CR.search(self.text):  # a line break YAML reads but our edits cannot place
            raise EditError(message_text("edit-lone-cr", path=display))
        try:
            self.root = _yaml().compose(self.text)
            self.data = plain_load(self.text)
        except Exception as exc:  # any parser error: the file is not ours to edit
            raise EditError(
                message_text("edit-unreadable", path=display, detail=_parser_detail(exc))
            ) from None
        self.expected = copy.deepcopy(self.data)
        self._splices: list[_Splice] = []
        self._offsets = self._detect_offsets()

    # -- finding nodes -------------------------------------------------------------

    def node(self, path: Path_) -> Any:
        current = self.root
        for step in path:
            if isinstance(step, int):
                current = current.value[step]
            else:
                pair = self._pair(current, step)
                if pair is None:
                    raise EditError(message_text("edit-no-key", path=self.display, key=step))
                current = pair[1]
        return current

    def _data(self, path: Path_) -> Any:
        current = self.expected
        for step in path:
            current = current[step]
        return current

    def _pair(self, mapping: Any, key: str) -> tuple[Any, Any] | None:
        if type(mapping).__name__ != "MappingNode":
            return None
        found = [(k, v) for k, v in mapping.value if getattr(k, "value", None) == key]
        if len(found) > 1:  # which one would be edited? the readers disagree: refuse
            first, second = (k.start_mark.line + 1 for k, _ in found[:2])
            raise EditError(
                message_text(
                    "edit-duplicate-key", path=self.display, key=key, first=first, second=second
                )
            )
        return found[0] if found else None

    def _mapping(self, path: Path_) -> Any:
        node = self.node(path)
        if type(node).__name__ != "MappingNode":
            raise EditError(message_text("edit-not-mapping", path=self.display))
        if node.flow_style:
            raise EditError(
                message_text("edit-flow-mapping", path=self.display, line=node.start_mark.line + 1)
            )
        return node

    # -- positions -----------------------------------------------------------------

    def _colon_after(self, key_node: Any) -> int:
        index: int = key_node.end_mark.index
        while index < len(self.text) and self.text[index] in " \t":
            index += 1
        if index < len(self.text) and self.text[index] == ":":
            return index + 1
        return index  # pragma: no cover - a key is always followed by ':'

    def _content_end(self, node: Any, key_node: Any | None = None) -> int:
        """Offset just after the last character that belongs to *node*."""
        kind = type(node).__name__
        if kind == "ScalarNode":
            if node.tag == _NULL and node.value == "" and key_node is not None:
                return self._colon_after(key_node)
            end = node.end_mark.index
            while end > node.start_mark.index and self.text[end - 1] in " \t\r\n":
                end -= 1
            return int(end)
        if node.flow_style or not node.value:
            return int(node.end_mark.index)
        if kind == "SequenceNode":
            return self._content_end(node.value[-1])
        last_key, last_value = node.value[-1]
        return self._content_end(last_value, last_key)

    def _line_after(self, index: int) -> tuple[int, str]:
        """(offset of the next line's start, prefix needed when the file has no final newline)."""
        newline = self.text.find("\n", index)
        if newline < 0:
            return len(self.text), self.nl
        return newline + 1, ""

    def _line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def _dash_of(self, item: Any) -> int:
        """Offset of the '-' that introduces a block-sequence item."""
        index: int = item.start_mark.index - 1
        while index >= 0 and self.text[index] in " \t\r\n":
            index -= 1
        if index < 0 or self.text[index] != "-":
            raise EditError(message_text("edit-no-dash", path=self.display))
        return index

    def _column(self, index: int) -> int:
        return index - self._line_start(index)

    def _detect_offsets(self) -> tuple[int, int]:
        """How this file indents a block sequence under its key: (dash, content) offsets."""
        stack = [self.root]
        while stack:
            node = stack.pop()
            if type(node).__name__ != "MappingNode":
                continue
            for key_node, value_node in node.value:
                kind = type(value_node).__name__
                if kind == "SequenceNode" and value_node.value and not value_node.flow_style:
                    dash = self._dash_of(value_node.value[0])
                    key_col = self._column(key_node.start_mark.index)
                    dash_col = self._column(dash)
                    content_col = self._column(value_node.value[0].start_mark.index)
                    if content_col > dash_col >= key_col:
                        return dash_col - key_col, content_col - dash_col
                if kind in ("MappingNode", "SequenceNode"):
                    stack.extend(value_node.value if kind == "SequenceNode" else [value_node])
        return _DEFAULT_OFFSETS

    # -- rendering -----------------------------------------------------------------

    def _indent(self, lines: list[str], first: str, rest: str) -> list[str]:
        return [first + lines[0], *(rest + line if line else line for line in lines[1:])]

    def _pair_lines(self, key: str, value: Any, column: int) -> list[str]:
        return self._indent(render_mapping([(key, value)]), " " * column, " " * column)

    def _item_lines(
        self, item: Sequence[tuple[str, Any]], dash_col: int, content_col: int
    ) -> list[str]:
        gap = " " * (content_col - dash_col - 1)
        return self._indent(render_mapping(item), " " * dash_col + "-" + gap, " " * content_col)

    def _add(self, start: int, end: int, text: str) -> None:
        self._splices.append(_Splice(start, end, len(self._splices), text))

    def _insert_lines(self, index: int, lines: list[str]) -> None:
        """Insert whole lines at the start of the line after offset *index*."""
        at, prefix = self._line_after(index)
        self._add(at, at, prefix + self.nl.join(lines) + ("" if prefix else self.nl))

    def _anchor(self, mapping: Any, after: Sequence[str]) -> int:
        for key in after:
            pair = self._pair(mapping, key)
            if pair is not None:
                return self._content_end(pair[1], pair[0])
        return self._content_end(mapping)

    # -- edits ---------------------------------------------------------------------

    def set_value(
        self,
        path: Path_,
        key: str,
        value: Any,
        *,
        after: Sequence[str] = (),
        keep_style: bool = True,
    ) -> None:
        """Set ``key: value`` in the mapping at *path*: replace the value in place (in the old
        quoting style), or add the line after the first of *after* present (else at the
        mapping's end)."""
        mapping = self._mapping(path)
        pair = self._pair(mapping, key)
        if pair is not None:
            key_node, value_node = pair
            if keep_style and type(value_node).__name__ == "ScalarNode":
                value = styled(value, value_node.style)
            column = self._column(key_node.start_mark.index)
            lines = self._pair_lines(key, value, column)
            lines[0] = lines[0][column:]
            end = self._content_end(value_node, key_node)
            self._add(key_node.start_mark.index, end, self.nl.join(lines))
        else:
            column = self._column(mapping.start_mark.index)
            self._insert_lines(self._anchor(mapping, after), self._pair_lines(key, value, column))
        self._data(path)[key] = str(value) if isinstance(value, str) else value

    def add_item(
        self,
        path: Path_,
        key: str,
        item: Sequence[tuple[str, Any]],
        *,
        index: int | None = None,
        after: Sequence[str] = (),
    ) -> None:
        """Insert *item* (a mapping) into the block sequence under *key* at *index* (default:
        at the end); create ``key:`` after the first of *after* present when it is absent."""
        mapping = self._mapping(path)
        pair = self._pair(mapping, key)
        data = self._data(path)
        plain = {k: (str(v) if isinstance(v, str) else v) for k, v in item}
        dash_off, content_off = self._offsets
        if pair is None:
            column = self._column(mapping.start_mark.index)
            lines = [" " * column + f"{key}:"]
            lines += self._item_lines(item, column + dash_off, column + dash_off + content_off)
            self._insert_lines(self._anchor(mapping, after), lines)
            data[key] = [plain]
            return
        key_node, value_node = pair
        kind = type(value_node).__name__
        current = data.get(key)
        empty = current is None or current == []
        if kind == "SequenceNode" and not value_node.flow_style and value_node.value:
            items = value_node.value
            first_dash = self._dash_of(items[0])
            dash_col = self._column(first_dash)
            content_col = self._column(items[0].start_mark.index)
            lines = self._item_lines(item, dash_col, content_col)
            if index is None or index >= len(items):
                self._insert_lines(self._content_end(items[-1]), lines)
            else:
                at = self._line_start(self._dash_of(items[index]))
                self._add(at, at, self.nl.join(lines) + self.nl)
        elif empty and (kind == "SequenceNode" or value_node.tag == _NULL):
            # "history:" (nothing) or "history: []": becomes a block sequence.
            column = self._column(key_node.start_mark.index)
            lines = [f"{key}:"]
            lines += self._item_lines(item, column + dash_off, column + dash_off + content_off)
            self._add(
                key_node.start_mark.index,
                self._content_end(value_node, key_node),
                self.nl.join(lines),
            )
        elif kind == "SequenceNode":
            # A flow list with entries: rewritten as a block list, old entries first.
            column = self._column(key_node.start_mark.index)
            old = list(current or [])
            position = len(old) if index is None else index
            new_items = [*old[:position], dict(item), *old[position:]]
            lines = self._pair_lines(key, new_items, column)
            lines[0] = lines[0][column:]
            self._add(
                key_node.start_mark.index,
                self._content_end(value_node, key_node),
                self.nl.join(lines),
            )
        else:
            raise EditError(
                message_text(
                    "edit-not-list", path=self.display, line=key_node.start_mark.line + 1, key=key
                )
            )
        if empty:
            data[key] = [plain]
        else:
            data[key].insert(len(data[key]) if index is None else index, plain)

    def append_paragraph(
        self, path: Path_, key: str, paragraph: str, *, after: Sequence[str] = ()
    ) -> None:
        """Add *paragraph* to the text under *key* on a new line, keeping the old lines."""
        mapping = self._mapping(path)
        pair = self._pair(mapping, key)
        old = self._data(path).get(key)
        if pair is None or not isinstance(old, str) or not old.strip():
            self.set_value(
                path, key, literal(paragraph) if "\n" in paragraph else paragraph, after=after
            )
            return
        value_node = pair[1]
        combined = old.rstrip("\n") + "\n" + paragraph + ("\n" if old.endswith("\n") else "")
        if value_node.style in ("|", ">") and self._block_append(value_node, paragraph):
            self._data(path)[key] = combined
            return
        self.set_value(path, key, literal(combined), after=after, keep_style=False)

    def _block_append(self, node: Any, paragraph: str) -> bool:
        """Append to a block scalar in place when its semantics allow; False otherwise."""
        header_end = self.text.find("\n", node.start_mark.index)
        header = self.text[node.start_mark.index : header_end].split("#")[0].strip()
        if header_end < 0 or "+" in header:
            return False
        body_end = self._content_end(node)
        body = self.text[header_end + 1 : body_end]
        lines = [line for line in body.replace("\r\n", "\n").split("\n") if line.strip()]
        if not lines:
            return False
        indent = min(len(line) - len(line.lstrip(" ")) for line in lines)
        last = lines[-1]
        if len(last) - len(last.lstrip(" ")) != indent:
            return False  # a more-indented last line changes how breaks fold
        pad = " " * indent
        if node.style == ">":
            if "\n" in paragraph or paragraph != paragraph.strip():
                return False
            new = ["", pad + paragraph]
        else:
            new = [pad + line if line else "" for line in paragraph.split("\n")]
        self._add(body_end, body_end, self.nl + self.nl.join(new))
        return True

    # -- result --------------------------------------------------------------------

    def result(self) -> str:
        """The edited text; raises EditError when it does not read back as intended."""
        out = []
        position = 0
        for splice in sorted(self._splices, key=lambda s: (s.start, s.seq)):
            if splice.start < position:
                raise EditError(message_text("edit-overlap", path=self.display))  # pragma: no cover
            out.append(self.text[position : splice.start])
            out.append(splice.text)
            position = splice.end
        out.append(self.text[position:])
        new_text = "".join(out)
        try:
            reread = plain_load(new_text)
        except yaml.YAMLError as exc:
            raise EditError(
                message_text("edit-bad-result", path=self.display, detail=_parser_detail(exc))
            ) from None
        if reread != self.expected:
            raise EditError(message_text("edit-reread-mismatch", path=self.display))
        return (_BOM if self.bom else "") + new_text
