"""What a handler gets besides the request: the transaction, the caller's account, the time,
and the outbox its events go to."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wixsandbox.cursor import CursorCodec

if TYPE_CHECKING:
    from wixsandbox.webhooks.outbox import Recorder


@dataclass(frozen=True)
class Context:
    conn: sqlite3.Connection
    account_id: str
    now_ms: int
    cursors: CursorCodec
    key_account_id: str = ""  # the account of the credentials (may differ: a main account's key)
    site_id: str = ""  # a site-level call's site (wix-site-id)
    outbox: Recorder | None = None  # the request's events, written with its change
