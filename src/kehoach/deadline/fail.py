"""Internal parse failure: which tokens were not understood and why, worded at the edge.

The grammar raises ``Fail`` with token indices (cheap, and catchable while it tries
another reading); ``parse_deadline`` turns the last one into a ``DeadlineParseError``
that quotes the user's own words.
"""

from __future__ import annotations

from typing import Final

__all__ = ["MESSAGES", "Fail"]

MESSAGES: Final[dict[str, str]] = {
    "unknown": 'Không hiểu phần "{part}" trong thời hạn "{text}".',
    "date": 'Ngày không có thật: "{part}" trong thời hạn "{text}".',
    "day": 'Ngày trong tháng không hợp lệ (phải từ 1 đến 31): "{part}" trong thời hạn "{text}".',
    "month": 'Tháng không hợp lệ (phải từ 1 đến 12): "{part}" trong thời hạn "{text}".',
    "quarter": 'Quý không hợp lệ (phải từ I đến IV): "{part}" trong thời hạn "{text}".',
    "year": (
        'Năm không hợp lệ (phải viết đủ 4 chữ số, từ 1900 đến 2200): "{part}" '
        'trong thời hạn "{text}".'
    ),
    "range": 'Thời hạn rơi ra ngoài các năm 1900–2200: "{part}" trong thời hạn "{text}".',
    "reversed": (
        'Khoảng thời gian bị ngược (bắt đầu sau khi kết thúc): "{part}" trong thời hạn "{text}".'
    ),
    "no_event": 'Thiếu sự kiện phải chờ sau "{part}" trong thời hạn "{text}".',
    "no_origin": 'Thiếu mốc để tính "{part}" (kể từ khi nào?) trong thời hạn "{text}".',
    "lead": 'Thời gian chờ không hợp lệ: "{part}" trong thời hạn "{text}".',
    "no_cycle": (
        'Không rõ chu kỳ của "{part}" (hằng tuần, hằng tháng, hằng quý, 6 tháng hay hằng năm?) '
        'trong thời hạn "{text}".'
    ),
    "cycle": (
        'Chu kỳ không được hỗ trợ: "{part}" (chỉ có hằng tuần, hằng tháng, hằng quý, '
        '6 tháng, hằng năm) trong thời hạn "{text}".'
    ),
    "anchor": 'Không rõ ngày chốt "{part}" với chu kỳ đã nêu trong thời hạn "{text}".',
    "no_year": 'Thiếu năm cho "{part}" trong thời hạn "{text}".',
    "no_month": (
        'Thiếu tháng cho "{part}" (chỉ ghi ngày thì phải kèm "hằng tháng") trong thời hạn "{text}".'
    ),
    "empty": 'Không tìm thấy mốc thời gian nào trong thời hạn "{text}".',
    "two_starts": 'Có hai mốc bắt đầu khác nhau: "{part}" trong thời hạn "{text}".',
    "exception": 'Không tìm thấy thời hạn riêng cho phần "{part}" trong thời hạn "{text}".',
    "too_long": "Thời hạn quá dài (hơn {limit} ký tự), không phải một thời hạn.",
}


class Fail(Exception):
    """Tokens ``[i, j)`` could not be read; ``code`` picks the Vietnamese message."""

    def __init__(self, code: str, i: int, j: int) -> None:
        super().__init__(code)
        self.code = code
        self.i = i
        self.j = max(j, i + 1)
