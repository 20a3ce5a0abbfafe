"""Why an edit was not made. Every refusal leaves the plan files untouched."""

from __future__ import annotations

from kehoach.errors import KehoachError, Problem


class EditError(KehoachError):
    """The edit was refused or could not be made safely (exit 1)."""

    exit_code = 1


class EditRefused(EditError):
    """The edited plan would break a rule; carries the new problems, with positions."""

    def __init__(self, intro: str, problems: list[Problem]) -> None:
        lines = [intro, *(problem.render() for problem in problems)]
        super().__init__("\n".join(lines))
        self.problems = problems


class LockBusy(EditError):
    """Another command is writing the same plan and did not finish in time."""


class FileChanged(EditError):
    """The file changed on disk between our read and our write."""


class NotFound(KehoachError):
    """No task or event with that id (a usage error, exit 2)."""

    exit_code = 2
