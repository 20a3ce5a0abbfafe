"""``make render-check``: render the shipped plan's 2019-Q3 report in every format to PDF
and PNG under build/render/ the way a reader's software does (LibreOffice for docx and
xlsx, Chromium for HTML and the Markdown text), then check what a person would see:

- no blank page (a page whose text layer is empty);
- no text off the page: every word's box (``pdftotext -bbox``) lies inside the page, and
  for the docx inside the margins of the Party format;
- the docx has the number of pages its content implies (an estimate from its paragraphs,
  tables and page breaks, within one page), and every appendix starts a page;
- the progress forms (``kehoach form``, xlsx and docx) survive LibreOffice: filled in as a
  clerk would, saved again by LibreOffice (``--convert-to xlsx``/``docx``) and printed to
  PDF, the resaved form keeps its status drop-down, its hidden sheet and every task's
  fingerprint, and ``kehoach collect --dry-run`` reads the filled rows from it.

``--forms`` runs only the forms step (it needs LibreOffice, not Chromium).

Exit 1 with one line per finding; 0 when everything holds. Not part of ``make test``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "render"
KEHOACH = ROOT / ".venv" / "bin" / "kehoach"
PT_PER_MM = 72 / 25.4
PACKAGES = {
    "soffice": "libreoffice-writer libreoffice-calc",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
    "chromium": "chromium",
}


def sh(*args: str | Path, timeout: int = 180) -> str:
    done = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=timeout, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"{args[0]} thất bại ({done.returncode}): {done.stderr[-800:]}")
    return done.stdout


def install() -> None:
    missing = sorted({PACKAGES[tool] for tool in PACKAGES if shutil.which(tool) is None})
    if not missing:
        return
    print(f"Cài từ Debian: {' '.join(missing)}", flush=True)
    sh("apt-get", "update", "-q", timeout=600)
    names = " ".join(missing).split()
    sh("apt-get", "install", "-y", "-q", "--no-install-recommends", *names, "fonts-liberation",
       timeout=1800)  # fmt: skip


def render() -> dict[str, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.is_file():  # the forms step and LibreOffice's profile keep folders here
            old.unlink()
    files: dict[str, Path] = {}
    for fmt in ("md", "docx", "xlsx", "html"):
        target = OUT / f"bao-cao-2019-Q3.{fmt}"
        sh(KEHOACH, "report", ROOT / "plan", "--quarter", "2019-Q3", "-f", fmt, "-o", target)
        files[fmt] = target
    status = OUT / "tinh-hinh-2019-09-30.html"
    sh(KEHOACH, "status", ROOT / "plan", "--as-of", "2019-09-30", "-f", "html", "-o", status)
    files["status"] = status
    pdfs: dict[str, Path] = {}
    for fmt in ("docx", "xlsx"):
        sh("soffice", "--headless", "--convert-to", "pdf", "--outdir", OUT, files[fmt])
        pdfs[fmt] = files[fmt].with_suffix(f".{fmt}.pdf")
        files[fmt].with_suffix(".pdf").rename(pdfs[fmt])
    text_page = OUT / "bao-cao-2019-Q3.md.html"
    text_page.write_text(
        "<!DOCTYPE html><meta charset='utf-8'><style>@page{size:A4;margin:15mm}"
        "pre{font:10pt 'DejaVu Sans Mono',monospace;white-space:pre-wrap}</style><pre>"
        + escape(files["md"].read_text(encoding="utf-8"))
        + "</pre>",
        encoding="utf-8",
    )
    for name, page in (("html", files["html"]), ("status", status), ("md", text_page)):
        pdf = OUT / f"{page.stem}.{name}.pdf"
        sh("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
           f"--print-to-pdf={pdf}", page.as_uri())  # fmt: skip
        pdfs[name] = pdf
    for name, width in (("html", 900), ("phone", 390)):
        sh("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
           f"--window-size={width},2600", f"--screenshot={OUT / f'html-{name}.png'}",
           files["html"].as_uri())  # fmt: skip
    for name, pdf in pdfs.items():
        sh("pdftoppm", "-r", "60", "-png", pdf, OUT / f"{name}-page")
    return pdfs


def pages(pdf: Path) -> list[tuple[float, float, list[tuple[float, float, float, float, str]]]]:
    """(width, height, words with their boxes) per page, from ``pdftotext -bbox``."""
    out = sh("pdftotext", "-bbox", pdf, "-")
    found = []
    for match in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S):
        words = [
            (float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(
                r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">'
                r"(.*?)</word>",
                match.group(3),
            )
        ]
        found.append((float(match.group(1)), float(match.group(2)), words))
    return found


def check_pages(name: str, pdf: Path, margins: tuple[float, float] | None) -> list[str]:
    problems = []
    for number, (width, height, words) in enumerate(pages(pdf), 1):
        if not words:
            problems.append(f"{pdf.name}: trang {number} trắng")
        left, right = (0.0, width) if margins is None else margins
        for x0, y0, x1, y1, word in words:
            if x0 < left - 2 or x1 > right + 2 or y0 < 0 or y1 > height:
                problems.append(
                    f"{pdf.name}: trang {number}: chữ '{word}' ra ngoài vùng chữ "
                    f"(x {x0:.0f}–{x1:.0f} pt, vùng {left:.0f}–{right:.0f} pt)"
                )
                break
    # pdftotext -layout: no line wider than the page holds (a second, coarser look).
    layout = sh("pdftotext", "-layout", pdf, "-").split("\f")
    widest = max((len(line) for page in layout for line in page.splitlines()), default=0)
    print(f"{name}: {len(pages(pdf))} trang, dòng dài nhất theo -layout {widest} ký tự")
    return problems


def expected_docx_pages(docx: Path) -> tuple[int, list[str]]:
    """Pages the docx's content implies: estimated heights of its paragraphs and table rows
    (Times New Roman: about 2.2 mm per character at 14 pt), a new page at each page break.
    Returns the estimate and the appendix titles."""
    from docx import Document

    doc = Document(str(docx))
    usable = (297 - 20 - 20) * PT_PER_MM
    chunks = [0.0]
    appendices: list[str] = []
    body = doc.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = "".join(t.text or "" for t in child.iter() if t.tag.endswith("}t"))
            if child.xpath(".//w:br[@w:type='page']"):
                chunks.append(0.0)
            if text.startswith("Phụ lục "):
                appendices.append(text)
            lines = max(1, math.ceil(len(text) / 75))
            chunks[-1] += lines * 16.5 + 6
        elif tag == "tbl":
            grid = [int(c.get(c.tag.replace("gridCol", "w"))) / 56.69 for c in child.iter()
                    if c.tag.endswith("}gridCol")]  # fmt: skip
            for row in child.iter():
                if not row.tag.endswith("}tr"):
                    continue
                cells = [c for c in row if c.tag.endswith("}tc")]
                tallest = 1
                for cell, mm in zip(cells, grid, strict=False):
                    paras = [p for p in cell if p.tag.endswith("}p")]
                    count = 0
                    for p in paras:
                        text = "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                        count += max(1, math.ceil(len(text) / max(1.0, (mm - 3) / 1.95)))
                    tallest = max(tallest, count)
                chunks[-1] += tallest * 13.8 + 2
    return sum(max(1, math.ceil(h / usable)) for h in chunks), appendices


def signature_on_one_page(docx: Path, pdf: Path) -> list[str]:
    """'Nơi nhận:' and the signer's name (the last table of the docx) on the same page."""
    import unicodedata

    from docx import Document

    closing = Document(str(docx)).tables[-1].rows[0].cells[1]
    name = [p.text for p in closing.paragraphs if p.text][-1]
    # pdftotext splits words at some combining marks: compare page texts without spaces.
    def squeeze(text: str) -> str:
        return "".join(unicodedata.normalize("NFC", text).split())

    texts = [squeeze(page) for page in sh("pdftotext", pdf, "-").split("\f")]
    with_to = [i for i, text in enumerate(texts) if "Nơinhận:" in text]
    with_name = [i for i, text in enumerate(texts) if squeeze(name) in text]
    if not with_to or not with_name or with_to[-1] != with_name[-1]:
        return [f"docx: 'Nơi nhận' và người ký ({name}) không cùng một trang"]
    return []


