"""Cross-plan commands on small built portfolios: shared events, cut-off default, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.portfolio.build import build_portfolio, dump

EVENT = {"id": "ct-35", "description": "Chỉ thị 35 của Bộ Chính trị", "occurred": None}
WAITS = {"deadline": "sau khi có Chỉ thị 35", "depends_on": {"events": ["ct-35"]}}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_shared_event_is_recorded_once_for_every_plan(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {"kh-a": [{"id": "1", **WAITS}], "kh-b": [{"id": "7", **WAITS}]},
        events=[EVENT],
    )
    code, _, err = run("status", str(root), "--format", "json", "--as-of", "2019-06-01")
    assert code == 0, err
    code, _, err = run(
        "event",
        "ct-35",
        "--occurred",
        "2019-05-30",
        "--ref",
        "35-CT/TW",
        "--plan",
        str(root),
        "--as-of",
        "2019-06-01",
    )
    assert code == 0, err
    shared = yaml.safe_load((root / "events.yaml").read_text(encoding="utf-8"))
    assert str(shared["events"][0]["occurred"]) == "2019-05-30"
    assert not (root / "plans/kh-a/events.yaml").read_text(encoding="utf-8").count("2019-05-30")
    code, out, _ = run("tasks", str(root), "--format", "json", "--as-of", "2019-06-01")
    due = {r["ref"]: r["due"] for r in json.loads(out)}
    assert due == {"kh-a:1": "2019-08-28", "kh-b:7": "2019-08-28"}  # 30 May + 90 days


def test_cutoff_comes_from_kehoach_yaml_unless_given(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {"kh-a": [{"id": "1", "deadline": "trước ngày 10/12/2019"}]},
        config={"office": "VP", "cutoff": "nd09"},
    )
    _, out, _ = run("report", str(root), "--quarter", "2019-Q4")
    assert "15/09/2019 đến 14/12/2019" in out  # the ND 09 quarter
    _, out, _ = run("report", str(root), "--quarter", "2019-Q4", "--cutoff", "calendar")
    assert "01/10/2019 đến 31/12/2019" in out


def test_errors_are_vietnamese_with_exit_codes(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    code, _, err = run("status", str(root), "--plan", "kh-c")
    assert code == 2 and "Không có kế hoạch 'kh-c'" in err
    code, _, err = run("status", str(root), "--body", "Sở Y tế")
    assert code == 2 and "Không có cơ quan 'Sở Y tế'" in err
    code, _, err = run("update", "1", "--plan", str(root), "--status", "hoàn-thành")
    assert code == 2 and "kh-a:1" in err and "kh-b:1" in err
    code, _, err = run("update", "kh-z:1", "--plan", str(root), "--status", "hoàn-thành")
    assert code == 2 and "Không có kế hoạch 'kh-z'" in err
    code, _, err = run("update", "kh-a:1", "kh-b:1", "--plan", str(root), "--status", "xong")
    assert code != 0
    # a broken plan stops the cross-plan views with its problems, like a lone plan
    dump(root / "plans/kh-b/tasks/ban-to-chuc.yaml", {"body": "khong-co", "tasks": []})
    code, _, err = run("status", str(root))
    assert code == 1 and "khong-co" in err


def test_status_by_body_for_one_body(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {
            "kh-a": [{"id": "1", "partners": ["so-noi-vu"]}],
            "kh-b": [{"id": "1", "partners": ["Sở Nội vụ"]}, {"id": "2"}],
        },
    )
    code, out, err = run("status", str(root), "--body", "so noi vu", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)["bodies"]
    assert [(r["body"], r["role"], r["total"], r["plans"]) for r in rows] == [
        ("so-noi-vu", "partner", 2, ["kh-a", "kh-b"])
    ]
    code, out, _ = run("status", str(root), "--by", "body", "--format", "csv")
    assert code == 0 and out.split("\n")[0].startswith("Mã,Cơ quan")


def test_forms_per_plan_and_collected_back_to_their_plans(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    root = build_portfolio(
        tmp_path / "pf",
        {
            "kh-a": [{"id": "1", "deadline": "trước ngày 30/9/2019", "partners": ["so-noi-vu"]}],
            "kh-b": [{"id": "4", "deadline": "trước ngày 30/9/2019"}],
        },
    )
    out = tmp_path / "forms"
    code, stdout, err = run(
        "form",
        str(root),
        "--body",
        "so-noi-vu",
        "--quarter",
        "2019-Q3",
        "--as-of",
        "2019-09-20",
        "-o",
        str(out),
    )
    assert code == 0, err
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.xlsx")) == [
        "kh-a/so-noi-vu-2019-Q3.xlsx"  # kh-b gives Sở Nội vụ no task
    ]
    code, _, err = run(
        "form", str(root), "--all", "--quarter", "2019-Q3", "--as-of", "2019-09-20", "-o", str(out)
    )
    assert code == 0, err
    form = out / "kh-b" / "ban-to-chuc-2019-Q3.xlsx"
    book = load_workbook(form)
    sheet: Any = book["Báo cáo"]
    header = next(row[0].row for row in sheet.iter_rows() if row[0].value == "Mã")
    columns = {cell.value: cell.column for cell in sheet[header]}
    row = next(r[0].row for r in sheet.iter_rows(min_row=header + 1) if r[0].value == "4")
    sheet.cell(row=row, column=columns["Trạng thái"], value="hoàn thành")
    sheet.cell(row=row, column=columns["Ngày"], value="2019-09-25")
    book.save(form)
    code, stdout, err = run("collect", str(form), str(root), "--as-of", "2019-09-30")
    assert code == 0, err
    assert "== kh-b" in stdout
    assert "2019-09-25" in (root / "plans/kh-b/tasks/ban-to-chuc.yaml").read_text("utf-8")
    assert "2019-09-25" not in (root / "plans/kh-a/tasks/ban-to-chuc.yaml").read_text("utf-8")


def test_portfolio_options_refused_on_a_single_plan(tmp_path: Path) -> None:
    from tests.conftest import SHIPPED

    for args in (
        ["status", str(SHIPPED), "--plan", "kh-nq26"],
        ["status", str(SHIPPED), "--by", "plan"],
        ["overdue", str(SHIPPED), "--plan", "kh-nq26"],
        ["report", str(SHIPPED), "--quarter", "2019-Q3", "--plan", "kh-nq26"],
    ):
        code, _, err = run(*args)
        assert code == 2 and "thư mục nhiều kế hoạch" in err, args
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}]})
    code, _, err = run("status", str(root), "--lang", "en")
    assert code == 2 and "--lang en" in err
    code, _, err = run("overdue", str(root), "--within", "30")
    assert code == 2 and "--within" in err


def test_show_plan_task(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf", {"kh-a": [{"id": "1", "title": "Việc của A"}], "kh-b": [{"id": "2"}]}
    )
    code, out, err = run("show", "kh-a:1", str(root), "--as-of", "2019-01-01")
    assert code == 0, err
    assert out.startswith("1 — Việc của A")
    code, out, err = run("show", "2", "--plan", str(root), "--as-of", "2019-01-01")
    assert code == 0 and out.startswith("2 — Nhiệm vụ 2"), err
    code, _, err = run("show", "kh-b:1", str(root))
    assert code == 2 and "1" in err


def test_calendar_of_every_plan(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {
            "kh-a": [{"id": "1", "deadline": "trước ngày 30/9/2019"}],
            "kh-b": [{"id": "1", "deadline": "trước ngày 30/10/2019"}, {"id": "2"}],
        },
    )
    whole = tmp_path / "all.ics"
    code, _, err = run("calendar", str(root), "-o", str(whole), "--as-of", "2019-06-01")
    assert code == 0, err
    counts = []
    for key in ("kh-a", "kh-b"):
        one = tmp_path / f"{key}.ics"
        code, _, err = run(
            "calendar", str(root / "plans" / key), "-o", str(one), "--as-of", "2019-06-01"
        )
        assert code == 0, err
        counts.append(one.read_text(encoding="utf-8").count("BEGIN:VEVENT"))
    text = whole.read_text(encoding="utf-8")
    assert text.count("BEGIN:VEVENT") == sum(counts) > 0
    assert "SUMMARY:[kh-a:1]" in text and "SUMMARY:[kh-b:1]" in text


def test_report_carries_the_portfolio_header_and_signer(tmp_path: Path) -> None:
    config = {
        "office": "Văn phòng Tỉnh ủy",
        "report": {
            "issuer_lines": ["ĐẢNG BỘ TỈNH QUẢNG TRỊ", "VĂN PHÒNG TỈNH ỦY"],
            "place": "Quảng Trị",
            "signer": {"name": "Nguyễn Văn A", "position": "Chánh Văn phòng"},
        },
    }
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}]}, config=config)
    code, out, err = run("report", str(root), "--quarter", "2019-Q3")
    assert code == 0, err
    lines = out.split("\n")
    assert lines[0] == "**ĐẢNG BỘ TỈNH QUẢNG TRỊ**  " and lines[1] == "**VĂN PHÒNG TỈNH ỦY**  "
    assert "*Quảng Trị, ngày 30 tháng 9 năm 2019*" in out
    assert out.rstrip().endswith("**Nguyễn Văn A**") and "**Chánh Văn phòng**" in out


def test_commands_find_the_portfolio_in_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}], "kh-b": [{"id": "2"}]})
    monkeypatch.chdir(root)
    code, out, err = run("status", "--format", "json")
    assert code == 0, err
    assert [r["plan"] for r in json.loads(out)["plans"]] == ["kh-a", "kh-b"]
    code, _, err = run("validate")
    assert code == 0 and "Hợp lệ: 2 kế hoạch" in err
    code, _, err = run(
        "update",
        "kh-b:2",
        "--status",
        "đang-thực-hiện",
        "--date",
        "2019-01-02",
        "--as-of",
        "2019-01-02",
    )
    assert code == 0, err
