"""What a handler gets besides the request: the transaction, the caller's account, the time."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from wixsandbox.cursor import CursorCodec


@dataclass(frozen=True)
class Context:
    conn: sqlite3.Connection
    account_id: str
    now_ms: int
    cursors: CursorCodec
