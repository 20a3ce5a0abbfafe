"""Read a plan document into paragraphs: plain text, Markdown or .docx.

A paragraph keeps the line it starts on (for .docx: its position among the document's
paragraphs and table rows, counting from 1), its lines, whether it is bold or a
heading, and, for a table row, its cells. Markdown emphasis (``*``) is removed here, so
every later layer sees the words only.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kehoach.errors import InputError
from kehoach.messages import text as message_text
from kehoach.text import nfc, squash_spaces

__all__ = [
    "SUFFIXES",
    "TEXT_SUFFIXES",
    "Para",
    "column_letter",
    "read_document",
    "read_docx",
    "read_text",
]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
_MARKER_RE = re.compile(
    r"^(?:[-–—+•●▪]\s*\S|\d{1,3}(?:\.\d{1,2})*\s*[.)]\s|[a-zđ]\s*\)\s|\(\d{1,2}\)\s|"
    r"[IVX]{1,6}\s*[-.–)]\s|#|\|)"
)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_STAR_BULLET_RE = re.compile(r"^\*\s+(?=[^*\s])")
_DECORATION_RE = re.compile(r"^[-_=*~.\s]+$")


@dataclass(frozen=True)
class Para:
    """One paragraph of the document, or one row of a table.

    ``line``: where it starts — for text and Markdown the line number; for .docx the
    position among the document's paragraphs and table rows; for .xlsx and .csv the
    position among all rows read (sheet after sheet), all counting from 1. ``lines``:
    its text, one entry per line break. ``bold``/``heading``: emphasis and heading level
    (0: none). For a table row, ``cells`` holds the text of each grid column (a cell
    merged across columns gives its text to its first column and "" to the others,
    whose indices are in ``spans``) and:

    - ``table``: which table of the document it belongs to (1, 2, … in document order;
      0 for a paragraph). Rows of one table share it, so two tables that follow each
      other stay apart;
    - ``row``: the row's number inside its table (.docx, text) or sheet (.xlsx, .csv),
      from 1;
    - ``sheet``: the sheet's name (.xlsx only);
    - ``header``: the source marks the row as a header (a .docx "repeat as header row",
      the Markdown row above ``|---|``);
    - ``merged``: indices of cells whose text continues a cell merged down from the row
      above (.docx vertical merge, .xlsx merged range): the text is repeated here.

    ``last`` is the last line a text paragraph or text table row covers (its separator
    lines included), 0 when it is ``line`` itself (always so for .docx, .xlsx, .csv
    rows); :attr:`end_line` gives it either way, so a reviewer's accounting can cover
    every line of a text.

    ``origin`` is the kind of document ("text", "docx", "xlsx", "csv"); :attr:`place`
    says in Vietnamese where the paragraph is, for messages and the import report.
    """

    line: int
    lines: tuple[str, ...]
    bold: bool = False
    heading: int = 0
    cells: tuple[str, ...] | None = None
    table: int = 0
    row: int = 0
    sheet: str = ""
    header: bool = False
    merged: tuple[int, ...] = ()
    spans: tuple[int, ...] = ()
    origin: str = "text"
    last: int = 0

    @property
    def text(self) -> str:
        return " ".join(self.lines)

    @property
    def end_line(self) -> int:
        """The last line the paragraph covers (``line`` when it is one line)."""
        return max(self.last, self.line)

    @property
    def place(self) -> str:
        """Where the paragraph is: "dòng 12", "đoạn 7", "bảng 2, hàng 3", "trang tính
        'Phụ lục', hàng 5"."""
        if self.origin == "xlsx":
            return f"trang tính '{self.sheet}', hàng {self.row}"
        if self.origin == "csv":
            return f"hàng {self.row}"
        if self.origin == "docx":
            return (
                f"bảng {self.table}, hàng {self.row}"
                if self.cells is not None
                else (f"đoạn {self.line}")
            )
        return f"dòng {self.line}"

    def cell_place(self, index: int) -> str:
        """Where cell *index* (from 0) is: "trang tính 'X', ô B7", "bảng 2, hàng 3, ô 2"."""
        if self.origin == "xlsx":
            return f"trang tính '{self.sheet}', ô {column_letter(index + 1)}{self.row}"
        return f"{self.place}, ô {index + 1}"

    def location(self, cell: int | None = None) -> dict[str, int | str]:
        """The task's ``source`` keys beyond the line: table, row, sheet, cell (from 1)."""
        if self.cells is None or self.origin == "text":
            return {}
        out: dict[str, int | str] = {"row": self.row}
        if self.origin == "xlsx":
            out["sheet"] = self.sheet
        elif self.origin == "docx":
            out["table"] = self.table
        if cell is not None:
            out["cell"] = cell + 1
        return out


def column_letter(n: int) -> str:
    """1 → "A", 28 → "AB" (a spreadsheet's column name)."""
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def _clean(text: str) -> str:
    return squash_spaces(nfc(text).replace("*", ""))


