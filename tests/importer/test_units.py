"""The importer's layers one by one: names, deadlines, markers, metadata, tables."""

from __future__ import annotations

import unicodedata

import pytest

from kehoach.importer.deadlines import split_deadline
from kehoach.importer.markers import classify, repair
from kehoach.importer.metadata import sentence_case
from kehoach.importer.names import (
    Registry,
    extract_lead,
    extract_partners,
    looks_like_body,
    slug,
    split_names,
)
from kehoach.importer.reading import Para, read_text
from kehoach.importer.tables import column_of


@pytest.fixture
def registry() -> Registry:
    reg = Registry()
    for name in ("Ban Tổ chức Tỉnh ủy", "Ban thường vụ các huyện ủy, thị ủy, thành ủy"):
        reg.add(name)
    return reg


@pytest.mark.parametrize(
    "written",
    [
        "Ban Tổ chức Tỉnh ủy",
        "ban to chuc tinh uy",
        "BAN TỔ  CHỨC   tỉnh ủy",
        unicodedata.normalize("NFD", "Ban Tổ chức Tỉnh ủy"),
    ],
)
def test_names_match_without_diacritics_case_or_spacing(registry: Registry, written: str) -> None:
    body = registry.resolve(written)
    assert body is not None and body.name == "Ban Tổ chức Tỉnh ủy"


def test_short_form_of_a_leadership_organ(registry: Registry) -> None:
    body = registry.resolve("các huyện ủy, thị ủy, thành ủy")
    assert body is not None and body.name.startswith("Ban thường vụ các huyện ủy")


def test_lead_of_an_item(registry: Registry) -> None:
    text = "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan theo dõi."
    lead = extract_lead(text, registry)
    assert lead is not None and lead[0] == "Ban Tổ chức Tỉnh ủy"
    assert text[lead[1] :].startswith("chủ trì")
    assert extract_lead("Ban hành quy chế làm việc.", registry) is None
    assert extract_lead("Chủ trì, phối hợp với Sở Nội vụ xây dựng đề án.", registry) is None


def test_partners(registry: Registry) -> None:
    text = (
        "Phối hợp với Ban Tổ chức Tỉnh ủy, Sở Nội vụ, Sở Kế hoạch và Đầu tư và các cơ quan "
        "liên quan xây dựng đề án; phối hợp với các cấp ủy, tổ chức đảng thực hiện."
    )
    assert extract_partners(text, registry) == [
        "Ban Tổ chức Tỉnh ủy",
        "Sở Nội vụ",
        "Sở Kế hoạch và Đầu tư",
    ]
    assert extract_partners("phối hợp chặt chẽ giữa các cơ quan", registry) == []


def test_split_names_keeps_names_with_va_and_commas(registry: Registry) -> None:
    cell = "Sở Thông tin và Truyền thông; các huyện ủy, thị ủy, thành ủy và Sở Y tế"
    assert split_names(cell, registry) == [
        "Sở Thông tin và Truyền thông",
        "các huyện ủy, thị ủy, thành ủy",
        "Sở Y tế",
    ]


def test_body_names_and_slugs() -> None:
    assert looks_like_body("Đảng đoàn Hội đồng nhân dân tỉnh")
    assert not looks_like_body("Công tác tuyên truyền, quán triệt")
    assert slug("Ban Thường vụ Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh") == (
        "ban-thuong-vu-doan-thanh-nien-cong-san-ho-chi-minh-tinh"
    )
    assert len(slug("Đảng đoàn " * 20)) <= 60


def test_deadline_is_the_last_parenthetical_that_reads_as_one() -> None:
    split = split_deadline("Làm X (qua Ban Tổ chức) (thực hiện từ năm 2018).")
    assert (split.title, split.deadline) == ("Làm X (qua Ban Tổ chức).", "thực hiện từ năm 2018")
    kept = split_deadline("Báo cáo Ban Thường vụ (qua Ban Tổ chức Tỉnh ủy) để xem xét.")
    assert kept.deadline is None and kept.title.endswith("để xem xét.")
    unread = split_deadline("Làm Y (thực hiện khi nào thuận tiện).")
    assert unread.deadline is None and unread.unparsed == "thực hiện khi nào thuận tiện"
    assert unread.title == "Làm Y (thực hiện khi nào thuận tiện)."
    labelled = split_deadline("Làm Z (Thời gian thực hiện: Quý II/2024)")
    assert (labelled.title, labelled.deadline) == ("Làm Z", "Quý II/2024")


def test_exception_inside_a_deadline() -> None:
    split = split_deadline(
        "Sửa quy định (thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc sửa đổi "
        "quy định về thi đua, hoàn thành trong năm 2018)."
    )
    assert split.exception == (
        "Riêng việc sửa đổi quy định về thi đua",
        "hoàn thành trong năm 2018",
    )


