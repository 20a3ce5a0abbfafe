"""The state filter (`tasks --state`, `update --state`) reads the words a clerk types."""

from __future__ import annotations

import pytest

from kehoach.errors import UsageError
from kehoach.evaluation.states import State
from kehoach.selection import parse_states


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("quá-hạn", {State.OVERDUE}),
        ("quá hạn", {State.OVERDUE}),
        ("qua han", {State.OVERDUE}),
        ("QUA-HAN", {State.OVERDUE}),
        ("chưa-cập-nhật", {State.STALE}),
        ("trong-hạn", {State.OPEN}),
        ("chưa đến hạn", {State.NOT_DUE}),
        ("chờ điều kiện", {State.WAITING}),
        ("thường xuyên", {State.ONGOING}),
        ("chưa rõ hạn", {State.UNDATED}),
        ("dừng", {State.STOPPED}),
        ("hoàn thành", {State.DONE_ON_TIME, State.DONE_LATE}),
        ("đúng hạn", {State.DONE_ON_TIME}),
        ("hoàn-thành-quá-hạn", {State.DONE_LATE}),
        ("Chưa xác định thời hạn", {State.UNDATED}),
        ("overdue", {State.OVERDUE}),
        ("done_late", {State.DONE_LATE}),
        ("not-due", {State.NOT_DUE}),
    ],
)
def test_one_word(typed: str, expected: set[State]) -> None:
    assert parse_states(typed) == expected


def test_a_list_joins_every_part() -> None:
    assert parse_states("quá-hạn, chua-cap-nhat,,stopped") == {
        State.OVERDUE,
        State.STALE,
        State.STOPPED,
    }


def test_every_state_has_a_vietnamese_word_or_label() -> None:
    for state in State:
        assert parse_states(state.label()) == {state}


def test_an_unknown_word_suggests_the_vietnamese_spelling() -> None:
    with pytest.raises(UsageError) as raised:
        parse_states("qua hang")
    message = str(raised.value)
    assert "'qua hang'" in message
    assert "Có phải ý bạn là 'quá-hạn'?" in message
    assert "chưa-cập-nhật" in message
    assert raised.value.exit_code == 2
