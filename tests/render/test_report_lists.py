"""Every list of every report format names the sub-task and the occurrence concerned
("III.2.1 (III.2.1.a)", "III.5.2 (2019)", "III.1 (sơ kết 2020)") while the figures stay
per top-level task (docs/states.md, "Đếm gì, ở đâu"; "Phần có nhãn"). Each format is read
back: Markdown as text, docx with python-docx, xlsx with openpyxl, HTML as text."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from kehoach.cli.app import app
from tests.planbuilder import build_plan, done
from tests.render.readback import docx_text, html_text

AS_OF = "2019-12-31"
PARTS = "Quý I năm 2020, sơ kết; năm 2022 tổng kết"
EVENT = {"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def sub(ident: str, deadline: str, **extra: Any) -> dict[str, Any]:
    return {"id": ident, "title": f"Việc con {ident}", "deadline": deadline, **extra}


def parent(ident: str, *subtasks: dict[str, Any]) -> dict[str, Any]:
    return {"id": ident, "title": f"Việc lớn {ident}", "subtasks": list(subtasks)}


def plan(root: Path) -> Path:
    return build_plan(
        root,
        [
            # a recurring sub-task done for 2019, its 2020 round and a sibling due in 2020
            parent(
                "R",
                sub(
                    "R.a",
                    "thực hiện hằng năm",
                    status="hoàn thành",
                    history=[done("2018-11-01"), done("2019-07-15", occurrence="2019")],
                ),
                sub("R.b", "hoàn thành trong năm 2020"),
            ),
            parent("O", sub("O.a", "thực hiện hằng năm")),  # its 2018 round was missed
            parent("W", sub("W.a", "sau khi có chỉ thị", depends_on={"events": ["ct"]})),
            parent("S", sub("S.a", "thực hiện thường xuyên")),
            {"id": "Y", "deadline": "thực hiện hằng năm"},  # a recurring task, 2018 missed
            {"id": "T", "deadline": PARTS},  # labelled parts, due in 2020 and 2022
            {
                "id": "N",
                "deadline": "năm 2019",
                "status": "hoàn thành",
                "history": [done("2019-05-02")],
            },
        ],
        events=[EVENT],
    )


def xlsx_sheets(path: Path) -> dict[str, list[list[Any]]]:
    book = load_workbook(path)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = plan(tmp_path_factory.mktemp("lists") / "plan")
    out: dict[str, Any] = {}
    code, md, err = run("report", str(root), "--year", "2019", "--as-of", AS_OF)
    assert code == 0, err
    out["md"] = md
    for fmt in ("docx", "xlsx", "html"):
        target = root.parent / f"bc.{fmt}"
        code, _, err = run("report", str(root), "--year", "2019", "--as-of", AS_OF,
                           "-f", fmt, "-o", str(target))  # fmt: skip
        assert code == 0, err
        out[fmt] = target
    code, status, _ = run("status", str(root), "--as-of", AS_OF, "-f", "json")
    out["status"] = json.loads(status)
    return out


def section(md: str, heading: str) -> str:
    """The Markdown of one numbered section of the report (up to the next heading)."""
    start = md.index(heading)
    following = re.search(r"\n#+ ", md[start + len(heading) :])
    return md[start : start + len(heading) + (following.start() if following else len(md))]


def first_cells(block: str) -> list[str]:
    """The first column of a Markdown table (the list's names), total row left out."""
    rows = [line.split("|")[1].strip() for line in block.splitlines() if line.startswith("| ")]
    return [r for r in rows[1:] if r and not r.startswith("**") and not r.startswith("---")]


COMPLETED = ["N", "R (R.a 2019)"]
OVERDUE = ["O (O.a 2018)", "Y (2018)"]
NEXT = ["R (R.a 2020)", "T (sơ kết 2020)", "Y (2020)", "O (O.a 2020)", "R (R.b)"]


def test_markdown_lists_name_sub_tasks_and_occurrences(reports: dict[str, Any]) -> None:
    md = reports["md"]
    assert first_cells(section(md, "Nhiệm vụ hoàn thành trong kỳ")) == COMPLETED
    assert sorted(first_cells(section(md, "Nhiệm vụ quá hạn"))) == OVERDUE
    assert sorted(first_cells(section(md, "Nhiệm vụ đến hạn trong kỳ tới"))) == sorted(NEXT)
    assert first_cells(section(md, "Nhiệm vụ chờ điều kiện")) == ["W (W.a)"]
    assert "| S (S.a) |" in md  # the stale list (appendix)


def test_list_totals_count_top_level_tasks(reports: dict[str, Any]) -> None:
    md = reports["md"]
    # five rows due next year, four tasks (R twice: its sub-tasks R.a and R.b)
    assert "**4 nhiệm vụ**" in section(md, "Nhiệm vụ đến hạn trong kỳ tới")
    status = reports["status"]
    assert status["total"] == 7
    assert status["totals"]["overdue"] == 2  # O and Y, once each


@pytest.mark.parametrize("fmt", ["docx", "html"])
def test_documents_name_the_same_rows(reports: dict[str, Any], fmt: str) -> None:
    text = docx_text(reports["docx"]) if fmt == "docx" else html_text(reports["html"])
    for name in [*COMPLETED[1:], *OVERDUE, *NEXT]:
        assert name in text, (fmt, name)


def test_workbook_names_the_same_rows(reports: dict[str, Any]) -> None:
    sheets = xlsx_sheets(reports["xlsx"])
    completed = [row[0] for row in sheets["Hoàn thành trong kỳ"][1:]]
    overdue = [row[0] for row in sheets["Quá hạn"][1:]]
    assert completed == COMPLETED
    assert sorted(overdue) == OVERDUE
    assert sorted(row[0] for row in sheets["Đến hạn kỳ tới"][1:]) == sorted(NEXT)


def test_overdue_names_sub_tasks_and_occurrences(tmp_path: Path) -> None:
    root = plan(tmp_path / "plan")
    code, out, err = run(
        "overdue", str(root), "--as-of", AS_OF, "--within", "100", "--width", "120"
    )
    assert code == 0, err
    lines = out.splitlines()
    assert any(line.split()[:3] == ["O", "(O.a", "2018)"] for line in lines), out
    assert any(line.split()[:2] == ["Y", "(2018)"] for line in lines), out
    # due soon: the next part of a deadline split into parts
    assert any(line.split()[:4] == ["T", "(sơ", "kết", "2020)"] for line in lines), out


def test_tasks_json_lists_each_occurrence_with_its_name(tmp_path: Path) -> None:
    root = plan(tmp_path / "plan")
    code, out, _ = run("tasks", str(root), "--as-of", AS_OF, "-f", "json")
    assert code == 0
    records = {r["id"]: r for r in json.loads(out)}
    parts = [(o["label"], o["name"], o["state"]) for o in records["T"]["occurrences"]]
    assert parts == [("2020", "sơ kết 2020", "open"), ("2022", "tổng kết 2022", "open")]
    rounds = {o["label"]: o["state"] for o in records["Y"]["occurrences"]}
    assert rounds["2018"] == "overdue" and rounds["2019"] == "open"
    assert records["N"]["occurrences"] == []
    assert records["O.a"]["counted"] is False and records["O"]["state"] == "overdue"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [""],
        ["", "", ""],
        ["a"],
        ["a", "", ""],
        ["a\n", "\n", ""],
        ["", "a", "", "b\n\n", "", "\n"],
        ["# T", "", "| x |", "", "```", "a\nb\n", ""],
        ["a", "", "b", "", "", "c"],
    ],
)
def test_trim_end_drops_what_rstrip_of_the_joined_text_drops(lines: list[str]) -> None:
    """A report is written a line at a time as it is made; the lines given out must join
    into exactly the text ``"\\n".join(lines).rstrip("\\n")`` that was written before."""
    from kehoach.render.report import trim_end

    assert "\n".join(trim_end(iter(lines))) == "\n".join(lines).rstrip("\n")


def test_a_long_title_seen_only_in_the_stale_list_is_given_in_full_in_the_appendix(
    tmp_path: Path,
) -> None:
    """The appendix's stale table is made as it is written, after the list of full titles
    was decided: a task shortened only in that table is still in the list."""
    title = "Tăng cường công tác kiểm tra, giám sát việc thực hiện " * 4 + "trên địa bàn tỉnh"
    root = build_plan(
        tmp_path / "plan",
        [{"id": "L", "title": title, "deadline": "thực hiện thường xuyên"}],
    )
    code, out, _ = run("report", str(root), "--quarter", "2019-Q4")
    assert code == 0
    appendix = out[out.index("## Phụ lục") :]
    stale = appendix[: appendix.index("### Nội dung đầy đủ")]
    rows = [line for line in stale.splitlines() if line.startswith("| L |")]
    assert len(rows) == 1 and "…" in rows[0] and title not in rows[0]
    assert f"- **L** — {' '.join(title.split())}" in appendix
