"""Any mix of table-like lines: the readers never fail, never overlap, never lose a row."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.importer.reading import read_text
from kehoach.importer.tables import TableRow, read_any_table
from tests.importer import ROOT

_DATA = ROOT / "tests" / "data" / "import"
LINES = sorted(
    {
        line
        for path in sorted(_DATA.glob("table-*"))
        for line in path.read_text(encoding="utf-8").split("\n")
    }
    | {"", "---", "===", "| --- | --- |", "(1) (2) (3)", "(1)", "II", "1.1", "Nơi nhận:",
       "# PHỤ LỤC", "a | b", "| x |", "STT | Nội dung | Thời hạn", "Nội dung", "Thời hạn"}
)  # fmt: skip


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(LINES), min_size=1, max_size=50))
def test_text_tables_are_well_formed(lines: list[str]) -> None:
    paras = read_text("\n".join(lines))
    previous_end = 0
    for para in paras:
        assert previous_end < para.line <= para.end_line <= len(lines)
        previous_end = para.end_line
        if para.cells is not None:
            assert para.table >= 1 and para.row >= 1
    tables: dict[int, list[int]] = {}
    for para in paras:
        if para.cells is not None:
            tables.setdefault(para.table, []).append(para.row)
    for numbers in tables.values():
        assert numbers == list(range(1, len(numbers) + 1))
    for number in tables:
        rows = [p for p in paras if p.cells is not None and p.table == number]
        table = read_any_table(rows)
        placed = [r.line for r in table.rows] + [s.line for s in table.skipped]
        placed += [line for r in table.rows if isinstance(r, TableRow) for line in r.continued]
        assert sorted(placed) == sorted(p.line for p in rows)  # every row in one place
        for row in table.rows:
            if isinstance(row, TableRow) and row.parent is not None:
                assert row.parent < table.rows.index(row)
