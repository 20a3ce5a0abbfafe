"""The document's tree → the plan files' data: plan, bodies, events, one task list per body.

Who leads a task: the table's or field line's "Cơ quan chủ trì", else the body that
opens the item ("Ban Thường vụ Tỉnh ủy chỉ đạo …", "Giao Ban Tổ chức Tỉnh ủy chủ trì
…"), else the body of the subsection heading, else the body named in the section's
lead-in, else the collective "Các cơ quan, đơn vị, địa phương".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from kehoach.importer.deadlines import (
    after_trigger,
    clean_deadline,
    parse,
    prose_deadline,
    split_deadline,
)
from kehoach.importer.metadata import (
    Meta,
    read_header,
    read_preamble,
    read_signature,
    report_defaults,
    title_of,
)
from kehoach.importer.names import (
    COLLECTIVE_NAME,
    BodyDraft,
    Registry,
    extract_lead,
    extract_partners,
    looks_like_body,
    slug,
    split_names,
    starts_with_head,
)
from kehoach.importer.structure import Draft, Node, SectionDraft, Unplaced
from kehoach.text import match_key

__all__ = ["Assembled", "assemble"]

_INTRO_VERB = re.compile(
    r"\s(?:theo chức năng|có trách nhiệm|căn cứ|chủ động|tập trung|khẩn trương|"
    r"tổ chức thực hiện|triển khai|thực hiện|chủ trì|chịu trách nhiệm)\b"
)
_STATUS = "chưa thực hiện"


@dataclass
class Assembled:
    """Everything the writer needs, in the order it writes it."""

    plan: dict[str, Any]
    bodies: list[dict[str, Any]]
    events: list[dict[str, Any]]
    tasks: dict[str, list[tuple[str, dict[str, Any]]]]  # body id → [(section id, task)]
    body_names: dict[str, str]
    section_notes: dict[str, list[str]] = field(default_factory=dict)
    unplaced: list[Unplaced] = field(default_factory=list)
    task_count: int = 0
    preamble: list[tuple[int, str]] = field(default_factory=list)
    accounting: list[dict[str, Any]] = field(default_factory=list)
    tables: list[tuple[int, str]] = field(default_factory=list)
    inherited: list[tuple[int, str]] = field(default_factory=list)  # (line, columns)
    places: dict[int, str] = field(default_factory=dict)  # line → Para.place

    def where(self, line: int) -> str:
        """Where paragraph *line* is, as the reader finds it: "dòng 12" in a text, "đoạn
        7" or "bảng 1, hàng 3" in a .docx, "trang tính 'X', hàng 5" in a workbook."""
        return self.places.get(line, f"dòng {line}")

    def span(self, first: int, last: int) -> str:
        """Where paragraphs *first* to *last* are: "dòng 1–4", "bảng 1, hàng 1–2", "đoạn 3
        – bảng 1, hàng 2"."""
        a, b = self.where(first), self.where(last)
        if first == last or a == b:
            return a
        (a_head, _, _), (b_head, _, b_number) = a.rpartition(" "), b.rpartition(" ")
        return f"{a}–{b_number}" if a_head == b_head else f"{a} – {b}"


