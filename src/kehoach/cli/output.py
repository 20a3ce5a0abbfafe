"""Everything the CLI prints goes through :class:`kehoach.text.SafeStream`.

A plan value, a file name or an argument can hold escape sequences (a title that sets
the terminal's title, OSC 52 that writes the clipboard), bidi overrides, or bytes that
are not UTF-8. Wrapping the two streams once, for every command, means no renderer,
echo or error path can forget to neutralise them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from kehoach.text import SafeStream


def install_safe_streams() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once) so that what is written is neutralised."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)


# Big outputs (a report of 100,000 tasks is 20 million characters) are written a piece at
# a time: ``typer.echo`` of the whole text made three more copies of it (the text with its
# newline, the text with ANSI codes stripped, the encoded bytes), each as big as the text.
CHUNK = 1 << 16  # characters


def emit(text: str, *, nl: bool = True) -> None:
    """``typer.echo(text, nl=nl)``, written in pieces of about :data:`CHUNK` characters.

    Each piece ends at a newline, so ANSI sequences (which hold none) are never cut and
    click strips them exactly as it would from the whole text."""
    import typer

    size = len(text)
    if size <= CHUNK:
        typer.echo(text, nl=nl)
        return
    start = 0
    while start < size:
        end = text.find("\n", start + CHUNK)
        end = size if end < 0 else end + 1
        typer.echo(text[start:end], nl=False)
        start = end
    if nl:
        typer.echo("")


def emit_lines(lines: Iterable[str], *, nl: bool = True) -> None:
    """``typer.echo("\\n".join(lines), nl=nl)`` without building the joined text."""
    import typer

    batch: list[str] = []
    held = 0
    first = True
    for line in lines:
        batch.append(line)
        held += len(line) + 1
        if held >= CHUNK:
            typer.echo(("" if first else "\n") + "\n".join(batch), nl=False)
            first = False
            batch = []
            held = 0
    if batch:
        typer.echo(("" if first else "\n") + "\n".join(batch), nl=False)
    if nl:
        typer.echo("")


def emit_utf8(payload: bytes) -> None:
    """``typer.echo(payload.decode("utf-8"), nl=False)``, decoded a piece at a time (each
    piece ends at a newline, so no character is cut)."""
    import typer

    size = len(payload)
    view = memoryview(payload)
    start = 0
    while start < size:
        end = payload.find(b"\n", start + CHUNK)
        end = size if end < 0 else end + 1
        typer.echo(str(view[start:end], "utf-8"), nl=False)
        start = end
