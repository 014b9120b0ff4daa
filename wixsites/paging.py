"""The paging contracts, without I/O: the sync and async clients both drive these.

Cursor paging (Query Sites): start without a cursor (or from a saved one), send the cursor of
the previous answer, stop when ``hasNext`` is false or no cursor comes back; a cursor seen before
would fetch a page already yielded, so it raises `PagingError` instead of looping.

Offset paging (Query Folders): advance the offset by the items received; stop on an empty page,
when the reported total is reached, or, with no total, on a short page.

Both keep the promise of a listing: every item once. The ids of the items yielded are remembered
(`SeenIds`, compactly: a whole account fits), and an item a page repeats is dropped (a site that
changed during a listing sorted by ``updatedDate`` and came back later in the order, or a server's
repeat), including within one page. A page can so come out emptier than it was sent, or empty.
Pages that make no progress, that claim more but bring no item not seen before (empty, or only
repeats), are counted: `MAX_STALLED_PAGES` of those in a row raise `PagingError` (code
``NO_PROGRESS``) instead of paging forever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar

from wixsites.errors import PagingError
from wixsites.responses import ResponseInfo
from wixsites.seen import SeenIds
from wixsites.serialize import json_ready, to_json

__all__ = ["MAX_STALLED_PAGES", "CursorPager", "OffsetPager", "Page", "fresh_page"]

T = TypeVar("T")

MAX_STALLED_PAGES = 3


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results.

    `cursor` fetched this page (None for the first page of a query); `next_cursor` fetches the next
    one, or is None on the last page: save it to resume later with ``query(cursor=...)``. Offset
    pages have `offset` instead, and `total` when the server reports one. `request_id` is the
    server's ``x-wix-request-id`` of the answer that brought the page, and `response` that
    answer's status, headers and request id.
    """

    items: list[T]
    cursor: str | None = None
    next_cursor: str | None = None
    prev_cursor: str | None = None
    has_next: bool = False
    offset: int | None = None
    total: int | None = None
    raw: object = field(default=None, repr=False, compare=False)
    request_id: str | None = field(default=None, repr=False, compare=False)
    response: ResponseInfo | None = field(default=None, repr=False, compare=False)

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data: its items' `to_dict()` and where it stands."""
        return {
            "items": json_ready(self.items),
            "cursor": self.cursor,
            "nextCursor": self.next_cursor,
            "prevCursor": self.prev_cursor,
            "hasNext": self.has_next,
            "offset": self.offset,
            "total": self.total,
            "requestId": self.request_id,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)


class _Pager:
    """What both pagers do with the items of a page: remember the ids of the items yielded, keep
    the new ones, and count the pages in a row that brought none; raise once there are too many."""

    __slots__ = ("_fresh", "_yielded", "done", "pages", "stalled")

    def __init__(self) -> None:
        self.done = False
        self.pages = 0
        self.stalled = 0
        self._yielded = SeenIds()
        self._fresh: bool | None = None  # whether the last page brought a new item (None: unsaid)

    def unseen(self, items: Sequence[T], key: Callable[[T], object]) -> list[T]:
        """The items of the page just received that were not yielded before (by id: `key`), in
        order; they are seen from now on."""
        seen = self._yielded
        fresh = [item for item in items if seen.add(str(key(item)))]
        self._fresh = bool(fresh)
        return fresh

    def _check_progress(self) -> None:
        """Account for the page `unseen` was last given (nothing if none was)."""
        fresh, self._fresh = self._fresh, None
        if fresh is None:
            return
        if fresh:
            self.stalled = 0
            return
        self.stalled += 1
        if self.stalled >= MAX_STALLED_PAGES:
            self.done = True
            raise PagingError(
                f"the server sent {self.stalled} pages in a row with no item not seen before, "
                f"each claiming more (after page {self.pages}); stopped instead of paging forever",
                code="NO_PROGRESS",
            )


class CursorPager(_Pager):
    """Which cursor to send next, when to stop, and which items of a page are new."""

    __slots__ = ("_seen", "cursor")

    def __init__(self, cursor: str | None = None) -> None:
        super().__init__()
        self.cursor = cursor or None
        # Hashes, not the cursors: Wix cursors can be long and a query can have many pages.
        self._seen: set[int] = set()
        if self.cursor is not None:
            self._seen.add(hash(self.cursor))

    def advance(self, next_cursor: str | None, has_next: bool | None) -> None:
        """Record the answer to the request for `self.cursor` (after `unseen` of its items)."""
        self.pages += 1
        if has_next is False or not next_cursor:
            self.done = True
            self.cursor = None
            return
        self._check_progress()
        key = hash(next_cursor)
        if key in self._seen:
            self.done = True
            raise PagingError(
                f"the server sent a cursor it had already sent (after page {self.pages}); "
                "stopped instead of fetching the same pages again",
                code="CURSOR_LOOP",
            )
        self._seen.add(key)
        self.cursor = next_cursor


class OffsetPager(_Pager):
    """Which offset to ask for next, when to stop, and which items of a page are new."""

    __slots__ = ("limit", "offset")

    def __init__(self, limit: int, offset: int = 0) -> None:
        super().__init__()
        self.limit = limit
        self.offset = offset

    def advance(self, count: int, *, total: int | None = None, echoed: int | None = None) -> None:
        """Record a page of `count` items (as sent, repeats included) answering the request for
        `self.offset`, after `unseen` of its items.

        `echoed` is the offset the server says it served; one that differs from the one asked for
        would repeat or skip items, so it raises `PagingError`.
        """
        self.pages += 1
        if echoed is not None and echoed != self.offset:
            self.done = True
            raise PagingError(
                f"asked for offset {self.offset}, the server answered offset {echoed}",
                code="OFFSET_MISMATCH",
            )
        self.offset += count
        if (
            count == 0
            or (total is not None and self.offset >= total)
            or (total is None and count < self.limit)
        ):
            self.done = True
            return
        self._check_progress()


def fresh_page(page: Page[T], items: list[T]) -> Page[T]:
    """`page` with only `items` (its items not yielded before): itself when nothing was dropped."""
    return page if len(items) == len(page.items) else replace(page, items=items)
