"""One value per API call: which generated function to run, with which arguments, and how to read
its answer. Pure: the sync and async runners execute them (`module.sync_detailed` or
`module.asyncio_detailed`), with retries."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import httpx

from wixsites.errors import InvalidArgument, NotWixApi, WixError, cap_text

if TYPE_CHECKING:
    from wix_sites_api import Client
    from wix_sites_api.models import (
        CountSitesResponse,
        Filter,
        Folder,
        FolderResponse,
        MoveFoldersResponse,
        QueryFoldersResponse,
        QuerySitesResponse,
        Site,
        Sorting,
    )

    from wixsites.paging import Page

# The generated endpoint modules and models are imported by the function that needs them: a
# program that never moves a folder does not load Move Folders (and `import wixsites` loads none).

__all__ = ["PERMISSIONS", "Call", "RawEndpoint", "raw_call"]

R = TypeVar("R")


# The Wix permission each operation needs (openapi.yaml's `x-wix-permissions`, keyed by the
# operation's summary, which is each call's label); tests check that the two agree.
PERMISSIONS: dict[str, tuple[str, ...]] = {
    "Query Sites": ("Read Site Data",),
    "Count Sites": ("Read Site Data",),
    "Query Folders": ("Read Folder Data",),
    "Get Folder By Site": ("Read Folder Data",),
    "Create Folder": ("Manage Folders",),
    "Update Folder": ("Manage Folders",),
    "Delete Folder": ("Manage Folders",),
    "Move Folders": ("Manage Folders",),
    "Move Sites To Folder": ("Manage Folders",),
    "Bulk Delete Site": ("Manage Sites",),
    "Duplicate Site": ("Manage Sites",),
    "Publish Site": ("Manage SEO Settings",),
    "Transfer Site": ("Manage B2B Sites",),
}


@dataclass(frozen=True, slots=True)
class Call(Generic[R]):
    """A request to make: `module` is a generated endpoint module, `kwargs` its arguments.
    A call that is not `idempotent` (Duplicate Site) is not retried after a failure that may
    have been applied. `min_attempts`: the attempts this call gets even when the client's retry
    policy allows fewer (for a read that settles an uncertain move: reading again is always safe)."""

    module: ModuleType | type[RawEndpoint]
    kwargs: dict[str, Any]
    parse: Callable[[Any], R]
    label: str = field(default="")
    idempotent: bool = True
    min_attempts: int = 1

    @property
    def permissions(self) -> tuple[str, ...]:
        return PERMISSIONS.get(self.label, ())

    def result(self, parsed: object, status: int | None = None, request_id: str | None = None) -> R:
        """The parsed answer."""
        if parsed is None:  # a status the spec does not document as success (e.g. a redirect)
            raise WixError(
                f"{self.label}: unexpected answer from Wix", status=status, request_id=request_id
            )
        return self.parse(parsed)


@dataclass(frozen=True, slots=True)
class RawResponse:
    """What the runners read of an answer (as of the generated `Response`)."""

    status_code: int
    headers: Mapping[str, str]
    parsed: Any


def _raw_answer(response: httpx.Response, server: str) -> RawResponse:
    content = response.content
    if not content.strip():
        parsed: Any = {}
    else:
        try:
            parsed = response.json()
        except (ValueError, RecursionError):  # RecursionError: JSON nested too deeply
            kind = response.headers.get("content-type", "").split(";")[0] or "no content type"
            raise NotWixApi(
                f"the server at {server} does not look like the Wix API: it answered "
                f"{response.status_code} with a body that is not JSON ({kind})",
                status=response.status_code,
                request_id=response.headers.get("x-wix-request-id"),
            ) from None
    return RawResponse(response.status_code, response.headers, parsed)


class RawEndpoint:
    """Any endpoint of the Wix API, by method and path, with the generated endpoints' interface:
    the same client (auth, pacing, logging, error mapping) and the same runners (retries)."""

    @staticmethod
    def sync_detailed(*, client: Client, **request: Any) -> RawResponse:
        http = client.get_httpx_client()
        response = http.request(**_request_args(**request))
        return _raw_answer(response, str(http.base_url).rstrip("/"))

    @staticmethod
    async def asyncio_detailed(*, client: Client, **request: Any) -> RawResponse:
        http = client.get_async_httpx_client()
        response = await http.request(**_request_args(**request))
        return _raw_answer(response, str(http.base_url).rstrip("/"))


def _request_args(
    *, method: str, path: str, body: Any, params: Mapping[str, str]
) -> dict[str, Any]:
    """`RawEndpoint`'s arguments as httpx's ``request`` takes them."""
    return {"method": method, "url": path, "json": body, "params": params or None}


METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})


def raw_call(
    method: str, path: str, body: Any = None, params: Mapping[str, str] | None = None
) -> Call[Any]:
    """A request to any Wix endpoint: `path` is relative to the base URL ("/site-list/v2/...").
    Its headers are the call's options (``wix-site-id`` for a site-level call)."""
    verb = method.upper() if isinstance(method, str) else ""
    if verb not in METHODS:
        raise InvalidArgument(f"method must be one of {', '.join(sorted(METHODS))}, not {method!r}")
    if not isinstance(path, str) or not path.startswith("/") or "://" in path:
        raise InvalidArgument(
            f"give a path under the base URL, such as /site-list/v2/sites/query, not {path!r}"
        )
    kwargs = {"method": verb, "path": path, "body": body, "params": dict(params or {})}
    # The label (in errors and the log) leaves out a query string: a secret may travel there.
    label = f"{verb} {path.partition('?')[0]}"
    return Call(RawEndpoint, kwargs, lambda parsed: parsed, label)


