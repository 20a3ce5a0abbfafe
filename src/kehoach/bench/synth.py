"""Deterministic synthetic plans for the benchmark: a province's worth of tasks.

``generate(root, n_tasks)`` writes a valid plan directory with ``n_tasks`` tasks,
100 per body file (sub-tasks count as tasks), realistic Vietnamese titles of about
150 characters, every kind of deadline the plans use, one or two history entries
per task, sub-tasks, partners named by id or by name, task-to-task and
task-to-event dependencies. The same seed always gives the same bytes.

The YAML is written by hand (the way people write plan files: folded titles,
flow mappings for ``source``) so generating 100,000 tasks takes seconds.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

TASKS_PER_FILE = 100
AS_OF = dt.date(2020, 6, 30)  # every command of the benchmark runs "as of" this day
PLAN_ISSUED = dt.date(2018, 8, 1)

# Phrases of real plan titles (Kế hoạch thực hiện Nghị quyết 26-NQ/TW and its kin).
_OPENERS = (
    "Chủ trì, phối hợp với các cơ quan liên quan",
    "Chủ trì tham mưu Ban Thường vụ Tỉnh ủy",
    "Phối hợp với Ban Tổ chức Tỉnh ủy",
    "Lãnh đạo, chỉ đạo các cấp ủy, tổ chức đảng",
    "Tiếp tục quán triệt, triển khai thực hiện nghiêm túc",
    "Nghiên cứu, đề xuất, tham mưu Ban Chấp hành Đảng bộ tỉnh",
    "Rà soát, sửa đổi, bổ sung, hoàn thiện",
    "Xây dựng và tổ chức thực hiện có hiệu quả",
    "Kiểm tra, giám sát việc thực hiện",
    "Tổ chức sơ kết, tổng kết, đánh giá kết quả thực hiện",
)
_PHRASES = (
    "quy định cụ thể hóa cơ chế dân biết, dân bàn, dân làm, dân giám sát",
    "trong công tác cán bộ, xây dựng và quản lý đội ngũ cán bộ",
    "về tiêu chuẩn chức danh cán bộ thuộc diện Ban Thường vụ Tỉnh ủy quản lý",
    "bảo đảm công khai, minh bạch, dân chủ, khách quan, công tâm",
    "nhất là cán bộ cấp chiến lược, đủ phẩm chất, năng lực và uy tín, ngang tầm nhiệm vụ",
    "gắn với thực hiện Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng",
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "đổi mới phương thức lãnh đạo của Đảng đối với hệ thống chính trị",
    "kiện toàn tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "thực hiện luân chuyển, điều động cán bộ lãnh đạo, quản lý các cấp",
    "phân công cán bộ, đảng viên cư trú tại địa phương phụ trách hộ gia đình nơi cư trú",
    "nắm chắc tình hình cơ sở, lắng nghe tâm tư, nguyện vọng của nhân dân",
    "đánh giá cán bộ theo hướng xuyên suốt, liên tục, đa chiều, theo tiêu chí, bằng sản phẩm",
    "kiểm soát quyền lực, chống chạy chức, chạy quyền trong công tác cán bộ",
    "thu hút, trọng dụng nhân tài, có chính sách đãi ngộ thỏa đáng",
    "quy hoạch cán bộ nhiệm kỳ 2020 – 2025 và các nhiệm kỳ tiếp theo",
    "bố trí bí thư cấp ủy cấp huyện không phải là người địa phương",
    "đào tạo, bồi dưỡng lý luận chính trị cho cán bộ trẻ, cán bộ nữ, cán bộ người dân tộc thiểu số",
    "sắp xếp, tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức",
    "tăng cường kỷ luật, kỷ cương hành chính, xử lý nghiêm cán bộ vi phạm",
)
_NOTES = (
    "Đã ban hành kế hoạch triển khai",
    "Đang xây dựng dự thảo, xin ý kiến các cơ quan liên quan",
    "Đã tổ chức hội nghị quán triệt",
    "Đã báo cáo Ban Thường vụ Tỉnh ủy",
    "Chưa triển khai do chờ hướng dẫn của cấp trên",
    "Đã hoàn thành, có văn bản báo cáo kết quả",
)
_BODY_KINDS = (
    ("huyen-uy", "Huyện ủy"),
    ("thi-uy", "Thị ủy"),
    ("dang-uy-xa", "Đảng ủy xã"),
    ("ban", "Ban"),
    ("so", "Đảng ủy Sở"),
)
_PLACES = (
    "Hòa Bình", "Thủy Nguyên", "Đức Phổ", "Quảng Điền", "Yên Thế", "Lạc Dương", "Hương Trà",
    "Ngọc Hồi", "Cẩm Khê", "Bảo Lâm", "Tân Phú", "Long Điền", "Đông Hòa", "Kỳ Anh", "Hải Lăng",
)  # fmt: skip
_EVENTS = (
    ("bct-chi-thi-dai-hoi", "Bộ Chính trị ban hành chỉ thị về đại hội đảng bộ các cấp"),
    ("tw-quy-che-chung", "Trung ương ban hành Quy chế chung về phối hợp trong công tác cán bộ"),
    ("cap-tren-huong-dan", "Có các quy định, hướng dẫn của cấp trên về kiện toàn tổ chức bộ máy"),
    ("tinh-ke-hoach", "Tỉnh ban hành kế hoạch thực hiện"),
)
_AFTER_TEXTS = {
    "bct-chi-thi-dai-hoi": "thực hiện sau khi có chỉ thị của Bộ Chính trị",
    "tw-quy-che-chung": "thực hiện sau khi Trung ương ban hành Quy chế chung",
    "cap-tren-huong-dan": "thực hiện sau khi có các quy định, hướng dẫn của cấp trên",
    "tinh-ke-hoach": "thực hiện sau khi có kế hoạch của tỉnh",
}
_ROMAN = ("I", "II", "III", "IV")
SECTIONS = 12  # III.1 … III.12
STATUSES = ("chưa thực hiện", "đang thực hiện", "hoàn thành", "dừng thực hiện")


@dataclass
class SynthTask:
    id: str
    title: str
    deadline: str
    status: str
    history: list[tuple[dt.date, str, str, str | None]]  # date, status, note, occurrence
    section: str
    item: int
    partners: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)
    subtasks: list[SynthTask] = field(default_factory=list)
    due: dt.date | None = None  # for the Taskwarrior twin


@dataclass
class SynthBody:
    id: str
    name: str
    short: str


def _title(rng: random.Random) -> str:
    words = rng.choice(_OPENERS)
    while len(words) < 140:
        words += " " + rng.choice(_PHRASES)
    if len(words) > 160:
        cut = words.rfind(" ", 0, 155)
        words = words[:cut].rstrip(",")
    return words + "."


def _bodies(n_files: int) -> list[SynthBody]:
    out = []
    for index in range(n_files):
        code, kind = _BODY_KINDS[index % len(_BODY_KINDS)]
        place = _PLACES[index % len(_PLACES)]
        name = f"{kind} {place} số {index + 1}"
        out.append(SynthBody(f"{code}-{index + 1:04d}", name, f"{kind} {index + 1}"))
    return out


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _deadline(rng: random.Random) -> tuple[str, list[str], dt.date | None]:
    """A deadline text of a random kind, the events it waits for, and its due day."""
    kind = rng.randrange(8)
    if kind == 0:
        month, year = rng.randint(1, 12), rng.choice((2018, 2019, 2020))
        if year == 2018:
            month = rng.randint(9, 12)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return f"hoàn thành trong tháng {month} năm {year}", [], nxt - dt.timedelta(days=1)
    if kind == 1:
        return f"thực hiện từ năm {rng.choice((2018, 2019, 2020))}", [], None
    if kind == 2:
        return "thực hiện hằng năm", [], None
    if kind == 3:
        return "thực hiện thường xuyên", [], None
    if kind == 4:
        event = rng.choice(_EVENTS)[0]
        return _AFTER_TEXTS[event], [event], None
    if kind == 5:
        return "theo Chương trình làm việc toàn khóa", [], dt.date(2020, 12, 31)
    if kind == 6:
        quarter, year = rng.randint(1, 4), rng.choice((2019, 2020))
        end_month = quarter * 3
        nxt = dt.date(year + (end_month == 12), end_month % 12 + 1, 1)
        return f"quý {_ROMAN[quarter - 1]}/{year}", [], nxt - dt.timedelta(days=1)
    return "", [], None


def _history(
    rng: random.Random, status: str, deadline: str
) -> list[tuple[dt.date, str, str, str | None]]:
    if status == "chưa thực hiện" and rng.random() < 0.5:
        return []
    entries: list[tuple[dt.date, str, str, str | None]] = []
    if rng.random() < 0.3 and status != "đang thực hiện":
        first = _day(rng, PLAN_ISSUED, dt.date(2019, 6, 30))
        entries.append((first, "đang thực hiện", rng.choice(_NOTES), None))
        start = first
    else:
        start = PLAN_ISSUED
    day = _day(rng, start, AS_OF)
    occurrence = (
        str(day.year) if deadline == "thực hiện hằng năm" and status == "hoàn thành" else None
    )
    entries.append((day, status, rng.choice(_NOTES), occurrence))
    return entries


class _Maker:
    def __init__(self, seed: int, bodies: list[SynthBody]) -> None:
        self.rng = random.Random(seed)
        self.bodies = bodies
        self.all_ids: list[str] = []

    def task(self, tid: str, body_index: int, *, parent_done: bool = False) -> SynthTask:
        rng = self.rng
        deadline, events, due = _deadline(rng)
        status = "hoàn thành" if parent_done else rng.choices(STATUSES, weights=(35, 35, 25, 5))[0]
        partners: list[str] = []
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            other = self.bodies[rng.randrange(len(self.bodies))]
            if other is self.bodies[body_index] or other.id in partners or other.name in partners:
                continue
            partners.append(other.id if rng.random() < 0.7 else other.name)
        dep_tasks: list[str] = []
        if self.all_ids and rng.random() < 0.05:
            dep_tasks.append(self.all_ids[rng.randrange(len(self.all_ids))])
        section = f"III.{body_index % SECTIONS + 1}"
        task = SynthTask(
            id=tid,
            title=_title(rng),
            deadline=deadline,
            status=status,
            history=_history(rng, status, deadline),
            section=section,
            item=rng.randint(1, 20),
            partners=partners,
            events=events,
            tasks=dep_tasks,
            due=due,
        )
        self.all_ids.append(tid)
        return task

    def file(self, body_index: int, count: int) -> list[SynthTask]:
        """``count`` tasks (sub-tasks included) for one body."""
        body = self.bodies[body_index]
        tasks: list[SynthTask] = []
        made = 0
        number = 0
        while made < count:
            number += 1
            tid = f"{body.id}.{number}"
            task = self.task(tid, body_index)
            made += 1
            if number % 10 == 0 and count - made >= 2:  # every tenth task has two sub-tasks
                done = task.status == "hoàn thành"
                if task.status == "dừng thực hiện":
                    task.status = "đang thực hiện"
                    task.history = _history(self.rng, task.status, task.deadline)
                for sub in (1, 2):
                    child = self.task(f"{tid}.{sub}", body_index, parent_done=done)
                    if not child.deadline:  # it inherits the parent's rule, and what it waits for
                        child.events = list(task.events)
                    task.subtasks.append(child)
                    made += 1
            tasks.append(task)
        return tasks


def _q(text: str) -> str:
    """A YAML scalar for *text*: plain when safe, else double-quoted (JSON escapes are YAML)."""
    if (
        not text
        or text[0] in "-?:,[]{}#&*!|>'\"%@`"
        or ": " in text
        or " #" in text
        or text.strip() != text
        or text.lower() in ("null", "true", "false", "yes", "no", "on", "off", "~")
        or text[0].isdigit()
    ):
        return json.dumps(text, ensure_ascii=False)
    return text


def _fold(text: str, indent: str, width: int = 88) -> list[str]:
    """A folded (``>-``) block: words wrapped at *width*."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(indent) + len(current) + 1 + len(word) > width:
            lines.append(indent + current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(indent + current)
    return lines


def _write_task(out: list[str], task: SynthTask, pad: str) -> None:
    out.append(f"{pad}- id: {task.id}")
    inner = pad + "  "
    out.append(f"{inner}title: >-")
    out.extend(_fold(task.title, inner + "  "))
    out.append(f"{inner}role: chủ trì")
    if task.partners:
        out.append(f"{inner}partners: [{', '.join(_q(p) for p in task.partners)}]")
    if task.deadline:
        out.append(f"{inner}deadline: {_q(task.deadline)}")
    out.append(f"{inner}status: {task.status}")
    if task.events or task.tasks:
        out.append(f"{inner}depends_on:")
        if task.events:
            out.append(f"{inner}  events: [{', '.join(task.events)}]")
        if task.tasks:
            out.append(f"{inner}  tasks: [{', '.join(task.tasks)}]")
    if task.history:
        out.append(f"{inner}history:")
        for day, status, note, occurrence in task.history:
            out.append(f"{inner}  - date: {day.isoformat()}")
            out.append(f"{inner}    status: {status}")
            out.append(f"{inner}    note: {_q(note)}")
            if occurrence:
                out.append(f'{inner}    occurrence: "{occurrence}"')
    out.append(f"{inner}source: {{section: {task.section}, item: {task.item}}}")
    if task.subtasks:
        out.append(f"{inner}subtasks:")
        for sub in task.subtasks:
            _write_task(out, sub, inner + "  ")


def _plan_yaml(n_tasks: int) -> str:
    lines = [
        "# Kế hoạch tổng hợp (dữ liệu tổng hợp cho đo hiệu năng).",
        "id: kh-bench",
        "number: 99-KH/TU",
        "title: >-",
        f"  Kế hoạch tổng hợp {n_tasks} nhiệm vụ thực hiện các nghị quyết của Ban Chấp hành",
        "  Trung ương Đảng trong nhiệm kỳ (dữ liệu tổng hợp để đo hiệu năng)",
        "issuer: Ban Thường vụ Tỉnh ủy",
        f"issued: {PLAN_ISSUED.isoformat()}",
        "implements:",
        "  - ref: 26-NQ/TW",
        "    date: 2018-05-19",
        "    issuer: Ban Chấp hành Trung ương Đảng (khóa XII)",
        "term:",
        "  label: Nhiệm kỳ 2015 – 2020",
        "  start: 2015-01-01",
        "  end: 2020-12-31",
        "lead_time_days: 90",
        "sections:",
        "  - id: II",
        "    title: NHIỆM VỤ THƯỜNG XUYÊN",
        "    default_deadline: thực hiện thường xuyên",
        "  - id: III",
        "    title: NHIỆM VỤ CỤ THỂ CỦA TỪNG CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG",
    ]
    for index in range(1, SECTIONS + 1):
        lines += [f"  - id: III.{index}", f"    title: Nhiệm vụ nhóm cơ quan thứ {index}"]
    return "\n".join(lines) + "\n"


def _bodies_yaml(bodies: list[SynthBody]) -> str:
    lines = ["bodies:"]
    for body in bodies:
        lines += [f"  - id: {body.id}", f"    name: {body.name}", f"    short: {body.short}"]
    return "\n".join(lines) + "\n"


def _events_yaml() -> str:
    lines = ["events:"]
    for event_id, description in _EVENTS:
        occurred = "2019-03-01" if event_id == "tinh-ke-hoach" else "null"  # one has happened
        lines += [
            f"  - id: {event_id}",
            f"    description: {description}",
            f"    occurred: {occurred}",
        ]
    return "\n".join(lines) + "\n"


@dataclass
class SynthPlan:
    root: Path
    n_tasks: int
    files: list[Path]
    tasks: list[tuple[str, SynthTask]]  # (body id, task) for every task, sub-tasks included
    bytes: int


def generate(root: Path, n_tasks: int, seed: int = 26) -> SynthPlan:
    """Write a plan of *n_tasks* tasks under *root* (created; must be empty or missing)."""
    n_files = max(1, -(-n_tasks // TASKS_PER_FILE))
    bodies = _bodies(n_files)
    maker = _Maker(seed, bodies)
    (root / "tasks").mkdir(parents=True, exist_ok=True)
    files = [root / "plan.yaml", root / "bodies.yaml", root / "events.yaml"]
    files[0].write_text(_plan_yaml(n_tasks), encoding="utf-8")
    files[1].write_text(_bodies_yaml(bodies), encoding="utf-8")
    files[2].write_text(_events_yaml(), encoding="utf-8")
    everything: list[tuple[str, SynthTask]] = []
    remaining = n_tasks
    for index, body in enumerate(bodies):
        count = min(TASKS_PER_FILE, remaining)
        remaining -= count
        tasks = maker.file(index, count)
        out = [
            f"# Nhiệm vụ giao cho {body.name} (dữ liệu tổng hợp).",
            f"body: {body.id}",
            "tasks:",
        ]
        for task in tasks:
            _write_task(out, task, "  ")
            everything.append((body.id, task))
            everything.extend((body.id, sub) for sub in task.subtasks)
        path = root / "tasks" / f"{body.id}.yaml"
        path.write_text("\n".join(out) + "\n", encoding="utf-8")
        files.append(path)
    size = sum(p.stat().st_size for p in files)
    return SynthPlan(root, n_tasks, files, everything, size)


def taskwarrior_json(plan: SynthPlan) -> str:
    """The same tasks as Taskwarrior import JSON (one object a line), for the baseline."""
    lines = []
    for body_id, task in plan.tasks:
        item: dict[str, object] = {
            "description": task.title,
            "project": body_id,
            "status": "completed" if task.status == "hoàn thành" else "pending",
            "entry": "20180801T000000Z",
        }
        if task.due is not None:
            item["due"] = f"{task.due:%Y%m%d}T000000Z"
        if item["status"] == "completed":
            item["end"] = (
                f"{task.history[-1][0]:%Y%m%d}T000000Z" if task.history else ("20190101T000000Z")
            )
        if task.history:
            item["annotations"] = [
                {"entry": f"{day:%Y%m%d}T000000Z", "description": note}
                for day, _, note, _ in task.history
            ]
        lines.append(json.dumps(item, ensure_ascii=False))
    return "\n".join(lines) + "\n"


@dataclass
class SynthPortfolio:
    root: Path
    plans: int
    tasks_per_plan: int
    bodies: int
    files: list[Path]
    bytes: int


def generate_portfolio(
    root: Path, n_plans: int, tasks_per_plan: int = 200, n_bodies: int = 300, seed: int = 26
) -> SynthPortfolio:
    """A portfolio under *root*: a shared registry of *n_bodies* bodies and shared events,
    and *n_plans* plans of *tasks_per_plan* tasks (100 per body file) that use only the
    shared registry; each plan's bodies are spread over the registry, so a body leads in
    several plans and partners in more."""
    bodies = _bodies(n_bodies)
    root.mkdir(parents=True, exist_ok=True)
    files = [root / "kehoach.yaml", root / "bodies.yaml", root / "events.yaml"]
    files[0].write_text(
        "office: Văn phòng Tỉnh ủy (dữ liệu tổng hợp)\ncutoff: calendar\n", encoding="utf-8"
    )
    files[1].write_text(_bodies_yaml(bodies), encoding="utf-8")
    files[2].write_text(_events_yaml(), encoding="utf-8")
    per_plan = max(1, -(-tasks_per_plan // TASKS_PER_FILE))
    for number in range(1, n_plans + 1):
        key = f"kh-{number:04d}"
        plan_dir = root / "plans" / key
        (plan_dir / "tasks").mkdir(parents=True, exist_ok=True)
        plan_file = plan_dir / "plan.yaml"
        plan_file.write_text(
            _plan_yaml(tasks_per_plan).replace("id: kh-bench", f"id: {key}"), encoding="utf-8"
        )
        files.append(plan_file)
        maker = _Maker(seed + number, bodies)
        remaining = tasks_per_plan
        for index in range(per_plan):
            body_index = (number * 7 + index * 131) % n_bodies
            body = bodies[body_index]
            count = min(TASKS_PER_FILE, remaining)
            remaining -= count
            out = [f"body: {body.id}", "tasks:"]
            for task in maker.file(body_index, count):
                _write_task(out, task, "  ")
            path = plan_dir / "tasks" / f"{body.id}.yaml"
            path.write_text("\n".join(out) + "\n", encoding="utf-8")
            files.append(path)
    size = sum(p.stat().st_size for p in files)
    return SynthPortfolio(root, n_plans, tasks_per_plan, n_bodies, files, size)
