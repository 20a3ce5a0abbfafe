"""``python -m kehoach.bench`` (``make bench``): every figure beside its baseline.

For each size (1,000, 10,000 and, unless skipped, 100,000 tasks) a deterministic
synthetic plan is generated and ``validate``, ``status`` and ``report`` run as
fresh processes, cold (empty cache folder) and warm (cache filled by an earlier
run), next to a bare libyaml parse of the same files (``yaml.load`` with
``CSafeLoader``, in a fresh process too, so both sides pay for starting Python).
Start-up commands (``--help``, ``--version``, ``deadline``) run beside bare
``python -c pass``, a minimal two-command Typer app and an argparse app. When
Taskwarrior (``task``) is installed, the same tasks are imported into it and its
``list``, ``summary`` and ``overdue`` are timed as well.

Results: a Markdown table on stdout, ``bench-results/latest.md`` and
``bench-results/latest.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from kehoach import __version__
from kehoach.bench.grow import SHIPPED, grow
from kehoach.bench.runner import Measure, Spec, measure, measure_interleaved
from kehoach.bench.synth import AS_OF, SynthPlan, generate, generate_portfolio, taskwarrior_json

DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUARTER = f"{AS_OF.year}-Q{(AS_OF.month - 1) // 3 + 1}"
DEADLINE_TEXT = "thực hiện từ năm 2019"

# Targets of issue 16, as ratios measured in the same run.
SHIPPED_STATUS_MAX = 5.0  # `kehoach status` on the shipped plan, × python -c pass
STARTUP_MAX = 6.0  # --help, --version, deadline, × python -c pass
COLD_MAX = 1.3  # × bare CSafeLoader parse, 10,000 tasks, cache writing included
WARM_MAX = 1.0  # warm status / overdue, × Taskwarrior's summary / overdue, 10,000 tasks
WARM_REPORT_MAX = 2.0  # warm report, × Taskwarrior's summary
WARM_PARSE_MAX = 0.35  # fallback when Taskwarrior is missing: × bare parse
GROWTH_MAX = 10.0  # 100,000 tasks vs 10,000, every command
MEMORY_MAX_MB = {10_000: 120.0, 100_000: 500.0}
PORTFOLIO_PLANS = (50, 500)  # plans × PORTFOLIO_TASKS tasks, sharing PORTFOLIO_BODIES bodies
PORTFOLIO_TASKS = 200
PORTFOLIO_BODIES = 300
GROWN_SIZE = 10_000  # the shipped plan grown to this many tasks (bench/grow.py)

_PARSE_SCRIPT = """
import sys, yaml
from pathlib import Path
root = Path(sys.argv[1])
files = [root / "plan.yaml", root / "bodies.yaml", root / "events.yaml"]
files += sorted((root / "tasks").glob("*.yaml"))
for path in files:
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

# The parse cache a cold run fills is written after the output, by a background child
# that the timed command does not wait for: its cost, measured here in one process.
_CACHE_WRITE_SCRIPT = """
import gc, sys, time
gc.disable()
from pathlib import Path
from kehoach.loading import cache
from kehoach.loading.plandir import load_files
cache.defer_writes()
load_files(Path(sys.argv[1]))
start = time.process_time()
cache.write_deferred()
print((time.process_time() - start) * 1000)
"""

_PARSE_TREE_SCRIPT = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""

_TYPER_APP = '''
import typer

app = typer.Typer({options})


@app.command()
def hello(name: str, count: int = 1) -> None:
    """Say hello."""
    for _ in range(count):
        print(f"hello {{name}}")


@app.command()
def bye(name: str) -> None:
    """Say goodbye."""
    print(f"bye {{name}}")


app()
'''

_ARGPARSE_APP = """
import argparse

parser = argparse.ArgumentParser(prog="app")
sub = parser.add_subparsers()
hello = sub.add_parser("hello", help="Say hello.")
hello.add_argument("name")
hello.add_argument("--count", type=int, default=1)
bye = sub.add_parser("bye", help="Say goodbye.")
bye.add_argument("name")
parser.parse_args()
"""


@dataclass
class Row:
    """One line of a results table: a figure, its baseline and their ratio."""

    section: str
    label: str
    measure: Measure
    baseline: Measure | None = None
    warm: Measure | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "section": self.section,
            "label": self.label,
            "cold" if self.warm else "value": self.measure.to_json(),
            "warm": self.warm.to_json() if self.warm else None,
            "baseline": self.baseline.to_json() if self.baseline else None,
        }


