"""Site and folder identifiers: GUID checks, and what a folder argument may be."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, TypeAlias
from uuid import UUID

from wixsites.errors import InvalidArgument

if TYPE_CHECKING:
    from wix_sites_api.models import Folder

__all__ = ["FolderRef", "checked_site_id", "folder_id", "is_guid", "target_id"]

_GUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")

# A folder argument: a Folder, or its id; for a target or a parent also None, "" or "root" (= root).
FolderRef: TypeAlias = "Folder | UUID | str"  # a string: the models load only when used


def is_guid(value: object) -> bool:
    return isinstance(value, str) and _GUID.fullmatch(value) is not None


def folder_id(folder: FolderRef, what: str = "folder") -> str:
    """The id of an existing folder named by a Folder, a UUID or an id string."""
    from wix_sites_api.models import Folder

    if isinstance(folder, Folder):
        if folder.id is None:
            raise InvalidArgument(f"the {what} given has no id (a site at root has no folder)")
        return folder.id.lower()
    if isinstance(folder, UUID):
        return str(folder)
    if is_guid(folder):
        return folder.lower()
    raise InvalidArgument(f"{what} must be a Folder or a folder id, not {folder!r}")


def target_id(target: FolderRef | None, what: str = "target") -> str:
    """The id of a target or parent folder; "" for root (None, "", "/" or "root")."""
    if target is None or (isinstance(target, str) and target.strip() in ("", "/", "root")):
        return ""
    return folder_id(target, what)


def checked_site_id(site: object) -> str:
    """A site id given as a GUID string or a UUID, as the lower-case string the API takes."""
    if isinstance(site, UUID):
        return str(site)
    if is_guid(site):
        return str(site).lower()
    raise InvalidArgument(f"not a valid site id: {site!r}")
