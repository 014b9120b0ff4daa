"""httpx auth plugins: the legacy HMAC signature, and the API key of the v2 APIs."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from datetime import UTC, datetime, timedelta
from typing import Literal
from urllib.parse import quote

import httpx

from wixauth.canonical import collect_parts, request_string, unquote_query, wix_headers
from wixauth.errors import CredentialsError
from wixauth.signing import format_timestamp, keyed_mac, signature_of

__all__ = ["Placement", "WixApiKeyAuth", "WixSignatureAuth"]

Placement = Literal["header", "query"]
"""Where `WixSignatureAuth` puts the wix parameters and the signature: headers or the query."""

# What the auth owns and renews on every send, in both places, so no stale copy survives a re-send.
_FRESH_HEADERS = ("x-wix-timestamp", "x-wix-signature")
_FRESH_QUERY = frozenset({b"timestamp", b"signature"})


_ONE_MILLISECOND = timedelta(milliseconds=1)


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _query_pair(name: str, value: str) -> bytes:
    return f"{quote(name, safe='')}={quote(value, safe='')}".encode("ascii")


def _checked(what: str, value: str) -> str:
    if not value:
        raise CredentialsError(f"{what} is empty")
    if "\r" in value or "\n" in value:
        raise CredentialsError(f"{what} contains a line break")
    return value


class WixSignatureAuth(httpx.Auth):
    """Sign requests for the legacy Wix HTTP API (``https://openapi.wix.com/v1``).

    Adds the application id, the instance id and the timestamp, as ``x-wix-*`` headers
    (``placement="header"``) or as the ``application-id``, ``instance-id`` and ``timestamp`` query
    parameters (``placement="query"``), then the signature (``x-wix-signature`` header or
    ``signature`` query parameter). `version`, if given, is always sent as the ``version`` query
    parameter, which is where the legacy API reads it.

    What the request already carries: an application id, an instance id or a version (in either
    form) is kept, so one request can address another instance. The timestamp and the signature
    are owned by the auth: every pass through the flow, a re-send of the same request object
    included, drops any old ones (header and query forms alike) and signs afresh with the time of
    `clock`, so a retried request is never refused as stale; a send within the same millisecond
    as the one before gets the next millisecond, so it is never refused as a replay either.
    """

    requires_request_body = True

    def __init__(
        self,
        secret: str,
        application_id: str,
        instance_id: str,
        *,
        placement: Placement = "header",
        version: str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        if placement not in ("header", "query"):
            raise CredentialsError(f"placement must be 'header' or 'query', not {placement!r}")
        self._mac = keyed_mac(secret)
        self.application_id = _checked("application_id", application_id)
        self.instance_id = _checked("instance_id", instance_id)
        self.placement: Placement = placement
        self.version = None if version is None else _checked("version", version)
        self._clock = clock or _utc_now
        self._lock = threading.Lock()
        self._last: datetime | None = None
        self._application_pair = _query_pair("application-id", application_id)
        self._instance_pair = _query_pair("instance-id", instance_id)
        self._version_pair = None if version is None else _query_pair("version", version)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(secret='***', application_id={self.application_id!r}, "
            f"instance_id={self.instance_id!r}, placement={self.placement!r}, "
            f"version={self.version!r})"
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's hook: sign each request as it is sent (a retry is signed afresh)."""
        self.sign(request)
        yield request

    def _timestamp(self) -> str:
        """The clock's time, to the millisecond, and later than any this auth sent before: two
        sends (a retry within the same millisecond included) never share a timestamp, so never a
        signature, which a server may accept only once."""
        moment = self._clock()
        text = format_timestamp(moment)  # refuses a naive clock
        moment = moment.astimezone(UTC).replace(microsecond=moment.microsecond // 1000 * 1000)
        with self._lock:
            if self._last is not None and moment <= self._last:
                moment = self._last + _ONE_MILLISECOND
                text = format_timestamp(moment)
            self._last = moment
        return text

    def sign(self, request: httpx.Request) -> None:
        """Add the wix parameters, a fresh timestamp and the signature to `request`, in place."""
        timestamp = self._timestamp()
        headers = request.headers
        header_names = {name for name, _ in wix_headers(headers)}

        # The query as it was, less any old timestamp or signature.
        query = request.url.query
        pairs: list[bytes] = []
        query_names: set[bytes] = set()
        query_changed = False
        for pair in query.split(b"&") if query else ():
            name = unquote_query(pair.partition(b"=")[0])
            if name in _FRESH_QUERY:
                query_changed = True
            else:
                pairs.append(pair)
                query_names.add(name)

        add_application = not (
            b"application-id" in query_names or b"x-wix-application-id" in header_names
        )
        add_instance = not (b"instance-id" in query_names or b"x-wix-instance-id" in header_names)
        if self.placement == "header":
            if add_application:
                headers["x-wix-application-id"] = self.application_id
            if add_instance:
                headers["x-wix-instance-id"] = self.instance_id
            headers["x-wix-timestamp"] = timestamp  # replaces any old one
        else:
            for stale in _FRESH_HEADERS:
                if stale.encode() in header_names:
                    del headers[stale]
            if add_application:
                pairs.append(self._application_pair)
            if add_instance:
                pairs.append(self._instance_pair)
            pairs.append(_query_pair("timestamp", timestamp))
            query_changed = True
        if self._version_pair is not None and b"version" not in query_names:
            pairs.append(self._version_pair)
            query_changed = True

        new_query = b"&".join(pairs) if query_changed else query
        # Sign the request as it will be sent: its final query, its final headers.
        params = collect_parts(new_query, headers.raw)[0]
        signature = signature_of(self._mac, request_string(request, params))
        if self.placement == "header":
            headers["x-wix-signature"] = signature  # replaces any old one
        else:
            new_query += b"&signature=" + signature.encode("ascii")
        if new_query != query:
            request.url = request.url.copy_with(query=new_query or None)


class WixApiKeyAuth(httpx.Auth):
    """Authenticate to the Wix v2 APIs with an API key.

    Sends ``Authorization: <api key>`` (the key itself, no ``Bearer``) and, for account-level
    calls, ``wix-account-id``, or for site-level calls ``wix-site-id``; never both. With neither
    id the key is sent alone. A request that already carries ``wix-account-id`` or ``wix-site-id``
    keeps its own and gets no other id added.
    """

    def __init__(
        self, api_key: str, *, account_id: str | None = None, site_id: str | None = None
    ) -> None:
        self._api_key = _checked("api_key", api_key)
        if account_id is not None and site_id is not None:
            raise CredentialsError(
                "give account_id (account-level APIs) or site_id (site-level APIs), not both: "
                "Wix refuses a request that sends wix-account-id and wix-site-id together"
            )
        self.account_id = None if account_id is None else _checked("account_id", account_id)
        self.site_id = None if site_id is None else _checked("site_id", site_id)
        self._id_header: tuple[str, str] | None = None
        if self.account_id is not None:
            self._id_header = ("wix-account-id", self.account_id)
        elif self.site_id is not None:
            self._id_header = ("wix-site-id", self.site_id)

    def __repr__(self) -> str:
        ids = (f", account_id={self.account_id!r}" if self.account_id is not None else "") + (
            f", site_id={self.site_id!r}" if self.site_id is not None else ""
        )
        return f"{type(self).__name__}(api_key='***'{ids})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """httpx's hook: set ``Authorization`` and the account or site header on each request."""
        headers = request.headers
        headers["Authorization"] = self._api_key
        if (
            self._id_header is not None
            and "wix-account-id" not in headers
            and "wix-site-id" not in headers
        ):
            headers[self._id_header[0]] = self._id_header[1]
        yield request
