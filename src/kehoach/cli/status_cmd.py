"""``kehoach status``: counts per state and body, as of a day."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kehoach.cli.common import (
    AsOf,
    NoCache,
    PlanDir,
    as_of_date,
    choice,
    handled,
    is_terminal,
    load_valid_plan,
    use_cache,
)

FORMATS = ("table", "json", "markdown", "csv")
Cutoff = Annotated[
    str,
    typer.Option(
        "--cutoff",
        metavar="KỲ",
        help="calendar (kỳ theo lịch) | nd09 (kỳ chốt số liệu NĐ 09/2019).",
    ),
]
Lang = Annotated[str, typer.Option("--lang", metavar="NGÔN_NGỮ", help="vi | en")]
BodyOpt = Annotated[
    str | None,
    typer.Option("--body", metavar="MÃ", help="Chỉ một cơ quan (mã hoặc tên).", show_default=False),
]


def resolve_body(plan: object, body: str | None) -> str | None:
    from kehoach.cli.common import fail
    from kehoach.plan import Plan

    assert isinstance(plan, Plan)
    if body is None:
        return None
    resolved = plan.bodies.resolve_typed(body)
    if resolved is None:
        from difflib import get_close_matches

        close = get_close_matches(body, list(plan.bodies.by_id), n=1)
        hint = f" Có phải ý bạn là '{close[0]}'?" if close else ""
        fail(f"Không có cơ quan '{body}' trong danh mục.{hint}")
    return resolved


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        plan_dir: PlanDir = Path("plan"),
        as_of: AsOf = None,
        no_cache: NoCache = False,
        body: BodyOpt = None,
        fmt: Annotated[
            str,
            typer.Option("--format", "-f", metavar="DẠNG", help="table | json | markdown | csv"),
        ] = "table",
        cutoff: Cutoff = "calendar",
        lang: Lang = "vi",
    ) -> None:
        """Tình hình thực hiện theo cơ quan: số nhiệm vụ theo từng tình trạng."""
        choice(fmt, FORMATS, "--format")
        choice(cutoff, ("calendar", "nd09"), "--cutoff")
        choice(lang, ("vi", "en"), "--lang")
        use_cache(not no_cache)
        with handled():
            from kehoach.evaluation.status import evaluate
            from kehoach.render import status as render

            day = as_of_date(as_of)
            plan = load_valid_plan(plan_dir, day)
            body_id = resolve_body(plan, body)
            evaluation = evaluate(plan, day, cutoff=cutoff)
            if fmt == "json":
                typer.echo(render.render_json(evaluation, body_id))
            elif fmt == "csv":
                typer.echo(render.render_csv(evaluation, body_id))
            elif fmt == "markdown":
                typer.echo(render.render_markdown(evaluation, body_id, lang))
            else:
                typer.echo(render.render_table(evaluation, body_id, lang=lang, color=is_terminal()))
