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

import schemathesis

from tests.contract.requests_signing import SignedRequests
from wixauth import WixSignatureAuth


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
