"""The common shape `scripts/upstream-diff` compares: operations with flattened request and response fields.

Both sides are read into it: Wix's `*.service.json` descriptions (`wix_service.py`) and `openapi.yaml`
(`spec_operations.py`). A field path names a JSON field from the body's root: `query.sort[].fieldName`
(`[]` is an array's item).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Field types, after normalisation: string, integer, number, boolean, object, array.


@dataclass(frozen=True)
class Field:
    type: str
    format: str | None = None
    enum: tuple[str, ...] | None = None
    free_form: bool = False  # an object of any shape (protobuf Struct, a filter)
    limits: tuple[tuple[str, int], ...] = ()  # ("max" | "min" | "default", value)
    read_only: bool = False  # a response field only: never part of a request


@dataclass
class Operation:
    key: str  # the spec's operationId; for an upstream method the same in lower camel case
    name: str  # "Query Sites": Wix's operation name, the spec's summary
    method: str
    path: str
    status: str = "200"
    path_params: tuple[str, ...] = ()
    request: dict[str, Field] = field(default_factory=dict)
    response: dict[str, Field] = field(default_factory=dict)
    required: frozenset[str] = frozenset()  # request field paths
    permissions: frozenset[str] = frozenset()
    errors: frozenset[tuple[int, str]] = frozenset()  # (HTTP status, code)
    extension: str | None = None  # the spec's x-wixsites-extension reason, if any
    notes: dict[str, str] = field(default_factory=dict)  # field path -> x-wixsites-extension reason


class InputError(Exception):
    """A file the tool reads is missing or malformed; the message says which and what to do."""
