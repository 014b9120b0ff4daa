"""Which handler serves which operation of openapi.yaml, Starlette style: a table of routes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wixsandbox import actions, folders, sites, transfer
from wixsandbox.auth import ACCOUNT_LEVEL, SITE_LEVEL, TARGET_LEVEL
from wixsandbox.context import Context

Handler = Callable[[Context, Any, dict[str, str]], dict[str, Any]]


@dataclass(frozen=True)
class Route:
    operation_id: str
    endpoint: Handler
    writes: bool = False
    auth: str = ACCOUNT_LEVEL  # who may call it (wixsandbox.auth)


ROUTES = [
    Route("querySites", sites.query_sites),
    Route("countSites", sites.count_sites),
    Route("queryFolders", folders.query_folders),
    Route("createFolder", folders.create_folder, writes=True),
    Route("updateFolder", folders.update_folder, writes=True),
    Route("moveFolders", folders.move_folders, writes=True),
    Route("deleteFolder", folders.delete_folder, writes=True),
    Route("moveSitesToFolder", folders.move_sites, writes=True),
    Route("getFolderBySite", folders.folder_by_site),
    Route("bulkDeleteSite", actions.bulk_delete_sites, writes=True),
    Route("duplicateSite", actions.duplicate_site, writes=True),
    Route("publishSite", actions.publish_site, writes=True, auth=SITE_LEVEL),
    Route("transferSite", transfer.transfer_site, writes=True, auth=TARGET_LEVEL),
]
BY_OPERATION = {route.operation_id: route for route in ROUTES}
