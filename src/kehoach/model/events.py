"""Awaited events that conditional (``after``) tasks wait for."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from kehoach.model.base import Id, Strict, Text


class Event(Strict):
    """Something outside the plan (a directive from above, a central regulation).

    ``occurred`` stays empty until the event happens; the document that made it
    happen goes in ``ref`` (số/ký hiệu văn bản, e.g. "35-CT/TW").
    """

    id: Id
    description: Text = Field(description="Sự kiện đang chờ, như văn bản ghi.")
    occurred: dt.date | None = Field(default=None, description="Ngày sự kiện xảy ra.")
    ref: str | None = Field(default=None, description="Văn bản làm căn cứ, ví dụ 35-CT/TW.")
    note: str = ""


class EventsFile(Strict):
    events: list[Event] = Field(default_factory=list)
