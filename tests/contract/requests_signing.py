"""A `requests` auth that signs each request with `wixauth` as it is sent, its exact bytes included
(used by the schemathesis CLI run, whose transport is `requests`). A request that names a site in
wix-site-id is signed for that site's instance (see `tests.contract.site_instances`)."""

from __future__ import annotations

import httpx
import requests

from tests.contract.site_instances import with_site_instance
from wixauth import WixSignatureAuth


class SignedRequests(requests.auth.AuthBase):
    def __init__(self, auth: WixSignatureAuth) -> None:
        self._auth = auth

    def __call__(self, prepared: requests.PreparedRequest) -> requests.PreparedRequest:
        body = prepared.body
        # A text body goes out as http.client sends it: ISO-8859-1 (JSON bodies are bytes already).
        content = body.encode("iso-8859-1") if isinstance(body, str) else body
        if not isinstance(content, bytes):  # no body (None); a streamed body is never sent here
            content = b""
        headers = with_site_instance(
            {
                name: value.decode("latin-1") if isinstance(value, bytes) else value
                for name, value in prepared.headers.items()
            }
        )
        request = httpx.Request(
            str(prepared.method), str(prepared.url), headers=headers, content=content
        )
        self._auth.sign(request)
        for name, value in request.headers.items():
            if name.lower().startswith("x-wix-"):
                prepared.headers[name] = value
        return prepared
