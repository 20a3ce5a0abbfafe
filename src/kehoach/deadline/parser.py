"""Deadline prose → ``Rule``: the entry point, exceptions ("Riêng …") and task context.

The text is folded (so diacritics, NFC/NFD and case do not matter), cut into a main
segment and one segment per "Riêng …" exception, and each segment is read by the
clause grammar in ``elements``. Free text (the event of "sau khi …", the item of an
exception) ends where the rest of the text reads as a deadline again, which is why
the parser can ask whether a span "parses"; answers are memoised per span.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Final

from kehoach.deadline import lexicon as lx
from kehoach.deadline.build import Facets, build
from kehoach.deadline.elements import NUMBER_WORDS, recurrence, step
from kehoach.deadline.fail import MESSAGES, Fail
from kehoach.deadline.periods import Every, valid_year
from kehoach.deadline.rules import Rule
from kehoach.deadline.timeexpr import REFERENCE_YEAR
from kehoach.deadline.tokens import Token, View, tokenize
from kehoach.errors import DeadlineParseError
from kehoach.messages import text as message_text
from kehoach.text import fold, nfc, squash_spaces

__all__ = ["MAX_CHARS", "parse_deadline", "task_recurrence"]

MAX_CHARS: Final = 1000  # the longest real deadline (an exception list) is ~350
_MAX_DEPTH: Final = 40
_OPENING_WORDS: Final = 16
_CLAUSE_MARKS: Final = frozenset({",", ";", ".", ":", "-"})


def parse_deadline(text: str, *, task_text: str | None = None, year: int | None = None) -> Rule:
    """The rule a deadline text states; blank text gives kind ``none``.

    ``task_text``: the task's own words; one opening with "Hằng năm"/"Định kỳ hằng quý"…
    makes a plain start ("thực hiện từ năm 2019") repeat. ``year``: the plan's year,
    for texts that name a period without one ("quý III", "6 tháng cuối năm"); without
    it such a period is read as recurring every year.
    Raises ``DeadlineParseError`` naming the part that was not understood.
    """
    return _with_task(_parse_text(text, year), task_text)


@lru_cache(maxsize=1024)
def _parse_text(text: str, year: int | None) -> Rule:
    """The rule of *text* alone. A plan repeats a few deadline texts under thousands of
    tasks, so each is parsed once per process (rules are frozen, safe to share; errors
    are raised again each time, not cached); the task's own words are applied after."""
    if len(text) > MAX_CHARS:
        message = MESSAGES["too_long"].format(limit=MAX_CHARS)
        raise DeadlineParseError(message, text, 0, len(text))
    if year is not None and not valid_year(year):
        raise DeadlineParseError(message_text("bad-plan-year", year=year), text, 0, len(text))
    tokens = _strip_marks(tokenize(text))
    if all(token.text in _CLAUSE_MARKS for token in tokens):
        rule = Rule("none")
    else:
        try:
            rule = _Parser(text, tokens, year).parse()
        except Fail as fail:
            rule = _leap_day_anchor(text, tokens, year, fail)
    return rule


def _leap_day_anchor(text: str, tokens: list[Token], year: int | None, fail: Fail) -> Rule:
    """ "trước ngày 29/2 hằng năm" with a plan year that has no 29 February: the day is an
    anchor of every year, so it is read in a leap year (a recurrence ignores the plan's
    year, so the rule is the same); anything else that fails is the error it was."""
    if year is not None and fail.code == "date":
        try:
            rule = _Parser(text, tokens, REFERENCE_YEAR).parse()
        except Fail:
            pass
        else:
            if any(part.kind == "recurring" for part in (rule, *rule.parts)):
                return rule
    raise _error(text, tokens, fail) from None


def _strip_marks(tokens: list[Token]) -> list[Token]:
    """Drop list bullets and numbering copied with the text ("- ", "+ ", "3. ")."""
    k = 0
    while k < len(tokens):
        token = tokens[k]
        following = tokens[k + 1].text if k + 1 < len(tokens) else None
        if token.text in lx.LEADING_MARKS:
            k += 1
        elif (
            following == "."
            and token.kind == "num"
            and len(token.text) <= 2
            and (k + 2 >= len(tokens) or tokens[k + 1].end < tokens[k + 2].start)
        ):  # "3. " numbering, but not the "30." of "30.6.2019"
            k += 2
        else:
            break
    return tokens[k:]


