"""The text of a .docx as Word shows it, where python-docx's ``.text`` sees less.

python-docx reads a paragraph's direct runs and hyperlinks only, and the body's direct
paragraphs and tables. Real plans also hold text

- in tracked insertions not yet accepted (``w:ins``), smart tags, simple fields and
  inline content controls inside a paragraph;
- in block content controls (``w:sdt``) and custom XML around paragraphs and tables,
  which templates use for whole sections;
- in text boxes (``w:txbxContent``), where the issuing body's header block often sits.

Here a paragraph's text is every ``w:t`` under it, in order, with ``w:tab`` as a space
and ``w:br``/``w:cr`` as a line break — except text that was deleted or moved away
(``w:del``, ``w:moveFrom`` hold ``w:delText`` or moved runs), the fallback copy of a
drawing (``mc:Fallback`` repeats the text box) and the text boxes themselves, which
:func:`text_boxes` returns as paragraphs of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["blocks", "cell_text", "paragraph_text", "text_boxes"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {_W + "moveFrom", _W + "txbxContent", _MC + "Fallback", _W + "del"}
_WRAPPERS = {_W + "sdt", _W + "sdtContent", _W + "customXml"}


def _walk(element: Any) -> Iterator[Any]:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        yield child
        yield from _walk(child)


def paragraph_text(p: Any) -> str:
    """The text of a ``w:p`` element as Word displays it (see the module docstring)."""
    parts: list[str] = []
    for element in _walk(p):
        tag = element.tag
        if tag == _W + "t":
            parts.append(element.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "noBreakHyphen":
            parts.append("-")
        elif tag == _W + "p" and parts:  # a paragraph nested in a content control
            parts.append("\n")
    return "".join(parts)


def text_boxes(p: Any) -> list[Any]:
    """The paragraphs inside the text boxes anchored in ``w:p`` *p* (once each)."""
    out: list[Any] = []

    def visit(element: Any) -> None:
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or tag == _MC + "Fallback":
                continue
            if tag == _W + "txbxContent":
                out.extend(c for c in child.iter(_W + "p"))
                continue
            visit(child)

    visit(p)
    return out


def blocks(body: Any) -> Iterator[Any]:
    """The ``w:p`` and ``w:tbl`` elements of *body* in order, inside content controls too."""
    for child in body:
        tag = child.tag
        if tag in (_W + "p", _W + "tbl"):
            yield child
        elif tag in _WRAPPERS:
            yield from blocks(child)


def cell_text(tc: Any) -> list[str]:
    """The lines of a table cell: each of its paragraphs (nested tables' too) in order."""
    lines: list[str] = []
    for p in tc.iter(_W + "p"):
        if any(a.tag in (_W + "txbxContent", _MC + "Fallback") for a in p.iterancestors()):
            continue
        lines.extend(paragraph_text(p).split("\n"))
    return lines
