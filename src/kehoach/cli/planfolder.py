"""Which plan folder a command works on: the one named, else ./plan or the nearest
parent folder that holds a plan (as git finds its repository)."""

from __future__ import annotations

from pathlib import Path

from kehoach.errors import UsageError

DEFAULT = Path("plan")


def is_plan(folder: Path) -> bool:
    return (folder / "plan.yaml").is_file()


def find_plan(start: Path) -> Path | None:
    """``start/plan``, ``start`` itself, then the same for each parent folder."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if is_plan(folder / "plan"):
            return folder / "plan" if folder != here else DEFAULT
        if is_plan(folder):
            return folder if folder != here else Path(".")
    return None


def plan_folder(positional: Path | None, option: Path | None) -> Path:
    """The folder given as an argument or with ``--plan`` (not both, unless the same),
    else the nearest plan found from the current folder up."""
    if positional is not None and option is not None and positional != option:
        raise UsageError(
            f"Hai thư mục kế hoạch khác nhau: '{positional}' và --plan '{option}'; hãy chọn một."
        )
    given = positional if positional is not None else option
    if given is not None:
        return given
    found = find_plan(Path.cwd())
    return found if found is not None else DEFAULT
