"""The ``kehoach`` command: a Typer app whose commands live one per module."""

from __future__ import annotations

import typer

from kehoach import __version__
from kehoach.cli import launch
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


# Which module registers each command (kehoach.cli.<module>.register), in the order of
# ``kehoach --help``.
COMMANDS: dict[str, str] = {
    "validate": "validate_cmd",
    "tasks": "tasks_cmd",
    "status": "status_cmd",
    "overdue": "overdue_cmd",
    "report": "report_cmd",
    "schema": "schema_cmd",
    "update": "update_cmd",
    "event": "update_cmd",
    "undo": "undo_cmd",
    "log": "undo_cmd",
    "form": "form_cmd",
    "collect": "form_cmd",
    "show": "show_cmd",
    "calendar": "show_cmd",
    "import": "import_cmd",
    "init": "init_cmd",
    "deadline": "deadline_cmd",
}


def _register(only: str | None = None) -> None:
    """Register every command; with *only* (a command's name, see :data:`COMMANDS`),
    just the module that holds it. The console script runs one command: importing every
    command's module and turning them all into click commands was a fifth of the
    instructions of ``kehoach validate --help`` (589 → 456 million under callgrind).
    Which one is chosen by :data:`kehoach.cli.launch.running`, set before this module is
    imported; any other import of it (tests, ``python -c``) registers every command."""
    import importlib

    modules = [COMMANDS[only]] if only in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    for name in modules:
        module = importlib.import_module(f"kehoach.cli.{name}")
        module.register(app)


_register(launch.running)


def main() -> None:
    from kehoach.cli.common import handled
    from kehoach.cli.output import install_safe_streams

    install_safe_streams()
    with handled():  # also what fails outside a command's body (an option's callback)
        app(prog_name="kehoach")
