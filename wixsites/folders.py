"""`client.folders`: query, create, rename, move, delete, the folder of a site, the tree, find.

Each operation that needs more than one request is a flow (see `runner`), shared by the sync and
async clients.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from wix_sites_api.models import Folder
from wix_sites_api.types import Unset

from wixsites import operations as ops
from wixsites.bulk import FOLDER_BATCH, MoveReport, Progress, move_async, move_sync
from wixsites.errors import AlreadyExists, InvalidArgument, NotFound, WixError
from wixsites.ids import FolderRef, checked_site_id, folder_id, target_id
from wixsites.paging import OffsetPager, Page
from wixsites.query import (
    FOLDER_FILTER_FIELDS,
    FOLDER_SORT_FIELDS,
    SortSpec,
    check_filter,
    check_page_size,
    normalize_sort,
)
from wixsites.runner import AsyncRunner, Flow, SyncRunner
from wixsites.tree import FolderTree, split_path

__all__ = ["AsyncFolderQuery", "AsyncFolders", "FolderQuery", "Folders"]

ROOT_FILTER = {"$exists": False}


@dataclass(frozen=True, slots=True)
class _Args:
    filter: dict[str, Any] | None
    sort: list[dict[str, str]] | None
    page_size: int

    @classmethod
    def check(cls, filter: Mapping[str, Any] | None, sort: SortSpec, page_size: int) -> _Args:
        return cls(
            check_filter(filter, FOLDER_FILTER_FIELDS, what="folders"),
            normalize_sort(sort, FOLDER_SORT_FIELDS),
            check_page_size(page_size),
        )

    def call(self, offset: int) -> ops.Call[Page[Folder]]:
        return ops.query_folders_page(
            filter=self.filter, sort=self.sort, limit=self.page_size, offset=offset
        )


def _all_folders(args: _Args) -> Flow[list[Folder]]:
    pager = OffsetPager(args.page_size)
    out: list[Folder] = []
    while not pager.done:
        page = yield args.call(pager.offset)
        pager.advance(len(page.items), total=page.total, echoed=page.offset)
        out.extend(page.items)
    return out


_EVERY_FOLDER = _Args(None, None, 1000)


def _parent_of(folder: Folder) -> str:
    parent = folder.parent_id
    return "" if isinstance(parent, Unset) or parent == "root" else parent.lower()


def _child_named(name: str, parent: str) -> Flow[Folder | None]:
    # Filter on the name only (documented) and check the parent here.
    for folder in (yield from _all_folders(_Args({"name": name}, None, 1000))):
        if folder.name == name and _parent_of(folder) == parent:
            return folder
    return None


def _create(name: str, parent: str) -> Flow[Folder]:
    try:
        folder: Folder = yield ops.create_folder_call(name, parent)
    except AlreadyExists as exc:
        # An earlier attempt timed out or lost its connection and may have created the folder:
        # then this 409 is our own folder, so return it rather than fail or make a duplicate.
        if not exc.earlier_attempt_uncertain:
            raise
        found = yield from _child_named(name, parent)
        if found is None:
            raise
        return found
    return folder


def _delete(fid: str) -> Flow[None]:
    try:
        yield ops.delete_folder_call(fid)
    except NotFound as exc:
        if not exc.earlier_attempt_uncertain:  # else an earlier attempt deleted it
            raise


def _get(fid: str) -> Flow[Folder]:
    page: Page[Folder] = yield ops.query_folders_page(
        filter={"id": fid}, sort=None, limit=1, offset=0
    )
    for folder in page.items:
        if str(folder.id).lower() == fid:
            return folder
    raise NotFound(f"folder {fid} not found in this account", code="NOT_FOUND")


def _of_site(site: str) -> Flow[Folder | None]:
    folder = yield ops.folder_of_site_call(checked_site_id(site))
    return None if isinstance(folder.id, Unset) else folder


def _tree(with_root_count: bool) -> Flow[FolderTree]:
    folders = yield from _all_folders(_EVERY_FOLDER)
    root_count: int | None = None
    if with_root_count:
        try:
            root_count = yield ops.count_sites_call({"folderId": ROOT_FILTER})
        except WixError:
            root_count = None  # the tree is still worth having without it
    return FolderTree(folders, root_site_count=root_count)


def _ensure(path: str) -> Flow[Folder]:
    names = split_path(path)
    tree = FolderTree((yield from _all_folders(_EVERY_FOLDER)))
    parent = ""
    for depth, name in enumerate(names):
        node = tree.find("/".join(names[: depth + 1]))
        if node is not None:
            folder = node.folder
        else:
            try:
                folder = yield from _create(name, parent)
            except AlreadyExists:
                # another client created it since we listed the folders: use theirs
                found = yield from _child_named(name, parent)
                if found is None:
                    raise
                folder = found
        parent = str(folder.id).lower()
    return folder


def _find(path: str) -> Flow[Folder | None]:
    split_path(path)  # refuse a bad path before any request
    tree = FolderTree((yield from _all_folders(_EVERY_FOLDER)))
    node = tree.find(path)
    return None if node is None else node.folder


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidArgument(f"a folder name needs at least one non-blank character, not {name!r}")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise InvalidArgument(
            f"a folder name cannot hold control characters such as line breaks or tabs: {name!r}"
        )
    if len(name) > 256:
        raise InvalidArgument(f"a folder name has at most 256 characters, not {len(name)}")
    return name


class FolderQuery:
    """The folders matching a query, fetched lazily with offset paging."""

    def __init__(self, runner: SyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    def pages(self) -> Iterator[Page[Folder]]:
        pager = OffsetPager(self._args.page_size)
        while not pager.done:
            page = self._runner.run(self._args.call(pager.offset))
            pager.advance(len(page.items), total=page.total, echoed=page.offset)
            yield page

    def __iter__(self) -> Iterator[Folder]:
        for page in self.pages():
            yield from page.items

    def first(self) -> Folder | None:
        return next(iter(self), None)


class AsyncFolderQuery:
    def __init__(self, runner: AsyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    async def pages(self) -> AsyncIterator[Page[Folder]]:
        pager = OffsetPager(self._args.page_size)
        while not pager.done:
            page = await self._runner.run(self._args.call(pager.offset))
            pager.advance(len(page.items), total=page.total, echoed=page.offset)
            yield page

    async def __aiter__(self) -> AsyncIterator[Folder]:
        async for page in self.pages():
            for folder in page.items:
                yield folder

    async def first(self) -> Folder | None:
        async for folder in self:
            return folder
        return None

    async def to_list(self) -> list[Folder]:
        return [folder async for folder in self]


class Folders:
    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def query(
        self, filter: Mapping[str, Any] | None = None, sort: SortSpec = None, page_size: int = 1000
    ) -> FolderQuery:
        """Every folder matching `filter` (`name`, `id`, `parentId`), lazily, in server order."""
        return FolderQuery(self._runner, _Args.check(filter, sort, page_size))

    def create(self, name: str, parent: FolderRef | None = None) -> Folder:
        """Create a folder at root or in `parent`; returns it."""
        return self._runner.drive(_create(_check_name(name), target_id(parent, "parent")))

    def rename(self, folder: FolderRef, name: str) -> Folder:
        return self._runner.run(ops.rename_folder_call(folder_id(folder), _check_name(name)))

    def move(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
    ) -> MoveReport:
        """Move folders (with their content) into `target` (None/""/"root" for root)."""
        return move_sync(
            self._runner,
            _ids(folder_ids),
            target_id(target),
            kind="folder",
            size=FOLDER_BATCH,
            make_call=ops.move_folders_call,
            progress=progress,
        )

    def delete(self, folder: FolderRef) -> None:
        """Delete a folder; its sites and sub-folders move to its parent (or root)."""
        self._runner.drive(_delete(folder_id(folder)))

    def of_site(self, site_id: str) -> Folder | None:
        """The folder holding the site, or None when it is at root."""
        return self._runner.drive(_of_site(site_id))

    def get(self, folder_id: str) -> Folder:
        """The folder with this id; `NotFound` if the account has none."""
        return self._runner.drive(_get(_folder_key(folder_id)))

    def tree(self, *, root_site_count: bool = True) -> FolderTree:
        """The account's folder hierarchy, with site counts (and the sites at root)."""
        return self._runner.drive(_tree(root_site_count))

    def find(self, path: str) -> Folder | None:
        """The folder at "Clients/Acme/QA" (exact names), or None."""
        split_path(path)
        return self._runner.drive(_find(path))

    def ensure(self, path: str) -> Folder:
        """The folder at "Clients/Acme/QA", creating whatever is missing along the path (like
        `mkdir -p`); safe when other clients create the same folders at the same time."""
        split_path(path)
        return self._runner.drive(_ensure(path))


