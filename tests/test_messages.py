"""The message registry: every template Vietnamese, no English word, no Python repr,
and every code the source asks for is in it."""

from __future__ import annotations

import ast
import datetime as dt
import re
import string
from pathlib import Path

import pytest

from kehoach.cli.vietnamese import _ERRORS as CLICK_ERRORS
from kehoach.cli.vietnamese import HEADINGS, HELP_TEXT
from kehoach.messages import MESSAGES, OS_REASONS, YAML_PROBLEMS, msg, or_list, yaml_problem
from kehoach.model.messages import FIELD_LABELS

SRC = Path(__file__).resolve().parents[1] / "src" / "kehoach"

# Common English words of error texts (whole words, any case). kehoach's own words that
# are English in form are allowed where they name something the user types or reads
# elsewhere: YAML, UTF-8, symlink, FIFO, socket, merge conflict, alias, anchor, tab …
ENGLISH = {
    "the",
    "is",
    "are",
    "not",
    "no",
    "or",
    "and",
    "of",
    "in",
    "to",
    "for",
    "with",
    "file",
    "error",
    "errors",
    "invalid",
    "found",
    "expected",
    "could",
    "cannot",
    "can",
    "did",
    "find",
    "allowed",
    "here",
    "this",
    "that",
    "while",
    "parsing",
    "scanning",
    "value",
    "values",
    "key",
    "keys",
    "missing",
    "permission",
    "denied",
    "space",
    "left",
    "device",
    "read",
    "only",
    "too",
    "large",
    "unknown",
    "character",
    "characters",
    "line",
    "column",
    "type",
    "must",
    "be",
    "should",
    "field",
    "required",
    "input",
    "none",
    "true",
    "false",
    "failed",
    "unable",
    "directory",
    "such",
}
# Templates that are pieces of a sentence or a laid-out line, with their own spacing.
SPACED = {
    "did-you-mean",
    "maybe-unread",
    "open-rounds",
    "import-body-new",
    "import-body-shared",
    "import-body-maybe-same",
    "import-deadline-line",
    "batch-summary",
    "docref-of-task",
    "docref-of-event",
    "docref-of-plan",
    "docref-of-basis",
    "of-round",
    "collect-summary",
    "and-more-rounds",
    "of-round-name",
    "validate-also",
    "validate-tail",
    "validate-in-scope",
    "unblocked-waiting",
    "unblocked-undated",
    "unblocked-late",
    "unblocked-due",
    "collect-blank-rows",
    "form-issued",
    "form-issued-plan",
    "init-created",
    "init-kept",
}
ALLOWED = {
    "yaml",
    "utf",
    "symlink",
    "fifo",
    "socket",
    "merge",
    "conflict",
    "alias",
    "bomb",
    "anchor",
    "tab",
    "kehoach",
    "pyyaml",
    "libyaml",
    "mb",
    "bs",
    "esc",
    "bel",
    "cr",
    "lf",
    "nul",
    "del",
    "csi",
    "osc",
    "dcs",
    "rlo",
    "lro",
    "rli",
    "windows",
    "tcvn",
    "mapping",
    "plan",
    "bodies",
    "events",
    "tasks",
    "validate",
    "x",
    "u",
    "byte",
    "python",
    "unicode",
    "json",
    "csv",
    "docx",
    "xlsx",
    "excel",
    "word",
    "github",
    "gitlab",
    "pdf",
    "html",
    "markdown",
    "ci",
    "pages",
    "schema",
    "ocr",
    "ocrmypdf",
    "openpyxl",
    "xml",
    "soffice",
    "yyyy",
    "mm",
    "dd",
}
# Product names, which look like class names.
PRODUCTS = {"PyYAML", "GitHub", "GitLab", "LibreOffice"}
REPRS = re.compile(
    r"datetime\.|\{'[^']*': |<class|<[\w.]+ object at|\bobject at 0x|\b(?:None|True|False)\b"
    r"|\b\w*(?:Error|Exception)\b"
)
# A class name: two capitalised parts run together (MemoryError, XMLSyntaxError, NoneType).
CLASS_NAME = re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b|\b[A-Z]{2,}[a-z]+[A-Z]?\w*\b")
# An internal path of the data: tasks[1].history[1].date, model.tasks.0.id.
INTERNAL_PATH = re.compile(r"\w\[\d+\](?:\.\w|\[)|\b[a-z_]+\.\d+\.[a-z_]+")
VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")

# A Vietnamese syllable written without diacritics: onset + rhyme of the language. An
# ASCII word of a message that is not one (and is not in ALLOWED) is a foreign word.
_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
_NUCLEUS = "(?:oai|oay|oao|oeo|uya|uyu|uay|ai|ao|au|ay|eo|ia|iu|oa|oe|oi|ua|ui|uy|[aeiouy])"
_CODA = "(?:ch|ng|nh|[cmnpt])?"
SYLLABLE = re.compile(f"{_ONSET}{_NUCLEUS}{_CODA}")


def _is_syllable(word: str) -> bool:
    return SYLLABLE.fullmatch(word.casefold()) is not None


