"""Read Wix's machine-readable service descriptions (`*.service.json`) into `upstream_model` operations.

What the format holds, and where this reads it from:
- `operations[]`: `name`, `methodName`, `docs.request` (HTTP method), `docs.url` (full URL with
  `{path}` templates), `params[]` (`in`: BODY | PATH | QUERY, `name`, `type`, `doc`), `requiredFields`
  (dotted request paths), `permissions[].name`, `ret.type` (`statusCode`, `typeParams[0]` = response
  message).
- `messages[]`: `name`, `members[]` (`name`, `type`, `doc`), `enum` (a list for an enum), `oneOf`
  (a protobuf oneof: its members sit in the parent object in JSON).
- A type is `string`, `integer`, `boolean`, `struct` (any JSON object), `{"name": "array",
  "typeParams": [item]}`, or `"All APIs.<service>.<message>"`.
- Documented limits are prose in the field docs ("Limited to 1000 folders", "Max: 20 site IDs",
  "default limit is 1000"); documented errors are the tables of `<service>-errors.md` beside the
  description, under a heading "<Operation name> Errors".
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from upstream_model import Field, InputError, Operation

SCALARS = {
    "string": "string",
    "integer": "integer",
    "int32": "integer",
    "int64": "integer",
    "uint32": "integer",
    "uint64": "integer",
    "number": "number",
    "double": "number",
    "float": "number",
    "boolean": "boolean",
    "bool": "boolean",
}
FREE_FORM = {"struct", "google.protobuf.Struct", "object"}
_NUMBER = r"(\d[\d,]*)"
LIMIT_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("max", re.compile(r"\bMax(?:imum)?:\s*" + _NUMBER), ""),
    ("min", re.compile(r"\bMin(?:imum)?:\s*" + _NUMBER), ""),
    ("max", re.compile(r"\b[Ll]imited to " + _NUMBER), ""),
    ("max", re.compile(r"\b[Uu]p to " + _NUMBER), ""),
    ("max", re.compile(r"\b[Aa]t most " + _NUMBER), ""),
    ("max", re.compile(r"\bMaximal number of [\w ]+? is " + _NUMBER), ""),
    ("default", re.compile(r"\bdefault limit is " + _NUMBER), ".limit"),
)
_ERROR_HEADING = re.compile(r"^#+\s*(.+?)\s+Errors\s*$")
_ERROR_ROW = re.compile(r"^\|[^|]*\((\d{3})\)[^|]*\|\s*`([A-Z0-9_]+)`")


def lower_camel(name: str) -> str:
    return name[:1].lower() + name[1:]


def documented_limits(doc: str) -> list[tuple[str, str, int]]:
    """(path suffix, kind, value) of each limit a field's doc states."""
    found = []
    for kind, pattern, suffix in LIMIT_PATTERNS:
        for match in pattern.finditer(doc):
            found.append((suffix, kind, int(match.group(1).replace(",", ""))))
    return found


