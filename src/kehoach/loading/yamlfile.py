"""Read one YAML file safely and keep positions.

PyYAML alone is not enough for files that people edit by hand: it accepts
duplicate keys silently, constructs Python objects from tags, expands alias bombs
and reports nothing useful about encodings. Here libyaml (or the pure-Python
parser when libyaml is missing) only *composes* the node graph; we construct
plain data ourselves with limits, so every failure becomes a Problem with a line
and a column.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from kehoach.errors import Problem
from kehoach.loading.positions import PosDict, PosList

MAX_BYTES = 20 * 1024 * 1024
MAX_NODES = 2_000_000
MAX_DEPTH = 64

try:  # libyaml is ten times faster; fall back to the pure parser when it is missing
    from yaml import CSafeLoader as _Loader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    LIBYAML = False
_NOTICE_SHOWN = False

_CONFLICT_RE = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
    _STR,
}
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
_constructor = SafeConstructor()
_IMPLICIT = _Loader.yaml_implicit_resolvers


class _ComposeLoader(_Loader):
    """The safe loader with the same tag resolution, done with less work per node.

    libyaml calls these three Python methods for every node; PyYAML's versions also
    look for path resolvers and wildcard resolvers, which the safe loader never has.
    Resolving tags was a fifth of the parse time of a large plan.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        return None

    def ascend_resolver(self) -> None:
        return None


if _Loader.yaml_path_resolvers or None in _IMPLICIT:  # pragma: no cover - PyYAML changed
    _ComposeLoader = _Loader  # type: ignore[misc,assignment]


@dataclass
class YamlResult:
    """What one file gave: its data (None when unusable) and the problems found."""

    path: str
    data: Any
    problems: list[Problem]


class _Stop(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def read_text(
    path: Path, display: str, data: bytes | None = None
) -> tuple[str | None, list[Problem]]:
    """Decode a plan file as UTF-8 (BOM allowed) or explain why it is not.

    *data*, when given, is the file's bytes already read by the caller (the cache
    hashes them), so the file is not read twice.
    """
    try:
        raw = path.read_bytes() if data is None else data
    except OSError as exc:
        return None, [Problem(display, 0, 0, f"Không đọc được tệp: {exc.strerror}.", "io")]
    if len(raw) > MAX_BYTES:
        size = len(raw) // (1024 * 1024)
        return None, [
            Problem(display, 1, 1, f"Tệp quá lớn ({size} MB; tối đa 20 MB).", "too-large")
        ]
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(raw) >= 2 and b"\x00" in raw[:200] and raw.count(b"\x00") * 4 >= min(len(raw), 200)
    ):
        return None, [
            Problem(
                display,
                1,
                1,
                "Tệp được mã hóa UTF-16, không phải UTF-8. Hãy lưu lại tệp với mã hóa UTF-8.",
                "encoding",
            )
        ]
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, [
            Problem(
                display,
                line,
                col,
                f"Tệp không phải UTF-8 (byte 0x{raw[exc.start]:02X} không hợp lệ; có thể tệp được "
                "lưu bằng Windows-1258 hoặc TCVN3). Hãy lưu lại tệp với mã hóa UTF-8.",
                "encoding",
            )
        ]
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text, []


def conflict_markers(text: str, display: str) -> list[Problem]:
    """Git merge-conflict markers parse as plain YAML strings; catch them first."""
    problems = []
    for match in _CONFLICT_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(
            Problem(
                display,
                line,
                1,
                f"Dấu xung đột khi gộp (merge conflict) '{match.group(1)}': hãy giải quyết xung "
                "đột trước khi kiểm tra.",
                "merge-conflict",
            )
        )
    return problems


