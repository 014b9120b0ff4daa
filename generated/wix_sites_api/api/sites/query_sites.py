from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.query_sites_request import QuerySitesRequest
from ...models.query_sites_response import QuerySitesResponse
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: QuerySitesRequest | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-list/v2/sites/query",
    }

    if body is not None:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> QuerySitesResponse | WixError | None:
    if response.status_code == 200:
        response_200 = QuerySitesResponse.from_dict(response.json())

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
) -> Response[QuerySitesResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QuerySitesRequest | None = None,
) -> Response[QuerySitesResponse | WixError]:
    """Query Sites

     Retrieves a page of the account's sites, given the provided filtering, sorting and cursor
    paging. A query with no filter returns only sites of the `WIX` namespace. The first request may
    carry `filter`, `sort` and `cursorPaging.limit`; every later page sends only `cursorPaging`
    with the cursor from `metadata.cursors.next`: the cursor encodes the filter and the sort.
    Cursors are opaque; in the sandbox they expire 30 minutes after the first request of the
    query (its own choice, marked: Wix documents no expiry for these cursors; the 30 minutes are
    the legacy HTTP API's), and an expired or malformed cursor is a 400. Schema-valid requests that are
    still a 400: a cursor sent together
    with a `filter` or a `sort`, and a filter with an unknown operator or a value of the wrong shape
    (`MALFORMED_FILTER`; the filter is free-form JSON).

    - Permission: Read Site Data.
    - Errors Wix documents for it: 401 `UNAUTHENTICATED`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `CURSOR_EXPIRED`, 400 `MALFORMED_FILTER`.

    Args:
        body (QuerySitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[QuerySitesResponse | WixError]
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
    body: QuerySitesRequest | None = None,
) -> QuerySitesResponse | WixError | None:
    """Query Sites

     Retrieves a page of the account's sites, given the provided filtering, sorting and cursor
    paging. A query with no filter returns only sites of the `WIX` namespace. The first request may
    carry `filter`, `sort` and `cursorPaging.limit`; every later page sends only `cursorPaging`
    with the cursor from `metadata.cursors.next`: the cursor encodes the filter and the sort.
    Cursors are opaque; in the sandbox they expire 30 minutes after the first request of the
    query (its own choice, marked: Wix documents no expiry for these cursors; the 30 minutes are
    the legacy HTTP API's), and an expired or malformed cursor is a 400. Schema-valid requests that are
    still a 400: a cursor sent together
    with a `filter` or a `sort`, and a filter with an unknown operator or a value of the wrong shape
    (`MALFORMED_FILTER`; the filter is free-form JSON).

    - Permission: Read Site Data.
    - Errors Wix documents for it: 401 `UNAUTHENTICATED`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `CURSOR_EXPIRED`, 400 `MALFORMED_FILTER`.

    Args:
        body (QuerySitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        QuerySitesResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: QuerySitesRequest | None = None,
) -> Response[QuerySitesResponse | WixError]:
    """Query Sites

     Retrieves a page of the account's sites, given the provided filtering, sorting and cursor
    paging. A query with no filter returns only sites of the `WIX` namespace. The first request may
    carry `filter`, `sort` and `cursorPaging.limit`; every later page sends only `cursorPaging`
    with the cursor from `metadata.cursors.next`: the cursor encodes the filter and the sort.
    Cursors are opaque; in the sandbox they expire 30 minutes after the first request of the
    query (its own choice, marked: Wix documents no expiry for these cursors; the 30 minutes are
    the legacy HTTP API's), and an expired or malformed cursor is a 400. Schema-valid requests that are
    still a 400: a cursor sent together
    with a `filter` or a `sort`, and a filter with an unknown operator or a value of the wrong shape
    (`MALFORMED_FILTER`; the filter is free-form JSON).

    - Permission: Read Site Data.
    - Errors Wix documents for it: 401 `UNAUTHENTICATED`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `CURSOR_EXPIRED`, 400 `MALFORMED_FILTER`.

    Args:
        body (QuerySitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[QuerySitesResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: QuerySitesRequest | None = None,
) -> QuerySitesResponse | WixError | None:
    """Query Sites

     Retrieves a page of the account's sites, given the provided filtering, sorting and cursor
    paging. A query with no filter returns only sites of the `WIX` namespace. The first request may
    carry `filter`, `sort` and `cursorPaging.limit`; every later page sends only `cursorPaging`
    with the cursor from `metadata.cursors.next`: the cursor encodes the filter and the sort.
    Cursors are opaque; in the sandbox they expire 30 minutes after the first request of the
    query (its own choice, marked: Wix documents no expiry for these cursors; the 30 minutes are
    the legacy HTTP API's), and an expired or malformed cursor is a 400. Schema-valid requests that are
    still a 400: a cursor sent together
    with a `filter` or a `sort`, and a filter with an unknown operator or a value of the wrong shape
    (`MALFORMED_FILTER`; the filter is free-form JSON).

    - Permission: Read Site Data.
    - Errors Wix documents for it: 401 `UNAUTHENTICATED`.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `CURSOR_EXPIRED`, 400 `MALFORMED_FILTER`.

    Args:
        body (QuerySitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        QuerySitesResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
