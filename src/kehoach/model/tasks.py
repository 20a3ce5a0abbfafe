"""Tasks, their status and dated history."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from pydantic import Field

from kehoach.model.base import Id, Strict, Text


class Status(str, Enum):
    """Recorded status, in the words the secretariat uses."""

    NOT_STARTED = "chưa thực hiện"
    IN_PROGRESS = "đang thực hiện"
    DONE = "hoàn thành"
    STOPPED = "dừng thực hiện"

    @property
    def code(self) -> str:
        return _STATUS_CODES[self]


_STATUS_CODES = {
    Status.NOT_STARTED: "not_started",
    Status.IN_PROGRESS: "in_progress",
    Status.DONE: "done",
    Status.STOPPED: "stopped",
}


class Role(str, Enum):
    LEAD = "chủ trì"
    PARTNER = "phối hợp"

    @property
    def code(self) -> str:
        return "lead" if self is Role.LEAD else "partner"


class Update(Strict):
    """One dated entry of a task's history; the last entry's status is the task's status."""

    date: dt.date
    status: Status
    note: str = ""
    evidence: str | None = Field(
        default=None, description="Văn bản chứng minh, ví dụ Kế hoạch số 15-KH/TU ngày 20/8/2018."
    )
    occurrence: str | None = Field(
        default=None,
        description=(
            "Kỳ của nhiệm vụ định kỳ mà cập nhật này thuộc về (2019, 2019-Q3, 2019-H1, 2019-08)."
        ),
    )


class Source(Strict):
    """Where the task stands in the plan document."""

    section: Text = Field(description="Mục, ví dụ III.3.")
    item: int | None = Field(default=None, ge=1, description="Thứ tự gạch đầu dòng '-' hoặc số.")
    sub: int | None = Field(default=None, ge=1, description="Thứ tự dấu '+' trong gạch đầu dòng.")
    line: int | None = Field(default=None, ge=1, description="Dòng trong văn bản gốc.")
    table: int | None = Field(
        default=None, ge=1, description="Bảng thứ mấy trong văn bản .docx (đếm từ 1)."
    )
    sheet: str | None = Field(default=None, description="Trang tính của tệp .xlsx.")
    row: int | None = Field(default=None, ge=1, description="Hàng trong bảng hoặc trang tính.")
    cell: int | None = Field(
        default=None, ge=1, description="Cột (ô) chứa nội dung nhiệm vụ, đếm từ 1."
    )


class Dependencies(Strict):
    events: list[Id] = Field(default_factory=list)
    tasks: list[Id] = Field(default_factory=list)


class Task(Strict):
    id: Id
    title: Text = Field(description="Nội dung nhiệm vụ, nguyên văn.")
    role: Role = Role.LEAD
    partners: list[Text] = Field(
        default_factory=list,
        description=(
            "Cơ quan phối hợp (hoặc cơ quan chủ trì, khi vai trò là phối hợp): mã hoặc tên."
        ),
    )
    deadline: str = Field(default="", description="Thời hạn, nguyên văn như kế hoạch ghi.")
    deadline_rule: dict[str, Any] | None = Field(
        default=None, description="Thời hạn dạng cấu trúc; nếu có thì được dùng thay cho văn bản."
    )
    lead_time_days: int | None = Field(default=None, ge=0, le=3660)
    status: Status = Status.NOT_STARTED
    history: list[Update] = Field(default_factory=list)
    depends_on: Dependencies | None = None
    source: Source | None = None
    subtasks: list[Task] = Field(default_factory=list)
    output: Text | None = Field(
        default=None,
        description="Sản phẩm, kết quả dự kiến (ví dụ: Quyết định của UBND tỉnh), nguyên văn.",
    )
    note: str = ""


class TaskFile(Strict):
    """One file per responsible body: the body's id and the tasks it is given."""

    body: Id
    tasks: list[Task] = Field(default_factory=list)
