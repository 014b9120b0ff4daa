from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.transfer_site_request import TransferSiteRequest
from ...models.transfer_site_response import TransferSiteResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: TransferSiteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/b2b-site-management/v1/transfer-site",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> TransferSiteResponse | WixError | None:
    if response.status_code == 200:
        response_200 = TransferSiteResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        from ...models.wix_error import WixError

        response_400 = WixError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        from ...models.wix_error import WixError

        response_401 = WixError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        from ...models.wix_error import WixError

        response_403 = WixError.from_dict(response.json())

        return response_403

    if response.status_code == 428:
        from ...models.wix_error import WixError

        response_428 = WixError.from_dict(response.json())

        return response_428

    if response.status_code == 429:
        from ...models.wix_error import WixError

        response_429 = WixError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        from ...models.wix_error import WixError

        response_500 = WixError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        from ...models.wix_error import WixError

        response_503 = WixError.from_dict(response.json())

        return response_503

    if response.status_code == 504:
        from ...models.wix_error import WixError

        response_504 = WixError.from_dict(response.json())

        return response_504

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[TransferSiteResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TransferSiteRequest,
) -> Response[TransferSiteResponse | WixError]:
    """Transfer Site

     Transfers a site from the source account (`siteTransfer.sourceAccountId`) to the target
    account, which is the account of the `wix-account-id` header: the target can never be given
    in the body. Only strategic partners of Wix can transfer sites, only to their main account
    or one of its sub-accounts, and only sites without paid Wix services.
    `enableNotifications` (default `false`): whether the site owner gets an email about the
    successful transfer.

    - Permission: Manage B2B Sites.
    - Errors Wix documents for it: 428 `TARGET_ACCOUNT_ID_NOT_FOUND` (the target account does
      not exist), 403 `SITE_TRANSFER_NOT_ALLOWED` (the source/target pair is not supported),
      400 `SITE_NOT_FOUND` (`siteId` is not in the source account), 428
      `SITE_TRANSFER_NOT_SUPPORTED` (the site has a paid Wix service).
    - The sandbox's own errors (`x-wixsites-errors`): only 400 `TIME_BUDGET_EXCEEDED`, which
      every operation has (see the API description).

    The rule: the caller's API key must be allowed to act for both the source and the target
    account. A key acts for its own account and for that account's sub-accounts (as every
    account-level call does with `wix-account-id`), so in the agency model the main account's
    key transfers between the main account and its sub-accounts (main to sub, sub to main, sub
    to sibling), and a sub-account's key transfers nothing: a sub-account is a client, whose
    key acts for itself alone. A signed request acts for its instance's account in the same way.

    Choices where the docs are silent (`x-wixsites-extension`): in the sandbox, accounts are
    related with `wixsites sandbox relate-accounts MAIN SUB...` (a main account and its
    sub-accounts). The checks run in the documented order above: an account the sandbox
    does not know (no API key, no relation, no site) as target is `TARGET_ACCOUNT_ID_NOT_FOUND`;
    a source or a target the key may not act for, or the same account twice, is
    `SITE_TRANSFER_NOT_ALLOWED` (so a key learns nothing of another account's sites); a site
    not owned by the source is `SITE_NOT_FOUND`; a premium site is
    `SITE_TRANSFER_NOT_SUPPORTED`. On success the site's `ownerAccountId` becomes the
    target, it lands at the target's root (folders belong to an account), and nothing else
    changes; on an error nothing changes.

    Args:
        body (TransferSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TransferSiteResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: TransferSiteRequest,
) -> TransferSiteResponse | WixError | None:
    """Transfer Site

     Transfers a site from the source account (`siteTransfer.sourceAccountId`) to the target
    account, which is the account of the `wix-account-id` header: the target can never be given
    in the body. Only strategic partners of Wix can transfer sites, only to their main account
    or one of its sub-accounts, and only sites without paid Wix services.
    `enableNotifications` (default `false`): whether the site owner gets an email about the
    successful transfer.

    - Permission: Manage B2B Sites.
    - Errors Wix documents for it: 428 `TARGET_ACCOUNT_ID_NOT_FOUND` (the target account does
      not exist), 403 `SITE_TRANSFER_NOT_ALLOWED` (the source/target pair is not supported),
      400 `SITE_NOT_FOUND` (`siteId` is not in the source account), 428
      `SITE_TRANSFER_NOT_SUPPORTED` (the site has a paid Wix service).
    - The sandbox's own errors (`x-wixsites-errors`): only 400 `TIME_BUDGET_EXCEEDED`, which
      every operation has (see the API description).

    The rule: the caller's API key must be allowed to act for both the source and the target
    account. A key acts for its own account and for that account's sub-accounts (as every
    account-level call does with `wix-account-id`), so in the agency model the main account's
    key transfers between the main account and its sub-accounts (main to sub, sub to main, sub
    to sibling), and a sub-account's key transfers nothing: a sub-account is a client, whose
    key acts for itself alone. A signed request acts for its instance's account in the same way.

    Choices where the docs are silent (`x-wixsites-extension`): in the sandbox, accounts are
    related with `wixsites sandbox relate-accounts MAIN SUB...` (a main account and its
    sub-accounts). The checks run in the documented order above: an account the sandbox
    does not know (no API key, no relation, no site) as target is `TARGET_ACCOUNT_ID_NOT_FOUND`;
    a source or a target the key may not act for, or the same account twice, is
    `SITE_TRANSFER_NOT_ALLOWED` (so a key learns nothing of another account's sites); a site
    not owned by the source is `SITE_NOT_FOUND`; a premium site is
    `SITE_TRANSFER_NOT_SUPPORTED`. On success the site's `ownerAccountId` becomes the
    target, it lands at the target's root (folders belong to an account), and nothing else
    changes; on an error nothing changes.

    Args:
        body (TransferSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TransferSiteResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TransferSiteRequest,
) -> Response[TransferSiteResponse | WixError]:
    """Transfer Site

     Transfers a site from the source account (`siteTransfer.sourceAccountId`) to the target
    account, which is the account of the `wix-account-id` header: the target can never be given
    in the body. Only strategic partners of Wix can transfer sites, only to their main account
    or one of its sub-accounts, and only sites without paid Wix services.
    `enableNotifications` (default `false`): whether the site owner gets an email about the
    successful transfer.

    - Permission: Manage B2B Sites.
    - Errors Wix documents for it: 428 `TARGET_ACCOUNT_ID_NOT_FOUND` (the target account does
      not exist), 403 `SITE_TRANSFER_NOT_ALLOWED` (the source/target pair is not supported),
      400 `SITE_NOT_FOUND` (`siteId` is not in the source account), 428
      `SITE_TRANSFER_NOT_SUPPORTED` (the site has a paid Wix service).
    - The sandbox's own errors (`x-wixsites-errors`): only 400 `TIME_BUDGET_EXCEEDED`, which
      every operation has (see the API description).

    The rule: the caller's API key must be allowed to act for both the source and the target
    account. A key acts for its own account and for that account's sub-accounts (as every
    account-level call does with `wix-account-id`), so in the agency model the main account's
    key transfers between the main account and its sub-accounts (main to sub, sub to main, sub
    to sibling), and a sub-account's key transfers nothing: a sub-account is a client, whose
    key acts for itself alone. A signed request acts for its instance's account in the same way.

    Choices where the docs are silent (`x-wixsites-extension`): in the sandbox, accounts are
    related with `wixsites sandbox relate-accounts MAIN SUB...` (a main account and its
    sub-accounts). The checks run in the documented order above: an account the sandbox
    does not know (no API key, no relation, no site) as target is `TARGET_ACCOUNT_ID_NOT_FOUND`;
    a source or a target the key may not act for, or the same account twice, is
    `SITE_TRANSFER_NOT_ALLOWED` (so a key learns nothing of another account's sites); a site
    not owned by the source is `SITE_NOT_FOUND`; a premium site is
    `SITE_TRANSFER_NOT_SUPPORTED`. On success the site's `ownerAccountId` becomes the
    target, it lands at the target's root (folders belong to an account), and nothing else
    changes; on an error nothing changes.

    Args:
        body (TransferSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[TransferSiteResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: TransferSiteRequest,
) -> TransferSiteResponse | WixError | None:
    """Transfer Site

     Transfers a site from the source account (`siteTransfer.sourceAccountId`) to the target
    account, which is the account of the `wix-account-id` header: the target can never be given
    in the body. Only strategic partners of Wix can transfer sites, only to their main account
    or one of its sub-accounts, and only sites without paid Wix services.
    `enableNotifications` (default `false`): whether the site owner gets an email about the
    successful transfer.

    - Permission: Manage B2B Sites.
    - Errors Wix documents for it: 428 `TARGET_ACCOUNT_ID_NOT_FOUND` (the target account does
      not exist), 403 `SITE_TRANSFER_NOT_ALLOWED` (the source/target pair is not supported),
      400 `SITE_NOT_FOUND` (`siteId` is not in the source account), 428
      `SITE_TRANSFER_NOT_SUPPORTED` (the site has a paid Wix service).
    - The sandbox's own errors (`x-wixsites-errors`): only 400 `TIME_BUDGET_EXCEEDED`, which
      every operation has (see the API description).

    The rule: the caller's API key must be allowed to act for both the source and the target
    account. A key acts for its own account and for that account's sub-accounts (as every
    account-level call does with `wix-account-id`), so in the agency model the main account's
    key transfers between the main account and its sub-accounts (main to sub, sub to main, sub
    to sibling), and a sub-account's key transfers nothing: a sub-account is a client, whose
    key acts for itself alone. A signed request acts for its instance's account in the same way.

    Choices where the docs are silent (`x-wixsites-extension`): in the sandbox, accounts are
    related with `wixsites sandbox relate-accounts MAIN SUB...` (a main account and its
    sub-accounts). The checks run in the documented order above: an account the sandbox
    does not know (no API key, no relation, no site) as target is `TARGET_ACCOUNT_ID_NOT_FOUND`;
    a source or a target the key may not act for, or the same account twice, is
    `SITE_TRANSFER_NOT_ALLOWED` (so a key learns nothing of another account's sites); a site
    not owned by the source is `SITE_NOT_FOUND`; a premium site is
    `SITE_TRANSFER_NOT_SUPPORTED`. On success the site's `ownerAccountId` becomes the
    target, it lands at the target's root (folders belong to an account), and nothing else
    changes; on an error nothing changes.

    Args:
        body (TransferSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        TransferSiteResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
