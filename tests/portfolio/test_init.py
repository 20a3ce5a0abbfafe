"""``kehoach init``: the files it writes, that it never overwrites, and valid CI templates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kehoach.errors import InputError
from kehoach.portfolio.checks import validate_portfolio
from kehoach.portfolio.init import init_portfolio, page_commands
from kehoach.portfolio.layout import locate
from kehoach.portfolio.shared import load_shared
from tests.conftest import SHIPPED

EXPECTED = {
    "kehoach.yaml",
    "bodies.yaml",
    "events.yaml",
    "README.md",
    ".gitignore",
    ".pre-commit-config.yaml",
    ".github/workflows/kehoach.yml",
    ".gitlab-ci.yml",
    "plans/.gitkeep",
    "schemas/plan.schema.json",
    "schemas/bodies.schema.json",
    "schemas/events.schema.json",
    "schemas/tasks.schema.json",
}


@pytest.fixture(scope="module")
def portfolio(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "kehoach-tinh-uy"
    result = init_portfolio(root, office="Văn phòng Tỉnh ủy Quảng Trị", pip="kehoach==9.9")
    assert set(result.created) == EXPECTED and result.kept == []
    return root


def test_creates_a_valid_empty_portfolio(portfolio: Path) -> None:
    assert locate(portfolio).kind == "portfolio"
    shared = load_shared(portfolio)
    assert shared.problems == []
    assert shared.config is not None and shared.config.office == "Văn phòng Tỉnh ủy Quảng Trị"
    assert shared.config.cutoff == "calendar" and shared.config.lead_time_days == 90
    _, problems = validate_portfolio(portfolio, __import__("datetime").date(2024, 1, 1))
    assert problems == []
    readme = (portfolio / "README.md").read_text(encoding="utf-8")
    assert "Văn phòng Tỉnh ủy Quảng Trị" in readme and "kehoach import" in readme


def test_never_overwrites(portfolio: Path, tmp_path: Path) -> None:
    root = tmp_path / "pf"
    init_portfolio(root)
    (root / "README.md").write_text("của văn phòng\n", encoding="utf-8")
    (root / ".gitlab-ci.yml").unlink()
    again = init_portfolio(root)
    assert again.created == [".gitlab-ci.yml"]
    assert (root / "README.md").read_text(encoding="utf-8") == "của văn phòng\n"


def test_refuses_a_plan_directory_and_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="thư mục kế hoạch"):
        init_portfolio(SHIPPED)
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="không phải là thư mục"):
        init_portfolio(tmp_path / "f")


def _check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("schema", "name"),
    [
        ("vendor.github-workflows", ".github/workflows/kehoach.yml"),
        ("vendor.gitlab-ci", ".gitlab-ci.yml"),
    ],
)
def test_ci_templates_pass_their_schemas(
    portfolio: Path, tmp_path: Path, schema: str, name: str
) -> None:
    done = _check_jsonschema(schema, portfolio / name)
    assert done.returncode == 0, done.stdout + done.stderr
    # the checker does reject a broken file of the same kind
    broken = tmp_path / "broken.yml"
    data = yaml.safe_load((portfolio / name).read_text(encoding="utf-8"))
    if "jobs" in data:
        data["jobs"]["validate"]["steps"] = "kehoach validate"  # steps must be a list
    else:
        data["pages"]["artifacts"] = "public"  # artifacts must be a mapping
    broken.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert _check_jsonschema(schema, broken).returncode != 0


def test_ci_runs_validate_with_annotations_and_publishes_the_page(portfolio: Path) -> None:
    github = yaml.safe_load((portfolio / ".github/workflows/kehoach.yml").read_text("utf-8"))
    assert github["env"]["KEHOACH_PIP"] == "kehoach==9.9"
    runs = [step.get("run", "") for step in github["jobs"]["validate"]["steps"]]
    assert "kehoach validate . --format github" in runs
    page = next(s["run"] for s in github["jobs"]["pages"]["steps"] if "public" in s.get("run", ""))
    assert page.split("\n")[1:-1] == page_commands(_html())
    assert github["jobs"]["pages"]["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    gitlab = yaml.safe_load((portfolio / ".gitlab-ci.yml").read_text("utf-8"))
    assert "kehoach validate . --format github" in gitlab["validate"]["script"]
    assert gitlab["pages"]["script"] == ["mkdir -p public", *page_commands(_html())]
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]
    hook = yaml.safe_load((portfolio / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hook["repos"][0]["hooks"][0]["entry"] == "kehoach validate . --changed"


def _html() -> bool:
    from kehoach.portfolio.init import html_status_available

    return html_status_available()
