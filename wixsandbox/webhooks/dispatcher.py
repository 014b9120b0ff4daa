"""The dispatcher: sends the outbox's events after their commit, retries them, logs every attempt.

It runs on an asyncio event loop (in a thread of the sandbox, or of a listener) with one HTTP
client, and is bounded everywhere: at most `workers` endpoints are served at once, each by one
task holding the endpoint's lease (one delivery in flight per endpoint, across every process
sharing the database file), each attempt within `attempt.BUDGET`. So an endpoint that never
answers costs one task 1.25 s per attempt, and backs off; the API's requests never deliver, and
other endpoints are not held up.

Retries: a failed delivery is due again after ``min(retry_base * 2 ** (attempt - 1), 1 hour)``
seconds, times a random factor between 0.8 and 1.2, until 48 hours after the event (Wix's retry
window), when it is given up. Every attempt of an event carries the same token, hence the same
event id. A failure holds the whole endpoint back until that retry (its lease runs until then),
and the endpoint's most-retried delivery goes first: an endpoint that is down is probed once per
backoff, the backoff doubling each time, however many events it is owed (rather than each event
being tried in turn); what it is owed for 48 hours is given up by `prune`.

A dispatcher sends to the endpoints of its `owner`: ``""`` for the registered endpoints, or a
listener's token for the endpoint of that listener (``wixsites listen``) alone.
"""

from __future__ import annotations

import asyncio
import json
import math
import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import httpx

from wixsandbox.store import Store
from wixsandbox.webhooks import attempt, keys
from wixsandbox.webhooks.events import claims
from wixsandbox.webhooks.outbox import wall_ms

__all__ = ["GIVE_UP_AFTER_MS", "Delivery", "Dispatcher", "backoff_seconds"]

GIVE_UP_AFTER_MS = 48 * 3600 * 1000
MAX_BACKOFF = 3600.0
LOG_ROWS = 10_000
LOG_DAYS = 30
# a listener's endpoint whose heartbeat stopped this long ago is removed (its listener died)
DEAD_LISTENER_MS = 60_000
# seconds between the starts of two rounds of the scheduler, at least
MIN_ROUND = 0.001
# seconds an endpoint is leased for at most (a batch is cut short to fit)
MAX_LEASE = 15.0
# how often a dispatcher prunes the log and dead listeners' endpoints, whether it sends or not
TIDY_MS = 60_000
# deliveries given up at most per pruning (a minute's work stays small)
GIVE_UP_BATCH = 1000


def backoff_seconds(base: float, attempts: int, rng: random.Random) -> float:
    """Seconds before the next attempt, after `attempts` failed ones."""
    return float(min(base * 2 ** (attempts - 1), MAX_BACKOFF)) * rng.uniform(0.8, 1.2)


@dataclass(frozen=True)
class Delivery:
    """One attempt, as the log keeps it (and a listener shows it)."""

    event_id: str
    event_type: str
    instance_id: str
    entity_id: str
    envelope: str  # the envelope as JSON (the event's data inside as JSON text)
    endpoint_id: str
    url: str
    attempt: int
    status: int | None
    outcome: str  # delivered, http 500, timeout, cannot connect, error: <class>; gave up
    latency_ms: int | None
    at_ms: int


@dataclass(frozen=True)
class _Due:
    seq: int
    attempts: int
    event_id: str
    event_type: str
    instance_id: str
    entity_id: str
    envelope: str
    token: str
    signed_now: bool
    created_ms: int


