#!/usr/bin/env python3
"""Apply each breakage listed in issue 10, one at a time, run the focused tests, revert.

Prints CAUGHT or SURVIVED per breakage (docs/states.md records the last run). Run from a
clean work tree: `.venv/bin/python scripts/issue10_breakages.py [NUMBER ...]`.
"""
import pathlib, subprocess, sys, time
ROOT = pathlib.Path(__file__).resolve().parents[1]
B = [
 ("parent's own deadline ignored in the roll-up", "src/kehoach/evaluation/evaluate.py", "    if own:\n        members.append(parent)", "    if False:\n        members.append(parent)"),
 ("reopening keeps the old done date", "src/kehoach/evaluation/evaluate.py", "        if update.status is not Status.DONE:\n            done_since = None", "        if update.status is not Status.DONE:\n            pass"),
 ("update on a period's first day not counting for it", "src/kehoach/deadline/resolve.py", "        if occurrence.period_start > day:", "        if occurrence.period_start >= day:"),
 ("update on first day of a period not counting (ongoing tasks)", "src/kehoach/evaluation/evaluate.py", "fresh = any(day >= window for day in updates)", "fresh = any(day > window for day in updates)"),
 ("update on the next period's first day counting for this one", "src/kehoach/evaluation/report_periods.py", "        end = month_end(year, last_month)", "        end = month_end(year, last_month) + dt.timedelta(days=1)"),
 ("stopped sub-task blocking a done parent", "src/kehoach/evaluation/evaluate.py", "    members = [c for c in children if c.state is not State.STOPPED]", "    members = list(children)"),
 ("task due today left out of --within", "src/kehoach/evaluation/counting.py", "if _open(s) and s.due is not None and evaluation.as_of <= s.due <= end", "if _open(s) and s.due is not None and evaluation.as_of < s.due <= end"),
 ("on-demand tasks shown as open", "src/kehoach/evaluation/evaluate.py", "        if kind == \"on_demand\":\n            result.state = State.ONGOING", "        if kind == \"on_demand\":\n            result.state = State.OPEN"),
 ("from task not due on its own start day", "src/kehoach/evaluation/evaluate.py", "if rule.start is not None and self.as_of < rule.start:", "if rule.start is not None and self.as_of <= rule.start:"),
 ("sub-task no longer inheriting its parent's deadline", "src/kehoach/applicable_rule.py", "    if entry.parent is not None:", "    if False:"),
 ("section default not inherited from an enclosing section", "src/kehoach/loaded_plan.py", "            path = path.rpartition(\".\")[0]", "            path = \"\""),
 ("completion on a period's last day dropped from the report", "src/kehoach/evaluation/counting.py", "            elif u.state.done and u.done_on is not None and start <= u.done_on <= end:", "            elif u.state.done and u.done_on is not None and start <= u.done_on < end:"),
 ("deadline_rule ignored in favour of the text", "src/kehoach/applicable_rule.py", "    if task.deadline_rule is not None:", "    if task.deadline_rule is not None and not task.deadline:"),
 ("cache fingerprint no longer covering the model's code", "src/kehoach/loading/cache.py", "sources = sorted(here.glob(\"*.py\")) + sorted((here.parent / \"model\").glob(\"*.py\"))", "sources = sorted(here.glob(\"*.py\"))"),
 ("quarter-end computation broken (used to hang)", "src/kehoach/deadline/periods.py", "def quarter_end(year: int, quarter: int) -> dt.date:\n    return month_end(year, 3 * quarter)", "def quarter_end(year: int, quarter: int) -> dt.date:\n    return quarter_start(year, quarter) - dt.timedelta(days=1)"),
 ("labelled parts not tracked (a task judged by its earliest part only)", "src/kehoach/evaluation/evaluate.py", "        parts = labelled_parts(rule)\n", "        parts = labelled_parts(rule)[:0]\n"),
 ("sub-tasks and their occurrences left out of the report's lists", "src/kehoach/evaluation/counting.py", "    if not state.entry.children:\n        return [state]", "    if True:\n        return [state]"),
 ("the day after a part's due still inferred for that part", "src/kehoach/deadline/resolve.py", "next((p for p in parts if day <= p.due)", "next((p for p in parts if day <= p.due + dt.timedelta(days=1))"),
]
TESTS = ["tests/evaluation", "tests/checks", "tests/app", "tests/loading/test_fingerprint.py", "tests/cli/test_commands.py", "tests/deadline",
         "tests/edit/test_update_table.py", "tests/edit/test_labelled_parts.py", "tests/render/test_report_lists.py"]
only = sys.argv[1:]
for i, (name, path, old, new) in enumerate(B, 1):
    if only and str(i) not in only:
        continue
    p = ROOT / path
    src = p.read_text()
    assert src.count(old) == 1, (name, src.count(old))
    p.write_text(src.replace(old, new))
    try:
        t = time.time()
        r = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "pytest", "-x", "-q", "-p", "no:randomly", *TESTS],
                           cwd=ROOT, capture_output=True, text=True, timeout=900)
        first = next((l for l in r.stdout.splitlines() if l.startswith("FAILED")), "")
        print(f"{i:2} {'CAUGHT' if r.returncode else 'SURVIVED'} ({time.time()-t:.0f}s) {name} :: {first[:150]}", flush=True)
    finally:
        p.write_text(src)
