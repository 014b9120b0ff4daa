"""The three paging contracts (cursor, offset, legacy) against small model servers.

Each model server is an `httpx.MockTransport` handler (or, for the legacy pager, a fetch function)
implementing a tiny paging server over a list; hypothesis varies the data, the page sizes the
client asks for and the page sizes the server actually serves.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wixsites import (
    AsyncLegacyPager,
    AsyncWixSites,
    CursorExpired,
    InvalidArgument,
    LegacyPager,
    PagingError,
    WixSites,
)
from wixsites.legacy import normalize_cursor
from wixsites.paging import CursorPager, OffsetPager

Handler = Callable[[httpx.Request], httpx.Response]


def site_id(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


def client(handler: Handler) -> WixSites:
    return WixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(handler),
        rate_limit=None,
    )


class CursorServer:
    """Query Sites over `count` sites: serves at most `cap` a page; cursors are opaque tokens.

    `loop_after`, when set, makes the server send, after that many pages, the cursor of an earlier
    page again (a broken server)."""

    def __init__(self, count: int, cap: int = 1000, loop_after: int | None = None) -> None:
        self.ids = [site_id(i) for i in range(count)]
        self.cap = cap
        self.loop_after = loop_after
        self.tokens: dict[str, int] = {}
        self.requests: list[dict[str, Any]] = []

    def token(self, offset: int, page: int) -> str:
        if self.loop_after is not None and page >= self.loop_after and self.tokens:
            return next(iter(self.tokens))  # the first cursor ever sent, again
        token = f"cur-{offset}-{len(self.tokens)}"
        self.tokens[token] = offset
        return token

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/site-list/v2/sites/query"
        query = json.loads(request.content)["query"]
        self.requests.append(query)
        paging = query.get("cursorPaging", {})
        cursor = paging.get("cursor")
        if cursor is not None:
            assert not {"filter", "sort"} & set(query)  # the cursor carries them
            offset = self.tokens[cursor]
        else:
            offset = 0
        size = min(paging.get("limit", 100), self.cap)
        items = self.ids[offset : offset + size]
        end = offset + len(items)
        has_next = end < len(self.ids)
        body: dict[str, Any] = {
            "sites": [{"id": i, "displayName": i[-4:]} for i in items],
            "metadata": {"count": len(items), "hasNext": has_next},
        }
        if has_next:
            body["metadata"]["cursors"] = {"next": self.token(end, len(self.requests))}
        return httpx.Response(200, json=body)


@given(count=st.integers(0, 250), page_size=st.integers(1, 60), cap=st.integers(1, 80))
def test_cursor_paging_yields_every_site_once_in_order(
    count: int, page_size: int, cap: int
) -> None:
    server = CursorServer(count, cap)
    with client(server) as wix:
        got = [str(s.id) for s in wix.sites.query(page_size=page_size)]
    assert got == server.ids
    expected_pages = max(1, -(-count // min(page_size, cap)))
    assert len(server.requests) == expected_pages


@given(count=st.integers(1, 200), page_size=st.integers(1, 40), stop=st.integers(0, 10))
def test_cursor_resume_from_a_saved_cursor(count: int, page_size: int, stop: int) -> None:
    server = CursorServer(count)
    seen: list[str] = []
    saved = None
    with client(server) as wix:
        for n, page in enumerate(wix.sites.query(page_size=page_size).pages()):
            seen += [str(s.id) for s in page.items]
            saved = page.next_cursor
            if n == stop:
                break
        if saved is not None:
            seen += [str(s.id) for s in wix.sites.query(page_size=page_size, cursor=saved)]
    assert seen == server.ids


@given(count=st.integers(30, 120), page_size=st.integers(1, 5), loop_after=st.integers(1, 4))
def test_cursor_loop_is_detected_not_followed(count: int, page_size: int, loop_after: int) -> None:
    server = CursorServer(count, loop_after=loop_after)
    seen: list[str] = []

    def collect() -> None:
        with client(server) as wix:
            seen.extend(str(site.id) for site in wix.sites.query(page_size=page_size))

    with pytest.raises(PagingError, match="already sent"):
        collect()
    assert len(seen) == len(set(seen))  # nothing yielded twice
    assert seen == server.ids[: len(seen)]
    assert len(server.requests) <= loop_after + 1


def test_cursor_paging_stops_without_cursor_even_if_has_next() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, json={"sites": [{"id": site_id(1)}], "metadata": {"hasNext": True}}
        )

    with client(handler) as wix:
        assert len(list(wix.sites.query())) == 1


def test_cursor_paging_stops_when_has_next_is_false_despite_a_cursor() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        meta = {"hasNext": False, "cursors": {"next": "more"}}
        return httpx.Response(200, json={"sites": [{"id": site_id(1)}], "metadata": meta})

    with client(handler) as wix:
        pages = list(wix.sites.query().pages())
    assert len(calls) == 1
    assert pages[0].next_cursor is None


def test_first_request_carries_filter_sort_and_limit() -> None:
    server = CursorServer(5)
    with client(server) as wix:
        list(wix.sites.query({"published": True}, sort="createdDate:desc", page_size=2))
    first, second = server.requests[0], server.requests[1]
    assert first["filter"] == {"published": True}
    assert first["sort"] == [{"fieldName": "createdDate", "order": "DESC"}]
    assert first["cursorPaging"] == {"limit": 2}
    assert set(second) == {"cursorPaging"}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("createdDate", [{"fieldName": "createdDate", "order": "ASC"}]),
        ("updatedDate:desc", [{"fieldName": "updatedDate", "order": "DESC"}]),
        ([("displayName", "DESC")], [{"fieldName": "displayName", "order": "DESC"}]),
        (("displayName", "desc"), [{"fieldName": "displayName", "order": "DESC"}]),
        (
            [{"fieldName": "trashedDate", "order": "ASC"}, "createdDate:desc"],
            [
                {"fieldName": "trashedDate", "order": "ASC"},
                {"fieldName": "createdDate", "order": "DESC"},
            ],
        ),
    ],
)
def test_sort_forms(sort: Any, expected: list[dict[str, str]]) -> None:
    server = CursorServer(1)
    with client(server) as wix:
        list(wix.sites.query(sort=sort))
    assert server.requests[0]["sort"] == expected


@pytest.mark.parametrize(
    "kwargs",
    [
        {"sort": "name"},
        {"sort": [("premium", "ASC")]},
        {"sort": "createdDate:sideways"},
        {"page_size": 0},
        {"page_size": 1001},
        {"page_size": True},
        {"filter": {"published": True}, "cursor": "abc"},
        {"filter": {"blocked": False}},
        {"filter": {"createdDate": {"$gt": "2024-01-01"}}},
        {"filter": {"$and": [{"published": True}, {"$not": {"updatedDate": None}}]}},
    ],
)
def test_bad_query_arguments_fail_before_any_request(kwargs: dict[str, Any]) -> None:
    server = CursorServer(1)
    with client(server) as wix, pytest.raises(InvalidArgument):
        wix.sites.query(**kwargs)
    assert server.requests == []


@given(count=st.integers(0, 150), page_size=st.integers(1, 40), cap=st.integers(1, 50))
async def test_async_cursor_paging(count: int, page_size: int, cap: int) -> None:
    server = CursorServer(count, cap)
    async with AsyncWixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(server),
        rate_limit=None,
    ) as wix:
        got = [str(s.id) async for s in wix.sites.query(page_size=page_size)]
    assert got == server.ids


class OffsetServer:
    """Query Folders over `count` folders with offset paging; serves at most `cap` a page and
    reports `metadata.total` only when `with_total`."""

    def __init__(self, count: int, cap: int = 1000, with_total: bool = True) -> None:
        self.ids = [site_id(10_000 + i) for i in range(count)]
        self.cap = cap
        self.with_total = with_total
        self.requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/site-folders/v2/folders/query"
        self.requests += 1
        paging = json.loads(request.content)["query"].get("paging", {})
        offset, limit = paging.get("offset", 0), paging.get("limit", 1000)
        items = self.ids[offset : offset + min(limit, self.cap)]
        meta: dict[str, Any] = {"count": len(items), "offset": offset}
        if self.with_total:
            meta["total"] = len(self.ids)
        folders = [{"id": i, "name": i[-6:], "parentId": "", "siteCount": 0} for i in items]
        return httpx.Response(200, json={"folders": folders, "metadata": meta})


@given(
    count=st.integers(0, 200),
    page_size=st.integers(1, 60),
    cap=st.integers(1, 80),
    with_total=st.booleans(),
)
def test_offset_paging_yields_every_folder_once_in_order(
    count: int, page_size: int, cap: int, with_total: bool
) -> None:
    # Without a total, a short page is the only end marker: the server must honour the limit.
    server = OffsetServer(count, cap if with_total else 1000, with_total)
    with client(server) as wix:
        got = [str(f.id) for f in wix.folders.query(page_size=page_size)]
    assert got == server.ids


def test_offset_paging_refuses_a_server_that_ignores_the_offset() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        folders = [{"id": site_id(i), "name": str(i)} for i in range(2)]
        return httpx.Response(200, json={"folders": folders, "metadata": {"offset": 0}})

    with client(handler) as wix, pytest.raises(PagingError, match="offset"):
        list(wix.folders.query(page_size=2))


@given(
    cursors=st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=30),
)
def test_cursor_pager_raises_on_first_repeat(cursors: list[str]) -> None:
    pager = CursorPager()
    seen: set[str] = set()
    for cursor in cursors:
        if cursor in seen:
            with pytest.raises(PagingError):
                pager.advance(cursor, True)
            return
        pager.advance(cursor, True)
        seen.add(cursor)
        assert pager.cursor == cursor


@given(counts=st.lists(st.integers(0, 10), max_size=20), limit=st.integers(1, 10))
def test_offset_pager_advances_by_items_received(counts: list[int], limit: int) -> None:
    pager = OffsetPager(limit)
    total = 0
    for count in counts:
        if pager.done:
            break
        pager.advance(count)
        total += count
        assert pager.offset == total
        assert pager.done == (count < limit)


# The legacy data cursors (seed 000).

NO_PAGE: list[Any] = [0, "0", None, "absent"]


class LegacyServer:
    def __init__(self, count: int, no_page: Any, cap: int = 1000) -> None:
        self.items = list(range(count))
        self.no_page = no_page
        self.cap = cap
        self.requests: list[Any] = []

    def cursor(self, offset: int | None) -> Any:
        return self.no_page if offset is None else f"c{offset}"

    def __call__(self, cursor: Any, page_size: int) -> dict[str, Any]:
        self.requests.append(cursor)
        offset = 0 if cursor in (-1, "-1") else int(str(cursor)[1:])
        size = min(page_size, self.cap)
        results = self.items[offset : offset + size]
        nxt = offset + size if offset + size < len(self.items) else None
        prev = max(0, offset - size) if offset > 0 else None
        body = {"results": results, "total": len(self.items), "pageSize": size}
        for key, value in (("nextCursor", nxt), ("previousCursor", prev)):
            if value is not None or self.no_page != "absent":
                body[key] = self.cursor(value)
        return body


@given(
    count=st.integers(0, 120),
    page_size=st.integers(1, 30),
    no_page=st.sampled_from(NO_PAGE),
)
def test_legacy_pager_yields_every_item_once(count: int, page_size: int, no_page: Any) -> None:
    server = LegacyServer(count, no_page)
    pager = LegacyPager(server, page_size=page_size, clock=lambda: 0.0)
    assert list(pager) == server.items
    assert server.requests[0] == -1


@given(count=st.integers(1, 80), page_size=st.integers(1, 15), no_page=st.sampled_from(NO_PAGE))
def test_legacy_pager_navigates_back(count: int, page_size: int, no_page: Any) -> None:
    server = LegacyServer(count, no_page)
    pager = LegacyPager(server, page_size=page_size, clock=lambda: 0.0)
    forward = [pager.first().results]
    while (page := pager.next()) is not None:
        forward.append(page.results)
    assert not pager.has_next
    backward = [pager.current.results] if pager.current else []
    while (page := pager.previous()) is not None:
        backward.append(page.results)
    assert backward == forward[::-1]


def test_legacy_cursor_expires_thirty_minutes_after_the_first_request() -> None:
    now = [0.0]
    server = LegacyServer(100, 0)
    pager = LegacyPager(server, page_size=10, clock=lambda: now[0])
    pager.first()
    now[0] = 29 * 60.0
    assert pager.next() is not None
    now[0] = 30 * 60.0 + 1
    sent = len(server.requests)
    with pytest.raises(CursorExpired, match="first page") as caught:
        pager.next()
    assert len(server.requests) == sent  # refused without a request
    assert "\n" not in str(caught.value)
    assert pager.first().results == list(range(10))  # a restart gets a fresh 30 minutes
    assert pager.next() is not None


@given(elapsed=st.floats(0, 3600), page_size=st.integers(1, 10))
def test_legacy_expiry_is_exactly_thirty_minutes(elapsed: float, page_size: int) -> None:
    now = [1000.0]
    pager = LegacyPager(LegacyServer(50, None), page_size=page_size, clock=lambda: now[0])
    pager.first()
    now[0] += elapsed
    if elapsed > 30 * 60:
        with pytest.raises(CursorExpired):
            pager.next()
    else:
        pager.next()


def test_legacy_loop_is_detected() -> None:
    def fetch(cursor: Any, size: int) -> dict[str, Any]:
        return {"results": [cursor], "nextCursor": "same"}

    with pytest.raises(PagingError):
        list(LegacyPager(fetch, clock=lambda: 0.0))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(0, None), ("0", None), (None, None), ("", None), ("abc", "abc"), (5, 5), (-1, -1)],
)
def test_legacy_no_page_values(raw: Any, expected: Any) -> None:
    assert normalize_cursor(raw) == expected


async def test_async_legacy_pager() -> None:
    server = LegacyServer(33, "absent")

    async def fetch(cursor: Any, size: int) -> dict[str, Any]:
        return server(cursor, size)

    pager = AsyncLegacyPager(fetch, page_size=7, clock=lambda: 0.0)
    assert [item async for item in pager] == server.items


def test_a_filter_wix_would_ignore_is_refused_not_sent() -> None:
    # Wix ignores a filter on a field it cannot filter by and answers every site: refused here
    server = CursorServer(1)
    with client(server) as wix:
        with pytest.raises(InvalidArgument, match="cannot filter sites by 'blocked'") as caught:
            wix.sites.query({"blocked": False})
        assert caught.value.code == "UNFILTERABLE_FIELD"
        with pytest.raises(InvalidArgument, match="Count Sites does not support premium"):
            wix.sites.count({"$or": [{"premium": True}, {"published": True}]})
        with pytest.raises(InvalidArgument, match="cannot filter folders by 'siteCount'"):
            wix.folders.query({"siteCount": 0})
        wix.sites.query({"$or": [{"name": "a"}, {"searchPhrase": "b"}], "published": True})
    assert server.requests == []
