"""``kehoach show`` and ``kehoach calendar``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import as_of_date, echo_err, handled
from kehoach.cli.options import AsOf, BodyOpt, PlanArg, PlanOption, WidthOpt
from kehoach.cli.output import emit
from kehoach.messages import text as message_text


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show(
        task_id: Annotated[
            str,
            typer.Argument(
                help="Mã nhiệm vụ, ví dụ III.3.1 (thư mục nhiều kế hoạch: kh-nq26:III.3.1).",
                metavar="MÃ_NHIỆM_VỤ",
            ),
        ],
        plan_dir: PlanArg = None,
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
        width: WidthOpt = None,
    ) -> None:
        """Mọi thông tin về một nhiệm vụ: nội dung, cơ quan, thời hạn, tình trạng và lý do,
        các kỳ, lịch sử, việc đang chờ, vị trí trong kế hoạch."""
        with handled():
            from kehoach.app.tasks_view import show_task
            from kehoach.cli.planfolder import plan_folder
            from kehoach.render.show import render_show

            root = plan_folder(plan_dir, plan_opt)
            from kehoach.cli import portfolio_views

            if portfolio_views.is_portfolio_root(root):  # PLAN:TASK, plan part where unique
                root, task_id = portfolio_views.task_target(root, task_id)
            from kehoach.cli.width import output_width

            view = show_task(root, task_id, as_of_date(as_of))
            emit(render_show(view, output_width(width)))

    @app.command("calendar")
    def calendar(
        plan_dir: PlanArg = None,
        output: Annotated[
            Path,
            typer.Option(
                "--output", "-o", metavar="TỆP", help="Tệp .ics cần ghi.", show_default=False
            ),
        ] = Path("kehoach.ics"),
        body: BodyOpt = None,
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
    ) -> None:
        """Xuất thời hạn (và các kỳ của nhiệm vụ định kỳ) ra tệp iCalendar (.ics) để nhập
        vào Outlook, Thunderbird, lịch điện thoại."""
        with handled():
            from kehoach.app.calendar import export_calendar
            from kehoach.cli import portfolio_views
            from kehoach.cli.planfolder import plan_folder

            root = plan_folder(plan_dir, plan_opt)
            if portfolio_views.is_portfolio_root(root):  # every plan in one file
                from kehoach.app.portfolio import export_portfolio_calendar

                count = export_portfolio_calendar(root, output, as_of=as_of_date(as_of), body=body)
            else:
                count = export_calendar(root, output, as_of=as_of_date(as_of), body=body)
            echo_err(message_text("calendar-written", count=count, output=output))
