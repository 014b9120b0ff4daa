"""Sign and verify requests of the legacy Wix HTTP API.

The signature is the HMAC-SHA256 of the string to sign (`wixauth.canonical`) keyed with the app
secret, sent as URL-safe Base64 without ``=`` padding, as every published client did. The verifier
accepts either Base64 alphabet, padded or not.
"""

from __future__ import annotations

import binascii
import hmac
from base64 import b64decode
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from hashlib import sha256
from typing import TYPE_CHECKING

import httpx

from wixauth.canonical import collect, request_string, string_to_sign
from wixauth.errors import (
    BadSignature,
    CredentialsError,
    ExpiredTimestamp,
    InvalidTimestamp,
    MissingHeader,
    MissingSignature,
    UnsignableRequest,
)

__all__ = [
    "digest_of",
    "format_timestamp",
    "keyed_mac",
    "parse_timestamp",
    "sign_request",
    "signature_of",
    "verify_request",
]

if TYPE_CHECKING:
    from hashlib import _Hash

_TO_STANDARD_ALPHABET = bytes.maketrans(b"-_", b"+/")
_TO_URLSAFE_ALPHABET = bytes.maketrans(b"+/", b"-_")
_DIGEST_SIZE = 32
_BLOCK_SIZE = 64  # of SHA-256
_INNER_PAD = bytes(b ^ 0x36 for b in range(256))  # translation tables: key XOR ipad, XOR opad
_OUTER_PAD = bytes(b ^ 0x5C for b in range(256))

# What the verifier insists on: a description, and the names (header, query) that may carry it.
_REQUIRED = (
    ("application id", (b"x-wix-application-id", b"application-id")),
    ("instance id", (b"x-wix-instance-id", b"instance-id")),
    ("timestamp", (b"x-wix-timestamp", b"timestamp")),
)
_TIMESTAMP_NAMES = _REQUIRED[2][1]


@dataclass(frozen=True, slots=True)
class KeyedMac:
    """HMAC-SHA256 (RFC 2104) under one key: the SHA-256 states after the inner and the outer
    padded key, copied for each message. Keying costs more than hashing a typical request, and
    copying two `hashlib` states costs less than copying an `hmac.HMAC` (a Python object around
    them); `tests/test_auth_sign_verify.py` holds it equal to `hmac.new`."""

    inner: _Hash
    outer: _Hash

    @classmethod
    def of(cls, key: bytes) -> KeyedMac:
        if len(key) > _BLOCK_SIZE:
            key = sha256(key).digest()
        key = key.ljust(_BLOCK_SIZE, b"\0")
        return cls(sha256(key.translate(_INNER_PAD)), sha256(key.translate(_OUTER_PAD)))


def keyed_mac(secret: str | bytes) -> KeyedMac:
    """Return HMAC-SHA256 keyed with the app secret (UTF-8 of a `str`); refuse an empty one.

    The keyed state of the last few secrets is kept, in this process only, and shared: it is
    never updated, only copied.
    """
    key = secret.encode() if isinstance(secret, str) else secret
    if not key:
        raise CredentialsError("the app secret is empty: pass the secret of the Wix app")
    return _keyed(key)


@lru_cache(maxsize=16)
def _keyed(key: bytes) -> KeyedMac:
    return KeyedMac.of(key)


def digest_of(mac: KeyedMac, message: bytes) -> bytes:
    """The HMAC of `message` under `mac`."""
    inner = mac.inner.copy()
    inner.update(message)
    outer = mac.outer.copy()
    outer.update(inner.digest())
    return outer.digest()


def signature_of(mac: KeyedMac, message: bytes) -> str:
    """The signature of `message`: its HMAC as URL-safe Base64 without padding."""
    encoded = binascii.b2a_base64(digest_of(mac, message), newline=False)
    return encoded.translate(_TO_URLSAFE_ALPHABET).rstrip(b"=").decode("ascii")


def sign_request(request: httpx.Request, secret: str | bytes) -> str:
    """Return the signature of `request` exactly as it stands, changing nothing.

    Raises `UnsignableRequest` for a value holding a line break or a body not read yet.
    """
    return signature_of(keyed_mac(secret), string_to_sign(request))


def format_timestamp(moment: datetime) -> str:
    """Format an aware datetime as the API wants it: UTC, milliseconds, ``Z``."""
    if moment.utcoffset() is None:
        raise ValueError("the timestamp must be an aware datetime (e.g. datetime.now(UTC))")
    text = moment.astimezone(UTC).isoformat(timespec="milliseconds")
    return text[:-6] + "Z"  # drop "+00:00"


