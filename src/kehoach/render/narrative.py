"""The office's own prose for the report (``--narrative FILE``).

Two shapes, chosen by the file's extension:

Markdown (``.md``, ``.txt``) — a heading per section, the roman numeral first::

    ## I. Kết quả thực hiện
    Ban Thường vụ đã chỉ đạo …

    ## II
    Một số cơ quan còn chậm …

YAML (``.yaml``, ``.yml``) — keys ``I`` … ``IV`` (or the section names), each a text or a
list of paragraphs.

Paragraphs are separated by blank lines; lines of one paragraph are joined. Anything
that cannot be placed is an error naming the file and line, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import InputError
from kehoach.messages import os_reason
from kehoach.messages import text as message_text

SECTIONS = ("I", "II", "III", "IV")
TITLES = {
    "I": "Kết quả thực hiện",
    "II": "Hạn chế, nguyên nhân",
    "III": "Nhiệm vụ trọng tâm kỳ tới",
    "IV": "Đề xuất, kiến nghị",
}


def _fold(text: str) -> str:
    """Lower case, no diacritics, single spaces: 'Hạn chế' and 'han che' are one key."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w ]+", " ", bare.lower()).split())


_NAMES = {_fold(title): key for key, title in TITLES.items()}
_NAMES.update({"ket qua": "I", "han che": "II", "nhiem vu": "III", "de xuat": "IV"})
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*(?P<text>.*?)\s*#*\s*$")
_ROMAN = re.compile(r"^(?P<num>IV|III|II|I)(?:\s*[.\-–:)]\s*|\s+|$)(?P<rest>.*)$", re.IGNORECASE)


@dataclass
class Narrative:
    """Paragraphs per section (I … IV); a section without any is left to a placeholder."""

    sections: dict[str, list[str]] = field(default_factory=dict)
    source: str | None = None

    def get(self, key: str) -> list[str]:
        return self.sections.get(key, [])


def section_key(text: str) -> str | None:
    """'I. Kết quả thực hiện', 'II', 'Hạn chế, nguyên nhân' → the section's numeral."""
    match = _ROMAN.match(text.strip())
    if match:
        return match.group("num").upper()
    folded = _fold(text)
    if folded in _NAMES:
        return _NAMES[folded]
    for name, key in _NAMES.items():
        if folded.startswith(name):
            return key
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        stripped = line.strip()
        starts_item = bool(re.match(r"^[-+*•]\s+", stripped))
        if not stripped or (starts_item and current):
            if current:
                out.append(" ".join(current))
            current = []
            if not stripped:
                continue
        current.append(stripped)
    return out


def _expected() -> str:
    return ", ".join(f"{k}. {v}" for k, v in TITLES.items())


def parse_markdown(text: str, name: str) -> Narrative:
    narrative = Narrative(source=name)
    key: str | None = None
    buffer: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        heading = _HEADING.match(line)
        if heading:
            found = section_key(heading.group("text"))
            if found is None:
                raise InputError(
                    message_text(
                        "narrative-unknown-heading",
                        name=name,
                        number=number,
                        heading=heading.group("text"),
                        expected=_expected(),
                    )
                )
            if key is not None:
                narrative.sections.setdefault(key, []).extend(_paragraphs(buffer))
            elif any(b.strip() for b in buffer):
                first = next(i for i, b in enumerate(buffer, 1) if b.strip())
                raise InputError(
                    message_text("narrative-text-before-heading", name=name, line=first)
                )
            key, buffer = found, []
            continue
        buffer.append(line)
    if key is not None:
        narrative.sections.setdefault(key, []).extend(_paragraphs(buffer))
    elif any(b.strip() for b in buffer):
        raise InputError(message_text("narrative-no-heading", name=name))
    return narrative


def parse_yaml(text: str, name: str) -> Narrative:
    import yaml

    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark is not None else "1:1"
        raise InputError(message_text("narrative-bad-yaml", name=name, where=where)) from None
    if loaded is None:
        return Narrative(source=name)
    if not isinstance(loaded, dict):
        raise InputError(message_text("narrative-bad-shape", name=name))
    narrative = Narrative(source=name)
    for raw_key, value in loaded.items():
        key = section_key(str(raw_key))
        if key is None:
            raise InputError(
                message_text("narrative-unknown-key", name=name, key=raw_key, expected=_expected())
            )
        if isinstance(value, str):
            paragraphs = _paragraphs(value.splitlines())
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            paragraphs = [" ".join(v.split()) for v in value if v.strip()]
        elif value is None:
            paragraphs = []
        else:
            raise InputError(message_text("narrative-bad-section", name=name, key=raw_key))
        narrative.sections.setdefault(key, []).extend(paragraphs)
    return narrative


def load_narrative(path: Path) -> Narrative:
    """Read *path*; unreadable or misplaced text is an InputError (exit code 2)."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(message_text("narrative-missing", name=name)) from None
    except OSError as exc:
        raise InputError(
            message_text("narrative-unreadable", name=name, reason=os_reason(exc))
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            message_text("narrative-not-utf8", name=name, byte=exc.start + 1)
        ) from None
    text = unicodedata.normalize("NFC", text)
    if path.suffix.lower() in (".yaml", ".yml"):
        return parse_yaml(text, name)
    return parse_markdown(text, name)