def _kehoach_argv() -> list[str]:
    """The console script next to this interpreter (what users run), else ``-m kehoach``."""
    script = Path(sys.executable).with_name("kehoach")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "kehoach"]


def _machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) // 1024 // 1024 + 1} GB"
                break
    except (OSError, ValueError):
        pass
    from importlib.metadata import PackageNotFoundError, version

    def ver(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    import yaml

    return {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "os": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "kehoach": __version__,
        "typer": ver("typer"),
        "pydantic": ver("pydantic"),
        "PyYAML": f"{ver('PyYAML')} ({'libyaml' if yaml.__with_libyaml__ else 'pure Python'})",
        "rich": ver("rich"),
        "taskwarrior": _task_version() or "not installed",
    }


def _task_version() -> str | None:
    task = shutil.which("task")
    if task is None:
        return None
    try:
        out = subprocess.run(
            [task, "--version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


CACHE_WRITING_LABEL = "parse cache written after the output (background child), CPU"
APPENDIX_ROWS = 150
APPENDIX_MAX_S = 2.0
IMPORT_DOCX_LABEL = f"kehoach import, {APPENDIX_ROWS}-row appendix table (.docx)"
IMPORT_MD_LABEL = f"kehoach import, {APPENDIX_ROWS}-row appendix table (Markdown)"


def appendix_documents(folder: Path, rows: int) -> tuple[Path, Path]:
    """A plan whose tasks are one appendix table of *rows* rows, as .docx and Markdown:
    a group row every 10 rows, a lead merged over each pair of rows, five columns."""
    import docx

    header = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    body: list[list[str]] = []
    for n in range(1, rows + 1):
        if n % 10 == 1:
            body.append([f"{(n // 10) + 1}", f"NHÓM NHIỆM VỤ {(n // 10) + 1}", "", "", ""])
        lead = f"Sở Ngành {(n + 1) // 2 % 17 + 1}" if n % 2 else ""
        body.append([f"{(n - 1) // 10 + 1}.{(n - 1) % 10 + 1}", f"Thực hiện nhiệm vụ số {n}",
                     lead, "Các sở, ban, ngành", f"Quý {n % 4 + 1}/2026"])  # fmt: skip
    lines = ["KẾ HOẠCH", "", "Thực hiện chương trình thử", "", "I. NHIỆM VỤ", ""]
    lines += [" | ".join(header), " | ".join("---" for _ in header)]
    lines += [" | ".join(r) for r in body]
    md_path = folder / "phu-luc.md"
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    document = docx.Document()
    for text in ("KẾ HOẠCH", "Thực hiện chương trình thử", "I. NHIỆM VỤ"):
        document.add_paragraph(text)
    table = document.add_table(rows=len(body) + 1, cols=len(header))
    grid = [header, *body]
    for r, cells in enumerate(grid):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text
    for r, cells in enumerate(grid):
        if r and cells[2] and r + 1 < len(grid) and not grid[r + 1][2] and grid[r + 1][3]:
            table.cell(r, 2).merge(table.cell(r + 1, 2))
    docx_path = folder / "phu-luc.docx"
    document.save(str(docx_path))
    return docx_path, md_path


class Bench:
    def __init__(self, work: Path, runs: int | None) -> None:
        self.work = work
        self.runs = runs
        self.rows: list[Row] = []
        self.kehoach = _kehoach_argv()
        self.env = dict(os.environ)
        self.env.pop("KEHOACH_NO_CACHE", None)
        # Measure what an installed kehoach does: with compiled bytecode (.pyc), which pip
        # writes at install time and Python writes on first import, unless told not to.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env["KEHOACH_CACHE_DIR"] = str(work / "cache-startup")
        self.env["COLUMNS"] = "100"
        self.imports: dict[str, list[str]] = {}

    # -- start-up -------------------------------------------------------------

    def startup(self) -> None:
        _say("start-up …")
        py = sys.executable
        typer_rich = self.work / "typer_app.py"
        typer_rich.write_text(_TYPER_APP.format(options=""), encoding="utf-8")
        typer_plain = self.work / "typer_plain.py"
        typer_plain.write_text(_TYPER_APP.format(options="rich_markup_mode=None"), encoding="utf-8")
        argparse_app = self.work / "argparse_app.py"
        argparse_app.write_text(_ARGPARSE_APP, encoding="utf-8")
        kehoach_rows = [
            ("kehoach --help", ["--help"]),
            ("kehoach --version", ["--version"]),
            (f'kehoach deadline "{DEADLINE_TEXT}"', ["deadline", DEADLINE_TEXT]),
            ("kehoach status (shipped plan, 79 tasks)", ["status", str(SHIPPED)]),
        ]
        specs = [
            Spec("python -c pass", [py, "-c", "pass"], self.env),
            Spec("argparse app --help", [py, str(argparse_app), "--help"], self.env),
            Spec(
                "minimal Typer app --help (default rich help)",
                [py, str(typer_rich), "--help"],
                self.env,
            ),
            Spec(
                "minimal Typer app --help (rich_markup_mode=None)",
                [py, str(typer_plain), "--help"],
                self.env,
            ),
            *(Spec(label, [*self.kehoach, *args], self.env) for label, args in kehoach_rows),
        ]
        results = measure_interleaved(specs, self.runs or 21)
        bare = results[0]
        self.rows.append(Row("startup", "python -c pass", bare))
        for result in results[1:]:
            self.rows.append(Row("startup", result.label, result, bare))
        for label, args in kehoach_rows:
            self.imports[label] = self._heavy_imports(args)
        fresh = {**self.env, "KEHOACH_NO_REPLAY": "1"}
        cold_shipped = self.work / "cache-shipped-cold"
        shipped = [*self.kehoach, "status", str(SHIPPED)]
        extra = measure_interleaved(
            [
                Spec("python -c pass", [py, "-c", "pass"], self.env),
                Spec(
                    "kehoach status (shipped plan), cold",
                    shipped,
                    {**self.env, "KEHOACH_CACHE_DIR": str(cold_shipped)},
                    lambda: shutil.rmtree(cold_shipped, ignore_errors=True),
                    warmup=False,
                ),
                Spec("kehoach status (shipped plan), warm, new day", shipped, fresh),
            ],
            self.runs or 11,
        )
        for result in extra[1:]:
            self.rows.append(Row("startup", result.label, result, extra[0]))
        self.appendix()

    def appendix(self) -> None:
        """`kehoach import` of a 150-row appendix table (.docx and Markdown), issue 11."""
        _say("import of a 150-row appendix …")
        docx_path, md_path = appendix_documents(self.work, APPENDIX_ROWS)
        out = self.work / "imported"
        argv = [*self.kehoach, "import", "--out", str(out), "--force"]
        specs = [
            Spec("python -c pass", [sys.executable, "-c", "pass"], self.env),
            Spec(IMPORT_DOCX_LABEL, [*argv, str(docx_path)], self.env),
            Spec(IMPORT_MD_LABEL, [*argv, str(md_path)], self.env),
        ]
        results = measure_interleaved(specs, self.runs or 5)
        for result in results[1:]:
            self.rows.append(Row("startup", result.label, result, results[0]))

    def _heavy_imports(self, args: list[str]) -> list[str]:
        """Which of pydantic, yaml, rich, ruamel, dateutil the command imports."""
        code = (
            "import sys\n"
            f"sys.argv = ['kehoach', *{args!r}]\n"
            "from kehoach.cli.app import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "heavy = {'pydantic', 'pydantic_core', 'yaml', 'rich', 'ruamel', 'dateutil'}\n"
            "found = sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in heavy})\n"
            "sys.stderr.write('IMPORTS=' + ','.join(found) + '\\n')\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            env=self.env,
            check=False,
        )
        for line in out.stderr.splitlines():
            if line.startswith("IMPORTS="):
                return [m for m in line[len("IMPORTS=") :].split(",") if m]
        return ["?"]

    # -- one plan size -------------------------------------------------------------

    def size(self, n: int) -> None:
        _say(f"{n:,} tasks: generating …")
        root = self.work / f"plan-{n}"
        if root.exists():
            shutil.rmtree(root)
        started = time.perf_counter()
        plan = generate(root, n)
        _say(
            f"{n:,} tasks: {len(plan.files)} files, {plan.bytes / 1e6:.1f} MB, generated in "
            f"{time.perf_counter() - started:.1f} s; measuring …"
        )
        section = f"{n}"
        runs = self.runs or (9 if n <= 1_000 else 5 if n <= 10_000 else 3)
        parse_spec = Spec(
            "bare CSafeLoader parse (yaml.load)",
            [sys.executable, "-c", _PARSE_SCRIPT, str(root)],
            self.env,
        )  # its untimed first run also brings the files into the OS file cache
        commands = (
            ("validate", ["validate", str(root), "--as-of", AS_OF.isoformat()]),
            ("status", ["status", str(root), "--as-of", AS_OF.isoformat()]),
            ("overdue", ["overdue", str(root), "--as-of", AS_OF.isoformat()]),
            ("report", ["report", str(root), "--quarter", QUARTER]),
        )
        self._commands(section, root, commands, parse_spec, runs)
        self._cache_writing(section, root)
        self._taskwarrior(plan, section)

    def _cache_writing(self, section: str, root: Path) -> None:
        """CPU time of writing the parse cache of *root* (what a cold run leaves to a
        background child after its output), median of three fresh processes."""
        times = []
        for run in range(3):
            folder = self.work / f"cache-writing-{section}-{run}"
            out = subprocess.run(
                [sys.executable, "-c", _CACHE_WRITE_SCRIPT, str(root)],
                capture_output=True,
                text=True,
                env={**self.env, "KEHOACH_CACHE_DIR": str(folder)},
                check=False,
            )
            shutil.rmtree(folder, ignore_errors=True)
            try:
                times.append(float(out.stdout.strip()))
            except ValueError:
                return
        m = Measure(CACHE_WRITING_LABEL, [], times, [], cpu_times_ms=times)
        self.rows.append(Row(section, CACHE_WRITING_LABEL, m))

    def _commands(
        self,
        section: str,
        root: Path,
        commands: tuple[tuple[str, list[str]], ...],
        parse_spec: Spec,
        runs: int,
    ) -> None:
        """Each command cold (empty cache folder, cache writing included), warm (same
        inputs as the run before: replayed) and warm on a new day (replay off, the
        parse cache on), interleaved with the bare parse of the same files."""
        specs = [parse_spec]
        for name, args in commands:
            argv = [*self.kehoach, *args]
            cold_dir = self.work / f"cache-cold-{section}"

            def empty(folder: Path = cold_dir) -> None:
                shutil.rmtree(folder, ignore_errors=True)

            cold_env = {**self.env, "KEHOACH_CACHE_DIR": str(cold_dir)}
            warm_dir = str(self.work / f"cache-warm-{section}")
            warm_env = {**self.env, "KEHOACH_CACHE_DIR": warm_dir}
            day_env = {**warm_env, "KEHOACH_NO_REPLAY": "1"}
            specs.append(Spec(f"{name} cold", argv, cold_env, empty, warmup=False))
            specs.append(Spec(f"{name} warm", argv, warm_env))  # its warm-up fills the cache
            specs.append(Spec(f"{name} warm, new day", argv, day_env))
        off_env = {**self.env, "KEHOACH_NO_CACHE": "1"}
        specs.append(Spec("status, cache off", [*self.kehoach, *commands[1][1]], off_env))
        results = measure_interleaved(specs, runs)
        parse = results[0]
        self.rows.append(Row(section, parse.label, parse))
        for index, (name, _) in enumerate(commands):
            cold, warm, day = results[1 + 3 * index : 4 + 3 * index]
            self.rows.append(Row(section, f"kehoach {name}", cold, parse, warm))
            self.rows.append(Row(section, f"kehoach {name}, warm, new day", day, parse))
            _say(f"  {name}: cold {cold.ms:,.0f} ms, warm {warm.ms:,.0f} ms, new day {day.ms:,.0f}")
        self.rows.append(
            Row(section, "kehoach status, cache off (KEHOACH_NO_CACHE=1)", results[-1], parse)
        )

    def grown(self, n: int) -> None:
        """The shipped plan grown to *n* tasks at its own density (bench/grow.py)."""
        root = self.work / f"grown-{n}"
        files = grow(root, n)
        _say(f"shipped plan grown to {n:,} tasks: {files} task files; measuring …")
        section = f"grown-{n}"
        parse_spec = Spec(
            "bare CSafeLoader parse (yaml.load)",
            [sys.executable, "-c", _PARSE_SCRIPT, str(root)],
            self.env,
        )
        commands = (
            ("validate", ["validate", str(root), "--as-of", AS_OF.isoformat()]),
            ("status", ["status", str(root), "--as-of", AS_OF.isoformat()]),
        )
        self._commands(section, root, commands, parse_spec, self.runs or 5)
        self._cache_writing(section, root)

    def portfolio(self, n_plans: int) -> None:
        """A portfolio of *n_plans* plans × 200 tasks sharing a registry of 300 bodies: the
        cross-plan commands, which must grow linearly with the number of plans."""
        root = self.work / f"portfolio-{n_plans}"
        if root.exists():
            shutil.rmtree(root)
        started = time.perf_counter()
        made = generate_portfolio(root, n_plans, PORTFOLIO_TASKS, PORTFOLIO_BODIES)
        _say(
            f"portfolio {n_plans} × {PORTFOLIO_TASKS}: {len(made.files)} files, "
            f"{made.bytes / 1e6:.1f} MB, generated in {time.perf_counter() - started:.1f} s; "
            "measuring …"
        )
        day = AS_OF.isoformat()
        commands = (
            ("validate", ["validate", str(root), "--as-of", day]),
            ("status", ["status", str(root), "--as-of", day]),
            ("status --by body", ["status", str(root), "--by", "body", "--as-of", day]),
            ("overdue", ["overdue", str(root), "--as-of", day]),
            ("report", ["report", str(root), "--quarter", QUARTER]),
        )
        parse_spec = Spec(  # every file of the portfolio: registries and each plan's files
            "bare CSafeLoader parse (yaml.load)",
            [sys.executable, "-c", _PARSE_TREE_SCRIPT, str(root)],
            self.env,
        )
        # three runs at either size: the 500 ÷ 50 growth is a target, and a single run of
        # a 15-second command moved it by a tenth (median of three: steadier)
        runs = self.runs or 3
        self._commands(f"portfolio-{n_plans}", root, commands, parse_spec, runs)

    def _taskwarrior(self, plan: SynthPlan, section: str) -> None:
        task = shutil.which("task")
        if task is None:
            return
        if plan.n_tasks > 10_000:  # importing 100,000 tasks into Taskwarrior takes too long
            return
        _say(f"  Taskwarrior: importing {plan.n_tasks:,} tasks …")
        data = self.work / f"taskwarrior-{plan.n_tasks}"
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir()
        rc = data / "taskrc"
        rc.write_text(
            f"data.location={data}\nconfirmation=off\nhooks=off\nnews.version=2.6.0\n"
            "verbose=nothing\n",
            encoding="utf-8",
        )
        env = {**self.env, "TASKRC": str(rc), "TASKDATA": str(data)}
        source = data / "import.json"
        source.write_text(taskwarrior_json(plan), encoding="utf-8")
        subprocess.run(
            [task, "rc.gc=on", "import", str(source)],
            env=env,
            capture_output=True,
            check=False,
        )
        for name in ("list", "summary", "overdue"):
            result = measure(f"task {name}", [task, name], env=env, runs=self.runs, expect=(0, 1))
            self.rows.append(Row(section, f"Taskwarrior task {name}", result))

    # -- output ------------------------------------------------------------------------


def _ms(m: Measure | None) -> str:
    if m is None:
        return ""
    if not m.ok:
        return "error"
    return f"{m.ms:,.0f}"


def _mb(m: Measure | None) -> str:
    if m is None or not m.ok or not m.peaks_mb:
        return ""
    return f"{m.mb:,.0f}"


def _cpu_ms(m: Measure | None) -> str:
    if m is None or not m.ok or not m.cpu_times_ms:
        return ""
    return f"{m.cpu_ms:,.0f}"


def _cpu_ratio(a: Measure | None, b: Measure | None) -> str:
    if a is None or b is None or not a.ok or not b.ok or not a.cpu_times_ms:
        return ""
    if not b.cpu_times_ms or b.cpu_ms == 0:
        return ""
    return f"{a.cpu_ms / b.cpu_ms:.2f}×"


def _ratio(a: Measure | None, b: Measure | None) -> str:
    if a is None or b is None or not a.ok or not b.ok or b.ms == 0:
        return ""
    return f"{a.ms / b.ms:.2f}×"


def startup_table(rows: list[Row], imports: dict[str, list[str]]) -> list[str]:
    out = [
        "| Command | Median ms | Peak MB | × `python -c pass` | Heavy modules imported |",
        "|---|---:|---:|---:|---|",
    ]
    for row in rows:
        if row.section != "startup":
            continue
        heavy = imports.get(row.label)
        shown = "" if heavy is None else (", ".join(heavy) if heavy else "none")
        out.append(
            f"| {row.label} | {_ms(row.measure)} | {_mb(row.measure)} | "
            f"{_ratio(row.measure, row.baseline) if row.baseline else '1.00×'} | {shown} |"
        )
    return out


def size_table(rows: list[Row]) -> list[str]:
    out = [
        "| Tasks | Command | Cold ms | Cold MB | Warm ms | Warm MB | Parse ms | Cold ÷ parse "
        "| Warm ÷ parse | Cold CPU ms | Cold CPU ÷ parse CPU |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if row.section == "startup":
            continue
        if row.section.startswith("grown-"):
            n = f"{int(row.section.removeprefix('grown-')):,} (shipped plan grown)"
        elif row.section.startswith("portfolio-"):
            plans = int(row.section.removeprefix("portfolio-"))
            n = f"{plans * PORTFOLIO_TASKS:,} ({plans} plans × {PORTFOLIO_TASKS})"
        else:
            n = f"{int(row.section):,}"
        if row.warm is None and row.baseline is None:
            out.append(
                f"| {n} | {row.label} | {_ms(row.measure)} | {_mb(row.measure)} | | | | | | "
                f"{_cpu_ms(row.measure)} | |"
            )
            continue
        out.append(
            f"| {n} | {row.label} | {_ms(row.measure)} | {_mb(row.measure)} | {_ms(row.warm)} | "
            f"{_mb(row.warm)} | {_ms(row.baseline)} | {_ratio(row.measure, row.baseline)} | "
            f"{_ratio(row.warm, row.baseline)} | {_cpu_ms(row.measure)} | "
            f"{_cpu_ratio(row.measure, row.baseline)} |"
        )
    return out


def _find(rows: list[Row], section: str, label: str) -> Row | None:
    for row in rows:
        if row.section == section and row.label == label:
            return row
    return None


def targets(rows: list[Row]) -> list[str]:
    """Each target of issue 16: its ratio, met or missed, and by how much."""
    lines: list[str] = []

    def verdict(name: str, value: float | None, limit: float, unit: str = "×") -> None:
        if value is None:
            lines.append(f"- {name}: not measured")
            return
        met = value <= limit
        word = "met" if met else f"**missed** by {value / limit - 1:.0%}"
        lines.append(f"- {name}: {value:.2f}{unit} (limit {limit:g}{unit}) — {word}")

    def ratio(a: Measure | None, b: Measure | None) -> float | None:
        if a is None or b is None or not a.ok or not b.ok or b.ms == 0:
            return None
        return a.ms / b.ms

    row = _find(rows, "startup", "kehoach status (shipped plan, 79 tasks)")
    verdict(
        "`kehoach status` on the shipped plan ÷ `python -c pass`",
        ratio(row.measure, row.baseline) if row else None,
        SHIPPED_STATUS_MAX,
    )
    for label in ("kehoach --help", "kehoach --version", f'kehoach deadline "{DEADLINE_TEXT}"'):
        row = _find(rows, "startup", label)
        verdict(
            f"`{label}` ÷ `python -c pass`",
            ratio(row.measure, row.baseline) if row else None,
            STARTUP_MAX,
        )
    tw = {name: _find(rows, "10000", f"Taskwarrior task {name}") for name in ("summary", "overdue")}
    pairs = (
        ("status", "summary", WARM_MAX),
        ("overdue", "overdue", WARM_MAX),
        ("report", "summary", WARM_REPORT_MAX),
    )
    for name, task_name, limit in pairs:
        own = _find(rows, "10000", f"kehoach {name}")
        other = tw[task_name]
        if other is not None and other.measure.ok:
            verdict(
                f"warm `{name}`, 10,000 tasks ÷ Taskwarrior `task {task_name}`, 10,000 tasks",
                ratio(own.warm, other.measure) if own else None,
                limit,
            )
        else:
            verdict(
                f"warm `{name}`, 10,000 tasks ÷ bare parse (Taskwarrior not installed)",
                ratio(own.warm, own.baseline) if own else None,
                WARM_PARSE_MAX,
            )
    for section, what in (("10000", "synthetic, 100 per file"), (f"grown-{GROWN_SIZE}", "grown")):
        writing = _find(rows, section, CACHE_WRITING_LABEL)
        for name in ("validate", "status"):
            row = _find(rows, section, f"kehoach {name}")
            verdict(
                f"cold `{name}`, 10,000 tasks ({what}) ÷ bare parse, cache writing included",
                ratio(row.measure, row.baseline) if row else None,
                COLD_MAX,
            )
            if row is None or not row.measure.cpu_times_ms or row.baseline is None:
                continue
            base = row.baseline.cpu_ms
            cpu = row.measure.cpu_ms
            note = f"  - CPU time (user + system): {cpu / base:.2f}× the parse's"
            if writing is not None and writing.measure.ok:
                extra = writing.measure.cpu_ms
                note += (
                    f"; with the parse cache the background child writes after the output "
                    f"({extra:,.0f} ms, not in the wall time): {(cpu + extra) / base:.2f}×"
                )
            lines.append(note)
    for name in ("validate", "status", "overdue", "report"):
        big = _find(rows, "100000", f"kehoach {name}")
        small = _find(rows, "10000", f"kehoach {name}")
        if big is None or small is None:
            lines.append(f"- `{name}` growth 10,000 → 100,000 tasks: not measured (size skipped)")
            continue
        verdict(
            f"cold `{name}` growth, 100,000 ÷ 10,000 tasks",
            ratio(big.measure, small.measure),
            GROWTH_MAX,
        )
        verdict(
            f"warm `{name}` growth, 100,000 ÷ 10,000 tasks", ratio(big.warm, small.warm), GROWTH_MAX
        )
        big_day = _find(rows, "100000", f"kehoach {name}, warm, new day")
        small_day = _find(rows, "10000", f"kehoach {name}, warm, new day")
        if big_day and small_day:
            verdict(
                f"warm (new day) `{name}` growth, 100,000 ÷ 10,000 tasks",
                ratio(big_day.measure, small_day.measure),
                GROWTH_MAX,
            )
    small_p, big_p = (f"portfolio-{n}" for n in PORTFOLIO_PLANS)
    by_body = _find(rows, small_p, "kehoach status --by body")
    summary = tw["summary"]
    if summary is not None and summary.measure.ok:
        verdict(
            f"portfolio {PORTFOLIO_PLANS[0]} × {PORTFOLIO_TASKS}: warm `status --by body` ÷ "
            "Taskwarrior `task summary`, 10,000 tasks",
            ratio(by_body.warm, summary.measure) if by_body else None,
            WARM_MAX,
        )
    scale = PORTFOLIO_PLANS[1] / PORTFOLIO_PLANS[0]
    for name in ("validate", "status", "status --by body", "overdue", "report"):
        for suffix, what in (("", "cold"), (", warm, new day", "warm (new day)")):
            big = _find(rows, big_p, f"kehoach {name}{suffix}")
            small = _find(rows, small_p, f"kehoach {name}{suffix}")
            if big is None or small is None:
                lines.append(f"- portfolio `{name}` {what} growth: not measured")
                continue
            verdict(
                f"{what} `{name}` on a portfolio, {PORTFOLIO_PLANS[1]} ÷ {PORTFOLIO_PLANS[0]} "
                f"plans of {PORTFOLIO_TASKS} tasks (linear: {scale:g}×)",
                ratio(big.measure, small.measure),
                GROWTH_MAX,
            )
    parse_big = _find(rows, "100000", "bare CSafeLoader parse (yaml.load)")
    parse_small = _find(rows, "10000", "bare CSafeLoader parse (yaml.load)")
    if parse_big and parse_small:
        value = ratio(parse_big.measure, parse_small.measure)
        lines.append(
            f"- (for reference) bare parse growth, 100,000 ÷ 10,000 tasks: {value:.2f}×"
            if value
            else "- bare parse growth: not measured"
        )
    for label in (IMPORT_DOCX_LABEL, IMPORT_MD_LABEL):
        row = _find(rows, "startup", label)
        seconds = row.measure.ms / 1000 if row and row.measure.ok else None
        verdict(f"`{label}`, seconds", seconds, APPENDIX_MAX_S, " s")
    for size, limit in MEMORY_MAX_MB.items():
        peak = 0.0
        for row in rows:
            same_size = (
                str(size),
                f"grown-{size}",
                f"portfolio-{size // PORTFOLIO_TASKS}",
            )
            if row.section not in same_size or not row.label.startswith("kehoach "):
                continue
            for m in (row.measure, row.warm):
                if m is not None and m.ok:
                    peak = max(peak, m.mb)
        verdict(
            f"peak memory, {size:,} tasks (largest of all commands)", peak or None, limit, " MB"
        )
    return lines


def write_results(
    out_dir: Path, machine: dict[str, str], bench: Bench, sizes: list[int], elapsed: float
) -> str:
    body = [
        "# kehoach benchmark results",
        "",
        f"Generated by `make bench` (`python -m kehoach.bench`) on {machine['date']}, "
        f"in {elapsed / 60:.1f} minutes.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in machine.items() if key != "date"),
        "",
        "## Start-up (commands that load no plan)",
        "",
        "Median of repeated runs, each a fresh process.",
        "",
        *startup_table(bench.rows, bench.imports),
        "",
        "## Loading and reporting on synthetic plans",
        "",
        f"Sizes: {', '.join(f'{n:,}' for n in sizes)} tasks, 100 per body file, and the "
        f"shipped plan grown to {GROWN_SIZE:,} tasks (4–5 per body file, as in real plans). "
        "Cold: empty cache folder (includes writing the cache); warm: the same command "
        "run before with the same inputs (its output is replayed); warm, new day: replay "
        "off (`KEHOACH_NO_REPLAY=1`), the parse cache filled by an earlier run. "
        "Parse: `yaml.load(…, Loader=CSafeLoader)` of the same files in a fresh process. "
        f"Commands run `--as-of {AS_OF.isoformat()}` (report: `--quarter {QUARTER}`). "
        "Peak MB is the maximum resident set size of the command alone, read by a "
        "small launcher process (bench/runner.py). Portfolios: N plans × "
        f"{PORTFOLIO_TASKS} tasks in `plans/<id>/`, a shared registry of {PORTFOLIO_BODIES} "
        "bodies and shared events (no local registries); the commands run on the root.",
        "",
        *size_table(bench.rows),
        "",
        "## Targets (issue 16)",
        "",
        *targets(bench.rows),
        "",
    ]
    text = "\n".join(body)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "latest.md").write_text(text, encoding="utf-8")
    data = {
        "machine": machine,
        "sizes": sizes,
        "imports": bench.imports,
        "rows": [row.to_json() for row in bench.rows],
    }
    (out_dir / "latest.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return text


def _sizes(text: str | None) -> list[int]:
    if not text:
        return list(DEFAULT_SIZES)
    return [int(part.replace("_", "")) for part in text.split(",") if part.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kehoach.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--sizes",
        default=os.environ.get("KEHOACH_BENCH_SIZES"),
        help="comma-separated task counts (default 1000,10000,100000; env KEHOACH_BENCH_SIZES)",
    )
    parser.add_argument("--runs", type=int, default=None, help="timed runs per command")
    parser.add_argument("--out", default="bench-results", help="folder for latest.md/json")
    parser.add_argument("--keep", action="store_true", help="keep the generated plans")
    parser.add_argument(
        "--no-grown", action="store_true", help="skip the shipped plan grown to 10,000 tasks"
    )
    parser.add_argument(
        "--portfolios",
        default=os.environ.get(
            "KEHOACH_BENCH_PORTFOLIOS", ",".join(str(n) for n in PORTFOLIO_PLANS)
        ),
        help=f"comma-separated plan counts of the portfolios ({PORTFOLIO_TASKS} tasks each, "
        f"{PORTFOLIO_BODIES} shared bodies; default 50,500; empty to skip)",
    )
    args = parser.parse_args(argv)
    sizes = _sizes(args.sizes)
    out_dir = Path(args.out)
    tmp_parent = out_dir / "tmp"
    tmp_parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="run-", dir=tmp_parent)).resolve()
    started = time.perf_counter()
    machine = _machine()
    bench = Bench(work, args.runs)
    try:
        bench.startup()
        for n in sizes:
            bench.size(n)
        if not args.no_grown:
            bench.grown(GROWN_SIZE)
        for n_plans in _sizes(args.portfolios) if args.portfolios != "" else []:
            bench.portfolio(n_plans)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    text = write_results(out_dir, machine, bench, sizes, time.perf_counter() - started)
    print(text)
    _say(f"written: {out_dir / 'latest.md'}, {out_dir / 'latest.json'}")
    return 0
