"""`client.folders`: query, create, rename, move, delete, the folder of a site, the tree, find.

Each operation that needs more than one request is a flow (see `runner`), shared by the sync and
async clients.
"""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Unpack

from wixsites import operations as ops
from wixsites.errors import AlreadyExists, InvalidArgument, NotFound, WixError
from wixsites.ids import FolderRef, checked_site_id, folder_id, is_guid, target_id
from wixsites.options import CallOptions
from wixsites.query import (
    FOLDER_FILTER_FIELDS,
    FOLDER_SORT_FIELDS,
    ROOT_SITES,
    SortSpec,
    check_filter,
    check_page_size,
    normalize_sort,
)
from wixsites.runner import AsyncRunner, Flow, SyncRunner
from wixsites.tree import FolderNode, FolderTree, has_spellings, name_key, split_path

if TYPE_CHECKING:
    from wix_sites_api.models import Folder

    from wixsites.bulk import MoveReport, Progress
    from wixsites.paging import Page

# The paging, the bulk moves and their checks are imported by the methods that use them: a client
# that only counts sites loads none of them.

__all__ = [
    "AsyncFolderQuery",
    "AsyncFolders",
    "AsyncTreeRequest",
    "FolderQuery",
    "Folders",
    "async_target",
    "is_path",
    "resolve_target",
    "sync_target",
]

ROOT_FILTER = {"$exists": False}
# Names a folder path could not tell from root or a relative path (see FolderName in the spec).
RESERVED_NAMES = frozenset({".", "..", "root"})


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


def _listing(args: _Args) -> Flow[tuple[list[Folder], str | None]]:
    """Every folder of the query, and the request id of the last answer."""
    from wixsites.paging import OffsetPager

    pager = OffsetPager(args.page_size)
    out: list[Folder] = []
    request_id: str | None = None
    while not pager.done:
        page = yield args.call(pager.offset)
        fresh = pager.unseen(page.items, _folder_id_of)
        pager.advance(len(page.items), total=page.total, echoed=page.offset)
        out.extend(fresh)
        request_id = page.request_id or request_id
    return out, request_id


def _all_folders(args: _Args) -> Flow[list[Folder]]:
    folders, _ = yield from _listing(args)
    return folders


_EVERY_FOLDER = _Args(None, None, 1000)


def _parent_of(folder: Folder) -> str:
    parent = folder.parent_id
    return "" if parent is None or parent == "root" else parent.lower()


def _child_named(name: str, parent: str) -> Flow[Folder | None]:
    # Filter on the name only (documented) and check the parent here. A server that compares
    # names as given misses another spelling of a name with accents: look through every folder.
    key = name_key(name)
    listings = [_Args({"name": name}, None, 1000)]
    if has_spellings(name):
        listings.append(_EVERY_FOLDER)
    for args in listings:
        for folder in (yield from _all_folders(args)):
            if (
                isinstance(folder.name, str)
                and name_key(folder.name) == key
                and _parent_of(folder) == parent
            ):
                return folder
    return None


def _create(name: str, parent: str) -> Flow[Folder]:
    try:
        folder: Folder = yield ops.create_folder_call(name, parent)
    except AlreadyExists as exc:
        # An earlier attempt timed out or lost its connection and may have created the folder:
        # then this 409 is our own folder, so return it rather than fail or make a duplicate.
        if not exc.earlier_attempt_uncertain:
            raise _clash(exc, name, parent) from None
        found = yield from _child_named(name, parent)
        if found is None:
            raise _clash(exc, name, parent) from None
        return found
    return folder


def _clash(exc: AlreadyExists, name: str, parent: str) -> AlreadyExists:
    """The 409, saying which folder is in the way."""
    where = f"folder {parent}" if parent else "root"
    exc.message = f"a folder named {name!r} already exists in {where}"
    exc.args = (exc.message,)
    return exc


