"""The webhook tables of the sandbox's database (part of `wixsandbox.store`'s schema).

An event is written to `webhook_outbox`, with one `webhook_deliveries` row per endpoint that gets
it, in the transaction of the change that causes it; a dispatcher sends it after the commit. A
row of `webhook_deliveries` is a delivery still to make: it is deleted once delivered, or given
up (48 hours after the event); `webhook_log` keeps every attempt (30 days, 10,000 rows at most).
The deliveries have one index beyond their key, by endpoint and due time: an endpoint that is
down may be owed thousands, and the dispatcher finds what is due (every quarter of a second) and
claims it by searching that index, never by reading them all.
A dispatcher sends to an endpoint only while it holds the endpoint's lease (`lease_until_ms`), so
that several processes may share the file and each endpoint has one delivery in flight at most; a
process killed mid-delivery leaves a lease that runs out, and the delivery is made again.
"""

from __future__ import annotations

__all__ = ["WEBHOOK_TABLES"]

WEBHOOK_TABLES = """
CREATE TABLE IF NOT EXISTS webhook_endpoints (
    id TEXT PRIMARY KEY,  -- "wh_" and 16 hex digits
    account_id TEXT NOT NULL,  -- whose events it gets (and those of its sub-accounts)
    url TEXT NOT NULL,
    events TEXT NOT NULL,  -- JSON array of event types; ["*"]: every event
    owner TEXT NOT NULL DEFAULT '',  -- '': any dispatcher sends; else only the listener owning it
    alive_until_ms INTEGER NOT NULL DEFAULT 0,  -- an owned endpoint: its listener's heartbeat
    lease_until_ms INTEGER NOT NULL DEFAULT 0,  -- sending to it, or backing off, until then
    created_ms INTEGER NOT NULL,
    UNIQUE (account_id, url, owner)
);
CREATE INDEX IF NOT EXISTS webhook_endpoints_by_account ON webhook_endpoints (account_id);
CREATE TABLE IF NOT EXISTS webhook_outbox (
    seq INTEGER PRIMARY KEY,
    event_id TEXT NOT NULL,  -- the event's id (a UUID): the same on every attempt
    account_id TEXT NOT NULL,  -- the envelope's instanceId: the account of the change
    event_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    envelope TEXT NOT NULL,  -- the envelope as JSON (its data and identity inside, as JSON text)
    token TEXT,  -- the signed JWT, made at the first attempt and sent on every one
    pending INTEGER NOT NULL,  -- deliveries still to make; the row goes when none is left
    created_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS webhook_deliveries (
    endpoint_id TEXT NOT NULL,
    seq INTEGER NOT NULL,  -- webhook_outbox.seq
    attempts INTEGER NOT NULL DEFAULT 0,
    next_ms INTEGER NOT NULL,  -- when it is due
    PRIMARY KEY (endpoint_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (endpoint_id, next_ms);
CREATE TABLE IF NOT EXISTS webhook_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    endpoint_id TEXT NOT NULL,
    url TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    status INTEGER,  -- the HTTP status; NULL when there was no answer
    outcome TEXT NOT NULL,  -- delivered, http 500, timeout, refused, error: ..., gave up
    latency_ms INTEGER
);
"""
