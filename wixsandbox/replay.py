"""Signatures already accepted: an exact replay of a signed request is refused while it is fresh.

A signature is valid for a minute either side of its timestamp (`wixauth.verify_request`), so a
request captured on the way can be sent again, unchanged, within that window; Wix's legacy scheme
has no nonce to stop it. The sandbox remembers what each accepted signed request signed (a
digest of its string to sign, which holds the timestamp) for the longest time the signature can
stay fresh, and refuses the same one again. Signers lose nothing: `wixauth.WixSignatureAuth` signs
every send afresh, retries included, with a timestamp later than the one before.

The memory is the process's: a sandbox served by one process refuses every replay it is sent.
"""

from __future__ import annotations

import hashlib
import heapq
import threading

# A signature's timestamp may be up to a minute in the past or the future: it stays fresh for at
# most two minutes after the sandbox first accepts it.
FRESH_MS = 2 * 60 * 1000


class SeenSignatures:
    """The digests of the signed requests accepted in the last FRESH_MS milliseconds."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until: dict[bytes, int] = {}
        self._expiries: list[tuple[int, bytes]] = []

    def first_use(self, application_id: str, signed: bytes, now_ms: int) -> bool:
        """Record the request that signed `signed` for the app; False if it was seen already."""
        key = hashlib.sha256(application_id.encode("utf-8") + b"\n" + signed).digest()
        with self._lock:
            while self._expiries and self._expiries[0][0] <= now_ms:
                expiry, old = heapq.heappop(self._expiries)
                if self._until.get(old) == expiry:
                    del self._until[old]
            if self._until.get(key, 0) > now_ms:
                return False
            self._until[key] = now_ms + FRESH_MS
            heapq.heappush(self._expiries, (now_ms + FRESH_MS, key))
            return True
