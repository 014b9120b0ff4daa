"""Verify a webhook body, a JWT signed with RS256, and return its claims (PyJWT + cryptography).

PyJWT is imported when a body is verified, never when `wixsites` is imported: it is the
``wixsites[webhooks]`` extra. Only RS256 is accepted, with an RSA public key: ``alg: none`` and a
token signed with HS256 using the public key as its secret are refused like a bad signature.

Time claims: `exp` and `nbf` are checked when present, and an `iat` in the future is refused, each
with `LEEWAY` seconds of clock skew. `exp` is not required and `iat` is given no maximum age: Wix's
published sample token has `exp` 300,000 seconds after `iat`, and Wix retries a delivery for up to
48 hours, so a receiver that refused older tokens would refuse Wix's late retries.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from wixsites.errors import ConfigurationError, WebhookPayloadError, WebhookSignatureError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

__all__ = ["LEEWAY", "MAX_BODY_BYTES", "claims_of"]

#: seconds of clock skew allowed on `exp`, `nbf` and `iat`
LEEWAY = 60
#: a larger body is refused before it is decoded (an event is a few kilobytes)
MAX_BODY_BYTES = 1 << 20
_EXTRA = "pip install 'wixsites[webhooks]'"
_WHITESPACE = b" \t\r\n"


def claims_of(body: bytes | str, public_key: str | bytes) -> dict[str, Any]:
    """The verified claims of `body`; `WebhookSignatureError` when it does not verify."""
    try:
        import jwt
    except ImportError:
        raise ConfigurationError(
            f"verifying webhooks needs PyJWT with cryptography: {_EXTRA}"
        ) from None
    key = _public_key(public_key if isinstance(public_key, bytes) else public_key.encode())
    token = _token(body)
    try:
        claims = jwt.decode(token, key, algorithms=["RS256"], leeway=LEEWAY)
    except jwt.ExpiredSignatureError:
        raise WebhookSignatureError("the token has expired (its exp has passed)") from None
    except jwt.ImmatureSignatureError:
        raise WebhookSignatureError(
            f"the token is not valid yet (its iat or nbf is more than {LEEWAY} s in the future)"
        ) from None
    except jwt.InvalidAlgorithmError:
        raise WebhookSignatureError(
            "the token is not signed with RS256 (Wix signs webhooks with RS256 only)"
        ) from None
    except jwt.InvalidSignatureError:
        raise WebhookSignatureError(
            "the signature does not match: another key signed the token, or it was changed"
        ) from None
    except jwt.PyJWTError as exc:
        raise WebhookSignatureError(
            f"the body is not a well-formed JWT ({type(exc).__name__})"
        ) from None
    except RecursionError:  # signed claims nested deeper than Python's JSON parser recurses
        raise WebhookPayloadError("the token's claims are JSON nested too deeply") from None
    return claims


def _token(body: bytes | str) -> str:
    raw = body.encode("utf-8", "replace") if isinstance(body, str) else bytes(body)
    if len(raw) > MAX_BODY_BYTES:
        raise WebhookSignatureError(
            f"the body is larger than {MAX_BODY_BYTES} bytes: not a Wix webhook"
        )
    raw = raw.strip(_WHITESPACE)
    if not raw:
        raise WebhookSignatureError("the body is empty: a Wix webhook's body is a JWT")
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        raise WebhookSignatureError(
            "the body is not a JWT (it holds characters a JWT never has)"
        ) from None


@functools.lru_cache(maxsize=8)
def _public_key(pem: bytes) -> RSAPublicKey:
    try:
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey
        from cryptography.hazmat.primitives.serialization import load_pem_public_key
    except ImportError:
        raise ConfigurationError(
            f"verifying webhooks needs PyJWT with cryptography: {_EXTRA}"
        ) from None
    try:
        key = load_pem_public_key(pem.strip())
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, RSAPublicKey):
        raise ConfigurationError(
            "public_key is not an RSA public key in PEM form ('-----BEGIN PUBLIC KEY-----'...): "
            "copy it from the workspace's Settings > Webhooks > Get Public Key"
        )
    return key
