"""Portfolio outputs: status per plan, status per body across plans, overdue across plans,
and the portfolio's period report. Every figure comes from :mod:`kehoach.app.portfolio`,
which adds up the counting module's per-plan figures; nothing is counted here."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any

from kehoach.app.portfolio import BodyTotal, Overdue, PlanFigures, PortfolioReport, PortfolioStatus
from kehoach.evaluation.evaluate import Evaluation
from kehoach.evaluation.report_periods import ReportPeriod
from kehoach.evaluation.states import ORDER, Category, State, category
from kehoach.render.tasks import state_record
from kehoach.render.textgrid import PIPE, Cell, table_or_list, table_or_list_lines, wrapped

# What ``status`` renders for a portfolio; ``kehoach init`` publishes the HTML page only
# once "html" is here (a single plan's HTML renderer does not cover a portfolio).
STATUS_FORMATS = ("table", "json", "markdown", "csv", "html")  # html: cli/status_cmd
GROUPS = (Category.DONE_ON_TIME, Category.DONE_LATE, Category.OPEN_OVERDUE, Category.OPEN_IN_TIME)
GROUP_HEADERS = {
    Category.DONE_ON_TIME: "Xong\nđúng\nhạn",
    Category.DONE_LATE: "Xong\nquá\nhạn",
    Category.OPEN_OVERDUE: "Chưa\nxong,\nquá hạn",
    Category.OPEN_IN_TIME: "Chưa\nxong,\ntrong\nhạn",
}
ROLE = {"lead": "chủ trì", "partner": "phối hợp"}


def _groups(states: Counter[State]) -> Counter[Category]:
    """The QĐ 42 group of each counted state (a relabelling of the counts, not a count)."""
    out: Counter[Category] = Counter()
    for state, n in states.items():
        group = category(state)
        if group is not None:
            out[group] += n
    return out


def _heading(status: PortfolioStatus) -> str:
    config = status.portfolio.shared.config
    office = config.office if config is not None else ""
    return f"{office} — {len(status.plans)} kế hoạch, tính đến ngày {status.as_of:%d/%m/%Y}"


def _plan_cells(
    label: str, total: int, groups: Counter[Category], stopped: int, no_info: int
) -> list[str]:
    return [label, str(total), *(str(groups.get(g, 0)) for g in GROUPS), str(no_info), str(stopped)]


def _plan_rows(status: PortfolioStatus) -> tuple[list[list[str]], list[str]]:
    rows = [
        _plan_cells(
            f.key, f.figures.total, f.figures.categories, f.figures.stopped, f.no_information
        )
        for f in status.plans
    ]
    t = status.totals
    footer = _plan_cells(
        "Cộng", t.total, t.categories, t.states.get(State.STOPPED, 0), t.no_information
    )
    return rows, footer


PLAN_HEADERS = [
    "Kế hoạch",
    "Tổng",
    *(GROUP_HEADERS[g] for g in GROUPS),
    "Chưa\ncó\nthông\ntin",
    "Dừng",
]


def render_status_table(status: PortfolioStatus, *, color: bool = False, width: int = PIPE) -> str:
    rows, footer = _plan_rows(status)
    overdue = 1 + 1 + GROUPS.index(Category.OPEN_OVERDUE)

    def cells(row: list[str]) -> list[Cell]:
        return [
            Cell(text, "bold red" if i == overdue and text != "0" else "")
            for i, text in enumerate(row)
        ]

    lines = [*wrapped(_heading(status), width), ""]
    lines += table_or_list(
        PLAN_HEADERS,
        [cells(r) for r in rows],
        [Cell(t, "bold") for t in footer],
        width=width,
        color=color,
    )
    return "\n".join(lines)


def _md_table(headers: list[str], rows: list[list[str]]) -> list[str]:
    def esc(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    out = ["| " + " | ".join(esc(h) for h in headers) + " |"]
    out.append("|" + "|".join(["---"] + ["---:"] * (len(headers) - 1)) + "|")
    out += ["| " + " | ".join(esc(c) for c in row) + " |" for row in rows]
    return out


def render_status_markdown(status: PortfolioStatus) -> str:
    rows, footer = _plan_rows(status)
    titled = [[f"{r[0]}: {f.title}", *r[1:]] for r, f in zip(rows, status.plans, strict=True)]
    lines = [f"**{_heading(status)}**", ""]
    lines += _md_table(PLAN_HEADERS, [*titled, [f"**{footer[0]}**", *footer[1:]]])
    return "\n".join(lines) + "\n"


def _figures(f: PlanFigures) -> dict[str, Any]:
    return {
        "plan": f.key,
        "title": f.title,
        "total": f.figures.total,
        "states": {s.value: f.figures.states.get(s, 0) for s in ORDER},
        "categories": {g.value: f.figures.categories.get(g, 0) for g in GROUPS},
        "no_information": f.no_information,
    }


def status_data(status: PortfolioStatus) -> dict[str, Any]:
    t = status.totals
    return {
        "as_of": status.as_of.isoformat(),
        "plans": [_figures(f) for f in status.plans],
        "totals": {
            "total": t.total,
            "states": {s.value: t.states.get(s, 0) for s in ORDER},
            "categories": {g.value: t.categories.get(g, 0) for g in GROUPS},
            "no_information": t.no_information,
        },
    }


def render_status_json(status: PortfolioStatus) -> str:
    return json.dumps(status_data(status), ensure_ascii=False, indent=2)


def render_status_csv(status: PortfolioStatus) -> str:
    rows, footer = _plan_rows(status)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([h.replace("\n", " ") for h in PLAN_HEADERS])
    writer.writerows([*rows, footer])
    return buffer.getvalue().rstrip("\n")


# ------------------------------------------------------------------ per body
BODY_HEADERS = [
    "Cơ quan",
    "Vai\ntrò",
    "Số\nkế\nhoạch",
    "Tổng",
    *(GROUP_HEADERS[g] for g in GROUPS),
    "Dừng",
]


def _body_cells(t: BodyTotal) -> list[str]:
    groups = _groups(t.counts)
    return [
        t.name,
        ROLE[t.role],
        str(len(t.plans)),
        str(t.total),
        *(str(groups.get(g, 0)) for g in GROUPS),
        str(t.counts.get(State.STOPPED, 0)),
    ]


def render_bodies_table(
    status: PortfolioStatus, rows: list[BodyTotal], *, color: bool = False, width: int = PIPE
) -> str:
    overdue = 4 + GROUPS.index(Category.OPEN_OVERDUE)
    cells = [
        [
            Cell(text, "bold red" if i == overdue and text != "0" else "")
            for i, text in enumerate(_body_cells(r))
        ]
        for r in rows
    ]
    table = table_or_list(BODY_HEADERS, cells, width=width, color=color)
    return "\n".join([*wrapped(_heading(status), width), "", *table])


def render_bodies_markdown(status: PortfolioStatus, rows: list[BodyTotal]) -> str:
    lines = [f"**{_heading(status)}**", ""]
    lines += _md_table(BODY_HEADERS, [_body_cells(r) for r in rows])
    return "\n".join(lines) + "\n"


def bodies_data(status: PortfolioStatus, rows: list[BodyTotal]) -> dict[str, Any]:
    return {
        "as_of": status.as_of.isoformat(),
        "bodies": [
            {
                "body": r.body,
                "name": r.name,
                "role": r.role,
                "plans": r.plans,
                "total": r.total,
                "states": {s.value: r.counts.get(s, 0) for s in ORDER},
                "categories": {g.value: _groups(r.counts).get(g, 0) for g in GROUPS},
            }
            for r in rows
        ],
    }


def render_bodies_json(status: PortfolioStatus, rows: list[BodyTotal]) -> str:
    return json.dumps(bodies_data(status, rows), ensure_ascii=False, indent=2)


def render_bodies_csv(rows: list[BodyTotal]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["Mã", *(h.replace("\n", " ") for h in BODY_HEADERS)])
    writer.writerows([[r.body, *_body_cells(r)] for r in rows])
    return buffer.getvalue().rstrip("\n")


# ------------------------------------------------------------------ overdue
def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _by_key(status: PortfolioStatus) -> dict[str, PlanFigures]:
    return {f.key: f for f in status.plans}


def render_overdue_table(
    status: PortfolioStatus, late: list[Overdue], *, color: bool = False, width: int = PIPE
) -> str:
    return "\n".join(overdue_table_lines(status, late, color=color, width=width))


def overdue_table_lines(
    status: PortfolioStatus, late: list[Overdue], *, color: bool = False, width: int = PIPE
) -> Iterator[str]:
    """:func:`render_overdue_table` as lines, made a row at a time as they are taken (the
    rows' cells are made once for the columns' widths and again to draw them)."""
    if not late:
        yield from wrapped(_heading(status), width)
        yield ""
        yield "Không có nhiệm vụ quá hạn."
        return
    plans = _by_key(status)

    def rows() -> Iterator[list[Cell]]:
        for item in late:
            s = item.state
            bodies = plans[item.key].bodies
            yield [
                Cell(f"{item.key}:{s.id} {_short(s.entry.task.title)}"),
                Cell(bodies.name(s.entry.body)[:28]),
                Cell(f"{s.due:%d/%m/%Y}" if s.due else ""),
                Cell(str(s.days_overdue), "bold red"),
            ]

    headers = ["Kế hoạch:Mã, nhiệm vụ", "Chủ trì", "Hạn", "Quá\n(ngày)"]
    yield from wrapped(_heading(status), width)
    yield f"{len(late)} nhiệm vụ quá hạn"
    yield ""
    yield from table_or_list_lines(headers, rows, width=width, color=color)


def render_overdue_json(status: PortfolioStatus, late: list[Overdue]) -> str:
    plans = _by_key(status)
    data = {
        "as_of": status.as_of.isoformat(),
        "overdue": [{"plan": o.key, **state_record(plans[o.key].bodies, o.state)} for o in late],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------ report
def _demote(lines: list[str]) -> list[str]:
    return [f"#{line}" if line.startswith("#") else line for line in lines]


def render_report(report: PortfolioReport, bodies: list[BodyTotal]) -> str:
    """Header, the summary per plan, a section per plan (its own report), then per body."""
    return "\n".join(report_lines(report, bodies)) + "\n"


def report_lines(report: PortfolioReport, bodies: list[BodyTotal]) -> Iterator[str]:
    """:func:`render_report` as lines (``"\n".join(lines) + "\n"`` is the report), made a
    plan at a time as they are taken: a portfolio's report is as big as its plans."""
    from kehoach.render.report import trim_end

    return trim_end(_report_parts(report, bodies))


