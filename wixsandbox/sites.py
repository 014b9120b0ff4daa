"""Site List v2: Query Sites (keyset cursor paging) and Count Sites."""

from __future__ import annotations

import json
from typing import Any

from wixsandbox import search
from wixsandbox.clock import iso
from wixsandbox.context import Context
from wixsandbox.cursor import CursorState
from wixsandbox.errors import invalid_field
from wixsandbox.filters import (
    COUNT_FIELDS,
    QUERY_FIELDS,
    SITE_SORTS,
    compile_search_filter,
    names_field,
    parse_sort,
)
from wixsandbox.search import SearchIndex

DEFAULT_LIMIT = 100
DEFAULT_SORT: list[tuple[str, bool]] = [("createdDate", True)]
COLUMNS = (
    "s.id, s.html_app_id, s.name, s.display_name, s.created_ms, s.updated_ms, s.trashed_ms, "
    "s.published, s.premium, s.view_url, s.edit_url, s.thumbnail, s.owner_account_id, "
    "s.contributors, s.editor_type, s.blocked, s.folder_id, s.namespace, s.domain_connected"
)


# JSON arrays of contributors, parsed once: an account has few distinct ones (read-only use).
_LISTS: dict[str, list[str]] = {}


def _json_list(text: str) -> list[str]:
    found = _LISTS.get(text)
    if found is None:
        found = json.loads(text)
        if len(_LISTS) >= 4096:
            _LISTS.clear()
        _LISTS[text] = found
    return found


def site_json(row: tuple[Any, ...]) -> dict[str, Any]:
    """A site as the API shows it, from a row of `COLUMNS` (a plain tuple: no per-row lookups)."""
    (
        site_id,
        html_app_id,
        name,
        display_name,
        created_ms,
        updated_ms,
        trashed_ms,
        published,
        premium,
        view_url,
        edit_url,
        thumbnail,
        owner_account_id,
        contributors,
        editor_type,
        blocked,
        folder_id,
        namespace,
        domain_connected,
    ) = row[:19]
    site: dict[str, Any] = {
        "id": site_id,
        "htmlAppId": html_app_id,
        "name": name,
        "displayName": display_name,
        "createdDate": iso(created_ms),
        "updatedDate": iso(updated_ms),
    }
    if trashed_ms:
        site["trashedDate"] = iso(trashed_ms)
    site["published"] = bool(published)
    site["premium"] = bool(premium)
    site["viewUrl"] = view_url
    site["editUrl"] = edit_url
    site["thumbnail"] = thumbnail
    site["ownerAccountId"] = owner_account_id
    listed = _json_list(contributors)
    if listed:  # Wix documents 1..1000 items: a site without contributors has no list
        site["contributorAccountIds"] = listed
    site["editorType"] = editor_type
    site["blocked"] = bool(blocked)
    if folder_id:
        site["folderId"] = folder_id
    site["namespace"] = namespace
    site["domainConnected"] = bool(domain_connected)
    return site


_NARROWER = ("id", "name", "searchPhrase", "folderId")


def _where(
    ctx: Context, filter_: Any, *, count: bool, page: int = DEFAULT_LIMIT
) -> tuple[str, list[Any]]:
    if count:  # counting uses every index, and the search index for any name search it can
        fields = COUNT_FIELDS
        index = SearchIndex(ctx.conn, ctx.account_id) if search.AVAILABLE else None
        # The namespace's index would be chosen over these more selective ones.
        narrower = any(names_field(filter_, name) for name in _NARROWER)
        namespace = "+s.namespace" if narrower else "s.namespace"
    else:  # a page walks its sort order (see QUERY_FIELDS), unless a search narrows it well
        fields, namespace = QUERY_FIELDS, "+s.namespace"
        index = SearchIndex(ctx.conn, ctx.account_id, page) if search.AVAILABLE else None
    compiled = compile_search_filter(filter_, fields, index)
    # The account's own index would be chosen over the few candidates of a search.
    account = "+s.account_id" if compiled.narrows else "s.account_id"
    where = f"{account} = ? AND {compiled.sql}"
    if not names_field(filter_, "namespace"):
        # Only WIX-namespace sites unless the filter names the namespace (documented default).
        where += f" AND {namespace} = 'WIX'"
    return where, [ctx.account_id, *compiled.params]


