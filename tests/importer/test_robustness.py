"""Any mix of plan-like paragraphs imports into a valid plan: never a crash, never an
invalid file (the importer reports what it cannot place instead)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.checks import validate
from kehoach.importer import NoTasksFound, convert, read_text
from kehoach.importer.markers import repair
from kehoach.importer.writing import write_directory
from tests.importer import DATA, SEED

_SOURCES = [SEED, *sorted(DATA.glob("*.md")), *sorted(DATA.glob("*.txt"))]
LINES = sorted(
    {
        line
        for path in _SOURCES
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    }
)
EXTRA = [
    "",
    "",
    "KẾ HOẠCH",
    "II- NHIỆM VỤ THƯỜNG XUYÊN",
    "1. Sở Nội vụ",
    "- Phối hợp với (thực hiện",
    "(thực hiện từ năm 2018)",
    "+ ",
    "| Nội dung nhiệm vụ | Cơ quan chủ trì | Thời hạn |",
    "| | | |",
    "| x | Sở Y tế | không rõ |",
    "Cơ quan chủ trì: ",
    "a) Riêng việc X, hoàn thành trong năm 2018",
    "- Giao chủ trì, phối hợp với và",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES + EXTRA), min_size=1, max_size=40))
def test_any_mix_imports_to_a_valid_plan(lines: list[str]) -> None:
    paras = read_text("\n".join(lines))
    try:
        result, files = convert(paras, "kh-thu", "thu.txt")
    except NoTasksFound as refused:  # nothing to write; still every paragraph accounted for
        assert len(refused.report["lines"]) == len(repair(paras))
        return
    assert [e["line"] for e in result.accounting] == [p.line for p in repair(paras)]
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "plan"
        write_directory(files, out, force=False)
        plan, problems = validate(out, dt.date(2030, 1, 1))
        assert [p.render() for p in problems] == []
        assert plan is not None and len(plan.tasks) == result.task_count
