"""Properties: no input breaks the parser, dates stay consistent, periods end where they should."""

from __future__ import annotations

import calendar
import datetime as dt
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.deadline import (
    Rule,
    due_as_of,
    occurrences,
    parse_deadline,
    rule_from_mapping,
)
from kehoach.deadline.periods import period_containing
from kehoach.deadline.tokens import aligned_fold
from kehoach.errors import DeadlineParseError
from kehoach.text import fold

BOUNDED = settings(max_examples=200, deadline=None)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}

# Words of the grammar, so that random texts reach deep into it, plus odd things.
VOCAB = [
    "thực hiện", "hoàn thành", "trong", "năm", "tháng", "quý", "ngày", "từ", "đến", "trước",
    "sau", "sau khi", "khi có", "hằng", "hàng", "định kỳ", "mỗi", "lần", "/", "-", "–", ",", ";",
    ".", "(", ")", "*", "thường xuyên", "riêng", "việc", "theo", "toàn khóa", "nhiệm kỳ",
    "giai đoạn", "trở đi", "các năm tiếp theo", "cơ bản", "đầu", "giữa", "cuối", "6 tháng",
    "đột xuất", "phát sinh", "trong vòng", "kể từ", "đến khi", "báo cáo", "xuyên suốt", "III",
    "IV", "V", "0", "1", "6", "10", "12", "13", "29", "31", "2018", "2019", "2020", "2200",
    "2201", "1899", "99999999999", "00", "và", "hoặc", "đ", "\u0301", "\x00", "\n",
]  # fmt: skip
odd_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)
grammar_text = st.lists(
    st.one_of(st.sampled_from(VOCAB), st.integers(0, 3000).map(str), odd_text), max_size=14
).map(" ".join)


def _all_parts(rule: Rule) -> list[Rule]:
    return [rule, *rule.parts]


def _check(text: str) -> Rule | None:
    try:
        rule = parse_deadline(text)
    except DeadlineParseError as error:
        assert 0 <= error.start < error.end <= len(text) or not text.strip()
        assert error.message
        return None
    for part in _all_parts(rule):
        if part.start is not None and part.due is not None:
            assert part.start <= part.due, (text, part)
        if part.kind == "recurring":
            assert part.every is not None
    return rule


@BOUNDED
@given(st.one_of(odd_text, grammar_text))
def test_any_text_gives_a_rule_or_our_error(text: str) -> None:
    _check(text)
    _check(unicodedata.normalize("NFD", text))


@BOUNDED
@given(grammar_text)
def test_a_rule_survives_its_json_form(text: str) -> None:
    rule = _check(text)
    if rule is not None:
        assert rule_from_mapping(rule.to_json()) == rule


@BOUNDED
@given(odd_text)
def test_aligned_fold_is_fold(text: str) -> None:
    folded, where = aligned_fold(text)
    assert folded == fold(text)
    assert len(where) == len(folded)
    assert where == sorted(where)


@st.composite
def period_phrase(draw: st.DrawFn) -> tuple[str, dt.date]:
    """A period written one of the ways plans write it, and its last day."""
    year = draw(st.integers(1900, 2200))
    kind = draw(st.sampled_from(["year", "month", "quarter", "half", "day"]))
    if kind == "year":
        text = draw(st.sampled_from([f"năm {year}", f"{year}", f"trong năm {year}"]))
        return text, dt.date(year, 12, 31)
    if kind == "month":
        month = draw(st.integers(1, 12))
        text = draw(st.sampled_from([
            f"tháng {month}/{year}", f"tháng {month:02d}/{year}", f"tháng {month} năm {year}",
            f"{month:02d}/{year}", f"trong tháng {month} năm {year}", f"tháng {month}-{year}",
        ]))  # fmt: skip
        return text, dt.date(year, month, calendar.monthrange(year, month)[1])
    if kind == "quarter":
        quarter = draw(st.integers(1, 4))
        text = draw(st.sampled_from([
            f"quý {ROMAN[quarter]}/{year}", f"quý {quarter} năm {year}",
            f"Quý {ROMAN[quarter].lower()}/{year}", f"quý {ROMAN[quarter]} năm {year}",
        ]))  # fmt: skip
        month = 3 * quarter
        return text, dt.date(year, month, calendar.monthrange(year, month)[1])
    if kind == "half":
        half = draw(st.sampled_from(["đầu", "cuối"]))
        end = dt.date(year, 6, 30) if half == "đầu" else dt.date(year, 12, 31)
        return f"6 tháng {half} năm {year}", end
    day = draw(st.dates(dt.date(year, 1, 1), dt.date(year, 12, 31)))
    text = draw(st.sampled_from([
        f"ngày {day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"ngày {day.day} tháng {day.month} năm {day.year}",
        f"chậm nhất ngày {day.day}-{day.month}-{day.year}",
        f"trước ngày {day.day}/{day.month}/{day.year}",
    ]))  # fmt: skip
    return text, day


@BOUNDED
@given(period_phrase(), st.sampled_from(["", "hoàn thành ", "thực hiện ", "(*", "**("]))
def test_a_period_is_due_on_its_last_day(phrase: tuple[str, dt.date], prefix: str) -> None:
    text, last = phrase
    rule = parse_deadline(prefix + text)
    assert (rule.kind, rule.due) == ("by", last)
    assert parse_deadline(fold(text)) == rule
    assert parse_deadline(unicodedata.normalize("NFD", text.upper())) == rule


@BOUNDED
@given(period_phrase())
def test_a_period_as_a_start_opens_the_rule(phrase: tuple[str, dt.date]) -> None:
    text, last = phrase
    if text.startswith(("trước", "chậm nhất", "trong")):
        return
    rule = parse_deadline("thực hiện từ " + text)
    assert rule.kind == "from" and rule.start is not None and rule.start <= last


@BOUNDED
@given(
    st.sampled_from(["hằng năm", "hằng quý", "6 tháng/lần", "hằng tháng", "hằng tuần",
                     "trước ngày 10 hằng tháng", "hằng năm, trước ngày 29/2",
                     "từ tháng 5/2019, hằng quý", "từ năm 2019 đến tháng 8/2021, hằng tháng"]),
    st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
    st.integers(0, 800),
)  # fmt: skip
def test_occurrences_are_ordered_and_inside_their_periods(
    text: str, start: dt.date, days: int
) -> None:
    rule = parse_deadline(text)
    end = start + dt.timedelta(days=days)
    found = occurrences(rule, start, end)
    assert [o.due for o in found] == sorted(o.due for o in found)
    for occurrence in found:
        assert start <= occurrence.due <= end
        assert occurrence.period_start <= occurrence.due <= occurrence.period_end
        if rule.start is not None:
            assert occurrence.due >= rule.start
    current = due_as_of(rule, start)
    assert current is not None
    if (rule.start is None or start >= rule.start) and (rule.due is None or start <= rule.due):
        assert rule.every is not None
        first, last = period_containing(start, rule.every)
        assert first <= current <= last
