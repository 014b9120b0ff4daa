"""openapi.yaml: where it is, and the operations it declares.

In an installed wheel the spec is package data (``wixsandbox/openapi.yaml``, force-included by
pyproject); in a source checkout it is the repository's ``openapi.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def spec_text() -> str:
    try:
        packaged = resources.files("wixsandbox").joinpath("openapi.yaml")
        if packaged.is_file():
            return packaged.read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - odd installs
        pass
    return (Path(__file__).resolve().parents[1] / "openapi.yaml").read_text(encoding="utf-8")


@cache
def load_spec() -> dict[str, Any]:
    document = yaml.safe_load(spec_text())
    if not isinstance(document, dict):  # pragma: no cover - a broken checkout
        raise RuntimeError("openapi.yaml is not a mapping")
    return document


@dataclass(frozen=True)
class PathParam:
    name: str
    schema: dict[str, Any]


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str  # upper case
    template: str
    params: tuple[PathParam, ...]
    body_schema: dict[str, Any] | None  # the JSON schema of the request body, if any
    body_required: bool
    responses: dict[str, dict[str, Any] | None]  # status -> JSON schema of the answer

    def response_schema(self, status: int) -> dict[str, Any] | None:
        for key in (str(status), f"{status // 100}XX", "default"):
            if key in self.responses:
                return self.responses[key]
        return None


@dataclass(frozen=True)
class PathItem:
    template: str
    pattern: re.Pattern[str]
    names: tuple[str, ...]
    literal: bool  # no template parameter: takes precedence over templated paths
    operations: dict[str, Operation]  # method -> operation

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        if found is None:
            return None
        return {
            name: unquote(value) for name, value in zip(self.names, found.groups(), strict=True)
        }


def _resolve(document: dict[str, Any], node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node and isinstance(node["$ref"], str):
        ref: str = node["$ref"]
        target: Any = document
        for part in ref.removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _compile(template: str) -> tuple[re.Pattern[str], tuple[str, ...]]:
    names: list[str] = []
    regex = ""
    for piece in re.split(r"(\{[^}]+\})", template):
        if piece.startswith("{") and piece.endswith("}"):
            names.append(piece[1:-1])
            regex += "([^/]+)"
        else:
            regex += re.escape(piece)
    return re.compile(regex), tuple(names)


def _json_schema(document: dict[str, Any], node: Any) -> dict[str, Any] | None:
    node = _resolve(document, node)
    if not isinstance(node, dict):
        return None
    content = node.get("content") or {}
    media = content.get("application/json")
    if media is None or "schema" not in media:
        return None
    schema = media["schema"]
    return schema if isinstance(schema, dict) else None


def _params(document: dict[str, Any], nodes: list[Any]) -> tuple[PathParam, ...]:
    found: dict[str, PathParam] = {}
    for node in nodes:
        param = _resolve(document, node)
        if param.get("in") == "path":
            found[param["name"]] = PathParam(param["name"], param.get("schema") or {})
    return tuple(found.values())


@cache
def path_items() -> tuple[PathItem, ...]:
    """The spec's paths, literal ones first (OpenAPI: concrete paths win over templated ones)."""
    document = load_spec()
    items: list[PathItem] = []
    for template, item in (document.get("paths") or {}).items():
        item = _resolve(document, item)
        common = list(item.get("parameters") or [])
        pattern, names = _compile(template)
        operations: dict[str, Operation] = {}
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            body = _resolve(document, op.get("requestBody")) if op.get("requestBody") else None
            operations[method.upper()] = Operation(
                operation_id=op["operationId"],
                method=method.upper(),
                template=template,
                params=_params(document, common + list(op.get("parameters") or [])),
                body_schema=_json_schema(document, body) if body else None,
                body_required=bool(body and body.get("required")),
                responses={
                    str(status): _json_schema(document, response)
                    for status, response in (op.get("responses") or {}).items()
                },
            )
        items.append(PathItem(template, pattern, names, not names, operations))
    items.sort(key=lambda entry: not entry.literal)
    return tuple(items)


def operations() -> dict[str, Operation]:
    return {op.operation_id: op for item in path_items() for op in item.operations.values()}
