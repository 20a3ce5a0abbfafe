"""Plain-text tables for terminals and pipes, and the list they become on narrow screens.

Every table kehoach prints (status, tasks, overdue, the portfolio views) is drawn here:
known column widths, text wrapped inside its column, ANSI styles only when asked for.
rich took longer to lay out a few hundred rows than kehoach took to evaluate the plan.

Below :data:`NARROW` columns a table does not fit without wrapping into unreadable
columns, so :func:`table_or_list` prints it as a list instead: one block per row, the
first cell as its title and the other cells as ``Header: value`` fields.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import NamedTuple

RESET = "\x1b[0m"
STYLES = {"bold": "\x1b[1m", "bold red": "\x1b[1;31m", "green": "\x1b[32m"}
NARROW = 80  # below this width a table becomes a list
PIPE = 80  # what pipes and files get unless --width says otherwise
MIN_WRAPPED = 12  # a wrapping column is never squeezed below this
ID_CAP = 24  # the id column at most this wide: "III.2.1 (III.2.1.a 2019)" fits on a line


class Cell(NamedTuple):  # a tuple: tables of 10,000 rows make 50,000 of them
    text: str
    style: str = ""


@dataclass(frozen=True)
class Column:
    """A column: its header (may hold line breaks), alignment, and how it wraps.

    *wrap* is the column's share of the room the fixed columns leave (0: never wraps,
    always as wide as its widest cell); *lines* caps a wrapped cell at that many lines,
    the rest cut with "…" (0: no cap). A fixed column with *cap* is at most that wide, a
    longer cell wrapping inside it (an id naming many sub-tasks must not push the task's
    name out of the table)."""

    header: str
    left: bool = False
    wrap: int = 0
    lines: int = 0
    cap: int = 0


def styled(text: str, style: str, color: bool) -> str:
    return f"{STYLES[style]}{text}{RESET}" if color and style and text.strip() else text


def _columns(headers: Sequence[str | Column]) -> list[Column]:
    """Plain header strings: the first column left-aligned and wrapping, the rest numbers."""
    return [
        h if isinstance(h, Column) else Column(h, left=i == 0, wrap=1 if i == 0 else 0)
        for i, h in enumerate(headers)
    ]


def _widths(columns: list[Column], natural: list[int], width: int) -> list[int]:
    """Fixed columns get their natural width; wrapping columns share what is left by
    weight, none wider than it needs, none narrower than :data:`MIN_WRAPPED`."""
    widths = list(natural)
    fixed = sum(n for c, n in zip(columns, natural, strict=True) if not c.wrap)
    room = width - fixed - 2 * (len(columns) - 1) - 1
    pending = [i for i, c in enumerate(columns) if c.wrap]
    while pending:
        weight = sum(columns[i].wrap for i in pending)
        fits = [i for i in pending if natural[i] <= room * columns[i].wrap // weight]
        if not fits:
            for i in pending:
                widths[i] = max(MIN_WRAPPED, room * columns[i].wrap // weight)
            while sum(widths[i] for i in pending) > room:  # the minimum overshot: take
                widest = max(pending, key=lambda i: widths[i])  # it from the widest
                if widths[widest] <= MIN_WRAPPED:
                    break
                widths[widest] -= 1
            break
        for i in fits:
            room -= natural[i]
            pending.remove(i)
    return widths


def _fold(text: str, width: int, lines: int = 0) -> list[str]:
    """*text* wrapped at spaces to *width* (a longer word cut), at most *lines* lines when
    given, the last then ending in "…". Greedy and only as far as the cap: a table of
    10,000 long task names must not wrap each name whole (textwrap took 3 s there)."""
    if len(text) <= width:
        return [text]
    rest = " ".join(text.split())  # words one space apart
    out: list[str] = []
    while len(rest) > width and not (lines and len(out) >= lines):
        space = rest.rfind(" ", 0, width + 1)  # the last space a line can end at
        if space < 0:  # the first word is longer than the column: cut it
            out.append(rest[:width])
            rest = rest[width:]
        else:
            out.append(rest[:space])
            rest = rest[space + 1 :]
    if rest and lines and len(out) >= lines:  # more than the cap holds
        last = out[-1]
        out[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    elif rest:
        out.append(rest)
    return out or [""]


def render_grid(
    headers: Sequence[str | Column],
    rows: list[list[Cell]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> list[str]:
    """Lines of a table at most *width* wide (as long as the fixed columns fit). Plain
    header strings make the first column left-aligned and wrapped, the others
    right-aligned; :class:`Column` headers say so per column."""
    return list(grid_lines(headers, lambda: rows, footer, width=width, color=color))


def grid_lines(
    headers: Sequence[str | Column],
    rows: Callable[[], Iterable[Sequence[Cell]]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> Iterator[str]:
    """:func:`render_grid` made a row at a time: *rows* is called twice, once for the
    columns' widths (the widest cell of each) and once to draw, so a table of 100,000
    rows never holds its cells or its lines at once."""
    columns = _columns(headers)
    head = [c.header.split("\n") for c in columns]
    height = max(len(h) for h in head)
    head = [[""] * (height - len(h)) + h for h in head]  # bottom-align header lines
    natural = [max(len(line) for line in h) for h in head]
    count = len(columns)
    for row in chain(rows(), [footer] if footer else []):
        for i, cell in enumerate(row[:count]):
            if len(cell.text) > natural[i]:
                natural[i] = len(cell.text)
    natural = [min(n, c.cap) if c.cap else n for c, n in zip(columns, natural, strict=True)]
    widths = _widths(columns, natural, width)

    # Per column: aligned left, width, folds when longer (a table of 10,000 rows draws
    # 100,000 cells: what does not change from row to row is looked up once).
    shapes = [
        (column.left, widths[i], bool(column.wrap or column.cap), column.lines)
        for i, column in enumerate(columns)
    ]
    # Each line of a row is its cells padded to their columns' widths (%-20s and %20s pad
    # as ljust and rjust do, a longer text kept whole): one format for the whole line.
    template = " " + "  ".join(f"%{'-' if left else ''}{wide}s" for left, wide, _, _ in shapes)
    folding = [(i, wide, cap) for i, (_, wide, folds, cap) in enumerate(shapes) if folds]

    def drawn(cells: Sequence[Cell], texts: list[str]) -> str:
        if not color:
            return (template % tuple(texts)).rstrip()
        return (" " + "  ".join(_coloured(cells, texts, shapes))).rstrip()

    def line(cells: Sequence[Cell], header: bool = False) -> list[str]:
        texts = [cell.text for cell in cells[:count]]
        # The cells drawn over several lines: a header's lines, a text too long for its
        # folding column; the others are on the first line only.
        if header:
            folded = [(i, text.split("\n")) for i, text in enumerate(texts)]
        else:
            folded = [
                (i, _fold(texts[i], wide, cap)) for i, wide, cap in folding if len(texts[i]) > wide
            ]
            if not folded:
                return [drawn(cells, texts)]
        out = []
        for index in range(max(len(lines) for _, lines in folded)):
            below = texts if index == 0 else [""] * count
            for i, lines in folded:
                below[i] = lines[index] if index < len(lines) else ""
            out.append(drawn(cells, below))
        return out

    def padded(cells: Sequence[Cell]) -> Sequence[Cell]:
        if len(cells) >= count:
            return cells
        return [*cells, *[Cell("")] * (count - len(cells))]

    for index in range(height):
        yield from line([Cell(h[index], "bold") for h in head], header=True)
    yield " " + "─" * (sum(widths) + 2 * (count - 1))
    for row in rows():
        yield from line(padded(row))
    if footer:
        yield ""
        yield from line(padded(footer))


def _coloured(
    cells: Sequence[Cell], texts: list[str], shapes: list[tuple[bool, int, bool, int]]
) -> Iterator[str]:
    """The cells of a one-line row, padded to their columns and styled (empty ones plain)."""
    for cell, text, (left, wide, _, _) in zip(cells, texts, shapes, strict=False):
        padded = text.ljust(wide) if left else text.rjust(wide)
        yield styled(padded, cell.style, True) if text else padded


def _label(header: str) -> str:
    """A header drawn over several lines, on one: "Quá\\nhạn" → "Quá hạn", "Over-\\ndue" →
    "Overdue"."""
    out = ""
    for part in header.split("\n"):
        out = out[:-1] + part if out.endswith("-") else f"{out} {part}" if out else part
    return out


def _flow(fields: list[tuple[Cell, int]], width: int, color: bool) -> list[str]:
    """``Header: value`` fields, as many to a line as fit, joined by " · "; a field too
    long for a line wraps on its own (at most its cap of lines, when it has one), its
    continuation lines indented further."""
    lines: list[str] = []
    current: list[Cell] = []
    used = 0

    def flush() -> None:
        if current:
            lines.append("  " + " · ".join(styled(c.text, c.style, color) for c in current))

    for field, cap in fields:
        size = len(field.text)
        if current and used + 3 + size <= width:
            current.append(field)
            used += 3 + size
            continue
        flush()
        current, used = [], 0
        if 2 + size <= width:
            current, used = [field], 2 + size
            continue
        folded = _fold(field.text, width - 4, cap)  # continuation lines indented by two
        lines += [
            ("  " if n == 0 else "    ") + styled(text, field.style, color)
            for n, text in enumerate(folded)
        ]
    flush()
    return lines


def render_list(
    headers: Sequence[str | Column],
    rows: list[list[Cell]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> list[str]:
    """The table as a list: each row's first cell as a title line, its other cells below
    as ``Header: value`` fields (empty cells and "·" left out). A row whose first cell is
    empty (the table's "same as above") goes under the title before it."""
    return list(list_lines(headers, rows, footer, width=width, color=color))


def list_lines(
    headers: Sequence[str | Column],
    rows: Iterable[Sequence[Cell]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> Iterator[str]:
    """:func:`render_list` made a row at a time (*rows* is read once)."""
    columns = _columns(headers)
    labels = [_label(c.header) for c in columns]

    def block(row: Sequence[Cell]) -> list[str]:
        lines: list[str] = []
        title = row[0]
        if title.text:
            lines += [
                styled(t, title.style or "bold", color) for t in textwrap.wrap(title.text, width)
            ]
        fields = [
            (Cell(f"{labels[i]}: {cell.text}", cell.style), columns[i].lines)
            for i, cell in enumerate(row[1:], start=1)
            if i < len(labels) and cell.text.strip() not in ("", "·")
        ]
        lines += _flow(fields, width, color)
        return lines

    for row in rows:
        yield from block(row)
    if footer:
        yield ""
        yield from block(footer)


def table_or_list(
    headers: Sequence[str | Column],
    rows: list[list[Cell]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> list[str]:
    """The table at *width* columns and more than :data:`NARROW`, else the same rows as a
    list (:func:`render_list`)."""
    return list(table_or_list_lines(headers, lambda: rows, footer, width=width, color=color))


def table_or_list_lines(
    headers: Sequence[str | Column],
    rows: Callable[[], Iterable[Sequence[Cell]]],
    footer: list[Cell] | None = None,
    *,
    width: int = PIPE,
    color: bool = False,
) -> Iterator[str]:
    """:func:`table_or_list` made a row at a time: *rows* is called twice for a table (see
    :func:`grid_lines`), once for a list."""
    if width >= NARROW:
        return grid_lines(headers, rows, footer, width=width, color=color)
    return list_lines(headers, rows(), footer, width=width, color=color)


def wrapped(text: str, width: int) -> list[str]:
    """A paragraph of a table's surroundings (titles, notes) folded to *width*."""
    return textwrap.wrap(text, width) or [""]
