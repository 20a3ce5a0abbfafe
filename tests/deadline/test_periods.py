"""Calendar arithmetic: month ends, leap years, quarters, halves, weeks, Roman numerals."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.deadline import parse_deadline
from kehoach.deadline.periods import (
    clamp_day,
    half_end,
    half_of,
    half_start,
    month_end,
    next_period_start,
    period_containing,
    quarter_end,
    quarter_of,
    quarter_start,
    roman_to_int,
    shift,
    valid_year,
    week_end,
    week_start,
)

D = dt.date


@pytest.mark.parametrize(
    ("year", "month", "last"),
    [
        (2019, 1, 31),
        (2019, 2, 28),
        (2020, 2, 29),  # leap year
        (1900, 2, 28),  # divisible by 100, not by 400: not leap
        (2000, 2, 29),  # divisible by 400: leap
        (2019, 4, 30),
        (2019, 6, 30),
        (2019, 9, 30),
        (2019, 11, 30),
        (2019, 12, 31),
    ],
)
def test_month_end(year: int, month: int, last: int) -> None:
    assert month_end(year, month) == D(year, month, last)


@pytest.mark.parametrize(
    ("quarter", "first", "last"),
    [(1, D(2019, 1, 1), D(2019, 3, 31)), (2, D(2019, 4, 1), D(2019, 6, 30)),
     (3, D(2019, 7, 1), D(2019, 9, 30)), (4, D(2019, 10, 1), D(2019, 12, 31))],
)  # fmt: skip
def test_quarter_bounds(quarter: int, first: dt.date, last: dt.date) -> None:
    assert quarter_start(2019, quarter) == first
    assert quarter_end(2019, quarter) == last
    assert quarter_of(first) == quarter_of(last) == quarter


def test_half_bounds() -> None:
    assert (half_start(2019, 1), half_end(2019, 1)) == (D(2019, 1, 1), D(2019, 6, 30))
    assert (half_start(2019, 2), half_end(2019, 2)) == (D(2019, 7, 1), D(2019, 12, 31))
    assert half_of(D(2019, 6, 30)) == 1
    assert half_of(D(2019, 7, 1)) == 2


@pytest.mark.parametrize(
    ("text", "value"),
    [("I", 1), ("ii", 2), ("III", 3), ("IV", 4), ("v", 5), ("IX", 9), ("XII", 12),
     ("XIII", 13), ("MCMXCIV", 1994)],
)  # fmt: skip
def test_roman_numerals(text: str, value: int) -> None:
    assert roman_to_int(text) == value


@pytest.mark.parametrize("text", ["", "IIII", "VX", "IC", "abc", "nam", "4", "I V"])
def test_not_roman_numerals(text: str) -> None:
    assert roman_to_int(text) is None


def test_clamp_day_and_shift() -> None:
    assert clamp_day(2019, 2, 31) == D(2019, 2, 28)
    assert clamp_day(2020, 2, 31) == D(2020, 2, 29)
    # months keep the day, clamped to the month's end (31/1 + 1 month: 28 or 29/2)
    assert shift(D(2019, 1, 31), 1, "month") == D(2019, 2, 28)
    assert shift(D(2020, 1, 31), 1, "month") == D(2020, 2, 29)
    assert shift(D(2019, 11, 30), 3, "month") == D(2020, 2, 29)
    assert shift(D(2019, 8, 31), 6, "month") == D(2020, 2, 29)
    assert shift(D(2019, 3, 15), -3, "month") == D(2018, 12, 15)
    assert shift(D(2019, 3, 31), -1, "month") == D(2019, 2, 28)
    assert shift(D(2020, 2, 29), 1, "year") == D(2021, 2, 28)
    assert shift(D(2020, 2, 29), -4, "year") == D(2016, 2, 29)
    assert shift(D(2019, 12, 30), 3, "day") == D(2020, 1, 2)
    assert shift(D(2020, 1, 10), -2, "week") == D(2019, 12, 27)
    # out of the calendar: saturates instead of raising
    assert shift(D(9999, 6, 1), 12, "month") == dt.date.max
    assert shift(D(1, 6, 1), -1, "year") == dt.date.min
    assert shift(D(9999, 12, 31), 1, "day") == dt.date.max


def test_month_leads_in_phrases_clamp_to_the_months_end() -> None:
    """ "trong vòng 6 tháng kể từ 31/8/2019" ends on the last day of February."""
    assert parse_deadline("trong vòng 6 tháng kể từ ngày 31/8/2019").due == D(2020, 2, 29)
    assert parse_deadline("chậm nhất 1 năm sau ngày 29/2/2020").due == D(2021, 2, 28)
    assert parse_deadline("chậm nhất 2 tuần trước ngày 10/1/2020").due == D(2019, 12, 27)


def test_weeks_are_monday_to_sunday() -> None:
    wednesday = D(2024, 1, 3)
    assert week_start(wednesday) == D(2024, 1, 1)
    assert week_end(wednesday) == D(2024, 1, 7)
    assert period_containing(D(2024, 12, 31), "week") == (D(2024, 12, 30), D(2025, 1, 5))


@pytest.mark.parametrize(
    ("every", "first", "last", "following"),
    [
        ("year", D(2019, 1, 1), D(2019, 12, 31), D(2020, 1, 1)),
        ("half-year", D(2019, 1, 1), D(2019, 6, 30), D(2019, 7, 1)),
        ("quarter", D(2019, 4, 1), D(2019, 6, 30), D(2019, 7, 1)),
        ("month", D(2019, 5, 1), D(2019, 5, 31), D(2019, 6, 1)),
        ("week", D(2019, 5, 13), D(2019, 5, 19), D(2019, 5, 20)),
    ],
)
def test_period_containing(every: str, first: dt.date, last: dt.date, following: dt.date) -> None:
    day = D(2019, 5, 15)
    assert period_containing(day, every) == (first, last)  # type: ignore[arg-type]
    assert next_period_start(day, every) == following  # type: ignore[arg-type]


def test_year_range() -> None:
    assert valid_year(1900) and valid_year(2200)
    assert not valid_year(1899) and not valid_year(2201)


def test_dateutil_is_imported_only_when_months_are_added() -> None:
    """relativedelta serves month arithmetic only: the shipped plan's status and a plain
    deadline never import it; a month lead does (the probe can see it)."""
    from pathlib import Path

    from tests.test_startup import imported_by

    plan = str(Path(__file__).resolve().parents[2] / "plan")
    no_cache = {"KEHOACH_NO_CACHE": "1"}
    assert "dateutil" not in imported_by(["status", plan, "--as-of", "2019-09-30"], no_cache)
    assert "dateutil" not in imported_by(["deadline", "quý III/2019"])
    assert "dateutil" in imported_by(["deadline", "trong vòng 6 tháng kể từ ngày 31/8/2019"])
