"""The spec's size limits, checked cheaply before full validation and before any lock.

Full validation of ``{"sort": [0] * 1000000}`` reports a million item errors; checking `maxItems`
and `maxLength` first, walking only the parts of a request its schema describes and never more items
of an array than its limit allows, refuses it in microseconds. The work is bounded by the limits,
not by the size of the body.
"""

from __future__ import annotations

from typing import Any

from wixsandbox.errors import ApiError, FieldViolation
from wixsandbox.spec import load_spec

# Parsing JSON holds the GIL throughout, for about 0.1 microsecond per value: a body of a million
# values would stall every other request for a tenth of a second. No valid request holds more than
# a few thousand (filters take at most 2,000 values, Move Folders 1,000 ids), and every value after
# the first of an array or object follows a comma, so counting commas (C speed, inside strings too)
# bounds the parse before it starts.
MAX_COMMAS = 10_000
_MAX_REPORTED = 20
_MAX_SCHEMA_DEPTH = 32


def check_commas(body: bytes) -> None:
    """Refuse a body with more than MAX_COMMAS commas before it is parsed."""
    commas = body.count(b",")
    if commas > MAX_COMMAS:
        raise ApiError(
            400,
            f"The body holds {commas} commas; the sandbox parses at most {MAX_COMMAS} "
            "(JSON values, and commas inside strings): send fewer values",
            code="INVALID_ARGUMENT",
        )


def oversized(schema: dict[str, Any], document: Any, prefix: str = "") -> list[FieldViolation]:
    """The arrays and strings of `document` longer than `schema` allows (first 20)."""
    found: list[FieldViolation] = []
    _walk(schema, document, [prefix] if prefix else [], found, 0)
    return found


def _resolved(schema: Any) -> dict[str, Any]:
    for _ in range(_MAX_SCHEMA_DEPTH):
        ref = schema.get("$ref") if isinstance(schema, dict) else None
        if not (isinstance(ref, str) and ref.startswith("#/")):
            break
        target: Any = load_spec()
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        schema = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema if isinstance(schema, dict) else {}


def _name(path: list[str]) -> str:
    return ".".join(path).replace(".[", "[") or "body"


def _walk(schema: Any, node: Any, path: list[str], found: list[FieldViolation], depth: int) -> None:
    if depth > _MAX_SCHEMA_DEPTH or len(found) >= _MAX_REPORTED:
        return
    schema = _resolved(schema)
    for part in schema.get("allOf", ()):
        _walk(part, node, path, found, depth + 1)
    if isinstance(node, list):
        limit = schema.get("maxItems")
        if isinstance(limit, int) and len(node) > limit:
            found.append(
                FieldViolation(
                    _name(path), f"must be at most {limit} items", "MAX", {"threshold": limit}
                )
            )
            return
        items = schema.get("items")
        if isinstance(items, dict) and isinstance(limit, int):
            for index, item in enumerate(node):
                _walk(items, item, [*path, f"[{index}]"], found, depth + 1)
    elif isinstance(node, dict):
        for key, sub in (schema.get("properties") or {}).items():
            if key in node:
                _walk(sub, node[key], [*path, key], found, depth + 1)
    elif isinstance(node, str):
        limit = schema.get("maxLength")
        if isinstance(limit, int) and len(node) > limit:
            found.append(
                FieldViolation(
                    _name(path),
                    f"must be at most {limit} characters",
                    "MAX",
                    {"threshold": limit},
                )
            )
