"""Cross-plan checks: plan ids, one body one id, shared events, references."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from kehoach.portfolio.checks import validate_portfolio
from tests.portfolio.build import build_portfolio, dump

TODAY = dt.date(2024, 1, 1)


def codes(root: Path) -> list[str]:
    _, problems = validate_portfolio(root, TODAY)
    return sorted(p.code for p in problems)


def test_clean_portfolio(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    portfolio, problems = validate_portfolio(root, TODAY)
    assert problems == []
    assert sorted(portfolio.plans) == ["kh-a", "kh-b"]


def test_body_reference_resolves_in_shared_or_local(tmp_path: Path) -> None:
    root = build_portfolio(
        tmp_path, {"kh-a": [{"id": "1", "partners": ["so-noi-vu", "ubkt"]}], "kh-b": []}
    )
    _, problems = validate_portfolio(root, TODAY)
    assert [p.code for p in problems] == ["unknown-body"]
    assert "ubkt" in problems[0].message and problems[0].path.endswith("ban-to-chuc.yaml")
    # a local registry may add the body
    dump(root / "plans/kh-a/bodies.yaml", {"bodies": [{"id": "ubkt", "name": "Ủy ban Kiểm tra"}]})
    assert codes(root) == []


def test_body_registered_twice_under_two_ids(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}]})
    dump(
        root / "plans/kh-a/bodies.yaml",
        {"bodies": [{"id": "snv", "name": "SỞ NỘI VỤ"}]},
    )
    _, problems = validate_portfolio(root, TODAY)
    assert [p.code for p in problems] == ["duplicate-body"]
    assert problems[0].path.endswith("plans/kh-a/bodies.yaml") and problems[0].line == 3  # name:
    assert "'snv'" in problems[0].message and "'so-noi-vu'" in problems[0].message


def test_duplicate_in_shared_registry_and_across_plans(tmp_path: Path) -> None:
    bodies = [
        {"id": "ban-to-chuc", "name": "Ban Tổ chức Tỉnh ủy"},
        {"id": "btc", "name": "Ban Tổ chức Tỉnh uỷ"},
    ]
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]}, bodies=bodies)
    dump(root / "plans/kh-a/bodies.yaml", {"bodies": [{"id": "vp", "name": "Văn phòng"}]})
    dump(root / "plans/kh-b/bodies.yaml", {"bodies": [{"id": "van-phong", "name": "VĂN PHÒNG"}]})
    assert codes(root) == ["duplicate-body", "duplicate-body"]


def test_same_id_for_two_bodies(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}]})
    dump(root / "plans/kh-a/bodies.yaml", {"bodies": [{"id": "so-noi-vu", "name": "Sở Y tế"}]})
    assert codes(root) == ["body-id-conflict"]
    # the same body under the same id in a plan and the shared registry is fine
    dump(root / "plans/kh-a/bodies.yaml", {"bodies": [{"id": "so-noi-vu", "name": "Sở Nội vụ"}]})
    assert codes(root) == []


def test_plan_ids(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    plan_b = root / "plans/kh-b/plan.yaml"
    plan_b.write_text(
        plan_b.read_text(encoding="utf-8").replace("id: kh-b", "id: kh-a"), encoding="utf-8"
    )
    _, problems = validate_portfolio(root, TODAY)
    assert sorted(p.code for p in problems) == ["duplicate-plan-id", "plan-id-folder"]
    assert all(p.path.endswith("plans/kh-b/plan.yaml") and p.line == 1 for p in problems)


def test_shared_events(tmp_path: Path) -> None:
    shared = [{"id": "ct-35", "description": "Chỉ thị 35", "occurred": "2019-05-30"}]
    root = build_portfolio(
        tmp_path,
        {
            "kh-a": [{"id": "1", "deadline": "sau khi có Chỉ thị 35",
                      "depends_on": {"events": ["ct-35"]}}],
            "kh-b": [{"id": "1"}],
        },
        events=shared,
    )  # fmt: skip
    assert codes(root) == []  # a task resolves a shared event
    dump(root / "plans/kh-a/events.yaml", {"events": shared})
    assert codes(root) == ["shadowed-event"]
    local = {"id": "ht", "description": "Hướng dẫn", "occurred": "2020-01-02"}
    dump(root / "plans/kh-a/events.yaml", {"events": [local]})
    dump(root / "plans/kh-b/events.yaml", {"events": [{**local, "occurred": None}]})
    assert codes(root) == ["inconsistent-event"]
    dump(root / "plans/kh-b/events.yaml", {"events": [local]})
    assert codes(root) == []


def test_only_some_plans_but_cross_checks_whole(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path, {"kh-a": [{"id": "1"}], "kh-b": [{"id": "1"}]})
    dump(root / "plans/kh-a/bodies.yaml", {"bodies": [{"id": "snv", "name": "Sở Nội vụ"}]})
    bad = root / "plans/kh-a/tasks/ban-to-chuc.yaml"
    bad.write_text(bad.read_text(encoding="utf-8") + "  - id: 2\n", encoding="utf-8")
    portfolio, problems = validate_portfolio(root, TODAY, only={"kh-b"})
    assert sorted(portfolio.plans) == ["kh-b"]
    assert [p.code for p in problems] == ["duplicate-body"]  # kh-a's task file not read
    _, problems = validate_portfolio(root, TODAY)
    assert len(problems) > 1
