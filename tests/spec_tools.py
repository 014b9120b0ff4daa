"""Helpers for tests that read openapi.yaml: the spec, its examples, and validators for its schemas."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

ROOT = Path(__file__).resolve().parent.parent
SPEC_PATH = ROOT / "openapi.yaml"
SPEC_URI = "urn:wixsites:openapi"


@cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text(encoding="utf-8"))
    return loaded


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str) -> str:
    return "#/" + "/".join(_escape(t) for t in tokens)


@cache
def _registry() -> Registry[Any]:
    return Registry().with_resource(  # type: ignore[no-any-return]
        SPEC_URI, Resource.from_contents(spec(), default_specification=DRAFT202012)
    )


def validator(schema_pointer: str) -> Draft202012Validator:
    """A validator for the schema at `schema_pointer` inside the spec (its $refs resolve in the spec)."""
    return Draft202012Validator(
        {"$ref": SPEC_URI + schema_pointer}, registry=_registry(), format_checker=FormatChecker()
    )


@dataclass(frozen=True)
class Example:
    where: str  # a readable location, for failure messages
    schema_pointer: str
    value: Any
    component: str | None  # the components/schemas name the schema refers to, if any


def _component_of(schema: dict[str, Any]) -> str | None:
    ref = schema.get("$ref", "")
    prefix = "#/components/schemas/"
    return ref[len(prefix) :] if isinstance(ref, str) and ref.startswith(prefix) else None


def _media_examples(media: dict[str, Any], base: tuple[str, ...], where: str) -> Iterator[Example]:
    schema = media.get("schema", {})
    for name, example in (media.get("examples") or {}).items():
        yield Example(
            f"{where} example {name!r}",
            pointer(*base, "schema"),
            example["value"],
            _component_of(schema),
        )


def _resolve(obj: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...] | None]:
    ref = obj.get("$ref")
    if isinstance(ref, str):
        tokens = tuple(
            t.replace("~1", "/").replace("~0", "~") for t in ref.removeprefix("#/").split("/")
        )
        node: Any = spec()
        for t in tokens:
            node = node[t]
        return node, tokens
    return obj, None


def examples() -> Iterator[Example]:
    """Every example in the spec: request bodies, responses, parameters and schema-level examples."""
    doc = spec()
    for path, item in doc["paths"].items():
        for param in item.get("parameters", []):
            for name, example in (param.get("examples") or {}).items():
                yield Example(
                    f"{path} parameter {param['name']} example {name!r}",
                    pointer(
                        "paths", path, "parameters", str(item["parameters"].index(param)), "schema"
                    ),
                    example["value"],
                    None,
                )
        for method, op in item.items():
            if method == "parameters":
                continue
            where = f"{method.upper()} {path}"
            body = op.get("requestBody", {}).get("content", {}).get("application/json")
            if body:
                yield from _media_examples(
                    body,
                    ("paths", path, method, "requestBody", "content", "application/json"),
                    f"{where} request",
                )
            for status, response in op.get("responses", {}).items():
                resolved, tokens = _resolve(response)
                base = tokens if tokens else ("paths", path, method, "responses", status)
                media = resolved.get("content", {}).get("application/json")
                if media:
                    yield from _media_examples(
                        media, (*base, "content", "application/json"), f"{where} response {status}"
                    )
    for name, schema in doc["components"]["schemas"].items():
        for i, value in enumerate(schema.get("examples", [])):
            yield Example(
                f"components.schemas.{name} example {i}",
                pointer("components", "schemas", name),
                value,
                name,
            )
