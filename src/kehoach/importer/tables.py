"""Task tables: "STT | Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian | Sản phẩm".

Columns are known by the meaning of their header, whatever their position, diacritics
or case: number (STT, TT), content (Nội dung, Tên nhiệm vụ, Nhiệm vụ, giải pháp …), lead
(Cơ quan / Đơn vị chủ trì / thực hiện …), partners (… phối hợp), deadline (Thời gian /
Thời hạn (dự kiến) hoàn thành / thực hiện, Tiến độ), output (Sản phẩm, Kết quả (dự
kiến), Hình thức văn bản). Other headed columns are kept as a note ("Ghi chú: …").

The header is the first of the table's first rows that names content and a lead or a
deadline; rows above it (a title in the table) are skipped with a reason. A second
header row under a merged "Cơ quan thực hiện" cell ("Chủ trì | Phối hợp") refines the
first. Header rows repeated on a new page and column-number rows ("(1) | (2) | (3)",
"(1) (2) (3)") are skipped with a reason, never silently.

A row is a *group* (a section or a parent) when it states no lead, partner, deadline or
output of its own and its number is a Roman numeral, a letter, a dotted number whose
next row goes deeper ("1.1" then "1.1.1"), or when it has no number and no task
follows it untouched; every row gets the index of the row it is nested in
(``parent``), from its numbering: "1.2" sits in "1", "5.1.3" in "5.1", a numbered row
in the Roman or lettered group above it.

Merged cells: a cell merged down from the row above (.docx, .xlsx) gives its text to each
row it spans (``merged``); in text exports (Markdown, CSV) where merged cells come out
blank, a blank lead or deadline inherits from the task row above, up to the next group
row (``inherited``). Both are recorded per row for the import summary.

A table whose header names no task content is still returned, with ``kind``
"indicators" (a "Chỉ tiêu" / "Mục tiêu" table: targets, not tasks) or "other"; the
caller reports it, a table is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kehoach.text import fold

if TYPE_CHECKING:
    from kehoach.importer.reading import Para
    from kehoach.importer.structure import Unplaced

__all__ = [
    "Skipped",
    "Table",
    "TableRow",
    "column_of",
    "find_header",
    "read_any_table",
    "read_table",
]

# Order matters: the first column whose synonym a header cell starts with wins.
_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("number", ("stt", "tt", "so tt", "so thu tu", "thu tu")),
    ("partners", (
        "co quan phoi hop", "don vi phoi hop", "co quan, don vi phoi hop", "phoi hop",
        "co quan, dia phuong phoi hop", "don vi, dia phuong phoi hop",
    )),
    ("lead", (
        "co quan chu tri", "don vi chu tri", "co quan, don vi chu tri", "co quan thuc hien",
        "don vi thuc hien", "co quan, don vi thuc hien", "chu tri", "co quan phu trach",
        "don vi phu trach", "co quan, don vi phu trach", "co quan tham muu",
        "don vi tham muu", "co quan, don vi tham muu", "co quan, dia phuong chu tri",
        "co quan trien khai", "don vi trien khai", "trach nhiem thuc hien",
        "phan cong thuc hien", "co quan, don vi",
    )),
    ("deadline", (
        "thoi gian", "thoi han", "tien do", "hoan thanh", "nam hoan thanh", "lo trinh",
        "moc thoi gian",
    )),
    ("output", (
        "san pham", "ket qua", "hinh thuc van ban", "hinh thuc", "du kien san pham",
        "du kien ket qua", "loai van ban",
    )),
    ("content", (
        "noi dung nhiem vu", "nhiem vu", "noi dung", "ten nhiem vu", "cong viec",
        "ten de an", "de an", "ten van ban", "nhiem vu, giai phap", "giai phap",
        "ten cong viec", "ten du an", "du an", "ten chuong trinh", "hoat dong",
        "cac nhiem vu", "danh muc",
    )),
)  # fmt: skip
_INDICATOR_WORDS = ("chi tieu", "muc tieu", "chi so", "don vi tinh", "dvt")
_COLUMN_NUMBER = re.compile(r"^(?:\(?[0-9]{1,2}\)?|\([A-Za-z]\)|[A-Z])$")
_COLUMN_NUMBERS = re.compile(r"^(?:\(\d{1,2}\)\s*){2,}$")
_PLAIN = re.compile(r"^\d{1,3}[.)]?$")
_DOTTED = re.compile(r"^\d{1,3}(?:\.\d{1,3})+[.)]?$")
_ROMAN = re.compile(r"^[IVXLC]{1,7}[.)]?$")
_LETTER = re.compile(r"^[A-HJ-UW-Z][.)]?$")
_LOWER = re.compile(r"^[a-zđ][.)]?$")
# A marker written into the content cell itself ("I. CÔNG TÁC …", "1.2. Hoàn thiện …").
# A total row at the end of a table ("Tổng cộng: 05 nhiệm vụ", "Cộng", "Tổng số: 12"),
# folded; "Tổng kết …", "Cộng đồng …" are not.
_TOTAL = re.compile(r"^(?:tong cong|tong so|tong|cong)\s*(?:$|[:(\d])")
_IN_CONTENT = re.compile(r"^(?P<n>[IVXLC]{1,7}|[A-HJ-UW-Z]|\d{1,3}(?:\.\d{1,3})*)\s*[.)\-–]\s+\S")


@dataclass
class TableRow:
    """One task row (or group row) of a task table.

    ``line`` is the row's :attr:`Para.line`; ``para`` the row itself (for its place);
    ``number`` the STT cell ("I", "1.2", "" when none); ``parent`` the index, in
    :attr:`Table.rows`, of the group or numbered row it is nested in (None: top level);
    ``level`` its depth (0: top). ``inherited`` names the fields ("lead", "deadline")
    taken from a blank cell's row above, ``merged`` those that come from a cell merged
    across rows. ``cell`` is the index of the content cell (for the task's source).
    ``continued`` holds the lines of rows that only carry on its content, split off by a
    page break (see :func:`_carries_on`).
    """

    line: int
    content: str
    lead: str = ""
    partners: str = ""
    deadline: str = ""
    output: str = ""
    note: str = ""
    group: bool = False
    number: str = ""
    parent: int | None = None
    level: int = 0
    inherited: tuple[str, ...] = ()
    merged: tuple[str, ...] = ()
    cell: int = 0
    para: Para | None = None
    continued: tuple[int, ...] = ()

    @property
    def lead_from_column(self) -> bool:
        """The lead was read from a "chủ trì" / "thực hiện" column: the body leads,
        whatever the first word of the task ("Phối hợp …")."""
        return bool(self.lead)


@dataclass
class Skipped:
    """A row of a table that is not a task and why: a title, a repeated header, the
    column numbers; for the import's accounting."""

    line: int
    text: str
    reason: str
    para: Para | None = None


@dataclass
class Table:
    """A table as read: its columns (cell index → column name), its rows in order.

    ``kind`` is "tasks", "indicators" (targets: "Chỉ tiêu", "Mục tiêu đến năm 2030") or
    "other" (no content column); for the last two ``rows`` is empty and every row is in
    ``skipped``. ``header`` is the header row's text. Every row given to the reader is
    in exactly one of ``rows``, a row's ``continued`` and ``skipped`` (the header row
    too). ``continued``: the table has no header and goes on with the task table before it.
    """

    columns: dict[int, str]
    rows: list[TableRow | Unplaced] = field(default_factory=list)
    kind: str = "tasks"
    header: tuple[str, ...] = ()
    skipped: list[Skipped] = field(default_factory=list)
    first_line: int = 0
    continued: bool = False

    @property
    def inherited_rows(self) -> list[TableRow]:
        """Rows that took a lead or deadline from a merged or blank cell above."""
        return [r for r in self.rows if isinstance(r, TableRow) and (r.inherited or r.merged)]


def _key(header: str) -> str:
    folded = fold(header.replace("\n", " "))
    folded = re.sub(r"\(.*?\)", " ", folded)  # "Thời gian (dự kiến) hoàn thành"
    folded = re.sub(r"\bdu kien\b", " ", folded)
    folded = re.sub(r"[^a-z0-9, ]", " ", folded)
    return re.sub(r"\s+", " ", folded).strip(" ,")


def column_of(header: str) -> str | None:
    """The column a header cell names: number, content, lead, partners, deadline, output."""
    folded = _key(header)
    if not folded or len(folded.split()) > 12:
        return None
    for column, synonyms in _COLUMNS:
        if any(
            folded == s or folded.startswith(s + " ") or folded.startswith(s + ",")
            for s in synonyms
        ):
            return column
    return None


def _columns(header: Sequence[str]) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, cell in enumerate(header):
        column = column_of(cell)
        if column is not None and column not in columns.values():
            columns[index] = column
    return columns


def _is_task_header(columns: dict[int, str]) -> bool:
    names = set(columns.values())
    return "content" in names and bool({"lead", "deadline", "partners", "output"} & names)


def find_header(rows: Sequence[Sequence[str]], within: int = 6) -> int | None:
    """Index of the header among the first *within* rows, or None."""
    for index, cells in enumerate(rows[:within]):
        if _is_task_header(_columns(cells)):
            return index
    return None


def _is_indicator(cells: Sequence[str]) -> bool:
    return any(_key(c).startswith(_INDICATOR_WORDS) for c in cells if c)


def _refine(columns: dict[int, str], header: Sequence[str], row: Para) -> bool:
    """Apply a second header row ("Chủ trì | Phối hợp" under "Cơ quan thực hiện").

    Cells merged down from the first header row (.docx, .xlsx) or repeating it are not
    part of the second row."""
    second = [
        "" if i in row.merged or (i < len(header) and fold(c) == fold(header[i])) else c
        for i, c in enumerate(row.cells or ())
    ]
    named = {i: column_of(c) for i, c in enumerate(second) if c.strip()}
    if not named or any(v is None for v in named.values()):
        return False
    if not all(fold(c).strip() in ("chu tri", "phoi hop", "co quan chu tri", "co quan phoi hop",
                                   "don vi chu tri", "don vi phoi hop", "thuc hien")
               or column_of(c) in ("lead", "partners")
               for c in second if c.strip()):  # fmt: skip
        return False
    for index, column in named.items():
        assert column is not None
        for old in [i for i, c in columns.items() if c == column and i != index]:
            del columns[old]
        columns[index] = column
    return True


def _column_numbers(cells: Sequence[str]) -> bool:
    filled = [c.strip() for c in cells if c.strip()]
    if not filled:
        return False
    if len(filled) == 1 and _COLUMN_NUMBERS.match(filled[0]):
        return True
    return (
        len(filled) >= 2
        and all(_COLUMN_NUMBER.match(c) for c in filled)
        and any(c.strip("()").isdigit() and c.strip("()") not in ("", "0") for c in filled[1:])
    )


def _number_kind(number: str) -> str:
    n = number.rstrip(".)")
    if _DOTTED.match(number):
        return "dotted"
    if _PLAIN.match(number):
        return "arabic"
    if _ROMAN.match(number):
        return "roman"
    if _LETTER.match(number):
        return "letter"
    if _LOWER.match(number):
        return "lower"
    return "none" if not n else "other"


def _segments(number: str) -> tuple[str, ...]:
    return tuple(number.rstrip(".)").split("."))


def _continues(rows: list[Para], previous: Table | None) -> bool:
    """A table with no header of its own that goes on with the task table before it (a
    Word table split by a page or a paragraph): every row as wide as that header."""
    if previous is None or previous.kind != "tasks" or not previous.header or not rows:
        return False
    width = len(previous.header)
    return all(r.cells is not None and len(r.cells) == width for r in rows) and not any(
        _is_indicator(r.cells or ()) for r in rows[:1]
    )


def read_any_table(rows: list[Para], previous: Table | None = None) -> Table:
    """Every table, read: its tasks when it is a task table, else its kind and rows.

    *previous* is the table before it in the document: a table without a header whose
    rows are as wide as *previous*'s header continues it (same columns; ``continued``).
    """
    from kehoach.importer.structure import Unplaced

    first = rows[0].line if rows else 0
    start = next(
        (i for i, r in enumerate(rows) if r.header and _is_task_header(_columns(r.cells or ()))),
        None,
    )
    if start is None:
        start = find_header([r.cells or () for r in rows])
    continued = start is None and _continues(rows, previous)
    if start is None and not continued:
        header = rows[0].cells or () if rows else ()
        kind = "indicators" if _is_indicator(header) else "other"
        reason = (
            "bảng chỉ tiêu, không phải nhiệm vụ" if kind == "indicators"
            else "bảng không có cột nội dung nhiệm vụ"
        )  # fmt: skip
        return Table(
            {}, kind=kind, header=tuple(header), first_line=first,
            skipped=[Skipped(r.line, r.text, reason, r) for r in rows],
        )  # fmt: skip
    if continued:
        assert previous is not None
        header, start = previous.header, -1
    else:
        assert start is not None
        header = tuple(rows[start].cells or ())
    columns = _columns(header)
    content_header = next(header[i] for i, c in columns.items() if c == "content")
    if _key(content_header).startswith(("noi dung chi tieu", "ten chi tieu", "nhom chi tieu")):
        reason = "bảng chỉ tiêu, không phải nhiệm vụ"  # "Nội dung chỉ tiêu | Đơn vị chủ trì"
        return Table(
            {}, kind="indicators", header=header, first_line=first,
            skipped=[Skipped(r.line, r.text, reason, r) for r in rows],
        )  # fmt: skip
    table = Table(columns, header=header, first_line=first, continued=continued)
    if not continued:
        table.skipped.extend(Skipped(r.line, r.text, "tiêu đề trong bảng", r) for r in rows[:start])
        table.skipped.append(
            Skipped(rows[start].line, rows[start].text, "dòng tiêu đề của bảng", rows[start])
        )
    body = rows[start + 1 :]
    if body and not continued and _refine(columns, header, body[0]):
        table.skipped.append(Skipped(body[0].line, body[0].text, "dòng tiêu đề thứ hai", body[0]))
        body = body[1:]
    extra = {i: header[i] for i in range(len(header)) if i not in columns and header[i]}
    header_keys = [fold(c) for c in header]
    for para in body:
        cells = para.cells or ()
        if _column_numbers(cells):
            table.skipped.append(Skipped(para.line, para.text, "dòng số thứ tự cột", para))
            continue
        if [fold(c) for c in cells] == header_keys or (para.header and find_header([cells]) == 0):
            table.skipped.append(Skipped(para.line, para.text, "dòng tiêu đề lặp lại", para))
            continue
        values = {name: cells[i].strip() for i, name in columns.items() if i < len(cells)}
        content = values.get("content", "")
        number = values.get("number", "")
        first_filled = next((c.strip() for c in cells if c.strip()), "")
        if _TOTAL.match(fold(first_filled)):
            reason = "dòng tổng cộng của bảng, không phải nhiệm vụ"
            table.rows.append(Unplaced(para.line, para.text, reason))
            continue
        if not content:
            # A merged group row: its text sits in the first cell ("I. CÔNG TÁC …").
            filled = [c.strip() for c in cells if c.strip()]
            if len(filled) == 1 and len(para.spans) >= len(cells) - 2 >= 1:
                content = filled[0]
                number = ""
            elif len(filled) == 2 and number and filled[0] == number:
                content = filled[1]
        if not content:
            reason = "dòng bảng không có nội dung nhiệm vụ"
            table.rows.append(Unplaced(para.line, para.text, reason))
            continue
        above = table.rows[-1] if table.rows else None
        if not number and _carries_on(above, cells, content, para):
            assert isinstance(above, TableRow)
            above.content = f"{above.content} {content}"
            above.continued = (*above.continued, para.line)
            continue
        if not number:
            inline = _IN_CONTENT.match(content)
            if inline and _number_kind(inline.group("n")) in ("roman", "letter", "dotted"):
                number = inline.group("n")
        values["content"] = content
        values["number"] = number
        for i in extra:
            if i < len(cells) and cells[i].strip():
                values.setdefault("note", "")
                values["note"] = "\n".join(
                    x for x in (values["note"], f"{extra[i]}: {cells[i].strip()}") if x
                )
        table.rows.append(
            TableRow(
                para.line,
                content,
                lead=values.get("lead", ""),
                partners=values.get("partners", ""),
                deadline=values.get("deadline", "").rstrip("."),
                output=values.get("output", ""),
                note=values.get("note", ""),
                number=number,
                cell=next((i for i, c in columns.items() if c == "content"), 0),
                para=para,
            )
        )
    _groups_and_nesting(table, columns)
    _inherit(table, columns)
    for row in table.rows:  # "A. QUẢNG BÁ" → the group's title is "QUẢNG BÁ", its number A
        if isinstance(row, TableRow) and row.group:
            inline = _IN_CONTENT.match(row.content)
            if inline and inline.group("n") == row.number:
                row.content = re.sub(r"^\S+\s*[.)\-–]\s+", "", row.content, count=1)
    return table


# Words a line does not end on when its sentence goes on in the next row.
_OPEN_END = re.compile(r"(?:[,\-–]|\b(?:của|và|các|với|cho|trên|tại|theo|về|đến|trong|để|là))$")


def _carries_on(above: TableRow | Unplaced | None, cells: Sequence[str], content: str,
                para: Para) -> bool:  # fmt: skip
    """Is this row the rest of the task row above, cut off by a page break (Word repeats
    no cell of it: no number, nothing but the content, which starts in lower case or
    finishes a sentence the row above left open)?"""
    if not isinstance(above, TableRow) or above.group or para.merged or para.spans:
        return False
    if sum(1 for c in cells if c.strip()) != 1 or not content:
        return False
    return content[:1].islower() or bool(_OPEN_END.search(above.content.rstrip()))


def _own_fields(row: TableRow) -> bool:
    return bool(row.lead or row.partners or row.deadline or row.output)


def _groups_and_nesting(table: Table, columns: dict[int, str]) -> None:
    rows = [(i, r) for i, r in enumerate(table.rows) if isinstance(r, TableRow)]
    for position, (_, row) in enumerate(rows):
        following = rows[position + 1][1] if position + 1 < len(rows) else None
        kind = _number_kind(row.number)
        deeper = (
            following is not None
            and _segments(following.number)[: len(_segments(row.number))] == _segments(row.number)
            and len(_segments(following.number)) > len(_segments(row.number))
        )
        merged = _merged_fields(row, columns)
        stated = any(
            getattr(row, name) and name not in merged
            for name in ("lead", "partners", "deadline", "output")
        )
        if stated:
            row.group = False
        elif kind in ("roman", "letter"):
            row.group = True  # even when a lead merged down from above covers it
        elif merged:
            row.group = False
        elif kind in ("dotted", "arabic"):
            row.group = deeper and kind in ("dotted", "arabic")
        elif kind == "none":
            # No number: a heading row when what follows is numbered or is a task row.
            row.group = (
                following is not None
                and (_own_fields(following) or bool(following.number))
                and (row.content.isupper() or bool(row.para and row.para.spans))
            )
        else:
            row.group = False
    # Nesting: outer kinds (Roman, letters) by order of first appearance, then numbers
    # by their dotted segments.
    outer_kinds: list[str] = []
    stack: list[tuple[str, tuple[str, ...], int, bool]] = []  # kind, segments, index, group
    for index, row in rows:
        kind = _number_kind(row.number)
        if kind in ("roman", "letter") or (kind == "none" and row.group):
            if kind not in outer_kinds:
                outer_kinds.append(kind)
            depth = outer_kinds.index(kind)
            stack = [s for s in stack if s[0] in outer_kinds[:depth]]
            row.parent = stack[-1][2] if stack else None
            stack.append((kind, (), index, True))
        elif kind in ("dotted", "arabic"):
            segments = _segments(row.number)
            while (
                stack
                and stack[-1][0] in ("dotted", "arabic")
                and not (
                    len(stack[-1][1]) < len(segments)
                    and segments[: len(stack[-1][1])] == stack[-1][1]
                )
            ):
                stack.pop()
            row.parent = stack[-1][2] if stack else None
            stack.append((kind, segments, index, row.group))
        else:  # no number or a lower-case letter: inside the innermost row above
            while stack and not stack[-1][3] and kind == "none":
                stack.pop()
            row.parent = stack[-1][2] if stack else None
        parent = row.parent
        level = 0
        while parent is not None:
            level += 1
            above = table.rows[parent]
            parent = above.parent if isinstance(above, TableRow) else None
        row.level = level


def _merged_fields(row: TableRow, columns: dict[int, str]) -> tuple[str, ...]:
    para = row.para
    if para is None or not para.merged:
        return ()
    return tuple(
        columns[i] for i in para.merged if columns.get(i) in ("lead", "deadline", "partners")
    )


def _inherit(table: Table, columns: dict[int, str]) -> None:
    above: TableRow | None = None
    for row in table.rows:
        if not isinstance(row, TableRow):
            continue
        if row.group:
            above = None
            continue
        row.merged = _merged_fields(row, columns)
        blank_cells = row.para is not None and row.para.origin in ("text", "csv")
        if above is not None and blank_cells:
            inherited = []
            for name in ("lead", "deadline"):
                if name in columns.values() and not getattr(row, name) and getattr(above, name):
                    setattr(row, name, getattr(above, name))
                    inherited.append(name)
            row.inherited = tuple(inherited)
        above = row


def read_table(rows: list[Para]) -> Table | None:
    """The tasks of a table, or None when it is not a task table (see :func:`read_any_table`)."""
    if not rows or rows[0].cells is None:
        return None
    table = read_any_table(rows)
    return table if table.kind == "tasks" else None
