"""The grammar of one clause: each recogniser reads one element at a token index.

``step`` tries them in a fixed order (specific before general: "trong vòng 30 ngày"
before "trong", "sau khi" before "sau") and records what it read in ``Facets``.
Anything no recogniser accepts is reported, never skipped.
"""

from __future__ import annotations

from typing import Protocol

from kehoach.deadline import lexicon as lx
from kehoach.deadline.build import Facets, Slot
from kehoach.deadline.fail import Fail
from kehoach.deadline.periods import Every, shift
from kehoach.deadline.rules import Kind, Lead, LeadUnit, Origin, Relation
from kehoach.deadline.timeexpr import Per, period
from kehoach.deadline.tokens import View

__all__ = ["Ctx", "recurrence", "step"]

_SEPARATORS = frozenset({",", ";", ":", ".", "-", "/", "&"})
NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6}


class Ctx(Protocol):
    """What the clause grammar needs from the parser around it."""

    ref: int | None

    def free(self, v: View, k: int) -> tuple[int, int]:
        """End of the free text (an event, a schedule) that starts at *k*, and where to resume."""
        ...


def step(ctx: Ctx, v: View, k: int, f: Facets) -> int:
    """Read one element at *k* into *f*; return the index after it."""
    if v.text(k) in _SEPARATORS:
        return k + 1
    if k == v.lo:
        opening = v.longest(k, lx.OPENING_NOUNS)
        if opening is not None and opening < v.hi:
            return opening  # "Công việc thường xuyên": the noun names the task, not a time
    for recognise in (
        _lead,
        _until,
        _on_demand,
        _after,
        _follow,
        _recurring,
        _continuous,
        _hedge,
        _open_end,
        _timed,
        _term,
        _activity,
        _after_bare,
        _before_event,
    ):
        end = recognise(ctx, v, k, f)
        if end is not None:
            return end
    end = v.longest(k, lx.FILLERS)
    if end is not None:
        return end
    raise Fail("unknown", k, _unknown_run(ctx, v, k))


def _unknown_run(ctx: Ctx, v: View, k: int) -> int:
    """The words not understood: from *k* up to the next separator or known word."""
    end = k + 1
    while end < v.hi and v.text(end) not in _SEPARATORS and end - k < 12:
        probe = Facets()
        try:
            if v.longest(end, lx.FILLERS) is not None or _known(ctx, v, end, probe):
                break
        except Fail:
            break
        end += 1
    return end


def _known(ctx: Ctx, v: View, k: int, f: Facets) -> bool:
    for recognise in (_recurring, _continuous, _timed, _hedge, _open_end):
        if recognise(ctx, v, k, f) is not None:
            return True
    return False


# --- kinds waiting on something --------------------------------------------------------


def _free(ctx: Ctx, v: View, opener: int, k: int, code: str = "no_event") -> tuple[str, int]:
    """The free text at *k* (original words) and the index after it; empty text fails."""
    end, resume = ctx.free(v, k)
    text = v.original(k, end)
    if end <= k or not text:
        raise Fail(code, opener, k)
    return text, resume


