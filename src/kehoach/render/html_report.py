"""The report and the status as one self-contained HTML page.

No network at all: CSS inline, charts as inline SVG drawn here, no JavaScript. Prints
on A4 (print CSS: page margins of the Party format, header rows repeated, rows never
split) and reads on a phone (tables scroll sideways inside their box, the header block
stacks). Every figure comes from ReportData.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from kehoach.evaluation.states import Category
from kehoach.render.narrative import Narrative
from kehoach.render.reportdata import ReportData
from kehoach.render.reportform import (
    APPENDIX_AFTER,
    KIND,
    PARTY,
    PLACEHOLDERS,
    SECTION_TITLES,
    ReportForm,
    period_phrase,
    recipient_lines,
)
from kehoach.render.reporttext import (
    GROUP_ORDER,
    body_group_rows,
    d,
    group_label,
    group_rows,
    percent,
    summary_sentence,
)

if TYPE_CHECKING:
    from kehoach.app.portfolio import PortfolioStatus

COLOURS = {
    Category.DONE_ON_TIME: "#2e7d32",
    Category.DONE_LATE: "#b58900",
    Category.OPEN_IN_TIME: "#1f6fb5",
    Category.OPEN_OVERDUE: "#c62828",  # overdue is red in every chart
}

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 14pt;
  line-height: 1.4; color: #000; background: #f4f4f4; margin: 0; }
main { background: #fff; max-width: 210mm; margin: 0 auto; padding: 20mm 15mm 20mm 30mm; }
.head { display: flex; justify-content: space-between; gap: 1em; text-align: center; }
.head > div { flex: 1 1 55%; }
.head > div.left { flex: 0 0 42%; }
.head p { margin: 0; }
.party { font-weight: bold; font-size: 15pt; text-decoration: underline; }
.date { font-style: italic; margin-top: 1.2em !important; }
.issuer { font-weight: bold; }
h1 { text-align: center; font-size: 16pt; margin: 1.2em 0 0; }
.summary { text-align: center; font-weight: bold; margin: 0; }
.rule { text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1em 0 .4em; }
h3 { font-size: 14pt; margin: .8em 0 .4em; }
p.body { text-align: justify; text-indent: 1cm; margin: 0 0 6pt; }
.todo { font-weight: bold; color: #b00000; background: #fff200; padding: 0 .2em; }
.scroll { overflow-x: auto; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 12pt; }
th, td { border: 1px solid #555; padding: 2px 4px; vertical-align: top; text-align: left; }
th { background: #e6e6e6; text-align: center; }
td.n { text-align: right; white-space: nowrap; }
td.nowrap { white-space: nowrap; }
td.late { color: #c62828; font-weight: bold; }
tr.total td { font-weight: bold; }
.sign { display: flex; justify-content: space-between; gap: 1em; margin-top: 1.5em; }
.sign .to { flex: 1 1 50%; font-size: 12pt; }
.sign .to p { margin: 0; }
.sign .to .label { font-size: 14pt; text-decoration: underline; }
.sign .who { flex: 1 1 50%; text-align: center; font-weight: bold; }
.sign .who p { margin: 0; }
.sign .who .name { margin-top: 4em; }
figure { margin: 0 0 1em; }
figcaption { font-size: 12pt; font-style: italic; text-align: center; }
svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.legend { font-size: 11pt; text-align: center; }
.legend span { display: inline-block; margin: 0 .6em; }
.legend i { display: inline-block; width: .9em; height: .9em; margin-right: .3em;
  vertical-align: -.1em; }
.appendix { break-before: page; }
@media (max-width: 700px) {
  main { padding: 1em; }
  body { font-size: 12pt; }
  .head, .sign { flex-direction: column; }
  table { font-size: 11pt; }
}
@media print {
  @page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm; }
  body { background: #fff; }
  main { max-width: none; margin: 0; padding: 0; }
  .scroll { overflow: visible; }
  thead { display: table-header-group; }
  tr, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _table(
    header: list[str],
    rows: list[list[str]],
    *,
    numeric: tuple[int, ...] = (),
    nowrap: tuple[int, ...] = (),
    total: list[str] | None = None,
    late: tuple[int, ...] = (),
) -> str:
    out = ['<div class="scroll"><table>', "<thead><tr>"]
    out += [f"<th>{_e(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for values in rows:
        out.append("<tr>")
        for col, value in enumerate(values):
            classes = []
            if col in numeric:
                classes.append("n")
            if col in nowrap:
                classes.append("nowrap")
            if col in late and value not in ("0", ""):
                classes.append("late")
            attr = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f"<td{attr}>{_e(value)}</td>")
        out.append("</tr>")
    if total is not None:
        out.append('<tr class="total">')
        out += [
            f"<td{' class=' + chr(34) + 'n' + chr(34) if i in numeric else ''}>{_e(v)}</td>"
            for i, v in enumerate(total)
        ]
        out.append("</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def _legend() -> str:
    items = "".join(
        f'<span><i style="background:{COLOURS[g]}"></i>{_e(group_label(g))}</span>'
        for g in GROUP_ORDER
    )
    return f'<p class="legend">{items}</p>'


def group_bar_svg(data: ReportData) -> str:
    """One horizontal bar per QĐ 42 group, its count written at the end."""
    rows = [(g, data.groups[g]) for g in GROUP_ORDER]
    biggest = max([n for _, n in rows] + [1])
    label_w, bar_w, row_h = 250, 330, 30
    height = row_h * len(rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 60} {height}" '
        f'role="img" aria-label="Số nhiệm vụ theo 4 nhóm">'
    ]
    for index, (group, count) in enumerate(rows):
        y = 5 + index * row_h
        width = round(bar_w * count / biggest, 1)
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" font-size="14" '
            f'font-family="Times New Roman, serif">{_e(group_label(group))}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{width}" height="{row_h - 10}" '
            f'fill="{COLOURS[group]}"/>'
            f'<text x="{label_w + width + 6}" y="{y + 19}" font-size="14" '
            f'font-family="Times New Roman, serif">{count}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def body_bar_svg(data: ReportData) -> str:
    """Per body (as lead), one bar stacked by QĐ 42 group, overdue in red."""
    rows = [b for b in data.bodies if b.role == "lead"]
    biggest = max([b.total for b in rows] + [1])
    label_w, bar_w, row_h = 300, 300, 22
    height = row_h * len(rows) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {label_w + bar_w + 50} {height}" '
        f'role="img" aria-label="Nhiệm vụ chủ trì của từng cơ quan theo 4 nhóm">'
    ]
    for index, body in enumerate(rows):
        y = 5 + index * row_h
        name = body.name if len(body.name) <= 44 else body.name[:43].rsplit(" ", 1)[0] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" font-size="12" '
            f'font-family="Times New Roman, serif">{_e(name)}</text>'
        )
        x = float(label_w)
        for group in GROUP_ORDER:
            count = body.groups[group]
            if not count:
                continue
            width = round(bar_w * count / biggest, 1)
            parts.append(
                f'<rect x="{x}" y="{y + 3}" width="{width}" height="{row_h - 6}" '
                f'fill="{COLOURS[group]}"><title>{_e(group_label(group))}: {count}</title></rect>'
            )
            x = round(x + width, 1)
        parts.append(
            f'<text x="{x + 5}" y="{y + 15}" font-size="12" '
            f'font-family="Times New Roman, serif">{body.total}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


class _Page:
    def __init__(self, data: ReportData, form: ReportForm, narrative: Narrative) -> None:
        self.data, self.form, self.narrative = data, form, narrative
        self.out: list[str] = []
        self.appendices: list[tuple[str, str]] = []

    def p(self, text: str) -> None:
        self.out.append(f'<p class="body">{_e(text)}</p>')

    def prose(self, key: str, placeholder: bool = True) -> None:
        paragraphs = self.narrative.get(key)
        for text in paragraphs:
            self.p(text)
        if not paragraphs and placeholder:
            self.out.append(
                f'<p class="body"><span class="todo">{_e(PLACEHOLDERS[key])}</span></p>'
            )

    def tasks(self, title: str, table: str, count: int, none: str) -> None:
        if not count:
            self.p(none)
        elif count > APPENDIX_AFTER:
            number = len(self.appendices) + 1
            self.appendices.append((title, table))
            self.p(f"Có {count} nhiệm vụ; danh sách đầy đủ tại Phụ lục {number}.")
        else:
            self.out.append(table)

    def header(self) -> None:
        form = self.form
        left = []
        if form.superior:
            left.append(f"<p>{_e(form.superior)}</p>")
        left.append(f'<p class="issuer">{_e(form.issuer)}</p><p>*</p>')
        left.append(f"<p>{_e(form.number_line)}</p>")
        self.out.append(
            f'<header class="head"><div class="left">{"".join(left)}</div>'
            f'<div><p class="party">{_e(PARTY)}</p><p class="date">{_e(form.place_date)}</p>'
            "</div></header>"
            f"<h1>{_e(KIND)}</h1>"
            f'<p class="summary">{_e(form.summary)}</p><p class="rule">-----</p>'
        )

    def body(self) -> None:
        data = self.data
        self.p(self.form.opening)
        self.out.append(f"<h2>I. {_e(SECTION_TITLES['I'])}</h2>")
        self.prose("I", placeholder=False)
        self.out.append("<h3>1. Tổng hợp theo 4 nhóm (Quyết định 42/2014/QĐ-TTg)</h3>")
        self.p(summary_sentence(data))
        rows = [[label, str(n), percent(n, data.total)] for label, n in group_rows(data)]
        self.out.append(
            _table(
                ["Nhóm", "Số nhiệm vụ", "Tỷ lệ"],
                rows,
                numeric=(1, 2),
                total=["Tổng", str(data.total), "100%" if data.total else "0%"],
            )
        )
        self.out.append(
            f"<figure>{group_bar_svg(data)}<figcaption>Số nhiệm vụ theo 4 nhóm</figcaption>"
            "</figure>"
        )
        self.out.append("<h3>2. Theo cơ quan</h3>")
        header, rows, total = body_group_rows(data)
        overdue = group_label(Category.OPEN_OVERDUE)
        self.out.append(
            _table(
                header,
                rows,
                numeric=tuple(range(2, len(header))),
                nowrap=(1,),
                total=total,
                late=tuple(i for i, h in enumerate(header) if h == overdue),
            )
        )
        self.out.append(
            f"<figure>{body_bar_svg(data)}{_legend()}"
            "<figcaption>Nhiệm vụ chủ trì của từng cơ quan theo 4 nhóm</figcaption></figure>"
        )
        self.out.append(f"<h3>3. Nhiệm vụ hoàn thành trong kỳ ({len(data.completed)})</h3>")
        table = _table(
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Ngày", "Văn bản"],
            [[t.ident, t.title, t.lead, d(t.date), t.detail or "—"] for t in data.completed],
            nowrap=(0, 3),
        )
        self.tasks(
            "Danh sách nhiệm vụ hoàn thành trong kỳ",
            table,
            len(data.completed),
            "Trong kỳ không có nhiệm vụ nào được ghi nhận hoàn thành.",
        )
        self.out.append(f"<h3>4. Nhiệm vụ quá hạn ({len(data.overdue)})</h3>")
        table = _table(
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn", "Số ngày quá hạn"],
            [[t.ident, t.title, t.lead, d(t.due), str(t.days or 0)] for t in data.overdue],
            numeric=(4,),
            nowrap=(0, 3),
            late=(4,),
        )
        self.tasks(
            "Danh sách nhiệm vụ quá hạn", table, len(data.overdue), "Không có nhiệm vụ quá hạn."
        )
        self.out.append(f"<h2>II. {_e(SECTION_TITLES['II'])}</h2>")
        self.prose("II")
        self.out.append(f"<h2>III. {_e(SECTION_TITLES['III'])}</h2>")
        self.prose("III", placeholder=False)
        self.p(
            f"Các nhiệm vụ đến hạn trong kỳ tới ({period_phrase(data.next_period)}): "
            f"{len(data.next_due)}."
        )
        table = _table(
            ["Mã", "Nhiệm vụ", "Cơ quan chủ trì", "Hạn"],
            [[t.ident, t.title, t.lead, d(t.due)] for t in data.next_due],
            nowrap=(0, 3),
        )
        self.tasks(
            "Danh sách nhiệm vụ đến hạn trong kỳ tới",
            table,
            len(data.next_due),
            "Kỳ tới không có nhiệm vụ đến hạn.",
        )
        if not self.narrative.get("III"):
            self.prose("III")
        self.out.append(f"<h2>IV. {_e(SECTION_TITLES['IV'])}</h2>")
        self.prose("IV")

    def closing(self) -> None:
        form = self.form
        to = "".join(f"<p>{_e(line)}</p>" for line in recipient_lines(form))
        who = "".join(f"<p>{_e(text)}</p>" for text in (form.on_behalf, form.position) if text)
        self.out.append(
            f'<section class="sign"><div class="to"><p class="label">Nơi nhận:</p>{to}</div>'
            f'<div class="who">{who}<p class="name">{_e(form.signer_name or "")}</p></div>'
            "</section>"
        )
        for number, (title, table) in enumerate(self.appendices, 1):
            self.out.append(
                f'<section class="appendix"><h2 style="text-align:center">Phụ lục {number}<br>'
                f"{_e(title.upper())}</h2>{table}</section>"
            )

    def build(self) -> str:
        self.header()
        self.body()
        self.closing()
        return _document(f"{KIND} {self.form.summary}", "".join(self.out))


def _document(title: str, content: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{content}\n</main>\n</body>\n</html>\n"
    )


def render_report_html(data: ReportData, form: ReportForm, narrative: Narrative) -> str:
    return _Page(data, form, narrative).build()


def render_status_html(data: ReportData) -> str:
    header, rows, total = body_group_rows(data)
    overdue = group_label(Category.OPEN_OVERDUE)
    group_table = _table(
        ["Nhóm", "Số nhiệm vụ", "Tỷ lệ"],
        [[label, str(n), percent(n, data.total)] for label, n in group_rows(data)],
        numeric=(1, 2),
        total=["Tổng", str(data.total), "100%" if data.total else "0%"],
    )
    parts: list[Any] = [
        f'<h1>Tình hình thực hiện</h1><p class="summary">{_e(data.plan_title)}</p>',
        f'<p class="rule">Số liệu tính đến ngày {d(data.as_of)}</p>',
        f'<p class="body">{_e(summary_sentence(data))}</p>',
        group_table,
        f"<figure>{group_bar_svg(data)}</figure>",
        "<h2>Theo cơ quan</h2>",
        _table(
            header,
            rows,
            numeric=tuple(range(2, len(header))),
            total=total,
            late=tuple(i for i, h in enumerate(header) if h == overdue),
        ),
        f"<figure>{body_bar_svg(data)}{_legend()}</figure>",
    ]
    return _document(f"Tình hình thực hiện — {data.plan_title}", "".join(parts))


def render_portfolio_html(found: PortfolioStatus) -> str:
    """The status page of a folder of plans: one row per plan (the four groups from each
    plan's counting-module figures), then each plan's own group and body tables."""
    from kehoach.render.reportdata import build_report_data

    plans = [(p, build_report_data(found.evaluation(p.key))) for p in found.plans]
    header = ["Kế hoạch", *[group_label(g) for g in GROUP_ORDER], "Tổng"]
    rows = [
        [
            f"{p.key} — {data.plan_title}",
            *[str(data.groups[g]) for g in GROUP_ORDER],
            str(data.total),
        ]
        for p, data in plans
    ]
    totals = found.totals
    total = ["Tổng", *[str(totals.categories.get(g, 0)) for g in GROUP_ORDER], str(totals.total)]
    overdue_col = 1 + GROUP_ORDER.index(Category.OPEN_OVERDUE)
    parts: list[str] = [
        "<h1>Tình hình thực hiện các kế hoạch</h1>",
        f'<p class="rule">Số liệu tính đến ngày {d(found.as_of)}</p>',
        _table(
            header, rows, numeric=tuple(range(1, len(header))), total=total, late=(overdue_col,)
        ),
    ]
    for plan, data in plans:
        body_header, body_rows, body_total = body_group_rows(data)
        overdue = group_label(Category.OPEN_OVERDUE)
        parts += [
            f"<h2>{_e(plan.key)} — {_e(data.plan_title)}</h2>",
            f'<p class="body">{_e(summary_sentence(data))}</p>',
            f"<figure>{group_bar_svg(data)}</figure>",
            _table(
                body_header,
                body_rows,
                numeric=tuple(range(2, len(body_header))),
                nowrap=(1,),
                total=body_total,
                late=tuple(i for i, h in enumerate(body_header) if h == overdue),
            ),
        ]
    return _document("Tình hình thực hiện các kế hoạch", "".join(parts))
