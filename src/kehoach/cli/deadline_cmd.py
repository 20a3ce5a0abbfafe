"""``kehoach deadline``: read one deadline text the way the engine reads a plan's.

The engine is imported inside the command so that ``--help`` stays instant; it only
needs the standard library, so even a real run starts fast.
"""

from __future__ import annotations

import json
import unicodedata
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.common import as_of_date, choice, echo_err, fail, handled
from kehoach.messages import text as message_text

if TYPE_CHECKING:
    import datetime as dt

    from kehoach.deadline import Rule

FORMATS = ("text", "json")

_KINDS = {
    "by": "hoàn thành trước hạn",
    "from": "thực hiện từ một mốc, không có hạn cuối",
    "recurring": "định kỳ",
    "continuous": "thường xuyên",
    "after": "sau một sự kiện",
    "term": "theo nhiệm kỳ",
    "none": "không có thời hạn",
    "on_demand": "khi phát sinh",
    "schedule": "theo lịch, kế hoạch khác",
}
_EVERY = {
    "year": "hằng năm",
    "half-year": "6 tháng một lần",
    "quarter": "hằng quý",
    "month": "hằng tháng",
    "week": "hằng tuần",
}
_LEAD_UNITS = {"day": "ngày", "week": "tuần", "month": "tháng", "year": "năm"}


def register(app: typer.Typer) -> None:
    @app.command("deadline")
    def deadline(
        text: Annotated[
            str,
            typer.Argument(
                help='Thời hạn nguyên văn, ví dụ "thực hiện từ năm 2018".',
                metavar="VĂN_BẢN",
                show_default=False,
            ),
        ],
        task_text: Annotated[
            str | None,
            typer.Option(
                "--task-text",
                help='Nội dung nhiệm vụ; nếu mở đầu bằng "Hằng năm…" thì thời hạn lặp lại.',
                metavar="VĂN_BẢN",
                show_default=False,
            ),
        ] = None,
        as_of: Annotated[
            str | None,
            typer.Option(
                "--as-of",
                help="Tính hạn cụ thể vào ngày này (2019-06-30 hoặc 30/6/2019).",
                metavar="NGÀY",
                show_default=False,
            ),
        ] = None,
        year: Annotated[
            int | None,
            typer.Option(
                "--year",
                help='Năm của kế hoạch, cho thời hạn không ghi năm ("quý III", "cuối năm").',
                metavar="NĂM",
                show_default=False,
            ),
        ] = None,
        fmt: Annotated[
            str, typer.Option("--format", "-f", metavar="DẠNG", help="text | json")
        ] = "text",
    ) -> None:
        """Đọc một thời hạn viết bằng lời và in quy tắc: loại, bắt đầu, hạn, chu kỳ, điều kiện."""
        choice(fmt, FORMATS, "--format")
        if year is not None and not 1900 <= year <= 2200:
            fail(message_text("bad-year", year=year))
        with handled():
            from kehoach.deadline import due_as_of, parse_deadline
            from kehoach.errors import DeadlineParseError

            day = None if as_of is None else as_of_date(as_of)
            try:
                rule = parse_deadline(text, task_text=task_text, year=year)
            except DeadlineParseError as exc:
                echo_err(exc.message)
                if fmt == "text":
                    for line in _pointer(exc.text, exc.start, exc.end):
                        echo_err(line)
                raise typer.Exit(exc.exit_code) from None
            due_on = None if day is None else due_as_of(rule, day)
            if fmt == "json":
                data = rule.to_json()
                if day is not None:
                    data["due_as_of"] = None if due_on is None else due_on.isoformat()
                typer.echo(json.dumps(data, ensure_ascii=False, sort_keys=True))
            else:
                typer.echo("\n".join(_describe(rule, day, due_on)))


def _pointer(text: str, start: int, end: int) -> list[str]:
    """The text with the part not understood underlined, when it fits on one line."""
    if "\n" in text or "\r" in text or not 0 <= start < end <= len(text):
        return []

    def width(part: str) -> int:
        return sum(1 for ch in part if not unicodedata.combining(ch))

    return ["  " + text, "  " + " " * width(text[:start]) + "^" * max(width(text[start:end]), 1)]


def _day(value: dt.date | None) -> str:
    return "—" if value is None else value.strftime("%d/%m/%Y")


def _describe(rule: Rule, as_of: dt.date | None, due_on: dt.date | None) -> list[str]:
    lines = _rule_lines(rule)
    if as_of is not None:
        lines.append(f"Hạn áp dụng vào {_day(as_of)}: {_day(due_on)}")
    if rule.parts:
        from kehoach.deadline.resolve import labelled_parts

        tracked = {o.due: o for o in labelled_parts(rule)}  # parts tracked one by one
        lines.append(f"Gồm {len(rule.parts)} phần:")
        for index, part in enumerate(rule.parts, start=1):
            title = f"Phần {index}"
            if part.exception:
                title += " (riêng)"
            own = tracked.get(part.due) if part.due is not None else None
            if own is not None:
                title += f" — {own.name} (cập nhật với --occurrence {own.label})"
            lines.append(f"  {title}:")
            lines.extend("    " + line for line in _rule_lines(part))
    return lines


def _rule_lines(rule: Rule) -> list[str]:
    kind = "trước một sự kiện" if rule.relation == "before" else _KINDS.get(rule.kind, rule.kind)
    lines = [
        f"Loại: {kind} ({rule.kind})",
        f"Bắt đầu: {_day(rule.start)}",
        f"Hạn: {_day(rule.due)}",
        f"Chu kỳ: {_EVERY.get(rule.every, '—') if rule.every else '—'}",
        f"Điều kiện: {rule.trigger or '—'}",
    ]
    if rule.anchor is not None:
        lines.append(f"Ngày chốt: {_anchor(rule)}")
    if rule.anchors:
        days = ", ".join(_anchor_day(a.month, a.day) for a in rule.anchors)
        lines.append(f"Các ngày chốt trong năm: {days} (mỗi ngày một kỳ)")
    if rule.relation == "before":
        lines.append("Quan hệ: phải xong trước sự kiện")
    if rule.origin == "plan_issued":
        lines.append("Mốc tính: ngày ban hành kế hoạch (plan.yaml: issued)")
    if rule.lead is not None:
        lines.append(f"Thời gian chờ: {rule.lead.n} {_LEAD_UNITS[rule.lead.unit]}")
    if rule.until is not None:
        lines.append(f"Đến khi: {rule.until}")
    if rule.hedged:
        lines.append("Mức độ: cơ bản hoàn thành (không bắt buộc xong hẳn)")
    if rule.item is not None:
        lines.append(f"Áp dụng cho: {rule.item}")
    return lines


def _anchor_day(month: int | None, day: int | None) -> str:
    return f"cuối tháng {month}" if day is None else f"{day:02d}/{month:02d}"


def _anchor(rule: Rule) -> str:
    anchor = rule.anchor
    assert anchor is not None
    period = _EVERY.get(rule.every or "", "mỗi kỳ")
    if anchor.month is None:
        return f"ngày {anchor.day} {period}" if anchor.day else f"cuối kỳ {period}"
    if anchor.day is None:
        return f"cuối tháng {anchor.month} {period}"
    return f"ngày {anchor.day:02d}/{anchor.month:02d} {period}"
