"""Helpers for the webhook tests: read a delivered token, wait for a sandbox's outbox."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt

from wixsandbox import Sandbox


def inner(token: bytes | str, public_pem: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the envelope, the event's data) of a token the key verifies."""
    claims = jwt.decode(token, public_pem, algorithms=["RS256"])
    envelope = json.loads(claims["data"])
    return envelope, json.loads(envelope["data"])


def outbox(sandbox: Sandbox) -> list[tuple[str, str, str, int]]:
    """(event type, entity id, account, pending deliveries) of every event not yet delivered."""
    with sandbox.store.read() as conn:
        rows = conn.execute(
            "SELECT event_type, entity_id, account_id, pending FROM webhook_outbox ORDER BY seq"
        ).fetchall()
    return [(str(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


def settled(sandbox: Sandbox, timeout: float = 20.0) -> None:
    """Wait until the sandbox has no delivery left in its outbox (all made)."""
    deadline = time.monotonic() + timeout
    while outbox(sandbox):
        if time.monotonic() > deadline:
            raise AssertionError(f"still pending: {outbox(sandbox)}")
        time.sleep(0.02)
