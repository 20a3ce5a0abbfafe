"""A small fixed-width table for terminals and pipes.

The status table has one row per body and role: a few hundred rows in a province-wide
repository. rich took longer to lay those out than kehoach took to evaluate the plan,
so the table is drawn here: known column widths, the first column wrapped, ANSI styles
only when asked for.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

RESET = "\x1b[0m"
STYLES = {"bold": "\x1b[1m", "bold red": "\x1b[1;31m", "green": "\x1b[32m"}


@dataclass(frozen=True)
class Cell:
    text: str
    style: str = ""


def styled(text: str, style: str, color: bool) -> str:
    return f"{STYLES[style]}{text}{RESET}" if color and style and text else text


def render_grid(
    headers: list[str],
    rows: list[list[Cell]],
    footer: list[Cell] | None = None,
    *,
    width: int = 80,
    color: bool = False,
) -> list[str]:
    """Lines of a table: the first column is left-aligned and wrapped to what is left of
    *width*; the others are right-aligned. Headers may hold line breaks."""
    head = [h.split("\n") for h in headers]
    height = max(len(h) for h in head)
    head = [[""] * (height - len(h)) + h for h in head]  # bottom-align header lines
    every = [*rows, *([footer] if footer else [])]
    widths = [
        max([len(line) for line in head[i]] + [len(r[i].text) for r in every if i < len(r)])
        for i in range(len(headers))
    ]
    rest = sum(widths[1:]) + 2 * (len(headers) - 1) + 1
    widths[0] = max(12, min(widths[0], width - rest))

    def line(cells: list[Cell], first_lines: list[str] | None = None) -> list[str]:
        first = (
            first_lines
            if first_lines is not None
            else (textwrap.wrap(cells[0].text, widths[0]) or [""])
        )
        out = []
        for index, text in enumerate(first):
            parts = [" " + styled(text.ljust(widths[0]), cells[0].style, color)]
            for column in range(1, len(headers)):
                cell = cells[column] if index == 0 and column < len(cells) else Cell("")
                parts.append(styled(cell.text.rjust(widths[column]), cell.style, color))
            out.append("  ".join(parts).rstrip())
        return out

    lines = []
    for index in range(height):
        cells = [Cell(h[index], "bold") for h in head]
        lines += line(cells, [head[0][index]])
    lines.append(" " + "─" * (sum(widths) + 2 * (len(headers) - 1)))
    for row in rows:
        lines += line(row)
    if footer:
        lines.append("")
        lines += line(footer)
    return lines
