"""Body names folded for matching: diacritics, case, spacing, tone placement, abbreviations."""

from __future__ import annotations

import unicodedata

from kehoach.portfolio.names import NameIndex, body_key


def test_same_body_however_written() -> None:
    key = body_key("Ban Tổ chức Tỉnh ủy")
    assert body_key("ban to chuc tinh uy") == key
    assert body_key("BAN TỔ CHỨC  TỈNH ỦY") == key
    assert body_key(unicodedata.normalize("NFD", "Ban Tổ chức Tỉnh ủy")) == key
    assert body_key("Ban Tổ chức, Tỉnh ủy") == key
    assert body_key("Ủy ban nhân dân tỉnh Khánh Hoà") == body_key("Uỷ ban nhân dân tỉnh Khánh Hòa")


def test_capitalised_abbreviations_are_spelled_out() -> None:
    assert body_key("UBND tỉnh") == body_key("Ủy ban nhân dân tỉnh")
    assert body_key("BTV Tỉnh ủy") == body_key("Ban Thường vụ Tỉnh ủy")
    assert body_key("Đảng đoàn HĐND tỉnh") == body_key("Đảng đoàn Hội đồng nhân dân tỉnh")
    assert body_key("Ủy ban MTTQ Việt Nam tỉnh") == body_key(
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"
    )


def test_lower_case_words_are_not_abbreviations() -> None:
    # "tư" folds to "tu" like the abbreviation TU (Tỉnh ủy) but must stay a word.
    assert body_key("Sở Tư pháp") == "so tu phap"
    assert body_key("Sở Tư pháp") != body_key("Sở Tỉnh ủy pháp")


def test_different_bodies_differ() -> None:
    assert body_key("Ban Tổ chức Tỉnh ủy") != body_key("Ban Tổ chức Huyện ủy")
    assert body_key("Sở Nội vụ") != body_key("Sở Ngoại vụ")


def test_index_finds_exact_and_lists_likely() -> None:
    index = NameIndex()
    assert index.add("so-noi-vu", ["Sở Nội vụ", "SNV"], "Sở Nội vụ") is None
    assert index.add("ban-to-chuc", ["Ban Tổ chức Tỉnh ủy"], "Ban Tổ chức Tỉnh ủy") is None
    assert index.find(["so noi vu"]) == "so-noi-vu"
    assert index.find(["Văn phòng Tỉnh ủy"]) is None
    # a trailing "tỉnh" or one letter apart: likely the same, for a person to confirm
    assert [c.body_id for c in index.likely("Sở Nội vụ tỉnh")] == ["so-noi-vu"]
    assert [c.body_id for c in index.likely("Ban Tổ chứt Tỉnh ủy")] == ["ban-to-chuc"]
    assert index.likely("Ban Tuyên giáo Tỉnh ủy") == []
    # the exact match is never "likely"
    assert index.likely("Sở Nội vụ") == []


def test_index_reports_a_name_held_by_another_id() -> None:
    index = NameIndex()
    index.add("a", ["Sở Nội vụ"], "Sở Nội vụ")
    assert index.add("b", ["SO NOI VU"], "SO NOI VU") == "a"