@pytest.mark.parametrize(
    ("text", "kind", "rest"),
    [
        ("II- NHIỆM VỤ THƯỜNG XUYÊN", "roman", "NHIỆM VỤ THƯỜNG XUYÊN"),
        ("B. NHIỆM VỤ CỤ THỂ", "letter", "NHIỆM VỤ CỤ THỂ"),
        ("12. Đảng đoàn", "arabic", "Đảng đoàn"),
        ("1.2. Nội dung", "dotted", "Nội dung"),
        ("a) Tổ chức", "alpha", "Tổ chức"),
        ("- Chủ trì", "dash", "Chủ trì"),
        ("+ Ban hành", "plus", "Ban hành"),
        ("• Hướng dẫn", "bullet", "Hướng dẫn"),
        ("Căn cứ Kế hoạch", None, "Căn cứ Kế hoạch"),
        ("2018 là năm", None, "2018 là năm"),
    ],
)
def test_classify(text: str, kind: str | None, rest: str) -> None:
    found = classify(text)
    assert (found[0], found[2]) == (kind, rest)


def test_page_break_repair() -> None:
    paras = [Para(1, ("- Làm việc A và",)), Para(3, ("việc B.",)), Para(5, ("- Việc C",))]
    assert [(p.line, p.text) for p in repair(paras)] == [
        (1, "- Làm việc A và việc B."),
        (5, "- Việc C"),
    ]
    heading = [Para(1, ("KẾ HOẠCH",)), Para(3, ("thực hiện Nghị quyết",), bold=True)]
    assert len(repair(heading)) == 2


def test_reading_markdown() -> None:
    paras = read_text(
        "# KẾ HOẠCH\n\n**thực hiện\nNghị quyết**\n\n| STT | Nội dung |\n|---|---|\n| 1 | *Việc* |\n"
        "* Gạch đầu dòng\n  tiếp theo\n"
    )
    assert [(p.line, p.text, p.bold, p.heading) for p in paras[:2]] == [
        (1, "KẾ HOẠCH", True, 1),
        (3, "thực hiện Nghị quyết", True, 0),
    ]
    assert [p.cells for p in paras[2:4]] == [("STT", "Nội dung"), ("1", "Việc")]
    assert paras[4].text == "• Gạch đầu dòng tiếp theo"


def test_titles_and_columns() -> None:
    assert sentence_case("PHÓ BÍ THƯ") == "Phó Bí thư"
    assert sentence_case("BAN THƯỜNG VỤ") == "Ban Thường vụ"
    assert sentence_case("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG") == "Ủy ban nhân dân tỉnh Hà Giang"
    assert [column_of(h) for h in ("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Tiến độ")] == [
        "number",
        "content",
        "lead",
        "deadline",
    ]
    assert column_of("Cơ quan phối hợp") == "partners" and column_of("Ghi chú") is None


@pytest.mark.parametrize(
    ("text", "lead", "partners", "deadline"),
    [
        ("Họp (Sở Nội vụ chủ trì; thời gian: Quý I/2024).", "Sở Nội vụ", None, "Quý I/2024"),
        (
            "Rà soát (Sở Tư pháp chủ trì, Sở Nội vụ phối hợp; hoàn thành trong năm 2024).",
            "Sở Tư pháp",
            "Sở Nội vụ",
            "hoàn thành trong năm 2024",
        ),
        (
            "Hướng dẫn (Cơ quan chủ trì: Sở Y tế; Cơ quan phối hợp: Sở Tài chính; Thời gian "
            "thực hiện: hằng năm)",
            "Sở Y tế",
            "Sở Tài chính",
            "hằng năm",
        ),
    ],
)
def test_assignment_parenthetical(
    text: str, lead: str, partners: str | None, deadline: str
) -> None:
    split = split_deadline(text)
    assert (split.lead, split.partners, split.deadline) == (lead, partners, deadline)
    assert "chủ trì" not in split.title


def test_expected_output_field_line_becomes_the_task_output() -> None:
    from kehoach.importer import convert
    from kehoach.model import Task

    text = (
        "KẾ HOẠCH\nThử nghiệm\n\nII. NHIỆM VỤ\n\n"
        "1. Sở Nội vụ xây dựng quy chế phối hợp.\n"
        "Sản phẩm: Quyết định của Ủy ban nhân dân tỉnh\n"
    )
    result, _ = convert(read_text(text), "kh", "kh.txt")
    [(_, task)] = [t for tasks in result.tasks.values() for t in tasks]
    assert task["output"] == "Quyết định của Ủy ban nhân dân tỉnh"
    assert "note" not in task
    assert Task.model_validate(task).output == task["output"]
