"""From what a clause says (its facets) to rules.

The grammar only collects facts ("a period, read as a start", "every quarter", "after
some event"); deciding what they mean together lives here, in one place: "X và hoàn
thành Y" is a window, a period without a year repeats every year, two kinds at once
make a compound rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from kehoach.deadline.fail import Fail
from kehoach.deadline.periods import Every, month_end, valid_year
from kehoach.deadline.rules import Anchor, Kind, Lead, Rule
from kehoach.deadline.timeexpr import Per

__all__ = ["Facets", "Slot", "build"]

_ONE_DAY = dt.timedelta(days=1)


@dataclass
class Slot:
    """One kind the clause names ("hằng quý", "sau khi …", "thường xuyên"), tokens [i, j)."""

    kind: Kind
    i: int
    j: int
    every: Every | None = None
    trigger: str | None = None
    lead: Lead | None = None
    item: str | None = None
    weak: bool = False  # "theo quy định": says nothing when anything else is said
    anchor: Anchor | None = None


@dataclass
class Facets:
    """Everything one segment of deadline text states, in the order it states it."""

    times: list[tuple[str, Per]] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    open_end: bool = False
    until: str | None = None
    hedged: bool = False
    item: str | None = None

    def has_content(self) -> bool:
        return bool(self.times or self.slots or self.open_end or self.until)

    def attach_item(self, text: str) -> None:
        """An activity ("báo cáo …") belongs to the kind named just before it."""
        if self.slots:
            self.slots[-1].item = text
        else:
            self.item = text


@dataclass
class _Window:
    start: dt.date | None = None
    due: dt.date | None = None
    inner_start: dt.date | None = None  # start of the period named as "in" ("trong năm 2019")
    first: int = -1
    last: int = -1


def build(f: Facets, default_year: int | None, span: tuple[int, int]) -> list[Rule]:
    """The rules of one segment, main kind first; raises ``Fail`` on contradictions."""
    yearless: list[tuple[str, Per]] = []
    days: list[tuple[str, Per]] = []
    dated: list[tuple[str, Per]] = []
    for role, p in f.times:
        if p.day_only is not None:
            days.append((role, p))
        elif p.yearless and default_year is None:
            yearless.append((role, p))
        else:
            dated.append((role, p))
    window = _window(dated)
    slots = _slots(f, yearless, days, dated)
    if not slots:
        return [_plain(f, window, span)]
    rules = []
    for index, slot in enumerate(slots):
        start = window.start
        if slot.kind in _WINDOWED or f.open_end:
            # "thường xuyên trong năm 2024" works all year; "trong năm 2019" alone only ends then.
            start = start or window.inner_start
        rule = Rule(
            kind=slot.kind,
            start=start,
            due=None if f.open_end else window.due,
            every=slot.every,
            trigger=slot.trigger,
            hedged=f.hedged,
            anchor=slot.anchor,
            until=f.until,
            item=slot.item if slot.item is not None or index else f.item,
            lead=slot.lead,
        )
        _check_order(rule, window, span)
        rules.append(rule)
    return rules


_WINDOWED = ("recurring", "continuous", "on_demand")


def _plain(f: Facets, window: _Window, span: tuple[int, int]) -> Rule:
    """No kind named: a due date makes ``by``, a start alone makes ``from``."""
    if f.open_end:
        start = window.start or window.inner_start
        if start is None:
            raise Fail("empty", *span)
        rule = Rule("from", start=start, until=f.until, hedged=f.hedged, item=f.item)
    elif window.due is not None:
        rule = Rule(
            "by", start=window.start, due=window.due, hedged=f.hedged, item=f.item, until=f.until
        )
    elif window.start is not None or f.until is not None:
        rule = Rule("from", start=window.start, until=f.until, hedged=f.hedged, item=f.item)
    else:
        raise Fail("empty", *span)
    _check_order(rule, window, span)
    return rule


def _check_order(rule: Rule, window: _Window, span: tuple[int, int]) -> None:
    first = window.first if window.first >= 0 else span[0]
    if rule.start is not None and rule.due is not None and rule.start > rule.due:
        raise Fail("reversed", first, window.last)
    for day in (rule.start, rule.due):
        if day is not None and not valid_year(day.year):  # "trước năm 1900", a lead past 2200
            raise Fail("range", first, window.last)


def _window(dated: list[tuple[str, Per]]) -> _Window:
    """Start and due from the dated periods, read in order ("năm 2018 và … năm 2019")."""
    w = _Window()
    for role, p in dated:
        w.first = p.i if w.first < 0 else w.first
        w.last = max(w.last, p.j)
        if p.ranged and role not in ("before", "after"):
            _set_start(w, p.start, p)
            _set_due(w, p.end, None, p)
        elif role == "start":
            _set_start(w, p.start, p)
        elif role == "after":
            _set_start(w, p.end + _ONE_DAY, p)
        elif role == "before":
            _set_due(w, p.end if p.point else p.start - _ONE_DAY, None, p)
        else:
            _set_due(w, p.end, p.start if role == "in" else None, p)
    return w


def _set_start(w: _Window, day: dt.date, p: Per) -> None:
    if w.start is not None and w.start != day:
        raise Fail("two_starts", w.first, p.j)
    w.start = day


def _set_due(w: _Window, day: dt.date, inner: dt.date | None, p: Per) -> None:
    if w.due is None:
        w.due, w.inner_start = day, inner
        return
    # A second period continues the first: "thực hiện năm 2018 và hoàn thành năm 2019".
    if day < w.due:
        raise Fail("reversed", w.first, p.j)
    if w.start is None:
        w.start = w.inner_start
    w.due = day


def _slots(
    f: Facets,
    yearless: list[tuple[str, Per]],
    days: list[tuple[str, Per]],
    dated: list[tuple[str, Per]],
) -> list[Slot]:
    """The kinds to emit, with anchors pinned to their recurrence."""
    # Copies: anchors are pinned on them, and facets are memoised across readings.
    slots = [replace(s) for s in f.slots if not s.weak]
    if not slots and not (f.times or f.open_end or f.until):
        slots = [replace(s) for s in f.slots if s.weak]
    slots = _dedupe(slots)
    if yearless and not any(s.kind == "recurring" for s in slots):
        if dated or f.open_end:
            raise Fail("no_year", yearless[0][1].i, yearless[0][1].j)
        first = yearless[0][1]
        slots.insert(0, Slot("recurring", first.i, first.j, every="year"))
    for role, p in yearless:
        _pin(slots, "year", _yearless_anchor(role, p), p)
    for _role, p in days:
        if not any(s.kind == "recurring" and s.every == "month" for s in slots):
            raise Fail("no_month", p.i, p.j)
        _pin(slots, "month", Anchor(day=p.day_only), p)
    return slots


def _dedupe(slots: list[Slot]) -> list[Slot]:
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for slot in slots:
        key = (slot.kind, slot.every, slot.trigger if slot.kind not in _SINGLE else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(slot)
    return out


_SINGLE = ("continuous", "on_demand")


def _yearless_anchor(role: str, p: Per) -> Anchor:
    """The day each year a period without a year falls due ("trước ngày 30/11" → 30/11)."""
    if role in ("start", "after") and not p.ranged:
        raise Fail("no_year", p.i, p.j)
    day = p.end if role != "before" or p.point else p.start - _ONE_DAY
    if day.year != p.end.year:
        raise Fail("anchor", p.i, p.j)
    if p.start == p.end or day != month_end(day.year, day.month):
        return Anchor(month=day.month, day=day.day)  # a day was written: keep it
    return Anchor(month=day.month)


def _pin(slots: list[Slot], every: Every, anchor: Anchor | None, p: Per) -> None:
    """Give *anchor* to the one recurrence it can belong to, or fail."""
    recurring = [s for s in slots if s.kind == "recurring"]
    matching = [s for s in recurring if s.every == every]
    if len(matching) != 1 or len(recurring) != 1:
        raise Fail("anchor", p.i, p.j)
    slot = matching[0]
    if slot.anchor is not None and slot.anchor != anchor:
        raise Fail("anchor", p.i, p.j)
    slot.anchor = anchor
