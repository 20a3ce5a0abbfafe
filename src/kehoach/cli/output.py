"""Everything the CLI prints goes through :class:`kehoach.text.SafeStream`.

A plan value, a file name or an argument can hold escape sequences (a title that sets
the terminal's title, OSC 52 that writes the clipboard), bidi overrides, or bytes that
are not UTF-8. Wrapping the two streams once, for every command, means no renderer,
echo or error path can forget to neutralise them.
"""

from __future__ import annotations

import sys

from kehoach.text import SafeStream


def install_safe_streams() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once) so that what is written is neutralised."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)
