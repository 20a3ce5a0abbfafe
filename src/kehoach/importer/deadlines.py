"""Take the deadline out of an item's text.

The genre writes the deadline as the item's last parenthetical: "… (*thực hiện từ năm
2018*)." It is a deadline when the deadline engine reads it; a parenthetical that only
looks like one (it starts with "thực hiện", "hoàn thành", …) but does not parse is left
in the text and reported. Other parentheticals ("(qua Ban Tổ chức Tỉnh ủy)") stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kehoach.deadline import Rule, parse_deadline
from kehoach.errors import DeadlineParseError
from kehoach.text import fold

__all__ = [
    "DeadlineSplit",
    "after_trigger",
    "clean_deadline",
    "parse",
    "prose_deadline",
    "split_deadline",
]

_LAST_PAREN = re.compile(r"\((?P<inner>[^()\n]*)\)\s*(?P<tail>[.;,]?)\s*$")
_LABEL = re.compile(
    r"^(?:thời gian|thời hạn|tiến độ)(?:\s+(?:thực hiện|hoàn thành|trình))?\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_EXCEPTION = re.compile(
    r"^(?P<main>.+?[.;])\s+(?P<item>Riêng\s.+?),\s*"
    r"(?P<due>(?:hoàn thành|thực hiện|xong|trước|chậm nhất)\b.+)$",
    re.DOTALL,
)
_PART_LABEL = re.compile(
    r"^(?P<label>(?:cơ quan|đơn vị)?\s*(?:chủ trì|phối hợp|thực hiện)|thời gian[^:]*|thời hạn[^:]*|"
    r"tiến độ[^:]*)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
_PART_ROLES = re.compile(
    r"^(?P<lead>\S.*?)\s+chủ trì(?:\s*,\s*(?P<partners>\S.*?)\s+phối hợp)?$", re.IGNORECASE
)
_DEADLINE_WORDS = (
    "thuc hien", "hoan thanh", "truoc", "trong", "hang", "dinh ky", "thuong xuyen", "quy ",
    "nam ", "thang ", "tu nam", "tu thang", "sau khi", "xong", "giai doan", "chat nhat",
    "cham nhat", "den ", "tien do", "thoi gian", "thoi han", "ngay ", "6 thang", "dau nam",
    "cuoi nam",
)  # fmt: skip


@dataclass(frozen=True)
class DeadlineSplit:
    """An item's text without its deadline, the deadline, and what could not be read."""

    title: str
    deadline: str | None = None
    unparsed: str | None = None
    exception: tuple[str, str] | None = None  # ("Riêng …" item, its deadline)
    lead: str | None = None  # "(Sở Nội vụ chủ trì; …)"
    partners: str | None = None  # "(…; phối hợp: Sở Tài chính; …)"


def parse(text: str, task_text: str = "") -> Rule | None:
    """The engine's reading of *text*, or None when it cannot read it."""
    try:
        return parse_deadline(text, task_text=task_text)
    except DeadlineParseError:
        return None


def clean_deadline(text: str) -> str:
    """Drop a label such as "Thời gian thực hiện:" and closing punctuation."""
    text = text.strip().rstrip(".;,").strip()
    label = _LABEL.match(text)
    return label.group("rest").strip() if label else text


def looks_like_deadline(text: str) -> bool:
    return fold(text).startswith(_DEADLINE_WORDS) or bool(re.match(r"^\d", text))


def _assignment(inner: str, title: str) -> DeadlineSplit | None:
    """ "Sở Nội vụ chủ trì, Sở Tài chính phối hợp; thời gian: Quý I/2024" read by parts."""
    lead = partners = deadline = None
    for part in (p.strip() for p in re.split(r"\s*;\s*", inner) if p.strip()):
        labelled = _PART_LABEL.match(part)
        if labelled:
            label, value = fold(labelled.group("label")), labelled.group("value").strip()
            if "phoi hop" in label:
                partners = value
            elif "chu tri" in label or ("thuc hien" in label and "thoi" not in label):
                lead = value
            else:
                deadline = clean_deadline(value)
            continue
        roles = _PART_ROLES.match(part)
        if roles is None:
            rule = parse(part, title)
            if rule is None or rule.kind == "none" or deadline is not None:
                return None
            deadline = part  # "…; hoàn thành trong năm 2024"
            continue
        lead = roles.group("lead").strip()
        partners = (roles.group("partners") or "").strip() or partners
    if lead is None or (deadline is not None and parse(deadline, title) is None):
        return None
    return DeadlineSplit(title, deadline, lead=lead, partners=partners)


