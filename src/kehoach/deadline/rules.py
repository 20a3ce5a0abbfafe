"""The typed deadline rule and its JSON form (also the form a YAML file may give).

One ``Rule`` is what a deadline text means; ``to_json`` is the stable machine form
printed by ``kehoach deadline --format json`` and ``kehoach tasks``, and
``rule_from_mapping`` reads the same form back from a plan file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal, cast

from kehoach.deadline.periods import EVERY, Every, valid_year
from kehoach.errors import DeadlineParseError

__all__ = [
    "KINDS",
    "LEAD_UNITS",
    "Anchor",
    "Kind",
    "Lead",
    "LeadUnit",
    "Rule",
    "rule_from_mapping",
]

Kind = Literal[
    "by", "from", "recurring", "continuous", "after", "term", "none", "on_demand", "schedule"
]
KINDS: Final[tuple[Kind, ...]] = (
    "by", "from", "recurring", "continuous", "after", "term", "none", "on_demand", "schedule",
)  # fmt: skip
LeadUnit = Literal["day", "week", "month", "year"]
LEAD_UNITS: Final[tuple[LeadUnit, ...]] = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Anchor:
    """The day a recurring task falls due within each period ("trước ngày 10 hằng tháng").

    ``month`` is the month of the year (yearly rules only); ``day`` None means the
    last day of that month (or of the period).
    """

    month: int | None = None
    day: int | None = None

    def to_json(self) -> dict[str, object]:
        return {"month": self.month, "day": self.day}


@dataclass(frozen=True)
class Lead:
    """How long after its event an ``after`` task falls due ("trong vòng 30 ngày sau khi …")."""

    n: int
    unit: LeadUnit

    def to_json(self) -> dict[str, object]:
        return {"n": self.n, "unit": self.unit}


@dataclass(frozen=True)
class Rule:
    """What a deadline says. Dates are inclusive; ``due`` is the last day allowed.

    A compound rule (two kinds at once, or a "Riêng …" exception) carries the
    main part's fields at the top and every part, main first, in ``parts``.
    """

    kind: Kind
    start: dt.date | None = None
    due: dt.date | None = None
    every: Every | None = None
    trigger: str | None = None
    parts: tuple[Rule, ...] = ()
    hedged: bool = False
    anchor: Anchor | None = None
    until: str | None = None
    item: str | None = None
    exception: bool = False
    lead: Lead | None = None

    @property
    def is_compound(self) -> bool:
        return bool(self.parts)

    def main_parts(self) -> tuple[Rule, ...]:
        """The parts that state the task's own deadline (exceptions excluded)."""
        if not self.parts:
            return (self,)
        return tuple(part for part in self.parts if not part.exception)

    def to_json(self) -> dict[str, object]:
        """The five issue keys always; extension keys only when they say something."""
        out: dict[str, object] = {
            "kind": self.kind,
            "start": _iso(self.start),
            "due": _iso(self.due),
            "every": self.every,
            "trigger": self.trigger,
        }
        if self.parts:
            out["parts"] = [part.to_json() for part in self.parts]
        if self.hedged:
            out["hedged"] = True
        if self.anchor is not None:
            out["anchor"] = self.anchor.to_json()
        if self.until is not None:
            out["until"] = self.until
        if self.item is not None:
            out["item"] = self.item
        if self.exception:
            out["exception"] = True
        if self.lead is not None:
            out["lead"] = self.lead.to_json()
        return out


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_KEYS: Final = frozenset(
    {"kind", "start", "due", "every", "trigger", "parts", "hedged", "anchor", "until", "item",
     "exception", "lead"}
)  # fmt: skip


def rule_from_mapping(data: Mapping[str, object]) -> Rule:
    """Read a structured rule written in a plan file (keys as in ``Rule.to_json``).

    The structured form wins over the text, so it is checked as strictly as the text:
    unknown keys, impossible dates and start after due are refused in Vietnamese.
    """
    return _from_mapping(data, "deadline_rule", depth=0)


def _bad(where: str, message: str) -> DeadlineParseError:
    text = f"{where}: {message}"
    return DeadlineParseError(text, where, 0, len(where))