class Dispatcher:
    def __init__(
        self,
        store: Store,
        *,
        owner: str = "",
        retry_base: float = 1.0,
        workers: int = 4,
        poll: float = 0.25,
        budget: float = attempt.BUDGET,
        batch: int = 64,
        report: Callable[[Delivery], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        if not retry_base > 0 or workers < 1 or batch < 1 or not poll > 0:
            raise ValueError("retry_base and poll must be positive, workers and batch at least 1")
        self.store = store
        self.owner = owner
        self.retry_base = retry_base
        self.workers = workers
        self.poll = poll
        self.budget = budget
        self.batch = batch
        self.report = report
        self.draining = False  # stop once nothing is due (instead of waiting for what will be)
        self._rng = rng or random.Random()
        self._busy: set[str] = set()
        self._signer: keys.Signer | None = None
        self._finished = 0
        self._tidied_ms = 0  # when `prune` last ran

    def __repr__(self) -> str:
        return f"Dispatcher(db={self.store.path!r}, owner={'yes' if self.owner else 'none'})"

    # -- the loop -------------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event, wake: asyncio.Event) -> None:
        """Send what is due until `stop` is set (or, when `draining`, until nothing is due);
        `wake` says that something may have become due."""
        tasks: set[asyncio.Task[None]] = set()
        async with attempt.client(self.workers) as http:
            try:
                last = -math.inf
                while not stop.is_set():
                    # a burst of wakes (a change each) is one round, not one round each
                    await asyncio.sleep(max(0.0, last + MIN_ROUND - time.monotonic()))
                    last = time.monotonic()
                    wake.clear()
                    try:
                        started, next_at = await self._schedule(http, wake, tasks)
                    except sqlite3.OperationalError:  # the file is busy: look again soon
                        started, next_at = False, wall_ms() + int(self.poll * 1000)
                    if self.draining and not started and not self._busy:
                        return
                    delay = max(0.0, (next_at - wall_ms()) / 1000)
                    if self.draining:
                        delay = min(delay, 0.05)
                    waits = [asyncio.ensure_future(e.wait()) for e in (stop, wake)]
                    try:
                        await asyncio.wait(waits, timeout=delay, return_when="FIRST_COMPLETED")
                    finally:
                        for waiting in waits:
                            waiting.cancel()
            finally:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    async def _schedule(
        self, http: httpx.AsyncClient, wake: asyncio.Event, tasks: set[asyncio.Task[None]]
    ) -> tuple[bool, int]:
        """Start a task for each endpoint with a delivery due (as workers allow); returns whether
        one started, and when to look again at the latest."""
        now = wall_ms()
        if now - self._tidied_ms >= TIDY_MS:  # by time too: a quiet file has no deliveries
            await asyncio.to_thread(self._tidy, now)
        next_at = now + int(self.poll * 1000)
        started = False
        found = await asyncio.to_thread(self._endpoints, now)
        # the endpoint that has waited longest first (by registration, silent ones due again
        # would go before a healthy one round after round)
        found.sort(key=lambda e: max(e[3], e[2]) if e[3] is not None else now)
        for endpoint_id, url, lease, due in found:
            if due is None or endpoint_id in self._busy:
                continue
            if due > now or lease >= now:
                next_at = min(next_at, max(due, lease + 1))
                continue
            if len(self._busy) >= self.workers:
                break
            self._busy.add(endpoint_id)
            task = asyncio.create_task(self._serve(http, endpoint_id, url, wake))
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            started = True
        return started, next_at

    async def _serve(
        self, http: httpx.AsyncClient, endpoint_id: str, url: str, wake: asyncio.Event
    ) -> None:
        """Claim a batch of the endpoint's due deliveries and send them one after the other; stop
        at the first failure (the endpoint is down or slow: the rest wait for the next round)."""
        try:
            rows = await asyncio.to_thread(self._claim, endpoint_id)
            started = time.monotonic()
            window = self._lease_ms(len(rows)) / 1000 - 1.0  # the lease, less time to finish
            done: list[tuple[_Due, attempt.Outcome, int]] = []
            for row in rows:
                if time.monotonic() - started + self.budget > window:
                    break  # the lease would run out: the rest go in the next round
                outcome = await attempt.post(http, url, row.token, self.budget)
                done.append((row, outcome, wall_ms()))
                if not outcome.delivered:
                    break
            if rows:
                for delivery in await asyncio.to_thread(self._finish, endpoint_id, url, done):
                    if self.report is not None:
                        self.report(delivery)
        finally:
            self._busy.discard(endpoint_id)
            wake.set()

    # -- the database (in worker threads) -------------------------------------------------------

    def _tidy(self, now: int) -> None:
        with self.store.write() as conn:
            prune(conn, now)
        self._tidied_ms = now

    def _endpoints(self, now: int) -> list[tuple[str, str, int, int | None]]:
        with self.store.read() as conn:
            rows = conn.execute(
                "SELECT e.id, e.url, e.lease_until_ms, (SELECT MIN(d.next_ms) FROM "
                "webhook_deliveries d WHERE d.endpoint_id = e.id) "
                "FROM webhook_endpoints e WHERE e.owner = ? "
                "ORDER BY e.created_ms, e.id",  # oldest first, when their waits tie
                (self.owner,),
            ).fetchall()
        return [
            (str(r[0]), str(r[1]), int(r[2]), None if r[3] is None else int(r[3])) for r in rows
        ]

    def _claim(self, endpoint_id: str) -> list[_Due]:
        now = wall_ms()
        with self.store.write() as conn:
            held = conn.execute(
                "SELECT lease_until_ms FROM webhook_endpoints WHERE id = ? AND owner = ? "
                "AND lease_until_ms < ?",
                (endpoint_id, self.owner, now),
            ).fetchone()
            if held is None:  # another dispatcher is sending to it (or it is gone)
                return []
            # first the delivery whose failure held the endpoint back (it is due at the end of
            # the hold): an endpoint that stays down is probed with it, its wait doubling
            probe = (
                conn.execute(
                    _DUE + "d.next_ms = ? AND d.attempts > 0 LIMIT 1", (endpoint_id, int(held[0]))
                ).fetchall()
                if held[0]
                else []
            )
            rows = (
                probe
                + [
                    row
                    for row in conn.execute(
                        _DUE + "d.next_ms <= ? ORDER BY d.next_ms, d.seq LIMIT ?",
                        (endpoint_id, now, self.batch),
                    )
                    if not probe or row[0] != probe[0][0]
                ][: self.batch - len(probe)]
            )
            # the lease, taken in the transaction that found it free (BEGIN IMMEDIATE: no other
            # dispatcher claims in between)
            conn.execute(
                "UPDATE webhook_endpoints SET lease_until_ms = ? WHERE id = ?",
                (now + self._lease_ms(len(rows)) if rows else 0, endpoint_id),
            )
        return [self._signed(row) for row in rows]

    def _lease_ms(self, rows: int) -> int:
        """How long a claim of `rows` deliveries holds the endpoint: time for each attempt, up to
        `MAX_LEASE` (a process killed mid-batch holds it up no longer than that), and a second
        to record them."""
        each = self.budget + 0.5
        return int((min(rows * each, max(MAX_LEASE, each)) + 1.0) * 1000)

    def _signed(self, row: sqlite3.Row) -> _Due:
        due = _Due(
            seq=int(row[0]),
            attempts=int(row[1]),
            event_id=str(row[2]),
            event_type=str(row[3]),
            instance_id=str(row[4]),
            entity_id=str(row[5]),
            envelope=str(row[6]),
            token=str(row[7] or ""),
            signed_now=False,
            created_ms=int(row[8]),
        )
        if due.token:
            return due
        if self._signer is None:
            self._signer = keys.signer(self.store)
        token = self._signer.sign(claims(due.envelope, int(time.time())))
        return replace(due, token=token, signed_now=True)

    def _finish(
        self, endpoint_id: str, url: str, done: list[tuple[_Due, attempt.Outcome, int]]
    ) -> list[Delivery]:
        """Record a batch's attempts, in a few statements (the API's changes wait meanwhile)."""
        deliveries: list[Delivery] = []
        finished: list[int] = []  # delivered, or given up
        hold = 0  # a failure holds the endpoint (all its deliveries) until that one is due again
        retry: tuple[int, int, str, int] | None = None
        for row, outcome, at_ms in done:
            number = row.attempts + 1
            status, latency = outcome.status, outcome.latency_ms
            deliveries.append(
                _delivery(row, endpoint_id, url, number, at_ms, status, outcome.outcome, latency)
            )
            if outcome.delivered:
                finished.append(row.seq)
            elif at_ms - row.created_ms >= GIVE_UP_AFTER_MS:
                finished.append(row.seq)
                deliveries.append(_delivery(row, endpoint_id, url, number, at_ms, None, "gave up"))
            else:
                hold = at_ms + int(backoff_seconds(self.retry_base, number, self._rng) * 1000)
                retry = (number, hold, endpoint_id, row.seq)
        with self.store.write() as conn:
            conn.executemany(
                "UPDATE webhook_outbox SET token = ? WHERE seq = ? AND token IS NULL",
                [(row.token, row.seq) for row, _, _ in done if row.signed_now],
            )
            conn.executemany(_LOG, [_log_row(d) for d in deliveries])
            _done(conn, endpoint_id, finished)
            if retry is not None:
                conn.execute(
                    "UPDATE webhook_deliveries SET attempts = ?, next_ms = ? "
                    "WHERE endpoint_id = ? AND seq = ?",
                    retry,
                )
            conn.execute(
                "UPDATE webhook_endpoints SET lease_until_ms = ? WHERE id = ?", (hold, endpoint_id)
            )
            self._finished += 1
            if self._finished % 256 == 1:
                prune(conn, wall_ms())
        return deliveries


_LOG = (
    "INSERT INTO webhook_log (at_ms, event_id, event_type, endpoint_id, url, instance_id, "
    "attempt, status, outcome, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _log_row(d: Delivery) -> tuple[int | str | None, ...]:
    return (
        d.at_ms,
        d.event_id,
        d.event_type,
        d.endpoint_id,
        d.url,
        d.instance_id,
        d.attempt,
        d.status,
        d.outcome,
        d.latency_ms,
    )


def _delivery(
    row: _Due,
    endpoint_id: str,
    url: str,
    number: int,
    at_ms: int,
    status: int | None,
    outcome: str,
    latency_ms: int | None = None,
) -> Delivery:
    return Delivery(
        row.event_id,
        row.event_type,
        row.instance_id,
        row.entity_id,
        row.envelope,
        endpoint_id,
        url,
        number,
        status,
        outcome,
        latency_ms,
        at_ms,
    )


_DUE = (
    "SELECT d.seq, d.attempts, o.event_id, o.event_type, o.account_id, o.entity_id, o.envelope, "
    "o.token, o.created_ms FROM webhook_deliveries d INDEXED BY webhook_deliveries_due "
    "JOIN webhook_outbox o ON o.seq = d.seq WHERE d.endpoint_id = ? AND "
)


def prune(conn: sqlite3.Connection, now: int) -> None:
    """Keep the log to 30 days and 10,000 rows; give up what is owed for 48 hours (an endpoint
    that is down is probed with one delivery: the others would wait for ever); remove the
    endpoints of dead listeners."""
    expired = [
        int(r[0])
        for r in conn.execute(
            "SELECT seq FROM webhook_outbox WHERE created_ms < ? ORDER BY seq LIMIT ?",
            (now - GIVE_UP_AFTER_MS, GIVE_UP_BATCH),
        )
    ]
    for seq in expired:
        owed = conn.execute(
            "SELECT d.endpoint_id, d.attempts, e.url, o.event_id, o.event_type, o.account_id "
            "FROM webhook_outbox o CROSS JOIN webhook_endpoints e CROSS JOIN webhook_deliveries d "
            "WHERE o.seq = ? "
            "AND d.endpoint_id = e.id AND d.seq = o.seq",
            (seq,),
        ).fetchall()
        for endpoint_id, attempts, url, event_id, event_type, instance_id in owed:
            _done(conn, endpoint_id, [seq])
            gave_up = (now, event_id, event_type, endpoint_id, url, instance_id, attempts)
            conn.execute(_LOG, (*gave_up, None, "gave up", None))
        conn.execute("DELETE FROM webhook_outbox WHERE seq = ?", (seq,))  # owed to no one now
    conn.execute(
        "DELETE FROM webhook_log WHERE id <= (SELECT MAX(id) FROM webhook_log) - ?", (LOG_ROWS,)
    )
    conn.execute("DELETE FROM webhook_log WHERE at_ms < ?", (now - LOG_DAYS * 86_400_000,))
    dead = [
        str(r[0])
        for r in conn.execute(
            "SELECT id FROM webhook_endpoints WHERE owner <> '' AND alive_until_ms < ?",
            (now - DEAD_LISTENER_MS,),
        )
    ]
    if dead:
        remove_endpoints(conn, dead)


def _done(conn: sqlite3.Connection, endpoint_id: str, seqs: list[int]) -> None:
    """Deliveries made (or given up, or of a removed endpoint): their rows go, and their events'
    when no other endpoint waits for them."""
    if not seqs:
        return
    listed = json.dumps(seqs)
    # those still there: a delivery made after its endpoint was removed is done already
    gone = [
        int(r[0])
        for r in conn.execute(
            "SELECT seq FROM webhook_deliveries WHERE endpoint_id = ? AND seq IN "
            "(SELECT value FROM json_each(?))",
            (endpoint_id, listed),
        )
    ]
    if not gone:
        return
    listed = json.dumps(gone)
    conn.execute(
        "DELETE FROM webhook_deliveries WHERE endpoint_id = ? AND seq IN "
        "(SELECT value FROM json_each(?))",
        (endpoint_id, listed),
    )
    conn.execute(
        "UPDATE webhook_outbox SET pending = pending - 1 WHERE seq IN "
        "(SELECT value FROM json_each(?))",
        (listed,),
    )
    conn.execute(
        "DELETE FROM webhook_outbox WHERE pending <= 0 AND seq IN (SELECT value FROM json_each(?))",
        (listed,),
    )


def remove_endpoints(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Remove endpoints, their pending deliveries, and the events no endpoint waits for anymore."""
    for endpoint_id in ids:
        seqs = [
            int(r[0])
            for r in conn.execute(
                "SELECT seq FROM webhook_deliveries WHERE endpoint_id = ?", (endpoint_id,)
            )
        ]
        _done(conn, endpoint_id, seqs)
        conn.execute("DELETE FROM webhook_endpoints WHERE id = ?", (endpoint_id,))
