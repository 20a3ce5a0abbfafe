"""JSON Schema of the plan files, generated from the models (schemas/ is its output)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from kehoach.atomic import write_atomic
from kehoach.model import BodiesFile, EventsFile, PlanInfo, TaskFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "plan.schema.json": (PlanInfo, "Kế hoạch: số hiệu, tên, cơ quan ban hành, nhiệm kỳ"),
    "bodies.schema.json": (BodiesFile, "Danh mục cơ quan, đơn vị"),
    "events.schema.json": (EventsFile, "Các sự kiện mà nhiệm vụ 'sau khi …' chờ đợi"),
    "tasks.schema.json": (TaskFile, "Nhiệm vụ của một cơ quan"),
}


def schema_documents() -> dict[str, str]:
    """File name → JSON text, byte-stable so a stale committed schema shows in a diff."""
    out = {}
    for name, (model, title) in SCHEMAS.items():
        schema: dict[str, Any] = model.model_json_schema()
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": name,
            "title": title,
            **{k: v for k, v in schema.items() if k != "title"},
        }
        out[name] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return out


def stale_schemas(folder: Path) -> list[str]:
    """Names of the schema files in *folder* that differ from the models."""
    stale = []
    for name, text in schema_documents().items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_documents().items():
        path = folder / name
        write_atomic(path, text)
        written.append(path)
    return written
