"""List markers and page-break repair: what kind of line a paragraph is.

``classify`` tells a section heading ("II- …", "A. …", "Phần I"), a numbered item
("1.", "1.2", "a)", "(1)") and a bullet ("-", "+", "•") from a plain paragraph.
``repair`` joins the two halves of a sentence that a page break split.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kehoach.importer.reading import Para
from kehoach.roman import to_roman
from kehoach.text import fold

__all__ = [
    "FIELD",
    "PAGE_NUMBER",
    "classify",
    "ends_sentence",
    "field_key",
    "inline_fields",
    "repair",
    "roman",
    "split_fields",
]

_ROMAN = re.compile(r"^(?P<n>[IVX]{1,6})\s*[-.–):]\s*(?P<rest>\S.*)$")
_PART = re.compile(r"^(?:Phần|PHẦN)\s+(?P<n>[IVX]+|\d+)\s*[-.:–]?\s*(?P<rest>.*)$")
_LETTER = re.compile(r"^(?P<n>[A-HJ-UWYZ])\s*[-.–)]\s*(?P<rest>\S.*)$")
_DOTTED = re.compile(r"^(?P<n>\d{1,2}(?:\.\d{1,2})+)\.?\s+(?P<rest>\S.*)$")
_ARABIC = re.compile(r"^(?P<n>\d{1,3})\s*(?:[.)]|-(?=\s))\s*(?P<rest>\S.*)$")
_ALPHA = re.compile(r"^(?P<n>[a-zđ])\s*[).]\s+(?P<rest>\S.*)$")
_PAREN = re.compile(r"^\((?P<n>\d{1,2}|[a-zđ])\)\s*(?P<rest>\S.*)$")
_DASH = re.compile(r"^[-–—]\s*(?P<rest>\S.*)$")
_PLUS = re.compile(r"^\+\s*(?P<rest>\S.*)$")
_BULLET = re.compile(r"^[•●▪◦·]\s*(?P<rest>\S.*)$")
# Field labels under a task: "Cơ quan chủ trì:", "Đơn vị phối hợp thực hiện:", "Thời hạn
# hoàn thành:", "Sản phẩm dự kiến:", "Nhiệm vụ:" … (a colon, or none after a two-word label).
_ORGAN = r"(?:Cơ quan|Đơn vị|Cơ quan, đơn vị|Cơ quan/đơn vị|Cơ quan, địa phương)"
_LABELS = (
    rf"{_ORGAN}\s+(?:chủ trì(?:\s+tham mưu|\s+thực hiện|\s+soạn thảo)?|thực hiện|"
    r"phối hợp(?:\s+thực hiện)?|phụ trách|tham mưu)|"
    r"Chủ trì(?:\s+thực hiện|\s+tham mưu)?|Phối hợp(?:\s+thực hiện)?|"
    r"(?:Thời gian|Thời hạn)(?:\s+(?:thực hiện|hoàn thành|trình|triển khai))?(?:\s+dự kiến)?|"
    r"Tiến độ(?:\s+(?:thực hiện|hoàn thành))?|"
    r"Sản phẩm(?:\s+(?:dự kiến|đầu ra|chính))?|Kết quả(?:\s+(?:dự kiến|đầu ra))?|"
    r"Hình thức(?:\s+văn bản)?|Nhiệm vụ|Nội dung(?:\s+(?:nhiệm vụ|thực hiện))?"
)
FIELD = re.compile(
    rf"^(?:[-+•]\s*)?(?P<label>{_LABELS})\s*:\s*(?P<value>\S.*)$", re.IGNORECASE | re.DOTALL
)
_FIELD_START = re.compile(rf"^(?:[-+•]\s*)?(?P<label>{_LABELS})\s*(?P<colon>:?)\s*", re.IGNORECASE)
# Labels read without a colon ("Thời gian thực hiện Quý III/2027"): two words or more, and
# only for who and when.
_BARE = re.compile(
    rf"^(?:{_ORGAN}\s+(?:chủ trì|thực hiện|phối hợp)|(?:Thời gian|Thời hạn)\s+"
    r"(?:thực hiện|hoàn thành))$",
    re.IGNORECASE,
)


def field_key(label: str) -> str:
    """The task field a label fills: lead, partners, deadline, output, content or note."""
    folded = fold(label)
    if "phoi hop" in folded:
        return "partners"
    if folded.startswith(("thoi", "tien do")):
        return "deadline"
    if folded.startswith(("san pham", "ket qua", "hinh thuc")):
        return "output"
    if folded.startswith(("nhiem vu", "noi dung")):
        return "content"
    if (
        "chu tri" in folded
        or "thuc hien" in folded
        or "phu trach" in folded
        or "tham muu" in folded
    ):
        return "lead"
    return "note"


def _one_field(text: str) -> tuple[str, str] | None:
    match = _FIELD_START.match(text)
    if match is None:
        return None
    label, value = match.group("label"), text[match.end() :].strip()
    bare_ok = bool(_BARE.match(label)) and (value[:1].isupper() or value[:1].isdigit())
    if not match.group("colon") and not bare_ok:
        return None
    return label, value


def split_fields(text: str) -> list[tuple[str, str, str]] | None:
    """ "Cơ quan thực hiện: X; phối hợp: Y, Z; Thời gian: Quý III/2027" → its fields.

    Each field is (label, key, value). A text is cut at ";", ",", ". ", a line break or
    " - " only where a label follows ("Cơ quan chủ trì: X, Cơ quan phối hợp: Y, Thời gian
    hoàn thành: Z"), so "Sở Tài chính; Sở Nội vụ", "Sở Văn hóa, Thể thao và Du lịch" and
    "2025 - 2027" stay one value.
    None when the text does not start with a label.
    """
    text = text.strip()
    if _one_field(text) is None:
        return None
    cuts: list[tuple[int, int]] = []
    for sep in re.finditer(r"\s*(?:[;,]|\.(?=\s)|\n|\s[-–+•](?=\s))\s*", text):
        if _one_field(text[sep.end() :]) is not None:
            cuts.append((sep.start(), sep.end()))
    pieces, start = [], 0
    for begin, end in cuts:
        pieces.append(text[start:begin])
        start = end
    pieces.append(text[start:])
    out: list[tuple[str, str, str]] = []
    for piece in pieces:
        found = _one_field(piece)
        if found is None:
            continue
        label, value = found
        value = re.sub(r"\s*\n\s*", " ", value).strip().rstrip(";").strip()
        out.append((label, field_key(label), value))
    return out


_INLINE_AT = re.compile(rf"[.;]\s+(?=(?:{_LABELS})\s*:)", re.IGNORECASE)


def inline_fields(text: str) -> tuple[str, list[tuple[str, str, str]]] | None:
    """ "Rà soát quy hoạch. Cơ quan chủ trì: X; Thời gian: Quý II/2026." → the task's
    own text ("Rà soát quy hoạch.") and its fields, when a sentence is followed by labels
    of who, with whom, when or what (each with its colon), outside any parentheses (those
    are the deadline reader's); None otherwise."""
    for at in _INLINE_AT.finditer(text):
        if text.count("(", 0, at.start()) != text.count(")", 0, at.start()):
            continue
        found = split_fields(text[at.end() :])
        if found and all(key in ("lead", "partners", "deadline", "output") for _, key, _ in found):
            return text[: at.start() + 1], found
    return None


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _is_roman(text: str) -> bool:
    values = [_ROMAN_VALUES[c] for c in text]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    return 0 < total < 40


def classify(text: str) -> tuple[str | None, str, str]:
    """(marker kind, its number, the text after it); kind None for a plain paragraph."""
    for kind, pattern in (
        ("part", _PART), ("dotted", _DOTTED), ("arabic", _ARABIC), ("paren", _PAREN),
        ("alpha", _ALPHA), ("plus", _PLUS), ("dash", _DASH), ("bullet", _BULLET),
    ):  # fmt: skip
        match = pattern.match(text)
        if match:
            return kind, match.groupdict().get("n") or "", match.group("rest")
    roman = _ROMAN.match(text)
    if roman and _is_roman(roman.group("n")):
        return "roman", roman.group("n"), roman.group("rest")
    letter = _LETTER.match(text)
    if letter and letter.group("rest").isupper():
        return "letter", letter.group("n"), letter.group("rest")
    return None, "", text


# A page number a PDF's text keeps as a line of its own: "2", "- 3 -", "Trang 4", "4/12".
PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*/\s*\d{1,3})?$", re.I)


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", ":", ";", "!", "?"))


def repair(paras: list[Para]) -> list[Para]:
    """Join paragraphs a page break split: no closing punctuation, next starts lower case."""
    out: list[Para] = []
    for para in paras:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.cells is None
            and para.cells is None
            and not (prev.bold or prev.heading or para.bold or para.heading)
            and not prev.text.isupper()
            and not PAGE_NUMBER.match(prev.text)  # "2" then "công trình …": not "2 công trình"
            and not ends_sentence(prev.text)
            and para.text[:1].islower()
            and classify(para.text)[0] is None
        ):
            lines = (*prev.lines[:-1], f"{prev.lines[-1]} {para.lines[0]}", *para.lines[1:])
            out[-1] = replace(prev, lines=lines, last=para.end_line)
        else:
            out.append(para)
    return _split_field_lines(out)


def _split_field_lines(paras: list[Para]) -> list[Para]:
    """A text paragraph whose later lines are field labels ("Cơ quan chủ trì: …") is two
    paragraphs: the task, then its field block (each keeps its own line number)."""
    out: list[Para] = []
    for para in paras:
        if para.cells is not None or len(para.lines) < 2 or getattr(para, "origin", "") != "text":
            out.append(para)
            continue
        cut = next(
            (k for k in range(1, len(para.lines)) if _one_field(para.lines[k]) is not None), None
        )
        if cut is None:
            out.append(para)
            continue
        out.append(replace(para, lines=para.lines[:cut]))
        out.append(replace(para, line=para.line + cut, lines=para.lines[cut:], bold=False))
    return out


def roman(n: int) -> str:
    return to_roman(n)
