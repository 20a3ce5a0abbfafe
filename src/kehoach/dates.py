"""Dates typed by people: 2018-08-20, 20/8/2018 and 20-08-2018 all mean the same day."""

from __future__ import annotations

import datetime as dt
import re

from kehoach.errors import InputError

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


def parse_user_date(text: str, *, what: str = "ngày") -> dt.date:
    """Parse a date given on the command line, or raise InputError in Vietnamese."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _VN.match(value)
        if not match:
            raise InputError(
                f"Không đọc được {what} '{text}': hãy viết dạng 2018-08-20 hoặc 20/8/2018."
            )
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InputError(f"{what.capitalize()} '{text}' không tồn tại trong lịch.") from None


def today() -> dt.date:
    return dt.date.today()
