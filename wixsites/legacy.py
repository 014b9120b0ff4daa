"""The legacy HTTP API's data cursors (seed 000), as a reusable pager over a fetch callable.

The first page is asked for with cursor ``-1``; each answer has ``results``, ``nextCursor`` and
``previousCursor``, where ``0``, ``"0"``, null or an absent key mean "no such page". Cursors expire
30 minutes after the first request: using one later raises `CursorExpired` without a request.

    pager = LegacyPager(lambda cursor, size: get_json("/v1/items", cursor=cursor, pageSize=size))
    for item in pager: ...
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from wixsites.errors import CursorExpired, PagingError
from wixsites.serialize import json_ready, to_json

__all__ = [
    "FIRST_PAGE",
    "AsyncLegacyPager",
    "LegacyCursorState",
    "LegacyPage",
    "LegacyPager",
    "normalize_cursor",
]

FIRST_PAGE = -1
EXPIRY_SECONDS = 30 * 60.0

Cursor = str | int
Fetch = Callable[[Cursor, int], Mapping[str, Any]]
AsyncFetch = Callable[[Cursor, int], Awaitable[Mapping[str, Any]]]


def normalize_cursor(value: object) -> Cursor | None:
    """A cursor from an answer; None for "no such page" (0, "0", null, "", absent)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if value == 0 else value
    text = str(value).strip()
    return None if text in ("", "0") else text


@dataclass(frozen=True, slots=True)
class LegacyPage:
    """One page of a legacy cursored list: its `results`, the `cursor` that fetched it, the cursors
    of its neighbours (None at either end), and `raw`, the decoded answer.
    """

    results: list[Any]
    cursor: Cursor
    next_cursor: Cursor | None
    previous_cursor: Cursor | None
    total: int | None = None
    page_size: int | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def has_next(self) -> bool:
        """Whether a next page exists."""
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        """Whether a previous page exists."""
        return self.previous_cursor is not None

    def to_dict(self) -> dict[str, Any]:
        """The page as JSON-ready data."""
        return {
            "results": json_ready(self.results),
            "cursor": self.cursor,
            "nextCursor": self.next_cursor,
            "previousCursor": self.previous_cursor,
            "total": self.total,
            "pageSize": self.page_size,
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)


class LegacyCursorState:
    """The clock and the contract, shared by the sync and async pagers."""

    def __init__(
        self, *, clock: Callable[[], float] = time.monotonic, expires_after: float = EXPIRY_SECONDS
    ) -> None:
        self.clock = clock
        self.expires_after = expires_after
        self.started: float | None = None
        self.current: LegacyPage | None = None

    def start(self) -> Cursor:
        """The cursor of the first page; the cursors' 30 minutes start now."""
        self.started = self.clock()
        self.current = None
        return FIRST_PAGE

    def check(self, cursor: Cursor) -> Cursor:
        """Refuse, without a request, a cursor older than its 30 minutes."""
        if self.started is None:
            raise CursorExpired(
                "this pager has not fetched its first page yet; call first() before next()",
                code="CURSOR_EXPIRED",
            )
        age = self.clock() - self.started
        if age > self.expires_after:
            raise CursorExpired(
                f"the legacy data cursor has expired: cursors live {self.expires_after / 60:g} "
                f"minutes from the first request and this query started {age / 60:.1f} minutes ago; "
                "start again from the first page with first() (cursor -1)",
                code="CURSOR_EXPIRED",
                hint="",
            )
        return cursor

    def accept(self, cursor: Cursor, body: Mapping[str, Any]) -> LegacyPage:
        results = body.get("results")
        total = body.get("total")
        size = body.get("pageSize")
        page = LegacyPage(
            results=list(results) if isinstance(results, list) else [],
            cursor=cursor,
            next_cursor=normalize_cursor(body.get("nextCursor")),
            previous_cursor=normalize_cursor(body.get("previousCursor")),
            total=total if isinstance(total, int) else None,
            page_size=size if isinstance(size, int) else None,
            raw=body,
        )
        self.current = page
        return page

    def next_cursor(self) -> Cursor | None:
        if self.current is None:
            return None
        return None if self.current.next_cursor is None else self.check(self.current.next_cursor)

    def previous_cursor(self) -> Cursor | None:
        if self.current is None or self.current.previous_cursor is None:
            return None
        return self.check(self.current.previous_cursor)


