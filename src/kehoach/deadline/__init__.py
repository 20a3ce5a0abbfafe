"""The deadline engine: Vietnamese deadline prose → typed rule → dates.

Imports only the standard library and ``kehoach.text``/``kehoach.errors`` so that
``kehoach deadline`` starts fast. See docs/deadline-grammar.md for the grammar.
"""

from kehoach.deadline.parser import parse_deadline, task_recurrence
from kehoach.deadline.periods import (
    EVERY,
    Every,
    parse_period_label,
    period_label,
    period_title,
)
from kehoach.deadline.resolve import (
    Occurrence,
    current_occurrence,
    due_as_of,
    labelled_parts,
    occurrence_for,
    occurrence_labelled,
    occurrence_name,
    occurrences,
    recurring_part,
)
from kehoach.deadline.rules import KINDS, Anchor, Kind, Lead, Rule, rule_from_mapping

__all__ = [
    "EVERY",
    "KINDS",
    "Anchor",
    "Every",
    "Kind",
    "Lead",
    "Occurrence",
    "Rule",
    "current_occurrence",
    "due_as_of",
    "labelled_parts",
    "occurrence_for",
    "occurrence_labelled",
    "occurrence_name",
    "occurrences",
    "parse_deadline",
    "parse_period_label",
    "period_label",
    "period_title",
    "recurring_part",
    "rule_from_mapping",
    "task_recurrence",
]
