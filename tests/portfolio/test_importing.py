"""``import --into``: a new plan whose bodies are matched to, or added to, the shared registry."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from kehoach.errors import InputError
from kehoach.portfolio.checks import validate_portfolio
from kehoach.portfolio.importing import import_into
from kehoach.portfolio.init import init_portfolio
from tests.conftest import SHIPPED
from tests.importer import DATA

TODAY = dt.date(2026, 1, 1)
SO_NOI_VU = DATA / "so-noi-vu-cai-cach-hanh-chinh.txt"
HA_GIANG = DATA / "ubnd-ha-giang-chuyen-doi-so.md"


def shared_ids(root: Path) -> list[str]:
    data = yaml.safe_load((root / "bodies.yaml").read_text(encoding="utf-8"))
    return [b["id"] for b in data["bodies"]]


def test_bodies_go_to_the_shared_registry_and_are_matched_next_time(tmp_path: Path) -> None:
    root = tmp_path / "pf"
    init_portfolio(root)
    first = import_into(HA_GIANG, root, today=TODAY)
    assert first.matched == [] and len(first.added) == first.imported.bodies > 0
    assert shared_ids(root) == [b.body_id for b in first.added]
    local = yaml.safe_load((first.imported.out / "bodies.yaml").read_text(encoding="utf-8"))
    assert local["bodies"] == []
    # schema comments point at the portfolio's schemas/
    assert (
        (first.imported.out / "plan.yaml")
        .read_text(encoding="utf-8")
        .startswith("# yaml-language-server: $schema=../../schemas/plan.schema.json")
    )
    # the same document again under another id: every body matched, nothing added
    second = import_into(HA_GIANG, root, plan_id="kh-lan-hai", today=TODAY)
    assert second.added == [] and {b.body_id for b in second.matched} == set(shared_ids(root))
    _, problems = validate_portfolio(root, TODAY)
    assert problems == []


def test_matching_folds_spelling_and_abbreviations(tmp_path: Path) -> None:
    root = tmp_path / "pf"
    init_portfolio(root)
    (root / "bodies.yaml").write_text(
        "bodies:\n"
        "  - id: vp-ubnd\n    name: VĂN PHÒNG UBND TỈNH\n"
        "  - id: stc\n    name: So Tai chinh\n",
        encoding="utf-8",
    )
    result = import_into(HA_GIANG, root, today=TODAY)
    by_name = {b.name: b for b in result.bodies}
    assert (
        by_name["Văn phòng Ủy ban nhân dân tỉnh"].body_id == "vp-ubnd"
        and not by_name["Văn phòng Ủy ban nhân dân tỉnh"].new
    )
    assert by_name["Sở Tài chính"].body_id == "stc"
    tasks = "".join(
        p.read_text(encoding="utf-8") for p in (result.imported.out / "tasks").glob("*.yaml")
    )
    assert "so-tai-chinh" not in tasks and "stc" in tasks
    assert "vp-ubnd" in shared_ids(root) and "so-tai-chinh" not in shared_ids(root)
    assert validate_portfolio(root, TODAY)[1] == []


def test_a_body_of_another_plan_becomes_shared(tmp_path: Path) -> None:
    root = tmp_path / "pf"
    init_portfolio(root)
    shutil.copytree(SHIPPED, root / "plans" / "kh-nq26")
    result = import_into(SO_NOI_VU, root, today=TODAY)
    promoted = [b for b in result.added if b.plan is not None]
    assert [(b.body_id, b.plan) for b in promoted] == [("cac-co-quan", "kh-nq26")]
    assert "cac-co-quan" in shared_ids(root)
    assert validate_portfolio(root, TODAY)[1] == []


def test_likely_duplicates_are_listed(tmp_path: Path) -> None:
    root = tmp_path / "pf"
    init_portfolio(root)
    (root / "bodies.yaml").write_text(
        "bodies:\n  - id: snv\n    name: Sở Nội vụ tỉnh Hà Giang\n", encoding="utf-8"
    )
    result = import_into(HA_GIANG, root, today=TODAY)
    so_noi_vu = next(b for b in result.bodies if b.name == "Sở Nội vụ")
    assert so_noi_vu.new
    assert [c.body_id for c in so_noi_vu.likely] == []  # "tỉnh Hà Giang" is more than a word
    (root / "bodies.yaml").write_text(
        "bodies:\n  - id: snv\n    name: Sở Nội vụ tỉnh\n", encoding="utf-8"
    )
    result = import_into(HA_GIANG, root, plan_id="kh-2", today=TODAY)
    so_noi_vu = next(b for b in result.bodies if b.name == "Sở Nội vụ")
    assert so_noi_vu.new and [c.body_id for c in so_noi_vu.likely] == ["snv"]


def test_refusals(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"kehoach\.yaml"):
        import_into(HA_GIANG, tmp_path, today=TODAY)
    root = tmp_path / "pf"
    init_portfolio(root)
    import_into(HA_GIANG, root, today=TODAY)
    before = (root / "bodies.yaml").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="đã có"):
        import_into(HA_GIANG, root, today=TODAY)
    assert (root / "bodies.yaml").read_text(encoding="utf-8") == before
    with pytest.raises(InputError, match="không hợp lệ"):
        import_into(HA_GIANG, root, plan_id="sai mã", today=TODAY)
    (root / "bodies.yaml").write_text("bodies: [\n", encoding="utf-8")
    with pytest.raises(InputError, match="Danh mục chung có lỗi"):
        import_into(HA_GIANG, root, plan_id="kh-3", today=TODAY)
