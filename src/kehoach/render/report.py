"""The period report as Markdown (Vietnamese by default), with Mermaid charts.

Deterministic: the same plan, period and day always give the same bytes — no
generation time stamp, every list sorted. Every table has a totals row; no internal code
(``overdue``, ``stale`` …) appears (codes are for JSON); a text too long for a table cell
is cut at a word boundary and given in full in the appendix; overdue is red in every
chart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from kehoach.applicable_rule import applicable_lead_time
from kehoach.evaluation import counting
from kehoach.evaluation.evaluate import Evaluation, TaskState
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.evaluation.states import ORDER, Category, State
from kehoach.idorder import id_sort_key
from kehoach.render.reportdata import Named, caused, one, shown_id, waits_for
from kehoach.render.status import ROLE_LABELS

WORDS = {
    "vi": {
        "report": "Báo cáo kết quả thực hiện",
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
        "tasks_total": "nhiệm vụ",
        "stale_count": "Số nhiệm vụ chưa cập nhật trong kỳ",
        "stale_never": "Trong đó chưa từng cập nhật",
        "stale_list": "danh sách đầy đủ ở mục Phụ lục",
        "appendix": "Phụ lục",
        "appendix_stale": "Nhiệm vụ thường xuyên chưa cập nhật trong kỳ (danh sách đầy đủ)",
        "appendix_full": "Nội dung đầy đủ của các nhiệm vụ được rút gọn trong bảng",
        "task_word": "nhiệm vụ",
    },
    "en": {
        "report": "Implementation report:",
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
        "tasks_total": "tasks",
        "stale_count": "Not updated in the period",
        "stale_never": "Of which never updated",
        "stale_list": "full list in the appendix",
        "appendix": "Appendix",
        "appendix_stale": "Ongoing tasks with no update in the period (full list)",
        "appendix_full": "Full text of the tasks shortened in the tables",
        "task_word": "task",
    },
}


def _d(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day is not None else "—"


def _percent(part: int, total: int) -> str:
    """Vietnamese writes the decimal comma: 22,2%."""
    return f"{100 * part / total:.1f}%".replace(".", ",") if total else "0%"


def shorten(text: str, limit: int) -> str:
    """*text* on one line, cut at the last word boundary within *limit* characters
    (with "…"); a single word longer than the limit is kept whole, never cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    head = flat[: limit - 1]
    if " " in head and flat[limit - 1] != " ":
        head = head.rsplit(" ", 1)[0]
    elif " " not in head:
        return flat.split(" ", 1)[0] + ("…" if " " in flat else "")
    return head.rstrip(" ,;:.-–") + "…"


def _cell(text: str, limit: int = 160) -> str:
    return shorten(text, limit).replace("|", "\\|")


def _table(header: list[str], rows: list[list[str]], align: str = "") -> list[str]:
    return list(_table_lines(header, rows, align))


def _table_lines(header: list[str], rows: Iterable[list[str]], align: str = "") -> Iterator[str]:
    """:func:`_table` a row at a time (*rows* is read once, as the lines are taken)."""
    yield "| " + " | ".join(header) + " |"
    yield align or "|" + "---|" * len(header)
    for r in rows:
        yield "| " + " | ".join(r) + " |"


