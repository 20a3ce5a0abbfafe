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

__all__ = ["FIELD", "classify", "ends_sentence", "repair", "roman"]

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
FIELD = re.compile(
    r"^(?:[-+•]\s*)?(?P<label>(?:Cơ quan|Đơn vị|Cơ quan, đơn vị)\s+(?:chủ trì|thực hiện|phối hợp)|"
    r"Chủ trì|Phối hợp|Thời gian(?:\s+(?:thực hiện|hoàn thành))?|Thời hạn(?:\s+hoàn thành)?|"
    r"Tiến độ(?:\s+thực hiện)?|Sản phẩm|Kết quả|Hình thức(?:\s+văn bản)?)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)
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
            and not ends_sentence(prev.text)
            and para.text[:1].islower()
            and classify(para.text)[0] is None
        ):
            lines = (*prev.lines[:-1], f"{prev.lines[-1]} {para.lines[0]}", *para.lines[1:])
            out[-1] = replace(prev, lines=lines)
        else:
            out.append(para)
    return out


def roman(n: int) -> str:
    return to_roman(n)
