"""The ``report:`` block an import fills from what the plan document shows (issue 12):
superior body, report symbol, place and signer; nothing the document does not show."""

from __future__ import annotations

from pathlib import Path

import yaml

from kehoach.importer import import_document
from kehoach.importer.metadata import Meta, report_defaults

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


def _report(name: str, tmp_path: Path) -> dict[str, object] | None:
    result = import_document(DATA / name, tmp_path / "out")
    plan = yaml.safe_load((result.out / "plan.yaml").read_text(encoding="utf-8"))
    report = plan.get("report")
    assert report is None or isinstance(report, dict)
    return report


def test_party_plan_with_two_header_levels(tmp_path: Path) -> None:
    assert _report("dang-uy-khoi-quy-dinh-69.md", tmp_path) == {
        "superior": "ĐẢNG BỘ TỈNH THỪA THIÊN HUẾ",
        "symbol": "BC/ĐUK",
        "place": "Huế",
        "signer": {
            "on_behalf": "T/M Ban Thường vụ",
            "position": "Phó Bí thư Thường trực",
            "name": "Lê Thị Hoa",
        },
    }


def test_state_plan_in_a_header_table_keeps_its_place_and_signer(tmp_path: Path) -> None:
    """One organ in the header: no superior; a State number ("245/KH-UBND") gives no
    Party report symbol; the national motto is never taken for a body."""
    assert _report("ubnd-ha-giang-chuyen-doi-so.md", tmp_path) == {
        "place": "Hà Giang",
        "signer": {
            "on_behalf": "TM. Ủy ban nhân dân",
            "position": "Phó Chủ tịch",
            "name": "Nguyễn Văn Sơn",
        },
    }


def test_nothing_shown_gives_no_block() -> None:
    assert report_defaults(Meta()) == {}
    assert report_defaults(Meta(number="15-KH/TU")) == {"symbol": "BC/TU"}
    assert report_defaults(Meta(number="15/KH-UBND")) == {}
