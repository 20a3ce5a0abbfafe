"""Body names in running text: who leads an item, who partners on it, and the registry.

Vietnamese plans name bodies in prose: "Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Sở Nội
vụ và các cơ quan liên quan tham mưu …". A name starts with a head word ("Ban", "Sở",
"Đảng đoàn", …) or with "các", and ends where a verb starts ("chủ trì", "tham mưu",
"xây dựng", …) or where a separator (",", ";", "và") is followed by the next name.
Names already known (from the section headings) are matched first, word by word,
insensitive to diacritics, case and spacing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from kehoach.text import fold, nfc, squash_spaces

__all__ = [
    "COLLECTIVE_NAME",
    "BodyDraft",
    "Registry",
    "Span",
    "expand",
    "extract_lead",
    "extract_partners",
    "group_phrase",
    "looks_like_body",
    "similar_known",
    "slug",
    "split_names",
    "starts_with_head",
    "words",
]

COLLECTIVE_NAME = "Các cơ quan, đơn vị, địa phương"

_WORD_RE = re.compile(r"[^\W_]+|[^\w\s]", re.UNICODE)

# Words that open a body's name (case-sensitive: "Ban Tổ chức" is a name, "ban hành" is not).
_HEADS: tuple[tuple[str, ...], ...] = tuple(
    tuple(h.split())
    for h in (
        "Ban", "Đảng đoàn", "Đảng ủy", "Đảng bộ", "Ủy ban", "UBND", "HĐND", "MTTQ", "Sở",
        "Văn phòng", "Trường", "Thường trực", "Hội đồng", "Hội", "Công an", "Bộ Chỉ huy",
        "Bộ", "Tỉnh đoàn", "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Thị ủy", "Liên đoàn",
        "Liên minh", "Mặt trận", "Cục", "Chi cục", "Trung tâm", "Báo", "Đài", "Viện",
        "Kho bạc", "Ngân hàng", "Tòa án", "Đoàn", "Cơ quan", "Cấp ủy", "Chi bộ", "Các",
        "Bảo hiểm", "Thanh tra", "Quỹ", "Phòng", "Hạt", "Chi nhánh", "Liên hiệp",
    )
)  # fmt: skip
_NOT_HEADS = {
    ("Ban", "hành"), ("Hội", "nghị"), ("Hội", "thảo"), ("Hội", "thi"), ("Đoàn", "kết"),
    ("Báo", "cáo"), ("Bộ", "tiêu"), ("Bộ", "máy"), ("Phòng", "ngừa"), ("Phòng", ","),
    ("Quỹ", "đất"), ("Các", "nội"), ("Các", "nhiệm"), ("Các", "giải"), ("Các", "chỉ"),
    ("Các", "hoạt"), ("Các", "văn"), ("Các", "chương"),
}  # fmt: skip
# Verbs (and verb-like phrases) that end a name; lower case only.
_VERBS: tuple[tuple[str, ...], ...] = tuple(
    tuple(v.split())
    for v in (
        "chủ trì", "phối hợp", "chỉ đạo", "hướng dẫn", "theo chức năng", "có trách nhiệm",
        "chịu trách nhiệm", "tham mưu", "lãnh đạo", "thực hiện", "xây dựng", "tổ chức",
        "triển khai", "căn cứ", "tăng cường", "chủ động", "tiếp tục", "nghiên cứu",
        "thường xuyên", "định kỳ", "rà soát", "kiểm tra", "đôn đốc", "theo dõi", "ban hành",
        "trình", "đề xuất", "khẩn trương", "tập trung", "quán triệt", "phổ biến",
        "tuyên truyền", "đẩy mạnh", "bố trí", "cân đối", "bảo đảm", "đảm bảo", "giám sát",
        "là cơ quan", "quy định", "tham gia", "cụ thể hóa", "sơ kết", "tổng kết",
        "báo cáo", "hoàn thiện", "tổng hợp", "thẩm định", "cung cấp", "đánh giá", "để",
        "nhằm", "trong việc", "về việc", "thống nhất", "khảo sát", "lập", "sửa đổi",
        "chuẩn bị", "vận động", "hỗ trợ", "điều tra", "quản lý", "bồi dưỡng", "đào tạo",
        "chịu", "giúp", "thường trực", "theo", "lựa chọn", "biểu dương", "khen thưởng",
        "phát động", "tiếp nhận", "xử lý", "nâng cao", "phát huy", "duy trì", "cập nhật",
        "lưu trữ", "vận hành", "hoàn thành", "gửi", "đăng ký", "kịp thời",
    )
)  # fmt: skip
_ORGAN_PREFIXES = (
    ("dang", "doan"), ("ban", "thuong", "vu"), ("ban", "can", "su", "dang"),
    ("thuong", "truc"), ("dang", "uy"),
)  # fmt: skip
_GENERIC_FIRST = {"các", "cơ", "những", "mọi"}
# Lower-case words that carry a known name on ("Sở Nội vụ tỉnh", "Ban Tổ chức các cấp").
_CONTINUES = {"tỉnh", "huyện", "thành", "thị", "xã", "phường", "quận", "cấp", "khu", "trực",
              "thuộc", "các", "của", "-"}  # fmt: skip
_STOP = {"(", ".", ":", ")", "[", "“", '"'}


@dataclass(frozen=True)
class Span:
    """One name found in a text: its words as written and where it starts and ends."""

    text: str
    start: int
    end: int


def words(text: str) -> list[tuple[str, int, int]]:
    """Words and single punctuation marks of *text*, each with its character span."""
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(text)]


@dataclass(frozen=True)
class Lexicon:
    """The body-name lexicon (``lexicon.yaml``): abbreviations, group phrases, known names."""

    abbreviations: tuple[tuple[str, str], ...]
    groups: tuple[tuple[str, ...], ...]  # folded words of each group phrase, longest first
    known: tuple[str, ...]
    pattern: re.Pattern[str] | None


@cache
def lexicon() -> Lexicon:
    import yaml

    text = resources.files("kehoach.importer").joinpath("lexicon.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    abbreviations = tuple(
        sorted(
            ((str(k), str(v)) for k, v in data["abbreviations"].items()), key=lambda kv: -len(kv[0])
        )
    )
    groups = tuple(
        sorted(
            {tuple(fold(w) for w, _, _ in words(g)) for g in data["groups"]}, key=lambda g: -len(g)
        )
    )
    pattern = (
        re.compile(
            r"(?<![\w&])(" + "|".join(re.escape(a) for a, _ in abbreviations) + r")(?![\w&])"
        )
        if abbreviations
        else None
    )
    return Lexicon(abbreviations, groups, tuple(data["known"]), pattern)


def expand(text: str) -> str:
    """ "UBND huyện X" → "Ủy ban nhân dân huyện X"; "Sở TT&TT" → "Sở Thông tin và Truyền thông"."""
    lex = lexicon()
    if lex.pattern is None:
        return text
    table = dict(lex.abbreviations)
    return lex.pattern.sub(lambda m: table[m.group(1)], text)


def group_phrase(ws: list[tuple[str, int, int]], i: int) -> int:
    """The length in words of the lexicon's group phrase starting at word *i* (0 if none)."""
    if i >= len(ws) or fold(ws[i][0]) not in ("cac", "uy", "mat"):
        return 0
    folded = [fold(w) for w, _, _ in ws[i : i + 16]]
    for group in lexicon().groups:
        n = len(group)
        if tuple(folded[:n]) == group and (
            i + n >= len(ws)
            or ws[i + n][0] in (",", ";", "và", ".", ")", "(")
            or ws[i + n][0][:1].islower() is False
            or _verb_at(ws, i + n)
        ):
            return n
    return 0


