"""The endpoints the sandbox sends webhooks to, and the log of what it sent.

An endpoint belongs to an account: it gets that account's events and those of its sub-accounts
(never its main account's), filtered by its event list. Its URL is an ``http`` or ``https`` URL
with a host and no credentials (``user:password@``): a credential in a URL ends up in logs and
listings, and the sandbox would send it to whatever answers.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

from wixsandbox.accounts import is_known
from wixsandbox.store import Store
from wixsandbox.webhooks.catalog import resolve
from wixsandbox.webhooks.dispatcher import remove_endpoints
from wixsandbox.webhooks.outbox import wall_ms

__all__ = [
    "Endpoint",
    "LogEntry",
    "add",
    "check_url",
    "endpoints",
    "heartbeat",
    "log",
    "remove",
    "retire",
]

MAX_URL = 2048


@dataclass(frozen=True)
class Endpoint:
    id: str
    account_id: str
    url: str
    events: tuple[str, ...]  # event types; ("*",): every event
    owner: str  # '' for a registered endpoint; a listener's token
    created_ms: int
    pending: int = 0  # deliveries still to make

    def __repr__(self) -> str:
        return (
            f"Endpoint(id={self.id!r}, account_id={self.account_id!r}, listener={bool(self.owner)})"
        )


@dataclass(frozen=True)
class LogEntry:
    at_ms: int
    event_id: str
    event_type: str
    endpoint_id: str
    url: str
    instance_id: str
    attempt: int
    status: int | None
    outcome: str
    latency_ms: int | None


def check_url(url: str) -> str:
    """The URL, if the sandbox may send to it; ValueError saying what is wrong (never quoting a
    password)."""
    if not isinstance(url, str) or not url or len(url) > MAX_URL:
        raise ValueError(f"give an http:// or https:// URL of at most {MAX_URL} characters")
    if not url.isprintable() or any(c.isspace() for c in url):
        raise ValueError("the URL holds spaces or control characters: encode them (%20...)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise ValueError("the URL is malformed (its host or port cannot be read)") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("the URL must start with http:// or https:// (webhooks are HTTP POSTs)")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        raise ValueError(
            "the URL holds credentials (user:password@): they would show in every listing and "
            "log; give the URL without them, and check the token's signature in your handler "
            "instead"
        )
    if not parts.hostname:
        raise ValueError("the URL has no host: give one, e.g. http://127.0.0.1:3000/webhooks")
    if port == 0:
        raise ValueError("the URL's port must be 1 to 65535")
    return url


def add(
    store: Store,
    url: str,
    account_id: str,
    events: list[str] | None = None,
    *,
    owner: str = "",
    alive_ms: int = 0,
) -> Endpoint:
    """Register an endpoint (the same URL again for the same account replaces its event list).
    ValueError for a bad URL, an unknown event name or an unknown account."""
    check_url(url)
    types = resolve(events or [])
    account = account_id.lower()
    now = wall_ms()
    with store.write() as conn:
        if not is_known(conn, account):
            raise ValueError(
                f"no account {account[:64]!r} in this sandbox: give the id of an account that has "
                "an API key, sites or sub-accounts (`wixsites sandbox seed` prints one)"
            )
        row = conn.execute(
            "SELECT id, created_ms FROM webhook_endpoints WHERE account_id = ? AND url = ? "
            "AND owner = ?",
            (account, url, owner),
        ).fetchone()
        endpoint_id = str(row[0]) if row else "wh_" + secrets.token_hex(8)
        created = int(row[1]) if row else now
        conn.execute(
            "INSERT OR REPLACE INTO webhook_endpoints (id, account_id, url, events, owner, "
            "alive_until_ms, lease_until_ms, created_ms) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            (endpoint_id, account, url, json.dumps(types), owner, alive_ms, created),
        )
    return Endpoint(endpoint_id, account, url, tuple(types), owner, created)


def endpoints(store: Store, *, owner: str | None = None) -> list[Endpoint]:
    """Every endpoint (listeners' included, unless `owner` picks), oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT e.id, e.account_id, e.url, e.events, e.owner, e.created_ms, (SELECT COUNT(*) "
            "FROM webhook_deliveries d WHERE d.endpoint_id = e.id) FROM webhook_endpoints e "
            "WHERE ?1 IS NULL OR e.owner = ?1 ORDER BY e.created_ms, e.id",
            (owner,),
        ).fetchall()
    return [_endpoint(row) for row in rows]


def _endpoint(row: sqlite3.Row) -> Endpoint:
    return Endpoint(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        tuple(json.loads(row[3])),
        str(row[4]),
        int(row[5]),
        int(row[6]),
    )


def remove(store: Store, id_or_url: str) -> list[Endpoint]:
    """Remove the endpoint with this id, or every endpoint with this URL, with their pending
    deliveries; returns what was removed (nothing: an empty list)."""
    found = [e for e in endpoints(store) if id_or_url in (e.id, e.url)]
    if found:
        with store.write() as conn:
            remove_endpoints(conn, [e.id for e in found])
    return found


def heartbeat(store: Store, endpoint_id: str, alive_ms: int) -> bool:
    """Keep a listener's endpoint alive until `alive_ms`; False if it is gone."""
    with store.write() as conn:
        return bool(
            conn.execute(
                "UPDATE webhook_endpoints SET alive_until_ms = ? WHERE id = ?",
                (alive_ms, endpoint_id),
            ).rowcount
        )


def retire(store: Store, endpoint_id: str) -> None:
    """Stop sending to a listener's endpoint, before removing it: no dispatcher claims it after
    this, and an attempt in flight finishes and is logged with its delivery still there (removed
    under it, the attempt would count its event done twice)."""
    with store.write() as conn:
        conn.execute(
            "UPDATE webhook_endpoints SET owner = owner || ' (closing)' WHERE id = ? "
            "AND owner <> ''",
            (endpoint_id,),
        )


def log(
    store: Store,
    *,
    limit: int = 50,
    event_id: str | None = None,
    endpoint: str | None = None,
) -> list[LogEntry]:
    """The latest attempts, newest first; of one event, or of one endpoint (its id or URL)."""
    with store.read() as conn:
        rows = conn.execute(
            "SELECT at_ms, event_id, event_type, endpoint_id, url, instance_id, attempt, status, "
            "outcome, latency_ms FROM webhook_log WHERE (?1 IS NULL OR event_id = ?1) AND "
            "(?2 IS NULL OR endpoint_id = ?2 OR url = ?2) ORDER BY id DESC LIMIT ?3",
            (event_id, endpoint, max(0, limit)),
        ).fetchall()
    return [
        LogEntry(
            int(r[0]),
            str(r[1]),
            str(r[2]),
            str(r[3]),
            str(r[4]),
            str(r[5]),
            int(r[6]),
            None if r[7] is None else int(r[7]),
            str(r[8]),
            None if r[9] is None else int(r[9]),
        )
        for r in rows
    ]
