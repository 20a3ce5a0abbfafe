"""Document references (số, ký hiệu văn bản): find them in free text, read their parts.

Two notations are in use:

* Party documents (Quy định 66-QĐ/TW ngày 06/02/2017, Hướng dẫn 36-HD/VPTW ngày
  03/4/2018): ``SỐ-LOẠI/CƠ QUAN`` — "26-NQ/TW", "10-KH/TW", "124-QĐ/TW", "15-KH/TU",
  "36-HD/VPTW". No year in the reference itself.
* State documents (Nghị định 30/2020/NĐ-CP, Phụ lục III; Luật Ban hành văn bản quy
  phạm pháp luật): ``SỐ/NĂM/LOẠI-CƠ QUAN`` for legal documents — "04/2013/QĐ-UBND",
  "09/2019/NĐ-CP", "22/2008/QH12" (laws carry the National Assembly's term instead of
  a type) — and ``SỐ/LOẠI-CƠ QUAN`` for the others — "123/QĐ-UBND"; an official
  letter has no type: "123/UBND-VX".

:func:`find_docrefs` returns every well-formed reference with its parts;
:func:`docref_problems` explains each token that looks like a reference but is not
a well-formed one ("15-KH/", "KH/TU", "04/2013/QĐ", "15-XX/TU").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any, Literal

from kehoach.text import fold, nfc

__all__ = [
    "PARTY_TYPES",
    "STATE_TYPES",
    "DocRef",
    "docref_problems",
    "find_docrefs",
    "is_malformed_docref",
    "parse_docref",
    "type_name",
]

System = Literal["party", "state"]

# Chữ viết tắt tên loại văn bản của Đảng (Quy định 66-QĐ/TW, Hướng dẫn 36-HD/VPTW).
PARTY_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "QĐi": "Quy định",
    "TT": "Thông tri",
    "HD": "Hướng dẫn",
    "BC": "Báo cáo",
    "KH": "Kế hoạch",
    "QH": "Quy hoạch",
    "CTr": "Chương trình",
    "TB": "Thông báo",
    "TTr": "Tờ trình",
    "ĐA": "Đề án",
    "PA": "Phương án",
    "ĐC": "Đề cương",
    "CV": "Công văn",
    "BB": "Biên bản",
    "GGT": "Giấy giới thiệu",
    "GCN": "Giấy chứng nhận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
}

# Chữ viết tắt tên loại văn bản hành chính (Nghị định 30/2020/NĐ-CP, Phụ lục III) and the
# legal documents of the Law on promulgating legal documents.
STATE_TYPES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTr": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTr": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "GN": "Bản ghi nhớ",
    "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
    "NĐ": "Nghị định",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "PL": "Pháp lệnh",
    "L": "Lệnh",
}

EARLIEST_YEAR = 1945  # the first documents of the Democratic Republic of Vietnam

_ORG = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_TYPE = r"[A-Za-zĐđ]{1,5}"
_PARTY_RE = re.compile(rf"^(?P<num>\d{{1,5}})-(?P<type>{_TYPE})/(?P<org>{_ORG}(?:-{_ORG})*)$")
_STATE_RE = re.compile(
    rf"^(?P<num>\d{{1,5}})(?:/(?P<year>\d{{4}}))?/(?P<type>{_ORG})(?:-(?P<org>{_ORG}(?:-{_ORG})*))?$"
)
_LAW_ORG_RE = re.compile(r"^(?:QH|UBTVQH)\d{1,2}$")
_DATE_NUM_RE = re.compile(r"ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", re.IGNORECASE)
_DATE_WORDS_RE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_STRIP = ".,;:!?()[]{}\"'“”‘’«»…"
_NUMERIC_DATE_RE = re.compile(r"^\d{1,2}/\d{1,2}(?:/\d{2,4})?$")


@dataclass(frozen=True)
class DocRef:
    """One reference: its text as written and its parts.

    ``number`` keeps leading zeros ("04"); ``year`` is given only by state legal
    documents ("04/2013/QĐ-UBND"); ``date`` comes from a following "ngày 20/8/2018"
    or "ngày 20 tháng 8 năm 2018" in the surrounding text.
    """

    text: str
    number: str
    year: int | None
    type: str | None
    type_name: str | None
    issuer: str
    system: System
    date: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "number": self.number,
            "year": self.year,
            "type": self.type,
            "type_name": self.type_name,
            "issuer": self.issuer,
            "system": self.system,
            "date": self.date.isoformat() if self.date is not None else None,
        }


def type_name(code: str, system: System = "party") -> str | None:
    table = PARTY_TYPES if system == "party" else STATE_TYPES
    return table.get(code)


def _canonical_type(code: str, system: System) -> tuple[str | None, str | None]:
    """(canonical code, hint) for a type code: exact or case-insensitive match, else a hint
    when the code matches only without diacritics ("QD" for "QĐ")."""
    table = PARTY_TYPES if system == "party" else STATE_TYPES
    if code in table:
        return code, None
    lowered = [known for known in table if known.casefold() == code.casefold()]
    if len(lowered) == 1:
        return lowered[0], None
    folded = [known for known in table if fold(known) == fold(code)]
    if folded:
        return None, f" (viết đúng là '{folded[0]}')"
    return None, None


@dataclass(frozen=True)
class _Token:
    text: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    out = []
    for match in re.finditer(r"\S+", text):
        raw = match.group()
        left = len(raw) - len(raw.lstrip(_STRIP))
        stripped = raw.strip(_STRIP)
        if stripped:
            start = match.start() + left
            out.append(_Token(stripped, start, start + len(stripped)))
    return out


def _looks_like_ref(token: str) -> bool:
    """A token with a '/' that is neither a date, a fraction, a URL nor a path word."""
    if "/" not in token or "://" in token or token.startswith("www."):
        return False
    if _NUMERIC_DATE_RE.match(token):
        return False
    has_upper = any(ch.isupper() for ch in token)
    has_digit = any(ch.isdigit() for ch in token)
    if has_upper and has_digit:
        return True
    head = re.split(r"[/-]", token, maxsplit=1)[0]
    # "KH/TU": a known type code with no number; "T/M" (thay mặt), "Đ/c" are not.
    return bool(head) and (head in PARTY_TYPES or head in STATE_TYPES) and has_upper


def _date_after(text: str, end: int) -> dt.date | None:
    window = text[end : end + 40]
    for pattern in (_DATE_NUM_RE, _DATE_WORDS_RE):
        match = pattern.match(window.lstrip(" ,"))
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                return None
    return None


def _parse_token(token: str, today: dt.date) -> tuple[DocRef | None, str | None]:
    """A well-formed reference, or the reason the token is not one."""
    token = nfc(token)
    shown = f"Số/ký hiệu văn bản '{token}'"
    party = _PARTY_RE.match(token)
    if party:
        code, hint = _canonical_type(party["type"], "party")
        if code is None:
            if hint:
                return None, f"{shown}: loại văn bản '{party['type']}' viết sai{hint}."
            return None, (
                f"{shown}: loại văn bản '{party['type']}' không có trong danh mục "
                "(ví dụ NQ, KH, QĐ, CT, KL, TB)."
            )
        if int(party["num"]) == 0:
            return None, f"{shown}: số văn bản phải lớn hơn 0."
        return DocRef(
            token, party["num"], None, code, PARTY_TYPES[code], party["org"], "party"
        ), None
    state = _STATE_RE.match(token)
    if state:
        year = int(state["year"]) if state["year"] else None
        if year is not None and not EARLIEST_YEAR <= year <= today.year:
            return None, f"{shown}: năm {year} không hợp lệ (từ {EARLIEST_YEAR} đến {today.year})."
        if int(state["num"]) == 0:
            return None, f"{shown}: số văn bản phải lớn hơn 0."
        first, org = state["type"], state["org"]
        code, hint = _canonical_type(first, "state")
        if org is None:
            if _LAW_ORG_RE.match(first) and year is not None:
                return DocRef(token, state["num"], year, None, "Luật", first, "state"), None
            if code is not None or hint:
                example = (
                    f"{state['num']}/{year}/{code or first}-UBND"
                    if year
                    else (f"{state['num']}/{code or first}-UBND")
                )
                return None, (
                    f"{shown}: thiếu cơ quan ban hành sau loại văn bản (ví dụ {example})."
                )
            return None, f"{shown}: không đúng dạng 04/2013/QĐ-UBND hoặc 26-NQ/TW."
        if code is not None:
            return DocRef(token, state["num"], year, code, STATE_TYPES[code], org, "state"), None
        if hint:
            return None, f"{shown}: loại văn bản '{first}' viết sai{hint}."
        if year is None and first.isupper() and len(first) >= 2:
            # Công văn: 123/UBND-VX (cơ quan - đơn vị soạn thảo), no type code.
            issuer = f"{first}-{org}"
            return DocRef(token, state["num"], None, None, "Công văn", issuer, "state"), None
        return None, (
            f"{shown}: loại văn bản '{first}' không có trong danh mục "
            "(ví dụ QĐ, NĐ, TT, NQ, CT, KH)."
        )
    return None, _why_malformed(token, shown)


def _why_malformed(token: str, shown: str) -> str:
    if token.endswith(("/", "-")):
        return f"{shown}: thiếu cơ quan ban hành sau dấu '{token[-1]}'."
    if token.startswith(("/", "-")) or not token[0].isdigit():
        return f"{shown}: thiếu số văn bản (viết dạng 15-KH/TU hoặc 04/2013/QĐ-UBND)."
    if re.match(r"^\d+-[^/]+$", token):
        return f"{shown}: thiếu '/' và cơ quan ban hành (viết dạng 15-KH/TU)."
    return f"{shown}: không đúng dạng 26-NQ/TW hoặc 04/2013/QĐ-UBND."


def _scan(text: str, today: dt.date) -> tuple[list[DocRef], list[str]]:
    refs: list[DocRef] = []
    problems: list[str] = []
    text = nfc(text)
    for token in _tokens(text):
        if not _looks_like_ref(token.text):
            continue
        ref, problem = _parse_token(token.text, today)
        if ref is not None:
            date = _date_after(text, token.end)
            refs.append(replace(ref, date=date))
        elif problem is not None:
            problems.append(problem)
    return refs, problems


def find_docrefs(text: str, *, today: dt.date | None = None) -> list[DocRef]:
    """Every well-formed reference in *text*, in order."""
    return _scan(text, today or dt.date.today())[0]


def parse_docref(text: str, *, today: dt.date | None = None) -> DocRef | None:
    """The first well-formed reference in *text* ("Kế hoạch số 15-KH/TU ngày 20/8/2018"
    → number 15, type KH, issuer TU, date 2018-08-20), or None."""
    refs = find_docrefs(text, today=today)
    return refs[0] if refs else None


def docref_problems(text: str, *, today: dt.date | None = None) -> list[str]:
    """One Vietnamese message per token of *text* that looks like a reference but is
    malformed; a date after "ngày" that is not in the calendar is reported too."""
    day = today or dt.date.today()
    problems = _scan(text, day)[1]
    for pattern in (_DATE_NUM_RE, _DATE_WORDS_RE):
        for match in pattern.finditer(nfc(text)):
            d, m, y = (int(g) for g in match.groups())
            shown = f"{d}/{m}/{y}"
            try:
                dt.date(y, m, d)
            except ValueError:
                problems.append(f"Ngày {shown} của văn bản không tồn tại trong lịch.")
                continue
            if not EARLIEST_YEAR <= y <= day.year:
                problems.append(
                    f"Ngày {shown} của văn bản: năm {y} không hợp lệ "
                    f"(từ {EARLIEST_YEAR} đến {day.year})."
                )
    return problems


def is_malformed_docref(text: str, *, today: dt.date | None = None) -> str | None:
    """The first reason *text* holds a malformed reference, or None when it holds none."""
    problems = docref_problems(text, today=today)
    return problems[0] if problems else None
