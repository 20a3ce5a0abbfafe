"""Matching a body's name against a registry: one key per body, whatever the spelling.

Folding is the importer's (:func:`kehoach.importer.names.words` and
:func:`kehoach.text.fold`): no diacritics (so no tone placement either), no case, no
spacing or punctuation. On top of it, abbreviations written in capitals are spelled
out ("UBND" = "Ủy ban nhân dân", "BTV" = "Ban Thường vụ", "TU" = "Tỉnh ủy"), so
"BTV Tỉnh ủy" and "Ban Thường vụ Tỉnh ủy" are one body. Only capitals count: "tư" in
"Sở Tư pháp" folds to "tu" and must stay a word.

Names with equal keys are the same body. Names whose keys differ only a little (a
trailing "tỉnh", one word more) are *likely* the same and are shown to a person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from kehoach.importer.names import words
from kehoach.text import fold, nfc

# Capitalised abbreviations of Vietnamese Party and State bodies, folded.
ABBREVIATIONS: dict[str, str] = {
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "mttq": "mat tran to quoc",
    "ubmttq": "uy ban mat tran to quoc",
    "btv": "ban thuong vu",
    "bch": "ban chap hanh",
    "bcs": "ban can su",
    "bcsd": "ban can su dang",
    "ubkt": "uy ban kiem tra",
    "tu": "tinh uy",
    "hu": "huyen uy",
    "tw": "trung uong",
    "dd": "dang doan",
    "du": "dang uy",
    "lđld": "lien doan lao dong",
    "ldld": "lien doan lao dong",
    "tncs": "thanh nien cong san",
    "hcm": "ho chi minh",
    "cccb": "cuu chien binh",
    "lhpn": "lien hiep phu nu",
    "vp": "van phong",
    "sxkd": "san xuat kinh doanh",
}
# Words that add nothing to tell two bodies of one province apart.
_FILLER = {"tinh", "cua", "thuoc"}


def body_key(name: str) -> str:
    """The key under which two names denote the same body."""
    out: list[str] = []
    for word, _, _ in words(nfc(name)):
        if not word[:1].isalnum():
            continue  # punctuation: "Ban Tổ chức, Tỉnh ủy" = "Ban Tổ chức Tỉnh ủy"
        folded = fold(word)
        if len(word) >= 2 and word.isupper() and folded in ABBREVIATIONS:
            out.append(ABBREVIATIONS[folded])
        else:
            out.append(folded)
    return " ".join(out)


def _loose(key: str) -> str:
    return " ".join(w for w in key.split() if w not in _FILLER)


@dataclass(frozen=True)
class Candidate:
    """A registered body a new name may well be."""

    body_id: str
    name: str
    score: float


class NameIndex:
    """Bodies of a registry by key; exact look-up and likely matches for a person to check."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.names: dict[str, str] = {}
        self._loose: dict[str, set[str]] = {}

    def add(self, body_id: str, names: Iterable[str], display: str) -> str | None:
        """Index *names* of *body_id*; returns the id already holding one of the keys, if other."""
        self.names.setdefault(body_id, display)
        clash: str | None = None
        for name in names:
            if not name:
                continue
            key = body_key(name)
            if not key:
                continue
            holder = self.by_key.setdefault(key, body_id)
            if holder != body_id and clash is None:
                clash = holder
            self._loose.setdefault(_loose(key), set()).add(body_id)
        return clash

    def find(self, names: Iterable[str]) -> str | None:
        for name in names:
            if name:
                found = self.by_key.get(body_key(name))
                if found is not None:
                    return found
        return None

    def likely(self, name: str, *, limit: int = 3, cutoff: float = 0.85) -> list[Candidate]:
        """Registered bodies *name* is probably, best first (never the exact match)."""
        key = body_key(name)
        exact = self.by_key.get(key)
        found: dict[str, float] = {}
        for body_id in self._loose.get(_loose(key), set()):
            if body_id != exact:
                found[body_id] = 0.99
        matcher = SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for other, body_id in self.by_key.items():
            if body_id == exact or body_id in found:
                continue
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() < cutoff or matcher.quick_ratio() < cutoff:
                continue
            score = matcher.ratio()
            if score >= cutoff:
                found[body_id] = max(score, found.get(body_id, 0.0))
        ranked = sorted(found.items(), key=lambda item: (-item[1], item[0]))[:limit]
        return [
            Candidate(body_id, self.names[body_id], round(score, 2)) for body_id, score in ranked
        ]
