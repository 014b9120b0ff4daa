from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_folder_request import CreateFolderRequest
from ...models.folder_response import FolderResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: CreateFolderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-folders/v2/folders",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FolderResponse | WixError | None:
    if response.status_code == 200:
        response_200 = FolderResponse.from_dict(response.json())

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

    if response.status_code == 409:
        from ...models.wix_error import WixError

        response_409 = WixError.from_dict(response.json())

        return response_409

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
) -> Response[FolderResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
) -> Response[FolderResponse | WixError]:
    """Create Folder

     Creates a folder at root or inside `parentId` (`""` or `"root"` for root). A sibling with the
    same name already existing is a 409 `ALREADY_EXISTS`; an unknown parent is a 404; a folder
    whose path (its ancestors) would hold more than 50 folders, that is a folder 52 levels deep,
    is a 400.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 400 `PATH_TOO_DEEP`.

    Args:
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
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
    body: CreateFolderRequest,
) -> FolderResponse | WixError | None:
    """Create Folder

     Creates a folder at root or inside `parentId` (`""` or `"root"` for root). A sibling with the
    same name already existing is a 409 `ALREADY_EXISTS`; an unknown parent is a 404; a folder
    whose path (its ancestors) would hold more than 50 folders, that is a folder 52 levels deep,
    is a 400.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 400 `PATH_TOO_DEEP`.

    Args:
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
) -> Response[FolderResponse | WixError]:
    """Create Folder

     Creates a folder at root or inside `parentId` (`""` or `"root"` for root). A sibling with the
    same name already existing is a 409 `ALREADY_EXISTS`; an unknown parent is a 404; a folder
    whose path (its ancestors) would hold more than 50 folders, that is a folder 52 levels deep,
    is a 400.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 400 `PATH_TOO_DEEP`.

    Args:
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CreateFolderRequest,
) -> FolderResponse | WixError | None:
    """Create Folder

     Creates a folder at root or inside `parentId` (`""` or `"root"` for root). A sibling with the
    same name already existing is a 409 `ALREADY_EXISTS`; an unknown parent is a 404; a folder
    whose path (its ancestors) would hold more than 50 folders, that is a folder 52 levels deep,
    is a 400.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 400 `PATH_TOO_DEEP`.

    Args:
        body (CreateFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
