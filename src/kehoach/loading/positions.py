"""Containers that remember the source position of what they hold.

Positions are kept beside the data, not in it, so the model layer sees ordinary
dicts and lists; they are only consulted when a problem has to be located.

A plan of 10,000 tasks has some 150,000 keys and 50,000 list items, so positions are
kept compact: one integer per mapping or list holding the line and column of every key,
its value and every item, rather than a dict of 4-tuples (which took a fifth of the
memory of a loaded plan). They are unpacked only when a message needs them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

# (line, col) of the key and (line, col) of the value, all 1-based.
KeyPos = tuple[int, int, int, int]

COL_BITS = 21  # a line has at most MAX_LINE (100,000) characters
PLACE_BITS = 48  # line and column: a file of at most 20 MB has fewer than 2**27 lines
KEY_BITS = 2 * PLACE_BITS  # the key's place, then its value's
_COL_MASK = (1 << COL_BITS) - 1
_PLACE_MASK = (1 << PLACE_BITS) - 1
_KEY_MASK = (1 << KEY_BITS) - 1


def pack(line: int, col: int) -> int:
    """One place (line, col) as one integer of PLACE_BITS bits."""
    return line << COL_BITS | col


def unpack(place: int) -> tuple[int, int]:
    return place >> COL_BITS, place & _COL_MASK


def pack_key(key_line: int, key_col: int, value_line: int, value_col: int) -> int:
    """The places of a key and of its value as one integer of KEY_BITS bits."""
    return (key_line << COL_BITS | key_col) << PLACE_BITS | value_line << COL_BITS | value_col


def unpack_key(packed: int) -> KeyPos:
    key, value = packed >> PLACE_BITS, packed & _PLACE_MASK
    return key >> COL_BITS, key & _COL_MASK, value >> COL_BITS, value & _COL_MASK


class PosDict(dict[str, Any]):
    """``texts``: the source text of values that are not strings (``no``, ``1.10``,
    ``2018-02-30``), so a message shows what the user wrote; None when there are none.

    ``places``: the :func:`pack_key` integers of all keys, in the order of the keys, in
    one integer (the first key in the lowest KEY_BITS bits)."""

    __slots__ = ("col", "line", "places", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.places = 0
        self.texts: dict[str, str] | None = None

    def key_at(self, key: str) -> KeyPos | None:
        """(key line, key col, value line, value col) of *key*, or None when it is absent."""
        if key not in self:
            return None
        for index, name in enumerate(self):
            if name == key:
                return unpack_key(self.places >> (index * KEY_BITS) & _KEY_MASK)
        return None  # pragma: no cover - key is in self

    @property
    def keys_at(self) -> dict[str, KeyPos]:
        """Every key's places (for tests and debugging; :meth:`key_at` for one key)."""
        return {
            key: unpack_key(self.places >> (index * KEY_BITS) & _KEY_MASK)
            for index, key in enumerate(self)
        }


class PosList(list[Any]):
    """``places``: the :func:`pack` integers of all items, in one integer (the first item
    in the lowest PLACE_BITS bits)."""

    __slots__ = ("col", "line", "places", "texts")

    def __init__(self, line: int, col: int) -> None:
        super().__init__()
        self.line = line
        self.col = col
        self.places = 0
        self.texts: dict[int, str] | None = None

    def item_at(self, index: int) -> tuple[int, int]:
        return unpack(self.places >> (index * PLACE_BITS) & _PLACE_MASK)

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
