"""Where sites and folders are now: the read that settles a move whose answer was lost.

A move request that timed out, lost its connection, or met a 5xx may have been applied. Rather
than report such ids as failed (they may sit in the target) or as moved (they may not), a bulk
move reads them back: Query Sites (or Query Folders) by id ``$in``, and compares each one's
folder (or parent) with the target.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import TypeVar

from wixsites.operations import Call, query_folders_page, query_sites_page
from wixsites.paging import CursorPager, OffsetPager
from wixsites.runner import Flow

__all__ = ["CHECK_BATCH", "folders_in_target", "sites_in_target"]

R = TypeVar("R")

CHECK_BATCH = 100  # ids per `$in` read (the live Query Sites pages 100 at a time)
# Attempts of each read, whatever the client's retry policy: a read is safe to repeat, and each
# failed one leaves ids uncertain.
READ_BACK_ATTEMPTS = 3


def _folder_key(value: object) -> str:
    """A folder reference as the API gives it, normalized: "" for root."""
    if value is None or value in ("", "root"):
        return ""
    return str(value).lower()


def _persistent(call: Call[R]) -> Call[R]:
    return dataclasses.replace(call, min_attempts=READ_BACK_ATTEMPTS)


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    return [list(ids[i : i + CHECK_BATCH]) for i in range(0, len(ids), CHECK_BATCH)]


def sites_in_target(ids: Sequence[str], target: str) -> Flow[dict[str, bool]]:
    """For each of `ids` the account has: whether the site is in `target` ("" = root)."""
    found: dict[str, bool] = {}
    for chunk in _chunks(ids):
        pager = CursorPager()
        while not pager.done:
            page = yield _persistent(
                query_sites_page(
                    filter=None if pager.cursor else {"id": {"$in": chunk}},
                    sort=None,
                    limit=CHECK_BATCH,
                    cursor=pager.cursor,
                )
            )
            for site in pager.unseen(page.items, lambda s: s.id):
                found[str(site.id).lower()] = _folder_key(site.folder_id) == target
            pager.advance(page.next_cursor, page.has_next)
    return found


def folders_in_target(ids: Sequence[str], target: str) -> Flow[dict[str, bool]]:
    """For each of `ids` the account has: whether the folder's parent is `target`."""
    found: dict[str, bool] = {}
    for chunk in _chunks(ids):
        pager = OffsetPager(CHECK_BATCH)
        while not pager.done:
            page = yield _persistent(
                query_folders_page(
                    filter={"id": {"$in": chunk}},
                    sort=None,
                    limit=CHECK_BATCH,
                    offset=pager.offset,
                )
            )
            for folder in pager.unseen(page.items, lambda f: f.id):
                found[str(folder.id).lower()] = _folder_key(folder.parent_id) == target
            pager.advance(len(page.items), total=page.total, echoed=page.offset)
    return found
