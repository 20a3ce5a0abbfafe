"""Named periods in deadline prose: "quý III/2019", "6 tháng đầu năm", "15/12/2018" …

Each recogniser reads tokens at an index and returns the period and the index after
it, or None when the words are not a period at all. Words that clearly try to name a
period but cannot ("quý V/2019", "31/2/2019", "năm 99999") raise ``Fail`` instead,
so the user hears what is wrong rather than "not understood".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Final

from kehoach.deadline import lexicon as lx
from kehoach.deadline.fail import Fail
from kehoach.deadline.periods import (
    half_end,
    half_start,
    month_end,
    quarter_end,
    quarter_start,
    roman_to_int,
    valid_year,
)
from kehoach.deadline.tokens import View

__all__ = ["REFERENCE_YEAR", "Per", "period"]

# A period written without its year is built in a leap year, so "29/2" stays valid;
# the parser then reads it as the same day every year.
REFERENCE_YEAR: Final = 2000
_SEPARATORS: Final = ("/", "-", ".")


@dataclass(frozen=True)
class Per:
    """A period named by tokens ``[i, j)``; both ends inclusive.

    ``yearless``: the year was not written. ``point``: a day or the start/middle/end of
    a period, which "trước" keeps inclusive. ``ranged``: the text gave its start too.
    ``day_only``: "ngày 10" alone, meaningful only with "hằng tháng".
    ``half``: a half-year ("6 tháng đầu năm 2027"), which carries its start as well.
    ``unit``: what was named ("day", "month", "quarter", "half", "year", "part", "range").
    ``members``: the periods of a list ("quý II và quý IV"), in order.
    """

    start: dt.date
    end: dt.date
    i: int
    j: int
    yearless: bool = False
    point: bool = False
    ranged: bool = False
    day_only: int | None = None
    half: bool = False
    unit: str = "range"
    members: tuple[Per, ...] = ()  # a list: "quý II và quý III/2027" (each a part)


Found = tuple[Per, int]


def period(v: View, k: int, ref: int | None) -> Found | None:
    """A period at *k*, a range of two ("2018–2020", "từ tháng 9 đến tháng 12/2024"), or a
    list of like periods ("quý II và quý III/2027", "quý II và quý IV")."""
    found = _single(v, k, ref)
    if found is None:
        return _span(v, k, ref)
    listed = _list(v, k, found, ref)
    if listed is not None:
        return listed
    first, end = found
    link = v.longest(end, lx.RANGE_LINKS)
    if link is None or first.day_only is not None:
        return found
    second = _single(v, link, ref)
    if second is None or second[0].day_only is not None:
        return found
    return _range(v, (k, first), (link, second[0]), ref), second[1]


_LIST_LINKS: Final = frozenset({"va", ",", "&", "hoac"})
_LISTED_UNITS: Final = frozenset({"day", "month", "quarter", "half"})
_MAX_LISTED: Final = 12


def _list(v: View, k: int, found: Found, ref: int | None) -> Found | None:
    """Two or more periods of one kind joined by "và" or commas, nothing else between.

    The year written once, at the end, is every part's ("quý I, quý II và quý III năm
    2019"); a part after the last written year has none ("Thiếu năm"). Without any
    year the list stays yearless (a recurrence then gives each part a round).
    """
    first, end = found
    if first.unit not in _LISTED_UNITS or first.ranged or first.day_only is not None:
        return None
    members = [first]
    while len(members) < _MAX_LISTED and v.text(end) in _LIST_LINKS:
        try:
            following = _single(v, end + 1, ref) or _elided(v, end + 1, first.unit, ref)
        except Fail:
            break
        if following is None:
            break
        member, after = following
        if member.unit != first.unit or member.ranged or member.day_only is not None:
            break
        members.append(member)
        end = after
    if len(members) < 2:
        return None
    year: int | None = None
    dated: list[Per] = []
    for member in reversed(members):
        if not member.yearless:
            year = member.end.year
        elif year is not None:
            member = _again(v, member.i, year, member.unit)
        dated.append(member)
    dated.reverse()
    if any(m.yearless for m in dated) and not all(m.yearless for m in dated):
        last = next(m for m in reversed(dated) if m.yearless)
        raise Fail("no_year", last.i, last.j)
    for before, after_ in pairwise(dated):
        if after_.start <= before.end and not after_.yearless:
            raise Fail("reversed", before.i, after_.j)
    per = Per(
        dated[0].start,
        max(m.end for m in dated),
        k,
        end,
        yearless=dated[0].yearless,
        point=dated[0].point,
        unit=first.unit,
        members=tuple(dated),
    )
    return per, end


def _range(v: View, a: tuple[int, Per], b: tuple[int, Per], ref: int | None) -> Per:
    """Join two periods; a missing year is taken from the other end ("tháng 9 – 12/2024")."""
    (ka, first), (kb, second) = a, b
    if first.yearless and not second.yearless:
        first = _again(v, ka, second.end.year)
        if first.start > second.end:
            first = _again(v, ka, second.end.year - 1)
    elif second.yearless and not first.yearless:
        second = _again(v, kb, first.start.year)
        if second.end < first.start:
            second = _again(v, kb, first.start.year + 1)
    if first.start > second.end or first.end > second.end:
        raise Fail("reversed", first.i, second.j)
    return Per(
        first.start,
        second.end,
        first.i,
        second.j,
        yearless=first.yearless and second.yearless,
        ranged=True,
    )


def _again(v: View, k: int, year: int, unit: str | None = None) -> Per:
    if not valid_year(year):
        raise Fail("year", k, k + 1)
    found = _single(v, k, year) or (_elided(v, k, unit, year) if unit else None)
    assert found is not None  # it was read once already at k
    return replace(found[0], yearless=False)


def _elided(v: View, k: int, unit: str, ref: int | None) -> Found | None:
    """A listed part without its unit word: the "III" of "quý II, III/2027", the "12" of
    "tháng 6 và 12 hằng năm" (only after a part that names the unit)."""
    token = v.text(k)
    if token is None:
        return None
    if unit == "quarter":
        digits = v.num(k)
        if (digits is not None and len(digits) != 1) or (
            digits is None and roman_to_int(token) is None
        ):
            return None
        number = _quarter_no(v, k, k)
        if number is None:
            return None
        return _numbered_range(
            v, k, k + 1, ref, (number, number), quarter_start, quarter_end, "quarter"
        )
    if unit == "month":
        digits = v.num(k)
        if (
            digits is None
            or len(digits) > 2
            or (v.text(k + 1) == "/" and len(v.num(k + 2) or "") <= 2)
        ):
            return None
        number = _month_no(v, k, k)
        return _numbered_range(
            v, k, k + 1, ref, (number, number), lambda y, m: dt.date(y, m, 1), month_end, "month"
        )
    return None


def _single(v: View, k: int, ref: int | None) -> Found | None:
    for recognise in (_iso, _day, _month, _quarter, _half, _part, _plain_year, _month_year):
        found = recognise(v, k, ref)
        if found is not None:
            return found
    return None


def _span(v: View, k: int, ref: int | None) -> Found | None:
    """ "giai đoạn 2018–2020", "nhiệm kỳ 2020 - 2025", "thời kỳ từ năm 2021 đến năm 2025"."""
    end = v.longest(k, lx.SPAN_WORDS)
    if end is None:
        return None
    if v.text(end) == "tu":
        end += 1
    found = period(v, end, ref)
    if found is None:
        return None
    inner, after = found
    return replace(inner, i=k, ranged=True), after


# --- numbers -------------------------------------------------------------------------


def _int(digits: str) -> int:
    """Value of a short digit string; long ones become an impossible value, never a crash."""
    return int(digits) if len(digits) <= 6 else 10**7


def _year_at(v: View, k: int, first: int) -> int:
    """The year written at token *k* (already known to be a number), else ``Fail``."""
    digits = v.num(k) or ""
    value = _int(digits)
    if len(digits) != 4 or not valid_year(value):
        raise Fail("year", first, k + 1)
    return value


def _year_after(v: View, k: int, first: int) -> tuple[int, int] | None:
    """A year after a month or quarter: "/2019", "-2019", ".2019", "năm 2019"."""
    if v.text(k) in _SEPARATORS and v.num(k + 1) is not None:
        digits = v.num(k + 1) or ""
        if v.text(k) == "-" and len(digits) != 4:
            return None  # "tháng 9 - 10/2024": a range, not a year
        return _year_at(v, k + 1, first), k + 2
    if v.text(k) == "nam" and v.num(k + 1) is not None:
        return _year_at(v, k + 1, first), k + 2
    return None


def _this_year(v: View, k: int) -> int:
    """Skip "năm nay" (this year), which leaves the year to the plan."""
    return k + 2 if v.text(k) == "nam" and v.text(k + 1) == "nay" else k


def _date(year: int, month: int, day: int, i: int, j: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise Fail("date", i, j) from None


def _month_no(v: View, k: int, first: int) -> int:
    value = _int(v.num(k) or "")
    if not 1 <= value <= 12:
        raise Fail("month", first, k + 1)
    return value


# --- recognisers ---------------------------------------------------------------------


def _iso(v: View, k: int, ref: int | None) -> Found | None:
    """2019-06-30."""
    year, month, day = v.num(k), v.num(k + 2), v.num(k + 4)
    if year is None or month is None or day is None or len(year) != 4:
        return None
    if v.text(k + 1) != "-" or v.text(k + 3) != "-" or len(month) > 2 or len(day) > 2:
        return None
    when = _date(_year_at(v, k, k), int(month), int(day), k, k + 5)
    return Per(when, when, k, k + 5, point=True, unit="day"), k + 5


def _day(v: View, k: int, ref: int | None) -> Found | None:
    """ "ngày 15/12/2018", "30-6-2019", "ngày 15 tháng 12 năm 2018", "15/12", "ngày 10"."""
    first = k
    named = v.text(k) == "ngay"
    if named:
        k += 1
    digits = v.num(k)
    if digits is None:
        return None
    if len(digits) > 2:
        if named:
            raise Fail("day", first, k + 1)
        return None
    day = int(digits)
    sep = v.text(k + 1)
    month_digits = v.num(k + 2)
    if sep in _SEPARATORS and month_digits is not None and len(month_digits) <= 2:
        month = int(month_digits)
        if v.text(k + 3) == sep and v.num(k + 4) is not None:
            year = _year_at(v, k + 4, first)
            when = _date(year, month, day, first, k + 5)
            return Per(when, when, first, k + 5, point=True, unit="day"), k + 5
        if sep == "/" or (named and sep in _SEPARATORS):
            return _day_month(day, month, first, k + 3, ref), k + 3
    if named and v.text(k + 1) == "thang" and month_digits is not None:
        month = _month_no(v, k + 2, first)
        found = _year_after(v, k + 3, first)
        if found is not None:
            year, end = found
            when = _date(year, month, day, first, end)
            return Per(when, when, first, end, point=True, unit="day"), end
        end = _this_year(v, k + 3)
        return _day_month(day, month, first, end, ref), end
    if named:
        if not 1 <= day <= 31:
            raise Fail("day", first, k + 1)
        when = dt.date(REFERENCE_YEAR, 1, day)
        per = Per(when, when, first, k + 1, yearless=True, point=True, day_only=day, unit="day")
        return per, k + 1
    return None


def _day_month(day: int, month: int, i: int, j: int, ref: int | None) -> Per:
    if not 1 <= month <= 12:
        raise Fail("month", i, j)
    when = _date(REFERENCE_YEAR if ref is None else ref, month, day, i, j)
    return Per(when, when, i, j, yearless=True, point=True, unit="day")


def _numbered_range(
    v: View,
    k: int,
    end: int,
    ref: int | None,
    numbers: tuple[int, int],
    start_of: Callable[[int, int], dt.date],
    end_of: Callable[[int, int], dt.date],
    unit: str,
) -> Found:
    """The year after "tháng 9 - 10" / "quý III - IV" (or the plan's year) and the period
    from the first numbered part's start to the last one's end."""
    first, last = numbers
    found = _year_after(v, end, k)
    year = REFERENCE_YEAR if ref is None else ref
    yearless = found is None
    if found is not None:
        year, end = found
    else:
        end = _this_year(v, end)
    if last < first:
        raise Fail("reversed", k, end)
    per = Per(
        start_of(year, first),
        end_of(year, last),
        k,
        end,
        yearless=yearless,
        ranged=last != first,
        unit=unit if last == first else "range",
    )
    return per, end


def _month(v: View, k: int, ref: int | None) -> Found | None:
    """ "tháng 8/2018", "tháng 8 năm 2018", "tháng 9 - 10/2024", "tháng 12"."""
    if v.text(k) != "thang" or v.num(k + 1) is None:
        return None
    first_month = last_month = _month_no(v, k + 1, k)
    end = k + 2
    if v.text(end) == "-" and v.num(end + 1) is not None and len(v.num(end + 1) or "") <= 2:
        last_month = _month_no(v, end + 1, k)
        end += 2
    return _numbered_range(
        v, k, end, ref, (first_month, last_month), lambda y, m: dt.date(y, m, 1), month_end, "month"
    )


def _quarter_no(v: View, k: int, first: int) -> int | None:
    token = v.text(k)
    if token is None:
        return None
    if v.num(k) is not None:
        value = _int(token)
    elif token in lx.QUARTER_WORDS:
        value = lx.QUARTER_WORDS[token]
    else:
        roman = roman_to_int(token)
        if roman is None:
            return None
        value = roman
    if not 1 <= value <= 4:
        raise Fail("quarter", first, k + 1)
    return value


def _quarter(v: View, k: int, ref: int | None) -> Found | None:
    """ "quý III/2019", "quý 3 năm 2019", "quý III - IV/2019", "quý IV"."""
    if v.text(k) not in ("quy", "qui"):
        return None
    first_q = _quarter_no(v, k + 1, k)
    if first_q is None:
        return None
    last_q, end = first_q, k + 2
    if v.text(end) == "-" and len(v.num(end + 1) or "") != 4:
        second = _quarter_no(v, end + 1, k)
        if second is not None:
            last_q, end = second, end + 2
    return _numbered_range(v, k, end, ref, (first_q, last_q), quarter_start, quarter_end, "quarter")


def _year_tail(v: View, k: int, first: int, ref: int | None) -> tuple[int, bool, int]:
    """After "… năm": the year if written (year, False, next) else (reference, True, next)."""
    if v.num(k) is not None:
        return _year_at(v, k, first), False, k + 1
    if v.text(k) == "nay":
        k += 1
    return (REFERENCE_YEAR if ref is None else ref), True, k


def _half(v: View, k: int, ref: int | None) -> Found | None:
    """ "6 tháng đầu năm 2019", "sáu tháng cuối năm", "nửa đầu năm 2020"."""
    if v.text(k) in ("6", "06", "sau") and v.text(k + 1) == "thang":
        end, words = k + 2, {"dau": 1, "cuoi": 2}
    elif v.text(k) == "nua":
        end, words = k + 1, {"dau": 1, "truoc": 1, "cuoi": 2, "sau": 2}
    else:
        return None
    half = words.get(v.text(end) or "")
    if half is None:
        return None
    end += 1
    if v.text(end) == "cua":
        end += 1
    if v.text(end) != "nam":
        return None
    year, yearless, end = _year_tail(v, end + 1, k, ref)
    per = Per(
        half_start(year, half), half_end(year, half), k, end, yearless, half=True, unit="half"
    )
    return per, end


def _part(v: View, k: int, ref: int | None) -> Found | None:
    """ "đầu năm 2019", "giữa năm", "cuối quý III/2019", "cuối tháng 8/2018"."""
    which = 0
    for index, words in enumerate((lx.EARLY, lx.MIDDLE, lx.LATE)):
        end = v.longest(k, words)
        if end is not None:
            which, after = index, end
            break
    else:
        return None
    if v.text(after) == "nam":
        year, yearless, end = _year_tail(v, after + 1, k, ref)
        first_month, last_month = ((1, 3), (4, 6), (10, 12))[which]
        per = Per(
            dt.date(year, first_month, 1), month_end(year, last_month), k, end, yearless=yearless
        )
        return replace(per, point=True, unit="part"), end
    inner = _quarter(v, after, ref)
    if inner is not None:
        whole, end = inner
        month = whole.start.month + which if which < 2 else whole.end.month
        year = whole.end.year
        per = Per(
            dt.date(year, month, 1),
            month_end(year, month),
            k,
            end,
            whole.yearless,
            True,
            unit="part",
        )
        return per, end
    inner = _month(v, after, ref)
    if inner is not None:
        whole, end = inner
        base = whole.end if which == 2 else whole.start
        year, month = base.year, base.month
        days = ((1, 10), (11, 20), (21, month_end(year, month).day))[which]
        per = Per(
            dt.date(year, month, days[0]),
            dt.date(year, month, days[1]),
            k,
            end,
            whole.yearless,
            True,
            unit="part",
        )
        return per, end
    return None


def _plain_year(v: View, k: int, ref: int | None) -> Found | None:
    """ "năm 2018", "2029", "năm nay", "trong năm" (the year left to the plan)."""
    if v.text(k) == "nam":
        year, yearless, end = _year_tail(v, k + 1, k, ref)
    elif v.num(k) is not None and len(v.num(k) or "") == 4:
        year, yearless, end = _year_number(v, k), False, k + 1
    else:
        return None
    return Per(dt.date(year, 1, 1), dt.date(year, 12, 31), k, end, yearless, unit="year"), end


def _year_number(v: View, k: int) -> int:
    value = _int(v.num(k) or "")
    if not valid_year(value):
        raise Fail("year", k, k + 1)
    return value


def _month_year(v: View, k: int, ref: int | None) -> Found | None:
    """Bare "6/2024", "08/2018", "8-2018" from task tables."""
    digits = v.num(k)
    if digits is None or len(digits) > 2 or v.text(k + 1) not in _SEPARATORS:
        return None
    year_digits = v.num(k + 2)
    if year_digits is None or len(year_digits) != 4:
        return None
    month = _month_no(v, k, k)
    year = _year_at(v, k + 2, k)
    return Per(dt.date(year, month, 1), month_end(year, month), k, k + 3, unit="month"), k + 3
