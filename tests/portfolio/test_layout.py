"""Discovery: a portfolio root, a plan inside one, a lone plan, neither."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kehoach.errors import InputError
from kehoach.loaded_plan import load_plan
from kehoach.portfolio.layout import locate, plan_dirs
from tests.conftest import SHIPPED
from tests.portfolio.build import build_portfolio


def test_kinds(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    assert locate(root).kind == "portfolio"
    inner = locate(root / "plans" / "kh-a")
    assert inner.kind == "plan" and inner.portfolio is not None
    assert inner.portfolio.resolve() == root.resolve()
    lone = locate(SHIPPED)
    assert lone.kind == "plan" and lone.portfolio is None
    assert [p.name for p in plan_dirs(root)] == ["kh-a", "kh-b"]
    with pytest.raises(InputError, match="không phải là thư mục kế hoạch"):
        locate(tmp_path)
    with pytest.raises(InputError, match="Không tìm thấy"):
        locate(tmp_path / "missing")


def test_plan_in_portfolio_gets_shared_registries(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf",
        {"kh-a": [{"id": "1", "partners": ["Sở Nội vụ"]}]},
        events=[{"id": "ct-35", "description": "Chỉ thị 35", "occurred": "2019-05-30"}],
        config={"office": "Văn phòng Tỉnh ủy", "lead_time_days": 30},
    )
    (root / "plans" / "kh-a" / "plan.yaml").write_text(
        (root / "plans" / "kh-a" / "plan.yaml")
        .read_text(encoding="utf-8")
        .replace("lead_time_days: 90\n", ""),
        encoding="utf-8",
    )
    plan, problems = load_plan(root / "plans" / "kh-a")
    assert problems == [] and plan is not None
    assert set(plan.bodies.by_id) == {"ban-to-chuc", "so-noi-vu", "ban-tuyen-giao"}
    assert plan.bodies.resolve("Sở Nội vụ") == "so-noi-vu"
    assert "ct-35" in plan.events
    assert plan.info.lead_time_days == 30  # the portfolio's default, the plan gave none


def test_plan_lead_time_wins_over_portfolio(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path / "pf", {"kh-a": [{"id": "1"}]}, config={"office": "VP", "lead_time_days": 30}
    )
    plan, _ = load_plan(root / "plans" / "kh-a")
    assert plan is not None and plan.info.lead_time_days == 90


def test_lone_plan_without_bodies_still_fails(tmp_path: Path) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(SHIPPED, plan_dir)
    (plan_dir / "bodies.yaml").unlink()
    # Outside a portfolio a missing registry is unreadable input (exit 2), like plan.yaml.
    with pytest.raises(InputError, match=r"không có tệp bodies\.yaml"):
        load_plan(plan_dir)


def test_plans_without_a_registry_share_one_index_of_the_shared_bodies(tmp_path: Path) -> None:
    """500 plans must not build 500 equal indexes of the shared registry; a plan with a
    registry of its own gets its own index, which also knows the shared bodies."""
    from kehoach.portfolio.load import load_portfolio

    root = build_portfolio(tmp_path / "p", {"a": [{"id": "x"}], "b": [{"id": "y"}], "c": []})
    local = root / "plans" / "c" / "bodies.yaml"
    local.write_text("bodies:\n  - {id: so-moi, name: Sở Mới}\n", encoding="utf-8")
    portfolio, problems = load_portfolio(root)
    assert problems == []
    a, b, c = (portfolio.plans[key].bodies for key in ("a", "b", "c"))
    assert a is b
    assert c is not a
    assert a.resolve("Sở Nội vụ") == b.resolve("so-noi-vu") == c.resolve("Sở Nội vụ") == "so-noi-vu"
    assert c.resolve("Sở Mới") == "so-moi" and a.resolve("Sở Mới") is None
