"""The words of deadline prose, folded (no diacritics, lower case), one phrase a tuple.

Kept apart from the grammar so that a new plan's wording is a one-line change here.
"""

from __future__ import annotations

from typing import Final

from kehoach.deadline.periods import Every

Phrases = tuple[tuple[str, ...], ...]


def _p(*groups: str) -> Phrases:
    """Phrases separated by commas; ``/`` and ``-`` are tokens of their own."""
    out = []
    for group in groups:
        for phrase in group.split(","):
            spaced = phrase.replace("/", " / ").replace("-", " - ").split()
            if spaced:
                out.append(tuple(spaced))
    return tuple(out)


# Verbs and labels that add nothing to the date: "tổ chức thực hiện", "Thời gian:".
FILLERS: Final = _p(
    "thuc hien, to chuc thuc hien, to chuc trien khai, trien khai, trien khai thuc hien, "
    "thuc hien xong, hoan thanh xong, tien hanh, hoan thanh, xong, ket thuc, thoi gian, "
    "thoi han, tien do, han, du kien, bao dam, dam bao, khan truong, phai, se, duoc, la, va, "
    "hoac, trong, vao, tu nay, ke tu nay, mot lan, 1 lan"
)

# Nouns a deadline cell may open with before its time words ("Công việc thường xuyên",
# "Hoạt động hằng năm"): read only as a segment's first words, never elsewhere.
OPENING_NOUNS: Final = _p(
    "cong viec, hoat dong, nhiem vu, viec, cong tac, noi dung, la cong viec, la nhiem vu, "
    "la hoat dong"
)

# Prepositions before a period, by the role they give it.
START_WORDS: Final = _p("tu, ke tu, bat dau tu, bat dau, tinh tu, bat dau thuc hien tu")
END_WORDS: Final = _p("den, den het, cho den, cho den het, toi, cho toi, den het ngay")
BEFORE_WORDS: Final = _p("truoc, den truoc, chi truoc")
DUE_WORDS: Final = _p(
    "cham nhat, cham nhat la, cham nhat vao, cham nhat la vao, cham nhat trong, muon nhat, "
    "muon nhat la, han chot, han chot la, khong qua, khong muon hon, khong cham hon, trong, "
    "vao, noi trong, ngay trong"
)
AFTER_PERIOD_WORDS: Final = _p("sau")
RANGE_LINKS: Final = _p("-, den, den het, cho den, toi")
SPAN_WORDS: Final = _p("giai doan, thoi ky, nhiem ky, ca giai doan, trong giai doan")

# Recurrence units and the period each names.
UNITS: Final[dict[str, Every]] = {
    "nam": "year",
    "quy": "quarter",
    "qui": "quarter",
    "thang": "month",
    "tuan": "week",
}
EVERY_WORDS: Final = _p("hang, moi")
PERIODIC_WORDS: Final = _p("dinh ky, theo dinh ky")
# "6 tháng/lần", "2 lần/năm": how many months one period lasts.
MONTHS_TO_EVERY: Final[dict[int, Every]] = {1: "month", 3: "quarter", 6: "half-year", 12: "year"}
TIMES_A_YEAR: Final[dict[int, Every]] = {1: "year", 2: "half-year", 4: "quarter", 12: "month"}
ONCE_WORDS: Final = _p("/ lan, mot lan, 1 lan, / 1 lan, / mot lan")
DAILY: Final = _p("hang ngay, moi ngay, hang ngay, ngay ngay")

CONTINUOUS: Final = _p(
    "thuong xuyen, lien tuc, lau dai, thuong xuyen lien tuc, thuong xuyen va lien tuc, "
    "thuong xuyen va lau dai"
)
# Continuous work inside a window: "xuyên suốt giai đoạn 2026–2030".
THROUGHOUT: Final = _p("xuyen suot, trong suot, suot, xuyen suot trong")

ON_DEMAND_OPENERS: Final = _p("khi, khi co, neu, neu co, moi khi, moi khi co")
CONJUNCTIONS: Final = _p("khi, neu, moi khi")
ON_DEMAND_NOUNS: Final = _p(
    "phat sinh, yeu cau, nhu cau, can thiet, can, vu viec, su viec, tinh huong, "
    "van de phat sinh, chi dao"
)
SUDDEN: Final = _p("dot xuat, khi can, khi can thiet")

