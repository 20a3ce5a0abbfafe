"""Folded tokens that remember where they came from in the original text.

The grammar reads the folded skeleton (``kehoach.text.fold``: no diacritics, any
case, NFC or NFD alike), but errors must quote the user's own words, so every
token keeps its character span in the original string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from kehoach.text import fold, nfc

__all__ = ["Token", "View", "aligned_fold", "tokenize"]

# Word formatting that carries no meaning: bold/italic markers, brackets, quotes.
_IGNORED: Final = frozenset("*()[]{}\"'`“”‘’«»„‟‹›_•·")
_DASHES: Final = frozenset("-–—−‐‑‒―")
_TOKEN_RE: Final = re.compile(r"([0-9]+)|([^\W\d_]+)|(\S)")


@dataclass(frozen=True)
class Token:
    """One word, number or punctuation mark; ``text`` is folded, ``start:end`` is original."""

    kind: str  # "word" | "num" | "punct"
    text: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    # Called once per character of every deadline and task title read: memoised, since
    # fold() normalises, filters and case-folds a whole string each time.
    return fold(ch)


def aligned_fold(text: str) -> tuple[str, list[int]]:
    """``fold(text)`` plus, for each folded character, the index of its original character."""
    chars: list[str] = []
    where: list[int] = []
    for index, ch in enumerate(text):
        piece = " " if ch.isspace() else _fold_char(ch)
        for out in piece:
            if out.isspace():
                if chars and chars[-1] != " ":
                    chars.append(" ")
                    where.append(index)
            else:
                chars.append(out)
                where.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def tokenize(text: str) -> list[Token]:
    """Tokens of *text*, formatting marks dropped, every dash read as ``-``."""
    folded, where = aligned_fold(text)
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(folded):
        value = match.group()
        start = where[match.start()]
        end = where[match.end() - 1] + 1
        while end < len(text) and unicodedata.combining(text[end]):
            end += 1  # an NFD word ends with its tone mark
        if match.lastindex == 1:
            kind = "num"
        elif match.lastindex == 2:
            kind = "word"
        else:
            if value in _IGNORED or unicodedata.category(value) in ("Cf", "Cc", "Mn"):
                continue
            kind = "punct"
            value = "-" if value in _DASHES else value
        tokens.append(Token(kind, value, start, end))
    return tokens


class View:
    """The tokens of one segment ``[lo, hi)``; reading past ``hi`` yields nothing."""

    __slots__ = ("hi", "lo", "source", "tokens")

    def __init__(self, source: str, tokens: list[Token], lo: int, hi: int) -> None:
        self.source = source
        self.tokens = tokens
        self.lo = lo
        self.hi = hi

    def text(self, k: int) -> str | None:
        return self.tokens[k].text if self.lo <= k < self.hi else None

    def num(self, k: int) -> str | None:
        """Digits of token *k* if it is a number."""
        if self.lo <= k < self.hi and self.tokens[k].kind == "num":
            return self.tokens[k].text
        return None

    def word(self, k: int) -> str | None:
        if self.lo <= k < self.hi and self.tokens[k].kind == "word":
            return self.tokens[k].text
        return None

    def match(self, k: int, phrase: tuple[str, ...]) -> int | None:
        """Index after *phrase* if the tokens at *k* spell it, else None."""
        for offset, part in enumerate(phrase):
            if self.text(k + offset) != part:
                return None
        return k + len(phrase)

    def longest(self, k: int, phrases: tuple[tuple[str, ...], ...]) -> int | None:
        """Index after the longest of *phrases* found at *k*, else None."""
        best: int | None = None
        for phrase in phrases:
            end = self.match(k, phrase)
            if end is not None and (best is None or end > best):
                best = end
        return best

    def adjacent(self, k: int) -> bool:
        """Token *k* touches token *k + 1* (no space between), as in ``15.12.2018``."""
        if not (self.lo <= k and k + 1 < self.hi):
            return False
        return self.tokens[k].end == self.tokens[k + 1].start

    def original(self, i: int, j: int) -> str:
        """The original words of tokens ``[i, j)``, NFC, trimmed of trailing punctuation."""
        if j <= i:
            return ""
        raw = nfc(self.source[self.tokens[i].start : self.tokens[j - 1].end])
        return raw.strip().rstrip(" ,;:.-–—*").strip()

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original character span of tokens ``[i, j)`` (clamped to the view)."""
        i = max(min(i, len(self.tokens) - 1), 0)
        j = max(min(j, len(self.tokens)), i + 1)
        return self.tokens[i].start, self.tokens[j - 1].end
