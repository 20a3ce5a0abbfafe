"""``kehoach import DOC --into PORTFOLIO``: a new plan in ``plans/<id>/`` whose bodies are
the portfolio's.

Each body the document names is looked up in the shared registry by its name, short
name and aliases (see :mod:`kehoach.portfolio.names`: no diacritics, case, spacing, tone
placement, abbreviations). A match takes the shared id everywhere in the new plan. A
body not found is added to the shared registry, so the next plan finds it, and is
listed for a person to confirm — with the registered bodies it is *likely* to be (a
name that differs by a word or two), which a person merges by hand if they are one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kehoach.atomic import write_atomic
from kehoach.errors import InputError
from kehoach.importer import ImportResult, Unplaced, check_plan_id, default_plan_id
from kehoach.importer.assemble import Assembled
from kehoach.messages import text as message_text
from kehoach.portfolio.layout import BODIES_FILE, PLANS_DIR
from kehoach.portfolio.names import Candidate, NameIndex
from kehoach.portfolio.shared import forget


@dataclass
class BodyMatch:
    """One body of the imported document and what it became in the portfolio."""

    name: str
    draft_id: str  # the id the importer gave it
    body_id: str  # the id the plan uses now
    new: bool  # added to the shared registry by this import
    likely: list[Candidate] = field(default_factory=list)
    plan: str | None = None  # matched a body registered only in this other plan


@dataclass
class IntoResult:
    imported: ImportResult
    bodies: list[BodyMatch]

    @property
    def matched(self) -> list[BodyMatch]:
        return [b for b in self.bodies if not b.new]

    @property
    def added(self) -> list[BodyMatch]:
        return [b for b in self.bodies if b.new]


def _names(body: dict[str, Any]) -> list[str]:
    return [
        str(body.get("name") or ""),
        str(body.get("short") or ""),
        *[str(a) for a in body.get("aliases", [])],
    ]


def _free_id(wanted: str, taken: set[str]) -> str:
    ident, n = wanted, 2
    while ident in taken:
        ident, n = f"{wanted}-{n}", n + 1
    return ident


def match_bodies(
    result: Assembled, index: NameIndex, taken: set[str], local: dict[str, str] | None = None
) -> list[BodyMatch]:
    """Decide the portfolio id of every body of *result* (which is not changed here).

    *local* maps the ids of bodies registered only in another plan to that plan: a body
    matched there becomes shared (added to the shared registry under the same id)."""
    local = local or {}
    out = []
    for body in result.bodies:
        names = _names(body)
        found = index.find(names)
        if found is not None:
            out.append(
                BodyMatch(
                    body["name"], body["id"], found, new=found in local, plan=local.get(found)
                )
            )
            if found in local:
                del local[found]  # shared from now on: added once
            continue
        likely = index.likely(body["name"])
        ident = _free_id(body["id"], taken)
        taken.add(ident)
        index.add(ident, names, body["name"])
        out.append(BodyMatch(body["name"], body["id"], ident, new=True, likely=likely))
    return out


def _remap_task(task: dict[str, Any], ids: dict[str, str]) -> None:
    if "partners" in task:
        partners: list[str] = []
        for ref in task["partners"]:
            mapped = ids.get(ref, ref)
            if mapped not in partners:
                partners.append(mapped)
        task["partners"] = partners
    for sub in task.get("subtasks", []):
        _remap_task(sub, ids)


def apply_ids(result: Assembled, matches: list[BodyMatch], shared_events: set[str]) -> None:
    """Rewrite *result* to use the portfolio's ids; its own registry keeps nothing shared."""
    ids = {m.draft_id: m.body_id for m in matches}
    tasks: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for body, entries in result.tasks.items():
        own = ids.get(body, body)
        for _, task in entries:
            _remap_task(task, ids)
            if own in task.get("partners", []):
                task["partners"].remove(own)
                if not task["partners"]:
                    del task["partners"]
        tasks.setdefault(own, []).extend(entries)
    result.tasks = tasks
    result.body_names = {m.body_id: m.name for m in matches}
    result.bodies = []
    result.events = [e for e in result.events if e.get("id") not in shared_events]