def load_yaml(path: Path, display: str | None = None, data: bytes | None = None) -> YamlResult:
    """Load *path* (or its bytes *data*) into PosDict/PosList data, or say precisely why not."""
    shown = display or str(path)
    text, problems = read_text(path, shown, data)
    if text is None:
        return YamlResult(shown, None, problems)
    problems = conflict_markers(text, shown)
    if problems:
        return YamlResult(shown, None, problems)
    return parse_yaml_text(text, shown)


_NOTICE_DUE = False


def _pure_loader_notice() -> None:
    """Note (once per process) that libyaml is missing: the caller says so, not the core."""
    global _NOTICE_SHOWN, _NOTICE_DUE
    if LIBYAML or _NOTICE_SHOWN:
        return
    _NOTICE_SHOWN = _NOTICE_DUE = True


def take_loader_notice() -> str | None:
    """The notice that loading is about ten times slower without libyaml, once; else None."""
    global _NOTICE_DUE
    if not _NOTICE_DUE:
        return None
    _NOTICE_DUE = False
    return (
        "kehoach: PyYAML không có libyaml, dùng bộ đọc YAML thuần Python (chậm hơn khoảng 10 "
        "lần). Cài libyaml rồi cài lại PyYAML để đọc nhanh hơn."
    )


def parse_yaml_text(text: str, display: str) -> YamlResult:
    _pure_loader_notice()
    try:
        node = yaml.compose(text, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = _syntax_message(exc, text, mark.index if mark else None)
        return YamlResult(display, None, [Problem(display, line, col, message)])
    except yaml.YAMLError as exc:
        return YamlResult(display, None, [Problem(display, 1, 1, f"Lỗi cú pháp YAML: {exc}.")])
    except RecursionError:
        return YamlResult(
            display, None, [Problem(display, 1, 1, "Cấu trúc YAML lồng nhau quá sâu.", "too-deep")]
        )
    if node is None:
        return YamlResult(
            display, None, [Problem(display, 1, 1, "Tệp rỗng: không có dữ liệu.", "empty")]
        )
    builder = _Builder(display)
    try:
        data = builder.build(node, 0)
    except _Stop as stop:
        return YamlResult(display, None, [stop.problem])
    if not isinstance(data, PosDict):
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return YamlResult(
            display,
            None,
            [
                Problem(
                    display,
                    line,
                    col,
                    "Cấp ngoài cùng của tệp phải là một bảng khóa: giá trị (mapping), "
                    f"nhưng lại là {_kind(data)}.",
                    "not-mapping",
                )
            ],
        )
    return YamlResult(display, data, builder.problems)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, str):
        return "một chuỗi văn bản"
    return "một giá trị đơn"


def _syntax_message(exc: yaml.MarkedYAMLError, text: str, index: int | None) -> str:
    what = (exc.problem or exc.context or "").strip()
    if "maximum nesting depth" in what or "nesting" in what:
        return "Cấu trúc YAML lồng nhau quá sâu."
    if index is not None and 0 <= index < len(text) and text[index] == "\t":
        return "Lỗi cú pháp YAML: ký tự tab không được dùng để thụt lề (hãy dùng dấu cách)."
    if what.startswith("but found another document"):
        return "Lỗi cú pháp YAML: tệp chỉ được chứa một tài liệu YAML (có dòng '---' thừa)."
    translations = {
        "found character '\\t' that cannot start any token": "ký tự tab không được dùng để thụt lề",
        "mapping values are not allowed here": "dấu ':' không được phép ở đây (thiếu dấu nháy?)",
        "could not find expected ':'": "thiếu dấu ':' sau khóa",
        "found undefined alias": "alias chưa được định nghĩa",
        "expected a single document in the stream": "tệp chỉ được chứa một tài liệu YAML",
        "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu nháy đóng?)",
        "did not find expected key": "thụt lề không đúng hoặc thiếu khóa",
        "did not find expected '-' indicator": "thụt lề danh sách không đúng",
        "found unknown escape character": "ký tự thoát (\\) không hợp lệ trong chuỗi",
        "found character that cannot start any token": "ký tự không hợp lệ ở đầu giá trị",
        "did not find expected ',' or ']'": "thiếu dấu ',' hoặc ']' trong danh sách",
        "did not find expected ',' or '}'": "thiếu dấu ',' hoặc '}' trong bảng",
        "found unexpected ':'": "dấu ':' không đúng chỗ",
        "expected <block end>, but found": "thụt lề không khớp với dòng trên",
        "while scanning a quoted scalar": "chuỗi trong dấu nháy chưa được đóng",
        "found duplicate anchor": "anchor bị định nghĩa hai lần",
    }
    for english, vietnamese in translations.items():
        if what.startswith(english):
            return f"Lỗi cú pháp YAML: {vietnamese}."
    return f"Lỗi cú pháp YAML: {what}."


