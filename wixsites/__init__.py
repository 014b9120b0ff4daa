"""wixsites: the sites and folders of a Wix account, from Python (sync and async).

    from wixsites import WixSites

    with WixSites.from_env() as wix:
        for site in wix.sites.query({"published": True}):
            print(site.display_name)

Results are the generated `wix_sites_api.models` objects (`Site`, `Folder`); errors are
`WixError` subclasses.

Every name below is imported on first use (PEP 562), so that ``import wixsites`` alone, and the
``wixsites`` command line that lives in this package, do not pay for the whole client.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"  # the one source of the version: the package metadata reads it from here

if TYPE_CHECKING:
    from wixsites import webhooks
    from wixsites.bulk import MoveReport
    from wixsites.client import AsyncWixSites, WixSites
    from wixsites.errors import (
        AlreadyExists,
        AmbiguousFolderPath,
        AuthenticationError,
        ConfigurationError,
        CursorExpired,
        DeadlineExceeded,
        FailedPrecondition,
        FieldViolation,
        InvalidArgument,
        InvalidResponse,
        NetworkError,
        NotFound,
        NotWixApi,
        PagingError,
        PermissionDenied,
        RateLimited,
        ServerError,
        SiteInTrash,
        SiteNotInSourceAccount,
        TargetAccountNotFound,
        TransferNotAllowed,
        TransferNotSupported,
        WebhookError,
        WebhookPayloadError,
        WebhookSignatureError,
        WixError,
    )
    from wixsites.folders import (
        AsyncFolderQuery,
        AsyncFolders,
        AsyncTreeRequest,
        FolderQuery,
        Folders,
    )
    from wixsites.legacy import AsyncLegacyPager, LegacyPage, LegacyPager
    from wixsites.options import CallOptions
    from wixsites.paging import Page
    from wixsites.responses import RawResponse, ResponseInfo
    from wixsites.retry import RetryPolicy
    from wixsites.sites import AsyncSiteQuery, AsyncSites, SiteQuery, Sites
    from wixsites.transport import RequestInfo
    from wixsites.tree import FolderNode, FolderTree

__all__ = [
    "AlreadyExists",
    "AmbiguousFolderPath",
    "AsyncFolderQuery",
    "AsyncFolders",
    "AsyncLegacyPager",
    "AsyncSiteQuery",
    "AsyncSites",
    "AsyncTreeRequest",
    "AsyncWixSites",
    "AuthenticationError",
    "CallOptions",
    "ConfigurationError",
    "CursorExpired",
    "DeadlineExceeded",
    "FailedPrecondition",
    "FieldViolation",
    "FolderNode",
    "FolderQuery",
    "FolderTree",
    "Folders",
    "InvalidArgument",
    "InvalidResponse",
    "LegacyPage",
    "LegacyPager",
    "MoveReport",
    "NetworkError",
    "NotFound",
    "NotWixApi",
    "Page",
    "PagingError",
    "PermissionDenied",
    "RateLimited",
    "RawResponse",
    "RequestInfo",
    "ResponseInfo",
    "RetryPolicy",
    "ServerError",
    "SiteInTrash",
    "SiteNotInSourceAccount",
    "SiteQuery",
    "Sites",
    "TargetAccountNotFound",
    "TransferNotAllowed",
    "TransferNotSupported",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WixError",
    "WixSites",
    "__version__",
    "webhooks",
]

# the module of wixsites that defines each name of __all__
_MODULES = {
    "MoveReport": "bulk",
    "AsyncWixSites": "client",
    "WixSites": "client",
    "AlreadyExists": "errors",
    "AmbiguousFolderPath": "errors",
    "AuthenticationError": "errors",
    "ConfigurationError": "errors",
    "CursorExpired": "errors",
    "DeadlineExceeded": "errors",
    "FailedPrecondition": "errors",
    "FieldViolation": "errors",
    "InvalidArgument": "errors",
    "InvalidResponse": "errors",
    "NetworkError": "errors",
    "NotFound": "errors",
    "NotWixApi": "errors",
    "PagingError": "errors",
    "PermissionDenied": "errors",
    "RateLimited": "errors",
    "ServerError": "errors",
    "SiteInTrash": "errors",
    "SiteNotInSourceAccount": "errors",
    "TargetAccountNotFound": "errors",
    "TransferNotAllowed": "errors",
    "TransferNotSupported": "errors",
    "WebhookError": "errors",
    "WebhookPayloadError": "errors",
    "WebhookSignatureError": "errors",
    "WixError": "errors",
    "AsyncFolderQuery": "folders",
    "AsyncFolders": "folders",
    "AsyncTreeRequest": "folders",
    "FolderQuery": "folders",
    "Folders": "folders",
    "AsyncLegacyPager": "legacy",
    "LegacyPage": "legacy",
    "LegacyPager": "legacy",
    "CallOptions": "options",
    "Page": "paging",
    "RawResponse": "responses",
    "ResponseInfo": "responses",
    "RetryPolicy": "retry",
    "AsyncSiteQuery": "sites",
    "AsyncSites": "sites",
    "SiteQuery": "sites",
    "Sites": "sites",
    "RequestInfo": "transport",
    "FolderNode": "tree",
    "FolderTree": "tree",
}


def __getattr__(name: str) -> Any:
    if name == "webhooks":  # a subpackage: `wixsites.webhooks.parse(...)` after `import wixsites`
        return importlib.import_module("wixsites.webhooks")
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module 'wixsites' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"wixsites.{module}"), name)
    globals()[name] = value  # imported once; later look-ups do not come back here
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
