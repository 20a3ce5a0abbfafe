"""Bad values on the command line found by a sweep of every command: each is a usage
error (exit 2) in Vietnamese, never an internal error, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.loading.test_message_fixtures import snapshot


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["status", "{plan}", "--as-of", "9999-12-31"],
            "Ngày --as-of '9999-12-31' nằm ngoài khoảng kehoach tính được "
            "(từ năm 1900 đến năm 2200).",
        ),
        (
            ["report", "{plan}", "--quarter", "2019-Q3", "--as-of", "31/12/1899"],
            "Ngày --as-of '31/12/1899' nằm ngoài khoảng kehoach tính được "
            "(từ năm 1900 đến năm 2200).",
        ),
        (
            [
                *("update", "III.3.1", "--plan", "{plan}", "--status", "hoàn-thành"),
                *("--date", "9999-12-31", "--force", "--as-of", "2019-06-30"),
            ],
            "Ngày --date '9999-12-31' nằm ngoài khoảng kehoach tính được "
            "(từ năm 1900 đến năm 2200).",
        ),
        (
            [
                *("event", "bct-chi-thi-dai-hoi", "--plan", "{plan}"),
                *("--occurred", "0001-01-01", "--force", "--as-of", "2019-06-30"),
            ],
            "Ngày --occurred '0001-01-01' nằm ngoài khoảng kehoach tính được "
            "(từ năm 1900 đến năm 2200).",
        ),
        (
            ["overdue", "{plan}", "--as-of", "2019-06-30", "--within", "99999999999999999999"],
            "--within phải là số ngày từ 0 đến 36500.",
        ),
        (
            ["overdue", "{plan}", "--as-of", "2019-06-30", "--within", "-1"],
            "--within phải là số ngày từ 0 đến 36500.",
        ),
    ],
)
def test_a_value_past_what_a_date_holds_is_a_usage_error(
    runner: CliRunner, plan_copy: Path, args: list[str], message: str
) -> None:
    before = snapshot(plan_copy)
    result = runner.invoke(app, [a.format(plan=plan_copy) for a in args])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == message
    assert result.stdout == ""
    assert snapshot(plan_copy) == before


def test_the_last_year_is_still_a_day_to_report_on(runner: CliRunner, plan_copy: Path) -> None:
    result = runner.invoke(app, ["status", str(plan_copy), "--as-of", "2200-12-31"])
    assert result.exit_code == 0, result.output
    assert "Tính đến ngày 31/12/2200" in result.stdout


@pytest.mark.parametrize("which", [["--all"], ["--body", "ban-to-chuc"]])
def test_forms_into_a_file_not_a_folder(
    runner: CliRunner, plan_copy: Path, tmp_path: Path, which: list[str]
) -> None:
    """Forms go in a folder, one file per body; -o naming a file was refused as
    "cannot write ghi-chu.txt/cac-co-quan-2019-Q2.xlsx (already exists)"."""
    target = tmp_path / "ghi-chu.txt"
    target.write_bytes(b"x")
    args = ["form", str(plan_copy), *which, "--quarter", "2019-Q2", "-o", str(target)]
    result = runner.invoke(app, [*args, "--as-of", "2019-06-30"])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        f"'{target}' đã có và không phải là thư mục; phiếu được ghi vào một thư mục (mỗi cơ "
        "quan một tệp), hãy chọn -o khác."
    )
    assert target.read_bytes() == b"x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi-chu.txt", "plan"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("rong.docx", b"", "không đọc được tệp Word (không tìm thấy nội dung văn bản)"),
        ("cat.docx", b"PK\x05\x06", "không đọc được tệp Word (không tìm thấy nội dung văn bản)"),
        ("rong.xlsx", b"", "không đọc được tệp Excel (tệp nén bị hỏng)"),
    ],
)
def test_an_empty_or_cut_form_is_a_refused_file_not_an_internal_error(
    runner: CliRunner, plan_copy: Path, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    """An empty .docx made python-docx raise its own PackageNotFoundError: exit 3."""
    form = tmp_path / name
    form.write_bytes(content)
    before = snapshot(plan_copy)
    result = runner.invoke(app, ["collect", str(form), str(plan_copy), "--as-of", "2019-06-30"])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip().splitlines()[1:] == [f"- {name}: {reason}."]
    assert snapshot(plan_copy) == before
    assert form.read_bytes() == content


@pytest.mark.parametrize("fmt", [[], ["--format", "md"], ["--format", "markdown"]])
def test_document_options_of_a_markdown_report_are_not_dropped(
    runner: CliRunner, plan_copy: Path, tmp_path: Path, fmt: list[str]
) -> None:
    """A Markdown report (by default or asked for under either name) has no narrative,
    signer …: it was written without them, exit 0, even for a --narrative file that does
    not exist."""
    args = ["report", str(plan_copy), "--quarter", "2019-Q2", "--as-of", "2019-06-30", *fmt]
    out = tmp_path / "bc.md"
    more = ["--narrative", str(tmp_path / "khong-co.md"), "--signer", "Nguyễn A", "-o", str(out)]
    result = runner.invoke(app, [*args, *more])
    assert result.exit_code == 2, result.output
    assert result.stderr.strip() == (
        "--narrative, --signer chỉ dùng cho báo cáo Word, Excel hoặc HTML (--format docx, "
        "xlsx hoặc html); báo cáo Markdown không có chỗ cho chúng."
    )
    assert not out.exists()
    plain = runner.invoke(app, [*args, "-o", str(out)])
    assert plain.exit_code == 0, plain.output
    assert out.read_text("utf-8").startswith("# Báo cáo kết quả thực hiện")