class _Builder:
    """Construct plain data from composed nodes, with limits and duplicate-key checks."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.count = 0
        self.problems: list[Problem] = []

    def _stop(self, node: yaml.Node, message: str, code: str) -> _Stop:
        mark = node.start_mark
        return _Stop(Problem(self.display, mark.line + 1, mark.column + 1, message, code))

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._stop(
                node,
                "Tệp có quá nhiều phần tử sau khi mở rộng alias (có thể là 'alias bomb').",
                "too-many-nodes",
            )
        if depth > MAX_DEPTH:
            raise self._stop(node, "Cấu trúc YAML lồng nhau quá sâu.", "too-deep")
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ:
                raise self._stop(node, f"Thẻ YAML '{node.tag}' không được phép.", "tag")
            out = PosList(node.start_mark.line + 1, node.start_mark.column + 1)
            for item in node.value:
                out.items_at.append((item.start_mark.line + 1, item.start_mark.column + 1))
                out.append(self.build(item, depth + 1))
            return out
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        raise self._stop(node, "Nút YAML không được hỗ trợ.", "tag")  # pragma: no cover

    def _mapping(self, node: yaml.MappingNode, depth: int) -> PosDict:
        if node.tag != _MAP:
            raise self._stop(node, f"Thẻ YAML '{node.tag}' không được phép.", "tag")
        out = PosDict(node.start_mark.line + 1, node.start_mark.column + 1)
        for key_node, value_node in node.value:
            if (
                not isinstance(key_node, yaml.ScalarNode)
                or key_node.tag == "tag:yaml.org,2002:merge"
            ):
                raise self._stop(key_node, "Khóa phải là một chuỗi đơn giản.", "bad-key")
            if key_node.tag not in _SCALAR_TAGS:
                raise self._stop(key_node, f"Thẻ YAML '{key_node.tag}' không được phép.", "tag")
            key = unicodedata.normalize("NFC", key_node.value)
            kl, kc = key_node.start_mark.line + 1, key_node.start_mark.column + 1
            if key in out.keys_at:
                first = out.keys_at[key][0]
                self.problems.append(
                    Problem(
                        self.display,
                        kl,
                        kc,
                        f"Khóa '{key}' bị lặp lại (đã có ở dòng {first}); "
                        "YAML chỉ giữ một giá trị.",
                        "duplicate-key",
                    )
                )
                continue
            vl, vc = value_node.start_mark.line + 1, value_node.start_mark.column + 1
            out.keys_at[key] = (kl, kc, vl, vc)
            out[key] = self.build(value_node, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _SCALAR_TAGS:
            raise self._stop(
                node,
                f"Thẻ YAML '{tag}' không được phép (tệp kế hoạch chỉ chứa dữ liệu thuần).",
                "tag",
            )
        try:
            return _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, OverflowError):
            if tag == "tag:yaml.org,2002:timestamp":
                raise self._stop(
                    node, f"Ngày '{node.value}' không tồn tại trong lịch.", "bad-date"
                ) from None
            raise self._stop(
                node, f"Giá trị '{node.value}' không đọc được.", "bad-scalar"
            ) from None
