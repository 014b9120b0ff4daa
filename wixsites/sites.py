"""`client.sites`: query (lazy, across cursor pages), count, and bulk move.

The paging and the bulk moves are imported by the methods that use them: a client that only counts
sites loads neither."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from wixsites import operations as ops
from wixsites.actions import AsyncSiteActions, SiteActions
from wixsites.errors import InvalidArgument
from wixsites.ids import FolderRef
from wixsites.options import CallOptions
from wixsites.query import (
    COUNT_FILTER_FIELDS,
    SITE_FILTER_FIELDS,
    SITE_SORT_FIELDS,
    SortSpec,
    check_filter,
    check_page_size,
    normalize_sort,
)
from wixsites.runner import AsyncRunner, SyncRunner

if TYPE_CHECKING:
    from wix_sites_api.models import Site

    from wixsites.bulk import MoveReport, Progress
    from wixsites.paging import Page

__all__ = ["AsyncSiteQuery", "AsyncSites", "SiteQuery", "Sites"]


@dataclass(frozen=True, slots=True)
class _Args:
    filter: dict[str, Any] | None
    sort: list[dict[str, str]] | None
    page_size: int
    cursor: str | None

    @classmethod
    def check(
        cls, filter: Mapping[str, Any] | None, sort: SortSpec, page_size: int, cursor: str | None
    ) -> _Args:
        flt = check_filter(filter, SITE_FILTER_FIELDS, hint=_SEARCH_HINT)
        srt = normalize_sort(sort, SITE_SORT_FIELDS)
        check_page_size(page_size)
        if cursor is not None and not isinstance(cursor, str):
            raise InvalidArgument(
                f"cursor must be a string from a page's next_cursor, not {cursor!r}"
            )
        if cursor and (flt or srt):
            raise InvalidArgument(
                "a cursor carries its query's filter and sort: pass cursor= alone to resume"
            )
        return cls(flt, srt, page_size, cursor or None)

    def call(self, cursor: str | None) -> ops.Call[Page[Site]]:
        return ops.query_sites_page(
            filter=self.filter, sort=self.sort, limit=self.page_size, cursor=cursor
        )


def _site_id(site: Site) -> object:
    return site.id


_SEARCH_HINT = " (name and searchPhrase search display names and domains too)"


def _count_filter(filter: Mapping[str, Any] | None) -> dict[str, Any] | None:
    return check_filter(
        filter,
        COUNT_FILTER_FIELDS,
        hint=" (Count Sites does not support premium and appIds: count a query's sites instead)",
    )


class SiteQuery:
    """The sites matching a query, fetched lazily page by page as they are iterated.

    Iterate for `Site` objects, or `.pages()` for `Page` objects (`.items`, `.next_cursor`; save
    a `next_cursor` to resume later with ``sites.query(cursor=...)``). Each iteration starts over,
    and yields every site once: a site a later page repeats (it changed while the query was read,
    and its new `updatedDate` put it further on) is dropped from that page.
    """

    def __init__(self, runner: SyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    def pages(self) -> Iterator[Page[Site]]:
        """The sites page by page (`Page.items`, `Page.next_cursor`), each fetched when reached."""
        from wixsites.paging import CursorPager, fresh_page

        pager = CursorPager(self._args.cursor)
        while not pager.done:
            page = self._runner.run(self._args.call(pager.cursor))
            yield fresh_page(page, pager.unseen(page.items, _site_id))
            pager.advance(page.next_cursor, page.has_next)

    def __iter__(self) -> Iterator[Site]:
        for page in self.pages():
            yield from page.items

    def first(self) -> Site | None:
        """The first site of the query, or None when none matches (one request)."""
        return next(iter(self), None)

    def __repr__(self) -> str:
        a = self._args
        return f"SiteQuery(filter={a.filter!r}, sort={a.sort!r}, page_size={a.page_size})"


class AsyncSiteQuery:
    """`SiteQuery` for `AsyncWixSites`: ``async for site in ...``; ``async for page in .pages()``."""

    def __init__(self, runner: AsyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    async def pages(self) -> AsyncIterator[Page[Site]]:
        """`SiteQuery.pages`, as an async iterator."""
        from wixsites.paging import CursorPager, fresh_page

        pager = CursorPager(self._args.cursor)
        while not pager.done:
            page = await self._runner.run(self._args.call(pager.cursor))
            yield fresh_page(page, pager.unseen(page.items, _site_id))
            pager.advance(page.next_cursor, page.has_next)

    async def __aiter__(self) -> AsyncIterator[Site]:
        async for page in self.pages():
            for site in page.items:
                yield site

    async def first(self) -> Site | None:
        """`SiteQuery.first`, awaited."""
        async for site in self:
            return site
        return None

    async def to_list(self) -> list[Site]:
        """Every site of the query in a list (fetches every page)."""
        return [site async for site in self]


class Sites(SiteActions):
    """The sites of the account: ``wix.sites``.

    Methods: `query`, `count`, `move`, and for the lifecycle of a site `duplicate`, `publish`,
    `trash` and `transfer`.
    """

    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def query(
        self,
        filter: Mapping[str, Any] | None = None,
        sort: SortSpec = None,
        page_size: int = 100,
        cursor: str | None = None,
        **options: Unpack[CallOptions],
    ) -> SiteQuery:
        """Every site matching `filter` (Wix query language), across pages, lazily.

        `sort`: "createdDate", "createdDate:desc", [("createdDate", "DESC")] or the Wix list; only
        createdDate, updatedDate, trashedDate and displayName can be sorted on. `page_size`:
        1..1000 sites a request ("up to 1,000": Wix's Query Sites description); 100 unless given.
        `cursor` resumes from a saved `Page.next_cursor`.
        The `options` (`timeout`, `deadline`, `retry`, `headers`) apply to each page's request.
        """
        args = _Args.check(filter, sort, page_size, cursor)
        return SiteQuery(self._runner.with_options(options), args)

    def count(self, filter: Mapping[str, Any] | None = None, **options: Unpack[CallOptions]) -> int:
        """The number of sites matching `filter` (one request). Count Sites cannot filter by
        premium or appIds: such a filter is refused rather than silently ignored."""
        call = ops.count_sites_call(_count_filter(filter))
        return self._runner.with_options(options).run(call)

    def move(
        self,
        site_ids: Iterable[str],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """Move sites into `target`: a Folder, a folder id, a path ("Clients/Acme", exact names,
        as on the command line), or None/""/"root"/"/" for root. An unknown path is `NotFound`.

        A site in the trash does not move: it fails with the reason "in the trash: restore it
        first" (each batch is checked with one Query Sites before it is sent). The `options`
        apply to each request of the move."""
        from wixsites.bulk import SITE_BATCH, move_sync
        from wixsites.folders import sync_target
        from wixsites.placement import sites_in_target, trashed_sites

        runner = self._runner.with_options(options)
        return move_sync(
            runner,
            site_ids,
            sync_target(runner, target),
            kind="site",
            size=SITE_BATCH,
            make_call=ops.move_sites_call,
            check=sites_in_target,
            progress=progress,
            screen=trashed_sites,
        )


class AsyncSites(AsyncSiteActions):
    """`Sites` for `AsyncWixSites`: the same methods, awaited; `query` is iterated with
    ``async for``, and `move` and `trash` run up to `max_concurrency` batches at once.
    """

    def __init__(self, runner: AsyncRunner, max_concurrency: int) -> None:
        self._runner = runner
        self._max_concurrency = max_concurrency

    def query(
        self,
        filter: Mapping[str, Any] | None = None,
        sort: SortSpec = None,
        page_size: int = 100,
        cursor: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AsyncSiteQuery:
        """`Sites.query`: iterate it with ``async for``."""
        args = _Args.check(filter, sort, page_size, cursor)
        return AsyncSiteQuery(self._runner.with_options(options), args)

    async def count(
        self, filter: Mapping[str, Any] | None = None, **options: Unpack[CallOptions]
    ) -> int:
        """`Sites.count`, awaited."""
        call = ops.count_sites_call(_count_filter(filter))
        return await self._runner.with_options(options).run(call)

    async def move(
        self,
        site_ids: Iterable[str],
        target: FolderRef | None,
        progress: Progress | None = None,
        *,
        max_concurrency: int | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`Sites.move`, awaited; up to `max_concurrency` batches at once (default: the
        client's)."""
        from wixsites.bulk import SITE_BATCH, move_async
        from wixsites.folders import async_target
        from wixsites.placement import sites_in_target, trashed_sites

        runner = self._runner.with_options(options)
        return await move_async(
            runner,
            site_ids,
            await async_target(runner, target),
            kind="site",
            size=SITE_BATCH,
            make_call=ops.move_sites_call,
            check=sites_in_target,
            progress=progress,
            max_concurrency=max_concurrency or self._max_concurrency,
            screen=trashed_sites,
        )
