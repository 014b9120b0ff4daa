"""The Wix error body, and the exception that carries one out of a handler.

Every error answer is ``{"message", "details"}`` with either an ``applicationError`` (``code``,
``description``, ``data``) or a ``validationError`` (``fieldViolations``); 5xx answers are sent empty
(``{"message": "", "details": {}}``) as Wix does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

JSON = Any


@dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str
    violated_rule: str = "OTHER"
    data: dict[str, JSON] | None = None

    def as_json(self) -> dict[str, JSON]:
        body: dict[str, JSON] = {
            "field": self.field,
            "description": self.description,
            "violatedRule": self.violated_rule,
        }
        if self.data:
            body["data"] = self.data
        return body


@dataclass
class ApiError(Exception):
    """An error answer: raise it anywhere below a handler, the service turns it into a response."""

    status: int
    message: str
    code: str | None = None
    description: str | None = None
    data: dict[str, JSON] | None = None
    violations: list[FieldViolation] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.code or 'INVALID_ARGUMENT'}: {self.message}"

    def body(self) -> dict[str, JSON]:
        if self.status >= 500:
            return {"message": "", "details": {}}
        if self.violations:
            return {
                "message": self.message,
                "details": {
                    "validationError": {"fieldViolations": [v.as_json() for v in self.violations]}
                },
            }
        application: dict[str, JSON] = {
            "code": self.code or "UNKNOWN",
            "description": self.description or self.message,
        }
        if self.data is not None:
            application["data"] = self.data
        return {"message": self.message, "details": {"applicationError": application}}


def invalid(violations: list[FieldViolation]) -> ApiError:
    """A 400 validation error; the message quotes the first violation."""
    first = violations[0]
    return ApiError(400, f"{first.field}: {first.description}", violations=violations)


def invalid_field(
    name: str, description: str, rule: str = "OTHER", data: dict[str, JSON] | None = None
) -> ApiError:
    return invalid([FieldViolation(name, description, rule, data)])


def bad_request(code: str, message: str, data: dict[str, JSON] | None = None) -> ApiError:
    return ApiError(400, message, code=code, data=data)


def unauthenticated(message: str, description: str | None = None) -> ApiError:
    return ApiError(
        401,
        message,
        code="UNAUTHENTICATED",
        description=description
        or "Send the API key in Authorization and the account id in wix-account-id.",
    )


def permission_denied(message: str) -> ApiError:
    return ApiError(403, message, code="PERMISSION_DENIED")


def not_found(message: str, unknown_ids: list[str], **data: JSON) -> ApiError:
    return ApiError(404, message, code="NOT_FOUND", data={"unknownIds": unknown_ids, **data})


def already_exists(message: str, **data: JSON) -> ApiError:
    return ApiError(409, message, code="ALREADY_EXISTS", data=dict(data))


def system_error(status: int = 500) -> ApiError:
    return ApiError(status, "")


def budget_exceeded(seconds: float) -> ApiError:
    """The answer to a request stopped past its time budget. A 400, not a 5xx: the request as it
    was written is too costly, so sending it again fails again, and clients retry 5xx answers."""
    return ApiError(
        400,
        f"The request needed more than the sandbox's time budget of {seconds:g} s of database "
        "work and was stopped; nothing was changed",
        code="TIME_BUDGET_EXCEEDED",
        description="Narrow the request (fewer name patterns or values in the filter, a smaller "
        "page) or split it; sent again as it is, it fails the same way.",
        data={"budgetSeconds": seconds},
    )
