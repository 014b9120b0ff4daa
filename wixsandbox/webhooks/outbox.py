"""The outbox: an event is written in the transaction of the change that causes it.

A request's `Recorder` (on its `Context`) looks up, once, the endpoints that may get its events:
those of the request's account and of its main account (a sub-account's events reach the main
account's endpoints; a main account's never reach a sub-account's), listeners that are alive
included. With none, nothing is written: a sandbox without endpoints pays one indexed query per
changing request. Otherwise the event goes into `webhook_outbox` with one `webhook_deliveries` row
per endpoint whose event list has it, due at once. A refused or rolled-back request writes
nothing, as its change: the same transaction. Endpoints are those of the commit: one added later
gets later events only.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wixsandbox.webhooks import events
from wixsandbox.webhooks.catalog import ALL, kind

if TYPE_CHECKING:
    from wixsandbox.context import Context

__all__ = ["Recorded", "Recorder", "record", "watch"]


@dataclass(frozen=True)
class Recorded:
    """An event a request recorded (what `watch` collects)."""

    name: str  # its short name, e.g. "site.created"
    event_id: str
    entity_id: str
    endpoints: int  # how many endpoints get it


_watching: ContextVar[list[Recorded] | None] = ContextVar("wixsandbox_recorded", default=None)


@contextlib.contextmanager
def watch() -> Iterator[list[Recorded]]:
    """The events recorded by the requests this thread (or task) makes to an in-process sandbox
    while the block runs, in order: what ``wixsites trigger`` reports."""
    found: list[Recorded] = []
    token = _watching.set(found)
    try:
        yield found
    finally:
        _watching.reset(token)


def wall_ms() -> int:
    """Delivery times are wall-clock times (the sandbox's clock may be a test's)."""
    return int(time.time() * 1000)


class Recorder:
    """The events of one request, written with its change."""

    def __init__(
        self, conn: sqlite3.Connection, account_id: str, now_ms: int, identity: dict[str, str]
    ) -> None:
        self._conn = conn
        self._account_id = account_id
        self._now_ms = now_ms
        self._identity = identity
        self._endpoints: list[tuple[str, frozenset[str]]] | None = None
        self.recorded = 0

    def _subscribers(self, event_type: str) -> list[str]:
        if self._endpoints is None:
            rows = self._conn.execute(
                "SELECT id, events FROM webhook_endpoints WHERE (account_id = ?1 OR account_id = "
                "(SELECT main_account_id FROM account_relations WHERE sub_account_id = ?1)) "
                "AND (owner = '' OR alive_until_ms > ?2) ORDER BY created_ms, id",
                (self._account_id, wall_ms()),
            ).fetchall()
            self._endpoints = [(str(r[0]), _types(str(r[1]))) for r in rows]
        return [eid for eid, types in self._endpoints if ALL in types or event_type in types]

    def wants(self, name: str) -> bool:
        return bool(self._subscribers(kind(name).event_type))

    def record(self, name: str, entity_id: str, part: Callable[[], events.Part]) -> None:
        """Record event `name` about `entity_id`; `part` makes its body (called only when an
        endpoint gets the event)."""
        event_kind = kind(name)
        targets = self._subscribers(event_kind.event_type)
        if not targets:
            return
        data = events.event_data(event_kind, entity_id, self._now_ms, part())
        now = wall_ms()
        seq = self._conn.execute(
            "INSERT INTO webhook_outbox (event_id, account_id, event_type, entity_id, envelope, "
            "pending, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                data["id"],
                self._account_id,
                event_kind.event_type,
                entity_id,
                events.envelope(event_kind, self._account_id, data, self._identity),
                len(targets),
                now,
            ),
        ).lastrowid
        self._conn.executemany(
            "INSERT INTO webhook_deliveries (endpoint_id, seq, next_ms) VALUES (?, ?, ?)",
            [(endpoint_id, seq, now) for endpoint_id in targets],
        )
        self.recorded += 1
        watching = _watching.get()
        if watching is not None:
            watching.append(Recorded(name, str(data["id"]), entity_id, len(targets)))


@functools.lru_cache(maxsize=256)
def _types(listed: str) -> frozenset[str]:
    return frozenset(json.loads(listed))


def record(ctx: Context, name: str, entity_id: str, part: Callable[[], events.Part]) -> None:
    """Record an event in the request's transaction (nothing when the context has no outbox)."""
    if ctx.outbox is not None:
        ctx.outbox.record(name, entity_id, part)
