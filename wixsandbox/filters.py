"""The Wix API query language, translated to a parameterized SQL condition.

Only documented fields can be filtered; a filter on any other field is ignored, as Wix does. An
unknown operator, an operator a field does not support, or a value of the wrong shape raises a 400
``MALFORMED_FILTER`` naming what was wrong. Values are always bound as parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any

from wixsandbox.errors import ApiError, bad_request
from wixsandbox.search import SearchIndex

LOGICAL = frozenset({"$and", "$or", "$not"})
COMPARISONS = frozenset({"$eq", "$ne", "$gt", "$gte", "$lt", "$lte"})
KNOWN_OPERATORS = COMPARISONS | frozenset(
    {"$in", "$nin", "$startsWith", "$contains", "$isEmpty", "$exists", "$hasAll", "$hasSome"}
)
MAX_DEPTH = 16
# SQLite refuses an expression tree deeper than 1000 ("Expression tree is too large"): long $in
# lists are bound as one JSON array, long $and/$or lists are joined as balanced trees, and a filter
# holds at most MAX_VALUES operands and MAX_IN_ITEMS per array (documented in openapi.yaml).
MAX_VALUES = 2000
MAX_IN_ITEMS = 1000
_EQUALITY = frozenset({"$eq", "$ne", "$in", "$nin", "$exists"})
_STRING_OPS = _EQUALITY | COMPARISONS | {"$startsWith"}


@dataclass(frozen=True)
class Field:
    column: str
    kind: str  # string, guid, bool, search, state, folder, array, name
    ops: frozenset[str]


def _field(column: str, kind: str, ops: frozenset[str] | set[str]) -> Field:
    return Field(column, kind, frozenset(ops))


SITE_FIELDS: dict[str, Field] = {
    "id": _field("s.id", "guid", _STRING_OPS),
    "name": _field("s.search", "search", _EQUALITY | {"$startsWith"}),
    "searchPhrase": _field("s.search", "search", _EQUALITY | {"$startsWith"}),
    # Wix's Query Sites example filter; exact (case-sensitive) equality, $startsWith ignores case.
    "displayName": _field("s.display_name", "string", _STRING_OPS),
    "folderId": _field("s.folder_id", "folder", _EQUALITY),
    "editorType": _field("s.editor_type", "string", _STRING_OPS),
    "appIds": _field("s.app_ids", "array", {"$eq", "$hasSome", "$hasAll", "$exists", "$isEmpty"}),
    "premium": _field("s.premium", "bool", _EQUALITY),
    "published": _field("s.published", "bool", _EQUALITY),
    "namespace": _field("s.namespace", "string", _STRING_OPS),
    "state": _field("s.trashed_ms", "state", _EQUALITY),
    "domainConnected": _field("s.domain_connected", "bool", _EQUALITY),
}
# Count Sites does not support the premium and appIds filters (documented): they are ignored.
COUNT_FIELDS = {
    name: spec for name, spec in SITE_FIELDS.items() if name not in ("premium", "appIds")
}
# Query Sites walks the index of its sort order and checks each site. An index on a field that
# many sites share (Count Sites has them) would tempt SQLite to collect and sort all of those sites
# instead, which grows with the account: a unary + keeps it from using one for these fields.
WALKED_FIELDS = ("editorType", "premium", "published", "namespace", "state", "domainConnected")
QUERY_FIELDS = {
    name: replace(spec, column="+" + spec.column) if name in WALKED_FIELDS else spec
    for name, spec in SITE_FIELDS.items()
}
FOLDER_FIELDS: dict[str, Field] = {
    "name": _field("f.name", "name", _STRING_OPS | {"$contains"}),
    "id": _field("f.id", "guid", _EQUALITY),
    "parentId": _field("f.parent_id", "folder", _EQUALITY),
}
SITE_SORTS = {
    "createdDate": "s.created_ms",
    "updatedDate": "s.updated_ms",
    "trashedDate": "s.trashed_ms",
    "displayName": "s.display_name",
}
FOLDER_SORTS = {"name": "f.name", "createdDate": "f.created_ms", "updatedDate": "f.updated_ms"}
_SQL_OPS = {"$eq": "=", "$ne": "<>", "$gt": ">", "$gte": ">=", "$lt": "<", "$lte": "<="}


def malformed(message: str) -> ApiError:
    return bad_request("MALFORMED_FILTER", message)


def _shown(value: Any) -> str:
    text = json.dumps(value, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


class Compiler:
    def __init__(self, fields: dict[str, Field], search: SearchIndex | None = None) -> None:
        self.fields = fields
        self.search = search
        self.params: list[Any] = []
        # Whether the condition being compiled must hold for every match (only ANDs above it),
        # and whether such a condition narrows by the search index (it can then drive the query).
        self.anchored = True
        self.narrows = False
        self.values = 0

    def count(self, where: str, values: int = 1) -> None:
        self.values += values
        if self.values > MAX_VALUES:
            raise malformed(
                f"{where}: the filter holds more than {MAX_VALUES} values (conditions and array "
                "items); split the query"
            )

    def filter(self, node: Any, where: str = "filter", depth: int = 0) -> str:
        if depth > MAX_DEPTH:
            raise malformed(f"{where}: the filter is nested more than {MAX_DEPTH} levels deep")
        if not isinstance(node, dict):
            raise malformed(f"{where}: a filter must be an object, not {_shown(node)}")
        parts: list[str] = []
        for key, value in node.items():
            here = f"{where}.{key}"
            if key in ("$and", "$or"):
                if not isinstance(value, list) or not value:
                    raise malformed(f"{here}: {key} takes a non-empty array of filters")
                self.count(here, len(value))
                with self.anchoring(key == "$and"):
                    subs = [
                        self.filter(item, f"{here}[{i}]", depth + 1) for i, item in enumerate(value)
                    ]
                parts.append(balanced(subs, " AND " if key == "$and" else " OR "))
            elif key == "$not":
                with self.anchoring(False):
                    parts.append(f"NOT {self.filter(value, here, depth + 1)}")
            elif key.startswith("$"):
                raise malformed(
                    f"{here}: unknown operator {key} (at the top of a filter: $and, $or, $not)"
                )
            elif key in self.fields:
                parts.append(self.condition(self.fields[key], key, value, here, depth + 1))
            # any other field cannot be filtered: ignored, as Wix does
        return balanced(parts, " AND ") if parts else "1"

    def condition(self, spec: Field, name: str, value: Any, where: str, depth: int) -> str:
        if depth > MAX_DEPTH:
            raise malformed(f"{where}: the filter is nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            if not value:
                raise malformed(
                    f'{where}: an empty object is not a condition; use {{"$eq": value}}'
                )
            if not all(isinstance(k, str) and k.startswith("$") for k in value):
                raise malformed(
                    f'{where}: mix of operators and fields; a condition is {{"$op": value}}'
                )
            parts = []
            for op, operand in value.items():
                at = f"{where}.{op}"
                if op == "$not":
                    with self.anchoring(False):
                        parts.append(f"NOT {self.condition(spec, name, operand, at, depth + 1)}")
                    continue
                if op not in KNOWN_OPERATORS and op not in LOGICAL:
                    raise malformed(f"{at}: unknown operator {op}")
                if op not in spec.ops:
                    raise malformed(
                        f"{at}: {name} does not support {op}; it supports {', '.join(sorted(spec.ops))}"
                    )
                parts.append(self.operator(spec, name, op, operand, at))
            return balanced(parts, " AND ")
        return self.operator(spec, name, "$eq", value, where)

    # -- one operator on one field --------------------------------------------------------------

    def bind(self, value: Any) -> str:
        self.params.append(value)
        return "?"

    @contextmanager
    def anchoring(self, holds: bool) -> Iterator[None]:
        """Within: conditions hold for every match only if `holds` (and they did so far)."""
        anchored, self.anchored = self.anchored, self.anchored and holds
        try:
            yield
        finally:
            self.anchored = anchored

    def narrow(self, text: str) -> str | None:
        """The condition "a candidate of the search index for `text`", when the index helps.

        Called before the search's own parameters are bound: the condition comes first in the SQL.
        """
        found = self.search.candidates(text) if self.search is not None else None
        if found is None:
            return None
        self.narrows = self.narrows or self.anchored
        condition, value = found
        return condition.format(self.bind(value))

    @staticmethod
    def both(narrow: str | None, found: str) -> str:
        return f"({narrow} AND {found})" if narrow else found

    # The search column is the lower-cased name, display name and address, one a line (none of
    # them holds a line break): a site's name starts it, its display name follows the first line
    # break. A prefix is checked there, in SQL, without a call back into Python for each site.
    def name_starts(self, text: str) -> str:
        return f"instr(s.search, {self.bind(text)}) = 1"

    def display_starts(self, text: str) -> str:
        return (
            f"substr(s.search, instr(s.search, char(10)) + 1, {self.bind(len(text))})"
            f" = {self.bind(text)}"
        )

    def operator(self, spec: Field, name: str, op: str, value: Any, where: str) -> str:
        col = spec.column
        self.count(where)
        if op in ("$in", "$nin", "$hasSome", "$hasAll") and isinstance(value, list):
            if len(value) > MAX_IN_ITEMS:
                raise malformed(
                    f"{where}: {op} takes at most {MAX_IN_ITEMS} values, not {len(value)}"
                )
            self.count(where, len(value))
        if op == "$exists":
            if not isinstance(value, bool):
                raise malformed(f"{where}: $exists takes true or false, not {_shown(value)}")
            if spec.kind == "folder":
                # Root ('') is one key of the folders' index; "in any folder" is most sites, which
                # are found sooner by walking the sort order (the + keeps the index out of it).
                return f"+{col} > ''" if value else f"{col} = ''"
            present = f"json_array_length({col}) > 0" if spec.kind == "array" else "1"
            return present if value else f"NOT ({present})"
        if op == "$isEmpty":
            if not isinstance(value, bool):
                raise malformed(f"{where}: $isEmpty takes true or false, not {_shown(value)}")
            return f"json_array_length({col}) {'=' if value else '>'} 0"
        if op in ("$in", "$nin"):
            if not isinstance(value, list):
                raise malformed(f"{where}: {op} takes an array, not {_shown(value)}")
            items = [self.scalar(spec, name, item, f"{where}[{i}]") for i, item in enumerate(value)]
            if spec.kind in ("search", "state", "folder"):
                with self.anchoring(len(items) == 1):
                    subs = [self.equals(spec, item) for item in dict.fromkeys(items)] or ["0"]
                found = balanced(subs, " OR ")
            else:
                found = f"{col} IN (SELECT value FROM json_each({self.bind(json.dumps(items))}))"
            return found if op == "$in" else f"NOT {found}"
        if op in ("$hasSome", "$hasAll"):
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise malformed(f"{where}: {op} takes an array of strings, not {_shown(value)}")
            wanted = sorted(set(value))
            members = (
                f"(SELECT COUNT(DISTINCT value) FROM json_each({col}) "
                f"WHERE value IN (SELECT value FROM json_each({self.bind(json.dumps(wanted))})))"
            )
            if op == "$hasSome":
                return f"{members} > 0"
            return f"{members} = {self.bind(len(wanted))}"
        operand = self.scalar(spec, name, value, where)
        if op in ("$eq", "$ne"):
            with self.anchoring(op == "$eq"):
                found = self.equals(spec, operand)
            return found if op == "$eq" else f"NOT {found}"
        if op == "$startsWith":
            text = str(operand).lower()
            if "\n" in text and spec.kind in ("search", "string"):
                return "(0)"  # no field holds a line break (see name_starts)
            if spec.kind == "search":
                # A prefix of a name is in the search text too: the index narrows by it.
                narrow = self.narrow(text)
                return self.both(
                    narrow, f"({self.name_starts(text)} OR {self.display_starts(text)})"
                )
            if col == "s.display_name":
                return self.display_starts(text)
            if col.lstrip("+").startswith("s."):
                # The other fields of sites hold ASCII (enum values, GUIDs): SQLite's lower() is
                # Python's there, and costs no call back into Python per site.
                return f"instr(lower({col}), {self.bind(text)}) = 1"
            return f"instr(casefold({col}), {self.bind(text)}) = 1"
        if op == "$contains":
            return f"instr(casefold({col}), {self.bind(str(operand).lower())}) > 0"
        # $gt $gte $lt $lte on strings
        return f"{col} {_SQL_OPS[op]} {self.bind(operand)}"

    def scalar(self, spec: Field, name: str, value: Any, where: str) -> Any:
        """Check one operand's shape for the field, and normalize it."""
        kind = spec.kind
        if kind == "bool":
            if not isinstance(value, bool):
                raise malformed(f"{where}: {name} is a boolean, not {_shown(value)}")
            return int(value)
        if kind == "folder":
            if value is None:
                return ""
            if not isinstance(value, str):
                raise malformed(f"{where}: {name} is a folder id (a string), not {_shown(value)}")
            return "" if value in ("", "root") else value.lower()
        if kind == "state":
            if value not in ("ACTIVE", "TRASHED"):
                raise malformed(f"{where}: state is ACTIVE or TRASHED, not {_shown(value)}")
            return value
        if not isinstance(value, str):
            raise malformed(f"{where}: {name} is a string, not {_shown(value)}")
        if kind == "guid":
            return value.lower()
        return value

    def equals(self, spec: Field, operand: Any) -> str:
        col = spec.column
        if spec.kind == "search":
            text = str(operand).lower()
            if "\n" in text:
                # The search column joins the fields with line breaks, and no field holds one:
                # such a text is in no field (in the column it would match across two).
                return "(0)"
            narrow = self.narrow(text)
            return self.both(narrow, f"(instr({col}, {self.bind(text)}) > 0)")
        if spec.kind == "state":
            # Trash dates are after 1970: "> 0" is "<> 0", and an index can seek it.
            return f"({col} = 0)" if operand == "ACTIVE" else f"({col} > 0)"
        if spec.kind == "array":
            return f"EXISTS (SELECT 1 FROM json_each({col}) WHERE value = {self.bind(operand)})"
        return f"({col} = {self.bind(operand)})"


