"""What the `wixsites` SDK costs over raw httpx, and how it iterates a large account.

    python -m benchmarks.client [--quick]

* Per-request overhead: `WixSites.sites.count()` against raw ``httpx.Client.post`` of the same
  request (same headers, same JSON body) on the same in-memory `httpx.MockTransport` returning the
  same canned answer, parsed with ``response.json()``. The SDK keeps its rate limiter (with a
  budget it never reaches, so its bookkeeping is paid but it never waits) and its default retry
  policy. Goal: at most 1.5x.
* The same for one Query Sites page of 100 sites, where the SDK also builds the generated `Site`
  models (goal: at most 2.5x); and the parsing alone (``QuerySitesResponse.from_dict`` of
  ``json.loads``, against ``json.loads`` alone; goal: at most 1.6x).
* Iterating every site of a sandbox account in process (100,000 sites; `quick`: 20,000) with
  ``sites.query(page_size=1000)``: sites per second, against raw httpx paging the same sandbox; and
  the peak of traced memory (tracemalloc) while iterating a tenth of the account vs all of it,
  which should not grow with the number of sites. The sandbox runs without response validation
  (jsonschema on every answer would dominate the figures).
* The memory a listing keeps per site, to yield each site once (the ids it has seen): the peak of
  traced memory while iterating 95,080 sites, less that of iterating 10,000, per site in between
  (pages of 1,000 made up as they are asked for, so that only the client's memory is traced).
  Goal: at most 100 bytes a site.

Timing: `benchmarks.report.interleaved`: rounds of about 5 ms that alternate the SDK and its
baseline, and the best round of each.
"""

from __future__ import annotations

import itertools
import json
import time
import tracemalloc
import uuid
from collections.abc import Callable
from typing import Any

import httpx
from wix_sites_api.models import QuerySitesResponse

from benchmarks import report
from benchmarks.report import Row
from wixsandbox import Sandbox
from wixsites import WixSites

__all__ = ["run"]

API_KEY = "bench-api-key-000000000000"
ACCOUNT = "0a1b2c3d-0000-4000-8000-000000000001"
BASE = "https://www.wixapis.com"


def _sites_page(n: int) -> dict[str, Any]:
    site = {
        "htmlAppId": "cdb52656-4acf-409a-a59a-953d91eb9332",
        "name": "abc",
        "displayName": "abc",
        "createdDate": "2015-04-19T15:22:42.498Z",
        "updatedDate": "2020-12-30T21:20:44.895Z",
        "published": True,
        "premium": False,
        "viewUrl": "https://example-user.wixsite.com/abc",
        "editUrl": "/editor/0c87cd5d-4059-4e86-8f6e-d185b124a1bd",
        "thumbnail": "/site-thumbnail/0c87cd5d-4059-4e86-826e-d185b1e4a1bd",
        "ownerAccountId": "99714651-d974-4878-aa0a-1cd1d7341156",
        "contributorAccountIds": ["ffd39125-a3e7-3aca-8c53-ca4ad1c55044"],
        "editorType": "EDITOR",
        "blocked": False,
        "folderId": "cc2df366-9402-4e19-aa4a-4857e6d55230",
        "namespace": "WIX",
        "domainConnected": False,
    }
    sites = [{"id": f"00000000-0000-4000-8000-{i:012d}", **site} for i in range(n)]
    return {"sites": sites, "metadata": {"count": n, "hasNext": False}}


def _canned(body: dict[str, Any]) -> httpx.MockTransport:
    content = json.dumps(body).encode()
    headers = {"content-type": "application/json", "x-wix-request-id": "bench"}
    return httpx.MockTransport(
        lambda request: httpx.Response(200, content=content, headers=headers)
    )


def _compare(
    sdk: Callable[[], object], raw: Callable[[], object], rounds: int
) -> tuple[float, float]:
    """Seconds per call of `sdk` and of `raw`: the best of interleaved rounds of ~5 ms (other
    processes only ever add time)."""
    found = report.interleaved({"sdk": sdk, "raw": raw}, rounds=rounds, target=0.005, statistic=min)
    return found["sdk"], found["raw"]


def _overhead(quick: bool) -> list[Row]:
    rounds = 31 if quick else 201
    headers = {"Authorization": API_KEY, "wix-account-id": ACCOUNT}
    rows = []

    count_transport = _canned({"count": 210})
    wix = WixSites(api_key=API_KEY, account_id=ACCOUNT, transport=count_transport, rate_limit=1e12)
    raw = httpx.Client(base_url=BASE, transport=count_transport, headers=headers)
    flt = {"editorType": "EDITOR"}
    sdk_s, raw_s = _compare(
        lambda: wix.sites.count(flt),
        lambda: raw.post("/site-list/v2/sites/count", json={"filter": flt}).json()["count"],
        rounds,
    )
    rows.append(
        Row(
            "client: Count Sites, per request",
            sdk_s * 1e6,
            "us",
            raw_s * 1e6,
            "raw httpx.Client.post + json()",
            **report.timed_goal(1.5),
        )
    )

    page = _sites_page(100)
    page_transport = _canned(page)
    wix = WixSites(api_key=API_KEY, account_id=ACCOUNT, transport=page_transport, rate_limit=1e12)
    raw = httpx.Client(base_url=BASE, transport=page_transport, headers=headers)
    query = wix.sites.query(page_size=100)
    body = {"query": {"cursorPaging": {"limit": 100}}}
    sdk_s, raw_s = _compare(
        lambda: next(query.pages()),
        lambda: raw.post("/site-list/v2/sites/query", json=body).json()["sites"],
        rounds,
    )
    rows.append(
        Row(
            "client: Query Sites page of 100, per request",
            sdk_s * 1e6,
            "us",
            raw_s * 1e6,
            "raw httpx.Client.post + json()",
            **report.timed_goal(2.5),
        )
    )
    content = json.dumps(page).encode()
    parse_s, json_s = _compare(
        lambda: QuerySitesResponse.from_dict(json.loads(content)),
        lambda: json.loads(content),
        rounds,
    )
    rows.append(
        Row(
            "client: parse a page of 100 into Site models",
            parse_s * 1e6,
            "us",
            json_s * 1e6,
            "json.loads alone",
            **report.timed_goal(1.6),
        )
    )
    return rows


