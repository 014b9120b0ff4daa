from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.move_sites_to_folder_request import MoveSitesToFolderRequest
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: MoveSitesToFolderRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-folders/v2/folders/bulk/sites/move",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    *,
    client: AuthenticatedClient | Client,
    body: MoveSitesToFolderRequest,
) -> Response[Empty | WixError]:
    """Move Sites To Folder

     Moves up to 500 sites into `targetFolderId` (`""` or `"root"` for root). `sites` is a filter that
    supports only site ids: `{"id": {"$in": [...]}}`. All or nothing: an unknown site or folder is a
    404 naming the ids, and nothing moves. A site already in the target stays there (moving is
    idempotent). Duplicate ids count once.

    A site in the trash is in no folder (Bulk Delete Site takes it out of its folder) and cannot
    be moved into one, nor to root: a request naming one is a 428 `SITE_IN_TRASH` whose
    `applicationError.data.trashedIds` lists the trashed ids (lower case), and nothing moves;
    send the others again (the Python SDK does so, and reports each trashed id as "in the
    trash: restore it first"). The 404 for unknown ids comes first. A folder's `siteCount`
    therefore never counts a trashed site. This refusal is the sandbox's
    (`x-wixsites-extension`): Wix documents none.

    - Permission: Manage Folders.
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT` (`malformed_filter`), 400 `INVALID_ARGUMENT`,
    400 `INVALID_ARGUMENT`, 404 `NOT_FOUND`.
    - Of the three 400s, Wix names only `malformed_filter`; the other two are not named in the
      reference material of this project.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `INVALID_ARGUMENT` (a `sites` filter
      of another shape), 428 `SITE_IN_TRASH`.

    Args:
        body (MoveSitesToFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
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
    body: MoveSitesToFolderRequest,
) -> Empty | WixError | None:
    """Move Sites To Folder

     Moves up to 500 sites into `targetFolderId` (`""` or `"root"` for root). `sites` is a filter that
    supports only site ids: `{"id": {"$in": [...]}}`. All or nothing: an unknown site or folder is a
    404 naming the ids, and nothing moves. A site already in the target stays there (moving is
    idempotent). Duplicate ids count once.

    A site in the trash is in no folder (Bulk Delete Site takes it out of its folder) and cannot
    be moved into one, nor to root: a request naming one is a 428 `SITE_IN_TRASH` whose
    `applicationError.data.trashedIds` lists the trashed ids (lower case), and nothing moves;
    send the others again (the Python SDK does so, and reports each trashed id as "in the
    trash: restore it first"). The 404 for unknown ids comes first. A folder's `siteCount`
    therefore never counts a trashed site. This refusal is the sandbox's
    (`x-wixsites-extension`): Wix documents none.

    - Permission: Manage Folders.
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT` (`malformed_filter`), 400 `INVALID_ARGUMENT`,
    400 `INVALID_ARGUMENT`, 404 `NOT_FOUND`.
    - Of the three 400s, Wix names only `malformed_filter`; the other two are not named in the
      reference material of this project.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `INVALID_ARGUMENT` (a `sites` filter
      of another shape), 428 `SITE_IN_TRASH`.

    Args:
        body (MoveSitesToFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MoveSitesToFolderRequest,
) -> Response[Empty | WixError]:
    """Move Sites To Folder

     Moves up to 500 sites into `targetFolderId` (`""` or `"root"` for root). `sites` is a filter that
    supports only site ids: `{"id": {"$in": [...]}}`. All or nothing: an unknown site or folder is a
    404 naming the ids, and nothing moves. A site already in the target stays there (moving is
    idempotent). Duplicate ids count once.

    A site in the trash is in no folder (Bulk Delete Site takes it out of its folder) and cannot
    be moved into one, nor to root: a request naming one is a 428 `SITE_IN_TRASH` whose
    `applicationError.data.trashedIds` lists the trashed ids (lower case), and nothing moves;
    send the others again (the Python SDK does so, and reports each trashed id as "in the
    trash: restore it first"). The 404 for unknown ids comes first. A folder's `siteCount`
    therefore never counts a trashed site. This refusal is the sandbox's
    (`x-wixsites-extension`): Wix documents none.

    - Permission: Manage Folders.
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT` (`malformed_filter`), 400 `INVALID_ARGUMENT`,
    400 `INVALID_ARGUMENT`, 404 `NOT_FOUND`.
    - Of the three 400s, Wix names only `malformed_filter`; the other two are not named in the
      reference material of this project.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `INVALID_ARGUMENT` (a `sites` filter
      of another shape), 428 `SITE_IN_TRASH`.

    Args:
        body (MoveSitesToFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MoveSitesToFolderRequest,
) -> Empty | WixError | None:
    """Move Sites To Folder

     Moves up to 500 sites into `targetFolderId` (`""` or `"root"` for root). `sites` is a filter that
    supports only site ids: `{"id": {"$in": [...]}}`. All or nothing: an unknown site or folder is a
    404 naming the ids, and nothing moves. A site already in the target stays there (moving is
    idempotent). Duplicate ids count once.

    A site in the trash is in no folder (Bulk Delete Site takes it out of its folder) and cannot
    be moved into one, nor to root: a request naming one is a 428 `SITE_IN_TRASH` whose
    `applicationError.data.trashedIds` lists the trashed ids (lower case), and nothing moves;
    send the others again (the Python SDK does so, and reports each trashed id as "in the
    trash: restore it first"). The 404 for unknown ids comes first. A folder's `siteCount`
    therefore never counts a trashed site. This refusal is the sandbox's
    (`x-wixsites-extension`): Wix documents none.

    - Permission: Manage Folders.
    - Errors Wix documents for it: 400 `INVALID_ARGUMENT` (`malformed_filter`), 400 `INVALID_ARGUMENT`,
    400 `INVALID_ARGUMENT`, 404 `NOT_FOUND`.
    - Of the three 400s, Wix names only `malformed_filter`; the other two are not named in the
      reference material of this project.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `INVALID_ARGUMENT` (a `sites` filter
      of another shape), 428 `SITE_IN_TRASH`.

    Args:
        body (MoveSitesToFolderRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
