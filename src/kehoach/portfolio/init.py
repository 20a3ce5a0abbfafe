"""``kehoach init``: a new portfolio folder with everything an office needs to start.

Writes ``kehoach.yaml``, the shared ``bodies.yaml`` and ``events.yaml``, ``plans/``,
``schemas/``, a README for the office, ``.gitignore``, ``.pre-commit-config.yaml`` and
CI workflows for GitHub Actions and GitLab CI. Never overwrites a file: an existing
one is kept and reported, so ``init`` can be re-run to add what is missing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from kehoach import __version__
from kehoach.atomic import write_atomic
from kehoach.errors import InputError
from kehoach.messages import os_reason
from kehoach.messages import text as message_text
from kehoach.portfolio.layout import BODIES_FILE, CONFIG_FILE, EVENTS_FILE, PLANS_DIR

DEFAULT_OFFICE = "Văn phòng Tỉnh ủy"
DEFAULT_PIP = f"kehoach=={__version__}"

# Template file in the package → where it goes in the portfolio.
_TARGETS: tuple[tuple[str, str], ...] = (
    ("kehoach.yaml", CONFIG_FILE),
    ("bodies.yaml", BODIES_FILE),
    ("events.yaml", EVENTS_FILE),
    ("README.md", "README.md"),
    ("gitignore", ".gitignore"),
    ("pre-commit-config.yaml", ".pre-commit-config.yaml"),
    ("github-workflow.yml", ".github/workflows/kehoach.yml"),
    ("gitlab-ci.yml", ".gitlab-ci.yml"),
)


@dataclass
class InitResult:
    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    page: str = "html"  # what the CI publishes: "html" or "markdown"


def html_status_available() -> bool:
    """Does ``kehoach status`` render HTML for a portfolio root? (The CI's page uses it
    when it does, else the Markdown status in a bare HTML page.)"""
    from kehoach.render.portfolio import STATUS_FORMATS

    return "html" in STATUS_FORMATS


_QUARTER = 'Q="$(date +%Y)-Q$(( ($(date +%-m) + 2) / 3 ))"'


def page_commands(html: bool) -> list[str]:
    """Shell lines that fill ``public/`` with the status page (and this quarter's report)."""
    if html:
        lines = ["kehoach status . --format html > public/index.html"]
    else:  # no HTML renderer: the Markdown status inside a bare HTML page, and the report
        lines = [
            "{ echo '<!doctype html><meta charset=\"utf-8\"><title>Tình hình</title><pre>';"
            " kehoach status . --format markdown | sed 's/&/\\&amp;/g; s/</\\&lt;/g';"
            " echo '</pre>'; } > public/index.html",
        ]
    lines += [_QUARTER, 'kehoach report . --quarter "$Q" -o public/bao-cao.md']
    return lines


def _yaml_scalar(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML scalar


def render_templates(office: str, pip: str, html: bool) -> dict[str, str]:
    """Relative path → text of every templated file."""
    commands = page_commands(html)
    github = "\n".join(f"          {line}" for line in commands)
    gitlab = "\n".join(f"    - {_yaml_scalar(line)}" for line in commands)
    out = {}
    base = files("kehoach.portfolio") / "templates"
    for name, target in _TARGETS:
        text = (base / name).read_text(encoding="utf-8")
        office_text = _yaml_scalar(office) if name == "kehoach.yaml" else office
        text = (
            text.replace("@@OFFICE@@", office_text)
            .replace("@@PIP@@", pip.replace('"', ""))
            .replace("@@PAGE_GITHUB@@", github)
            .replace("@@PAGE_GITLAB@@", gitlab)
            .replace("@@PAGE_KIND@@", "trang HTML" if html else "bảng Markdown")
        )
        out[target] = text
    return out


def init_portfolio(
    root: Path, *, office: str = DEFAULT_OFFICE, pip: str = DEFAULT_PIP
) -> InitResult:
    """Create the portfolio at *root* (made if missing); existing files are kept."""
    from kehoach.schema import schema_documents

    if root.exists() and not root.is_dir():
        raise InputError(message_text("init-not-a-folder", root=root))
    if (root / "plan.yaml").is_file():
        raise InputError(message_text("init-inside-plan", root=root))
    office = office.strip()
    if not office:
        raise InputError(message_text("init-no-office"))
    html = html_status_available()
    result = InitResult(root, page="html" if html else "markdown")
    texts = render_templates(office, pip, html)
    texts.update({f"schemas/{n}": t for n, t in schema_documents().items()})
    texts[f"{PLANS_DIR}/.gitkeep"] = ""
    try:
        for rel, text in texts.items():
            path = root / rel
            if path.exists():
                result.kept.append(rel)
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, text)
            result.created.append(rel)
    except OSError as exc:
        raise InputError(
            message_text("init-write-failed", root=root, reason=os_reason(exc))
        ) from exc
    return result
