"""`overdue` follows --width like `status` and `tasks`: wider tables show more of each name;
piped output keeps the stable 80-column layout."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kehoach.cli.app import app

ARGS = ["overdue", "--as-of", "2019-09-30", "--no-cache"]


def test_piped_output_keeps_80_columns(shipped_plan: Path) -> None:
    result = CliRunner().invoke(app, [ARGS[0], str(shipped_plan), *ARGS[1:]])
    assert result.exit_code == 0
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_wide_table_shows_more_of_each_name(shipped_plan: Path) -> None:
    narrow = CliRunner().invoke(app, [ARGS[0], str(shipped_plan), *ARGS[1:]])
    wide = CliRunner().invoke(app, [ARGS[0], str(shipped_plan), *ARGS[1:], "--width", "160"])
    assert wide.exit_code == 0
    assert 80 < max(len(line) for line in wide.stdout.splitlines()) <= 160
    # the same rows, in fewer lines: each name needs fewer folds
    assert wide.stdout.count("ngày\n") == narrow.stdout.count("ngày\n")
    assert len(wide.stdout.splitlines()) < len(narrow.stdout.splitlines())
