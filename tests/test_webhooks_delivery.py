"""A served sandbox delivers its webhooks as Wix does, to real handlers on 127.0.0.1: every event
type verified by `wixsites.webhooks.parse`; retries with the same event id; a slow or silent
handler holds up nothing else; nothing is lost when the sandbox is killed (-9) between the commit
and the delivery; and a change made by an embedded sandbox on the same file is delivered too.

One served sandbox (`python -m wixsandbox serve --webhook-retry-base 0.05`) serves the module;
each test has an account of its own, so that its endpoints get only its own events. Every wait
is a bounded poll for a condition, never a sleep."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from tests.sandbox_fixtures import COUNT_SITES, FOLDERS, MOVE_SITES, QUERY_SITES, ROOT
from tests.webhook_receiver import Answer, Received, Receiver
from tests.webhook_tools import outbox
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess, free_port
from wixsandbox.webhooks.dispatcher import Dispatcher
from wixsandbox.webhooks.endpoints import LogEntry
from wixsandbox.webhooks.thread import DispatcherThread
from wixsites import webhooks

T = TypeVar("T")
RETRY_BASE = "0.05"
WAIT = 20.0  # seconds any condition may take to come true (a loaded machine)
# one account (and API key) per test, made before the sandbox is served
TESTS = ("types", "retry", "slow", "silent", "killed_refused", "killed_open")


SERVED_KEY = "webhooks-delivery-served-key-not-for-the-child"


def _account(name: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"wixsites-webhooks-delivery-{name}"))


def _key(name: str) -> str:
    return f"webhooks-delivery-key-{name}"


class Served:
    """The module's served sandbox, and this process's handle on the same file (which registers
    endpoints and reads the log, and never sends)."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.local = Sandbox(db)
        self.pem = self.local.webhooks.public_key()
        self.server = SandboxProcess(
            db,
            api_key=SERVED_KEY,  # through the environment, as a user gives it
            account_id=_account("types"),
            serve_args=["--webhook-retry-base", RETRY_BASE],
        )

    def http(self, name: str) -> httpx.Client:
        headers = {"Authorization": _key(name), "wix-account-id": _account(name)}
        return httpx.Client(base_url=self.server.url, headers=headers, timeout=30)

    @contextmanager
    def endpoint(self, url: str, name: str, account: str | None = None) -> Iterator[str]:
        """An endpoint of the account of test `name` (or of `account`), for the block."""
        made = self.local.webhooks.add(url, account or _account(name))
        try:
            yield made.id
        finally:
            self.local.webhooks.remove(made.id)

    def log(self, event_id: str, endpoint_id: str | None = None) -> list[LogEntry]:
        """The attempts of an event (to one endpoint), oldest first."""
        rows = self.local.webhooks.log(limit=100, event_id=event_id, endpoint=endpoint_id)
        return rows[::-1]

    def attempts(self, event_id: str, count: int, endpoint_id: str | None = None) -> list[LogEntry]:
        """The first `count` attempts of an event, once they are in the log."""
        return until(
            f"{count} attempts of {event_id} in the log",
            lambda: rows[:count] if len(rows := self.log(event_id, endpoint_id)) >= count else None,
        )

    def pending(self) -> list[str]:
        """The event ids still to deliver."""
        with self.local.store.read() as conn:
            return [str(r[0]) for r in conn.execute("SELECT event_id FROM webhook_outbox")]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("webhooks-delivery") / "served.db"
    with Sandbox(db) as sandbox:
        for number, name in enumerate(TESTS):
            sandbox.add_api_key(_key(name), _account(name))
            sandbox.seed(_account(name), sites=3, folders=0, seed=number)
    served = Served(db)
    served.server.start()
    try:
        yield served
    finally:
        served.server.stop()
        served.local.close()


@pytest.fixture
def server(served: Served) -> Served:
    """The served sandbox, serving (a test that kills it restarts it; one that fails may not)."""
    if not served.server.running:
        served.server.start()
    return served


def until(what: str, found: Callable[[], T | None], timeout: float = WAIT) -> T:
    """Poll `found` until it gives a true value (AssertionError naming `what` after `timeout`)."""
    deadline = time.monotonic() + timeout
    while True:
        value = found()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout:.0f} s: {what}")
        time.sleep(0.02)


