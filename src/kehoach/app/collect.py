"""The quarterly round trip: forms out (``kehoach form``), forms in (``kehoach collect``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.edit.errors import EditError
from kehoach.edit.operations import BatchRefused, BatchResult, TaskUpdate, update_tasks
from kehoach.errors import InputError, UsageError
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.forms.answers import RowRefusal
from kehoach.messages import os_reason
from kehoach.messages import text as message_text

FORMATS = ("xlsx", "docx")


@dataclass(frozen=True)
class IssuedForm:
    body: str
    path: Path
    rows: int


def issue_forms(
    root: Path,
    *,
    as_of: dt.date,
    period: ReportPeriod,
    body: str | None,
    out_dir: Path,
    fmt: str = "xlsx",
) -> list[IssuedForm]:
    """Write one form per body (*body*, or every body with tasks when None)."""
    from kehoach.app.reporting import evaluate_plan
    from kehoach.forms.content import bodies_with_tasks, form_content

    if fmt not in FORMATS:
        raise UsageError(message_text("bad-choice", value=fmt, option="--format", choices=FORMATS))
    if out_dir.exists() and not out_dir.is_dir():  # else "cannot write x/y.xlsx (exists)"
        raise UsageError(message_text("form-out-not-dir", out=out_dir))
    evaluated = evaluate_plan(root, as_of, body=body, period=period, cutoff=period.cutoff)
    evaluation = evaluated.evaluation
    bodies = [evaluated.body] if evaluated.body else bodies_with_tasks(evaluation, period)
    issued = []
    for body_id in bodies:
        assert body_id is not None
        content = form_content(evaluation, body_id, period)
        path = out_dir / f"{body_id}-{period.code}.{fmt}"
        try:
            if fmt == "xlsx":
                from kehoach.forms.sheets import write_xlsx

                write_xlsx(content, path)
            else:
                from kehoach.forms.documents import write_docx

                write_docx(content, path)
        except OSError as exc:
            raise InputError(
                message_text("output-write-failed", path=path, reason=os_reason(exc))
            ) from None
        issued.append(IssuedForm(body_id, path, len(content.rows)))
    return issued


@dataclass
class CollectResult:
    batch: BatchResult
    labels: list[str]
    refusals: list[RowRefusal]
    blank: int
    files: list[Path] = field(default_factory=list)

    @property
    def conflicts(self) -> list[RowRefusal]:
        return [
            RowRefusal(self.labels[o.index], o.change.task_id, " ".join(o.reasons))
            for o in self.batch.of_kind("conflict")
        ]


class CollectRefused(EditError):
    """Some rows cannot be collected and --skip-bad was not given: nothing was written."""

    def __init__(self, refusals: list[RowRefusal]) -> None:
        lines = [
            message_text("collect-refused", count=len(refusals)),
            *(f"- {r.render()}" for r in refusals),
        ]
        super().__init__("\n".join(lines))
        self.refusals = refusals


def _read(path: Path) -> object:
    suffix = path.suffix.casefold()
    if suffix == ".xlsx":
        from kehoach.forms.sheets import read_xlsx

        return read_xlsx(path)
    if suffix == ".docx":
        from kehoach.forms.documents import read_docx

        return read_docx(path)
    raise InputError(message_text("form-wrong-type", name=path.name))


def collect_forms(
    root: Path,
    files: list[Path],
    *,
    as_of: dt.date,
    dry_run: bool = False,
    skip_bad: bool = False,
    force: bool = False,
) -> CollectResult:
    """Read every filled form, check every row, and apply them all as one batch."""
    from kehoach.app.reporting import evaluate_plan
    from kehoach.evaluation.evaluate import evaluate
    from kehoach.evaluation.report_periods import parse_period
    from kehoach.forms.answers import RowChange, interpret
    from kehoach.forms.content import fingerprint, plan_identity
    from kehoach.forms.sheets import RawForm

    if not files:
        raise UsageError(message_text("no-form-files"))
    evaluated = evaluate_plan(root, as_of)
    plan = evaluated.evaluation.plan
    identity = plan_identity(plan)
    refusals: list[RowRefusal] = []
    rows: list[RowChange] = []
    blank = 0
    for path in files:
        try:
            form = _read(path)
        except InputError as exc:
            refusals.append(RowRefusal(path.name, "", exc.message.removeprefix(f"{path.name}: ")))
            continue
        assert isinstance(form, RawForm)
        where = f"{path.name}, trang '{form.sheet}'"
        if form.meta.get("identity") != identity:
            refusals.append(
                RowRefusal(
                    where,
                    "",
                    message_text(
                        "form-of-other-plan", form=form.meta.get("plan", "?"), plan=plan.info.id
                    ),
                )
            )
            continue
        try:
            code = form.meta.get("period", "")
            kind = "quarter" if "Q" in code else "half" if "H" in code else "year"
            period = parse_period(kind, code, form.meta.get("cutoff", "calendar"))
        except InputError:
            refusals.append(RowRefusal(where, "", message_text("form-bad-period")))
            continue
        evaluation = evaluate(plan, as_of, period=period, cutoff=period.cutoff)
        found, refused, empty = interpret(form, evaluation, period, as_of)
        rows += found
        refusals += refused
        blank += empty
    labels = [row.where for row in rows]
    expected = [row.fingerprint for row in rows]

    def guard(entry: object, index: int) -> list[str]:
        from kehoach.loaded_plan import TaskEntry

        assert isinstance(entry, TaskEntry)
        if force or fingerprint(entry.task) == expected[index]:
            return []
        return [message_text("form-task-changed")]

    changes: list[TaskUpdate] = [row.change for row in rows]
    summary = message_text("collect-summary", count=len(files)) + ", ".join(p.name for p in files)
    run_dry = dry_run or (bool(refusals) and not skip_bad)
    try:
        batch = update_tasks(
            root,
            changes,
            as_of=as_of,
            dry_run=run_dry,
            skip_bad=skip_bad or run_dry,
            guard=guard,
            command="collect",
            summary_text=summary,
        )
    except BatchRefused as exc:
        refusals += [
            RowRefusal(labels[o.index], o.change.task_id, " ".join(o.reasons))
            for o in exc.outcomes
            if o.kind == "refused"
        ]
        raise CollectRefused(refusals) from None
    refusals += [
        RowRefusal(labels[o.index], o.change.task_id, " ".join(o.reasons))
        for o in batch.of_kind("refused")
    ]
    if refusals and not skip_bad and not dry_run:
        raise CollectRefused(refusals)
    return CollectResult(batch, labels, refusals, blank, list(files))
