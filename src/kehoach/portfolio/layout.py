"""Where things are in a portfolio, and what kind of folder a path is.

A portfolio is a folder with ``kehoach.yaml``, the shared ``bodies.yaml`` and
``events.yaml`` and one plan directory per plan under ``plans/<plan-id>/``. A plan
directory outside a portfolio is a lone plan and works exactly as it always has.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kehoach.errors import InputError
from kehoach.messages import text as message_text

CONFIG_FILE = "kehoach.yaml"
PLANS_DIR = "plans"
BODIES_FILE = "bodies.yaml"
EVENTS_FILE = "events.yaml"
PLAN_FILE = "plan.yaml"


@dataclass(frozen=True)
class Location:
    """What a path given on the command line is.

    ``kind`` is ``portfolio`` for a portfolio root, ``plan`` for a plan directory;
    ``portfolio`` is the root of the portfolio a plan directory belongs to, if any.
    """

    kind: Literal["plan", "portfolio"]
    path: Path
    portfolio: Path | None


def is_portfolio(path: Path) -> bool:
    return (path / CONFIG_FILE).is_file()


def portfolio_of(plan_dir: Path) -> Path | None:
    """The portfolio root *plan_dir* sits in (``<root>/plans/<id>``), or None."""
    parent = plan_dir.absolute().parent
    if parent.name != PLANS_DIR:
        return None
    root = parent.parent
    return root if is_portfolio(root) else None


def locate(path: Path) -> Location:
    """Classify *path*; raise InputError when it is neither a plan nor a portfolio."""
    if not path.exists():
        raise InputError(message_text("missing-plan-dir", root=path))
    if not path.is_dir():
        raise InputError(message_text("not-plan-dir", root=path))
    if is_portfolio(path):
        return Location("portfolio", path, path)
    # Any entry named plan.yaml (a folder, a FIFO, a broken link) makes this a plan folder
    # whose loader says what is wrong with it, not "there is no plan.yaml".
    if os.path.lexists(path / PLAN_FILE):
        root = portfolio_of(path)
        if root is not None and path.is_absolute() is False:
            root = _relative(root)
        return Location("plan", path, root)
    raise InputError(
        message_text(
            "not-plan-or-portfolio", path=path, plan_file=PLAN_FILE, config_file=CONFIG_FILE
        )
    )


def _relative(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def shared_files(root: Path) -> list[Path]:
    """The portfolio's own files that every plan reads (those that exist)."""
    return [p for p in (root / n for n in (CONFIG_FILE, BODIES_FILE, EVENTS_FILE)) if p.is_file()]


def plan_dirs(root: Path) -> list[Path]:
    """Every plan directory of the portfolio at *root*, sorted by id (folder name)."""
    plans = root / PLANS_DIR
    if not plans.is_dir():
        return []
    return sorted(
        (p for p in plans.iterdir() if p.is_dir() and not p.name.startswith(".")),
        key=lambda p: p.name,
    )
