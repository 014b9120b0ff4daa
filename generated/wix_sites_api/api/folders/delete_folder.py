from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    folder_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/site-folders/v2/folders/{folder_id}".format(
            folder_id=quote(str(folder_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Empty | WixError | None:
    if response.status_code == 200:
        response_200 = Empty.from_dict(response.json())

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
) -> Response[Empty | WixError]:
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
) -> Response[Empty | WixError]:
    """Delete Folder

     Deletes a folder; its sites and sub-folders move to its parent folder (or to root). An unknown
    folder is a 404; a sub-folder whose name clashes with a folder already in the parent is a 409 and
    nothing is deleted. Wix documents this URL as `/site-folders/v2/folders/{id}`; OpenAPI forbids
    two path templates of the same shape, so it shares the `{folderId}` path item with Update
    Folder. The URL sent is the same.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 409 `ALREADY_EXISTS`.

    Args:
        folder_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Empty | WixError | None:
    """Delete Folder

     Deletes a folder; its sites and sub-folders move to its parent folder (or to root). An unknown
    folder is a 404; a sub-folder whose name clashes with a folder already in the parent is a 409 and
    nothing is deleted. Wix documents this URL as `/site-folders/v2/folders/{id}`; OpenAPI forbids
    two path templates of the same shape, so it shares the `{folderId}` path item with Update
    Folder. The URL sent is the same.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 409 `ALREADY_EXISTS`.

    Args:
        folder_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | WixError
    """

    return sync_detailed(
        folder_id=folder_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Empty | WixError]:
    """Delete Folder

     Deletes a folder; its sites and sub-folders move to its parent folder (or to root). An unknown
    folder is a 404; a sub-folder whose name clashes with a folder already in the parent is a 409 and
    nothing is deleted. Wix documents this URL as `/site-folders/v2/folders/{id}`; OpenAPI forbids
    two path templates of the same shape, so it shares the `{folderId}` path item with Update
    Folder. The URL sent is the same.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 409 `ALREADY_EXISTS`.

    Args:
        folder_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
    """

    kwargs = _get_kwargs(
        folder_id=folder_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    folder_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Empty | WixError | None:
    """Delete Folder

     Deletes a folder; its sites and sub-folders move to its parent folder (or to root). An unknown
    folder is a 404; a sub-folder whose name clashes with a folder already in the parent is a 409 and
    nothing is deleted. Wix documents this URL as `/site-folders/v2/folders/{id}`; OpenAPI forbids
    two path templates of the same shape, so it shares the `{folderId}` path item with Update
    Folder. The URL sent is the same.

    - Permission: Manage Folders (Wix's service description names no permission for this
      operation; Manage Folders is this spec's choice).
    - Errors Wix documents for it: 404 `NOT_FOUND`.
    - The sandbox's own errors (`x-wixsites-errors`): 409 `ALREADY_EXISTS`.

    Args:
        folder_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | WixError
    """

    return (
        await asyncio_detailed(
            folder_id=folder_id,
            client=client,
        )
    ).parsed
