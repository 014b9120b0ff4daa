"""Schemathesis hooks (`SCHEMATHESIS_HOOKS=tests.contract.schemathesis_signing`): sign every request.

The schemathesis CLI cannot compute the legacy `x-wix-signature` itself. This registers a `requests`
auth (schemathesis's `auth.set_from_requests`, the client side of the exchange) that signs each
request as it is sent, its exact bytes included, with `wixauth.WixSignatureAuth`. Schemathesis
treats it as explicit authentication, so its `ignored_auth` check still sends probes without it.
The app id, its secret and the account (instance) id come from WIX_APP_ID, WIX_APP_SECRET and
WIX_ACCOUNT_ID.
"""

from __future__ import annotations

import os

import httpx
import requests
import schemathesis

from wixauth import WixSignatureAuth


class SignedRequests(requests.auth.AuthBase):
    def __init__(self, auth: WixSignatureAuth) -> None:
        self._auth = auth

    def __call__(self, prepared: requests.PreparedRequest) -> requests.PreparedRequest:
        body = prepared.body
        content = body.encode("utf-8") if isinstance(body, str) else body
        if not isinstance(content, bytes):  # no body (None); a streamed body is never sent here
            content = b""
        headers = {
            name: value.decode("latin-1") if isinstance(value, bytes) else value
            for name, value in prepared.headers.items()
        }
        request = httpx.Request(
            str(prepared.method), str(prepared.url), headers=headers, content=content
        )
        self._auth.sign(request)
        for name, value in request.headers.items():
            if name.lower().startswith("x-wix-"):
                prepared.headers[name] = value
        return prepared


def _from_environment() -> WixSignatureAuth:
    missing = [
        n for n in ("WIX_APP_ID", "WIX_APP_SECRET", "WIX_ACCOUNT_ID") if not os.environ.get(n)
    ]
    if missing:
        raise SystemExit(f"schemathesis_signing: set {', '.join(missing)} to sign requests")
    return WixSignatureAuth(
        os.environ["WIX_APP_SECRET"], os.environ["WIX_APP_ID"], os.environ["WIX_ACCOUNT_ID"]
    )


# `schemathesis.auth.set_from_requests` is documented, but typed as a plain function's attribute.
schemathesis.auth.set_from_requests(SignedRequests(_from_environment()))  # type: ignore[attr-defined]
