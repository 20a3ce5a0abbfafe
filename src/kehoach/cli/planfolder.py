"""Which plan folder a command works on: the one named, else ./plan or the nearest
parent folder that holds a plan (as git finds its repository).

Every command takes the folder as an argument and as ``--plan DIR``; in a portfolio the
reading commands also take ``--plan KEY`` for one of its plans.
"""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import UsageError
from kehoach.messages import text as message_text

DEFAULT = Path("plan")
MARKERS = ("plan.yaml", "kehoach.yaml")  # a plan, or a portfolio of plans


def holds_plan(folder: Path) -> bool:
    return any((folder / marker).is_file() for marker in MARKERS)


def find_plan(start: Path) -> Path | None:
    """``start/plan``, then ``start`` itself, then the same for each parent folder; the
    folder found relative to *start* when it is inside it."""
    here = start.resolve()
    for folder in (here, *here.parents):
        for candidate in (folder / "plan", folder):
            if holds_plan(candidate):
                try:
                    relative = candidate.relative_to(here)
                except ValueError:
                    return candidate
                return relative if str(relative) != "." else Path(".")
    return None


def discover(value: Path | None) -> Path:
    """The folder to use when the user typed *value* (None or the default ``plan``): the
    default only when it is a plan, else the nearest plan found from here up."""
    if value is not None and value != DEFAULT:
        return value
    if value == DEFAULT and holds_plan(DEFAULT):
        return DEFAULT
    found = find_plan(Path.cwd())
    return found if found is not None else DEFAULT


def _same(one: Path, other: Path) -> bool:
    return one.resolve() == other.resolve()


def plan_target(
    positional: Path | None, option: str | None, *, plan_ids: bool = False
) -> tuple[Path, str | None]:
    """The folder a command works on, and the plan ``--plan`` picks in a portfolio.

    The folder is the argument or ``--plan DIR`` (the same folder twice is fine, two
    different ones a usage error), else ``./plan`` or the nearest parent folder holding
    a plan. Where the command reads a portfolio (*plan_ids*), ``--plan`` that is no plan
    folder names one plan of the portfolio instead (its key, a folder in ``plans/``)."""
    if option is None:
        return discover(positional), None
    alias = Path(option)
    if holds_plan(alias) or not plan_ids:
        if positional is not None and not _same(positional, alias):
            raise UsageError(message_text("two-plan-folders", positional=positional, option=option))
        return alias, None
    root = discover(positional)
    if (root / "kehoach.yaml").is_file():
        return root, option
    if positional is not None:
        raise UsageError(
            message_text("plan-option-not-a-plan", option=option, positional=positional)
        )
    return alias, None  # loading then says the folder is missing


def plan_folder(positional: Path | None, option: str | None) -> Path:
    """:func:`plan_target` for a command that works on one plan folder."""
    return plan_target(positional, option)[0]
