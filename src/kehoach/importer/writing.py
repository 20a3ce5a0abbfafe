"""Write the plan directory: YAML files like the hand-made ones, all or nothing.

Files are written into a hidden temporary directory beside the target and renamed
into place at the end, so a failure never leaves a half-written plan; an existing
directory is replaced only with ``force`` (it is moved aside first and removed last).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import yaml

from kehoach.errors import InputError
from kehoach.importer.assemble import Assembled
from kehoach.messages import os_reason
from kehoach.messages import text as message_text
from kehoach.yamlscalar import needs_quotes

__all__ = ["check_target", "render_files", "write_directory"]

_SCHEMA = "# yaml-language-server: $schema={}"
_WIDTH = 92


class _Flow(dict[str, Any]):
    """A mapping written on one line: ``{section: II, item: 1, line: 26}``."""


class _FlowList(list[str]):
    """A list written on one line: ``[ban-noi-chinh, ubkt]``."""


_Base: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: faster


class _Dumper(_Base):  # type: ignore[valid-type,misc]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    if needs_quotes(value):  # a YAML 1.1 or 1.2 reader would type it: see kehoach.yamlscalar
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if len(value) > _WIDTH - 20:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_mapping("tag:yaml.org,2002:map", v, flow_style=True)
)
_Dumper.add_representer(
    _FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=_WIDTH)


def _comment(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for paragraph in text.split("\n"):
        wrapped = textwrap.wrap(paragraph, _WIDTH - len(indent) - 2) or [""]
        lines += [f"{indent}# {line}".rstrip() for line in wrapped]
    return lines


def _item(data: Any, indent: str = "  ") -> list[str]:
    """*data* as one list item under a key, indented."""
    return [f"{indent}{line}" if line else line for line in _dump([data]).rstrip("\n").split("\n")]


def _styled_task(task: dict[str, Any]) -> dict[str, Any]:
    out = dict(task)
    out["source"] = _Flow(task["source"])
    if "partners" in task:
        out["partners"] = _FlowList(task["partners"])
    if "depends_on" in task:
        out["depends_on"] = {k: _FlowList(v) for k, v in task["depends_on"].items()}
    if "subtasks" in task:
        out["subtasks"] = [_styled_task(t) for t in task["subtasks"]]
    return out


def render_files(result: Assembled, source_name: str) -> dict[str, str]:
    """Relative path → file text, for every file of the plan directory."""
    origin = (
        f"# Nhập tự động từ '{source_name}' bằng 'kehoach import'; hãy đối chiếu với văn bản gốc."
    )
    plan = dict(result.plan)
    sections = plan.pop("sections", [])
    lines = [_SCHEMA.format("../schemas/plan.schema.json"), origin]
    for line, text in result.preamble:
        lines += _comment(f"Lời dẫn ({result.where(line)}): {text}")
    lines += _dump(plan).rstrip("\n").split("\n")
    if sections:
        lines.append("sections:")
        for section in sections:
            lines += (
                _comment("\n".join(result.section_notes.get(section["id"], [])), "  ")
                if (section["id"] in result.section_notes)
                else []
            )
            lines += _item(section)
    if result.unplaced:
        lines.append("")
        for item in result.unplaced:
            where = item.where or result.where(item.line)
            lines += _comment(f"Chưa xếp được ({where}, {item.reason}): {item.text}")
    files = {"plan.yaml": "\n".join(lines) + "\n"}

    files["bodies.yaml"] = (
        "\n".join(
            [
                _SCHEMA.format("../schemas/bodies.schema.json"),
                origin,
                "bodies:" if result.bodies else "bodies: []",
                *(line for body in result.bodies for line in _item(body)),
            ]
        )
        + "\n"
    )
    events = [_SCHEMA.format("../schemas/events.schema.json"), origin]
    if result.events:
        events += ['# Các sự kiện mà nhiệm vụ "thực hiện sau khi …" phải chờ.', "events:"]
        events += [line for event in result.events for line in _item(event)]
    else:
        events.append("events: []")
    files["events.yaml"] = "\n".join(events) + "\n"

    for body, tasks in result.tasks.items():
        lines = [
            _SCHEMA.format("../../schemas/tasks.schema.json"),
            *_comment(f"Nhiệm vụ giao cho {result.body_names.get(body, body)}"),
            f"body: {body}",
            "tasks:",
        ]
        section = None
        for section_id, task in tasks:
            if section_id != section:
                lines.append(f"  # Mục {section_id}")
                section = section_id
            lines += _item(_styled_task(task))
        files[f"tasks/{body}.yaml"] = "\n".join(lines) + "\n"
    return files


def check_target(out: Path, force: bool) -> None:
    """Refuse to replace an existing directory without *force*, or to replace a file."""
    if out.exists() or out.is_symlink():
        if not out.is_dir():
            raise InputError(message_text("import-out-not-dir", out=out))
        if not force:
            raise InputError(message_text("import-out-exists", out=out))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


STALE_AFTER = 3600.0  # seconds: an import takes seconds, so an older hidden copy is a leftover


def _remove_stale(parent: Path, name: str) -> None:
    """Remove the hidden copies (``.<name>.XXXX.tmp`` / ``.old``) a killed import left,
    once they are an hour old (a younger one may belong to an import still running)."""
    cutoff = time.time() - STALE_AFTER
    for stale in [*parent.glob(f".{name}.*.tmp"), *parent.glob(f".{name}.*.old")]:
        with contextlib.suppress(OSError):
            if stale.is_dir() and not stale.is_symlink() and stale.stat().st_mtime < cutoff:
                shutil.rmtree(stale, ignore_errors=True)


def write_directory(files: dict[str, str], out: Path, force: bool) -> None:
    """Write *files* under *out* all at once (see the module docstring)."""
    check_target(out, force)
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            message_text("import-mkdir-failed", parent=parent, reason=os_reason(exc))
        ) from exc
    _remove_stale(parent, out.name)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise InputError(
            message_text("import-write-failed", parent=parent, reason=os_reason(exc))
        ) from exc
    old: Path | None = None
    try:
        for name, text in files.items():
            _write(tmp / name, text)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=parent))
            os.replace(out, old / "plan")
        os.replace(tmp, out)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and (old / "plan").exists() and not out.exists():
            os.replace(old / "plan", out)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        if isinstance(exc, OSError):
            raise InputError(
                message_text("import-write-dir-failed", out=out, reason=os_reason(exc))
            ) from exc
        raise
    if old is not None:
        with contextlib.suppress(OSError):
            shutil.rmtree(old)
