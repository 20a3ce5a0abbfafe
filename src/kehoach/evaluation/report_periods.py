"""Reporting periods: calendar quarters, halves and years, or the data cut-off days of
Nghị định 09/2019/NĐ-CP (a quarter runs from the 15th of the month before it to the
14th of its last month; a year from 15/12 to 14/12).

The calendar arithmetic itself lives in :mod:`kehoach.deadline.periods`, the one
calendar module; this module only cuts it into reporting periods."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kehoach.deadline.periods import Every, month_end, period_label
from kehoach.errors import InputError
from kehoach.messages import text as message_text
from kehoach.roman import to_roman

CUTOFFS = ("calendar", "nd09")


@dataclass(frozen=True)
class ReportPeriod:
    kind: str  # quarter | half | year
    year: int
    index: int  # quarter 1-4, half 1-2, year 1
    cutoff: str
    start: dt.date
    end: dt.date

    @property
    def every(self) -> Every:
        return EVERY_OF[self.kind]

    @property
    def code(self) -> str:
        """``2019-Q3``, ``2019-H1``, ``2019``: the same label under either cut-off."""
        months = {"quarter": 3, "half": 6, "year": 12}[self.kind]
        return period_label(self.every, dt.date(self.year, (self.index - 1) * months + 1, 1))

    def label(self, lang: str = "vi") -> str:
        if lang == "en":
            names = {
                "quarter": f"Q{self.index} {self.year}",
                "half": f"H{self.index} {self.year}",
                "year": f"Year {self.year}",
            }
            return names[self.kind]
        if self.kind == "quarter":
            return f"Quý {to_roman(self.index)}/{self.year}"
        if self.kind == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        return f"Năm {self.year}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def next(self) -> ReportPeriod:
        per_year = {"quarter": 4, "half": 2, "year": 1}[self.kind]
        if self.index < per_year:
            return make_period(self.kind, self.year, self.index + 1, self.cutoff)
        return make_period(self.kind, self.year + 1, 1, self.cutoff)


EVERY_OF: dict[str, Every] = {"quarter": "quarter", "half": "half-year", "year": "year"}


def make_period(kind: str, year: int, index: int, cutoff: str = "calendar") -> ReportPeriod:
    months = {"quarter": 3, "half": 6, "year": 12}[kind]
    first_month = (index - 1) * months + 1
    last_month = first_month + months - 1
    if cutoff == "nd09":
        before = dt.date(year, first_month, 1) - dt.timedelta(days=1)
        start = dt.date(before.year, before.month, 15)
        end = dt.date(year, last_month, 14)
    else:
        start = dt.date(year, first_month, 1)
        end = month_end(year, last_month)
    return ReportPeriod(kind, year, index, cutoff, start, end)


_CODE_RE = re.compile(r"^\s*(\d{4})\s*(?:-?\s*([QqHh])\s*([1-4]))?\s*$")


def parse_period(kind: str, text: str, cutoff: str = "calendar") -> ReportPeriod:
    """Parse ``2019-Q3`` / ``2019-H1`` / ``2019`` for the option of *kind*."""
    match = _CODE_RE.match(text)
    examples = {"quarter": "2019-Q3", "half": "2019-H1", "year": "2019"}
    if not match:
        raise InputError(message_text("bad-period", text=text, examples=examples[kind]))
    year = int(match.group(1))
    letter = (match.group(2) or "").upper()
    index = int(match.group(3) or 1)
    expected = {"quarter": "Q", "half": "H", "year": ""}[kind]
    if letter != expected or (kind == "half" and index > 2) or not 1900 <= year <= 2200:
        raise InputError(message_text("period-out-of-range", text=text, examples=examples[kind]))
    return make_period(kind, year, index, cutoff)


def report_period_containing(
    day: dt.date, kind: str = "quarter", cutoff: str = "calendar"
) -> ReportPeriod:
    per_year = {"quarter": 4, "half": 2, "year": 1}[kind]
    for year in (day.year, day.year + 1):
        for index in range(1, per_year + 1):
            period = make_period(kind, year, index, cutoff)
            if period.contains(day):
                return period
    raise AssertionError("every day falls in a period")  # pragma: no cover
