"""Small portfolios for tests: a kehoach.yaml, shared registries and plans from planbuilder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.planbuilder import PLAN, build_plan

SHARED_BODIES = [
    {"id": "ban-to-chuc", "name": "Ban Tổ chức Tỉnh ủy"},
    {"id": "so-noi-vu", "name": "Sở Nội vụ"},
    {"id": "ban-tuyen-giao", "name": "Ban Tuyên giáo Tỉnh ủy"},
]


def dump(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def build_portfolio(
    root: Path,
    plans: dict[str, list[dict[str, Any]]],
    *,
    bodies: list[dict[str, Any]] | None = None,
    events: list[dict[str, Any]] | None = None,
    config: dict[str, Any] | None = None,
) -> Path:
    """A portfolio whose plans (folder name → tasks of ban-to-chuc) use only shared bodies."""
    dump(root / "kehoach.yaml", config or {"office": "Văn phòng Tỉnh ủy"})
    dump(root / "bodies.yaml", {"bodies": SHARED_BODIES if bodies is None else bodies})
    dump(root / "events.yaml", {"events": events or []})
    for key, tasks in plans.items():
        plan_dir = root / "plans" / key
        build_plan(plan_dir, tasks)
        dump(plan_dir / "plan.yaml", {**PLAN, "id": key})
        (plan_dir / "bodies.yaml").unlink()  # the shared registry is enough
    return root
