from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_delete_site_request import BulkDeleteSiteRequest
from ...models.bulk_delete_site_response import BulkDeleteSiteResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: BulkDeleteSiteRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-actions/v1/bulk/sites/delete",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BulkDeleteSiteResponse | WixError | None:
    if response.status_code == 200:
        response_200 = BulkDeleteSiteResponse.from_dict(response.json())

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
) -> Response[BulkDeleteSiteResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkDeleteSiteRequest,
) -> Response[BulkDeleteSiteResponse | WixError]:
    """Bulk Delete Site

     Moves 1 to 20 sites to the trash. This is not a permanent delete: a trashed site gets
    `trashedDate` (and `state` `TRASHED` in filters), keeps its id, and can be restored by
    the site's collaborators. Each site succeeds or fails on its own: the answer has one
    `results[].itemMetadata` per requested site (`originalIndex` is its place in `ids`) and the
    totals in `bulkActionMetadata`. Wix documents one per-item error: a site with a Premium plan
    fails with `PREMIUM_NOT_PERMITTED` ("unassign premium request: NOT_PERMITTED") while the
    others of the request succeed. Requires an account-level API key.

    - Permission: Manage Sites, as Wix's Site Actions service description of January 2023
      names it for Bulk Delete Site (`all/all-apis/site-actions-api.service.json` in
      wix-incubator/wix-rest-docs, commits of 2023-01-24 and 2023-01-25); its December 2023
      version, the one in this project's reference folder, lists none (`"permissions": []`).
    - Errors Wix documents for it: none as an HTTP status; the standard errors apply. Its one
      per-item error is `PREMIUM_NOT_PERMITTED`, in a 200 answer.
    - The sandbox's own errors (`x-wixsites-errors`): 200 `NOT_FOUND` (per item).

    Choices where the docs are silent (the sandbox's behaviour, marked `x-wixsites-extension`):
    an id that is not a site of the account fails alone with `NOT_FOUND`; trashing a site that
    is already in the trash succeeds and keeps its first `trashedDate` (so a retried request
    never turns a success into a failure); a trashed site leaves its folder (`folderId` is
    cleared: it is in the trash, not in a folder); `updatedDate` does not change. A site is
    counted once: an id given again (in any letter case) gets no result of its own, the result
    of its first mention (with that `originalIndex`) answers for it, and the totals count
    sites, not mentions.

    Args:
        body (BulkDeleteSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkDeleteSiteResponse | WixError]
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
    body: BulkDeleteSiteRequest,
) -> BulkDeleteSiteResponse | WixError | None:
    """Bulk Delete Site

     Moves 1 to 20 sites to the trash. This is not a permanent delete: a trashed site gets
    `trashedDate` (and `state` `TRASHED` in filters), keeps its id, and can be restored by
    the site's collaborators. Each site succeeds or fails on its own: the answer has one
    `results[].itemMetadata` per requested site (`originalIndex` is its place in `ids`) and the
    totals in `bulkActionMetadata`. Wix documents one per-item error: a site with a Premium plan
    fails with `PREMIUM_NOT_PERMITTED` ("unassign premium request: NOT_PERMITTED") while the
    others of the request succeed. Requires an account-level API key.

    - Permission: Manage Sites, as Wix's Site Actions service description of January 2023
      names it for Bulk Delete Site (`all/all-apis/site-actions-api.service.json` in
      wix-incubator/wix-rest-docs, commits of 2023-01-24 and 2023-01-25); its December 2023
      version, the one in this project's reference folder, lists none (`"permissions": []`).
    - Errors Wix documents for it: none as an HTTP status; the standard errors apply. Its one
      per-item error is `PREMIUM_NOT_PERMITTED`, in a 200 answer.
    - The sandbox's own errors (`x-wixsites-errors`): 200 `NOT_FOUND` (per item).

    Choices where the docs are silent (the sandbox's behaviour, marked `x-wixsites-extension`):
    an id that is not a site of the account fails alone with `NOT_FOUND`; trashing a site that
    is already in the trash succeeds and keeps its first `trashedDate` (so a retried request
    never turns a success into a failure); a trashed site leaves its folder (`folderId` is
    cleared: it is in the trash, not in a folder); `updatedDate` does not change. A site is
    counted once: an id given again (in any letter case) gets no result of its own, the result
    of its first mention (with that `originalIndex`) answers for it, and the totals count
    sites, not mentions.

    Args:
        body (BulkDeleteSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkDeleteSiteResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BulkDeleteSiteRequest,
) -> Response[BulkDeleteSiteResponse | WixError]:
    """Bulk Delete Site

     Moves 1 to 20 sites to the trash. This is not a permanent delete: a trashed site gets
    `trashedDate` (and `state` `TRASHED` in filters), keeps its id, and can be restored by
    the site's collaborators. Each site succeeds or fails on its own: the answer has one
    `results[].itemMetadata` per requested site (`originalIndex` is its place in `ids`) and the
    totals in `bulkActionMetadata`. Wix documents one per-item error: a site with a Premium plan
    fails with `PREMIUM_NOT_PERMITTED` ("unassign premium request: NOT_PERMITTED") while the
    others of the request succeed. Requires an account-level API key.

    - Permission: Manage Sites, as Wix's Site Actions service description of January 2023
      names it for Bulk Delete Site (`all/all-apis/site-actions-api.service.json` in
      wix-incubator/wix-rest-docs, commits of 2023-01-24 and 2023-01-25); its December 2023
      version, the one in this project's reference folder, lists none (`"permissions": []`).
    - Errors Wix documents for it: none as an HTTP status; the standard errors apply. Its one
      per-item error is `PREMIUM_NOT_PERMITTED`, in a 200 answer.
    - The sandbox's own errors (`x-wixsites-errors`): 200 `NOT_FOUND` (per item).

    Choices where the docs are silent (the sandbox's behaviour, marked `x-wixsites-extension`):
    an id that is not a site of the account fails alone with `NOT_FOUND`; trashing a site that
    is already in the trash succeeds and keeps its first `trashedDate` (so a retried request
    never turns a success into a failure); a trashed site leaves its folder (`folderId` is
    cleared: it is in the trash, not in a folder); `updatedDate` does not change. A site is
    counted once: an id given again (in any letter case) gets no result of its own, the result
    of its first mention (with that `originalIndex`) answers for it, and the totals count
    sites, not mentions.

    Args:
        body (BulkDeleteSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BulkDeleteSiteResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BulkDeleteSiteRequest,
) -> BulkDeleteSiteResponse | WixError | None:
    """Bulk Delete Site

     Moves 1 to 20 sites to the trash. This is not a permanent delete: a trashed site gets
    `trashedDate` (and `state` `TRASHED` in filters), keeps its id, and can be restored by
    the site's collaborators. Each site succeeds or fails on its own: the answer has one
    `results[].itemMetadata` per requested site (`originalIndex` is its place in `ids`) and the
    totals in `bulkActionMetadata`. Wix documents one per-item error: a site with a Premium plan
    fails with `PREMIUM_NOT_PERMITTED` ("unassign premium request: NOT_PERMITTED") while the
    others of the request succeed. Requires an account-level API key.

    - Permission: Manage Sites, as Wix's Site Actions service description of January 2023
      names it for Bulk Delete Site (`all/all-apis/site-actions-api.service.json` in
      wix-incubator/wix-rest-docs, commits of 2023-01-24 and 2023-01-25); its December 2023
      version, the one in this project's reference folder, lists none (`"permissions": []`).
    - Errors Wix documents for it: none as an HTTP status; the standard errors apply. Its one
      per-item error is `PREMIUM_NOT_PERMITTED`, in a 200 answer.
    - The sandbox's own errors (`x-wixsites-errors`): 200 `NOT_FOUND` (per item).

    Choices where the docs are silent (the sandbox's behaviour, marked `x-wixsites-extension`):
    an id that is not a site of the account fails alone with `NOT_FOUND`; trashing a site that
    is already in the trash succeeds and keeps its first `trashedDate` (so a retried request
    never turns a success into a failure); a trashed site leaves its folder (`folderId` is
    cleared: it is in the trash, not in a folder); `updatedDate` does not change. A site is
    counted once: an id given again (in any letter case) gets no result of its own, the result
    of its first mention (with that `originalIndex`) answers for it, and the totals count
    sites, not mentions.

    Args:
        body (BulkDeleteSiteRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BulkDeleteSiteResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
