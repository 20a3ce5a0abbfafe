"""Tables in text exports (tests/data/import/table-*): pipe rows without outer pipes,
header cells one per line, one cell per line between separators; every task checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kehoach.importer import import_document, read_document
from kehoach.importer.reading import read_text
from kehoach.importer.structure import build_draft
from tests.importer import ROOT, all_tasks, body_names, load

DATA = ROOT / "tests" / "data" / "import"
Expected = list[tuple[str, str, str, str, list[str], str | None]]


def _import(tmp_path: Path, name: str) -> tuple[dict[str, tuple[str, dict[str, Any]]], Any]:
    result = import_document(DATA / name, tmp_path / "plan")
    names = body_names(result.out)
    tasks = {t: (names[b], task) for t, (b, task, _) in all_tasks(result.out).items()}
    return tasks, result


def _check(tasks: dict[str, tuple[str, dict[str, Any]]], expected: Expected) -> None:
    """(id, title, lead, deadline, partner ids, output) of every table task; role lead."""
    assert sorted(tasks) == sorted(e[0] for e in expected)
    for ident, title, lead, deadline, partners, output in expected:
        body, task = tasks[ident]
        found = (task["title"], body, task.get("deadline", ""), task.get("partners", []),
                 task.get("output"))  # fmt: skip
        assert found == (title, lead, deadline, partners, output), ident
        assert task["role"] == "chủ trì", ident


def test_pipe_rows_without_outer_pipes(tmp_path: Path) -> None:
    name = "table-khong-ong-dung.md"
    tasks, result = _import(tmp_path, name)
    plan = load(result.out / "plan.yaml")
    assert [(s["id"], s["title"]) for s in plan["sections"]] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"), ("II", "NHIỆM VỤ CỤ THỂ"), ("II.1", "CHÍNH QUYỀN SỐ"),
        ("II.2", "KINH TẾ SỐ"), ("III", "TỔ CHỨC THỰC HIỆN"),
    ]  # fmt: skip
    vp, ct = "Văn phòng Ủy ban nhân dân tỉnh", "Sở Công Thương"
    _check(
        {k: v for k, v in tasks.items() if k.startswith("II.")},
        [
            ("II.1.1", "Phối hợp vận hành Hệ thống thông tin giải quyết thủ tục hành chính", vp,
             "Quý II/2026", ["so-thong-tin-va-truyen-thong"], "Hệ thống vận hành"),
            # blank lead and deadline (merged in the source) inherit from the row above
            ("II.1.2", "Số hóa hồ sơ lưu trữ", vp, "Quý II/2026", ["so-noi-vu"], "Kho dữ liệu"),
            ("II.1.3", "Kết nối cơ sở dữ liệu dân cư", "Công an tỉnh", "Năm 2026",
             ["so-tu-phap"], None),
            ("II.2.1", "Phát triển thương mại điện tử", ct, "Tháng 10/2026", ["so-tai-chinh"],
             "Báo cáo"),
            ("II.2.2", "Hỗ trợ doanh nghiệp chuyển đổi số", ct, "Tháng 10/2026", [], None),
        ],
    )  # fmt: skip
    assert tasks["II.1.2"][1]["source"] == {"section": "II.1", "item": 2, "line": 20}
    assert result.unplaced == []
    (table,) = build_draft(read_document(DATA / name)).tables
    assert [(r.line, r.inherited) for r in table.inherited_rows] == [
        (20, ("lead", "deadline")), (25, ("lead", "deadline")),
    ]  # fmt: skip
    assert [(s.line, s.reason) for s in table.skipped] == [
        (15, "dòng tiêu đề của bảng"), (17, "dòng số thứ tự cột"), (22, "dòng tiêu đề lặp lại"),
    ]  # fmt: skip


def test_header_cells_one_per_line(tmp_path: Path) -> None:
    tasks, result = _import(tmp_path, "table-tieu-de-tung-dong.txt")
    plan = load(result.out / "plan.yaml")
    assert [(s["id"], s["title"]) for s in plan["sections"]] == [
        ("I", "NHIỆM VỤ TRỌNG TÂM"), ("I.1", "CẢI CÁCH THỂ CHẾ"),
        ("I.2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), ("II", "TỔ CHỨC THỰC HIỆN"),
    ]  # fmt: skip
    _check(
        {k: v for k, v in tasks.items() if k.startswith("I.")},
        [
            ("I.1.1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Quý I/2026",
             tasks["I.1.1"][1].get("partners", []), None),
            ("I.1.2", "Phối hợp xây dựng quy định phân cấp", "Sở Nội vụ", "Quý III/2026",
             ["so-tu-phap"], None),
            # "3": the table numbers on across its group rows, and the id keeps it
            ("I.2.3", "Công khai thủ tục hành chính", "Văn phòng Ủy ban nhân dân tỉnh",
             "Thường xuyên",
             ["so-thong-tin-va-truyen-thong"], None),
        ],
    )  # fmt: skip
    assert tasks["I.1.2"][1]["source"]["line"] == 18
    # the prose after the table is read as prose: a task of section II
    assert tasks["II.1"] == ("Sở Nội vụ", tasks["II.1"][1])
    assert tasks["II.1"][1]["source"]["line"] == 33


def test_one_cell_per_line_with_separators(tmp_path: Path) -> None:
    tasks, result = _import(tmp_path, "table-o-tung-dong.txt")
    nn = "Sở Nông nghiệp và Phát triển nông thôn"
    _check(
        {k: v for k, v in tasks.items() if k.startswith("I.")},
        [
            ("I.1", "Xây dựng vùng nguyên liệu tập trung", nn, "Năm 2026",
             ["so-tai-nguyen-va-moi-truong"], None),
            # a cell over two lines; an empty partner cell (two separators in a row)
            ("I.2", "Phối hợp cấp mã số vùng trồng\ncho các hợp tác xã", "Chi cục Trồng trọt",
             "Quý IV/2026", [], None),
            ("I.3", "Tập huấn kỹ thuật cho nông dân", "Trung tâm Khuyến nông", "Hằng năm",
             ["hoi-nong-dan-tinh"], None),
        ],
    )  # fmt: skip
    assert [tasks[t][1]["source"]["line"] for t in ("I.1", "I.2", "I.3")] == [16, 26, 36]
    assert result.unplaced == []
    assert tasks["II.1"][0] == nn


@pytest.mark.parametrize(
    "text",
    [
        # Markdown with outer pipes and a blank line between rows
        "| STT | Nội dung | Cơ quan chủ trì | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Việc một | Sở A | 2026 |\n\n| 2 | Việc hai | Sở B | 2027 |\n",
        # no outer pipes, no separator line
        "STT | Nội dung | Cơ quan chủ trì | Thời hạn\n1 | Việc một | Sở A | 2026\n"
        "2 | Việc hai | Sở B | 2027\n",
        # header one per line, rows as pipe rows
        "STT\nNội dung\nCơ quan chủ trì\nThời hạn\n1 | Việc một | Sở A | 2026\n"
        "2 | Việc hai | Sở B | 2027\n",
        # one cell per line, nothing between them
        "STT\nNội dung\nCơ quan chủ trì\nThời hạn\n(1)\n(2)\n(3)\n(4)\n1\nViệc một\nSở A\n2026\n"
        "2\nViệc hai\nSở B\n2027\n",
    ],
)
def test_every_shape_gives_the_same_rows(text: str) -> None:
    rows = [p for p in read_text(text) if p.cells is not None]
    assert {p.table for p in rows} == {1}
    body = [p.cells for p in rows if p.cells and p.cells[0] in ("1", "2")]
    assert body == [("1", "Việc một", "Sở A", "2026"), ("2", "Việc hai", "Sở B", "2027")]
    assert rows[0].cells == ("STT", "Nội dung", "Cơ quan chủ trì", "Thời hạn")


def test_prose_with_a_bar_is_not_a_table() -> None:
    paras = read_text("Tổng hợp số liệu | báo cáo quý.\n\nNội dung\nđược giữ nguyên.\n")
    assert all(p.cells is None for p in paras)


@pytest.mark.parametrize(
    ("numbers", "ids"),
    [
        # numbered on across the group rows: the ids keep the document's numbers
        (["I", "1", "2", "II", "3", "4"], ["I.1.1", "I.1.2", "I.2.3", "I.2.4"]),
        # restarted in each group: the same numbers, the same ids
        (["I", "1", "2", "II", "1", "2"], ["I.1.1", "I.1.2", "I.2.1", "I.2.2"]),
        # a gap is kept; a repeated or falling number takes the next free one
        (["I", "1", "3", "3", "2"], ["I.1.1", "I.1.3", "I.1.4", "I.1.5"]),
        # no STT at all: counted in order
        (["I", "", ""], ["I.1.1", "I.1.2"]),
    ],
)
def test_table_rows_keep_their_own_numbers_when_they_can(
    tmp_path: Path, numbers: list[str], ids: list[str]
) -> None:
    lines = ["KẾ HOẠCH", "Cải cách hành chính năm 2026", "",
             "| STT | Nội dung | Cơ quan chủ trì | Thời gian |", "|---|---|---|---|"]  # fmt: skip
    titles: list[str] = []
    for number in numbers:
        if number in ("I", "II"):
            lines.append(f"| {number} | NHÓM {number} | | |")
        else:
            titles.append(f"Nhiệm vụ thứ {len(titles) + 1}")
            lines.append(f"| {number} | {titles[-1]} | Sở Tư pháp | Quý I/2026 |")
    source = tmp_path / "ke-hoach.md"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_document(source, tmp_path / "plan")
    found = all_tasks(result.out)
    assert sorted(found) == ids
    assert [found[i][1]["title"] for i in ids] == titles  # each row once, in order
