"""The Markdown report and the CSV outputs as a Vietnamese reader gets them: a title
without colon, no internal codes, totals rows, names cut only between words (full text in
the appendix), never-updated tasks counted per body, the awaited event named by its
text, Gantt bars from the real start, overdue red; CSV with a BOM and Vietnamese
headers unless --lang en."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.planbuilder import build_plan, done

AS_OF = "2019-09-30"
CODES = (
    "done_on_time", "done_late", "overdue", "not_due", "waiting", "ongoing", "stale",
    "stopped", "undated", "open_in_time", "open_overdue",
)  # fmt: skip
LONG = (
    "Chủ trì, phối hợp với các cơ quan liên quan nghiên cứu, tham mưu Ban Thường vụ Tỉnh ủy "
    "quy định cụ thể hóa cơ chế dân biết, dân bàn, dân làm, dân giám sát trong công tác cán "
    "bộ, xây dựng và quản lý đội ngũ cán bộ trong hệ thống chính trị của tỉnh"
)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    events = [
        {
            "id": "ct",
            "description": "Bộ Chính trị ban hành chỉ thị về đại hội đảng bộ các cấp",
            "occurred": "2019-05-30",
        },
        {"id": "qc", "description": "Trung ương ban hành Quy chế phối hợp chung"},
    ]
    return build_plan(
        tmp_path_factory.mktemp("mends") / "p",
        [
            {"id": "III.1", "title": LONG, "deadline": "thực hiện thường xuyên"},
            {
                "id": "III.2",
                "title": "Rà soát quy hoạch cán bộ",
                "deadline": "trong năm 2019",
                "status": "hoàn thành",
                "history": [done("2019-08-15", evidence="Báo cáo số 20-BC/BTCTU")],
            },
            {"id": "III.3", "title": "Sửa đổi quy định phân cấp", "deadline": "quý II/2019"},
            {
                "id": "III.4",
                "title": "Kế hoạch thực hiện chỉ thị đại hội",
                "deadline": "thực hiện sau khi có chỉ thị của Bộ Chính trị",
                "depends_on": {"events": ["ct"]},
            },
            {
                "id": "III.5",
                "title": "Quy chế phối hợp",
                "deadline": "thực hiện sau khi Trung ương ban hành Quy chế chung",
                "depends_on": {"events": ["qc"]},
            },
        ],
        events=events,
        other_files={
            "ban-tuyen-giao": [
                {
                    "id": "III.6",
                    "title": "Tuyên truyền",
                    "deadline": "thực hiện thường xuyên",
                    "source": {"section": "III"},
                },
            ]
        },
    )


@pytest.fixture(scope="module")
def report(plan: Path) -> str:
    code, out, err = run("report", str(plan), "--quarter", "2019-Q3")
    assert code == 0, err
    return out


def tables(markdown: str) -> list[list[list[str]]]:
    """Every Markdown table as rows of cells (the separator row left out)."""
    found: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
            if not all(re.fullmatch(r":?-+:?", c) for c in cells):
                current.append(cells)
        elif current:
            found.append(current)
            current = []
    return found


def test_title_has_no_colon(report: str) -> None:
    first = report.splitlines()[0]
    assert first == "# Báo cáo kết quả thực hiện Kế hoạch thử nghiệm"


def test_no_internal_codes_in_vietnamese(report: str) -> None:
    for code in CODES:
        assert not re.search(rf"\b{code}\b", report), code
    assert "`" not in report.replace("```", "")


def test_every_table_has_a_totals_row(report: str) -> None:
    found = tables(report)
    assert len(found) >= 6
    for table in found:
        assert table[-1][0] == "**Tổng**", table[0]


def test_long_names_cut_between_words_and_given_in_full(report: str) -> None:
    cells = [row[1] for table in tables(report) for row in table if row[0] == "III.1"]
    assert cells, "III.1 is listed"
    for cell in cells:
        assert cell.endswith("…") and len(cell) <= 161
        kept = cell[:-1]
        assert LONG.startswith(kept)
        assert LONG[len(kept)] in " ,;.", "cut inside a word"
    appendix = report[report.index("## Phụ lục") :]
    assert f"- **III.1** — {LONG}" in appendix


def test_stale_tasks_counted_per_body_with_full_list_in_appendix(report: str) -> None:
    section = report[report.index("chưa cập nhật trong kỳ\n") : report.index("## 8.")]
    assert "| Ban Tổ chức Tỉnh ủy | 1 | 1 |" in section
    assert "| Ban Tuyên giáo Tỉnh ủy | 1 | 1 |" in section
    assert "| **Tổng** | **2** | **2** |" in section
    assert "III.1" not in section and "III.6" not in section
    appendix = report[report.index("## Phụ lục") :]
    assert "| III.6 | Tuyên truyền | Ban Tuyên giáo Tỉnh ủy | chưa có |" in appendix


def test_waiting_names_the_event_by_its_text(report: str) -> None:
    rows = [row for table in tables(report) for row in table if row[0] == "III.5"]
    assert rows and rows[0][-1] == "Trung ương ban hành Quy chế phối hợp chung"


def test_gantt_starts_bars_at_the_real_start_and_labels_them(report: str) -> None:
    gantt = report[report.index("gantt") :]
    # the after-task starts when the directive came (30/5/2019), due 90 days later
    assert re.search(
        r"III\.4 Kế hoạch thực hiện chỉ thị đại hội :crit, 2019-05-30, 2019-08-28", gantt
    )
    assert re.search(r"III\.3 Sửa đổi quy định phân cấp :crit, \S+, 2019-06-30", gantt)


def test_overdue_is_red_in_the_pie(report: str) -> None:
    pie = report[report.index("pie showData") - 200 : report.index("pie showData") + 300]
    init = re.search(r'"pie1": "(#[0-9a-f]{6})"', pie)
    first = re.search(r'^\s+"([^"]+)" : \d+', pie[pie.index("pie showData") :], re.M)
    assert init and first
    assert init.group(1) == "#c62828" and first.group(1) == "Chưa hoàn thành, quá hạn"


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff"), "UTF-8 with BOM for Excel"
    return list(csv.reader(io.StringIO(text[1:])))


def test_csv_vietnamese_by_default_codes_in_english(plan: Path) -> None:
    code, out, _ = run("status", str(plan), "--as-of", AS_OF, "-f", "csv")
    assert code == 0
    rows = read_csv(out)
    assert rows[0][:3] == ["Mã cơ quan", "Cơ quan", "Vai trò"]
    assert "Chưa hoàn thành, quá hạn" in rows[0]
    assert rows[1][2] == "chủ trì" and rows[-2][1].startswith("Tổng")
    assert rows[-1][1].startswith("Chưa có thông tin")  # beside the groups, after the total
    code, out, _ = run("status", str(plan), "--as-of", AS_OF, "-f", "csv", "--lang", "en")
    assert code == 0
    rows = read_csv(out)
    assert rows[0][:4] == ["body", "name", "role", "overdue"] and rows[1][2] == "lead"
    code, out, _ = run("tasks", str(plan), "--as-of", AS_OF, "-f", "csv")
    assert code == 0
    rows = read_csv(out)
    assert rows[0][0] == "Mã" and {r[6] for r in rows[1:]} >= {"Chưa hoàn thành, quá hạn"}
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["III.3"][5] == "30/06/2019"
    code, out, _ = run("overdue", str(plan), "--as-of", AS_OF, "-f", "csv")
    assert code == 0
    rows = read_csv(out)
    code, data, _ = run("overdue", str(plan), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    assert [r[0] for r in rows[1:]] == [t["id"] for t in json.loads(data)["overdue"]]
    assert rows[0] == ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Số ngày quá hạn"]
    code, out, _ = run("overdue", str(plan), "--as-of", AS_OF, "-f", "csv", "--lang", "en")
    assert code == 0
    assert read_csv(out)[0] == ["id", "title", "body", "due", "days_overdue"]
