"""Inputs ``make fuzz`` found that crashed a reader; each now gives a Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.mark.parametrize("suffix", [".xlsx", ".docx"])
def test_zip_entry_of_an_unknown_zip_version_is_a_damaged_file(tmp_path: Path, suffix: str) -> None:
    """Found by ``make fuzz``: zipfile raises NotImplementedError (an internal error, exit 3)
    for an entry that declares a zip version newer than it knows."""
    import io
    import zipfile

    from typer.testing import CliRunner

    from kehoach.cli.app import app

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    data = bytearray(out.getvalue())
    at = data.index(b"PK\x01\x02")
    data[at + 6 : at + 8] = (64).to_bytes(2, "little")  # "version needed to extract": 6.4
    source = tmp_path / f"ke-hoach{suffix}"
    source.write_bytes(bytes(data))
    result = CliRunner().invoke(app, ["import", str(source), "--out", str(tmp_path / "ra")])
    assert result.exit_code == 2, result.stderr
    assert f"ke-hoach{suffix}" in result.stderr
    assert "NotImplementedError" not in result.stderr
    assert not (tmp_path / "ra").exists()


def test_hidden_copies_left_by_a_killed_import_are_removed(tmp_path: Path) -> None:
    """A SIGKILLed import leaves its hidden temporary folder beside the target; the next
    import into the same place removes it once it is an hour old, not a younger one."""
    import os
    import time

    from typer.testing import CliRunner

    from kehoach.cli.app import app

    source = Path(__file__).resolve().parents[1] / "data" / "ke-hoach-nq26.txt"
    old = tmp_path / ".ra.k9x2.tmp"
    (old / "tasks").mkdir(parents=True)
    (old / "plan.yaml").write_text("nửa chừng", "utf-8")
    hour_ago = time.time() - 3700
    os.utime(old, (hour_ago, hour_ago))
    young = tmp_path / ".ra.a1b2.tmp"
    young.mkdir()
    result = CliRunner().invoke(app, ["import", str(source), "--out", str(tmp_path / "ra")])
    assert result.exit_code in (0, 1), result.stderr
    assert not old.exists()
    assert young.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".ra.a1b2.tmp", "ra"]
