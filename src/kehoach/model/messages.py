"""Pydantic validation errors → one Vietnamese Problem per field, with its position."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from kehoach.errors import Problem
from kehoach.loading.positions import locate
from kehoach.suggest import did_you_mean


def _field_path(loc: tuple[str | int, ...]) -> str:
    out = ""
    for step in loc:
        out += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "(gốc)"


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


def _message(error: Any, model: type[BaseModel], loc: tuple[str | int, ...]) -> str:
    kind = error["type"]
    field = _field_path(loc)
    value = error.get("input")
    shown = repr(value) if not isinstance(value, str) else f"'{value}'"
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"Thiếu trường bắt buộc '{loc[-1]}' (tại {_field_path(loc[:-1])})."
    if kind == "extra_forbidden":
        name = str(loc[-1])
        suggestion = did_you_mean(name, _allowed_keys(model, loc))
        return f"Trường '{name}' không có trong định dạng tệp.{suggestion}"
    if kind == "enum":
        return f"{field}: giá trị {shown} không hợp lệ; chỉ chấp nhận {ctx.get('expected', '')}."
    if kind in (
        "date_parsing",
        "date_from_datetime_parsing",
        "date_type",
        "date_from_datetime_inexact",
    ):
        return (
            f"{field}: {shown} không phải là ngày hợp lệ (viết dạng YYYY-MM-DD, ví dụ 2018-08-20)."
        )
    if kind == "string_pattern_mismatch":
        return (
            f"{field}: mã {shown} không hợp lệ (chỉ dùng chữ không dấu, số, '.', '-', '_', "
            "bắt đầu bằng chữ hoặc số)."
        )
    if kind in ("string_type", "string_too_short"):
        if kind == "string_too_short":
            return f"{field}: không được để trống."
        return f"{field}: cần một chuỗi văn bản, không phải {shown}."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{field}: cần một số nguyên, không phải {shown}."
    if kind in ("greater_than_equal", "less_than_equal"):
        limit = ctx.get("ge", ctx.get("le"))
        word = "không nhỏ hơn" if kind == "greater_than_equal" else "không lớn hơn"
        return f"{field}: giá trị {shown} phải {word} {limit}."
    if kind in ("list_type",):
        return f"{field}: cần một danh sách, không phải {shown}."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{field}: cần một bảng khóa: giá trị, không phải {shown}."
    if kind in ("bool_type", "bool_parsing"):
        return f"{field}: cần true hoặc false, không phải {shown}."
    if kind == "string_too_long":
        return f"{field}: quá dài."
    return f"{field}: giá trị {shown} không hợp lệ ({error.get('msg', '')})."


def problems_from(
    exc: ValidationError, model: type[BaseModel], data: Any, display: str
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc = tuple(error["loc"])
        on_key = error["type"] == "extra_forbidden"
        target = loc[:-1] if error["type"] == "missing" else loc
        line, col = locate(data, target, key=on_key)
        problems.append(Problem(display, line, col, _message(error, model, loc), error["type"]))
    return problems
