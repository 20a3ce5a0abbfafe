"""The plan's identity from its first and last paragraphs: title, number, date, what it
implements, issuer and signer."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from kehoach.importer.reading import Para
from kehoach.text import fold

__all__ = [
    "Meta",
    "read_header",
    "read_preamble",
    "read_signature",
    "report_defaults",
    "sentence_case",
    "title_of",
]

_DOC_KINDS = (
    "Nghị quyết|Kế hoạch|Chỉ thị|Kết luận|Quyết định|Quy định|Thông báo|Chương trình|"
    "Nghị định|Thông tư|Luật|Hướng dẫn|Công văn|Đề án|Thông tri|Quy chế"
)
_DATE = r"ngày\s+(?P<d>\d{1,2})\s*(?:tháng\s*|[/.-])(?P<m>\d{1,2})\s*(?:năm\s*|[/.-])(?P<y>\d{4})"
_DOC_RE = re.compile(
    rf"(?P<kind>{_DOC_KINDS})\s+số\s+(?P<ref>[\w./Đđ-]+?)\s*,?\s*{_DATE}\s*(?:,\s*)?"
    r"(?:của\s+(?P<issuer>(?:[^,;:()]|\([^()]*\))+?))?"
    r"(?=\s+(?:về|và|thực hiện|ban hành|triển khai|quy định|hướng dẫn|phê duyệt)\b|"
    r"\s*[,;:.\"“]|\s*\(gọi|$)",
)
_ISSUER_RE = re.compile(
    r"(?:^|[,;]\s*)(?P<issuer>[^,;()]+?)\s+(?:xây dựng|ban hành|triển khai)\s+"
    r"(?:Kế hoạch|kế hoạch|Chương trình|chương trình|Đề án|đề án)"
)
_NUMBER_RE = re.compile(r"^Số\s*:?\s*(?P<n>\d+[\w./Đđ-]*)", re.IGNORECASE)
_ISSUED_RE = re.compile(rf",?\s*{_DATE}")
_PLACE_RE = re.compile(rf"^(?P<place>[^\W\d][^,;:()]{{1,40}}?)\s*,\s*{_DATE}")
_ON_BEHALF_RE = re.compile(r"^(?P<tag>T/M|TM\.?|T\.M\.?)\s*(?P<rest>.+)$")
_SIGNED_RE = re.compile(
    r"^\(?\s*(đã ký|ký|ký tên|ký và đóng dấu|đã ký và đóng dấu)\s*\)?\.?$", re.I
)
_CASE_FIXES = (
    "Ban Thường vụ", "Bí thư", "Chủ tịch", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy",
    "Ủy ban nhân dân", "Hội đồng nhân dân", "Thường trực", "Giám đốc", "Trưởng ban",
    "Ban Chấp hành", "Đảng ủy", "Đảng đoàn", "Ban cán sự đảng", "Ủy viên",
)  # fmt: skip


@dataclass
class Meta:
    title: str = ""
    number: str | None = None
    issued: dt.date | None = None
    issuer: str | None = None
    organ: str | None = None
    implements: list[dict[str, object]] = field(default_factory=list)
    signer: dict[str, str] | None = None
    place: str | None = None
    header_organs: list[str] = field(default_factory=list)  # upper-case header lines, in order


def report_defaults(meta: Meta) -> dict[str, object]:
    """The ``report:`` block the document itself suggests (Hướng dẫn 36-HD/VPTW): the
    superior body when the header names two levels ("ĐẢNG BỘ TỈNH …" over "BAN THƯỜNG
    VỤ"), the report symbol from the plan's ("15-KH/TU" → "BC/TU"), the place written
    before the date, and the plan's signer as the report's signer. Only what the
    document shows; ``kehoach report`` options override every value."""
    report: dict[str, object] = {}
    if len(meta.header_organs) >= 2:
        report["superior"] = meta.header_organs[0]
    party_number = re.match(r"^\d+\s*-\s*[A-ZĐ]+/(?P<org>[A-ZĐ0-9-]+)$", meta.number or "")
    if party_number:
        report["symbol"] = f"BC/{party_number.group('org')}"
    if meta.place:
        report["place"] = meta.place
    if meta.signer:
        report["signer"] = {
            key: meta.signer[key] for key in ("on_behalf", "position", "name") if key in meta.signer
        }
    return report


def sentence_case(text: str) -> str:
    """ "PHÓ BÍ THƯ" → "Phó Bí thư"; "BAN THƯỜNG VỤ" → "Ban Thường vụ"."""
    lowered = text.lower()
    for phrase in _CASE_FIXES:
        lowered = re.sub(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", phrase, lowered)
    lowered = re.sub(
        r"\b(tỉnh|huyện|thành phố|thị xã) (\w+(?: \w+)?)$",
        lambda m: f"{m.group(1)} {m.group(2).title()}",
        lowered,
    )
    return lowered[:1].upper() + lowered[1:]


def _date(match: re.Match[str]) -> dt.date | None:
    try:
        return dt.date(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None


def read_header(paras: list[Para], meta: Meta) -> None:
    """Number ("Số 15-KH/TU"), date ("Quảng Nam, ngày 20 tháng 8 năm 2018"), issuing organ."""
    for para in paras:
        for line in (*para.lines, *(para.cells or ())):
            for part in re.split(r"\s{2,}|\n|\s+[|—–]\s+", line):
                number = _NUMBER_RE.match(part.strip())
                if number and meta.number is None:
                    meta.number = number.group("n").rstrip(".,")
                issued = _ISSUED_RE.search(part)
                if issued and meta.issued is None and not _DOC_RE.search(part):
                    meta.issued = _date(issued)
                    place = _PLACE_RE.match(part.strip())
                    if place and meta.place is None:
                        meta.place = place.group("place").strip()
                plain = part.strip()
                if (
                    plain.isupper()
                    and len(plain) > 3
                    and not fold(plain).startswith(("dang cong san", "cong hoa", "doc lap"))
                    and not _NUMBER_RE.match(plain)
                ):
                    if meta.organ is None:
                        meta.organ = sentence_case(plain)
                    if plain not in meta.header_organs:
                        meta.header_organs.append(plain)


_KIND_NAMES = (
    ("chuong trinh hanh dong", "Chương trình hành động"),
    ("chuong trinh cong tac", "Chương trình công tác"),
    ("chuong trinh", "Chương trình"),
    ("ke hoach", "Kế hoạch"),
    ("de an", "Đề án"),
    ("quyet dinh", "Quyết định"),
    ("nghi quyet", "Nghị quyết"),
)


def title_of(title_paras: list[Para]) -> str:
    """ "KẾ HOẠCH" + the lines under it → "Kế hoạch thực hiện …"."""
    lines = [line for para in title_paras for line in para.lines]
    lines = [line for line in lines if not re.match(r"^\((?:ban hành )?kèm theo", line, re.I)]
    head = lines[0] if lines else ""
    rest = " ".join(lines[1:]).strip()
    folded = fold(head)
    kind, name = next(
        ((k, n) for k, n in _KIND_NAMES if folded.startswith(k)), ("ke hoach", "Kế hoạch")
    )
    tail = " ".join(head.split()[len(kind.split()) :])
    title = name + ((" " + sentence_case(tail).lower()) if tail else "")
    if rest:
        second = rest.split(" ", 2)
        lead_word = fold(second[0]) in (
            "cua", "ve", "thuc", "trien", "giai", "nham", "dot", "nam", "ho", "day", "phat",
            "tang", "nang", "xay", "doi", "cai", "chuyen", "giam", "bao", "tiep",
        )  # fmt: skip
        if (len(second) > 1 and second[1][:1].islower()) or lead_word:
            rest = rest[:1].lower() + rest[1:]
        title = f"{title} {rest}"
    return title


def read_preamble(paras: list[Para], meta: Meta) -> None:
    """The documents the plan implements and the body that issues it."""
    seen: set[str] = set()
    for para in paras:
        text = para.text
        for match in _DOC_RE.finditer(text):
            ref = match.group("ref").rstrip(".,")
            if ref in seen:
                continue
            seen.add(ref)
            doc: dict[str, object] = {"ref": ref}
            day = _date(match)
            if day is not None:
                doc["date"] = day
            if match.group("issuer"):
                doc["issuer"] = match.group("issuer").strip()
            meta.implements.append(doc)
        for issuer in _ISSUER_RE.finditer(text):  # the last one that names a body
            name = issuer.group("issuer").strip()
            if not re.match(r"(?i)(ngày|số|căn cứ|thực hiện)\b", name) and " của " not in name:
                meta.issuer = name


def read_signature(paras: list[Para], meta: Meta) -> None:
    """ "T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / Đã ký / Hồ Văn Niên" → the signer."""
    lines: list[str] = []
    in_recipients = False
    for para in paras:
        if para.cells is not None:  # recipients and signature side by side in a table
            for cell in para.cells:
                if not fold(cell).startswith("noi nhan"):
                    lines.extend(c for c in cell.split("\n") if not _SIGNED_RE.match(c.strip()))
            continue
        if fold(para.text).startswith("noi nhan"):
            in_recipients = True
            continue
        if in_recipients and para.text.startswith(("-", "+", "•")):
            continue
        in_recipients = False
        lines.extend(line for line in para.lines if not _SIGNED_RE.match(line.strip()))
    lines = [line.strip(" .") for line in lines if line.strip(" .")]
    if not lines:
        return
    name = lines[-1]
    if name.isupper() or len(name.split()) > 6 or not name[:1].isupper():
        return
    signer: dict[str, str] = {"name": name}
    behalf_text = None
    for line in lines[:-1]:
        behalf = _ON_BEHALF_RE.match(line)
        if behalf:
            behalf_text = f"{behalf.group('tag')} {sentence_case(behalf.group('rest'))}"
            if meta.issuer is None:
                meta.issuer = sentence_case(behalf.group("rest"))
        elif line.isupper() and not re.match(r"^(KT|TL|TUQ|Q)\.?\s", line):
            signer["position"] = sentence_case(line)
    if behalf_text:
        signer["on_behalf"] = behalf_text
    meta.signer = signer
