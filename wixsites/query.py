"""Query arguments: sort specifications, page sizes, filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from wixsites.errors import InvalidArgument

__all__ = [
    "COUNT_FILTER_FIELDS",
    "COUNT_UNSUPPORTED_FIELDS",
    "EVERY_NAMESPACE",
    "FOLDER_FILTER_FIELDS",
    "FOLDER_SORT_FIELDS",
    "ROOT_SITES",
    "SITE_FILTER_FIELDS",
    "SITE_SORT_FIELDS",
    "SortSpec",
    "check_filter",
    "check_page_size",
    "filter_fields",
    "normalize_sort",
]

# Wix's folder `siteCount` counts a folder's sites of every namespace, while Count Sites sees
# only `WIX` unless its filter names one: the sites at root are counted as a folder's are (every
# namespace), and without the sites in the trash (`folders.tree()`, the command line's counts).
EVERY_NAMESPACE = {"$exists": True}
ROOT_SITES = {"folderId": {"$exists": False}, "namespace": EVERY_NAMESPACE, "state": "ACTIVE"}

# Wix ignores a sort on any other field without a word; refusing it here saves a silent surprise.
SITE_SORT_FIELDS = frozenset({"createdDate", "updatedDate", "trashedDate", "displayName"})
FOLDER_SORT_FIELDS = frozenset({"name", "createdDate", "updatedDate"})
MAX_SORTS = 4
# Likewise Wix ignores a filter on a field it cannot filter by, and answers with every site: a
# filter on `createdDate` would select all of them, silently. `displayName` is the filter example of
# Wix's Query Sites page and service description, so it is accepted (exact match).
SITE_FILTER_FIELDS = frozenset(
    {
        "id",
        "name",
        "searchPhrase",
        "displayName",
        "folderId",
        "editorType",
        "appIds",
        "premium",
        "published",
        "namespace",
        "state",
        "domainConnected",
    }
)
# Count Sites does not support these two (documented): it would count every site.
COUNT_UNSUPPORTED_FIELDS = frozenset({"premium", "appIds"})
COUNT_FILTER_FIELDS = SITE_FILTER_FIELDS - COUNT_UNSUPPORTED_FIELDS
FOLDER_FILTER_FIELDS = frozenset({"id", "name", "parentId"})
_LOGICAL = frozenset({"$and", "$or", "$not"})

SortSpec = str | Mapping[str, Any] | tuple[str, str] | Sequence[Any] | None


def _one(item: object, allowed: frozenset[str]) -> dict[str, str]:
    if isinstance(item, str):
        name, _, order = item.partition(":")
    elif isinstance(item, Mapping):
        name, order = str(item.get("fieldName", "")), str(item.get("order") or "ASC")
    elif isinstance(item, tuple | list) and len(item) == 2 and isinstance(item[0], str):
        name, order = item[0], str(item[1])
    else:
        raise InvalidArgument(
            f"cannot read sort {item!r}: use 'field', 'field:desc', ('field', 'DESC') "
            "or {'fieldName': 'field', 'order': 'DESC'}"
        )
    name = name.strip()
    order = (order.strip() or "ASC").upper()
    if order not in ("ASC", "DESC"):
        raise InvalidArgument(f"sort order of {name!r} must be ASC or DESC, not {order!r}")
    if name not in allowed:
        raise InvalidArgument(
            f"cannot sort by {name!r}: the sortable fields are {', '.join(sorted(allowed))}",
            code="UNSORTABLE_FIELD",
        )
    return {"fieldName": name, "order": order}


def normalize_sort(sort: SortSpec, allowed: frozenset[str]) -> list[dict[str, str]] | None:
    """The Wix sort list for `sort`, given as "createdDate", "createdDate:desc",
    [("createdDate", "DESC")], a Wix sort item or the raw Wix list; None for no sort."""
    if sort is None:
        return None
    items: Iterable[object]
    if isinstance(sort, str | Mapping) or (
        isinstance(sort, tuple) and len(sort) == 2 and all(isinstance(x, str) for x in sort)
    ):
        items = [sort]
    else:
        items = sort
    out = [_one(item, allowed) for item in items]
    if len(out) > MAX_SORTS:
        raise InvalidArgument(f"at most {MAX_SORTS} sort fields, not {len(out)}")
    return out or None


def check_page_size(page_size: int, *, maximum: int = 1000) -> int:
    if (
        isinstance(page_size, bool)
        or not isinstance(page_size, int)
        or not (1 <= page_size <= maximum)
    ):
        raise InvalidArgument(
            f"page_size must be an integer from 1 to {maximum}, not {page_size!r}"
        )
    return page_size


def filter_fields(filter: object) -> set[str]:
    """The fields a filter names, inside `$and`, `$or` and `$not` too."""
    fields: set[str] = set()
    if isinstance(filter, Mapping):
        for key, value in filter.items():
            if key in _LOGICAL:
                for part in value if isinstance(value, list | tuple) else [value]:
                    fields |= filter_fields(part)
            elif not str(key).startswith("$"):  # an unknown operator: Wix answers 400
                fields.add(str(key))
    return fields


def check_filter(
    filter: Mapping[str, Any] | None,
    allowed: frozenset[str] | None = None,
    *,
    what: str = "sites",
    hint: str = "",
) -> dict[str, Any] | None:
    """`filter` as a dict; with `allowed`, refuse a field Wix would ignore without a word."""
    if filter is None:
        return None
    if not isinstance(filter, Mapping):
        raise InvalidArgument(f"filter must be a mapping in the Wix query language, not {filter!r}")
    if allowed is not None:
        ignored = sorted(filter_fields(filter) - allowed)
        if ignored:
            raise InvalidArgument(
                f"cannot filter {what} by {', '.join(repr(f) for f in ignored)}: Wix would "
                f"ignore it and match every one; the filterable fields are "
                f"{', '.join(sorted(allowed))}{hint}",
                code="UNFILTERABLE_FIELD",
            )
    return dict(filter)
