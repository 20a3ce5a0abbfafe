"""Status words as people type them: with or without diacritics, or in English."""

from __future__ import annotations

from kehoach.errors import InputError
from kehoach.messages import text as message_text
from kehoach.model import Status
from kehoach.text import fold

_WORDS: dict[str, Status] = {
    "hoan thanh": Status.DONE,
    "da hoan thanh": Status.DONE,
    "done": Status.DONE,
    "dang thuc hien": Status.IN_PROGRESS,
    "in progress": Status.IN_PROGRESS,
    "chua thuc hien": Status.NOT_STARTED,
    "not started": Status.NOT_STARTED,
    "dung": Status.STOPPED,
    "dung thuc hien": Status.STOPPED,
    "stopped": Status.STOPPED,
}

ACCEPTED = (
    "hoàn-thành (done), đang-thực-hiện (in-progress), chưa-thực-hiện (not-started), dừng (stopped)"
)


def _key(text: str) -> str:
    return " ".join(fold(text).replace("-", " ").replace("_", " ").split())


def parse_status(text: str) -> Status:
    """The status a word names; InputError (exit 2) listing the accepted words otherwise."""
    status = _WORDS.get(_key(text))
    if status is None:
        raise InputError(message_text("bad-status-word", text=text, accepted=ACCEPTED))
    return status
