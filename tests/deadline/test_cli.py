"""``kehoach deadline`` through CliRunner, on an app holding only this command."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from kehoach.cli.deadline_cmd import register


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def _root() -> None:
        """Keeps "deadline" a sub-command, as in the real app."""

    register(app)
    return app


def run(app: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["deadline", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_is_exactly_one_object_with_the_issue_keys(app: typer.Typer) -> None:
    code, out, err = run(app, "thực hiện từ năm 2018", "--format", "json")
    assert code == 0 and err == ""
    assert json.loads(out) == {
        "kind": "from", "start": "2018-01-01", "due": None, "every": None, "trigger": None
    }  # fmt: skip
    assert out.count("\n") == 1


def test_json_of_a_compound_text_has_parts(app: typer.Typer) -> None:
    text = (
        "thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng việc X, hoàn thành trong năm 2018"
    )
    code, out, _ = run(app, text, "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["kind"], data["start"], data["due"]) == ("by", "2018-01-01", "2019-12-31")
    assert [part["due"] for part in data["parts"]] == ["2019-12-31", "2018-12-31"]
    assert data["parts"][1]["item"] == "X" and data["parts"][1]["exception"] is True


def test_task_text_and_as_of(app: typer.Typer) -> None:
    code, out, _ = run(
        app, "thực hiện từ năm 2019", "--task-text", "Hằng năm, tổng hợp",
        "--as-of", "15/3/2021", "--format", "json",
    )  # fmt: skip
    data = json.loads(out)
    assert code == 0
    assert (data["kind"], data["every"], data["due"]) == ("recurring", "year", None)
    assert data["due_as_of"] == "2021-12-31"
    _, out, _ = run(app, "sau khi có kế hoạch", "--as-of", "2021-03-15", "-f", "json")
    assert json.loads(out)["due_as_of"] is None


def test_year_option_pins_a_yearless_period(app: typer.Typer) -> None:
    _, out, _ = run(app, "6 tháng cuối năm", "--year", "2024", "-f", "json")
    assert json.loads(out)["due"] == "2024-12-31"


def test_human_output_is_vietnamese(app: typer.Typer) -> None:
    code, out, _ = run(app, "hằng năm, trước ngày 30/11", "--as-of", "2024-12-15")
    assert code == 0
    assert "Loại: định kỳ (recurring)" in out
    assert "Chu kỳ: hằng năm" in out
    assert "Ngày chốt: ngày 30/11 hằng năm" in out
    assert "Hạn áp dụng vào 15/12/2024: 30/11/2024" in out
    code, out, _ = run(app, "thường xuyên, định kỳ hằng quý báo cáo kết quả")
    assert "Gồm 2 phần:" in out and "Áp dụng cho: báo cáo kết quả" in out
    _, out, _ = run(app, "sau khi có kế hoạch của tỉnh")
    assert "Điều kiện: có kế hoạch của tỉnh" in out


def test_text_not_understood_exits_1_naming_the_part(app: typer.Typer) -> None:
    code, out, err = run(app, "thực hiện abc năm 2019")
    assert code == 1 and out == ""
    assert 'Không hiểu phần "abc" trong thời hạn "thực hiện abc năm 2019".' in err
    assert "            ^^^" in err  # points under "abc"
    code, out, err = run(app, "quý V/2019", "--format", "json")
    assert code == 1 and out == ""
    assert 'Quý không hợp lệ (phải từ I đến IV): "quý V"' in err
    assert "^" not in err


def test_bad_options_exit_2(app: typer.Typer) -> None:
    code, _, err = run(app, "năm 2019", "--as-of", "2019-13-01")
    assert code == 2 and "--as-of" in err
    code, _, err = run(app, "năm 2019", "--format", "xml")
    assert code == 2 and "--format" in err
    code, _, err = run(app, "quý III", "--year", "99")
    assert code == 2 and "--year" in err


def test_labelled_parts_are_named_with_the_round_to_record(app: typer.Typer) -> None:
    code, out, _ = run(app, "Quý I năm 2020, sơ kết; năm 2022 tổng kết")
    assert code == 0
    assert "  Phần 1 — sơ kết 2020 (cập nhật với --occurrence 2020):" in out
    assert "  Phần 2 — tổng kết 2022 (cập nhật với --occurrence 2022):" in out
    _, same_year, _ = run(app, "Quý I/2020, sơ kết; quý IV/2020 tổng kết")
    assert "— tổng kết 2020-12-31 (cập nhật với --occurrence 2020-12-31):" in same_year
    _, recurring, _ = run(app, "thường xuyên, định kỳ hằng quý báo cáo kết quả")
    assert "--occurrence" not in recurring  # not parts tracked one by one
