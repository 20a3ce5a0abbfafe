"""Refuse a .docx or .xlsx (a zip archive) that would take unbounded time or memory to open.

Checked from the archive's own directory, before a single entry is decompressed:

1. the file on disk is at most ``MAX_FILE_BYTES`` (200 MiB);
2. the end-of-central-directory record (zip or zip64) declares at most ``MAX_ENTRIES``
   (10,000) entries and a central directory of at most ``MAX_DIRECTORY_BYTES`` (16 MiB) —
   read by hand from the file's last 64 KiB, so a directory of millions of entries is
   refused before :mod:`zipfile` builds an object per entry;
3. the entries' declared uncompressed sizes add up to at most ``MAX_TOTAL_BYTES``
   (256 MiB), and no single entry declares more than ``MAX_ENTRY_BYTES`` (64 MiB);
4. no entry larger than ``RATIO_FLOOR_BYTES`` (1 MiB) declares a compression ratio above
   ``MAX_RATIO`` (100 : 1, the ratio Apache POI also refuses; Word and Excel parts
   compress 3–20 : 1).

The time and memory of the check are bounded by the first two limits. Once an archive
passes, what is decompressed is bounded by the declared sizes: Python's :mod:`zipfile`
stops every entry at its declared size, so an archive that lies about its sizes cannot
produce more than it declared (it fails its CRC check instead, which the readers report
as a damaged file).
"""

from __future__ import annotations

import os
import struct
import zipfile
from pathlib import Path

from kehoach.errors import InputError
from kehoach.messages import text as message_text

__all__ = [
    "MAX_DIRECTORY_BYTES",
    "MAX_ENTRIES",
    "MAX_ENTRY_BYTES",
    "MAX_FILE_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "RATIO_FLOOR_BYTES",
    "check_archive",
]

MiB = 1024 * 1024
MAX_FILE_BYTES = 200 * MiB
MAX_ENTRIES = 10_000
MAX_DIRECTORY_BYTES = 16 * MiB
MAX_TOTAL_BYTES = 256 * MiB
MAX_ENTRY_BYTES = 64 * MiB
MAX_RATIO = 100
RATIO_FLOOR_BYTES = 1 * MiB

_EOCD = b"PK\x05\x06"
_ZIP64_LOCATOR = b"PK\x06\x07"
_ZIP64_EOCD = b"PK\x06\x06"
_TAIL = 22 + 65535 + 20  # the record, the longest comment, the zip64 locator before it


def _count(n: int) -> str:
    """1234567 → "1.234.567" (Vietnamese digit grouping)."""
    return f"{n:,}".replace(",", ".")


def _mib(size: int) -> str:
    return f"{_count(round(size / MiB))} MiB"


def _damaged(name: str, kind: str) -> InputError:
    return InputError(message_text("zip-no-directory", name=name, kind=kind))


def _refused(name: str, why: str) -> InputError:
    return InputError(message_text("zip-refused", name=name, why=why))


def _directory_size(path: Path, name: str, kind: str) -> tuple[int, int]:
    """(entries, central directory bytes) as the end record declares them."""
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        size = handle.tell()
        start = max(0, size - _TAIL)
        handle.seek(start)
        tail = handle.read()
        at = tail.rfind(_EOCD)
        if at < 0 or len(tail) - at < 22:
            raise _damaged(name, kind)
        entries, directory = struct.unpack("<HI", tail[at + 10 : at + 16])
        if entries == 0xFFFF or directory == 0xFFFFFFFF:
            locator = tail[at - 20 : at] if at >= 20 else b""
            if not locator.startswith(_ZIP64_LOCATOR):
                raise _damaged(name, kind)
            (offset,) = struct.unpack("<Q", locator[8:16])
            if offset + 56 > size:
                raise _damaged(name, kind)
            handle.seek(offset)
            record = handle.read(56)
            if not record.startswith(_ZIP64_EOCD):
                raise _damaged(name, kind)
            entries, directory = struct.unpack("<QQ", record[32:48])
    return entries, directory


def check_archive(path: Path, kind: str = "văn bản Word (.docx)") -> None:
    """Raise :class:`InputError` (exit 2) when *path* is not a zip or breaks a limit above.

    *kind* names what the file should be, for the message ("bảng tính Excel (.xlsx)").
    """
    name = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _refused(
            name, message_text("zip-file-too-large", size=_mib(size), limit=_mib(MAX_FILE_BYTES))
        )
    entries, directory = _directory_size(path, name, kind)
    if entries > MAX_ENTRIES:
        raise _refused(
            name,
            message_text(
                "zip-too-many-entries", entries=_count(entries), limit=_count(MAX_ENTRIES)
            ),
        )
    if directory > MAX_DIRECTORY_BYTES:
        raise _refused(
            name,
            message_text(
                "zip-directory-too-large", size=_mib(directory), limit=_mib(MAX_DIRECTORY_BYTES)
            ),
        )
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except MemoryError as exc:
        raise _refused(name, message_text("zip-directory-no-memory")) from exc
    except Exception as exc:  # BadZipFile, NotImplementedError ("zip file version"), …
        raise _damaged(name, kind) from exc
    if len(infos) > MAX_ENTRIES:
        raise _refused(name, message_text("zip-more-entries", limit=_count(MAX_ENTRIES)))
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_ENTRY_BYTES:
            raise _refused(
                name,
                message_text(
                    "zip-entry-too-large",
                    filename=info.filename,
                    size=_mib(info.file_size),
                    limit=_mib(MAX_ENTRY_BYTES),
                ),
            )
        if info.file_size > RATIO_FLOOR_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise _refused(
                    name,
                    message_text(
                        "zip-ratio",
                        filename=info.filename,
                        ratio=_count(round(ratio)),
                        limit=MAX_RATIO,
                    ),
                )
    if total > MAX_TOTAL_BYTES:
        raise _refused(
            name,
            message_text("zip-total-too-large", size=_mib(total), limit=_mib(MAX_TOTAL_BYTES)),
        )
