"""Malformed requests for the negative drill, built from the spec: each documented request with one
to three of its parts broken. No random search: a body value of another JSON type, out of its
range, pattern or enum; a required field dropped; an unknown field; a body that is not JSON or not
an object; a path parameter that is not a GUID; a missing or wrong credential. Every broken body is
checked against the operation's schema (jsonschema), so each request really breaks the spec.
Deterministic for a given spec and seed.
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from tests.spec_tools import pointer, spec, validator

GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
FALLBACK_ID = "59c80b6f-9cae-49c5-ab0e-83b9a479c573"

# values of every JSON type, and strings and numbers at the edges of what a schema allows
ODD_VALUES: list[Any] = [
    None,
    True,
    0,
    -1,
    1.5,
    2**63,
    "",
    " ",
    "x",
    "root",
    "EDITOR",
    "2015-04-19T15:22:42.498Z",
    "a" * 300,
    FALLBACK_ID + "0",
    [],
    [None],
    ["x"],
    {},
    {"$eq": None},
    {"unknownField": 1},
]
NOT_JSON = [b"", b"{", b"[1,", b'{"a": }', b"\xff\xfe", b"nul", b"{}{}", b'{"a": 1,}']
NOT_OBJECTS = [b"null", b"[]", b"[{}]", b'"query"', b"0", b"true"]
BAD_IDS = ["not-a-guid", "0", FALLBACK_ID + "0", FALLBACK_ID[:-1], FALLBACK_ID.replace("-", "_")]
BAD_IDS += ["%00", "%20", "a" * 300, "..", "%2E%2E", FALLBACK_ID.replace("5", "g")]


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    content: bytes
    headers: tuple[tuple[str, str], ...]  # beyond the valid credentials, or replacing them
    broken: str  # what is wrong with it, for failure messages


@dataclass(frozen=True)
class _Operation:
    method: str
    path: str  # the template, e.g. /site-folders/v2/folders/{folderId}
    parameters: tuple[str, ...]  # path parameters
    body: Any  # the documented example, or None
    schema_pointer: str | None
    body_required: bool = True  # an optional body may be left out: an empty one is then valid

    def url(self, values: dict[str, str] | None = None) -> str:
        path = self.path
        for name in self.parameters:
            path = path.replace("{" + name + "}", (values or {}).get(name, FALLBACK_ID))
        return path


def _operations() -> list[_Operation]:
    found = []
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if method == "parameters":
                continue
            params = [p for p in op.get("parameters", []) + item.get("parameters", [])]
            names = tuple(p["name"] for p in params if p.get("in") == "path")
            request_body = op.get("requestBody", {})
            media = request_body.get("content", {}).get("application/json")
            body = schema = None
            if media:
                body = next(iter(media["examples"].values()))["value"]
                schema = pointer(
                    "paths", path, method, "requestBody", "content", "application/json"
                )
                schema += "/schema"
            required = bool(request_body.get("required", False))
            found.append(_Operation(method.upper(), path, names, body, schema, required))
    return found


def _paths(value: Any, at: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    """The place of every value inside a JSON document, the document itself first."""
    yield at
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*at, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*at, i))


def _replaced(document: Any, at: tuple[str | int, ...], value: Any) -> Any:
    if not at:
        return value
    changed = copy.deepcopy(document)
    parent = changed
    for key in at[:-1]:
        parent = parent[key]
    parent[at[-1]] = value
    return changed


def _dropped(document: Any, at: tuple[str | int, ...]) -> Any:
    changed = copy.deepcopy(document)
    parent = changed
    for key in at[:-1]:
        parent = parent[key]
    del parent[at[-1]]
    return changed


def _edits(body: Any) -> list[tuple[str, Any]]:
    """Every single edit of `body`: (what, the edited body); not all of them break the schema."""
    edits = []
    for at in _paths(body):
        where = "/" + "/".join(str(k) for k in at)
        for value in ODD_VALUES:
            edits.append((f"{where} = {json.dumps(value)[:40]}", _replaced(body, at, value)))
        if at:
            edits.append((f"{where} dropped", _dropped(body, at)))
        node = body
        for key in at:
            node = node[key]
        if isinstance(node, dict):
            edits.append(
                (f"{where} + unknown field", _replaced(body, at, {**node, "zzUnknown": 1}))
            )
    return edits


def malformed_requests(count: int, seed: int = 1) -> list[Request]:
    """`count` distinct requests that each break the spec, in a fixed order for `seed`."""
    rng = random.Random(seed)
    singles: list[tuple[_Operation, str, Any]] = []  # (operation, what, body breaking the schema)
    requests: dict[tuple[str, str, bytes, tuple[tuple[str, str], ...]], Request] = {}

    def add(request: Request) -> None:
        requests.setdefault(
            (request.method, request.path, request.content, request.headers), request
        )

    operations = _operations()
    for op in operations:
        body = json.dumps(op.body).encode() if op.body is not None else b""
        for bad in BAD_IDS:
            for name in op.parameters:
                add(Request(op.method, op.url({name: bad}), body, (), f"{name} = {bad!r}"))
        add(Request(op.method, op.url(), body, (("Authorization", ""),), "no API key"))
        add(Request(op.method, op.url(), body, (("Authorization", "wrong-key"),), "wrong API key"))
        add(Request(op.method, op.url(), body, (("wix-account-id", "x"),), "account id not a GUID"))
        if op.schema_pointer is None:
            continue
        schema = _validator(op.schema_pointer)
        for content in NOT_JSON + NOT_OBJECTS:
            if content == b"" and not op.body_required:
                continue
            add(Request(op.method, op.url(), content, (), f"body {content[:20]!r}"))
        for what, edited in _edits(op.body):
            if not schema.is_valid(edited):
                singles.append((op, what, edited))
                add(Request(op.method, op.url(), json.dumps(edited).encode(), (), what))

    # then two or three breaks at once, of the same request, until there are enough
    attempts = 0
    while len(requests) < count:
        attempts += 1
        if attempts > 50 * count:
            raise RuntimeError(f"only {len(requests)} distinct malformed requests; wanted {count}")
        op, what, body = rng.choice(singles)
        assert op.schema_pointer is not None
        parts = [what]
        for _ in range(rng.randint(1, 2)):
            more, edited = _random_edit(rng, body)
            if not _validator(op.schema_pointer).is_valid(edited):  # still broken
                body, parts = edited, [*parts, more]
        path = op.url({name: rng.choice(BAD_IDS) for name in op.parameters if rng.random() < 0.3})
        add(Request(op.method, path, json.dumps(body).encode(), (), "; ".join(parts)))
    return list(requests.values())[:count]


def _random_edit(rng: random.Random, body: Any) -> tuple[str, Any]:
    """One single edit of `body`, drawn without listing them all."""
    at = rng.choice(list(_paths(body)))
    where = "/" + "/".join(str(k) for k in at)
    if at and rng.random() < 0.2:
        return f"{where} dropped", _dropped(body, at)
    value = rng.choice(ODD_VALUES)
    return f"{where} = {json.dumps(value)[:40]}", _replaced(body, at, value)


@cache
def _validator(schema_pointer: str) -> Draft202012Validator:
    return validator(schema_pointer)
