"""`WixSites` and `AsyncWixSites`: the entry points.

Both are built on the generated `wix_sites_api.Client`, with our own httpx client set on it: it
carries the auth (signing each attempt), and its transport paces, logs and maps errors. The
generated functions do the wire work; retries run around them.
"""

from __future__ import annotations

import random
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, Self, Unpack

import httpx
import wix_sites_api

from wixauth import CredentialsError, WixApiKeyAuth, WixSignatureAuth
from wixsites import __version__
from wixsites import operations as ops
from wixsites.bulk import MoveReport, Progress
from wixsites.config import DEFAULT_BASE_URL, check_base_url, check_credential, env_credentials
from wixsites.errors import ConfigurationError
from wixsites.folders import AsyncFolders, Folders
from wixsites.ids import FolderRef
from wixsites.limits import DEFAULT_DEADLINE, DEFAULT_MAX_RESPONSE_BYTES
from wixsites.logs import setup_logging
from wixsites.options import CallOptions, Options, check_deadline, check_retry, check_timeout
from wixsites.ratelimit import TokenBucket
from wixsites.raw import AsyncRawWixSites, RawWixSites
from wixsites.redaction import Redactor, mask_url, url_secrets
from wixsites.retry import RetryPolicy
from wixsites.runner import AsyncRunner, SyncRunner
from wixsites.sites import AsyncSites, Sites
from wixsites.transport import (
    AsyncHttpClient,
    AsyncWireTransport,
    HttpClient,
    OnRequest,
    WireTransport,
)

__all__ = ["DEFAULT_RETRY", "AsyncWixSites", "WixSites"]

DEFAULT_RETRY = RetryPolicy()
USER_AGENT = f"wixsites-python/{__version__}"
# Only the encodings the transport decodes under its size cap (httpx would add br and zstd when
# their packages are installed).
_HEADERS = {"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"}


