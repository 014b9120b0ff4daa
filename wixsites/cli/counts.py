"""What the command line counts and lists: sites of every namespace, trashed sites apart.

Wix's folder `siteCount` counts every site in the folder, whatever its namespace, while Query
Sites and Count Sites see only the `WIX` namespace unless the filter names one. So that
`folders tree`, `workflow status`, `sites count` and `sites list` give the same numbers, the
command line always asks for every namespace (unless the filter names `namespace` itself) and
for the sites that are not in the trash (unless `--state` or the filter says otherwise). Trashed
sites are counted apart; one that a server keeps in a folder is taken out of that folder's count.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from wixsites.cli.errors import InputError
from wixsites.query import EVERY_NAMESPACE, ROOT_SITES, filter_fields

if TYPE_CHECKING:
    from wixsites import WixSites
    from wixsites.cli.folderindex import FolderIndex

__all__ = [
    "EVERY_NAMESPACE",
    "STATES",
    "active_counts",
    "root_count",
    "scoped",
    "trash_count",
]

# --state: the word on the command line -> the Wix filter value (None: either)
STATES = {"active": "ACTIVE", "trashed": "TRASHED", "all": None}
DEFAULT_STATE = "active"
_PAGE = 100


def scoped(query: Mapping[str, Any] | None, state: str | None) -> dict[str, Any]:
    """`query` with every namespace and the `--state` (default: active) added, unless the
    filter already names them; naming `state` in the filter and `--state` together is refused."""
    combined = dict(query or {})
    named = filter_fields(combined)
    if "namespace" not in named:
        combined["namespace"] = EVERY_NAMESPACE
    if "state" in named:
        if state is not None:
            raise InputError(
                "--state and a filter on state were both given: use one of them "
                "(--state active|trashed|all)"
            )
        return combined
    wanted = STATES[(state or DEFAULT_STATE).lower()]
    if wanted is not None:
        combined["state"] = wanted
    return combined


def root_count(client: WixSites) -> int:
    """The sites at root that are not in the trash, of every namespace."""
    return client.sites.count(filter=dict(ROOT_SITES))


def trash_count(client: WixSites) -> int:
    """The sites in the trash, of every namespace, wherever a server keeps them."""
    return client.sites.count(filter=scoped(None, "trashed"))


def _trashed_in_folders(client: WixSites) -> dict[str, int]:
    """How many trashed sites each folder still holds: none where trashed sites leave their
    folder (the sandbox), so usually one request and an empty page."""
    from wixsites.cli.models import value

    found: dict[str, int] = {}
    query = scoped({"folderId": {"$exists": True}}, "trashed")
    for site in client.sites.query(filter=query, page_size=_PAGE):
        folder = str(value(site.folder_id) or "").lower()
        if folder:
            found[folder] = found.get(folder, 0) + 1
    return found


def active_counts(client: WixSites, index: FolderIndex) -> dict[str, int]:
    """Each folder's number of sites directly in it that are not in the trash (Wix's
    `siteCount`, less the trashed sites a server keeps in the folder)."""
    from wixsites.cli.models import value

    trashed = _trashed_in_folders(client)
    return {
        folder_id: max((value(folder.site_count) or 0) - trashed.get(folder_id, 0), 0)
        for folder_id, folder in index.folders.items()
    }
