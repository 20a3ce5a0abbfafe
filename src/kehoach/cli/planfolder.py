"""Which plan folder a command works on: the one named, else ./plan or the nearest
parent folder that holds a plan (as git finds its repository).

Every command takes the folder as an argument; ``update``, ``event``, ``undo``, ``log``,
``form``, ``collect``, ``show`` and ``calendar`` also take ``--plan DIR``. (In the reading
commands ``--plan`` names one plan of a portfolio instead.)
"""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import UsageError

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


def plan_folder(positional: Path | None, option: Path | None) -> Path:
    """The folder given as an argument or with ``--plan`` (not both, unless the same),
    else the nearest plan found from the current folder up."""
    if positional is not None and option is not None and positional != option:
        raise UsageError(
            f"Hai thư mục kế hoạch khác nhau: '{positional}' và --plan '{option}'; hãy chọn một."
        )
    return discover(positional if positional is not None else option)
