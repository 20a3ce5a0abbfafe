"""The cache's code fingerprint changes when any source that decides loading changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import kehoach
from kehoach.loading import cache as cache_mod

PACKAGE = Path(kehoach.__file__).resolve().parent
SOURCES = [
    *sorted((PACKAGE / "model").glob("*.py")),
    *sorted((PACKAGE / "loading").glob("*.py")),
    PACKAGE / "suggest.py",
]


@pytest.fixture(autouse=True)
def _fresh_fingerprint() -> Iterator[None]:
    cache_mod._fingerprint = None
    yield
    cache_mod._fingerprint = None


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_editing_a_model_or_loader_source_changes_the_fingerprint(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache_mod._code_fingerprint()
    cache_mod._fingerprint = None
    real = Path.read_bytes

    def edited(self: Path) -> bytes:
        data = real(self)
        return data + b"\n# edited\n" if self.resolve() == source else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert cache_mod._code_fingerprint() != before
