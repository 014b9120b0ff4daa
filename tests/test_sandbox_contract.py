"""Contract tests: schemathesis runs every phase and every check of openapi.yaml against the sandbox.

In process, over ASGI: examples, coverage, fuzzing and stateful (the spec's links), once with the
API key and once with requests signed by `wixauth.WixSignatureAuth`. Example counts stay small and
the same everywhere (the whole file takes about twenty seconds of one core), so that a local run
is the run CI makes.

Where a 400 is right for data the schema cannot rule out, `positive_data_acceptance` also accepts
400 for that operation (see `POSITIVE_400`), and where the state of a site refuses a request, its
documented 400 or 428 (`POSITIVE_REFUSED`); everything else must hold as the checks demand.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import httpx
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from schemathesis.engine import Status, events
from schemathesis.engine import from_schema as engine_for

from tests.contract.site_instances import register
from tests.sandbox_fixtures import ACCOUNT, APP_ID, APP_SECRET, KEY, make_sandbox
from wixauth import WixSignatureAuth
from wixsandbox import Sandbox
from wixsandbox.spec import load_spec

Scope = MutableMapping[str, Any]
App = Callable[
    [Scope, Callable[[], Awaitable[Any]], Callable[[Any], Awaitable[None]]], Awaitable[None]
]

# Schema-valid requests the spec answers with a 400: a malformed or expired cursor, a filter with
# an unknown operator or a value of the wrong shape (Filter is an open object), a cursor together
# with a filter.
POSITIVE_400 = ("querySites", "countSites", "queryFolders")
# Schema-valid requests the state of the sites refuses: publishing a site in the trash is a 428
# SITE_IN_TRASH (the stateful phase publishes the sites a query returns, trashed ones too); a
# transfer of a site that is not in the source account is Wix's 400 SITE_NOT_FOUND, of a paid
# site its 428 SITE_TRANSFER_NOT_SUPPORTED.
POSITIVE_REFUSED = {"publishSite": ["428"], "transferSite": ["400", "428"]}
SIGN_MARKER = "sign-with-wixauth"
EXAMPLES = 8  # per operation and phase
STATEFUL_STEPS = 12


def config(headers: dict[str, str]) -> SchemathesisConfig:
    return SchemathesisConfig.from_dict(
        {
            "headers": headers,
            "seed": 1,
            "generation": {"max-examples": EXAMPLES, "database": "none"},
            "phases": {
                "examples": {"enabled": True},
                "coverage": {"enabled": True},
                "fuzzing": {"enabled": True},
                "stateful": {"enabled": True, "max-steps": STATEFUL_STEPS},
            },
            "checks": {"enabled": True},
            "operations": [
                {
                    "include-operation-id": operation,
                    "checks": {
                        "positive_data_acceptance": {
                            "expected-statuses": ["2xx", "401", "403", "404", "409", *refused]
                        }
                    },
                }
                for operation, refused in {
                    **{operation: ["400"] for operation in POSITIVE_400},
                    **POSITIVE_REFUSED,
                }.items()
            ],
        }
    )


def signing(app: App) -> App:
    """Sign, with `WixSignatureAuth`, each request that carries the marker API key.

    Schemathesis cannot sign a request itself (the signature covers the exact body), so the
    marker stands for the credentials: a request that keeps it is signed on the way in, and one
    whose credentials schemathesis removed (to check that they matter) arrives unsigned.
    """
    auth = WixSignatureAuth(APP_SECRET, APP_ID, ACCOUNT)

    async def signed(
        scope: Scope, receive: Callable[[], Awaitable[Any]], send: Callable[[Any], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"authorization"]
        site = next((v for k, v in headers if k.lower() == b"wix-site-id"), None)
        if site is not None:  # signed for the instance of the site it acts on
            headers.append((b"x-wix-instance-id", site))
        marked = any(
            k.lower() == b"authorization" and v == SIGN_MARKER.encode() for k, v in scope["headers"]
        )
        if not marked:
            await app(scope, receive, send)
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        query = scope.get("query_string") or b""
        raw = (scope.get("raw_path") or scope["path"].encode()) + (b"?" + query if query else b"")
        request = httpx.Request(
            scope["method"],
            httpx.URL(scheme="http", host="sandbox", raw_path=raw),
            headers=headers,
            content=body,
        )
        auth.sign(request)
        path, _, query = request.url.raw_path.partition(b"?")
        new_scope = {
            **scope,
            "headers": list(request.headers.raw),
            "raw_path": path,
            "query_string": query,
        }
        sent = False

        async def replay() -> Any:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await app(new_scope, replay, send)

    return signed


def run_schemathesis(sandbox: Sandbox, app: App, headers: dict[str, str]) -> list[str]:
    schema = schemathesis.openapi.from_dict(load_spec(), config=config(headers))
    schema.app = app
    problems: list[str] = []
    seen: dict[str, int] = {}
    for event in engine_for(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            seen[str(event.phase)] = seen.get(str(event.phase), 0) + 1
            if event.status in (Status.FAILURE, Status.ERROR):
                for checks in event.recorder.checks.values():
                    for check in checks:
                        if check.status == Status.FAILURE and check.failure_info is not None:
                            failure = check.failure_info.failure
                            status = getattr(failure, "status_code", "")
                            problems.append(
                                f"{event.label}: {check.name}: {failure.title} [{status}]: {failure.message}"
                            )
                if not problems:
                    problems.append(f"{event.label}: {event.status} in {event.phase}")
        elif isinstance(event, (events.NonFatalError, events.FatalError)):
            problems.append(
                f"error: {getattr(event, 'info', None) or getattr(event, 'exception', event)}"
            )
    assert sandbox.response_violations == []
    for phase in ("examples", "coverage", "fuzzing", "stateful"):
        assert any(phase in name.lower() for name in seen), (phase, seen)
    return sorted(set(problems))


@pytest.fixture
def sandbox() -> Sandbox:
    sandbox = make_sandbox()
    sandbox.seed(ACCOUNT, sites=40, folders=5, seed=2)
    register(sandbox, APP_ID, ACCOUNT)  # an instance for each site, for signed site-level calls
    return sandbox


def test_contract_with_api_key(sandbox: Sandbox) -> None:
    problems = run_schemathesis(
        sandbox, sandbox.asgi_app(), {"Authorization": KEY, "wix-account-id": ACCOUNT}
    )
    assert problems == []


def test_contract_with_signed_requests(sandbox: Sandbox) -> None:
    problems = run_schemathesis(
        sandbox, signing(sandbox.asgi_app()), {"Authorization": SIGN_MARKER}
    )
    assert problems == []
