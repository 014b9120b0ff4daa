"""The calls of a site's lifecycle (Bulk Delete Site, Duplicate Site, Publish Site, Transfer
Site), as `Call` values like those of `operations`: pure, run by the sync and async runners."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wixsites.errors import WixError
from wixsites.operations import Call, query_sites_page
from wixsites.paging import Page

if TYPE_CHECKING:
    from wix_sites_api.models import (
        BulkDeleteSiteResponse,
        DuplicateSiteResponse,
        ItemMetadata,
        Site,
        SiteTransfer,
        TransferSiteResponse,
    )

# The generated endpoint modules and models are imported by the call that needs them (see
# operations).

__all__ = ["ItemOutcome", "bulk_delete_call", "duplicate_call", "publish_call", "transfer_call"]

# Query Sites shows only WIX-namespace sites unless the filter names the namespace.
ANY_NAMESPACE = {"$exists": True}


@dataclass(frozen=True, slots=True)
class ItemOutcome:
    """One item of a bulk action's answer: its id (lower case), and Wix's error if it failed."""

    id: str
    success: bool
    code: str = ""
    description: str = ""

    @property
    def reason(self) -> str:
        text = self.description or "no description"
        return f"{self.code}: {text}" if self.code else text


def _index(raw: object) -> int | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.isdigit():
        return int(raw)
    return None


def _outcome(sent: Sequence[str], meta: ItemMetadata) -> ItemOutcome | None:
    index = _index(meta.original_index)
    if index is not None and 0 <= index < len(sent):
        item_id = sent[index]
    elif isinstance(meta.id, str) and meta.id:
        item_id = meta.id.lower()
    else:
        return None
    if meta.success is True:
        return ItemOutcome(item_id, True)
    error = meta.error
    code = description = ""
    if error is not None:
        code = "" if error.code is None else str(error.code)
        description = "" if error.description is None else str(error.description)
    return ItemOutcome(item_id, False, code, description)


def _outcomes(sent: Sequence[str], parsed: BulkDeleteSiteResponse) -> dict[str, ItemOutcome]:
    """The outcome of each id sent, by `originalIndex` (else by id); ids Wix left out are absent."""
    found: dict[str, ItemOutcome] = {}
    for result in parsed.results or []:
        if result.item_metadata is None:
            continue
        outcome = _outcome(sent, result.item_metadata)
        if outcome is not None:
            found[outcome.id] = outcome
    return found


def bulk_delete_call(site_ids: Sequence[str]) -> Call[dict[str, ItemOutcome]]:
    from wix_sites_api.api.site_actions import bulk_delete_site
    from wix_sites_api.models import BulkDeleteSiteRequest

    sent = [s.lower() for s in site_ids]
    body = BulkDeleteSiteRequest(ids=list(sent))
    return Call(
        bulk_delete_site, {"body": body}, lambda parsed: _outcomes(sent, parsed), "Bulk Delete Site"
    )


def _trashed(page: Page[Site]) -> set[str]:
    return {str(s.id).lower() for s in page.items if s.trashed_date is not None}


def trashed_among_call(site_ids: Sequence[str]) -> Call[set[str]]:
    """Which of up to 1,000 site ids are in the trash (a read, to settle uncertain outcomes): one
    Query Sites that lists the trashed ones only, of every namespace."""
    page_call = query_sites_page(
        filter={"id": {"$in": list(site_ids)}, "state": "TRASHED", "namespace": ANY_NAMESPACE},
        sort=None,
        limit=max(len(site_ids), 1),
        cursor=None,
    )
    return Call(
        page_call.module,
        page_call.kwargs,
        lambda parsed: _trashed(page_call.parse(parsed)),
        "Query Sites (trash check)",
    )


def owned_call(site_id: str) -> Call[bool]:
    """Whether the client's account has the site (a read, to settle an uncertain transfer)."""
    page_call = query_sites_page(
        filter={"id": site_id, "namespace": ANY_NAMESPACE}, sort=None, limit=1, cursor=None
    )
    return Call(
        page_call.module,
        page_call.kwargs,
        lambda parsed: bool(page_call.parse(parsed).items),
        "Query Sites (transfer check)",
    )


def _new_site_id(parsed: DuplicateSiteResponse) -> str:
    if parsed.new_site_id is None:
        raise WixError("Duplicate Site: Wix answered without newSiteId")
    return str(parsed.new_site_id)


def duplicate_call(source_site_id: str, display_name: str) -> Call[str]:
    from wix_sites_api.api.site_actions import duplicate_site
    from wix_sites_api.models import DuplicateSiteRequest

    body = DuplicateSiteRequest(source_site_id=source_site_id, site_display_name=display_name)
    return Call(duplicate_site, {"body": body}, _new_site_id, "Duplicate Site", idempotent=False)


def publish_call(site_id: str) -> Call[None]:
    from wix_sites_api.api.site_publisher import publish_site
    from wix_sites_api.models import PublishSiteRequest

    kwargs = {"body": PublishSiteRequest(), "wix_site_id": site_id}
    return Call(publish_site, kwargs, lambda _: None, "Publish Site")


def _transfer(parsed: TransferSiteResponse, sent: SiteTransfer) -> SiteTransfer:
    return sent if parsed.site_transfer is None else parsed.site_transfer


def transfer_call(site_id: str, source_account_id: str, notify: bool) -> Call[SiteTransfer]:
    from wix_sites_api.api.b2b_site_management import transfer_site
    from wix_sites_api.models import SiteTransfer, TransferSiteRequest

    sent = SiteTransfer(
        site_id=site_id,
        source_account_id=source_account_id,
        enable_notifications=notify,
    )
    return Call(
        transfer_site,
        {"body": TransferSiteRequest(site_transfer=sent)},
        lambda parsed: _transfer(parsed, sent),
        "Transfer Site",
    )
