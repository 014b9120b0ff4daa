"""Turning ``--filter JSON``, ``--where field=value`` and ``--sort field:asc`` into a query."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from wixsites.cli.errors import InputError

__all__ = ["coerce", "parse_sort", "site_filter"]

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_CONDITION = re.compile(r"^\s*([A-Za-z_][\w.]*)\s*(!=|>=|<=|=|>|<)(.*)$", re.DOTALL)
_OPERATORS = {"!=": "$ne", ">=": "$gte", "<=": "$lte", ">": "$gt", "<": "$lt", "=": None}
# The site fields whose values have a type a --where can get wrong (the rest are text).
_BOOLEAN_FIELDS = frozenset({"published", "premium", "domainConnected"})
_ID_FIELDS = frozenset({"id", "folderId"})
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def coerce(text: str) -> Any:
    """``true``/``false`` to booleans, ``null`` to None, numbers to numbers, the rest stays text.

    Quote a value to keep it text: ``--where 'name="true"'``.
    """
    lowered = text.strip().lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "none"):
        return None
    if _NUMBER.match(text.strip()):
        return float(text) if "." in text else int(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def _condition(expression: str) -> tuple[str, Any]:
    match = _CONDITION.match(expression)
    if match is None:
        raise InputError(
            f"--where {expression!r}: expected field=value, e.g. --where published=true "
            "(also !=, >, >=, <, <=; a=x,y means a is one of x, y)"
        )
    field, symbol, value = match.groups()
    operator = _OPERATORS[symbol]
    if operator is None and "," in value:
        values = [coerce(v) for v in value.split(",")]
        for one in values:
            _check_type(expression, field, one)
        return field, {"$in": values}
    coerced = coerce(value)
    _check_type(expression, field, coerced)
    return field, coerced if operator is None else {operator: coerced}


def _check_type(expression: str, field: str, value: Any) -> None:
    """Refuse, before any request, a value of the wrong type for a field whose type is known."""
    if field in _BOOLEAN_FIELDS and not isinstance(value, bool):
        raise InputError(
            f"--where {expression!r}: {field} is true or false, not {value!r} "
            f"(e.g. --where {field}=true)"
        )
    if (
        field in _ID_FIELDS
        and value is not None
        and not (isinstance(value, str) and _GUID.match(value))
    ):
        raise InputError(
            f"--where {expression!r}: {field} is an id (a GUID such as "
            f"0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd), not {value!r}"
        )


def site_filter(filter_json: str | None, where: Sequence[str]) -> dict[str, Any] | None:
    """The Wix filter of ``--filter`` and every ``--where``, ANDed together; None when empty."""
    combined: dict[str, Any] = {}
    if filter_json:
        try:
            parsed = json.loads(filter_json)
        except json.JSONDecodeError as error:
            raise InputError(
                f"--filter is not valid JSON: {error.msg} at column {error.colno}"
            ) from None
        if not isinstance(parsed, dict):
            raise InputError(
                "--filter must be a JSON object, e.g. --filter '{\"published\": true}'"
            )
        combined.update(parsed)
    for expression in where:
        field, condition = _condition(expression)
        if field in combined:
            previous = combined[field]
            if isinstance(previous, dict) and isinstance(condition, dict):
                previous.update(condition)  # published!=x and published!=y merge on one field
                continue
            raise InputError(f"--where {expression!r}: {field!r} is already constrained")
        combined[field] = condition
    return combined or None


def parse_sort(values: Sequence[str]) -> list[tuple[str, str]]:
    """``createdDate:desc`` to ``("createdDate", "DESC")``; the order defaults to ascending."""
    sort: list[tuple[str, str]] = []
    for value in values:
        field, _, order = value.partition(":")
        order = (order or "asc").strip().upper()
        if not field.strip() or order not in ("ASC", "DESC"):
            raise InputError(f"--sort {value!r}: expected field[:asc|:desc], e.g. createdDate:desc")
        sort.append((field.strip(), order))
    return sort