class AsyncFolders:
    def __init__(self, runner: AsyncRunner, max_concurrency: int) -> None:
        self._runner = runner
        self._max_concurrency = max_concurrency

    def query(
        self, filter: Mapping[str, Any] | None = None, sort: SortSpec = None, page_size: int = 1000
    ) -> AsyncFolderQuery:
        return AsyncFolderQuery(self._runner, _Args.check(filter, sort, page_size))

    async def create(self, name: str, parent: FolderRef | None = None) -> Folder:
        return await self._runner.drive(_create(_check_name(name), target_id(parent, "parent")))

    async def rename(self, folder: FolderRef, name: str) -> Folder:
        return await self._runner.run(ops.rename_folder_call(folder_id(folder), _check_name(name)))

    async def move(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
        *,
        max_concurrency: int | None = None,
    ) -> MoveReport:
        return await move_async(
            self._runner,
            _ids(folder_ids),
            target_id(target),
            kind="folder",
            size=FOLDER_BATCH,
            make_call=ops.move_folders_call,
            progress=progress,
            max_concurrency=max_concurrency or self._max_concurrency,
        )

    async def delete(self, folder: FolderRef) -> None:
        await self._runner.drive(_delete(folder_id(folder)))

    async def of_site(self, site_id: str) -> Folder | None:
        return await self._runner.drive(_of_site(site_id))

    async def get(self, folder_id: str) -> Folder:
        return await self._runner.drive(_get(_folder_key(folder_id)))

    async def tree(self, *, root_site_count: bool = True) -> FolderTree:
        return await self._runner.drive(_tree(root_site_count))

    async def find(self, path: str) -> Folder | None:
        split_path(path)
        return await self._runner.drive(_find(path))

    async def ensure(self, path: str) -> Folder:
        split_path(path)
        return await self._runner.drive(_ensure(path))


def _folder_key(fid: object) -> str:
    return folder_id(fid) if isinstance(fid, Folder | str) else folder_id(str(fid))


def _ids(folders: Iterable[FolderRef]) -> Iterable[object]:
    if isinstance(folders, str | Folder):
        folders = [folders]
    for f in folders:
        yield str(f.id) if isinstance(f, Folder) and not isinstance(f.id, Unset) else str(f)
