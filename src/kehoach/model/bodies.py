"""The registry of responsible bodies (cơ quan, đơn vị)."""

from __future__ import annotations

from pydantic import Field

from kehoach.model.base import Id, Strict, Text


class Body(Strict):
    """A body that leads or partners on tasks; ``aliases`` are the other names the plan uses."""

    id: Id
    name: Text = Field(description="Tên đầy đủ của cơ quan, đơn vị.")
    short: str | None = Field(default=None, description="Tên ngắn dùng trong bảng.")
    aliases: list[Text] = Field(default_factory=list, description="Các cách gọi khác.")
    group: bool = Field(
        default=False,
        description="Nhóm nhiều cơ quan (ví dụ: các huyện ủy, thị ủy, thành ủy).",
    )
    note: str = ""


class BodiesFile(Strict):
    bodies: list[Body]