def _is_bold(raw: str) -> bool:
    raw = raw.strip()
    return len(raw) > 4 and raw.startswith(("**", "__")) and raw.rstrip(".:").endswith(("**", "__"))


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
                out.append(Para(block[0][0], lines, bold=_is_bold(raw), last=block[-1][0]))
        block.clear()

    from kehoach.importer.texttables import find_table

    all_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tables = 0
    index = 0
    while index < len(all_lines):
        number, line = index + 1, all_lines[index].rstrip()
        index += 1
        stripped = line.strip()
        if not stripped:
            flush()
            continue
        if "|" in stripped or len(stripped) <= 80:
            found = find_table(all_lines, number - 1, _clean)
            if found is not None:
                flush()
                tables += 1
                rows = found.rows
                for row_number, (at, cells, header) in enumerate(rows, 1):
                    last = rows[row_number][0] - 1 if row_number < len(rows) else found.end
                    out.append(
                        Para(at, (" | ".join(c for c in cells if c),), cells=cells,
                             table=tables, row=row_number, header=header, last=last)
                    )  # fmt: skip
                index = found.end
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


def _cell_text(cell: Any) -> str:
    from kehoach.importer.docxtext import cell_text

    return "\n".join(c for c in (_clean(p) for p in cell_text(cell._tc)) if c)


def _table_rows(table: Any, index: int, number: int) -> tuple[list[Para], int]:
    """The rows of a Word table as grid rows; *number* counts paragraphs and rows."""
    from docx.oxml.ns import qn

    out: list[Para] = []
    above: list[Any] = []
    for row_number, row in enumerate(table.rows, 1):
        number += 1
        tcs: list[Any] = []
        cells: list[str] = []
        spans: list[int] = []
        merged: list[int] = []
        for column, cell in enumerate(row.cells):
            tc = cell._tc
            tcs.append(tc)
            if column and tc is tcs[column - 1]:
                spans.append(column)  # covered by the cell to its left (gridSpan)
                cells.append("")
                continue
            if column < len(above) and tc is above[column]:
                merged.append(column)  # vMerge: the cell above goes on down
            cells.append(_cell_text(cell))
        above = tcs
        pr = row._tr.trPr
        header = pr is not None and pr.find(qn("w:tblHeader")) is not None
        if any(cells):
            out.append(
                Para(
                    number,
                    (" | ".join(c for c in cells if c),),
                    cells=tuple(cells),
                    table=index,
                    row=row_number,
                    header=header,
                    merged=tuple(merged),
                    spans=tuple(spans),
                    origin="docx",
                )
            )
    return out, number


def read_docx(path: Path) -> list[Para]:
    """Paragraphs and table rows of a .docx file, in document order."""
    from kehoach.importer.zipguard import check_archive

    check_archive(path, "văn bản Word (.docx)")
    misnamed(path, "xl/workbook.xml", "bảng tính Excel", ".xlsx")
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError(message_text("import-no-python-docx")) from exc
    try:
        with warnings.catch_warnings():  # never an English warning on the terminal
            warnings.simplefilter("ignore")
            document = docx.Document(str(path))
        from kehoach.importer.docxnumbers import numbering_labels
        from kehoach.importer.docxtext import blocks, paragraph_text, text_boxes

        label = numbering_labels(document)
        out: list[Para] = []
        number = tables = 0
        body = document._body
        for element in blocks(document.element.body):
            if element.tag.endswith("}tbl"):
                tables += 1
                rows, number = _table_rows(Table(element, body), tables, number)
                out.extend(rows)
                continue
            for p in (element, *text_boxes(element)):
                number += 1
                block = Paragraph(p, body)
                lines = tuple(
                    c
                    for c in (
                        _clean(part) for part in (label(block) + paragraph_text(p)).split("\n")
                    )
                    if c
                )
                if not lines or _DECORATION_RE.match(" ".join(lines)):
                    continue
                runs = [run for run in block.runs if run.text.strip()]
                bold = bool(runs) and all(run.bold for run in runs)
                style = (block.style.name if block.style is not None else "") or ""
                level = (
                    int(style.split()[-1])
                    if style.startswith("Heading") and style[-1:].isdigit()
                    else 0
                )
                out.append(
                    Para(number, lines, bold=bold or level > 0, heading=level, origin="docx")
                )
    except InputError:
        raise
    except MemoryError as exc:
        raise InputError(message_text("import-docx-too-large", name=path.name)) from exc
    except Exception as exc:  # python-docx and lxml raise many kinds on a broken part
        raise InputError(
            message_text("import-bad-docx", name=path.name, reason=_reason(exc))
        ) from exc
    if not out and _has_images(path):
        raise InputError(message_text("import-scan", name=path.name))
    return out


