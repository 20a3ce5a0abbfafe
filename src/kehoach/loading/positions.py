"""Containers that remember the source position of what they hold.

Positions are kept beside the data, not in it, so the model layer sees ordinary
dicts and lists; they are only consulted when a problem has to be located.

A plan of 10,000 tasks has some 150,000 keys and 50,000 list items, so positions are
kept compact: one ``array`` per file holding the line and column of every key, its
value and every item (two bytes a number when every line and column of the file is
below 65,536, else four), each mapping and list pointing at where its own begin, rather
than a dict of 4-tuples (which took a fifth of the memory of a loaded plan). They are
read only when a message needs them. (The array replaced one big integer per mapping:
packing places into it took two thirds of building the data.)
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import Any

# (line, col) of the key and (line, col) of the value, all 1-based.
KeyPos = tuple[int, int, int, int]

KEY_SLOTS = 4  # a key's entries in a file's places: key line, key col, value line, value col
ITEM_SLOTS = 2  # a list item's: line, col
HEAD_SLOTS = 2  # a container's own line and col, first at its base


def _own(line: int, col: int) -> array[int]:
    return array("i", (line - 1, col - 1))


class _Placed:
    """A container's own line and column (1-based), read from its file's places."""

    __slots__ = ()
    places: array[int]
    base: int

    @property
    def line(self) -> int:
        return self.places[self.base] + 1

    @property
    def col(self) -> int:
        return self.places[self.base + 1] + 1


class PosDict(_Placed, dict[str, Any]):
    """``texts``: the source text of values that are not strings (``no``, ``1.10``,
    ``2018-02-30``), so a message shows what the user wrote; None when there are none.

    ``places``: the places of a whole file, one ``array`` shared by every mapping
    and list the loader built from it, 0-based: from ``base`` on, the mapping's own line
    and column, then :data:`KEY_SLOTS` numbers per key, in the order of the keys. (The
    loader builds containers without ``__init__``; see ``loading/yamlfile.py``.)"""

    __slots__ = ("base", "places", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.places = _own(line, col)
        self.base = 0
        self.texts: dict[str, str] | None = None

    def _place(self, index: int) -> KeyPos:
        at = self.base + HEAD_SLOTS + index * KEY_SLOTS
        places = self.places
        if at + KEY_SLOTS > len(places):
            return 0, 0, 0, 0  # a mapping made by hand: no places
        return places[at] + 1, places[at + 1] + 1, places[at + 2] + 1, places[at + 3] + 1

    def key_at(self, key: str) -> KeyPos | None:
        """(key line, key col, value line, value col) of *key*, or None when it is absent."""
        if key not in self:
            return None
        for index, name in enumerate(self):
            if name == key:
                return self._place(index)
        return None  # pragma: no cover - key is in self

    @property
    def keys_at(self) -> dict[str, KeyPos]:
        """Every key's places (for tests and debugging; :meth:`key_at` for one key)."""
        return {key: self._place(index) for index, key in enumerate(self)}


class PosList(_Placed, list[Any]):
    """``places``, ``base``: as for :class:`PosDict`, :data:`ITEM_SLOTS` numbers an item."""

    __slots__ = ("base", "places", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.places = _own(line, col)
        self.base = 0
        self.texts: dict[int, str] | None = None

    def item_at(self, index: int) -> tuple[int, int]:
        at = self.base + HEAD_SLOTS + index * ITEM_SLOTS
        places = self.places
        if at + ITEM_SLOTS > len(places):
            return 0, 0
        return places[at] + 1, places[at + 1] + 1

    @property
    def items_at(self) -> list[tuple[int, int]]:
        """Every item's place (for tests and debugging; :meth:`item_at` for one item)."""
        return [self.item_at(index) for index in range(len(self))]


def locate(data: Any, loc: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    """Best known (line, col) for the value at path *loc* inside *data*.

    Walks as deep as the path exists; a missing key points at its mapping. With
    ``key=True`` the last step points at the key rather than its value.
    """
    line, col = getattr(data, "line", 1), getattr(data, "col", 1)
    node = data
    for index, step in enumerate(loc):
        last = index == len(loc) - 1
        places = node.key_at(step) if isinstance(node, PosDict) and isinstance(step, str) else None
        if places is not None:
            kl, kc, vl, vc = places
            line, col = (kl, kc) if (key and last) else (vl, vc)
            node = node[step]
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            line, col = node.item_at(step)
            node = node[step]
        else:
            break
    return line, col
