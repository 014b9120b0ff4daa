"""The exceptions of the SDK, and how an HTTP error answer becomes one.

Every exception is a `WixError`. Those built from an answer carry the HTTP `status`, the Wix `code`
(``applicationError.code``, or the legacy ``wixErrorCode``), the `description`, the server's
`request_id` (``x-wix-request-id``, to quote to Wix support) and `data`; `str()` is one line saying
what was wrong and, where it is obvious, what to do. An answer that does not look like the Wix
API's at all is `NotWixApi`, which blames the base URL rather than Wix.

Every error has a `code`: the server's, else its class's `default_code` (``INVALID_ARGUMENT`` for a
bad argument refused before any request, ``NETWORK_ERROR``...), and a `field_violations` list
(empty unless the server named fields). `to_dict()` and `to_json()` give it as JSON-ready data,
as the SDK's results are, with the server's text redacted as in the message.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from http import HTTPStatus
from typing import Any, ClassVar

from wixsites.serialize import json_ready, to_json

__all__ = [
    "AlreadyExists",
    "AmbiguousFolderPath",
    "AuthenticationError",
    "ConfigurationError",
    "CursorExpired",
    "DeadlineExceeded",
    "FailedPrecondition",
    "FieldViolation",
    "InvalidArgument",
    "InvalidResponse",
    "NetworkError",
    "NotFound",
    "NotWixApi",
    "PagingError",
    "PermissionDenied",
    "RateLimited",
    "ServerError",
    "SiteInTrash",
    "SiteNotInSourceAccount",
    "TargetAccountNotFound",
    "TransferNotAllowed",
    "TransferNotSupported",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WixError",
    "error_from_response",
]


@dataclass(frozen=True, slots=True)
class FieldViolation:
    """One entry of ``details.validationError.fieldViolations``."""

    field: str
    description: str = ""
    violated_rule: str | None = None
    rule_name: str | None = None
    data: Mapping[str, Any] = dataclass_field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.field}: {self.description}" if self.description else self.field

    def to_dict(self) -> dict[str, Any]:
        """The violation as JSON-ready data, with the API's field names."""
        out: dict[str, Any] = {"field": self.field, "description": self.description}
        if self.violated_rule is not None:
            out["violatedRule"] = self.violated_rule
        if self.rule_name is not None:
            out["ruleName"] = self.rule_name
        if self.data:
            out["data"] = json_ready(self.data)
        return out


class WixError(Exception):
    """Base of every error of the SDK."""

    hint: str | None = None
    #: the `code` of an error whose answer named none, or that was raised before any request
    default_code: ClassVar[str] = "UNKNOWN"

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        description: str | None = None,
        request_id: str | None = None,
        data: Mapping[str, Any] | None = None,
        hint: str | None = None,
        retry_after: float | None = None,
        field_violations: Sequence[FieldViolation] | None = None,
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.message = message
        self.status = status
        self._answer_code = code
        self.code: str = code if code is not None else self.default_code
        self.field_violations: list[FieldViolation] = list(field_violations or ())
        self.description = description
        self.request_id = request_id
        self.data: Mapping[str, Any] = data if data is not None else {}
        if hint is not None:
            self.hint = hint
        # Set by the retry loop: how many attempts were made, and whether an earlier attempt may
        # have reached the server (a timeout or a lost connection) so that its effect may be there.
        self.attempts = 1
        self.earlier_attempt_uncertain = False
        # Set by the retry loop: no attempt reached the server (each failed to connect), so the
        # request cannot have been applied.
        self.never_sent = False

    def __str__(self) -> str:
        code = self._answer_code
        head = f"{self.status} {code}" if self.status and code else (str(self.status or code or ""))
        text = self.message or (self.description or "")
        if self.description and self.description != text and self.description not in text:
            text = f"{text.rstrip('.')}: {self.description}" if text else self.description
        parts = [f"{head}: {text}" if head else text]
        if self.hint and self.hint.lower().rstrip(".") not in text.lower():  # said once
            parts.append(self.hint)
        # sentences joined by ':' or ';' lose their full stop ("... valid.: Send" reads badly)
        parts = [p for p in parts if p]
        line = "; ".join([*(p.rstrip(".") for p in parts[:-1]), *parts[-1:]])
        if self.request_id:
            line += f" (request id {self.request_id})"
        return " ".join(line.split())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"

    def to_dict(self) -> dict[str, Any]:
        """The error as JSON-ready data: its class (`error`), `code`, `message` (as `str()` gives
        it), the fields of the answer it came from, and those of its class (`permissions`...)."""
        out: dict[str, Any] = {
            "error": type(self).__name__,
            "code": self.code,
            "message": str(self),
            "status": self.status,
            "description": self.description,
            "requestId": self.request_id,
            "hint": self.hint,
            "retryAfter": self.retry_after,
            "fieldViolations": [v.to_dict() for v in self.field_violations],
            "data": json_ready(self.data),
            "attempts": self.attempts,
        }
        out.update(self._extra())
        return out

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)

    def _extra(self) -> dict[str, Any]:
        return {}