def _rename(fid: str, name: str) -> Flow[Folder]:
    try:
        folder: Folder = yield ops.rename_folder_call(fid, name)
    except AlreadyExists as exc:
        exc.message = f"cannot rename folder {fid} to {name!r}: its parent already holds a folder by that name"
        exc.args = (exc.message,)
        raise exc from None
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
    # Wix has no Get Folder: the query's empty answer stands for the 404 a get would have given.
    raise NotFound(
        f"folder {fid} not found in this account",
        status=404,
        code="NOT_FOUND",
        request_id=page.request_id,
    )


def _of_site(site: str) -> Flow[Folder | None]:
    folder = yield ops.folder_of_site_call(checked_site_id(site))
    return None if folder.id is None else folder


def _tree(with_root_count: bool) -> Flow[FolderTree]:
    folders = yield from _all_folders(_EVERY_FOLDER)
    root_count: int | None = None
    if with_root_count:
        try:
            root_count = yield ops.count_sites_call(dict(ROOT_SITES))
        except WixError:
            root_count = None  # the tree is still worth having without it
    return FolderTree(folders, root_site_count=root_count)


# Wix's Folder.path holds a folder's ancestors, at most 50 (empty at root): a folder path such as
# "Clients/Acme/QA", which names the folder too, holds at most 51.
MAX_DEPTH = 51


def check_path(path: str) -> list[str]:
    """The names of a folder path to create, refused before any request if Wix would refuse it."""
    names = split_path(path)
    if len(names) > MAX_DEPTH:
        raise InvalidArgument(
            f"a folder path holds at most {MAX_DEPTH} folders, and this one has {len(names)}: "
            "nothing was created"
        )
    for name in names:
        _check_name(name)
    return names


def _ensure(path: str) -> Flow[Folder]:
    names = check_path(path)
    tree = FolderTree((yield from _all_folders(_EVERY_FOLDER)))
    parent = ""
    created: list[str] = []
    for depth, name in enumerate(names):
        # Below a folder just created there is nothing to find.
        node = None if created else tree.find("/".join(names[: depth + 1]))
        if node is not None:
            folder = node.folder
            parent = str(folder.id).lower()
            continue
        try:
            try:
                folder = yield from _create(name, parent)
            except AlreadyExists as exc:
                # another client created it since we listed the folders: use theirs
                found = yield from _child_named(name, parent)
                if found is None:
                    raise _clash(exc, name, parent) from None
                folder = found
            else:
                created.append("/".join(names[: depth + 1]))
        except WixError as exc:
            if created:  # say what is already there before the failure
                exc.message = f"{exc.message} (already created: {', '.join(created)})"
                exc.args = (exc.message,)
            exc.created = created  # type: ignore[attr-defined]
            raise
        parent = str(folder.id).lower()
    return folder


def _find(path: str) -> Flow[Folder | None]:
    split_path(path)  # refuse a bad path before any request
    tree = FolderTree((yield from _all_folders(_EVERY_FOLDER)))
    node = tree.find(path)
    return None if node is None else node.folder


def sync_target(runner: SyncRunner, target: FolderRef | None) -> str:
    """`resolve_target`, run only when the target is a path (an id needs no request)."""
    return runner.drive(resolve_target(target)) if is_path(target) else target_id(target)


async def async_target(runner: AsyncRunner, target: FolderRef | None) -> str:
    return await runner.drive(resolve_target(target)) if is_path(target) else target_id(target)


def is_path(target: object) -> bool:
    """A folder argument that names a folder by its path ("Clients/Acme") rather than its id."""
    return (
        isinstance(target, str)
        and target.strip("/") != ""
        and target != "root"
        and not is_guid(target)
    )


