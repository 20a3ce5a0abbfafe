"""``kehoach update`` and ``kehoach event``: record progress without hand-editing YAML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from kehoach.cli.common import (
    as_of_date,
    echo_changes,
    echo_err,
    echo_written,
    fail,
    handled,
)
from kehoach.cli.options import AsOf, BodyOpt, DryRun, PlanArg, PlanOption
from kehoach.messages import text as message_text

if TYPE_CHECKING:
    from kehoach.edit import EditResult


def _positional_plan(words: list[str]) -> tuple[list[str], Path | None]:
    """``update ID … DIR``: a last word naming a plan folder is the plan folder (the
    same form as the other commands; ``--plan`` is its alias)."""
    from kehoach.cli.planfolder import holds_plan

    if words and Path(words[-1]).is_dir() and holds_plan(Path(words[-1])):
        return words[:-1], Path(words[-1])
    return words, None


Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Vẫn ghi khi ngày ở tương lai, trước ngày của kế hoạch, lịch sử không theo thứ "
        "tự, hoặc số/ký hiệu văn bản không hợp lệ.",
    ),
]
EventForce = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Vẫn ghi khi ngày ở tương lai, trước ngày của kế hoạch, sự kiện đã được ghi "
        "nhận với ngày hoặc văn bản khác, hoặc số/ký hiệu văn bản không hợp lệ.",
    ),
]
Note = Annotated[
    str | None, typer.Option("--note", metavar="GHI_CHÚ", help="Ghi chú.", show_default=False)
]


def _report(result: EditResult, dry_run: bool) -> None:
    for warning in result.warnings:
        echo_err(message_text("note", warning=warning))
    if not result.changed:
        for message in result.messages:
            typer.echo(message)
        return
    if dry_run:
        typer.echo(result.diff(), nl=False)
        echo_err(message_text("update-dry-run", path=result.display))
        return
    for message in result.messages:
        typer.echo(message)
    typer.echo(message_text("written", path=result.display))


def register(app: typer.Typer) -> None:
    @app.command("update")
    def update(
        task_ids: Annotated[
            list[str] | None,
            typer.Argument(
                help="Mã nhiệm vụ, ví dụ III.3.1; nhiều mã cách nhau bằng dấu cách.",
                metavar="MÃ_NHIỆM_VỤ...",
                show_default=False,
            ),
        ] = None,
        status: Annotated[
            str,
            typer.Option(
                "--status",
                metavar="TRẠNG_THÁI",
                help="hoàn-thành | đang-thực-hiện | chưa-thực-hiện | dừng (có dấu hoặc "
                "không; hoặc done, in-progress, not-started, stopped).",
                show_default=False,
            ),
        ] = "",
        date: Annotated[
            str | None,
            typer.Option(
                "--date",
                metavar="NGÀY",
                help="Ngày cập nhật (mặc định: ngày --as-of).",
                show_default=False,
            ),
        ] = None,
        note: Note = None,
        evidence: Annotated[
            str | None,
            typer.Option(
                "--evidence",
                metavar="VĂN_BẢN",
                help='Văn bản chứng minh, ví dụ "Kế hoạch số 15-KH/TU ngày 20/8/2018".',
                show_default=False,
            ),
        ] = None,
        occurrence: Annotated[
            str | None,
            typer.Option(
                "--occurrence",
                metavar="KỲ",
                help="Kỳ của nhiệm vụ định kỳ: 2019, 2019-Q3, 2019-H1, 2019-08.",
                show_default=False,
            ),
        ] = None,
        body: BodyOpt = None,
        state: Annotated[
            str | None,
            typer.Option(
                "--state",
                metavar="TÌNH_TRẠNG",
                help="Chọn nhiệm vụ theo tình trạng tại ngày --as-of, ví dụ chưa-cập-nhật "
                "hoặc quá-hạn,chưa-cập-nhật.",
                show_default=False,
            ),
        ] = None,
        section: Annotated[
            str | None,
            typer.Option(
                "--section",
                metavar="MỤC",
                help="Chọn nhiệm vụ của một mục, ví dụ III.3.",
                show_default=False,
            ),
        ] = None,
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
        force: Force = False,
        dry_run: DryRun = False,
    ) -> None:
        """Ghi một cập nhật (ngày, trạng thái) vào lịch sử một hay nhiều nhiệm vụ; chỉ những
        dòng đó thay đổi, mọi tệp được ghi cùng lúc hoặc không tệp nào."""
        if not status:
            fail(message_text("status-option-missing"))
        ids, given = _positional_plan(list(task_ids or []))
        if not ids and not (body or state or section):
            fail(message_text("update-what"))
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_folder
            from kehoach.dates import parse_user_date
            from kehoach.edit import TaskUpdate, parse_status, update_task

            plan_dir = plan_folder(given, plan_opt)
            if portfolio_views.is_portfolio_root(plan_dir):  # tasks as PLAN:TASK
                if body or state or section or not ids:
                    fail(message_text("portfolio-update-what"))
                plan_dir, ids = portfolio_views.update_targets(plan_dir, ids)
            day = as_of_date(as_of)
            parsed = parse_status(status)
            when = parse_user_date(date, what="ngày --date") if date is not None else None
            if len(ids) == 1 and not (body or state or section):
                change = TaskUpdate(
                    task_id=ids[0],
                    status=parsed,
                    date=when,
                    note=note or "",
                    evidence=evidence,
                    occurrence=occurrence,
                )
                result = update_task(plan_dir, change, as_of=day, force=force, dry_run=dry_run)
                _report(result, dry_run)
                return
            from kehoach.app.updates import bulk_update
            from kehoach.selection import Selection, parse_states

            selection = Selection(
                ids, body=body, states=parse_states(state) if state else None, section=section
            )
            batch = bulk_update(
                plan_dir,
                selection,
                status=parsed,
                date=when,
                note=note or "",
                evidence=evidence,
                occurrence=occurrence,
                as_of=day,
                force=force,
                dry_run=dry_run,
            )
            echo_changes(batch)
            echo_written(batch, dry_run)

    @app.command("event")
    def event(
        event_id: Annotated[
            str, typer.Argument(help="Mã sự kiện trong events.yaml.", metavar="MÃ_SỰ_KIỆN")
        ],
        occurred: Annotated[
            str,
            typer.Option(
                "--occurred", metavar="NGÀY", help="Ngày sự kiện xảy ra.", show_default=False
            ),
        ],
        ref: Annotated[
            str | None,
            typer.Option(
                "--ref",
                metavar="SỐ_HIỆU",
                help="Số/ký hiệu văn bản, ví dụ 35-CT/TW.",
                show_default=False,
            ),
        ] = None,
        plan_pos: PlanArg = None,
        note: Note = None,
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
        force: EventForce = False,
        dry_run: DryRun = False,
    ) -> None:
        """Ghi nhận sự kiện đang chờ đã xảy ra; nhiệm vụ 'sau khi …' có thời hạn từ ngày đó."""
        with handled():
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_folder
            from kehoach.dates import parse_user_date
            from kehoach.edit import EventRecord, record_event

            plan_dir = plan_folder(plan_pos, plan_opt)
            if portfolio_views.is_portfolio_root(plan_dir):  # shared, or PLAN:EVENT
                plan_dir, event_id = portfolio_views.event_target(plan_dir, event_id)
            day = as_of_date(as_of)
            change = EventRecord(
                event_id=event_id,
                occurred=parse_user_date(occurred, what="ngày --occurred"),
                ref=ref,
                note=note,
            )
            result = record_event(plan_dir, change, as_of=day, force=force, dry_run=dry_run)
            _report(result, dry_run)
            from kehoach.app.tasks_view import unblocked_by

            for task in unblocked_by(plan_dir, event_id, change.occurred, day):
                if task.still_waiting:
                    waiting = ", ".join(task.still_waiting)
                    typer.echo(message_text("unblocked-waiting", id=task.task_id, events=waiting))
                elif task.due is None:
                    typer.echo(message_text("unblocked-undated", id=task.task_id))
                elif task.days_past:
                    typer.echo(
                        message_text(
                            "unblocked-late", id=task.task_id, due=task.due, days=task.days_past
                        )
                    )
                else:
                    typer.echo(message_text("unblocked-due", id=task.task_id, due=task.due))