class _LoopGuard:
    def __init__(self) -> None:
        self.seen: set[Cursor] = set()

    def visit(self, cursor: Cursor) -> None:
        if cursor in self.seen:
            raise PagingError(
                "the legacy API sent a next cursor it had already sent; stopped instead of looping",
                code="CURSOR_LOOP",
            )
        self.seen.add(cursor)


class LegacyPager:
    """Navigate a legacy cursored list: `first()`, `next()`, `previous()`, or iterate every item.

    `fetch(cursor, page_size)` does one request and returns the decoded answer. `clock` (seconds,
    monotonic) is injectable for tests.
    """

    def __init__(
        self,
        fetch: Fetch,
        *,
        page_size: int = 25,
        clock: Callable[[], float] = time.monotonic,
        expires_after: float = EXPIRY_SECONDS,
    ) -> None:
        self._fetch = fetch
        self.page_size = page_size
        self._state = LegacyCursorState(clock=clock, expires_after=expires_after)

    @property
    def current(self) -> LegacyPage | None:
        """The page fetched last, or None before the first."""
        return self._state.current

    @property
    def has_next(self) -> bool:
        """Whether the current page has a next one."""
        return self.current is not None and self.current.has_next

    @property
    def has_previous(self) -> bool:
        """Whether the current page has a previous one."""
        return self.current is not None and self.current.has_previous

    def _get(self, cursor: Cursor) -> LegacyPage:
        return self._state.accept(cursor, self._fetch(cursor, self.page_size))

    def first(self) -> LegacyPage:
        """The first page (its cursors' 30 minutes start now)."""
        return self._get(self._state.start())

    def next(self) -> LegacyPage | None:
        """The next page, or None after the last one (the first page if none was fetched)."""
        if self.current is None:
            return self.first()
        cursor = self._state.next_cursor()
        return None if cursor is None else self._get(cursor)

    def previous(self) -> LegacyPage | None:
        """The previous page, or None before the first one."""
        cursor = self._state.previous_cursor()
        return None if cursor is None else self._get(cursor)

    def pages(self) -> Iterator[LegacyPage]:
        """Every page from the first, in order; a cursor seen twice is a `PagingError`, not a
        loop."""
        guard = _LoopGuard()
        page: LegacyPage | None = self.first()
        while page is not None:
            yield page
            if page.next_cursor is not None:
                guard.visit(page.next_cursor)
            page = self.next()

    def __iter__(self) -> Iterator[Any]:
        for page in self.pages():
            yield from page.results


class AsyncLegacyPager:
    """`LegacyPager` over an async fetch."""

    def __init__(
        self,
        fetch: AsyncFetch,
        *,
        page_size: int = 25,
        clock: Callable[[], float] = time.monotonic,
        expires_after: float = EXPIRY_SECONDS,
    ) -> None:
        self._fetch = fetch
        self.page_size = page_size
        self._state = LegacyCursorState(clock=clock, expires_after=expires_after)

    @property
    def current(self) -> LegacyPage | None:
        """The page fetched last, or None before the first."""
        return self._state.current

    async def _get(self, cursor: Cursor) -> LegacyPage:
        return self._state.accept(cursor, await self._fetch(cursor, self.page_size))

    async def first(self) -> LegacyPage:
        """`LegacyPager.first`, awaited."""
        return await self._get(self._state.start())

    async def next(self) -> LegacyPage | None:
        """`LegacyPager.next`, awaited."""
        if self.current is None:
            return await self.first()
        cursor = self._state.next_cursor()
        return None if cursor is None else await self._get(cursor)

    async def previous(self) -> LegacyPage | None:
        """`LegacyPager.previous`, awaited."""
        cursor = self._state.previous_cursor()
        return None if cursor is None else await self._get(cursor)

    async def pages(self) -> AsyncIterator[LegacyPage]:
        """`LegacyPager.pages`, as an async iterator."""
        guard = _LoopGuard()
        page: LegacyPage | None = await self.first()
        while page is not None:
            yield page
            if page.next_cursor is not None:
                guard.visit(page.next_cursor)
            page = await self.next()

    async def __aiter__(self) -> AsyncIterator[Any]:
        async for page in self.pages():
            for item in page.results:
                yield item
