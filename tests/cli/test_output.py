"""Big outputs are written a piece at a time (kehoach.cli.output.emit): what arrives must
be exactly what one ``typer.echo`` of the whole text prints."""

from __future__ import annotations

import pytest
import typer

from kehoach.cli import output


def _big_text() -> str:
    # colour codes (stripped when stdout is not a terminal), Vietnamese text, lines of
    # every length, and one line longer than a piece
    lines = [
        f"\x1b[1;31m{n}\x1b[0m nhiệm vụ quá hạn — Sở Tài chính {'ệ' * (n % 97)}"
        for n in range(6000)
    ]
    lines.insert(3000, "x" * (3 * output.CHUNK))
    return "\n".join(lines)


@pytest.mark.parametrize("nl", [True, False])
def test_emit_prints_what_echo_prints(nl: bool, capsys: pytest.CaptureFixture[str]) -> None:
    text = _big_text()
    assert len(text) > 10 * output.CHUNK
    typer.echo(text, nl=nl)
    whole = capsys.readouterr().out
    output.emit(text, nl=nl)
    pieces = capsys.readouterr().out
    assert "\x1b[" not in whole  # the captured stream is not a terminal: colours stripped
    assert pieces == whole


def test_emit_lines_and_utf8_print_what_echo_prints(capsys: pytest.CaptureFixture[str]) -> None:
    text = _big_text()
    typer.echo(text)
    whole = capsys.readouterr().out
    output.emit_lines(text.split("\n"))
    assert capsys.readouterr().out == whole
    output.emit_utf8((text + "\n").encode("utf-8"))
    assert capsys.readouterr().out == whole
    output.emit_lines([])
    assert capsys.readouterr().out == "\n"
    output.emit("")
    assert capsys.readouterr().out == "\n"
