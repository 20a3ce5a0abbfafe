"""Fixtures shared by the loader's tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kehoach.loading import plandir


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the files the YAML parser was run on (the real parser runs)."""
    seen: list[str] = []
    real = plandir.load_yaml  # type: ignore[attr-defined]

    def counting(path: Path, display: str | None = None, data: bytes | None = None) -> Any:
        seen.append(path.name)
        return real(path, display, data)

    monkeypatch.setattr(plandir, "load_yaml", counting)
    return seen
