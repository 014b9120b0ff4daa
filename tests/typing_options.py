"""What a type checker sees of the per-call options, `with_options` and `with_raw_response`.

Never run: checked by mypy (strict) with the rest of the tests. An `assert_type` that stops
holding, or a `type: ignore` that stops being needed (strict warns of unused ones), fails it.
"""

from __future__ import annotations

from typing import assert_type

import httpx
from wix_sites_api.models import Folder, Site, SiteTransfer

from wixsites import (
    AsyncWixSites,
    CallOptions,
    Page,
    RawResponse,
    ResponseInfo,
    RetryPolicy,
    WixSites,
)


def sync_user(wix: WixSites) -> None:
    count = wix.with_raw_response.sites.count({"published": True}, deadline=3)
    assert_type(count, RawResponse[int])
    assert_type(count.parse(), int)
    assert_type(count.status_code, int)
    assert_type(count.headers, httpx.Headers)
    assert_type(count.request_id, str | None)
    assert_type(wix.with_raw_response.folders.get("id", timeout=2.5).parse(), Folder)
    assert_type(wix.with_raw_response.folders.of_site("id").parse(), Folder | None)
    assert_type(wix.with_raw_response.sites.publish("id").parse(), None)
    assert_type(wix.with_raw_response.sites.transfer("id", "acc").parse(), SiteTransfer)

    fast = wix.with_options(retry=RetryPolicy(max_attempts=2), headers={"x-job": "nightly"})
    assert_type(fast, WixSites)
    assert_type(fast.with_options(retry=None, deadline=None), WixSites)
    options: CallOptions = {"timeout": httpx.Timeout(5.0), "deadline": 60.0}
    assert_type(wix.sites.count(**options), int)
    assert_type(wix.folders.tree(root_site_count=False, retry=None).root_site_count, int | None)

    for page in wix.sites.query(headers={"x-job": "j"}).pages():
        assert_type(page, Page[Site])
        assert_type(page.response, ResponseInfo | None)

    wix.sites.count(timout=3)  # type: ignore[call-arg]
    wix.sites.count(deadline="soon")  # type: ignore[arg-type]
    wix.with_options(headers=["x-a"])  # type: ignore[arg-type]
    wix.with_raw_response.sites.move  # type: ignore[attr-defined]  # noqa: B018


async def async_user(wix: AsyncWixSites) -> None:
    count = await wix.with_raw_response.sites.count(retry=None)
    assert_type(count, RawResponse[int])
    created = await wix.with_raw_response.folders.create("Clients", headers={"x-a": "b"})
    assert_type(created.parse(), Folder)
    assert_type(wix.with_options(deadline=10), AsyncWixSites)
    await wix.sites.move([], None, max_concurrency=2, timeout=3.0)
    await wix.sites.count(retries=2)  # type: ignore[call-arg]
