"""``make render-check``: render the shipped plan's 2019-Q3 report in every format to PDF
and PNG under build/render/ the way a reader's software does (LibreOffice for docx and
xlsx, Chromium for HTML and the Markdown text), then check what a person would see:

- no blank page (a page whose text layer is empty);
- no text off the page: every word's box (``pdftotext -bbox``) lies inside the page, and
  for the docx inside the margins of the Party format;
- the docx has the number of pages its content implies (an estimate from its paragraphs,
  tables and page breaks, within one page), and every appendix starts a page.

Exit 1 with one line per finding; 0 when everything holds. Not part of ``make test``.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

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


def main() -> int:
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
    for line in problems:
        print(line)
    print(f"Ảnh và PDF trong {OUT.relative_to(ROOT)}/")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
