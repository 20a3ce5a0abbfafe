"""Vietnamese text normalisation shared by every layer.

Plans arrive from Word exports, old keyboards and other machines: the same name may
be NFC or NFD, carry its tone mark on a different vowel ("Hoà"/"Hòa"), or differ
in spacing and case. Everything we store is NFC; everything we *match* goes through
:func:`match_key` or :func:`fold`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

__all__ = ["fold", "match_key", "neutralise", "nfc", "squash_spaces"]

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


@lru_cache(maxsize=8192)  # a plan repeats a few thousand syllables in its body names
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


# -- what reaches a terminal ---------------------------------------------------------------

# Invisible characters that reorder or hide text (the "Trojan Source" bidi controls).
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
# The only escape sequences we emit ourselves: SGR colours (``ESC [ 1;31 m``).
_SGR_RE = re.compile(r"\x1b\[[0-9;]{0,16}m")
_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"
    + "".join(sorted(BIDI_CONTROLS))
    + "]|\r(?!\n)"
)


def is_unsafe(ch: str) -> bool:
    """True for a character a terminal could act on or hide text with: C0 controls other
    than tab and newline, DEL, C1 controls, bidi overrides and isolates, lone surrogates."""
    return _UNSAFE_RE.match(ch) is not None


def first_unsafe(text: str) -> int:
    """Index of the first unsafe character of *text* (see :func:`is_unsafe`), or -1."""
    match = _UNSAFE_RE.search(text)
    return -1 if match is None else match.start()


def char_name(ch: str) -> str:
    """``U+001B`` and, for the common ones, a short name a user can look up."""
    names = {
        "\x1b": "ESC",
        "\x07": "BEL",
        "\x08": "BS",
        "\x0d": "CR",
        "\x00": "NUL",
        "\x7f": "DEL",
        "\x9b": "CSI",
        "\x9d": "OSC",
        "\x90": "DCS",
        "\u202e": "RLO",
        "\u202d": "LRO",
        "\u2067": "RLI",
    }
    code = f"U+{ord(ch):04X}"
    return f"{code} ({names[ch]})" if ch in names else code


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control pictures: ␛ ␇ ␍ …
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"<U+{code:04X}>"


def neutralise(text: str, *, keep_colours: bool = False) -> str:
    """*text* safe to print on a terminal: every control character (so every escape
    sequence — CSI, OSC, DCS … — loses the ESC that starts it) and every bidi control
    becomes a visible stand-in (``␛``, ``<U+202E>``), and a byte of a file name that is
    not UTF-8 becomes ``\\xNN``. Tab and newline stay. With *keep_colours*, our own SGR
    colour sequences stay (used only when writing to a terminal)."""
    if first_unsafe(text) < 0:
        return text
    if not keep_colours:
        return _UNSAFE_RE.sub(_visible, text)
    out = []
    position = 0
    for match in _SGR_RE.finditer(text):
        out.append(_UNSAFE_RE.sub(_visible, text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_UNSAFE_RE.sub(_visible, text[position:]))
    return "".join(out)


class SafeStream:
    """A text stream that neutralises (:func:`neutralise`) everything written to it and
    never fails on a character its encoding lacks (written as ``\\uXXXX`` instead).

    The CLI wraps ``sys.stdout`` and ``sys.stderr`` in it for the length of a command, so
    every renderer, echo and error message goes through the same function."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream
        try:
            self._colours = bool(stream.isatty())
        except (AttributeError, ValueError, OSError):
            self._colours = False

    def write(self, text: str) -> int:
        safe = neutralise(text, keep_colours=self._colours)
        try:
            self._stream.write(safe)
        except UnicodeEncodeError:
            encoding = getattr(self._stream, "encoding", None) or "utf-8"
            self._stream.write(safe.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
