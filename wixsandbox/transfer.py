"""B2B Site Management v1: Transfer Site, between a main account and its sub-accounts.

The target is the account the request acts for (``wix-account-id``); the caller is the API
key's account. The caller's key must be allowed to act for both the source and the target
(`wixsandbox.accounts.may_act_for`: its own account or one of its sub-accounts), so in the
agency model only the main account's key transfers: a sub-account is a client, and its key acts
for itself alone. The documented errors are checked in their documented order, before anything
changes: 428 ``TARGET_ACCOUNT_ID_NOT_FOUND``, 403 ``SITE_TRANSFER_NOT_ALLOWED``, 400
``SITE_NOT_FOUND``, 428 ``SITE_TRANSFER_NOT_SUPPORTED``.
"""

from __future__ import annotations

from typing import Any

from wixsandbox.accounts import is_known, may_act_for
from wixsandbox.context import Context
from wixsandbox.errors import ApiError
from wixsandbox.webhooks import changes


def transfer_site(ctx: Context, body: Any, params: dict[str, str]) -> dict[str, Any]:
    transfer = body["siteTransfer"]
    site_id = str(transfer["siteId"]).lower()
    source = str(transfer["sourceAccountId"]).lower()
    target = ctx.account_id
    if not is_known(ctx.conn, target):
        raise ApiError(
            428,
            "Target account wasn't found.",
            code="TARGET_ACCOUNT_ID_NOT_FOUND",
            description="Check that the target account ID (wix-account-id) exists.",
        )
    key = ctx.key_account_id
    if source == target or not (
        may_act_for(ctx.conn, key, source) and may_act_for(ctx.conn, key, target)
    ):
        raise ApiError(
            403,
            "Site transfer isn't allowed for sourceAccountId and targetAccountId.",
            code="SITE_TRANSFER_NOT_ALLOWED",
            description="The source and the target must be two different accounts that the API "
            "key may act for: a main account's key, for the main account and its sub-accounts.",
            data={"sourceAccountId": source, "targetAccountId": target},
        )
    row = ctx.conn.execute(
        "SELECT premium FROM sites WHERE account_id = ? AND id = ?", (source, site_id)
    ).fetchone()
    if row is None:
        raise ApiError(
            400,
            "siteId wasn't found in accountId.",
            code="SITE_NOT_FOUND",
            description="Check that the site exists and that it belongs to the source account.",
            data={"siteId": site_id, "sourceAccountId": source},
        )
    if row["premium"]:
        raise ApiError(
            428,
            "Site transfer isn't supported for sites with paid Wix services.",
            code="SITE_TRANSFER_NOT_SUPPORTED",
            description="Cancel the site's paid Wix services (Resellers API, Cancel Package) "
            "before transferring it.",
        )
    ctx.conn.execute(
        "UPDATE sites SET account_id = ?, owner_account_id = ?, folder_id = '' "
        "WHERE account_id = ? AND id = ?",
        (target, target, source, site_id),
    )
    changes.site_updated(ctx, site_id)  # the site as it is in the target account
    return {
        "siteTransfer": {
            "siteId": transfer["siteId"],
            "sourceAccountId": transfer["sourceAccountId"],
            "enableNotifications": bool(transfer.get("enableNotifications", False)),
        }
    }
