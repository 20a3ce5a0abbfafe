"""Rules resolved on a day: occurrences of recurring rules and the due date that applies."""

from __future__ import annotations

import datetime as dt

from kehoach.deadline import (
    Anchor,
    Lead,
    Occurrence,
    Rule,
    due_as_of,
    occurrences,
    parse_deadline,
)

D = dt.date


def dues(rule: Rule, start: dt.date, end: dt.date) -> list[dt.date]:
    return [o.due for o in occurrences(rule, start, end)]


def test_yearly_from_a_start() -> None:
    rule = parse_deadline("thực hiện từ năm 2019", task_text="Hằng năm, tổng hợp")
    assert dues(rule, D(2017, 1, 1), D(2021, 6, 30)) == [D(2019, 12, 31), D(2020, 12, 31)]
    assert occurrences(rule, D(2019, 1, 1), D(2019, 12, 31)) == [
        Occurrence(
            period_start=D(2019, 1, 1),
            period_end=D(2019, 12, 31),
            due=D(2019, 12, 31),
            label="2019",
        )
    ]


def test_pinned_day_each_month_clamps_to_short_months() -> None:
    rule = parse_deadline("trước ngày 10 hằng tháng")
    assert dues(rule, D(2024, 1, 1), D(2024, 3, 31)) == [
        D(2024, 1, 10),
        D(2024, 2, 10),
        D(2024, 3, 10),
    ]
    end_of_month = Rule("recurring", every="month", anchor=Anchor(day=31))
    assert dues(end_of_month, D(2019, 1, 1), D(2019, 4, 30)) == [
        D(2019, 1, 31), D(2019, 2, 28), D(2019, 3, 31), D(2019, 4, 30)
    ]  # fmt: skip
    assert dues(end_of_month, D(2020, 2, 1), D(2020, 2, 29)) == [D(2020, 2, 29)]


def test_pinned_day_each_year() -> None:
    assert dues(parse_deadline("hằng năm, trước ngày 30/11"), D(2023, 6, 1), D(2025, 12, 31)) == [
        D(2023, 11, 30), D(2024, 11, 30), D(2025, 11, 30)
    ]  # fmt: skip
    assert dues(parse_deadline("tháng 12 hằng năm"), D(2024, 1, 1), D(2024, 12, 31)) == [
        D(2024, 12, 31)
    ]
    leap = Rule("recurring", every="year", anchor=Anchor(month=2, day=29))
    assert dues(leap, D(2019, 1, 1), D(2020, 12, 31)) == [D(2019, 2, 28), D(2020, 2, 29)]


def test_quarter_half_and_week_ends() -> None:
    quarterly = parse_deadline("hằng quý")
    assert dues(quarterly, D(2019, 1, 1), D(2019, 12, 31)) == [
        D(2019, 3, 31), D(2019, 6, 30), D(2019, 9, 30), D(2019, 12, 31)
    ]  # fmt: skip
    half = parse_deadline("6 tháng/lần")
    assert dues(half, D(2019, 1, 1), D(2019, 12, 31)) == [D(2019, 6, 30), D(2019, 12, 31)]
    weekly = parse_deadline("hằng tuần")
    assert dues(weekly, D(2024, 1, 1), D(2024, 1, 14)) == [D(2024, 1, 7), D(2024, 1, 14)]


def test_occurrences_respect_the_window_and_the_range() -> None:
    rule = parse_deadline("từ tháng 8/2019 đến tháng 5/2020, hằng quý")
    assert dues(rule, D(2000, 1, 1), D(2100, 1, 1)) == [
        D(2019, 9, 30), D(2019, 12, 31), D(2020, 3, 31), D(2020, 5, 31)
    ]  # fmt: skip
    assert occurrences(rule, D(2020, 1, 1), D(2019, 1, 1)) == []
    assert occurrences(parse_deadline("trong năm 2019"), D(2019, 1, 1), D(2019, 12, 31)) == []


def test_occurrences_of_a_compound_rule() -> None:
    rule = parse_deadline("thường xuyên, định kỳ hằng quý báo cáo")
    assert dues(rule, D(2019, 1, 1), D(2019, 6, 30)) == [D(2019, 3, 31), D(2019, 6, 30)]


def test_due_as_of_by_and_recurring() -> None:
    assert due_as_of(parse_deadline("quý III/2019"), D(2030, 1, 1)) == D(2019, 9, 30)
    yearly = parse_deadline("thực hiện từ năm 2019", task_text="Hằng năm, tổng hợp")
    assert due_as_of(yearly, D(2018, 3, 1)) == D(2019, 12, 31)  # before the start: first round
    assert due_as_of(yearly, D(2021, 3, 1)) == D(2021, 12, 31)
    monthly = parse_deadline("trước ngày 10 hằng tháng")
    assert due_as_of(monthly, D(2024, 3, 15)) == D(2024, 3, 10)  # the current round, now late
    late_start = parse_deadline("hằng năm, trước ngày 30/11, từ tháng 12/2019")
    assert due_as_of(late_start, D(2019, 12, 15)) == D(2020, 11, 30)
    window = parse_deadline("từ năm 2019 đến năm 2020, hằng năm")
    assert due_as_of(window, D(2025, 1, 1)) == D(2020, 12, 31)  # after the window: last round


