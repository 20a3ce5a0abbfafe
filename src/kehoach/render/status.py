"""``kehoach status`` output: a plain-text table (a list below 80 columns) for terminals
and pipes, Markdown, CSV and JSON for everything else."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from kehoach.evaluation.counting import BodyRow, Tally, tally
from kehoach.evaluation.evaluate import Evaluation
from kehoach.evaluation.states import ORDER, State

if TYPE_CHECKING:
    from collections.abc import Callable

    from kehoach.render.textgrid import Cell

ROLE_LABELS = {
    "vi": {"lead": "chủ trì", "partner": "phối hợp"},
    "en": {"lead": "lead", "partner": "partner"},
}
ROLE_SHORT = {"vi": {"lead": "CT", "partner": "PH"}, "en": {"lead": "L", "partner": "P"}}

# Table columns at 80 columns: states grouped the way the secretariat reads them.
COLUMNS: list[tuple[dict[str, str], tuple[State, ...]]] = [
    ({"vi": "Quá\nhạn", "en": "Over-\ndue"}, (State.OVERDUE,)),
    ({"vi": "Trong\nhạn", "en": "Open"}, (State.OPEN,)),
    ({"vi": "Chưa\nđến\nhạn", "en": "Not\ndue"}, (State.NOT_DUE,)),
    ({"vi": "Chờ\nđiều\nkiện", "en": "Wait-\ning"}, (State.WAITING,)),
    ({"vi": "Thường\nxuyên", "en": "On-\ngoing"}, (State.ONGOING,)),
    ({"vi": "Chưa\ncập\nnhật", "en": "Stale"}, (State.STALE,)),
    ({"vi": "Chưa\nrõ\nhạn", "en": "Un-\ndated"}, (State.UNDATED,)),
    ({"vi": "Đã\nxong", "en": "Done"}, (State.DONE_ON_TIME, State.DONE_LATE)),
    ({"vi": "Dừng", "en": "Stop-\nped"}, (State.STOPPED,)),
]


def _header(evaluation: Evaluation, lang: str) -> str:
    period = evaluation.period
    if lang == "en":
        return (
            f"{evaluation.plan.info.title}\nAs of {evaluation.as_of:%d/%m/%Y} · "
            f"period {period.label('en')} ({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y})"
        )
    return (
        f"{evaluation.plan.info.title}\nTính đến ngày {evaluation.as_of:%d/%m/%Y} · "
        f"kỳ {period.label()} ({period.start:%d/%m/%Y} – {period.end:%d/%m/%Y})"
    )


def _name(evaluation: Evaluation, row: BodyRow) -> str:
    body = evaluation.plan.bodies.by_id.get(row.body)
    return (body.short or body.name) if body else row.body


def status_data(
    evaluation: Evaluation, body: str | None = None, figures: Tally | None = None
) -> dict[str, Any]:
    """The status figures as data; *figures* when the caller already counted them (the
    counting module's rows are built once per run, not once per use)."""
    figures = figures or tally(evaluation, body)
    rows = figures.rows
    totals = figures.states
    return {
        "plan": evaluation.plan.info.id,
        "as_of": evaluation.as_of.isoformat(),
        "period": {
            "code": evaluation.period.code,
            "start": evaluation.period.start.isoformat(),
            "end": evaluation.period.end.isoformat(),
            "cutoff": evaluation.period.cutoff,
        },
        "totals": {s.value: totals.get(s, 0) for s in ORDER},
        "total": figures.total,
        "categories": {c.value: n for c, n in sorted(figures.categories.items())},
        "never_updated": figures.never_updated,
        "bodies": [
            {
                "body": r.body,
                "name": r.name,
                "role": r.role,
                "counts": {s.value: r.counts.get(s, 0) for s in ORDER},
                "total": r.total,
            }
            for r in rows
        ],
    }


def render_json(
    evaluation: Evaluation, body: str | None = None, figures: Tally | None = None
) -> str:
    return json.dumps(status_data(evaluation, body, figures), ensure_ascii=False, indent=2)


def render_markdown(
    evaluation: Evaluation,
    body: str | None = None,
    lang: str = "vi",
    figures: Tally | None = None,
) -> str:
    figures = figures or tally(evaluation, body)
    data = status_data(evaluation, body, figures)
    head = _header(evaluation, lang).split("\n")
    role_word = "Vai trò" if lang == "vi" else "Role"
    body_word = "Cơ quan" if lang == "vi" else "Body"
    total_word = "Tổng" if lang == "vi" else "Total"
    lines = [
        f"## {head[0]}",
        "",
        head[1],
        "",
        f"| {body_word} | {role_word} | "
        + " | ".join(s.label(lang) for s in ORDER)
        + f" | {total_word} |",
        "|---|---|" + "---:|" * (len(ORDER) + 1),
    ]
    for row in figures.rows:
        cells = [str(row.counts.get(s, 0)) for s in ORDER]
        lines.append(
            f"| {row.name} | {ROLE_LABELS[lang][row.role]} | "
            + " | ".join(cells)
            + f" | {row.total} |"
        )
    totals = [str(data["totals"][s.value]) for s in ORDER]
    lines.append(f"| **{total_word}** | | " + " | ".join(totals) + f" | **{data['total']}** |")
    lines += ["", never_updated_line(data["never_updated"], lang)]
    return "\n".join(lines)


def never_updated_line(never: int, lang: str = "vi") -> str:
    """The "Chưa có thông tin" line under every status table (beside the four groups)."""
    if lang == "vi":
        return f"Chưa có thông tin (chưa từng được cập nhật): {never} nhiệm vụ"
    return f"No information (never updated): {never} tasks"


def render_table(
    evaluation: Evaluation,
    body: str | None = None,
    *,
    lang: str = "vi",
    color: bool = True,
    width: int | None = None,
    figures: Tally | None = None,
) -> str:
    """The status table, sized for *width* (80 by default; below 80 columns a list);
    no ANSI codes unless *color*."""
    from kehoach.render.textgrid import PIPE, Cell, styled, table_or_list, wrapped

    width = width or PIPE
    figures = figures or tally(evaluation, body)
    totals = {s.value: figures.states.get(s, 0) for s in ORDER}  # as status_data gives them
    # "Dừng" and "Chưa rõ hạn" are rare: shown only when some task has them (80 columns).
    columns = [
        (labels, states)
        for labels, states in COLUMNS
        if states not in ((State.STOPPED,), (State.UNDATED,)) or totals[states[0].value]
    ]
    headers = [
        "Cơ quan" if lang == "vi" else "Body",
        "Vai\ntrò" if lang == "vi" else "Role",
        *[labels[lang] for labels, _ in columns],
        "Tổng" if lang == "vi" else "Total",
    ]
    rows = []
    previous = None
    roles = {role: Cell(short) for role, short in ROLE_SHORT[lang].items()}
    blank = Cell("")
    overdue_only = (State.OVERDUE,)
    # Per column its first state; the other states some columns add up (done on time and
    # late); the columns whose figures are red (overdue).
    firsts = [states[0] for _, states in columns]
    zeros = [0] * len(firsts)
    more = [(i, state) for i, (_, states) in enumerate(columns) for state in states[1:]]
    reds = [i for i, (_, states) in enumerate(columns) if states == overdue_only]
    # A cell per distinct figure (most are "·" or small numbers): a table of 2,000 bodies
    # has 20,000 of them. Red ones apart; the totals column shows 0 as "0", not "·".
    plain = _Cells(lambda value: Cell(str(value) if value else "·"))
    red = _Cells(lambda value: Cell(str(value), "bold red"))
    sums = _Cells(lambda value: Cell(str(value)))
    for row in figures.rows:
        name = Cell(_name(evaluation, row)) if row.body != previous else blank
        previous = row.body
        get = row.counts.get
        values = list(map(get, firsts, zeros))  # count of each column's first state
        for i, state in more:
            values[i] += get(state, 0)
        cells = [name, roles[row.role], *map(plain.__getitem__, values), sums[row.total]]
        for i in reds:
            if values[i]:
                cells[2 + i] = red[values[i]]
        rows.append(cells)
    footer = [Cell("Tổng" if lang == "vi" else "Total"), Cell("")]
    for _, states in columns:
        value = sum(totals[s.value] for s in states)
        footer.append(Cell(str(value), "bold red" if states == (State.OVERDUE,) and value else ""))
    footer.append(Cell(str(figures.total)))

    lines = [styled(text, "bold", color) for text in _header_lines(evaluation, lang, width)]
    lines += [""]
    lines += table_or_list(headers, rows, footer, width=width, color=color)
    lines.append("")
    if lang == "vi":
        lines += wrapped(
            "CT: chủ trì · PH: phối hợp (mỗi nhiệm vụ tính một lần ở dòng Tổng)", width
        )
        lines.append("")
    lines += wrapped(never_updated_line(figures.never_updated, lang), width)
    overdue = totals[State.OVERDUE.value]
    if lang == "vi":
        message = (
            f"Quá hạn: {overdue} nhiệm vụ — xem 'kehoach overdue'."
            if overdue
            else "Không có nhiệm vụ quá hạn."
        )
    else:
        message = f"Overdue: {overdue} tasks." if overdue else "Nothing overdue."
    lines += [styled(t, "bold red" if overdue else "green", color) for t in wrapped(message, width)]
    return "\n".join(line.rstrip() for line in lines)


class _Cells(dict[int, "Cell"]):  # textgrid is imported when a table is drawn
    """The cell of each figure, made (by *make*) the first time the figure is asked for."""

    def __init__(self, make: Callable[[int], Cell]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, value: int) -> Cell:
        cell = self[value] = self.make(value)
        return cell


def _header_lines(evaluation: Evaluation, lang: str, width: int) -> list[str]:
    from kehoach.render.textgrid import wrapped

    out: list[str] = []
    for paragraph in _header(evaluation, lang).split("\n"):
        out += wrapped(paragraph, width)
    return out