def parse_timestamp(value: bytes | str) -> datetime:
    """Read an ISO 8601 timestamp with a time zone; raise `InvalidTimestamp` otherwise."""
    try:
        text = value.decode("ascii") if isinstance(value, bytes) else value
        moment = datetime.fromisoformat(text)
    except ValueError:  # UnicodeDecodeError is a ValueError
        raise InvalidTimestamp(
            f"the timestamp {_shown(value)} is not an ISO 8601 date and time: send UTC with "
            "milliseconds, like 2013-07-01T08:07:40.802Z"
        ) from None
    if moment.utcoffset() is None:
        raise InvalidTimestamp(
            f"the timestamp {_shown(value)} has no time zone: send UTC with a Z, like "
            "2013-07-01T08:07:40.802Z"
        )
    return moment


def verify_request(
    request: httpx.Request,
    secret: str | bytes,
    *,
    now: datetime | None = None,
    max_age: timedelta = timedelta(minutes=1),
) -> None:
    """Check the signature and the timestamp of a received request; return None if both hold.

    Raises a `SignatureError` subclass, and nothing else, for whatever the request holds:
    `MissingSignature`, `MissingHeader` (application id, instance id or timestamp absent or
    empty), `BadSignature` (malformed, more than one, or not matching), `ExpiredTimestamp`
    (older or further in the future than `max_age` from `now`) or its subclass `InvalidTimestamp`.
    The signature is checked before the timestamp, in constant time. Every timestamp the request
    carries (header and query parameter) must be fresh; an empty value counts as absent.

    `secret` and `now` come from the server, not the request: an empty secret or a naive `now` is a
    `ValueError`.
    """
    mac = keyed_mac(secret)
    if now is None:
        now = datetime.now(UTC)
    elif now.utcoffset() is None:
        raise ValueError("now must be an aware datetime (e.g. datetime.now(UTC))")

    params, signatures = collect(request)
    if not signatures:
        raise MissingSignature(
            "the request is not signed: send the signature in the x-wix-signature header or the "
            "signature query parameter"
        )
    if len(signatures) > 1:
        raise BadSignature(
            f"the request carries {len(signatures)} signatures: send exactly one, in the "
            "x-wix-signature header or the signature query parameter"
        )
    missing = [
        f"the {what} ({names[0].decode()} header or {names[1].decode()} query parameter)"
        for what, names in _REQUIRED
        if not any(params.get(name) for name in names)
    ]
    if missing:
        raise MissingHeader(f"the request lacks {', '.join(missing)}: send them and sign again")

    try:
        message = request_string(request, params)
    except UnsignableRequest as exc:
        raise BadSignature(f"the request cannot be verified: {exc}") from None
    given = _decode_signature(signatures[0])
    if given is None:
        raise BadSignature(
            "the signature is not Base64 of a 32-byte HMAC-SHA256: send the signature as "
            "URL-safe Base64"
        )
    if not hmac.compare_digest(given, digest_of(mac, message)):
        raise BadSignature(
            "the signature does not match the request: sign METHOD, path, the sorted values of "
            "the query parameters and x-wix-* headers, and the body with the app secret "
            "(HMAC-SHA256), and do not change the request after signing it"
        )

    for name in _TIMESTAMP_NAMES:
        value = params.get(name)
        if value:  # an empty one counts as absent, as above
            _check_fresh(parse_timestamp(value), value, now, max_age)


def _check_fresh(moment: datetime, raw: bytes, now: datetime, max_age: timedelta) -> None:
    age = now - moment  # two aware datetimes: never overflows, whatever their offsets
    if age > max_age:
        raise ExpiredTimestamp(
            f"the timestamp {_shown(raw)} is {_duration(age)} old; a signature is valid for "
            f"{_duration(max_age)}: sign each request when it is sent, with a correct clock"
        )
    if -age > max_age:
        raise ExpiredTimestamp(
            f"the timestamp {_shown(raw)} is {_duration(-age)} in the future (more than "
            f"{_duration(max_age)}): check the clock of the signer"
        )


def _decode_signature(text: bytes) -> bytes | None:
    """Decode a signature in either Base64 alphabet, padded or not; None if it is not one."""
    unpadded = text.rstrip(b"=").translate(_TO_STANDARD_ALPHABET)
    try:
        digest = b64decode(unpadded + b"=" * (-len(unpadded) % 4), validate=True)
    except binascii.Error:
        return None
    return digest if len(digest) == _DIGEST_SIZE else None


def _shown(value: bytes | str, limit: int = 40) -> str:
    text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
    return repr(text if len(text) <= limit else text[:limit] + "...")


def _duration(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    if seconds < 120:
        return f"{seconds:g} s"
    if seconds < 7200:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"
