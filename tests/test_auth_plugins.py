"""WixSignatureAuth and WixApiKeyAuth, driven through httpx clients with a fake server."""

from __future__ import annotations

import asyncio
import re
import string
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wixauth import (
    CredentialsError,
    ExpiredTimestamp,
    Placement,
    UnsignableRequest,
    WixApiKeyAuth,
    WixSignatureAuth,
    parse_timestamp,
    string_to_sign,
    verify_request,
)

BASE = "https://openapi.wix.com"
SECRET = "app-secret-7f3c"
APP = "13929a86-9df1-4e70-8b9f-6ac2b8f9d1a3"
INSTANCE = "e3b2c3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
START = datetime(2013, 7, 1, 8, 7, 40, 802000, tzinfo=UTC)
TIMESTAMP_FORMAT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z")


class Recorder:
    """A fake server that keeps a copy of each request as it arrived."""

    def __init__(self) -> None:
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        # the same request object may be sent again: keep a copy of what arrived
        self.seen.append(
            httpx.Request(
                request.method, request.url, headers=request.headers.raw, content=request.content
            )
        )
        return httpx.Response(200, json={})


def fixed_clock(moment: datetime = START) -> Callable[[], datetime]:
    return lambda: moment


def stepping_clock(step: timedelta) -> Callable[[], datetime]:
    ticks = iter(range(1_000_000))
    return lambda: START + step * next(ticks)


def send(
    auth: httpx.Auth, method: str = "POST", url: str = BASE + "/v1/contacts", **kwargs: Any
) -> httpx.Request:
    recorder = Recorder()
    with httpx.Client(transport=httpx.MockTransport(recorder)) as client:
        client.request(method, url, auth=auth, **kwargs)
    (request,) = recorder.seen
    return request


async def send_async(
    auth: httpx.Auth, method: str = "POST", url: str = BASE + "/v1/contacts", **kwargs: Any
) -> httpx.Request:
    recorder = Recorder()
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as client:
        await client.request(method, url, auth=auth, **kwargs)
    (request,) = recorder.seen
    return request


def wix_headers(request: httpx.Request) -> dict[str, str]:
    return {k: v for k, v in request.headers.items() if k.startswith("x-wix-")}


# --- what the signature auth adds -----------------------------------------------------------------


def test_header_placement_adds_headers_and_version_query() -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, version="1.0.0", clock=fixed_clock())
    request = send(auth, json={"name": "Ann"})
    headers = wix_headers(request)
    assert headers.keys() == {
        "x-wix-application-id",
        "x-wix-instance-id",
        "x-wix-timestamp",
        "x-wix-signature",
    }
    assert headers["x-wix-application-id"] == APP
    assert headers["x-wix-instance-id"] == INSTANCE
    assert headers["x-wix-timestamp"] == "2013-07-01T08:07:40.802Z"
    assert list(request.url.params.multi_items()) == [("version", "1.0.0")]
    verify_request(request, SECRET, now=START)


def test_query_placement_adds_query_parameters_only() -> None:
    auth = WixSignatureAuth(
        SECRET, APP, INSTANCE, placement="query", version="1.0.0", clock=fixed_clock()
    )
    request = send(auth, "GET", BASE + "/v1/activities?cursor=-1")
    assert wix_headers(request) == {}
    params = request.url.params
    assert list(params.keys()) == [
        "cursor",
        "application-id",
        "instance-id",
        "timestamp",
        "version",
        "signature",
    ]
    assert params["timestamp"] == "2013-07-01T08:07:40.802Z"
    verify_request(request, SECRET, now=START)


def test_without_version_no_version_is_sent() -> None:
    request = send(WixSignatureAuth(SECRET, APP, INSTANCE, clock=fixed_clock()))
    assert request.url.query == b""
    verify_request(request, SECRET, now=START)


def test_default_clock_is_now_in_utc() -> None:
    request = send(WixSignatureAuth(SECRET, APP, INSTANCE))
    stamp = request.headers["x-wix-timestamp"]
    assert TIMESTAMP_FORMAT.fullmatch(stamp)
    assert abs(datetime.now(UTC) - parse_timestamp(stamp)) < timedelta(seconds=30)
    verify_request(request, SECRET)


def test_clock_in_another_zone_is_sent_in_utc() -> None:
    paris = datetime(2013, 7, 1, 10, 7, 40, 802999, tzinfo=timezone(timedelta(hours=2)))
    request = send(WixSignatureAuth(SECRET, APP, INSTANCE, clock=lambda: paris))
    assert request.headers["x-wix-timestamp"] == "2013-07-01T08:07:40.802Z"


def test_naive_clock_is_refused() -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, clock=lambda: datetime(2013, 7, 1))
    with pytest.raises(ValueError, match="aware"):
        send(auth)


