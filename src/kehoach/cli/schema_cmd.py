"""``kehoach schema``: regenerate schemas/ from the models, or check it is current."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import as_of_date, echo_err, handled
from kehoach.cli.options import AsOfUnused
from kehoach.messages import text as message_text


def register(app: typer.Typer) -> None:
    @app.command("schema")
    def schema(
        out: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi JSON Schema.")] = Path(
            "schemas"
        ),
        check: Annotated[
            bool, typer.Option("--check", help="Chỉ kiểm tra schemas/ có khớp mô hình không.")
        ] = False,
        as_of: AsOfUnused = None,
    ) -> None:
        """Sinh JSON Schema của các tệp kế hoạch (để trình soạn thảo kiểm tra khi gõ)."""
        with handled():
            from kehoach.schema import stale_schemas, write_schemas

            as_of_date(as_of)

            if check:
                stale = stale_schemas(out)
                for name in stale:
                    echo_err(message_text("schema-stale", path=out / name))
                if stale:
                    raise typer.Exit(1)
                echo_err(message_text("schema-current", path=out))
                return
            for path in write_schemas(out):
                typer.echo(message_text("schema-written", path=path))
