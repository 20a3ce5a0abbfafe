"""Word's automatic numbering: the "1.", "a)", "-" that a .docx shows but does not store.

A list paragraph carries a numbering id and a level (on itself or on its style); the
numbering part says, per level, the format (decimal, lowerLetter, upperRoman, bullet),
the text ("%1.", "%1)", "-") and the start. We count as Word does (a level restarts
when a level above it moves on) and prepend the label, so the structure layer sees the
same markers as in a typed document. Bullet glyphs other than "-" and "+" become "-",
"+", "•" by order of first appearance, which keeps their nesting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kehoach.roman import to_roman

__all__ = ["numbering_labels"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _val(element: Any, tag: str) -> str | None:
    child = element.find(_W + tag) if element is not None else None
    return None if child is None else child.get(_W + "val")


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        text = _LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)
        return text.upper() if fmt == "upperLetter" else text
    if fmt in ("lowerRoman", "upperRoman"):
        text = to_roman(n)
        return text.lower() if fmt == "lowerRoman" else text
    return str(n)


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph, from itself or its style chain."""
    element: Any = paragraph._p.pPr
    style: Any = paragraph.style
    level: str | None = None
    num_id: str | None = None
    for _ in range(10):
        num_pr = element.find(_W + "numPr") if element is not None else None
        if num_pr is not None:
            num_id = num_id or _val(num_pr, "numId")
            level = level or _val(num_pr, "ilvl")
        if num_id is not None or style is None:
            break
        element = style.element.find(_W + "pPr")
        style = style.base_style
    if num_id is None or num_id == "0":
        return None
    return num_id, int(level or 0)


def numbering_labels(document: Any) -> Callable[[Any], str]:
    """A function giving each paragraph its list label ("" when it has none)."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return lambda paragraph: ""
    levels: dict[str, dict[int, tuple[str, str, int]]] = {}
    for abstract in root.findall(_W + "abstractNum"):
        table = {}
        for lvl in abstract.findall(_W + "lvl"):
            start = _val(lvl, "start") or "1"
            table[int(lvl.get(_W + "ilvl") or 0)] = (
                _val(lvl, "numFmt") or "decimal",
                _val(lvl, "lvlText") or "",
                int(start) if start.isdigit() else 1,
            )
        levels[str(abstract.get(_W + "abstractNumId"))] = table
    nums = {
        str(n.get(_W + "numId")): _val(n, "abstractNumId") or "" for n in root.findall(_W + "num")
    }
    counters: dict[str, list[int]] = {}
    bullets: dict[tuple[str, int], str] = {}

    def label(paragraph: Any) -> str:
        found = _num_pr(paragraph)
        if found is None:
            return ""
        num_id, level = found
        table = levels.get(nums.get(num_id, ""), {})
        if level not in table:
            return ""
        fmt, text, _ = table[level]
        if fmt == "none":
            return ""
        if fmt == "bullet":
            glyph = text.strip()
            if glyph not in ("-", "+"):
                key = (num_id, level)
                if key not in bullets:
                    bullets[key] = ("-", "+", "•")[min(len(bullets), 2)]
                glyph = bullets[key]
            return glyph + " "
        counts = counters.setdefault(num_id, [0] * 10)
        counts[level] += 1
        for deeper in range(level + 1, 10):
            counts[deeper] = 0

        def value(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            fmt_at, _, start_at = table.get(at, ("decimal", "", 1))
            return _format(counts[at] + start_at - 1 if at <= level else start_at, fmt_at)

        return re.sub(r"%(\d)", value, text).strip() + " "

    return label
