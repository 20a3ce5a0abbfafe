"""The table of what a batch changes (bulk update, collect): task, body, old → new, note."""

from __future__ import annotations

from kehoach.edit.operations import BatchOutcome, BatchResult
from kehoach.loaded_plan import BodyIndex

KIND_LABELS = {
    "add": "ghi",
    "duplicate": "đã có",
    "conflict": "xung đột",
    "refused": "từ chối",
}


def _status(outcome: BatchOutcome) -> str:
    old = outcome.old_status.value if outcome.old_status else "?"
    new = outcome.change.status.value
    return f"{old} → {new}"


def change_lines(
    result: BatchResult,
    bodies: BodyIndex | None = None,
    *,
    labels: list[str] | None = None,
) -> list[str]:
    """One block per change: ``[ghi] III.3.1 (ban-to-chuc): chưa thực hiện → hoàn
    thành, ngày 20/08/2018`` then its note, evidence and reasons on indented lines.
    *labels* (one per change) say where each change came from (file, sheet, row)."""
    lines: list[str] = []
    for outcome in result.outcomes:
        change = outcome.change
        body = ""
        if outcome.body:
            body = f" ({bodies.name(outcome.body) if bodies else outcome.body})"
        day = f", ngày {change.date:%d/%m/%Y}" if change.date else ""
        head = f"[{KIND_LABELS[outcome.kind]}] {change.task_id}{body}: {_status(outcome)}{day}"
        if outcome.round_name:  # "kỳ năm 2019", "phần sơ kết 2020"
            head += f", {outcome.round_name}"
        elif change.occurrence:
            head += f", kỳ {change.occurrence}"
        lines.append(head)
        if labels is not None:
            lines.append(f"    nguồn: {labels[outcome.index]}")
        if change.note:
            lines.append(f"    kết quả: {change.note}")
        if change.evidence:
            lines.append(f"    văn bản: {change.evidence}")
        lines += [f"    lý do: {reason}" for reason in outcome.reasons]
    return lines


def change_counts(result: BatchResult) -> str:
    parts = []
    for kind in ("add", "duplicate", "conflict", "refused"):
        count = len(result.of_kind(kind))
        if count:
            parts.append(f"{count} {KIND_LABELS[kind]}")
    return ", ".join(parts) or "không có thay đổi nào"