def resolve_target(target: FolderRef | None, what: str = "target") -> Flow[str]:
    """The id of a target folder given as a Folder, an id, a path, or None/""/"root"/"/" (root)."""
    if not is_path(target):
        return target_id(target, what)
    assert isinstance(target, str)
    split_path(target)  # refuse a bad path before any request
    folders, request_id = yield from _listing(_EVERY_FOLDER)
    node = FolderTree(folders).find(target)
    if node is None:
        raise NotFound(
            f"the {what} folder {target!r} does not exist in this account (a path of exact names, "
            "or a folder id)",
            status=404,
            code="NOT_FOUND",
            request_id=request_id,
        )
    return node.id.lower()


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidArgument(f"a folder name needs at least one non-blank character, not {name!r}")
    for position, char in enumerate(name, start=1):
        if ord(char) < 0x20 or ord(char) == 0x7F:  # the spec's FolderName: C0 controls and DEL
            raise InvalidArgument(
                f"a folder name cannot hold control characters: {name!r} has "
                f"{_char_name(char)} at character {position}"
            )
    if len(name) > 256:
        raise InvalidArgument(f"a folder name has at most 256 characters, not {len(name)}")
    if "/" in name:
        raise InvalidArgument(
            f"a folder name cannot contain '/', which separates the names of a folder path: {name!r}"
        )
    if name.strip().lower() in RESERVED_NAMES:
        raise InvalidArgument(
            f"{name.strip()!r} cannot be a folder name: in a folder path it means "
            + ("root" if name.strip().lower() == "root" else "a relative path")
        )
    return name


def _char_name(char: str) -> str:
    named = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}
    return named.get(char, f"the control character U+{ord(char):04X}")


