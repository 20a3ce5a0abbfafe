"""The deadline phrases of issue 10 (item 6), their variants, and the properties behind them.

Each phrase gets the rule the grammar document gives it, or an error that quotes the part
with no reading; the properties state the general rule each example is an instance of.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kehoach.deadline import (
    Rule,
    due_as_of,
    occurrence_for,
    occurrences,
    parse_deadline,
)
from kehoach.errors import DeadlineParseError
from kehoach.text import fold

D = dt.date
BOUNDED = settings(max_examples=60, deadline=None)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def rule(
    kind: str,
    start: str | None = None,
    due: str | None = None,
    every: str | None = None,
    trigger: str | None = None,
    **extra: object,
) -> dict[str, object]:
    return {"kind": kind, "start": start, "due": due, "every": every, "trigger": trigger, **extra}


def parsed(text: str, year: int | None = None) -> dict[str, object]:
    return parse_deadline(text, year=year).to_json()


def anchors(*pairs: tuple[int, int | None]) -> list[dict[str, int | None]]:
    return [{"month": month, "day": day} for month, day in pairs]


def labels(found: Rule, start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    return [(o.label, o.due) for o in occurrences(found, start, end)]


H1_2020 = rule("by", start="2020-01-01", due="2020-06-30")
H2_2019 = rule("by", start="2019-07-01", due="2019-12-31")
Q2_Q3_2027 = rule(
    "recurring",
    start="2027-04-01",
    due="2027-09-30",
    every="quarter",
    anchors=anchors((6, None), (9, None)),
)
Q2_Q4_YEARLY = rule("recurring", every="quarter", anchors=anchors((6, None), (12, None)))
TWO_DAYS = rule("recurring", every="half-year", anchors=anchors((6, 20), (12, 10)))
CONGRESS = rule("after", trigger="Đại hội Đảng bộ tỉnh lần thứ XVII", relation="before")
ISSUE_30 = rule(
    "after", trigger="ngày ban hành Kế hoạch", lead={"n": 30, "unit": "day"}, origin="plan_issued"
)

PHRASES = [
    # half-years carry their start
    ("trong 6 tháng đầu năm 2020", H1_2020),
    ("6 tháng đầu năm 2020", H1_2020),
    ("trong sáu tháng đầu năm 2020", H1_2020),
    ("nửa đầu năm 2020", H1_2020),
    ("trong 06 tháng đầu năm 2020", H1_2020),
    ("trong 6 tháng cuối năm 2019", H2_2019),
    ("6 tháng cuối năm 2019", H2_2019),
    ("trong 6 thang cuoi nam 2019", H2_2019),
    ("Hoàn thành trong 6 tháng cuối năm 2019", H2_2019),
    ("6 tháng cuối năm 2019.", H2_2019),
    # a year written once, at the end, applies to every part
    ("Quý II và Quý III/2027", Q2_Q3_2027),
    ("quý II và quý III năm 2027", Q2_Q3_2027),
    ("quy II va quy III/2027", Q2_Q3_2027),
    ("QUÝ II VÀ QUÝ III NĂM 2027", Q2_Q3_2027),
    ("Quý 2 và Quý 3/2027", Q2_Q3_2027),
    ("Quý II và Quý III-2027", Q2_Q3_2027),
    ("quý hai và quý ba năm 2027", Q2_Q3_2027),
    ("Quý II/2027 và Quý III/2027", Q2_Q3_2027),
    ("Quý II, Quý III/2027", Q2_Q3_2027),
    ("trong Quý II và Quý III/2027", Q2_Q3_2027),
    ("Quý II, III/2027", Q2_Q3_2027),  # the unit word written once, too
    ("quý II và III năm 2027", Q2_Q3_2027),
    ("quy 2, 3 nam 2027", Q2_Q3_2027),
    (
        "quý I và quý III năm 2019",
        rule(
            "recurring",
            start="2019-01-01",
            due="2019-09-30",
            every="quarter",
            anchors=anchors((3, None), (9, None)),
        ),
    ),
    (
        "quý I, quý II và quý III năm 2019",
        rule(
            "recurring",
            start="2019-01-01",
            due="2019-09-30",
            every="quarter",
            anchors=anchors((3, None), (6, None), (9, None)),
        ),
    ),
    (
        "tháng 6 và tháng 12/2024",
        rule(
            "recurring",
            start="2024-06-01",
            due="2024-12-31",
            every="month",
            anchors=anchors((6, None), (12, None)),
        ),
    ),
    (
        "trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2024",
        rule(
            "recurring",
            start="2024-06-10",
            due="2024-12-10",
            every="half-year",
            anchors=anchors((6, 10), (12, 10)),
        ),
    ),
    # the recurrence written once applies to every part
    ("quý II và quý IV hằng năm", Q2_Q4_YEARLY),
    ("Quý II và Quý IV hàng năm", Q2_Q4_YEARLY),
    ("quy 2 va quy 4 hang nam", Q2_Q4_YEARLY),
    ("quý II hằng năm và quý IV hằng năm", Q2_Q4_YEARLY),
    ("quý II và IV hằng năm", Q2_Q4_YEARLY),
    ("hằng năm, quý II và quý IV", Q2_Q4_YEARLY),
    ("định kỳ hằng năm vào quý II và quý IV", Q2_Q4_YEARLY),
    (
        "tháng 6 và tháng 12 hằng năm",
        rule("recurring", every="month", anchors=anchors((6, None), (12, None))),
    ),
    (
        "tháng 6 và 12 hằng năm",
        rule("recurring", every="month", anchors=anchors((6, None), (12, None))),
    ),
    # two anchors per year, rolling forward
    ("định kỳ 6 tháng, trước ngày 20 tháng 6 và trước ngày 10 tháng 12", TWO_DAYS),
    ("định kỳ 6 tháng, trước ngày 20/6 và trước ngày 10/12", TWO_DAYS),
    ("dinh ky 6 thang, truoc ngay 20/6 va truoc ngay 10/12", TWO_DAYS),
    ("6 tháng/lần, trước ngày 20/6 và 10/12", TWO_DAYS),
    ("định kỳ 6 tháng một lần, trước ngày 20-6 và trước ngày 10-12", TWO_DAYS),
    ("hằng năm, trước ngày 20/6 và trước ngày 10/12", TWO_DAYS),
    # two parts, each labelled with its purpose
    (
        "Quý I năm 2020, sơ kết; năm 2022 tổng kết",
        rule(
            "by",
            due="2020-03-31",
            item="sơ kết",
            parts=[
                rule("by", due="2020-03-31", item="sơ kết"),
                rule("by", due="2022-12-31", item="tổng kết"),
            ],
        ),
    ),
    (
        "Quý I/2020: sơ kết; năm 2022: tổng kết",
        rule(
            "by",
            due="2020-03-31",
            item="sơ kết",
            parts=[
                rule("by", due="2020-03-31", item="sơ kết"),
                rule("by", due="2022-12-31", item="tổng kết"),
            ],
        ),
    ),
    (
        "năm 2019 sơ kết, năm 2020 báo cáo, năm 2022 tổng kết",
        rule(
            "by",
            due="2019-12-31",
            item="sơ kết",
            parts=[
                rule("by", due="2019-12-31", item="sơ kết"),
                rule("by", due="2020-12-31", item="báo cáo"),
                rule("by", due="2022-12-31", item="tổng kết"),
            ],
        ),
    ),
    # a noun before the time words
    ("Công việc thường xuyên", rule("continuous")),
    ("cong viec thuong xuyen", rule("continuous")),
    ("- Công việc thường xuyên.", rule("continuous")),
    ("Nhiệm vụ thường xuyên", rule("continuous")),
    ("Hoạt động hằng năm", rule("recurring", every="year")),
    ("Hoat dong hang nam", rule("recurring", every="year")),
    ("Công tác hằng quý", rule("recurring", every="quarter")),
    # an activity named before its recurrence: every recurrence ends it, as "hằng năm" does
    (
        "từ năm 2019, sơ kết hằng năm",
        rule("recurring", start="2019-01-01", every="year", item="sơ kết"),
    ),
    (
        "từ năm 2019, báo cáo hằng quý",
        rule("recurring", start="2019-01-01", every="quarter", item="báo cáo"),
    ),
    (
        "từ quý III năm 2019, báo cáo hằng quý",
        rule("recurring", start="2019-07-01", every="quarter", item="báo cáo"),
    ),
    (
        "từ năm 2020, giao ban hằng tháng",
        rule("recurring", start="2020-01-01", every="month", item="giao ban"),
    ),
    (
        "từ năm 2020, kiểm tra hằng tuần",
        rule("recurring", start="2020-01-01", every="week", item="kiểm tra"),
    ),
    ("Hoạt động năm 2020", rule("by", due="2020-12-31")),
    # relative to the plan's issue date
    ("trong vòng 30 ngày kể từ ngày ban hành Kế hoạch", ISSUE_30),
    (
        "trong vong 30 ngay ke tu ngay ban hanh Ke hoach",
        {**ISSUE_30, "trigger": "ngay ban hanh Ke hoach"},
    ),
    (
        "trong vòng 30 ngày kể từ ngày ban hành kế hoạch",
        {**ISSUE_30, "trigger": "ngày ban hành kế hoạch"},
    ),
    (
        "chậm nhất 3 tháng kể từ ngày ký ban hành Kế hoạch này",
        rule(
            "after",
            trigger="ngày ký ban hành Kế hoạch này",
            lead={"n": 3, "unit": "month"},
            origin="plan_issued",
        ),
    ),
    ("sau khi ban hành Kế hoạch", rule("after", trigger="ban hành Kế hoạch", origin="plan_issued")),
    (
        "trong vòng 30 ngày kể từ ngày ban hành Chỉ thị",
        rule("after", trigger="ngày ban hành Chỉ thị", lead={"n": 30, "unit": "day"}),
    ),  # another document's issue is an event like any other
    # due before an event
    ("trước Đại hội Đảng bộ tỉnh lần thứ XVII", CONGRESS),
    ("Trước Đại hội Đảng bộ tỉnh lần thứ XVII.", CONGRESS),
    (  # the term after a comma names the congress, it is not the task's window
        "trước Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025 - 2030",
        {**CONGRESS, "trigger": "Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025 - 2030"},
    ),
    ("hoàn thành trước Đại hội Đảng bộ tỉnh lần thứ XVII", CONGRESS),
    (
        "truoc Dai hoi Dang bo tinh lan thu XVII",
        {**CONGRESS, "trigger": "Dai hoi Dang bo tinh lan thu XVII"},
    ),
    (
        "trước khi tổ chức Đại hội Đảng bộ tỉnh",
        rule("after", trigger="tổ chức Đại hội Đảng bộ tỉnh", relation="before"),
    ),
    (
        "chậm nhất 30 ngày trước Đại hội Đảng bộ tỉnh lần thứ XVII",
        {**CONGRESS, "lead": {"n": 30, "unit": "day"}},
    ),
    ("30 ngày trước ngày 15/2/2027", rule("by", due="2027-01-16")),
    # a date after "trước" is still a date
    ("trước tháng 9/2018", rule("by", due="2018-08-31")),
    ("trước ngày 20/11 hằng năm", rule("recurring", every="year", anchor={"month": 11, "day": 20})),
]


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[t for t, _ in PHRASES])
def test_phrase(text: str, expected: dict[str, object]) -> None:
    assert parsed(text) == expected


def _without_words(rule: dict[str, object]) -> dict[str, object]:
    """The rule minus the original words it quotes (an event, an activity)."""
    out = {k: v for k, v in rule.items() if k not in ("trigger", "item")}
    parts = rule.get("parts")
    if isinstance(parts, list):
        out["parts"] = [_without_words(part) for part in parts]
    return out


@pytest.mark.parametrize(("text", "expected"), PHRASES, ids=[t for t, _ in PHRASES])
def test_phrase_without_diacritics_or_case(text: str, expected: dict[str, object]) -> None:
    for variant in (fold(text), text.upper()):
        assert _without_words(parsed(variant)) == _without_words(expected), variant


ERRORS = [
    ("quý I/2019 và quý III", "quý III"),  # a part after the last year written has none
    ("quý III và quý I năm 2019", "quý III và quý I năm 2019"),
    ("định kỳ 6 tháng, trước ngày 20/3 và trước ngày 10/5", "ngày 10/5"),  # both in one half
    ("hằng tháng, trước ngày 5 và ngày 20", "ngày 20"),
    ("hằng quý, trước ngày 15", "ngày 15"),  # which month of the quarter?
    ("2 tháng/lần", "2 tháng/lần"),
    ("từ năm 2019, quý I và quý III năm 2020", "quý I và quý III năm 2020"),
    ("trong vòng 30 ngày", "trong vòng 30 ngày"),
    ("Công việc", "Công việc"),
    ("trước 15", "trước 15"),
    ("quý I và 5 năm 2020", "5"),
]


@pytest.mark.parametrize(("text", "part"), ERRORS, ids=[t for t, _ in ERRORS])
def test_no_reading_names_the_part(text: str, part: str) -> None:
    with pytest.raises(DeadlineParseError) as caught:
        parse_deadline(text)
    error = caught.value
    assert error.text[error.start : error.end] == part
    assert f'"{part}"' in error.message and f'"{text}"' in error.message


# --- the plan's year does not pin an anchored recurrence ----------------------------------

YEARLY_ANCHORED = [
    "trước ngày 20/11 hằng năm",
    "trong tháng 10 hằng năm",
    "hằng năm, trước ngày 30/11",
    "quý IV hằng năm",
    "tháng 12 hằng năm",
    "hằng năm, 6 tháng cuối năm",
    "quý II và quý IV hằng năm",
    "định kỳ 6 tháng, trước ngày 20 tháng 6 và trước ngày 10 tháng 12",
    "trước ngày 10 hằng tháng",
    "trước ngày 29/2 hằng năm",  # also in a plan year without a 29 February
]


@given(st.sampled_from(YEARLY_ANCHORED), st.integers(1900, 2200))
@BOUNDED
def test_plan_year_does_not_pin_a_recurrence(text: str, year: int) -> None:
    assert parsed(text, year=year) == parsed(text)


def test_plan_year_still_dates_a_period_named_alone() -> None:
    assert parsed("trong tháng 10", year=2024) == rule("by", due="2024-10-31")
    assert parsed("quý II và quý IV", year=2024) == rule(
        "recurring",
        start="2024-04-01",
        due="2024-12-31",
        every="quarter",
        anchors=anchors((6, None), (12, None)),
    )


# --- properties --------------------------------------------------------------------------

quarters = st.lists(st.integers(1, 4), min_size=2, max_size=4, unique=True).map(sorted)
years = st.integers(1990, 2100)
spellings = st.sampled_from(["roman", "arabic"])
links = st.sampled_from([" và ", ", "])
tails = st.sampled_from(["/{y}", " năm {y}", "-{y}"])


def _quarter_word(q: int, spelling: str) -> str:
    return f"quý {ROMAN[q] if spelling == 'roman' else q}"


def _join(parts: list[str], link: str) -> str:
    return ", ".join(parts[:-1]) + link + parts[-1] if link == " và " else ", ".join(parts)


@given(quarters, years, spellings, links, tails, st.booleans())
@BOUNDED
def test_a_year_written_once_is_each_parts_year(
    qs: list[int], year: int, spelling: str, link: str, tail: str, plain: bool
) -> None:
    words = [_quarter_word(q, spelling) for q in qs]
    once = _join(words, link) + tail.format(y=year)
    each = _join([w + tail.format(y=year) for w in words], link)
    if plain:
        once, each = fold(once), fold(each)
    found = parse_deadline(once)
    assert found == parse_deadline(each)
    # Each quarter named is a round due at its end, and no other.
    assert [label for label, _ in labels(found, D(year - 1, 1, 1), D(year + 1, 12, 31))] == [
        f"{year}-Q{q}" for q in qs
    ]


@given(quarters, years, spellings, links)
@BOUNDED
def test_a_recurrence_written_once_applies_to_each_part(
    qs: list[int], year: int, spelling: str, link: str
) -> None:
    words = [_quarter_word(q, spelling) for q in qs]
    yearly = parse_deadline(_join(words, link) + " hằng năm")
    dated = parse_deadline(_join(words, link) + f" năm {year}")
    window = (D(year, 1, 1), D(year, 12, 31))
    assert labels(yearly, *window) == labels(dated, *window)
    assert len(occurrences(yearly, D(year, 1, 1), D(year + 2, 12, 31))) == 3 * len(qs)


@given(
    st.integers(1, 6),
    st.integers(1, 31),
    st.integers(7, 12),
    st.integers(1, 31),
    years,
    st.sampled_from(["định kỳ 6 tháng", "6 tháng/lần", "hằng năm"]),
)
@example(m1=2, d1=29, m2=7, d2=1, year=1990, cycle="định kỳ 6 tháng")  # leap day
@BOUNDED
def test_two_anchors_a_year_roll_forward(
    m1: int, d1: int, m2: int, d2: int, year: int, cycle: str
) -> None:
    text = f"{cycle}, trước ngày {d1} tháng {m1} và trước ngày {d2} tháng {m2}"
    try:
        found = parse_deadline(text)
    except DeadlineParseError as error:  # only a day the month does not have (31/6)
        assert error.text[error.start : error.end] in (
            f"ngày {d1} tháng {m1}",
            f"ngày {d2} tháng {m2}",
        )
        assert d1 > 29 or d2 > 29
        return
    dues = [o.due for o in occurrences(found, D(year, 1, 1), D(year + 2, 12, 31))]
    # 29 February falls on the 28th in the years that have no 29th
    expected = [
        D(y, m, min(d, calendar.monthrange(y, m)[1]))
        for y in range(year, year + 3)
        for m, d in ((m1, d1), (m2, d2))
    ]
    assert dues == expected
    # An update made on the due day itself counts for that round.
    due = expected[1]
    on_due = occurrence_for(found, due, start=D(year, 1, 1))
    assert on_due is not None and on_due.due == due


@given(years, st.sampled_from([("đầu", 1, 6), ("cuối", 7, 12)]), st.booleans())
@BOUNDED
def test_a_half_year_carries_its_start(year: int, half: tuple[str, int, int], within: bool) -> None:
    word, first, last = half
    text = ("trong " if within else "") + f"6 tháng {word} năm {year}"
    found = parse_deadline(text)
    assert (found.kind, found.start, found.due) == (
        "by",
        D(year, first, 1),
        D(year, last, 30 if last == 6 else 31),
    )


@given(st.integers(1, 365), st.dates(D(2000, 1, 1), D(2100, 1, 1)))
@BOUNDED
def test_issue_date_and_event_resolve(days: int, day: dt.date) -> None:
    issued = parse_deadline(f"trong vòng {days} ngày kể từ ngày ban hành Kế hoạch")
    assert due_as_of(issued, day, plan_issued=day) == day + dt.timedelta(days=days)
    assert due_as_of(issued, day) is None  # the plan does not know its issue date: undated
    before = parse_deadline(f"chậm nhất {days} ngày trước Đại hội Đảng bộ tỉnh lần thứ XVII")
    assert due_as_of(before, day, trigger_date=day) == day - dt.timedelta(days=days)
    assert due_as_of(parse_deadline("trước Đại hội Đảng bộ tỉnh"), day, trigger_date=day) == (
        day - dt.timedelta(days=1)
    )


@pytest.mark.parametrize(
    ("text", "event"),
    [
        ("trong vòng 30 ngày sau khi có hướng dẫn và hằng năm", "có hướng dẫn"),
        ("sau khi có hướng dẫn và hằng năm", "có hướng dẫn"),
        ("sau khi có hướng dẫn và hoàn thành trong năm 2020", "có hướng dẫn"),
        # a "và" inside the event's own words stays there
        (
            "sau khi có hướng dẫn của Bộ Nội vụ và Bộ Tài chính",
            "có hướng dẫn của Bộ Nội vụ và Bộ Tài chính",
        ),
    ],
)
def test_the_and_before_the_next_part_is_not_the_events(text: str, event: str) -> None:
    """ "và" between an event and the deadline after it joins the two parts: it is not
    the last word of the event ("có hướng dẫn và")."""
    rule = parse_deadline(text)
    assert rule.trigger == event
    assert all(part.trigger in (None, event) for part in rule.parts)