def _iterate(quick: bool) -> list[Row]:
    total = 20_000 if quick else 100_000
    small = total // 10
    sandbox = Sandbox(validate_responses=False)
    sandbox.add_api_key(API_KEY, ACCOUNT)
    sandbox.seed(ACCOUNT, sites=total, folders=0, seed=0)
    wix = WixSites(
        api_key=API_KEY,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.transport(),
        rate_limit=None,
    )
    raw = httpx.Client(
        base_url="http://sandbox",
        transport=sandbox.transport(),
        headers={"Authorization": API_KEY, "wix-account-id": ACCOUNT},
    )

    def raw_iterate() -> int:
        n, cursor = 0, None
        while True:
            paging: dict[str, Any] = (
                {"limit": 1000} if cursor is None else {"limit": 1000, "cursor": cursor}
            )
            answer = raw.post(
                "/site-list/v2/sites/query", json={"query": {"cursorPaging": paging}}
            ).json()
            n += len(answer["sites"])
            meta = answer.get("metadata", {})
            cursor = (meta.get("cursors") or {}).get("next")
            if not meta.get("hasNext") or not cursor:
                return n

    start = time.perf_counter()
    count = sum(1 for _ in wix.sites.query(page_size=1000))
    sdk_rate = count / (time.perf_counter() - start)
    start = time.perf_counter()
    raw_count = raw_iterate()
    raw_rate = raw_count / (time.perf_counter() - start)
    rows = [
        Row(
            f"client: iterate {count:,} sandbox sites",
            sdk_rate,
            "sites/s",
            raw_rate,
            "raw httpx paging, json() only",
            "reported (in-process sandbox)",
        ),
    ]

    peaks = []
    for limit in (small, count):
        tracemalloc.start()
        tracemalloc.reset_peak()
        for _ in itertools.islice(wix.sites.query(page_size=1000), limit):
            pass
        peaks.append(tracemalloc.get_traced_memory()[1] / 1024)
        tracemalloc.stop()
    rows.append(
        Row(
            f"client: peak memory iterating {count:,} sites",
            peaks[1],
            "KiB",
            peaks[0],
            f"the same for {small:,} sites",
            "ratio ~1 (flat)",
        )
    )
    wix.close()
    raw.close()
    sandbox.close()
    return rows


MEMORY_SITES = 95_080
MEMORY_BASE = 10_000


def _paged_sites(total: int) -> httpx.MockTransport:
    """Query Sites over `total` made-up sites, 1,000 a page, each page built when asked for."""
    template = _sites_page(1)["sites"][0]

    def answer(request: httpx.Request) -> httpx.Response:
        paging = json.loads(request.content)["query"]["cursorPaging"]
        start = int(paging.get("cursor") or 0)
        end = min(start + int(paging["limit"]), total)
        sites = [
            {**template, "id": str(uuid.UUID(int=n + 1, version=4))} for n in range(start, end)
        ]
        metadata: dict[str, Any] = {"count": len(sites), "hasNext": end < total}
        if end < total:
            metadata["cursors"] = {"next": str(end)}
        return httpx.Response(200, json={"sites": sites, "metadata": metadata})

    return httpx.MockTransport(answer)


def _memory_per_site() -> Row:
    wix = WixSites(
        api_key=API_KEY, account_id=ACCOUNT, transport=_paged_sites(MEMORY_SITES), rate_limit=None
    )
    peaks = []
    for limit in (MEMORY_BASE, MEMORY_SITES):
        tracemalloc.start()
        tracemalloc.reset_peak()
        counted = sum(1 for _ in itertools.islice(wix.sites.query(page_size=1000), limit))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert counted == limit, (counted, limit)
    wix.close()
    per_site = (peaks[1] - peaks[0]) / (MEMORY_SITES - MEMORY_BASE)
    return Row(
        f"client: memory per site while iterating {MEMORY_SITES:,} sites",
        per_site,
        "bytes",
        goal=f"<= 100 bytes a site above the {MEMORY_BASE:,}-site run",
        max_value=100.0,
    )


def run(quick: bool = False) -> list[Row]:
    return [*_overhead(quick), *_iterate(quick), _memory_per_site()]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
