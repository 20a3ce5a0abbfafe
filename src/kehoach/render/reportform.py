"""The fixed parts of the period report as a Party document (Hướng dẫn 36-HD/VPTW):
header block, number, place and date, title lines, section titles, placeholders,
recipients and signer. Shared by the docx and HTML renderers so both say the same.

Values come from the plan's ``report:`` block (then the plan's own issuer and signer),
overridden by command-line options; what nobody gave is left as a visible blank to
fill by hand, never invented.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.model.plan import PlanInfo
from kehoach.roman import to_roman

PARTY = "ĐẢNG CỘNG SẢN VIỆT NAM"
KIND = "BÁO CÁO"
BLANK_PLACE = "……"
GAP = "\u00a0" * 6  # a blank to fill by hand; no-break spaces survive every renderer

SECTION_TITLES = {
    "I": "KẾT QUẢ THỰC HIỆN",
    "II": "HẠN CHẾ, NGUYÊN NHÂN",
    "III": "NHIỆM VỤ TRỌNG TÂM KỲ TỚI",
    "IV": "ĐỀ XUẤT, KIẾN NGHỊ",
}

PLACEHOLDERS = {
    "I": "[Cần bổ sung: đánh giá chung về kết quả thực hiện trong kỳ — mục I của tệp --narrative.]",
    "II": "[Cần bổ sung: những hạn chế, nguyên nhân (chủ quan, khách quan) — mục II của tệp "
    "--narrative.]",
    "III": "[Cần bổ sung: nhiệm vụ, giải pháp trọng tâm kỳ tới — mục III của tệp --narrative.]",
    "IV": "[Cần bổ sung: đề xuất, kiến nghị với cấp trên — mục IV của tệp --narrative.]",
}

# A list longer than this goes to an appendix ("Phụ lục"); the body keeps its count.
APPENDIX_AFTER = 10


@dataclass
class ReportForm:
    superior: str | None
    issuer: str
    number_line: str
    place_date: str
    summary: str
    opening: str
    on_behalf: str | None
    position: str | None
    signer_name: str | None
    recipients: list[str] = field(default_factory=list)


@dataclass
class FormOptions:
    """What the command line may override; None keeps the plan's value."""

    superior: str | None = None
    issuer: str | None = None
    number: str | None = None
    place: str | None = None
    date: dt.date | None = None
    signer: str | None = None
    position: str | None = None
    on_behalf: str | None = None
    recipients: list[str] | None = None


def period_phrase(period: ReportPeriod) -> str:
    """'quý III năm 2019', '6 tháng đầu năm 2019', 'năm 2019'."""
    if period.kind == "quarter":
        return f"quý {to_roman(period.index)} năm {period.year}"
    if period.kind == "half":
        return f"6 tháng {'đầu' if period.index == 1 else 'cuối'} năm {period.year}"
    return f"năm {period.year}"


def date_line(place: str | None, day: dt.date | None, year: int) -> str:
    """'Tam Kỳ, ngày 05 tháng 10 năm 2019'; day 1–9 and months 1–2 take a leading zero
    (Hướng dẫn 36-HD/VPTW); without a date the day and month are left blank to fill."""
    where = place or BLANK_PLACE
    if day is None:
        return f"{where}, ngày{GAP}tháng{GAP}năm {year}"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{where}, ngày {day.day:02d} tháng {month} năm {day.year}"


def _upper(text: str | None) -> str | None:
    return text.upper() if text else None


def build_form(
    info: PlanInfo, period: ReportPeriod, as_of: dt.date, opts: FormOptions
) -> ReportForm:
    settings = info.report
    signer = settings.signer if settings and settings.signer else None
    superior = opts.superior or (settings.superior if settings else None)
    issuer = opts.issuer or (settings.issuer if settings and settings.issuer else info.issuer)
    symbol = settings.symbol if settings else "BC/TU"
    number = opts.number or (settings.number if settings else None)
    number_line = f"Số {number}-{symbol}" if number else f"Số{GAP}-{symbol}"
    place = opts.place or (settings.place if settings else None)
    title = " ".join(info.title.split())
    if not title.lower().startswith("kế hoạch"):
        title = f"Kế hoạch {title}"
    if info.number and info.number not in title:
        title = f"Kế hoạch số {info.number} {title[len('Kế hoạch') :].strip()}"
    phrase = period_phrase(period)
    on_behalf = opts.on_behalf or (signer.on_behalf if signer else None)
    position = opts.position or (signer.position if signer else None)
    name = opts.signer or (signer.name if signer else None)
    if info.signer is not None:
        on_behalf = on_behalf or info.signer.on_behalf
        position = position or info.signer.position
        name = name or info.signer.name
    recipients = (
        opts.recipients
        if opts.recipients is not None
        else list(settings.recipients)
        if settings and settings.recipients
        else []
    )
    return ReportForm(
        superior=_upper(superior),
        issuer=issuer.upper(),
        number_line=number_line,
        place_date=date_line(place, opts.date, as_of.year),
        summary=f"kết quả thực hiện {title} {phrase}",
        opening=(
            f"Thực hiện {title}, {opts.issuer or info.issuer} báo cáo kết quả thực hiện {phrase} "
            f"(số liệu tính đến ngày {as_of:%d/%m/%Y}) như sau:"
        ),
        on_behalf=_upper(on_behalf),
        position=_upper(position),
        signer_name=name,
        recipients=recipients,
    )


def recipient_lines(form: ReportForm) -> list[str]:
    """'- Ban Bí thư (để báo cáo),' … '- Lưu Văn phòng.'; 'Lưu' closes the list."""
    items = form.recipients or ["…"]
    if not any(item.lower().startswith("lưu") for item in items):
        items = [*items, "Lưu."]
    out = []
    for index, item in enumerate(items):
        text = item.strip().lstrip("-").strip().rstrip(",.;")
        out.append(f"- {text}{'.' if index == len(items) - 1 else ','}")
    return out
