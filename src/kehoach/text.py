"""Vietnamese text normalisation shared by every layer.

Plans arrive from Word exports, old keyboards and other machines: the same name may
be NFC or NFD, carry its tone mark on a different vowel ("Hoà"/"Hòa"), or differ
in spacing and case. Everything we store is NFC; everything we *match* goes through
:func:`match_key` or :func:`fold`.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "match_key", "nfc", "squash_spaces"]

# Combining marks that carry Vietnamese tones (huyền, sắc, hỏi, ngã, nặng).
_TONE_MARKS = {
    "\u0300": "2",  # grave  – huyền
    "\u0301": "1",  # acute  – sắc
    "\u0309": "3",  # hook   – hỏi
    "\u0303": "4",  # tilde  – ngã
    "\u0323": "5",  # dot    – nặng
}
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)


def nfc(text: str) -> str:
    """Return *text* in Unicode NFC, the form every stored string uses."""
    return unicodedata.normalize("NFC", text)


def squash_spaces(text: str) -> str:
    """Collapse runs of whitespace (including non-breaking spaces) to one space."""
    return _SPACE_RE.sub(" ", text.replace("\u00a0", " ")).strip()


def fold(text: str) -> str:
    """Lower-case ASCII skeleton of *text*: no diacritics, đ→d, single spaces.

    Used where users may type without diacritics ("thuc hien tu nam 2018").
    Folding is lossy on purpose: it is for matching, never for storage.
    """
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "D")
    return squash_spaces(stripped.casefold())


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = ""
    kept = []
    for ch in decomposed:
        mark = _TONE_MARKS.get(ch)
        if mark is not None:
            tone = mark
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)) + tone


def match_key(text: str) -> str:
    """Key under which two names count as the same name.

    Insensitive to NFC/NFD, case, spacing and the placement of the tone mark
    within a syllable ("Hoà" = "Hòa", "Thuỷ" = "Thủy"), but not to the tone
    itself nor to vowel shape: "Hòa" ≠ "Hóa", "Dân" ≠ "Dan".
    """
    words = _WORD_RE.findall(nfc(text).casefold())
    return " ".join(_syllable_key(word) for word in words)
