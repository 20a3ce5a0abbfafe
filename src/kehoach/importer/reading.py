"""Read a plan document into paragraphs: plain text, Markdown or .docx.

A paragraph keeps the line it starts on (for .docx: its position among the document's
paragraphs and table rows, counting from 1), its lines, whether it is bold or a
heading, and, for a table row, its cells. Markdown emphasis (``*``) is removed here, so
every later layer sees the words only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kehoach.errors import InputError
from kehoach.text import nfc, squash_spaces

__all__ = ["TEXT_SUFFIXES", "Para", "read_document", "read_docx", "read_text"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_MARKER_RE = re.compile(
    r"^(?:[-–—+•●▪]\s*\S|\d{1,3}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*\)\s|\(\d{1,2}\)\s|"
    r"[IVX]{1,6}\s*[-.–)]\s|#|\|)"
)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_STAR_BULLET_RE = re.compile(r"^\*\s+(?=[^*\s])")
_TABLE_SEPARATOR_RE = re.compile(r"^:?-{2,}:?$")
_DECORATION_RE = re.compile(r"^[-_=*~.\s]+$")


@dataclass(frozen=True)
class Para:
    """One paragraph of the document."""

    line: int
    lines: tuple[str, ...]
    bold: bool = False
    heading: int = 0
    cells: tuple[str, ...] | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _clean(text: str) -> str:
    return squash_spaces(nfc(text).replace("*", ""))


def _is_bold(raw: str) -> bool:
    raw = raw.strip()
    return len(raw) > 4 and raw.startswith(("**", "__")) and raw.rstrip(".:").endswith(("**", "__"))


def _cells(line: str) -> tuple[str, ...]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") else body
    parts = re.split(r"(?<!\\)\|", body)
    return tuple(
        _clean(re.sub(r"<br\s*/?>", "\n", p, flags=re.I).replace("\\|", "|")) for p in parts
    )


def read_text(text: str) -> list[Para]:
    """Paragraphs of plain text or Markdown.

    Lines are joined into one paragraph until a blank line, a line that starts with a
    list marker, a heading or a table row, or a line that follows a finished sentence
    and starts with a capital (one paragraph per line, as Word exports text).
    """
    out: list[Para] = []
    block: list[tuple[int, str]] = []

    def flush() -> None:
        if block:
            raw = " ".join(line for _, line in block)
            lines = tuple(c for c in (_clean(line) for _, line in block) if c)
            if lines and not _DECORATION_RE.match(raw):
                out.append(Para(block[0][0], lines, bold=_is_bold(raw)))
        block.clear()

    for number, raw_line in enumerate(
        text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1
    ):
        line = raw_line.rstrip()
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if stripped.startswith("|"):
            flush()
            cells = _cells(stripped)
            if not all(_TABLE_SEPARATOR_RE.match(c.replace(" ", "")) for c in cells if c):
                out.append(Para(number, (" | ".join(cells),), cells=cells))
            continue
        heading = _HEADING_RE.match(stripped)
        if heading:
            flush()
            title = _clean(heading.group(2))
            if title:
                out.append(Para(number, (title,), bold=True, heading=len(heading.group(1))))
            continue
        stripped = _STAR_BULLET_RE.sub("• ", stripped)
        if block:
            previous = _clean(block[-1][1])
            after_sentence = previous.endswith((".", ":", ";", "!", "?")) and stripped[:1].isupper()
            after_heading = (
                (previous.isupper() or _MARKER_RE.match(previous) is not None)
                and len(previous.split()) <= 12
                and stripped[:1].isupper()
                and not stripped.isupper()
            )
            if _MARKER_RE.match(stripped) or after_sentence or after_heading:
                flush()
        block.append((number, stripped))
    flush()
    return out


def read_docx(path: Path) -> list[Para]:
    """Paragraphs and table rows of a .docx file, in document order."""
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
        from docx.table import Table
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError("Không đọc được tệp .docx: thiếu thư viện python-docx.") from exc
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise InputError(
            f"Không đọc được tệp .docx '{path}': tệp hỏng hoặc không phải văn bản Word."
        ) from exc
    except Exception as exc:  # lxml raises its own errors on a broken document part
        raise InputError(f"Không đọc được tệp .docx '{path}': {type(exc).__name__}.") from exc
    from kehoach.importer.docxnumbers import numbering_labels

    label = numbering_labels(document)
    out: list[Para] = []
    number = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                number += 1
                seen: list[object] = []
                cells: list[str] = []
                for cell in row.cells:
                    if any(cell._tc is s for s in seen):  # a merged cell repeats
                        continue
                    seen.append(cell._tc)
                    cells.append(
                        "\n".join(c for c in (_clean(p) for p in cell.text.split("\n")) if c)
                    )
                if any(cells):
                    out.append(Para(number, (" | ".join(cells),), cells=tuple(cells)))
            continue
        number += 1
        lines = tuple(
            c for c in (_clean(part) for part in (label(block) + block.text).split("\n")) if c
        )
        if not lines or _DECORATION_RE.match(" ".join(lines)):
            continue
        runs = [run for run in block.runs if run.text.strip()]
        bold = bool(runs) and all(run.bold for run in runs)
        style = (block.style.name if block.style is not None else "") or ""
        level = (
            int(style.split()[-1]) if style.startswith("Heading") and style[-1:].isdigit() else 0
        )
        out.append(Para(number, lines, bold=bold or level > 0, heading=level))
    return out


def read_document(path: Path) -> list[Para]:
    """Read *path* by its extension; Vietnamese errors for missing or unusable files."""
    if not path.exists():
        raise InputError(f"Không tìm thấy tệp '{path}'.")
    if not path.is_file():
        raise InputError(f"'{path}' không phải là một tệp.")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return read_docx(path)
    if suffix not in TEXT_SUFFIXES:
        raise InputError(
            f"Không nhập được tệp '{path.name}': chỉ nhận văn bản .txt, .md hoặc .docx "
            f"(tệp này có đuôi '{suffix or 'không có'}')."
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"Tệp '{path.name}' không phải văn bản UTF-8 (byte lạ ở vị trí {exc.start}); "
            "hãy lưu lại với bảng mã UTF-8 (ví dụ: chuyển từ Windows-1258 hoặc TCVN3)."
        ) from exc
    return read_text(text)
