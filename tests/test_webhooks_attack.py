"""Adversarial cases of the webhooks (issue 20): a dead endpoint with a backlog, a listener killed
-9, a dispatcher child killed -9, hostile handlers. Each case is a hole that was found open; the
dispatcher runs in this process on a real database file, against real servers on 127.0.0.1, and
every wait is bounded."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest

from tests.sandbox_fixtures import ACCOUNT, make_sandbox
from tests.webhook_receiver import Receiver
from tests.webhook_tools import inner
from wixsandbox import Sandbox
from wixsandbox.process import free_port
from wixsandbox.webhooks import events
from wixsandbox.webhooks.dispatcher import Delivery, Dispatcher
from wixsandbox.webhooks.outbox import Recorder, wall_ms

T = TypeVar("T")
IDENTITY = {"identityType": "WIX_USER", "wixUserId": ACCOUNT}


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with make_sandbox(tmp_path / "attack.db") as sandbox:
        sandbox.seed(ACCOUNT, sites=1, folders=0, seed=1)
        yield sandbox


def record_folders(sandbox: Sandbox, count: int) -> None:
    """`count` Folder Created events of ACCOUNT, recorded as a change records them (no
    dispatcher of the sandbox's runs: the test's own sends them)."""
    with sandbox.store.write() as conn:
        recorder = Recorder(conn, ACCOUNT, wall_ms(), IDENTITY)
        for number in range(count):
            folder = {"id": f"f{number}", "name": f"folder {number}", "parentFolderId": ""}
            recorder.record("folder.created", f"f{number}", partial(events.created, folder))


def time_passes(sandbox: Sandbox) -> int:
    """As if the wait of the endpoint held back longest had passed (every time moved back);
    returns when the wait was to end."""
    with sandbox.store.write() as conn:
        (hold,) = conn.execute("SELECT MAX(lease_until_ms) FROM webhook_endpoints").fetchone()
        passed = hold - wall_ms() + 1
        conn.execute("UPDATE webhook_endpoints SET lease_until_ms = lease_until_ms - ?", (passed,))
        conn.execute("UPDATE webhook_deliveries SET next_ms = next_ms - ?", (passed,))
    return int(hold)


def until(what: str, found: Callable[[], T | None], timeout: float = 20.0) -> T:
    """Poll `found` until it gives a true value (AssertionError naming `what` after `timeout`)."""
    deadline = time.monotonic() + timeout
    while not (value := found()):
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.02)
    return value


def drain(dispatcher: Dispatcher, timeout: float = 20.0, stop: asyncio.Event | None = None) -> None:
    """Run `dispatcher` until nothing is due, or `stop` is set (bounded by `timeout`)."""
    dispatcher.draining = True

    async def run() -> None:
        await asyncio.wait_for(dispatcher.run(stop or asyncio.Event(), asyncio.Event()), timeout)

    asyncio.run(run())


def test_a_dead_endpoint_with_a_backlog_is_tried_once_per_backoff_not_once_per_event(
    sandbox: Sandbox,
) -> None:
    """An endpoint that is down backs off as a whole: its first failure makes every delivery it
    owes wait, instead of each of them being tried in turn (a backlog of thousands would hold a
    worker for thousands of attempts, 1.25 s each for a silent one, while others wait)."""
    dead = sandbox.webhooks.add(f"http://127.0.0.1:{free_port()}/down", ACCOUNT)
    seen: list[Delivery] = []
    with Receiver() as healthy:
        sandbox.webhooks.add(healthy.url, ACCOUNT)
        record_folders(sandbox, 6)
        drain(Dispatcher(sandbox.store, retry_base=60, workers=1, report=seen.append))
        assert len(healthy.received) == 6
    tried = [d for d in seen if d.endpoint_id == dead.id]
    assert [d.outcome for d in tried] == ["cannot connect"], tried
    assert [e.pending for e in sandbox.webhooks.endpoints() if e.id == dead.id] == [6]


def test_the_endpoint_of_a_listener_killed_9_goes_though_nothing_is_delivered(
    sandbox: Sandbox,
) -> None:
    """A listener killed -9 leaves its endpoint and what it was owed; the next dispatcher of the
    file removes them once the heartbeat is long stopped, even when it has nothing to send (it
    did so only after a delivery: a quiet sandbox kept a dead listener's endpoint for ever)."""
    from wixsandbox.webhooks import endpoints
    from wixsandbox.webhooks.dispatcher import DEAD_LISTENER_MS

    listener = endpoints.add(
        sandbox.store, "http://127.0.0.1:9/gone", ACCOUNT, owner="killed", alive_ms=wall_ms() + 1000
    )
    record_folders(sandbox, 2)
    assert [e.pending for e in sandbox.webhooks.endpoints()] == [2]
    endpoints.heartbeat(sandbox.store, listener.id, wall_ms() - DEAD_LISTENER_MS - 1000)
    drain(Dispatcher(sandbox.store))
    assert sandbox.webhooks.endpoints() == []
    with sandbox.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 0


def test_a_dispatcher_child_killed_9_is_started_again_without_waiting_for_a_change(
    sandbox: Sandbox,
) -> None:
    """A served sandbox's dispatcher child killed -9 while a retry is pending: a new child sends
    it (the dead one was replaced only at the next change, so a quiet sandbox sent nothing)."""
    import os
    import signal

    from wixsandbox.webhooks.child import DispatcherProcess

    port = free_port()
    endpoint = sandbox.webhooks.add(f"http://127.0.0.1:{port}/webhooks", ACCOUNT)
    record_folders(sandbox, 1)
    child = DispatcherProcess(sandbox.store.path, retry_base=0.05, workers=1).start()
    try:
        failed = until(
            "a refused attempt in the log",
            lambda: sandbox.webhooks.log(limit=1, endpoint=endpoint.id),
        )[0]
        assert failed.outcome == "cannot connect"
        pid = child.pid
        assert pid is not None
        os.kill(pid, signal.SIGKILL)
        with Receiver(port=port) as receiver:
            [delivered] = receiver.wait_for(1, 20.0)
        assert child.pid not in (None, pid)
    finally:
        child.stop()
    _, data = inner(delivered.body, sandbox.webhooks.public_key())
    assert data["id"] == failed.event_id


def test_an_endpoint_that_stays_down_backs_off_more_and_more_whatever_its_backlog(
    sandbox: Sandbox,
) -> None:
    """Each new failure of an endpoint that is down doubles its wait, as one event's retries
    do: it is probed with its most-retried delivery (taking a new event each time, the wait
    started over at the base for every event of a backlog)."""
    sandbox.webhooks.add(f"http://127.0.0.1:{free_port()}/down", ACCOUNT)
    record_folders(sandbox, 5)
    seen: list[Delivery] = []
    holds = []
    for _ in range(4):
        drain(Dispatcher(sandbox.store, retry_base=10, workers=1, report=seen.append))
        holds.append(time_passes(sandbox) - seen[-1].at_ms)
    assert [d.attempt for d in seen] == [1, 2, 3, 4]
    assert len({d.event_id for d in seen}) == 1
    assert holds == sorted(holds), holds
    assert holds[0] >= 8000, holds
    assert holds[-1] >= 64_000, holds


def test_deliveries_owed_for_48_hours_are_given_up_even_unprobed(sandbox: Sandbox) -> None:
    """An endpoint down for 48 hours: every delivery it is owed is given up (logged), not only
    the one it is probed with, so the outbox of a dead endpoint does not grow for ever."""
    from wixsandbox.webhooks.dispatcher import GIVE_UP_AFTER_MS

    dead = sandbox.webhooks.add(f"http://127.0.0.1:{free_port()}/down", ACCOUNT)
    record_folders(sandbox, 4)
    with sandbox.store.write() as conn:
        conn.execute(
            "UPDATE webhook_outbox SET created_ms = ?", (wall_ms() - GIVE_UP_AFTER_MS - 1000,)
        )
        conn.execute("UPDATE webhook_endpoints SET lease_until_ms = ?", (wall_ms() + 3_600_000,))
    drain(Dispatcher(sandbox.store))
    gave_up = [e for e in sandbox.webhooks.log(endpoint=dead.id) if e.outcome == "gave up"]
    assert len({e.event_id for e in gave_up}) == 4
    with sandbox.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM webhook_outbox").fetchone()[0] == 0


def test_endpoints_are_served_by_how_long_they_have_waited_not_by_age(sandbox: Sandbox) -> None:
    """Two silent endpoints registered first, one worker: the healthy endpoint registered last
    gets its event before either silent one is tried again (they were served in the order they
    were registered, so silent ones due again went first, round after round)."""
    from tests.webhook_receiver import Answer

    seen: list[Delivery] = []
    stop = asyncio.Event()

    def report(delivery: Delivery) -> None:
        seen.append(delivery)
        if delivery.outcome == "delivered":
            stop.set()

    with (
        Receiver(default=Answer(hang=True)) as first,
        Receiver(default=Answer(hang=True)) as second,
        Receiver() as healthy,
    ):
        for receiver in (first, second, healthy):
            sandbox.webhooks.add(receiver.url, ACCOUNT)
            time.sleep(0.002)  # registered one after the other (times in milliseconds)
        record_folders(sandbox, 1)
        dispatcher = Dispatcher(
            sandbox.store, retry_base=0.05, workers=1, budget=0.3, report=report
        )
        drain(dispatcher, stop=stop)
    outcomes = [(d.url, d.attempt, d.outcome) for d in seen]
    assert (healthy.url, 1, "delivered") in outcomes, outcomes
    delivered = outcomes.index((healthy.url, 1, "delivered"))
    assert all(attempt == 1 for _, attempt, _ in outcomes[:delivered]), outcomes


def test_a_backlog_is_never_read_whole_by_the_dispatcher(sandbox: Sandbox) -> None:
    """Thousands of deliveries owed to a dead endpoint: no statement the dispatcher runs on them
    (finding when the endpoint is due, claiming, finishing, pruning, giving up) reads them all:
    each is a search of an index (finding when it is due read every one, every quarter of a
    second, and the claim sorted them all in the write lock). Measured in SQLite's steps."""
    import sqlite3

    from wixsandbox.webhooks.dispatcher import GIVE_UP_AFTER_MS

    backlog = 2000
    sandbox.webhooks.add(f"http://127.0.0.1:{free_port()}/down", ACCOUNT)
    record_folders(sandbox, backlog)
    with sandbox.store.write() as conn:  # some of them owed for more than 48 hours
        conn.execute(
            "UPDATE webhook_outbox SET created_ms = ? WHERE seq <= 10",
            (wall_ms() - GIVE_UP_AFTER_MS - 1000,),
        )
    statements: list[str] = []
    sandbox.store.trace(statements.append)
    try:
        drain(Dispatcher(sandbox.store, retry_base=60))
        sandbox.store.trace(None)
        time_passes(sandbox)
        sandbox.store.trace(statements.append)
        drain(Dispatcher(sandbox.store, retry_base=60))  # probing with the one that failed
    finally:
        sandbox.store.trace(None)
    touching = [s for s in statements if "webhook_deliveries" in s and "INSERT" not in s]
    assert any("lease_until_ms" in s for s in touching)  # it did look for what is due
    assert any("d.attempts > 0" in s for s in touching)  # and probed
    steps = 0

    def step() -> int:
        nonlocal steps
        steps += 1
        return 0

    replay = sqlite3.connect(sandbox.store.path, isolation_level=None)
    try:
        replay.set_progress_handler(step, 100)
        for statement in touching:
            steps = 0
            replay.execute("BEGIN")
            replay.execute(statement).fetchall()
            replay.execute("ROLLBACK")
            assert steps * 100 < backlog * 4, (steps * 100, statement)
    finally:
        replay.close()


def test_a_listener_line_stays_one_line_whatever_the_folder_is_named() -> None:
    """A folder named with Unicode's line or paragraph separator: the sandbox takes the name, and
    `listen`'s line shows it on one line (they went through as they were: a line split in two
    for any reader that splits lines as Python does)."""
    import json

    from wixsites.cli.listen import delivery_line
    from wixsites.redaction import inert

    hostile = "a\u2028b\u2029c\u202ed"
    data = {"createdEvent": {"entity": {"id": "f1", "name": hostile}}}
    envelope = json.dumps({"data": json.dumps(data)})
    delivery = Delivery(
        "e1", "wix.site_folders.v2.folder_created", ACCOUNT, "f1\u2028", envelope, "wh_1",
        "http://127.0.0.1:1/", 1, 200, "delivered", 3, 0,
    )  # fmt: skip
    line = delivery_line(delivery, inert).plain
    assert len(line.splitlines()) == 1, line
    assert not set(line) & set("\u2028\u2029\u202e"), ascii(line)
    assert "a b c" in line


def test_hostile_handlers_are_failures_within_the_budget_and_a_redirect_is_not_followed(
    sandbox: Sandbox,
) -> None:
    """A redirect (never followed: its target gets nothing), an answer dribbled byte by byte, a
    200 after the budget, a connection closed without an answer: each is a failure, logged
    with its class (the dribble and the late 200 cut at the budget: a timeout)."""
    from tests.webhook_receiver import Answer

    budget = 0.3
    with (
        Receiver() as target,
        Receiver(default=Answer(307, location=target.url)) as redirect,
        Receiver(default=Answer(dribble=0.1)) as dribble,
        Receiver(default=Answer(delay=budget * 3)) as late,
        Receiver(default=Answer(drop=True)) as drop,
    ):
        made = {
            sandbox.webhooks.add(r.url, ACCOUNT).id: name
            for r, name in ((redirect, "redirect"), (dribble, "dribble"), (late, "late"),
                            (drop, "drop"))
        }  # fmt: skip
        record_folders(sandbox, 1)
        seen: list[Delivery] = []
        drain(Dispatcher(sandbox.store, retry_base=60, budget=budget, report=seen.append))
        assert target.received == []
    outcomes = {made[d.endpoint_id]: (d.status, d.outcome) for d in seen}
    assert outcomes == {
        "redirect": (307, "http 307"),
        "dribble": (None, "timeout"),
        "late": (None, "timeout"),
        "drop": (None, "error: RemoteProtocolError"),
    }
