"""Site Actions v1 (Bulk Delete Site, Duplicate Site) and Site Publisher v1 (Publish Site).

Each runs in the request's transaction. Sites are never deleted: a trashed site gets a
``trashed_ms`` (``trashedDate``, state ``TRASHED``) and leaves its folder. The choices where Wix's
docs are silent are written in openapi.yaml, on each operation.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from wixsandbox.accounts import user_tag
from wixsandbox.context import Context
from wixsandbox.errors import ApiError, not_found
from wixsandbox.webhooks import changes

PREMIUM_NOT_PERMITTED = {
    "code": "PREMIUM_NOT_PERMITTED",
    "description": "unassign premium request: NOT_PERMITTED",
}
SITE_NOT_FOUND = {"code": "NOT_FOUND", "description": "site not found in this account"}


def bulk_delete_sites(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    results: list[dict[str, Any]] = []
    successes = 0
    seen: set[str] = set()
    for index, given in enumerate(body["ids"]):
        site_id = str(given).lower()
        if site_id in seen:  # a site is counted once: its first mention answers for it
            continue
        seen.add(site_id)
        row = ctx.conn.execute(
            "SELECT premium, trashed_ms FROM sites WHERE account_id = ? AND id = ?",
            (ctx.account_id, site_id),
        ).fetchone()
        error: dict[str, str] | None = None
        if row is None:
            error = SITE_NOT_FOUND
        elif row["premium"]:
            error = PREMIUM_NOT_PERMITTED
        elif not row["trashed_ms"]:  # trashing a trashed site succeeds and keeps its date
            ctx.conn.execute(
                "UPDATE sites SET trashed_ms = ?, folder_id = '' WHERE account_id = ? AND id = ?",
                (ctx.now_ms, ctx.account_id, site_id),
            )
            changes.site_trashed(ctx, site_id)
        successes += error is None
        results.append(
            {
                "itemMetadata": {
                    "id": given,
                    "originalIndex": index,
                    "success": error is None,
                    "error": error,
                }
            }
        )
    return {
        "results": results,
        "bulkActionMetadata": {
            "totalSuccesses": successes,
            "totalFailures": len(results) - successes,
        },
    }


def _slug(display_name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", display_name.lower()).strip("-")
    return slug[:60].strip("-") or "site"


def _free_name(ctx: Context, base: str) -> str:
    taken = {
        str(row[0])
        for row in ctx.conn.execute(
            "SELECT name FROM sites WHERE account_id = ? AND (name = ? OR name LIKE ? ESCAPE '\\')",
            (ctx.account_id, base, base.replace("_", "\\_").replace("%", "\\%") + "-%"),
        )
    }
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def duplicate_site(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    source_id = str(body["sourceSiteId"]).lower()
    source = ctx.conn.execute(
        "SELECT contributors, editor_type, namespace, app_ids FROM sites "
        "WHERE account_id = ? AND id = ?",
        (ctx.account_id, source_id),
    ).fetchone()
    if source is None:
        raise not_found(
            f"Site {source_id} (sourceSiteId) not found in this account",
            [source_id],
            unknownSiteIds=[source_id],
        )
    display = str(body["siteDisplayName"])
    name = _free_name(ctx, _slug(display))
    new_id = str(uuid.uuid4())
    view_url = f"https://{user_tag(ctx.account_id)}.wixsite.com/{name}"
    ctx.conn.execute(
        "INSERT INTO sites (account_id, id, html_app_id, name, display_name, created_ms, updated_ms, "
        "trashed_ms, published, premium, view_url, edit_url, thumbnail, owner_account_id, "
        "contributors, editor_type, blocked, folder_id, namespace, domain_connected, app_ids, search) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, ?, ?, 0, '', ?, 0, ?, ?)",
        (
            ctx.account_id,
            new_id,
            str(uuid.uuid4()),
            name,
            display,
            ctx.now_ms,
            ctx.now_ms,
            view_url,
            f"/editor/{new_id}?editorSessionId={uuid.uuid4()}",
            f"/site-thumbnail/{new_id}",
            ctx.account_id,
            source["contributors"],
            source["editor_type"],
            source["namespace"],
            source["app_ids"],
            "\n".join((name, display, view_url)).lower(),
        ),
    )
    changes.site_created(ctx, new_id)
    return {"newSiteId": new_id}


def publish_site(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    row = ctx.conn.execute(
        "SELECT trashed_ms FROM sites WHERE account_id = ? AND id = ?",
        (ctx.account_id, ctx.site_id),
    ).fetchone()
    if row is None:  # authentication found it in this transaction: cannot happen
        raise not_found(f"Site {ctx.site_id} not found", [ctx.site_id])
    if row["trashed_ms"]:
        raise ApiError(
            428,
            f"Site {ctx.site_id} is in the trash: restore it before publishing it",
            code="SITE_IN_TRASH",
        )
    ctx.conn.execute(
        "UPDATE sites SET published = 1, updated_ms = ? WHERE account_id = ? AND id = ?",
        (ctx.now_ms, ctx.account_id, ctx.site_id),
    )
    changes.site_updated(ctx, ctx.site_id)
    return {}
