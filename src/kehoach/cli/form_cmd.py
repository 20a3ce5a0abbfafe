"""``kehoach form`` and ``kehoach collect``: progress forms out to the bodies, and back in."""

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
    period_choice,
)
from kehoach.cli.options import (
    AsOf,
    Cutoff,
    DryRun,
    Half,
    PlanArg,
    PlanOption,
    Quarter,
    Year,
    format_option,
)
from kehoach.messages import text as message_text

if TYPE_CHECKING:
    from kehoach.app.collect import CollectResult


def _print_collect(result: CollectResult, dry_run: bool) -> None:
    echo_changes(result.batch, result.labels)
    if result.refusals:
        echo_err(message_text("collect-refused-rows", count=len(result.refusals)))
        for refusal in result.refusals:
            echo_err(f"- {refusal.render()}")
    if result.conflicts:
        echo_err(message_text("collect-conflicts", count=len(result.conflicts)))
    blank = message_text("collect-blank-rows", count=result.blank) if result.blank else ""
    echo_written(result.batch, dry_run, blank)


def register(app: typer.Typer) -> None:
    @app.command("form")
    def form(
        plan_dir: PlanArg = None,
        body: Annotated[
            str | None,
            typer.Option("--body", metavar="MÃ", help="Phiếu của một cơ quan.", show_default=False),
        ] = None,
        every: Annotated[
            bool, typer.Option("--all", help="Một phiếu cho mỗi cơ quan có nhiệm vụ.")
        ] = False,
        quarter: Quarter = None,
        half: Half = None,
        year: Year = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                metavar="THƯ_MỤC",
                help="Thư mục ghi phiếu (mặc định: phieu-<kỳ>).",
                show_default=False,
            ),
        ] = None,
        fmt: str = format_option(("xlsx", "docx"), "xlsx"),
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
        cutoff: Cutoff = "calendar",
    ) -> None:
        """Lập phiếu báo cáo tiến độ cho cơ quan (Excel hoặc Word): nhiệm vụ chủ trì và phối
        hợp, thời hạn, tình trạng; cơ quan điền trạng thái, ngày, kết quả, văn bản."""
        if (body is None) == (not every):
            fail(message_text("form-body-or-all"))
        with handled():
            from kehoach.app.collect import issue_forms
            from kehoach.cli.planfolder import plan_folder
            from kehoach.evaluation.report_periods import parse_period

            root = plan_folder(plan_dir, plan_opt)
            period = parse_period(*period_choice(quarter, half, year), cutoff)
            out_dir = output or Path(f"phieu-{period.code}")
            from kehoach.cli import portfolio_views

            if portfolio_views.is_portfolio_root(root):  # a folder per plan in out_dir
                from kehoach.app.portfolio import issue_portfolio_forms

                many = issue_portfolio_forms(
                    root,
                    as_of=as_of_date(as_of),
                    period=period,
                    body=body,
                    out_dir=out_dir,
                    fmt=fmt,
                )
                for key, item in many:
                    typer.echo(
                        message_text("form-issued-plan", path=item.path, plan=key, rows=item.rows)
                    )
                plans = len({key for key, _ in many})
                typer.echo(
                    message_text(
                        "forms-issued-portfolio",
                        count=len(many),
                        period=period.label(),
                        plans=plans,
                        folder=out_dir,
                    )
                )
                return
            issued = issue_forms(
                root,
                as_of=as_of_date(as_of),
                period=period,
                body=body,
                out_dir=out_dir,
                fmt=fmt,
            )
            for item in issued:
                typer.echo(message_text("form-issued", path=item.path, rows=item.rows))
            typer.echo(
                message_text(
                    "forms-issued", count=len(issued), period=period.label(), folder=out_dir
                )
            )

    @app.command("collect")
    def collect(
        paths: Annotated[
            list[Path],
            typer.Argument(
                help="Các phiếu đã điền (.xlsx, .docx); thêm thư mục kế hoạch ở cuối nếu "
                "không phải plan.",
                metavar="TỆP...",
                show_default=False,
            ),
        ],
        plan_opt: PlanOption = None,
        as_of: AsOf = None,
        dry_run: DryRun = False,
        skip_bad: Annotated[
            bool,
            typer.Option(
                "--skip-bad", help="Ghi các dòng hợp lệ, liệt kê các dòng bị từ chối và lý do."
            ),
        ] = False,
        force: Annotated[
            bool,
            typer.Option(
                "--force", help="Vẫn ghi dòng của nhiệm vụ đã thay đổi sau khi lập phiếu."
            ),
        ] = False,
    ) -> None:
        """Đọc phiếu đã điền, kiểm tra từng dòng, ghi mọi cập nhật cùng lúc (hoặc không ghi gì)."""
        with handled():
            from kehoach.app.collect import collect_forms
            from kehoach.cli.planfolder import plan_folder

            files = list(paths)
            given = files.pop() if files and files[-1].is_dir() else None
            root = plan_folder(given, plan_opt)
            from kehoach.cli import portfolio_views

            if portfolio_views.is_portfolio_root(root):  # each form to the plan it names
                from kehoach.app.portfolio import route_forms

                refused = False
                for folder, forms in route_forms(root, files).items():
                    typer.echo(f"== {folder.name}")
                    one = collect_forms(
                        folder,
                        forms,
                        as_of=as_of_date(as_of),
                        dry_run=dry_run,
                        skip_bad=skip_bad,
                        force=force,
                    )
                    _print_collect(one, dry_run)
                    refused = refused or bool(one.refusals)
                if refused and not skip_bad:
                    raise typer.Exit(1)
                return
            result = collect_forms(
                root,
                files,
                as_of=as_of_date(as_of),
                dry_run=dry_run,
                skip_bad=skip_bad,
                force=force,
            )
            _print_collect(result, dry_run)
            if result.refusals and not skip_bad:
                raise typer.Exit(1)