class _Service:
    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data
        self.messages: dict[str, dict[str, Any]] = {m["name"]: m for m in data.get("messages", [])}

    def message(self, type_name: str) -> dict[str, Any] | None:
        return self.messages.get(type_name.rsplit(".", 1)[-1])

    def flatten_type(
        self, type_: Any, path: str, doc: str, out: dict[str, Field], seen: tuple[str, ...] = ()
    ) -> None:
        """Add the field at `path` (and what it holds) to `out`."""
        limits: dict[str, list[tuple[str, int]]] = {}
        for suffix, kind, value in documented_limits(doc):
            limits.setdefault(path + suffix, []).append((kind, value))
        self._flatten(type_, path, out, seen)
        for where, found in limits.items():
            if where in out:
                out[where] = replace(out[where], limits=out[where].limits + tuple(found))
            else:
                out[where] = Field("unknown", limits=tuple(found))

    def _flatten(self, type_: Any, path: str, out: dict[str, Field], seen: tuple[str, ...]) -> None:
        if isinstance(type_, dict):
            if type_.get("name") != "array":
                raise InputError(f"{self.path.name}: unknown type {type_!r} at {path}")
            out[path] = Field("array")
            self._flatten((type_.get("typeParams") or ["string"])[0], path + "[]", out, seen)
            return
        if not isinstance(type_, str):
            raise InputError(f"{self.path.name}: unknown type {type_!r} at {path}")
        if type_ in SCALARS:
            out[path] = Field(SCALARS[type_])
            return
        if type_ in FREE_FORM:
            out[path] = Field("object", free_form=True)
            return
        message = self.message(type_)
        if message is None:
            raise InputError(f"{self.path.name}: {path} has type {type_!r}, which is not described")
        if message.get("enum"):
            out[path] = Field("string", enum=tuple(str(v) for v in message["enum"]))
            return
        out[path] = Field("object")
        if message["name"] in seen:  # a recursive message: its fields were listed above
            return
        self.members(message, path, out, (*seen, message["name"]))

    def members(
        self, message: dict[str, Any], prefix: str, out: dict[str, Field], seen: tuple[str, ...]
    ) -> None:
        for member in message.get("members", []):
            inner = self.message(member["type"]) if isinstance(member["type"], str) else None
            if inner is not None and inner.get("oneOf"):  # a oneof's fields live in the parent
                self.members(inner, prefix, out, (*seen, inner["name"]))
                continue
            where = f"{prefix}.{member['name']}" if prefix else member["name"]
            self.flatten_type(member["type"], where, member.get("doc", ""), out, seen)
            if member.get("readOnly"):
                out[where] = replace(out[where], read_only=True)

    def operation(self, op: dict[str, Any]) -> Operation:
        docs = op.get("docs", {})
        url = str(docs.get("url", ""))
        path = re.sub(r"^https?://[^/]+", "", url)
        request: dict[str, Field] = {}
        path_params = []
        for param in op.get("params", []):
            if param["in"] == "PATH":
                path_params.append(param["name"])
            elif param["in"] == "BODY":
                self.flatten_type(param["type"], param["name"], param.get("doc", ""), request)
            else:  # query parameters are named as such
                self.flatten_type(param["type"], "?" + param["name"], param.get("doc", ""), request)
        ret = op.get("ret", {}).get("type", {})
        response: dict[str, Field] = {}
        returned = (ret.get("typeParams") or [None])[0]
        if returned is not None:
            message = self.message(returned)
            if message is None:
                raise InputError(f"{self.path.name}: {op['name']} returns undescribed {returned!r}")
            self.members(message, "", response, (message["name"],))
        required = frozenset(r for r in op.get("requiredFields") or [] if r not in path_params)
        return Operation(
            key=lower_camel(op["methodName"]),
            name=op["name"],
            method=str(docs.get("request", "")).upper(),
            path=path,
            status=str(ret.get("statusCode", "200")),
            path_params=tuple(path_params),
            request=request,
            response=response,
            required=required,
            permissions=frozenset(p["name"] for p in op.get("permissions", [])),
        )


def documented_errors(folder: Path) -> dict[str, set[tuple[int, str]]]:
    """Operation name -> (status, code) from the error tables of `*errors.md` in `folder`."""
    errors: dict[str, set[tuple[int, str]]] = {}
    for path in sorted(folder.glob("*errors.md")):
        heading = None
        for line in path.read_text(encoding="utf-8").splitlines():
            if found := _ERROR_HEADING.match(line):
                heading = found.group(1)
            elif heading and (row := _ERROR_ROW.match(line)):
                errors.setdefault(heading, set()).add((int(row.group(1)), row.group(2)))
    return errors


def read_folder(folder: Path) -> list[Operation]:
    """Every operation described in `folder`'s `*.service.json` files, with its documented errors."""
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder; give the folder that holds Wix's *.service.json")
    files = sorted(folder.glob("*.service.json"))
    if not files:
        raise InputError(
            f"{folder}: no *.service.json in it; give the folder of Wix's descriptions"
        )
    errors = documented_errors(folder)
    operations = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            service = _Service(path, data)
            for op in data["operations"]:
                operation = service.operation(op)
                operation.errors = frozenset(errors.get(operation.name, ()))
                operations.append(operation)
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as error:
            raise InputError(f"{path}: not a Wix service description ({error!r})") from None
    return operations
