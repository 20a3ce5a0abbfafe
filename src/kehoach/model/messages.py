"""Pydantic validation errors → one Vietnamese Problem per field, with its position.

A field is named the way a secretariat officer would say it ("nhiệm vụ III.4.1, lần cập
nhật thứ 2, ngày"), never by its internal path (``tasks[1].history[1].date``), and a
value is shown as it was written in the file (``no``, ``1.10``, ``20/8/2018``), never as
a Python repr (``False``, ``1.1``, ``datetime.date(2018, 8, 20)``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from kehoach.errors import Problem
from kehoach.loading.positions import PosDict, PosList, locate
from kehoach.messages import MESSAGES, text
from kehoach.suggest import did_you_mean

# Field names → what the user calls them.
FIELD_LABELS = {
    "id": "mã",
    "title": "nội dung",
    "role": "vai trò",
    "partners": "cơ quan phối hợp",
    "deadline": "thời hạn",
    "deadline_rule": "quy tắc thời hạn",
    "lead_time_days": "số ngày thực hiện",
    "status": "tình trạng",
    "history": "lịch sử cập nhật",
    "depends_on": "điều kiện chờ",
    "subtasks": "nhiệm vụ con",
    "source": "nguồn",
    "date": "ngày",
    "note": "ghi chú",
    "evidence": "văn bản chứng minh",
    "occurrence": "kỳ",
    "output": "sản phẩm",
    "body": "cơ quan của tệp",
    "tasks": "danh sách nhiệm vụ",
    "bodies": "danh mục cơ quan",
    "name": "tên",
    "short": "tên ngắn",
    "aliases": "tên gọi khác",
    "group": "nhóm",
    "events": "danh sách sự kiện",
    "description": "mô tả",
    "occurred": "ngày xảy ra",
    "ref": "số/ký hiệu văn bản",
    "number": "số/ký hiệu",
    "issuer": "cơ quan ban hành",
    "signer": "người ký",
    "issued": "ngày ban hành",
    "implements": "văn bản thực hiện",
    "term": "nhiệm kỳ",
    "sections": "các mục",
    "label": "nhãn",
    "start": "ngày bắt đầu",
    "end": "ngày kết thúc",
    "position": "chức vụ",
    "on_behalf": "thay mặt",
    "default_deadline": "thời hạn mặc định",
    "section": "mục",
    "item": "thứ tự",
    "sub": "thứ tự ý con",
    "line": "dòng",
    "table": "bảng",
    "sheet": "trang tính",
    "row": "hàng",
    "cell": "ô",
}
# List fields whose items have an id: how one item is named.
_ITEM_NAMES = {
    "tasks": "nhiệm vụ",
    "subtasks": "nhiệm vụ",
    "bodies": "cơ quan",
    "events": "sự kiện",
    "sections": "mục",
}
_ORDINAL_ITEMS = {
    "history": "lần cập nhật thứ {n}",
    "implements": "văn bản thực hiện thứ {n}",
    "partners": "cơ quan phối hợp thứ {n}",
    "aliases": "tên gọi khác thứ {n}",
}


def _label(step: str) -> str:
    return FIELD_LABELS.get(step, f"trường '{step}'")


def field_name(loc: tuple[str | int, ...], data: Any) -> str:
    """The place *loc* inside *data*, in words: "nhiệm vụ III.4.1, lần cập nhật thứ 2, ngày"."""
    parts: list[str] = []
    node = data
    previous: str | int | None = None
    for step in loc:
        child = None
        if isinstance(step, int):
            if isinstance(node, list) and 0 <= step < len(node):
                child = node[step]
            ident = child.get("id") if isinstance(child, dict) else None
            if isinstance(previous, str) and previous in _ITEM_NAMES:
                if parts and parts[-1] == _label(previous):
                    parts.pop()
                name = _ITEM_NAMES[previous]
                shown = f"{name} {ident}" if isinstance(ident, str) else f"{name} thứ {step + 1}"
                parts.append(shown)
            elif isinstance(previous, str) and previous in _ORDINAL_ITEMS:
                if parts and parts[-1] == _label(previous):
                    parts.pop()
                parts.append(_ORDINAL_ITEMS[previous].format(n=step + 1))
            else:
                parts.append(f"phần tử thứ {step + 1}")
        else:
            if isinstance(node, dict):
                child = node.get(step)
            parts.append(_label(step))
        node = child
        previous = step
    return ", ".join(parts) if parts else "cấp ngoài cùng của tệp"


def source_text(data: Any, loc: tuple[str | int, ...]) -> str | None:
    """The value at *loc* as written in the file, when the loader kept it."""
    node = data
    for index, step in enumerate(loc):
        written: str | None
        if isinstance(node, PosDict) and isinstance(step, str) and step in node:
            written, child = (node.texts or {}).get(step), node.get(step)
        elif isinstance(node, PosList) and isinstance(step, int) and 0 <= step < len(node):
            written, child = (node.texts or {}).get(step), node[step]
        else:
            return None
        if index == len(loc) - 1:
            return written
        node = child
    return None


def show_value(value: Any, written: str | None = None) -> str:
    """A value in a message: as written when known, else in words; never a repr."""
    if written is not None:
        return f"'{written}'"
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        return "'true'" if value else "'false'"
    if isinstance(value, dt.datetime):
        return f"'{value:%d/%m/%Y %H:%M}'"
    if isinstance(value, dt.date):
        return f"'{value:%d/%m/%Y}'"
    if isinstance(value, int | float):
        return f"'{value}'"
    if isinstance(value, dict):
        return "một bảng khóa: giá trị"
    if isinstance(value, list):
        return "một danh sách"
    return "giá trị này"


def _or_list(expected: str) -> str:
    """Pydantic's "'a', 'b' or 'c'" with the last link in Vietnamese."""
    return re.sub(r"' or '", f"' {MESSAGES['or']} '", expected)