@pytest.mark.parametrize("placement", ["header", "query"])
def test_ids_the_request_carries_are_kept(placement: Placement) -> None:
    auth = WixSignatureAuth(
        SECRET, APP, INSTANCE, placement=placement, version="2.0.0", clock=fixed_clock()
    )
    request = send(
        auth,
        "GET",
        BASE + "/v1/x?instance-id=other-instance&version=1.0.0",
        headers={"X-Wix-Application-Id": "other-app"},
    )
    assert request.headers.get_list("x-wix-application-id") == ["other-app"]
    assert request.url.params.get_list("instance-id") == ["other-instance"]
    assert request.url.params.get_list("version") == ["1.0.0"]
    assert "application-id" not in request.url.params
    assert "x-wix-instance-id" not in request.headers
    verify_request(request, SECRET, now=START)


@pytest.mark.parametrize("placement", ["header", "query"])
def test_old_timestamps_and_signatures_are_replaced_in_both_places(placement: Placement) -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, placement=placement, clock=fixed_clock())
    request = send(
        auth,
        "GET",
        BASE + "/v1/x?timestamp=2001-01-01T00%3A00%3A00.000Z&signature=old&a=1",
        headers=[
            ("x-wix-timestamp", "2001-01-01T00:00:00.000Z"),
            ("X-Wix-Timestamp", "2002-01-01T00:00:00.000Z"),
            ("x-wix-signature", "old"),
        ],
    )
    stamps = request.headers.get_list("x-wix-timestamp") + request.url.params.get_list("timestamp")
    signatures = request.headers.get_list("x-wix-signature") + request.url.params.get_list(
        "signature"
    )
    assert stamps == ["2013-07-01T08:07:40.802Z"]
    assert len(signatures) == 1
    assert signatures != ["old"]
    assert request.url.params["a"] == "1"
    verify_request(request, SECRET, now=START)


def test_request_with_a_line_break_is_refused_before_sending() -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, clock=fixed_clock())
    with pytest.raises(UnsignableRequest, match="'note' contains a line break") as caught:
        send(auth, "GET", BASE + "/v1/x?note=a%0Ab")
    assert SECRET not in str(caught.value)


def test_streamed_body_is_read_and_signed() -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, clock=fixed_clock())
    request = send(auth, content=iter([b'{"a":', b"1}"]))
    assert string_to_sign(request).endswith(b'\n{"a":1}')
    verify_request(request, SECRET, now=START)


# --- properties: sync equals async, every send signed afresh ---------------------------------------

query_items = st.lists(
    st.tuples(
        st.text(string.ascii_letters + "-_", min_size=1, max_size=8).filter(
            lambda n: n not in ("signature", "timestamp", "application-id", "instance-id")
        ),
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=10),
    ),
    max_size=4,
)
bodies = st.one_of(st.binary(max_size=64), st.text(max_size=32).map(str.encode))
placements = st.sampled_from(["header", "query"])
methods = st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE"])
versions = st.one_of(st.none(), st.sampled_from(["1.0.0", "2.0"]))


@given(method=methods, params=query_items, body=bodies, placement=placements, version=versions)
def test_sync_and_async_flows_sign_alike(
    method: str,
    params: list[tuple[str, str]],
    body: bytes,
    placement: Placement,
    version: str | None,
) -> None:
    def make() -> WixSignatureAuth:
        return WixSignatureAuth(
            SECRET, APP, INSTANCE, placement=placement, version=version, clock=fixed_clock()
        )

    url = BASE + "/v1/things"
    sync = send(make(), method, url, params=params, content=body)
    asynchronous = asyncio.run(send_async(make(), method, url, params=params, content=body))
    assert str(sync.url) == str(asynchronous.url)
    assert sync.headers.raw == asynchronous.headers.raw
    assert string_to_sign(sync) == string_to_sign(asynchronous)
    verify_request(sync, SECRET, now=START)


@given(
    method=methods,
    params=query_items,
    body=bodies,
    placement=placements,
    step_ms=st.integers(1, 50_000),
)
def test_every_send_is_signed_afresh(
    method: str, params: list[tuple[str, str]], body: bytes, placement: Placement, step_ms: int
) -> None:
    step = timedelta(milliseconds=step_ms)
    auth = WixSignatureAuth(
        SECRET, APP, INSTANCE, placement=placement, version="1.0.0", clock=stepping_clock(step)
    )
    recorder = Recorder()
    with httpx.Client(transport=httpx.MockTransport(recorder)) as client:
        request = client.build_request(
            method, BASE + "/v1/things", params=tuple(params), content=body
        )
        client.send(request, auth=auth)
        client.send(request, auth=auth)  # a retry of the very same request object
    first, second = recorder.seen

    def stamp(r: httpx.Request) -> str:
        (value,) = r.headers.get_list("x-wix-timestamp") + r.url.params.get_list("timestamp")
        return value

    def signature(r: httpx.Request) -> str:
        (value,) = r.headers.get_list("x-wix-signature") + r.url.params.get_list("signature")
        return value

    assert parse_timestamp(stamp(second)) - parse_timestamp(stamp(first)) == step
    assert signature(first) != signature(second)
    verify_request(first, SECRET, now=START)
    verify_request(second, SECRET, now=START + step)
    if step > timedelta(minutes=1):
        with pytest.raises(ExpiredTimestamp, match="old"):
            verify_request(first, SECRET, now=START + step + step)