class ConfigurationError(WixError):
    """The client was set up wrongly: missing credentials, a bad base URL, a bad option."""

    default_code = "CONFIGURATION_ERROR"


class PagingError(WixError):
    """The server broke a paging contract (a cursor repeated, pages that make no progress):
    stopped rather than loop."""

    default_code = "PAGING_ERROR"


class NetworkError(WixError):
    """The server could not be reached (connection refused, lost, or timed out) after retries."""

    hint = "check the network and the base URL, then try again"
    default_code = "NETWORK_ERROR"


class AuthenticationError(WixError):
    """401: the credentials are missing or wrong."""

    hint = "check the API key (WIX_API_KEY) and the account id (WIX_ACCOUNT_ID)"
    default_code = "UNAUTHENTICATED"


class PermissionDenied(WixError):
    """403: authenticated but not allowed (or, for signed requests, a bad or stale signature).

    `permissions` names the Wix permission(s) the refused operation needs, when the SDK knows the
    operation (it always does for the calls it makes)."""

    hint = "give the API key the Site List and Site Folders permissions, or check the account id"
    default_code = "PERMISSION_DENIED"
    permissions: tuple[str, ...] = ()

    def _extra(self) -> dict[str, Any]:
        return {"permissions": list(self.permissions)}

    def needs(self, operation: str, permissions: Sequence[str]) -> None:
        """Say which Wix permission(s) `operation` needs, in `permissions` and in the message."""
        if not permissions:
            return
        self.permissions = tuple(permissions)
        names = " and ".join(f"'{name}'" for name in self.permissions)
        plural = "s" if len(self.permissions) > 1 else ""
        self.hint = (
            f"{operation} needs the Wix permission{plural} {names}: give the API key "
            f"that permission{plural}, or check the account id"
        )


class NotFound(WixError):
    """404: a named site or folder does not exist in this account."""

    default_code = "NOT_FOUND"


class AlreadyExists(WixError):
    """409: a folder with this name already exists there."""

    default_code = "ALREADY_EXISTS"


class InvalidArgument(WixError):
    """400, or refused before any request: an argument is wrong; `field_violations` says which
    when the server named them."""

    default_code = "INVALID_ARGUMENT"


class CursorExpired(InvalidArgument):
    """A cursor was used after it expired (30 minutes after the query's first request)."""

    default_code = "CURSOR_EXPIRED"

    hint = (
        "cursors live 30 minutes from the query's first request: restart the query without a cursor"
    )


class RateLimited(WixError):
    """429: too many requests; `retry_after` is the server's advice in seconds, if it gave one."""

    default_code = "RESOURCE_EXHAUSTED"

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, retry_after=retry_after, **kwargs)
        wait = f"retry after {retry_after:g} s" if retry_after is not None else "retry later"
        self.hint = f"Wix allows 200 requests per minute; {wait}"


class ServerError(WixError):
    """5xx: a problem on Wix's side; nothing is wrong with the request."""

    hint = "Wix had a problem; try again later"
    default_code = "INTERNAL"


class FailedPrecondition(WixError):
    """428: the request is valid, but the site or the accounts are not in a state that allows it."""

    default_code = "FAILED_PRECONDITION"


class TargetAccountNotFound(FailedPrecondition):
    """Transfer Site: the target account (the client's account id) does not exist."""

    hint = "the target is the account id this client sends (wix-account-id): check it"
    default_code = "TARGET_ACCOUNT_ID_NOT_FOUND"


class TransferNotSupported(FailedPrecondition):
    """Transfer Site: the site has a paid Wix service."""

    hint = (
        "remove the site's paid Wix services first (Resellers API, Cancel Package), "
        "then transfer it and add them again"
    )
    default_code = "SITE_TRANSFER_NOT_SUPPORTED"


class TransferNotAllowed(PermissionDenied):
    """Transfer Site: the source and target pair is not supported."""

    hint = "a site moves only between your main account and its sub-accounts"
    default_code = "SITE_TRANSFER_NOT_ALLOWED"

    def needs(self, operation: str, permissions: Sequence[str]) -> None:
        """The pair of accounts is refused, not the key: no permission is named."""


class SiteNotInSourceAccount(InvalidArgument):
    """Transfer Site: the site is not in the source account."""

    # Wix's own description says the same: then the hint is not repeated (`WixError.__str__`)
    hint = "check that the site exists and that it belongs to the source account"
    default_code = "SITE_NOT_FOUND"


