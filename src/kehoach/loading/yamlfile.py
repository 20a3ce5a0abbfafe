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
import operator
import re
import unicodedata
from array import array
from dataclasses import dataclass
from pathlib import Path
from sys import intern
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from kehoach.errors import Problem
from kehoach.loading.files import MAX_BYTES, read_plan_bytes
from kehoach.loading.positions import HEAD_SLOTS, KEY_SLOTS, PosDict, PosList
from kehoach.loading.syntaxhints import likely_cause
from kehoach.messages import msg, os_reason, problem_at, yaml_problem
from kehoach.text import char_name, first_unsafe

__all__ = ["MAX_BYTES", "MAX_DEPTH", "MAX_LINE", "MAX_NODES", "YamlResult", "load_yaml"]

MAX_NODES = 2_000_000
MAX_DEPTH = 64
MAX_LINE = 100_000  # characters in one line

try:  # libyaml is ten times faster; fall back to the pure parser when it is missing
    from yaml import CSafeLoader as _Loader

    LIBYAML = True
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

    LIBYAML = False
_NOTICE_SHOWN = False

_CONFLICT_RE = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)
_CONFLICT_MARKERS = ("<" * 7, "=" * 7, ">" * 7, "|" * 7)
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
_MERGE = "tag:yaml.org,2002:merge"
_MAP = "tag:yaml.org,2002:map"
_constructor = SafeConstructor()
_IMPLICIT = _Loader.yaml_implicit_resolvers
# Scalars shorter than this are interned: a plan repeats its statuses, roles, dates, body
# ids, deadlines and short notes thousands of times, and every key in every task.
_INTERN_MAX = 64
_VALUES_KEPT = 20_000  # distinct short scalars whose tag or value is remembered
_resolved: dict[str, str] = {}


class _ComposeLoader(_Loader):
    """The safe loader with the same tag resolution, done with less work per node.

    libyaml calls these three Python methods for every node; PyYAML's versions also
    look for path resolvers and wildcard resolvers, which the safe loader never has.
    Resolving tags was a fifth of the parse time of a large plan.
    """

    def resolve(
        self,
        kind: type[yaml.Node],
        value: Any,
        implicit: tuple[bool, bool],
        _scalar: type[yaml.Node] = yaml.ScalarNode,  # looked up once, not per node
        _sequence: type[yaml.Node] = yaml.SequenceNode,
        _known: dict[str, str] = _resolved,
    ) -> str:
        if kind is _scalar:
            if not implicit[0]:
                return _STR
            known = _known.get(value)  # keys and short values repeat: resolved once
            if known is not None:
                return known
            found = _STR
            for tag, regexp in _IMPLICIT.get(value[:1], ()):
                if regexp.match(value):
                    found = str(tag)
                    break
            if len(value) < _INTERN_MAX:
                if len(_known) >= _VALUES_KEPT:
                    _known.clear()
                _known[value] = found
            return found
        return _SEQ if kind is _sequence else _MAP

    # Without path resolvers these two have nothing to do, and the composer calls them
    # around every node: builtins that take the same arguments and do nothing useful cost
    # less than calling a Python function (operator.is_(node, index); tuple()).
    descend_resolver = operator.is_  # type: ignore[assignment]  # a builtin: not bound
    ascend_resolver = tuple  # type: ignore[assignment]


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
    text, problems, _ = _read_text(path, display, data)
    return text, problems


def _read_text(
    path: Path, display: str, data: bytes | None
) -> tuple[str | None, list[Problem], bool]:
    """:func:`read_text`, and whether the text is the bytes decoded as they are (no BOM
    removed, no NFC normalisation): then those bytes are its UTF-8."""
    try:
        raw = read_plan_bytes(path) if data is None else data
    except OSError as exc:
        return None, [problem_at(display, msg("io", reason=os_reason(exc)))], False
    if len(raw) > MAX_BYTES:
        size = len(raw) // (1024 * 1024)
        message = msg("too-large", size=size, limit=MAX_BYTES // (1024 * 1024))
        return None, [problem_at(display, message, 1, 1)], False
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(raw) >= 2 and b"\x00" in raw[:200] and raw.count(b"\x00") * 4 >= min(len(raw), 200)
    ):
        return None, [problem_at(display, msg("encoding-utf16"), 1, 1)], False
    as_is = True
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        as_is = False
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = msg("encoding", byte=f"{raw[exc.start]:02X}")
        return None, [problem_at(display, message, line, col)], False
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
        as_is = False
    return text, [], as_is


