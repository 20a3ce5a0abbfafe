"""Damaged .docx, .xlsx and .csv files: a Vietnamese InputError (exit 2) or paragraphs,
never another exception."""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.errors import InputError
from kehoach.importer import read_document
from tests.importer.test_office_tables import build_docx, build_xlsx

docx = pytest.importorskip("docx")
openpyxl = pytest.importorskip("openpyxl")

_SAMPLES: dict[str, bytes] = {}


def _sample(suffix: str) -> bytes:
    if suffix not in _SAMPLES:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"mau{suffix}"
            (build_docx if suffix == ".docx" else build_xlsx)(path)
            _SAMPLES[suffix] = path.read_bytes()
    return _SAMPLES[suffix]


def _read(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"thu{suffix}"
        path.write_bytes(data)
        try:
            paras = read_document(path)
        except InputError as exc:
            assert exc.exit_code == 2 and path.name in exc.message
            assert "Error" not in exc.message and "Traceback" not in exc.message
        else:
            assert all(p.lines for p in paras)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from([".docx", ".xlsx"]),
    st.lists(st.tuples(st.integers(0, 10**9), st.integers(0, 255)), min_size=1, max_size=8),
)
def test_flipped_bytes(suffix: str, flips: list[tuple[int, int]]) -> None:
    data = bytearray(_sample(suffix))
    for at, value in flips:
        data[at % len(data)] = value
    _read(bytes(data), suffix)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([".docx", ".xlsx"]), st.binary(max_size=400))
def test_parts_replaced_by_junk(suffix: str, junk: bytes) -> None:
    """Each part of the archive in turn replaced by arbitrary bytes (broken XML)."""
    source = _sample(suffix)
    with tempfile.TemporaryDirectory() as tmp:
        original = Path(tmp) / f"goc{suffix}"
        original.write_bytes(source)
        with zipfile.ZipFile(original) as archive:
            names = archive.namelist()
            parts = {n: archive.read(n) for n in names}
    name = names[len(junk) % len(names)]
    with tempfile.TemporaryDirectory() as tmp:
        broken = Path(tmp) / f"hong{suffix}"
        with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
            for n in names:
                archive.writestr(n, junk if n == name else parts[n])
        _read(broken.read_bytes(), suffix)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(';,"\n\r\tab| STTNội dungThời hạn1')), max_size=300))
def test_any_csv(text: str) -> None:
    _read(text.encode("utf-8"), ".csv")
