from __future__ import annotations

from http import HTTPStatus
from typing import TYPE_CHECKING, Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.empty import Empty
from ...models.publish_site_request import PublishSiteRequest
from ...types import Response

if TYPE_CHECKING:
    from ...models.wix_error import WixError


def _get_kwargs(
    *,
    body: PublishSiteRequest | None = None,
    wix_site_id: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["wix-site-id"] = wix_site_id

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/site-publisher/v1/site/publish",
    }

    if body is not None:
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
    client: AuthenticatedClient,
    body: PublishSiteRequest | None = None,
    wix_site_id: str,
) -> Response[Empty | WixError]:
    """Publish Site

     Publishes the site named by the `wix-site-id` header: the first publish makes the site
    public, later ones push the latest editor changes live. A **site-level** call: it sends the
    API key in `Authorization` with `wix-site-id`, not `wix-account-id`. The body is `{}`.
    Documented on Wix's developer site (`POST https://www.wixapis.com/site-publisher/v1/site/publish`;
    the page dev.wix.com/docs/api-reference/account-level/sites/site-actions/publish-site); the
    reference folder of this project has no service description for it. A signed request (the
    sandbox's) is signed for the instance of the site it publishes (see `wixSignature`).

    - Permission: Manage SEO Settings (`SCOPE.PROMOTE.MANAGE-SEO`), the one permission scope
      Wix's Publish Site page lists. It is the only source: Wix's service descriptions
      (github.com/wix-incubator/wix-rest-docs, `all/all-apis/site-actions-api.service.json`,
      every version from January to December 2023) describe Bulk Delete Site and Duplicate
      Site, never Publish Site, and the older REST pages (dev.wix.com/api/rest/account-level-apis/site-
    actions)
      list no scope for it. An SEO scope for publishing is unexpected, but it is what Wix
      names: a key refused with 403 needs that scope added.
    - Errors Wix documents for it: 428 `FAILED_PRECONDITION` (the page lists one 428 and names
      no code in the material found; Wix validates a site before it publishes it).
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 428 `SITE_IN_TRASH`,
      403 `PERMISSION_DENIED` (a signed request for another site's instance).

    Choices where the docs are silent (`x-wixsites-extension`): the answer is `{}`; publishing
    sets `published` and sets `updatedDate` to the time of the publish (the live site
    changed), also when the site was published already; a site in the trash cannot be
    published (428 `SITE_IN_TRASH`); a `wix-site-id` that is not a site of the key's account
    (or of one of its sub-accounts) is a 404 `NOT_FOUND`. The sandbox ignores a
    `wix-account-id` sent as well; clients must not send both.

    Args:
        wix_site_id (str):
        body (PublishSiteRequest | None): Publish Site takes an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
        wix_site_id=wix_site_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PublishSiteRequest | None = None,
    wix_site_id: str,
) -> Empty | WixError | None:
    """Publish Site

     Publishes the site named by the `wix-site-id` header: the first publish makes the site
    public, later ones push the latest editor changes live. A **site-level** call: it sends the
    API key in `Authorization` with `wix-site-id`, not `wix-account-id`. The body is `{}`.
    Documented on Wix's developer site (`POST https://www.wixapis.com/site-publisher/v1/site/publish`;
    the page dev.wix.com/docs/api-reference/account-level/sites/site-actions/publish-site); the
    reference folder of this project has no service description for it. A signed request (the
    sandbox's) is signed for the instance of the site it publishes (see `wixSignature`).

    - Permission: Manage SEO Settings (`SCOPE.PROMOTE.MANAGE-SEO`), the one permission scope
      Wix's Publish Site page lists. It is the only source: Wix's service descriptions
      (github.com/wix-incubator/wix-rest-docs, `all/all-apis/site-actions-api.service.json`,
      every version from January to December 2023) describe Bulk Delete Site and Duplicate
      Site, never Publish Site, and the older REST pages (dev.wix.com/api/rest/account-level-apis/site-
    actions)
      list no scope for it. An SEO scope for publishing is unexpected, but it is what Wix
      names: a key refused with 403 needs that scope added.
    - Errors Wix documents for it: 428 `FAILED_PRECONDITION` (the page lists one 428 and names
      no code in the material found; Wix validates a site before it publishes it).
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 428 `SITE_IN_TRASH`,
      403 `PERMISSION_DENIED` (a signed request for another site's instance).

    Choices where the docs are silent (`x-wixsites-extension`): the answer is `{}`; publishing
    sets `published` and sets `updatedDate` to the time of the publish (the live site
    changed), also when the site was published already; a site in the trash cannot be
    published (428 `SITE_IN_TRASH`); a `wix-site-id` that is not a site of the key's account
    (or of one of its sub-accounts) is a 404 `NOT_FOUND`. The sandbox ignores a
    `wix-account-id` sent as well; clients must not send both.

    Args:
        wix_site_id (str):
        body (PublishSiteRequest | None): Publish Site takes an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Empty | WixError
    """

    return sync_detailed(
        client=client,
        body=body,
        wix_site_id=wix_site_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PublishSiteRequest | None = None,
    wix_site_id: str,
) -> Response[Empty | WixError]:
    """Publish Site

     Publishes the site named by the `wix-site-id` header: the first publish makes the site
    public, later ones push the latest editor changes live. A **site-level** call: it sends the
    API key in `Authorization` with `wix-site-id`, not `wix-account-id`. The body is `{}`.
    Documented on Wix's developer site (`POST https://www.wixapis.com/site-publisher/v1/site/publish`;
    the page dev.wix.com/docs/api-reference/account-level/sites/site-actions/publish-site); the
    reference folder of this project has no service description for it. A signed request (the
    sandbox's) is signed for the instance of the site it publishes (see `wixSignature`).

    - Permission: Manage SEO Settings (`SCOPE.PROMOTE.MANAGE-SEO`), the one permission scope
      Wix's Publish Site page lists. It is the only source: Wix's service descriptions
      (github.com/wix-incubator/wix-rest-docs, `all/all-apis/site-actions-api.service.json`,
      every version from January to December 2023) describe Bulk Delete Site and Duplicate
      Site, never Publish Site, and the older REST pages (dev.wix.com/api/rest/account-level-apis/site-
    actions)
      list no scope for it. An SEO scope for publishing is unexpected, but it is what Wix
      names: a key refused with 403 needs that scope added.
    - Errors Wix documents for it: 428 `FAILED_PRECONDITION` (the page lists one 428 and names
      no code in the material found; Wix validates a site before it publishes it).
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 428 `SITE_IN_TRASH`,
      403 `PERMISSION_DENIED` (a signed request for another site's instance).

    Choices where the docs are silent (`x-wixsites-extension`): the answer is `{}`; publishing
    sets `published` and sets `updatedDate` to the time of the publish (the live site
    changed), also when the site was published already; a site in the trash cannot be
    published (428 `SITE_IN_TRASH`); a `wix-site-id` that is not a site of the key's account
    (or of one of its sub-accounts) is a 404 `NOT_FOUND`. The sandbox ignores a
    `wix-account-id` sent as well; clients must not send both.

    Args:
        wix_site_id (str):
        body (PublishSiteRequest | None): Publish Site takes an empty object.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Empty | WixError]
    """

    kwargs = _get_kwargs(
        body=body,
        wix_site_id=wix_site_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PublishSiteRequest | None = None,
    wix_site_id: str,
) -> Empty | WixError | None:
    """Publish Site

     Publishes the site named by the `wix-site-id` header: the first publish makes the site
    public, later ones push the latest editor changes live. A **site-level** call: it sends the
    API key in `Authorization` with `wix-site-id`, not `wix-account-id`. The body is `{}`.
    Documented on Wix's developer site (`POST https://www.wixapis.com/site-publisher/v1/site/publish`;
    the page dev.wix.com/docs/api-reference/account-level/sites/site-actions/publish-site); the
    reference folder of this project has no service description for it. A signed request (the
    sandbox's) is signed for the instance of the site it publishes (see `wixSignature`).

    - Permission: Manage SEO Settings (`SCOPE.PROMOTE.MANAGE-SEO`), the one permission scope
      Wix's Publish Site page lists. It is the only source: Wix's service descriptions
      (github.com/wix-incubator/wix-rest-docs, `all/all-apis/site-actions-api.service.json`,
      every version from January to December 2023) describe Bulk Delete Site and Duplicate
      Site, never Publish Site, and the older REST pages (dev.wix.com/api/rest/account-level-apis/site-
    actions)
      list no scope for it. An SEO scope for publishing is unexpected, but it is what Wix
      names: a key refused with 403 needs that scope added.
    - Errors Wix documents for it: 428 `FAILED_PRECONDITION` (the page lists one 428 and names
      no code in the material found; Wix validates a site before it publishes it).
    - The sandbox's own errors (`x-wixsites-errors`): 404 `NOT_FOUND`, 428 `SITE_IN_TRASH`,
      403 `PERMISSION_DENIED` (a signed request for another site's instance).

    Choices where the docs are silent (`x-wixsites-extension`): the answer is `{}`; publishing
    sets `published` and sets `updatedDate` to the time of the publish (the live site
    changed), also when the site was published already; a site in the trash cannot be
    published (428 `SITE_IN_TRASH`); a `wix-site-id` that is not a site of the key's account
    (or of one of its sub-accounts) is a 404 `NOT_FOUND`. The sandbox ignores a
    `wix-account-id` sent as well; clients must not send both.

    Args:
        wix_site_id (str):
        body (PublishSiteRequest | None): Publish Site takes an empty object.

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
            wix_site_id=wix_site_id,
        )
    ).parsed
