"""Shared pydantic configuration and field types."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints

# Ids are ASCII so they survive every keyboard, shell and file system.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", min_length=1, max_length=80),
]
Text = Annotated[str, StringConstraints(min_length=1)]

# One set object for every instance that was given the same fields (see Strict).
_FIELD_SETS: dict[frozenset[str], set[str]] = {}


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a plan file must not pass silently.

    Instances are frozen: a loaded plan is read, never changed in place (an edit writes
    the file and loads it again; ``model_copy(update=...)`` makes a new instance). That
    lets instances given the same fields share one ``model_fields_set``: pydantic keeps a
    set per instance, 200-700 bytes each, a sixth of the memory of a loaded plan, and
    only assignment, which frozen instances refuse, would ever change it in place.
    """

    # defer_build: validators are built on first use, so a run served from the cache (which
    # unpickles models and validates nothing) does not pay for building them.
    model_config = ConfigDict(extra="forbid", frozen=True, validate_default=False, defer_build=True)

    def model_post_init(self, context: Any, /) -> None:
        fields = self.__pydantic_fields_set__
        key = frozenset(fields)
        shared = _FIELD_SETS.get(key)
        if shared is None:
            shared = _FIELD_SETS[key] = fields
        object.__setattr__(self, "__pydantic_fields_set__", shared)
