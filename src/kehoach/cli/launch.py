"""The ``kehoach`` console script: answer what needs no plan or no new work at once.

``--version`` is printed without importing anything, and a read-only command whose
inputs have not changed since the last run is replayed from :mod:`kehoach.cli.replay`;
everything else goes to the Typer application (:mod:`kehoach.cli.app`), imported
only then.
"""

from __future__ import annotations

import sys

from kehoach import __version__


def _exit_code(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    print(value, file=sys.stderr)
    return 1


def _run_app(argv: list[str]) -> int:
    saved = sys.argv
    sys.argv = ["kehoach", *argv]
    try:
        from kehoach.cli.app import main as app_main

        app_main()
    except SystemExit as done:
        return _exit_code(done.code)
    finally:
        sys.argv = saved
    return 0


def main() -> None:
    argv = sys.argv[1:]
    if argv == ["--version"]:
        sys.stdout.write(f"kehoach {__version__}\n")
        raise SystemExit(0)
    from kehoach.cli.replay import run

    raise SystemExit(run(argv, _run_app))