def similar_known(name: str, others: list[str]) -> str | None:
    """A registered name *name* is probably a misspelling of ("Ban Tổ chứ Tỉnh ủy")."""
    import difflib

    key = " ".join(_key(name))
    best: tuple[float, str] | None = None
    for other in [*others, *lexicon().known]:
        other_key = " ".join(_key(other))
        if other_key == key or abs(len(other_key) - len(key)) > 4:
            continue
        if other_key.split(" ", 1)[0] != key.split(" ", 1)[0]:  # "Sở …" is never a "Bộ …"
            continue
        ratio = difflib.SequenceMatcher(None, key, other_key).ratio()
        if ratio >= 0.9 and (best is None or ratio > best[0]):
            best = (ratio, other)
    return best[1] if best else None


def _key(text: str) -> tuple[str, ...]:
    return tuple(fold(w) for w, _, _ in words(expand(nfc(text))))


def _seq(ws: list[tuple[str, int, int]], i: int, n: int) -> tuple[str, ...]:
    return tuple(w for w, _, _ in ws[i : i + n])


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


_HEADS_BY_FIRST = _by_first(_HEADS)
_VERBS_BY_FIRST = _by_first(_VERBS)


def _head_at(ws: list[tuple[str, int, int]], i: int) -> bool:
    if i >= len(ws) or ws[i][0] not in _HEADS_BY_FIRST or _seq(ws, i, 2) in _NOT_HEADS:
        return False
    return any(_seq(ws, i, len(h)) == h for h in _HEADS_BY_FIRST[ws[i][0]])


