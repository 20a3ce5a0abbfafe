"""The first-word shortcut of task_recurrence gives the same answers as a full reading."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kehoach.deadline.parser import _read_task_recurrence, task_recurrence

_SEED = Path(__file__).resolve().parents[1] / "data" / "ke-hoach-nq26.txt"
_OPENINGS = [
    "Hằng năm, tổng hợp, báo cáo",
    "- Định kỳ hằng năm chủ trì",
    "+ Mỗi quý một lần báo cáo",
    "3. Hàng tháng kiểm tra",
    "6 tháng/lần sơ kết",
    "Hai lần/năm tổ chức",
    "Năm một lần tổng kết",
    "Theo định kỳ hằng quý",
    "Chủ trì, phối hợp với các cơ quan liên quan",
    "hang nam tong hop",
    "Hằng",
    unicodedata.normalize("NFD", "Hằng năm, tổng hợp"),
    unicodedata.normalize("NFD", "Thực hiện hằng năm"),
    "Năm, một lần tổng kết",
    "Quý: báo cáo",
    "Hằng; năm",
    "Tháng\tmột lần",
    "a) Hằng năm",
    "Lần đầu tiên",
]


@pytest.mark.parametrize(
    "text", _OPENINGS + [line for line in _SEED.read_text("utf-8").splitlines() if line.strip()]
)
def test_shortcut_agrees_with_full_reading(text: str) -> None:
    assert task_recurrence(text) == _read_task_recurrence(text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Hằng",
                "năm",
                "quý",
                "Định",
                "kỳ",
                "-",
                "+",
                "3.",
                "6",
                "tháng",
                "/",
                "lần",
                "Mỗi",
                "Chủ",
                "trì",
                "hai",
                ",",
                "*",
                "ngày",
                "theo",
                "a)",
                "xyz",
            ]
        ),
        max_size=12,
    ).map(" ".join)
)
def test_shortcut_agrees_on_generated_openings(text: str) -> None:
    assert task_recurrence(text) == _read_task_recurrence(text)
