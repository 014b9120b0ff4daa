"""Results and errors as JSON-ready data: what their `to_dict()` and `to_json()` are made of."""

from __future__ import annotations

import datetime
import enum
import json
from collections.abc import Mapping
from typing import Any

__all__ = ["camel_case", "json_ready", "to_json"]


def json_ready(value: object) -> Any:
    """`value` as plain JSON data: an object with `to_dict()` (a model, a report) as that, enum
    members as their value, dates as ISO 8601 text (a datetime as the Wix API writes one: UTC
    with "Z", to the millisecond), mappings as dicts with string keys, lists,
    tuples and sets as lists; anything else JSON cannot hold as its text."""
    if value is None or isinstance(value, str | bool | int | float):
        return value.value if isinstance(value, enum.Enum) else value
    to_dict = getattr(value, "to_dict", None)
    if callable(to_dict):
        return to_dict()
    if isinstance(value, enum.Enum):
        return json_ready(value.value)
    if isinstance(value, datetime.datetime):
        from wix_sites_api.types import format_datetime

        return format_datetime(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): json_ready(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_ready(v) for v in value]
    return str(value)


def to_json(data: object, indent: int | None = 2) -> str:
    """`data` (JSON-ready) as JSON text."""
    return json.dumps(data, indent=indent, ensure_ascii=False)


def camel_case(name: str) -> str:
    """A Python name as the API spells its fields: ``entity_fqdn`` -> ``entityFqdn``."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)
