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

    ``line`` and ``col`` are 1-based; 0 means the position is unknown (the whole file).
    Ordering is by path, then position, so reports are stable.
    """

    path: str
    line: int
    col: int
    message: str
    code: str = "invalid"

    def render(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class PlanInvalid(KehoachError):
    """The plan loaded but breaks the rules; carries every problem found."""

    exit_code = 1

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"Kế hoạch có {len(problems)} lỗi.")
        self.problems = sorted(problems)