def _allowed_keys(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """Field names of the model at *loc*, to suggest a near miss for an unknown key."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        fields = getattr(current, "model_fields", {})
        if step not in fields:
            return []
        annotation = fields[step].annotation
        current = _model_in(annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


_DATE_KINDS = frozenset(
    {"date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"}
)


def _message(error: Any, model: type[BaseModel], loc: tuple[str | int, ...], data: Any) -> str:
    kind = error["type"]
    field = field_name(loc, data)
    field = field[0].upper() + field[1:]
    shown = show_value(error.get("input"), source_text(data, loc))
    ctx = error.get("ctx") or {}
    if kind == "missing":
        where = field_name(loc[:-1], data)
        return text("field-missing", key=loc[-1], label=_label(str(loc[-1])), where=where)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        suggestion = did_you_mean(name, _allowed_keys(model, loc))
        return text("field-unknown", name=name, suggestion=suggestion)
    if kind == "enum":
        expected = _or_list(str(ctx.get("expected", "")))
        return text("field-bad-choice", field=field, shown=shown, expected=expected)
    if kind in _DATE_KINDS:
        return text("field-bad-date", field=field, shown=shown)
    if kind in _KINDS:
        return text(_KINDS[kind], field=field, shown=shown)
    if kind in _LIMITS:
        limit = ctx.get("ge", ctx.get("le", ctx.get("gt", ctx.get("lt"))))
        return text(_LIMITS[kind], field=field, shown=shown, limit=limit)
    return text("field-invalid", field=field, shown=shown)


# Pydantic's error kinds → the message code (each message takes {field} and {shown}).
_KINDS = {
    "string_pattern_mismatch": "field-bad-id",
    "string_too_short": "field-empty",
    "string_type": "field-not-text",
    "int_parsing": "field-not-int",
    "int_type": "field-not-int",
    "int_from_float": "field-not-int",
    "list_type": "field-not-list",
    "model_type": "field-not-mapping",
    "dict_type": "field-not-mapping",
    "model_attributes_type": "field-not-mapping",
    "bool_type": "field-not-bool",
    "bool_parsing": "field-not-bool",
    "string_too_long": "field-too-long",
}
_LIMITS = {
    "greater_than_equal": "field-at-least",
    "less_than_equal": "field-at-most",
    "greater_than": "field-above",
    "less_than": "field-below",
}


def problems_from(
    exc: ValidationError, model: type[BaseModel], data: Any, display: str
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        on_key = error["type"] == "extra_forbidden"
        target = loc[:-1] if error["type"] == "missing" else loc
        line, col = locate(data, target, key=on_key)
        message = _message(error, model, loc, data)
        problems.append(Problem(display, line, col, message, error["type"]))
    return problems
