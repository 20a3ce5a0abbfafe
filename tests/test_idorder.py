"""Task ids sort as in the plan document."""

from __future__ import annotations

import random

from kehoach.idorder import id_sort_key


def test_roman_sections_numbers_and_letters_sort_by_value() -> None:
    expected = [
        "I.1",
        "II.2",
        "III.2",
        "III.2.1",
        "III.2.1.a",
        "III.2.1.b",
        "III.2.2",
        "III.10",
        "IV.1",
        "IX.1",
        "X.1",
        "PL1.2",
        "PL2.1",
        "PL10.1",
    ]
    shuffled = expected[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=id_sort_key) == expected


def test_any_text_has_a_key_and_sorts_stably() -> None:
    odd = ["", "x", "3b", "Nhiệm vụ 1", "A-1", "a/2", "..", "2"]
    keys = [id_sort_key(i) for i in odd]
    assert sorted(odd, key=id_sort_key) == sorted(odd, key=id_sort_key)
    assert len(keys) == len(odd)
    assert id_sort_key("2") < id_sort_key("10")
    assert id_sort_key("A-1") < id_sort_key("A-2")
