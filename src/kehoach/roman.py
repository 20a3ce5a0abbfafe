"""The one Roman-numeral converter: section numbers (I, II, III), quarters (Quý III),
congress numbers (lần thứ XVII), Word's numbering formats."""

from __future__ import annotations

from typing import Final

_PARTS: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_VALUES: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(value: int) -> str:
    """Upper-case numeral of *value* ≥ 1; "" for 0 or less."""
    out = []
    for number, letters in _PARTS:
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


def from_roman(text: str) -> int | None:
    """Value of a well-formed numeral (any case), else None. Strict on purpose ("IIII",
    "VX" are rejected) so that ordinary words are not mistaken for numbers."""
    word = text.strip().upper()
    if not word or len(word) > 15 or any(ch not in _VALUES for ch in word):
        return None
    total = 0
    for i, ch in enumerate(word):
        value = _VALUES[ch]
        if i + 1 < len(word) and _VALUES[word[i + 1]] > value:
            total -= value
        else:
            total += value
    return total if to_roman(total) == word else None
