"""What each change of the API records, called by the handlers in their transaction.

Which action sends which event is openapi.yaml's choice (info.description, "Webhooks"): Duplicate
Site a Site Created; Bulk Delete Site a Site Deleted per site it trashes; Publish Site and
Transfer Site a Site Updated; Move Sites To Folder one `move_site_to_folder_event`; Create Folder
a Folder Created; Update Folder and Move Folders a Folder Updated per folder changed; Delete
Folder a `move_site_to_folder_event` for its sites, a Folder Updated per sub-folder lifted, then
a Folder Deleted. A request that changes nothing records nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from wixsandbox.context import Context
from wixsandbox.sites import COLUMNS, site_json
from wixsandbox.webhooks import events
from wixsandbox.webhooks.outbox import record

# Move Sites To Folder's documented limit: the move event of a larger move is split.
MOVED_PER_EVENT = 500

__all__ = [
    "MOVED_PER_EVENT",
    "folder_created",
    "folder_deleted",
    "folder_updated",
    "site_created",
    "site_trashed",
    "site_updated",
    "sites_moved",
    "wanted",
]


def _site(ctx: Context, site_id: str) -> dict[str, Any]:
    row = ctx.conn.execute(
        f"SELECT {COLUMNS} FROM sites s WHERE s.account_id = ? AND s.id = ?",
        (ctx.account_id, site_id),
    ).fetchone()
    return site_json(tuple(row))


def site_created(ctx: Context, site_id: str) -> None:
    record(ctx, "site.created", site_id, lambda: events.created(_site(ctx, site_id)))


def site_updated(ctx: Context, site_id: str) -> None:
    record(ctx, "site.updated", site_id, lambda: events.updated(_site(ctx, site_id)))


def site_trashed(ctx: Context, site_id: str) -> None:
    record(ctx, "site.deleted", site_id, lambda: events.deleted(moved_to_trash=True))


def wanted(ctx: Context, name: str) -> bool:
    """Whether an endpoint gets event `name` of this request (to skip work done only for it)."""
    return ctx.outbox is not None and ctx.outbox.wants(name)


def sites_moved(ctx: Context, target_folder_id: str, site_ids: list[str]) -> None:
    """One event per `MOVED_PER_EVENT` sites (Delete Folder may move a folder of thousands)."""
    for start in range(0, len(site_ids), MOVED_PER_EVENT):
        chunk = site_ids[start : start + MOVED_PER_EVENT]
        record(ctx, "sites.moved", target_folder_id, partial(events.moved, target_folder_id, chunk))


def folder_created(ctx: Context, folder: dict[str, Any]) -> None:
    record(ctx, "folder.created", str(folder["id"]), lambda: events.created(folder))


def folder_updated(ctx: Context, folder_id: str, folder: Callable[[], dict[str, Any]]) -> None:
    """`folder` makes the folder's JSON (called only when an endpoint gets the event)."""
    record(ctx, "folder.updated", folder_id, lambda: events.updated(folder()))


def folder_deleted(ctx: Context, folder_id: str) -> None:
    record(ctx, "folder.deleted", folder_id, events.deleted)
