"""Which plain scalars a YAML reader would not read back as text.

kehoach reads plans with YAML 1.1 rules (PyYAML), but people open them in editors
that follow YAML 1.2 (the VS Code YAML extension): a note ``0o17`` is text to the first
and the number 15 to the second, ``no`` is text in 1.2 and *false* in 1.1. Whatever
kehoach writes (``update``, ``event``, ``collect``, ``import``) goes through
:func:`needs_quotes`, so every value any YAML 1.1 or 1.2 reader would type — numbers
in every base and spelling, floats, ``.inf``/``.nan``, null and ``~``, the booleans of
both versions, dates, times, sexagesimal ``1:20``, ``1_000``, ``<<`` and ``=`` — is
written in quotes and read back as the text it is.
"""

from __future__ import annotations

import re

__all__ = ["needs_quotes"]

# The words YAML 1.1 (yes/no/on/off/y/n …) or 1.2 (true/false/null) give a type, any case.
_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "="})
# Number-like: optional sign and dot, then a digit or '_' (YAML 1.1 reads "._0" as a
# float and "-_0" as a number: digits may be underscores), then only characters that
# occur in integers, floats, dates, times and sexagesimals of any base or version. Broad
# on purpose: quoting a string that did not need it costs nothing.
_NUMERIC = re.compile(r"[-+]?\.?[0-9_][0-9a-fA-F_.:xXoObBeE+\-]*")
_SPECIAL_FLOAT = re.compile(r"[-+]?\.(?:inf|nan)", re.IGNORECASE)
# YAML 1.1 timestamps: 2018-08-20, 2018-8-20T10:00:00Z, 2018-08-20 10:00:00 +07:00 …
_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ]|\s+)?[0-9:.\s+\-Zz]*")


def needs_quotes(value: str) -> bool:
    """True when *value*, written as a plain scalar, would be read by some YAML 1.1 or
    1.2 reader as something other than this string (or is empty)."""
    if not value or value != value.strip():
        return True
    if value.casefold() in _WORDS:
        return True
    return bool(
        _NUMERIC.fullmatch(value) or _SPECIAL_FLOAT.fullmatch(value) or _TIMESTAMP.fullmatch(value)
    )