class FolderQuery:
    """The folders matching a query, fetched lazily with offset paging."""

    def __init__(self, runner: SyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    def pages(self) -> Iterator[Page[Folder]]:
        """The folders page by page (`Page.items`, `Page.total`), each fetched when reached."""
        from wixsites.paging import OffsetPager, fresh_page

        pager = OffsetPager(self._args.page_size)
        while not pager.done:
            page = self._runner.run(self._args.call(pager.offset))
            fresh = pager.unseen(page.items, _folder_id_of)
            pager.advance(len(page.items), total=page.total, echoed=page.offset)
            yield fresh_page(page, fresh)

    def __iter__(self) -> Iterator[Folder]:
        for page in self.pages():
            yield from page.items

    def first(self) -> Folder | None:
        """The first folder of the query, or None when none matches (one request)."""
        return next(iter(self), None)


class AsyncFolderQuery:
    """`FolderQuery` for `AsyncWixSites`: ``async for folder in ...``, or
    ``async for page in .pages()``."""

    def __init__(self, runner: AsyncRunner, args: _Args) -> None:
        self._runner = runner
        self._args = args

    async def pages(self) -> AsyncIterator[Page[Folder]]:
        """`FolderQuery.pages`, as an async iterator."""
        from wixsites.paging import OffsetPager, fresh_page

        pager = OffsetPager(self._args.page_size)
        while not pager.done:
            page = await self._runner.run(self._args.call(pager.offset))
            fresh = pager.unseen(page.items, _folder_id_of)
            pager.advance(len(page.items), total=page.total, echoed=page.offset)
            yield fresh_page(page, fresh)

    async def __aiter__(self) -> AsyncIterator[Folder]:
        async for page in self.pages():
            for folder in page.items:
                yield folder

    async def first(self) -> Folder | None:
        """`FolderQuery.first`, awaited."""
        async for folder in self:
            return folder
        return None

    async def to_list(self) -> list[Folder]:
        """Every folder of the query in a list (fetches every page)."""
        return [folder async for folder in self]


class AsyncTreeRequest:
    """The folder tree of an `AsyncWixSites`: ``tree = await wix.folders.tree()``, or
    ``async for node in wix.folders.tree()`` (depth first, as iterating a `FolderTree`)."""

    def __init__(self, fetch: Callable[[], Awaitable[FolderTree]]) -> None:
        self._fetch = fetch

    def __await__(self) -> Generator[Any, None, FolderTree]:
        return self._fetch().__await__()

    async def __aiter__(self) -> AsyncIterator[FolderNode]:
        for node in await self._fetch():
            yield node


class Folders:
    """The folders of the account: ``wix.folders``.

    Methods: `query`, `get`, `find`, `ensure`, `create`, `rename`, `move`, `delete`, `of_site`
    and `tree`. A folder argument is a `Folder` or its id; a `parent` or `target` may also be
    None, "" or "root" for root, and a `target` a path such as "Clients/Acme".
    """

    def __init__(self, runner: SyncRunner) -> None:
        self._runner = runner

    def query(
        self,
        filter: Mapping[str, Any] | None = None,
        sort: SortSpec = None,
        page_size: int = 1000,
        **options: Unpack[CallOptions],
    ) -> FolderQuery:
        """Every folder matching `filter` (`name`, `id`, `parentId`), lazily, in server order.
        The `options` (`timeout`, `deadline`, `retry`, `headers`) apply to each page's request."""
        args = _Args.check(filter, sort, page_size)
        return FolderQuery(self._runner.with_options(options), args)

    def create(
        self, name: str, parent: FolderRef | None = None, **options: Unpack[CallOptions]
    ) -> Folder:
        """Create a folder at root or in `parent`; returns it."""
        flow = _create(_check_name(name), target_id(parent, "parent"))
        return self._runner.with_options(options).drive(flow)

    def rename(self, folder: FolderRef, name: str, **options: Unpack[CallOptions]) -> Folder:
        """Rename a folder (a Folder or its id); returns it. A sibling of the same name is
        `AlreadyExists`."""
        flow = _rename(folder_id(folder), _check_name(name))
        return self._runner.with_options(options).drive(flow)

    def move(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """Move folders (with their content) into `target`: a Folder, an id, a path, or
        None/""/"root"/"/" for root. The `options` apply to each request of the move."""
        from wixsites.bulk import FOLDER_BATCH, move_sync
        from wixsites.placement import folders_in_target

        runner = self._runner.with_options(options)
        return move_sync(
            runner,
            _ids(folder_ids),
            sync_target(runner, target),
            kind="folder",
            size=FOLDER_BATCH,
            make_call=ops.move_folders_call,
            check=folders_in_target,
            progress=progress,
        )

    def delete(self, folder: FolderRef, **options: Unpack[CallOptions]) -> None:
        """Delete a folder; its sites and sub-folders move to its parent (or root)."""
        self._runner.with_options(options).drive(_delete(folder_id(folder)))

    def of_site(self, site_id: str, **options: Unpack[CallOptions]) -> Folder | None:
        """The folder holding the site, or None when it is at root."""
        return self._runner.with_options(options).drive(_of_site(site_id))

    def get(self, folder_id: str, **options: Unpack[CallOptions]) -> Folder:
        """The folder with this id; `NotFound` if the account has none."""
        return self._runner.with_options(options).drive(_get(_folder_key(folder_id)))

    def tree(self, *, root_site_count: bool = True, **options: Unpack[CallOptions]) -> FolderTree:
        """The account's folder hierarchy, with site counts (and the sites at root)."""
        return self._runner.with_options(options).drive(_tree(root_site_count))

    def find(self, path: str, **options: Unpack[CallOptions]) -> Folder | None:
        """The folder at "Clients/Acme/QA" (exact names), or None."""
        split_path(path)
        return self._runner.with_options(options).drive(_find(path))

    def ensure(self, path: str, **options: Unpack[CallOptions]) -> Folder:
        """The folder at "Clients/Acme/QA", creating whatever is missing along the path (like
        `mkdir -p`); safe when other clients create the same folders at the same time.

        The path is checked (at most 50 folders, valid names) before any request; if a creation
        fails midway, the error's message names the folders already created (and its `created`
        attribute lists their paths)."""
        check_path(path)
        return self._runner.with_options(options).drive(_ensure(path))


class AsyncFolders:
    """`Folders` for `AsyncWixSites`: the same methods, awaited; `query` and `tree` are iterated
    with ``async for``, and `move` runs up to `max_concurrency` batches at once.
    """

    def __init__(self, runner: AsyncRunner, max_concurrency: int) -> None:
        self._runner = runner
        self._max_concurrency = max_concurrency

    def query(
        self,
        filter: Mapping[str, Any] | None = None,
        sort: SortSpec = None,
        page_size: int = 1000,
        **options: Unpack[CallOptions],
    ) -> AsyncFolderQuery:
        """`Folders.query`: iterate it with ``async for``."""
        args = _Args.check(filter, sort, page_size)
        return AsyncFolderQuery(self._runner.with_options(options), args)

    async def create(
        self, name: str, parent: FolderRef | None = None, **options: Unpack[CallOptions]
    ) -> Folder:
        """`Folders.create`, awaited."""
        flow = _create(_check_name(name), target_id(parent, "parent"))
        return await self._runner.with_options(options).drive(flow)

    async def rename(self, folder: FolderRef, name: str, **options: Unpack[CallOptions]) -> Folder:
        """`Folders.rename`, awaited."""
        flow = _rename(folder_id(folder), _check_name(name))
        return await self._runner.with_options(options).drive(flow)

    async def move(
        self,
        folder_ids: Iterable[FolderRef],
        target: FolderRef | None,
        progress: Progress | None = None,
        *,
        max_concurrency: int | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """`Folders.move`, awaited; up to `max_concurrency` batches at once (default: the
        client's)."""
        from wixsites.bulk import FOLDER_BATCH, move_async
        from wixsites.placement import folders_in_target

        runner = self._runner.with_options(options)
        return await move_async(
            runner,
            _ids(folder_ids),
            await async_target(runner, target),
            kind="folder",
            size=FOLDER_BATCH,
            make_call=ops.move_folders_call,
            check=folders_in_target,
            progress=progress,
            max_concurrency=max_concurrency or self._max_concurrency,
        )

    async def delete(self, folder: FolderRef, **options: Unpack[CallOptions]) -> None:
        """`Folders.delete`, awaited."""
        await self._runner.with_options(options).drive(_delete(folder_id(folder)))

    async def of_site(self, site_id: str, **options: Unpack[CallOptions]) -> Folder | None:
        """`Folders.of_site`, awaited."""
        return await self._runner.with_options(options).drive(_of_site(site_id))

    async def get(self, folder_id: str, **options: Unpack[CallOptions]) -> Folder:
        """`Folders.get`, awaited."""
        return await self._runner.with_options(options).drive(_get(_folder_key(folder_id)))

    def tree(
        self, *, root_site_count: bool = True, **options: Unpack[CallOptions]
    ) -> AsyncTreeRequest:
        """``await`` it for the `FolderTree`, or ``async for node in`` it for its nodes."""
        runner = self._runner.with_options(options)
        return AsyncTreeRequest(lambda: runner.drive(_tree(root_site_count)))

    async def find(self, path: str, **options: Unpack[CallOptions]) -> Folder | None:
        """`Folders.find`, awaited."""
        split_path(path)
        return await self._runner.with_options(options).drive(_find(path))

    async def ensure(self, path: str, **options: Unpack[CallOptions]) -> Folder:
        """`Folders.ensure`, awaited."""
        check_path(path)
        return await self._runner.with_options(options).drive(_ensure(path))


def _folder_id_of(folder: Folder) -> object:
    return folder.id


def _folder_key(fid: object) -> str:
    from wix_sites_api.models import Folder

    return folder_id(fid) if isinstance(fid, Folder | str) else folder_id(str(fid))


def _ids(folders: Iterable[FolderRef]) -> Iterable[object]:
    from wix_sites_api.models import Folder

    if isinstance(folders, str | Folder):
        folders = [folders]
    for f in folders:
        yield str(f.id) if isinstance(f, Folder) and f.id is not None else str(f)
