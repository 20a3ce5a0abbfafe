"""Which plans of a portfolio the git working tree touches (``validate --changed``).

Changed means: differs from ``HEAD`` (staged or not) or is untracked and not ignored.
A change to a shared file (``kehoach.yaml``, ``bodies.yaml``, ``events.yaml``) can
break any plan, so it selects them all; so does a folder that is not a git work tree
or a repository without a first commit, where nothing tells what changed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from kehoach.portfolio.layout import PLANS_DIR


def _git(root: Path, *args: str) -> list[str] | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            check=False,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    text = done.stdout.decode("utf-8", "surrogateescape")
    return [line for line in text.split("\0") if line]


def changed_paths(root: Path) -> list[str] | None:
    """Paths relative to *root* that changed, or None when git cannot tell."""
    tracked = _git(root, "diff", "--name-only", "-z", "--relative", "HEAD", "--", ".")
    untracked = _git(root, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
    if tracked is None or untracked is None:
        return None
    return sorted(set(tracked) | set(untracked))


def changed_plans(root: Path, keys: list[str]) -> set[str] | None:
    """Folder names of the plans to validate; None means every plan."""
    paths = changed_paths(root)
    if paths is None:
        return None
    known = set(keys)
    out: set[str] = set()
    for path in paths:
        parts = path.split("/")
        if len(parts) >= 3 and parts[0] == PLANS_DIR:
            if parts[1] in known:
                out.add(parts[1])
            continue
        if parts[0] in ("kehoach.yaml", "bodies.yaml", "events.yaml"):
            return None
    return out
