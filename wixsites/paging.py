"""The paging contracts, without I/O: the sync and async clients both drive these.

Cursor paging (Query Sites): start without a cursor (or from a saved one), send the cursor of
the previous answer, stop when ``hasNext`` is false or no cursor comes back; a cursor seen before
would fetch a page already yielded, so it raises `PagingError` instead of looping.

Offset paging (Query Folders): advance the offset by the items received; stop on an empty page,
when the reported total is reached, or, with no total, on a short page.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from wixsites.errors import PagingError

__all__ = ["CursorPager", "OffsetPager", "Page"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of results.

    `cursor` fetched this page (None for the first page of a query); `next_cursor` fetches the next
    one, or is None on the last page: save it to resume later with ``query(cursor=...)``. Offset
    pages have `offset` instead, and `total` when the server reports one. `request_id` is the
    server's ``x-wix-request-id`` of the answer that brought the page.
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

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class CursorPager:
    """Which cursor to send next, and when to stop."""

    __slots__ = ("_seen", "cursor", "done", "pages")

    def __init__(self, cursor: str | None = None) -> None:
        self.cursor = cursor or None
        self.done = False
        self.pages = 0
        # Hashes, not the cursors: Wix cursors can be long and a query can have many pages.
        self._seen: set[int] = set()
        if self.cursor is not None:
            self._seen.add(hash(self.cursor))

    def advance(self, next_cursor: str | None, has_next: bool | None) -> None:
        """Record the answer to the request for `self.cursor`."""
        self.pages += 1
        if has_next is False or not next_cursor:
            self.done = True
            self.cursor = None
            return
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

    __slots__ = ("done", "limit", "offset", "pages")

    def __init__(self, limit: int, offset: int = 0) -> None:
        self.limit = limit
        self.offset = offset
        self.done = False
        self.pages = 0

    def advance(self, count: int, *, total: int | None = None, echoed: int | None = None) -> None:
        """Record a page of `count` items answering the request for `self.offset`.

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
