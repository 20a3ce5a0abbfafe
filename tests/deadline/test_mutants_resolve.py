"""Deadline resolution at the edges of a rule's window: written against the mutants of
``deadline/resolve.py`` that survived ``make mutate`` (docs/states.md, "Kiểm thử đột
biến")."""

from __future__ import annotations

import datetime as dt

import pytest

from kehoach.deadline import (
    Rule,
    current_occurrence,
    due_as_of,
    labelled_parts,
    occurrence_for,
    occurrence_labelled,
    occurrence_name,
    occurrences,
    parse_deadline,
    recurring_part,
    rule_from_mapping,
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


# --- a compound deadline: the earliest due among its main parts (docs/deadline-grammar.md,
# "Hạn cụ thể vào một ngày"); each part resolves with what the plan knows --------------------


def test_a_part_counted_from_the_plans_issue_and_a_term_part_each_use_their_date() -> None:
    rule = parse_deadline("trong vòng 30 ngày kể từ ngày ban hành Kế hoạch; trong nhiệm kỳ")
    assert [p.kind for p in rule.main_parts()] == ["after", "term"]
    day = D(2021, 3, 1)
    issued = D(2021, 1, 10)  # + 30 days: 09/02/2021
    assert due_as_of(rule, day, plan_issued=issued, term_end=D(2025, 12, 31)) == D(2021, 2, 9)
    # a term that ends first is the earlier due
    assert due_as_of(rule, day, plan_issued=issued, term_end=D(2021, 1, 31)) == D(2021, 1, 31)
    # the issue date unknown: that part has no due, the term's end applies
    assert due_as_of(rule, day, term_end=D(2025, 12, 31)) == D(2025, 12, 31)
    assert due_as_of(rule, day) is None


def test_an_event_part_of_a_yearly_deadline_uses_the_events_day_and_the_lead_time() -> None:
    rule = parse_deadline("hằng năm và sau khi có hướng dẫn")
    assert [p.kind for p in rule.main_parts()] == ["recurring", "after"]
    day = D(2019, 5, 1)
    assert due_as_of(rule, day) == D(2019, 12, 31)  # no guidance yet: this year's round
    guidance = D(2019, 3, 1)
    assert due_as_of(rule, day, trigger_date=guidance) == D(2019, 5, 30)  # + 90 days
    assert due_as_of(rule, day, trigger_date=guidance, lead_time_days=30) == D(2019, 3, 31)


def test_a_term_deadline_that_gives_its_own_year_is_due_then_while_the_plan_has_no_term() -> None:
    rule = parse_deadline("toàn khóa, hoàn thành trong năm 2025")
    assert (rule.kind, rule.due) == ("term", D(2025, 12, 31))
    assert due_as_of(rule, D(2024, 1, 1)) == D(2025, 12, 31)


# --- rounds at the edges of a window ("đến ngày 1/10/2019": the window ends on the first day
# of a quarter, so that quarter's round is due that day) ------------------------------------


def test_a_window_ending_on_a_periods_first_day_has_that_periods_round_due_that_day() -> None:
    rule = parse_deadline("hằng quý, từ tháng 8/2019 đến ngày 1/10/2019")
    assert (rule.start, rule.due) == (D(2019, 8, 1), D(2019, 10, 1))
    found = occurrences(rule, D(2019, 1, 1), D(2020, 12, 31))
    assert [(o.label, o.due) for o in found] == [
        ("2019-Q3", D(2019, 9, 30)),
        ("2019-Q4", D(2019, 10, 1)),
    ]
    assert due_as_of(rule, D(2019, 10, 1)) == D(2019, 10, 1)
    assert due_as_of(rule, D(2020, 6, 1)) == D(2019, 10, 1)  # after the window: the last round


def test_a_round_due_before_the_start_moves_to_the_next_even_on_the_windows_last_day() -> None:
    # from December 2019 the 30/11 round of 2019 is already past: the first round is 2020's,
    # due on the window's last day
    rule = parse_deadline("hằng năm, trước ngày 30/11, từ tháng 12/2019 đến ngày 1/1/2020")
    found = current_occurrence(rule, D(2019, 12, 15))
    assert found is not None and (found.label, found.due) == ("2020", D(2020, 1, 1))


def test_a_round_due_on_the_first_day_of_the_window_end_is_listed() -> None:
    rule = parse_deadline("trước ngày 1 hằng tháng")
    assert [o.due for o in occurrences(rule, D(2024, 1, 1), D(2024, 3, 1))] == [
        D(2024, 1, 1), D(2024, 2, 1), D(2024, 3, 1)
    ]  # fmt: skip


# --- several anchors ("quý II và quý IV hằng năm"): only anchored periods have rounds -------

TWO_QUARTERS = parse_deadline("quý II và quý IV hằng năm")


def _anchored(start: str, due: str) -> Rule:
    anchors = [{"month": 6}, {"month": 12}]
    return rule_from_mapping(
        {"kind": "recurring", "every": "quarter", "anchors": anchors, "start": start, "due": due}
    )


def test_the_current_round_on_the_first_day_of_a_period_without_one_is_the_next() -> None:
    found = current_occurrence(TWO_QUARTERS, D(2019, 7, 1))  # quý III: no round
    assert found is not None and (found.label, found.due) == ("2019-Q4", D(2019, 12, 31))


def test_a_window_ending_on_the_first_day_of_an_anchored_period_ends_with_its_round() -> None:
    rule = _anchored(start="2019-01-01", due="2019-10-01")
    assert [(o.label, o.due) for o in occurrences(rule, D(2019, 1, 1), D(2020, 12, 31))] == [
        ("2019-Q2", D(2019, 6, 30)),
        ("2019-Q4", D(2019, 10, 1)),
    ]
    found = current_occurrence(rule, D(2019, 8, 1))  # quý III: the next round, quý IV
    assert found is not None and (found.label, found.due) == ("2019-Q4", D(2019, 10, 1))


def test_after_a_window_with_only_an_end_the_last_anchored_round_applies() -> None:
    rule = rule_from_mapping(
        {"kind": "recurring", "every": "quarter", "anchors": [{"month": 3}, {"month": 9}],
         "due": "2020-12-31"}
    )  # fmt: skip
    found = current_occurrence(rule, D(2023, 1, 1))
    assert found is not None and (found.label, found.due) == ("2020-Q3", D(2020, 9, 30))
    assert due_as_of(rule, D(2023, 1, 1)) == D(2020, 9, 30)


def test_a_window_holding_no_anchored_period_has_no_round_and_no_due() -> None:
    rule = _anchored(start="2019-01-01", due="2019-03-31")  # quý I only
    assert occurrences(rule, D(2018, 1, 1), D(2020, 12, 31)) == []
    assert current_occurrence(rule, D(2019, 2, 1)) is None
    assert due_as_of(rule, D(2019, 2, 1)) is None


# --- the kind decides what recurs: a structured one-off rule naming a cycle has no rounds ----


def test_a_one_off_rule_that_names_a_cycle_does_not_recur() -> None:
    rule = rule_from_mapping({"kind": "by", "due": "2019-12-31", "every": "quarter"})
    assert recurring_part(rule) is None
    assert occurrences(rule, D(2019, 1, 1), D(2019, 12, 31)) == []
    assert due_as_of(rule, D(2019, 5, 1)) == D(2019, 12, 31)
    parts = rule_from_mapping(
        {"kind": "by", "due": "2020-03-31", "parts": [
            {"kind": "by", "due": "2020-03-31", "item": "sơ kết", "every": "quarter"},
            {"kind": "by", "due": "2022-12-31", "item": "tổng kết"},
        ]}
    )  # fmt: skip
    found = occurrence_for(parts, D(2020, 2, 1), start=D(2019, 1, 1))
    assert found is not None and found.name == "sơ kết 2020"


# --- labelled parts ("Quý I năm 2020, sơ kết; năm 2021 đánh giá; năm 2022 tổng kết") -------

THREE_PARTS = parse_deadline("Quý I năm 2020, sơ kết; năm 2021 đánh giá; năm 2022 tổng kết")


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (D(2019, 6, 1), "sơ kết 2020"),  # the first part owns every day before
        (D(2020, 3, 31), "sơ kết 2020"),  # its due day is its own
        (D(2020, 4, 1), "đánh giá 2021"),
        (D(2021, 12, 31), "đánh giá 2021"),
        (D(2022, 1, 1), "tổng kết 2022"),
        (D(2022, 12, 31), "tổng kết 2022"),
        (D(2023, 5, 1), "tổng kết 2022"),  # the last part every day after
    ],
)
def test_an_update_belongs_to_the_part_whose_days_hold_it(day: dt.date, name: str) -> None:
    found = occurrence_for(THREE_PARTS, day, start=D(2019, 1, 1))
    assert found is not None and found.name == name


def test_parts_written_latest_first_are_labelled_in_the_order_they_fall_due() -> None:
    rule = rule_from_mapping(
        {"kind": "by", "due": "2022-12-31", "parts": [
            {"kind": "by", "due": "2022-12-31", "item": "tổng kết"},
            {"kind": "by", "due": "2020-03-31", "item": "sơ kết"},
        ]}
    )  # fmt: skip
    assert [(p.name, p.period_start, p.due) for p in labelled_parts(rule)] == [
        ("sơ kết 2020", D(1900, 1, 1), D(2020, 3, 31)),
        ("tổng kết 2022", D(2020, 4, 1), D(2022, 12, 31)),
    ]


def test_a_part_that_waits_for_an_event_is_not_a_labelled_part_even_with_a_due() -> None:
    rule = rule_from_mapping(
        {"kind": "by", "due": "2020-03-31", "parts": [
            {"kind": "by", "due": "2020-03-31", "item": "sơ kết"},
            {"kind": "after", "trigger": "có hướng dẫn", "due": "2022-12-31", "item": "tổng kết"},
        ]}
    )  # fmt: skip
    assert labelled_parts(rule) == []
