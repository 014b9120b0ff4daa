"""Exceptions of wixauth.

`SignatureError` and its subclasses are what `verify_request` raises for a request it refuses; each
carries the HTTP status a server should answer with (the legacy API answered 400 when the wix
parameters were missing and 403 for a stale timestamp or a wrong signature).

`UnsignableRequest` and `CredentialsError` are `ValueError`s raised on the signing side, for a request
or a configuration that cannot be signed safely. No message ever contains a secret.
"""

from __future__ import annotations

__all__ = [
    "BadSignature",
    "CredentialsError",
    "ExpiredTimestamp",
    "InvalidTimestamp",
    "MissingHeader",
    "MissingSignature",
    "SignatureError",
    "UnsignableRequest",
]


class SignatureError(Exception):
    """A signed request was refused by `verify_request`."""

    http_status: int = 403


class MissingSignature(SignatureError):
    """Neither an `x-wix-signature` header nor a `signature` query parameter was sent."""

    http_status = 400


class MissingHeader(SignatureError):
    """The application id, the instance id or the timestamp is missing or empty."""

    http_status = 400


class BadSignature(SignatureError):
    """The signature is malformed or does not match the request."""

    #: the legacy API's code for "Signature verification failure"
    wix_error_code = -23004


class ExpiredTimestamp(SignatureError):
    """The timestamp is further in the past or the future than the allowed age."""


class InvalidTimestamp(ExpiredTimestamp):
    """The timestamp cannot be read.

    A subclass of `ExpiredTimestamp`: a timestamp that cannot be read cannot be shown to be fresh,
    so code that handles stale timestamps handles this one too.
    """


class UnsignableRequest(ValueError):
    """The request cannot be signed safely (a line break in a value, a body not read yet)."""


class CredentialsError(ValueError):
    """The credentials given to an auth class are unusable (empty, both ids at once, ...)."""
