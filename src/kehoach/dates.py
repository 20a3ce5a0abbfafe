"""Dates typed by people: 2018-08-20, 20/8/2018 and 20-08-2018 all mean the same day."""

from __future__ import annotations

import datetime as dt
import re

from kehoach.errors import InputError
from kehoach.messages import text as message_text

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
            raise InputError(message_text("bad-user-date", what=what, text=text))
        day, month, year = (int(g) for g in match.groups())
    try:
        parsed = dt.date(year, month, day)
    except ValueError:
        raise InputError(
            message_text("user-date-not-in-calendar", what=what.capitalize(), text=text)
        ) from None
    from kehoach.deadline.periods import MAX_YEAR, MIN_YEAR, valid_year

    if not valid_year(year):  # the years deadlines and periods have; 9999 would overflow
        raise InputError(
            message_text(
                "user-date-out-of-range",
                what=what.capitalize(),
                text=text,
                first=MIN_YEAR,
                last=MAX_YEAR,
            )
        )
    return parsed


def today() -> dt.date:
    return dt.date.today()
