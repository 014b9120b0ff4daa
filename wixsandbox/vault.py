"""Credentials at rest: API keys as keyed hashes, app secrets sealed.

An API key is only ever compared, so the database keeps HMAC-SHA256 of it under a per-database key
and looks the digest up (an index lookup by a digest tells nothing about the key) before comparing
it in constant time. An app secret must be read back to verify signatures, so it is sealed: XORed
with an HMAC-SHA256 keystream under a per-database key and authenticated. Both keys live in the
same database file, so a sealed secret has exactly that file's protection (mode 0600): the point is
that no dump, backup or `strings` of the file shows a credential in clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass

_PREFIX = "sealed1:"
_NONCE = 16
_TAG = 16


@dataclass(frozen=True)
class Vault:
    """The two per-database keys."""

    hash_key: bytes
    seal_key: bytes

    def __repr__(self) -> str:
        return "Vault(***)"

    def digest(self, api_key: str) -> str:
        return hmac.new(self.hash_key, api_key.encode("utf-8"), hashlib.sha256).hexdigest()

    def matches(self, api_key: str, stored_digest: str) -> bool:
        return hmac.compare_digest(self.digest(api_key), stored_digest)

    def seal(self, secret: str) -> str:
        nonce = secrets.token_bytes(_NONCE)
        body = _xor(secret.encode("utf-8"), self._stream(nonce, len(secret.encode("utf-8"))))
        return _PREFIX + base64.urlsafe_b64encode(nonce + self._tag(nonce, body) + body).decode()

    def unseal(self, sealed: str) -> str:
        """The secret; ValueError if `sealed` was not sealed with this vault's key."""
        if not sealed.startswith(_PREFIX):
            raise ValueError("not a sealed secret")
        raw = base64.urlsafe_b64decode(sealed[len(_PREFIX) :].encode())
        nonce, tag, body = raw[:_NONCE], raw[_NONCE : _NONCE + _TAG], raw[_NONCE + _TAG :]
        if len(nonce) != _NONCE or not hmac.compare_digest(tag, self._tag(nonce, body)):
            raise ValueError("the sealed secret does not match this database's key")
        return _xor(body, self._stream(nonce, len(body))).decode("utf-8")

    def _tag(self, nonce: bytes, body: bytes) -> bytes:
        return hmac.new(self.seal_key, b"tag" + nonce + body, hashlib.sha256).digest()[:_TAG]

    def _stream(self, nonce: bytes, size: int) -> bytes:
        blocks = (
            hmac.new(
                self.seal_key, b"stream" + nonce + i.to_bytes(8, "big"), hashlib.sha256
            ).digest()
            for i in range((size + 31) // 32)
        )
        return b"".join(blocks)[:size]


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))
