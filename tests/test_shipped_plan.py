"""The shipped plan (plan/) is a complete, faithful encoding of the seed document.

The seed is the text of the plan as issued, kept in tests/data/ke-hoach-nq26.txt
(a copy of shared/seed; override with KEHOACH_SEED). Every title and deadline in plan/
is checked against it verbatim, after the two repairs the encoding also made: Markdown asterisks
removed and page-break splits joined with one space.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from kehoach.model import BodiesFile, EventsFile, PlanInfo, TaskFile

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plan"
TASKS = PLAN / "tasks"
SEED = Path(os.environ.get("KEHOACH_SEED", Path(__file__).parent / "data" / "ke-hoach-nq26.txt"))

# Section II: 21 numbered items.  Section IV: 4 numbered items.
# Section III: 46 "-" bullets + 6 "+" items (4 under III.3 item 4, 2 under III.3
# item 6) + the single paragraph of III.12 + 1 sub-task III.2.1.a for the exception
# written inside the deadline of III.2 item 1  = 54.
EXPECTED_PER_SECTION = {"II": 21, "III": 54, "IV": 4}
EXPECTED_TOTAL = 79
EXPECTED_PER_FILE = {
    "cac-co-quan": 22,  # II.1-II.21 + IV.2
    "btv-tinh-uy": 1,  # IV.1
    "co-quan-tham-muu": 1,  # IV.3
    "ban-to-chuc": 17,  # III.3: 10 "-" + 6 "+" ; IV.4
    "dd-hdnd": 3,
    "bcsd-ubnd": 5,  # 4 "-" + III.2.1.a
    "van-phong": 2,
    "ubkt": 2,
    "ban-tuyen-giao": 6,
    "ban-dan-van": 2,
    "ban-noi-chinh": 2,
    "dd-mttq": 3,
    "doan-thanh-nien": 2,
    "truong-chinh-tri": 3,
    "dd-doan-the": 1,
    "huyen-uy": 5,
    "du-khoi-co-quan": 1,
    "du-khoi-doanh-nghiep": 1,
}
PARTNER_ONLY = {"so-noi-vu", "so-tttt", "dd-hoi-phu-nu", "ban-dan-toc", "cap-uy-truc-thuoc"}
GROUPS = {"cac-co-quan", "co-quan-tham-muu", "dd-doan-the", "huyen-uy", "cap-uy-truc-thuoc"}
EXCEPTION_ID = "III.2.1.a"  # title and deadline come from inside III.2.1's deadline
TASK_KEY_ORDER = [
    "id",
    "title",
    "role",
    "partners",
    "deadline",
    "depends_on",
    "status",
    "source",
    "subtasks",
]
SCHEMA_LINES = {
    "plan.yaml": "# yaml-language-server: $schema=../schemas/plan.schema.json",
    "bodies.yaml": "# yaml-language-server: $schema=../schemas/bodies.schema.json",
    "events.yaml": "# yaml-language-server: $schema=../schemas/events.schema.json",
}
TASKS_SCHEMA_LINE = "# yaml-language-server: $schema=../../schemas/tasks.schema.json"


# --------------------------------------------------------------------------- loading


def _load(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def plan_raw() -> dict[str, Any]:
    data: dict[str, Any] = _load(PLAN / "plan.yaml")
    return data


@cache
def bodies_raw() -> dict[str, Any]:
    data: dict[str, Any] = _load(PLAN / "bodies.yaml")
    return data


@cache
def events_raw() -> dict[str, Any]:
    data: dict[str, Any] = _load(PLAN / "events.yaml")
    return data


@cache
def task_files_raw() -> dict[str, dict[str, Any]]:
    return {p.stem: _load(p) for p in sorted(TASKS.glob("*.yaml"))}


def walk(
    tasks: list[dict[str, Any]], parent: str | None = None
) -> Iterator[tuple[dict[str, Any], str | None]]:
    for t in tasks:
        yield t, parent
        yield from walk(t.get("subtasks", []), t["id"])


@cache
def all_tasks() -> dict[str, tuple[str, dict[str, Any], str | None]]:
    """id -> (file body, raw task dict, parent id)."""
    out: dict[str, tuple[str, dict[str, Any], str | None]] = {}
    for body, data in task_files_raw().items():
        for t, parent in walk(data["tasks"]):
            assert t["id"] not in out, f"duplicate task id {t['id']}"
            out[t["id"]] = (body, t, parent)
    return out


def body_ids() -> set[str]:
    return {b["id"] for b in bodies_raw()["bodies"]}


# --------------------------------------------------------------------------- the seed


@cache
def seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


@cache
def seed_text() -> str:
    """The seed with asterisks removed and page-break splits joined.

    A paragraph that does not end with sentence punctuation, followed by a blank
    line and a paragraph starting with a lower-case letter, is one paragraph cut
    by a page break: join the two with one space.
    """
    raw = SEED.read_text(encoding="utf-8").replace("*", "")
    paragraphs = [p.strip("\n") for p in re.split(r"\n[ \t]*\n", raw) if p.strip()]
    merged: list[str] = []
    for p in paragraphs:
        if merged and not merged[-1].rstrip().endswith(tuple(".:;!?")) and p[:1].islower():
            merged[-1] = merged[-1].rstrip() + " " + p.lstrip()
        else:
            merged.append(p)
    return "\n\n".join(merged)


def marker(task: dict[str, Any]) -> str:
    src = task["source"]
    if src["section"] in ("II", "IV"):
        return f"{src['item']}. "
    if src["section"] == "III.12":
        return ""
    return "+ " if src.get("sub") else "- "


def with_deadline(title: str, deadline: str) -> str:
    """Put the deadline parenthetical back where the document has it."""
    if title.endswith("."):
        return f"{title[:-1]} ({deadline})."
    return f"{title} ({deadline})"


def as_paragraphs(text: str) -> str:
    return text.replace("\n", "\n\n")


def section_lines(start: str, stop: str) -> list[tuple[int, str]]:
    lines = seed_lines()
    first = next(i for i, ln in enumerate(lines) if ln.startswith(start))
    last = next(i for i, ln in enumerate(lines) if i > first and ln.startswith(stop))
    return [(i + 1, lines[i]) for i in range(first + 1, last)]


# --------------------------------------------------------------------------- files & schema


def test_seed_is_present() -> None:
    assert SEED.is_file(), f"seed document missing: {SEED}"


@pytest.mark.parametrize("name", sorted(SCHEMA_LINES))
def test_top_level_first_line(name: str) -> None:
    first = (PLAN / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == SCHEMA_LINES[name]


def test_task_files_first_line() -> None:
    files = sorted(TASKS.glob("*.yaml"))
    assert files
    for p in files:
        assert p.read_text(encoding="utf-8").split("\n", 1)[0] == TASKS_SCHEMA_LINE, p.name


def test_every_file_validates() -> None:
    PlanInfo.model_validate(plan_raw())
    BodiesFile.model_validate(bodies_raw())
    EventsFile.model_validate(events_raw())
    for name, data in task_files_raw().items():
        tf = TaskFile.model_validate(data)
        assert tf.body == name, f"{name}.yaml declares body {tf.body}"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def test_everything_is_nfc() -> None:
    paths = [PLAN / n for n in SCHEMA_LINES] + sorted(TASKS.glob("*.yaml"))
    for p in paths:
        text = p.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), p.name
        for s in _strings(_load(p)):
            assert unicodedata.is_normalized("NFC", s), (p.name, s)


# --------------------------------------------------------------------------- plan.yaml


def test_plan_info() -> None:
    info = PlanInfo.model_validate(plan_raw())
    assert info.id == "kh-nq26"
    assert info.number is None and info.issued is None
    assert info.issuer == "Ban Thường vụ Tỉnh ủy"
    assert info.signer is not None and info.signer.name == "Hồ Văn Niên"
    assert info.signer.position == "Phó Bí thư" and info.signer.on_behalf == "T/M Ban Thường vụ"
    assert [(d.ref, d.date.isoformat() if d.date else None) for d in info.implements] == [
        ("26-NQ/TW", "2018-05-19"),
        ("10-KH/TW", "2018-06-06"),
    ]
    assert info.term is not None and info.term.label == "Nhiệm kỳ 2015 – 2020"
    assert (info.term.start.isoformat(), info.term.end.isoformat()) == ("2015-01-01", "2020-12-31")
    assert info.lead_time_days == 90
    ids = [s.id for s in info.sections]
    assert ids == ["I", "II", "III", *[f"III.{n}" for n in range(1, 15)], "IV"]
    defaults = {s.id: s.default_deadline for s in info.sections if s.default_deadline}
    assert defaults == {"II": "thực hiện thường xuyên", "IV": "thực hiện thường xuyên"}


def test_section_titles_are_the_headings() -> None:
    text = seed_text()
    for s in plan_raw()["sections"]:
        if "." in s["id"]:
            n = s["id"].split(".")[1]
            assert f"\n\n{n}. {s['title']}\n\n" in text, s
        else:
            assert f"\n\n{s['id']}- {s['title']}\n\n" in text, s


# --------------------------------------------------------------------------- counts & ids


def test_total_and_per_section_counts() -> None:
    tasks = all_tasks()
    assert len(tasks) == EXPECTED_TOTAL
    per_section = Counter(t["source"]["section"].split(".")[0] for _, t, _ in tasks.values())
    assert dict(per_section) == EXPECTED_PER_SECTION


def test_per_file_counts() -> None:
    counts = Counter(body for body, _, _ in all_tasks().values())
    assert dict(counts) == EXPECTED_PER_FILE


def test_ids_follow_source_position() -> None:
    for tid, (_, t, parent) in all_tasks().items():
        src = t["source"]
        if tid == EXCEPTION_ID:
            assert parent == "III.2.1"
            assert src == all_tasks()[parent][1]["source"]
            continue
        expected = f"{src['section']}.{src['item']}" + (f".{src['sub']}" if src.get("sub") else "")
        assert tid == expected
        if src.get("sub"):
            assert parent == f"{src['section']}.{src['item']}"
        else:
            assert parent is None


def test_items_match_seed_structure() -> None:
    """Every numbered item, '-' bullet and '+' item of the seed is one task, at its line."""
    tasks = [t for _, t, _ in all_tasks().values() if t["id"] != EXCEPTION_ID]
    by_section = {
        "II": {t["source"]["line"] for t in tasks if t["source"]["section"] == "II"},
        "IV": {t["source"]["line"] for t in tasks if t["source"]["section"] == "IV"},
    }
    ii = {n for n, ln in section_lines("II- ", "III- ") if re.match(r"\d+\. ", ln)}
    iv = {n for n, ln in section_lines("IV- ", "Nơi nhận") if re.match(r"\d+\. ", ln)}
    assert (len(ii), len(iv)) == (21, 4)
    assert by_section == {"II": ii, "IV": iv}

    iii = section_lines("III- ", "IV- ")
    dash = {n for n, ln in iii if ln.startswith("- ")}
    plus = {n for n, ln in iii if ln.startswith("+ ")}
    assert (len(dash), len(plus)) == (46, 6)
    iii_tasks = [t for t in tasks if t["source"]["section"].startswith("III.")]
    assert {t["source"]["line"] for t in iii_tasks if marker(t) == "- "} == dash
    assert {t["source"]["line"] for t in iii_tasks if marker(t) == "+ "} == plus
    assert [t["id"] for t in iii_tasks if marker(t) == ""] == ["III.12.1"]


def test_source_line_is_where_the_item_starts() -> None:
    lines = seed_lines()
    for tid, (_, t, _) in all_tasks().items():
        line = lines[t["source"]["line"] - 1].replace("*", "")
        head = t["title"].split("\n")[0][:40]
        if tid == EXCEPTION_ID:
            assert head in line
        else:
            assert line.startswith(marker(t) + head), tid


# --------------------------------------------------------------------------- verbatim text


def test_titles_are_clean() -> None:
    for tid, (_, t, _) in all_tasks().items():
        title = t["title"]
        assert "*" not in title and "\n\n" not in title, tid
        assert title == title.strip(), tid
        assert not re.match(r"([-+] |\d+\. )", title), tid
        assert "  " not in title, tid


def test_titles_are_verbatim_items() -> None:
    """Each title (with its deadline put back) is a whole item of the repaired seed."""
    text = "\n\n" + seed_text() + "\n\n"
    not_whole_items = []
    for tid, (_, t, _) in all_tasks().items():
        item = t["title"]
        if t.get("deadline"):
            item = with_deadline(item, t["deadline"])
        paragraph = "\n\n" + marker(t) + as_paragraphs(item) + "\n\n"
        if paragraph not in text:
            not_whole_items.append(tid)
            assert as_paragraphs(t["title"]) in text, tid
    assert not_whole_items == [EXCEPTION_ID]


def test_exception_subtask_comes_from_parent_deadline() -> None:
    _, parent, _ = all_tasks()["III.2.1"]
    _, sub, _ = all_tasks()[EXCEPTION_ID]
    assert parent["subtasks"] == [sub]
    assert parent["deadline"].startswith("thực hiện năm 2018 và hoàn thành trong năm 2019. Riêng")
    assert parent["deadline"].endswith(f"{sub['title']}, {sub['deadline']}")
    assert sub["deadline"] == "hoàn thành trong năm 2018"
    assert sub["role"] == "chủ trì" and sub["status"] == "chưa thực hiện"


def test_deadlines_are_verbatim_parentheticals() -> None:
    parens = re.findall(r"\(([^()]*)\)", seed_text())
    deadline_parens = [p for p in parens if p.startswith(("thực hiện", "hoàn thành"))]
    used = []
    for tid, (_, t, _) in all_tasks().items():
        if "deadline" not in t:
            continue
        if tid == EXCEPTION_ID:
            assert any(p.endswith(", " + t["deadline"]) for p in deadline_parens)
            continue
        assert t["deadline"] in parens, tid
        used.append(t["deadline"])
    # every deadline parenthetical of the document is carried by exactly one task
    assert Counter(used) == Counter(deadline_parens)


def test_tasks_without_deadline_have_no_key() -> None:
    without = {tid for tid, (_, t, _) in all_tasks().items() if "deadline" not in t}
    expected = (
        {f"II.{n}" for n in range(1, 22)} - {"II.2", "II.21"}
        | {f"IV.{n}" for n in range(1, 5)}
        | {"III.1.2", "III.3.4", "III.3.6", "III.4.1", "III.6.1"}
    )
    assert without == expected
    for tid, (_, t, _) in all_tasks().items():
        if "deadline" in t:
            deadline = t["deadline"]
            assert isinstance(deadline, str) and deadline.strip() == deadline != "", tid


def test_deadline_spot_checks() -> None:
    tasks = all_tasks()
    assert tasks["II.2"][1]["deadline"] == "hoàn thành trong tháng 8 năm 2018"
    assert tasks["II.21"][1]["deadline"] == "thực hiện từ năm 2018"
    assert tasks["III.3.3"][1]["deadline"] == "thực hiện sau khi có chỉ thị của Bộ chính trị"
    assert tasks["III.3.6.2"][1]["deadline"] == "thực hiện sau khi có kế hoạch"


# --------------------------------------------------------------------------- task fields


def test_task_fields_and_order() -> None:
    for tid, (_, t, _) in all_tasks().items():
        keys = list(t)
        assert keys == [k for k in TASK_KEY_ORDER if k in t], (tid, keys)
        assert t["status"] == "chưa thực hiện", tid
        assert "history" not in t, tid
        for optional in ("partners", "depends_on", "subtasks"):
            if optional in t:
                assert t[optional], (tid, optional)


def test_roles_follow_the_wording() -> None:
    for tid, (_, t, _) in all_tasks().items():
        expected = "phối hợp" if t["title"].startswith("Phối hợp") else "chủ trì"
        assert t["role"] == expected, tid


def test_partners_are_named_in_the_text_in_order() -> None:
    names = {b["id"]: [b["name"], *b.get("aliases", [])] for b in bodies_raw()["bodies"]}
    for tid, (body, t, _) in all_tasks().items():
        partners = t.get("partners", [])
        assert len(partners) == len(set(partners)), tid
        assert body not in partners, tid
        title = t["title"].casefold()
        positions = []
        for p in partners:
            found = [title.find(n.casefold()) for n in names[p] if n.casefold() in title]
            assert found, (tid, p)
            positions.append(min(found))
        assert positions == sorted(positions), tid


def test_partner_spot_checks() -> None:
    tasks = all_tasks()
    t = tasks["III.5.1"][1]
    assert t["role"] == "phối hợp" and t["partners"] == ["ban-noi-chinh", "bcsd-ubnd"]
    assert tasks["III.3.5"][1]["partners"] == [
        "cap-uy-truc-thuoc",
        "dd-mttq",
        "dd-hoi-phu-nu",
        "doan-thanh-nien",
        "ban-dan-toc",
    ]
    assert tasks["IV.3"][1]["role"] == "chủ trì"
    assert tasks["IV.3"][1]["partners"] == ["dd-hdnd", "bcsd-ubnd", "ban-to-chuc"]
    # generic phrases are not partners
    assert "partners" not in tasks["III.9.2"][1]
    assert "partners" not in tasks["III.4.1"][1]


def test_subtasks() -> None:
    tasks = all_tasks()
    assert [s["id"] for s in tasks["III.3.4"][1]["subtasks"]] == [
        f"III.3.4.{j}" for j in range(1, 5)
    ]
    assert [s["id"] for s in tasks["III.3.6"][1]["subtasks"]] == ["III.3.6.1", "III.3.6.2"]
    assert tasks["III.3.4"][1]["title"] == (
        "Chủ trì, phối hợp với các cơ quan liên quan tham mưu Ban Thường vụ Tỉnh ủy"
    )
    assert tasks["III.3.6"][1]["title"] == "Chủ động tham mưu Ban Thường vụ Tỉnh ủy ban hành"
    with_subtasks = {tid for tid, (_, t, _) in tasks.items() if t.get("subtasks")}
    assert with_subtasks == {"III.2.1", "III.3.4", "III.3.6"}


def test_multi_paragraph_and_page_break_titles() -> None:
    tasks = all_tasks()
    assert tasks["II.16"][1]["title"].count("\n") == 2
    assert tasks["IV.2"][1]["title"].count("\n") == 1
    assert "(qua Ban Tổ chức Tỉnh ủy) để xem xét, quyết định." in tasks["IV.2"][1]["title"]
    assert "nâng cao chất lượng, cơ cấu hợp lý" in tasks["II.6"][1]["title"]
    assert "cụ thể hóa chủ trương thường trực" in tasks["III.5.1"][1]["title"]
    multi = {tid for tid, (_, t, _) in tasks.items() if "\n" in t["title"]}
    assert multi == {"II.16", "IV.2"}


# --------------------------------------------------------------------------- bodies


def test_bodies() -> None:
    bodies = bodies_raw()["bodies"]
    ids = [b["id"] for b in bodies]
    assert len(ids) == len(set(ids))
    leads = set(task_files_raw())
    assert leads == set(EXPECTED_PER_FILE)
    partners = {p for _, t, _ in all_tasks().values() for p in t.get("partners", [])}
    assert leads <= set(ids) and partners <= set(ids)
    assert set(ids) == leads | partners  # no unused body
    assert set(ids) - leads == PARTNER_ONLY
    assert {b["id"] for b in bodies if b.get("group")} == GROUPS


def test_body_names_and_aliases() -> None:
    text = seed_text().casefold()
    for b in bodies_raw()["bodies"]:
        for name in [b["name"], *b.get("aliases", [])]:
            assert name.casefold() in text, (b["id"], name)
    aliases = {b["id"]: b.get("aliases", []) for b in bodies_raw()["bodies"]}
    assert aliases["huyen-uy"] == ["các huyện ủy, thị ủy, thành ủy"]
    assert aliases["dd-doan-the"] == ["các đoàn thể chính trị - xã hội tỉnh"]
    assert aliases["cap-uy-truc-thuoc"] == ["các cấp ủy trực thuộc Tỉnh ủy"]
    assert "Ban Tổ chức" in aliases["ban-to-chuc"]


def test_both_khoi_are_separate() -> None:
    assert (TASKS / "du-khoi-co-quan.yaml").is_file()
    assert (TASKS / "du-khoi-doanh-nghiep.yaml").is_file()
    assert [t["id"] for t in task_files_raw()["du-khoi-co-quan"]["tasks"]] == ["III.14.1"]
    assert [t["id"] for t in task_files_raw()["du-khoi-doanh-nghiep"]["tasks"]] == ["III.14.2"]


def test_section_iii_tasks_sit_with_the_heading_body() -> None:
    names = {b["id"]: b["name"] for b in bodies_raw()["bodies"]}
    titles = {s["id"]: s["title"] for s in plan_raw()["sections"]}
    for tid, (body, t, _) in all_tasks().items():
        section = t["source"]["section"]
        if section.startswith("III."):
            assert names[body] in titles[section], tid
            if section != "III.14":
                assert names[body] == titles[section], tid
        elif section == "II":
            assert body == "cac-co-quan"
    section_iv = {tid: body for tid, (body, _, _) in all_tasks().items() if tid.startswith("IV.")}
    assert section_iv == {
        "IV.1": "btv-tinh-uy",
        "IV.2": "cac-co-quan",
        "IV.3": "co-quan-tham-muu",
        "IV.4": "ban-to-chuc",
    }


# --------------------------------------------------------------------------- dependencies


def test_dependencies_exist_and_match_sau_khi() -> None:
    events = [e["id"] for e in events_raw()["events"]]
    assert len(events) == len(set(events))
    assert all(e.get("occurred") is None for e in events_raw()["events"])
    tasks = all_tasks()
    used_events = set()
    for tid, (_, t, _) in tasks.items():
        deps = t.get("depends_on") or {}
        for e in deps.get("events", []):
            assert e in events, (tid, e)
            used_events.add(e)
        for d in deps.get("tasks", []):
            assert d in tasks and d != tid, (tid, d)
        assert bool(deps) == ("sau khi" in t.get("deadline", "")), tid
    assert used_events == set(events)


def test_dependency_spot_checks() -> None:
    tasks = all_tasks()
    assert tasks["III.3.3"][1]["depends_on"] == {"events": ["bct-chi-thi-dai-hoi"]}
    assert tasks["III.13.4"][1]["depends_on"] == {"tasks": ["III.2.4", "III.3.6.1", "III.3.6.2"]}
    expected = {
        "III.3.2": "cap-tren-quy-dinh-co-quan-tham-muu",
        "III.3.6.2": "ke-hoach-thi-diem-giao-quyen",
        "III.3.7": "tw-quy-che-chung",
        "III.8.2": "tw-tieu-chuan-noi-chinh-tu-phap",
    }
    for tid, event in expected.items():
        assert tasks[tid][1]["depends_on"] == {"events": [event]}, tid