def _words(template: str) -> list[str]:
    text = re.sub(r"\{[a-z_0-9]+(?:![rsa])?(?::[^}]*)?\}", " ", template)  # the user's values
    text = re.sub(r"'[^']*'", " ", text)  # quoted examples: names the user types
    text = re.sub(r"--[a-z-]+", " ", text)  # options
    text = re.sub(r"\bkehoach [a-z]+", " ", text)  # commands
    text = re.sub(r"\b[IVX]+\b", " ", text)  # section numbers
    text = re.sub(r"\b\w+_\w+\b", " ", text)  # YAML keys the user writes (depends_on)
    text = re.sub(r"[\w.<>-]+/[\w/.-]*", " ", text)  # folders (plans/), symbols (35-CT/TW)
    text = re.sub(r"[\\/.%][A-Za-z_]+", " ", text)  # paths, suffixes, escapes (\u, .yaml)
    return [w for w in re.findall(r"[^\W\d_]{2,}", text) if w.isascii()]


def _foreign(template: str) -> list[str]:
    """The English (or otherwise not Vietnamese) words of *template*."""
    return [
        word
        for word in _words(template)
        if word.casefold() not in ALLOWED and (word.casefold() in ENGLISH or not _is_syllable(word))
    ]


def _leaks(pattern: re.Pattern[str], text: str) -> list[str]:
    return [m.group(0) for m in pattern.finditer(text) if m.group(0) not in PRODUCTS]


ALL = {
    **{f"message {k}": v for k, v in MESSAGES.items()},
    **{f"os {k}": v for k, v in OS_REASONS.items()},
    **{f"yaml {k}": v for k, v in YAML_PROBLEMS.items()},
    **{f"field {k}": v for k, v in FIELD_LABELS.items()},
    # click's own usage errors, translated by kehoach.cli.vietnamese
    **{f"click {i}": template for i, (_, template) in enumerate(CLICK_ERRORS)},
    **{f"click {k}": v for k, v in {**HEADINGS, **HELP_TEXT}.items()},
}


@pytest.mark.parametrize("name", sorted(ALL))
def test_template_is_vietnamese(name: str) -> None:
    template = ALL[name]
    assert not _foreign(template), (name, template, _foreign(template))
    for pattern in (REPRS, CLASS_NAME, INTERNAL_PATH):
        assert not _leaks(pattern, template), (name, template, pattern.pattern)
    if len(_words(template)) >= 3:  # a sentence, not a symbol: it must carry diacritics
        assert VIETNAMESE.search(template.casefold()), (name, template)


def test_the_registry_test_catches_english() -> None:
    assert _foreign("could not find expected ':'") == ["could", "not", "find", "expected"]
    assert _foreign("Permission denied") == ["Permission", "denied"]
    assert _foreign("'hoàn thành' or 'dừng thực hiện'") == ["or"]
    assert _foreign("lỗi: found invalid Unicode character escape code") == [
        "found",
        "invalid",
        "character",
        "escape",
        "code",
    ]
    assert _foreign("không tìm thấy tệp {path} trong thư mục tasks/") == []
    assert _foreign("Có phải ý bạn là '{found}'? (chạy kehoach validate --format json)") == []
    assert REPRS.search("giá trị datetime.date(2018, 12, 31)")
    assert REPRS.search("giá trị False")
    assert REPRS.search("cần một chuỗi, không phải {'section': 'III'}")
    assert REPRS.search("<kehoach.model.Task object at 0x7f3a>")
    assert CLASS_NAME.search("Lỗi: MemoryError")
    assert CLASS_NAME.search("tệp hỏng (XMLSyntaxError)")
    assert INTERNAL_PATH.search("tasks[1].history[1].date: sai")
    assert not CLASS_NAME.search("Kế hoạch KH-01, tệp UTF-8, YAML")


# Representative values of a template's fields, by the field's format and name.
SAMPLES: dict[str, object] = {
    "path": "tasks/ban-tuyen-giao.yaml",
    "name": "bodies.yaml",
    "root": "plan",
    "id": "III.4.1",
    "line": 12,
    "col": 7,
    "count": 3,
    "reason": "không có quyền truy cập",
    "suggestion": " Có phải ý bạn là 'Ban Tổ chức Tỉnh ủy'?",
}


def _sample(field: str, spec: str) -> object:
    if "%" in spec:
        return dt.date(2019, 6, 30)
    if spec and spec[-1] in "d,n":
        return 1234
    if spec.endswith("f"):
        return 0.5
    return SAMPLES.get(field, f"giá trị {field}")


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_template_renders_with_representative_values(code: str) -> None:
    template = MESSAGES[code]
    fields = {
        name: _sample(name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template)
        if name
    }
    rendered = msg(code, **fields).text
    assert not re.search(r"\{\w*\}", rendered), rendered
    spacing = r" [.,;](?:\s|$)" if code in SPACED else r"(?<=\S)  | [.,;](?:\s|$)"
    assert not re.search(spacing, rendered), rendered
    for pattern in (REPRS, CLASS_NAME, INTERNAL_PATH):
        assert not _leaks(pattern, rendered), (code, rendered, pattern.pattern)
    assert rendered == rendered.strip() or code in SPACED, repr(rendered)


