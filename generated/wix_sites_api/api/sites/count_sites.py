from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.count_sites_request import CountSitesRequest
from ...models.count_sites_response import CountSitesResponse
from ...models.wix_error import WixError
from ...types import Response


def _get_kwargs(
    *,
    body: CountSitesRequest | None = None,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-list/v2/sites/count",
    }

    if body is not None:
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CountSitesResponse | WixError | None:
    if response.status_code == 200:
        response_200 = CountSitesResponse.from_dict(response.json())

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
) -> Response[CountSitesResponse | WixError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CountSitesRequest | None = None,
) -> Response[CountSitesResponse | WixError]:
    """Count Sites

     Retrieves the number of sites that match the filter. The `premium` and `appIds` filters are not
    supported by this endpoint and are ignored. As with Query Sites, an empty filter counts only
    `WIX`-namespace sites. The filter is free-form JSON, so a schema-valid filter with an unknown
    operator or a value of the wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Site Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (CountSitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountSitesResponse | WixError]
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
    body: CountSitesRequest | None = None,
) -> CountSitesResponse | WixError | None:
    """Count Sites

     Retrieves the number of sites that match the filter. The `premium` and `appIds` filters are not
    supported by this endpoint and are ignored. As with Query Sites, an empty filter counts only
    `WIX`-namespace sites. The filter is free-form JSON, so a schema-valid filter with an unknown
    operator or a value of the wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Site Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (CountSitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountSitesResponse | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: CountSitesRequest | None = None,
) -> Response[CountSitesResponse | WixError]:
    """Count Sites

     Retrieves the number of sites that match the filter. The `premium` and `appIds` filters are not
    supported by this endpoint and are ignored. As with Query Sites, an empty filter counts only
    `WIX`-namespace sites. The filter is free-form JSON, so a schema-valid filter with an unknown
    operator or a value of the wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Site Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (CountSitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CountSitesResponse | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: CountSitesRequest | None = None,
) -> CountSitesResponse | WixError | None:
    """Count Sites

     Retrieves the number of sites that match the filter. The `premium` and `appIds` filters are not
    supported by this endpoint and are ignored. As with Query Sites, an empty filter counts only
    `WIX`-namespace sites. The filter is free-form JSON, so a schema-valid filter with an unknown
    operator or a value of the wrong shape is still a 400 `MALFORMED_FILTER`.

    - Permission: Read Site Data.
    - Wix documents no errors of its own for it; the standard errors apply.
    - The sandbox's own errors (`x-wixsites-errors`): 400 `MALFORMED_FILTER`.

    Args:
        body (CountSitesRequest | None):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CountSitesResponse | WixError
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