def test_due_as_of_kinds_without_a_date() -> None:
    for text in ("thực hiện từ năm 2018", "thực hiện thường xuyên", "", "khi có phát sinh"):
        assert due_as_of(parse_deadline(text), D(2024, 1, 1)) is None
    window = parse_deadline("xuyên suốt giai đoạn 2026–2030")
    assert due_as_of(window, D(2027, 1, 1)) == D(2030, 12, 31)


def test_due_as_of_after_and_term() -> None:
    after = parse_deadline("sau khi có kế hoạch của tỉnh")
    assert due_as_of(after, D(2019, 1, 1)) is None
    assert due_as_of(after, D(2019, 1, 1), trigger_date=D(2019, 1, 1)) == D(2019, 4, 1)
    assert due_as_of(after, D(2019, 1, 1), trigger_date=D(2019, 1, 1), lead_time_days=30) == D(
        2019, 1, 31
    )
    own_lead = parse_deadline("trong vòng 3 tháng kể từ khi có hướng dẫn")
    assert own_lead.lead == Lead(3, "month")
    assert due_as_of(own_lead, D(2019, 1, 1), trigger_date=D(2019, 11, 30)) == D(2020, 2, 29)
    capped = parse_deadline("sau khi có hướng dẫn, hoàn thành trong năm 2019")
    assert due_as_of(capped, D(2019, 1, 1)) == D(2019, 12, 31)
    assert due_as_of(capped, D(2019, 1, 1), trigger_date=D(2019, 11, 1)) == D(2019, 12, 31)
    assert due_as_of(capped, D(2020, 3, 1), trigger_date=D(2020, 2, 1)) == D(2020, 2, 1)
    term = parse_deadline("theo Chương trình làm việc toàn khóa")
    assert due_as_of(term, D(2019, 1, 1)) is None
    assert due_as_of(term, D(2019, 1, 1), term_end=D(2020, 10, 31)) == D(2020, 10, 31)


def test_due_as_of_compound_uses_the_main_parts() -> None:
    exception = parse_deadline(
        "thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc X, hoàn thành trong năm 2018"
    )
    assert due_as_of(exception, D(2018, 6, 1)) == D(2019, 12, 31)
    both = parse_deadline("thường xuyên, định kỳ hằng quý báo cáo")
    assert due_as_of(both, D(2019, 5, 1)) == D(2019, 6, 30)


def test_far_dates_do_not_crash() -> None:
    rule = parse_deadline("hằng tuần")
    assert due_as_of(rule, dt.date.max) == D(2200, 12, 31) + dt.timedelta(days=4)
    assert due_as_of(rule, dt.date.min) is not None
    assert occurrences(rule, dt.date.max, dt.date.max) == []
    after = parse_deadline("sau khi có kế hoạch")
    assert due_as_of(after, D(2019, 1, 1), trigger_date=dt.date.max) == dt.date.max


def test_due_before_an_event_waits_for_its_date() -> None:
    congress = Rule("after", trigger="Đại hội Đảng bộ tỉnh lần thứ XVII", relation="before")
    assert due_as_of(congress, D(2024, 1, 1)) is None
    assert due_as_of(congress, D(2025, 1, 1), trigger_date=D(2025, 10, 15)) == D(2025, 10, 14)
    month_ahead = Rule("after", trigger="Đại hội", relation="before", lead=Lead(1, "month"))
    assert due_as_of(month_ahead, D(2025, 1, 1), trigger_date=D(2025, 3, 31)) == D(2025, 2, 28)
    days_ahead = Rule("after", trigger="Đại hội", relation="before", lead=Lead(30, "day"))
    assert due_as_of(days_ahead, D(2025, 1, 1), trigger_date=D(2025, 3, 31)) == D(2025, 3, 1)


def test_counted_from_the_plans_issue_date() -> None:
    rule = Rule(
        "after", trigger="ngày ban hành Kế hoạch", lead=Lead(30, "day"), origin="plan_issued"
    )
    assert due_as_of(rule, D(2019, 1, 1), plan_issued=D(2018, 8, 20)) == D(2018, 9, 19)
    # An event date given for an after-task does not stand in for the plan's issue date.
    assert due_as_of(rule, D(2019, 1, 1), trigger_date=D(2018, 1, 1)) is None
    assert due_as_of(rule, D(2019, 1, 1)) is None