def balanced(parts: list[str], joiner: str) -> str:
    """`parts` joined by " AND " or " OR " as a balanced tree: its depth grows as log2(len)."""
    if len(parts) <= 8:
        return "(" + joiner.join(parts) + ")"
    middle = len(parts) // 2
    return "(" + balanced(parts[:middle], joiner) + joiner + balanced(parts[middle:], joiner) + ")"


def compile_filter(node: Any, fields: dict[str, Field]) -> tuple[str, list[Any]]:
    """Return ``(sql, params)`` for a filter (``None`` or ``{}``: everything)."""
    compiled = compile_search_filter(node, fields, None)
    return compiled.sql, compiled.params


@dataclass(frozen=True)
class CompiledFilter:
    sql: str
    params: list[Any]
    narrows: bool  # every match is a candidate of the search index (which can drive the query)


def compile_search_filter(
    node: Any, fields: dict[str, Field], search: SearchIndex | None
) -> CompiledFilter:
    """A filter's SQL, with name searches narrowed by the search index where it helps."""
    if node is None:
        return CompiledFilter("1", [], False)
    compiler = Compiler(fields, search)
    try:
        sql = compiler.filter(node)
    except RecursionError:
        raise malformed("filter: nested too deeply") from None
    return CompiledFilter(sql, compiler.params, compiler.narrows)


def names_field(node: Any, name: str, depth: int = 0) -> bool:
    """Whether a filter names `name` anywhere (inside $and, $or and $not too)."""
    if depth > MAX_DEPTH + 2:
        return False
    if isinstance(node, dict):
        return any(
            key == name or (key in LOGICAL and names_field(value, name, depth + 1))
            for key, value in node.items()
        )
    if isinstance(node, list):
        return any(names_field(item, name, depth + 1) for item in node)
    return False


def parse_sort(sort: Any, allowed: dict[str, str]) -> list[tuple[str, str, bool]]:
    """``[(fieldName, column, descending)]`` for the sortable fields named; others are ignored."""
    found: list[tuple[str, str, bool]] = []
    seen: set[str] = set()
    for item in sort or []:
        if not isinstance(item, dict):
            continue
        name = item.get("fieldName")
        if not isinstance(name, str) or name not in allowed or name in seen:
            continue
        seen.add(name)
        found.append((name, allowed[name], item.get("order") == "DESC"))
    return found
