"""``kehoach import`` end to end: summary, exit codes, refusals, bad inputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.importer import DATA, SEED


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_help(runner: CliRunner) -> None:
    code, out, _ = run(runner, "import", "--help")
    assert code == 0 and "--out" in out and "--force" in out and "--plan-id" in out


def test_import_seed(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "kh"
    code, stdout, stderr = run(
        runner, "import", str(SEED), "--out", str(out), "--plan-id", "kh-nq26"
    )
    assert code == 0, stderr
    assert stdout.strip() == str(out)
    assert "79 nhiệm vụ" in stderr and "Chưa xếp được" not in stderr
    assert (out / "plan.yaml").is_file() and (out / "tasks").is_dir()
    code, _, stderr = run(runner, "validate", str(out))
    assert code == 0, stderr


def test_refuses_existing_directory_without_force(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "kh"
    out.mkdir()
    (out / "mine.txt").write_text("giữ nguyên", encoding="utf-8")
    code, _, stderr = run(runner, "import", str(SEED), "--out", str(out))
    assert code == 2 and "đã có" in stderr and "--force" in stderr
    assert [p.name for p in out.iterdir()] == ["mine.txt"]
    code, _, stderr = run(runner, "import", str(SEED), "--out", str(out), "--force")
    assert code == 0, stderr
    assert not (out / "mine.txt").exists() and (out / "plan.yaml").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kh"]  # no temporary left


def test_unplaced_paragraphs_are_reported(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "huyen"
    code, _, stderr = run(
        runner, "import", str(DATA / "huyen-uy-son-tinh-chi-thi-05.txt"), "--out", str(out)
    )
    assert code == 0
    assert "Chưa xếp được 1 đoạn" in stderr
    assert "dòng 41 (lời kết, không phải nhiệm vụ): Trên đây là Kế hoạch" in stderr
    plan = (out / "plan.yaml").read_text(encoding="utf-8")
    assert "# Chưa xếp được (dòng 41, lời kết, không phải nhiệm vụ): Trên đây là" in plan


def test_default_out_is_the_plan_id(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, stderr = run(runner, "import", str(DATA / "dang-uy-khoi-quy-dinh-69.md"))
    assert code == 0, stderr
    assert stdout.strip() == "dang-uy-khoi-quy-dinh-69"
    assert (tmp_path / "dang-uy-khoi-quy-dinh-69" / "plan.yaml").is_file()


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    pdf = tmp_path / "ke-hoach.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    corrupt = tmp_path / "hong.docx"
    corrupt.write_bytes(b"PK\x03\x04 day khong phai docx")
    legacy = tmp_path / "cu.txt"
    # Windows-1258 writes "KẾ HOẠCH" as the vowel with a combining tone mark
    legacy.write_bytes("KÊ\u0301 HOA\u0323CH\n\nI- MU\u0323C ĐI\u0301CH\n".encode("cp1258"))
    return {
        "missing": (tmp_path / "khong-co.txt", "Không tìm thấy tệp"),
        "pdf": (pdf, "--convert-to docx 'ke-hoach.pdf'"),
        "corrupt docx": (corrupt, "Không đọc được tệp 'hong.docx': tệp hỏng"),
        "windows-1258": (legacy, "không phải văn bản UTF-8"),
    }


@pytest.mark.parametrize("case", ["missing", "pdf", "corrupt docx", "windows-1258"])
def test_bad_input_exits_2_and_writes_nothing(runner: CliRunner, tmp_path: Path, case: str) -> None:
    source, message = _bad_inputs(tmp_path)[case]
    out = tmp_path / "out" / "plan"
    before = sorted(p.name for p in tmp_path.iterdir())
    code, stdout, stderr = run(runner, "import", str(source), "--out", str(out))
    assert code == 2
    assert message in stderr and "Traceback" not in stderr + stdout
    assert not out.exists() and sorted(p.name for p in tmp_path.iterdir()) == before


def test_bad_plan_id(runner: CliRunner, tmp_path: Path) -> None:
    code, _, stderr = run(
        runner, "import", str(SEED), "--out", str(tmp_path / "x"), "--plan-id", "kế hoạch"
    )
    assert code == 2 and "Mã kế hoạch" in stderr
    assert not (tmp_path / "x").exists()


def test_exit_1_when_the_written_plan_does_not_validate(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kehoach.checks
    from kehoach.errors import Problem

    def failing(root: Path, as_of: object) -> tuple[None, list[Problem]]:
        return None, [Problem("plan.yaml", 1, 1, "lỗi giả lập")]

    monkeypatch.setattr(kehoach.checks, "validate", failing)
    code, _, stderr = run(runner, "import", str(SEED), "--out", str(tmp_path / "kh"))
    assert code == 1
    assert "plan.yaml:1:1: lỗi giả lập" in stderr and "có 1 lỗi" in stderr
    assert (tmp_path / "kh" / "plan.yaml").is_file()  # written, so it can be looked at


def test_unwritable_place_is_an_input_error(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "tep"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    code, _, stderr = run(runner, "import", str(SEED), "--out", str(blocker / "kh"))
    assert code == 2 and "Không" in stderr and "Traceback" not in stderr