def conflict_markers(text: str, display: str) -> list[Problem]:
    """Git merge-conflict markers parse as plain YAML strings; catch them first."""
    problems: list[Problem] = []
    if not any(marker in text for marker in _CONFLICT_MARKERS):  # the usual case, fast
        return problems
    for match in _CONFLICT_RE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.append(problem_at(display, msg("merge-conflict", marker=match.group(1)), line, 1))
    return problems


def long_lines(text: str, display: str) -> list[Problem]:
    """The first line longer than :data:`MAX_LINE` characters, if any."""
    if len(text) <= MAX_LINE:
        return []
    start = 0
    line = 1
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > MAX_LINE:
            message = msg("line-too-long", line=line, length=stop - start, limit=MAX_LINE)
            return [problem_at(display, message, line, MAX_LINE + 1)]
        if end < 0:
            return []
        start = end + 1
        line += 1


def load_yaml(path: Path, display: str | None = None, data: bytes | None = None) -> YamlResult:
    """Load *path* (or its bytes *data*) into PosDict/PosList data, or say precisely why not."""
    shown = display or str(path)
    text, problems, as_is = _read_text(path, shown, data)
    if text is None:
        return YamlResult(shown, None, problems)
    problems = conflict_markers(text, shown) or long_lines(text, shown)
    if problems:
        return YamlResult(shown, None, problems)
    if data is None:
        return parse_yaml_text(text, shown)
    # The parser reads UTF-8: when the text is the file's bytes decoded as they are (no
    # BOM, already NFC), it is given those bytes rather than the text encoded again. Its
    # unsafe characters are looked for once the parser has read it all (raw=data).
    return parse_yaml_text(text, shown, raw=data, source=data if as_is else None)


# Every byte but the C0 controls a plan may not hold and DEL: deleting these from a file's
# bytes leaves exactly its unsafe one-byte characters (CR is looked at on its own).
_SAFE_BYTES = bytes(b for b in range(256) if (b >= 0x20 and b != 0x7F) or b in b"\t\n\r")
# The unsafe characters that take more than a byte, by the lead byte of their UTF-8: the
# byte (or two) after it that make one (C1 controls U+0080-U+009F; the bidi controls;
# U+061C). Each lead byte is found with one ``find`` of a single byte (memchr): a search
# for two bytes at once looks at every byte of the file in turn, ten times slower.
_C1 = frozenset(bytes([b]) for b in range(0x80, 0xA0))
_UNSAFE_AFTER = (
    (b"\xc2", 1, _C1),
    (
        b"\xe2",
        2,
        frozenset(b"\x80" + bytes([b]) for b in (0x8E, 0x8F, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE))
        | frozenset(b"\x81" + bytes([b]) for b in (0xA6, 0xA7, 0xA8, 0xA9)),
    ),
    (b"\xd8", 1, frozenset({b"\x9c"})),
)


def utf8_is_safe(data: bytes, *, printable: bool = False) -> bool:
    """True when the valid UTF-8 *data* decodes to a text with no unsafe character
    (``kehoach.text.first_unsafe(text) < 0``); found on the bytes without the regular
    expression over the whole text, which was a tenth of reading a plan of small files.
    NFC normalisation neither makes nor removes such a character.

    *printable*: the YAML reader has accepted the text (it refuses every C0 control but
    tab, line feed and carriage return, DEL and every C1 control but U+0085, YAML's
    "c-printable"), so those one-byte controls need no search."""
    if not printable and data.translate(None, _SAFE_BYTES):
        return False  # a C0 control or DEL
    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return False  # a carriage return not followed by a line feed
    for lead, width, unsafe in _UNSAFE_AFTER:
        at = data.find(lead)
        while at >= 0:
            if data[at + 1 : at + 1 + width] in unsafe:
                return False
            at = data.find(lead, at + 1)
    return True


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
    return msg("pure-loader").text


