"""``wix.with_raw_response``: the calls that make one request, each returning a `RawResponse`
(the result, and the status, headers and request id of the answer it came from).

Offered: the calls whose result comes from one answer: ``sites.count``, ``publish``,
``duplicate``, ``transfer``; ``folders.create``, ``rename``, ``delete``, ``of_site``, ``get``;
and ``request``. (When such a call must settle a lost answer by asking again, e.g. a transfer
whose answer never came is checked by reading the site, its response is that last answer.)

Not offered: the calls that page or batch. A query's pages each carry their answer
(``for page in wix.sites.query().pages(): page.response``); a bulk move's requests, like every
request, are given to the `on_request` hook and the "wixsites" logger.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar

from wixsites.responses import RawResponse, recording

if TYPE_CHECKING:
    from wixsites.client import AsyncWixSites, WixSites
    from wixsites.folders import AsyncFolders, Folders
    from wixsites.sites import AsyncSites, Sites

__all__ = [
    "AsyncRawFolders",
    "AsyncRawSites",
    "AsyncRawWixSites",
    "RawFolders",
    "RawSites",
    "RawWixSites",
    "raw",
    "raw_async",
]

P = ParamSpec("P")
R = TypeVar("R")


def raw(func: Callable[P, R]) -> Callable[P, RawResponse[R]]:
    """`func`, returning its result with the answer it came from."""

    @functools.wraps(func)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with recording() as rec:
            result = func(*args, **kwargs)
        return rec.response(result)

    return call


def raw_async(func: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[RawResponse[R]]]:
    """`raw` for a coroutine function."""

    @functools.wraps(func)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[R]:
        with recording() as rec:
            result = await func(*args, **kwargs)
        return rec.response(result)

    return call


class RawSites:
    """``wix.with_raw_response.sites``: ``count``, ``publish``, ``duplicate``, ``transfer``,
    each returning a `RawResponse`."""

    def __init__(self, sites: Sites) -> None:
        self.count = raw(sites.count)
        self.publish = raw(sites.publish)
        self.duplicate = raw(sites.duplicate)
        self.transfer = raw(sites.transfer)


class RawFolders:
    """``wix.with_raw_response.folders``: ``create``, ``rename``, ``delete``, ``of_site``,
    ``get``, each returning a `RawResponse`."""

    def __init__(self, folders: Folders) -> None:
        self.create = raw(folders.create)
        self.rename = raw(folders.rename)
        self.delete = raw(folders.delete)
        self.of_site = raw(folders.of_site)
        self.get = raw(folders.get)


class RawWixSites:
    """``wix.with_raw_response``: ``.sites``, ``.folders`` and ``.request``, whose calls return
    a `RawResponse`."""

    def __init__(self, client: WixSites) -> None:
        self.sites = RawSites(client.sites)
        self.folders = RawFolders(client.folders)
        self.request = raw(client.request)


class AsyncRawSites:
    """`RawSites` for `AsyncWixSites` (awaited)."""

    def __init__(self, sites: AsyncSites) -> None:
        self.count = raw_async(sites.count)
        self.publish = raw_async(sites.publish)
        self.duplicate = raw_async(sites.duplicate)
        self.transfer = raw_async(sites.transfer)


class AsyncRawFolders:
    """`RawFolders` for `AsyncWixSites` (awaited)."""

    def __init__(self, folders: AsyncFolders) -> None:
        self.create = raw_async(folders.create)
        self.rename = raw_async(folders.rename)
        self.delete = raw_async(folders.delete)
        self.of_site = raw_async(folders.of_site)
        self.get = raw_async(folders.get)


class AsyncRawWixSites:
    """`RawWixSites` for `AsyncWixSites` (awaited)."""

    def __init__(self, client: AsyncWixSites) -> None:
        self.sites = AsyncRawSites(client.sites)
        self.folders = AsyncRawFolders(client.folders)
        self.request = raw_async(client.request)
