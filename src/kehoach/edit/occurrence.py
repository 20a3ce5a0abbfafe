"""Which round of a recurring task an update records (``kehoach update … --occurrence``).

A recurring task ("thực hiện hằng năm") is done once per round; each history entry says
which round it belongs to in its ``occurrence`` ("2019", "2019-Q3"). The rounds and the
days each owns come from one calendar, :func:`kehoach.deadline.occurrence_for`, which the
evaluation uses too for entries written without ``occurrence``.

Rules for an update on day D without ``--occurrence``:

- the round whose days hold D is recorded (its period's first day up to the day before
  the next round's period: an update after the due day but before the next period is a
  late one for that round), and the command says which ("ghi cho kỳ năm 2019");
- if that round is already done and another round is still open, which one is meant is
  ambiguous: the update is refused and the open rounds are listed, to be named with
  ``--occurrence``;
- a day before the first round is refused the same way.

With ``--occurrence`` the label must name a round of the task's own cycle that has
begun by D (a yearly task has "2019", not "2019-Q3").

A deadline split into labelled parts ("Quý I năm 2020, sơ kết; năm 2022 tổng kết") has
each part as a round ("phần sơ kết 2020", "phần tổng kết 2022"), named by its label
("2020", "2022"). An update on D records the part whose days hold D (after the previous
part's due day, up to its own); "hoàn thành" is refused as ambiguous when that part is
already done, or an earlier part is still open, while another part is open.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kehoach.deadline import occurrence_for, occurrence_labelled
from kehoach.edit.errors import EditError
from kehoach.loaded_plan import Plan, TaskEntry
from kehoach.messages import text as message_text
from kehoach.model import Status
from kehoach.rounds import Recurrence, recurrence_of

__all__ = ["OccurrenceRefused", "Placement", "choose_occurrence", "later_in_round", "place_update"]

_LISTED = 6  # open rounds named in a refusal; the rest are counted


class OccurrenceRefused(EditError):
    """The round an update belongs to cannot be told, or the one named does not exist."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _names(labels: list[str], recurrence: Recurrence) -> str:
    shown = ", ".join(recurrence.title(label) for label in labels[:_LISTED])
    more = len(labels) - _LISTED
    more_rounds = message_text("and-more-rounds", more=more, noun=recurrence.noun)
    return shown + (more_rounds if more > 0 else "")


def choose_occurrence(
    plan: Plan,
    entry: TaskEntry,
    entries: Iterable[tuple[dt.date, Status, str | None]],
    day: dt.date,
    status: Status,
    given: str | None,
) -> tuple[str | None, str | None]:
    """The round to record and the sentence that says so, e.g. ("2019", "ghi cho kỳ năm
    2019"); (None, None) for a task that does not recur. *entries*: the task's history as
    (date, status, occurrence). Raises :class:`OccurrenceRefused`."""
    recurrence = recurrence_of(plan, entry, dt.date(day.year, 1, 1))
    if recurrence is None:
        if given:
            raise OccurrenceRefused(message_text("occurrence-not-recurring", given=given))
        return None, None
    history = list(entries)
    if given:
        noun = recurrence.noun
        found = occurrence_labelled(recurrence.rule, given, start=recurrence.start)
        if found is None or (found.period_start > day and not recurrence.parts):
            opened = recurrence.open_rounds(history, day)
            names = _names(opened, recurrence)
            listed = message_text("open-rounds", noun=noun, names=names) if opened else ""
            if found is None:
                reason = message_text("occurrence-not-a-round", noun=noun, given=given)
            else:
                reason = message_text("occurrence-not-started", noun=noun, given=given, day=day)
            raise OccurrenceRefused(reason + listed)
        title = recurrence.title(found.label)
        return found.label, message_text("recorded-for-round", noun=noun, title=title)
    if status is Status.STOPPED:
        return None, None  # stopping ends the task, not one round
    here = occurrence_for(recurrence.rule, day, start=recurrence.start)
    opened = recurrence.open_rounds(history, day)
    noun = recurrence.noun
    if here is None:
        names = _names(opened, recurrence)
        listed = message_text("open-rounds", noun="kỳ", names=names) if opened else ""
        raise OccurrenceRefused(message_text("occurrence-before-first", day=day, listed=listed))
    others = [label for label in opened if label != here.label]
    again = any(  # the same update once more: the command says it is already there
        when == day and was is status and recurrence.key(occ, when) == here.label
        for when, was, occ in history
    )
    # A part's days start after the previous part's due day: a late update for an
    # earlier part still open would land on the next part, so it must be named.
    earlier = recurrence.parts and here.label in opened and opened.index(here.label) > 0
    if status is Status.DONE and (here.label not in opened or earlier) and others and not again:
        first = others[0]
        if earlier:
            why = message_text("round-not-done", noun=noun, title=recurrence.title(first))
        else:
            why = message_text("round-done", noun=noun, title=recurrence.title(here.label))
        names = _names(opened if earlier else others, recurrence)
        raise OccurrenceRefused(
            message_text(
                "occurrence-ambiguous", day=day, noun=noun, why=why, names=names, first=first
            )
        )
    title = recurrence.title(here.label)
    return here.label, message_text("recorded-for-round", noun=noun, title=title)


def later_in_round(
    recurrence: Recurrence | None,
    entries: Iterable[tuple[dt.date, Status, str | None]],
    day: dt.date,
    occurrence: str | None,
) -> dt.date | None:
    """The latest date already recorded for the same round as an entry on *day* (the
    whole history for a task that does not recur), when it is later than *day*."""
    key = recurrence.key(occurrence, day) if recurrence is not None else None
    later = [
        when
        for when, _status, other in entries
        if when > day and (recurrence.key(other, when) if recurrence is not None else None) == key
    ]
    return max(later) if later else None


@dataclass(frozen=True)
class Placement:
    """Where an update goes: its round (None: the task does not recur), the sentence that
    names it, and the latest later date already recorded for that round (refused unless
    --force; other rounds' later entries do not matter)."""

    occurrence: str | None
    said: str | None
    later: dt.date | None
    round_name: str | None = None  # "kỳ năm 2019", "phần sơ kết 2020"

    def later_reason(self, day: dt.date) -> str | None:
        if self.later is None:
            return None
        round_ = message_text("of-round-name", name=self.round_name) if self.round_name else ""
        return message_text("later-in-history", of_round=round_, later=self.later, day=day)


def place_update(
    plan: Plan,
    entry: TaskEntry,
    entries: Iterable[tuple[dt.date, Status, str | None]],
    day: dt.date,
    status: Status,
    given: str | None,
) -> Placement:
    """:func:`choose_occurrence` and :func:`later_in_round` for one update."""
    history = list(entries)
    occurrence, said = choose_occurrence(plan, entry, history, day, status, given)
    recurrence = recurrence_of(plan, entry, dt.date(day.year, 1, 1))
    name = (
        f"{recurrence.noun} {recurrence.title(occurrence)}"
        if recurrence is not None and occurrence
        else None
    )
    later = later_in_round(recurrence, history, day, occurrence)
    return Placement(occurrence, said, later, name)
