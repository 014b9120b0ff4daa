"""Helpers shared by the tests of wixsandbox (imported explicitly; not a conftest)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess

ROOT = Path(__file__).resolve().parents[1]
ACCOUNT = "11111111-1111-4111-8111-111111111111"
OTHER_ACCOUNT = "22222222-2222-4222-8222-222222222222"
KEY = "test-key-account-1"
OTHER_KEY = "test-key-account-2"
APP_ID = "33333333-3333-4333-8333-333333333333"
APP_SECRET = "test-app-secret-do-not-log"
BASE_URL = "http://sandbox.test"
QUERY_SITES = "/site-list/v2/sites/query"
COUNT_SITES = "/site-list/v2/sites/count"
FOLDERS = "/site-folders/v2/folders"
QUERY_FOLDERS = "/site-folders/v2/folders/query"
MOVE_FOLDERS = "/site-folders/v2/folders/bulk/move"
MOVE_SITES = "/site-folders/v2/folders/bulk/sites/move"


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2025, 1, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class TickingClock(ManualClock):
    """A clock that moves one millisecond each time it is read: no two requests share a time."""

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=1)
        return self.now


def make_sandbox(db: str | Path = ":memory:", clock: ManualClock | None = None) -> Sandbox:
    sandbox = Sandbox(db, clock=clock)
    sandbox.add_api_key(KEY, ACCOUNT)
    sandbox.add_api_key(OTHER_KEY, OTHER_ACCOUNT)
    sandbox.add_app(APP_ID, APP_SECRET)
    sandbox.add_instance(ACCOUNT, APP_ID)  # the app's instance id is its account's id
    return sandbox


def client(sandbox: Sandbox, key: str = KEY, account: str = ACCOUNT, **kwargs: Any) -> httpx.Client:
    return httpx.Client(
        transport=sandbox.transport(**kwargs),
        base_url=BASE_URL,
        headers={"Authorization": key, "wix-account-id": account},
    )


def error_code(response: httpx.Response) -> str | None:
    details = response.json().get("details", {})
    code = details.get("applicationError", {}).get("code")
    return None if code is None else str(code)


def violations(response: httpx.Response) -> list[dict[str, Any]]:
    return list(response.json()["details"]["validationError"]["fieldViolations"])


def create_folder(http: httpx.Client, name: str, parent: str | None = None) -> dict[str, Any]:
    folder: dict[str, Any] = {"name": name}
    if parent is not None:
        folder["parentId"] = parent
    response = http.post(FOLDERS, json={"folder": folder})
    assert response.status_code == 200, response.text
    return dict(response.json()["folder"])


def all_sites(http: httpx.Client, query: dict[str, Any], limit: int) -> list[dict[str, Any]]:
    """Walk every page of a site query; return the sites in order."""
    body: dict[str, Any] = {"query": {**query, "cursorPaging": {"limit": limit}}}
    found: list[dict[str, Any]] = []
    for _ in range(100_000):
        response = http.post(QUERY_SITES, json=body)
        assert response.status_code == 200, response.text
        page = response.json()
        assert page["metadata"]["count"] == len(page["sites"])
        found.extend(page["sites"])
        if not page["metadata"]["hasNext"]:
            assert "next" not in page["metadata"]["cursors"]
            return found
        body = {
            "query": {
                "cursorPaging": {"cursor": page["metadata"]["cursors"]["next"], "limit": limit}
            }
        }
    raise AssertionError("the query never ended")


@contextmanager
def running_server(db: Path, *extra: str) -> Iterator[str]:
    """`python -m wixsandbox serve` on a free port; yields its base URL.
    `extra` may hold "--fault-rate R" and "--fault-seed S"."""
    options = dict(zip(extra[::2], extra[1::2], strict=True))
    with SandboxProcess(
        db,
        fault_rate=float(options.pop("--fault-rate", 0.0)),
        fault_seed=int(options.pop("--fault-seed", 0)),
    ) as server:
        assert not options, f"running_server does not know {options}"
        yield server.url


class RefuseThirdCreate(httpx.BaseTransport):
    """A sandbox transport, except that its third Create Folder is refused with a Wix 403: for
    tests of what a multi-step operation says when it fails midway."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner
        self.creates = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == FOLDERS:
            self.creates += 1
            if self.creates == 3:
                body = {"message": "no", "details": {"applicationError": {"code": "DENIED"}}}
                return httpx.Response(403, json=body, headers={"x-wix-request-id": "r-3"})
        return self.inner.handle_request(request)
