"""httpx auth plugins for Wix: the legacy HMAC request signature and the v2 API key.

    client = httpx.Client(auth=WixSignatureAuth(secret, application_id, instance_id))
    client = httpx.Client(auth=WixApiKeyAuth(api_key, account_id=account_id))

`verify_request` is the server side of the signature.
"""

from wixauth.auth import Placement, WixApiKeyAuth, WixSignatureAuth
from wixauth.canonical import canonical_string, string_to_sign
from wixauth.errors import (
    BadSignature,
    CredentialsError,
    ExpiredTimestamp,
    InvalidTimestamp,
    MissingHeader,
    MissingSignature,
    SignatureError,
    UnsignableRequest,
)
from wixauth.signing import format_timestamp, parse_timestamp, sign_request, verify_request

__all__ = [
    "BadSignature",
    "CredentialsError",
    "ExpiredTimestamp",
    "InvalidTimestamp",
    "MissingHeader",
    "MissingSignature",
    "Placement",
    "SignatureError",
    "UnsignableRequest",
    "WixApiKeyAuth",
    "WixSignatureAuth",
    "canonical_string",
    "format_timestamp",
    "parse_timestamp",
    "sign_request",
    "string_to_sign",
    "verify_request",
]
