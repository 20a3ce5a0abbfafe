"""Our own errors and problems.

A *problem* is a finding about the plan (reported, collected, never raised one at a
time, as beancount does); an *error* stops a command. Each error class carries its
exit code, so the CLI layer maps failures to exit codes in one place.
"""

from __future__ import annotations

from dataclasses import dataclass


class KehoachError(Exception):
    """Base of every error we raise on purpose; the message is for the user (Vietnamese)."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(KehoachError):
    """Unreadable or unusable input: a missing folder, a file that is not a plan."""

    exit_code = 2


class UsageError(KehoachError):
    """An option or argument the command cannot use (a bad value, a missing choice)."""

    exit_code = 2


class UnknownName(InputError):
    """A name given on the command line (a body, a task, a period) that the plan lacks."""

    exit_code = 2


class DeadlineParseError(KehoachError):
    """A deadline text the engine could not understand; names the part it could not read."""

    exit_code = 1

    def __init__(self, message: str, text: str, start: int = 0, end: int | None = None) -> None:
        super().__init__(message)
        self.text = text
        self.start = start
        self.end = len(text) if end is None else end


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about a plan file, rendered as ``path:line:col: message``.

    ``line`` and ``col`` are 1-based; 0 means the problem is about the whole file (or
    folder entry), rendered ``path: message`` without a position.
    Ordering is by path, then position, so reports are stable.
    """

    path: str
    line: int
    col: int
    message: str
    code: str = "invalid"
    severity: str = "error"  # "error" (the plan is refused) | "warning" (it is not)

    @property
    def is_warning(self) -> bool:
        return self.severity == "warning"

    def render(self) -> str:
        tag = "cảnh báo: " if self.is_warning else ""
        if self.line <= 0:
            return f"{self.path}: {tag}{self.message}"
        return f"{self.path}:{self.line}:{self.col}: {tag}{self.message}"


class PlanInvalid(KehoachError):
    """The plan breaks the rules (or could not be read as a whole), so it is not reported
    on; carries every problem found, for the caller to show."""

    exit_code = 1
    SHOWN = 50  # how many problems a command prints before its message

    def __init__(self, problems: list[Problem]) -> None:
        more = f" (hiển thị {self.SHOWN} lỗi đầu tiên)" if len(problems) > self.SHOWN else ""
        super().__init__(
            f"Kế hoạch có {len(problems)} lỗi{more}; hãy chạy 'kehoach validate' và sửa trước."
        )
        self.problems = sorted(problems)
