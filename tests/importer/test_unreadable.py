"""What the importer cannot read is refused with a Vietnamese message and exit 2:
other formats (with the command that converts them), scans, damaged files, zip bombs."""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from kehoach.errors import InputError
from kehoach.importer import read_document
from kehoach.importer.zipguard import MAX_ENTRIES, check_archive
from tests.importer.test_cli import run


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def _small_docx(path: Path, text: str = "KẾ HOẠCH") -> Path:
    document = docx.Document()
    document.add_paragraph(text)
    document.save(str(path))
    return path


def _refusal(path: Path) -> str:
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert caught.value.exit_code == 2
    message = caught.value.message
    assert path.name in message
    for english in ("Error", "error", "Exception", "zip file", "Traceback", "File"):
        assert english not in message, message
    return message


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("ke-hoach.doc", b"\xd0\xcf\x11\xe0", "soffice --headless --convert-to docx"),
        ("ke-hoach.odt", b"PK\x03\x04", "soffice --headless --convert-to docx 'ke-hoach.odt'"),
        ("ke-hoach.rtf", b"{\\rtf1", "--convert-to docx"),
        ("ke-hoach.pdf", b"%PDF-1.7", "--infilter=writer_pdf_import --convert-to docx"),
        ("ke-hoach.xls", b"\xd0\xcf\x11\xe0", "soffice --headless --convert-to xlsx"),
        ("ke-hoach.ods", b"PK\x03\x04", "--convert-to xlsx"),
        ("scan.jpg", b"\xff\xd8\xff", "OCR"),
        # A Word 97 file renamed .docx, a PDF renamed .txt: the bytes tell.
        ("doi-ten.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "--convert-to docx 'doi-ten.docx'"),
        ("doi-ten.txt", b"%PDF-1.4\n", "writer_pdf_import"),
    ],
)
def test_other_formats_say_how_to_convert(
    tmp_path: Path, name: str, data: bytes, hint: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data + b"\0" * 64)
    assert hint in _refusal(path)


def _png() -> bytes:
    """A 1×1 white PNG: what a scanned page is to the importer, a picture, no text."""
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_scan_is_a_docx_with_pictures_and_no_text(tmp_path: Path) -> None:
    image = tmp_path / "trang.png"
    image.write_bytes(_png())
    document = docx.Document()
    document.add_paragraph("")
    document.add_picture(str(image))
    path = tmp_path / "ban-quet.docx"
    document.save(str(path))
    message = _refusal(path)
    assert "bản quét" in message and "OCR" in message


def test_an_empty_docx_is_no_task_not_a_scan(runner: CliRunner, tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("  ")
    path = tmp_path / "rong.docx"
    document.save(str(path))
    assert read_document(path) == []
    code, _, stderr = run(runner, "import", str(path), "--out", str(tmp_path / "plan"))
    assert code == 1 and not (tmp_path / "plan").exists(), stderr


def _rewrite(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            new.writestr(info.filename, replace.get(info.filename, old.read(info.filename)))
        for name in sorted(set(replace) - set(old.namelist())):
            new.writestr(name, replace[name])
    return target


def test_broken_xml_is_a_damaged_document(tmp_path: Path) -> None:
    good = _small_docx(tmp_path / "good.docx")
    bad = _rewrite(good, tmp_path / "hong-xml.docx", {"word/document.xml": b"<w:document><w:body"})
    message = _refusal(bad)
    assert "tệp hỏng" in message and "nội dung XML bên trong bị lỗi" in message


def test_missing_part_and_truncated_zip(tmp_path: Path) -> None:
    good = _small_docx(tmp_path / "good.docx")
    data = good.read_bytes()
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(data[: len(data) // 2])
    assert "tệp hỏng" in _refusal(truncated)
    empty = tmp_path / "rong.docx"
    empty.write_bytes(b"")
    assert "tệp hỏng" in _refusal(empty)


def _patch_central_sizes(path: Path, size: int, compressed: int | None = None) -> None:
    """Make every central-directory entry declare *size* bytes uncompressed."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        if compressed is not None:
            data[at + 20 : at + 24] = struct.pack("<I", compressed)
        data[at + 24 : at + 28] = struct.pack("<I", size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def test_declared_gigabytes_refused_before_decompressing(tmp_path: Path) -> None:
    path = _small_docx(tmp_path / "bom.docx")
    _patch_central_sizes(path, 0xFFFFFFF0)  # every part says 4 GiB
    started = time.perf_counter()
    message = _refusal(path)
    assert time.perf_counter() - started < 1.0
    assert "khi giải nén" in message and "MiB" in message


def test_total_declared_size_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "nhieu.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for n in range(8):
            archive.writestr(f"xl/media/anh{n}.bin", b"x")
    _patch_central_sizes(path, 40 * 1024 * 1024, 40 * 1024 * 1024)  # 8 x 40 MiB, ratio 1
    with pytest.raises(InputError) as caught:
        check_archive(path, "bảng tính Excel (.xlsx)")
    assert "tổng cộng 320 MiB" in caught.value.message


def test_extreme_compression_ratio(tmp_path: Path) -> None:
    good = _small_docx(tmp_path / "good.docx")
    bomb = _rewrite(good, tmp_path / "ti-le.docx", {"word/media/x.bin": b"\0" * (3 * 1024 * 1024)})
    message = _refusal(bomb)
    assert "word/media/x.bin" in message and "100 : 1" in message


def test_too_many_entries_refused_from_the_end_record(tmp_path: Path) -> None:
    path = _small_docx(tmp_path / "muc.docx")
    data = bytearray(path.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8 : at + 12] = struct.pack("<HH", 60000, 60000)  # declares 60,000 entries
    path.write_bytes(bytes(data))
    message = _refusal(path)
    assert "60.000 mục" in message and f"{MAX_ENTRIES:,}".replace(",", ".") in message


def test_a_real_document_passes(tmp_path: Path) -> None:
    path = _small_docx(tmp_path / "that.docx", "KẾ HOẠCH thực hiện")
    check_archive(path)
    assert read_document(path)[0].text == "KẾ HOẠCH thực hiện"


def test_cli_exit_2_and_nothing_written(runner: CliRunner, tmp_path: Path) -> None:
    path = _small_docx(tmp_path / "bom.docx")
    _patch_central_sizes(path, 0xFFFFFFF0)
    out = tmp_path / "plan"
    code, stdout, stderr = run(runner, "import", str(path), "--out", str(out))
    assert code == 2 and not out.exists()
    assert "Không mở tệp 'bom.docx'" in stderr and "Traceback" not in stdout + stderr


def test_unsupported_zip_version_is_a_damaged_file(tmp_path: Path) -> None:
    """Found by fuzzing: a central directory entry that asks for zip version 13.5 made
    zipfile raise NotImplementedError."""
    path = _small_docx(tmp_path / "phien-ban.docx")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    data[at + 6 : at + 8] = struct.pack("<H", 135)  # "version needed to extract": 13.5
    path.write_bytes(bytes(data))
    assert "tệp hỏng" in _refusal(path)