class SiteInTrash(FailedPrecondition):
    """The site is in the trash (428 ``SITE_IN_TRASH``: the sandbox's Publish Site and Move Sites
    To Folder, or the SDK's own read before a publish); restore it first."""

    default_code = "SITE_IN_TRASH"


class InvalidResponse(WixError):
    """A success status with an answer the SDK cannot use: not JSON, not an object, fields of the
    wrong type, a status the API never sends, or larger than the size cap. `excerpt` is the
    start of the body (a couple of hundred characters at most)."""

    hint = "the server at the base URL does not answer like the Wix API; check the base URL"
    default_code = "INVALID_RESPONSE"

    def __init__(self, message: str, *, excerpt: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.excerpt = excerpt

    def _extra(self) -> dict[str, Any]:
        return {"excerpt": self.excerpt}


class DeadlineExceeded(NetworkError):
    """The call (all its attempts, the waits between them and reading each answer) took longer
    than the client's `deadline`."""

    hint = "the server is too slow; try again later, or raise the client's deadline"
    default_code = "DEADLINE_EXCEEDED"


class AmbiguousFolderPath(InvalidArgument):
    """A folder path names more than one folder; `candidates` holds (id, path) of each."""

    hint = "name the folder by its id instead"
    default_code = "AMBIGUOUS_FOLDER_PATH"

    def __init__(
        self, message: str, *, candidates: list[tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(message, **kwargs)
        self.candidates: list[tuple[str, str]] = candidates or []

    def _extra(self) -> dict[str, Any]:
        return {"candidates": [{"id": fid, "path": path} for fid, path in self.candidates]}


class WebhookError(WixError):
    """A webhook body that `wixsites.webhooks.parse` cannot give back as an event."""

    default_code = "WEBHOOK_ERROR"


class WebhookSignatureError(WebhookError):
    """The body is not a token the public key verifies: a bad or missing signature, another key,
    a changed body, an algorithm other than RS256 (``none``, or HS256 with the public key as its
    secret), a malformed or expired token. Nothing in it can be trusted: answer 401, do not act."""

    hint = "answer 401 and ignore it; if every delivery fails, check the public key (Settings > Webhooks > Get Public Key)"
    default_code = "WEBHOOK_SIGNATURE_INVALID"


class WebhookPayloadError(WebhookError):
    """The token is verified (Wix signed it) but its content is not a webhook event the SDK can
    read: a claim or field missing or of the wrong type. `field` names the place."""

    hint = "the event is Wix's but not of the documented shape; keep the body and report it"
    default_code = "WEBHOOK_PAYLOAD_INVALID"

    def __init__(self, message: str, *, field: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.field = field

    def _extra(self) -> dict[str, Any]:
        return {"field": self.field}


# How much of a server's text an error message quotes: the server is not trusted to be brief.
MAX_MESSAGE_CHARS = 500


def cap_text(text: str, limit: int = MAX_MESSAGE_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class NotWixApi(WixError):
    """The server answered, but not as the Wix API does (an HTML page, a proxy's or a plain web
    server's error): the base URL points somewhere else."""

    hint = "check WIX_BASE_URL (or the base_url given)"
    default_code = "NOT_WIX_API"


# Statuses a gateway or load balancer in front of Wix may answer with a body of its own: these keep
# their usual (retryable) error even when the body is not Wix's.
_GATEWAY_STATUSES = frozenset({429, 502, 503, 504})


# An authentication refusal may come with no body at all: only a body of someone else's says that
# the server is not Wix.
_BODILESS_OK_STATUSES = frozenset({401, 403})


def _looks_like_wix(status: int, body: object, headers: Mapping[str, str], content: bytes) -> bool:
    if headers.get("x-wix-request-id"):
        return True
    if status in _BODILESS_OK_STATUSES and not content.strip():
        return True
    return isinstance(body, Mapping) and any(
        key in body for key in ("message", "details", "wixErrorCode", "errorCode")
    )


def _what_came(status: int, headers: Mapping[str, str], content: bytes) -> str:
    try:
        phrase = f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        phrase = str(status)
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    if not content.strip():
        body = "an empty body"
    elif "html" in kind or content.lstrip()[:1] == b"<":
        body = "an HTML page"
    elif "json" in kind:
        body = "JSON that is not a Wix error"
    else:
        body = f"a {kind or 'non-JSON'} body"
    return f"{phrase} with {body}"


_BY_STATUS: dict[int, type[WixError]] = {
    400: InvalidArgument,
    401: AuthenticationError,
    403: PermissionDenied,
    404: NotFound,
    409: AlreadyExists,
    428: FailedPrecondition,
    429: RateLimited,
}
# Error codes Wix documents for one operation, given their own class (their status class's subclass).
_BY_CODE: dict[str, type[WixError]] = {
    "TARGET_ACCOUNT_ID_NOT_FOUND": TargetAccountNotFound,
    "SITE_TRANSFER_NOT_SUPPORTED": TransferNotSupported,
    "SITE_TRANSFER_NOT_ALLOWED": TransferNotAllowed,
    "SITE_NOT_FOUND": SiteNotInSourceAccount,
    "SITE_IN_TRASH": SiteInTrash,
}


def request_id_of(headers: Mapping[str, str]) -> str | None:
    """The answer's ``x-wix-request-id``, capped: it is quoted in every error message."""
    rid = headers.get("x-wix-request-id")
    return None if rid is None else cap_text(rid, 100)


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header; None when absent or not a number of seconds."""
    if value is None:
        return None
    try:
        seconds = float(value.strip())
    except ValueError:
        return None
    return seconds if seconds >= 0 else None


def _violations(raw: object, redact: Callable[[str], str]) -> list[FieldViolation]:
    if not isinstance(raw, list):
        return []
    out = []
    for item in raw[:20]:  # the server is not trusted to be brief
        if isinstance(item, Mapping):
            data = item.get("data")
            out.append(
                FieldViolation(
                    field=cap_text(redact(str(item.get("field", ""))), 200),
                    description=cap_text(redact(str(item.get("description", "")))),
                    violated_rule=_opt_text(item.get("violatedRule"), redact),
                    rule_name=_opt_text(item.get("ruleName"), redact),
                    data=_redacted_data(data, redact) if isinstance(data, Mapping) else {},
                )
            )
    return out


def _redacted_data(value: Any, redact: Callable[[str], str]) -> Any:
    """The server's `data` with `redact` applied to every string in it (keys included)."""
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, Mapping):
        return {_redacted_data(k, redact): _redacted_data(v, redact) for k, v in value.items()}
    if isinstance(value, list):
        return [_redacted_data(v, redact) for v in value]
    return value


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_text(value: object, redact: Callable[[str], str], limit: int = 200) -> str | None:
    """A server's short text (a code, a rule's name), redacted and capped; None when absent."""
    return None if value is None else cap_text(redact(str(value)), limit)


def error_from_response(
    status: int,
    headers: Mapping[str, str],
    content: bytes,
    *,
    redact: Callable[[str], str] = lambda text: text,
    server: str | None = None,
) -> WixError:
    """Build the exception for an error answer, from the v2 body, the legacy body, or neither.

    `server` (scheme, host and port of the request, no credentials) names the server when its
    answer does not look like the Wix API's: `NotWixApi`.
    """
    try:
        body: Any = json.loads(content) if content else None
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser recurses
        body = None
    if status not in _GATEWAY_STATUSES and not _looks_like_wix(status, body, headers, content):
        where = f"the server at {server}" if server else "the server"
        return NotWixApi(
            f"{where} does not look like the Wix API: it answered "
            f"{_what_came(status, headers, content)}",
            status=status,
        )
    if not isinstance(body, Mapping):
        body = {}
    message = str(body.get("message") or "")
    code: str | None = None
    description: str | None = None
    data: Mapping[str, Any] = {}
    violations: list[FieldViolation] = []
    details = body.get("details")
    if isinstance(details, Mapping):
        app = details.get("applicationError")
        if isinstance(app, Mapping):
            code = _opt_text(app.get("code"), redact, 100)
            description = _opt_str(app.get("description"))
            raw_data = app.get("data")
            data = _redacted_data(raw_data, redact) if isinstance(raw_data, Mapping) else {}
        validation = details.get("validationError")
        if isinstance(validation, Mapping):
            violations = _violations(validation.get("fieldViolations"), redact)
            code = code or "INVALID_ARGUMENT"
    if "wixErrorCode" in body:  # the legacy HTTP API's body
        code = code or _opt_text(body.get("wixErrorCode"), redact, 100)
    if not message and violations:
        message = "; ".join(cap_text(str(v), 100) for v in violations[:5])
    if not message:
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "error"
        message = f"Wix answered {phrase}" if status < 500 else f"Wix server error ({phrase})"

    cls: type[WixError]
    if code == "CURSOR_EXPIRED":
        cls = CursorExpired
    elif code in _BY_CODE and _BY_STATUS.get(status) in _BY_CODE[code].__mro__:
        cls = _BY_CODE[code]
    elif status >= 500:
        cls = ServerError
    else:
        cls = _BY_STATUS.get(status, WixError)
    common: dict[str, Any] = {
        "status": status,
        "code": code,
        "description": cap_text(redact(description)) if description else description,
        "request_id": request_id_of(headers),
        "data": data,
        "retry_after": parse_retry_after(headers.get("retry-after")),
    }
    message = cap_text(redact(message))
    return cls(message, field_violations=violations, **common)
