from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.folder_response import FolderResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    site_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/site-folders/v2/folders/sites/{site_id}".format(
            site_id=quote(str(site_id), safe=""),
        ),
    }

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
    site_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[FolderResponse | WixError]:
    """Get Folder By Site

     Returns the folder that holds the site. For a site at root the folder object is empty (`{}`).
    An unknown site is a 404.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        site_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    site_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> FolderResponse | WixError | None:
    """Get Folder By Site

     Returns the folder that holds the site. For a site at root the folder object is empty (`{}`).
    An unknown site is a 404.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        site_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return sync_detailed(
        site_id=site_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    site_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[FolderResponse | WixError]:
    """Get Folder By Site

     Returns the folder that holds the site. For a site at root the folder object is empty (`{}`).
    An unknown site is a 404.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        site_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FolderResponse | WixError]
    """

    kwargs = _get_kwargs(
        site_id=site_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    site_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> FolderResponse | WixError | None:
    """Get Folder By Site

     Returns the folder that holds the site. For a site at root the folder object is empty (`{}`).
    An unknown site is a 404.

    - Permission: Read Folder Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`.

    Args:
        site_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FolderResponse | WixError
    """

    return (
        await asyncio_detailed(
            site_id=site_id,
            client=client,
        )
    ).parsed
