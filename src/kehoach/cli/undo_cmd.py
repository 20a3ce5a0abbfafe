"""``kehoach undo`` and ``kehoach log``: take back the last change, list recent changes."""

from __future__ import annotations

from typing import Annotated

import typer

from kehoach.cli.common import as_of_date, echo_err, handled
from kehoach.cli.options import AsOf, AsOfUnused, PlanArg, PlanOption
from kehoach.messages import text as message_text


def register(app: typer.Typer) -> None:
    @app.command("undo")
    def undo(
        plan_pos: PlanArg = None,
        plan_opt: PlanOption = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Chỉ in thay đổi sẽ hoàn tác, không ghi gì.")
        ] = False,
        as_of: AsOfUnused = None,
    ) -> None:
        """Hoàn tác thay đổi gần nhất ghi qua kehoach (update, event, collect), đúng từng byte;
        từ chối khi tệp đã bị sửa sau đó."""
        with handled():
            from kehoach.cli.planfolder import plan_folder
            from kehoach.edit.journal import undo_last

            as_of_date(as_of)
            plan_dir = plan_folder(plan_pos, plan_opt)
            result = undo_last(plan_dir, dry_run=dry_run)
            entry = result.entry
            if dry_run:
                for diff in result.diffs:
                    typer.echo(diff, nl=False)
                echo_err(
                    message_text(
                        "undo-dry-run", seq=entry.seq, command=entry.command, summary=entry.summary
                    )
                )
                return
            typer.echo(
                message_text(
                    "undone",
                    seq=entry.seq,
                    command=entry.command,
                    summary=entry.summary,
                    paths=", ".join(entry.paths),
                )
            )

    @app.command("log")
    def log(
        plan_pos: PlanArg = None,
        plan_opt: PlanOption = None,
        limit: Annotated[
            int, typer.Option("--limit", "-n", metavar="SỐ", help="Số thay đổi hiển thị.", min=1)
        ] = 10,
        as_of: AsOf = None,
    ) -> None:
        """Các thay đổi gần đây ghi qua kehoach (mới nhất trước; với --as-of: các thay đổi
        ghi đến hết ngày đó); 'kehoach undo' hoàn tác thay đổi mới nhất."""
        with handled():
            from kehoach.cli.planfolder import plan_folder
            from kehoach.edit.journal import entries

            plan_dir = plan_folder(plan_pos, plan_opt)
            found = entries(plan_dir)
            if as_of is not None:
                last_day = as_of_date(as_of).isoformat()
                found = [e for e in found if e.time[:10] <= last_day]
            if not found:
                if as_of:
                    typer.echo(message_text("log-nothing-until", day=as_of_date(as_of)))
                else:
                    typer.echo(message_text("undo-nothing"))
                return
            for entry in found[:limit]:
                when = entry.time.replace("T", " ")[:16] + " UTC"
                typer.echo(f"#{entry.seq}  {when}  {entry.command}: {entry.summary}")
                typer.echo(f"    {', '.join(entry.paths)}")