class _Report:
    def __init__(
        self, evaluation: Evaluation, period: ReportPeriod, lang: str, body: str | None
    ) -> None:
        self.ev = evaluation
        self.period = period
        self.lang = lang
        self.body = body  # a body's own report: only its rows by body, its role on each task
        self.w = WORDS[lang]
        self.lines: list[str] = []
        # The section's lines before a table made as it is taken, then that table (see
        # task_list); self.lines goes on after it.
        self.parts: list[Iterable[str]] = []
        self.number = 0
        self.figures = counting.tally(evaluation, body)
        self.shortened: dict[str, str] = {}  # id → full title, for the appendix
        self.appendix_stale: list[TaskState] = []  # listed in the appendix

    def heading(self, title: str) -> None:
        self.number += 1
        self.lines += ["", f"## {self.number}. {title}", ""]

    def lead_name(self, state: TaskState) -> str:
        body = self.ev.plan.bodies.by_id.get(state.entry.body)
        return body.name if body else state.entry.body

    def title(self) -> str:
        """ "Báo cáo kết quả thực hiện Kế hoạch …" — no colon."""
        title = " ".join(self.ev.plan.info.title.split())
        if self.lang == "vi" and not title.lower().startswith("kế hoạch"):
            title = f"Kế hoạch {title}"
        return f"{self.w['report']} {title}"

    def pieces(self) -> Iterator[Iterable[str]]:
        """The report's lines a section at a time (a section is built when the one before
        it has been taken, its long task tables row by row as they are taken), trailing
        blank lines not yet dropped."""
        ev, w, period = self.ev, self.w, self.period
        info = ev.plan.info
        cutoff = w["cutoff_nd09"] if period.cutoff == "nd09" else w["cutoff_calendar"]
        self.lines = [
            f"# {self.title()}",
            "",
            *([f"**{w['body']}: {ev.plan.bodies.name(self.body)}**", ""] if self.body else []),
            f"- **{w['period']}:** {period.label(self.lang)} ({_d(period.start)} – "
            f"{_d(period.end)}; {cutoff})",
            f"- **{w['as_of']}:** {_d(ev.as_of)}",
        ]
        if info.number:
            self.lines.append(f"- **{info.number}**")
        for section in (
            self.summary,
            self.bodies,
            self.completed,
            self.overdue,
            self.next_period,
            self.waiting,
            self.stale,
            self.recurring,
            self.charts,
            self.appendix,
        ):
            section()
            yield chain.from_iterable([*self.parts, self.lines])
            self.parts = []
            self.lines = []

    def summary(self) -> None:
        w, figures = self.w, self.figures
        self.heading(w["summary"])
        counts = figures.states
        total = figures.total
        rows = [
            [s.label(self.lang), str(counts.get(s, 0)), _percent(counts.get(s, 0), total)]
            for s in ORDER
        ]
        rows.append([f"**{w['total']}**", f"**{total}**", "100%" if total else "0%"])
        self.lines += _table([w["state"], w["count"], w["share"]], rows, "|---|---:|---:|")
        self.lines += ["", f"**{w['qd42']}:**", ""]
        cats = figures.categories
        rows = [[c.label(self.lang), str(cats.get(c, 0))] for c in Category]
        stopped = counts.get(State.STOPPED, 0)
        if stopped:
            rows.append([f"{State.STOPPED.label(self.lang)} ({w['stopped_note'].lower()})",
                         str(stopped)])  # fmt: skip
        rows.append([f"**{w['total']}**", f"**{total}**"])
        self.lines += _table([w["group"], w["count"]], rows, "|---|---:|")
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
        counts = self.figures.states
        rows.append(
            [
                f"**{w['total']}**",
                "",
                *[f"**{counts.get(s, 0)}**" for s in shown],
                f"**{self.figures.total}**",
            ]
        )
        header = [w["body"], w["role"], *[s.label(self.lang) for s in shown], w["total"]]
        self.lines += _table(header, rows, "|---|---|" + "---:|" * (len(shown) + 1))

    def task_cells(self, state: TaskState, named: Sequence[Named] = ()) -> list[str]:
        """The columns every task list starts with: id (with the sub-tasks and occurrences
        concerned, ``reportdata.shown_id``, and the role in a body's own report), task,
        lead body."""
        note = None
        if self.body is not None:
            from kehoach.selection import role_of

            role = role_of(self.ev.plan, state.entry, self.body)
            if role is not None:
                note = ROLE_LABELS[self.lang][role.code]
        ident = shown_id(state.id, named, note)
        title = self.note_long(state)
        return [ident, _cell(title), _cell(self.lead_name(state), 60)]

    def note_long(self, state: TaskState) -> str:
        """The task's title on one line; a title longer than its cell is also kept for
        the appendix."""
        title = " ".join(state.entry.task.title.split())
        if len(title) > 160:
            self.shortened[state.id] = title
        return title

    def task_list(
        self,
        title: str,
        extra: list[str],
        rows: Iterable[list[str]],
        size: int,
        align: str = "",
        tasks: int | None = None,
    ) -> None:
        """A numbered section with a table of tasks (*size* rows, made as the lines are
        taken: a report of 100,000 tasks never holds a whole table), or "none" when there
        is nothing; the total counts *tasks* (the counted tasks of the rows), not rows."""
        w = self.w
        self.heading(title)
        if not size:
            self.lines.append(w["none"])
            return
        count = size if tasks is None else tasks
        total = [f"**{w['total']}**", f"**{count} {w['tasks_total']}**", ""] + [""] * len(extra)
        header = [w["id"], w["task"], w["lead"], *extra]
        self.parts += [self.lines, _table_lines(header, chain(rows, [total]), align)]
        self.lines = []

    def completed(self) -> None:
        w = self.w
        end = min(self.period.end, self.ev.as_of)
        found = counting.completed_between(self.ev, self.period.start, end)
        rows = (
            [
                *self.task_cells(c.state, one(c.sub, c.label)),
                _d(c.done_on),
                _cell((c.update.evidence if c.update else None) or "—", 80),
            ]
            for c in found
        )
        tasks = len({c.state.id for c in found})
        self.task_list(w["done"], [w["date"], w["evidence"]], rows, len(found), tasks=tasks)

    def overdue(self) -> None:
        w = self.w
        late = counting.overdue(self.ev)
        rows = (
            [*self.task_cells(s, caused(self.ev, s)), _d(s.due), str(s.days_overdue)] for s in late
        )
        extra = [w["due"], w["days_overdue"]]
        self.task_list(w["overdue"], extra, rows, len(late), "|---|---|---|---|---:|")

    def next_period(self) -> None:
        w = self.w
        nxt = self.period.next()
        found = counting.due_between(self.ev, nxt.start, nxt.end)
        rows = ([*self.task_cells(d.state, one(d.sub, d.label)), _d(d.due)] for d in found)
        tasks = len({d.state.id for d in found})
        title = f"{w['next']} ({nxt.label(self.lang)})"
        self.task_list(title, [w["due"]], rows, len(found), tasks=tasks)

    def waiting(self) -> None:
        w = self.w
        found = counting.in_states(self.ev, State.WAITING)
        rows = (
            [*self.task_cells(s, caused(self.ev, s)), _cell(waits_for(self.ev, s), 200)]
            for s in found
        )
        self.task_list(w["waiting"], [w["waits_for"]], rows, len(found))

    def stale(self) -> None:
        """Counts per body here; the full list goes to the appendix."""
        w = self.w
        found = counting.in_states(self.ev, State.STALE)
        self.heading(w["stale"])
        if not found:
            self.lines.append(w["none"])
            return
        per_body: dict[str, list[TaskState]] = {}
        for s in found:
            per_body.setdefault(s.entry.body, []).append(s)
        order = {b: i for i, b in enumerate(self.ev.plan.bodies.by_id)}
        rows = []
        for body in sorted(per_body, key=lambda b: (order.get(b, len(order)), b)):
            tasks = per_body[body]
            never = sum(1 for s in tasks if counting.is_never_updated(s))
            rows.append([_cell(self.ev.plan.bodies.name(body), 60), str(len(tasks)), str(never)])
        never_total = sum(1 for s in found if counting.is_never_updated(s))
        rows.append([f"**{w['total']}**", f"**{len(found)}**", f"**{never_total}**"])
        self.lines += _table(
            [w["body"], w["stale_count"], w["stale_never"]], rows, "|---|---:|---:|"
        )
        self.lines += ["", f"_{w['stale_list']}._"]
        for s in found:  # the appendix's rows are made when it is written; its list of
            self.note_long(s)  # full titles, before them, must know theirs already
        self.appendix_stale = found

    def recurring(self) -> None:
        w = self.w
        found = counting.occurrences_between(self.ev, self.period.start, self.period.end)
        rows = (
            [
                *self.task_cells(r.state, one(r.sub, r.occurrence.name)),
                _d(r.occurrence.due),
                r.occurrence.state.label(self.lang),
            ]
            for r in found
        )
        tasks = len({r.state.id for r in found})
        self.task_list(w["recurring"], [w["due"], w["state"]], rows, len(found), tasks=tasks)

    def charts(self) -> None:
        w = self.w
        self.heading(w["charts"])
        cats = self.figures.categories
        # The four QĐ 42 groups, overdue first and red (Mermaid colours slices in the order
        # they are listed: pie1, pie2 …).
        colours = {
            Category.OPEN_OVERDUE: "#c62828",
            Category.OPEN_IN_TIME: "#1f6fb5",
            Category.DONE_LATE: "#b58900",
            Category.DONE_ON_TIME: "#2e7d32",
        }
        shown = [c for c in colours if cats.get(c)]
        theme = ", ".join(f'"pie{i}": "{colours[c]}"' for i, c in enumerate(shown, 1))
        self.lines += [
            "```mermaid",
            f'%%{{init: {{"theme": "base", "themeVariables": {{{theme}}}}}}}%%',
            "pie showData",
            f"    title {w['pie']}",
        ]
        for c in shown:
            self.lines.append(f'    "{c.label(self.lang)}" : {cats[c]}')
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
        self.parts += [self.lines, self.gantt(dated, begin)]  # made as it is written
        self.lines = ["```"]

    def gantt(self, dated: list[TaskState], begin: dt.date) -> Iterator[str]:
        """The Gantt chart's sections, a body at a time, each bar a line."""
        by_body: dict[str, list[TaskState]] = {}
        for task_state in dated:
            by_body.setdefault(task_state.entry.body, []).append(task_state)
        order = {b: i for i, b in enumerate(self.ev.plan.bodies.by_id)}
        for body in sorted(by_body, key=lambda b: (order.get(b, len(order)), b)):
            yield f"    section {_mermaid(self.ev.plan.bodies.name(body))}"
            for item in sorted(by_body[body], key=lambda t: (t.due or begin, t.id)):
                due = item.due or begin
                start = min(self.bar_start(item, begin), due)
                tag = (
                    "done, " if item.state.done else "crit, " if item.state is State.OVERDUE else ""
                )
                label = _mermaid(f"{item.id} {shorten(item.entry.task.title, 40)}")
                yield f"    {label} :{tag}{start.isoformat()}, {due.isoformat()}"

    def bar_start(self, item: TaskState, begin: dt.date) -> dt.date:
        """Where a Gantt bar starts: an after-task at its trigger's date, a task with a
        start at its start, else at its first recorded update, else at the plan's start."""
        if item.rule.kind == "after" and item.due is not None:
            days = applicable_lead_time(self.ev.plan, item.entry)
            return item.due - dt.timedelta(days=days)
        if item.start is not None:
            return item.start
        history = item.entry.task.history
        if history:
            return history[0].date
        return begin

    def appendix(self) -> None:
        w = self.w
        if not self.appendix_stale and not self.shortened:
            return
        self.lines += ["", f"## {w['appendix']}"]
        if self.appendix_stale:
            found = self.appendix_stale
            rows = (
                [
                    *self.task_cells(s, caused(self.ev, s)),
                    _d(s.last_update) if s.last_update else w["never"],
                ]
                for s in found
            )
            total = [f"**{w['total']}**", f"**{len(found)} {w['tasks_total']}**", "", ""]
            self.lines += ["", f"### {w['appendix_stale']}", ""]
            header = [w["id"], w["task"], w["lead"], w["last_update"]]
            self.parts += [self.lines, _table_lines(header, chain(rows, [total]))]
            self.lines = []
        if self.shortened:
            self.lines += ["", f"### {w['appendix_full']}", ""]
            for ident in sorted(self.shortened, key=id_sort_key):
                text = self.shortened[ident]
                self.lines.append(f"- **{ident}** — {text}")


