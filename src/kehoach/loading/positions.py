"""Containers that remember the source position of what they hold.

Positions are kept beside the data, not in it, so the model layer sees ordinary
dicts and lists; they are only consulted when a problem has to be located.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# (line, col) of the key and (line, col) of the value, all 1-based.
KeyPos = tuple[int, int, int, int]


class PosDict(dict[str, Any]):
    """``texts``: the source text of values that are not strings (``no``, ``1.10``,
    ``2018-02-30``), so a message shows what the user wrote; None when there are none."""

    __slots__ = ("col", "keys_at", "line", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.keys_at: dict[str, KeyPos] = {}
        self.texts: dict[str, str] | None = None


class PosList(list[Any]):
    __slots__ = ("col", "items_at", "line", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.items_at: list[tuple[int, int]] = []
        self.texts: dict[int, str] | None = None


def locate(data: Any, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    """Best known (line, col) for the value at path *loc* inside *data*.

    Walks as deep as the path exists; a missing key points at its mapping. With
    ``key=True`` the last step points at the key rather than its value.
    """
    line, col = getattr(data, "line", 1), getattr(data, "col", 1)
    node = data
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(node, PosDict) and isinstance(step, str) and step in node.keys_at:
            kl, kc, vl, vc = node.keys_at[step]
            line, col = (kl, kc) if (key and last) else (vl, vc)
            node = node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.items_at[step]
            node = node[step]
        else:
            break
    return line, col