def _filter(value: Mapping[str, Any] | None) -> Filter | None:
    from wix_sites_api.models import Filter

    return None if value is None else Filter.from_dict(value)


def _sorting(value: Sequence[Mapping[str, str]] | None) -> list[Sorting] | None:
    from wix_sites_api.models import Sorting, SortOrder

    if not value:
        return None
    return [Sorting(field_name=s["fieldName"], order=SortOrder(s["order"])) for s in value]


# The generated parsers check the shape of an answer, not every field's type; the fields the SDK
# computes with are checked here, inside the call, so that a wrong type is an `InvalidResponse`.


def _opt_int(value: object, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} is {cap_text(repr(value), 40)}, not a non-negative integer")
    return value


def _opt_bool(value: object, what: str) -> bool | None:
    if value is None:
        return None
    if not isinstance(value, bool):
        raise ValueError(f"{what} is {cap_text(repr(value), 40)}, not true or false")
    return value


def _text_fields(items: Sequence[object], kind: str, *fields: str) -> None:
    for item in items:
        for name in fields:
            value = getattr(item, name)
            if not (value is None or isinstance(value, str)):
                raise ValueError(f"a {kind}'s {name} is {cap_text(repr(value), 40)}, not a string")


def _cursor_page(parsed: QuerySitesResponse, cursor: str | None) -> Page[Site]:
    from wixsites.paging import Page

    items = [] if parsed.sites is None else parsed.sites
    _text_fields(items, "site", "folder_id")
    next_cursor: str | None = None
    prev_cursor: str | None = None
    has_next: bool | None = None
    meta = parsed.metadata
    if meta is not None:
        has_next = _opt_bool(meta.has_next, "hasNext")
        if meta.cursors is not None:
            nxt, prv = meta.cursors.next_, meta.cursors.prev
            next_cursor = nxt if isinstance(nxt, str) and nxt else None
            prev_cursor = prv if isinstance(prv, str) and prv else None
    if has_next is False:
        next_cursor = None
    # The deprecated `cursorPaging` is never read: Wix's examples give its cursor as a string and as
    # an object, so only `metadata.cursors.next` is a cursor the SDK can send back.
    return Page(
        items=items,
        cursor=cursor,
        next_cursor=next_cursor,
        prev_cursor=prev_cursor,
        has_next=next_cursor is not None,
        raw=parsed,
    )


def query_sites_page(
    *,
    filter: Mapping[str, Any] | None,
    sort: Sequence[Mapping[str, str]] | None,
    limit: int,
    cursor: str | None,
) -> Call[Page[Site]]:
    from wix_sites_api.api.sites import query_sites
    from wix_sites_api.models import CursorPaging, QuerySitesRequest, SitesQuery

    if cursor:  # the cursor carries the filter and the sort
        query = SitesQuery(cursor_paging=CursorPaging(limit=limit, cursor=cursor))
    else:
        query = SitesQuery(
            filter_=_filter(filter), sort=_sorting(sort), cursor_paging=CursorPaging(limit=limit)
        )
    return Call(
        query_sites,
        {"body": QuerySitesRequest(query=query)},
        lambda parsed: _cursor_page(parsed, cursor),
        "Query Sites",
    )