def split_deadline(text: str) -> DeadlineSplit:
    """Split ``"Làm X (thực hiện từ năm 2018)."`` into ``"Làm X."`` and the deadline.

    A last parenthetical that assigns the task ("(Sở Nội vụ chủ trì; thời gian: Quý
    I/2024)", "(Cơ quan thực hiện: Sở Nội vụ; Thời gian: Quý III/2026)") is taken out
    too, its parts going to ``lead``, ``partners``, ``deadline``.
    """
    match = _LAST_PAREN.search(text)
    if match is None:
        return DeadlineSplit(text)
    inner = clean_deadline(match.group("inner"))
    before = text[: match.start()].rstrip()
    tail = match.group("tail")
    title = before + (tail if tail and not before.endswith((".", ";", ":", ",")) else "")
    if title and re.search(r"chủ trì|(?:cơ quan|đơn vị)\s+thực hiện\s*:", inner, re.IGNORECASE):
        assigned = _assignment(inner, title)
        if assigned is not None:
            return assigned
    rule = parse(inner, title) if inner else None
    if rule is None or rule.kind == "none":
        if inner and looks_like_deadline(inner):
            return DeadlineSplit(text, unparsed=inner)
        return DeadlineSplit(text)
    if not title:
        return DeadlineSplit(text)
    exception = _EXCEPTION.match(inner)
    extra = None
    if exception is not None and parse(exception.group("due")) is not None:
        extra = (exception.group("item").strip(), exception.group("due").strip())
    return DeadlineSplit(title, inner, exception=extra)


def after_trigger(deadline: str, task_text: str = "") -> str | None:
    """What an "after" deadline waits for ("có chỉ thị của Bộ chính trị"), if it waits."""
    rule = parse(deadline, task_text)
    if rule is None:
        return None
    for part in (rule, *rule.parts):
        if part.kind == "after":
            if part.trigger:
                return part.trigger
            found = re.search(r"sau khi\s+(.+)$", deadline)
            return found.group(1) if found else deadline
    return None


_PROSE_START = (
    "hoan thanh", "truoc ngay", "truoc thang", "truoc quy", "cham nhat", "xong truoc",
    "xong trong", "trong nam", "trong quy", "trong thang", "thuc hien trong", "thuc hien tu",
    "dinh ky", "hang nam", "hang quy", "hang thang", "bao cao truoc",
)  # fmt: skip


def prose_deadline(text: str) -> str | None:
    """A deadline written in the sentence: "…, hoàn thành trong năm 2027." → that clause.

    The last clause (after "," or ";") that starts like a deadline and that the engine
    reads; "định kỳ 6 tháng báo cáo …, trước ngày 15/6" keeps the period and the date.
    The text itself stays the task's title.
    """
    body = text.strip().rstrip(".;")
    clauses = [c.strip() for c in re.split(r"[,;]\s+", body) if c.strip()]
    for index in range(len(clauses) - 1, 0, -1):
        clause = clauses[index]
        folded = fold(clause)
        if not folded.startswith(_PROSE_START):
            continue
        periodic = next(
            (c for c in clauses[:index] if fold(c).startswith(("dinh ky", "hang nam", "hang quy"))),
            None,
        )
        if periodic is not None and folded.startswith("truoc"):
            candidate = ", ".join(clauses[clauses.index(periodic) : index + 1])
            rule = parse(candidate)
            if rule is not None and rule.kind not in ("none",):
                return candidate
        rule = parse(clause)
        if rule is not None and rule.kind != "none":
            return clause
    last = clauses[-1] if clauses else ""
    tail = _PROSE_TAIL.search(last)  # "… báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12"
    if tail is not None and tail.start() > 0:
        rule = parse(tail.group(1))
        if rule is not None and rule.kind != "none":
            return tail.group(1)
    return None


_PROSE_TAIL = re.compile(
    r"\s((?:hoàn thành|trước ngày|trước tháng|trước quý|chậm nhất|xong trước)\b.*)$",
    re.IGNORECASE,
)
