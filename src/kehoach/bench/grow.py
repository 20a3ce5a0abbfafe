"""The shipped plan grown to a province's size, at the density real plans have.

Real plans have a few tasks per body file (the shipped one: 79 tasks in 18 files),
so a 10,000-task portfolio of such plans is thousands of small files — where the
per-file costs (opening, hashing, cache entries) dominate, unlike the synthetic
plans of :mod:`kehoach.bench.synth` with 100 tasks per file. ``grow(root, n)``
copies the shipped plan's task files until *n* tasks: copy *k* renames every body
``X`` to ``X-kK`` (registered in bodies.yaml with a numbered name) and prefixes every
task id and task reference with ``kK.``; partners, events and sections stay shared,
so the grown plan is valid and evaluates like *k* offices following the same plan.
"""

from __future__ import annotations

import re
import shutil
from functools import partial
from pathlib import Path

import yaml

SHIPPED = Path(__file__).resolve().parents[3] / "plan"
_ID = re.compile(r"^(\s*- id: )(\S+)$", re.MULTILINE)
_BODY = re.compile(r"^body: (\S+)$", re.MULTILINE)
_TASK_REFS = re.compile(r"^(\s*tasks: \[)([^\]]*)(\])$", re.MULTILINE)


def _count(text: str) -> int:
    return len(_ID.findall(text))


def _prefixed_refs(match: re.Match[str], prefix: str) -> str:
    refs = ", ".join(prefix + ref.strip() for ref in match.group(2).split(","))
    return f"{match.group(1)}{refs}{match.group(3)}"


def grow(root: Path, n_tasks: int, source: Path = SHIPPED) -> int:
    """Write the grown plan to *root*; returns the number of task files."""
    if root.exists():
        shutil.rmtree(root)
    (root / "tasks").mkdir(parents=True)
    for name in ("plan.yaml", "events.yaml"):
        shutil.copy(source / name, root / name)
    bodies_text = (source / "bodies.yaml").read_text(encoding="utf-8")
    registry = yaml.safe_load(bodies_text)["bodies"]
    by_id = {entry["id"]: entry for entry in registry}
    files = sorted((source / "tasks").glob("*.yaml"))
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in files]
    written = sum(_count(text) for _, text in texts)
    for name, text in texts:
        (root / "tasks" / name).write_text(text, encoding="utf-8")
    extra: list[str] = []
    copy = 0
    n_files = len(files)
    while written < n_tasks:
        copy += 1
        prefix = f"k{copy}."
        for name, text in texts:
            if written >= n_tasks:
                break
            body = _BODY.search(text)
            assert body is not None
            new_body = f"{body.group(1)}-k{copy}"
            out = _BODY.sub(f"body: {new_body}", text, count=1)
            out = _ID.sub(rf"\g<1>{prefix}\g<2>", out)
            out = _TASK_REFS.sub(partial(_prefixed_refs, prefix=prefix), out)
            (root / "tasks" / f"{Path(name).stem}-k{copy}.yaml").write_text(out, encoding="utf-8")
            n_files += 1
            written += _count(out)
            entry = by_id[body.group(1)]
            extra.append(f"  - id: {new_body}\n    name: {entry['name']} (bản {copy})\n")
    (root / "bodies.yaml").write_text(
        bodies_text.rstrip("\n") + "\n" + "".join(extra), encoding="utf-8"
    )
    return n_files
