"""Every folder of the account, by id and by path, to name folders as people do: "Clients/Acme/QA".

A folder is named by its id or by its path from root; ``/``, ``root`` and the empty string are root.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wix_sites_api.models import Folder

from wixsites.cli.errors import InputError
from wixsites.cli.ids import is_guid
from wixsites.tree import ambiguous, match_path, name_key

__all__ = ["ROOT", "ROOT_NAMES", "FolderIndex", "is_root", "split_path"]

ROOT = ""
ROOT_NAMES = ("", "/", "root")


def is_root(reference: str) -> bool:
    return reference.strip() in ROOT_NAMES or reference.strip().lower() == "root"


def split_path(path: str) -> list[str]:
    """``"/Clients/Acme/"`` to ``["Clients", "Acme"]``; ``"Clients//Acme"`` is refused, as the
    SDK refuses it, rather than read as something the user may not have meant."""
    inner = path.strip().strip("/")
    parts = [part.strip() for part in inner.split("/")] if inner else []
    if any(not part for part in parts):
        raise InputError(f"not a folder path: {path!r} has an empty name between two '/'")
    return parts


def _text(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass
class FolderIndex:
    folders: dict[str, Folder] = field(default_factory=dict)

    @classmethod
    def of(cls, folders: Iterable[Folder]) -> FolderIndex:
        return cls({_text(f.id): f for f in folders})

    @staticmethod
    def id_of(folder: Folder) -> str:
        return _text(folder.id)

    @staticmethod
    def name_of(folder: Folder) -> str:
        return _text(folder.name)

    def parent_of(self, folder: Folder) -> str:
        parent = _text(folder.parent_id)
        return ROOT if parent == "root" else parent

    def children(self, parent: str = ROOT) -> list[Folder]:
        found = [f for f in self.folders.values() if self.parent_of(f) == parent]
        return sorted(found, key=lambda f: self.name_of(f).lower())

    def path_parts(self, folder_id: str) -> list[str]:
        parts: list[str] = []
        seen: set[str] = set()
        current = self.folders.get(folder_id)
        while current is not None and self.id_of(current) not in seen:
            seen.add(self.id_of(current))
            parts.append(self.name_of(current))
            current = self.folders.get(self.parent_of(current))
        return list(reversed(parts))

    def path(self, folder_id: str) -> str:
        """``"Clients/Acme/QA"``, or ``"/"`` for root."""
        return "/".join(self.path_parts(folder_id)) if folder_id else "/"

    def child_named(self, parent: str, name: str) -> Folder | None:
        key = name_key(name)
        for folder in self.children(parent):
            if name_key(self.name_of(folder)) == key:
                return folder
        return None

    def find(self, path: str) -> Folder | None:
        """The folder at the path (names compared NFC-normalized), or None; an `InputError`
        listing the candidates when the path names more than one (a name holding a "/", or two
        siblings of the same name, both of which another client may have made)."""
        by_parent: dict[str, list[Folder]] = {}
        for folder in self.folders.values():
            by_parent.setdefault(self.parent_of(folder), []).append(folder)
        found = match_path(
            split_path(path),
            lambda f: by_parent.get(ROOT if f is None else self.id_of(f), []),
            self.name_of,
        )
        if len(found) > 1:
            candidates = [(self.id_of(f), self.path(self.id_of(f))) for f in found]
            raise InputError(f"{ambiguous(path, candidates)}: name the folder by its id instead")
        return found[0] if found else None

    def subtree_ids(self, folder_id: str) -> list[str]:
        ids = [folder_id]
        for child in self.children(folder_id):
            ids.extend(self.subtree_ids(self.id_of(child)))
        return ids

    def resolve(self, reference: str, *, what: str = "folder") -> str:
        """The id a folder argument names (`ROOT` for root); InputError when there is none."""
        if is_root(reference):
            return ROOT
        text = reference.strip()
        if is_guid(text):
            if text.lower() in self.folders:
                return text.lower()
            raise InputError(
                f"no {what} with id {text} in this account (see: wixsites folders list)"
            )
        folder = self.find(text)
        if folder is None:
            raise InputError(f"unknown {what} path {text!r}{self._suggestion(text)}")
        return self.id_of(folder)

    def _suggestion(self, path: str) -> str:
        paths = [self.path(folder_id) for folder_id in self.folders]
        close = difflib.get_close_matches("/".join(split_path(path)), paths, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return f"{hint} (see: wixsites folders tree)"
