"""The account's folder hierarchy, built from the flat list Query Folders returns."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from wixsites.errors import AmbiguousFolderPath, InvalidArgument
from wixsites.serialize import to_json

if TYPE_CHECKING:
    from wix_sites_api.models import Folder

__all__ = [
    "FolderNode",
    "FolderTree",
    "ambiguous",
    "has_spellings",
    "match_path",
    "name_key",
    "split_path",
]

N = TypeVar("N")


def name_key(name: str) -> str:
    """A folder name as compared: Unicode-normalized (NFC), so that "Café" typed with a
    combining accent and with a precomposed one are the same name."""
    return unicodedata.normalize("NFC", name)


def has_spellings(name: str) -> bool:
    """Whether the name can be written in more than one Unicode form (it has accents...)."""
    return unicodedata.normalize("NFD", name) != name_key(name) or name_key(name) != name


def match_path(
    parts: Sequence[str],
    children: Callable[[N | None], Iterable[N]],
    name: Callable[[N], str],
) -> list[N]:
    """Every folder the path `parts` can name, from root (`children(None)`) down.

    Names compare NFC-normalized, and a folder's own name may hold a "/" (this SDK never makes
    one, another client may have): a name then matches several parts at once. More than one
    result means the path is ambiguous."""
    keys = [name_key(part) for part in parts]
    found: list[N] = []
    stack: list[tuple[N | None, int]] = [(None, 0)]
    while stack:
        parent, start = stack.pop()
        for child in children(parent):
            key = name_key(name(child))
            for end in range(start + 1, len(keys) + 1):
                if key == "/".join(keys[start:end]):
                    if end == len(keys):
                        found.append(child)
                    else:
                        stack.append((child, end))
    return found


def ambiguous(path: str, candidates: list[tuple[str, str]]) -> AmbiguousFolderPath:
    """The error for a path that names several folders; `candidates` are (id, path) pairs."""
    shown = ", ".join(f"{fid} ({where!r})" for fid, where in candidates[:5])
    more = f" and {len(candidates) - 5} more" if len(candidates) > 5 else ""
    return AmbiguousFolderPath(
        f"the folder path {path!r} names {len(candidates)} folders: {shown}{more}",
        candidates=candidates,
    )


@dataclass(eq=False, slots=True)
class FolderNode:
    """A folder, its sub-folders, and the names from root to it (`path`, itself included)."""

    folder: Folder
    children: list[FolderNode] = field(default_factory=list)
    path: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The folder's id."""
        return "" if self.folder.id is None else str(self.folder.id)

    @property
    def name(self) -> str:
        """The folder's name."""
        name = self.folder.name
        return name if isinstance(name, str) else ""

    @property
    def site_count(self) -> int:
        """Sites directly in this folder (not in its sub-folders)."""
        count = self.folder.site_count
        return 0 if count is None else count

    @property
    def total_site_count(self) -> int:
        """Sites in this folder and all its sub-folders."""
        return sum(node.site_count for node in self.walk())

    @property
    def depth(self) -> int:
        """0 for a folder at root, 1 for its sub-folders, and so on."""
        return len(self.path) - 1

    @property
    def path_text(self) -> str:
        """The path from root, "Clients/Acme/QA"."""
        return "/".join(self.path)

    def walk(self) -> Iterator[FolderNode]:
        """This node, then its descendants, depth first, in order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def to_dict(self) -> dict[str, Any]:
        """The node as JSON-ready data: its folder's `to_dict()`, its `path` and its `children`."""
        return self._to_dict(set())

    def _to_dict(self, seen: set[int]) -> dict[str, Any]:
        seen.add(id(self))  # a parent cycle (a server bug) is cut, not followed forever
        return {
            "folder": self.folder.to_dict(),
            "path": list(self.path),
            "children": [c._to_dict(seen) for c in self.children if id(c) not in seen],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)

    def __repr__(self) -> str:
        return f"FolderNode({self.path_text!r}, sites={self.site_count}, children={len(self.children)})"


