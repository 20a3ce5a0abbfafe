"""How wide tables are: ``--width N``, else the terminal's width, else 80 (pipes and files
keep the stable 80-column layout). Below 80 columns a table is printed as a list
(:func:`kehoach.render.textgrid.table_or_list`)."""

from __future__ import annotations

import shutil
import sys

from kehoach.render.textgrid import PIPE


def output_width(given: int | None) -> int:
    if given is not None:
        return given
    if sys.stdout.isatty():
        return max(20, shutil.get_terminal_size((PIPE, 24)).columns)
    return PIPE
