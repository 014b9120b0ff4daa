"""Who is calling: an account API key, or a request signed with a Wix app's secret.

A request with an ``Authorization`` header is an API-key request: the key, and its account in
``wix-account-id``; any ``x-wix-*`` headers it also carries are ignored, as the live v2 service
ignores them (the spec's two security requirements are alternatives). Otherwise a request that
carries ``x-wix-signature`` (or the ``signature`` query parameter) is a signed request:
``x-wix-application-id`` names an app added with `Sandbox.add_app`, whose secret must verify the
signature (`wixauth.verify_request`), and ``x-wix-instance-id`` names an instance registered with
`Sandbox.add_instance`, bound to that app and to the account the request acts for. An unknown
instance, or one of another app, is a 403: an app's secret signs for its own instances only. An
instance may also be bound to one site: a signed request acts on its instance's site only, since
``wix-site-id`` is not signed (another site named there is a 403), and a site-level call needs
such an instance. The same signature is accepted once (`wixsandbox.replay`). No message ever
contains a secret or a key; keys are found by their keyed hash (`wixsandbox.vault`).

Three levels (a route's ``auth``): an account-level call acts for the ``wix-account-id`` account,
which must be the key's own or one of its sub-accounts (`wixsandbox.accounts`); a site-level call
(Publish Site) names its site in ``wix-site-id`` instead, a site of those accounts, and acts for
the site's account; a *target* call (Transfer Site) takes ``wix-account-id`` as it is, and the
operation itself decides what that account may be.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass, replace
from datetime import datetime

import httpx

import wixauth
from wixsandbox.accounts import may_act_for, sub_accounts
from wixsandbox.clock import to_ms
from wixsandbox.errors import ApiError, not_found, permission_denied, unauthenticated
from wixsandbox.replay import SeenSignatures
from wixsandbox.vault import Vault
from wixsandbox.wire import Request

_SIGNATURE_DESCRIPTION = (
    "Sign the request with the secret of an app added to the sandbox, and send "
    "x-wix-application-id, x-wix-instance-id (an instance of the app registered with the sandbox, "
    "e.g. the account id given to `serve --app-id`) and x-wix-timestamp."
)


def is_signed(request: Request) -> bool:
    return request.has_header("x-wix-signature") or bool(request.query_values("signature"))


def parse_guid(value: str) -> str | None:
    """The GUID in its lower-case 36-character form, or None if `value` is not one."""
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    return str(parsed) if len(value) == 36 else None


ACCOUNT_LEVEL = "account"
SITE_LEVEL = "site"
TARGET_LEVEL = "target"


@dataclass(frozen=True)
class Caller:
    account_id: str  # the account the request acts for
    key_account_id: str  # the account of the credentials
    site_id: str = ""  # a site-level call's site
    app_id: str = ""  # the app that signed the request; '' for an API key

    def identity(self) -> dict[str, str]:
        """Who the webhooks of the request say caused the event: the app that signed it, or the
        API key's account as a Wix user (Wix does not say what an API-key call is)."""
        if self.app_id:
            return {"identityType": "APP", "appId": self.app_id}
        return {"identityType": "WIX_USER", "wixUserId": self.key_account_id}


@dataclass(frozen=True)
class Instance:
    """What a signed request's x-wix-instance-id names: an instance of an app, of one account
    and, for an instance of a site, of that site."""

    account_id: str
    site_id: str  # '' for an instance of the account
    signed: bytes  # what the request signed (its string to sign)


def authenticate(
    conn: sqlite3.Connection,
    request: Request,
    now: datetime,
    vault: Vault,
    level: str = ACCOUNT_LEVEL,
    seen: SeenSignatures | None = None,
) -> Caller:
    """Return who calls and for which account, or raise the Wix error answer. `seen`: the
    signatures accepted so far, of which a signed request may not be one (a replay)."""
    if is_signed(request) and not request.has_header("authorization"):
        app_id, instance = _signed(conn, request, now, vault)
        caller = _instance_caller(conn, instance, request.header("wix-site-id"), level)
        if seen is not None and not seen.first_use(app_id, instance.signed, to_ms(now)):
            raise ApiError(
                403,
                "This signature was accepted already: a signed request is accepted once, and "
                "this one is a replay",
                code="PERMISSION_DENIED",
                description="Sign every request when it is sent (wixauth.WixSignatureAuth signs "
                "each send and each retry afresh).",
            )
        return replace(caller, app_id=app_id)
    return _api_key(conn, request, vault, level)


def _instance_caller(
    conn: sqlite3.Connection, instance: Instance, site_id: str | None, level: str
) -> Caller:
    """A signed request acts for its instance's account and, on a site, on its instance's site
    only: wix-site-id is not signed, so it may only repeat what the instance says."""
    account = instance.account_id
    if site_id is not None and site_id.lower() != instance.site_id:
        raise ApiError(
            403,
            "wix-site-id names another site than the instance's: a signed request acts on its "
            "instance's site only"
            + ("" if instance.site_id else " (x-wix-instance-id names an instance of an account)"),
            code="PERMISSION_DENIED",
            description="Sign the request for the instance of the site it acts on, and send "
            "that site's id in wix-site-id, or none.",
        )
    if level != SITE_LEVEL:
        return Caller(account, account)
    if not instance.site_id:
        raise ApiError(
            403,
            "x-wix-instance-id names an instance of an account, not of a site: a site-level call "
            "is signed for the instance of its site",
            code="PERMISSION_DENIED",
            description="Register an instance of the site (`wixsites sandbox add-instance "
            "--site-id`) and sign with it.",
        )
    return _site_caller(conn, [account], account, instance.site_id)