def test_every_code_asked_for_is_registered() -> None:
    asked: set[str] = set()
    for path in SRC.rglob("*.py"):
        source = path.read_text("utf-8")
        asked.update(re.findall(r"\b(?:msg|text|message_text)\(\s*\"([a-z0-9-]+)\"", source))
    assert asked, "no code found: the pattern is wrong"
    assert sorted(asked - set(MESSAGES)) == []


def test_end_of_an_allowed_list_is_vietnamese() -> None:
    assert or_list(["chưa thực hiện", "hoàn thành", "dừng thực hiện"]) == (
        "'chưa thực hiện', 'hoàn thành' hoặc 'dừng thực hiện'"
    )


@pytest.mark.parametrize(
    ("english", "vietnamese"),
    [
        ("found invalid Unicode character escape code", "mã thoát Unicode (\\u…) không hợp lệ"),
        ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
        ("mapping values are not allowed in this context", "dấu ':' không được phép ở đây"),
        ("mapping values are not allowed here", "dấu ':' không được phép ở đây"),
        ("found character that cannot start any token", "ký tự không được đứng đầu giá trị"),
        ("did not find expected key", "thụt lề không đúng hoặc thiếu khóa"),
        ("found undefined alias", "alias (*…) chưa được định nghĩa"),
        ("something libyaml says one day", "cú pháp không đúng"),
    ],
)
def test_parser_texts_are_translated(english: str, vietnamese: str) -> None:
    assert yaml_problem(english).startswith(vietnamese)


# -- no message outside the registry -----------------------------------------------------
# Calls whose text reaches the user: our error classes (found below), problems, and the
# CLI's way of printing an error.
MESSAGE_CALLS = {
    "Problem",
    "at",
    "task_problem",
    "problem_at",
    "fail",
    "echo_err",
    "echo",
    "BadParameter",
}
_CODE = re.compile(r"[a-z0-9_]+(?:-[a-z0-9_]+)*")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_DIACRITIC = re.compile(VIETNAMESE.pattern, re.IGNORECASE)


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    bases: dict[str, list[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [
                    b.id if isinstance(b, ast.Name) else b.attr
                    for b in node.bases
                    if isinstance(b, ast.Name | ast.Attribute)
                ]
    errors = {"KehoachError"}
    grown = True
    while grown:
        grown = False
        for name, parents in bases.items():
            if name not in errors and errors.intersection(parents):
                errors.add(name)
                grown = True
    return errors


def _literal_text(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
            for v in node.values
        )
    return None


REGISTRY_CALLS = {"msg", "text", "message_text"}


def _literals(node: ast.expr) -> list[tuple[int, str]]:
    """The string literals of an expression, outside calls that ask the registry."""
    shown = _literal_text(node)
    if shown is not None:
        return [(node.lineno, shown)]
    if isinstance(node, ast.Call):
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name in REGISTRY_CALLS:
            return []
    found = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            found += _literals(child)
    return found


def inline_messages(trees: dict[Path, ast.Module]) -> list[str]:
    """``file:line: text`` of every user-visible string literal written outside the
    registry: passed to an error class or a problem, or raised."""
    calls = MESSAGE_CALLS | _error_classes(trees)
    found = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            texts: list[tuple[int, str]] = []
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                local_at = name == "at" and len(node.args) < 4  # a form's column reader
                if name in calls and not local_at:
                    args = [*node.args, *(k.value for k in node.keywords if k.arg != "code")]
                    for arg in args:
                        texts += [
                            (line, shown)
                            for line, shown in _literals(arg)
                            if _LETTERS.search(shown) and not _CODE.fullmatch(shown)
                        ]
            elif isinstance(node, ast.Raise) and node.exc is not None:
                texts += [
                    (ln, shown) for ln, shown in _literals(node.exc) if _DIACRITIC.search(shown)
                ]
            found += [f"{path.relative_to(SRC)}:{line}: {shown}" for line, shown in texts]
    return sorted(set(found))


def _sources() -> dict[Path, ast.Module]:
    return {
        path: ast.parse(path.read_text("utf-8"))
        for path in sorted(SRC.rglob("*.py"))
        if path != SRC / "messages.py"
    }


def test_no_message_is_written_outside_the_registry() -> None:
    assert inline_messages(_sources()) == []


def test_the_source_scan_finds_an_inline_message() -> None:
    source = (
        "class Oops(KehoachError):\n    pass\n"
        "def f(x):\n"
        "    raise Oops(f'Không có nhiệm vụ {x}')\n"
        "def g(p):\n"
        "    return Problem(p, 1, 2, 'Thiếu khóa', 'missing')\n"
        "def h(p):\n"
        "    raise Oops(message_text('unknown-task', task_id=p), 'unknown-task')\n"
    )
    found = inline_messages({SRC / "x.py": ast.parse(source)})
    assert found == ["x.py:4: Không có nhiệm vụ {}", "x.py:6: Thiếu khóa"]
