"""wixsites: the sites and folders of a Wix account, from Python (sync and async).

    from wixsites import WixSites

    with WixSites.from_env() as wix:
        for site in wix.sites.query({"published": True}):
            print(site.display_name)

Results are the generated `wix_sites_api.models` objects (`Site`, `Folder`); errors are
`WixError` subclasses.
"""

from importlib.metadata import PackageNotFoundError, version

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
from wixsites.folders import AsyncFolderQuery, AsyncTreeRequest, FolderQuery
from wixsites.legacy import AsyncLegacyPager, LegacyPage, LegacyPager
from wixsites.options import CallOptions
from wixsites.paging import Page
from wixsites.responses import RawResponse, ResponseInfo
from wixsites.retry import RetryPolicy
from wixsites.sites import AsyncSiteQuery, SiteQuery
from wixsites.transport import RequestInfo
from wixsites.tree import FolderNode, FolderTree

try:
    __version__ = version("wixsites")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = [
    "AlreadyExists",
    "AmbiguousFolderPath",
    "AsyncFolderQuery",
    "AsyncLegacyPager",
    "AsyncSiteQuery",
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
