"""Moving 10,000 sites (20 requests of 500, each after the one read that finds trashed sites in its
batch) to a folder over HTTP: `WixSites` one batch at a time, and
`AsyncWixSites` with `max_concurrency=4`. The baseline is the sequential run."""

from __future__ import annotations

import asyncio
import os
import tempfile
import time
import uuid

import httpx

from benchmarks import report
from benchmarks.report import Row
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess
from wixsites import AsyncWixSites, WixSites

API_KEY = "bench-key"


def _site_ids(url: str, account: str, count: int) -> list[str]:
    with WixSites(api_key=API_KEY, account_id=account, base_url=url, rate_limit=None) as wix:
        return [
            str(site.id)
            for site, _ in zip(
                wix.sites.query({"state": "ACTIVE"}, page_size=1000),  # a trashed site stays put
                range(count),
                strict=False,
            )
        ]


def run(quick: bool = False) -> list[Row]:
    sites = 2_000 if quick else 10_000
    account = str(uuid.uuid4())
    with tempfile.TemporaryDirectory(prefix="bench-bulk-") as tmp:
        db = os.path.join(tmp, "bulk.db")
        with Sandbox(db) as sandbox:
            sandbox.seed(  # some are not WIX sites, some are in the trash (which moves nowhere)
                account, sites=sites + sites // 4, folders=0, seed=2
            )
        with SandboxProcess(db, api_key=API_KEY, account_id=account) as server:
            ids = _site_ids(server.url, account, sites)
            if len(ids) != sites:
                raise RuntimeError(f"the account has {len(ids)} listed sites, not {sites}")
            with WixSites(
                api_key=API_KEY, account_id=account, base_url=server.url, rate_limit=None
            ) as wix:
                first = wix.folders.create("Bulk A")
                second = wix.folders.create("Bulk B")
                started = time.perf_counter()
                report = wix.sites.move(ids, first)
                sequential = time.perf_counter() - started
            if len(report.moved) != len(ids):
                raise RuntimeError(f"the sequential move lost sites: {report.failed}")

            async def concurrent() -> float:
                async with AsyncWixSites(
                    api_key=API_KEY,
                    account_id=account,
                    base_url=server.url,
                    rate_limit=None,
                    max_concurrency=4,
                ) as wix:
                    started = time.perf_counter()
                    report = await wix.sites.move(ids, second)
                    elapsed = time.perf_counter() - started
                if len(report.moved) != len(ids):
                    raise RuntimeError(f"the concurrent move lost sites: {report.failed}")
                return elapsed

            parallel = asyncio.run(concurrent())
            check = httpx.post(
                server.url + "/site-list/v2/sites/count",
                json={"filter": {"folderId": str(second.id)}},
                headers={"Authorization": API_KEY, "wix-account-id": account},
            ).json()["count"]
            if check != len(ids):
                raise RuntimeError(f"{check} sites in the target folder, expected {len(ids)}")
    requests = -(-len(ids) // 500)
    return [
        Row(
            f"bulk: move {len(ids):,} sites ({requests} requests), sequential",
            sequential,
            "s",
            None,
        ),
        Row(
            f"bulk: move {len(ids):,} sites, max_concurrency=4",
            parallel,
            "s",
            sequential,
            "sequential",
            "lower is better",
        ),
        Row(
            "bulk: sites moved per second, max_concurrency=4",
            len(ids) / parallel,
            "sites/s",
            len(ids) / sequential,
            "sequential",
            "higher is better",
        ),
    ]


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
