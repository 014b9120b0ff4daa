"""What a user of the SDK sees: errors that carry the answer's status and request id and blame the
right party, a documented client (help, version), the async tree, moves into a folder by path,
and limits checked before the first request."""

from __future__ import annotations

import importlib.metadata
import pydoc
import uuid
from collections.abc import Iterator

import httpx
import pytest

import wixsites
from tests.sandbox_fixtures import RefuseThirdCreate
from wixsandbox import Sandbox
from wixsites import (
    AlreadyExists,
    AsyncWixSites,
    AuthenticationError,
    InvalidArgument,
    NotFound,
    NotWixApi,
    PermissionDenied,
    RequestInfo,
    ServerError,
    WixSites,
)

KEY = "surface-api-key-0123456789"
ACCOUNT = "11111111-2222-3333-4444-666666666666"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox() as box:
        box.add_api_key(KEY, ACCOUNT)
        box.seed(ACCOUNT, sites=12, folders=0, seed=2)
        yield box


def _client(transport: httpx.BaseTransport, **options: object) -> WixSites:
    return WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=transport,
        rate_limit=None,
        **options,  # type: ignore[arg-type]
    )


def test_not_found_of_get_carries_the_status_code_and_request_id(sandbox: Sandbox) -> None:
    with _client(sandbox.transport()) as wix, pytest.raises(NotFound) as caught:
        wix.folders.get(str(uuid.uuid4()))
    error = caught.value
    assert (error.status, error.code) == (404, "NOT_FOUND")
    assert error.request_id
    assert error.request_id in str(error)


def test_help_shows_sites_and_folders_and_the_version_is_the_installed_one() -> None:
    for cls in (WixSites, AsyncWixSites):
        text = pydoc.plain(pydoc.render_doc(cls))
        assert "sites\n" in text
        assert "folders\n" in text
        assert "The account's sites" in text
        for method in ("query", "count", "move", "trash", "duplicate", "publish", "transfer"):
            assert f"``{method}``" in text.split("The account's sites", 1)[1].split("---", 1)[0]
        assert "The account's folders" in text
    assert wixsites.__version__ == importlib.metadata.version("wixsites")


def _async_client(sandbox: Sandbox) -> AsyncWixSites:
    return AsyncWixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.async_transport(),
        rate_limit=None,
    )


async def test_async_for_over_the_tree_of_the_async_client(sandbox: Sandbox) -> None:
    async with _async_client(sandbox) as wix:
        await wix.folders.ensure("Clients/Acme")
        await wix.folders.ensure("Design")
        paths = [node.path_text async for node in wix.folders.tree()]
        tree = await wix.folders.tree()
    assert sorted(paths) == ["Clients", "Clients/Acme", "Design"]
    assert [node.path_text for node in tree] == paths


def test_sites_move_takes_a_folder_path(sandbox: Sandbox) -> None:
    with _client(sandbox.transport()) as wix:
        acme = wix.folders.ensure("Clients/Acme")
        ids = [str(site.id) for site in wix.sites.query(page_size=5)][:3]
        report = wix.sites.move(ids, "Clients/Acme")
        assert report.moved == ids
        assert report.target == str(acme.id).lower()
        assert wix.sites.count({"folderId": str(acme.id)}) == 3
        assert wix.sites.move(ids[:1], "/").target == ""
        with pytest.raises(NotFound) as caught:
            wix.sites.move(ids, "Clients/Nobody")
    assert "'Clients/Nobody' does not exist" in str(caught.value)
    assert caught.value.status == 404
    assert caught.value.request_id


def _answering(status: int, body: bytes, content_type: str) -> httpx.MockTransport:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers={"content-type": content_type})

    return httpx.MockTransport(handler)


@pytest.mark.parametrize(
    ("status", "body", "content_type", "described"),
    [
        (
            404,
            b"<html><body>Not Found</body></html>",
            "text/html",
            "404 Not Found with an HTML page",
        ),
        (404, b'{"error": "no route"}', "application/json", "JSON that is not a Wix error"),
        (501, b"Unsupported method", "text/plain", "501 Not Implemented with a text/plain body"),
        (500, b"", "text/plain", "an empty body"),
    ],
)
def test_a_server_that_is_not_the_wix_api_is_named(
    status: int, body: bytes, content_type: str, described: str
) -> None:
    with (
        WixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            base_url="http://user:pw@127.0.0.1:9",
            transport=_answering(status, body, content_type),
            rate_limit=None,
        ) as wix,
        pytest.raises(NotWixApi) as caught,
    ):
        wix.sites.count()
    message = str(caught.value)
    assert message.startswith(f"{status}: the server at http://127.0.0.1:9 does not look like")
    assert described in message
    assert "check WIX_BASE_URL" in message
    assert "pw" not in message
    assert "Wix had a problem" not in message
    assert caught.value.status == status


