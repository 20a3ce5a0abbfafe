"""``kehoach init``: create a portfolio folder (many plans, one repository)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import as_of_date, echo_err, handled
from kehoach.cli.options import AsOfUnused
from kehoach.messages import text as message_text


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        folder: Annotated[
            Path,
            typer.Argument(
                help="Thư mục sẽ tạo (mặc định: thư mục hiện tại).",
                show_default=False,
                metavar="[THƯ_MỤC]",
            ),
        ] = Path("."),
        office: Annotated[
            str,
            typer.Option("--office", metavar="TÊN", help="Tên cơ quan theo dõi các kế hoạch."),
        ] = "Văn phòng Tỉnh ủy",
        pip: Annotated[
            str | None,
            typer.Option(
                "--pip",
                metavar="GÓI",
                help="Gói kehoach để CI cài (mặc định: đúng phiên bản này).",
                show_default=False,
            ),
        ] = None,
        as_of: AsOfUnused = None,
    ) -> None:
        """Tạo thư mục nhiều kế hoạch: kehoach.yaml, danh mục chung, plans/, README, CI."""
        with handled():
            from kehoach.portfolio.init import DEFAULT_PIP, init_portfolio

            as_of_date(as_of)

            result = init_portfolio(folder, office=office, pip=pip or DEFAULT_PIP)
            for rel in result.created:
                typer.echo(message_text("init-created", path=rel))
            for rel in result.kept:
                typer.echo(message_text("init-kept", path=rel))
            page = "trang HTML" if result.page == "html" else "bảng Markdown trong trang HTML"
            echo_err(
                message_text(
                    "init-done",
                    folder=folder,
                    created=len(result.created),
                    kept=len(result.kept),
                    page=page,
                )
            )
