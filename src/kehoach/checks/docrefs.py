"""Validation check: document references (số/ký hiệu văn bản) must be well formed.

Looks at the places that cite documents: each history entry's ``evidence``, each
event's ``ref``, the plan's own ``number`` and every ``implements[].ref``. In free text
(evidence) only tokens that look like references are judged; a ``ref`` or ``number``
field must also contain at least one well-formed reference.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kehoach.docref import docref_problems, find_docrefs
from kehoach.errors import Problem
from kehoach.loading.positions import PosDict, locate
from kehoach.messages import text as message_text

if TYPE_CHECKING:
    from kehoach.checks.context import Context
    from kehoach.loaded_plan import Plan

CODE = "docref"


def _problems(
    text: str,
    path: str,
    raw: PosDict | None,
    loc: tuple[str | int, ...],
    prefix: str,
    ctx: Context,
    *,
    required: bool,
) -> list[Problem]:
    messages = docref_problems(text, today=ctx.today)
    if required and not messages and not find_docrefs(text, today=ctx.today):
        messages = [message_text("docref-missing", text=text)]
    line, col = locate(raw, loc) if raw is not None else (0, 0)
    return [Problem(path, line, col, prefix + message, CODE) for message in messages]


def check_docrefs(plan: Plan, ctx: Context) -> list[Problem]:
    problems: list[Problem] = []
    for entry in plan.tasks:
        for index, update in enumerate(entry.task.history):
            if update.evidence:
                problems += _problems(
                    update.evidence,
                    entry.path,
                    entry.raw,
                    ("history", index, "evidence"),
                    message_text("docref-of-task", id=entry.id),
                    ctx,
                    required=False,
                )
    if plan.events_path is not None:
        raw = plan.raw.get(plan.events_path)
        for index, event in enumerate(plan.events.values()):
            if event.ref:
                problems += _problems(
                    event.ref,
                    plan.events_path,
                    raw,
                    ("events", index, "ref"),
                    message_text("docref-of-event", id=event.id),
                    ctx,
                    required=True,
                )
    raw_plan = plan.raw.get(plan.plan_path)
    if plan.info.number:
        problems += _problems(
            plan.info.number,
            plan.plan_path,
            raw_plan,
            ("number",),
            message_text("docref-of-plan"),
            ctx,
            required=True,
        )
    for index, document in enumerate(plan.info.implements):
        problems += _problems(
            document.ref,
            plan.plan_path,
            raw_plan,
            ("implements", index, "ref"),
            message_text("docref-of-basis"),
            ctx,
            required=True,
        )
    return problems
