"""Read `openapi.yaml`'s operations into `upstream_model` operations (fields flattened, $refs resolved)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from upstream_model import Field, InputError, Operation

METHODS = ("get", "put", "post", "delete", "patch")
_LIMIT_KEYWORDS = {
    "maximum": "max",
    "maxItems": "max",
    "maxLength": "max",
    "minimum": "min",
    "minItems": "min",
    "minLength": "min",
    "default": "default",
}


class _Spec:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data

    def resolve(self, schema: Any) -> dict[str, Any]:
        """The schema with its $ref chain followed; keywords beside a $ref win over the target's."""
        if not isinstance(schema, dict):
            return {}
        seen: set[str] = set()
        merged: dict[str, Any] = {}
        while isinstance(schema, dict):
            merged = {**schema, **merged}
            ref = schema.get("$ref")
            if not isinstance(ref, str) or ref in seen:
                break
            seen.add(ref)
            merged.pop("$ref", None)
            schema = self.pointer(ref)
        merged.pop("$ref", None)
        return merged

    def pointer(self, ref: str) -> Any:
        if not ref.startswith("#/"):
            raise InputError(f"openapi.yaml: only local $refs are read, not {ref!r}")
        node: Any = self.data
        for token in ref[2:].split("/"):
            token = token.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or token not in node:
                raise InputError(f"openapi.yaml: $ref {ref!r} points nowhere")
            node = node[token]
        return node

    def combined(self, schema: dict[str, Any]) -> dict[str, Any]:
        """anyOf/oneOf/allOf folded into one schema: an enum beside a plain string is an open enum."""
        branches = [self.resolve(b) for b in schema.get("anyOf", []) + schema.get("oneOf", [])]
        branches += [self.resolve(b) for b in schema.get("allOf", [])]
        if not branches:
            return schema
        merged: dict[str, Any] = {
            k: v for k, v in schema.items() if k not in ("anyOf", "oneOf", "allOf")
        }
        for branch in (self.combined(b) for b in branches):
            for key, value in branch.items():
                if key == "enum":
                    merged["enum"] = [*merged.get("enum", []), *value]
                elif key == "properties":
                    merged["properties"] = {**merged.get("properties", {}), **value}
                elif key == "required":
                    merged["required"] = [*merged.get("required", []), *value]
                else:
                    merged.setdefault(key, value)
        return merged

    def flatten(
        self,
        schema: Any,
        path: str,
        out: dict[str, Field],
        required: set[str],
        notes: dict[str, str],
        depth: int = 0,
    ) -> None:
        node = self.combined(self.resolve(schema))
        if depth > 20:
            return
        types = node.get("type", "object" if "properties" in node else None)
        if isinstance(types, list):
            types = next((t for t in types if t != "null"), "null")
        limits = tuple(
            (kind, int(node[key]))
            for key, kind in _LIMIT_KEYWORDS.items()
            if isinstance(node.get(key), int) and not isinstance(node.get(key), bool)
        )
        enum = tuple(str(v) for v in node["enum"]) if "enum" in node else None
        type_name = str(types) if types else ("string" if enum else "any")
        properties = node.get("properties") or {}
        free_form = type_name == "object" and not properties
        if path:
            out[path] = Field(type_name, node.get("format"), enum, free_form, limits)
            if isinstance(node.get("x-wixsites-extension"), str):
                notes[path] = node["x-wixsites-extension"]
        prefix = path + "." if path else ""
        for name in node.get("required", []):
            required.add(prefix + name)
        for name, sub in properties.items():
            self.flatten(sub, prefix + name, out, required, notes, depth + 1)
        if type_name == "array" and "items" in node:
            self.flatten(node["items"], path + "[]", out, required, notes, depth + 1)

    def body(self, holder: Any) -> dict[str, Any] | None:
        holder = self.resolve(holder)
        content = holder.get("content") or {}
        media = content.get("application/json") or next(iter(content.values()), None)
        return media.get("schema") if isinstance(media, dict) else None

    def operation(
        self, path: str, method: str, item: dict[str, Any], op: dict[str, Any]
    ) -> Operation:
        request: dict[str, Field] = {}
        required: set[str] = set()
        notes: dict[str, str] = {}
        path_params = []
        for param in [*item.get("parameters", []), *op.get("parameters", [])]:
            param = self.resolve(param)
            if param.get("in") == "path":
                path_params.append(str(param["name"]))
            elif param.get("in") == "query":
                self.flatten(param.get("schema"), "?" + param["name"], request, required, notes)
                if param.get("required"):
                    required.add("?" + param["name"])
        if "requestBody" in op:
            self.flatten(self.body(op["requestBody"]), "", request, required, notes)
        responses = op.get("responses") or {}
        status = min((str(s) for s in responses if str(s).startswith("2")), default="200")
        response: dict[str, Field] = {}
        if status in responses:
            self.flatten(self.body(responses[status]), "", response, set(), notes)
        errors = set()
        for error in op.get("x-wix-errors") or []:
            if isinstance(error, dict) and "status" in error and "code" in error:
                errors.add((int(error["status"]), str(error["code"])))
                if isinstance(error.get("x-wixsites-extension"), str):
                    notes[f"{error['status']} {error['code']}"] = error["x-wixsites-extension"]
        return Operation(
            key=str(op.get("operationId") or f"{method.upper()} {path}"),
            name=str(op.get("summary", "")),
            method=method.upper(),
            path=path,
            status=status,
            path_params=tuple(path_params),
            request=request,
            response=response,
            required=frozenset(required),
            permissions=frozenset(str(p) for p in op.get("x-wix-permissions") or []),
            errors=frozenset(errors),
            extension=op.get("x-wixsites-extension"),
            notes=notes,
        )


def read_spec(path: Path) -> list[Operation]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        flat = " ".join(str(error).split())
        raise InputError(f"{path}: cannot read the spec ({flat})") from None
    if not isinstance(data, dict) or not isinstance(data.get("paths"), dict):
        raise InputError(f"{path}: not an OpenAPI document (no paths)")
    spec = _Spec(data)
    operations = []
    for path_name, item in data["paths"].items():
        item = spec.resolve(item)
        for method in METHODS:
            if isinstance(item.get(method), dict):
                operations.append(spec.operation(path_name, method, item, item[method]))
    return operations
