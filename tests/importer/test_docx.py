"""A .docx of a plan imports to the same plan as its text (only line numbers differ)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx

from kehoach.importer import import_document, read_document, read_text
from tests.importer import DATA, SEED, all_tasks, load


def _paragraph(document: Any, text: str, *, bold: bool = False) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = bold or None


def seed_docx(path: Path) -> Path:
    """The seed's paragraphs (blank-line separated) as Word paragraphs; ** → bold runs."""
    document = docx.Document()
    raw = SEED.read_text(encoding="utf-8")
    for block in re.split(r"\n[ \t]*\n", raw):
        block = block.strip("\n")
        if not block.strip():
            continue
        bold = block.startswith("**") and block.endswith("**")
        _paragraph(document, block.replace("*", ""), bold=bold)
    document.save(str(path))
    return path


def markdown_docx(source: Path, path: Path) -> Path:
    """A Markdown document as Word: headings, bold paragraphs, real tables."""
    document = docx.Document()
    paras = read_text(source.read_text(encoding="utf-8"))
    i = 0
    while i < len(paras):
        para = paras[i]
        if para.cells is not None:
            rows = []
            while i < len(paras) and paras[i].cells is not None:
                rows.append(paras[i].cells or ())
                i += 1
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for r, cells in enumerate(rows):
                for c, text in enumerate(cells):
                    table.cell(r, c).text = text
            continue
        if para.heading:
            document.add_heading(para.text, level=para.heading)
        else:
            _paragraph(document, "\n".join(para.lines), bold=para.bold)
        i += 1
    document.save(str(path))
    return path


def _without_lines(root: Path) -> dict[str, Any]:
    """Every file's data with the source positions (line; table, row, cell) taken out."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                k: strip(v) for k, v in value.items() if k not in ("line", "table", "row", "cell")
            }
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    tasks = {
        tid: (body, strip(task), parent) for tid, (body, task, parent) in all_tasks(root).items()
    }
    return {
        "plan": {k: v for k, v in load(root / "plan.yaml").items() if k != "id"},
        "bodies": load(root / "bodies.yaml"),
        "events": load(root / "events.yaml"),
        "tasks": tasks,
    }


def test_seed_round_trip(tmp_path: Path) -> None:
    from_text = import_document(SEED, tmp_path / "text")
    from_docx = import_document(seed_docx(tmp_path / "ke-hoach-nq26.docx"), tmp_path / "docx")
    assert from_docx.tasks == from_text.tasks == 79
    assert from_docx.unplaced == from_text.unplaced == []
    assert _without_lines(from_docx.out) == _without_lines(from_text.out)


def test_docx_lines_are_paragraph_positions(tmp_path: Path) -> None:
    path = seed_docx(tmp_path / "seed.docx")
    paras = read_document(path)
    assert paras[0].text == "KẾ HOẠCH" and paras[0].line == 1
    assert paras[1].bold and paras[1].line == 2 and len(paras[1].lines) == 4
    result = import_document(path, tmp_path / "plan")
    tasks = all_tasks(result.out)
    assert tasks["II.1"][1]["source"]["line"] == next(
        p.line for p in paras if p.text.startswith("1. Thực hiện tốt")
    )


def test_docx_table_round_trip(tmp_path: Path) -> None:
    source = DATA / "ubnd-ha-giang-chuyen-doi-so.md"
    from_text = import_document(source, tmp_path / "text")
    path = markdown_docx(source, tmp_path / "ubnd-ha-giang-chuyen-doi-so.docx")
    from_docx = import_document(path, tmp_path / "docx")
    assert from_docx.tasks == from_text.tasks == 11
    assert _without_lines(from_docx.out) == _without_lines(from_text.out)
    assert [u.text for u in from_docx.unplaced] == [u.text for u in from_text.unplaced]
    # In the .docx, a task from a table row says which table, row and cell it came from.
    _, task, _ = all_tasks(from_docx.out)["II.1.2"]
    assert task["source"] == {
        "section": "II.1", "item": 2, "line": task["source"]["line"], "row": 5, "table": 2,
        "cell": 2,
    }  # fmt: skip


def seed_docx_numbered(path: Path) -> Path:
    """The seed with Word's own list numbering instead of typed "1.", "-", "+" markers."""
    document = docx.Document()
    styles = (
        (re.compile(r"^\d+\. "), "List Number"),
        (re.compile(r"^- "), "List Bullet"),
        (re.compile(r"^\+ "), "List Bullet 2"),
    )
    for block in re.split(r"\n[ \t]*\n", SEED.read_text(encoding="utf-8")):
        block = block.strip("\n").replace("*", "")
        if not block.strip():
            continue
        for pattern, style in styles:
            if pattern.match(block) and not block.startswith("- Ban Bí thư"):
                document.add_paragraph(pattern.sub("", block), style=style)
                break
        else:
            _paragraph(document, block)
    document.save(str(path))
    return path


def test_seed_with_word_numbering(tmp_path: Path) -> None:
    from_text = import_document(SEED, tmp_path / "text")
    path = seed_docx_numbered(tmp_path / "numbered.docx")
    from_docx = import_document(path, tmp_path / "docx")
    assert _without_lines(from_docx.out)["tasks"] == _without_lines(from_text.out)["tasks"]