def _error(text: str, tokens: list[Token], fail: Fail) -> DeadlineParseError:
    if fail.code == "empty" or not tokens:
        start, end = 0, len(text)
    else:
        i = min(max(fail.i, 0), len(tokens) - 1)
        j = min(max(fail.j, i + 1), len(tokens))
        start, end = tokens[i].start, tokens[j - 1].end
    part = squash_spaces(nfc(text[start:end]))
    message = MESSAGES[fail.code].format(part=part, text=squash_spaces(nfc(text)))
    return DeadlineParseError(message, text, start, end)


# The words a period of repetition can open with (see elements.recurrence): anything
# else as a title's first word means the title states no period.
_PERIOD_OPENERS: Final = frozenset(
    {phrase[0] for phrase in (*lx.DAILY, *lx.EVERY_WORDS, *lx.PERIODIC_WORDS)}
    | set(lx.UNITS)
    | set(NUMBER_WORDS)
)
_HEAD_CHARS = 40
_JOINERS: Final = ("va", "hoac")  # "và", "hoặc" (folded) between an event and a deadline
# A first word of letters ended by a space or a comma-like mark (not a combining
# mark, a bracket or a full stop, which the full reading must see).
_FIRST_WORD: Final = re.compile(r"\s*([^\W\d_]+)(?=[\s,;:])")


def _cannot_open_with_period(task_text: str) -> bool:
    """Decide from the first word alone, when it can, that no period opens the text.

    Most titles open with a verb ("Chủ trì, phối hợp …"); tokenizing their opening to
    find that out was most of a large plan's validation time. Exact: when the first
    word is cut by the short head, or could start a period, the full reading decides.
    """
    word = _FIRST_WORD.match(task_text)
    if word is not None:  # a plain first word: fold it alone, no tokenizing
        folded = fold(word.group(1))
        if folded.isascii() and folded.isalpha() and folded not in lx.LEADING_MARKS:
            return folded not in _PERIOD_OPENERS
    head = task_text[:_HEAD_CHARS]
    tokens = _strip_marks(tokenize(head))
    if not tokens or tokens[0].end >= len(head):
        return False
    first = tokens[0]
    return first.kind != "num" and first.text not in _PERIOD_OPENERS


def task_recurrence(task_text: str) -> Every | None:
    """The period a task's own text opens with ("Hằng năm, tổng hợp …" → year)."""
    if _cannot_open_with_period(task_text):
        return None
    return _read_task_recurrence(task_text)


def _read_task_recurrence(task_text: str) -> Every | None:
    # Only the opening words can state a period ("Định kỳ hằng năm 2 lần, …" is the
    # longest form, 8 tokens after the bullets); tokenizing a whole title for each task
    # was a third of a large plan's run time.
    opening = " ".join(task_text[:200].split(None, _OPENING_WORDS)[:_OPENING_WORDS])
    tokens = _strip_marks(tokenize(opening))
    view = View(opening, tokens, 0, len(tokens))
    try:
        found = recurrence(view, 0)
    except Fail:
        return None
    return None if found is None else found[0]


def _with_task(rule: Rule, task_text: str | None) -> Rule:
    """A yearly task whose deadline only says when it starts repeats from then."""
    if not task_text or rule.parts:
        return rule
    if not (rule.kind in ("from", "none") or (rule.kind == "by" and rule.start is not None)):
        return rule
    every = task_recurrence(task_text)
    if every is None:
        return rule
    return replace(rule, kind="recurring", every=every)


def _names_a_term(v: View, m: int) -> bool:
    """ "Đại hội Đảng bộ tỉnh lần thứ XVII, nhiệm kỳ 2025 – 2030": the term belongs to the
    name of the body or event before it, not to the deadline."""
    return v.text(m) == "nhiem" and v.text(m + 1) == "ky" and v.num(m + 2) is not None