def _parent(folder: Folder) -> str:
    parent = folder.parent_id
    if parent is None or parent in ("", "root"):
        return ""
    return parent.lower()


def split_path(path: str) -> list[str]:
    """ "Clients/Acme/QA" -> ["Clients", "Acme", "QA"]; leading and trailing slashes are ignored."""
    if not isinstance(path, str):
        raise InvalidArgument(f"a folder path is a string like 'Clients/Acme', not {path!r}")
    parts = path.strip("/").split("/") if path.strip("/") else []
    if not parts or any(p == "" for p in parts):
        raise InvalidArgument(f"not a folder path: {path!r} (write names separated by '/')")
    return parts


class FolderTree:
    """Root-level nodes (`roots`), each with its sub-folders; iterating walks every node depth
    first. `root_site_count` is the number of sites at root, when it could be had (else None),
    counted as a folder's `site_count` is: of every namespace; sites in the trash are not in it."""

    def __init__(self, folders: Iterable[Folder], *, root_site_count: int | None = None) -> None:
        self.root_site_count = root_site_count
        nodes: dict[str, FolderNode] = {}
        order: list[FolderNode] = []
        for folder in folders:
            node = FolderNode(folder)
            if node.id and node.id.lower() not in nodes:
                nodes[node.id.lower()] = node
                order.append(node)
        self.roots: list[FolderNode] = []
        for node in order:
            parent = nodes.get(_parent(node.folder))
            if parent is None or parent is node:
                self.roots.append(node)  # at root, or an orphan whose parent is not listed
            else:
                parent.children.append(node)
        self._by_id = nodes
        # Paths from the roots down: a node in a parent cycle (a server bug) is never reached and
        # is left out rather than looped on.
        reached: set[int] = set()
        stack: list[tuple[FolderNode, tuple[str, ...]]] = [(n, ()) for n in reversed(self.roots)]
        while stack:
            node, prefix = stack.pop()
            if id(node) in reached:
                continue
            reached.add(id(node))
            node.path = (*prefix, node.name)
            stack.extend((child, node.path) for child in reversed(node.children))
        self._reached = reached

    def __iter__(self) -> Iterator[FolderNode]:
        for root in self.roots:
            yield from root.walk()

    def to_dict(self) -> dict[str, Any]:
        """The tree as JSON-ready data: the `roots`, each with its `children`, and
        `rootSiteCount`."""
        seen: set[int] = set()
        return {
            "rootSiteCount": self.root_site_count,
            "roots": [root._to_dict(seen) for root in self.roots],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """`to_dict()` as JSON text."""
        return to_json(self.to_dict(), indent)

    def __len__(self) -> int:
        return len(self._reached)

    def get(self, folder_id: str) -> FolderNode | None:
        """The node of the folder with this id (any case), or None."""
        return self._by_id.get(folder_id.lower())

    def find(self, path: str) -> FolderNode | None:
        """The node at "Clients/Acme/QA" (names compared NFC-normalized), or None;
        `AmbiguousFolderPath` when the path names more than one folder."""
        found = match_path(
            split_path(path),
            lambda node: self.roots if node is None else node.children,
            lambda node: node.name,
        )
        if len(found) > 1:
            raise ambiguous(path, [(node.id, node.path_text) for node in found])
        return found[0] if found else None

    @property
    def site_count(self) -> int:
        """Sites in all folders, plus those at root when known."""
        return sum(n.site_count for n in self) + (self.root_site_count or 0)

    def render(self) -> str:
        """An indented text picture, one folder a line, with its site count."""
        lines = [] if self.root_site_count is None else [f"(root) [{self.root_site_count}]"]
        lines += [f"{'  ' * node.depth}{node.name} [{node.site_count}]" for node in self]
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"FolderTree(folders={len(self)}, roots={len(self.roots)})"
