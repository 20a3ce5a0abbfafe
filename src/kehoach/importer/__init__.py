"""``kehoach import``: a plan document (text, Markdown, .docx) → a plan directory.

Layers, each usable alone: :mod:`reading` (document → paragraphs), :mod:`structure`
(paragraphs → sections and tasks), :mod:`names`/:mod:`deadlines` (who, when),
:mod:`assemble` (tree → file data), :mod:`writing` (file data → directory). Nothing
here prints; what could not be placed is returned for the caller to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kehoach.errors import InputError, KehoachError
from kehoach.importer.assemble import Assembled, assemble
from kehoach.importer.names import slug
from kehoach.importer.reading import Para, read_document, read_text
from kehoach.importer.structure import Unplaced, build_draft
from kehoach.importer.summary import report_data, summary_lines
from kehoach.importer.writing import check_target, render_files, write_directory
from kehoach.messages import text as message_text

_PLAN_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")

__all__ = [
    "ImportResult",
    "NoTasksFound",
    "Para",
    "Unplaced",
    "assemble_document",
    "check_plan_id",
    "convert",
    "default_plan_id",
    "import_document",
    "read_document",
    "read_text",
]


@dataclass
class ImportResult:
    """What an import wrote and what it could not place."""

    out: Path
    plan_id: str
    tasks: int
    bodies: int
    events: int
    sections: int
    files: dict[str, str] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)


class NoTasksFound(KehoachError):
    """The document was read but holds no task: nothing is written (exit 1)."""

    exit_code = 1

    def __init__(self, message: str, summary: list[str], report: dict[str, Any]) -> None:
        super().__init__(message)
        self.summary = summary
        self.report = report


def default_plan_id(path: Path) -> str:
    """The plan id from the file name: "Ke hoach NQ26.docx" → "ke-hoach-nq26"."""
    return slug(path.stem, 60)


def assemble_document(paras: list[Para], plan_id: str, source_name: str) -> Assembled:
    """Paragraphs → the assembled plan, its id and title filled in (nothing rendered)."""
    result = assemble(build_draft(paras))
    result.plan["id"] = plan_id
    if not result.plan.get("title"):
        result.plan["title"] = Path(source_name).stem
    if result.task_count == 0:
        raise NoTasksFound(
            message_text("import-no-tasks", name=source_name),
            summary_lines(result, written=False),
            report_data(result, source_name),
        )
    return result


def convert(paras: list[Para], plan_id: str, source_name: str) -> tuple[Assembled, dict[str, str]]:
    """Paragraphs → the assembled plan and the text of every file (nothing written)."""
    result = assemble_document(paras, plan_id, source_name)
    return result, render_files(result, source_name)


def check_plan_id(ident: str) -> None:
    """Refuse a plan id that is not a valid id (it names a folder and the plan)."""
    if not _PLAN_ID.fullmatch(ident):
        raise InputError(message_text("import-bad-plan-id", ident=ident))


def import_document(
    document: Path, out: Path | None = None, *, plan_id: str | None = None, force: bool = False
) -> ImportResult:
    """Read *document* and write its plan directory to *out* (default: its id, here)."""
    ident = plan_id or default_plan_id(document)
    check_plan_id(ident)
    target = out if out is not None else Path(ident)
    check_target(target, force)
    result, files = convert(read_document(document), ident, document.name)
    write_directory(files, target, force)
    return ImportResult(
        out=target,
        plan_id=ident,
        tasks=result.task_count,
        bodies=len(result.bodies),
        events=len(result.events),
        sections=len(result.plan.get("sections", [])),
        files=files,
        unplaced=result.unplaced,
        summary=summary_lines(result),
        report=report_data(result, document.name),
    )
