"""Bounded fuzz targets (``make fuzz``; not part of ``make test``).

Each target feeds generated and mutated input to one reader and checks what must hold
for any input: no exception other than kehoach's own errors (which carry a Vietnamese
message and an exit code), every problem placed in its file, nothing printed that a
terminal could act on, and — for what kehoach writes — that the file reads back as the
data it was written from. ``FUZZ_EXAMPLES`` sets the examples per target (default 2000).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kehoach.errors import KehoachError, Problem
from kehoach.text import first_unsafe

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "plan"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2000"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
SAMPLE = (SHIPPED / "tasks" / "ban-to-chuc.yaml").read_text("utf-8")
YAML_BITS = [
    ": ",
    "- ",
    "\n",
    "\n  ",
    "\n    ",
    '"',
    "'",
    "&a ",
    "*a",
    "!!str ",
    "!!python/name:x ",
    "{",
    "}",
    "[",
    "]",
    ",",
    "#",
    "|",
    ">-",
    "? ",
    "---\n",
    "...\n",
    "\t",
    "\\u00",
    "\\x",
    "0o17",
    "0x1F",
    "1_000",
    "1:20",
    "2019-02-30",
    "~",
    "null",
    "yes",
    "no",
    ".inf",
    "1e3",
    "<<: *a",
    "\x1b]0;x\x07",
    "\u202e",
    "\ufeff",
    "\r\n",
    "\x85",
    "\u2028",
    "\x00",
    "é",
    "id: III.3.1",
    "status: hoàn thành",
    "date: 2018-08-20",
    "history:",
    "tasks:",
]


def _check_problems(problems: list[Problem]) -> None:
    for problem in problems:
        assert problem.line >= 0 and problem.col >= 0, problem
        assert problem.message.strip(), problem
        assert "Traceback" not in problem.message
        for english in ("while parsing", "while scanning", "found ", "expected ", "Error"):
            assert english not in problem.message, problem.message


@st.composite
def mutated(draw: st.DrawFn, base: str = SAMPLE) -> str:
    """*base* with a few slices deleted, duplicated or replaced by YAML-ish bits."""
    text = base
    for _ in range(draw(st.integers(1, 6))):
        if not text:
            break
        start = draw(st.integers(0, len(text) - 1))
        end = min(len(text), start + draw(st.integers(0, 40)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "duplicate"]))
        if action == "delete":
            text = text[:start] + text[end:]
        elif action == "duplicate":
            text = text[:end] + text[start:end] + text[end:]
        else:
            bit = draw(st.sampled_from(YAML_BITS) | st.text(max_size=8))
            text = text[:start] + bit + (text[start:] if action == "insert" else text[end:])
    return text


# -- the YAML loader ---------------------------------------------------------------------


@FUZZ
@given(
    st.one_of(
        mutated(),
        st.lists(st.sampled_from([*YAML_BITS, *"ab:- \n"]), max_size=30).map("".join),
    )
)
def test_yaml_loader_text(text: str) -> None:
    from kehoach.loading.yamlfile import parse_yaml_text

    result = parse_yaml_text(text, "f.yaml")
    _check_problems(result.problems)
    if result.data is None:
        assert result.problems


@FUZZ
@given(st.binary(max_size=300) | mutated().map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_yaml_loader_bytes(data: bytes) -> None:
    from kehoach.loading.yamlfile import load_yaml

    result = load_yaml(Path("f.yaml"), "f.yaml", data)
    _check_problems(result.problems)


@pytest.fixture(scope="module")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("fuzz") / "plan"
    shutil.copytree(SHIPPED, target)
    return target


@FUZZ
@given(text=mutated())
def test_whole_plan_validation(plan_dir: Path, text: str) -> None:
    """A mutated task file, validated with the whole plan (models and every check)."""
    from kehoach.edit.check import run_validation
    from kehoach.loading.files import overridden

    path = plan_dir / "tasks" / "ban-to-chuc.yaml"
    try:
        with overridden({path: text.encode("utf-8", "surrogatepass")}):
            _plan, problems = run_validation(plan_dir, dt.date(2019, 6, 30))
    except KehoachError:
        return
    _check_problems(problems)


# -- the deadline parser -----------------------------------------------------------------

DEADLINE_WORDS = [
    "thực hiện",
    "hoàn thành",
    "trong",
    "tháng",
    "quý",
    "năm",
    "trước",
    "sau khi",
    "từ",
    "đến",
    "hằng năm",
    "hằng quý",
    "6 tháng",
    "đầu",
    "giữa",
    "cuối",
    "giai đoạn",
    "thường xuyên",
    "2018",
    "2019",
    "2020",
    "2030",
    "8",
    "12",
    "15/12/2018",
    "31/2/2019",
    "I",
    "IV",
    "–",
    "-",
    ",",
    ";",
    "(",
    ")",
    "*",
    "có chỉ thị",
    "Bộ Chính trị",
    "nhiệm kỳ",
    "khi có",
    "theo kế hoạch",
    "và",
    "hoặc",
    "chậm nhất",
    "ngày",
    "tuần",
    "0",
    "99999",
]


@FUZZ
@given(
    st.lists(st.sampled_from(DEADLINE_WORDS) | st.text(max_size=6), max_size=10).map(" ".join),
    st.none() | st.integers(1900, 2200),
)
def test_deadline_parser(text: str, year: int | None) -> None:
    from kehoach.deadline import due_as_of, parse_deadline

    try:
        rule = parse_deadline(text, year=year)
    except KehoachError as exc:
        assert exc.message.strip()
        return
    with contextlib.suppress(KehoachError):
        due_as_of(rule, dt.date(2019, 6, 30), term_end=dt.date(2020, 12, 31))


# -- the import readers ------------------------------------------------------------------

IMPORT_SAMPLE = (ROOT / "tests" / "data" / "ke-hoach-nq26.txt").read_text("utf-8")[:6000]


def _import_round_trip(paras: list[object]) -> None:
    """Paragraphs → plan files; every file must read back as YAML without problems of
    syntax or type (what the writer wrote is what a reader gets)."""
    from kehoach.importer import convert
    from kehoach.loading.yamlfile import parse_yaml_text

    try:
        _assembled, files = convert(paras, "ke-hoach-thu", "thu.txt")  # type: ignore[arg-type]
    except KehoachError:
        return
    for name, text in files.items():
        result = parse_yaml_text(text, name)
        syntax = [p for p in result.problems if p.code in ("invalid", "tag", "duplicate-key")]
        assert not syntax, (name, syntax, text)


@FUZZ
@given(mutated(IMPORT_SAMPLE))
def test_import_text(text: str) -> None:
    from kehoach.importer.reading import read_text

    try:
        paras = read_text(text)
    except KehoachError:
        return
    _import_round_trip(paras)  # type: ignore[arg-type]


@FUZZ
@given(
    mutated(
        "Mã;Nhiệm vụ;Cơ quan chủ trì;Thời hạn\nIII.1;Tham mưu ban hành;Ban Tổ chức;"
        "trong tháng 8 năm 2018\nIII.2;Kiểm tra;Ủy ban kiểm tra;hằng năm\n"
    )
)
def test_import_csv(text: str) -> None:
    from kehoach.importer.sheets import read_csv

    try:
        paras = read_csv(text)
    except KehoachError:
        return
    _import_round_trip(paras)  # type: ignore[arg-type]


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in IMPORT_SAMPLE.split("\n")[:60]:
        document.add_paragraph(line)
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "Nhiệm vụ"
    table.cell(1, 0).text = "Tham mưu ban hành kế hoạch"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"])
    sheet.append([1, "Tham mưu ban hành kế hoạch", "Ban Tổ chức Tỉnh ủy", "tháng 8 năm 2018"])
    sheet.append([2, "Kiểm tra, giám sát", "Ủy ban kiểm tra", "hằng năm"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def mutated_zip(draw: st.DrawFn, base: bytes) -> bytes:
    """A zip whose members' bytes are mutated (the XML inside), or whose raw bytes are."""
    if draw(st.booleans()):
        data = bytearray(base)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)
    source = zipfile.ZipFile(io.BytesIO(base))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            if name == victim and content:
                text = content.decode("utf-8", "replace")
                start = draw(st.integers(0, len(text) - 1))
                end = min(len(text), start + draw(st.integers(0, 30)))
                bit = draw(st.sampled_from(["<", ">", "</w:t>", "&", "\x00", "é", ""]))
                content = (text[:start] + bit + text[end:]).encode("utf-8")
            target.writestr(name, content)
    return out.getvalue()


DOCX = _docx_bytes()
XLSX = _xlsx_bytes()


@FUZZ
@given(mutated_zip(DOCX))
def test_import_docx(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from kehoach.importer.reading import read_document

    path = tmp_path_factory.mktemp("docx") / "thu.docx"
    path.write_bytes(data)
    try:
        paras = read_document(path)
    except KehoachError as exc:
        assert first_unsafe(exc.message) < 0 or "\x00" not in exc.message
        return
    _import_round_trip(paras)  # type: ignore[arg-type]


@FUZZ
@given(mutated_zip(XLSX))
def test_import_xlsx(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    from kehoach.importer.reading import read_document

    path = tmp_path_factory.mktemp("xlsx") / "thu.xlsx"
    path.write_bytes(data)
    try:
        paras = read_document(path)
    except KehoachError:
        return
    _import_round_trip(paras)  # type: ignore[arg-type]
