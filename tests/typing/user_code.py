"""What an agency developer's code sees of wixsites in an IDE and under `mypy --strict`.

Type-checked, never run, by tests/test_typing.py, against the installed package as a user has
it (its own `py.typed` markers, not this repository's mypy configuration). Each `assert_type` is
an expectation: a method typed `Any`, or a model field that is not `X | None`, fails the check.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, assert_type

from wix_sites_api.models import EditorType, Folder, Namespace, Site, SiteTransfer

from wixsites import (
    AsyncWixSites,
    FieldViolation,
    FolderNode,
    FolderTree,
    MoveReport,
    Page,
    WixError,
    WixSites,
    webhooks,
)


def sites(wix: WixSites) -> None:
    for site in wix.sites.query({"published": True}):
        assert_type(site, Site)
        assert_type(site.id, str | None)
        assert_type(site.display_name, str | None)
        assert_type(site.trashed_date, datetime.datetime | None)
        assert_type(site.editor_type, EditorType | str | None)
        assert_type(site.namespace, Namespace | str | None)
        assert_type(site.contributor_account_ids, list[str] | None)
        if site.display_name:
            assert_type(site.display_name.upper(), str)
        assert_type(site.to_dict(), dict[str, Any])
    assert_type(wix.sites.query().first(), Site | None)
    for page in wix.sites.query().pages():
        assert_type(page, Page[Site])
        assert_type(page.next_cursor, str | None)
        assert_type(page.to_dict(), dict[str, Any])
    assert_type(wix.sites.count(), int)
    assert_type(wix.sites.transfer("site", "account"), SiteTransfer)
    assert_type(wix.sites.duplicate("site", "Copy"), str)
    assert_type(wix.sites.publish("site"), None)
    report = wix.sites.trash(["site"])
    assert_type(report, MoveReport)
    assert_type(report.failed, dict[str, str])
    assert_type(report.to_dict(), dict[str, Any])
    assert_type(report.to_json(), str)
    assert_type(wix.sites.move(["site"], "Clients/Acme"), MoveReport)


def folders(wix: WixSites) -> None:
    folder = wix.folders.create("Clients")
    assert_type(folder, Folder)
    assert_type(folder.created_date, datetime.datetime | None)
    assert_type(wix.folders.rename(folder, "Customers"), Folder)
    assert_type(wix.folders.get("id"), Folder)
    assert_type(wix.folders.find("Clients/Acme"), Folder | None)
    assert_type(wix.folders.ensure("Clients/Acme"), Folder)
    assert_type(wix.folders.of_site("site"), Folder | None)
    assert_type(wix.folders.delete(folder), None)
    assert_type(wix.folders.move([folder], None), MoveReport)
    tree = wix.folders.tree()
    assert_type(tree, FolderTree)
    assert_type(tree.to_dict(), dict[str, Any])
    for node in tree:
        assert_type(node, FolderNode)
    for item in wix.folders.query():
        assert_type(item, Folder)


async def asynchronous(wix: AsyncWixSites) -> None:
    async for site in wix.sites.query():
        assert_type(site, Site)
    assert_type(await wix.sites.count(), int)
    assert_type(await wix.sites.transfer("site", "account"), SiteTransfer)
    assert_type(await wix.sites.trash(["site"]), MoveReport)
    assert_type(await wix.folders.create("Clients"), Folder)
    assert_type(await wix.folders.tree(), FolderTree)


def errors(wix: WixSites) -> None:
    try:
        wix.sites.count()
    except WixError as error:
        assert_type(error.code, str)
        assert_type(error.field_violations, list[FieldViolation])
        assert_type(error.to_dict(), dict[str, Any])


def webhook(body: bytes, public_key: str) -> None:
    event = webhooks.parse(body, public_key)
    assert_type(event, webhooks.WebhookEvent)
    assert_type(event.id, str)
    assert_type(event.event_time, datetime.datetime)
    assert_type(event.instance_id, str | None)
    assert_type(event.identity.wix_user_id, str | None)
    assert_type(event.raw, Mapping[str, Any])
    assert_type(event.to_dict(), dict[str, Any])
    assert_type(event.to_json(), str)
    match event:
        case webhooks.SiteCreated(site=site):
            assert_type(site, Site)
        case webhooks.SiteDeleted(site=maybe_site, moved_to_trash=trashed):
            assert_type(maybe_site, Site | None)
            assert_type(trashed, bool | None)
        case webhooks.FolderUpdated(folder=folder):
            assert_type(folder, Folder)
        case webhooks.SitesMovedToFolder(site_ids=ids, target_folder_id=target):
            assert_type(ids, tuple[str, ...])
            assert_type(target, str)
