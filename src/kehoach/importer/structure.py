"""Paragraphs → the document's tree: parts, header, title, preamble, sections, tasks, closing.

A document is one or more *parts*: the decision (or resolution) that issues the plan, the
plan itself, and appendices ("PHỤ LỤC I", "Biểu số 01"), each with its own heading block
and closed by its own signature ("Nơi nhận:", "TM.", "KT.", a name). The plan's sections
come from the plan part; each appendix is one more top section ("PL1", "PL2", …).

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

from kehoach.importer.markers import (
    FIELD,
    PAGE_NUMBER,
    classify,
    ends_sentence,
    inline_fields,
    repair,
    roman,
    split_fields,
)
from kehoach.importer.names import looks_like_body, starts_with_head
from kehoach.importer.reading import Para
from kehoach.importer.tables import Table, TableRow, read_any_table, read_table
from kehoach.text import fold

__all__ = ["Draft", "Node", "SectionDraft", "Unplaced", "build_draft", "classify", "repair"]

_NOTE_LABEL = re.compile(r"^(?:ghi chu|luu y)\s*:")  # folded: "Ghi chú:", "Lưu ý:"
_CLOSING = ("tren day la", "trong qua trinh thuc hien", "trong qua trinh to chuc thuc hien")
_NOT_TASK_SECTIONS = ("muc dich", "yeu cau", "can cu", "quan diem", "muc tieu", "tinh hinh")
_TASK_WORDS = ("nhiem vu", "giai phap", "to chuc thuc hien", "phan cong")
_ROLE_WORDS = re.compile(r"\b(chủ trì|phối hợp)\b", re.IGNORECASE)


@dataclass
class Unplaced:
    """A paragraph (or a part of one) the importer could not place, and why.

    ``where`` says where it is in words the reader can find ("dòng 41", "đoạn 7",
    "bảng 1, hàng 10", "trang tính 'Phụ lục', hàng 12"); filled when the plan is
    assembled (:attr:`Para.place`)."""

    line: int
    text: str
    reason: str
    where: str = ""


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
    lines: list[int] = field(default_factory=list)  # every paragraph read into this task

    def __post_init__(self) -> None:
        if not self.lines:
            self.lines = [self.line]


@dataclass(frozen=True)
class Placement:
    """Where one paragraph (or table row) of the document ended up."""

    place: str  # metadata, heading, task, note, boilerplate, unplaced
    detail: str = ""


@dataclass
class Part:
    """A part of the document: the issuing decision, the plan, or an appendix."""

    kind: str  # decision, plan, appendix
    header: list[Para] = field(default_factory=list)
    title: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    closing: list[Para] = field(default_factory=list)


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
    paras: list[Para] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    ledger: dict[int, Placement] = field(default_factory=dict)  # paragraph line → place
    tables: list[Table] = field(default_factory=list)  # every table seen, read or not
    table_results: list[tuple[int, str]] = field(default_factory=list)  # (line, what became)
    inherited: list[tuple[int, str]] = field(default_factory=list)  # rows given a merged cell

    def place(self, para: Para, place: str, detail: str = "") -> None:
        self.ledger[para.line] = Placement(place, detail)


_TITLE_KINDS = (
    ("decision", ("quyet dinh", "nghi quyet")),
    ("plan", (
        "ke hoach", "chuong trinh hanh dong", "chuong trinh cong tac", "chuong trinh",
        "de an",
    )),
)  # fmt: skip
_APPENDIX = re.compile(
    r"^(?:PHỤ LỤC|Phụ lục|BIỂU SỐ|Biểu số|BIỂU|Biểu mẫu|BIỂU MẪU)\s*"
    r"(?P<n>[IVX]+|\d{1,3}[a-z]?|[A-Z])?\s*(?:[:.\-–]\s*|$|\s)"
)
_SIGN_START = re.compile(r"^(?:T/M|TM\.|T\.M\.|KT\.|TL\.|TUQ\.|Q\.|Q\s)\s*\S")
_SIGNED = re.compile(r"^\(?\s*(?:đã ký|ký|ký tên|ký và đóng dấu|đã ký và đóng dấu)\s*\)?\.?$", re.I)
_PERSON = re.compile(
    r"^(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈÍÌÓÒÚÙÝ][^\s\d,;:()]*\s+){1,5}[A-ZĐÂĂÊÔƠƯ][^\s\d,;:()]*$"
)
_TABLE_TEXT = re.compile(r"(?:\S\s+\|\s+\S.*){2,}")
_POINTER = re.compile(
    r"(?:tai|theo|o|trong) (?:cac )?(?:phu luc|bieu so|bieu mau)|phu luc (?:[ivx\d]+ )?kem theo|"
    r"nhu bang sau|"
    r"(?:bang|bieu) (?:chi tiet )?kem theo|chi tiet (?:tai|theo) (?:bang|bieu|phu luc)"
)
# A numbered item that only points to the appendix ("3. Các nhiệm vụ cụ thể khác tại Phụ
# lục kèm theo."), folded: the tasks are the appendix's, the item is a note.
_POINTER_ITEM = re.compile(
    r"^(?:(?:thuc hien|trien khai) )?(?:cac )?(?:nhiem vu|noi dung)\b[^.;:]*"
    r"(?:tai|theo|o|trong) (?:cac )?(?:phu luc|bieu so|bieu mau)[^.;:]*[.;]?$"
)
_DECIDER = (
    "chinh phu", "thu tuong", "chu tich", "uy ban nhan dan", "bo truong", "ban thuong vu",
    "ban chap hanh", "hoi dong nhan dan", "giam doc", "truong ban", "bi thu",
)  # fmt: skip
_COLUMN_NAMES = {"lead": "cơ quan chủ trì", "deadline": "thời hạn", "partners": "phối hợp"}


def _folded_first(para: Para) -> str:
    return fold(para.lines[0]).strip(" :.")


def title_kind(para: Para) -> str | None:
    """ "KẾ HOẠCH" → plan, "QUYẾT ĐỊNH" → decision, "PHỤ LỤC I" → appendix, else None."""
    if para.cells is not None:
        return None
    first = para.lines[0].strip()
    if _APPENDIX.match(first) and len(para.text.split()) <= 40 and not first.endswith("."):
        upper = first.isupper() or bool(para.heading) or para.bold
        if upper or _APPENDIX.match(first).group("n"):  # type: ignore[union-attr]
            return "appendix"
    if not (first.isupper() or para.heading) or first.endswith(":"):
        return None
    folded = _folded_first(para)
    for kind, words in _TITLE_KINDS:
        if any(folded == w or folded.startswith(w + " ") for w in words):
            return kind
    return None


def _is_title(para: Para) -> bool:
    return title_kind(para) == "plan"


def _is_end(para: Para) -> bool:
    text = para.text.strip()
    if para.cells is not None:
        return bool(para.cells) and fold(para.cells[0]).startswith("noi nhan")
    return fold(text).startswith("noi nhan") or bool(_SIGN_START.match(text))


def _split_closing(paras: list[Para]) -> tuple[list[Para], list[Para]]:
    """A signature block and what follows it (the next part's heading block).

    The block runs through the recipients' list ("Nơi nhận:" and its dashes), the
    signing lines ("TM. …", the position, "Đã ký") and ends with the signer's name.
    """
    seen_name = False
    for i, para in enumerate(paras):
        text = para.text.strip()
        if seen_name and not (fold(text).startswith("noi nhan") or text.startswith(("-", "+"))):
            return paras[:i], paras[i:]
        if para.cells is None:
            seen_name = seen_name or (bool(_PERSON.match(text)) and not text.isupper())
        else:
            seen_name = seen_name or any(_PERSON.match(c.split("\n")[-1]) for c in para.cells)
    return paras, []


@dataclass
class _Open:
    """A subsection being filled: its heading's marker kind and depth among the levels."""

    section: SectionDraft
    kind: str | None
    depth: int


_BODY_HEADING = re.compile(
    r"^(?P<name>.+?)\s*(?:\(\s*(?:là\s+)?(?:cơ quan|đơn vị)?\s*chủ trì\s*\))?\s*:?\s*$",
    re.IGNORECASE,
)
_BODY_LEAD_IN = re.compile(r"^(?P<name>[^:;.()]{3,120}?)\s*:\s*(?P<text>\S.*)$", re.DOTALL)


def heading_body(rest: str) -> str | None:
    """The body a heading names: "Sở Tài chính:", "Sở Nội vụ (cơ quan chủ trì)" → the name."""
    match = _BODY_HEADING.match(rest.strip())
    name = match.group("name").strip(" :") if match else ""
    return name if name and looks_like_body(name) else None


class _Builder:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.top: SectionDraft | None = None
        self.subs: list[_Open] = []
        self.levels: list[str] = []
        self.stack: list[Node] = []
        self.generated = 0
        self.owner: tuple[Node, int] | None = None  # the task a lettered field block belongs to
        self.pending: tuple[Node, str] | None = None  # "Đơn vị phối hợp:" over a list of names
        self.last_field: Node | None = None
        self.parent_of_fields = False  # the item being read owns a field block below

    # ----------------------------------------------------------------- sections
    def open_top(self, ident: str, title: str, para: Para | None) -> None:
        folded = fold(title)
        purpose = any(w in folded for w in _NOT_TASK_SECTIONS) and not any(
            w in folded for w in _TASK_WORDS
        )
        taken = {s.id for s in self.draft.sections}
        base, n = ident, 2
        while ident in taken:  # a heading repeated by mistake keeps its tasks apart
            ident, n = f"{base}-{n}", n + 1
        section = SectionDraft(ident, title, para.line if para else 0, purpose=purpose)
        if para is not None:
            self.draft.place(para, "note" if purpose else "heading", ident)
        if purpose:
            self.draft.notes.append(f"{ident}. {title}")
        if "nhiem vu thuong xuyen" in folded:
            section.default_deadline = "thực hiện thường xuyên"
        self.draft.sections.append(section)
        self.top, self.subs = section, []
        self.levels, self.stack = [], []
        self.owner = self.pending = self.last_field = None

    def open_sub(self, title: str, para: Para, kind: str | None, depth: int = 0) -> SectionDraft:
        parent = self.current
        parent.children += 1
        section = SectionDraft(f"{parent.id}.{parent.children}", title, para.line, parent=parent.id)
        body = heading_body(title)
        if body is not None:
            section.heading_body = body
        self.draft.sections.append(section)
        self.draft.place(para, "heading", section.id)
        self.subs.append(_Open(section, kind, depth))
        self.stack = []
        self.owner = self.pending = self.last_field = None
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
        return self.subs[-1].section if self.subs else self.top

    def top_section(self, para: Para, kind: str | None, number: str, rest: str) -> bool:
        if kind in ("roman", "part", "letter"):
            self.open_top(number, rest.strip() or para.text, para)
            return True
        if para.heading and kind is None:
            self.generated += 1
            self.open_top(roman(len(self.draft.sections) + 1), para.text, para)
            return True
        if kind == "arabic" and rest.isupper() and len(rest.split()) >= 2 and not self.levels:
            self.open_top(number, rest, para)
            return True
        return False

    # ----------------------------------------------------------------- items
    def is_heading(self, para: Para, rest: str, following: Para | None, task_table: bool) -> bool:
        if para.heading:
            return True
        if rest.endswith((".", ";")) or len(rest.split()) > 25 or following is None:
            return False
        if split_fields(_field_text(following, classify(following.text)[0])) is not None:
            return False  # a task with its field block under it
        if _ROLE_WORDS.search(rest) and heading_body(rest) is None:
            return False
        if following.cells is not None:
            return task_table
        next_kind = classify(following.text)[0]
        if next_kind is None:  # a name over a paragraph, or a topic over "X chủ trì, …"
            if FIELD.match(following.text):
                return False
            topic = len(rest.split()) <= 12 and starts_with_head(following.text)
            return heading_body(rest) is not None or topic
        return next_kind not in ("roman", "part", "letter", self.levels[0] if self.levels else "")

    def is_body_heading(self, rest: str, following: Para | None, depth: int) -> bool:
        """ "2.3. Sở Tài chính", "- Ủy ban nhân dân các huyện, thành phố:" over its tasks."""
        if following is None or following.cells is not None or heading_body(rest) is None:
            return False
        if split_fields(following.text) is not None:
            return False
        next_kind = classify(following.text)[0]
        if next_kind is None:
            return True
        return (
            next_kind not in ("roman", "part", "letter")
            and next_kind not in self.levels[: depth + 1]
        )

    def item(
        self, para: Para, kind: str, rest: str, following: Para | None, task_table: bool
    ) -> None:
        self.pending = None
        if para.heading:  # a Markdown or Word heading with a number is always a subsection
            self.subs = []
            self.levels = [kind]
            self.open_sub(rest, para, kind)
            return
        if kind in self.levels:
            depth = self.levels.index(kind)
            del self.levels[depth + 1 :]
        else:
            self.levels.append(kind)
            depth = len(self.levels) - 1
        while self.subs and (self.subs[-1].depth >= depth or self.subs[-1].kind == "table"):
            self.subs.pop()  # an item back at a heading's level closes that heading
            self.stack = []
        if self.owner is not None and depth <= self.owner[1]:
            self.owner = None
        heading = not self.parent_of_fields and (
            (depth == 0 and kind != "plus" and self.is_heading(para, rest, following, task_table))
            or (kind != "plus" and self.is_body_heading(rest, following, depth))
        )
        if heading:
            self.open_sub(rest, para, kind, depth)
            return
        base = self.subs[-1].depth + 1 if self.subs else 0
        tree_depth = max(0, min(depth - base, len(self.stack)))
        if _POINTER_ITEM.match(fold(rest)):
            self.draft.notes.append(para.text)
            self.draft.place(para, "note", "chỉ dẫn tới phụ lục")
            return
        inline = inline_fields(rest)  # "Rà soát …. Cơ quan chủ trì: X; Thời gian: …"
        node = Node(para.line, [inline[0] if inline else rest], kind)
        for label, key, value in inline[1] if inline else []:
            self.set_field(node, label, key, value, cover=False)
        lead_in = _BODY_LEAD_IN.match(rest)
        if lead_in and heading_body(lead_in.group("name")) is not None:
            # "2.3. Sở Tài chính: chủ trì …": the name before the colon leads
            node.fields["lead"] = heading_body(lead_in.group("name")) or ""
        self.draft.place(para, "task")
        if tree_depth == 0:
            self.add_root(node)
        else:
            self.stack[tree_depth - 1].children.append(node)
        del self.stack[tree_depth:]
        self.stack.append(node)

    def plain(self, para: Para) -> None:
        text = para.text
        self.pending = None
        if fold(text).startswith(_CLOSING):
            self.unplaced(para, "lời kết, không phải nhiệm vụ")
        elif _NOTE_LABEL.match(fold(text)):  # a remark, not a task nor part of one
            if self.stack:
                node = self.stack[-1]
                node.fields["note"] = "\n".join(x for x in (node.fields.get("note"), text) if x)
                node.lines.append(para.line)
                self.draft.place(para, "task")
            else:
                self.draft.notes.append(text)
                self.draft.place(para, "note", "ghi chú")
        elif _TABLE_TEXT.search(text):
            self.unplaced(para, "dòng giống một hàng bảng, không ghép vào nhiệm vụ")
        elif _POINTER.search(fold(text)) and not self.stack:
            self.draft.notes.append(text)  # "… các nhiệm vụ nêu tại Phụ lục I kèm theo"
            self.draft.place(para, "note", "chỉ dẫn tới phụ lục")
        elif self.stack:
            self.stack[-1].texts.append(text)
            self.stack[-1].lines.append(para.line)
            self.draft.place(para, "task")
        elif text.endswith(":"):
            self.current.intro.append((para.line, text))
            self.draft.place(para, "note", f"lời dẫn mục {self.current.id}")
        else:
            node = Node(para.line, [text], "para")
            self.add_root(node)
            self.stack = [node]
            self.draft.place(para, "task")

    # ----------------------------------------------------------------- fields
    def _target(self, after: Para | None, key: str) -> list[Node]:
        """The task(s) a field line belongs to (see the module docstring)."""
        if self.owner is not None:
            return [self.owner[0]]
        if not self.stack:
            return []
        last = self.stack[-1]
        if len(self.stack) >= 2:  # after "+" sub-items: the parent's, unless each has its own
            parent = self.stack[-2]
            earlier = parent.children[:-1]
            next_kind = classify(after.text)[0] if after is not None else None
            continues = next_kind is not None and next_kind == last.kind
            if not continues and not any(key in c.fields for c in earlier):
                return [parent]
            return [last]
        # a label block under a run of bullets covers the run
        run: list[Node] = []
        for node in reversed(self.current.tasks):
            if node.fields or node.kind not in ("dash", "bullet", "plus") or node.children:
                break
            run.append(node)
        if last.kind in ("dash", "bullet", "plus") and len(run) > 1 and last is run[0]:
            return list(reversed(run))
        return [last]

    def fields(
        self, para: Para, kind: str | None, found: list[tuple[str, str, str]], after: Para | None
    ) -> None:
        if kind in ("alpha", "paren") and self.stack and self.owner is None:
            owner = self.stack[0] if len(self.stack) == 1 else self.stack[-1]
            self.owner = (owner, self.levels.index(owner.kind) if owner.kind in self.levels else 0)
        keys = [key for _, key, _ in found]
        targets = self._target(after, keys[0])
        if not targets:
            self.unplaced(para, "thông tin chủ trì/thời hạn không gắn với nhiệm vụ nào")
            return
        self.draft.place(para, "task")
        targets[-1].lines.append(para.line)
        for node in targets:
            for label, key, value in found:
                self.set_field(node, label, key, value, cover=len(targets) > 1)
        self.last_field = targets[-1]

    def set_field(self, node: Node, label: str, key: str, value: str, *, cover: bool) -> None:
        value = value.strip()
        if key == "content":
            if value:
                node.texts.append(value)
            return
        if not value:
            if key in ("lead", "partners"):
                self.pending = (node, key)  # the names follow, one per line
            return
        if key == "note":
            note = f"{label.strip()}: {value}"
            node.fields["note"] = (
                f"{node.fields['note']}\n{note}" if "note" in node.fields else note
            )
            return
        value = value.rstrip(".;")
        if cover and key in node.fields:
            return
        if key in node.fields and key == "partners":
            node.fields[key] = f"{node.fields[key]}; {value}"
        else:
            node.fields[key] = value

    def pending_name(self, para: Para, rest: str) -> bool:
        """A dash line under "Đơn vị phối hợp:" that only names bodies."""
        if self.pending is None:
            return False
        name = rest.strip(" ;.,")
        if not looks_like_body(name) and not name.lower().startswith("các"):
            self.pending = None
            return False
        node, key = self.pending
        node.fields[key] = f"{node.fields[key]}; {name}" if node.fields.get(key) else name
        node.lines.append(para.line)
        self.draft.place(para, "task")
        return True

    # ----------------------------------------------------------------- tables
    def table(self, rows: list[Para]) -> None:
        table = read_any_table(rows, self.draft.tables[-1] if self.draft.tables else None)
        self.draft.tables.append(table)
        first = rows[0]
        if table.kind == "indicators":  # targets, not tasks: kept in the plan's note
            self.draft.notes.append(f"Bảng chỉ tiêu (dòng {first.line}):")
            for para in rows:
                self.draft.notes.append(" | ".join(para.cells or ()))
                self.draft.place(para, "note", "bảng chỉ tiêu")
            self.draft.table_results.append(
                (first.line, "bảng chỉ tiêu, ghi vào ghi chú của kế hoạch")
            )
            return
        if table.kind != "tasks":  # reported whole: a table is never dropped
            for skipped in table.skipped:
                self.draft.unplaced.append(Unplaced(skipped.line, skipped.text, skipped.reason))
                self.draft.ledger[skipped.line] = Placement("unplaced", skipped.reason)
            for para in rows:
                if para.line not in self.draft.ledger:
                    self.unplaced(para, "bảng không đọc được thành nhiệm vụ")
            self.draft.table_results.append(
                (first.line, "không đọc được thành nhiệm vụ (không nhận ra cột nội dung)")
            )
            return
        for para in rows:  # header, column numbers, repeated headers: until a row says more
            self.draft.place(para, "boilerplate", "tiêu đề bảng")
        by_line = {para.line: para for para in rows}
        self.stack = []
        while self.subs and self.subs[-1].kind == "table":
            self.subs.pop()
        base = self.current
        placed: dict[int, SectionDraft | Node] = {}
        count = 0
        for index, row in enumerate(table.rows):
            if isinstance(row, Unplaced):
                self.draft.unplaced.append(row)
                self.draft.ledger[row.line] = Placement("unplaced", row.reason)
                continue
            parent = placed.get(row.parent) if row.parent is not None else None
            if row.group and not isinstance(parent, Node):
                container = parent if isinstance(parent, SectionDraft) else base
                section = self.nested_section(container, row.content, row.line, row.number)
                placed[index] = section
                if row.line in by_line:
                    self.draft.place(by_line[row.line], "heading", section.id)
                continue
            node = _row_node(row)
            if isinstance(parent, Node):
                parent.children.append(node)
            else:
                section = parent if isinstance(parent, SectionDraft) else base
                section.children = _row_item(row.number, section.children)
                node.item = section.children
                section.tasks.append(node)
            placed[index] = node
            for line in (row.line, *row.continued):
                self.draft.ledger[line] = Placement("task")
            count += 1
            columns = (*row.inherited, *row.merged)
            if columns:
                self.draft.inherited.append(
                    (row.line, ", ".join(_COLUMN_NAMES.get(c, c) for c in columns))
                )
        self.draft.table_results.append((first.line, f"{count} nhiệm vụ"))
        self.stack = []

    def nested_section(
        self, container: SectionDraft, title: str, line: int, number: str = ""
    ) -> SectionDraft:
        """A table's group row: a section inside *container*, numbered with its tasks (by
        its own STT when that is a plain number, see :func:`_row_item`)."""
        container.children = _row_item(number, container.children)
        section = SectionDraft(
            f"{container.id}.{container.children}", title, line, parent=container.id
        )
        body = heading_body(title)
        if body is not None:
            section.heading_body = body
        self.draft.sections.append(section)
        return section

    def unplaced(self, para: Para, reason: str) -> None:
        self.draft.unplaced.append(Unplaced(para.line, para.text, reason))
        self.draft.place(para, "unplaced", reason)


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
    node.lines.extend(row.continued)
    return node


def _title_end(paras: list[Para], start: int) -> int:
    """Index after the title block: "KẾ HOẠCH" and the bold or short lines under it."""
    end = start + 1
    while end < len(paras):
        para = paras[end]
        kind = classify(para.text)[0]
        if para.cells is not None or kind is not None or title_kind(para) is not None:
            break
        if _is_end(para):
            break
        if not (para.bold or (not ends_sentence(para.text) and len(para.text.split()) <= 60)):
            break
        if end > start + 1 and para.text.isupper() and fold(para.text).startswith(_DECIDER):
            break  # "CHÍNH PHỦ" over "Căn cứ …": the organ that decides, not the title
        end += 1
    return end


def split_parts(paras: list[Para]) -> list[Part]:
    """The document's parts in order (one part, kind "plan", when it has no title)."""
    titles = [i for i, p in enumerate(paras) if title_kind(p) is not None]
    if not titles:
        body = paras
        end = next((i for i, p in enumerate(body) if _is_end(p)), len(body))
        closing, rest = _split_closing(body[end:])
        part = Part("plan", body=body[:end], closing=closing)
        return [part] if not rest else [part, _tail(rest)]
    parts: list[Part] = []
    header = paras[: titles[0]]
    starts = [_header_start(paras, t, titles[n - 1] + 1 if n else 0) for n, t in enumerate(titles)]
    for n, start in enumerate(titles):
        stop = starts[n + 1] if n + 1 < len(titles) else len(paras)
        kind = title_kind(paras[start]) or "plan"
        end = _title_end(paras, start)
        end = min(end, stop)
        part = Part(kind, header=header, title=paras[start:end])
        body = paras[end:stop]
        close = next((i for i, p in enumerate(body) if _is_end(p)), len(body))
        part.body = body[:close]
        part.closing, header = _split_closing(body[close:])
        if n + 1 < len(titles):
            header = [*header, *paras[starts[n + 1] : titles[n + 1]]]
        parts.append(part)
    if header:
        parts.append(_tail(header))
    # a decision is only the wrapper of the plan when something follows it
    kinds = [p.kind for p in parts]
    if "decision" in kinds and not ({"plan", "appendix"} & set(kinds)):
        for part in parts:
            if part.kind == "decision":
                part.kind = "plan"
    return parts


def _header_like(para: Para) -> bool:
    """A line of a heading block: the organ in capitals, "Số: …", the place and date."""
    text = para.text.strip()
    if para.cells is not None:
        return False
    if classify(text)[0] is not None or _is_end(para):
        return False
    short = len(text.split()) <= 14
    dated = bool(re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}$", text))
    return short and (text.isupper() or text.startswith(("Số:", "Số ")) or dated)


def _header_start(paras: list[Para], title: int, floor: int) -> int:
    """Where the heading block just above the title at *title* starts (not before *floor*)."""
    start = title
    while start - 1 >= floor and _header_like(paras[start - 1]):
        start -= 1
    return start


def _tail(paras: list[Para]) -> Part:
    """What follows the last signature: a heading block only, or an untitled appendix
    (a table or numbered items after the signature are read, never dropped)."""
    if any(
        (p.cells is not None and len(p.cells) >= 3) or classify(p.text)[0] is not None
        for p in paras
    ):
        return Part("appendix", body=paras)
    return Part("tail", body=paras)


def _row_item(number: str, last: int) -> int:
    """The item number of a table row in its section: the row's own STT when it is a
    plain number past the section's last item, so a table numbered on across its group
    rows ("I, 1, 2, II, 3, 4") keeps the document's numbers (task "3" under group II is
    "….2.3", the id a reader finds in the document); otherwise the next number (a table
    that restarts at 1 in each group, a repeated or missing STT)."""
    plain = re.fullmatch(r"(\d{1,3})[.)]?", number.strip())
    own = int(plain.group(1)) if plain else 0
    return own if own > last else last + 1


def _appendix_id(part: Part, n: int) -> str:
    if not part.title:
        return f"PL{roman(n)}"
    match = _APPENDIX.match(part.title[0].lines[0].strip())
    number = match.group("n") if match else None
    if number and re.fullmatch(r"[IVX]+", number):
        return f"PL{number}"
    if number and re.fullmatch(r"\d{1,3}[a-z]?", number):
        return f"PL{int(re.sub(r'[a-z]', '', number)) if number[-1].isdigit() else number}"
    return f"PL{roman(n)}"


def _appendix_title(part: Part) -> str:
    lines = [line for para in part.title for line in para.lines] or ["PHỤ LỤC"]
    head = lines[0].strip().rstrip(":")
    rest = [line for line in lines[1:] if not line.startswith("(")]
    return f"{head}: {' '.join(rest)}" if rest and ":" not in head else head


def _field_text(para: Para, kind: str | None) -> str:
    """A paragraph's text with its line breaks, without its list marker when it is one of
    the markers a field line may carry ("a) Nhiệm vụ: …", "- Đơn vị chủ trì: …")."""
    if kind in ("alpha", "paren", "dash", "plus", "bullet"):
        return "\n".join([classify(para.lines[0])[2], *para.lines[1:]])
    return "\n".join(para.lines)


def _plus_with_fields(body: list[Para], i: int, kind: str) -> bool:
    """Does the item just read have "+" sub-items and a field line in its scope? Then it
    is a task (the parent of the sub-items, owning a field block after them), not a
    heading over them."""
    plus = False
    for para in body[i:]:
        if para.cells is not None:
            return False
        later_kind = classify(para.text)[0]
        if split_fields(_field_text(para, later_kind)) is not None:
            if later_kind in ("alpha", "paren"):
                return True  # "a) Nhiệm vụ: …": a field block of this item
            if plus:
                return True
            continue
        if later_kind == "plus":
            plus = True
            continue
        if later_kind is None:
            continue
        if later_kind == kind or later_kind in ("roman", "part", "letter"):
            return False
        if later_kind != "plus" and not plus:
            continue
    return False


def _fill(builder: _Builder, body: list[Para]) -> None:
    draft = builder.draft
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
                builder.open_top("I", "NHIỆM VỤ", None)
            builder.table(body[i:j])
            i = j
            continue
        kind, number, rest = classify(para.text)
        following = body[i + 1] if i + 1 < len(body) else None
        i += 1
        if PAGE_NUMBER.match(para.text):  # never glued to a task, nor a bullet ("- 3 -")
            draft.place(para, "boilerplate", "số trang")
            continue
        if builder.top_section(para, kind, number, rest):
            continue
        if builder.top is None and kind is not None and not implicit_clash:
            builder.open_top("I", "NHIỆM VỤ", None)  # items before any heading
        if builder.top is None:
            draft.preamble.append(para)
            draft.place(para, "note", "lời dẫn")
            continue
        if builder.top.purpose:
            prefix = f"{number}. " if kind == "arabic" else ("- " if kind else "")
            draft.notes.append(prefix + rest)
            draft.place(para, "note", f"mục {builder.top.id}")
            continue
        found = split_fields(_field_text(para, kind))
        if found is not None:
            after = next((p for p in body[i:] if split_fields(classify(p.text)[2]) is None), None)
            builder.fields(para, kind, found, after)
        elif kind in ("dash", "plus", "bullet") and builder.pending_name(para, rest):
            continue
        elif kind is None or kind in ("roman", "letter", "part"):
            builder.plain(para)
        else:
            rows = []
            for later in body[i:]:
                if later.cells is None or later.table != body[i].table:
                    break
                rows.append(later)
            builder.parent_of_fields = _plus_with_fields(body, i, kind)
            builder.item(para, kind, rest, following, read_table(rows) is not None)


def _promote_led_items(draft: Draft) -> None:
    """A task whose sub-items name their own lead ("a) …" / "Cơ quan chủ trì: Sở X") is a
    heading over them: it becomes a section, and its items its tasks, each with its lead
    (the ids do not change: "II.1.2" either way)."""
    for section in list(draft.sections):
        for node in list(section.tasks):
            if node.kind == "row" or "lead" in node.fields or not node.children:
                continue
            if not any(child.fields.get("lead") for child in node.children):
                continue
            sub = SectionDraft(
                f"{section.id}.{node.item}", " ".join(node.texts), node.line, parent=section.id
            )
            for index, child in enumerate(node.children, 1):
                child.item = index
                sub.tasks.append(child)
            sub.children = len(node.children)
            for key in ("deadline", "partners"):
                if key in node.fields:
                    for child in sub.tasks:
                        child.fields.setdefault(key, node.fields[key])
            section.tasks.remove(node)
            at = draft.sections.index(section) + 1
            while (
                at < len(draft.sections)
                and draft.sections[at].id.startswith(section.id + ".")
                and draft.sections[at].line < node.line
            ):
                at += 1
            draft.sections.insert(at, sub)
            for line in node.lines:
                draft.ledger[line] = Placement("heading", sub.id)


def _report_tables(draft: Draft, paras: list[Para], where: str) -> None:
    """A table in a part that is not read for tasks is still reported, never silent."""
    seen: set[object] = set()
    for para in paras:
        if para.cells is None or para.table in seen:
            continue
        seen.add(para.table)
        draft.table_results.append((para.line, f"{where}, không đọc thành nhiệm vụ"))


def build_draft(paras: list[Para]) -> Draft:
    """The document's tree; every paragraph is placed somewhere (``Draft.ledger``)."""
    paras = repair(paras)
    draft = Draft(paras=paras)
    parts = split_parts(paras)
    draft.parts = parts
    plan = next((p for p in parts if p.kind == "plan"), None)
    decision = next((p for p in parts if p.kind == "decision"), None)
    main = plan or decision or parts[0]
    draft.header, draft.title, draft.closing = main.header, main.title, main.closing
    builder = _Builder(draft)
    appendices = 0
    for part in parts:
        for para in part.header:
            draft.place(para, "boilerplate", "đầu văn bản")
        _report_tables(
            draft,
            [p for p in part.header if p.cells is not None and len(p.cells) > 2],
            "trong đầu văn bản",
        )
        for para in part.title:
            draft.place(para, "metadata", "tên văn bản")
        recipients = False
        for para in part.closing:
            if fold(para.text).startswith("noi nhan"):
                recipients = True
            elif not para.text.startswith(("-", "+", "•")):
                recipients = False
            detail = "nơi nhận" if recipients else "chữ ký"
            if para.cells is not None and len(para.cells) > 1:
                detail = "nơi nhận và chữ ký"
            draft.place(para, "boilerplate", detail)
        if part is main and part.kind == "plan":
            _fill(builder, part.body)
        elif part.kind == "appendix":
            appendices += 1
            builder.open_top(_appendix_id(part, appendices), _appendix_title(part), None)
            _fill(builder, part.body)
        else:
            detail = {"decision": "điều khoản quyết định ban hành", "tail": "sau chữ ký"}.get(
                part.kind, "văn bản khác"
            )
            for para in part.body:
                if part.kind == "plan":  # a second plan in one file: read it too
                    continue
                draft.place(para, "boilerplate", detail)
            if part.kind != "plan":
                _report_tables(draft, part.body, f"trong phần thủ tục ({detail})")
            if part.kind == "plan":
                _fill(builder, part.body)
    _promote_led_items(draft)
    for para in paras:
        if para.line not in draft.ledger:
            draft.unplaced.append(Unplaced(para.line, para.text, "không xếp được vào đâu"))
            draft.place(para, "unplaced", "không xếp được vào đâu")
    return draft
