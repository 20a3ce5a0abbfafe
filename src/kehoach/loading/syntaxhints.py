"""The likely cause of a YAML syntax error, named where the user made it.

libyaml says what it could not do at the place it gave up ("did not find expected key",
"could not find expected ':'"), which is often a line or two after the mistake and says
nothing about how to mend it. For the mistakes people make when they edit a plan by
hand, this module looks at the lines around that place and names the cause, at the line
and column of the cause:

- an opening quote that is never closed (the string runs to the end of the file);
- a value that starts with a quote and goes on after the closing quote
  (``note: "Ban" Tuyên giáo``);
- a colon followed by a space inside an unquoted value (``title: Chỉ thị: tăng cường``);
- no space after the colon of a key (``title:Tuyên truyền``);
- a tab used for indentation;
- a list item's ``-`` that is not in line with the items before it.

:func:`likely_cause` returns None when none fits; the caller then translates libyaml's
own words (:data:`kehoach.messages.YAML_PROBLEMS`).
"""

from __future__ import annotations

import re

import yaml

from kehoach.messages import Message, msg

# A key of a plan file: an identifier (title, status, depends_on …).
_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):(?=[^\s:/])")
_KEY_VALUE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*):\s+")
_DASH = re.compile(r"^(\s*)-(?:\s|$)")


def likely_cause(exc: yaml.MarkedYAMLError, text: str) -> tuple[Message, int, int] | None:
    """(message, 1-based line, 1-based column) of the likely cause of *exc*, or None."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark
    if mark is None:
        return None
    lines = text.split("\n")
    line, col = mark.line + 1, mark.column + 1
    if context.startswith("while scanning a quoted scalar") and exc.context_mark is not None:
        if problem.startswith(("found unexpected end of stream", "found unexpected document")):
            opened = exc.context_mark
            quote = _char(lines, opened.line + 1, opened.column + 1)
            return (
                msg("yaml-quote-never-closed", quote=_quote_name(quote)),
                opened.line + 1,
                opened.column + 1,
            )
        return None
    if "tab" in problem or _char(lines, line, col) == "\t":
        return _tab(lines, line)
    low = exc.context_mark.line + 1 if exc.context_mark is not None else line
    found = _no_space_after_colon(lines, max(1, min(low, line - 3)), line)
    if found is not None and problem.startswith(
        ("could not find expected ':'", "mapping values are not allowed")
    ):
        return found
    dash = _stray_dash(lines, line)
    if dash is not None:
        return dash
    if problem.startswith(("did not find expected key", "expected <block end>")):
        return _text_after_quote(lines, line, col)
    if problem.startswith("mapping values are not allowed"):
        return _colon_in_value(lines, line, col)
    return None


def _char(lines: list[str], line: int, col: int) -> str:
    if 1 <= line <= len(lines) and 1 <= col <= len(lines[line - 1]):
        return lines[line - 1][col - 1]
    return ""


def _quote_name(quote: str) -> str:
    return "nháy đơn (')" if quote == "'" else 'nháy kép (")'


def _tab(lines: list[str], line: int) -> tuple[Message, int, int] | None:
    """The first tab in the indentation of *line* (or of the line above)."""
    for number in (line, line - 1):
        if 1 <= number <= len(lines):
            source = lines[number - 1]
            indent = source[: len(source) - len(source.lstrip(" \t"))]
            if "\t" in indent:
                return msg("yaml-tab-indent"), number, indent.index("\t") + 1
    return None


def _no_space_after_colon(
    lines: list[str], first: int, last: int
) -> tuple[Message, int, int] | None:
    """The nearest line from *last* up to *first* written ``key:value``."""
    for number in range(min(last, len(lines)), first - 1, -1):
        source = lines[number - 1]
        found = _KEY_NO_SPACE.match(source)
        if found is not None and _KEY_VALUE.match(source) is None:
            lead, key = found.group(1), found.group(2)
            value = source[found.end() :].strip()
            return (
                msg("yaml-no-space-after-colon", key=key, written=f"{key}: {value}"),
                number,
                len(lead) + len(key) + 1,
            )
    return None


def _stray_dash(lines: list[str], line: int) -> tuple[Message, int, int] | None:
    """*line* starts a list item whose ``-`` is not under the ``-`` of the item before."""
    if not 1 <= line <= len(lines):
        return None
    found = _DASH.match(lines[line - 1])
    if found is None:
        return None
    col = len(found.group(1)) + 1
    for number in range(line - 1, 0, -1):
        above = _DASH.match(lines[number - 1])
        if above is None:
            continue
        expected = len(above.group(1)) + 1
        if expected != col:
            fields = {"col": col, "sibling": number, "expected": expected}
            return msg("yaml-stray-dash", **fields), line, col
        return None
    return None


def _text_after_quote(lines: list[str], line: int, col: int) -> tuple[Message, int, int] | None:
    """A value that opens with a quote, closes it, and goes on (``"Ban" Tuyên giáo``)."""
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    found = _KEY_VALUE.match(source)
    if found is None or found.end() >= len(source) or source[found.end()] not in "\"'":
        return None
    start = found.end()
    quote = source[start]
    close = source.find(quote, start + 1)
    rest = source[close + 1 :].strip() if close >= 0 else ""
    if close < 0 or not rest or rest.startswith("#"):
        return None
    value = source[start:].rstrip()
    inner = value.replace("'", "''")
    return (
        msg(
            "yaml-text-after-quote",
            quote=_quote_name(quote),
            key=found.group(2),
            col=close + 1,
            written=f"'{inner}'",
        ),
        line,
        start + 1,
    )


def _colon_in_value(lines: list[str], line: int, col: int) -> tuple[Message, int, int] | None:
    """``key: text: more``: the second colon (at *col*) starts no key; quote the value."""
    if not 1 <= line <= len(lines):
        return None
    source = lines[line - 1]
    found = _KEY_VALUE.match(source)
    if found is None or col - 1 < found.end() or source[col - 1 : col] != ":":
        return None
    value = source[found.end() :].rstrip()
    if value[:1] in "\"'":
        return None
    inner = value.replace('"', '\\"')
    return (
        msg("yaml-colon-in-value", key=found.group(2), written=f'{found.group(2)}: "{inner}"'),
        line,
        col,
    )
