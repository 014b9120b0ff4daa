"""The paging contracts, without I/O: the sync and async clients both drive these.

Cursor paging (Query Sites): start without a cursor (or from a saved one), send the cursor of
the previous answer, stop when ``hasNext`` is false or no cursor comes back; a cursor seen before
would fetch a page already yielded, so it raises `PagingError` instead of looping.

Offset paging (Query Folders): advance the offset by the items received; stop on an empty page,
when the reported total is reached, or, with no total, on a short page.

Both also watch for pages that make no progress: a page that claims more but brings no item
not seen before (empty, or only items already yielded). `MAX_STALLED_PAGES` of those in a row
raise `PagingError` (code ``NO_PROGRESS``) instead of paging forever.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from wixsites.errors import PagingError
from wixsites.responses import ResponseInfo
from wixsites.serialize import json_ready, to_json

__all__ = ["MAX_STALLED_PAGES", "CursorPager", "OffsetPager", "Page", "StallGuard"]

T = TypeVar("T")

MAX_STALLED_PAGES = 3


class StallGuard:
    """Counts pages in a row that brought no new item; raises once there are too many.

    Remembers the hashes of the ids seen, not the ids (a query can have many)."""

    __slots__ = ("_seen", "stalled")

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self.stalled = 0

    def page(self, keys: Iterable[object], pages: int) -> None:
        before = len(self._seen)
        self._seen.update(hash(str(k)) for k in keys)
        if len(self._seen) > before:
            self.stalled = 0
            return
        self.stalled += 1
        if self.stalled >= MAX_STALLED_PAGES:
            raise PagingError(
                f"the server sent {self.stalled} pages in a row with no item not seen before, "
                f"each claiming more (after page {pages}); stopped instead of paging forever",
                code="NO_PROGRESS",
            )


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


class CursorPager:
    """Which cursor to send next, and when to stop."""

    __slots__ = ("_progress", "_seen", "cursor", "done", "pages")

    def __init__(self, cursor: str | None = None) -> None:
        self.cursor = cursor or None
        self.done = False
        self.pages = 0
        self._progress = StallGuard()
        # Hashes, not the cursors: Wix cursors can be long and a query can have many pages.
        self._seen: set[int] = set()
        if self.cursor is not None:
            self._seen.add(hash(self.cursor))

    def advance(
        self, next_cursor: str | None, has_next: bool | None, keys: Iterable[object] | None = None
    ) -> None:
        """Record the answer to the request for `self.cursor`; `keys` are the page's item ids."""
        self.pages += 1
        if has_next is False or not next_cursor:
            self.done = True
            self.cursor = None
            return
        if keys is not None:
            try:
                self._progress.page(keys, self.pages)
            except PagingError:
                self.done = True
                raise
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


class OffsetPager:
    """Which offset to ask for next, and when to stop."""

    __slots__ = ("_progress", "done", "limit", "offset", "pages")

    def __init__(self, limit: int, offset: int = 0) -> None:
        self.limit = limit
        self.offset = offset
        self.done = False
        self.pages = 0
        self._progress = StallGuard()

    def advance(
        self,
        count: int,
        *,
        total: int | None = None,
        echoed: int | None = None,
        keys: Iterable[object] | None = None,
    ) -> None:
        """Record a page of `count` items answering the request for `self.offset`; `keys` are
        the page's item ids.

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
        elif keys is not None:
            try:
                self._progress.page(keys, self.pages)
            except PagingError:
                self.done = True
                raise
