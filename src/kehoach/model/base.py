"""Shared pydantic configuration and field types."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

# Ids are ASCII so they survive every keyboard, shell and file system.
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", min_length=1, max_length=80),
]
Text = Annotated[str, StringConstraints(min_length=1)]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a plan file must not pass silently."""

    # defer_build: validators are built on first use, so a run served from the cache (which
    # unpickles models and validates nothing) does not pay for building them.
    model_config = ConfigDict(
        extra="forbid", frozen=False, validate_default=False, defer_build=True
    )