FORMS = OUT / "forms"
FILLED: dict[str, tuple[str, str | dt.datetime]] = {  # task id → (status, date): a date
    "III.3.1": ("hoàn thành", "25/9/2019"),  # typed as text, and one as a date cell
    "III.3.2": ("đang thực hiện", dt.datetime(2019, 9, 20)),
}


def soffice(convert: str, out: Path, *files: Path) -> None:
    """LibreOffice headless with a profile of its own (another soffice may be running)."""
    profile = (OUT / "lo-profile").as_uri()
    sh("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", convert,
       "--outdir", out, *files, timeout=300)  # fmt: skip


def fill_forms(xlsx: Path, docx: Path) -> tuple[Path, Path]:
    """The forms as a clerk returns them: FILLED written into the status and date cells."""
    from docx import Document
    from openpyxl import load_workbook

    book = load_workbook(xlsx)
    sheet = book["Báo cáo"]
    header = next(r[0].row for r in sheet.iter_rows() if r[0].value == "Mã")
    columns = {c.value: int(c.column or 0) for c in sheet[header]}
    for row in sheet.iter_rows(min_row=header + 1):
        if row[0].value in FILLED:
            status, day = FILLED[str(row[0].value)]
            sheet.cell(row=row[0].row, column=columns["Trạng thái"], value=status)
            sheet.cell(row=row[0].row, column=columns["Ngày"], value=day)
    filled_xlsx = FORMS / "filled" / xlsx.name
    filled_xlsx.parent.mkdir(parents=True, exist_ok=True)
    book.save(filled_xlsx)
    document = Document(str(docx))
    table = document.tables[0]
    titles = [cell.text for cell in table.rows[0].cells]
    for line in table.rows[1:]:
        if line.cells[0].text in FILLED:
            status, day = FILLED[line.cells[0].text]
            line.cells[titles.index("Trạng thái")].text = status
            line.cells[titles.index("Ngày")].text = (
                day if isinstance(day, str) else f"{day.day}/{day.month}/{day.year}"
            )
    filled_docx = FORMS / "filled" / docx.name
    document.save(str(filled_docx))
    return filled_xlsx, filled_docx


