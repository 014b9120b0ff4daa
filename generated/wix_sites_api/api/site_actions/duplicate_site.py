from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.duplicate_site_request import DuplicateSiteRequest
from ...models.duplicate_site_response import DuplicateSiteResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: DuplicateSiteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-actions/v1/sites/duplicate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> DuplicateSiteResponse | WixError | None:
    if response.status_code == 200:
        response_200 = DuplicateSiteResponse.from_dict(response.json())

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

    if response.status_code == 404:
        from ...models.wix_error import WixError

        response_404 = WixError.from_dict(response.json())

        return response_404

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
) -> Response[DuplicateSiteResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DuplicateSiteRequest,
) -> Response[DuplicateSiteResponse | WixError]:
    """Duplicate Site

     Duplicates a site of the account under a new display name and returns the new site's id.
    The duplicate has no domain and no Premium capabilities; business data (store orders,
    contacts, invoices, third-party app settings) is not copied, and apps that need a Premium
    plan are copied unactivated. Requires an account-level API key.

    - Permission: Manage Sites (Wix's service description names no permission for this
      operation, `"permissions": []`; Manage Sites is this spec's choice).
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    The length of `siteDisplayName` is not a documented limit: an older description named the
    field `newSiteName` with 1–20 characters, and published client code cuts names to 20, but
    the current description names no limit and its own example ("Sunset Boutique Hotel") has
    21 characters. Choices where the docs are silent (`x-wixsites-extension`): the name must
    hold a non-blank character, at most 256 and no control characters (as for folder
    names); clients must not cut it. The new site is created in the same account, at
    root, unpublished, not premium, with no domain, with the source's editor, namespace, apps
    and contributors, and is returned by Query Sites at once. A source that is not a site of the
    account is a 404 `NOT_FOUND`; a trashed source can be duplicated.

    Args:
        body (DuplicateSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateSiteResponse | WixError]
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
    body: DuplicateSiteRequest,
) -> DuplicateSiteResponse | WixError | None:
    """Duplicate Site

     Duplicates a site of the account under a new display name and returns the new site's id.
    The duplicate has no domain and no Premium capabilities; business data (store orders,
    contacts, invoices, third-party app settings) is not copied, and apps that need a Premium
    plan are copied unactivated. Requires an account-level API key.

    - Permission: Manage Sites (Wix's service description names no permission for this
      operation, `"permissions": []`; Manage Sites is this spec's choice).
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    The length of `siteDisplayName` is not a documented limit: an older description named the
    field `newSiteName` with 1–20 characters, and published client code cuts names to 20, but
    the current description names no limit and its own example ("Sunset Boutique Hotel") has
    21 characters. Choices where the docs are silent (`x-wixsites-extension`): the name must
    hold a non-blank character, at most 256 and no control characters (as for folder
    names); clients must not cut it. The new site is created in the same account, at
    root, unpublished, not premium, with no domain, with the source's editor, namespace, apps
    and contributors, and is returned by Query Sites at once. A source that is not a site of the
    account is a 404 `NOT_FOUND`; a trashed source can be duplicated.

    Args:
        body (DuplicateSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateSiteResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: DuplicateSiteRequest,
) -> Response[DuplicateSiteResponse | WixError]:
    """Duplicate Site

     Duplicates a site of the account under a new display name and returns the new site's id.
    The duplicate has no domain and no Premium capabilities; business data (store orders,
    contacts, invoices, third-party app settings) is not copied, and apps that need a Premium
    plan are copied unactivated. Requires an account-level API key.

    - Permission: Manage Sites (Wix's service description names no permission for this
      operation, `"permissions": []`; Manage Sites is this spec's choice).
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    The length of `siteDisplayName` is not a documented limit: an older description named the
    field `newSiteName` with 1–20 characters, and published client code cuts names to 20, but
    the current description names no limit and its own example ("Sunset Boutique Hotel") has
    21 characters. Choices where the docs are silent (`x-wixsites-extension`): the name must
    hold a non-blank character, at most 256 and no control characters (as for folder
    names); clients must not cut it. The new site is created in the same account, at
    root, unpublished, not premium, with no domain, with the source's editor, namespace, apps
    and contributors, and is returned by Query Sites at once. A source that is not a site of the
    account is a 404 `NOT_FOUND`; a trashed source can be duplicated.

    Args:
        body (DuplicateSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DuplicateSiteResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: DuplicateSiteRequest,
) -> DuplicateSiteResponse | WixError | None:
    """Duplicate Site

     Duplicates a site of the account under a new display name and returns the new site's id.
    The duplicate has no domain and no Premium capabilities; business data (store orders,
    contacts, invoices, third-party app settings) is not copied, and apps that need a Premium
    plan are copied unactivated. Requires an account-level API key.

    - Permission: Manage Sites (Wix's service description names no permission for this
      operation, `"permissions": []`; Manage Sites is this spec's choice).
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    The length of `siteDisplayName` is not a documented limit: an older description named the
    field `newSiteName` with 1–20 characters, and published client code cuts names to 20, but
    the current description names no limit and its own example ("Sunset Boutique Hotel") has
    21 characters. Choices where the docs are silent (`x-wixsites-extension`): the name must
    hold a non-blank character, at most 256 and no control characters (as for folder
    names); clients must not cut it. The new site is created in the same account, at
    root, unpublished, not premium, with no domain, with the source's editor, namespace, apps
    and contributors, and is returned by Query Sites at once. A source that is not a site of the
    account is a 404 `NOT_FOUND`; a trashed source can be duplicated.

    Args:
        body (DuplicateSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DuplicateSiteResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