def _verb_at(ws: list[tuple[str, int, int]], i: int) -> bool:
    if i >= len(ws):
        return False
    for verb in _VERBS_BY_FIRST.get(ws[i][0], ()):
        if _seq(ws, i, len(verb)) == verb:
            if verb == ("tham", "mưu") and _seq(ws, i + 2, 3) == (",", "giúp", "việc"):
                continue  # "cơ quan chuyên trách tham mưu, giúp việc" is a name
            if (
                verb == ("giúp",)
                and _seq(ws, i + 1, 1) == ("việc",)
                and i > 1
                and _seq(ws, i - 1, 1) == (",",)
            ):
                continue
            if verb == ("thường", "trực") and i > 0 and _seq(ws, i - 1, 1) != (",",):
                continue  # "Ủy ban … thường trực" (rare) — only a verb after a comma
            return True
    return False


def _min_end(ws: list[tuple[str, int, int]], i: int) -> int:
    """The shortest name starting at *i*: its head word and one more ("Các tổ chức …")."""
    head = next((h for h in _HEADS if _seq(ws, i, len(h)) == h), ("",))
    end = i + len(head)
    if end < len(ws) and ws[end][0] not in (",", ";", "và", *_STOP):
        end += 1
    return end


def _starts_item(ws: list[tuple[str, int, int]], i: int) -> bool:
    """Does a new name start at word *i* (after a separator)?"""
    return i < len(ws) and (_head_at(ws, i) or ws[i][0] == "các")


def starts_with_head(text: str) -> bool:
    """Does *text* open with a body's head word ("Ban", "Sở", "Các", …)?"""
    return _head_at(words(text), 0)


def looks_like_body(text: str) -> bool:
    """A short text that is only a body's name: a head word and no verb after it."""
    ws = words(text)
    if not ws or not _head_at(ws, 0) or len(ws) > 30:
        return False
    if any(w in (";", ":", ".") for w, _, _ in ws):
        return False
    return not any(_verb_at(ws, i) for i in range(1, len(ws)))


def slug(text: str, max_len: int = 60) -> str:
    """ASCII id from a Vietnamese name: "Ban Tổ chức Tỉnh ủy" → "ban-to-chuc-tinh-uy"."""
    value = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    if len(value) > max_len:
        cut = value[: max_len + 1].rfind("-")
        value = value[: cut if cut > 0 else max_len]
    return value or "x"


def _is_group(name: str) -> bool:
    first = name.split(" ", 1)[0]
    return first in ("Các", "các") or " các " in f" {name} "


@dataclass
class BodyDraft:
    """A body as the importer knows it; ``used`` bodies are written to bodies.yaml."""

    key: int
    name: str
    aliases: list[str] = field(default_factory=list)
    group: bool = False
    used_at: int | None = None
    id: str | None = None


