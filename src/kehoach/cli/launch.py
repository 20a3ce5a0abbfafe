"""The ``kehoach`` console script: answer what needs no plan or no new work at once.

``--version`` is printed without importing anything, and a read-only command whose
inputs have not changed since the last run is replayed from :mod:`kehoach.cli.replay`;
everything else goes to the Typer application (:mod:`kehoach.cli.app`), imported
only then. New entries of the parse cache (:mod:`kehoach.loading.cache`) are written
after the command's output is out, by a child process, so the user does not wait
for them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable

from kehoach import __version__

_READS_PLAN = frozenset({"validate", "status", "overdue", "tasks", "report", "show"})


def _exit_code(value: object) -> int:
    if value is None:
        return 0
    if isinstance(value, int):
        return value
    print(value, file=sys.stderr)
    return 1


# The command this process runs (the first argument), set before kehoach.cli.app is
# imported: that module then registers only the command's own module (None: all).
running: str | None = None


def _run_app(argv: list[str]) -> int:
    global running
    running = argv[0] if argv else None
    if argv and argv[0] in _READS_PLAN:
        from kehoach.loading import cache

        cache.defer_writes()
    saved = sys.argv
    sys.argv = ["kehoach", *argv]
    try:
        from kehoach.cli.app import main as app_main

        app_main()
    except SystemExit as done:
        return _exit_code(done.code)
    finally:
        sys.argv = saved
    return 0


def in_background(work: Callable[[], object]) -> None:
    """Run *work* in a child that holds none of our output streams, so whoever waits
    for our output (a pipe, a terminal, a benchmark) is not kept waiting by it."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    fork = getattr(os, "fork", None)
    try:
        pid = fork() if fork is not None else -1
    except OSError:
        pid = -1
    if pid < 0:
        work()
        return
    if pid > 0:
        return
    try:  # the child: nothing of it may reach the user
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.setsid()
        work()
    except BaseException:  # a cache write that fails only costs speed
        pass
    finally:
        os._exit(0)


def _write_cache_later() -> None:
    cache = sys.modules.get("kehoach.loading.cache")
    if cache is not None and cache.pending():
        in_background(cache.write_deferred)


def main() -> None:
    argv = sys.argv[1:]
    # No cyclic garbage collection in this process: a command that loads a plan pauses
    # the collector anyway (kehoach.cli.common.handled) and turning it back on at the end
    # made it scan, once, every object the command had built (0.1-0.3 s at 10,000 tasks)
    # just before we leave without freeing anything (see _exit_now).
    gc.disable()
    # kehoach uses no pydantic plugin; looking for them reads the entry points of every
    # installed distribution at the first validation (10-30 ms of every cold run).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _no_plugin_loader()
    if argv == ["--version"]:
        sys.stdout.write(f"kehoach {__version__}\n")
        raise SystemExit(0)
    from kehoach.cli.replay import run

    code = run(argv, _run_app)
    _write_cache_later()
    _exit_now(code)


_PLUGIN_LOADER = "pydantic.plugin._loader"


def _no_plugin_loader() -> None:
    """With plugins turned off, stand in for pydantic's plugin loader module.

    Its ``get_plugins()`` then finds none without looking, but importing the module
    imports ``importlib.metadata`` (and ``email`` with it): 15-20 ms of every cold run
    for nothing. The stand-in answers ``get_plugins()`` the same, and hands any other
    name over to the real module (imported then), so a newer pydantic still works."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in ("__all__", "1", "true"):
        return
    if _PLUGIN_LOADER in sys.modules:
        return
    import types

    stand_in = types.ModuleType(_PLUGIN_LOADER)

    def get_plugins() -> tuple[()]:
        return ()

    def real(name: str) -> object:
        if name.startswith("__"):  # what the import system asks of any module (__path__)
            raise AttributeError(name)
        if sys.modules.get(_PLUGIN_LOADER) is stand_in:
            del sys.modules[_PLUGIN_LOADER]
        import importlib

        return getattr(importlib.import_module(_PLUGIN_LOADER), name)

    stand_in.get_plugins = get_plugins  # type: ignore[attr-defined]
    stand_in.__getattr__ = real  # type: ignore[method-assign]
    sys.modules[_PLUGIN_LOADER] = stand_in


def _exit_now(code: int) -> None:
    """Flush what was printed and leave without tearing the interpreter down.

    A command that read a big plan holds a million small objects; freeing them one by
    one at exit took longer than some commands' work, and after the cache writer has
    been forked it also makes the kernel copy every page the two processes share.
    Nothing of ours needs a finaliser: files are written and closed (atomically) before
    this point and locks are released with the process."""
    failed = False
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:
            pass  # the reader went away (`kehoach tasks | head`): nothing more to say
        except (OSError, ValueError):
            failed = True
    os._exit(2 if failed and code == 0 else code)
