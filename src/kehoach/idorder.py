"""The natural order of task ids, as in the plan document: Roman sections by value
(II before IV before IX), numbers by value (III.2 before III.10), then letters."""

from __future__ import annotations

import re

from kehoach.roman import from_roman

_PARTS = re.compile(r"[.\-_/ ]+")


def id_sort_key(ident: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key of a task id; any id sorts (unknown parts by their text, after numbers)."""
    key = []
    for part in _PARTS.split(ident):
        if not part:
            continue
        if part.isdigit():
            key.append((0, int(part), ""))
            continue
        roman = from_roman(part)
        if roman is not None and part.isupper():
            key.append((0, roman, ""))
            continue
        digits = re.match(r"([A-Za-zĐđ]*)(\d+)$", part)  # PL2, a1
        if digits:
            key.append((1, int(digits.group(2)), digits.group(1).casefold()))
            continue
        key.append((2, 0, part.casefold()))
    return tuple(key)
