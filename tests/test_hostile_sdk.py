"""The SDK against a hostile server: every failure is a `WixError`, paging always ends, calls are
bounded in time and size, move reports never contradict the server, folder paths are
unambiguous, and secrets never escape.

The servers here are fakes on purpose: their misbehaviour is what is under test. Most are
`httpx.MockTransport` handlers; the ones that must misbehave on the wire (dripping bytes, a gzip
bomb, a body too large to buffer) are raw HTTP/1.1 servers on 127.0.0.1 (`RawServer`).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import json
import socket
import threading
import time
import tracemalloc
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from wix_sites_api.api.sites import count_sites
from wix_sites_api.models import CountSitesRequest, Folder

from tests import sandbox_fixtures
from wixsandbox import Sandbox
from wixsites import (
    AmbiguousFolderPath,
    AsyncWixSites,
    ConfigurationError,
    DeadlineExceeded,
    InvalidArgument,
    InvalidResponse,
    MoveReport,
    PagingError,
    RetryPolicy,
    WixError,
    WixSites,
)
from wixsites.cli import cli
from wixsites.cli.errors import InputError, Partial
from wixsites.cli.folderindex import FolderIndex
from wixsites.cli.output import Output
from wixsites.cli.report import show_move_report

Handler = Callable[[httpx.Request], httpx.Response]
KEY = "hostile-test-key-0001"
ACCOUNT = "acc"
RID = "rid-hostile-1"


def site_id(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


def wix(handler: Handler, **options: Any) -> WixSites:
    options.setdefault("rate_limit", None)
    options.setdefault("retry", None)
    return WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handler), **options
    )


def answer(status: int, body: bytes | str) -> Handler:
    raw = body.encode() if isinstance(body, str) else body

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=raw, headers={"x-wix-request-id": RID})

    return handler


# 7. Every failure is a WixError.

BAD_SITE_PAGES = {
    "truncated JSON": '{"sites": [{"id": "00000000-0000-0000-0000-000000000001"',
    "HTML": "<html><body>502 Bad Gateway</body></html>",
    "a JSON list": "[]",
    "a JSON list of pairs": '[["sites", []]]',
    "a JSON string": '"sites"',
    "JSON null": "null",
    "sites of the wrong type": '{"sites": "abc"}',
    "a site of the wrong type": '{"sites": [5]}',
    "metadata of the wrong type": '{"sites": [], "metadata": [1, 2]}',
    "hasNext of the wrong type": '{"sites": [], "metadata": {"hasNext": "yes"}}',
    "a folderId of the wrong type": '{"sites": [{"folderId": 7}]}',
    "a date of the wrong type": '{"sites": [{"createdDate": 5}]}',
    "an empty body": "",
}


@pytest.mark.parametrize("body", BAD_SITE_PAGES.values(), ids=BAD_SITE_PAGES.keys())
def test_an_unusable_answer_is_an_invalid_response(body: str) -> None:
    with wix(answer(200, body)) as client, pytest.raises(InvalidResponse) as caught:
        list(client.sites.query())
    err = caught.value
    assert err.status == 200
    assert err.request_id == RID
    assert err.excerpt is not None
    assert RID in str(err)


# JSON nested deeper than Python's parser recurses: a RecursionError, not a ValueError.
DEEP_JSON = b'{"sites": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"


@pytest.mark.parametrize("status", [200, 400, 503])
def test_json_nested_too_deeply_is_an_invalid_response(status: int) -> None:
    calls: dict[str, Callable[[WixSites], object]] = {
        "count": lambda client: client.sites.count(),
        "query": lambda client: list(client.sites.query()),
        "request": lambda client: client.request("POST", "/site-list/v2/sites/count", json={}),
    }
    for name, call in calls.items():
        with wix(answer(status, DEEP_JSON)) as client, pytest.raises(WixError) as caught:
            call(client)
        assert caught.value.status == status, name
        if status == 200 and name != "request":  # a raw request's is NotWixApi: "not JSON"
            assert isinstance(caught.value, InvalidResponse), name

    async def run() -> None:
        async with AsyncWixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            transport=httpx.MockTransport(answer(status, DEEP_JSON)),
            rate_limit=None,
            retry=None,
        ) as client:
            with pytest.raises(WixError):
                await client.sites.count()

    asyncio.run(run())


BAD_FOLDER_PAGES = {
    "a total of the wrong type": '{"folders": [], "metadata": {"total": "5"}}',
    "a negative offset": '{"folders": [], "metadata": {"offset": -1}}',
    "a name of the wrong type": json.dumps({"folders": [{"id": site_id(1), "name": 5}]}),
    "a parentId of the wrong type": json.dumps({"folders": [{"id": site_id(1), "parentId": 7}]}),
    "folders of the wrong type": '{"folders": {"a": 1}}',
}


@pytest.mark.parametrize("body", BAD_FOLDER_PAGES.values(), ids=BAD_FOLDER_PAGES.keys())
@pytest.mark.parametrize("via", ["query", "tree", "find"])
def test_an_unusable_folder_page_is_an_invalid_response(body: str, via: str) -> None:
    def read(client: WixSites) -> object:
        if via == "query":
            return list(client.folders.query())
        if via == "tree":
            return client.folders.tree(root_site_count=False)
        return client.folders.find("a/b")

    with wix(answer(200, body)) as client, pytest.raises(InvalidResponse) as caught:
        read(client)
    assert caught.value.status == 200


def test_a_null_parent_is_root() -> None:
    folders = [{"id": site_id(1), "name": "a", "parentId": None}]
    with wix(_folders_server(folders)) as client:
        found = client.folders.find("a")
    assert found is not None


def test_a_bad_uuid_is_never_a_bare_value_error() -> None:
    # Whether ids are parsed as UUIDs is the generated models' choice; either way, no ValueError.
    body = json.dumps({"sites": [{"id": "not-a-uuid"}], "metadata": {"hasNext": False}})
    raised: WixError | None = None
    sites: list[Any] = []
    with wix(answer(200, body)) as client:
        try:
            sites = list(client.sites.query())
        except WixError as err:
            raised = err
    if raised is None:
        assert [str(s.id) for s in sites] == ["not-a-uuid"]
    else:
        assert isinstance(raised, InvalidResponse)


@pytest.mark.parametrize("status", [201, 204, 299, 302])
def test_a_status_the_api_never_sends_is_an_invalid_response(status: int) -> None:
    with wix(answer(status, '{"count": 3}')) as client, pytest.raises(InvalidResponse) as caught:
        client.sites.count()
    assert caught.value.status == status
    assert caught.value.request_id == RID


@pytest.mark.parametrize("count", ['"5"', "-1", "true", "1.5", "[]", '{"n": 1}'])
def test_count_refuses_anything_but_a_non_negative_integer(count: str) -> None:
    with wix(answer(200, f'{{"count": {count}}}')) as client, pytest.raises(InvalidResponse):
        client.sites.count()


@pytest.mark.parametrize("body", ["{}", '{"count": null}'])
def test_a_count_left_out_or_null_reads_as_zero(body: str) -> None:
    """Wix leaves a zero count out (proto3 JSON); a null in a field the spec never makes null
    reads as an absent one (the models read both as None)."""
    with wix(answer(200, body)) as client:
        assert client.sites.count() == 0


def test_count_reads_a_good_count() -> None:
    with wix(answer(200, '{"count": 7}')) as client:
        assert client.sites.count() == 7


def test_the_excerpt_and_the_message_are_capped() -> None:
    huge = "<html>" + "x" * 500_000 + "</html>"
    with wix(answer(200, huge)) as client, pytest.raises(InvalidResponse) as caught:
        client.sites.count()
    assert len(str(caught.value)) < 800
    assert caught.value.excerpt is not None
    assert len(caught.value.excerpt) < 300


def test_an_error_answer_with_a_huge_message_is_capped() -> None:
    body = json.dumps({"message": "m" * 100_000, "details": {"applicationError": {"code": "X"}}})
    with wix(answer(400, body)) as client, pytest.raises(WixError) as caught:
        client.sites.count()
    assert caught.value.status == 400
    assert len(str(caught.value)) < 1000


def test_async_client_raises_invalid_response_too() -> None:
    async def main() -> None:
        async with AsyncWixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            transport=httpx.MockTransport(answer(200, "<html>nope</html>")),
            rate_limit=None,
            retry=None,
        ) as client:
            with pytest.raises(InvalidResponse):
                await client.sites.count()

    asyncio.run(main())


# 8. Paging always ends.


def _requests_counted(body: Callable[[int], dict[str, Any]]) -> tuple[Handler, list[int]]:
    calls = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        calls[0] += 1
        if calls[0] > 50:  # the test's own bound: the client should have stopped long before
            return httpx.Response(400, json={"message": "test server: too many pages"})
        return httpx.Response(200, json=body(calls[0]))

    return handler, calls


def test_empty_pages_that_claim_more_end_in_a_paging_error() -> None:
    handler, calls = _requests_counted(
        lambda n: {"sites": [], "metadata": {"hasNext": True, "cursors": {"next": f"c{n}"}}}
    )
    with wix(handler) as client, pytest.raises(PagingError) as caught:
        list(client.sites.query())
    assert caught.value.code == "NO_PROGRESS"
    assert calls[0] <= 5


def test_pages_of_already_seen_sites_end_in_a_paging_error() -> None:
    same = [{"id": site_id(i)} for i in range(3)]
    handler, calls = _requests_counted(
        lambda n: {"sites": same, "metadata": {"hasNext": True, "cursors": {"next": f"c{n}"}}}
    )
    with wix(handler) as client, pytest.raises(PagingError):
        list(client.sites.query(page_size=3))
    assert calls[0] <= 5


@pytest.mark.parametrize("via", ["query", "tree"])
def test_folder_pages_that_are_always_full_end_in_a_paging_error(via: str) -> None:
    size = 2 if via == "query" else 1000
    same = [{"id": site_id(i), "name": f"f{i}"} for i in range(size)]
    handler, calls = _requests_counted(lambda n: {"folders": same})

    def read(client: WixSites) -> object:
        if via == "query":
            return list(client.folders.query(page_size=size))
        return client.folders.tree(root_site_count=False)

    with wix(handler) as client, pytest.raises(PagingError):
        read(client)
    assert calls[0] <= 5


def test_async_paging_ends_too() -> None:
    handler, calls = _requests_counted(
        lambda n: {"sites": [], "metadata": {"hasNext": True, "cursors": {"next": f"c{n}"}}}
    )

    async def main() -> None:
        async with AsyncWixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            transport=httpx.MockTransport(handler),
            rate_limit=None,
            retry=None,
        ) as client:
            with pytest.raises(PagingError):
                await client.sites.query().to_list()

    asyncio.run(main())
    assert calls[0] <= 5


def test_a_slow_start_is_not_a_stall() -> None:
    # Two empty pages, then the sites: progress resumes in time, and every site comes back.
    def body(n: int) -> dict[str, Any]:
        sites = [] if n <= 2 else [{"id": site_id(n)}]
        more = n < 5
        meta: dict[str, Any] = {"hasNext": more}
        if more:
            meta["cursors"] = {"next": f"c{n}"}
        return {"sites": sites, "metadata": meta}

    handler, _ = _requests_counted(body)
    with wix(handler) as client:
        assert [str(s.id) for s in client.sites.query()] == [site_id(n) for n in (3, 4, 5)]


# 9. Bounded in time and size: raw servers on 127.0.0.1.


class RawServer:
    """An HTTP/1.1 server on 127.0.0.1 that reads one request per connection and lets `respond`
    write whatever it likes to the socket."""

    def __init__(self, respond: Callable[[socket.socket], None]) -> None:
        self.respond = respond
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.stop = threading.Event()
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._one, args=(conn,), daemon=True).start()

    def _one(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        with conn:
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, body = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                while len(body) < length:
                    body += conn.recv(65536)
                self.respond(conn)
            except OSError:
                return

    def close(self) -> None:
        self.stop.set()
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)  # wakes the accept() at once (Linux)
        self.sock.close()
        self.thread.join(2)


@pytest.fixture
def raw_server() -> Iterator[Callable[[Callable[[socket.socket], None]], RawServer]]:
    servers: list[RawServer] = []

    def start(respond: Callable[[socket.socket], None]) -> RawServer:
        server = RawServer(respond)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.close()


def _drip(conn: socket.socket) -> None:
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
    )
    for _ in range(40):  # 8 s at most: far longer than any deadline below
        conn.sendall(b" ")
        time.sleep(0.2)


def _drip_options(server: RawServer) -> dict[str, Any]:
    # A read timeout of 5 s is never reached by a byte every 0.2 s: only the deadline stops it.
    return {
        "api_key": KEY,
        "account_id": ACCOUNT,
        "base_url": server.url,
        "rate_limit": None,
        "timeout": 5,
        "deadline": 0.5,
    }


def test_a_dripping_server_is_cut_off_at_the_deadline(raw_server: Any) -> None:
    server = raw_server(_drip)
    start = time.monotonic()
    with (
        WixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            base_url=server.url,
            rate_limit=None,
            timeout=5,
            deadline=0.5,
            retry=RetryPolicy(max_attempts=5, base_delay=0.01),
        ) as client,
        pytest.raises(DeadlineExceeded),
    ):
        client.sites.count()
    assert time.monotonic() - start < 3.0


def test_a_dripping_server_is_cut_off_at_the_deadline_async(raw_server: Any) -> None:
    server = raw_server(_drip)

    async def main() -> None:
        async with AsyncWixSites(**_drip_options(server)) as client:
            with pytest.raises(DeadlineExceeded):
                await client.sites.count()

    start = time.monotonic()
    asyncio.run(main())
    assert time.monotonic() - start < 3.0


def test_retries_stop_at_the_deadline() -> None:
    calls = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        calls[0] += 1
        return httpx.Response(503, json={}, headers={"Retry-After": "0.2"})

    start = time.monotonic()
    with (
        wix(handler, retry=RetryPolicy(max_attempts=100), deadline=0.5) as client,
        pytest.raises(DeadlineExceeded) as caught,
    ):
        client.sites.count()
    assert time.monotonic() - start < 3.0
    assert calls[0] <= 3
    assert caught.value.attempts == calls[0]


def _big_body(size: int, gzipped: bool) -> Callable[[socket.socket], None]:
    payload = b'{"count": 1, "pad": "' + b"x" * size + b'"}'
    body = gzip.compress(payload, compresslevel=9) if gzipped else payload

    def respond(conn: socket.socket) -> None:
        encoding = b"Content-Encoding: gzip\r\n" if gzipped else b""
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + encoding
            + b"Content-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
        )
        conn.sendall(body)

    return respond


@pytest.mark.parametrize("gzipped", [False, True], ids=["plain", "gzip bomb"])
def test_an_answer_over_the_size_cap_is_refused_without_buffering_it(
    raw_server: Any, gzipped: bool
) -> None:
    server = raw_server(_big_body(8_000_000, gzipped))
    with WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url=server.url,
        rate_limit=None,
        retry=None,
        max_response_bytes=1_000_000,
    ) as client:
        tracemalloc.start()
        try:
            with pytest.raises(InvalidResponse) as caught:
                client.sites.count()
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert caught.value.code == "RESPONSE_TOO_LARGE"
    assert caught.value.status == 200
    assert peak < 8_000_000


def test_an_answer_under_the_size_cap_is_read_gzipped_or_not(raw_server: Any) -> None:
    for gzipped in (False, True):
        server = raw_server(_big_body(100_000, gzipped))
        with WixSites(
            api_key=KEY, account_id=ACCOUNT, base_url=server.url, rate_limit=None, retry=None
        ) as client:
            assert client.sites.count() == 1


# 12. Secrets never escape.

BAD_KEYS = {
    "a trailing control character": KEY + "\x07",
    "a leading space": " " + KEY,
    "a trailing line break": KEY + "\n",
    "an inner tab": KEY[:5] + "\t" + KEY[5:],
    "a non-ASCII character": KEY + "é",
}


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: BaseException | None = exc
    while seen is not None:
        yield seen
        seen = seen.__cause__ or seen.__context__


@pytest.mark.parametrize("key", BAD_KEYS.values(), ids=BAD_KEYS.keys())
def test_a_malformed_key_is_refused_at_construction_without_echoing_it(key: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        WixSites(api_key=key, account_id=ACCOUNT, transport=httpx.MockTransport(answer(200, "{}")))
    for exc in _chain(caught.value):
        assert KEY not in str(exc)
        assert KEY not in repr(exc)
        assert KEY[:8] not in str(exc)


def test_a_malformed_signing_secret_is_refused_without_echoing_it() -> None:
    with pytest.raises(ConfigurationError) as caught:
        WixSites.from_signature("app", "inst", " " + KEY)
    assert all(KEY not in str(exc) for exc in _chain(caught.value))


def test_a_network_failure_chains_no_cause(raw_server: Any) -> None:
    server = raw_server(lambda conn: conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Le"))
    with (
        WixSites(
            api_key=KEY,
            account_id=ACCOUNT,
            base_url=server.url,
            rate_limit=None,
            retry=RetryPolicy(max_attempts=2, base_delay=0.01),
        ) as client,
        pytest.raises(WixError) as caught,
    ):
        client.sites.count()
    assert caught.value.__cause__ is None
    assert caught.value.__suppress_context__


def test_a_url_password_is_masked_everywhere(raw_server: Any) -> None:
    password = "url-pass-word-1234"
    server = raw_server(lambda conn: conn.close())
    url = server.url.replace("http://", f"http://user:{password}@")
    seen: list[str] = []
    with WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url=url,
        rate_limit=None,
        retry=None,
        on_request=lambda info: seen.append(str(info)),
    ) as client:
        assert password not in repr(client)
        assert "user:***@" in repr(client)
        with pytest.raises(WixError) as caught:
            client.sites.count()
    assert seen
    for text in [*seen, *(str(e) for e in _chain(caught.value))]:
        assert password not in text
    with pytest.raises(ConfigurationError) as bad:
        WixSites(api_key=KEY, account_id=ACCOUNT, base_url=f"ftp://user:{password}@host")
    assert password not in str(bad.value)


# 10. Move reports never contradict the server: the sandbox, under faults, one attempt a request.


def _sdk(sandbox: Sandbox, **options: Any) -> WixSites:
    return WixSites(
        api_key=sandbox_fixtures.KEY,
        account_id=sandbox_fixtures.ACCOUNT,
        base_url=sandbox_fixtures.BASE_URL,
        rate_limit=None,
        **options,
    )


def test_under_faults_every_id_reported_moved_is_in_the_target_and_no_failed_one_is() -> None:
    with sandbox_fixtures.make_sandbox() as sandbox:
        sandbox.seed(sandbox_fixtures.ACCOUNT, sites=300)
        with _sdk(sandbox, transport=sandbox.transport()) as calm:
            ids = [str(s.id) for s in calm.sites.query(page_size=1000)]
            target = str(calm.folders.create("Target").id)
        faulty = sandbox.transport(fault_rate=0.3, fault_seed=11)
        reports = []
        with _sdk(sandbox, transport=faulty, retry=None, sleep=lambda _: None) as client:
            for start in range(0, len(ids), 10):
                reports.append(client.sites.move(ids[start : start + 10], target))
        with _sdk(sandbox, transport=sandbox.transport()) as calm:
            in_target = {str(s.id) for s in calm.sites.query({"folderId": target}, page_size=1000)}
    moved = [i for r in reports for i in r.moved]
    failed = [i for r in reports for i in r.failed]
    uncertain = [i for r in reports for i in r.uncertain]
    assert sorted(moved + failed + uncertain) == sorted(ids)
    assert set(moved) <= in_target
    assert not set(failed) & in_target
    assert failed  # the faults did strike (so the check above was not vacuous)
    assert any("read back" in r for rep in reports for r in rep.failed.values())
    assert len(uncertain) < len(ids) // 20  # the read-backs get attempts of their own
    for rep in reports:
        assert all(reason.startswith("may have moved") for reason in rep.uncertain.values())


class LosingServer:
    """Applies each move, then loses its answer in the way given; answers reads (`$in` by id)
    with where each item is, or fails them too."""

    def __init__(self, ids: list[str], lose: str, reads_fail: int = 0) -> None:
        self.where = dict.fromkeys(ids, "")
        self.lose = lose
        self.reads_fail = reads_fail  # how many reads fail before one succeeds
        self.reads = 0
        self.applied = True

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if request.url.path.endswith("/move"):
            ids = body.get("folderIds") or body["sites"]["id"]["$in"]
            for i in ids:
                if self.applied:
                    self.where[i] = body["targetFolderId"]
            if self.lose == "drop":
                raise httpx.RemoteProtocolError("connection lost", request=request)
            return httpx.Response(503, json={})
        if body["query"]["filter"].get("state") == "TRASHED":  # before a move: none is
            return httpx.Response(200, json={"sites": [], "metadata": {"hasNext": False}})
        self.reads += 1
        if self.reads <= self.reads_fail:
            return httpx.Response(503, json={})
        wanted = body["query"]["filter"]["id"]["$in"]
        if request.url.path.startswith("/site-list"):
            sites = [{"id": i, "folderId": self.where[i]} for i in wanted if i in self.where]
            return httpx.Response(200, json={"sites": sites, "metadata": {"hasNext": False}})
        folders = [
            {"id": i, "name": i[:8], "parentId": self.where[i]} for i in wanted if i in self.where
        ]
        return httpx.Response(200, json={"folders": folders})


TARGET = site_id(999)


@pytest.mark.parametrize("kind", ["sites", "folders"])
@pytest.mark.parametrize("lose", ["drop", "503"])
def test_a_move_whose_answer_was_lost_is_read_back(kind: str, lose: str) -> None:
    ids = [site_id(i) for i in range(5)]
    server = LosingServer(ids, lose)
    with wix(server) as client:
        report = (client.sites if kind == "sites" else client.folders).move(ids, TARGET)
    assert report.moved == ids
    assert report.ok


def test_a_move_not_applied_is_read_back_as_failed() -> None:
    ids = [site_id(i) for i in range(3)]
    server = LosingServer(ids, "drop")
    server.applied = False
    with wix(server) as client:
        report = client.sites.move(ids, TARGET)
    assert set(report.failed) == set(ids)
    assert all("not in the target" in r for r in report.failed.values())


def test_a_move_that_cannot_be_read_back_is_uncertain_not_failed() -> None:
    ids = [site_id(i) for i in range(3)]
    server = LosingServer(ids, "drop", reads_fail=99)
    with wix(server, sleep=lambda _: None) as client:
        report = client.sites.move(ids, TARGET)
    assert server.reads == 3  # the read back's own attempts, though the client retries nothing
    assert report.failed == {}
    assert set(report.uncertain) == set(ids)
    assert all(r.startswith("may have been applied") for r in report.uncertain.values())
    assert not report.ok
    assert "3 uncertain" in str(report)


# 11. Folder paths are unambiguous; issue 12 item 6: names compared NFC-normalized.

CAFE_NFC = unicodedata.normalize("NFC", "Café Müller")
CAFE_NFD = unicodedata.normalize("NFD", "Café Müller")


@pytest.mark.parametrize("name", ["a/b", "/", "root", "ROOT", "..", ".", " .. "])
def test_the_sdk_refuses_a_folder_name_a_path_could_not_tell_apart(name: str) -> None:
    with wix(answer(200, "{}")) as client, pytest.raises(InvalidArgument) as caught:
        client.folders.create(name)
    assert caught.value.status is None  # refused before any request


@pytest.mark.parametrize("name", ["a/b", "root", "..", "."])
def test_the_sandbox_refuses_such_names_on_create_and_rename(name: str) -> None:
    with (
        sandbox_fixtures.make_sandbox() as sandbox,
        sandbox_fixtures.client(sandbox) as http,
    ):
        created = http.post(sandbox_fixtures.FOLDERS, json={"folder": {"name": name}})
        assert created.status_code == 400
        folder = sandbox_fixtures.create_folder(http, "fine")
        renamed = http.patch(
            f"{sandbox_fixtures.FOLDERS}/{folder['id']}",
            json={"folder": {"name": name}, "fieldMask": "name"},
        )
        assert renamed.status_code == 400


def test_the_sandbox_compares_sibling_names_nfc_normalized() -> None:
    assert CAFE_NFC != CAFE_NFD
    with (
        sandbox_fixtures.make_sandbox() as sandbox,
        sandbox_fixtures.client(sandbox) as http,
    ):
        sandbox_fixtures.create_folder(http, CAFE_NFC)
        twin = http.post(sandbox_fixtures.FOLDERS, json={"folder": {"name": CAFE_NFD}})
        assert twin.status_code == 409
        other = sandbox_fixtures.create_folder(http, "Other")
        renamed = http.patch(
            f"{sandbox_fixtures.FOLDERS}/{other['id']}",
            json={"folder": {"name": CAFE_NFD}, "fieldMask": "name"},
        )
        assert renamed.status_code == 409


def test_the_sandbox_refuses_nfc_twins_on_move_and_delete_too() -> None:
    with (
        sandbox_fixtures.make_sandbox() as sandbox,
        sandbox_fixtures.client(sandbox) as http,
    ):
        sandbox_fixtures.create_folder(http, CAFE_NFC)
        box = sandbox_fixtures.create_folder(http, "Box")
        twin = sandbox_fixtures.create_folder(http, CAFE_NFD, parent=box["id"])
        moved = http.patch(
            sandbox_fixtures.MOVE_FOLDERS, json={"folderIds": [twin["id"]], "targetFolderId": ""}
        )
        assert moved.status_code == 409
        deleted = http.delete(f"{sandbox_fixtures.FOLDERS}/{box['id']}")
        assert deleted.status_code == 409


def test_find_and_ensure_compare_names_nfc_normalized() -> None:
    with (
        sandbox_fixtures.make_sandbox() as sandbox,
        _sdk(sandbox, transport=sandbox.transport()) as client,
    ):
        made = client.folders.ensure(f"{CAFE_NFC}/QA")
        found = client.folders.find(f"{CAFE_NFD}/QA")
        again = client.folders.ensure(f"{CAFE_NFD}/QA")
        count = len(list(client.folders.query()))
    assert found is not None
    assert str(found.id) == str(made.id) == str(again.id)
    assert count == 2


def _folders_server(folders: list[dict[str, Any]]) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"folders": folders, "metadata": {"total": len(folders)}})

    return handler


def test_a_path_that_names_two_folders_is_an_error_listing_both() -> None:
    slash, a, b = site_id(1), site_id(2), site_id(3)
    folders = [
        {"id": slash, "name": "a/b", "parentId": ""},
        {"id": a, "name": "a", "parentId": ""},
        {"id": b, "name": "b", "parentId": a},
    ]
    with wix(_folders_server(folders)) as client, pytest.raises(AmbiguousFolderPath) as caught:
        client.folders.find("a/b")
    assert {fid for fid, _ in caught.value.candidates} == {slash, b}
    assert slash in str(caught.value)
    assert b in str(caught.value)
    with wix(_folders_server(folders)) as client:
        found = client.folders.find("a")
        assert found is not None
        assert str(found.id) == a


def test_two_siblings_whose_names_normalize_alike_are_ambiguous() -> None:
    folders = [
        {"id": site_id(1), "name": CAFE_NFC, "parentId": ""},
        {"id": site_id(2), "name": CAFE_NFD, "parentId": ""},
    ]
    with wix(_folders_server(folders)) as client, pytest.raises(AmbiguousFolderPath):
        client.folders.find(CAFE_NFC)


def test_the_cli_refuses_an_ambiguous_path_listing_the_candidates() -> None:
    slash, a, b = site_id(1), site_id(2), site_id(3)
    index = FolderIndex.of(
        [
            Folder.from_dict({"id": slash, "name": "a/b", "parentId": ""}),
            Folder.from_dict({"id": a, "name": "a", "parentId": ""}),
            Folder.from_dict({"id": b, "name": "b", "parentId": a}),
        ]
    )
    with pytest.raises(InputError) as caught:
        index.resolve("a/b")
    assert slash in str(caught.value)
    assert b in str(caught.value)


def _drip_head(conn: socket.socket) -> None:
    for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}":
        conn.sendall(bytes([byte]))
        time.sleep(0.2)


@pytest.mark.parametrize("asynchronous", [False, True], ids=["sync", "async"])
def test_a_server_dripping_the_head_of_its_answer_is_cut_off_too(
    raw_server: Any, asynchronous: bool
) -> None:
    server = raw_server(_drip_head)

    async def main() -> None:
        async with AsyncWixSites(**_drip_options(server)) as client:
            await client.sites.count()

    def count() -> None:
        if asynchronous:
            asyncio.run(main())
            return
        with WixSites(**_drip_options(server), retry=None) as client:
            client.sites.count()

    start = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        count()
    assert time.monotonic() - start < 3.0


# The command line against a hostile server: one line, no traceback, no secret.


def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, *args: str, key: str = KEY) -> Any:
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "unused.db"))
    for name in ("WIX_ACCOUNT_ID", "WIX_BASE_URL", "WIXSITES_SANDBOX", "WIXSITES_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIX_API_KEY", key)  # the key: never an argument
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return result, errors[0]


def _html(conn: socket.socket) -> None:
    body = b"<html><body>Welcome to nginx!</body></html>"
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nx-wix-request-id: rid-html\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def test_the_cli_reports_an_unusable_answer_in_one_line(
    raw_server: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    server = raw_server(_html)
    result, error = _cli(
        monkeypatch,
        tmp_path,
        "--base-url",
        server.url,
        "--account-id",
        ACCOUNT,
        "--max-retries",
        "0",
        "sites",
        "count",
    )
    assert result.exit_code == 1
    assert "invalid answer" in error
    assert "rid-html" in error
    assert "unexpected" not in error


def test_the_cli_refuses_a_malformed_key_without_echoing_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    result, error = _cli(
        monkeypatch,
        tmp_path,
        "-v",
        "--base-url",
        "http://user:url-secret-pw@127.0.0.1:9",
        "--account-id",
        ACCOUNT,
        "sites",
        "count",
        key=KEY + "\x07",
    )
    assert result.exit_code == 2
    assert "api_key" in error
    assert KEY not in result.output
    assert "url-secret-pw" not in result.output


def _echo_key(request: httpx.Request) -> httpx.Response:
    key = request.headers["authorization"]
    return httpx.Response(
        200, text=f"<html>you sent {key}</html>", headers={"x-wix-request-id": key}
    )


@pytest.mark.parametrize("status", [200, 400, 503])
def test_a_server_that_echoes_the_key_does_not_make_the_sdk_show_it(status: int) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        echoed = _echo_key(request)
        if status == 200:
            return echoed
        body = {"message": f"bad key {request.headers['authorization']}"}
        return httpx.Response(status, json=body, headers=echoed.headers)

    logged: list[str] = []
    with (
        wix(handler, on_request=lambda info: logged.append(str(info))) as client,
        pytest.raises(WixError) as caught,
    ):
        client.sites.count()
    err = caught.value
    texts = [str(err), repr(err), str(err.request_id), str(getattr(err, "excerpt", "")), *logged]
    assert all(KEY not in text for text in texts)


def _encoded(encoding: bytes, body: bytes) -> Callable[[socket.socket], None]:
    def respond(conn: socket.socket) -> None:
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: "
            + encoding
            + b"\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\n\r\n"
            + body
        )

    return respond


@pytest.mark.parametrize(
    ("encoding", "body", "code"),
    [
        (b"gzip", b"not gzip at all", "CORRUPT_ENCODING"),
        (b"br", b"\x0b\x02\x80{}\x03", "UNSUPPORTED_ENCODING"),
        (
            b"gzip, gzip",
            gzip.compress(gzip.compress(b"{}", mtime=0), mtime=0),
            "UNSUPPORTED_ENCODING",
        ),
    ],
    ids=["corrupt gzip", "brotli", "gzip twice"],
)
def test_an_answer_encoded_wrongly_is_an_invalid_response(
    raw_server: Any, encoding: bytes, body: bytes, code: str
) -> None:
    server = raw_server(_encoded(encoding, body))
    with (
        WixSites(
            api_key=KEY, account_id=ACCOUNT, base_url=server.url, rate_limit=None, retry=None
        ) as client,
        pytest.raises(InvalidResponse) as caught,
    ):
        client.sites.count()
    assert caught.value.code == code
    assert caught.value.status == 200


def test_the_generated_functions_used_directly_get_the_same_errors() -> None:
    with wix(answer(200, "<html>nope</html>")) as client, pytest.raises(InvalidResponse) as caught:
        count_sites.sync_detailed(client=client.api, body=CountSitesRequest())
    assert caught.value.status == 200
    assert caught.value.request_id == RID


def test_the_cli_prints_uncertain_ids_apart_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    report = MoveReport(
        target=TARGET,
        moved=[site_id(1)],
        failed={site_id(2): "not found in this account"},
        uncertain={site_id(3): "may have moved: 503; reading back where it is failed too: 503"},
        requests=2,
    )
    with pytest.raises(Partial) as caught:
        show_move_report(Output("table"), report, target_path="Design")
    printed = capsys.readouterr().out
    assert "uncertain: 1 site (may have moved: 503" in printed
    assert site_id(3) in printed
    assert "2 of 3 sites not moved, 1 of them may have moved" in str(caught.value)
    with pytest.raises(Partial):
        show_move_report(Output("json"), report, target_path="Design")
    payload = json.loads(capsys.readouterr().out)
    assert payload["uncertain"] == report.uncertain
    assert payload["ok"] is False


def test_the_read_back_is_retried_even_when_the_client_retries_nothing() -> None:
    ids = [site_id(i) for i in range(3)]
    server = LosingServer(ids, "drop", reads_fail=2)
    with wix(server, sleep=lambda _: None) as client:
        report = client.sites.move(ids, TARGET)
    assert report.moved == ids
    assert server.reads == 3


def test_a_create_whose_answer_was_lost_finds_its_folder_under_another_spelling() -> None:
    # The first attempt created the folder (the server stored the NFC spelling) and its answer
    # was lost; the retry meets a 409; the server's name filter compares exactly, so only the
    # listing of every folder finds it.
    made = {"id": site_id(1), "name": CAFE_NFC, "parentId": ""}
    creates = [0]

    def handler(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        if request.url.path.endswith("/folders"):
            creates[0] += 1
            if creates[0] == 1:
                raise httpx.RemoteProtocolError("lost", request=request)
            return httpx.Response(409, json={"details": {"applicationError": {"code": "EXISTS"}}})
        wanted = (body["query"].get("filter") or {}).get("name")
        folders = [made] if wanted in (None, CAFE_NFC) else []
        return httpx.Response(200, json={"folders": folders})

    with wix(handler, retry=RetryPolicy(max_attempts=2), sleep=lambda _: None) as client:
        folder = client.folders.create(CAFE_NFD)
    assert str(folder.id) == site_id(1)
