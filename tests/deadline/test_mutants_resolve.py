"""Deadline resolution at the edges of a rule's window: written against the mutants of
``deadline/resolve.py`` that survived ``make mutate`` (docs/states.md, "Kiểm thử đột
biến")."""

from __future__ import annotations

import datetime as dt

from kehoach.deadline import (
    Rule,
    current_occurrence,
    labelled_parts,
    occurrence_labelled,
    occurrence_name,
    parse_deadline,
)

D = dt.date


def test_a_rule_that_does_not_recur_has_no_current_round() -> None:
    assert current_occurrence(Rule("recurring"), D(2019, 5, 1)) is None  # no period given
    assert current_occurrence(parse_deadline("quý II/2019"), D(2019, 5, 1)) is None


def test_a_round_due_on_the_rules_first_day_is_its_first_round() -> None:
    rule = Rule("recurring", every="month", start=D(2019, 1, 31))
    found = current_occurrence(rule, D(2019, 1, 1))
    assert found is not None and found.label == "2019-01" and found.due == D(2019, 1, 31)


def test_a_window_of_one_day_has_that_days_round() -> None:
    rule = Rule("recurring", every="year", start=D(2019, 12, 31), due=D(2019, 12, 31))
    found = current_occurrence(rule, D(2025, 1, 1))
    assert found is not None and found.label == "2019" and found.due == D(2019, 12, 31)


def test_after_a_window_with_only_an_end_the_last_round_applies() -> None:
    rule = Rule("recurring", every="year", due=D(2020, 12, 31))
    found = current_occurrence(rule, D(2025, 6, 1))
    assert found is not None and found.label == "2020"


def test_a_label_that_names_no_round_finds_none() -> None:
    yearly = parse_deadline("thực hiện hằng năm")
    assert occurrence_labelled(yearly, "không phải kỳ", start=D(2018, 1, 1)) is None
    assert occurrence_labelled(yearly, "2019-Q3", start=D(2018, 1, 1)) is None  # not yearly
    parts = parse_deadline("Quý I năm 2020, sơ kết; năm 2022 tổng kết")
    assert occurrence_labelled(parts, "1999", start=D(2018, 1, 1)) is None


def test_only_one_off_parts_with_their_own_due_days_are_labelled() -> None:
    assert labelled_parts(parse_deadline("quý II/2019")) == []
    assert labelled_parts(parse_deadline("thường xuyên, định kỳ hằng quý báo cáo")) == []
    parts = labelled_parts(parse_deadline("Quý I năm 2020, sơ kết; năm 2022 tổng kết"))
    # a part owns the days after the previous part's due day up to its own
    assert [(p.label, p.item, p.period_start, p.period_end, p.due) for p in parts] == [
        ("2020", "sơ kết", D(1900, 1, 1), D(2020, 3, 31), D(2020, 3, 31)),
        ("2022", "tổng kết", D(2020, 4, 1), D(2022, 12, 31), D(2022, 12, 31)),
    ]


def test_a_part_is_named_by_what_it_is_for_and_its_label() -> None:
    assert occurrence_name("2020", "sơ kết") == "sơ kết 2020"
    assert occurrence_name("2020", None) == "2020"
