"""Paragraphs → the document's tree: header, title, preamble, sections, tasks, closing.

Sections are the Roman-numbered headings ("II- NHIỆM VỤ THƯỜNG XUYÊN"). Inside a
section, list markers nest as the document nests them: the first kind of marker met
is the outer level, a new kind goes one level deeper, a kind met before closes the
levels under it. A numbered line that is only a name or a topic and has items under
it ("1. Đảng đoàn Hội đồng nhân dân tỉnh") opens a subsection. Every paragraph ends up
somewhere: in a task, a section's lead-in, the plan's notes, or the unplaced list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kehoach.importer.markers import FIELD, classify, ends_sentence, repair, roman
from kehoach.importer.names import looks_like_body, starts_with_head
from kehoach.importer.reading import Para
from kehoach.importer.tables import Table, TableRow, read_any_table, read_table
from kehoach.text import fold

__all__ = ["Draft", "Node", "SectionDraft", "Unplaced", "build_draft", "classify", "repair"]

_CLOSING = ("tren day la", "trong qua trinh thuc hien", "trong qua trinh to chuc thuc hien")
_NOT_TASK_SECTIONS = ("muc dich", "yeu cau", "can cu", "quan diem", "muc tieu", "tinh hinh")
_TASK_WORDS = ("nhiem vu", "giai phap", "to chuc thuc hien", "phan cong")
_ROLE_WORDS = re.compile(r"\b(chủ trì|phối hợp)\b", re.IGNORECASE)


@dataclass
class Unplaced:
    """A paragraph (or a part of one) the importer could not place, and why."""

    line: int
    text: str
    reason: str


@dataclass
class Node:
    """A task as the document writes it: its paragraphs, where it starts, its items."""

    line: int
    texts: list[str]
    kind: str
    children: list[Node] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    item: int = 0
    where: dict[str, int | str] = field(default_factory=dict)  # table/sheet/row/cell


@dataclass
class SectionDraft:
    id: str
    title: str
    line: int
    parent: str | None = None
    heading_body: str | None = None
    intro: list[tuple[int, str]] = field(default_factory=list)
    tasks: list[Node] = field(default_factory=list)
    purpose: bool = False
    default_deadline: str = ""
    children: int = 0


@dataclass
class Draft:
    header: list[Para] = field(default_factory=list)
    title: list[Para] = field(default_factory=list)
    preamble: list[Para] = field(default_factory=list)
    sections: list[SectionDraft] = field(default_factory=list)
    closing: list[Para] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # every table seen, read or not


def _is_title(para: Para) -> bool:
    first = para.lines[0]
    return fold(first).startswith("ke hoach") and (first.isupper() or bool(para.heading))


def _is_end(para: Para) -> bool:
    text = para.text.strip()
    return fold(text).startswith("noi nhan") or bool(
        re.match(r"^(T/M|TM\.|T\.M\.|KT\.|TL\.)\s*\S", text)
    )


class _Builder:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.top: SectionDraft | None = None
        self.sub: SectionDraft | None = None
        self.sub_kind: str | None = None
        self.levels: list[str] = []
        self.stack: list[Node] = []
        self.generated = 0

    # ----------------------------------------------------------------- sections
    def open_top(self, ident: str, title: str, line: int) -> None:
        folded = fold(title)
        purpose = any(w in folded for w in _NOT_TASK_SECTIONS) and not any(
            w in folded for w in _TASK_WORDS
        )
        taken = {s.id for s in self.draft.sections}
        base, n = ident, 2
        while ident in taken:  # a heading repeated by mistake keeps its tasks apart
            ident, n = f"{base}-{n}", n + 1
        section = SectionDraft(ident, title, line, purpose=purpose)
        if purpose:
            self.draft.notes.append(f"{ident}. {title}")
        if "nhiem vu thuong xuyen" in folded:
            section.default_deadline = "thực hiện thường xuyên"
        self.draft.sections.append(section)
        self.top, self.sub, self.sub_kind = section, None, None
        self.levels, self.stack = [], []

    def open_sub(self, title: str, line: int, kind: str | None) -> SectionDraft:
        assert self.top is not None
        self.top.children += 1
        section = SectionDraft(
            f"{self.top.id}.{self.top.children}", title, line, parent=self.top.id
        )
        if looks_like_body(title):
            section.heading_body = title.rstrip(":").strip()
        self.draft.sections.append(section)
        self.sub, self.sub_kind, self.stack = section, kind, []
        return section

    def add_root(self, node: Node) -> None:
        """A task at the outer level of the current section; it takes the next number,
        shared with the subsections of that section so that ids never collide."""
        section = self.current
        section.children += 1
        node.item = section.children
        section.tasks.append(node)

    @property
    def current(self) -> SectionDraft:
        assert self.top is not None
        return self.sub or self.top

    def top_section(self, para: Para, kind: str | None, number: str, rest: str) -> bool:
        if kind in ("roman", "part", "letter"):
            self.open_top(number, rest.strip() or para.text, para.line)
            return True
        if para.heading and kind is None:
            self.generated += 1
            self.open_top(roman(len(self.draft.sections) + 1), para.text, para.line)
            return True
        if kind == "arabic" and rest.isupper() and len(rest.split()) >= 2 and not self.levels:
            self.open_top(number, rest, para.line)
            return True
        return False

    # ----------------------------------------------------------------- items
    def is_heading(self, para: Para, rest: str, following: Para | None, task_table: bool) -> bool:
        if para.heading:
            return True
        if rest.endswith((".", ";")) or len(rest.split()) > 25 or following is None:
            return False
        if _ROLE_WORDS.search(rest) and not looks_like_body(rest):
            return False
        if following.cells is not None:
            return task_table
        next_kind = classify(following.text)[0]
        if next_kind is None:  # a name over a paragraph, or a topic over "X chủ trì, …"
            if FIELD.match(following.text):
                return False
            topic = len(rest.split()) <= 12 and starts_with_head(following.text)
            return looks_like_body(rest.rstrip(":")) or topic
        return next_kind not in ("roman", "part", "letter", self.levels[0] if self.levels else "")

    def item(
        self, para: Para, kind: str, rest: str, following: Para | None, task_table: bool
    ) -> None:
        if para.heading:  # a Markdown or Word heading with a number is always a subsection
            self.sub = None
            self.levels = [kind]
            self.open_sub(rest, para.line, kind)
            return
        if kind in self.levels:
            depth = self.levels.index(kind)
            del self.levels[depth + 1 :]
        else:
            self.levels.append(kind)
            depth = len(self.levels) - 1
        if depth == 0 and kind != "plus" and self.is_heading(para, rest, following, task_table):
            self.open_sub(rest, para.line, kind)
            return
        if depth == 0 and self.sub is not None:
            self.sub, self.sub_kind = None, None  # an item back at the outer level
        base = 1 if self.sub is not None and self.levels and self.levels[0] == self.sub_kind else 0
        tree_depth = max(0, min(depth - base, len(self.stack)))
        node = Node(para.line, [rest], kind)
        if tree_depth == 0:
            self.add_root(node)
        else:
            self.stack[tree_depth - 1].children.append(node)
        del self.stack[tree_depth:]
        self.stack.append(node)

    def plain(self, para: Para) -> None:
        text = para.text
        if fold(text).startswith(_CLOSING):
            self.unplaced(para, "lời kết, không phải nhiệm vụ")
        elif self.stack:
            self.stack[-1].texts.append(text)
        elif text.endswith(":"):
            self.current.intro.append((para.line, text))
        else:
            node = Node(para.line, [text], "para")
            self.add_root(node)
            self.stack = [node]

    def field_line(self, para: Para, label: str, value: str) -> None:
        if not self.stack:
            self.unplaced(para, "thông tin chủ trì/thời hạn không gắn với nhiệm vụ nào")
            return
        node, folded = self.stack[-1], fold(label)
        key = (
            "partners" if "phoi hop" in folded
            else "lead" if ("chu tri" in folded or "thuc hien" in folded) and "thoi" not in folded
            else "deadline" if folded.startswith(("thoi", "tien do"))
            else "output" if folded.startswith(("san pham", "ket qua", "hinh thuc"))
            else "note"
        )  # fmt: skip
        if key == "lead" and not any(node is task for task in self.current.tasks):
            key = "note"  # a sub-item stays in its parent's file; keep what it says as a note
        value = value.strip()
        if key == "note":
            note = f"{label.strip()}: {value}"
            node.fields["note"] = (
                f"{node.fields['note']}\n{note}" if "note" in node.fields else note
            )
        else:
            node.fields[key] = value.rstrip(".")

    def table(self, rows: list[Para]) -> None:
        table = read_any_table(rows)
        self.draft.tables.append(table)
        if table.kind != "tasks":  # reported whole: a table is never dropped
            for skipped in table.skipped:
                self.draft.unplaced.append(Unplaced(skipped.line, skipped.text, skipped.reason))
            return
        self.stack = []
        if self.sub is not None and self.sub_kind == "table":
            self.sub = None
        base = self.current
        placed: dict[int, SectionDraft | Node] = {}
        for index, row in enumerate(table.rows):
            if isinstance(row, Unplaced):
                self.draft.unplaced.append(row)
                continue
            parent = placed.get(row.parent) if row.parent is not None else None
            if row.group and not isinstance(parent, Node):
                container = parent if isinstance(parent, SectionDraft) else base
                placed[index] = self.nested_section(container, row.content, row.line)
                continue
            node = _row_node(row)
            if isinstance(parent, Node):
                parent.children.append(node)
            else:
                section = parent if isinstance(parent, SectionDraft) else base
                section.children += 1
                node.item = section.children
                section.tasks.append(node)
            placed[index] = node
        self.stack = []

    def nested_section(self, container: SectionDraft, title: str, line: int) -> SectionDraft:
        """A table's group row: a section inside *container*, numbered with its tasks."""
        container.children += 1
        section = SectionDraft(
            f"{container.id}.{container.children}", title, line, parent=container.id
        )
        if looks_like_body(title):
            section.heading_body = title.rstrip(":").strip()
        self.draft.sections.append(section)
        return section

    def unplaced(self, para: Para, reason: str) -> None:
        self.draft.unplaced.append(Unplaced(para.line, para.text, reason))


