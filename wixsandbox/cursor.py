"""Cursors of Query Sites: opaque, tamper-evident, expiring.

A cursor is ``base64url(zlib(json(state))) "." base64url(HMAC-SHA256(key, that)[:16])``, keyed with
a random per-database key. The state holds the account, the filter, the sort, the page size, the
keyset position after the page (the last row's sort values and id) and the time of the query's
first request: cursors expire 30 minutes after it, by the sandbox's clock.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import zlib
from dataclasses import dataclass
from typing import Any

from wixsandbox.errors import ApiError, bad_request

LIFETIME_MS = 30 * 60 * 1000
_MAX_TOKEN = 256 * 1024
_MAX_STATE = 1024 * 1024


@dataclass(frozen=True)
class CursorState:
    account_id: str
    filter: Any
    sort: list[tuple[str, bool]]  # (fieldName, descending)
    limit: int
    position: list[Any]  # the sort values of the last row, then its id
    started_ms: int


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def invalid_cursor(why: str) -> ApiError:
    return bad_request(
        "INVALID_CURSOR",
        f"The cursor is not valid ({why}): send metadata.cursors.next exactly as received, "
        "or start the query again without a cursor",
    )


class CursorCodec:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes) -> bytes:
        return hmac.digest(self._key, payload, "sha256")[:16]

    def encode(self, state: CursorState) -> str:
        document = {
            "a": state.account_id,
            "f": state.filter,
            "s": [[name, desc] for name, desc in state.sort],
            "l": state.limit,
            "p": state.position,
            "t": state.started_ms,
        }
        payload = zlib.compress(json.dumps(document, separators=(",", ":")).encode(), 6)
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def decode(self, token: str, *, account_id: str, now_ms: int) -> CursorState:
        if len(token) > _MAX_TOKEN or token.count(".") != 1:
            raise invalid_cursor("malformed")
        body, _, mac = token.partition(".")
        try:
            payload, given = _unb64(body), _unb64(mac)
        except (binascii.Error, ValueError):
            raise invalid_cursor("malformed") from None
        if not hmac.compare_digest(given, self._mac(payload)):
            raise invalid_cursor("it was altered or was issued by another sandbox")
        try:
            inflater = zlib.decompressobj()
            raw = inflater.decompress(payload, _MAX_STATE)
            document = json.loads(raw)
            state = CursorState(
                account_id=str(document["a"]),
                filter=document["f"],
                sort=[(str(name), bool(desc)) for name, desc in document["s"]],
                limit=int(document["l"]),
                position=list(document["p"]),
                started_ms=int(document["t"]),
            )
        except (zlib.error, ValueError, KeyError, TypeError):
            raise invalid_cursor("malformed") from None
        if state.account_id != account_id:
            raise invalid_cursor("it belongs to another account")
        if now_ms - state.started_ms > LIFETIME_MS:
            raise bad_request(
                "CURSOR_EXPIRED",
                "The cursor expired: cursors are valid for 30 minutes after the first request of "
                "the query; start the query again without a cursor",
            )
        return state
