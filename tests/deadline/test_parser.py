"""Every deadline form of issue 3, its spelling variants, and the errors that name the part."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from kehoach.deadline import Anchor, Rule, parse_deadline, task_recurrence
from kehoach.errors import DeadlineParseError


def rule(
    kind: str,
    start: str | None = None,
    due: str | None = None,
    every: str | None = None,
    trigger: str | None = None,
    **extra: object,
) -> dict[str, object]:
    """The JSON a rule should print: the five issue keys plus any extension keys."""
    return {"kind": kind, "start": start, "due": due, "every": every, "trigger": trigger, **extra}


def parsed(text: str, **kwargs: object) -> dict[str, object]:
    return parse_deadline(text, **kwargs).to_json()  # type: ignore[arg-type]


BY_FORMS = [
    ("hoàn thành trong tháng 8 năm 2018", rule("by", due="2018-08-31")),
    ("trong năm 2019", rule("by", due="2019-12-31")),
    ("quý III/2019", rule("by", due="2019-09-30")),
    ("quý 3 năm 2019", rule("by", due="2019-09-30")),
    ("quý I/2019", rule("by", due="2019-03-31")),
    ("quý II năm 2019", rule("by", due="2019-06-30")),
    ("quý 4/2019", rule("by", due="2019-12-31")),
    # A half-year carries its start as well as its due date.
    ("6 tháng đầu năm 2019", rule("by", start="2019-01-01", due="2019-06-30")),
    ("6 tháng cuối năm 2019", rule("by", start="2019-07-01", due="2019-12-31")),
    ("sáu tháng đầu năm 2020", rule("by", start="2020-01-01", due="2020-06-30")),
    ("nửa cuối năm 2020", rule("by", start="2020-07-01", due="2020-12-31")),
    ("trước ngày 15/12/2018", rule("by", due="2018-12-15")),
    ("chậm nhất ngày 30-6-2019", rule("by", due="2019-06-30")),
    ("chậm nhất là ngày 30.6.2019", rule("by", due="2019-06-30")),
    ("ngày 15 tháng 12 năm 2018", rule("by", due="2018-12-15")),
    ("tháng 8/2018", rule("by", due="2018-08-31")),
    ("08/2018", rule("by", due="2018-08-31")),
    ("tháng 2 năm 2020", rule("by", due="2020-02-29")),
    ("tháng 2/2019", rule("by", due="2019-02-28")),
    ("cuối năm 2020", rule("by", due="2020-12-31")),
    ("đầu năm 2019", rule("by", due="2019-03-31")),
    ("giữa năm 2019", rule("by", due="2019-06-30")),
    ("đến năm 2025", rule("by", due="2025-12-31")),
    ("đến hết năm 2025", rule("by", due="2025-12-31")),
    ("trước năm 2030", rule("by", due="2029-12-31")),
    ("trước tháng 9/2018", rule("by", due="2018-08-31")),
    ("trước quý III/2019", rule("by", due="2019-06-30")),
    ("giai đoạn 2018–2020", rule("by", start="2018-01-01", due="2020-12-31")),
    ("giai đoạn 2018-2020", rule("by", start="2018-01-01", due="2020-12-31")),
    ("giai đoạn từ năm 2021 đến năm 2025", rule("by", start="2021-01-01", due="2025-12-31")),
    ("2021 - 2025", rule("by", start="2021-01-01", due="2025-12-31")),
    ("từ năm 2018 đến năm 2020", rule("by", start="2018-01-01", due="2020-12-31")),
    (
        "thực hiện năm 2018 và hoàn thành trong năm 2019",
        rule("by", start="2018-01-01", due="2019-12-31"),
    ),
    ("cuối tháng 8/2018", rule("by", due="2018-08-31")),
    ("đầu tháng 8/2018", rule("by", due="2018-08-10")),
    ("giữa tháng 8/2018", rule("by", due="2018-08-20")),
    ("cuối quý III/2019", rule("by", due="2019-09-30")),
    ("đầu quý II/2019", rule("by", due="2019-04-30")),
    ("2019-06-30", rule("by", due="2019-06-30")),
    ("từ nay đến năm 2025", rule("by", due="2025-12-31")),
]

FROM_FORMS = [
    ("thực hiện từ năm 2018", rule("from", start="2018-01-01")),
    ("từ tháng 9/2018", rule("from", start="2018-09-01")),
    ("từ quý IV/2018", rule("from", start="2018-10-01")),
    ("kể từ ngày 01/7/2019", rule("from", start="2019-07-01")),
    ("bắt đầu từ năm 2019", rule("from", start="2019-01-01")),
    ("sau tháng 8/2018", rule("from", start="2018-09-01")),
]

RECURRING_FORMS = [
    ("hằng năm", rule("recurring", every="year")),
    ("hàng năm", rule("recurring", every="year")),
    ("thực hiện hằng năm", rule("recurring", every="year")),
    ("định kỳ hằng năm", rule("recurring", every="year")),
    ("mỗi năm một lần", rule("recurring", every="year")),
    ("hằng quý", rule("recurring", every="quarter")),
    ("định kỳ hàng quý", rule("recurring", every="quarter")),
    ("mỗi quý một lần", rule("recurring", every="quarter")),
    ("định kỳ 3 tháng", rule("recurring", every="quarter")),
    ("định kỳ 6 tháng", rule("recurring", every="half-year")),
    ("định kỳ 6 tháng một lần", rule("recurring", every="half-year")),
    ("6 tháng/lần", rule("recurring", every="half-year")),
    ("6 tháng một lần", rule("recurring", every="half-year")),
    ("2 lần/năm", rule("recurring", every="half-year")),
    ("1 lần/quý", rule("recurring", every="quarter")),
    ("hằng tháng", rule("recurring", every="month")),
    ("hàng tháng", rule("recurring", every="month")),
    ("hằng tuần", rule("recurring", every="week")),
    ("từ năm 2019, hằng năm", rule("recurring", start="2019-01-01", every="year")),
    ("thực hiện từ năm 2019 và hằng năm", rule("recurring", start="2019-01-01", every="year")),
    (
        "từ năm 2019 đến năm 2025, hằng năm",
        rule("recurring", start="2019-01-01", due="2025-12-31", every="year"),
    ),
]

PINNED_FORMS = [
    (
        "trước ngày 10 hằng tháng",
        rule("recurring", every="month", anchor={"month": None, "day": 10}),
    ),
    ("ngày 25 hằng tháng", rule("recurring", every="month", anchor={"month": None, "day": 25})),
    (
        "hằng năm, trước ngày 30/11",
        rule("recurring", every="year", anchor={"month": 11, "day": 30}),
    ),
    ("trước ngày 15/12 hằng năm", rule("recurring", every="year", anchor={"month": 12, "day": 15})),
    (
        "hằng năm (trước ngày 15/12)",
        rule("recurring", every="year", anchor={"month": 12, "day": 15}),
    ),
    ("tháng 12 hằng năm", rule("recurring", every="year", anchor={"month": 12, "day": None})),
    ("quý IV hằng năm", rule("recurring", every="year", anchor={"month": 12, "day": None})),
    (
        "hằng năm, trước ngày 30/11, từ năm 2019",
        rule("recurring", start="2019-01-01", every="year", anchor={"month": 11, "day": 30}),
    ),
]

YEARLESS_FORMS = [
    # A period without its year, and no plan year given: the same period every year.
    ("6 tháng cuối năm", rule("recurring", every="year", anchor={"month": 12, "day": None})),
    ("6 tháng đầu năm", rule("recurring", every="year", anchor={"month": 6, "day": None})),
    ("cuối năm", rule("recurring", every="year", anchor={"month": 12, "day": None})),
    ("đầu năm", rule("recurring", every="year", anchor={"month": 3, "day": None})),
    ("quý III", rule("recurring", every="year", anchor={"month": 9, "day": None})),
    ("trong tháng 8", rule("recurring", every="year", anchor={"month": 8, "day": None})),
    ("trước ngày 15/12", rule("recurring", every="year", anchor={"month": 12, "day": 15})),
]

CONTINUOUS_FORMS = [
    ("thực hiện thường xuyên", rule("continuous")),
    ("thường xuyên theo quy định", rule("continuous")),
    ("thường xuyên", rule("continuous")),
    ("thường xuyên, liên tục", rule("continuous")),
    ("hằng ngày", rule("continuous")),
    ("xuyên suốt giai đoạn 2026–2030", rule("continuous", start="2026-01-01", due="2030-12-31")),
    ("thường xuyên trong năm 2024", rule("continuous", start="2024-01-01", due="2024-12-31")),
    ("thường xuyên từ năm 2018", rule("continuous", start="2018-01-01")),
]

AFTER_FORMS = [
    (
        "thực hiện sau khi có các quy định, hướng dẫn của cấp trên",
        rule("after", trigger="có các quy định, hướng dẫn của cấp trên"),
    ),
    (
        "sau khi Trung ương ban hành Quy chế chung",
        rule("after", trigger="Trung ương ban hành Quy chế chung"),
    ),
    ("sau khi có kế hoạch của tỉnh", rule("after", trigger="có kế hoạch của tỉnh")),
    ("ngay sau khi có kế hoạch của tỉnh.", rule("after", trigger="có kế hoạch của tỉnh")),
    ("khi có hướng dẫn của Trung ương", rule("after", trigger="có hướng dẫn của Trung ương")),
    ("sau Đại hội Đảng bộ tỉnh", rule("after", trigger="Đại hội Đảng bộ tỉnh")),
    (
        "sau khi có hướng dẫn của Trung ương, hoàn thành trong năm 2019",
        rule("after", due="2019-12-31", trigger="có hướng dẫn của Trung ương"),
    ),
    (
        "trong vòng 30 ngày sau khi có hướng dẫn của Trung ương",
        rule("after", trigger="có hướng dẫn của Trung ương", lead={"n": 30, "unit": "day"}),
    ),
    (
        "chậm nhất 3 tháng kể từ khi Trung ương ban hành quy định",
        rule("after", trigger="Trung ương ban hành quy định", lead={"n": 3, "unit": "month"}),
    ),
    ("trong vòng 30 ngày kể từ ngày 15/2/2027", rule("by", due="2027-03-17")),
]

TERM_FORMS = [
    (
        "thực hiện theo Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh",
        rule("term", trigger="Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh"),
    ),
    (
        "theo chương trình làm việc toàn khoá",
        rule("term", trigger="chương trình làm việc toàn khoá"),
    ),
    ("trong nhiệm kỳ", rule("term", trigger="trong nhiệm kỳ")),
    ("cả nhiệm kỳ", rule("term", trigger="cả nhiệm kỳ")),
]

NONE_FORMS = [
    ("", rule("none")),
    ("   ", rule("none")),
    ("-", rule("none")),
    ("(**)", rule("none")),
]

EXTENDED_FORMS = [
    (
        "từ tháng 3/2026 đến khi hoàn thành việc sắp xếp bộ máy",
        rule("from", start="2026-03-01", until="hoàn thành việc sắp xếp bộ máy"),
    ),
    ("khi có phát sinh", rule("on_demand", trigger="có phát sinh")),
    ("khi có yêu cầu", rule("on_demand", trigger="có yêu cầu")),
    ("đột xuất", rule("on_demand", trigger="đột xuất")),
    ("theo yêu cầu của cấp trên", rule("on_demand", trigger="yêu cầu của cấp trên")),
    ("theo kế hoạch riêng", rule("schedule", trigger="kế hoạch riêng")),
    ("theo tiến độ của Bộ Nội vụ", rule("schedule", trigger="tiến độ của Bộ Nội vụ")),
    ("theo quy định", rule("schedule", trigger="quy định")),
    ("cơ bản hoàn thành trong năm 2025", rule("by", due="2025-12-31", hedged=True)),
    ("phấn đấu hoàn thành trong năm 2020", rule("by", due="2020-12-31", hedged=True)),
    ("2029", rule("by", due="2029-12-31")),
    ("6/2024", rule("by", due="2024-06-30")),
    ("Quý III/2028", rule("by", due="2028-09-30")),
    ("2027 trở đi", rule("from", start="2027-01-01")),
    ("năm 2024 và các năm tiếp theo", rule("from", start="2024-01-01")),
    ("Năm 2024 và những năm tiếp theo", rule("from", start="2024-01-01")),
    ("tháng 9 - 10/2024", rule("by", start="2024-09-01", due="2024-10-31")),
    ("tháng 9-10/2024", rule("by", start="2024-09-01", due="2024-10-31")),
    ("quý III - IV/2019", rule("by", start="2019-07-01", due="2019-12-31")),
    ("từ tháng 9 đến tháng 12 năm 2024", rule("by", start="2024-09-01", due="2024-12-31")),
    (
        "từ ngày 15/02/2027 đến ngày 30/6/2027",
        rule("by", start="2027-02-15", due="2027-06-30"),
    ),
    ("từ 15/02/2027 đến 30/6/2027", rule("by", start="2027-02-15", due="2027-06-30")),
    ("Thời gian: Quý III/2028", rule("by", due="2028-09-30")),
    ("Thời gian thực hiện: năm 2024", rule("by", due="2024-12-31")),
    ("- 2029", rule("by", due="2029-12-31")),
    ("1. thực hiện từ năm 2018", rule("from", start="2018-01-01")),
]

ALL_FORMS = (
    BY_FORMS + FROM_FORMS + RECURRING_FORMS + PINNED_FORMS + YEARLESS_FORMS + CONTINUOUS_FORMS
    + AFTER_FORMS + TERM_FORMS + NONE_FORMS + EXTENDED_FORMS
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"), ALL_FORMS, ids=[t or "<blank>" for t, _ in ALL_FORMS]
)
def test_form(text: str, expected: dict[str, object]) -> None:
    assert parsed(text) == expected


@pytest.mark.parametrize(
    "variant",
    [
        "thực hiện từ năm 2018",
        "thuc hien tu nam 2018",
        "THỰC HIỆN TỪ NĂM 2018",
        "Thực Hiện Từ Năm 2018",
        unicodedata.normalize("NFD", "thực hiện từ năm 2018"),
        "(*thực hiện từ năm 2018*)",
        "**(thực hiện từ năm 2018)**",
        "(***thực hiện từ năm 2018***).",
        "  thực   hiện\u00a0từ năm 2018  ",
        "“thực hiện từ năm 2018”",
        "tổ chức thực hiện từ năm 2018",
        "triển khai thực hiện từ năm 2018",
        "\ufeffthực hiện từ năm 2018",
    ],
)
def test_spelling_does_not_matter(variant: str) -> None:
    assert parsed(variant) == rule("from", start="2018-01-01")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("hoàn thành trước ngày 30/6/2019", "2019-06-30"),
        ("hoàn thành trước 30/6/2019", "2019-06-30"),
        ("xong trước ngày 30/6/2019", "2019-06-30"),
        ("chậm nhất là ngày 30/6/2019", "2019-06-30"),
        ("hạn chót 30/6/2019", "2019-06-30"),
        ("không quá ngày 30/6/2019", "2019-06-30"),
        ("quý iii/2019", "2019-09-30"),
        ("Quý III năm 2019", "2019-09-30"),
        ("quí 3/2019", "2019-09-30"),
        ("quý ba năm 2019", "2019-09-30"),
        ("Quý 3 - 2019", "2019-09-30"),
        ("năm 2018 – 2019", "2019-12-31"),
        ("2018—2020", "2020-12-31"),
    ],
)
def test_synonyms(text: str, due: str) -> None:
    assert parsed(text)["due"] == due


def test_exception_is_its_own_part_tied_to_its_item() -> None:
    text = (
        "thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc sửa đổi, bổ sung các quy "
        "định về thi đua khen thưởng, hoàn thành trong năm 2018"
    )
    result = parse_deadline(text)
    assert (result.kind, result.start, result.due) == (
        "by",
        dt.date(2018, 1, 1),
        dt.date(2019, 12, 31),
    )
    main, exception = result.parts
    assert not main.exception and main.due == dt.date(2019, 12, 31)
    assert exception.exception and exception.due == dt.date(2018, 12, 31)
    assert exception.item == "sửa đổi, bổ sung các quy định về thi đua khen thưởng"


def test_exception_without_a_comma_and_several_exceptions() -> None:
    result = parse_deadline(
        "hoàn thành trong năm 2019; riêng việc A hoàn thành trong quý I/2019; "
        "riêng đối với việc B, hoàn thành trước ngày 30/6/2019"
    )
    assert [(p.item, p.due, p.exception) for p in result.parts] == [
        (None, dt.date(2019, 12, 31), False),
        ("A", dt.date(2019, 3, 31), True),
        ("B", dt.date(2019, 6, 30), True),
    ]


def test_two_kinds_at_once_make_parts() -> None:
    result = parse_deadline("thường xuyên, định kỳ hằng quý báo cáo kết quả về Ban Tổ chức")
    assert result.kind == "continuous"
    assert [(p.kind, p.every, p.item) for p in result.parts] == [
        ("continuous", None, None),
        ("recurring", "quarter", "báo cáo kết quả về Ban Tổ chức"),
    ]
    both = parse_deadline("định kỳ hằng năm và đột xuất")
    assert [p.kind for p in both.parts] == ["recurring", "on_demand"]
    assert "parts" in both.to_json() and "parts" not in parse_deadline("hằng năm").to_json()


def test_task_text_opening_with_a_period_makes_the_start_recur() -> None:
    deadline = "thực hiện từ năm 2019"
    yearly = rule("recurring", start="2019-01-01", every="year")
    assert parsed(deadline, task_text="Hằng năm, tổng hợp, báo cáo kết quả") == yearly
    assert parsed(deadline, task_text="Định kỳ hằng năm chủ trì, phối hợp") == yearly
    assert parsed(deadline, task_text="- Hàng năm tổ chức sơ kết") == yearly
    assert parsed(deadline, task_text="21. Hằng năm, tổng hợp") == yearly
    assert parsed(deadline, task_text="Hằng quý báo cáo")["every"] == "quarter"
    assert parsed(deadline, task_text="Chủ trì, hằng năm báo cáo") == rule(
        "from", start="2019-01-01"
    )
    assert parsed(deadline, task_text="Định kỳ, đột xuất kiểm tra") == rule(
        "from", start="2019-01-01"
    )
    # Only a bare start (or nothing) repeats; a due date or another kind is kept.
    assert parsed("thực hiện thường xuyên", task_text="Hằng năm, tổng hợp") == rule("continuous")
    assert parsed("trong năm 2019", task_text="Hằng năm, tổng hợp")["kind"] == "by"
    assert parsed("", task_text="Hằng năm, tổng hợp") == rule("recurring", every="year")


def test_task_recurrence() -> None:
    assert task_recurrence("Hằng năm, tổng hợp") == "year"
    assert task_recurrence("Định kỳ 6 tháng sơ kết") == "half-year"
    assert task_recurrence("Chủ trì xây dựng") is None
    assert task_recurrence("") is None


def test_plan_year_pins_a_period_without_year() -> None:
    assert parsed("6 tháng cuối năm", year=2024) == rule("by", start="2024-07-01", due="2024-12-31")
    assert parsed("quý III", year=2024) == rule("by", due="2024-09-30")
    assert parsed("trước ngày 15/12", year=2024) == rule("by", due="2024-12-15")
    # A written year always wins over the plan's.
    assert parsed("quý III/2019", year=2024) == rule("by", due="2019-09-30")


def test_rule_values() -> None:
    result = parse_deadline("hằng năm, trước ngày 30/11")
    assert result == Rule("recurring", every="year", anchor=Anchor(month=11, day=30))
    assert not result.is_compound


ERRORS = [
    # text, the part the message must quote
    ("ngày 31/2/2019", "ngày 31/2/2019"),
    ("ngày 29/2/2019", "ngày 29/2/2019"),
    ("30/4/2019 và 31/4/2019", "31/4/2019"),
    ("tháng 13/2019", "tháng 13"),
    ("13/2019", "13"),
    ("quý V/2019", "quý V"),
    ("quý 5 năm 2019", "quý 5"),
    ("quý 0/2019", "quý 0"),
    ("năm 99999999999", "năm 99999999999"),
    ("năm 1800", "năm 1800"),
    ("năm 2201", "năm 2201"),
    ("năm 19", "năm 19"),
    ("tháng 8/18", "tháng 8/18"),
    ("blah blah", "blah blah"),
    ("thực hiện abc xyz năm 2019", "abc xyz"),
    ("thực hiện", "thực hiện"),
    ("định kỳ", "định kỳ"),
    ("định kỳ, đột xuất", "định kỳ"),
    ("2 tháng/lần", "2 tháng/lần"),
    ("5 lần/năm", "5 lần/năm"),
    ("trước ngày 10", "ngày 10"),
    ("hằng quý, trước ngày 15", "ngày 15"),
    ("sau khi", "sau khi"),
    ("trong vòng 30 ngày", "trong vòng 30 ngày"),
    ("năm 2020 - năm 2018", "năm 2020 - năm 2018"),
    ("tháng 12/2019 - tháng 3/2019", "tháng 12/2019 - tháng 3/2019"),
    ("quý I/2019 và quý III", "quý III"),
    ("khi nào rảnh thì làm", "khi nào rảnh thì làm"),
    ("Riêng việc X", "Riêng việc X"),
    ("sáu tháng", "sáu tháng"),
    ("trước năm 1900", "năm 1900"),
]


@pytest.mark.parametrize(("text", "part"), ERRORS)
def test_errors_name_the_part(text: str, part: str) -> None:
    with pytest.raises(DeadlineParseError) as info:
        parse_deadline(text)
    error = info.value
    assert error.exit_code == 1
    assert error.text == text
    assert text[error.start : error.end] == part
    assert f'"{part}"' in error.message or part == text
    assert error.message.endswith(".")


def test_error_span_points_into_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "thực hiện ạbc năm 2019")
    with pytest.raises(DeadlineParseError) as info:
        parse_deadline(text)
    error = info.value
    assert unicodedata.normalize("NFC", text[error.start : error.end]) == "ạbc"
    assert 'Không hiểu phần "ạbc"' in error.message


def test_too_long_and_bad_plan_year() -> None:
    with pytest.raises(DeadlineParseError, match="quá dài"):
        parse_deadline("năm 2019 " * 200)
    with pytest.raises(DeadlineParseError, match="không hợp lệ"):
        parse_deadline("quý III", year=99)


# --- structured rules given in YAML (deadline_rule) ---------------------------------------


def test_structured_rule_round_trips_and_accepts_yaml_dates() -> None:
    from kehoach.deadline import rule_from_mapping

    text = (
        "thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc X, hoàn thành trong năm 2018"
    )
    result = parse_deadline(text)
    assert rule_from_mapping(result.to_json()) == result
    yaml_like = {"kind": "by", "start": dt.date(2018, 1, 1), "due": "2019-12-31"}
    assert rule_from_mapping(yaml_like) == Rule("by", dt.date(2018, 1, 1), dt.date(2019, 12, 31))
    pinned = {"kind": "recurring", "every": "month", "anchor": {"day": 10}}
    assert rule_from_mapping(pinned).anchor == Anchor(day=10)
    waiting = {"kind": "after", "trigger": "có kế hoạch", "lead": {"n": 30, "unit": "day"}}
    assert rule_from_mapping(waiting).lead is not None


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"kind": "soon"}, "'kind' phải là một trong"),
        ({"kind": "by", "due": "2019-02-30"}, "ngày '2019-02-30' không hợp lệ"),
        ({"kind": "by", "due": 20190230}, "phải là một ngày"),
        ({"kind": "by", "start": "2020-01-01", "due": "2019-12-31"}, "sau hạn"),
        ({"kind": "by", "due": "1800-01-01"}, "1900–2200"),
        ({"kind": "recurring"}, "cần 'every'"),
        # no reading of "from X" with a due day: "từ … đến …" is "by" with a start
        ({"kind": "from", "start": "2019-01-01", "due": "2020-12-31"}, "là 'kind: by'"),
        ({"kind": "on_demand", "due": "2020-12-31"}, "'khi có yêu cầu' ('kind: on_demand') không"),
        ({"kind": "none", "due": "2020-12-31"}, "'không có thời hạn' ('kind: none')"),
        ({"kind": "recurring", "every": "day"}, "'every' phải là một trong"),
        ({"kind": "by", "deu": "2019-12-31"}, "khóa không hợp lệ: deu"),
        ({"kind": "recurring", "every": "quarter", "anchor": {"month": 3}}, "'month' chỉ dùng"),
        ({"kind": "recurring", "every": "year", "anchor": {"day": 10}}, "hằng tháng"),
        ({"kind": "recurring", "every": "year", "anchor": {"month": 13}}, "từ 1 đến 12"),
        ({"kind": "after", "lead": {"n": -1, "unit": "day"}}, "số nguyên"),
        ({"kind": "after", "trigger": ""}, "không rỗng"),
        ({"kind": "by", "hedged": "yes"}, "'true' hoặc 'false'"),
        ({"kind": "by", "parts": []}, "danh sách không rỗng"),
        ({"kind": "by", "parts": [{"kind": "by", "parts": [{"kind": "by"}]}]}, "phần con"),
        ({"kind": "by", "parts": ["x"]}, "bảng khóa–giá trị"),
    ],
)
def test_structured_rule_errors_are_vietnamese(data: dict[str, object], fragment: str) -> None:
    from kehoach.deadline import rule_from_mapping

    with pytest.raises(DeadlineParseError) as info:
        rule_from_mapping(data)
    assert fragment in info.value.message
    assert info.value.message.startswith("Quy tắc thời hạn")
    assert "[" not in info.value.message.split(":")[0]  # no internal path (parts[0])
