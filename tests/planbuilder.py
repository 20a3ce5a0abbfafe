"""Build small plan directories for tests: a plan, a registry and a few tasks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

PLAN = {
    "id": "kh-test",
    "title": "Kế hoạch thử nghiệm",
    "issuer": "Ban Thường vụ Tỉnh ủy",
    "issued": "2018-06-06",
    "term": {"label": "Nhiệm kỳ 2015 – 2020", "start": "2015-01-01", "end": "2020-12-31"},
    "lead_time_days": 90,
    "sections": [
        {
            "id": "II",
            "title": "NHIỆM VỤ THƯỜNG XUYÊN",
            "default_deadline": "thực hiện thường xuyên",
        },
        {"id": "III", "title": "NHIỆM VỤ CỤ THỂ"},
    ],
}
BODIES = {
    "bodies": [
        {"id": "ban-to-chuc", "name": "Ban Tổ chức Tỉnh ủy"},
        {"id": "so-noi-vu", "name": "Sở Nội vụ"},
        {"id": "ban-tuyen-giao", "name": "Ban Tuyên giáo Tỉnh ủy"},
    ]
}


def build_plan(
    root: Path,
    tasks: list[dict[str, Any]],
    *,
    events: list[dict[str, Any]] | None = None,
    body: str = "ban-to-chuc",
    other_files: dict[str, list[dict[str, Any]]] | None = None,
) -> Path:
    """Write a plan directory with *tasks* in one body file; returns the directory."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "tasks").mkdir(exist_ok=True)

    def dump(path: Path, data: Any) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    dump(root / "plan.yaml", PLAN)
    dump(root / "bodies.yaml", BODIES)
    dump(root / "events.yaml", {"events": events or []})
    for task in tasks:
        task.setdefault("title", f"Nhiệm vụ {task['id']}")
        task.setdefault("source", {"section": "III"})
    dump(root / "tasks" / f"{body}.yaml", {"body": body, "tasks": tasks})
    for other, other_tasks in (other_files or {}).items():
        for task in other_tasks:
            task.setdefault("title", f"Nhiệm vụ {task['id']}")
        dump(root / "tasks" / f"{other}.yaml", {"body": other, "tasks": other_tasks})
    return root


def done(day: str, **extra: Any) -> dict[str, Any]:
    return {"date": day, "status": "hoàn thành", **extra}


def progress(day: str, **extra: Any) -> dict[str, Any]:
    return {"date": day, "status": "đang thực hiện", **extra}


def subtask(ident: str, deadline: str = "", **more: Any) -> dict[str, Any]:
    """A sub-task entry; its recorded status follows its last history entry."""
    history = more.get("history", [])
    status = history[-1]["status"] if history else "chưa thực hiện"
    return {
        "id": ident,
        "title": f"Nhiệm vụ {ident}",
        "deadline": deadline,
        "status": status,
    } | more
