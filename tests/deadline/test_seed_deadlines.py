"""Every distinct deadline of the shipped plan (ke-hoach-nq26), as written, and its rule.

The texts are copied verbatim, Word markup included, from the seed plan; the last
test re-reads the seed (when the copy in tests/data is present) so that a deadline
added to it cannot go untested.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kehoach.deadline import parse_deadline

SEED = Path(__file__).resolve().parents[1] / "data" / "ke-hoach-nq26.txt"

EXCEPTION_ITEM = (
    "sửa đổi, bổ sung, thay thế các quy định về phân cấp tổ chức, cán bộ, công chức, viên chức; "
    "các quy định về thi đua khen thưởng và các quy định về việc tổ chức tang lễ cho đội ngũ cán "
    "bộ, công chức, viên chức của tỉnh"
)
EXCEPTION_TEXT = (
    "(*thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc " + EXCEPTION_ITEM
    + ", hoàn thành trong năm 2018*)"
)  # fmt: skip


def rule(
    kind: str,
    start: str | None = None,
    due: str | None = None,
    every: str | None = None,
    trigger: str | None = None,
    **extra: object,
) -> dict[str, object]:
    return {"kind": kind, "start": start, "due": due, "every": every, "trigger": trigger, **extra}


# (deadline as written, how the task's own text opens, expected rule)
SEED_DEADLINES: list[tuple[str, str | None, dict[str, object]]] = [
    ("(***hoàn thành trong tháng 8 năm 2018***)", None, rule("by", due="2018-08-31")),
    ("(*thực hiện từ năm 2018*)", None, rule("from", start="2018-01-01")),
    ("(*thực hiện thường xuyên theo quy định*)", None, rule("continuous")),
    (
        EXCEPTION_TEXT,
        None,
        rule(
            "by",
            start="2018-01-01",
            due="2019-12-31",
            parts=[
                rule("by", start="2018-01-01", due="2019-12-31"),
                rule("by", due="2018-12-31", item=EXCEPTION_ITEM, exception=True),
            ],
        ),
    ),
    ("(*thực hiện từ năm 2019*)", None, rule("from", start="2019-01-01")),
    ("(*thực hiện trong tháng 8 năm 2018*)", None, rule("by", due="2018-08-31")),
    (
        "(**thực hiện sau khi có các quy định, hướng dẫn của cấp trên**)",
        None,
        rule("after", trigger="có các quy định, hướng dẫn của cấp trên"),
    ),
    (
        "(**thực hiện sau khi có chỉ thị của Bộ chính trị**)",
        None,
        rule("after", trigger="có chỉ thị của Bộ chính trị"),
    ),
    (
        "(**thực hiện theo Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh**)",
        None,
        rule("term", trigger="Chương trình làm việc toàn khóa của Ban Chấp hành Đảng bộ tỉnh"),
    ),
    ("(**thực hiện từ năm 2018**)", None, rule("from", start="2018-01-01")),
    ("(**thực hiện từ năm 2019**)", None, rule("from", start="2019-01-01")),
    ("(**thực hiện sau khi có kế hoạch**)", None, rule("after", trigger="có kế hoạch")),
    (
        "(**thực hiện sau khi Trung ương ban hành Quy chế chung**)",
        None,
        rule("after", trigger="Trung ương ban hành Quy chế chung"),
    ),
    ("(**thực hiện thường xuyên**)", None, rule("continuous")),
    ("(**thực hiện hằng năm**)", None, rule("recurring", every="year")),
    ("**(thực hiện từ năm 2018)**", None, rule("from", start="2018-01-01")),
    (
        "**(thực hiện sau khi có quy định tiêu chuẩn chức danh ngành Nội chính và ngành Tư pháp "
        "của Trung ương)**",
        None,
        rule(
            "after",
            trigger="có quy định tiêu chuẩn chức danh ngành Nội chính và ngành Tư pháp của "
            "Trung ương",
        ),
    ),
    ("(thực hiện thường xuyên)", None, rule("continuous")),
    ("(*thực hiện thường xuyên*)", None, rule("continuous")),
    ("(*thực hiện hằng năm*)", None, rule("recurring", every="year")),
    (
        "(*thực hiện sau khi có kế hoạch của tỉnh*)",
        None,
        rule("after", trigger="có kế hoạch của tỉnh"),
    ),
    # Section II, task 21 and Ban Tuyên giáo: the task itself says it is yearly.
    (
        "(*thực hiện từ năm 2018*)",
        "21. Hằng năm, tổng hợp, báo cáo kết quả thực hiện Nghị quyết",
        rule("recurring", start="2018-01-01", every="year"),
    ),
    (
        "(**thực hiện từ năm 2019**)",
        "- Định kỳ hằng năm chủ trì, phối hợp tổ chức điều tra dư luận xã hội",
        rule("recurring", start="2019-01-01", every="year"),
    ),
]


@pytest.mark.parametrize(
    ("text", "task_text", "expected"),
    SEED_DEADLINES,
    ids=[f"{text[:60]}|{task or ''}"[:90] for text, task, _ in SEED_DEADLINES],
)
def test_seed_deadline(text: str, task_text: str | None, expected: dict[str, object]) -> None:
    assert parse_deadline(text, task_text=task_text).to_json() == expected


def test_section_two_has_no_deadline_of_its_own() -> None:
    # Section II tasks mostly give no text; the section default (continuous) then applies.
    assert parse_deadline("").kind == "none"
    assert parse_deadline("thực hiện thường xuyên").kind == "continuous"


_PARENTHETICAL = re.compile(
    r"\*{0,3}\(\*{0,3}[^()]*?(?:thực hiện|hoàn thành)[^()]*?\*{0,3}\)\*{0,3}"
)


@pytest.mark.skipif(not SEED.exists(), reason="seed plan text not shipped in tests/data")
def test_every_seed_deadline_is_covered() -> None:
    tested = {text for text, _, _ in SEED_DEADLINES}
    found = set()
    for paragraph in SEED.read_text(encoding="utf-8").splitlines():
        for match in _PARENTHETICAL.finditer(paragraph):
            if paragraph.rstrip().rstrip(".").endswith(match.group()):
                found.add(match.group())
    assert found, "no deadline found: has the seed's format changed?"
    assert found <= tested, sorted(found - tested)
