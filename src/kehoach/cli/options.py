"""The options commands share, declared once: the plan folder, ``--as-of``, ``--width``,
``--format``, ``--body``, ``--output``, the report period, ``--cutoff``, ``--lang`` …

A command module lists the ones it takes in its signature, then parses, calls one
function of :mod:`kehoach.app`, renders and maps errors. Options with a fixed set of
values check them here, while the command line is read (exit 2, in Vietnamese).

Nothing heavy is imported here: ``--help`` must start fast.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer

from kehoach.cli.common import choice


def one_of(allowed: tuple[str, ...], option: str) -> Callable[[str | None], str | None]:
    """A callback refusing a value of *option* outside *allowed* (None: not given)."""

    def check(value: str | None) -> str | None:
        return value if value is None else choice(value, allowed, option)

    return check


def format_option(allowed: tuple[str, ...], default: str) -> Any:
    """``--format``/``-f`` taking one of *allowed* (the help lists them)."""
    return typer.Option(
        default,
        "--format",
        "-f",
        metavar="DẠNG",
        help="|".join(allowed),
        callback=one_of(allowed, "--format"),
    )


# ------------------------------------------------------------------ the plan folder
PlanArg = Annotated[
    Path | None,
    typer.Argument(
        help="Thư mục kế hoạch (mặc định: plan, hoặc thư mục cha gần nhất có kế hoạch; "
        "như --plan).",
        show_default=False,
        metavar="[THƯ_MỤC]",
    ),
]
PlanOption = Annotated[
    str | None,
    typer.Option(
        "--plan",
        metavar="THƯ_MỤC",
        help="Thư mục kế hoạch, như đối số THƯ_MỤC.",
        show_default=False,
    ),
]
PlanOrKey = Annotated[  # the reading commands: in a portfolio --plan may name one plan
    str | None,
    typer.Option(
        "--plan",
        metavar="THƯ_MỤC",
        help="Thư mục kế hoạch, như đối số THƯ_MỤC (thư mục nhiều kế hoạch: có thể là mã "
        "một kế hoạch trong plans/).",
        show_default=False,
    ),
]

# ------------------------------------------------------------------ the day and period
AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="NGÀY",
        help="Tính đến ngày (2019-06-30 hoặc 30/6/2019); mặc định: hôm nay.",
        show_default=False,
    ),
]
# Every command takes --as-of, so that a script can pass one day to all of them; where the
# result does not depend on the day, the date is still checked.
AsOfUnused = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="NGÀY",
        help="Nhận như mọi lệnh khác (ngày vẫn được kiểm tra); kết quả của lệnh này không "
        "phụ thuộc ngày.",
        show_default=False,
    ),
]
CUTOFFS = ("calendar", "nd09")
Cutoff = Annotated[
    str,
    typer.Option(
        "--cutoff",
        metavar="KỲ",
        help="calendar (kỳ theo lịch) | nd09 (kỳ chốt số liệu NĐ 09/2019).",
        callback=one_of(CUTOFFS, "--cutoff"),
    ),
]
Quarter = Annotated[
    str | None,
    typer.Option("--quarter", metavar="KỲ", help="Quý, ví dụ 2019-Q3.", show_default=False),
]
Half = Annotated[
    str | None,
    typer.Option("--half", metavar="KỲ", help="6 tháng, ví dụ 2019-H1.", show_default=False),
]
Year = Annotated[
    str | None,
    typer.Option("--year", metavar="NĂM", help="Năm, ví dụ 2019.", show_default=False),
]


# ------------------------------------------------------------------ what is shown
Lang = Annotated[
    str,
    typer.Option(
        "--lang", metavar="NGÔN_NGỮ", help="vi | en", callback=one_of(("vi", "en"), "--lang")
    ),
]
BodyOpt = Annotated[
    str | None,
    typer.Option(
        "--body",
        metavar="MÃ",
        help="Chỉ một cơ quan (mã hoặc tên; việc chủ trì và phối hợp).",
        show_default=False,
    ),
]
ByOpt = Annotated[
    str | None,
    typer.Option(
        "--by",
        metavar="THEO",
        help="Thư mục nhiều kế hoạch: plan (mỗi kế hoạch một dòng) | body (mỗi cơ quan một dòng).",
        show_default=False,
        callback=one_of(("plan", "body"), "--by"),
    ),
]
WidthOpt = Annotated[
    int | None,
    typer.Option(
        "--width",
        metavar="SỐ_CỘT",
        help="Độ rộng bảng (mặc định: độ rộng cửa sổ dòng lệnh; 80 khi ghi ra tệp hay ống); "
        "dưới 80 cột bảng thành danh sách.",
        min=20,
        max=1000,
        show_default=False,
    ),
]
OutputFile = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="TỆP",
        help="Ghi ra tệp (bắt buộc với docx, xlsx).",
        show_default=False,
    ),
]
NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Không dùng bộ nhớ đệm, đọc lại mọi tệp."),
]
DryRun = Annotated[bool, typer.Option("--dry-run", help="Chỉ in thay đổi sẽ ghi, không ghi gì.")]