class _Parser:
    """One parse of one text; implements the ``Ctx`` the clause grammar asks for."""

    def __init__(self, source: str, tokens: list[Token], ref: int | None) -> None:
        self.source = source
        self.tokens = tokens
        self.ref = ref
        self._memo: dict[tuple[int, int], Facets | tuple[str, int, int]] = {}
        self._depth = 0

    def parse(self) -> Rule:
        n = len(self.tokens)
        cuts = [
            r
            for r, token in enumerate(self.tokens)
            if token.text in ("rieng",) and (r == 0 or self.tokens[r - 1].text in _CLAUSE_MARKS)
        ]
        main_end = cuts[0] if cuts else n
        parts: list[Rule] = []
        if any(token.text not in _CLAUSE_MARKS for token in self.tokens[:main_end]):
            parts.extend(build(self.segment(0, main_end), self.ref, (0, main_end)))
        for a, b in zip(cuts, [*cuts[1:], n], strict=False):
            parts.extend(self._exception(a, b))
        if len(parts) == 1 and not parts[0].exception:
            return parts[0]
        if not parts or parts[0].exception:
            return Rule("none", parts=tuple(parts))
        return replace(parts[0], parts=tuple(parts))

    def segment(self, i: int, j: int) -> Facets:
        """What tokens ``[i, j)`` state; raises ``Fail`` (memoised either way)."""
        cached = self._memo.get((i, j))
        if isinstance(cached, tuple):
            raise Fail(*cached)
        if cached is not None:
            return cached
        view = View(self.source, self.tokens, i, j)
        facets = Facets()
        try:
            k = i
            while k < j:
                k = step(self, view, k, facets)
        except Fail as fail:
            self._memo[(i, j)] = (fail.code, fail.i, fail.j)
            raise
        self._memo[(i, j)] = facets
        return facets

    def parses(self, i: int, j: int) -> bool:
        """Whether tokens ``[i, j)`` read as a deadline on their own."""
        if self._depth >= _MAX_DEPTH:
            return False
        self._depth += 1
        try:
            facets = self.segment(i, j)
            build(facets, self.ref, (i, j))
            return facets.has_content()
        except Fail:
            return False
        finally:
            self._depth -= 1

    def free(self, v: View, k: int) -> tuple[int, int]:
        """Free text runs to ";", a sentence end, or a comma/verb after which a deadline follows."""
        m = k
        while m < v.hi:
            token = v.text(m)
            if token == ";" or (token == "." and not v.adjacent(m)):
                return m, m
            if m > k:
                if v.text(m - 1) == "," and not _names_a_term(v, m) and self.parses(m, v.hi):
                    return m - 1, m
                if v.longest(m, lx.STRONG_OPENERS) is not None and self.parses(m, v.hi):
                    # "sau khi có hướng dẫn và hằng năm": the "và" joins the two parts
                    joined = m - 1 > k and v.text(m - 1) in _JOINERS
                    return (m - 1 if joined else m), m
            m += 1
        return v.hi, v.hi

    def _exception(self, a: int, b: int) -> list[Rule]:
        """ "Riêng việc X, hoàn thành trong năm 2018": X's own deadline."""
        view = View(self.source, self.tokens, a, b)
        body = view.longest(a + 1, lx.EXCEPTION_LEADS) or a + 1
        for m in range(body + 1, b):
            if self.tokens[m - 1].text == "," and self.parses(m, b):
                return self._exception_rules(view, body, m - 1, m, b)
        for m in range(body + 1, b):
            if self.tokens[m].text not in _CLAUSE_MARKS and self.parses(m, b):
                return self._exception_rules(view, body, m, m, b)
        raise Fail("exception", a, b)

    def _exception_rules(self, view: View, i: int, j: int, r0: int, r1: int) -> list[Rule]:
        item = view.original(i, j)
        if not item:
            raise Fail("exception", i - 1, r1)
        rules = build(self.segment(r0, r1), self.ref, (r0, r1))
        return [replace(rule, item=item, exception=True) for rule in rules]
