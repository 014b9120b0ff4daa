"""The sandbox: a framework-independent core that answers one request at a time.

`Sandbox.handle` routes a `Request` to the operation of openapi.yaml it names, authenticates it,
validates it against the spec, runs the operation in one SQLite transaction and returns a
`Response` (checked against the spec too when `validate_responses` is on). Every answer, errors
included, has the Wix body and an ``x-wix-request-id`` header; no input produces a traceback.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from wixsandbox.accounts import relate
from wixsandbox.auth import authenticate, parse_guid
from wixsandbox.clock import Clock, system_clock, to_ms
from wixsandbox.context import Context
from wixsandbox.cursor import CursorCodec
from wixsandbox.errors import ApiError, FieldViolation, budget_exceeded, invalid, system_error
from wixsandbox.faults import RETRY_AFTER_SECONDS, Fault
from wixsandbox.home import home_response
from wixsandbox.prelimits import oversized
from wixsandbox.replay import SeenSignatures
from wixsandbox.routes import BY_OPERATION
from wixsandbox.seed import SeedSummary, seed_account
from wixsandbox.spec import Operation, PathItem, path_items
from wixsandbox.store import DATA_TABLES, BudgetExceeded, Store
from wixsandbox.validation import FastCheck, SchemaCheck
from wixsandbox.webhooks.outbox import Recorder
from wixsandbox.webhooks.service import Webhooks
from wixsandbox.wire import Request, Response, dump_json, read_json

if TYPE_CHECKING:
    import httpx

    from wixsandbox.app import ASGIApp

log = logging.getLogger("wixsandbox")

# Seconds of database work a request may take (see `Sandbox`): far above what any request of a
# sane size needs, even on a million sites, and short enough that no request holds its
# connection (or, if it writes, the other writers) for long.
TIME_BUDGET = 5.0


@dataclass(frozen=True)
class Credentials:
    """An API key and the account it belongs to."""

    api_key: str
    account_id: str

    def __repr__(self) -> str:
        return f"Credentials(api_key='***', account_id={self.account_id!r})"


class Sandbox:
    """An embedded, stateful stand-in for the Wix account service (Site List v2, Site Folders v2,
    Site Actions v1, Site Publisher v1 and B2B Site Management v1).

    `db` is ``":memory:"`` or a file path (WAL; may be shared by several processes). `clock` returns
    an aware `datetime` (default: the system clock); it stamps created and updated dates, checks
    signature timestamps and expires cursors. With `validate_responses` every answer is checked
    against openapi.yaml; one that does not conform is logged and replaced by a 500. A request
    whose database work takes more than `time_budget` seconds is stopped and answered 400
    `TIME_BUDGET_EXCEEDED`, with nothing changed.

    A change records its account-level webhooks in the same transaction; `webhooks` sends them
    after the commit (see `wixsandbox.webhooks.service`), retrying a failed delivery after
    `webhook_retry_base` seconds, then twice as long each time.
    """

    def __init__(
        self,
        db: str | Path = ":memory:",
        *,
        clock: Clock | None = None,
        validate_responses: bool = True,
        time_budget: float = TIME_BUDGET,
        webhook_retry_base: float = 1.0,
    ) -> None:
        if not time_budget > 0:
            raise ValueError(
                f"time_budget must be a positive number of seconds, not {time_budget!r}"
            )
        self.store = Store(db)
        self.webhooks = Webhooks(self.store, retry_base=webhook_retry_base)
        self.clock: Clock = clock or system_clock
        self.validate_responses = validate_responses
        self.time_budget = time_budget
        self.response_violations: list[str] = []
        self._cursors = CursorCodec(self.store.secret_key("cursor_key"))
        self._seen = SeenSignatures()
        self._check = SchemaCheck()
        self._response_check = FastCheck()
        self._items = path_items()

    def __repr__(self) -> str:
        return f"Sandbox(db={self.store.path!r})"

    # -- set-up ---------------------------------------------------------------------------------

    def add_api_key(self, key: str, account_id: str) -> None:
        """Accept `key` as the API key of `account_id` (replacing an older binding of the key).

        The database keeps only a keyed hash of the key (see `wixsandbox.vault`)."""
        if not key or not account_id:
            raise ValueError("the API key and the account id must not be empty")
        with self.store.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO api_key_digests (digest, account_id) VALUES (?, ?)",
                (self.store.vault.digest(key), account_id.lower()),
            )

    def add_app(self, application_id: str, secret: str) -> None:
        """Accept requests signed with `secret` that name `application_id` (a new secret replaces
        the old one). Its requests still need an instance: see `add_instance`."""
        if not application_id or not secret:
            raise ValueError("the application id and the secret must not be empty")
        with self.store.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO app_secrets (application_id, sealed) VALUES (?, ?)",
                (application_id, self.store.vault.seal(secret)),
            )

    def relate_accounts(self, main_account_id: str, sub_account_ids: list[str]) -> list[str]:
        """Make accounts sub-accounts of a main account (for Transfer Site, and so that the main
        account's API key may act for them); returns those newly related. ValueError, and no
        change, for a relation that cannot be (see `wixsandbox.accounts.relate`)."""
        with self.store.write() as conn:
            return relate(conn, main_account_id.lower(), [s.lower() for s in sub_account_ids])

    def add_instance(
        self,
        instance_id: str | None,
        application_id: str,
        account_id: str | None = None,
        *,
        site_id: str | None = None,
    ) -> str:
        """Bind instance `instance_id` (a GUID; None: a new one) to the app and to `account_id`
        (default: the site's account with `site_id`, else the account whose id is the instance
        id). Signed requests that name the instance in ``x-wix-instance-id`` act for that account,
        and only when the app signed them. With `site_id` the instance is that site's: its signed
        requests act on that site only, and may publish it. Returns the instance id. An instance
        bound to another app, account or site stays so: ValueError."""
        instance = parse_guid(instance_id) if instance_id else str(uuid.uuid4())
        site = parse_guid(site_id) if site_id else ""
        account = parse_guid(account_id) if account_id else None
        if instance is None or site is None or (account_id and account is None):
            raise ValueError("the instance id, the account id and the site id must be GUIDs")
        with self.store.write() as conn:
            if site:
                owner = conn.execute(
                    "SELECT account_id FROM sites WHERE id = ?", (site,)
                ).fetchone()
                if owner is None or account not in (None, str(owner[0])):
                    raise ValueError(f"{site} is not a site of {account or 'any account'}")
                account = str(owner[0])
            account = account or instance
            known = conn.execute(
                "SELECT 1 FROM app_secrets WHERE application_id = ?", (application_id,)
            ).fetchone()
            if known is None:
                raise ValueError(f"unknown application id {application_id!r}: add the app first")
            bound = conn.execute(
                "SELECT application_id, account_id, site_id FROM instances WHERE instance_id = ?",
                (instance,),
            ).fetchone()
            if bound is not None and tuple(map(str, bound)) != (application_id, account, site):
                raise ValueError(
                    f"instance {instance} is already bound to another app, account or site; "
                    "choose another instance id"
                )
            conn.execute(
                "INSERT OR IGNORE INTO instances (instance_id, application_id, account_id, "
                "site_id) VALUES (?, ?, ?, ?)",
                (instance, application_id, account, site),
            )
        return instance

    def site_owner(self, site_id: str) -> str | None:
        """The account that has the site (its id in any letter case); None if none has."""
        with self.store.read() as conn:
            row = conn.execute(
                "SELECT account_id FROM sites WHERE id = ?", (site_id.lower(),)
            ).fetchone()
        return None if row is None else str(row[0])

    def default_credentials(self) -> Credentials:
        """The sandbox's own API key and account, made on first use and kept in the database
        (sealed: it is shown again whenever the sandbox is served)."""
        vault = self.store.vault
        with self.store.write() as conn:
            rows = dict(
                conn.execute(
                    "SELECT key, value FROM meta "
                    "WHERE key IN ('default_api_key_sealed', 'default_account_id')"
                ).fetchall()
            )
            if len(rows) == 2:
                return Credentials(
                    vault.unseal(rows["default_api_key_sealed"]), rows["default_account_id"]
                )
            key, account = "sandbox-" + secrets.token_urlsafe(24), str(uuid.uuid4())
            conn.executemany(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [("default_api_key_sealed", vault.seal(key)), ("default_account_id", account)],
            )
            conn.execute(
                "INSERT OR REPLACE INTO api_key_digests (digest, account_id) VALUES (?, ?)",
                (vault.digest(key), account),
            )
            return Credentials(key, account)

    def seed(self, account_id: str, *, sites: int, folders: int = 0, seed: int = 0) -> SeedSummary:
        """Add `sites` realistic sites and `folders` folders to the account (deterministic)."""
        if sites < 0 or folders < 0:
            raise ValueError("sites and folders must not be negative")
        with self.store.write() as conn:
            return seed_account(
                conn,
                account_id.lower(),
                sites=sites,
                folders=folders,
                seed=seed,
                now_ms=self.now_ms(),
            )

    def reset(self, account_id: str | None = None) -> None:
        """Delete every site and folder (of one account, if given); keys, apps and account
        relations stay."""
        with self.store.write() as conn:
            for table in DATA_TABLES:
                if account_id is None:
                    conn.execute(f"DELETE FROM {table}")
                else:
                    conn.execute(f"DELETE FROM {table} WHERE account_id = ?", (account_id.lower(),))

    def now(self) -> datetime:
        return self.clock()

    def now_ms(self) -> int:
        return to_ms(self.clock())

    # -- front ends -----------------------------------------------------------------------------

    def asgi_app(
        self, *, fault_rate: float = 0.0, fault_seed: int = 0, body_timeout: float | None = None
    ) -> ASGIApp:
        """The ASGI app; with `body_timeout`, a request body that takes longer is a 408."""
        from wixsandbox.app import ASGIApp

        return ASGIApp(
            self, fault_rate=fault_rate, fault_seed=fault_seed, body_timeout=body_timeout
        )

    def transport(self, *, fault_rate: float = 0.0, fault_seed: int = 0) -> httpx.BaseTransport:
        from wixsandbox.transport import SandboxTransport

        return SandboxTransport(self, fault_rate=fault_rate, fault_seed=fault_seed)

    def async_transport(
        self, *, fault_rate: float = 0.0, fault_seed: int = 0
    ) -> httpx.AsyncBaseTransport:
        from wixsandbox.transport import AsyncSandboxTransport

        return AsyncSandboxTransport(self, fault_rate=fault_rate, fault_seed=fault_seed)

    def close(self) -> None:
        """Close the database, after sending for a moment what this process's changes recorded
        (what is not sent stays in the outbox)."""
        self.webhooks.close()
        self.store.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- the core -------------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        """Answer one request. Never raises."""
        home = home_response(request)
        if home is not None:
            return home
        request_id = uuid.uuid4().hex
        operation: Operation | None = None
        try:
            operation, params = self._route(request)
            status, document = self._run(operation, params, request)
        except ApiError as error:
            status, document = error.status, error.body()
            extra = error.headers
        except BudgetExceeded as exceeded:
            stopped = budget_exceeded(exceeded.seconds)
            status, document, extra = stopped.status, stopped.body(), {}
        except sqlite3.OperationalError as exc:  # e.g. a database locked for too long
            log.warning("request %s: store unavailable: %s", request_id, exc)
            status, document, extra = (
                503,
                system_error(503).body(),
                {"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        except Exception:
            log.exception("request %s: internal error", request_id)
            status, document, extra = 500, system_error().body(), {}
        else:
            extra = {}
        if self.validate_responses and operation is not None:
            status, document = self._checked(operation, status, document, request_id)
        return self.respond(status, document, request_id, extra)

    @staticmethod
    def respond(
        status: int, document: Any, request_id: str, headers: dict[str, str] | None = None
    ) -> Response:
        pairs = [("content-type", "application/json"), ("x-wix-request-id", request_id)]
        pairs.extend((headers or {}).items())
        return Response(status, dump_json(document), pairs)

    def fault_response(self, fault: Fault) -> Response | None:
        """The immediate answer of a fault that has one (429, 503); None for the others."""
        retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
        request_id = uuid.uuid4().hex
        if fault is Fault.RATE_LIMITED:
            error = ApiError(
                429,
                "Too many requests: the account's rate limit is 200 requests per minute",
                code="RESOURCE_EXHAUSTED",
            )
            return self.respond(429, error.body(), request_id, retry)
        if fault is Fault.UNAVAILABLE:
            return self.respond(503, system_error(503).body(), request_id, retry)
        return None

    def slow_body_response(self, seconds: float) -> Response:
        """The 408 for a request whose body did not arrive in time; the connection then closes."""
        error = ApiError(
            408,
            f"The request body did not arrive within {seconds:g} s",
            code="REQUEST_TIMEOUT",
            description="Send the whole body at once; the sandbox cuts slow connections.",
        )
        return self.respond(408, error.body(), uuid.uuid4().hex, {"Connection": "close"})

    def _route(self, request: Request) -> tuple[Operation, dict[str, str]]:
        path = request.path
        matched: tuple[PathItem, dict[str, str]] | None = None
        for item in self._items:
            params = item.match(path)
            if params is not None:
                matched = (item, params)
                break
        if matched is None:
            raise ApiError(404, f"No such endpoint: {path[:200]}", code="NOT_FOUND", data={})
        item, params = matched
        operation = item.operations.get(request.method.upper())
        if operation is None:
            allowed = ", ".join(sorted(item.operations))
            raise ApiError(
                405,
                f"{request.method[:20]} is not allowed here; allowed: {allowed}",
                code="METHOD_NOT_ALLOWED",
                data={"allowed": sorted(item.operations)},
                headers={"Allow": allowed},
            )
        return operation, params

    def _run(
        self, operation: Operation, params: dict[str, str], request: Request
    ) -> tuple[int, Any]:
        route = BY_OPERATION[operation.operation_id]
        now = self.clock()
        # Validation runs before the lock and the transaction, so a huge or hostile body never
        # holds up another request; its error is raised after authentication, which comes first.
        try:
            body, refused = self._validated(operation, params, request), None
        except ApiError as error:
            body, refused = None, error
        # The one transaction of the request: every change it makes commits together, or none.
        transaction = self.store.write if route.writes else self.store.read
        with transaction(self.time_budget) as conn:
            caller = authenticate(conn, request, now, self.store.vault, route.auth, self._seen)
            if refused is not None:
                raise refused
            outbox = (
                Recorder(conn, caller.account_id, to_ms(now), caller.identity())
                if route.writes
                else None
            )
            context = Context(
                conn,
                caller.account_id,
                to_ms(now),
                self._cursors,
                key_account_id=caller.key_account_id,
                site_id=caller.site_id,
                outbox=outbox,
            )
            answer = route.endpoint(context, body, params)
        if outbox is not None and outbox.recorded:  # committed: send them now
            self.webhooks.changed()
        return 200, answer

    def _validated(self, operation: Operation, params: dict[str, str], request: Request) -> Any:
        violations: list[FieldViolation] = []
        for param in operation.params:
            value = params.get(param.name, "")
            violations.extend(self._check.violations(param.schema, value, param.name))
        body = None
        if operation.body_schema is not None:
            body = read_json(request)
            if body is None and not request.body:  # no body; a JSON null is checked
                if operation.body_required:
                    violations.append(FieldViolation("body", "is required", "REQUIRED_FIELD"))
            else:
                violations.extend(self._body_violations(operation.body_schema, body))
        if violations:
            raise invalid(violations)
        return body

    def _body_violations(self, schema: dict[str, Any], body: Any) -> list[FieldViolation]:
        try:
            # the limits first, cheaply: a million-item array is refused before anything walks it
            return oversized(schema, body) or self._check.violations(schema, body)
        except RecursionError:
            return [FieldViolation("body", "is nested too deeply", "OTHER")]

    def _checked(
        self, operation: Operation, status: int, document: Any, request_id: str
    ) -> tuple[int, Any]:
        schema = operation.response_schema(status)
        if schema is None or status == 405:
            return status, document
        problem = self._response_check.first_error(schema, document)
        if problem is None:
            return status, document
        message = f"{operation.operation_id} answered {status} against the spec: {problem}"
        self.response_violations.append(message)
        log.error("request %s: %s", request_id, message)
        return 500, system_error().body()
