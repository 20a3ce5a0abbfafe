"""Vietnamese for the parts of the command line that Typer's bundled click writes itself:
help headings, the usage line and usage errors.

Typer 0.28 vendors click with its English strings hard-coded (no gettext), so the only
way to speak Vietnamese there is to give click our own help formatter and error display.
Both are installed once, by :func:`install`, from ``kehoach.cli.app``.
"""

from __future__ import annotations

import re
from typing import IO, Any

from typer import core as typer_core
from typer._click import exceptions, formatting
from typer._click._compat import get_text_stderr
from typer._click.core import Context
from typer._click.utils import echo

from kehoach.messages import text as message_text
from kehoach.text import neutralise

HEADINGS = {"Arguments": "Tham số", "Options": "Tùy chọn", "Commands": "Lệnh"}
HELP_TEXT = {
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
}
_ERRORS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '(.+)'\.$"), "Thiếu tham số '{0}'."),
    (re.compile(r"^Missing option '(.+?)'\.?(.*)$"), "Thiếu tùy chọn '{0}'."),
    (
        re.compile(r"^No such command '(.+)'\. Did you mean '(.+)'\?$"),
        "Không có lệnh '{0}'. Có phải ý bạn là '{1}'?",
    ),
    (re.compile(r"^No such command '(.+)'\.$"), "Không có lệnh '{0}'."),
    (
        re.compile(r"^No such option: (\S+) Did you mean (\S+)\?$"),
        "Không có tùy chọn {0}. Có phải ý bạn là {1}?",
    ),
    (
        re.compile(r"^No such option: (\S+) \(Possible options: (.+)\)$"),
        "Không có tùy chọn {0}. Có phải ý bạn là {1}?",
    ),
    (re.compile(r"^No such option: (\S+)$"), "Không có tùy chọn {0}."),
    (
        re.compile(r"^Invalid value for '(.+)': '(.*)' is not a valid int(?:eger)?\.$"),
        "Giá trị '{1}' không hợp lệ cho '{0}': cần một số nguyên.",
    ),
    (  # typer's min= and max=: "0 is not in the range 20<=x<=1000."
        re.compile(r"^Invalid value for '(.+)': (\S+) is not in the range (\S+)<=x<=(\S+)\.$"),
        "Giá trị '{1}' không hợp lệ cho '{0}': cần một số từ {2} đến {3}.",
    ),
    (
        re.compile(r"^Invalid value for '(.+)': (\S+) is not in the range x>=(\S+)\.$"),
        "Giá trị '{1}' không hợp lệ cho '{0}': cần một số từ {2} trở lên.",
    ),
    (
        re.compile(r"^Invalid value for '(.+)': (\S+) is not in the range x<=(\S+)\.$"),
        "Giá trị '{1}' không hợp lệ cho '{0}': cần một số không quá {2}.",
    ),
    (re.compile(r"^Invalid value for '(.+)': (.*)$"), "Giá trị không hợp lệ cho '{0}': {1}"),
    (re.compile(r"^Option '(.+)' requires an argument\.$"), "Tùy chọn '{0}' cần một giá trị."),
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)$"), "Thừa tham số: {0}."),
]


def translate_error(message: str) -> str:
    for pattern, template in _ERRORS:
        match = pattern.match(message.strip())
        if match:
            groups = list(match.groups())
            if "Possible options" in pattern.pattern:  # click lists them all: name the nearest
                from difflib import get_close_matches

                options = groups[1].split(", ")
                groups[1] = (get_close_matches(groups[0], options, n=1, cutoff=0) or options)[0]
            return template.format(*groups)
    return message


def _translate_help(text: str) -> str:
    text = HELP_TEXT.get(text, text)
    return (
        text.replace("[default: ", "[mặc định: ")
        .replace("[required]", "[bắt buộc]")
        .replace("  [default: ", "  [mặc định: ")
    )


class VietnameseHelpFormatter(formatting.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[TÙY_CHỌN]").replace(
            "COMMAND [ARGS]...", "LỆNH [THAM_SỐ]..."
        )
        super().write_usage(prog, args, "Cách dùng: " if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        super().write_heading(HEADINGS.get(heading, heading))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl(
            [(term, _translate_help(text)) for term, text in rows], col_max, col_spacing
        )


class VietnameseContext(Context):
    formatter_class = VietnameseHelpFormatter


def _show(self: exceptions.UsageError, file: IO[Any] | None = None) -> None:
    """Like click's UsageError.show, in Vietnamese."""
    stream = file if file is not None else get_text_stderr()
    color = None
    if self.ctx is not None:
        color = self.ctx.color
        hint = ""
        if self.ctx.command.get_help_option(self.ctx) is not None:
            help_command = f"{self.ctx.command_path} {self.ctx.help_option_names[0]}"
            hint = message_text("usage-help-hint", command=help_command) + "\n"
        echo(f"{self.ctx.get_usage()}\n{hint}", file=stream, color=color)
    message = neutralise(translate_error(self.format_message()))
    echo(message_text("usage-error", message=message), file=stream, color=color)


def install() -> None:
    typer_core.TyperCommand.context_class = VietnameseContext
    typer_core.TyperGroup.context_class = VietnameseContext
    exceptions.UsageError.show = _show  # type: ignore[method-assign]
