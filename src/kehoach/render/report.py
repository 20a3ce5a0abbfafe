"""The period report as Markdown (Vietnamese by default), with Mermaid charts.

Deterministic: the same plan, period and day always give the same bytes — no
generation time stamp, every list sorted.
"""

from __future__ import annotations

import datetime as dt

from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.evaluation.states import ORDER, Category, State
from kehoach.render.status import ROLE_LABELS

WORDS = {
    "vi": {
        "report": "Báo cáo tình hình thực hiện",
        "period": "Kỳ báo cáo",
        "as_of": "Số liệu tính đến ngày",
        "cutoff_nd09": "kỳ chốt số liệu theo Nghị định 09/2019/NĐ-CP",
        "cutoff_calendar": "kỳ theo năm dương lịch",
        "summary": "Tổng hợp theo tình trạng",
        "state": "Tình trạng",
        "code": "Mã",
        "count": "Số nhiệm vụ",
        "share": "Tỷ lệ",
        "qd42": "Quy về 4 nhóm theo Quyết định 42/2014/QĐ-TTg",
        "group": "Nhóm",
        "stopped_note": "Nhiệm vụ dừng thực hiện không tính vào 4 nhóm",
        "never_updated": "Chưa có thông tin (chưa từng được cập nhật; đã tính trong 4 nhóm trên)",
        "undated": "Chưa xác định thời hạn (đã tính trong nhóm chưa hoàn thành, trong hạn)",
        "by_body": "Theo cơ quan",
        "body": "Cơ quan",
        "role": "Vai trò",
        "total": "Tổng",
        "done": "Nhiệm vụ hoàn thành trong kỳ",
        "id": "Mã",
        "task": "Nhiệm vụ",
        "lead": "Cơ quan chủ trì",
        "date": "Ngày",
        "evidence": "Văn bản",
        "overdue": "Nhiệm vụ quá hạn",
        "due": "Hạn",
        "days_overdue": "Số ngày quá hạn",
        "next": "Nhiệm vụ đến hạn trong kỳ tới",
        "waiting": "Nhiệm vụ chờ điều kiện",
        "waits_for": "Chờ",
        "stale": "Nhiệm vụ thường xuyên chưa cập nhật trong kỳ",
        "last_update": "Cập nhật gần nhất",
        "never": "chưa có",
        "recurring": "Nhiệm vụ định kỳ đến hạn trong kỳ",
        "none": "Không có.",
        "charts": "Biểu đồ",
        "pie": "Tình trạng nhiệm vụ",
        "gantt": "Tiến độ các nhiệm vụ có thời hạn",
        "task_done": "đã hoàn thành",
    },
    "en": {
        "report": "Implementation report",
        "period": "Period",
        "as_of": "Figures as of",
        "cutoff_nd09": "data cut-off periods of Decree 09/2019/NĐ-CP",
        "cutoff_calendar": "calendar periods",
        "summary": "Summary by state",
        "state": "State",
        "code": "Code",
        "count": "Tasks",
        "share": "Share",
        "qd42": "Rolled up into the 4 groups of Decision 42/2014/QĐ-TTg",
        "group": "Group",
        "stopped_note": "Stopped tasks are outside the 4 groups",
        "never_updated": "No information (never updated; included in the 4 groups above)",
        "undated": "No readable deadline (included in not done, within deadline)",
        "by_body": "By body",
        "body": "Body",
        "role": "Role",
        "total": "Total",
        "done": "Tasks completed in the period",
        "id": "Id",
        "task": "Task",
        "lead": "Lead body",
        "date": "Date",
        "evidence": "Document",
        "overdue": "Overdue tasks",
        "due": "Due",
        "days_overdue": "Days overdue",
        "next": "Falling due in the next period",
        "waiting": "Waiting on a condition",
        "waits_for": "Waits for",
        "stale": "Ongoing tasks with no update in the period",
        "last_update": "Last update",
        "never": "none",
        "recurring": "Recurring occurrences due in the period",
        "none": "None.",
        "charts": "Charts",
        "pie": "Task states",
        "gantt": "Schedule of dated tasks",
        "task_done": "done",
    },
}


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else "—"


