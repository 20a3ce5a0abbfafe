"""Period labels at the edges: written against the mutants of ``deadline/periods.py`` that
survived ``make mutate`` (docs/states.md, "Lịch các kỳ")."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.deadline import Every, occurrence_labelled, parse_deadline, parse_period_label

D = dt.date


@pytest.mark.parametrize(
    ("label", "every"),
    [("2019", "year"), ("2019-H2", "half-year"), ("2019-Q3", "quarter"), ("2019-07", "month"),
     ("2019-W05", "week")],
)  # fmt: skip
def test_a_label_names_the_cycle_of_its_period(label: str, every: Every) -> None:
    parsed = parse_period_label(label)
    assert parsed is not None and parsed[0] == every


def test_a_weekly_round_is_found_by_its_week_label() -> None:
    weekly = parse_deadline("hằng tuần")
    found = occurrence_labelled(weekly, "2024-W02", start=D(2024, 1, 1))
    assert found is not None
    assert (found.period_start, found.due) == (D(2024, 1, 8), D(2024, 1, 14))  # Monday–Sunday
    assert occurrence_labelled(weekly, "2024-01", start=D(2024, 1, 1)) is None  # a month