def _mermaid(text: str) -> str:
    """Mermaid reads ':' '#' ';' as syntax in task and section names."""
    return " ".join(text.replace(":", " ").replace("#", " ").replace(";", ",").split())


def trim_end(lines: Iterable[str]) -> Iterator[str]:
    """*lines* such that ``"\n".join`` of them is ``"\n".join(lines).rstrip("\n")``:
    trailing blank lines and newlines dropped, the rest passed on as it comes."""
    last: str | None = None
    blanks: list[str] = []
    for line in lines:
        if not line.rstrip("\n"):
            blanks.append(line)
            continue
        if last is not None:
            yield last
        yield from blanks
        blanks = []
        last = line
    if last is not None:
        yield last.rstrip("\n")


def report_lines(
    evaluation: Evaluation, period: ReportPeriod, lang: str = "vi", body: str | None = None
) -> Iterator[str]:
    """:func:`render_report` as lines (``"\n".join(lines) + "\n"`` is the report), made a
    section at a time as they are taken, so a big report can be written out without
    building it whole."""
    pieces = _Report(evaluation, period, lang, body).pieces()
    return trim_end(line for piece in pieces for line in piece)


def render_report(
    evaluation: Evaluation, period: ReportPeriod, lang: str = "vi", body: str | None = None
) -> str:
    """The period report in Markdown; with *body* (an id), that body's own report (the
    evaluation then holds only its tasks, see ``kehoach.app.build_report``)."""
    return "\n".join(report_lines(evaluation, period, lang, body)) + "\n"