def test_async_retry_is_signed_afresh_too() -> None:
    auth = WixSignatureAuth(SECRET, APP, INSTANCE, clock=stepping_clock(timedelta(seconds=90)))
    recorder = Recorder()

    async def twice() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as client:
            request = client.build_request("POST", BASE + "/v1/x", json={"a": 1})
            await client.send(request, auth=auth)
            await client.send(request, auth=auth)

    asyncio.run(twice())
    first, second = recorder.seen
    assert first.headers["x-wix-timestamp"] == "2013-07-01T08:07:40.802Z"
    assert second.headers["x-wix-timestamp"] == "2013-07-01T08:09:10.802Z"
    verify_request(second, SECRET, now=START + timedelta(seconds=90))


# --- configuration --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "says"),
    [
        ({"secret": ""}, "secret is empty"),
        ({"application_id": ""}, "application_id is empty"),
        ({"instance_id": "a\nb"}, "instance_id contains a line break"),
        ({"version": "1\r"}, "version contains a line break"),
        ({"placement": "body"}, "placement must be 'header' or 'query'"),
    ],
)
def test_unusable_configuration_is_refused(kwargs: dict[str, Any], says: str) -> None:
    arguments: dict[str, Any] = {"secret": SECRET, "application_id": APP, "instance_id": INSTANCE}
    arguments.update(kwargs)
    with pytest.raises(CredentialsError, match=says) as caught:
        WixSignatureAuth(**arguments)
    assert isinstance(caught.value, ValueError)


secret_texts = st.text(string.ascii_letters + string.digits + "-_", min_size=8, max_size=30).map(
    lambda s: "S3CR3T" + s
)


@given(secret=secret_texts, placement=placements)
def test_signature_auth_repr_masks_the_secret(secret: str, placement: Placement) -> None:
    auth = WixSignatureAuth(secret, APP, INSTANCE, placement=placement, version="1.0.0")
    for text in (repr(auth), str(auth)):
        assert secret not in text
        assert "secret='***'" in text
        assert APP in text
    assert secret not in repr(vars(auth))


# --- API key --------------------------------------------------------------------------------------


def test_api_key_with_account_id() -> None:
    request = send(WixApiKeyAuth("IST.key", account_id="acc-1"))
    assert request.headers["authorization"] == "IST.key"
    assert request.headers["wix-account-id"] == "acc-1"
    assert "wix-site-id" not in request.headers


def test_api_key_with_site_id() -> None:
    request = send(WixApiKeyAuth("IST.key", site_id="site-1"))
    assert request.headers["authorization"] == "IST.key"
    assert request.headers["wix-site-id"] == "site-1"
    assert "wix-account-id" not in request.headers


def test_api_key_alone() -> None:
    request = send(WixApiKeyAuth("IST.key"))
    assert request.headers["authorization"] == "IST.key"
    assert "wix-site-id" not in request.headers
    assert "wix-account-id" not in request.headers


def test_api_key_replaces_an_authorization_but_keeps_the_request_s_own_id() -> None:
    request = send(
        WixApiKeyAuth("IST.key", account_id="acc-1"),
        headers={"Authorization": "Bearer old", "wix-site-id": "site-9"},
    )
    assert request.headers.get_list("authorization") == ["IST.key"]
    assert request.headers["wix-site-id"] == "site-9"
    assert "wix-account-id" not in request.headers


def test_api_key_async() -> None:
    request = asyncio.run(send_async(WixApiKeyAuth("IST.key", account_id="acc-1")))
    assert request.headers["authorization"] == "IST.key"
    assert request.headers["wix-account-id"] == "acc-1"


def test_both_ids_is_an_error_that_explains() -> None:
    with pytest.raises(CredentialsError, match="not both") as caught:
        WixApiKeyAuth("IST.key", account_id="a", site_id="s")
    assert isinstance(caught.value, ValueError)
    assert "IST.key" not in str(caught.value)


@pytest.mark.parametrize(
    "kwargs", [{"api_key": ""}, {"api_key": "k\n"}, {"api_key": "k", "account_id": ""}]
)
def test_unusable_api_key_configuration(kwargs: dict[str, Any]) -> None:
    with pytest.raises(CredentialsError):
        WixApiKeyAuth(**kwargs)


@given(key=secret_texts, which=st.sampled_from(["account_id", "site_id", None]))
def test_api_key_never_in_repr(key: str, which: str | None) -> None:
    auth = WixApiKeyAuth(key, **({which: "id-1"} if which else {}))
    for text in (repr(auth), str(auth)):
        assert key not in text
        assert "api_key='***'" in text
    if which:
        assert f"{which}='id-1'" in repr(auth)


def iter_flow(
    auth: httpx.Auth, request: httpx.Request
) -> Generator[httpx.Request, httpx.Response, None]:
    return auth.sync_auth_flow(request)


def test_flows_yield_the_request_once() -> None:
    request = httpx.Request("GET", BASE + "/v1/x")
    flow = iter_flow(WixSignatureAuth(SECRET, APP, INSTANCE, clock=fixed_clock()), request)
    assert next(flow) is request
    with pytest.raises(StopIteration):
        flow.send(httpx.Response(403))
