from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.move_folders_request import MoveFoldersRequest
from ...models.move_folders_response import MoveFoldersResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: MoveFoldersRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/site-folders/v2/folders/bulk/move",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> MoveFoldersResponse | WixError | None:
    if response.status_code == 200:
        response_200 = MoveFoldersResponse.from_dict(response.json())

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
) -> Response[MoveFoldersResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MoveFoldersRequest,
) -> Response[MoveFoldersResponse | WixError]:
    """Move Folders

     Moves up to 1,000 folders into `targetFolderId` (`""` or `"root"` for root), with their
    sub-folders and sites. All or nothing: an unknown folder or target is a 404; moving a folder into
    itself or one of its descendants, or so that a path would hold more than 50 folders (a folder
    52 levels deep), is a 400; a name clash in the target
    is a 409.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `FOLDER_CYCLE`, 400 `PATH_TOO_DEEP`, 409
    `ALREADY_EXISTS`.

    Args:
        body (MoveFoldersRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoveFoldersResponse | WixError]
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
    body: MoveFoldersRequest,
) -> MoveFoldersResponse | WixError | None:
    """Move Folders

     Moves up to 1,000 folders into `targetFolderId` (`""` or `"root"` for root), with their
    sub-folders and sites. All or nothing: an unknown folder or target is a 404; moving a folder into
    itself or one of its descendants, or so that a path would hold more than 50 folders (a folder
    52 levels deep), is a 400; a name clash in the target
    is a 409.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `FOLDER_CYCLE`, 400 `PATH_TOO_DEEP`, 409
    `ALREADY_EXISTS`.

    Args:
        body (MoveFoldersRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoveFoldersResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MoveFoldersRequest,
) -> Response[MoveFoldersResponse | WixError]:
    """Move Folders

     Moves up to 1,000 folders into `targetFolderId` (`""` or `"root"` for root), with their
    sub-folders and sites. All or nothing: an unknown folder or target is a 404; moving a folder into
    itself or one of its descendants, or so that a path would hold more than 50 folders (a folder
    52 levels deep), is a 400; a name clash in the target
    is a 409.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `FOLDER_CYCLE`, 400 `PATH_TOO_DEEP`, 409
    `ALREADY_EXISTS`.

    Args:
        body (MoveFoldersRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[MoveFoldersResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MoveFoldersRequest,
) -> MoveFoldersResponse | WixError | None:
    """Move Folders

     Moves up to 1,000 folders into `targetFolderId` (`""` or `"root"` for root), with their
    sub-folders and sites. All or nothing: an unknown folder or target is a 404; moving a folder into
    itself or one of its descendants, or so that a path would hold more than 50 folders (a folder
    52 levels deep), is a 400; a name clash in the target
    is a 409.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `FOLDER_CYCLE`, 400 `PATH_TOO_DEEP`, 409
    `ALREADY_EXISTS`.

    Args:
        body (MoveFoldersRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        MoveFoldersResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