class Registry:
    """The bodies met so far, matched by name or alias ignoring diacritics, case, spacing."""

    def __init__(self) -> None:
        self.bodies: list[BodyDraft] = []
        self._keys: dict[tuple[str, ...], BodyDraft] = {}
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        self._uses = 0

    def _index(self, body: BodyDraft, name: str) -> None:
        key = _key(name)
        if not key:
            return
        keys = [key]
        for prefix in _ORGAN_PREFIXES:  # "các huyện ủy" names "Ban thường vụ các huyện ủy"
            if key[: len(prefix)] == prefix and len(key) > len(prefix) + 1:
                keys.append(key[len(prefix) :])
        for one in keys:
            if one not in self._keys:
                self._keys[one] = body
                self._by_first.setdefault(one[0], []).append(one)

    def add(self, name: str, *, alias: str | None = None, group: bool | None = None) -> BodyDraft:
        """The body called *name*, created when new; *alias* is another way the text says it."""
        name = squash_spaces(nfc(name)).strip(" ,;.")
        full = expand(name)
        written = None
        if full != name and self.resolve(name) is None:
            written = name  # "UBND tỉnh": the full name is written, the short one kept
            name = full
        if name[:1].islower():
            alias = alias or name
            name = name[0].upper() + name[1:]
        body = self.resolve(name)
        if body is None:
            body = BodyDraft(
                len(self.bodies), name, group=_is_group(name) if group is None else group
            )
            self.bodies.append(body)
            self._index(body, name)
        if (
            alias
            and _key(alias) != _key(body.name)
            and alias not in body.aliases
            and self._keys.get(_key(alias)) in (None, body)
        ):
            body.aliases.append(alias)
            self._index(body, alias)
        if written and written not in body.aliases:
            body.aliases.append(written)
        return body

    def resolve(self, name: str) -> BodyDraft | None:
        return self._keys.get(_key(name))

    def use(self, body: BodyDraft) -> str:
        """Mark *body* as written to the registry; its id, made from its name, stable."""
        if body.id is None:
            body.used_at = self._uses
            self._uses += 1
            base = slug(body.name)
            taken = {b.id for b in self.bodies if b.id is not None}
            ident, n = base, 2
            while ident in taken:
                ident, n = f"{base}-{n}", n + 1
            body.id = ident
        return body.id

    def longest_at(self, ws: list[tuple[str, int, int]], i: int) -> tuple[BodyDraft, int] | None:
        """The longest known name that starts at word *i*, and its length in words."""
        if i >= len(ws):
            return None
        best: tuple[BodyDraft, int] | None = None
        candidates = self._by_first.get(fold(ws[i][0]), [])
        if not candidates:
            return None
        folded = [fold(w) for w, _, _ in ws[i : i + 40]]
        for key in candidates:
            n = len(key)
            if n <= len(folded) and tuple(folded[:n]) == key and (best is None or n > best[1]):
                best = (self._keys[key], n)
        return best

    def used(self) -> list[BodyDraft]:
        return sorted(
            (b for b in self.bodies if b.used_at is not None), key=lambda b: b.used_at or 0
        )


def _scan_name(ws: list[tuple[str, int, int]], i: int, registry: Registry) -> int:
    """Index just past the name starting at word *i*."""
    known = registry.longest_at(ws, i)
    if known is not None:
        end = i + known[1]
        if (
            end >= len(ws)
            or ws[end][0] in (",", ";", "và", *_STOP)
            or _verb_at(ws, end)
            or (ws[end][0][:1].islower() and ws[end][0] not in _CONTINUES)
        ):
            return end
    j = _min_end(ws, i)
    while j < len(ws):
        w = ws[j][0]
        if w in _STOP or w == ";" or _verb_at(ws, j):
            return j
        if w in (",", "và") and _starts_item(ws, j + 1):
            return j
        j += 1
    return j


