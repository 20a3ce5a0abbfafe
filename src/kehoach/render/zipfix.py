"""Zip containers (docx, xlsx) with the same bytes for the same content."""

from __future__ import annotations

import io
import zipfile

EPOCH = (1980, 1, 1, 0, 0, 0)


def fixed_zip(blob: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Rewrite a zip with every entry dated 1980-01-01, in the original order, optionally
    replacing some entries: zipfile stamps entries with the time of writing, which would
    change the bytes on each run."""
    source = zipfile.ZipFile(io.BytesIO(blob))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            payload = (replace or {}).get(info.filename, source.read(info.filename))
            target.writestr(entry, payload)
    return out.getvalue()
