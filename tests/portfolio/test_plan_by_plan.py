"""A portfolio is read plan by plan: each plan is checked as it is loaded, and the status
views keep only each plan's figures, which must equal that plan's own figures."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kehoach.app.portfolio import portfolio_overdue, portfolio_report, portfolio_status
from kehoach.errors import PlanInvalid, UnknownName
from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, evaluate
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.loaded_plan import load_plan
from kehoach.portfolio.checks import checked_plans, open_portfolio
from tests.planbuilder import done, progress
from tests.portfolio.build import build_portfolio

DAY = dt.date(2020, 6, 30)


def plans() -> dict[str, list[dict[str, Any]]]:
    return {
        "kh-a": [
            {
                "id": "1",
                "deadline": "năm 2019",
                "status": "hoàn thành",
                "history": [done("2019-05-02")],
            },
            {"id": "2", "deadline": "quý I năm 2020", "partners": ["so-noi-vu"]},
            {"id": "3", "deadline": "năm 2021"},
        ],
        "kh-b": [
            {
                "id": "1",
                "deadline": "tháng 3 năm 2020",
                "status": "đang thực hiện",
                "history": [progress("2020-02-01")],
            },
            {"id": "2", "deadline": "thực hiện thường xuyên", "partners": ["ban-tuyen-giao"]},
        ],
    }


def own_figures(root: Path, key: str) -> counting.Figures:
    """The plan's figures as `kehoach status` of that one plan counts them."""
    plan, problems = load_plan(root / "plans" / key)
    assert plan is not None and not problems
    return counting.tally(evaluate(plan, DAY, cutoff="calendar")).figures()


def test_status_keeps_each_plans_figures_and_no_task_states(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", plans())
    status = portfolio_status(root, DAY, keep="figures")
    assert [f.key for f in status.plans] == ["kh-a", "kh-b"]
    assert status.evaluations == {}
    assert status.portfolio.plans == {}  # no plan outlives its figures
    for f in status.plans:
        assert f.figures == own_figures(root, f.key)
        assert f.no_information == f.figures.never_updated
    assert status.plans[0].figures.overdue == 1  # kh-a task 2, due in the first quarter
    assert status.plans[1].figures.overdue == 1  # kh-b task 1, due in March
    assert status.totals.total == 5
    assert status.totals.overdue == 2
    assert status.totals.states == sum((f.figures.states for f in status.plans), start=Counter())


def test_kept_evaluations_give_the_same_figures(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", plans())
    light = portfolio_status(root, DAY, keep="figures")
    full = portfolio_status(root, DAY)
    assert [f.figures for f in full.plans] == [f.figures for f in light.plans]
    assert sorted(full.evaluations) == ["kh-a", "kh-b"] == sorted(full.portfolio.plans)
    for f in full.plans:
        tally = counting.tally(full.evaluation(f.key))
        assert tally.figures() == f.figures
        assert tally.total == len(tally.tasks)


def test_one_plan_is_counted_but_every_plan_is_checked(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", plans())
    status = portfolio_status(root, DAY, plan="kh-b")
    assert [f.key for f in status.plans] == ["kh-b"]
    assert status.totals.total == 2
    with pytest.raises(UnknownName) as err:
        portfolio_status(root, DAY, plan="kh-c")
    assert "kh-a" in str(err.value) or "kh-b" in str(err.value)  # did you mean …


def test_a_problem_in_any_plan_stops_the_count_and_every_problem_is_told(
    tmp_path: Path,
) -> None:
    bad = plans()
    bad["kh-a"][0]["partners"] = ["khong-co-a"]
    bad["kh-c"] = [{"id": "1", "deadline": "năm 2020", "partners": ["khong-co-c"]}]
    root = build_portfolio(tmp_path / "pf", bad)
    made: list[str] = []

    def section(evaluation: Evaluation, period: ReportPeriod) -> list[str]:
        made.append(evaluation.plan.info.id)
        return []

    for call in (
        lambda: portfolio_status(root, DAY, keep="figures"),
        lambda: portfolio_report(root, "quarter", "2020-Q2", section=section),
    ):
        with pytest.raises(PlanInvalid) as err:
            call()
        told = [p for p in err.value.problems if "khong-co" in p.message]
        # the first plan's problem and the one of the plan after the valid kh-b
        plans_told = {k for p in told for k in ("kh-a", "kh-b", "kh-c") if f"/{k}/" in p.path}
        assert plans_told == {"kh-a", "kh-c"}
        assert all(p.line > 0 and p.col > 0 for p in told)
    assert made == []  # nothing is reported of a portfolio with a problem


def test_checked_plans_are_checked_before_their_positions_go(tmp_path: Path) -> None:
    bad = plans()
    bad["kh-b"][1]["partners"] = ["khong-co"]
    root = build_portfolio(tmp_path / "pf", bad)
    portfolio, problems = open_portfolio(root)
    assert problems == []
    seen = []
    for key, plan in checked_plans(portfolio, DAY, problems):
        seen.append((key, len(problems)))
        assert all(entry.raw is None for entry in plan.tasks)
        assert not set(plan.files) & set(plan.raw)  # task files' raw data dropped
    assert seen == [("kh-a", 0), ("kh-b", 1)]  # a plan's problems come with it
    (problem,) = problems
    assert problem.path.endswith("tasks/ban-to-chuc.yaml")
    assert (problem.line, problem.col) > (0, 0)


def test_overdue_kept_alone_is_the_counting_modules_list(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", plans())
    light = portfolio_status(root, DAY, keep="overdue")
    assert light.evaluations == {} and light.portfolio.plans == {}
    full = portfolio_status(root, DAY)
    for body in (None, "ban-to-chuc", "so-noi-vu", "ban-tuyen-giao"):
        expected = [
            (f.key, s.id)
            for f in full.plans
            for s in counting.overdue(full.evaluation(f.key), body)
        ]
        assert [(o.key, o.state.id) for o in portfolio_overdue(light, body)] == expected
    assert [(o.key, o.state.id) for o in portfolio_overdue(light, "so-noi-vu")] == [("kh-a", "2")]
    assert len(portfolio_overdue(light)) == light.totals.overdue == 2


def test_report_keeps_each_plans_section_made_as_it_is_evaluated(tmp_path: Path) -> None:
    root = build_portfolio(tmp_path / "pf", plans())
    seen: list[tuple[str, str, int]] = []

    def section(evaluation: Evaluation, period: ReportPeriod) -> list[str]:
        seen.append((evaluation.plan.root.name, period.label(), len(evaluation.states)))
        return [f"phần của {evaluation.plan.root.name}"]

    report = portfolio_report(root, "quarter", "2020-Q2", section=section)
    assert seen == [("kh-a", report.period.label(), 3), ("kh-b", report.period.label(), 2)]
    assert report.sections == {"kh-a": ["phần của kh-a"], "kh-b": ["phần của kh-b"]}
    assert report.status.evaluations == {} and report.status.portfolio.plans == {}
    assert report.status.as_of == report.period.end == dt.date(2020, 6, 30)
    assert [f.figures for f in report.status.plans] == [
        f.figures for f in portfolio_status(root, report.period.end).plans
    ]