def split_names(text: str, registry: Registry) -> list[str]:
    """Names in a list such as a table cell: "Sở Nội vụ, Sở Tài chính và các cơ quan liên quan".

    Split on ",", ";" and "và" only where the next part starts a name, so "Sở Kế hoạch
    và Đầu tư" and "các huyện ủy, thị ủy, thành ủy" stay whole.
    """
    text = text.replace("\n", ";")  # one name per line
    ws = words(text)
    out: list[str] = []
    i = 0
    while i < len(ws):
        if ws[i][0] in (",", ";", "và", "-", "+", "•"):
            i += 1
            continue
        group = group_phrase(ws, i)
        if group:
            end = i + group
            out.append(text[ws[i][1] : ws[end - 1][2]].strip(" ,;."))
            i = end
            continue
        end = _scan_name(ws, i, registry) if _starts_item(ws, i) else _scan_plain(ws, i)
        end = max(end, i + 1)
        out.append(text[ws[i][1] : ws[end - 1][2]].strip(" ,;."))
        i = end
        while i < len(ws) and ws[i][0] not in (",", ";", "và"):
            i += 1  # skip a tail that is not a name ("(chủ trì)")
    return [name for name in out if name]


def _scan_plain(ws: list[tuple[str, int, int]], i: int) -> int:
    j = i + 1
    while (
        j < len(ws)
        and ws[j][0] not in (",", ";")
        and not (ws[j][0] == "và" and _starts_item(ws, j + 1))
    ):
        j += 1
    return j


def is_specific(name: str, registry: Registry) -> bool:
    """A name that denotes a body, not a phrase like "các cơ quan liên quan"."""
    if registry.resolve(name) is not None:
        return True
    ws = words(name)
    if not ws:
        return False
    if ws[0][0].lower() in _GENERIC_FIRST or ws[0][0][:1].islower():
        return any(w[:1].isupper() for w, _, _ in ws[1:])
    return _head_at(ws, 0)


def extract_lead(text: str, registry: Registry) -> tuple[str, int] | None:
    """The body that opens an item as its subject ("Giao Ban Tổ chức Tỉnh ủy chủ trì, …").

    Returns the name and the offset in *text* where the predicate starts, or None when
    the item does not start with a body's name followed by a verb. A subject that lists
    several bodies ("Các sở, ban, ngành, Ủy ban nhân dân các huyện") is one group.
    """
    ws = words(text)
    i = 0
    if ws and ws[0][0] in ("Giao", "Đề") and len(ws) > 1:
        i = 1 if ws[0][0] == "Giao" else (2 if _seq(ws, 0, 2) == ("Đề", "nghị") else 0)
        if i and ws[i][0] == "cho":
            i += 1
    if i >= len(ws) or not _head_at(ws, i):
        return None
    known = registry.longest_at(ws, i)
    j = i + known[1] if known else _min_end(ws, i)
    while j < len(ws) and not _verb_at(ws, j):
        if ws[j][0] in (";", ":", "(", ".") or j - i > 24:
            return None
        j += 1
    if j >= len(ws):
        return None
    subject = text[ws[i][1] : ws[j - 1][2]].strip(" ,")
    names = split_names(subject, registry)
    return ((subject if len(names) > 1 else names[0]), ws[j][1]) if names else None


def extract_partners(text: str, registry: Registry) -> list[str]:
    """Names listed after every "phối hợp với" / "phối hợp cùng" in *text*, in order.

    Generic phrases ("các cơ quan liên quan", "các cấp ủy, tổ chức đảng") are not bodies
    and are left out.
    """
    ws = words(text)
    out: list[str] = []
    for i in range(len(ws) - 2):
        if fold(ws[i][0]) != "phoi" or fold(ws[i + 1][0]) != "hop":
            continue
        if ws[i + 2][0] not in ("với", "cùng"):
            continue
        j = i + 3
        while j < len(ws):
            if ws[j][0] in (",", ";", "và"):
                j += 1
                continue
            if ws[j][0] in _STOP or _verb_at(ws, j):
                break
            end = max(_scan_name(ws, j, registry), j + 1)
            name = text[ws[j][1] : ws[end - 1][2]]
            if is_specific(name, registry):
                out.append(name)
            j = end
            if j < len(ws) and (_verb_at(ws, j) or ws[j][0] in _STOP):
                break
    return out