def _from_mapping(data: object, where: str, depth: int) -> Rule:
    if not isinstance(data, Mapping):
        raise _bad(where, "phải là một bảng khóa–giá trị (kind, start, due, …).")
    unknown = sorted(str(key) for key in data if key not in _KEYS)
    if unknown:
        raise _bad(where, f"khóa không hợp lệ: {', '.join(unknown)}.")
    kind = data.get("kind")
    if kind not in KINDS:
        raise _bad(where, f"'kind' phải là một trong: {', '.join(KINDS)}.")
    start = _date(data.get("start"), f"{where}.start")
    due = _date(data.get("due"), f"{where}.due")
    if start is not None and due is not None and start > due:
        raise _bad(where, "ngày bắt đầu (start) sau hạn (due).")
    every = data.get("every")
    if every is not None and every not in EVERY:
        raise _bad(where, f"'every' phải là một trong: {', '.join(EVERY)}.")
    if kind == "recurring" and every is None:
        raise _bad(where, "thời hạn định kỳ (recurring) cần 'every'.")
    parts = _parts(data.get("parts"), where, depth)
    return Rule(
        kind=cast(Kind, kind),
        start=start,
        due=due,
        every=cast("Every | None", every),
        trigger=_text(data.get("trigger"), f"{where}.trigger"),
        parts=parts,
        hedged=_flag(data.get("hedged"), f"{where}.hedged"),
        anchor=_anchor(data.get("anchor"), f"{where}.anchor", cast("Every | None", every)),
        until=_text(data.get("until"), f"{where}.until"),
        item=_text(data.get("item"), f"{where}.item"),
        exception=_flag(data.get("exception"), f"{where}.exception"),
        lead=_lead(data.get("lead"), f"{where}.lead"),
    )


def _parts(value: object, where: str, depth: int) -> tuple[Rule, ...]:
    if value is None:
        return ()
    if depth > 0:
        raise _bad(where, "một phần (parts) không được có phần con.")
    if not isinstance(value, list | tuple) or not value:
        raise _bad(where, "'parts' phải là một danh sách không rỗng.")
    return tuple(
        _from_mapping(item, f"{where}.parts[{i}]", depth + 1) for i, item in enumerate(value)
    )


def _date(value: object, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            raise _bad(where, f"ngày '{value}' không hợp lệ (viết dạng 2019-12-31).") from None
    else:
        raise _bad(where, "phải là một ngày dạng 2019-12-31.")
    if not valid_year(day.year):
        raise _bad(where, f"năm {day.year} nằm ngoài khoảng 1900–2200.")
    return day


def _text(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, "phải là một đoạn văn bản không rỗng.")
    return value.strip()


def _flag(value: object, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _bad(where, "phải là true hoặc false.")
    return value


def _int(value: object, where: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(where, f"phải là số nguyên từ {low} đến {high}.")
    return value


def _anchor(value: object, where: str, every: Every | None) -> Anchor | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) - {"month", "day"}:
        raise _bad(where, "phải có dạng {month: …, day: …}.")
    anchor = Anchor(
        month=_int(value.get("month"), f"{where}.month", 1, 12),
        day=_int(value.get("day"), f"{where}.day", 1, 31),
    )
    if anchor.month is None and anchor.day is None:
        raise _bad(where, "cần ít nhất 'month' hoặc 'day'.")
    if anchor.month is not None and every not in (None, "year"):
        raise _bad(where, "'month' chỉ dùng cho chu kỳ hằng năm (every: year).")
    if anchor.month is None and every not in (None, "month"):
        raise _bad(where, "chỉ có 'day' thì chu kỳ phải là hằng tháng (every: month).")
    return anchor


def _lead(value: object, where: str) -> Lead | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) - {"n", "unit"}:
        raise _bad(where, "phải có dạng {n: 30, unit: day}.")
    n = _int(value.get("n"), f"{where}.n", 0, 36500)
    unit = value.get("unit")
    if n is None or unit not in LEAD_UNITS:
        raise _bad(where, f"cần 'n' và 'unit' (một trong: {', '.join(LEAD_UNITS)}).")
    return Lead(n=n, unit=cast(LeadUnit, unit))
