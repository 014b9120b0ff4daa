from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.folder_response import FolderResponse
from ...models.update_folder_request import UpdateFolderRequest
from ...models.wix_error import WixError
from ...types import Response


def _get_kwargs(
    folder_id: str,
    *,
    body: UpdateFolderRequest | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/site-folders/v2/folders/{folder_id}".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
    }

    if body is not None:
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
        response_400 = WixError.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = WixError.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = WixError.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = WixError.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = WixError.from_dict(response.json())

        return response_409

    if response.status_code == 428:
        response_428 = WixError.from_dict(response.json())

        return response_428

    if response.status_code == 429:
        response_429 = WixError.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = WixError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = WixError.from_dict(response.json())

        return response_503

    if response.status_code == 504:
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
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateFolderRequest | None = None,
) -> Response[FolderResponse | WixError]:
    """Update Folder

     Renames a folder. Only the folder id, which the URL binds, is required (as Wix documents):
    `folder`, `folder.name` and `fieldMask` are optional. `fieldMask` names the fields to update,
    as Wix's FieldMask (`{"paths": ["name"]}`) or in the string form of Wix's example (`"name"`);
    only `name` can be updated (see the choices in the API description). The URL's `folderId`
    binds `folder.id` (gRPC transcoding): an id in the body is overridden by the URL's.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT`, 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        folder_id (str):
        body (UpdateFolderRequest | None): Every field is optional, as Wix documents (the folder
            id is the URL's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateFolderRequest | None = None,
) -> FolderResponse | WixError | None:
    """Update Folder

     Renames a folder. Only the folder id, which the URL binds, is required (as Wix documents):
    `folder`, `folder.name` and `fieldMask` are optional. `fieldMask` names the fields to update,
    as Wix's FieldMask (`{"paths": ["name"]}`) or in the string form of Wix's example (`"name"`);
    only `name` can be updated (see the choices in the API description). The URL's `folderId`
    binds `folder.id` (gRPC transcoding): an id in the body is overridden by the URL's.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT`, 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        folder_id (str):
        body (UpdateFolderRequest | None): Every field is optional, as Wix documents (the folder
            id is the URL's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateFolderRequest | None = None,
) -> Response[FolderResponse | WixError]:
    """Update Folder

     Renames a folder. Only the folder id, which the URL binds, is required (as Wix documents):
    `folder`, `folder.name` and `fieldMask` are optional. `fieldMask` names the fields to update,
    as Wix's FieldMask (`{"paths": ["name"]}`) or in the string form of Wix's example (`"name"`);
    only `name` can be updated (see the choices in the API description). The URL's `folderId`
    binds `folder.id` (gRPC transcoding): an id in the body is overridden by the URL's.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT`, 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        folder_id (str):
        body (UpdateFolderRequest | None): Every field is optional, as Wix documents (the folder
            id is the URL's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: UpdateFolderRequest | None = None,
) -> FolderResponse | WixError | None:
    """Update Folder

     Renames a folder. Only the folder id, which the URL binds, is required (as Wix documents):
    `folder`, `folder.name` and `fieldMask` are optional. `fieldMask` names the fields to update,
    as Wix's FieldMask (`{"paths": ["name"]}`) or in the string form of Wix's example (`"name"`);
    only `name` can be updated (see the choices in the API description). The URL's `folderId`
    binds `folder.id` (gRPC transcoding): an id in the body is overridden by the URL's.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT`, 409 `ALREADY_EXISTS`.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        folder_id (str):
        body (UpdateFolderRequest | None): Every field is optional, as Wix documents (the folder
            id is the URL's).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
            body=body,
        )
    ).parsed