def _row_node(row: TableRow) -> Node:
    node = Node(row.line, row.content.split("\n"), "row")
    for key in ("lead", "partners", "deadline", "output", "note"):
        value = getattr(row, key, "")
        if value:
            node.fields[key] = value
    if row.lead_from_column:
        node.fields["role"] = "chủ trì"  # the column says who leads, not the first word
    if row.para is not None:
        node.where = row.para.location(row.cell)
    return node


def _title_end(paras: list[Para], start: int) -> int:
    """Index after the title block: "KẾ HOẠCH" and the bold or short lines under it."""
    end = start + 1
    while end < len(paras):
        para = paras[end]
        kind = classify(para.text)[0]
        if para.cells is not None or kind is not None:
            break
        if not (para.bold or (not ends_sentence(para.text) and len(para.text.split()) <= 60)):
            break
        end += 1
    return end


def build_draft(paras: list[Para]) -> Draft:
    """The document's tree; nothing is dropped without being recorded."""
    paras = repair(paras)
    draft = Draft()
    title_at = next((i for i, p in enumerate(paras) if _is_title(p)), None)
    start = 0
    if title_at is not None:
        draft.header = paras[:title_at]
        start = _title_end(paras, title_at)
        draft.title = paras[title_at:start]
    builder = _Builder(draft)
    body = paras[start:]
    end = next((i for i, p in enumerate(body) if _is_end(p)), len(body))
    draft.closing = body[end:]
    body = body[:end]
    implicit_clash = any(classify(p.text)[0] in ("roman", "part", "letter") for p in body) or any(
        p.heading for p in body
    )
    i = 0
    while i < len(body):
        para = body[i]
        if para.cells is not None:
            j = i
            while j < len(body) and body[j].cells is not None and body[j].table == para.table:
                j += 1
            if builder.top is None:
                builder.open_top("I", "NHIỆM VỤ", para.line)
            builder.table(body[i:j])
            i = j
            continue
        kind, number, rest = classify(para.text)
        following = body[i + 1] if i + 1 < len(body) else None
        i += 1
        if builder.top_section(para, kind, number, rest):
            continue
        if builder.top is None and kind is not None and not implicit_clash:
            builder.open_top("I", "NHIỆM VỤ", para.line)  # items before any heading
        if builder.top is None:
            draft.preamble.append(para)
            continue
        if builder.top.purpose:
            prefix = f"{number}. " if kind == "arabic" else ("- " if kind else "")
            draft.notes.append(prefix + rest)
            continue
        field_match = FIELD.match(para.text)
        if field_match:
            builder.field_line(para, field_match.group("label"), field_match.group("value"))
        elif kind is None or kind in ("roman", "letter", "part"):
            builder.plain(para)
        else:
            rows = []
            for later in body[i:]:
                if later.cells is None or later.table != body[i].table:
                    break
                rows.append(later)
            builder.item(para, kind, rest, following, read_table(rows) is not None)
    return draft
