"""Problems as plain lines, GitHub Actions annotations or JSON."""

from __future__ import annotations

import json

from kehoach.errors import Problem


def _github_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def render_problems(problems: list[Problem], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(
            [
                {
                    "path": p.path,
                    "line": p.line,
                    "col": p.col,
                    "message": p.message,
                    "code": p.code,
                    "severity": p.severity,
                }
                for p in problems
            ],
            ensure_ascii=False,
            indent=2,
        )
    if fmt == "github":
        lines = []
        for p in problems:
            where = f"file={_github_escape(p.path, prop=True)}"
            if p.line:
                where += f",line={p.line},col={p.col}"
            kind = "warning" if p.is_warning else "error"
            lines.append(f"::{kind} {where}::{_github_escape(p.message)}")
        return "\n".join(lines)
    return "\n".join(p.render() for p in problems)
