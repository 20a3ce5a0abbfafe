"""The fuzz targets never write to the user's real cache folder."""

from __future__ import annotations

from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    patch = pytest.MonkeyPatch()
    patch.setenv("KEHOACH_CACHE_DIR", str(tmp_path_factory.mktemp("kehoach-cache")))
    yield
    patch.undo()
