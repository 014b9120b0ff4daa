from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.query_folders_request import QueryFoldersRequest
from ...models.query_folders_response import QueryFoldersResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: QueryFoldersRequest | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-folders/v2/folders/query",
    }

    if body is not None:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> QueryFoldersResponse | WixError | None:
    if response.status_code == 200:
        response_200 = QueryFoldersResponse.from_dict(response.json())

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
) -> Response[QueryFoldersResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QueryFoldersRequest | None = None,
) -> Response[QueryFoldersResponse | WixError]:
    """Query Folders

     Retrieves the account's folders, given the provided filtering, sorting and offset paging (at most
    1,000 folders per request, the default). Filters: `name` (equality, `$startsWith`, `$contains`),
    `id` (equality, `$in`), `parentId` (`{"$exists": false}` selects root folders). Sortable:
    `name` (Wix's example), and, as the sandbox's own choices (marked on `FoldersQuery`),
    `createdDate` and `updatedDate`; the default order, also the sandbox's, is `createdDate`
    ascending, then `id`.
    The filter is free-form JSON, so a schema-valid filter with an unknown operator or a value of the
    wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (QueryFoldersRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[QueryFoldersResponse | WixError]
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
    body: QueryFoldersRequest | None = None,
) -> QueryFoldersResponse | WixError | None:
    """Query Folders

     Retrieves the account's folders, given the provided filtering, sorting and offset paging (at most
    1,000 folders per request, the default). Filters: `name` (equality, `$startsWith`, `$contains`),
    `id` (equality, `$in`), `parentId` (`{"$exists": false}` selects root folders). Sortable:
    `name` (Wix's example), and, as the sandbox's own choices (marked on `FoldersQuery`),
    `createdDate` and `updatedDate`; the default order, also the sandbox's, is `createdDate`
    ascending, then `id`.
    The filter is free-form JSON, so a schema-valid filter with an unknown operator or a value of the
    wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (QueryFoldersRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        QueryFoldersResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QueryFoldersRequest | None = None,
) -> Response[QueryFoldersResponse | WixError]:
    """Query Folders

     Retrieves the account's folders, given the provided filtering, sorting and offset paging (at most
    1,000 folders per request, the default). Filters: `name` (equality, `$startsWith`, `$contains`),
    `id` (equality, `$in`), `parentId` (`{"$exists": false}` selects root folders). Sortable:
    `name` (Wix's example), and, as the sandbox's own choices (marked on `FoldersQuery`),
    `createdDate` and `updatedDate`; the default order, also the sandbox's, is `createdDate`
    ascending, then `id`.
    The filter is free-form JSON, so a schema-valid filter with an unknown operator or a value of the
    wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (QueryFoldersRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[QueryFoldersResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: QueryFoldersRequest | None = None,
) -> QueryFoldersResponse | WixError | None:
    """Query Folders

     Retrieves the account's folders, given the provided filtering, sorting and offset paging (at most
    1,000 folders per request, the default). Filters: `name` (equality, `$startsWith`, `$contains`),
    `id` (equality, `$in`), `parentId` (`{"$exists": false}` selects root folders). Sortable:
    `name` (Wix's example), and, as the sandbox's own choices (marked on `FoldersQuery`),
    `createdDate` and `updatedDate`; the default order, also the sandbox's, is `createdDate`
    ascending, then `id`.
    The filter is free-form JSON, so a schema-valid filter with an unknown operator or a value of the
    wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (QueryFoldersRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        QueryFoldersResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
