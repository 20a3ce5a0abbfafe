"""The plan's identity: number, title, issuer, what it implements, its term."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from kehoach.model.base import Id, Strict, Text


class Document(Strict):
    """A higher-level document the plan implements (nghị quyết, kế hoạch, chỉ thị)."""

    ref: Text = Field(description="Số/ký hiệu, ví dụ 26-NQ/TW.")
    date: dt.date | None = None
    issuer: str | None = None
    title: str | None = None


class Signer(Strict):
    name: Text
    position: str | None = Field(default=None, description="Chức vụ, ví dụ Phó Bí thư.")
    on_behalf: str | None = Field(default=None, description="Thay mặt, ví dụ T/M Ban Thường vụ.")


class Term(Strict):
    """The term (nhiệm kỳ); ``term`` deadlines fall due at its end."""

    label: Text
    start: dt.date
    end: dt.date


class Section(Strict):
    """A section of the plan; ``default_deadline`` applies to its tasks that give none."""

    id: Text = Field(description="Số mục, ví dụ II hoặc III.3.")
    title: Text
    default_deadline: str = ""


class ReportSigner(Strict):
    """Who signs the period report (may differ from the plan's signer)."""

    on_behalf: str | None = Field(
        default=None, description="Quyền hạn ký, ví dụ T/M BAN THƯỜNG VỤ."
    )
    position: str | None = Field(default=None, description="Chức vụ, ví dụ PHÓ BÍ THƯ.")
    name: str | None = Field(default=None, description="Họ và tên người ký.")


class ReportSettings(Strict):
    """The form of the period report (Hướng dẫn 36-HD/VPTW): header, number, signer,
    recipients. Every field is optional; ``kehoach report`` options override them."""

    superior: str | None = Field(
        default=None, description="Cơ quan cấp trên trực tiếp, ví dụ ĐẢNG BỘ TỈNH QUẢNG NAM."
    )
    issuer: str | None = Field(
        default=None,
        description="Cơ quan ban hành báo cáo (mặc định: issuer của kế hoạch).",
    )
    symbol: str = Field(
        default="BC/TU", description="Ký hiệu sau số báo cáo: Số …-BC/TU.", min_length=1
    )
    number: str | None = Field(
        default=None, description="Số báo cáo; để trống thì chừa chỗ điền tay."
    )
    place: str | None = Field(default=None, description="Địa danh, ví dụ Tam Kỳ.")
    signer: ReportSigner | None = None
    recipients: list[str] = Field(
        default_factory=list,
        description="Nơi nhận, mỗi dòng một nơi, ví dụ 'Ban Bí thư (để báo cáo)'.",
    )


class PlanInfo(Strict):
    id: Id
    number: str | None = Field(default=None, description="Số/ký hiệu của kế hoạch.")
    title: Text
    issuer: Text
    signer: Signer | None = None
    issued: dt.date | None = Field(default=None, description="Ngày ban hành, nếu biết.")
    implements: list[Document] = Field(default_factory=list)
    term: Term | None = None
    lead_time_days: int = Field(
        default=90,
        ge=0,
        le=3660,
        description="Số ngày phải hoàn thành sau khi điều kiện xảy ra (nhiệm vụ 'sau khi').",
    )
    sections: list[Section] = Field(default_factory=list)
    report: ReportSettings | None = Field(
        default=None, description="Thể thức báo cáo định kỳ: tiêu đề, số, người ký, nơi nhận."
    )
    note: str = ""
