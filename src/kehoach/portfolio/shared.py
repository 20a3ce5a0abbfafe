"""The registries a portfolio's plans share: ``kehoach.yaml``, ``bodies.yaml``, ``events.yaml``.

Loaded once per process and portfolio (a portfolio of 500 plans must not parse the
shared registry 500 times); the memo is keyed by the files' size and modification
time, so an edit made by this same process is seen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kehoach.errors import Problem
from kehoach.loading.cache import FileCache
from kehoach.loading.plandir import display_path, load_model
from kehoach.loading.positions import PosDict
from kehoach.messages import text as message_text
from kehoach.model import BodiesFile, Body, Event, EventsFile
from kehoach.portfolio.config import PortfolioConfig
from kehoach.portfolio.layout import BODIES_FILE, CONFIG_FILE, EVENTS_FILE


@dataclass
class Shared:
    """What every plan of one portfolio inherits."""

    root: Path
    config: PortfolioConfig | None
    bodies: list[Body]
    events: list[Event]
    config_path: str
    bodies_path: str
    events_path: str | None
    raw: dict[str, PosDict | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def body_ids(self) -> set[str]:
        return {body.id for body in self.bodies}

    @property
    def event_ids(self) -> set[str]:
        return {event.id for event in self.events}


_memo: dict[Path, tuple[tuple[tuple[int, int], ...], Shared]] = {}


def _stamp(root: Path) -> tuple[tuple[int, int], ...]:
    out = []
    for name in (CONFIG_FILE, BODIES_FILE, EVENTS_FILE):
        try:
            st = (root / name).stat()
            out.append((st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((-1, -1))
    return tuple(out)


def load_shared(root: Path, *, use_cache: bool = True) -> Shared:
    """The shared registries of the portfolio at *root*, with their problems."""
    key = root.resolve()
    stamp = _stamp(root)
    hit = _memo.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    shared = _load(root, use_cache)
    _memo[key] = (stamp, shared)
    return shared


def forget() -> None:
    """Drop the memo (after this process rewrote a shared file within one tick)."""
    _memo.clear()


def _load(root: Path, use_cache: bool) -> Shared:
    from kehoach.loading.cache import enabled

    cache = FileCache.for_plan(root, "shared") if use_cache and enabled() else None
    try:
        return _load_files(root, cache)
    finally:
        if cache is not None:
            cache.finish()


def _load_files(root: Path, cache: FileCache | None) -> Shared:
    problems: list[Problem] = []
    raw: dict[str, PosDict | None] = {}
    config_loaded, found = load_model(root / CONFIG_FILE, PortfolioConfig, cache)
    problems += found
    raw[config_loaded.path] = config_loaded.raw
    bodies: list[Body] = []
    bodies_path = display_path(root / BODIES_FILE)
    if (root / BODIES_FILE).is_file():
        loaded, found = load_model(root / BODIES_FILE, BodiesFile, cache)
        problems += found
        raw[loaded.path] = loaded.raw
        if loaded.model is not None:
            bodies = list(loaded.model.bodies)
    else:
        problems.append(
            Problem(
                bodies_path,
                0,
                0,
                message_text("missing-shared-bodies", bodies_file=BODIES_FILE),
                "missing-file",
            )
        )
    events: list[Event] = []
    events_path: str | None = None
    if (root / EVENTS_FILE).is_file():
        loaded, found = load_model(root / EVENTS_FILE, EventsFile, cache)
        problems += found
        raw[loaded.path] = loaded.raw
        events_path = loaded.path
        if loaded.model is not None:
            events = list(loaded.model.events)
    return Shared(
        root=root,
        config=config_loaded.model,
        bodies=bodies,
        events=events,
        config_path=config_loaded.path,
        bodies_path=bodies_path,
        events_path=events_path,
        raw=raw,
        problems=problems,
    )