def form_meta(path: Path) -> tuple[str, list[tuple[Any, ...]], list[str]]:
    """What LibreOffice must keep of an xlsx form: the hidden sheet's state and rows,
    and the status column's drop-down (range and list)."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    meta = book["kehoach"]
    rows = [tuple(r) for r in meta.iter_rows(values_only=True) if any(v is not None for v in r)]
    lists = [f"{v.sqref} {v.formula1}" for v in book["Báo cáo"].data_validations.dataValidation]
    return str(meta.sheet_state), rows, lists


def check_forms() -> list[str]:
    """Issue the 2019-Q3 forms, fill one of each kind, let LibreOffice save and print them,
    and collect (dry run) what LibreOffice saved."""
    if FORMS.exists():
        shutil.rmtree(FORMS)
    plan = ROOT / "plan"
    for fmt in ("xlsx", "docx"):
        sh(KEHOACH, "form", plan, "--body", "ban-to-chuc", "--quarter", "2019-Q3",
           "--as-of", "2019-09-20", "-o", FORMS / "issued", "-f", fmt)  # fmt: skip
    issued_xlsx = FORMS / "issued" / "ban-to-chuc-2019-Q3.xlsx"
    filled_xlsx, filled_docx = fill_forms(issued_xlsx, issued_xlsx.with_suffix(".docx"))
    saved = FORMS / "libreoffice"
    soffice("xlsx:Calc MS Excel 2007 XML", saved, filled_xlsx)
    soffice("docx:MS Word 2007 XML", saved, filled_docx)
    soffice("pdf", FORMS / "pdf-xlsx", saved / filled_xlsx.name)
    soffice("pdf", FORMS / "pdf-docx", saved / filled_docx.name)
    problems: list[str] = []
    before, after = form_meta(issued_xlsx), form_meta(saved / filled_xlsx.name)
    labels = ("trang ẩn 'kehoach'", "mã kế hoạch và dấu vân tay", "danh sách chọn Trạng thái")
    for label, old, new in zip(labels, before, after, strict=True):
        if old != new:
            problems.append(f"phiếu xlsx: LibreOffice làm mất {label}: {old!s:.120} → {new!s:.120}")
    for kind in ("xlsx", "docx"):
        pdf = FORMS / f"phieu-{kind}.pdf"
        (FORMS / f"pdf-{kind}" / "ban-to-chuc-2019-Q3.pdf").rename(pdf)
        problems += check_pages(f"phiếu {kind} (PDF)", pdf, None)
        sh("pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", pdf, FORMS / f"phieu-{kind}")
        done = subprocess.run(
            [str(KEHOACH), "collect", str(saved / f"ban-to-chuc-2019-Q3.{kind}"), str(plan),
             "--dry-run", "--as-of", "2019-09-30"],
            capture_output=True, text=True, timeout=180, check=False,
        )  # fmt: skip
        read = set(re.findall(r"^\[ghi\] (\S+) ", done.stdout, re.M))
        print(f"phiếu {kind} do LibreOffice lưu: collect --dry-run mã {done.returncode}, "
              f"đọc được {len(read)}/{len(FILLED)} dòng đã điền")  # fmt: skip
        if done.returncode != 0 or read != set(FILLED):
            problems.append(
                f"phiếu {kind} do LibreOffice lưu: collect đọc {sorted(read)}, cần "
                f"{sorted(FILLED)} (mã {done.returncode}): {done.stderr.strip()[-400:]}"
            )
    return problems


def main() -> int:
    if "--forms" in sys.argv[1:]:  # only the forms step: LibreOffice and poppler
        missing = [t for t in ("soffice", "pdftotext") if shutil.which(t) is None]
        if missing:
            print(f"Thiếu {', '.join(missing)}: cài libreoffice-calc libreoffice-writer "
                  "poppler-utils.")  # fmt: skip
            return 2
        OUT.mkdir(parents=True, exist_ok=True)
        found = check_forms()
        for line in found:
            print(line)
        return 1 if found else 0
    install()
    pdfs = render()
    problems: list[str] = []
    left = 30 * PT_PER_MM
    right = (210 - 15) * PT_PER_MM
    problems += check_pages("docx", pdfs["docx"], (left, right))
    for name in ("xlsx", "html", "status", "md"):
        problems += check_pages(name, pdfs[name], None)
    expected, appendices = expected_docx_pages(OUT / "bao-cao-2019-Q3.docx")
    actual = pages(pdfs["docx"])
    print(f"docx: dự tính {expected} trang, thực tế {len(actual)} trang")
    if abs(len(actual) - expected) > 1:
        problems.append(f"docx: {len(actual)} trang, nội dung cho thấy khoảng {expected} trang")
    starts = [" ".join(w[4] for w in words[:4]) for _, _, words in actual]
    for title in appendices:
        if not any(title in start for start in starts):
            problems.append(f"docx: '{title}' không bắt đầu một trang mới")
    problems += signature_on_one_page(OUT / "bao-cao-2019-Q3.docx", pdfs["docx"])
    problems += check_forms()
    for line in problems:
        print(line)
    print(f"Ảnh và PDF trong {OUT.relative_to(ROOT)}/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
