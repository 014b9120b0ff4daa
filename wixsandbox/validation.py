"""Requests and responses checked against openapi.yaml (JSON Schema Draft 2020-12).

The spec's components are one resource of a `referencing` registry, so each operation's schema is
validated with its ``$ref``s resolved in place. Request violations become Wix ``fieldViolations``.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import jsonschema_rs  # type: ignore[import-not-found,unused-ignore]
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from wixsandbox.errors import FieldViolation
from wixsandbox.spec import load_spec

SPEC_URI = "urn:wixsandbox:openapi.yaml"
_MAX_VIOLATIONS = 20
_RULES = {
    "required": "REQUIRED_FIELD",
    "maximum": "MAX",
    "exclusiveMaximum": "MAX",
    "maxLength": "MAX",
    "maxItems": "MAX",
    "maxProperties": "MAX",
    "minimum": "MIN",
    "exclusiveMinimum": "MIN",
    "minLength": "MIN",
    "minItems": "MIN",
    "minProperties": "MIN",
    "format": "FORMAT",
    "pattern": "FORMAT",
}


@cache
def _registry() -> Registry[Any]:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, DRAFT202012.create_resource(load_spec())
    )
    return registry


def _rebase(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                SPEC_URI + value
                if key == "$ref" and isinstance(value, str) and value.startswith("#/")
                else _rebase(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rebase(item) for item in node]
    return node


def inline(node: Any, document: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """`node` with the spec's ``#/...`` references replaced by their targets (no cycles here)."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/") and ref not in seen:
            target: Any = document
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            resolved = inline(target, document, (*seen, ref))
            return {"allOf": [resolved, inline(rest, document, seen)]} if rest else resolved
        return {key: inline(value, document, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [inline(item, document, seen) for item in node]
    return node


class FastCheck:
    """jsonschema-rs validators of the spec's schemas, built once per schema (keyed by id).

    A compiled validator is a fast yes/no: about a thousand times faster than the pure-Python one
    on a large body. It is never more lenient than the pure-Python one on this spec (it reads
    ``format: uuid`` and ``$`` strictly), so a "valid" from it is final, and only an invalid
    instance is handed to the pure-Python validator, which explains it.
    """

    def __init__(self) -> None:
        self._validators: dict[int, tuple[dict[str, Any], Any]] = {}

    def validator(self, schema: dict[str, Any]) -> Any:
        entry = self._validators.get(id(schema))
        if entry is None:
            compiled = jsonschema_rs.validator_for(
                inline(schema, load_spec()), validate_formats=True
            )
            entry = (schema, compiled)  # keep the schema alive so its id stays unique
            self._validators[id(schema)] = entry
        return entry[1]

    def is_valid(self, schema: dict[str, Any], instance: Any) -> bool:
        """True only when the instance is valid; False when it is not, or cannot be checked here
        (e.g. nested deeper than the compiled validator follows)."""
        try:
            return bool(self.validator(schema).is_valid(instance))
        except Exception:  # the pure-Python validator decides and explains
            return False

    def first_error(self, schema: dict[str, Any], instance: Any) -> str | None:
        try:
            validator = self.validator(schema)
            if validator.is_valid(instance):
                return None
            for error in validator.iter_errors(instance):
                path = "/".join(map(str, error.instance_path))
                return f"{path}: {str(error.message)[:300]}"
        except Exception:
            return SchemaCheck().first_error(schema, instance)
        return None


class SchemaCheck:
    """Validators built once per schema (schemas are dicts, so they are keyed by id)."""

    def __init__(self) -> None:
        self._validators: dict[int, tuple[dict[str, Any], Draft202012Validator]] = {}
        self.compiled = FastCheck()

    def validator(self, schema: dict[str, Any]) -> Draft202012Validator:
        entry = self._validators.get(id(schema))
        if entry is None:
            validator = Draft202012Validator(
                _rebase(schema),
                registry=_registry(),
                format_checker=Draft202012Validator.FORMAT_CHECKER,
            )
            entry = (schema, validator)  # keep the schema alive so its id stays unique
            self._validators[id(schema)] = entry
        return entry[1]

    def violations(
        self, schema: dict[str, Any], instance: Any, prefix: str = ""
    ) -> list[FieldViolation]:
        if self.compiled.is_valid(schema, instance):
            return []
        errors = sorted(
            self.validator(schema).iter_errors(instance),
            key=lambda error: (len(error.absolute_path), list(map(str, error.absolute_path))),
        )
        found: list[FieldViolation] = []
        for error in errors:
            found.extend(_explain(error, prefix))
            if len(found) >= _MAX_VIOLATIONS:
                break
        return found[:_MAX_VIOLATIONS]

    def is_valid(self, schema: dict[str, Any], instance: Any) -> bool:
        if self.compiled.is_valid(schema, instance):
            return True
        return bool(self.validator(schema).is_valid(instance))

    def first_error(self, schema: dict[str, Any], instance: Any) -> str | None:
        for error in self.validator(schema).iter_errors(instance):
            return f"{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}"
        return None


def _field(prefix: str, path: list[Any]) -> str:
    parts = [prefix] if prefix else []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else str(part))
    return ".".join(parts).replace(".[", "[") or "body"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _explain(error: ValidationError, prefix: str) -> list[FieldViolation]:
    """Turn one jsonschema error into field violations with short messages (no echoed payloads)."""
    path = list(error.absolute_path)
    keyword = str(error.validator)
    value = error.validator_value
    rule = _RULES.get(keyword, "OTHER")
    if keyword == "required" and isinstance(error.instance, dict) and isinstance(value, list):
        return [
            FieldViolation(_field(prefix, [*path, name]), "is required", rule)
            for name in value
            if name not in error.instance
        ]
    if keyword in {"anyOf", "oneOf"} and error.context:
        best = min(error.context, key=lambda sub: len(list(sub.absolute_path)))
        return _explain(best, prefix)
    data: dict[str, Any] | None = None
    match keyword:
        case "maximum" | "maxLength" | "maxItems" | "maxProperties":
            noun = {
                "maximum": "",
                "maxLength": " characters",
                "maxItems": " items",
                "maxProperties": " keys",
            }[keyword]
            description, data = f"must be at most {value}{noun}", {"threshold": value}
        case "minimum" | "minLength" | "minItems" | "minProperties":
            noun = {
                "minimum": "",
                "minLength": " characters",
                "minItems": " items",
                "minProperties": " keys",
            }[keyword]
            description, data = f"must be at least {value}{noun}", {"threshold": value}
        case "exclusiveMaximum":
            description, data = f"must be less than {value}", {"threshold": value}
        case "exclusiveMinimum":
            description, data = f"must be greater than {value}", {"threshold": value}
        case "type":
            description = (
                f"must be of type {value if isinstance(value, str) else ' or '.join(value)}"
            )
        case "format":
            description, data = f"must be a valid {value}", {"expected": str(value).upper()}
        case "pattern":
            description = f"must match the pattern {value}"
        case "enum":
            description = "must be one of " + ", ".join(map(str, value))
        case "const":
            description = f"must be {_short(value)}"
        case "additionalProperties" | "unevaluatedProperties":
            extra = (
                sorted(set(error.instance) - set(error.schema.get("properties", {})))
                if isinstance(error.instance, dict)
                else []
            )
            description = "unknown field(s): " + ", ".join(_short(name) for name in extra[:5])
        case "not" if isinstance(value, dict) and isinstance(value.get("pattern"), str):
            description = f"must not match the pattern {value['pattern']}"
        case _:
            description = f"is not valid ({keyword})"
    return [FieldViolation(_field(prefix, path), description, rule, data)]
