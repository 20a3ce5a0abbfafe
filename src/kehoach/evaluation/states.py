"""The derived states of a task, their labels, and the QĐ 42/2014 roll-up.

Codes are for scripts and never change; labels are for people.
"""

from __future__ import annotations

from enum import Enum


class State(str, Enum):
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN = "open"
    OVERDUE = "overdue"
    NOT_DUE = "not_due"
    WAITING = "waiting"
    ONGOING = "ongoing"
    STALE = "stale"
    UNDATED = "undated"
    STOPPED = "stopped"

    def label(self, lang: str = "vi") -> str:
        return LABELS[lang][self]

    @property
    def done(self) -> bool:
        return self in (State.DONE_ON_TIME, State.DONE_LATE)


# Display order: what needs attention first.
ORDER = [
    State.OVERDUE,
    State.STALE,
    State.UNDATED,
    State.OPEN,
    State.NOT_DUE,
    State.WAITING,
    State.ONGOING,
    State.DONE_LATE,
    State.DONE_ON_TIME,
    State.STOPPED,
]

LABELS: dict[str, dict[State, str]] = {
    "vi": {
        State.DONE_ON_TIME: "Hoàn thành đúng hạn",
        State.DONE_LATE: "Hoàn thành quá hạn",
        State.OPEN: "Chưa hoàn thành, trong hạn",
        State.OVERDUE: "Chưa hoàn thành, quá hạn",
        State.NOT_DUE: "Chưa đến hạn",
        State.WAITING: "Chờ điều kiện",
        State.ONGOING: "Thường xuyên",
        State.STALE: "Thường xuyên, chưa cập nhật",
        State.UNDATED: "Chưa xác định thời hạn",
        State.STOPPED: "Dừng thực hiện",
    },
    "en": {
        State.DONE_ON_TIME: "Done on time",
        State.DONE_LATE: "Done late",
        State.OPEN: "Not done, within deadline",
        State.OVERDUE: "Not done, overdue",
        State.NOT_DUE: "Not yet due",
        State.WAITING: "Waiting on a condition",
        State.ONGOING: "Ongoing",
        State.STALE: "Ongoing, no update this period",
        State.UNDATED: "No readable deadline",
        State.STOPPED: "Stopped",
    },
}


class Category(str, Enum):
    """The four categories of the Government's task tracking (QĐ 42/2014/QĐ-TTg)."""

    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OPEN_OVERDUE = "open_overdue"

    def label(self, lang: str = "vi") -> str:
        return CATEGORY_LABELS[lang][self]


CATEGORY_LABELS: dict[str, dict[Category, str]] = {
    "vi": {
        Category.DONE_ON_TIME: "Đã hoàn thành đúng hạn",
        Category.DONE_LATE: "Đã hoàn thành quá hạn",
        Category.OPEN_IN_TIME: "Chưa hoàn thành, trong hạn",
        Category.OPEN_OVERDUE: "Chưa hoàn thành, quá hạn",
    },
    "en": {
        Category.DONE_ON_TIME: "Done on time",
        Category.DONE_LATE: "Done late",
        Category.OPEN_IN_TIME: "Not done, within deadline",
        Category.OPEN_OVERDUE: "Not done, overdue",
    },
}


def category(state: State) -> Category | None:
    """QĐ 42 category of *state*; stopped tasks are outside the four and return None.

    Every state not done and not overdue is "chưa hoàn thành, trong hạn" — including a
    task with no readable deadline, which reports also show on its own line."""
    if state is State.STOPPED:
        return None
    if state is State.DONE_ON_TIME:
        return Category.DONE_ON_TIME
    if state is State.DONE_LATE:
        return Category.DONE_LATE
    if state is State.OVERDUE:
        return Category.OPEN_OVERDUE
    return Category.OPEN_IN_TIME