def parse_yaml_text(
    text: str,
    display: str,
    *,
    source: bytes | None = None,
    raw: bytes | None = None,
) -> YamlResult:
    """Parse *text*. *source*, when given, is *text* encoded as UTF-8, which the parser
    then reads as it is. *raw*, when given, is the file's bytes that *text* was decoded
    from: once the parser has read the text, their :func:`utf8_is_safe` (``printable``)
    says whether it holds an unsafe character; without them the builder searches the
    text for one."""
    _pure_loader_notice()
    try:
        node = yaml.compose(text if source is None else source, Loader=_ComposeLoader)
    except yaml.MarkedYAMLError as exc:
        return YamlResult(display, None, [_syntax_problem(exc, text, display)])
    except yaml.reader.ReaderError as exc:
        # The reader stops at the first character it refuses; libyaml counts its place in
        # bytes, the pure parser in characters, so find the character itself.
        bad = chr(exc.character) if isinstance(exc.character, int) else ""
        index = text.find(bad) if bad else -1
        line, col = _position(text, index if index >= 0 else exc.position)
        char = char_name(bad) if bad else "?"
        return YamlResult(
            display, None, [problem_at(display, msg("control-char-raw", char=char), line, col)]
        )
    except yaml.YAMLError:
        detail = yaml_problem("")
        return YamlResult(
            display, None, [problem_at(display, msg("yaml-syntax", detail=detail), 1, 1)]
        )
    except RecursionError:
        message = msg("too-deep", limit=MAX_DEPTH)
        return YamlResult(display, None, [problem_at(display, message, 1, 1)])
    if node is None:
        return YamlResult(display, None, [problem_at(display, msg("empty"), 1, 1)])
    # The reader accepted every character of text, so the one-byte search suffices.
    safe = utf8_is_safe(raw, printable=True) if raw is not None else None
    builder = _Builder(display, text, safe)
    try:
        data = builder.build(node, 0)
    except _Stop as stop:
        return YamlResult(display, None, [stop.problem])
    builder.finish()
    if not isinstance(data, PosDict):
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        message = msg("not-mapping", kind=_kind(data))
        return YamlResult(display, None, [problem_at(display, message, line, col)])
    return YamlResult(display, data, builder.problems)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based (line, column) of character *index* of *text*."""
    index = max(0, min(index, len(text)))
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "một danh sách"
    if isinstance(value, str):
        return "một chuỗi văn bản"
    return "một giá trị đơn"


# Errors whose real place is where the construct began (the key, the opening quote),
# not where the parser gave up (often the next line).
_AT_CONTEXT = ("while scanning a simple key", "while scanning a quoted scalar")


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, display: str) -> Problem:
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    if context.startswith(_AT_CONTEXT) and exc.context_mark is not None:
        mark = exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = _syntax_detail(exc, text, mark.index if mark else None)
    if detail is None:
        return problem_at(display, msg("too-deep", limit=MAX_DEPTH), line, col)
    cause = likely_cause(exc, text)
    if cause is not None:
        return problem_at(display, *cause)
    opened = _open_quote_before(text, exc.problem_mark.index if exc.problem_mark else None)
    if opened is not None and opened[0] < line:
        message = msg("yaml-unclosed-quote", end=opened[2], line=line, col=col, detail=detail)
        return problem_at(display, message, opened[0], opened[1])
    return problem_at(display, msg("yaml-syntax", detail=detail), line, col)


def _syntax_detail(exc: yaml.MarkedYAMLError, text: str, index: int | None) -> str | None:
    """Vietnamese for the parser's complaint (None: nested too deep)."""
    what = (exc.problem or exc.context or "").strip()
    if "maximum nesting depth" in what or "nesting" in what:
        return None
    if index is not None and 0 <= index < len(text) and text[index] == "\t":
        return yaml_problem("found a tab character")
    return yaml_problem(what)


