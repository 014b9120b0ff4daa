"""One value per API call: which generated function to run, with which arguments, and how to read
its answer. Pure: the sync and async runners execute them (`module.sync_detailed` or
`module.asyncio_detailed`), with retries."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Generic, TypeVar

from wix_sites_api.api.folders import (
    create_folder,
    delete_folder,
    get_folder_by_site,
    move_folders,
    move_sites_to_folder,
    query_folders,
    update_folder,
)
from wix_sites_api.api.sites import count_sites, query_sites
from wix_sites_api.models import (
    CountSitesRequest,
    CountSitesResponse,
    CreateFolderRequest,
    CursorPaging,
    FieldMask,
    Filter,
    Folder,
    FolderPatch,
    FolderResponse,
    FoldersQuery,
    MoveFoldersRequest,
    MoveFoldersResponse,
    MoveSitesToFolderRequest,
    NewFolder,
    Paging,
    QueryFoldersRequest,
    QueryFoldersResponse,
    QuerySitesRequest,
    QuerySitesResponse,
    Site,
    SiteIdFilter,
    SiteIdIn,
    SitesQuery,
    Sorting,
    SortOrder,
    UpdateFolderRequest,
)
from wix_sites_api.types import UNSET, Unset

from wixsites.errors import WixError
from wixsites.paging import Page

__all__ = ["Call"]

R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Call(Generic[R]):
    """A request to make: `module` is a generated endpoint module, `kwargs` its arguments."""

    module: ModuleType
    kwargs: dict[str, Any]
    parse: Callable[[Any], R]
    label: str = field(default="")

    def result(self, parsed: object) -> R:
        if parsed is None:  # a status the spec does not document as success (e.g. a redirect)
            raise WixError(f"{self.label}: unexpected answer from Wix")
        return self.parse(parsed)


def _filter(value: Mapping[str, Any] | None) -> Filter | Unset:
    return UNSET if value is None else Filter.from_dict(value)


def _sorting(value: Sequence[Mapping[str, str]] | None) -> list[Sorting] | Unset:
    if not value:
        return UNSET
    return [Sorting(field_name=s["fieldName"], order=SortOrder(s["order"])) for s in value]


def _cursor_page(parsed: QuerySitesResponse, cursor: str | None) -> Page[Site]:
    items = [] if isinstance(parsed.sites, Unset) else parsed.sites
    next_cursor: str | None = None
    prev_cursor: str | None = None
    has_next: bool | None = None
    meta = parsed.metadata
    if not isinstance(meta, Unset):
        if not isinstance(meta.has_next, Unset):
            has_next = meta.has_next
        if not isinstance(meta.cursors, Unset):
            nxt, prv = meta.cursors.next_, meta.cursors.prev
            next_cursor = nxt if isinstance(nxt, str) and nxt else None
            prev_cursor = prv if isinstance(prv, str) and prv else None
    if has_next is False:
        next_cursor = None
    elif next_cursor is None and has_next is None and not isinstance(parsed.cursor_paging, Unset):
        # the deprecated field, for an answer without metadata
        old = parsed.cursor_paging.cursor
        next_cursor = old if isinstance(old, str) and old else None
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
    return 0 if isinstance(parsed.count, Unset) else parsed.count


def count_sites_call(filter: Mapping[str, Any] | None) -> Call[int]:
    return Call(
        count_sites, {"body": CountSitesRequest(filter_=_filter(filter))}, _count, "Count Sites"
    )


def _offset_page(parsed: QueryFoldersResponse, offset: int) -> Page[Folder]:
    items = [] if isinstance(parsed.folders, Unset) else parsed.folders
    total: int | None = None
    echoed: int | None = None
    if not isinstance(parsed.metadata, Unset):
        if not isinstance(parsed.metadata.total, Unset):
            total = parsed.metadata.total
        if not isinstance(parsed.metadata.offset, Unset):
            echoed = parsed.metadata.offset
    return Page(items=items, offset=offset if echoed is None else echoed, total=total, raw=parsed)


def query_folders_page(
    *,
    filter: Mapping[str, Any] | None,
    sort: Sequence[Mapping[str, str]] | None,
    limit: int,
    offset: int,
) -> Call[Page[Folder]]:
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
    return Folder() if isinstance(parsed.folder, Unset) else parsed.folder


def create_folder_call(name: str, parent_id: str) -> Call[Folder]:
    new = NewFolder(name=name, parent_id=parent_id or UNSET)
    return Call(create_folder, {"body": CreateFolderRequest(folder=new)}, _folder, "Create Folder")


def rename_folder_call(folder_id: str, name: str) -> Call[Folder]:
    body = UpdateFolderRequest(
        folder=FolderPatch(id=folder_id, name=name), field_mask=FieldMask.NAME
    )
    return Call(update_folder, {"folder_id": folder_id, "body": body}, _folder, "Update Folder")


def delete_folder_call(folder_id: str) -> Call[None]:
    return Call(delete_folder, {"folder_id": folder_id}, lambda _: None, "Delete Folder")


def folder_of_site_call(site_id: str) -> Call[Folder]:
    return Call(get_folder_by_site, {"site_id": site_id}, _folder, "Get Folder By Site")


def move_sites_call(site_ids: Sequence[str], target: str) -> Call[None]:
    body = MoveSitesToFolderRequest(
        sites=SiteIdFilter(id=SiteIdIn(in_=list(site_ids))), target_folder_id=target
    )
    return Call(move_sites_to_folder, {"body": body}, lambda _: None, "Move Sites To Folder")


def _moved_folders(parsed: MoveFoldersResponse) -> list[Folder]:
    return [] if isinstance(parsed.folders, Unset) else parsed.folders


def move_folders_call(folder_ids: Sequence[str], target: str) -> Call[list[Folder]]:
    body = MoveFoldersRequest(folder_ids=list(folder_ids), target_folder_id=target)
    return Call(move_folders, {"body": body}, _moved_folders, "Move Folders")