def _site_caller(
    conn: sqlite3.Connection, accounts: list[str], key_account: str, site_id: str | None
) -> Caller:
    """The caller of a site-level call on `site_id`, a site of one of `accounts`."""
    if not site_id:
        raise unauthenticated(
            "Missing wix-site-id header: a site-level call names its site in wix-site-id",
            "Send the API key in Authorization and the site id in wix-site-id.",
        )
    wanted = site_id.lower()
    row = conn.execute(
        "SELECT account_id FROM sites WHERE id = ? AND account_id IN "
        "(SELECT value FROM json_each(?))",
        (wanted, json.dumps(accounts)),
    ).fetchone()
    if row is None:
        shown = wanted[:64]
        raise not_found(
            f"Site {shown} (wix-site-id) is not a site of the API key's account",
            [shown],
            unknownSiteIds=[shown],
        )
    return Caller(str(row[0]), key_account, wanted)


def _api_key(conn: sqlite3.Connection, request: Request, vault: Vault, level: str) -> Caller:
    key = request.header("authorization")
    if not key:
        raise unauthenticated("Missing Authorization header")
    if key.lower().startswith("bearer "):
        key = key[7:].strip()
    digest = vault.digest(key)
    row = conn.execute(
        "SELECT account_id, digest FROM api_key_digests WHERE digest = ?", (digest,)
    ).fetchone()
    if row is None or not vault.matches(key, str(row[1])):
        raise unauthenticated("The API key is not valid")
    key_account = str(row[0])
    site_id = request.header("wix-site-id")
    account_id = request.header("wix-account-id")
    if level == SITE_LEVEL:
        # wix-site-id decides; a wix-account-id sent as well is ignored (clients send only one)
        accounts = [key_account, *sub_accounts(conn, key_account)]
        return _site_caller(conn, accounts, key_account, site_id)
    if site_id is not None:
        raise ApiError(
            400,
            "wix-site-id was sent: the account-level APIs take wix-account-id, never wix-site-id",
            code="INVALID_ARGUMENT",
            description="Send the account id in wix-account-id and no wix-site-id.",
        )
    if not account_id:
        raise unauthenticated("Missing wix-account-id header: send the id of the key's account")
    account = account_id.lower()
    if level == TARGET_LEVEL:
        return Caller(account, key_account)
    if not may_act_for(conn, key_account, account):
        raise permission_denied(
            "The API key does not belong to the account in wix-account-id (or to its main account)"
        )
    return Caller(account, key_account)


def _signed(
    conn: sqlite3.Connection, request: Request, now: datetime, vault: Vault
) -> tuple[str, Instance]:
    """The app and the instance of a signed request whose signature holds."""
    app_id = request.header("x-wix-application-id") or next(
        iter(request.query_values("application-id")), None
    )
    if not app_id:
        raise unauthenticated(
            "The signed request lacks x-wix-application-id (or the application-id query parameter)",
            _SIGNATURE_DESCRIPTION,
        )
    row = conn.execute(
        "SELECT sealed FROM app_secrets WHERE application_id = ?", (app_id,)
    ).fetchone()
    if row is None:
        raise unauthenticated(
            "Unknown application id: add the app to the sandbox", _SIGNATURE_DESCRIPTION
        )
    query = request.query
    try:
        url = httpx.URL(
            scheme="http",
            host="sandbox",
            raw_path=request.raw_path + (b"?" + query if query else b""),
        )
    except (httpx.InvalidURL, UnicodeDecodeError):
        # Raw non-ASCII or control bytes: the URL cannot be rebuilt exactly as it was signed.
        raise ApiError(
            400,
            "The URL holds bytes that must be percent-encoded (non-ASCII or control "
            "characters): percent-encode them, then sign the request",
            code="INVALID_ARGUMENT",
            description=_SIGNATURE_DESCRIPTION,
        ) from None
    probe = httpx.Request(request.method, url, headers=list(request.headers), content=request.body)
    try:
        wixauth.verify_request(probe, vault.unseal(str(row[0])), now=now)
    except wixauth.SignatureError as exc:
        # Missing wix parameters are a 401 (the legacy API said 400; 401 is what HTTP clients and
        # the spec expect of absent credentials); a bad or stale signature is a 403.
        if int(getattr(exc, "http_status", 403)) < 403:
            raise unauthenticated(str(exc), _SIGNATURE_DESCRIPTION) from None
        raise ApiError(
            403, str(exc), code="PERMISSION_DENIED", description=_SIGNATURE_DESCRIPTION
        ) from None
    instance = request.header("x-wix-instance-id") or next(
        iter(request.query_values("instance-id")), ""
    )
    bound = conn.execute(
        "SELECT account_id, site_id FROM instances WHERE instance_id = ? AND application_id = ?",
        (parse_guid(instance) or "", app_id),
    ).fetchone()
    if bound is None:
        raise ApiError(
            403,
            "x-wix-instance-id names no instance of this app: an app acts only for the "
            "instances registered for it",
            code="PERMISSION_DENIED",
            description="Register the instance with `wixsites sandbox add-instance`, or sign "
            "with the secret of the app it belongs to.",
        )
    return app_id, Instance(str(bound[0]), str(bound[1]), wixauth.string_to_sign(probe))