def plan_section(evaluation: Evaluation, period: ReportPeriod) -> list[str]:
    """One plan's own report as a section of the portfolio's: its title goes (the
    section's heading names the plan) and its headings move a level down."""
    from kehoach.render.report import report_lines as plan_report

    own = [p for line in plan_report(evaluation, period) for p in line.split("\n")]
    if own and own[0].startswith("# "):
        del own[0]  # its title becomes this section's heading
    return _demote(own)


def _report_parts(report: PortfolioReport, bodies: list[BodyTotal]) -> Iterator[str]:
    status, period = report.status, report.period
    config = status.portfolio.shared.config
    lines: list[str] = []
    header = config.report if config is not None else None
    if header is not None and header.issuer_lines:
        lines += [f"**{line}**  " for line in header.issuer_lines] + [""]
    if header is not None and header.place:
        lines += [
            f"*{header.place}, ngày {status.as_of.day} tháng {status.as_of.month} "
            f"năm {status.as_of.year}*",
            "",
        ]
    office = f" của {config.office}" if config is not None else ""
    lines += [f"# Báo cáo tình hình thực hiện các kế hoạch{office} — {period.label()}", ""]
    lines += [
        f"Kỳ báo cáo từ {period.start:%d/%m/%Y} đến {period.end:%d/%m/%Y}; số liệu tính "
        f"đến ngày {status.as_of:%d/%m/%Y}.",
        "",
    ]
    lines += ["## Tổng hợp theo kế hoạch", ""]
    lines += [*render_status_markdown(status).rstrip("\n").split("\n")[2:], ""]
    yield from lines
    for number, figures in enumerate(status.plans, 1):
        yield f"## {number}. {figures.title} ({figures.key})"
        yield from report.sections[figures.key]
        yield ""
    lines = ["## Theo cơ quan, trên mọi kế hoạch", ""]
    lines += [*_md_table(BODY_HEADERS, [_body_cells(r) for r in bodies]), ""]
    signer = header.signer if header is not None else None
    if signer is not None:
        lines += [
            f"**{signer.on_behalf}**" if signer.on_behalf else "",
            f"**{signer.position}**" if signer.position else "",
            "",
            f"**{signer.name}**",
        ]
    yield from lines