def _percent(part: int, total: int) -> str:
    """Vietnamese writes the decimal comma: 22,2%."""
    return f"{100 * part / total:.1f}%".replace(".", ",") if total else "0%"


def _cell(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    spec = align or "|" + "---|" * len(header)
    return ["| " + " | ".join(header) + " |", spec, *("| " + " | ".join(r) + " |" for r in rows)]


class _Report:
    def __init__(self, evaluation: Evaluation, period: ReportPeriod, lang: str) -> None:
        self.ev = evaluation
        self.period = period
        self.lang = lang
        self.w = WORDS[lang]
        self.lines: list[str] = []
        self.number = 0
        self.figures = counting.tally(evaluation)

    def heading(self, title: str) -> None:
        self.number += 1
        self.lines += ["", f"## {self.number}. {title}", ""]

    def lead_name(self, state: TaskState) -> str:
        body = self.ev.plan.bodies.by_id.get(state.entry.body)
        return body.name if body else state.entry.body

    def build(self) -> str:
        ev, w, period = self.ev, self.w, self.period
        info = ev.plan.info
        cutoff = w["cutoff_nd09"] if period.cutoff == "nd09" else w["cutoff_calendar"]
        self.lines = [
            f"# {w['report']}: {info.title}",
            "",
            f"- **{w['period']}:** {period.label(self.lang)} ({_d(period.start)} – "
            f"{_d(period.end)}; {cutoff})",
            f"- **{w['as_of']}:** {_d(ev.as_of)}",
        ]
        if info.number:
            self.lines.append(f"- **{info.number}**")
        self.summary()
        self.bodies()
        self.completed()
        self.overdue()
        self.next_period()
        self.waiting()
        self.stale()
        self.recurring()
        self.charts()
        return "\n".join(self.lines).rstrip("\n") + "\n"

    def summary(self) -> None:
        w, figures = self.w, self.figures
        self.heading(w["summary"])
        counts = figures.states
        total = figures.total
        rows = [
            [
                s.label(self.lang),
                f"`{s.value}`",
                str(counts.get(s, 0)),
                _percent(counts.get(s, 0), total),
            ]
            for s in ORDER
        ]
        rows.append([f"**{w['total']}**", "", f"**{total}**", "100%" if total else "0%"])
        self.lines += _table(
            [w["state"], w["code"], w["count"], w["share"]], rows, "|---|---|---:|---:|"
        )
        self.lines += ["", f"**{w['qd42']}:**", ""]
        cats = figures.categories
        rows = [[c.label(self.lang), str(cats.get(c, 0))] for c in Category]
        self.lines += _table([w["group"], w["count"]], rows, "|---|---:|")
        stopped = counts.get(State.STOPPED, 0)
        if stopped:
            self.lines += ["", f"_{w['stopped_note']}: {stopped}._"]
        # Beside the four groups, not a fifth: how much of them is simply unknown.
        self.lines += ["", f"- {w['never_updated']}: {figures.never_updated}"]
        if figures.undated:
            self.lines.append(f"- {w['undated']}: {figures.undated}")

    def bodies(self) -> None:
        w = self.w
        self.heading(w["by_body"])
        shown = [s for s in ORDER if any(r.counts.get(s) for r in self.figures.rows)]
        rows = []
        for row in self.figures.rows:
            rows.append(
                [
                    _cell(row.name),
                    ROLE_LABELS[self.lang][row.role],
                    *[str(row.counts.get(s, 0)) for s in shown],
                    str(row.total),
                ]
            )
        header = [w["body"], w["role"], *[s.label(self.lang) for s in shown], w["total"]]
        self.lines += _table(header, rows, "|---|---|" + "---:|" * (len(shown) + 1))

    def task_cells(self, state: TaskState, label: str | None = None) -> list[str]:
        """The columns every task list starts with: id, task, lead body."""
        ident = f"{state.id} ({label})" if label else state.id
        return [ident, _cell(state.entry.task.title), _cell(self.lead_name(state), 60)]

    def task_list(
        self, title: str, extra: list[str], rows: list[list[str]], align: str = ""
    ) -> None:
        """A numbered section with a table of tasks, or "none" when there is nothing."""
        w = self.w
        self.heading(title)
        if not rows:
            self.lines.append(w["none"])
            return
        self.lines += _table([w["id"], w["task"], w["lead"], *extra], rows, align)

    def completed(self) -> None:
        w = self.w
        end = min(self.period.end, self.ev.as_of)
        found = counting.completed_between(self.ev, self.period.start, end)
        rows = [
            [
                *self.task_cells(c.state, c.label),
                _d(c.done_on),
                _cell((c.update.evidence if c.update else None) or "—", 80),
            ]
            for c in found
        ]
        self.task_list(w["done"], [w["date"], w["evidence"]], rows)

    def overdue(self) -> None:
        w = self.w
        rows = []
        for s in counting.overdue(self.ev):
            cells = self.task_cells(s)
            parts = counting.overdue_parts(self.ev, s)
            if parts:
                cells[0] += " (" + ", ".join(p.id for p in parts) + ")"
            rows.append([*cells, _d(s.due), str(s.days_overdue)])
        self.task_list(w["overdue"], [w["due"], w["days_overdue"]], rows, "|---|---|---|---|---:|")

    def next_period(self) -> None:
        w = self.w
        nxt = self.period.next()
        found = counting.due_between(self.ev, nxt.start, nxt.end)
        rows = [[*self.task_cells(d.state, d.label), _d(d.due)] for d in found]
        self.task_list(f"{w['next']} ({nxt.label(self.lang)})", [w["due"]], rows)

    def waiting(self) -> None:
        w = self.w
        events = self.ev.plan.events
        rows = []
        for s in counting.in_states(self.ev, State.WAITING):
            waits = [events[ref].description if ref in events else ref for ref in s.waiting_on]
            rows.append([*self.task_cells(s), _cell("; ".join(waits), 200)])
        self.task_list(w["waiting"], [w["waits_for"]], rows)

    def stale(self) -> None:
        w = self.w
        rows = [
            [*self.task_cells(s), _d(s.last_update) if s.last_update else w["never"]]
            for s in counting.in_states(self.ev, State.STALE)
        ]
        self.task_list(w["stale"], [w["last_update"]], rows)

    def recurring(self) -> None:
        w = self.w
        found = counting.occurrences_between(self.ev, self.period.start, self.period.end)
        rows = [
            [*self.task_cells(s, occ.label), _d(occ.due), occ.state.label(self.lang)]
            for s, occ in found
        ]
        self.task_list(w["recurring"], [w["due"], w["state"]], rows)

    def charts(self) -> None:
        w = self.w
        self.heading(w["charts"])
        counts = self.figures.states
        self.lines += ["```mermaid", "pie showData", f"    title {w['pie']}"]
        for s in ORDER:
            if counts.get(s):
                self.lines.append(f'    "{s.label(self.lang)}" : {counts[s]}')
        self.lines += ["```", ""]
        dated = [
            s
            for s in self.ev.states
            if s.due is not None and not s.entry.children and s.rule.kind != "recurring"
        ]
        if not dated:
            return
        begin = self.ev.plan.plan_start or min(s.due for s in dated if s.due)
        self.lines += [
            "```mermaid",
            "gantt",
            f"    title {w['gantt']}",
            "    dateFormat YYYY-MM-DD",
            "    axisFormat %m/%Y",
        ]
        by_body: dict[str, list[TaskState]] = {}
        for task_state in dated:
            by_body.setdefault(task_state.entry.body, []).append(task_state)
        order = list(self.ev.plan.bodies.by_id)
        for body in sorted(by_body, key=lambda b: (order.index(b) if b in order else 999, b)):
            name = self.ev.plan.bodies.name(body).replace(":", " ").replace("#", " ")
            self.lines.append(f"    section {name}")
            for item in sorted(by_body[body], key=lambda t: (t.due or begin, t.id)):
                due = item.due or begin
                start = min(item.start or begin, due)
                tag = (
                    "done, " if item.state.done else "crit, " if item.state is State.OVERDUE else ""
                )
                self.lines.append(f"    {item.id} :{tag}{start.isoformat()}, {due.isoformat()}")
        self.lines += ["```"]


def render_report(evaluation: Evaluation, period: ReportPeriod, lang: str = "vi") -> str:
    return _Report(evaluation, period, lang).build()
