"""What an import found, in words for the person who checks the draft, and as JSON.

Nothing here prints: :func:`summary_lines` returns the Vietnamese lines the command
shows, :func:`report_data` the whole accounting that ``--report`` writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from kehoach.importer.assemble import Assembled
from kehoach.importer.names import COLLECTIVE_NAME, lexicon, similar_known
from kehoach.text import match_key

__all__ = ["PLACES", "counts", "ranges", "report_data", "suggestions", "summary_lines"]

PLACES = {
    "metadata": "thông tin văn bản",
    "heading": "đề mục",
    "task": "nhiệm vụ",
    "note": "ghi chú",
    "boilerplate": "phần thủ tục",
    "unplaced": "chưa xếp được",
}
_SHOWN = 5


def _walk(tasks: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for task in tasks:
        yield task
        yield from _walk(task.get("subtasks", []))


def counts(result: Assembled) -> dict[str, int]:
    """Tasks found, and how many have a deadline, a named lead, partners, an output."""
    collective = {b["id"] for b in result.bodies if b["name"] == COLLECTIVE_NAME}
    out = {"tasks": 0, "deadline": 0, "lead": 0, "partners": 0, "output": 0}
    for body, tasks in result.tasks.items():
        for task in _walk([t for _, t in tasks]):
            out["tasks"] += 1
            out["deadline"] += bool(task.get("deadline"))
            out["lead"] += body not in collective
            out["partners"] += bool(task.get("partners"))
            out["output"] += bool(task.get("output"))
    return out


def ranges(result: Assembled, place: str) -> list[tuple[str, int, int]]:
    """(detail, first line, last line) of each run of paragraphs placed in *place*."""
    out: list[tuple[str, int, int]] = []
    for entry in result.accounting:
        if entry["place"] != place:
            if out and out[-1][0] != "":
                out.append(("", 0, 0))  # a run ends here
            continue
        detail = entry.get("detail", "")
        if out and out[-1][0] == detail:
            out[-1] = (detail, out[-1][1], entry["line"])
        else:
            out.append((detail, entry["line"], entry["line"]))
    return [r for r in out if r[0] != "" or r[1]]


def suggestions(result: Assembled) -> dict[str, str]:
    """Body name → the registered name it is probably a misspelling of."""
    names = [b["name"] for b in result.bodies]
    out: dict[str, str] = {}
    for name in names:
        if not _new(name):
            continue
        similar = similar_known(name, [n for n in names if n != name])
        if similar is not None and similar not in out:
            out[name] = similar
    return out


def _new(name: str) -> bool:
    known = {match_key(n) for n in lexicon().known}
    return match_key(name) not in known


def summary_lines(result: Assembled, *, written: bool = True) -> list[str]:
    """The Vietnamese summary of an import, line by line; *written*: a plan.yaml holds
    the unplaced paragraphs as comments (not so when no task was found)."""
    n = counts(result)
    out = [
        f"Nhiệm vụ tìm thấy: {n['tasks']} — có thời hạn {n['deadline']}, có cơ quan chủ trì "
        f"{n['lead']}, có cơ quan phối hợp {n['partners']}, có sản phẩm {n['output']}."
    ]
    sections = result.plan.get("sections", [])
    if sections:
        out.append(f"Mục: {len(sections)} ({', '.join(s['id'] for s in sections)}).")
    marked = [f"{b['name']}{' (mới)' if _new(b['name']) else ''}" for b in result.bodies]
    new = sum(_new(b["name"]) for b in result.bodies)
    if marked:
        out.append(f"Cơ quan: {len(marked)}, trong đó {new} tên mới: {'; '.join(marked)}.")
    for name, similar in suggestions(result).items():
        out.append(f"  “{name}”: Có phải ý bạn là “{similar}”?")
    for line, what in result.tables:
        out.append(f"Bảng ở {result.where(line)}: {what}.")
    if result.inherited:
        shown = "; ".join(
            f"{result.where(line)} ({cols})" for line, cols in result.inherited[:_SHOWN]
        )
        more = " …" if len(result.inherited) > _SHOWN else ""
        out.append(f"Hàng nhận ô gộp của hàng trên: {len(result.inherited)} ({shown}{more}).")
    boiler = ranges(result, "boilerplate")
    if boiler:
        out.append(
            "Phần thủ tục: "
            + "; ".join(f"{detail} {result.span(a, b)}" for detail, a, b in boiler)
            + "."
        )
    unplaced = [e for e in result.accounting if e["place"] == "unplaced"]
    if unplaced:
        where = " (đã ghi chú cuối plan.yaml)" if written else ""
        out.append(f"Chưa xếp được {len(unplaced)} đoạn{where}:")
    for entry in unplaced[:_SHOWN]:
        text = entry["text"] if len(entry["text"]) <= 100 else entry["text"][:99] + "…"
        out.append(f"  {result.where(entry['line'])} ({entry.get('detail', '')}): {text}")
    if len(unplaced) > _SHOWN:
        out.append(f"  … và {len(unplaced) - _SHOWN} đoạn khác (xem --report).")
    return out


def report_data(result: Assembled, source_name: str) -> dict[str, Any]:
    """The whole accounting of an import, for ``--report``."""
    totals = {place: 0 for place in PLACES}
    for entry in result.accounting:
        totals[entry["place"]] += 1
    return {
        "document": source_name,
        "tasks": counts(result),
        "sections": [s["id"] for s in result.plan.get("sections", [])],
        "bodies": [
            {
                "id": b["id"],
                "name": b["name"],
                "new": _new(b["name"]),
                "group": bool(b.get("group")),
            }
            for b in result.bodies
        ],
        "suggestions": suggestions(result),
        "tables": [{"line": line, "result": what} for line, what in result.tables],
        "inherited": [{"line": line, "columns": cols} for line, cols in result.inherited],
        "places": totals,
        "problems": [{"line": u.line, "reason": u.reason, "text": u.text} for u in result.unplaced],
        "lines": result.accounting,
    }