def _int_option(name: str, value: object, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigurationError(f"{name} must be an integer of at least {minimum}, not {value!r}")
    return value


class _Settings:
    """What both clients are made of, checked once."""

    def __init__(
        self,
        auth: httpx.Auth,
        secrets: Iterable[str],
        identity: str,
        base_url: str | None,
        *,
        retry: RetryPolicy | None,
        rate_limit: float | None,
        timeout: float | httpx.Timeout,
        on_request: OnRequest | None,
        rng: random.Random | None,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
    ) -> None:
        setup_logging()
        self.auth = auth
        self.identity = identity
        self.base_url = check_base_url(base_url)
        self.redact = Redactor([*secrets, *url_secrets(self.base_url)])
        self.max_response_bytes = _int_option("max_response_bytes", max_response_bytes, 1024)
        if rate_limit is not None and (isinstance(rate_limit, bool) or rate_limit <= 0):
            raise ConfigurationError(
                f"rate_limit is requests per minute (> 0), or None for no limit; not {rate_limit!r}"
            )
        self.limiter = None if rate_limit is None else TokenBucket(float(rate_limit))
        self.options = Options(
            retry=check_retry(retry),
            deadline=check_deadline(deadline),
            timeout=check_timeout(timeout),
            headers={},
        )
        self.on_request = on_request
        self.rng = rng

    def runner_options(self) -> dict[str, Any]:
        return {
            "redact": self.redact,
            "rng": self.rng,
            "max_response_bytes": self.max_response_bytes,
        }


def _api_key_settings(
    api_key: str | None, account_id: str | None, base_url: str | None, **options: Any
) -> _Settings:
    missing = [n for n, v in (("api_key", api_key), ("account_id", account_id)) if not v]
    if not missing:
        check_credential("api_key", api_key)
        check_credential("account_id", account_id)
    if missing:
        raise ConfigurationError(
            f"missing {' and '.join(missing)}: pass api_key= (an account-level API key from the Wix "
            "API Keys Manager) and account_id=, or use WixSites.from_env() with WIX_API_KEY and "
            "WIX_ACCOUNT_ID set",
            code="MISSING_CREDENTIALS",
        )
    try:
        auth = WixApiKeyAuth(str(api_key), account_id=str(account_id))
    except CredentialsError as exc:
        raise ConfigurationError(f"bad credentials: {exc}") from None
    return _Settings(auth, [str(api_key)], f"account_id={account_id!r}", base_url, **options)


def _signature_settings(
    application_id: str, instance_id: str, secret: str, base_url: str | None, **options: Any
) -> _Settings:
    for what, credential in (
        ("application_id", application_id),
        ("instance_id", instance_id),
        ("secret", secret),
    ):
        check_credential(what, credential)
    try:
        auth = WixSignatureAuth(secret, application_id, instance_id)
    except CredentialsError as exc:
        raise ConfigurationError(f"bad signing credentials: {exc}") from None
    identity = f"application_id={application_id!r}, instance_id={instance_id!r}"
    return _Settings(auth, [secret], identity, base_url, **options)


class _Common:
    _settings: _Settings

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    def __repr__(self) -> str:
        s = self._settings
        return f"{type(self).__name__}(base_url={mask_url(s.base_url)!r}, {s.identity})"


class WixSites(_Common):
    """The Wix account's sites and folders.

        with WixSites(api_key=..., account_id=...) as wix:
            for site in wix.sites.query({"published": True}, sort="createdDate:desc"):
                ...
            report = wix.sites.move(site_ids, wix.folders.find("Clients/Acme"))

    `transport`: an httpx transport (the sandbox's in-process one, a MockTransport...);
    `retry`: a `RetryPolicy` (None: no retry); `rate_limit`: requests per minute shared by every
    call of this client (None: off); `timeout`: httpx's timeouts (connect, each read, each write);
    `deadline`: seconds one request may take in all, its retries, the waits between them and the
    reading of each answer included (None: no deadline), past which `DeadlineExceeded` is raised;
    `max_response_bytes`: the largest answer read (after decompression), past which
    `InvalidResponse` is raised; `on_request`: called with a
    `RequestInfo` after each HTTP attempt (also logged on the "wixsites" logger at DEBUG, which
    ``WIXSITES_LOG=debug`` prints); `sleep` and `rng` are for tests.

    Each call also takes `timeout`, `deadline`, `retry` and `headers` for itself (`CallOptions`),
    and `with_options(...)` gives the client with other defaults; `with_raw_response` gives the
    HTTP answer behind a result.
    """

    def __init__(
        self,
        api_key: str | None = None,
        account_id: str | None = None,
        base_url: str | None = DEFAULT_BASE_URL,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limit: float | None = 200,
        timeout: float | httpx.Timeout = 30.0,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        on_request: OnRequest | None = None,
        sleep: Callable[[float], None] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        settings = _api_key_settings(
            api_key,
            account_id,
            base_url,
            retry=retry,
            rate_limit=rate_limit,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            on_request=on_request,
            rng=rng,
        )
        self._open(settings, transport, sleep)

    @classmethod
    def from_signature(
        cls,
        application_id: str,
        instance_id: str,
        secret: str,
        base_url: str | None = DEFAULT_BASE_URL,
        *,
        transport: httpx.BaseTransport | None = None,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limit: float | None = 200,
        timeout: float | httpx.Timeout = 30.0,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        on_request: OnRequest | None = None,
        sleep: Callable[[float], None] | None = None,
        rng: random.Random | None = None,
    ) -> Self:
        """A client that signs its requests with the app's HMAC secret (the legacy scheme; the
        sandbox accepts it, the live v2 APIs do not)."""
        settings = _signature_settings(
            application_id,
            instance_id,
            secret,
            base_url,
            retry=retry,
            rate_limit=rate_limit,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            on_request=on_request,
            rng=rng,
        )
        self = cls.__new__(cls)
        self._open(settings, transport, sleep)
        return self

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> Self:
        """A client from WIX_API_KEY, WIX_ACCOUNT_ID and WIX_BASE_URL (optional)."""
        api_key, account_id, base_url = env_credentials(environ)
        return cls(api_key=api_key, account_id=account_id, base_url=base_url, **options)

    def _open(
        self,
        settings: _Settings,
        transport: httpx.BaseTransport | None,
        sleep: Callable[[float], None] | None,
    ) -> None:
        self._settings = settings
        wait = time.sleep if sleep is None else sleep
        wire = WireTransport(
            transport or httpx.HTTPTransport(),
            limiter=settings.limiter,
            sleep=wait,
            on_request=settings.on_request,
            redact=settings.redact,
            max_response_bytes=settings.max_response_bytes,
        )
        self._http = HttpClient(
            base_url=settings.base_url,
            auth=settings.auth,
            transport=wire,
            timeout=settings.options.timeout,
            headers=_HEADERS,
        )
        # The generated client only shows its base URL (in its repr): every request goes through
        # `self._http`, which has the real one. So it gets the URL with its password masked.
        self.api = wix_sites_api.Client(base_url=mask_url(settings.base_url)).set_httpx_client(
            self._http
        )
        self._bind(SyncRunner(self.api, settings.options, sleep=wait, **settings.runner_options()))

    def _bind(self, runner: SyncRunner) -> None:
        self._runner = runner
        self._sites = Sites(runner)
        self._folders = Folders(runner)

    def with_options(self, **options: Unpack[CallOptions]) -> Self:
        """This client with other options for its calls: ``wix.with_options(deadline=10,
        retry=None).sites.count()``. What is not given stays as it is; `headers` are added to
        those already set (a name given again replaces its value).

        The new client shares this one's connection pool and rate limit (it is the same account
        and the same connections): make as many as you like, and close either to close the pool.
        """
        view = type(self).__new__(type(self))
        view._settings, view._http, view.api = self._settings, self._http, self.api
        view._bind(self._runner.with_options(options))
        return view

    @property
    def with_raw_response(self) -> RawWixSites:
        """The calls that make one request, returning the HTTP answer with the result:
        ``raw = wix.with_raw_response.sites.count()``; ``raw.status_code``, ``raw.headers``,
        ``raw.request_id``, ``raw.parse()`` (see `RawResponse`)."""
        return RawWixSites(self)

    @property
    def sites(self) -> Sites:
        """The account's sites: ``query``, ``count``, ``move``, ``trash``, ``duplicate``,
        ``publish``, ``transfer``."""
        return self._sites

    @property
    def folders(self) -> Folders:
        """The account's folders: ``query``, ``get``, ``find``, ``ensure``, ``create``,
        ``rename``, ``move``, ``delete``, ``of_site``, ``tree``."""
        return self._folders

    def move_sites(
        self,
        site_ids: Iterable[str],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`sites.move`, under the name of the Wix operation it sends."""
        return self.sites.move(site_ids, target, progress, **options)

    def move_folders(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`folders.move`, under the name of the Wix operation it sends."""
        return self.folders.move(folder_ids, target, progress, **options)

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        **options: Unpack[CallOptions],
    ) -> Any:
        """Call any Wix endpoint (`path` under the base URL) with this client's auth, pacing,
        retries, logging and errors; returns the parsed JSON answer (``{}`` for an empty one).
        `headers` are sent too: ``{"wix-site-id": ...}`` makes it a site-level call (Publish
        Site), sent without ``wix-account-id``."""
        call = ops.raw_call(method, path, json, params)
        return self._runner.with_options(options).run(call)

    def close(self) -> None:
        """Close the connections (``with WixSites(...) as wix:`` does it on leaving)."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncWixSites(_Common):
    """`WixSites` for asyncio: the same API with `await` (``async for`` over queries), and bulk
    moves that run up to `max_concurrency` batches at once."""

    def __init__(
        self,
        api_key: str | None = None,
        account_id: str | None = None,
        base_url: str | None = DEFAULT_BASE_URL,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limit: float | None = 200,
        timeout: float | httpx.Timeout = 30.0,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        on_request: OnRequest | None = None,
        max_concurrency: int = 4,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        rng: random.Random | None = None,
    ) -> None:
        settings = _api_key_settings(
            api_key,
            account_id,
            base_url,
            retry=retry,
            rate_limit=rate_limit,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            on_request=on_request,
            rng=rng,
        )
        self._open(settings, transport, sleep, max_concurrency)

    @classmethod
    def from_signature(
        cls,
        application_id: str,
        instance_id: str,
        secret: str,
        base_url: str | None = DEFAULT_BASE_URL,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        retry: RetryPolicy | None = DEFAULT_RETRY,
        rate_limit: float | None = 200,
        timeout: float | httpx.Timeout = 30.0,
        deadline: float | None = DEFAULT_DEADLINE,
        max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
        on_request: OnRequest | None = None,
        max_concurrency: int = 4,
        sleep: Callable[[float], Awaitable[None]] | None = None,
        rng: random.Random | None = None,
    ) -> Self:
        """`WixSites.from_signature`, for asyncio."""
        settings = _signature_settings(
            application_id,
            instance_id,
            secret,
            base_url,
            retry=retry,
            rate_limit=rate_limit,
            timeout=timeout,
            deadline=deadline,
            max_response_bytes=max_response_bytes,
            on_request=on_request,
            rng=rng,
        )
        self = cls.__new__(cls)
        self._open(settings, transport, sleep, max_concurrency)
        return self

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **options: Any) -> Self:
        """A client from WIX_API_KEY, WIX_ACCOUNT_ID and WIX_BASE_URL (optional)."""
        api_key, account_id, base_url = env_credentials(environ)
        return cls(api_key=api_key, account_id=account_id, base_url=base_url, **options)

    def _open(
        self,
        settings: _Settings,
        transport: httpx.AsyncBaseTransport | None,
        sleep: Callable[[float], Awaitable[None]] | None,
        max_concurrency: int,
    ) -> None:
        import asyncio  # here: a program that never awaits need not load asyncio

        _int_option("max_concurrency", max_concurrency, 1)
        self._settings = settings
        wait = asyncio.sleep if sleep is None else sleep
        wire = AsyncWireTransport(
            transport or httpx.AsyncHTTPTransport(),
            limiter=settings.limiter,
            sleep=wait,
            on_request=settings.on_request,
            redact=settings.redact,
            max_response_bytes=settings.max_response_bytes,
        )
        self._http = AsyncHttpClient(
            base_url=settings.base_url,
            auth=settings.auth,
            transport=wire,
            timeout=settings.options.timeout,
            headers=_HEADERS,
        )
        # as in WixSites: the generated client's base URL is only shown, never used
        self.api = wix_sites_api.Client(
            base_url=mask_url(settings.base_url)
        ).set_async_httpx_client(self._http)
        self.max_concurrency = max_concurrency
        self._bind(AsyncRunner(self.api, settings.options, sleep=wait, **settings.runner_options()))

    def _bind(self, runner: AsyncRunner) -> None:
        self._runner = runner
        self._sites = AsyncSites(runner, self.max_concurrency)
        self._folders = AsyncFolders(runner, self.max_concurrency)

    def with_options(self, **options: Unpack[CallOptions]) -> Self:
        """`WixSites.with_options`: the same client with other options for its calls, sharing
        its connection pool and rate limit."""
        view = type(self).__new__(type(self))
        view._settings, view._http, view.api = self._settings, self._http, self.api
        view.max_concurrency = self.max_concurrency
        view._bind(self._runner.with_options(options))
        return view

    @property
    def with_raw_response(self) -> AsyncRawWixSites:
        """`WixSites.with_raw_response`, awaited."""
        return AsyncRawWixSites(self)

    @property
    def sites(self) -> AsyncSites:
        """The account's sites: ``query`` (``async for``), ``count``, ``move``, ``trash``,
        ``duplicate``, ``publish``, ``transfer``."""
        return self._sites

    @property
    def folders(self) -> AsyncFolders:
        """The account's folders: ``query``, ``get``, ``find``, ``ensure``, ``create``,
        ``rename``, ``move``, ``delete``, ``of_site``, ``tree`` (``await`` or ``async for``)."""
        return self._folders

    async def move_sites(
        self,
        site_ids: Iterable[str],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`sites.move`, awaited."""
        return await self.sites.move(site_ids, target, progress, **options)

    async def move_folders(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`folders.move`, awaited."""
        return await self.folders.move(folder_ids, target, progress, **options)

    async def request(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, str] | None = None,
        **options: Unpack[CallOptions],
    ) -> Any:
        """`WixSites.request`, awaited."""
        call = ops.raw_call(method, path, json, params)
        return await self._runner.with_options(options).run(call)

    async def aclose(self) -> None:
        """Close the connections (``async with AsyncWixSites(...) as wix:`` does it on leaving)."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
