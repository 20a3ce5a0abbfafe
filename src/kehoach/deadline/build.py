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
from kehoach.deadline.periods import Every, anchor_date, anchors_fit, month_end, valid_year
from kehoach.deadline.rules import Anchor, Kind, Lead, Origin, Relation, Rule
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
    anchors: tuple[Anchor, ...] = ()
    relation: Relation | None = None
    origin: Origin | None = None


@dataclass
class Facets:
    """Everything one segment of deadline text states, in the order it states it."""

    times: list[tuple[str, Per]] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)
    open_end: bool = False
    until: str | None = None
    hedged: bool = False
    item: str | None = None
    # Activities named after periods, with how many periods came before each: "Quý I năm
    # 2020, sơ kết; năm 2022 tổng kết" is two parts, each labelled with what it is for.
    labels: list[tuple[int, str]] = field(default_factory=list)

    def has_content(self) -> bool:
        return bool(self.times or self.slots or self.open_end or self.until)

    def attach_item(self, text: str) -> None:
        """An activity ("báo cáo …") belongs to the kind named just before it."""
        if self.slots:
            self.slots[-1].item = text
        else:
            self.item = text
            self.labels.append((len(self.times), text))


@dataclass
class _Window:
    start: dt.date | None = None
    due: dt.date | None = None
    inner_start: dt.date | None = None  # start of the period named as "in" ("trong năm 2019")
    half: bool = False  # the due came from a half-year, which carries its start as well
    first: int = -1
    last: int = -1


def build(f: Facets, default_year: int | None, span: tuple[int, int]) -> list[Rule]:
    """The rules of one segment, main kind first; raises ``Fail`` on contradictions."""
    yearless: list[tuple[str, Per]] = []
    days: list[tuple[str, Per]] = []
    dated: list[tuple[str, Per]] = []
    # A period without a year inside a recurrence is the day each round falls due ("trước
    # ngày 20/11 hằng năm"), whatever year the plan has: the plan's year must not pin it.
    recurs = any(slot.kind == "recurring" for slot in f.slots)
    lists: list[tuple[str, Per]] = []
    for role, p in f.times:
        if p.day_only is not None:
            days.append((role, p))
        elif p.yearless and (default_year is None or recurs):
            yearless.extend((role, m) for m in p.members or (p,))
        elif p.members:
            lists.append((role, p))
        else:
            dated.append((role, p))
    if lists:
        return [_listed(f, lists, bool(yearless or days or dated))]
    window = _window(dated)
    slots = _slots(f, yearless, days, dated)
    if not slots and len(f.labels) > 1:
        return _labelled_parts(f, default_year, span)
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
            anchors=slot.anchors,
            relation=slot.relation,
            origin=slot.origin,
            until=f.until,
            item=slot.item if slot.item is not None or index else f.item,
            lead=slot.lead,
        )
        _check_order(rule, window, span)
        rules.append(rule)
    return rules


_WINDOWED = ("recurring", "continuous", "on_demand")


def _listed(f: Facets, lists: list[tuple[str, Per]], more: bool) -> Rule:
    """ "Quý II và Quý III/2027", "quý I và quý III năm 2019": each period named is a round
    that falls due (as "quý II và quý IV hằng năm" is, for one year only).

    The rule recurs in the cycle of the periods named, only in those periods, from the
    first one's start to the last one's due day. A list mixed with other periods or kinds
    is not read (which of them wins is unclear): the list is reported.
    """
    role, p = lists[0]
    others = [s for s in f.slots if not s.weak]
    if len(lists) > 1 or more or others or f.open_end or f.until:
        raise Fail("anchor", p.i, p.j)
    pinned = _unique([(_yearless_anchor(role, m), m) for m in p.members])
    slot = Slot("recurring", p.i, p.j, every="year")
    if len(pinned) > 1:
        _pin_several([slot], pinned)
    else:
        slot.anchor = pinned[0][0]
    last = p.members[-1]
    anchor = _yearless_anchor(role, last)
    due = anchor_date(last.end.year, anchor.month or 12, anchor.day)
    return Rule(
        "recurring",
        start=p.members[0].start,
        due=due,
        every=slot.every,
        anchor=slot.anchor,
        anchors=slot.anchors,
        hedged=f.hedged,
        item=f.item,
    )


def _labelled_parts(f: Facets, default_year: int | None, span: tuple[int, int]) -> list[Rule]:
    """One rule per labelled group of periods; periods after the last label join it."""
    rules = []
    cuts = [count for count, _ in f.labels]
    for index, (count, label) in enumerate(f.labels):
        first = cuts[index - 1] if index else 0
        last = count if index + 1 < len(f.labels) else len(f.times)
        times = f.times[first:last]
        if not times:
            raise Fail("empty", *span)
        group = Facets(times=times, hedged=f.hedged, item=label, until=f.until)
        rules.extend(build(group, default_year, span))
    return rules


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
            w.half = p.half and role == "in"
    if w.half and w.start is None:
        w.start = w.inner_start  # "6 tháng đầu năm 2027": from 01/01 to 30/06
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
    pinned = _unique([(_yearless_anchor(role, p), p) for role, p in yearless])
    if len(pinned) > 1:
        _pin_several(slots, pinned)
    for anchor, p in pinned[:1] if len(pinned) == 1 else []:
        _pin(slots, "year", anchor, p)
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


def _unique(pinned: list[tuple[Anchor, Per]]) -> list[tuple[Anchor, Per]]:
    out: list[tuple[Anchor, Per]] = []
    for anchor, p in pinned:
        if all(anchor != seen for seen, _ in out):
            out.append((anchor, p))
    return out


_CYCLE_OF_UNIT: dict[str, Every] = {"half": "half-year", "quarter": "quarter", "month": "month"}
_CYCLES: tuple[Every, ...] = ("half-year", "quarter", "month")


def _pin_several(slots: list[Slot], pinned: list[tuple[Anchor, Per]]) -> None:
    """Several days a year ("quý II và quý IV hằng năm", "định kỳ 6 tháng, trước ngày 20/6
    và trước ngày 10/12"): one round per anchor, in the cycle that keeps them apart.

    A yearly recurrence takes the cycle of the periods named (quarters → quarter), or
    for days the longest cycle that puts each in its own period; a half-yearly or
    quarterly one keeps its cycle when the anchors fit it. Otherwise: which anchor
    belongs to which round is unclear, and the second anchor is reported.
    """
    recurring = [s for s in slots if s.kind == "recurring"]
    last = pinned[-1][1]
    if len(recurring) != 1 or recurring[0].anchor is not None or recurring[0].anchors:
        raise Fail("anchor", pinned[1][1].i, pinned[1][1].j)
    slot = recurring[0]
    anchors = tuple(sorted((a for a, _ in pinned), key=lambda a: (a.month or 0, a.day or 32)))
    months = [a.month or 0 for a in anchors]
    if slot.every == "year":
        units = {p.unit for _, p in pinned}
        named = _CYCLE_OF_UNIT.get(units.pop()) if len(units) == 1 else None
        options: tuple[Every, ...] = (named,) if named is not None else _CYCLES
    elif slot.every in ("half-year", "quarter"):
        options = (slot.every,)
    else:
        raise Fail("anchor", last.i, last.j)
    cycle = next((every for every in options if anchors_fit(months, every)), None)
    if cycle is None:
        raise Fail("anchor", last.i, last.j)
    slot.every, slot.anchors = cycle, anchors


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
