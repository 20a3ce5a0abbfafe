"""``kehoach.yaml``: what a portfolio's plans share — the office, report header, defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from kehoach.model.base import Strict, Text
from kehoach.model.plan import Signer


class ReportHeader(Strict):
    """The heading of the office's periodic reports (thể thức văn bản của Đảng)."""

    issuer_lines: list[Text] = Field(
        default_factory=list,
        description="Các dòng tên cơ quan ở góc trái, ví dụ ĐẢNG BỘ TỈNH … / VĂN PHÒNG TỈNH ỦY.",
    )
    place: str | None = Field(default=None, description="Địa danh ghi trước ngày tháng.")
    signer: Signer | None = Field(default=None, description="Người ký báo cáo.")


class PortfolioConfig(Strict):
    """The portfolio's defaults; a plan's own ``plan.yaml`` wins where it says otherwise."""

    office: Text = Field(description="Tên cơ quan theo dõi các kế hoạch, ví dụ Văn phòng Tỉnh ủy.")
    report: ReportHeader = Field(default_factory=ReportHeader)
    cutoff: Literal["calendar", "nd09"] = Field(
        default="calendar",
        description="Kỳ báo cáo: calendar (theo lịch) hoặc nd09 (kỳ chốt số liệu NĐ 09/2019).",
    )
    lead_time_days: int | None = Field(
        default=None,
        ge=0,
        le=3660,
        description="Số ngày mặc định phải xong sau khi điều kiện xảy ra, cho kế hoạch không ghi.",
    )
