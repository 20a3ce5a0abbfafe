"""``report --body X``: one body's own report in every format, read back from the file:
only the tasks it leads or partners on (each with its role), its own figures and its own
rows by body — not the whole plan's."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kehoach.cli.app import app

BODY, NAME = "ban-to-chuc", "Ban Tổ chức Tỉnh ủy"
ID = re.compile(r"^((?:II|III|IV)\.\d+(?:\.\d+)*)(?: \(([^)]*)\))?$")


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def mine(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What the body's report must hold, from ``tasks --body`` and ``status --body``."""
    from tests.conftest import SHIPPED

    tasks = json.loads(run("tasks", str(SHIPPED), "--body", BODY, "--format", "json",
                           "--as-of", "2019-09-30").stdout)  # fmt: skip
    status = json.loads(run("status", str(SHIPPED), "--body", BODY, "--format", "json",
                            "--as-of", "2019-09-30").stdout)  # fmt: skip
    whole = json.loads(run("status", str(SHIPPED), "--format", "json", "--as-of",
                           "2019-09-30").stdout)  # fmt: skip
    roles = {t["id"]: {"lead": "chủ trì", "partner": "phối hợp"}[t["body_role"]] for t in tasks}
    assert "phối hợp" in roles.values() and status["total"] < whole["total"]
    return {"roles": roles, "total": status["total"], "plan_total": whole["total"]}


def check_ids(cells: list[str], roles: dict[str, str]) -> int:
    """Every task id in *cells* is one of the body's, marked with its role; how many."""
    seen = 0
    for cell in cells:
        match = ID.match(cell.strip())
        if match is None:
            continue
        ident, notes = match.groups()
        assert ident in roles, ident  # never another body's task
        assert roles[ident] in (notes or "").split("; "), cell  # its role is shown
        seen += 1
    return seen


def test_markdown(shipped_plan: Path, mine: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.md"
    run("report", str(shipped_plan), "--quarter", "2019-Q3", "--body", BODY, "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert f"**Cơ quan: {NAME}**" in text
    cells = [c for line in text.splitlines() if line.startswith("| ") for c in line.split(" | ")]
    assert check_ids([c.strip("| ") for c in cells], mine["roles"]) > 0
    by_body = text.split("## 2. Theo cơ quan", 1)[1].split("## 3.", 1)[0]
    rows = [line for line in by_body.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split(" | ")[0] for r in rows[1:-1]] == [f"| {NAME}", f"| {NAME}"]  # lead, partner
    assert rows[-1].endswith(f"**{mine['total']}** |")
    summary = text.split("## 1.", 1)[1].split("## 2.", 1)[0]
    assert f"| **Tổng** | **{mine['total']}** |" in summary


def test_docx(shipped_plan: Path, mine: dict[str, Any], tmp_path: Path) -> None:
    from docx import Document

    out = tmp_path / "bao-cao.docx"
    run("report", str(shipped_plan), "--quarter", "2019-Q3", "--body", BODY, "-f", "docx",
        "-o", str(out))  # fmt: skip
    document = Document(str(out))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    header = "\n".join(c.text for t in document.tables[:1] for r in t.rows for c in r.cells)
    assert NAME.upper() in header  # the body issues its own report
    assert f"{NAME} báo cáo kết quả thực hiện" in paragraphs
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert check_ids(cells, mine["roles"]) > 0
    bodies = [t for t in document.tables if t.rows[0].cells[0].text == "Cơ quan"]
    assert bodies, "no table by body"
    names = {r.cells[0].text for r in bodies[0].rows[1:-1]}
    assert names == {NAME}


def test_xlsx(shipped_plan: Path, mine: dict[str, Any], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "bao-cao.xlsx"
    run("report", str(shipped_plan), "--quarter", "2019-Q3", "--body", BODY, "-f", "xlsx",
        "-o", str(out))  # fmt: skip
    book = load_workbook(out)
    assert str(book["Tổng hợp"]["A1"].value).endswith(f"— {NAME}")
    rows = list(book["Theo cơ quan"].iter_rows(values_only=True))
    assert [r[0] for r in rows[1:-1]] == [NAME, NAME] and rows[-1][-1] == mine["total"]
    tasks = list(book["Nhiệm vụ"].iter_rows(values_only=True))
    assert tasks[0][:2] == ("Mã", "Vai trò")
    listed = {r[0]: r[1] for r in tasks[1:]}
    assert listed == {i: role for i, role in mine["roles"].items() if i in listed}
    assert len(listed) == mine["total"]  # every task the body's figures count, no other


def test_html(shipped_plan: Path, mine: dict[str, Any], tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.html"
    run("report", str(shipped_plan), "--quarter", "2019-Q3", "--body", BODY, "-f", "html",
        "-o", str(out))  # fmt: skip
    page = out.read_text(encoding="utf-8")
    assert f"{NAME} báo cáo kết quả thực hiện" in page
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", page)
    assert check_ids(cells, mine["roles"]) > 0
    whole = tmp_path / "ca-ke-hoach.html"
    run("report", str(shipped_plan), "--quarter", "2019-Q3", "-f", "html", "-o", str(whole))
    others = {"Ban Dân vận Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"}  # in the plan's by-body table
    by_body = page.split("Theo cơ quan", 1)[1].split("</table>", 1)[0]
    assert NAME in by_body and not any(o in by_body for o in others)
    assert any(o in whole.read_text(encoding="utf-8") for o in others)