_SCHEMA_LINE = re.compile(r"^(# yaml-language-server: \$schema=)", re.MULTILINE)


def _deeper(text: str) -> str:
    """The files sit one folder deeper than in a lone plan: ``schemas/`` is at the root."""
    return _SCHEMA_LINE.sub(r"\g<1>../", text, count=1)


def _body_entry(body: dict[str, Any]) -> list[str]:
    dumped = yaml.safe_dump([body], allow_unicode=True, sort_keys=False, width=88)
    return ["  " + line if line else line for line in dumped.rstrip("\n").split("\n")]


def append_bodies(path: Path, bodies: list[dict[str, Any]], note: str) -> None:
    """Add *bodies* at the end of the shared ``bodies.yaml``, keeping every line there."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(message_text("shared-bodies-unreadable", path=path)) from exc
    data = yaml.safe_load(text) if text.strip() else None
    listed = data.get("bodies") if isinstance(data, dict) else None
    if not isinstance(data, dict) or not isinstance(listed, list):
        raise InputError(message_text("shared-bodies-bad-shape", path=path))
    if not listed:
        text, n = re.subn(r"(?m)^bodies:[ \t]*\[\][ \t]*(#.*)?$", "bodies:", text, count=1)
        if n != 1:
            raise InputError(message_text("shared-bodies-flow", path=path))
    lines = [f"  # {note}"]
    for body in bodies:
        lines += _body_entry(body)
    if not text.endswith("\n"):
        text += "\n"
    write_atomic(path, text + "\n".join(lines) + "\n")
    forget()


def import_into(
    document: Path,
    root: Path,
    *,
    plan_id: str | None = None,
    force: bool = False,
    today: dt.date | None = None,
) -> IntoResult:
    """Import *document* as ``<root>/plans/<id>/`` using and extending the shared registry."""
    from kehoach.importer import assemble_document, read_document
    from kehoach.importer.writing import check_target, render_files, write_directory
    from kehoach.portfolio.load import load_registries

    portfolio, _ = load_registries(root)
    shared = portfolio.shared
    if shared.problems:
        first = shared.problems[0]
        raise InputError(
            message_text("shared-catalogue-invalid", problem=first.render(), root=root)
        )
    ident = plan_id or default_plan_id(document)
    check_plan_id(ident)
    target = root / PLANS_DIR / ident
    check_target(target, force)
    result = assemble_document(read_document(document), ident, document.name)
    originals = {b["id"]: dict(b) for b in result.bodies}
    index = NameIndex()
    for body in shared.bodies:
        index.add(body.id, [body.name, body.short or "", *body.aliases], body.name)
    local: dict[str, str] = {}
    local_bodies: dict[str, dict[str, Any]] = {}
    for reg in portfolio.registries:
        if reg.key == ident:
            continue  # replaced with --force
        for body in reg.local_bodies:
            if body.id in shared.body_ids or body.id in local:
                continue
            index.add(body.id, [body.name, body.short or "", *body.aliases], body.name)
            local[body.id] = reg.key
            local_bodies[body.id] = body.model_dump(exclude_defaults=True)
    taken = set(shared.body_ids) | set(local)
    matches = match_bodies(result, index, taken, local)
    task_count = result.task_count
    apply_ids(result, matches, shared.event_ids)
    files = {name: _deeper(text) for name, text in render_files(result, document.name).items()}
    new_bodies = [
        local_bodies[m.body_id]
        if m.plan is not None
        else {**originals[m.draft_id], "id": m.body_id}
        for m in matches
        if m.new
    ]
    if new_bodies:
        day = (today or dt.date.today()).isoformat()
        append_bodies(root / BODIES_FILE, new_bodies, f"Thêm khi nhập kế hoạch {ident} ({day})")
    write_directory(files, target, force)
    unplaced: list[Unplaced] = result.unplaced
    imported = ImportResult(
        out=target,
        plan_id=ident,
        tasks=task_count,
        bodies=len(matches),
        events=len(result.events),
        sections=len(result.plan.get("sections", [])),
        files=files,
        unplaced=unplaced,
    )
    return IntoResult(imported, matches)
