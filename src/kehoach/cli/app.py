"""The ``kehoach`` command: a Typer app whose commands live one per module."""

from __future__ import annotations

import typer

from kehoach import __version__
from kehoach.cli.vietnamese import install
from kehoach.messages import text as message_text

install()

app = typer.Typer(
    name="kehoach",
    help="Theo dõi kế hoạch thực hiện nghị quyết: kiểm tra tệp, thời hạn, tình hình, báo cáo.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(message_text("version", version=__version__))
        raise typer.Exit(0)


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", help="In phiên bản rồi thoát.", callback=_version, is_eager=True
    ),
) -> None:
    """Theo dõi kế hoạch thực hiện nghị quyết: kiểm tra tệp, thời hạn, tình hình, báo cáo."""
    from kehoach.cli.output import install_safe_streams

    install_safe_streams()


def _register() -> None:
    from kehoach.cli import (
        form_cmd,
        import_cmd,
        init_cmd,
        overdue_cmd,
        report_cmd,
        schema_cmd,
        show_cmd,
        status_cmd,
        tasks_cmd,
        undo_cmd,
        update_cmd,
        validate_cmd,
    )

    for module in (
        validate_cmd,
        tasks_cmd,
        status_cmd,
        overdue_cmd,
        report_cmd,
        schema_cmd,
        update_cmd,
        undo_cmd,
        form_cmd,
        show_cmd,
        import_cmd,
        init_cmd,
    ):
        module.register(app)
    try:
        from kehoach.cli import deadline_cmd
    except ImportError:  # pragma: no cover - while the deadline engine is being built
        return
    deadline_cmd.register(app)


_register()


def main() -> None:
    from kehoach.cli.common import handled
    from kehoach.cli.output import install_safe_streams

    install_safe_streams()
    with handled():  # also what fails outside a command's body (an option's callback)
        app(prog_name="kehoach")