class _Assembler:
    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.registry = Registry()
        self.events: dict[str, dict[str, Any]] = {}
        self.unplaced: list[Unplaced] = list(draft.unplaced)
        self.tasks: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        self.count = 0
        self._collective: BodyDraft | None = None
        self.explicit_lead = False
        self.placed: dict[int, str] = {}  # paragraph line → the id of the task it went into

    # ----------------------------------------------------------------- bodies
    def collective(self, alias: str | None = None) -> BodyDraft:
        if self._collective is None:
            self._collective = self.registry.add(COLLECTIVE_NAME, group=True)
        if alias and alias not in self._collective.aliases:
            self._collective.aliases.append(alias)
        return self._collective

    def lead_body(self, name: str) -> BodyDraft:
        """The body called *name*; a name that lists several bodies is a group."""
        several = len(split_names(name, self.registry)) > 1
        return self.registry.add(name, group=True if several else None)

    def intro_body(self, section: SectionDraft) -> BodyDraft | None:
        for _, text in section.intro:
            verb = _INTRO_VERB.search(text)
            phrase = text[: verb.start()].strip(" ,") if verb else ""
            if not phrase or not starts_with_head(phrase):
                continue
            names = split_names(phrase, self.registry)
            if ";" in phrase or len(names) > 1:
                return self.collective(alias=phrase)
            return self.registry.add(phrase)
        return None

    def section_bodies(self) -> dict[str, BodyDraft]:
        for section in self.draft.sections:  # known names first, so partners can match them
            if section.heading_body:
                self.registry.add(section.heading_body)
                for part in re.split(r"\s+và\s+", section.heading_body):
                    if looks_like_body(part) and part != section.heading_body:
                        self.registry.add(part)
        out: dict[str, BodyDraft] = {}
        for section in self.draft.sections:
            body = None
            if section.heading_body:
                body = self.registry.add(section.heading_body)
            body = body or self.intro_body(section)
            if body is None and section.parent is not None:
                body = out.get(section.parent)
            out[section.id] = body or self.collective()
        return out

    # ----------------------------------------------------------------- events
    def event_for(self, trigger: str, task_id: str, deadline: str) -> str:
        key = match_key(trigger)
        if key not in self.events:
            base = slug(trigger, 50)
            taken = {e["id"] for e in self.events.values()}
            ident, n = base, 2
            while ident in taken:
                ident, n = f"{base}-{n}", n + 1
            self.events[key] = {
                "id": ident,
                "description": trigger[:1].upper() + trigger[1:],
                "occurred": None,
                "note": f"Nhiệm vụ {task_id}: “{deadline}”.",
            }
        return str(self.events[key]["id"])

    # ----------------------------------------------------------------- tasks
    def deadline_of(self, node: Node) -> tuple[str, str | None, tuple[str, str] | None]:
        """(text of the last paragraph without its deadline, deadline, "Riêng …" exception)."""
        last = node.texts[-1]
        split = split_deadline(last) if node.kind != "row" else None
        title_last, deadline, exception = last, None, None
        if split is not None:
            title_last, deadline, exception = split.title, split.deadline, split.exception
            if split.lead and "lead" not in node.fields:
                node.fields["lead"] = split.lead
            if split.partners and "partners" not in node.fields:
                node.fields["partners"] = split.partners
            if split.unparsed:
                self.unplaced.append(
                    Unplaced(
                        node.line,
                        f"({split.unparsed})",
                        "thời hạn chưa đọc được, để lại trong nội dung",
                    )
                )
        given = node.fields.get("deadline")
        if deadline is None and not given and node.kind != "row":
            deadline = prose_deadline(last)
        if given and deadline is None:
            given = clean_deadline(given)
            rule = parse(given, last)
            if rule is not None and rule.kind != "none":
                deadline = given
            else:
                self.unplaced.append(Unplaced(node.line, given, "thời hạn chưa đọc được"))
                note = f"Thời hạn ghi trong văn bản (chưa đọc được): {given}"
                old = node.fields.get("note")
                node.fields["note"] = f"{old}\n{note}" if old else note
        return title_last, deadline, exception

    def partners_of(self, title: str, node: Node, extra: list[str], own: str) -> list[str]:
        names = list(extra)
        if node.fields.get("partners"):
            names += split_names(node.fields["partners"], self.registry)  # groups kept
        names += extract_partners(title, self.registry)
        out: list[str] = []
        for name in names:
            body = self.registry.resolve(name) or self.registry.add(name)
            if name != body.name and match_key(name) != match_key(body.name):
                self.registry.add(body.name, alias=name)
            ident = self.registry.use(body)
            if ident != own and ident not in out:
                out.append(ident)
        return out

    def task(
        self,
        node: Node,
        ident: str,
        source: dict[str, Any],
        own: str,
        lead_names: list[str],
        predicate: str | None,
        inherited: dict[str, list[str]] | None = None,
        *,
        root: bool = False,
    ) -> dict[str, Any]:
        """One task and its subtasks; *inherited* is the parent's wait when this task
        states no deadline and so takes the parent's "sau khi …" rule."""
        title_last, deadline, exception = self.deadline_of(node)
        title = "\n".join([*node.texts[:-1], title_last]).strip()
        if not root and node.fields.get("lead"):  # a sub-item's own lead: kept as a note
            lead_note = f"Cơ quan chủ trì: {node.fields.pop('lead')}"
            old_note = node.fields.get("note")
            node.fields["note"] = f"{old_note}\n{lead_note}" if old_note else lead_note
        opening = (predicate if predicate is not None else title).lstrip()
        role = "phối hợp" if opening.lower().startswith("phối hợp") else "chủ trì"
        if root and self.explicit_lead:  # a "chủ trì" column or field names the lead
            role = "chủ trì"
        role = node.fields.get("role") or role
        for line in node.lines:
            self.placed[line] = ident
        task: dict[str, Any] = {"id": ident, "title": title, "role": role}
        partners = self.partners_of(title, node, lead_names, own)
        if partners:
            task["partners"] = partners
        if deadline:
            task["deadline"] = deadline
            trigger = after_trigger(deadline, title)
            if trigger:
                task["depends_on"] = {"events": [self.event_for(trigger, ident, deadline)]}
        elif inherited:
            task["depends_on"] = {key: list(value) for key, value in inherited.items()}
        task["status"] = _STATUS
        task["source"] = source
        subtasks = []
        for index, child in enumerate(node.children, 1):
            if "sub" in source:  # deeper than "+": the id carries the rest of the path
                child_source = {**source, "line": child.line, **child.where}
            else:
                child_source = {
                    "section": source["section"],
                    "item": source["item"],
                    "sub": index,
                    "line": child.line,
                    **child.where,
                }
            subtasks.append(
                self.task(
                    child, f"{ident}.{index}", child_source, own, [], None, task.get("depends_on")
                )
            )
        if exception is not None:
            sub: dict[str, Any] = {
                "id": f"{ident}.a",
                "title": exception[0],
                "role": role,
                "deadline": exception[1],
                "status": _STATUS,
                "source": source,
            }
            subtasks.append(sub)
            self.count += 1
        if subtasks:
            task["subtasks"] = subtasks
        if node.fields.get("output"):
            task["output"] = node.fields["output"]
        if node.fields.get("note"):
            task["note"] = node.fields["note"]
        self.count += 1
        return task

    def root(self, node: Node, section: SectionDraft, item: int, default: BodyDraft) -> None:
        body, predicate = default, None
        if node.kind != "row" and "lead" not in node.fields:
            split = split_deadline(node.texts[-1])  # "(Sở Nội vụ chủ trì; …)" names the lead
            if split.lead:
                node.fields["lead"] = split.lead
        self.explicit_lead = False
        if node.fields.get("lead"):
            lead_text = node.fields["lead"].strip(" .;")
            if split_names(lead_text, self.registry):
                body = self.lead_body(lead_text)
                self.explicit_lead = True
        else:
            lead = extract_lead(node.texts[0], self.registry)
            if lead is not None:
                body, predicate = self.lead_body(lead[0]), node.texts[0][lead[1] :]
        own = self.registry.use(body)
        source = {"section": section.id, "item": item, "line": node.line, **node.where}
        task = self.task(node, f"{section.id}.{item}", source, own, [], predicate, root=True)
        self.tasks.setdefault(own, []).append((section.id, task))

    def run(self) -> Assembled:
        meta = Meta()
        read_header(self.draft.header, meta)
        read_preamble(self.draft.title[1:] + self.draft.preamble, meta)
        read_signature(self.draft.closing, meta)
        for part in self.draft.parts:  # the issuing decision fills what the plan leaves out
            if part.kind != "decision" or part.title is self.draft.title:
                continue
            issued = Meta()
            read_header(part.header, issued)
            read_signature(part.closing, issued)
            meta.number = meta.number or issued.number
            meta.issued = meta.issued or issued.issued
            meta.organ = meta.organ or issued.organ
            meta.issuer = meta.issuer or issued.issuer
            meta.signer = meta.signer or issued.signer
            meta.place = meta.place or issued.place
            meta.header_organs = meta.header_organs or issued.header_organs
            decision = title_of(part.title)
            ref = f" số {issued.number}" if issued.number else ""
            kind = " ".join(decision.split(" ", 2)[:2])
            self.draft.notes.insert(0, f"Ban hành kèm theo {kind}{ref}: {decision}.")
        defaults = self.section_bodies()
        places = {para.line: para.place for para in self.draft.paras}
        sections: list[dict[str, Any]] = []
        notes: dict[str, list[str]] = {}
        for section in self.draft.sections:
            entry: dict[str, Any] = {"id": section.id, "title": section.title}
            if section.default_deadline:
                entry["default_deadline"] = section.default_deadline
            sections.append(entry)
            notes[section.id] = [
                f"Lời dẫn ({places.get(line, f'dòng {line}')}): {text}"
                for line, text in section.intro
            ]
            for node in section.tasks:
                self.root(node, section, node.item, defaults[section.id])
        plan: dict[str, Any] = {
            "id": "",
            "number": meta.number,
            "title": title_of(self.draft.title) if self.draft.title else "",
            "issuer": meta.issuer or meta.organ or "Chưa xác định",
            "signer": meta.signer,
            "issued": meta.issued,
            "implements": meta.implements,
            "report": report_defaults(meta) or None,
            "sections": sections,
        }
        if self.draft.notes:
            plan["note"] = "\n".join(self.draft.notes)
        bodies = []
        for body in self.registry.used():
            entry = {"id": body.id, "name": body.name}
            if body.aliases:
                entry["aliases"] = body.aliases
            if body.group:
                entry["group"] = True
            bodies.append(entry)
        return Assembled(
            plan={k: v for k, v in plan.items() if v not in (None, [], "") or k in ("id", "title")},
            bodies=bodies,
            events=list(self.events.values()),
            tasks=self.tasks,
            body_names={str(b.id): b.name for b in self.registry.used()},
            section_notes={k: v for k, v in notes.items() if v},
            unplaced=[
                replace(u, where=u.where or places.get(u.line, f"dòng {u.line}"))
                for u in sorted(self.unplaced, key=lambda u: u.line)
            ],
            task_count=self.count,
            preamble=[(p.line, p.text) for p in self.draft.preamble],
            accounting=self.accounting(),
            tables=list(self.draft.table_results),
            inherited=list(self.draft.inherited),
            places=places,
        )

    def accounting(self) -> list[dict[str, Any]]:
        """Every paragraph and table row, where it went: one entry each, in document order."""
        out: list[dict[str, Any]] = []
        for para in self.draft.paras:
            placement = self.draft.ledger[para.line]
            detail = placement.detail
            if placement.place == "task":
                detail = self.placed.get(para.line, detail)
            entry: dict[str, Any] = {"line": para.line, "place": placement.place}
            if detail:
                entry["detail"] = detail
            entry["text"] = para.text
            out.append(entry)
        return out


def assemble(draft: Draft) -> Assembled:
    """Bodies, tasks and events of *draft*; the plan id and title fallback are the caller's."""
    return _Assembler(draft).run()
