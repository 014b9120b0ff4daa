"""Site List v2: Query Sites (keyset cursor paging) and Count Sites."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from wixsandbox.clock import iso
from wixsandbox.context import Context
from wixsandbox.cursor import CursorState
from wixsandbox.errors import invalid_field
from wixsandbox.filters import (
    COUNT_FIELDS,
    SITE_FIELDS,
    SITE_SORTS,
    compile_filter,
    names_field,
    parse_sort,
)

DEFAULT_LIMIT = 100
DEFAULT_SORT: list[tuple[str, bool]] = [("createdDate", True)]
COLUMNS = (
    "s.id, s.html_app_id, s.name, s.display_name, s.created_ms, s.updated_ms, s.trashed_ms, "
    "s.published, s.premium, s.view_url, s.edit_url, s.thumbnail, s.owner_account_id, "
    "s.contributors, s.editor_type, s.blocked, s.folder_id, s.namespace, s.domain_connected"
)


def site_json(row: sqlite3.Row) -> dict[str, Any]:
    site: dict[str, Any] = {
        "id": row["id"],
        "htmlAppId": row["html_app_id"],
        "name": row["name"],
        "displayName": row["display_name"],
        "createdDate": iso(row["created_ms"]),
        "updatedDate": iso(row["updated_ms"]),
    }
    if row["trashed_ms"]:
        site["trashedDate"] = iso(row["trashed_ms"])
    site.update(
        published=bool(row["published"]),
        premium=bool(row["premium"]),
        viewUrl=row["view_url"],
        editUrl=row["edit_url"],
        thumbnail=row["thumbnail"],
        ownerAccountId=row["owner_account_id"],
    )
    contributors = json.loads(row["contributors"])
    if contributors:  # Wix documents 1..1000 items: a site without contributors has no list
        site["contributorAccountIds"] = contributors
    site.update(editorType=row["editor_type"], blocked=bool(row["blocked"]))
    if row["folder_id"]:
        site["folderId"] = row["folder_id"]
    site.update(namespace=row["namespace"], domainConnected=bool(row["domain_connected"]))
    return site


def _where(ctx: Context, filter_: Any, fields: dict[str, Any]) -> tuple[str, list[Any]]:
    sql, params = compile_filter(filter_, fields)
    where = f"s.account_id = ? AND {sql}"
    if not names_field(filter_, "namespace"):
        # Only WIX-namespace sites unless the filter names the namespace (documented default).
        where += " AND s.namespace = 'WIX'"
    return where, [ctx.account_id, *params]


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
    where, args = _where(ctx, filter_, SITE_FIELDS)
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
    rows = ctx.conn.execute(
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
                position=[last[f"k{i}"] for i in range(len(keys))],
                started_ms=started,
            )
        )
    answer["cursorPaging"] = {"cursor": cursors["next"]} if has_next else {}
    answer["metadata"] = {"count": len(rows), "cursors": cursors, "hasNext": has_next}
    return answer


def count_sites(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    where, args = _where(ctx, (body or {}).get("filter"), COUNT_FIELDS)
    row = ctx.conn.execute(f"SELECT COUNT(*) FROM sites s WHERE {where}", args).fetchone()
    return {"count": int(row[0])}
