"""The one "Có phải ý bạn là …?" helper: a suggestion for a name that was not found."""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches

from kehoach.messages import text as message_text


def closest(wanted: str, known: list[str], *, cutoff: float = 0.6) -> str | None:
    """The known name nearest to *wanted*: an exact match ignoring case first, then the
    closest spelling; None when nothing is near enough."""
    folded = wanted.casefold()
    for name in known:
        if name.casefold() == folded:
            return name
    close = get_close_matches(wanted, known, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(
    wanted: str,
    known: list[str],
    *,
    cutoff: float = 0.6,
    shown: Mapping[str, str] | None = None,
) -> str:
    """`` Có phải ý bạn là 'x'?`` (with its leading space), or "" when nothing is close.
    *shown* maps a compared form (folded, say) to the form the user should read."""
    found = closest(wanted, known, cutoff=cutoff)
    if found is None:
        return ""
    return message_text("did-you-mean", found=shown.get(found, found) if shown else found)


class Suggester:
    """Suggestions for many unknown names in one run. Each one scans every candidate, so
    only the first *limit* get one: a plan with thousands of broken references must not
    take quadratic time to say so."""

    def __init__(self, limit: int = 50) -> None:
        self.limit = limit
        self.given = 0

    def __call__(self, wanted: str, known: list[str]) -> str:
        if self.given >= self.limit:
            return ""
        self.given += 1
        return did_you_mean(wanted, known)
