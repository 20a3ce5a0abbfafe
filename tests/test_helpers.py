"""The shared helpers: one Roman-numeral converter, one period label, one "did you mean"."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.deadline.periods import EVERY, parse_period_label, period_containing, period_label
from kehoach.roman import from_roman, to_roman
from kehoach.suggest import Suggester, closest, did_you_mean


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (17, "XVII"), (40, "XL"), (1994, "MCMXCIV")],
)
def test_roman_numerals_both_ways(number: int, numeral: str) -> None:
    assert to_roman(number) == numeral
    assert from_roman(numeral) == number
    assert from_roman(numeral.lower()) == number


@pytest.mark.parametrize("word", ["IIII", "VX", "IL", "", "xin", "LIVE", "civic"])
def test_roman_rejects_words_that_are_not_numerals(word: str) -> None:
    assert from_roman(word) is None


@pytest.mark.parametrize(
    ("every", "day", "label"),
    [
        ("year", "2019-07-15", "2019"),
        ("half-year", "2019-06-30", "2019-H1"),
        ("half-year", "2019-07-01", "2019-H2"),
        ("quarter", "2019-09-30", "2019-Q3"),
        ("quarter", "2019-10-01", "2019-Q4"),
        ("month", "2019-02-28", "2019-02"),
        ("week", "2019-12-30", "2020-W01"),
    ],
)
def test_period_label(every: str, day: str, label: str) -> None:
    assert period_label(every, dt.date.fromisoformat(day)) == label  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), st.sampled_from(EVERY))
def test_a_label_names_the_period_it_was_made_from(day: dt.date, every: str) -> None:
    label = period_label(every, day)  # type: ignore[arg-type]
    parsed = parse_period_label(label)
    assert parsed is not None
    assert parsed == (every, *period_containing(day, every))  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["2019-Q5", "2019-H3", "2019-13", "19", "2019-W54", "x"])
def test_bad_period_labels(text: str) -> None:
    assert parse_period_label(text) is None


def test_did_you_mean() -> None:
    known = ["ban-to-chuc", "so-noi-vu"]
    assert did_you_mean("ban-to-chucc", known) == " Có phải ý bạn là 'ban-to-chuc'?"
    assert closest("SO-NOI-VU", known) == "so-noi-vu"
    assert did_you_mean("hoàn toàn khác", known) == ""


def test_suggester_stops_suggesting_after_its_limit() -> None:
    suggest = Suggester(limit=2)
    answers = [suggest("so-noi-vuu", ["so-noi-vu"]) for _ in range(3)]
    assert answers == [" Có phải ý bạn là 'so-noi-vu'?"] * 2 + [""]