def _count(parsed: CountSitesResponse) -> int:
    if parsed.count is None:
        return 0
    count = _opt_int(parsed.count, "count")
    if count is None:
        raise ValueError("count is null, not a non-negative integer")
    return count


def count_sites_call(filter: Mapping[str, Any] | None) -> Call[int]:
    from wix_sites_api.api.sites import count_sites
    from wix_sites_api.models import CountSitesRequest

    return Call(
        count_sites, {"body": CountSitesRequest(filter_=_filter(filter))}, _count, "Count Sites"
    )


def _offset_page(parsed: QueryFoldersResponse, offset: int) -> Page[Folder]:
    from wixsites.paging import Page

    items = [] if parsed.folders is None else parsed.folders
    _text_fields(items, "folder", "name", "parent_id")
    total: int | None = None
    echoed: int | None = None
    if parsed.metadata is not None:
        total = _opt_int(parsed.metadata.total, "total")
        echoed = _opt_int(parsed.metadata.offset, "offset")
    return Page(items=items, offset=offset if echoed is None else echoed, total=total, raw=parsed)


def query_folders_page(
    *,
    filter: Mapping[str, Any] | None,
    sort: Sequence[Mapping[str, str]] | None,
    limit: int,
    offset: int,
) -> Call[Page[Folder]]:
    from wix_sites_api.api.folders import query_folders
    from wix_sites_api.models import FoldersQuery, Paging, QueryFoldersRequest

    query = FoldersQuery(
        filter_=_filter(filter), sort=_sorting(sort), paging=Paging(limit=limit, offset=offset)
    )
    return Call(
        query_folders,
        {"body": QueryFoldersRequest(query=query)},
        lambda parsed: _offset_page(parsed, offset),
        "Query Folders",
    )


def _folder(parsed: FolderResponse) -> Folder:
    from wix_sites_api.models import Folder

    return Folder() if parsed.folder is None else parsed.folder


def create_folder_call(name: str, parent_id: str) -> Call[Folder]:
    from wix_sites_api.api.folders import create_folder
    from wix_sites_api.models import CreateFolderRequest, NewFolder

    new = NewFolder(name=name, parent_id=parent_id or None)
    return Call(create_folder, {"body": CreateFolderRequest(folder=new)}, _folder, "Create Folder")


def rename_folder_call(folder_id: str, name: str) -> Call[Folder]:
    from wix_sites_api.api.folders import update_folder
    from wix_sites_api.models import FolderPatch, UpdateFolderRequest

    # The string form of the mask, as in Wix's Update Folder example.
    body = UpdateFolderRequest(folder=FolderPatch(id=folder_id, name=name), field_mask="name")
    return Call(update_folder, {"folder_id": folder_id, "body": body}, _folder, "Update Folder")


def delete_folder_call(folder_id: str) -> Call[None]:
    from wix_sites_api.api.folders import delete_folder

    return Call(delete_folder, {"folder_id": folder_id}, lambda _: None, "Delete Folder")


def folder_of_site_call(site_id: str) -> Call[Folder]:
    from wix_sites_api.api.folders import get_folder_by_site

    return Call(get_folder_by_site, {"site_id": site_id}, _folder, "Get Folder By Site")


def move_sites_call(site_ids: Sequence[str], target: str) -> Call[None]:
    from wix_sites_api.api.folders import move_sites_to_folder
    from wix_sites_api.models import MoveSitesToFolderRequest, SiteIdFilter, SiteIdIn

    body = MoveSitesToFolderRequest(
        sites=SiteIdFilter(id=SiteIdIn(in_=list(site_ids))), target_folder_id=target
    )
    return Call(move_sites_to_folder, {"body": body}, lambda _: None, "Move Sites To Folder")


def _moved_folders(parsed: MoveFoldersResponse) -> list[Folder]:
    return [] if parsed.folders is None else parsed.folders


def move_folders_call(folder_ids: Sequence[str], target: str) -> Call[list[Folder]]:
    from wix_sites_api.api.folders import move_folders
    from wix_sites_api.models import MoveFoldersRequest

    body = MoveFoldersRequest(folder_ids=list(folder_ids), target_folder_id=target)
    return Call(move_folders, {"body": body}, _moved_folders, "Move Folders")