def _open_quote_before(text: str, index: int | None) -> tuple[int, int, int] | None:
    """(line, col, end line) of the last quoted string that spans several lines and ends
    before *index*: the usual cause of an error reported further down (a missing quote)."""
    if index is None:
        return None
    found: tuple[int, int, int] | None = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= index:
                break
            if (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
            ):
                found = (
                    token.start_mark.line + 1,
                    token.start_mark.column + 1,
                    token.end_mark.line + 1,
                )
    except yaml.YAMLError:
        pass
    return found


_KEEP_TEXT_TAGS = frozenset(
    {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"}
)


def _keep_text(node: yaml.Node, value: Any) -> bool:
    """Whether to keep the source text of a scalar for messages: the ones whose value
    would be shown differently from what the user wrote (``no`` → False, ``1.10`` →
    1.1, ``0o17``, ``~``). Dates are shown as dd/mm/yyyy; plain integers as written."""
    if not isinstance(node, yaml.ScalarNode) or node.tag == _STR:
        return False
    if node.tag in _KEEP_TEXT_TAGS:
        return bool(node.value)
    return node.tag == "tag:yaml.org,2002:int" and node.value != str(value)


_constructed: dict[tuple[str, str], Any] = {}


class _Builder:
    """Construct plain data from composed nodes, with limits and duplicate-key checks.

    Most of a plan is mappings of plain strings, so those take a short path (the same
    checks, inlined). A character check per string is only needed where a string can
    hold a character that is not in the file's text as written: when the text itself has
    none (one search of the whole text), only double-quoted scalars, whose escapes
    (``"\\e"``) can make one, are checked.
    """

    def __init__(self, display: str, text: str = "", safe: bool | None = None) -> None:
        self.display = display
        self.text = text
        self.count = 0
        self.problems: list[Problem] = []
        self.clean = bool(text) and (first_unsafe(text) < 0 if safe is None else safe)
        # The places of the whole file (see loading/positions.py): each mapping and list
        # adds its own at its end, so they stay together; finish() makes them an array.
        self.places: list[int] = []
        self.made: list[PosDict | PosList] = []

    def finish(self) -> None:
        """Give every mapping and list built the file's places, as one array."""
        try:  # two bytes a number when the file allows (lines and columns below 65,536)
            places = array("H", self.places)
        except OverflowError:
            places = array("i", self.places)
        for container in self.made:
            container.places = places
        self.places = []
        self.made = []

    def _stop(self, node: yaml.Node, code: str, **fields: object) -> _Stop:
        mark = node.start_mark
        return _Stop(problem_at(self.display, msg(code, **fields), mark.line + 1, mark.column + 1))

    def _too_many(self, node: yaml.Node) -> _Stop:
        return self._stop(node, "too-many-nodes", limit=f"{MAX_NODES:,}".replace(",", "."))

    def _check_chars(self, node: yaml.ScalarNode, value: str) -> None:
        """A control character or bidi override in a value is a problem, with its place."""
        index = first_unsafe(value)
        if index < 0:
            return
        char = value[index]
        start, end = node.start_mark, node.end_mark
        raw = self.text.find(char, start.index, end.index) if self.text else -1
        if raw >= 0:
            line, col = _position(self.text, raw)
        else:  # written as an escape ("\\e", "\\x9b"): point at the value
            line, col = start.line + 1, start.column + 1
        message = msg("control-char", char=char_name(char), index=index + 1)
        self.problems.append(problem_at(self.display, message, line, col))

    def _string(self, node: yaml.ScalarNode) -> str:
        """A string scalar's value, checked for unsafe characters, interned when short."""
        value: str = node.value
        if (not self.clean or node.style == '"') and (
            not value.isascii() or not value.isprintable()
        ):
            self._check_chars(node, value)
        return intern(value) if len(value) < _INTERN_MAX else value

    def build(self, node: yaml.Node, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._too_many(node)
        if depth > MAX_DEPTH:
            raise self._stop(node, "too-deep", limit=MAX_DEPTH)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, depth)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth)
        raise self._stop(node, "tag", tag=node.tag)  # pragma: no cover

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> PosList:
        if node.tag != _SEQ:
            raise self._stop(node, "tag", tag=node.tag)
        mark = node.start_mark
        out = _new_list(PosList)  # no __init__: its place goes into the file's places
        out.texts = None
        places = [mark.line, mark.column]  # 0-based: the list's, then each item's
        inner = depth + 1
        short = inner <= MAX_DEPTH
        for item in node.value:
            mark = item.start_mark
            places += (mark.line, mark.column)
            if short and type(item) is _ScalarNode and item.tag == _STR:
                self.count += 1  # build() for a string, inlined
                if self.count > MAX_NODES:
                    raise self._too_many(item)
                out.append(self._string(item))
                continue
            value = self.build(item, inner)
            if _keep_text(item, value):
                if out.texts is None:
                    out.texts = {}
                out.texts[len(out)] = item.value
            out.append(value)
        out.base = len(self.places)
        self.places += places
        self.made.append(out)
        return out

    def _mapping(self, node: yaml.MappingNode, depth: int) -> PosDict:
        if node.tag != _MAP:
            raise self._stop(node, "tag", tag=node.tag)
        mark = node.start_mark
        out = _new_dict(PosDict)  # no __init__: its place goes into the file's places
        out.texts = None
        places = [mark.line, mark.column]  # 0-based: the mapping's, then each key's and value's
        inner = depth + 1
        short = inner <= MAX_DEPTH
        clean = self.clean
        for key_node, value_node in node.value:
            key_tag = key_node.tag
            if type(key_node) is not _ScalarNode or key_tag != _STR:  # not a plain string
                if key_tag == _MERGE:  # a string to whoever wrote it: name it
                    raise self._stop(key_node, "merge-key")
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self._stop(key_node, "bad-key")
                if key_tag not in _SCALAR_TAGS:
                    raise self._stop(key_node, "tag", tag=key_tag)
            key: str = key_node.value
            if not key.isascii():  # ASCII is always NFC
                key = unicodedata.normalize("NFC", key)
            mark = key_node.start_mark
            if key in out:
                first = places[HEAD_SLOTS + list(out).index(key) * KEY_SLOTS] + 1
                message = msg("duplicate-key", key=key, first=first)
                self.problems.append(
                    problem_at(self.display, message, mark.line + 1, mark.column + 1)
                )
                continue
            if key_tag == _STR and (not clean or key_node.style == '"'):
                self._check_chars(key_node, key)
            value_mark = value_node.start_mark
            places += (mark.line, mark.column, value_mark.line, value_mark.column)
            key = intern(key)
            if short and type(value_node) is _ScalarNode and value_node.tag == _STR:
                self.count += 1  # build() and _string() for a string, inlined
                if self.count > MAX_NODES:
                    raise self._too_many(value_node)
                text: str = value_node.value
                if (not clean or value_node.style == '"') and (
                    not text.isascii() or not text.isprintable()
                ):
                    self._check_chars(value_node, text)
                out[key] = intern(text) if len(text) < _INTERN_MAX else text
                continue
            value = self.build(value_node, inner)
            if _keep_text(value_node, value):
                if out.texts is None:
                    out.texts = {}
                out.texts[key] = value_node.value
            out[key] = value
        out.base = len(self.places)
        self.places += places
        self.made.append(out)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == _STR:
            return self._string(node)
        if tag not in _SCALAR_TAGS:
            raise self._stop(node, "tag", tag=tag)
        # Dates, numbers, booleans and nulls depend on their text alone and are immutable:
        # one object per distinct text (a plan writes the same dates again and again).
        known = _constructed.get((tag, node.value), _MISSING)
        if known is not _MISSING:
            return known
        try:
            value = _constructor.yaml_constructors[tag](_constructor, node)
        except (ValueError, OverflowError):
            if tag == "tag:yaml.org,2002:timestamp":
                raise self._stop(node, "bad-date", value=node.value) from None
            raise self._stop(node, "bad-scalar", value=node.value) from None
        if len(_constructed) >= _VALUES_KEPT:
            _constructed.clear()
        _constructed[(tag, node.value)] = value
        return value


_MISSING = object()
_ScalarNode = yaml.ScalarNode
_new_dict = dict.__new__
_new_list = list.__new__
