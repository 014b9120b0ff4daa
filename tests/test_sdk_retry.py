"""Retries, pacing and error mapping: scripted answers (httpx.MockTransport) and the sandbox's
fault mode."""

from __future__ import annotations

import json
import random
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from wixauth import verify_request
from wixsandbox import Sandbox
from wixsites import (
    AlreadyExists,
    AsyncWixSites,
    AuthenticationError,
    CursorExpired,
    InvalidArgument,
    NetworkError,
    NotFound,
    PermissionDenied,
    RateLimited,
    RequestInfo,
    RetryPolicy,
    ServerError,
    WixError,
    WixSites,
)
from wixsites.errors import FailedPrecondition, error_from_response
from wixsites.ratelimit import TokenBucket

Answer = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]
FOLDER_ID = "283f4660-8f6f-462b-94a1-160a57338032"


class Script:
    """Answers requests in order from a list of responses and exceptions."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return answer(request)

    @property
    def paths(self) -> list[str]:
        return [f"{r.method} {r.url.path}" for r in self.requests]


def count(n: int) -> httpx.Response:
    return httpx.Response(200, json={"count": n})


def error(
    status: int, message: str = "", code: str | None = None, **headers: str
) -> httpx.Response:
    details = {"applicationError": {"code": code, "description": message}} if code else {}
    return httpx.Response(status, json={"message": message, "details": details}, headers=headers)


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def wix(script: Script, sleeps: Sleeps | None = None, **options: Any) -> WixSites:
    options.setdefault("rate_limit", None)
    return WixSites(
        api_key="test-key-0001",
        account_id="acc",
        transport=httpx.MockTransport(script),
        sleep=sleeps if sleeps is not None else Sleeps(),
        rng=random.Random(0),
        **options,
    )


def test_429_honours_retry_after() -> None:
    script = Script(error(429, "slow down", "RESOURCE_EXHAUSTED", **{"Retry-After": "3"}), count(7))
    sleeps = Sleeps()
    assert wix(script, sleeps).sites.count() == 7
    assert sleeps == [3.0]


def test_503_then_200_backs_off_with_jitter() -> None:
    script = Script(error(503), error(503), count(1))
    sleeps = Sleeps()
    assert wix(script, sleeps).sites.count() == 1
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 0.25
    assert 0 <= sleeps[1] <= 0.5


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
        httpx.Response(502, content=b"<html>Bad Gateway</html>"),
        httpx.Response(504, content=b""),
    ],
)
def test_transient_failure_then_success(failure: Answer) -> None:
    script = Script(failure, count(3))
    assert wix(script).sites.count() == 3
    assert len(script.requests) == 2


def test_rate_limit_budget_exhausted_raises_rate_limited() -> None:
    script = Script(*[error(429, "too many", "RESOURCE_EXHAUSTED", **{"Retry-After": "1"})] * 5)
    sleeps = Sleeps()
    with pytest.raises(RateLimited) as caught:
        wix(script, sleeps).sites.count()
    assert caught.value.retry_after == 1.0
    assert caught.value.attempts == 5
    assert sleeps == [1.0] * 4
    assert "retry after 1 s" in str(caught.value)


def test_server_error_budget_exhausted_raises_server_error() -> None:
    script = Script(*[error(503)] * 3)
    with pytest.raises(ServerError) as caught:
        wix(script, retry=RetryPolicy(max_attempts=3)).sites.count()
    assert caught.value.status == 503
    assert caught.value.attempts == 3
    assert len(script.requests) == 3


def test_connection_errors_exhausted_raise_network_error() -> None:
    script = Script(*[httpx.ConnectError("refused")] * 2)
    with pytest.raises(NetworkError, match=r"could not reach https://www\.wixapis\.com/site-list"):
        wix(script, retry=RetryPolicy(max_attempts=2)).sites.count()


def test_network_error_names_the_port_it_tried() -> None:
    script = Script(httpx.ConnectError("refused"))
    with pytest.raises(NetworkError, match=r"could not reach http://127\.0\.0\.1:1/site-list/v2"):
        wix(script, retry=None, base_url="http://127.0.0.1:1").sites.count()


def test_retry_after_beyond_the_limit_is_not_waited_for() -> None:
    script = Script(error(429, "later", **{"Retry-After": "3600"}), count(1))
    sleeps = Sleeps()
    with pytest.raises(RateLimited):
        wix(script, sleeps).sites.count()
    assert sleeps == []


def test_retry_none_makes_one_attempt() -> None:
    script = Script(error(503), count(1))
    with pytest.raises(ServerError):
        wix(script, retry=None).sites.count()
    assert len(script.requests) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 500])
def test_other_errors_are_not_retried(status: int) -> None:
    script = Script(error(status, "no"), count(1))
    with pytest.raises(WixError):
        wix(script).sites.count()
    assert len(script.requests) == 1


def test_backoff_is_capped_full_jitter() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=5, jitter=False)
    assert [policy.backoff(n, random.Random()) for n in range(1, 6)] == [1, 2, 4, 5, 5]
    rng = random.Random(1)
    jittered = RetryPolicy(base_delay=1, max_delay=5)
    assert all(0 <= jittered.backoff(10, rng) <= 5 for _ in range(100))


def folder_body(name: str = "Clients", parent: str = "") -> dict[str, Any]:
    return {"id": FOLDER_ID, "name": name, "parentId": parent, "siteCount": 0}


def test_create_folder_timeout_then_409_returns_the_folder_the_first_attempt_made() -> None:
    script = Script(
        httpx.ReadTimeout("timed out"),
        error(409, "A folder with this name already exists", "ALREADY_EXISTS"),
        httpx.Response(
            200, json={"folders": [folder_body()], "metadata": {"count": 1, "offset": 0}}
        ),
    )
    folder = wix(script).folders.create("Clients")
    assert str(folder.id) == FOLDER_ID
    assert script.paths == [
        "POST /site-folders/v2/folders",
        "POST /site-folders/v2/folders",
        "POST /site-folders/v2/folders/query",
    ]
    assert json.loads(script.requests[2].content)["query"]["filter"] == {"name": "Clients"}


def test_create_folder_lost_connection_then_409_with_other_parent_is_an_error() -> None:
    other = "480b60ff-db55-4a22-9f87-31ed790ce509"
    script = Script(
        httpx.RemoteProtocolError("dropped"),
        error(409, "exists", "ALREADY_EXISTS"),
        httpx.Response(200, json={"folders": [folder_body(parent=other)], "metadata": {}}),
    )
    with pytest.raises(AlreadyExists):
        wix(script).folders.create("Clients")
    assert len(script.requests) == 3


def test_a_plain_409_is_not_hidden() -> None:
    script = Script(error(409, "exists", "ALREADY_EXISTS"))
    with pytest.raises(AlreadyExists):
        wix(script).folders.create("Clients")
    assert len(script.requests) == 1


def test_delete_retried_after_a_lost_answer_accepts_404() -> None:
    script = Script(httpx.RemoteProtocolError("dropped"), error(404, "no folder", "NOT_FOUND"))
    wix(script).folders.delete(FOLDER_ID)
    with pytest.raises(NotFound):
        wix(Script(error(404, "no folder", "NOT_FOUND"))).folders.delete(FOLDER_ID)


def test_each_attempt_is_signed_afresh() -> None:
    sandbox_secret = "app-secret-0123456789"
    script = Script(error(503), error(503), count(5))
    client = WixSites.from_signature(
        application_id="app-1",
        instance_id="inst-1",
        secret=sandbox_secret,
        transport=httpx.MockTransport(script),
        sleep=lambda _: time.sleep(0.003),
        rate_limit=None,
    )
    assert client.sites.count() == 5
    stamps = [r.headers["x-wix-timestamp"] for r in script.requests]
    assert len(set(stamps)) == 3
    for request in script.requests:
        verify_request(request, sandbox_secret)


# Error mapping


def parse(status: int, body: Any, **headers: str) -> WixError:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return error_from_response(status, httpx.Headers(headers), content)


def test_v2_application_error() -> None:
    err = parse(
        404,
        {
            "message": "Folder not found",
            "details": {
                "applicationError": {
                    "code": "NOT_FOUND",
                    "description": "No folder 123",
                    "data": {"unknownIds": ["1"]},
                }
            },
        },
        **{"x-wix-request-id": "req-42"},
    )
    assert isinstance(err, NotFound)
    assert (err.status, err.code, err.request_id) == (404, "NOT_FOUND", "req-42")
    assert err.data == {"unknownIds": ["1"]}
    assert str(err) == "404 NOT_FOUND: Folder not found: No folder 123 (request id req-42)"


def test_v2_validation_error() -> None:
    err = parse(
        400,
        {
            "message": "",
            "details": {
                "validationError": {
                    "fieldViolations": [
                        {
                            "field": "query.cursorPaging.limit",
                            "description": "must be at most 1000",
                            "violatedRule": "MAX",
                            "data": {"threshold": 1000},
                        }
                    ]
                }
            },
        },
    )
    assert isinstance(err, InvalidArgument)
    assert err.field_violations[0].field == "query.cursorPaging.limit"
    assert err.field_violations[0].violated_rule == "MAX"
    assert "query.cursorPaging.limit: must be at most 1000" in str(err)


def test_legacy_error_body() -> None:
    err = parse(
        403, {"errorCode": 403, "message": "Signature verification failure", "wixErrorCode": -23004}
    )
    assert isinstance(err, PermissionDenied)
    assert err.code == "-23004"
    assert str(err).startswith("403 -23004: Signature verification failure")


@pytest.mark.parametrize(
    ("status", "body", "cls", "text"),
    [
        (
            500,
            {"message": "", "details": {}},
            ServerError,
            "Wix server error (Internal Server Error)",
        ),
        (502, b"<html>bad gateway</html>", ServerError, "Bad Gateway"),
        (401, b"", AuthenticationError, "WIX_API_KEY"),
        (429, {"message": "Too many"}, RateLimited, "200 requests per minute"),
        (
            400,
            {"message": "expired", "details": {"applicationError": {"code": "CURSOR_EXPIRED"}}},
            CursorExpired,
            "restart the query",
        ),
        (428, {"message": "precondition"}, FailedPrecondition, "precondition"),
        (418, {"message": "teapot"}, WixError, "teapot"),
    ],
)
def test_error_classes(status: int, body: Any, cls: type[WixError], text: str) -> None:
    err = parse(status, body)
    assert type(err) is cls
    assert err.status == status
    assert text in str(err)
    assert "\n" not in str(err)


# Pace


def test_token_bucket_lets_a_burst_through_then_paces() -> None:
    now = [0.0]
    bucket = TokenBucket(200, clock=lambda: now[0])
    assert all(bucket.reserve() == 0.0 for _ in range(200))
    assert bucket.reserve() == pytest.approx(0.3)
    now[0] = 60.0
    assert all(bucket.reserve() == 0.0 for _ in range(199))


def test_token_bucket_is_thread_safe() -> None:
    now = [0.0]
    bucket = TokenBucket(1000, clock=lambda: now[0])
    waits: list[float] = []

    def take() -> None:
        for _ in range(300):
            waits.append(bucket.reserve())

    threads = [threading.Thread(target=take) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(1 for w in waits if w == 0.0) == 1000
    assert max(waits) == pytest.approx(200 / (1000 / 60))


def test_client_rate_limit_is_shared_by_all_calls() -> None:
    script = Script(*[count(1)] * 12)
    sleeps = Sleeps()
    client = wix(script, sleeps, rate_limit=10)
    for _ in range(12):
        client.sites.count()
    assert len(sleeps) == 2  # a burst of 10, then the 11th and 12th wait
    assert sleeps[0] > 0


def test_on_request_sees_every_attempt() -> None:
    seen: list[RequestInfo] = []
    script = Script(httpx.ConnectError("x"), error(503), count(2))
    wix(script, on_request=seen.append).sites.count()
    assert [i.status for i in seen] == [None, 503, 200]
    assert seen[0].error == "ConnectError"
    assert all(i.path == "/site-list/v2/sites/count" and i.method == "POST" for i in seen)


# The sandbox's fault mode: 429s, 503s, dropped connections before and after the work, slow answers.


@pytest.fixture
def sandbox() -> Any:
    with Sandbox() as box:
        yield box


async def no_sleep(_: float) -> None:
    return None


@pytest.mark.parametrize("fault_seed", [1, 2])
async def test_async_client_survives_the_sandbox_fault_mode(
    sandbox: Sandbox, fault_seed: int
) -> None:
    creds = sandbox.default_credentials()
    sandbox.seed(creds.account_id, sites=600, folders=5, seed=fault_seed)
    # In process rather than httpx.ASGITransport, which fails an assertion (not a transport
    # error) when the app drops the connection after the head of the answer.
    transport = sandbox.async_transport(fault_rate=0.3, fault_seed=fault_seed)
    async with AsyncWixSites(
        api_key=creds.api_key,
        account_id=creds.account_id,
        base_url="http://sandbox",
        transport=transport,
        retry=RetryPolicy(max_attempts=12),
        rate_limit=None,
        sleep=no_sleep,
    ) as client:
        active = {"state": "ACTIVE"}  # a trashed site cannot move
        ids = [str(s.id) async for s in client.sites.query(active, page_size=50)]
        assert len(ids) == len(set(ids)) == await client.sites.count(active)
        names = [f"Batch {n}" for n in range(6)]
        made = [await client.folders.create(name) for name in names]
        folders = await client.folders.query().to_list()
        assert sorted(f.name for f in folders if f.name in names) == names  # no duplicates
        report = await client.sites.move(ids, made[0])
        assert report.ok
        assert sorted(report.moved) == sorted(ids)
        assert (await client.folders.get(str(made[0].id))).site_count == len(ids)


def test_sync_client_survives_the_sandbox_fault_mode(sandbox: Sandbox) -> None:
    creds = sandbox.default_credentials()
    sandbox.seed(creds.account_id, sites=300, folders=3, seed=3)
    attempts: list[RequestInfo] = []
    with WixSites(
        api_key=creds.api_key,
        account_id=creds.account_id,
        base_url="http://sandbox",
        transport=sandbox.transport(fault_rate=0.3, fault_seed=3),
        retry=RetryPolicy(max_attempts=12),
        rate_limit=None,
        sleep=lambda _: None,
        on_request=attempts.append,
    ) as client:
        active = {"state": "ACTIVE"}  # a trashed site cannot move
        ids = [str(s.id) for s in client.sites.query(active, page_size=40)]
        assert len(ids) == len(set(ids)) == client.sites.count(active)
        folder = client.folders.create("Faulty")
        again = [f for f in client.folders.query({"name": "Faulty"}) if f.name == "Faulty"]
        assert len(again) == 1
        assert client.move_sites(ids, folder).ok
        assert client.folders.of_site(ids[0]) is not None
        unknown = str(uuid.uuid4())
        report = client.move_sites([*ids[:3], unknown], None)
        assert report.moved == ids[:3]
        assert report.failed == {unknown: "not found in this account"}
    failures = {i.status or i.error for i in attempts if i.status != 200}
    assert len(failures & {429, 503, "RemoteProtocolError"}) >= 2


async def test_async_client_over_asgi(sandbox: Sandbox) -> None:
    creds = sandbox.default_credentials()
    sandbox.seed(creds.account_id, sites=30, folders=2, seed=4)
    async with AsyncWixSites(
        api_key=creds.api_key,
        account_id=creds.account_id,
        base_url="http://sandbox",
        transport=httpx.ASGITransport(app=sandbox.asgi_app()),
        rate_limit=None,
    ) as client:
        assert len(await client.sites.query(page_size=7).to_list()) == await client.sites.count()
        with pytest.raises(NotFound):
            await client.folders.of_site(str(uuid.uuid4()))
