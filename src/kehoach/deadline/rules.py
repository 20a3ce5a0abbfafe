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
from kehoach.messages import rule_place
from kehoach.messages import text as message_text

__all__ = [
    "KINDS",
    "LEAD_UNITS",
    "ORIGINS",
    "RELATIONS",
    "Anchor",
    "Kind",
    "Lead",
    "LeadUnit",
    "Origin",
    "Relation",
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
# How an ``after`` rule's due date stands to its event: after it (the default) or before it.
Relation = Literal["after", "before"]
RELATIONS: Final[tuple[Relation, ...]] = ("after", "before")
# Where an ``after`` rule's event date comes from when it is not an event of events.yaml.
Origin = Literal["plan_issued"]
ORIGINS: Final[tuple[Origin, ...]] = ("plan_issued",)


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

    ``anchors`` (recurring only, two or more): the rounds of the cycle that fall due
    and on which day — "quý II và quý IV hằng năm" is every quarter with anchors 30/6
    and 31/12, so only the 2nd and 4th quarters have a round; "định kỳ 6 tháng, trước
    ngày 20/6 và trước ngày 10/12" is every half-year due 20/6 and 10/12. Each period
    of the cycle holds at most one anchor. A single anchor stays in ``anchor``.

    ``relation`` / ``origin`` (kind ``after`` only) say how the due date is found once
    the date it depends on is known (see ``resolve.due_as_of``):

    - ``relation="before"``: due *before* the event ("trước Đại hội Đảng bộ tỉnh lần
      thứ XVII"): the day before the event, or ``lead`` before it ("chậm nhất 30 ngày
      trước Đại hội …"). Until the event's date is known the task waits, like any
      ``after`` task; the event is declared in ``depends_on`` as usual.
    - ``origin="plan_issued"``: the event is the plan's own issue ("trong vòng 30 ngày
      kể từ ngày ban hành Kế hoạch"): its date is ``plan.info.issued``, not an event of
      events.yaml, so no ``depends_on`` is needed. When the plan does not know its
      issue date the task has no due date (reported as undated, never guessed).
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
    anchors: tuple[Anchor, ...] = ()
    relation: Relation | None = None
    origin: Origin | None = None

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
        if self.anchors:
            out["anchors"] = [anchor.to_json() for anchor in self.anchors]
        if self.relation is not None:
            out["relation"] = self.relation
        if self.origin is not None:
            out["origin"] = self.origin
        return out


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


_KEYS: Final = frozenset(
    {"kind", "start", "due", "every", "trigger", "parts", "hedged", "anchor", "until", "item",
     "exception", "lead", "anchors", "relation", "origin"}
)  # fmt: skip


def rule_from_mapping(data: Mapping[str, object]) -> Rule:
    """Read a structured rule written in a plan file (keys as in ``Rule.to_json``).

    The structured form wins over the text, so it is checked as strictly as the text:
    unknown keys, impossible dates and start after due are refused in Vietnamese.
    """
    return _from_mapping(data, "deadline_rule", depth=0)


def _bad(where: str, message: str) -> DeadlineParseError:
    place = rule_place(where)
    text = message_text("rule-problem", place=place, message=message)
    return DeadlineParseError(text, place, 0, len(place))


def _from_mapping(data: object, where: str, depth: int) -> Rule:
    if not isinstance(data, Mapping):
        raise _bad(where, message_text("rule-not-mapping"))
    unknown = sorted(str(key) for key in data if key not in _KEYS)
    if unknown:
        raise _bad(where, message_text("rule-unknown-keys", keys=", ".join(unknown)))
    kind = data.get("kind")
    if kind not in KINDS:
        raise _bad(where, message_text("rule-bad-kind", choices=", ".join(KINDS)))
    start = _date(data.get("start"), f"{where}.start")
    due = _date(data.get("due"), f"{where}.due")
    if start is not None and due is not None and start > due:
        raise _bad(where, message_text("rule-start-after-due"))
    every = data.get("every")
    if every is not None and every not in EVERY:
        raise _bad(where, message_text("rule-bad-every", choices=", ".join(EVERY)))
    if kind == "recurring" and every is None:
        raise _bad(where, message_text("rule-recurring-without-every"))
    if kind == "from" and due is not None:  # "từ … đến …" is a "by" with a start
        raise _bad(where, message_text("rule-from-with-due"))
    if kind in ("none", "on_demand") and due is not None:  # nothing falls due on a day
        what = "khi có yêu cầu" if kind == "on_demand" else "không có thời hạn"
        raise _bad(where, message_text("rule-due-without-deadline", kind=kind, what=what))
    parts = _parts(data.get("parts"), where, depth)
    relation = data.get("relation")
    origin = data.get("origin")
    if relation is not None and relation not in RELATIONS:
        raise _bad(where, message_text("rule-bad-relation", choices=", ".join(RELATIONS)))
    if origin is not None and origin not in ORIGINS:
        raise _bad(where, message_text("rule-bad-origin", choices=", ".join(ORIGINS)))
    if (relation is not None or origin is not None) and kind != "after":
        raise _bad(where, message_text("rule-relation-not-after"))
    anchors = _anchors(data.get("anchors"), f"{where}.anchors", cast("Every | None", every))
    if anchors and data.get("anchor") is not None:
        raise _bad(where, message_text("rule-anchor-and-anchors"))
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
        anchors=anchors,
        relation=cast("Relation | None", relation),
        origin=cast("Origin | None", origin),
    )


def _parts(value: object, where: str, depth: int) -> tuple[Rule, ...]:
    if value is None:
        return ()
    if depth > 0:
        raise _bad(where, message_text("rule-nested-parts"))
    if not isinstance(value, list | tuple) or not value:
        raise _bad(where, message_text("rule-empty-parts"))
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
            raise _bad(where, message_text("rule-bad-date", value=value)) from None
    else:
        raise _bad(where, message_text("rule-not-date"))
    if not valid_year(day.year):
        raise _bad(where, message_text("rule-year-out-of-range", year=day.year))
    return day


def _text(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise _bad(where, message_text("rule-empty-text"))
    return value.strip()


def _flag(value: object, where: str) -> bool:
    if value is None:
        return False
    if not isinstance(value, bool):
        raise _bad(where, message_text("rule-not-bool"))
    return value


def _int(value: object, where: str, low: int, high: int) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(where, message_text("rule-int-out-of-range", low=low, high=high))
    return value


def _anchor(value: object, where: str, every: Every | None) -> Anchor | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) - {"month", "day"}:
        raise _bad(where, message_text("rule-anchor-shape"))
    anchor = Anchor(
        month=_int(value.get("month"), f"{where}.month", 1, 12),
        day=_int(value.get("day"), f"{where}.day", 1, 31),
    )
    if anchor.month is None and anchor.day is None:
        raise _bad(where, message_text("rule-anchor-empty"))
    if anchor.month is not None and every not in (None, "year"):
        raise _bad(where, message_text("rule-month-not-yearly"))
    if anchor.month is None and every not in (None, "month"):
        raise _bad(where, message_text("rule-day-not-monthly"))
    return anchor


def _anchors(value: object, where: str, every: Every | None) -> tuple[Anchor, ...]:
    """Several anchors of one cycle: each names its month, each period holds at most one."""
    from kehoach.deadline.periods import anchors_fit

    if value is None:
        return ()
    if not isinstance(value, list | tuple) or len(value) < 2:
        raise _bad(where, message_text("rule-anchors-shape"))
    if every not in ("year", "half-year", "quarter", "month"):
        raise _bad(where, message_text("rule-anchors-every"))
    found = []
    for index, item in enumerate(value):
        anchor = _anchor(item, f"{where}[{index}]", None)
        if anchor is None or anchor.month is None:
            raise _bad(f"{where}[{index}]", message_text("rule-anchor-no-month"))
        found.append(anchor)
    anchors = tuple(sorted(found, key=lambda a: (a.month or 0, a.day or 32)))
    if not anchors_fit([anchor.month or 0 for anchor in anchors], every):
        raise _bad(where, message_text("rule-anchor-twice"))
    return anchors


def _lead(value: object, where: str) -> Lead | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or set(value) - {"n", "unit"}:
        raise _bad(where, message_text("rule-lead-shape"))
    n = _int(value.get("n"), f"{where}.n", 0, 36500)
    unit = value.get("unit")
    if n is None or unit not in LEAD_UNITS:
        raise _bad(where, message_text("rule-lead-keys", choices=", ".join(LEAD_UNITS)))
    return Lead(n=n, unit=cast(LeadUnit, unit))