def _lead(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "trong vòng 30 ngày kể từ khi …", "chậm nhất 3 tháng sau khi …"."""
    at = v.longest(k, lx.LEAD_PREFIXES) or k
    digits = v.num(at)
    unit = lx.LEAD_UNITS.get(v.text(at + 1) or "")
    if digits is None or unit is None:
        return None
    before = v.longest(at + 2, lx.LEAD_BEFORE_LINKS)
    link = before or v.longest(at + 2, lx.LEAD_LINKS)
    if link is None:
        if at == k or period(v, at, ctx.ref) is not None:
            return None  # "trong 6 tháng đầu năm 2020" names a period, not a lead time
        raise Fail("no_origin", k, at + 2)
    n = int(digits) if len(digits) <= 5 else -1
    if not 0 <= n <= 3650:
        raise Fail("lead", at, at + 2)
    lead = Lead(n, _LEAD_UNITS[unit])
    fixed = period(v, link, ctx.ref)
    if fixed is not None:
        p, end = fixed
        due = shift(p.start, -lead.n if before else lead.n, lead.unit)
        f.times.append(("in", Per(due, due, k, end, point=True, unit="day")))
        return end
    trigger, resume = _free(ctx, v, k, link, "no_origin")
    relation: Relation | None = "before" if before else None
    f.slots.append(
        Slot("after", k, resume, trigger=trigger, lead=lead, relation=relation,
             origin=_origin(v, link, resume))
    )  # fmt: skip
    return resume


def _origin(v: View, k: int, end: int) -> Origin | None:
    """ "ngày ban hành Kế hoạch": the plan's own issue, whose date the plan knows."""
    while v.text(k) in ("ngay", "khi", "co", "tu"):
        k += 1
    while end > k and v.text(end - 1) in _SEPARATORS:
        end -= 1
    return "plan_issued" if v.longest(k, lx.PLAN_ISSUE) == end else None


_LEAD_UNITS: dict[str, LeadUnit] = {"day": "day", "week": "week", "month": "month", "year": "year"}


def _until(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "đến khi hoàn thành việc …": the end of an open start is an event."""
    start = v.longest(k, lx.UNTIL_OPENERS)
    if start is None:
        return None
    f.until, resume = _free(ctx, v, k, start)
    return resume


def _on_demand(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "khi có phát sinh", "đột xuất", "theo yêu cầu"."""
    end = v.longest(k, lx.SUDDEN)
    if end is not None:
        f.slots.append(Slot("on_demand", k, end, trigger=v.original(k, end)))
        return end
    opener = v.longest(k, lx.ON_DEMAND_OPENERS)
    if opener is None or v.longest(opener, lx.ON_DEMAND_NOUNS) is None:
        return None
    # The trigger reads from after the conjunction: "khi có phát sinh" -> "có phát sinh".
    body = v.longest(k, lx.CONJUNCTIONS) or k
    trigger, resume = _free(ctx, v, k, body)
    f.slots.append(Slot("on_demand", k, resume, trigger=trigger))
    return resume


def _after(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "sau khi có hướng dẫn của Trung ương", "khi có kế hoạch của tỉnh"."""
    start = v.longest(k, lx.AFTER_OPENERS)
    if start is None:
        if v.longest(k, lx.WHEN_OPENERS) is None:
            return None
        start = k + 1  # "khi có kế hoạch của tỉnh": the event is "có kế hoạch của tỉnh"
    trigger, resume = _free(ctx, v, k, start)
    f.slots.append(Slot("after", k, resume, trigger=trigger, origin=_origin(v, start, resume)))
    return resume


def _before_event(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "trước Đại hội Đảng bộ tỉnh lần thứ XVII": due before an event, not a date."""
    start = v.longest(k, lx.BEFORE_EVENT_OPENERS)
    following = v.word(start) if start is not None else None
    if start is None or following is None or following in lx.NOT_EVENTS:
        return None
    trigger, resume = _free(ctx, v, k, start)
    origin = _origin(v, start, resume)
    f.slots.append(Slot("after", k, resume, trigger=trigger, relation="before", origin=origin))
    return resume


def _after_bare(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "sau Đại hội Đảng bộ tỉnh": "sau" before an event rather than a date."""
    following = v.word(k + 1)
    if v.text(k) != "sau" or following is None or following in lx.UNITS or following == "ngay":
        return None  # "sáu tháng" (six months) folds to "sau thang": not an event
    trigger, resume = _free(ctx, v, k, k + 1)
    f.slots.append(Slot("after", k, resume, trigger=trigger))
    return resume


def _follow(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "theo …": another schedule, the term's programme, or just "theo quy định"."""
    if v.text(k) != "theo":
        return None
    body = k + 1
    if recurrence(v, body) is not None or v.longest(body, lx.PERIODIC_WORDS) is not None:
        return body  # "theo định kỳ hằng năm"
    rules_end = v.longest(body, lx.RULES_WORDS)
    if rules_end is not None and (v.text(rules_end) is None or v.text(rules_end) in _SEPARATORS):
        f.slots.append(
            Slot("schedule", k, rules_end, trigger=v.original(body, rules_end), weak=True)
        )
        return rules_end
    if v.longest(body, lx.DEMAND_AFTER_FOLLOW) is not None:
        trigger, resume = _free(ctx, v, k, body)
        f.slots.append(Slot("on_demand", k, resume, trigger=trigger))
        return resume
    trigger, resume = _free(ctx, v, k, body)
    kind: Kind = "term" if _has(v, body, resume) else "schedule"
    f.slots.append(Slot(kind, k, resume, trigger=trigger))
    return resume


def _has(v: View, lo: int, hi: int) -> bool:
    return any(v.longest(m, lx.TERM_MARKS) is not None for m in range(lo, hi))


def _term(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "toàn khóa", "trong nhiệm kỳ", "cả nhiệm kỳ"."""
    end = v.longest(k, lx.TERM_PHRASES)
    if end is None:
        return None
    f.slots.append(Slot("term", k, end, trigger=v.original(k, end)))
    return end


# --- recurrence and continuity ---------------------------------------------------------


def _count(v: View, k: int) -> int | None:
    digits = v.num(k)
    if digits is not None:
        return int(digits) if len(digits) <= 4 else -1
    word = v.text(k)
    return NUMBER_WORDS.get(word) if word is not None else None


def recurrence(v: View, k: int) -> tuple[Every | None, int] | None:
    """A period of repetition at *k*: (every, end); every None means daily ("hằng ngày").

    Raises ``Fail`` for "định kỳ" with no period and for periods we cannot model.
    """
    daily = v.longest(k, lx.DAILY)
    if daily is not None:
        return None, daily
    each = v.longest(k, lx.EVERY_WORDS)
    if each is not None:
        found = _unit(v, each, k)
        if found is not None:
            return found
    periodic = v.longest(k, lx.PERIODIC_WORDS)
    if periodic is not None:
        inner = v.longest(periodic, lx.EVERY_WORDS) or periodic
        found = _unit(v, inner, k) or _per_times(v, inner, k)
        if found is None:
            raise Fail("no_cycle", k, periodic)
        return found
    found = _per_times(v, k, k)
    if found is not None:
        return found
    if v.text(k) in lx.UNITS and v.longest(k + 1, lx.ONCE_WORDS) is not None:
        return lx.UNITS[v.text(k) or ""], v.longest(k + 1, lx.ONCE_WORDS) or k + 1
    return None


def _unit(v: View, k: int, first: int) -> tuple[Every | None, int] | None:
    """ "năm", "quý", "6 tháng" after "hằng"/"mỗi"/"định kỳ"."""
    word = v.text(k)
    if word in lx.UNITS:
        end = k + 1
        times = _count(v, end)
        if times is not None and v.text(end + 1) == "lan":  # "mỗi năm 2 lần"
            return _times(lx.UNITS[word or ""], times, first, end + 2), end + 2
        return lx.UNITS[word or ""], v.longest(end, lx.ONCE_WORDS) or end
    if word == "ngay":
        return None, k + 1
    months = _count(v, k)
    if months is not None and v.text(k + 1) == "thang":
        end = v.longest(k + 2, lx.ONCE_WORDS) or k + 2
        every = lx.MONTHS_TO_EVERY.get(months)
        if every is None:
            raise Fail("cycle", first, end)
        return every, end
    return None


def _per_times(v: View, k: int, first: int) -> tuple[Every | None, int] | None:
    """ "6 tháng/lần", "1 năm một lần", "2 lần/năm", "1 lần/quý"."""
    n = _count(v, k)
    if n is None:
        return None
    unit = v.text(k + 1)
    if unit in lx.UNITS:
        once = v.longest(k + 2, lx.ONCE_WORDS)
        if once is None:
            return None
        if unit == "thang":
            every = lx.MONTHS_TO_EVERY.get(n)
        else:
            every = lx.UNITS[unit or ""] if n == 1 else None
        if every is None:
            raise Fail("cycle", first, once)
        return every, once
    if unit == "lan" and v.text(k + 2) in ("/", "trong", "moi", "mot"):
        per = lx.UNITS.get(v.text(k + 3) or "")
        if per is None:
            return None
        return _times(per, n, first, k + 4), k + 4
    return None


def _times(unit: Every, n: int, first: int, end: int) -> Every:
    """ "n lần một năm/quý/tháng" as a period."""
    months = {"year": 12, "quarter": 3, "month": 1}.get(unit)
    if n == 1:
        return unit
    if months is not None and n > 0 and months % n == 0:
        every = lx.MONTHS_TO_EVERY.get(months // n)
        if every is not None:
            return every
    raise Fail("cycle", first, end)


def _recurring(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    found = recurrence(v, k)
    if found is None:
        return None
    every, end = found
    if every is None:
        f.slots.append(Slot("continuous", k, end))
    else:
        f.slots.append(Slot("recurring", k, end, every=every))
    return end


def _continuous(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "thường xuyên", "liên tục", "xuyên suốt giai đoạn 2026–2030"."""
    end = v.longest(k, lx.CONTINUOUS)
    if end is not None:
        f.slots.append(Slot("continuous", k, end))
        return end
    end = v.longest(k, lx.THROUGHOUT)
    if end is None:
        return None
    found = period(v, end, ctx.ref)
    if found is None:
        if v.text(k) == "suot" or v.text(k) == "trong":
            return None
        f.slots.append(Slot("continuous", k, end))
        return end
    p, after = found
    f.slots.append(Slot("continuous", k, after))
    f.times.append(("in", p))
    return after


def _hedge(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    end = v.longest(k, lx.HEDGES)
    if end is not None:
        f.hedged = True
    return end


def _open_end(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    end = v.longest(k, lx.OPEN_END)
    if end is not None:
        f.open_end = True
    return end


# --- dates --------------------------------------------------------------------------------

_ROLES: tuple[tuple[str, lx.Phrases], ...] = (
    ("start", lx.START_WORDS),
    ("end", lx.END_WORDS),
    ("before", lx.BEFORE_WORDS),
    ("in", lx.DUE_WORDS),
    ("after", lx.AFTER_PERIOD_WORDS),
)


def _timed(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """A period with the word that says how it counts: "từ", "đến", "trước", "chậm nhất"…"""
    options = []
    for role, words in _ROLES:
        for phrase in words:
            end = v.match(k, phrase)
            if end is not None:
                options.append((end, role))
    options.sort(reverse=True)
    for end, role in [*options, (k, "in")]:
        found = period(v, end, ctx.ref)
        if found is not None:
            p, after = found
            f.times.append((role, p))
            return after
    return None


def _activity(ctx: Ctx, v: View, k: int, f: Facets) -> int | None:
    """ "… định kỳ hằng quý báo cáo kết quả": what the part just named is about."""
    if not f.has_content() or v.longest(k, lx.ACTIVITIES) is None:
        return None
    text, resume = _free(ctx, v, k, k)
    f.attach_item(text)
    return resume
