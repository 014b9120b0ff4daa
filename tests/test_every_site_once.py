"""Every site exactly once: a listing drops the items a page repeats (a site that changed while a
query sorted by updatedDate was read, a lying server's repeats) instead of yielding them again or
failing late; the memory of the ids seen is exact, case-insensitive for GUIDs, and compact."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.sandbox_fixtures import ACCOUNT, KEY, TickingClock, make_sandbox
from wixsites import AsyncWixSites, PagingError, WixSites
from wixsites.seen import SeenIds


def site_id(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


def test_a_site_changed_during_an_updated_date_listing_comes_once() -> None:
    sandbox = make_sandbox(clock=TickingClock())
    sandbox.seed(ACCOUNT, sites=30, folders=0, seed=3)
    with WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=sandbox.transport(), rate_limit=None
    ) as wix:
        everyone = [str(s.id) for s in wix.sites.query(page_size=100)]
        seen: list[str] = []
        pages = wix.sites.query(sort="updatedDate:asc", page_size=5).pages()
        first = next(pages)
        seen += [str(s.id) for s in first.items]
        # a site already listed changes: its updatedDate is now the newest, at the end of the order
        changed = next(s for s in first.items if not s.published)
        wix.sites.publish(str(changed.id))
        for page in pages:
            seen += [str(s.id) for s in page.items]
        assert str(changed.id) in [str(s.id) for s in wix.sites.query(sort="updatedDate:desc")][:1]
    sandbox.close()
    assert sorted(seen) == sorted(everyone)  # every site, and each once
    assert len(seen) == len(set(seen))


def repeating_server(sites_of_page: Any, pages: int) -> Any:
    calls = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        calls[0] += 1
        assert calls[0] <= 50  # the test's own bound: the client should have stopped long before
        number = calls[0]
        more = number < pages
        metadata: dict[str, Any] = {"hasNext": more}
        if more:
            metadata["cursors"] = {"next": f"c{number}"}
        sites = [{"id": i} for i in sites_of_page(number)]
        return httpx.Response(200, json={"sites": sites, "metadata": metadata})

    return handler


def test_a_lying_servers_repeated_item_comes_once() -> None:
    # every page repeats site 0, and one site within the page too
    def lying() -> WixSites:
        handler = repeating_server(lambda n: [site_id(0), site_id(n), site_id(n), site_id(0)], 6)
        return WixSites(
            api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handler), rate_limit=None
        )

    with lying() as wix:
        got = [str(s.id) for s in wix.sites.query(page_size=4)]
    with lying() as wix:
        pages = [[str(s.id) for s in p.items] for p in wix.sites.query(page_size=4).pages()]
    assert got == [site_id(0), site_id(1), *(site_id(n) for n in range(2, 7))]
    assert pages[0] == [site_id(0), site_id(1)]
    assert pages[1] == [site_id(2)]


def test_a_server_repeating_its_page_ends_in_a_paging_error_without_yielding_repeats() -> None:
    same = [site_id(i) for i in range(3)]
    handler = repeating_server(lambda n: same, 50)
    got: list[str] = []

    def listing() -> None:
        with WixSites(
            api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handler), rate_limit=None
        ) as wix:
            got.extend(str(site.id) for site in wix.sites.query(page_size=3))

    with pytest.raises(PagingError) as caught:
        listing()
    assert caught.value.code == "NO_PROGRESS"
    assert got == same


async def test_the_async_listing_drops_repeats_too() -> None:
    handler = repeating_server(lambda n: [site_id(0), site_id(n)], 4)
    async with AsyncWixSites(
        api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handler), rate_limit=None
    ) as wix:
        got = [str(s.id) for s in await wix.sites.query(page_size=2).to_list()]
    assert got == [site_id(0), site_id(1), site_id(2), site_id(3), site_id(4)]


def test_a_folder_listing_drops_a_repeat_offset_paging_brings() -> None:
    # a folder created before the offset shifts each next page back by one: an item repeats
    folders = [{"id": site_id(i), "name": f"F{i}"} for i in range(5)]

    def handler(request: httpx.Request) -> httpx.Response:
        offset = json.loads(request.content)["query"]["paging"].get("offset", 0)
        start = max(offset - 1, 0) if offset else 0
        items = folders[start : start + 2]
        metadata = {"offset": offset, "count": len(items), "total": 5}
        return httpx.Response(200, json={"folders": items, "metadata": metadata})

    with WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handler), rate_limit=None
    ) as wix:
        got = [str(f.id) for f in wix.folders.query(page_size=2)]
    assert got == [site_id(i) for i in range(5)]  # F1 and F3 came twice, and once here


ids = st.one_of(
    st.integers(0, 2**128 - 1).map(lambda n: str(uuid.UUID(int=n))),
    st.sampled_from([site_id(1), site_id(2), str(uuid.UUID(int=0))]),
    st.text(max_size=40),
)


@given(st.lists(st.one_of(ids, ids.map(str.upper)), max_size=3000))
def test_seen_ids_is_a_set_of_ids(values: list[str]) -> None:
    seen = SeenIds()
    model: set[str] = set()

    def key(value: str) -> str:
        try:
            return str(uuid.UUID(value)) if len(value) == 36 and value[8] == "-" else value
        except ValueError:
            return value

    for value in values:
        assert seen.add(value) is (key(value) not in model), value
        model.add(key(value))
    assert len(seen) == len(model)


def test_seen_ids_grows_and_keeps_every_id() -> None:
    seen = SeenIds()
    many = [site_id(n * 7919) for n in range(20_000)]
    assert all(seen.add(i) for i in many)
    assert not any(seen.add(i.upper()) for i in many)
    assert len(seen) == 20_000