def test_wix_shaped_errors_and_gateway_pages_keep_their_usual_class() -> None:
    wix_404 = (
        b'{"message": "no such folder", "details": {"applicationError": {"code": "NOT_FOUND"}}}'
    )
    with (
        _client(_answering(404, wix_404, "application/json")) as wix,
        pytest.raises(NotFound),
    ):
        wix.sites.count()
    # a 503 from a load balancer in front of Wix stays a (retryable) server error
    with (
        _client(_answering(503, b"<html>busy</html>", "text/html"), retry=None) as wix,
        pytest.raises(ServerError),
    ):
        wix.sites.count()


def test_a_name_clash_names_the_folder(sandbox: Sandbox) -> None:
    with _client(sandbox.transport()) as wix:
        wix.folders.create("Design")
        with pytest.raises(AlreadyExists) as caught:
            wix.folders.create("Design")
        assert "a folder named 'Design' already exists in root" in str(caught.value)
        assert caught.value.status == 409
        assert caught.value.request_id
        qa = wix.folders.create("QA")
        with pytest.raises(AlreadyExists, match="to 'Design': its parent already holds"):
            wix.folders.rename(qa, "Design")


def test_a_control_character_in_a_name_is_named(sandbox: Sandbox) -> None:
    with _client(sandbox.transport()) as wix:
        with pytest.raises(InvalidArgument, match=r"'a\\x07b' has the control character U\+0007"):
            wix.folders.create("a\x07b")
        with pytest.raises(InvalidArgument, match="a line break at character 5"):
            wix.folders.ensure("Clients/Acme\nCo")


def test_a_path_too_deep_is_refused_before_any_request(sandbox: Sandbox) -> None:
    seen: list[RequestInfo] = []
    with _client(sandbox.transport(), on_request=seen.append) as wix:
        with pytest.raises(InvalidArgument, match="at most 51 folders, and this one has 60"):
            wix.folders.ensure("/".join(f"L{i}" for i in range(60)))
        assert seen == []
        assert wix.folders.ensure("/".join(f"L{i}" for i in range(50))).name == "L49"


def test_ensure_failing_midway_names_what_it_created(sandbox: Sandbox) -> None:
    with _client(RefuseThirdCreate(sandbox.transport())) as wix:
        with pytest.raises(PermissionDenied) as caught:
            wix.folders.ensure("A/B/C/D")
        assert "(already created: A, A/B)" in str(caught.value)
        assert caught.value.created == ["A", "A/B"]  # type: ignore[attr-defined]
        assert wix.folders.find("A/B") is not None
        assert wix.folders.find("A/B/C") is None


def test_request_reaches_any_endpoint_with_the_clients_retries(sandbox: Sandbox) -> None:
    with _client(sandbox.transport()) as wix:
        assert wix.request("POST", "/site-list/v2/sites/count", json={}) == {
            "count": wix.sites.count()
        }
        with pytest.raises(InvalidArgument, match="a path under the base URL"):
            wix.request("GET", "http://elsewhere.example/x")
        with pytest.raises(NotFound) as caught:
            wix.request("GET", "/no/such/endpoint")
        assert caught.value.request_id
    answers = iter(
        [httpx.Response(503, json={"message": "", "details": {}}), httpx.Response(200, json={})]
    )
    seen: list[RequestInfo] = []
    with _client(
        httpx.MockTransport(lambda _request: next(answers)),
        on_request=seen.append,
        sleep=lambda _seconds: None,
    ) as wix:
        assert wix.request("DELETE", "/site-folders/v2/folders/x") == {}
    assert [info.status for info in seen] == [503, 200]


async def test_request_on_the_async_client(sandbox: Sandbox) -> None:
    async with _async_client(sandbox) as wix:
        answer = await wix.request("POST", "/site-list/v2/sites/count", json={})
        assert answer == {"count": await wix.sites.count()}


def test_an_error_line_joins_its_sentences_without_stray_full_stops(sandbox: Sandbox) -> None:
    wrong = WixSites(
        api_key="wrong-key-0123456789",
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.transport(),
        rate_limit=None,
    )
    with wrong as wix, pytest.raises(AuthenticationError) as caught:
        wix.sites.count()
    line = str(caught.value)
    assert caught.value.description  # a message, a description and a hint, joined
    assert caught.value.hint
    assert ".:" not in line, line
    assert ".;" not in line, line
