"""How wide tables are: ``--width N``, else the terminal's width, else 80 (pipes and files
keep today's stable 80-column layout)."""

from __future__ import annotations

import shutil
import sys
from typing import Annotated

import typer

NARROW = 80  # below this a table becomes a list: one block per row instead of columns
PIPE = 80

WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        metavar="SỐ_CỘT",
        help="Độ rộng bảng (mặc định: độ rộng cửa sổ dòng lệnh; 80 khi ghi ra tệp hay ống).",
        min=20,
        max=1000,
        show_default=False,
    ),
]


def output_width(given: int | None) -> int:
    if given is not None:
        return given
    if sys.stdout.isatty():
        return max(20, shutil.get_terminal_size((PIPE, 24)).columns)
    return PIPE