def _keyset(keys: list[tuple[str, bool]], position: list[Any]) -> tuple[str, list[Any]]:
    """The rows after `position` in the order of `keys` ((column, descending), id last)."""
    if len({desc for _, desc in keys}) == 1:
        op = "<" if keys[0][1] else ">"
        columns = ", ".join(col for col, _ in keys)
        marks = ", ".join("?" for _ in keys)
        return f"({columns}) {op} ({marks})", list(position)
    ors: list[str] = []
    params: list[Any] = []
    for i, (col, desc) in enumerate(keys):
        terms = [f"{prev} = ?" for prev, _ in keys[:i]] + [f"{col} {'<' if desc else '>'} ?"]
        params.extend([*position[:i], position[i]])
        ors.append("(" + " AND ".join(terms) + ")")
    lead_col, lead_desc = keys[0]
    # The leading bound lets SQLite seek in the index of the first sort key.
    return f"{lead_col} {'<=' if lead_desc else '>='} ? AND ({' OR '.join(ors)})", [
        position[0],
        *params,
    ]


def query_sites(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    query = (body or {}).get("query") or {}
    paging = query.get("cursorPaging") or {}
    token = paging.get("cursor")
    limit = paging.get("limit")
    position: list[Any] | None = None
    if token:
        for name in ("filter", "sort"):
            if query.get(name):
                raise invalid_field(
                    f"query.{name}",
                    "must be absent when a cursor is sent: the cursor carries the filter and the sort",
                )
        state = ctx.cursors.decode(token, account_id=ctx.account_id, now_ms=ctx.now_ms)
        filter_, sort, started = state.filter, state.sort, state.started_ms
        position = state.position
        limit = int(limit) if limit is not None else state.limit
    else:
        filter_ = query.get("filter")
        sort = [(name, desc) for name, _, desc in parse_sort(query.get("sort"), SITE_SORTS)]
        sort = sort or DEFAULT_SORT
        started = ctx.now_ms
        limit = int(limit) if limit is not None else DEFAULT_LIMIT
    where, args = _where(ctx, filter_, count=False, page=limit)
    keys = [(SITE_SORTS[name], desc) for name, desc in sort if name in SITE_SORTS]
    keys.append(("s.id", keys[-1][1]))
    if position is not None:
        if len(position) != len(keys):
            raise invalid_field("query.cursorPaging.cursor", "is not a cursor of this query")
        condition, more = _keyset(keys, position)
        where += f" AND {condition}"
        args.extend(more)
    order = ", ".join(f"{col} {'DESC' if desc else 'ASC'}" for col, desc in keys)
    key_columns = ", ".join(f"{col} AS k{i}" for i, (col, _) in enumerate(keys))
    cursor = ctx.conn.cursor()
    cursor.row_factory = None  # plain tuples
    rows = cursor.execute(
        f"SELECT {COLUMNS}, {key_columns} FROM sites s WHERE {where} ORDER BY {order} LIMIT ?",
        [*args, limit + 1],
    ).fetchall()
    has_next = len(rows) > limit
    rows = rows[:limit]
    answer: dict[str, Any] = {"sites": [site_json(row) for row in rows]}
    cursors: dict[str, Any] = {}
    if has_next:
        last = rows[-1]
        cursors["next"] = ctx.cursors.encode(
            CursorState(
                account_id=ctx.account_id,
                filter=filter_,
                sort=sort,
                limit=limit,
                position=list(last[19:]),
                started_ms=started,
            )
        )
    answer["cursorPaging"] = {"cursor": cursors["next"]} if has_next else {}
    answer["metadata"] = {"count": len(rows), "cursors": cursors, "hasNext": has_next}
    return answer


def count_statement(ctx: Context, filter_: Any) -> tuple[str, list[Any]]:
    """The SQL of Count Sites for a filter, and its parameters."""
    where, args = _where(ctx, filter_, count=True)
    return f"SELECT COUNT(*) FROM sites s WHERE {where}", args


def count_sites(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    row = ctx.conn.execute(*count_statement(ctx, (body or {}).get("filter"))).fetchone()
    return {"count": int(row[0])}
