"""Tables in plain text and Markdown, in the shapes exports produce.

1. Pipe rows: ``| a | b | c |`` (Markdown) or ``a | b | c`` without the outer pipes
   (two such lines at least, or one that is a task header), with or without a
   ``---|---`` line under the header (which marks the row above it as the header).
   Blank lines between rows of the same width do not end the table.
2. Header cells one per line: at least three lines in a row that each name a column
   (STT, Nội dung nhiệm vụ, Cơ quan chủ trì, …; see :func:`tables.column_of`), naming
   the content and a lead, partner, deadline or output column. The rows under it are
   then read as

   - pipe rows, when the first line under the header has " | ";
   - one cell per line with separator lines (``---``, ``===``, ``***``) between cells
     and a different one between rows; an empty cell is two separators in a row;
   - one cell per line with one kind of separator or none: a row starts at a cell that
     is a bare row number ("1", "1.2", "II", "A") or the header's first cell repeated
     (a header repeated on a new page); a row has at most as many cells as the header.

   The table ends at a Markdown heading, "Nơi nhận", two blank lines, or the first line
   that cannot be part of a row. A "(1)", "(2)", … run right under the header is one row
   (the column numbers, which the table reader skips and reports).

Each row is returned with the line it starts on; every line from the table's first to
its last belongs to the table (its header, a row, or a separator).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kehoach.importer.tables import _columns, _is_task_header, column_of
from kehoach.text import fold

__all__ = ["TextTable", "find_table"]

_SEPARATOR = re.compile(r"^\s*([-=_*~.·+#])(?:\s*\1){2,}\s*$")
_ALIGN = re.compile(r"^:?-{2,}:?$")
_ROW_NUMBER = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,7}|[A-HJ-UW-Z])[.)]?$")
_COLUMN_NUMBER = re.compile(r"^\(\d{1,2}\)$")
_COLUMN_NUMBERS = re.compile(r"^(?:\(\d{1,2}\)\s*){2,}$")
_PIPE = re.compile(r"(?<!\\)\|")


@dataclass
class TextTable:
    """Rows found from line index ``start`` to ``end`` (exclusive, 0-based indices)."""

    start: int
    end: int
    rows: list[tuple[int, tuple[str, ...], bool]] = field(
        default_factory=list
    )  # line, cells, header


def _is_pipe(line: str) -> bool:
    stripped = line.strip()
    return (
        stripped.startswith("|")
        or " | " in stripped
        or bool(re.search(r"\S\s*\|\s*\S", stripped) and stripped.count("|") >= 2)
    )


def _split(line: str, clean: Callable[[str], str]) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    return tuple(
        clean(re.sub(r"<br\s*/?>", "\n", p, flags=re.I).replace("\\|", "|"))
        for p in _PIPE.split(body)
    )


def _is_align(cells: tuple[str, ...]) -> bool:
    filled = [c.replace(" ", "") for c in cells if c.strip()]
    return bool(filled) and all(_ALIGN.match(c) for c in filled)


def _pipe_table(lines: list[str], i: int, clean: Callable[[str], str]) -> TextTable | None:
    outer = lines[i].strip().startswith("|")
    rows: list[tuple[int, tuple[str, ...], bool]] = []
    j = i
    end = i
    width = 0
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            k = j
            while k < len(lines) and not lines[k].strip():
                k += 1
            if k < len(lines) and _is_pipe(lines[k]) and len(_split(lines[k], clean)) == width:
                j = k
                continue
            break
        if _COLUMN_NUMBERS.match(line.strip()) and rows:
            rows.append((j + 1, (clean(line),), False))  # "(1) (2) (3)" under the header
            j += 1
            end = j
            continue
        if not _is_pipe(line):
            break
        cells = _split(line, clean)
        if _is_align(cells):
            if rows:
                line_no, previous, _ = rows[-1]
                rows[-1] = (line_no, previous, True)
        else:
            rows.append((j + 1, cells, False))
            width = len(cells)
        j += 1
        end = j
    if not rows:
        return None
    named = _is_task_header(_columns(rows[0][1]))
    if not outer and end - i < 2 and not named:
        return None
    return TextTable(i, end, rows)


def _header_lines(lines: list[str], i: int) -> tuple[list[tuple[int, str]], int, set[str]]:
    """The run of one-per-line header cells from line *i*: cells, end index, separators."""
    cells: list[tuple[int, str]] = []
    seps: set[str] = set()
    pending: set[str] = set()  # separators count only between two header cells
    j = i
    end = i
    while j < len(lines):
        stripped = lines[j].strip()
        if not stripped:
            j += 1
            continue
        sep = _SEPARATOR.match(stripped)
        if sep:
            if not cells:
                break
            pending.add(sep.group(1))
            j += 1
            continue
        if column_of(stripped) is None or "|" in stripped:
            break
        seps |= pending
        pending = set()
        cells.append((j, stripped))
        j += 1
        end = j
    return cells, end, seps


def find_table(lines: list[str], i: int, clean: Callable[[str], str]) -> TextTable | None:
    """The table that starts at line index *i*, in any shape above, or None."""
    stripped = lines[i].strip()
    if _is_pipe(stripped):
        return _pipe_table(lines, i, clean)
    if column_of(stripped) is None:
        return None
    header, end, header_seps = _header_lines(lines, i)
    names = [clean(text) for _, text in header]
    if len(header) < 3 or not _is_task_header(_columns(names)):
        return None
    table = TextTable(i, end, [(header[0][0] + 1, tuple(names), True)])
    _body(lines, table, len(header), header_seps, names, clean)
    return table


def _body(
    lines: list[str],
    table: TextTable,
    width: int,
    header_seps: set[str],
    header: list[str],
    clean: Callable[[str], str],
) -> None:
    # Tokens up to a hard end: ("cell", index, text) or ("sep", index, char).
    tokens: list[tuple[str, int, str]] = []
    j = table.end
    blanks = 0
    while j < len(lines):
        stripped = lines[j].strip()
        if not stripped:
            blanks += 1
            if blanks >= 2:
                break
            j += 1
            continue
        blanks = 0
        if stripped.startswith("#") and not _SEPARATOR.match(stripped):
            break
        if fold(stripped).startswith("noi nhan"):
            break
        sep = _SEPARATOR.match(stripped)
        tokens.append(("sep", j, sep.group(1)) if sep else ("cell", j, stripped))
        j += 1
    first = next((t for t in tokens if t[0] == "cell"), None)
    if first is not None and _is_pipe(first[2]):
        rows = _pipe_table(lines, first[1], clean)
        if rows is not None:
            table.rows.extend((n, c, h) for n, c, h in rows.rows)
            table.end = rows.end
        return
    cell_sep = next(iter(header_seps)) if len(header_seps) == 1 else None
    kinds = {t[2] for t in tokens if t[0] == "sep"}
    row_seps = kinds - {cell_sep} if cell_sep else set()
    if row_seps:
        _split_rows(tokens, table, width, cell_sep, row_seps, clean)
    else:
        _resync_rows(tokens, table, width, cell_sep or next(iter(kinds), None), header, clean)


Cell = tuple[int, str, int]  # first line index, text, last line index


def _emit(table: TextTable, cells: list[Cell], width: int) -> None:
    texts = tuple(c[1] for c in cells) + ("",) * (width - len(cells))
    line = next((c[0] for c in cells if c[1]), cells[0][0])
    table.rows.append((line + 1, texts, False))
    table.end = max(table.end, max(c[2] for c in cells) + 1)


def _split_rows(
    tokens: list[tuple[str, int, str]],
    table: TextTable,
    width: int,
    cell_sep: str | None,
    row_seps: set[str],
    clean: Callable[[str], str],
) -> None:
    chunk: list[tuple[str, int, str]] = []
    for token in [*tokens, ("end", -1, "")]:
        if token[0] == "cell" or (token[0] == "sep" and token[2] == cell_sep):
            chunk.append(token)
            continue
        cells = _cells_of(chunk, cell_sep, clean)
        last = token[0] == "end"
        if cells and (len(cells) > width or (last and len(cells) < 2)):
            return
        if cells:
            _emit(table, cells, width)
        if not last:
            table.end = token[1] + 1
        chunk = []


def _cell(current: list[tuple[int, str]], at: int) -> Cell:
    if not current:
        return (at, "", at)
    return (current[0][0], "\n".join(t for _, t in current), current[-1][0])


def _cells_of(
    chunk: list[tuple[str, int, str]], cell_sep: str | None, clean: Callable[[str], str]
) -> list[Cell]:
    cells: list[Cell] = []
    current: list[tuple[int, str]] = []
    for kind, index, text in chunk:
        if kind == "sep":
            cells.append(_cell(current, index))
            current = []
        else:
            current.append((index, clean(text)))
    if current or cells:
        cells.append(_cell(current, chunk[-1][1]))
    return cells


def _resync_rows(
    tokens: list[tuple[str, int, str]],
    table: TextTable,
    width: int,
    sep: str | None,
    header: list[str],
    clean: Callable[[str], str],
) -> None:
    numbered = column_of(header[0]) == "number"
    first_header = fold(header[0])
    # Cells: with a separator, what lies between two of them (possibly empty).
    cells: list[Cell] = []
    if sep is not None:
        current: list[tuple[int, str]] = []
        for kind, index, text in tokens:
            if kind == "sep" and text == sep:
                if current:
                    cells.append(_cell(current, index))
                    current = []
                elif cells:
                    cells.append((index, "", index))
            elif kind == "cell":
                current.append((index, clean(text)))
        if current:
            cells.append(_cell(current, current[-1][0]))
    else:
        cells = [(index, clean(text), index) for kind, index, text in tokens if kind == "cell"]
    k = 0
    numbers: list[Cell] = []
    while k < len(cells) and _COLUMN_NUMBER.match(cells[k][1]):
        numbers.append(cells[k])
        k += 1
    if len(numbers) >= 2:
        _emit(table, numbers, width)
    else:
        k = 0
    row: list[Cell] = []

    def starts_row(text: str) -> bool:
        return (numbered and bool(_ROW_NUMBER.match(text))) or fold(text) == first_header

    while k < len(cells):
        text = cells[k][1]
        if row and starts_row(text):
            _emit(table, row, width)
            row = []
        if not row and numbered and not starts_row(text):
            break  # prose after the table
        if len(row) == width:
            if numbered:
                break
            _emit(table, row, width)
            row = []
        row.append(cells[k])
        k += 1
    if row and (len(row) >= 2 or not numbered):
        _emit(table, row, width)
