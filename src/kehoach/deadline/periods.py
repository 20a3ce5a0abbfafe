"""Calendar arithmetic for plan periods: months, quarters, half-years, years, weeks.

Plans name periods ("quý III/2019", "6 tháng cuối năm"), never days, so every due
date is the last inclusive day of some period. Reports use the same functions to
cut the calendar into reporting periods.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from typing import Final, Literal

from kehoach.roman import from_roman, to_roman

__all__ = [
    "EVERY",
    "MAX_YEAR",
    "MIN_YEAR",
    "Every",
    "anchor_date",
    "anchors_fit",
    "clamp_day",
    "half_end",
    "half_of",
    "half_start",
    "month_end",
    "month_start",
    "next_period_start",
    "parse_period_label",
    "period_containing",
    "period_label",
    "period_title",
    "quarter_end",
    "quarter_of",
    "quarter_start",
    "roman_to_int",
    "shift",
    "valid_year",
    "week_end",
    "week_start",
    "year_end",
    "year_start",
]

Every = Literal["year", "half-year", "quarter", "month", "week"]
EVERY: Final[tuple[Every, ...]] = ("year", "half-year", "quarter", "month", "week")

# Plans are written for real terms; anything outside is a typo, not a plan.
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200


def valid_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def roman_to_int(text: str) -> int | None:
    """Value of a well-formed Roman numeral (any case), else None (see kehoach.roman)."""
    return from_roman(text)


def month_start(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1)


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def clamp_day(year: int, month: int, day: int) -> dt.date:
    """Day *day* of the month, or its last day when the month is shorter (31 → 30/28/29)."""
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def shift(day: dt.date, n: int, unit: str) -> dt.date:
    """*day* moved by *n* days, weeks, months or years (negative: earlier), saturating at
    ``date.min``/``date.max``. Months and years keep the day of the month, clamped to
    the month's end (31/8 + 6 months = 28 or 29/2) — ``dateutil.relativedelta``, imported
    only when a month or a year is added, so the commands that never do stay light."""
    try:
        if unit == "day":
            return day + dt.timedelta(days=n)
        if unit == "week":
            return day + dt.timedelta(weeks=n)
        from dateutil.relativedelta import relativedelta

        step = relativedelta(months=n) if unit == "month" else relativedelta(years=n)
        moved: dt.date = day + step
        return moved
    except (OverflowError, ValueError):
        return dt.date.min if n < 0 else dt.date.max


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * quarter - 2, 1)


def quarter_end(year: int, quarter: int) -> dt.date:
    return month_end(year, 3 * quarter)


def half_of(day: dt.date) -> int:
    return 1 if day.month <= 6 else 2


def half_start(year: int, half: int) -> dt.date:
    return dt.date(year, 1 if half == 1 else 7, 1)


def half_end(year: int, half: int) -> dt.date:
    return dt.date(year, 6, 30) if half == 1 else dt.date(year, 12, 31)


def year_start(year: int) -> dt.date:
    return dt.date(year, 1, 1)


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week that contains *day*."""
    return day - dt.timedelta(days=day.weekday())


def week_end(day: dt.date) -> dt.date:
    """Sunday of the ISO week that contains *day*."""
    return week_start(day) + dt.timedelta(days=6)


def period_containing(day: dt.date, every: Every) -> tuple[dt.date, dt.date]:
    """First and last day of the *every*-long calendar period that contains *day*."""
    if every == "year":
        return year_start(day.year), year_end(day.year)
    if every == "half-year":
        half = half_of(day)
        return half_start(day.year, half), half_end(day.year, half)
    if every == "quarter":
        quarter = quarter_of(day)
        return quarter_start(day.year, quarter), quarter_end(day.year, quarter)
    if every == "month":
        return month_start(day.year, day.month), month_end(day.year, day.month)
    return week_start(day), week_end(day)


def next_period_start(day: dt.date, every: Every) -> dt.date:
    """First day of the period after the one that contains *day*."""
    return period_containing(day, every)[1] + dt.timedelta(days=1)


def anchor_date(year: int, month: int, day: int | None) -> dt.date:
    """Day *day* of *month* in *year* (None: the month's last day), clamped to short months."""
    return month_end(year, month) if day is None else clamp_day(year, month, day)


def anchors_fit(months: Iterable[int], every: Every) -> bool:
    """Whether anchors in these months each fall in their own period of *every*."""
    if every == "week":
        return False
    starts = [period_containing(dt.date(2000, month, 1), every)[0] for month in months]
    return len(set(starts)) == len(starts)


# --- period labels: "2019", "2019-H1", "2019-Q3", "2019-07", "2019-W05" ------------------


def period_label(every: Every, period_start: dt.date) -> str:
    """The machine label of the *every*-period that starts on *period_start*.

    The same labels ``--year``/``--half``/``--quarter`` and a history entry's
    ``occurrence`` use; weeks are ISO weeks.
    """
    if every == "year":
        return f"{period_start.year}"
    if every == "half-year":
        return f"{period_start.year}-H{half_of(period_start)}"
    if every == "quarter":
        return f"{period_start.year}-Q{quarter_of(period_start)}"
    if every == "month":
        return f"{period_start:%Y-%m}"
    iso = period_start.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


_LABEL_RE: Final = re.compile(
    r"^(\d{4})(?:-(?:H([12])|Q([1-4])|(0[1-9]|1[0-2])|W(0[1-9]|[1-4]\d|5[0-3])))?$"
)


def parse_period_label(label: str) -> tuple[Every, dt.date, dt.date] | None:
    """(every, first day, last day) of a period label, or None when it is not one."""
    match = _LABEL_RE.match(label.strip())
    if match is None:
        return None
    year = int(match.group(1))
    if not valid_year(year):
        return None
    half, quarter, month, week = match.group(2, 3, 4, 5)
    if half:
        return "half-year", half_start(year, int(half)), half_end(year, int(half))
    if quarter:
        return "quarter", quarter_start(year, int(quarter)), quarter_end(year, int(quarter))
    if month:
        return "month", month_start(year, int(month)), month_end(year, int(month))
    if week:
        try:
            monday = dt.date.fromisocalendar(year, int(week), 1)
        except ValueError:
            return None
        return "week", monday, week_end(monday)
    return "year", year_start(year), year_end(year)


def period_title(label: str) -> str:
    """The Vietnamese name of a period label: "năm 2019", "quý III/2019", "tháng 7/2019"."""
    parsed = parse_period_label(label)
    if parsed is None:
        return label
    every, first, _ = parsed
    if every == "year":
        return f"năm {first.year}"
    if every == "half-year":
        return f"6 tháng {'đầu' if half_of(first) == 1 else 'cuối'} năm {first.year}"
    if every == "quarter":
        return f"quý {to_roman(quarter_of(first))}/{first.year}"
    if every == "month":
        return f"tháng {first.month}/{first.year}"
    iso = first.isocalendar()
    return f"tuần {iso.week}/{iso.year}"