def misnamed(path: Path, part: str, kind: str, suffix: str) -> None:
    """Refuse an Office file saved under the other suffix (a workbook named .docx): say
    what it is and the name that reads it, not "damaged". Called after the zip checks."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            found = part in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports the damage
    if found:
        raise InputError(
            message_text(
                "import-misnamed", name=path.name, kind=kind, new=path.with_suffix(suffix).name
            )
        )


def _has_images(path: Path) -> bool:
    """A .docx whose text is only pictures: a scan (an empty one has no media part)."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return any(n.startswith("word/media/") for n in archive.namelist())


def _reason(exc: BaseException) -> str:
    """A Vietnamese reason for a failure inside python-docx, lxml or openpyxl."""
    name = type(exc).__name__
    if "XMLSyntax" in name or "ParseError" in name:
        return message_text("reason-bad-xml")
    if name in ("BadZipFile", "BadZipfile") or "CRC" in str(exc):
        return message_text("reason-bad-zip")
    if name == "KeyError":
        return message_text("reason-missing-part")
    if name == "PackageNotFoundError":
        return message_text("reason-no-document")
    return message_text("reason-bad-structure")


# What we cannot read, and how to make something we can.
_CONVERT_DOCX = "soffice --headless --convert-to docx '{name}'"
_CANNOT: dict[str, str] = {
    ".doc": "văn bản Word cũ (.doc)",
    ".odt": "văn bản OpenDocument (.odt)",
    ".rtf": "văn bản RTF",
    ".wpd": "văn bản WordPerfect",
    ".pdf": "tệp PDF",
    ".xls": "bảng tính Excel cũ (.xls)",
    ".ods": "bảng tính OpenDocument (.ods)",
    ".png": "ảnh",
    ".jpg": "ảnh",
    ".jpeg": "ảnh",
    ".tif": "ảnh",
    ".tiff": "ảnh",
}
SUFFIXES = (*TEXT_SUFFIXES, ".docx", ".xlsx", ".xlsm", ".csv")


def _cannot_read(path: Path, kind: str) -> InputError:
    name = path.name
    if kind.startswith("bảng tính"):
        how = message_text("convert-sheet", name=name)
    elif kind == "tệp PDF":
        how = message_text("convert-pdf", name=name)
    elif kind == "ảnh":
        how = message_text("convert-image")
    else:
        how = message_text("convert-document", command=_CONVERT_DOCX.format(name=name))
    return InputError(message_text("import-unreadable", name=name, kind=kind, how=how))


def _sniff(path: Path) -> str | None:
    """What the first bytes say the file is, when that contradicts a readable suffix."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"%PDF"):
        return "tệp PDF"
    if head.startswith(b"\xd0\xcf\x11\xe0") and _encrypted(path):
        return "encrypted"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # OLE2: Word 97-2003 or Excel 97-2003
        return (
            "bảng tính Excel cũ (.xls)"
            if path.suffix.lower() in (".xlsx", ".xlsm", ".csv")
            else "văn bản Word cũ (.doc)"
        )
    if head.startswith(b"{\\rtf"):
        return "văn bản RTF"
    return None


def _encrypted(path: Path) -> bool:
    """A password-protected .docx/.xlsx is an OLE2 file holding an "EncryptedPackage"
    stream (its name in UTF-16 in the directory), not an old .doc/.xls to convert."""
    name = "EncryptedPackage".encode("utf-16-le")
    with path.open("rb") as handle:
        tail = b""
        while chunk := handle.read(1 << 20):
            if name in tail + chunk:
                return True
            tail = chunk[-len(name) :]
    return False


def read_document(path: Path) -> list[Para]:
    """Read *path* by its extension; Vietnamese errors for missing or unusable files."""
    if not path.exists():
        raise InputError(message_text("import-missing-file", path=path))
    if not path.is_file():
        raise InputError(message_text("import-not-a-file", path=path))
    suffix = path.suffix.lower()
    if suffix in _CANNOT:
        raise _cannot_read(path, _CANNOT[suffix])
    if suffix not in SUFFIXES:
        raise InputError(
            message_text("import-wrong-type", name=path.name, suffix=suffix or "không có")
        )
    sniffed = _sniff(path)
    if sniffed == "encrypted":
        raise InputError(message_text("import-encrypted", name=path.name))
    if sniffed is not None:
        raise _cannot_read(path, sniffed)
    if suffix == ".docx":
        return read_docx(path)
    if suffix in (".xlsx", ".xlsm"):
        from kehoach.importer.sheets import read_xlsx

        return read_xlsx(path)
    data = path.read_bytes()
    # UTF-16 with or without its byte-order mark: every other byte of Latin text is 0
    # (and such bytes may even decode as UTF-8, full of NULs).
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or (
        data and data[:200].count(b"\x00") * 4 >= min(len(data), 200)
    ):
        raise InputError(message_text("import-utf16", name=path.name))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(message_text("import-not-utf8", name=path.name, start=exc.start)) from exc
    if suffix == ".csv":
        from kehoach.importer.sheets import read_csv

        return read_csv(text, path.name)
    return read_text(text)
