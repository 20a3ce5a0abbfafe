"""The counting rules of docs/states.md ("Đếm gì, ở đâu"), function by function.

Written against the mutants that survived ``make mutate`` (docs/states.md, "Kiểm thử đột
biến"): per-body rows and their order, the body a list is asked for, the order of every
list, the bounds of every window, and which entry closes a completion.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation
from kehoach.evaluation.states import Category, State
from tests.evaluation.test_counting import evaluated
from tests.planbuilder import done, progress

D = dt.date.fromisoformat


def two_bodies(tmp_path: Path, day: str) -> Evaluation:
    """Tasks of ban-to-chuc (one with a sub-task, one naming partners) and of ban-tuyen-giao
    (one of them "phối hợp" in its own file); the registry order is ban-to-chuc, so-noi-vu,
    ban-tuyen-giao — not the alphabetical order."""
    own: list[dict[str, Any]] = [
        {
            "id": "A.1",
            "deadline": "hoàn thành trong quý II/2019",
            "subtasks": [
                {
                    "id": "A.1.a",
                    "title": "Con",
                    "deadline": "hoàn thành trong quý I/2019",
                    "status": "chưa thực hiện",
                }
            ],
        },
        {
            "id": "A.2",
            "deadline": "hoàn thành trong quý III/2019",
            # the lead named as its own partner is no partner row; a name resolves to its id
            "partners": ["Ban Tuyên giáo Tỉnh ủy", "ban-to-chuc", "so-noi-vu"],
        },
        {"id": "A.3", "deadline": "hoàn thành trong quý III/2019", "status": "dừng thực hiện"},
    ]
    other: list[dict[str, Any]] = [
        {"id": "B.1", "deadline": "hoàn thành trong quý I/2019", "source": {"section": "III"}},
        {
            "id": "B.2",
            "deadline": "hoàn thành trong quý III/2019",
            "role": "phối hợp",
            "source": {"section": "III"},
            "status": "chưa thực hiện",
        },
    ]
    return evaluated(tmp_path, own, day, other_files={"ban-tuyen-giao": other})


def test_body_rows_follow_the_registry_and_count_roles(tmp_path: Path) -> None:
    ev = two_bodies(tmp_path, "2019-07-01")
    rows = counting.body_rows(ev)
    assert [(r.body, r.name, r.role) for r in rows] == [
        ("ban-to-chuc", "Ban Tổ chức Tỉnh ủy", "lead"),
        ("so-noi-vu", "Sở Nội vụ", "partner"),
        ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy", "lead"),
        ("ban-tuyen-giao", "Ban Tuyên giáo Tỉnh ủy", "partner"),
    ]
    counts = {(r.body, r.role): dict(r.counts) for r in rows}
    # the sub-task A.1.a is counted through its parent only
    assert counts[("ban-to-chuc", "lead")] == {State.OVERDUE: 1, State.OPEN: 1, State.STOPPED: 1}
    assert counts[("so-noi-vu", "partner")] == {State.OPEN: 1}
    assert counts[("ban-tuyen-giao", "lead")] == {State.OVERDUE: 1}
    # B.2 ("phối hợp" in its own file) and A.2 naming ban-tuyen-giao by name
    assert counts[("ban-tuyen-giao", "partner")] == {State.OPEN: 2}
    assert [r.total for r in rows] == [3, 1, 1, 2]
    only = counting.body_rows(ev, "ban-tuyen-giao")
    assert [(r.body, r.role, r.total) for r in only] == [
        ("ban-tuyen-giao", "lead", 1),
        ("ban-tuyen-giao", "partner", 2),
    ]
    assert counting.tally(ev, "ban-tuyen-giao").rows == only


def test_tally_of_one_body_counts_its_own_and_its_partner_tasks(tmp_path: Path) -> None:
    ev = two_bodies(tmp_path, "2019-07-01")
    whole = counting.tally(ev)
    assert [s.id for s in whole.tasks] == ["A.1", "A.2", "A.3", "B.1", "B.2"]
    assert (whole.total, whole.overdue, whole.stopped, whole.undated) == (5, 2, 1, 0)
    assert whole.states == {State.OVERDUE: 2, State.OPEN: 2, State.STOPPED: 1}
    assert whole.categories == {Category.OPEN_OVERDUE: 2, Category.OPEN_IN_TIME: 2}
    assert whole.never_updated == 4  # A.3 is stopped: not on the "no information" line
    assert whole.rows == counting.body_rows(ev)
    mine = counting.tally(ev, "ban-tuyen-giao")
    assert [s.id for s in mine.tasks] == ["A.2", "B.1", "B.2"]
    assert (mine.total, mine.overdue, mine.stopped, mine.never_updated) == (3, 1, 0, 3)
    assert mine.categories == {Category.OPEN_OVERDUE: 1, Category.OPEN_IN_TIME: 2}
    assert [s.id for s in counting.counted(ev, "so-noi-vu")] == ["A.2"]


def test_every_list_of_one_body_holds_only_that_bodys_tasks(tmp_path: Path) -> None:
    ev = two_bodies(tmp_path, "2019-07-01")
    q3 = (D("2019-07-01"), D("2019-09-30"))
    assert [s.id for s in counting.overdue(ev, "ban-to-chuc")] == ["A.1"]
    assert [s.id for s in counting.due_within(ev, 100, "ban-to-chuc")] == ["A.2"]
    assert [s.id for s in counting.due_within(ev, 100, "so-noi-vu")] == ["A.2"]
    assert [d.state.id for d in counting.due_between(ev, *q3, body="ban-tuyen-giao")] == [
        "A.2",
        "B.2",
    ]
    assert [d.state.id for d in counting.due_between(ev, *q3, body="so-noi-vu")] == ["A.2"]
    assert [s.id for s in counting.in_states(ev, State.OPEN, body="ban-to-chuc")] == ["A.2"]
    assert [s.id for s in counting.in_states(ev, State.OPEN, State.OVERDUE)] == [
        "A.1",
        "A.2",
        "B.1",
        "B.2",
    ]


def test_overdue_lists_the_most_overdue_first(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "b", "deadline": "hoàn thành trước ngày 20/9/2019"},
        {"id": "a", "deadline": "hoàn thành trước ngày 20/9/2019"},
        {"id": "c", "deadline": "hoàn thành trước ngày 10/9/2019"},
        {"id": "d", "deadline": "hoàn thành trước ngày 10/10/2019"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-09-30")
    late = counting.overdue(ev)
    assert [(s.id, s.days_overdue) for s in late] == [("c", 20), ("a", 10), ("b", 10)]


def test_the_overdue_parts_are_the_overdue_leaves_at_any_depth(tmp_path: Path) -> None:
    def sub(ident: str, deadline: str, **more: Any) -> dict[str, Any]:
        return {
            "id": ident,
            "title": ident,
            "deadline": deadline,
            "status": "chưa thực hiện",
        } | more

    parent = {
        "id": "p",
        "deadline": "",
        "subtasks": [
            sub("p.a", "quý I/2019"),
            sub("p.b", "quý IV/2019"),
            sub("p.c", "", subtasks=[sub("p.c.1", "quý II/2019"), sub("p.c.2", "quý IV/2019")]),
            sub("p.d", "quý II/2019"),
        ],
    }
    ev = evaluated(tmp_path, [parent], "2019-07-01")
    assert ev.by_id["p.c"].state is State.OVERDUE  # rolled up, but not a leaf: not listed
    late = counting.overdue(ev)
    assert [s.id for s in late] == ["p"]
    assert [s.id for s in counting.overdue_parts(ev, late[0])] == ["p.a", "p.c.1", "p.d"]


def test_due_within_leaves_out_done_stopped_and_overdue_tasks(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "z", "deadline": "hoàn thành trước ngày 5/10/2019"},
        {
            "id": "done",
            "deadline": "hoàn thành trước ngày 1/10/2019",
            "history": [done("2019-09-01")],
        },
        {"id": "stop", "deadline": "hoàn thành trước ngày 1/10/2019", "status": "dừng thực hiện"},
        {
            "id": "y",
            "deadline": "hoàn thành trước ngày 1/10/2019",
            "history": [progress("2019-09-01")],
        },
        {"id": "x", "deadline": "hoàn thành trước ngày 5/10/2019"},
        {"id": "late", "deadline": "hoàn thành trước ngày 29/9/2019"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-09-30")
    # by due day, then file and id
    assert [s.id for s in counting.due_within(ev, 10)] == ["y", "x", "z"]


def test_due_between_lists_open_one_off_tasks_and_open_occurrences(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "stop", "deadline": "hoàn thành trong quý IV/2019", "status": "dừng thực hiện"},
        {"id": "q4", "deadline": "hoàn thành trong quý IV/2019"},
        {"id": "first", "deadline": "hoàn thành trước ngày 1/10/2019"},
        {"id": "before", "deadline": "hoàn thành trước ngày 30/9/2019"},
        {"id": "done", "deadline": "hoàn thành trong quý IV/2019", "history": [done("2019-09-01")]},
        {"id": "undated", "deadline": "theo quy định"},
        {"id": "monthly", "deadline": "hằng tháng", "history": [done("2019-10-05")]},
    ]
    ev = evaluated(tmp_path, tasks, "2019-10-10")
    found = counting.due_between(ev, D("2019-10-01"), D("2019-12-31"))
    assert [(d.state.id, d.due, d.label) for d in found] == [
        ("first", D("2019-10-01"), None),
        # the October round is done: only November and December are due
        ("monthly", D("2019-11-30"), "2019-11"),
        ("monthly", D("2019-12-31"), "2019-12"),
        ("q4", D("2019-12-31"), None),
    ]
    assert found[1].occurrence is not None and found[1].occurrence.label == "2019-11"
    assert found[0].occurrence is None
    # both ends of the window are inside it
    assert [d.label for d in counting.due_between(ev, D("2019-11-30"), D("2019-11-30"))] == [
        "2019-11"
    ]


def test_a_completion_carries_the_entry_that_closed_the_task(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {
            "id": "reopened",
            "deadline": "năm 2019",
            "history": [
                done("2019-07-02", evidence="Báo cáo số 1-BC/BTC"),
                progress("2019-08-01"),
                progress("2019-09-01", note="cùng ngày"),
                done("2019-09-01", evidence="Báo cáo số 2-BC/BTC"),
            ],
        },
        {"id": "early", "deadline": "năm 2019", "history": [done("2019-07-01")]},
        {"id": "recorded", "deadline": "năm 2019", "status": "hoàn thành"},
        {"id": "open", "deadline": "năm 2019", "history": [progress("2019-08-01")]},
    ]
    ev = evaluated(tmp_path, tasks, "2019-09-30")
    found = counting.completed_between(ev, D("2019-07-01"), D("2019-09-30"))
    assert [(c.state.id, c.done_on, c.label) for c in found] == [
        ("early", D("2019-07-01"), None),
        ("reopened", D("2019-09-01"), None),
    ]
    closing = found[1].update
    assert closing is not None and closing.evidence == "Báo cáo số 2-BC/BTC"
    assert closing.status.value == "hoàn thành"
    # the body asked for: none of these is another body's
    assert counting.completed_between(ev, D("2019-07-01"), D("2019-09-30"), "so-noi-vu") == []


def test_occurrences_between_lists_every_round_due_in_the_window(tmp_path: Path) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "q", "deadline": "hằng quý", "history": [done("2019-05-01")]},
        {"id": "m", "deadline": "hằng tháng", "partners": ["so-noi-vu"]},
        {"id": "once", "deadline": "hoàn thành trong quý II/2019"},
    ]
    ev = evaluated(tmp_path, tasks, "2019-07-15")
    found = counting.occurrences_between(ev, D("2019-05-31"), D("2019-06-30"))
    assert [(r.state.id, r.occurrence.label, r.occurrence.state) for r in found] == [
        ("m", "2019-05", State.OVERDUE),
        ("m", "2019-06", State.OVERDUE),
        ("q", "2019-Q2", State.DONE_ON_TIME),
    ]
    mine = counting.occurrences_between(ev, D("2019-05-31"), D("2019-06-30"), "so-noi-vu")
    assert [(r.state.id, r.occurrence.label) for r in mine] == [("m", "2019-05"), ("m", "2019-06")]


def test_a_body_missing_from_the_registry_comes_after_the_registered_ones(
    tmp_path: Path,
) -> None:
    # `validate` reports such a file ("unknown-body"); the rows are still made, last
    tasks: list[dict[str, Any]] = [{"id": "a", "deadline": "năm 2019"}]
    unknown = {"an-moi": [{"id": "b", "deadline": "năm 2019", "source": {"section": "III"}}]}
    ev = evaluated(tmp_path, tasks, "2019-06-30", other_files=unknown)
    assert [(r.body, r.role, r.total) for r in counting.body_rows(ev)] == [
        ("ban-to-chuc", "lead", 1),
        ("an-moi", "lead", 1),
    ]


def test_occurrences_done_on_a_periods_first_and_last_day_are_completed_in_it(
    tmp_path: Path,
) -> None:
    tasks: list[dict[str, Any]] = [
        {"id": "a", "deadline": "hằng quý", "history": [done("2019-07-01")]},
        {"id": "b", "deadline": "hằng quý", "history": [done("2019-09-30"), done("2019-10-01")]},
    ]
    ev = evaluated(tmp_path, tasks, "2019-12-31")
    found = counting.completed_between(ev, D("2019-07-01"), D("2019-09-30"))
    assert [(c.state.id, c.label, c.done_on) for c in found] == [
        ("a", "2019-Q3", D("2019-07-01")),
        ("b", "2019-Q3", D("2019-09-30")),
    ]


def test_a_tallys_groups_are_its_tasks_groups_and_its_figures_keep_every_number(
    tmp_path: Path,
) -> None:
    # "4 nhóm QĐ 42 cộng số nhiệm vụ dừng bằng tổng": the groups tally() takes from the
    # states' counts are count_categories() of its tasks, and figures() (what a portfolio
    # keeps of a plan) carries the same numbers
    tasks: list[dict[str, Any]] = [
        {"id": "late", "deadline": "quý II/2019"},
        {"id": "open", "deadline": "năm 2019"},
        {"id": "wait", "deadline": "sau khi có chỉ thị", "depends_on": {"events": ["ct"]}},
        {"id": "ok", "deadline": "quý II/2019", "history": [done("2019-06-30")]},
        {"id": "slow", "deadline": "quý II/2019", "history": [done("2019-07-01")]},
        {"id": "stop", "deadline": "năm 2019", "status": "dừng thực hiện"},
    ]
    event = {"id": "ct", "description": "Bộ Chính trị ban hành chỉ thị"}
    ev = evaluated(tmp_path, tasks, "2019-07-02", events=[event])
    tally = counting.tally(ev)
    groups = {
        Category.OPEN_OVERDUE: 1,
        Category.OPEN_IN_TIME: 2,
        Category.DONE_ON_TIME: 1,
        Category.DONE_LATE: 1,
    }
    assert tally.categories == groups == counting.count_categories(tally.tasks)
    assert sum(groups.values()) + tally.stopped == tally.total == 6
    figures = tally.figures()
    assert (figures.total, figures.states, figures.categories) == (6, tally.states, groups)
    assert (figures.rows, figures.never_updated) == (tally.rows, 3)  # late, open, wait
