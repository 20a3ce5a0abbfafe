"""The commands end to end through Typer's CliRunner, on the shipped plan and small plans."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.planbuilder import build_plan, done, progress

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
ANSI = re.compile(r"\x1b\[")


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text


def history_plan(tmp_path: Path) -> Path:
    events = [
        {
            "id": "ct",
            "description": "Bộ Chính trị ban hành chỉ thị về đại hội",
            "occurred": "2019-05-30",
            "ref": "35-CT/TW",
        },
        {"id": "qc", "description": "Trung ương ban hành Quy chế chung"},
    ]
    return build_plan(
        tmp_path / "p",
        [
            {
                "id": "III.1",
                "title": "Ban hành kế hoạch hành động",
                "deadline": "hoàn thành trong tháng 8 năm 2018",
                "status": "hoàn thành",
                "history": [done("2018-08-20", evidence="Kế hoạch số 15-KH/TU ngày 20/8/2018")],
            },
            {
                "id": "III.2",
                "title": "Rà soát quy hoạch cán bộ",
                "deadline": "trong năm 2019",
                "partners": ["so-noi-vu"],
                "status": "hoàn thành",
                "history": [
                    progress("2019-03-01"),
                    done("2019-08-15", evidence="Báo cáo số 20-BC/BTCTU"),
                ],
            },
            {"id": "III.3", "title": "Sửa đổi quy định phân cấp", "deadline": "quý II/2019"},
            {
                "id": "III.4",
                "title": "Tổng kết hằng năm",
                "deadline": "thực hiện hằng năm",
                "status": "hoàn thành",
                "history": [done("2018-12-20")],
            },
            {
                "id": "III.5",
                "title": "Kế hoạch thực hiện chỉ thị đại hội",
                "deadline": "thực hiện sau khi có chỉ thị của Bộ Chính trị",
                "depends_on": {"events": ["ct"]},
            },
            {
                "id": "III.6",
                "title": "Quy chế phối hợp",
                "deadline": "thực hiện sau khi Trung ương ban hành Quy chế chung",
                "depends_on": {"events": ["qc"]},
            },
            {
                "id": "III.7",
                "title": "Kiểm tra, giám sát",
                "deadline": "thực hiện thường xuyên",
                "status": "đang thực hiện",
                "history": [progress("2019-07-10")],
            },
            {"id": "III.8", "title": "Tuyên truyền", "deadline": "thực hiện thường xuyên"},
            {"id": "III.9", "title": "Đề án nhân sự", "deadline": "thực hiện từ năm 2020"},
        ],
        events=events,
    )


def test_version_and_help(runner: CliRunner) -> None:
    code, out, _ = run(runner, "--version")
    assert code == 0 and out.startswith("kehoach ")
    code, out, _ = run(runner, "--help")
    assert code == 0
    for command in ("validate", "status", "overdue", "report", "tasks", "schema"):
        assert command in out


def test_every_command_has_vietnamese_help(runner: CliRunner) -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        assert re.search(r"[ạảãàáâậầấẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữ]", command.help.lower()), (
            name
        )


def test_validate_shipped_plan(runner: CliRunner, shipped_plan: Path) -> None:
    code, out, err = run(runner, "validate", str(shipped_plan), "--as-of", "2019-01-01")
    assert code == 0
    # Three tasks state no deadline: warnings with their position, not errors.
    warned = out.splitlines()
    assert [line.split(": cảnh báo: Nhiệm vụ ")[1].split(":")[0] for line in warned] == [
        "III.6.1",
        "III.1.2",
        "III.4.1",
    ]
    assert warned[0].startswith("plan/tasks/ban-tuyen-giao.yaml:7:9: cảnh báo: ")
    assert all("không đọc được thời hạn" in line for line in warned)
    assert "Kế hoạch hợp lệ: 79 nhiệm vụ" in err and "; 3 cảnh báo." in err


def test_validate_strict_makes_warnings_fail(runner: CliRunner, shipped_plan: Path) -> None:
    code, _, err = run(runner, "validate", str(shipped_plan), "--as-of", "2019-01-01", "--strict")
    assert code == 1
    assert "3 cảnh báo (--strict: tính là lỗi)" in err
    code, out, _ = run(
        runner, "validate", str(shipped_plan), "--as-of", "2019-01-01", "-f", "github"
    )
    assert code == 0
    assert out.count("::warning file=") == 3 and "::error" not in out
    code, out, _ = run(runner, "validate", str(shipped_plan), "--as-of", "2019-01-01", "-f", "json")
    assert {item["severity"] for item in json.loads(out)} == {"warning"}


def test_a_task_without_deadline_warns_and_reports_undated(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = build_plan(
        tmp_path / "p",
        [{"id": "a", "note": "Thời hạn: theo chỉ đạo"}, {"id": "b", "deadline": "năm 2019"}],
    )
    code, out, err = run(runner, "validate", str(root), "--as-of", "2019-01-01")
    assert code == 0 and "Nhiệm vụ a: không đọc được thời hạn" in out and "1 cảnh báo" in err
    code, out, _ = run(runner, "status", str(root), "--as-of", "2019-06-30", "-f", "json")
    data = json.loads(out)
    assert data["totals"]["undated"] == 1 and data["totals"]["open"] == 1
    code, out, _ = run(runner, "report", str(root), "--quarter", "2019-Q2")
    assert "| Chưa xác định thời hạn | 1 | 50,0% |" in out
    assert "| Chưa hoàn thành, trong hạn | 1 | 50,0% |" in out


def test_validate_reports_problems_in_every_format(runner: CliRunner, tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p", [{"id": "a", "partners": ["khong-co"], "deadline": "năm 2019"}]
    )
    code, out, err = run(runner, "validate", str(root))
    assert code == 1
    assert re.search(r"ban-to-chuc\.yaml:5:\d+: Nhiệm vụ a: cơ quan phối hợp 'khong-co'", out)
    assert "Tìm thấy 1 lỗi trong 1 tệp." in err
    code, out, _ = run(runner, "validate", str(root), "--format", "github")
    assert code == 1 and out.startswith("::error file=") and ",line=5," in out
    code, out, _ = run(runner, "validate", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data[0]["line"] == 5 and data[0]["code"] == "unknown-body"
    assert data[0]["severity"] == "error"


def test_validate_usage_errors_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    code, _, err = run(runner, "validate", str(tmp_path / "khong-co"))
    assert code == 2 and "Không tìm thấy thư mục kế hoạch" in err
    code, _, err = run(runner, "validate", str(tmp_path))
    assert code == 2 and "không có tệp plan.yaml" in err
    code, _, err = run(runner, "validate", "--format", "xml")
    assert code == 2 and "không hợp lệ cho --format" in err
    code, _, err = run(runner, "status", "plan", "--as-of", "31/02/2019")
    assert code == 2 and "không tồn tại trong lịch" in err
    assert "Traceback" not in err


def test_broken_plan_blocks_reports(runner: CliRunner, tmp_path: Path) -> None:
    root = build_plan(tmp_path / "p", [{"id": "a"}])
    (root / "tasks" / "ban-to-chuc.yaml").write_text(
        "body: ban-to-chuc\ntasks: [\n", encoding="utf-8"
    )
    code, _, err = run(runner, "status", str(root))
    assert code == 1
    assert "ban-to-chuc.yaml:3:1: Lỗi cú pháp YAML" in err


def test_status_table_fits_80_columns_and_has_no_ansi_when_piped(
    runner: CliRunner, shipped_plan: Path
) -> None:
    code, out, _ = run(runner, "status", str(shipped_plan), "--as-of", "2019-06-30")
    assert code == 0
    assert not ANSI.search(out)
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "Ban Tổ chức Tỉnh" in out and "Quá" in out
    # 72 top-level tasks (79 with the 7 sub-tasks, counted through their parents);
    # III.1.2, III.4.1 and III.6.1 state no deadline: "Chưa rõ hạn", not "Trong hạn".
    assert re.search(r"^ Tổng +8 +1 +0 +5 +0 +55 +3 +0 +72$", out, re.MULTILINE)
    assert "Chưa có thông tin (chưa từng được cập nhật): 72 nhiệm vụ" in out
    assert "Tính đến ngày 30/06/2019" in out


def test_status_json_csv_markdown(runner: CliRunner, tmp_path: Path) -> None:
    root = history_plan(tmp_path)
    code, out, _ = run(runner, "status", str(root), "--as-of", "2019-09-30", "-f", "json")
    data = json.loads(out)
    assert code == 0 and data["as_of"] == "2019-09-30" and data["total"] == 9
    assert data["totals"]["overdue"] == 2  # III.3 (quý II) and III.5 (chỉ thị + 90 ngày)
    assert data["totals"]["done_on_time"] == 2
    code, out, _ = run(
        runner, "status", str(root), "--as-of", "2019-09-30", "-f", "csv", "--lang", "en"
    )
    assert out.splitlines()[0].startswith("\ufeffbody,name,role,overdue,")  # codes for scripts
    *_, total, no_info = csv.DictReader(io.StringIO(out.lstrip("\ufeff")))
    assert total["role"] == "total" and total["total"] == str(data["total"])
    assert {k: int(total[k]) for k in data["totals"]} == data["totals"]
    assert no_info["role"] == "never_updated" and no_info["overdue"] == ""
    assert no_info["total"] == str(data["never_updated"])
    code, out, _ = run(runner, "status", str(root), "--as-of", "2019-09-30", "-f", "markdown")
    assert "| Ban Tổ chức Tỉnh ủy | chủ trì |" in out
    assert "| Sở Nội vụ | phối hợp |" in out


def test_overdue_lists_most_overdue_first_and_fails_for_ci(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = history_plan(tmp_path)
    code, out, _ = run(runner, "overdue", str(root), "--as-of", "2019-09-30", "-f", "json")
    data = json.loads(out)
    assert code == 0
    assert [t["id"] for t in data["overdue"]] == ["III.3", "III.5"]
    assert data["overdue"][0]["days_overdue"] == 92
    code, out, _ = run(runner, "overdue", str(root), "--as-of", "2019-09-30", "--fail")
    assert code == 1 and "2 nhiệm vụ quá hạn" in out
    code, out, _ = run(
        runner, "overdue", str(root), "--as-of", "2018-07-01", "--fail", "--within", "70"
    )
    assert code == 0
    assert "Không có nhiệm vụ quá hạn" in out and "đến hạn trong 70 ngày tới" in out


def test_tasks_json_contract(runner: CliRunner, shipped_plan: Path) -> None:
    code, out, _ = run(
        runner, "tasks", str(shipped_plan), "--format", "json", "--as-of", "2018-09-01"
    )
    assert code == 0
    records = json.loads(out)
    assert len(records) == 79
    required = {
        "id",
        "body",
        "role",
        "partners",
        "title",
        "deadline_text",
        "status",
        "parent",
        "source",
        "deadline",
        "due",
        "state",
        "days_overdue",
    }
    assert all(required <= set(r) for r in records)
    by_id = {r["id"]: r for r in records}
    assert by_id["II.2"]["deadline_text"] == "hoàn thành trong tháng 8 năm 2018"
    assert by_id["II.2"]["state"] == "overdue" and by_id["II.2"]["due"] == "2018-08-31"
    assert by_id["III.3.4.1"]["parent"] == "III.3.4"
    assert by_id["III.5.1"]["role"] == "partner"
    assert by_id["III.5.1"]["partners"] == ["ban-noi-chinh", "bcsd-ubnd"]
    assert (
        by_id["II.1"]["deadline_text"] == "" and by_id["II.1"]["deadline"]["kind"] == "continuous"
    )
    assert by_id["III.3.3"]["state"] == "waiting"


def test_report_golden_and_byte_identical(runner: CliRunner, tmp_path: Path) -> None:
    root = history_plan(tmp_path)
    code, first, _ = run(runner, "report", str(root), "--quarter", "2019-Q3")
    assert code == 0
    _, second, _ = run(runner, "report", str(root), "--quarter", "2019-Q3")
    assert first == second
    check_golden("report-small-2019-Q3.md", first)
    out = tmp_path / "r.md"
    code, _, err = run(
        runner, "report", str(root), "--half", "2019-H1", "--cutoff", "nd09", "-o", str(out)
    )
    assert code == 0 and out.is_file() and "Đã ghi báo cáo" in err
    check_golden("report-small-2019-H1-nd09.md", out.read_text(encoding="utf-8"))


def test_report_on_shipped_plan_golden(runner: CliRunner, shipped_plan: Path) -> None:
    code, out, _ = run(runner, "report", str(shipped_plan), "--year", "2019")
    assert code == 0
    assert "\npie showData" in out and "```mermaid\ngantt" in out
    check_golden("report-shipped-2019.md", out)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--quarter", "2019-Q3", "--year", "2019"],
        ["--quarter", "2019-Q5"],
        ["--half", "2019-H3"],
    ],
)
def test_report_period_errors(runner: CliRunner, args: list[str]) -> None:
    code, _, err = run(runner, "report", "plan", *args)
    assert code == 2
    assert "kỳ" in err.lower()


def test_schema_is_current(runner: CliRunner) -> None:
    schemas = Path(__file__).resolve().parents[2] / "schemas"
    code, _, err = run(runner, "schema", "--check", "--out", str(schemas))
    assert code == 0, err


def test_tasks_json_carries_history_with_structured_references(
    runner: CliRunner, tmp_path: Path
) -> None:
    root = history_plan(tmp_path)
    code, out, _ = run(runner, "tasks", str(root), "-f", "json", "--as-of", "2019-09-30")
    assert code == 0
    first = {r["id"]: r for r in json.loads(out)}["III.1"]["history"][0]
    assert first["status"] == "done" and first["date"] == "2018-08-20"
    ref = first["evidence_refs"][0]
    assert (ref["number"], ref["type"]) == ("15", "KH")


def test_validate_flags_a_malformed_document_reference(runner: CliRunner, tmp_path: Path) -> None:
    root = build_plan(
        tmp_path / "p",
        [
            {
                "id": "a",
                "deadline": "năm 2018",
                "status": "hoàn thành",
                "history": [done("2018-08-20", evidence="15-KH/")],
            },
        ],
    )
    code, out, _ = run(runner, "validate", str(root), "-f", "json")
    problems = json.loads(out)
    assert code == 1
    assert [p["code"] for p in problems] == ["docref"]


@pytest.mark.parametrize("typed", ["ban-to-chuc", "Ban Tổ chức Tỉnh ủy", "ban to chuc tinh uy"])
def test_status_for_one_body(runner: CliRunner, shipped_plan: Path, typed: str) -> None:
    code, out, _ = run(
        runner, "status", str(shipped_plan), "--body", typed, "--as-of", "2019-06-30", "-f", "csv",
        "--lang", "en",
    )  # fmt: skip
    assert code == 0
    rows = out.splitlines()
    assert rows[1].startswith("ban-to-chuc,Ban Tổ chức Tỉnh ủy,lead,2,")
    assert rows[2].startswith("ban-to-chuc,Ban Tổ chức Tỉnh ủy,partner,0,")
    # then the body's total (each task once) and its never-updated count
    assert rows[3].startswith(",,total,") and rows[4].startswith(",,never_updated,")
    assert len(rows) == 5


def test_unknown_body_gets_a_suggestion(runner: CliRunner, shipped_plan: Path) -> None:
    code, _, err = run(runner, "overdue", str(shipped_plan), "--body", "ban-to-chuk")
    assert code == 2
    assert "Không có cơ quan 'ban-to-chuk' trong danh mục. Có phải ý bạn là 'ban-to-chuc'?" in err


def test_overdue_for_one_body(runner: CliRunner, shipped_plan: Path) -> None:
    code, out, _ = run(
        runner,
        "overdue",
        str(shipped_plan),
        "--body",
        "ubkt",
        "--as-of",
        "2019-06-30",
        "-f",
        "json",
    )
    assert code == 0
    assert [t["id"] for t in json.loads(out)["overdue"]] == ["III.5.2"]


def test_english_labels(runner: CliRunner, tmp_path: Path) -> None:
    root = history_plan(tmp_path)
    code, out, _ = run(runner, "status", str(root), "--as-of", "2019-09-30", "--lang", "en")
    assert code == 0 and "As of 30/09/2019" in out and "Overdue: 2 tasks." in out
    code, out, _ = run(runner, "report", str(root), "--quarter", "2019-Q3", "--lang", "en")
    assert code == 0 and "# Implementation report:" in out and "## 4. Overdue tasks" in out