AFTER_OPENERS: Final = _p("sau khi, ngay sau khi, ke tu khi, tu khi")
# "khi" alone starts too much ("khi nào rảnh"): only "khi có/được/đã …" waits for an event.
WHEN_OPENERS: Final = _p("khi co, khi duoc, khi da")
UNTIL_OPENERS: Final = _p("den khi, cho den khi, toi khi, cho toi khi, den luc")
FOLLOW: Final = _p("theo")
TERM_MARKS: Final = _p("toan khoa, nhiem ky")
TERM_PHRASES: Final = _p(
    "toan khoa, ca nhiem ky, trong nhiem ky, het nhiem ky, cuoi nhiem ky, den het nhiem ky, "
    "den cuoi nhiem ky, suot nhiem ky, nhiem ky, trong ca nhiem ky, nhiem ky nay, "
    "ca nhiem ky nay, trong nhiem ky nay"
)
DEMAND_AFTER_FOLLOW: Final = _p("yeu cau")
RULES_WORDS: Final = _p("quy dinh")  # "theo quy định" on its own says nothing about time

HEDGES: Final = _p("co ban, phan dau, co gang, can ban, ve co ban")
OPEN_END: Final = _p(
    "tro di, tro ve sau, ve sau, cac nam tiep theo, nhung nam tiep theo, cac nam sau, "
    "nhung nam sau, cac nam ke tiep, nhung nam ke tiep, cac nam tiep, nam tiep theo, "
    "cac nam ve sau, nhung nam ve sau"
)
# Lead times: "trong vòng 30 ngày kể từ …", "chậm nhất 3 tháng sau khi …".
LEAD_PREFIXES: Final = _p(
    "trong vong, trong thoi han, trong thoi gian, cham nhat, khong qua, sau, trong, cham nhat la"
)
LEAD_UNITS: Final[dict[str, str]] = {"ngay": "day", "tuan": "week", "thang": "month", "nam": "year"}
LEAD_LINKS: Final = _p("ke tu, tinh tu, sau khi, sau, ke tu khi, tinh tu khi, tu khi")
LEAD_BEFORE_LINKS: Final = _p("truoc, truoc khi")
# Due before an event: "trước Đại hội Đảng bộ tỉnh lần thứ XVII", "trước khi tổ chức Đại hội".
BEFORE_EVENT_OPENERS: Final = _p("truoc khi, truoc, chi truoc, den truoc")
# Words after "trước" that start a period, not an event ("trước tháng" without its number).
NOT_EVENTS: Final = frozenset({"nam", "thang", "quy", "qui", "ngay", "tuan", "dau", "giua", "cuoi",
                               "nua", "sau", "han", "thoi", "ky", "giai", "nhiem"})  # fmt: skip
# The plan's own issue as an event ("kể từ ngày ban hành Kế hoạch"): folded words after an
# optional "ngày"/"khi"/"có"; its date is the plan's ``issued``.
PLAN_ISSUE: Final = _p(
    "ban hanh, ban hanh ke hoach, ban hanh ke hoach nay, ky ban hanh, ky ban hanh ke hoach, "
    "ky ban hanh ke hoach nay, ky ke hoach, ky ke hoach nay, ke hoach duoc ban hanh, "
    "ke hoach nay duoc ban hanh, ban hanh van ban nay, ky"
)

# What a recurring part is about: "định kỳ hằng quý báo cáo …".
ACTIVITIES: Final = _p(
    "bao cao, so ket, tong ket, danh gia, kiem tra, giam sat, ra soat, cap nhat, gui, "
    "tong hop, hop, giao ban, thong ke"
)
EXCEPTION_WORDS: Final = _p("rieng")
EXCEPTION_LEADS: Final = _p("doi voi, viec, doi voi viec, phan, noi dung")
# Words that end free text (an activity, an event) when a deadline follows them: every
# recurrence, not only "hằng năm" ("từ năm 2019, báo cáo hằng quý" is quarterly).
STRONG_OPENERS: Final = _p(
    "hoan thanh, cham nhat, muon nhat, han chot, thuc hien, truoc ngay, trong nam, "
    "trong thang, trong quy, hang nam, hang quy, hang qui, hang thang, hang tuan, "
    "hang ngay, dinh ky, thuong xuyen, co ban hoan thanh"
)

# Parts of a period: "đầu/giữa/cuối năm", "thượng/trung/hạ tuần tháng 8".
EARLY: Final = _p("dau, thuong tuan")
MIDDLE: Final = _p("giua, trung tuan")
LATE: Final = _p("cuoi, ha tuan")
QUARTER_WORDS: Final[dict[str, int]] = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4}
THIS_YEAR: Final = _p("nay")
LEADING_MARKS: Final = frozenset({"-", "+", ".", ",", ";", ":", "/", "&"})
