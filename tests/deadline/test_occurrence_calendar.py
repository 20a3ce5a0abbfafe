"""One calendar of rounds: labels, which round a day belongs to, rules with several anchors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.deadline import (
    Anchor,
    Rule,
    current_occurrence,
    occurrence_for,
    occurrence_labelled,
    occurrences,
    parse_period_label,
    period_label,
    period_title,
    rule_from_mapping,
)
from kehoach.errors import DeadlineParseError

D = dt.date
YEARLY = Rule("recurring", every="year")
QUARTERLY = Rule("recurring", every="quarter")


@pytest.mark.parametrize(
    ("label", "title", "first", "last"),
    [
        ("2019", "năm 2019", D(2019, 1, 1), D(2019, 12, 31)),
        ("2019-H1", "6 tháng đầu năm 2019", D(2019, 1, 1), D(2019, 6, 30)),
        ("2019-H2", "6 tháng cuối năm 2019", D(2019, 7, 1), D(2019, 12, 31)),
        ("2019-Q3", "quý III/2019", D(2019, 7, 1), D(2019, 9, 30)),
        ("2020-02", "tháng 2/2020", D(2020, 2, 1), D(2020, 2, 29)),
        ("2020-W01", "tuần 1/2020", D(2019, 12, 30), D(2020, 1, 5)),
    ],
)
def test_labels_name_their_period(label: str, title: str, first: dt.date, last: dt.date) -> None:
    parsed = parse_period_label(label)
    assert parsed is not None
    every, start, end = parsed
    assert (start, end) == (first, last)
    assert period_label(every, start) == label
    assert period_title(label) == title


@pytest.mark.parametrize("bad", ["19", "2019-Q5", "2019-H3", "2019-13", "2019-7", "1899", "x"])
def test_not_a_label(bad: str) -> None:
    assert parse_period_label(bad) is None


@given(st.dates(D(1900, 1, 8), D(2200, 12, 24)), st.sampled_from(["year", "quarter", "month"]))
@settings(max_examples=100, deadline=None)
def test_every_day_belongs_to_the_round_whose_period_holds_it(day: dt.date, every: str) -> None:
    rule = Rule("recurring", every=every)  # type: ignore[arg-type]
    start = D(day.year - 1, 1, 1)  # rounds counted from a year before: fast, and any start works
    found = occurrence_for(rule, day, start=start)
    assert found is not None
    assert found.period_start <= day <= found.period_end
    assert occurrence_labelled(rule, found.label, start=start) == found


def test_first_and_last_day_of_a_period_belong_to_it() -> None:
    start = D(2018, 1, 1)
    for day, label in [
        (D(2019, 7, 1), "2019-Q3"),
        (D(2019, 9, 30), "2019-Q3"),
        (D(2019, 10, 1), "2019-Q4"),
        (D(2019, 6, 30), "2019-Q2"),
    ]:
        found = occurrence_for(QUARTERLY, day, start=start)
        assert found is not None and found.label == label, day


def test_a_late_update_before_the_next_period_belongs_to_the_anchored_round() -> None:
    rule = Rule("recurring", every="year", anchor=Anchor(month=11, day=30))
    late = occurrence_for(rule, D(2019, 12, 20), start=D(2018, 1, 1))
    assert late is not None and (late.label, late.due) == ("2019", D(2019, 11, 30))


def test_no_round_before_the_rule_starts() -> None:
    rule = Rule("recurring", every="year", start=D(2019, 1, 1))
    assert occurrence_for(rule, D(2018, 6, 1), start=D(2019, 1, 1)) is None
    assert occurrence_for(Rule("by", due=D(2019, 1, 1)), D(2019, 6, 1), start=D(2019, 1, 1)) is None


def test_label_of_another_cycle_is_not_a_round() -> None:
    assert occurrence_labelled(YEARLY, "2019-Q3", start=D(2018, 1, 1)) is None
    assert occurrence_labelled(QUARTERLY, "2019", start=D(2018, 1, 1)) is None
    ended = Rule("recurring", every="year", start=D(2018, 1, 1), due=D(2020, 12, 31))
    assert occurrence_labelled(ended, "2021", start=D(2018, 1, 1)) is None
    assert occurrence_labelled(ended, "2017", start=D(2018, 1, 1)) is None


# --- several anchors ---------------------------------------------------------------------

TWO_QUARTERS = Rule(
    "recurring", every="quarter", anchors=(Anchor(month=6), Anchor(month=12))
)  # "quý II và quý IV hằng năm"
TWO_DAYS = Rule(
    "recurring", every="half-year", anchors=(Anchor(month=6, day=20), Anchor(month=12, day=10))
)


def test_only_anchored_periods_have_rounds() -> None:
    found = occurrences(TWO_QUARTERS, D(2019, 1, 1), D(2020, 12, 31))
    assert [(o.label, o.due) for o in found] == [
        ("2019-Q2", D(2019, 6, 30)),
        ("2019-Q4", D(2019, 12, 31)),
        ("2020-Q2", D(2020, 6, 30)),
        ("2020-Q4", D(2020, 12, 31)),
    ]
    days = occurrences(TWO_DAYS, D(2019, 1, 1), D(2021, 1, 1))
    assert [o.due for o in days] == [
        D(2019, 6, 20),
        D(2019, 12, 10),
        D(2020, 6, 20),
        D(2020, 12, 10),
    ]


def test_a_period_without_a_round_belongs_to_the_round_before() -> None:
    start = D(2019, 1, 1)
    q3 = occurrence_for(TWO_QUARTERS, D(2019, 8, 15), start=start)
    assert q3 is not None and q3.label == "2019-Q2"
    jan = occurrence_for(TWO_QUARTERS, D(2020, 2, 1), start=start)
    assert jan is not None and jan.label == "2019-Q4"
    assert occurrence_for(TWO_QUARTERS, D(2019, 2, 1), start=start) is None  # before any round


def test_current_round_skips_periods_without_one() -> None:
    current = current_occurrence(TWO_QUARTERS, D(2019, 8, 1))
    assert current is not None and current.label == "2019-Q4"
    ended = Rule(
        "recurring",
        every="quarter",
        anchors=(Anchor(month=3), Anchor(month=9)),
        start=D(2019, 1, 1),
        due=D(2020, 12, 31),
    )
    last = current_occurrence(ended, D(2023, 1, 1))
    assert last is not None and last.label == "2020-Q3"


def test_anchors_from_a_mapping() -> None:
    rule = rule_from_mapping(
        {"kind": "recurring", "every": "quarter", "anchors": [{"month": 12}, {"month": 6}]}
    )
    assert rule == TWO_QUARTERS
    assert rule_from_mapping(rule.to_json()) == rule
    for bad in (
        {"kind": "recurring", "every": "quarter", "anchors": [{"month": 4}, {"month": 6}]},
        {"kind": "recurring", "every": "year", "anchors": [{"month": 4}, {"month": 9}]},
        {"kind": "recurring", "every": "quarter", "anchors": [{"month": 4}]},
        {"kind": "recurring", "every": "quarter", "anchors": [{"day": 4}, {"month": 9}]},
    ):
        with pytest.raises(DeadlineParseError):
            rule_from_mapping(bad)