def parse(received: Received, pem: str) -> webhooks.WebhookEvent:
    assert received.headers["Content-Type"] == "text/plain"
    return webhooks.parse(received.body, pem)


def _site_ids(http: httpx.Client) -> list[str]:
    body = {"query": {"filter": {"state": "ACTIVE"}}}
    answer = http.post(QUERY_SITES, json=body)
    assert answer.status_code == 200, answer.text
    return [str(s["id"]) for s in answer.json()["sites"]]


def _ok(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _new_folder(http: httpx.Client, name: str) -> str:
    return str(_ok(http.post(FOLDERS, json={"folder": {"name": name}}))["folder"]["id"])


def test_every_event_type_reaches_a_real_handler_and_parse_verifies_it(server: Served) -> None:
    with (
        Receiver() as receiver,
        server.endpoint(receiver.url, "types"),
        server.http("types") as http,
    ):
        folder = _new_folder(http, "Launches")
        _ok(http.patch(f"{FOLDERS}/{folder}", json={"folder": {"name": "Spring launches"}}))
        source, other = _site_ids(http)[:2]
        made = str(
            _ok(
                http.post(
                    "/site-actions/v1/sites/duplicate",
                    json={"sourceSiteId": source, "siteDisplayName": "Spring"},
                )
            )["newSiteId"]
        )
        _ok(http.post("/site-publisher/v1/site/publish", json={}, headers={"wix-site-id": made}))
        _ok(
            http.post(
                MOVE_SITES,
                json={"sites": {"id": {"$in": [made, other]}}, "targetFolderId": folder},
            )
        )
        _ok(http.delete(f"{FOLDERS}/{folder}"))  # its sites go back to root
        _ok(http.post("/site-actions/v1/bulk/sites/delete", json={"ids": [made]}))
        events = [parse(r, server.pem) for r in receiver.wait_for(8, WAIT)]

    expected: list[tuple[type[webhooks.WebhookEvent], str]] = [
        (webhooks.FolderCreated, folder),
        (webhooks.FolderUpdated, folder),
        (webhooks.SiteCreated, made),
        (webhooks.SiteUpdated, made),
        (webhooks.SitesMovedToFolder, folder),
        (webhooks.SitesMovedToFolder, ""),
        (webhooks.FolderDeleted, folder),
        (webhooks.SiteDeleted, made),
    ]
    assert [(type(e), e.entity_id) for e in events] == expected
    assert {e.instance_id for e in events} == {_account("types")}
    assert len({e.id for e in events}) == 8  # one id per event
    created, updated = events[0], events[1]
    assert isinstance(created, webhooks.FolderCreated)
    assert created.folder.id == folder
    assert isinstance(updated, webhooks.FolderUpdated)
    assert updated.folder.name == "Spring launches"
    site_created, site_updated = events[2], events[3]
    assert isinstance(site_created, webhooks.SiteCreated)
    assert site_created.site.id == made
    assert isinstance(site_updated, webhooks.SiteUpdated)
    assert (site_updated.site.id, site_updated.site.published) == (made, True)
    into, back = events[4], events[5]
    assert isinstance(into, webhooks.SitesMovedToFolder)
    assert (into.target_folder_id, set(into.site_ids)) == (folder, {made, other})
    assert isinstance(back, webhooks.SitesMovedToFolder)
    assert set(back.site_ids) == {made, other}
    trashed = events[7]
    assert isinstance(trashed, webhooks.SiteDeleted)
    assert trashed.moved_to_trash is True
    assert events[0].identity.wix_user_id == _account("types")


def test_a_handler_failing_twice_then_answering_200_gets_three_attempts_of_one_event(
    server: Served,
) -> None:
    script = [Answer(500), Answer(500)]
    with (
        Receiver(script) as receiver,
        server.endpoint(receiver.url, "retry") as endpoint,
        server.http("retry") as http,
    ):
        folder = _new_folder(http, "Retried")
        attempts = [parse(r, server.pem) for r in receiver.wait_for(3, WAIT)]
        event_id = attempts[0].id
        log = server.attempts(event_id, 3)
    assert [(e.id, e.entity_id) for e in attempts] == [(event_id, folder)] * 3
    assert [(r.attempt, r.status, r.outcome) for r in log] == [
        (1, 500, "http 500"),
        (2, 500, "http 500"),
        (3, 200, "delivered"),
    ]
    assert {r.endpoint_id for r in log} == {endpoint}
    assert [r.at_ms for r in log] == sorted(r.at_ms for r in log)
    assert event_id not in server.pending()


def test_a_handler_answering_after_2_s_times_out_is_retried_and_holds_up_nothing(
    server: Served,
) -> None:
    with (
        Receiver([Answer(delay=2.0)]) as slow,
        Receiver() as fast,
        server.endpoint(slow.url, "slow") as slow_id,
        server.endpoint(fast.url, "slow"),
        server.http("slow") as http,
    ):
        folder = _new_folder(http, "Slow")
        [first] = slow.wait_for(1, WAIT)
        [other] = fast.wait_for(1, WAIT)
        counted = http.post(COUNT_SITES, json={})
        answered = time.monotonic()
        assert counted.status_code == 200, counted.text
        # both while the slow handler still held its first request (it answers 2 s after it)
        assert other.at < first.at + 2.0
        assert answered < first.at + 2.0
        _, second = slow.wait_for(2, WAIT)
        event_id = parse(second, server.pem).id
        log = server.attempts(event_id, 2, slow_id)
    assert parse(first, server.pem).id == event_id == parse(other, server.pem).id
    assert parse(other, server.pem).entity_id == folder
    assert [(r.attempt, r.status, r.outcome) for r in log] == [
        (1, None, "timeout"),
        (2, 200, "delivered"),
    ]
    latency = log[0].latency_ms
    assert latency is not None
    assert 1200 <= latency <= 4000, latency  # the 1,250 ms budget


def test_a_handler_that_never_answers_holds_up_neither_the_others_nor_the_api(
    server: Served,
) -> None:
    with (
        Receiver(default=Answer(hang=True)) as silent,
        Receiver() as healthy,
        server.endpoint(silent.url, "silent") as silent_id,
        server.endpoint(healthy.url, "silent"),
        server.http("silent") as http,
    ):
        made = [_new_folder(http, f"Folder {n}") for n in range(5)]
        got = [parse(r, server.pem) for r in healthy.wait_for(5, WAIT)]
        assert sorted(e.entity_id for e in got) == sorted(made)
        silent.wait_for(1, WAIT)
        for _ in range(3):
            assert http.post(COUNT_SITES, json={}).status_code == 200
        timeouts = until(
            "a timed-out attempt to the silent handler in the log",
            lambda: [
                r for r in server.local.webhooks.log(endpoint=silent_id) if r.outcome == "timeout"
            ],
        )
    assert timeouts[0].status is None


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads /proc (Linux)")
def test_the_sending_child_does_not_get_the_servers_credentials(server: Served) -> None:
    children = [
        p for p in Path("/proc").iterdir() if p.name.isdigit() and _parent(p) == server.server.pid
    ]
    assert children, "the served sandbox has no child that sends its webhooks"
    server_environment = (Path("/proc") / str(server.server.pid) / "environ").read_bytes()
    assert SERVED_KEY.encode() in server_environment  # what the test gave the server
    for child in children:
        assert b"deliver" in (child / "cmdline").read_bytes()
        assert SERVED_KEY.encode() not in (child / "environ").read_bytes()


def _parent(proc: Path) -> int | None:
    try:
        stat = (proc / "stat").read_text()
    except OSError:  # it ended meanwhile
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def _wait_logged(server: Served, endpoint_id: str) -> LogEntry:
    return until(
        "a failed attempt in the log",
        lambda: next(iter(server.local.webhooks.log(limit=1, endpoint=endpoint_id)), None),
    )


def test_kill_9_before_the_endpoint_is_up_loses_nothing(server: Served) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/webhooks"
    with server.endpoint(url, "killed_refused") as endpoint, server.http("killed_refused") as http:
        folder = _new_folder(http, "Made before the crash")
        failed = _wait_logged(server, endpoint)
        assert failed.outcome == "cannot connect"
        server.server.kill()
        assert failed.event_id in server.pending()
        with Receiver(port=port) as receiver:
            server.server.start()
            [delivered] = receiver.wait_for(1, WAIT)
            event = parse(delivered, server.pem)
            until("the event out of the outbox", lambda: failed.event_id not in server.pending())
    assert (event.id, event.entity_id) == (failed.event_id, folder)


def test_kill_9_in_the_middle_of_an_attempt_sends_it_again(server: Served) -> None:
    with (
        Receiver([Answer(hang=True)]) as receiver,
        server.endpoint(receiver.url, "killed_open"),
        server.http("killed_open") as http,
    ):
        folder = _new_folder(http, "Held open")
        [held] = receiver.wait_for(1, WAIT)
        server.server.kill()  # while the handler holds the request
        server.server.start()
        _, again = receiver.wait_for(2, WAIT)
        first, second = parse(held, server.pem), parse(again, server.pem)
        until("the event out of the outbox", lambda: first.id not in server.pending())
    assert (first.id, first.entity_id) == (second.id, folder)


def _environment(tmp: Path, db: Path) -> dict[str, str]:
    """A command line's environment: the sandbox file `db`, no profile or key of the user's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    paths = [str(ROOT / "generated"), str(ROOT), env.get("PYTHONPATH", "")]
    env.update(
        PYTHONPATH=os.pathsep.join(p for p in paths if p),
        WIXSITES_SANDBOX_DB=str(db),
        XDG_CONFIG_HOME=str(tmp / "config"),
        XDG_DATA_HOME=str(tmp / "data"),
        NO_COLOR="1",
    )
    return env


def _cli(tmp: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [sys.executable, "-m", "wixsites", "--sandbox", *args],
        capture_output=True,
        text=True,
        env=_environment(tmp, db),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, (done.stdout, done.stderr)
    return done


def test_a_change_made_by_the_embedded_sandbox_is_delivered_by_the_served_one(
    server: Served, tmp_path: Path
) -> None:
    account = server.local.default_credentials().account_id  # the command line's account
    port = free_port()  # the handler is down while the command runs (and drains at its end)
    with server.endpoint(f"http://127.0.0.1:{port}/webhooks", "", account):
        _cli(tmp_path, server.db, "folders", "create", "Made by a command")
        with Receiver(port=port) as receiver:  # the command has exited: only the server is left
            [delivered] = receiver.wait_for(1, WAIT)
            event = parse(delivered, server.pem)
            until("the event out of the outbox", lambda: event.id not in server.pending())
    assert isinstance(event, webhooks.FolderCreated)
    assert (event.folder.name, event.instance_id) == ("Made by a command", account)


def test_with_nothing_served_the_embedded_sandbox_delivers_before_it_closes(
    tmp_path: Path,
) -> None:
    db = tmp_path / "embedded.db"
    with Sandbox(db) as sandbox:
        account = sandbox.default_credentials().account_id
        sandbox.seed(account, sites=2, folders=0)
        pem = sandbox.webhooks.public_key()
    with Receiver() as receiver:
        with Sandbox(db) as sandbox:
            sandbox.webhooks.add(receiver.url, account)
        _cli(tmp_path, db, "folders", "create", "Drained")
        delivered = list(receiver.received)  # the command has exited: its drain sent it
    assert [type(parse(r, pem)) for r in delivered] == [webhooks.FolderCreated]
    event = parse(delivered[0], pem)
    assert isinstance(event, webhooks.FolderCreated)
    assert (event.folder.name, event.instance_id) == ("Drained", account)
    with Sandbox(db) as again, again.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 0


def test_wixsites_sandbox_serve_passes_its_retry_base_and_a_down_endpoint_waits_for_it(
    tmp_path: Path,
) -> None:
    db = tmp_path / "cli-served.db"
    down = f"http://127.0.0.1:{free_port()}/webhooks"  # every attempt fails
    with Sandbox(db) as sandbox:
        credentials = sandbox.default_credentials()
        sandbox.seed(credentials.account_id, sites=1, folders=0)
        endpoint = sandbox.webhooks.add(down, credentials.account_id).id
    port = free_port()
    serving = subprocess.Popen(
        [sys.executable, "-m", "wixsites", "sandbox", "serve", "--db", str(db), "--port",
         str(port), "--webhook-retry-base", "3600", "--json"],
        env=_environment(tmp_path, db), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        start_new_session=True,
    )  # fmt: skip
    try:
        until("the server listening", lambda: _listening(port) or serving.poll() is not None)
        assert serving.poll() is None, serving.stderr.read() if serving.stderr else ""
        headers = {"Authorization": credentials.api_key, "wix-account-id": credentials.account_id}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as http:
            for n in range(3):
                _new_folder(http, f"Retried in an hour {n}")
        with Sandbox(db) as sandbox:
            failed = until("a failed attempt", lambda: sandbox.webhooks.log(endpoint=endpoint))[-1]
            with sandbox.store.read() as conn:
                waiting = conn.execute(
                    "SELECT attempts, next_ms FROM webhook_deliveries ORDER BY attempts DESC"
                ).fetchall()
                [(held_until,)] = conn.execute("SELECT lease_until_ms FROM webhook_endpoints")
            attempts = sandbox.webhooks.log(endpoint=endpoint)
    finally:
        with contextlib.suppress(ProcessLookupError):  # it may have exited
            os.killpg(serving.pid, signal.SIGTERM)
        serving.wait(30)
    assert failed.outcome == "cannot connect"
    # due again 3,600 s later, give or take the random 20 % (the default, 1 s: 0.8 to 1.2 s)
    assert [attempt for attempt, _ in waiting] == [1, 0, 0]
    retry_at = waiting[0][1]
    assert 0.8 * 3_600_000 <= retry_at - failed.at_ms <= 1.2 * 3_600_000
    # and the endpoint is left alone until then: the other two events wait, untried
    assert held_until == retry_at
    assert attempts == [failed]


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
    except OSError:
        return False
    return True


def test_an_endpoint_removed_mid_attempt_takes_nothing_from_the_other_endpoints(
    tmp_path: Path,
) -> None:
    db = tmp_path / "removed.db"
    down = f"http://127.0.0.1:{free_port()}/down"  # endpoint B: down throughout
    with Receiver([Answer(delay=60.0)]) as holding:  # endpoint A: 200, when it is closed
        with Sandbox(db) as sandbox:
            account = sandbox.default_credentials().account_id
            sandbox.add_api_key("removed-key", account)
            a = sandbox.webhooks.add(holding.url, account).id
            b = sandbox.webhooks.add(down, account).id
            _held(sandbox, until_ms=int(time.time() * 1000) + 3_600_000)  # nobody sends yet
            headers = {"Authorization": "removed-key", "wix-account-id": account}
            with httpx.Client(
                transport=sandbox.transport(), base_url="http://sandbox.test", headers=headers
            ) as http:
                _new_folder(http, "Sent to two endpoints")
        with Sandbox(db) as again:
            _held(again, until_ms=0)
            # a dispatcher whose attempts may last (A's lasts until the receiver lets it go)
            sending = DispatcherThread(Dispatcher(again.store, retry_base=3600, budget=30))
            sending.start()
            try:
                holding.wait_for(1, WAIT)
                until("B's failed attempt", lambda: again.webhooks.log(endpoint=down))
                assert outbox(again)[0][3] == 2  # A's delivery and B's
                again.webhooks.remove(a)  # while A's attempt is on its way
                holding.close()  # A's request is answered 200 now: delivered
                until("A's attempt in the log", lambda: again.webhooks.log(endpoint=a))
            finally:
                sending.stop()
            delivered = again.webhooks.log(endpoint=a)[0]
            events = outbox(again)
            waiting = _deliveries(again)
    assert delivered.outcome == "delivered"
    # B's delivery is still to make, and its event is kept for it
    assert [pending for *_, pending in events] == [1]
    assert waiting == [(b, 1)]


def _held(sandbox: Sandbox, until_ms: int) -> None:
    """Hold every endpoint until `until_ms` (as a failure or another dispatcher's lease does)."""
    with sandbox.store.write() as conn:
        conn.execute("UPDATE webhook_endpoints SET lease_until_ms = ?", (until_ms,))


def _deliveries(sandbox: Sandbox) -> list[tuple[str, int]]:
    with sandbox.store.read() as conn:
        rows = conn.execute("SELECT endpoint_id, attempts FROM webhook_deliveries").fetchall()
    return [(str(r[0]), int(r[1])) for r in rows]
