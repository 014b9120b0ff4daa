"""The lifecycle of a site on `client.sites`: trash in bulk, duplicate, publish, transfer.

Mixed into `Sites` and `AsyncSites`; the logic of each action is a flow (see `runner`) or a call
(see `actioncalls`), shared by both.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeAlias, Unpack
from uuid import UUID

from wixsites.actioncalls import duplicate_call, owned_call, publish_call, transfer_call
from wixsites.bulk import MoveReport, Progress, may_have_applied, move_async, move_sync
from wixsites.errors import InvalidArgument, SiteNotInSourceAccount, WixError
from wixsites.ids import checked_site_id
from wixsites.options import CallOptions
from wixsites.runner import AsyncRunner, Flow, SyncRunner
from wixsites.trash import (
    TRASH,
    TRASH_BATCH,
    trash_call,
    trash_flow,
    trashed_check,
)

if TYPE_CHECKING:
    from wix_sites_api.models import Site, SiteTransfer

__all__ = ["AsyncSiteActions", "SiteActions"]

SiteRef: TypeAlias = "Site | UUID | str"  # a string: the models load only when used


def _site_id(site: SiteRef, what: str = "site") -> str:
    from wix_sites_api.models import Site

    given: object = site.id if isinstance(site, Site) else site
    try:
        return checked_site_id(given)
    except InvalidArgument:
        raise InvalidArgument(f"{what} must be a site id (a GUID), not {site!r}") from None


def _display_name(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidArgument(f"the new site's display name must not be empty, not {name!r}")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InvalidArgument("the new site's display name must not hold control characters")
    return name


def _duplicate_flow(source: str, name: str) -> Flow[str]:
    try:
        new_id: str = yield duplicate_call(source, name)
    except WixError as exc:
        if may_have_applied(exc):
            exc.hint = (
                f"the site may have been duplicated nonetheless: look for a site named {name!r} "
                "before trying again"
            )
        raise
    return new_id


def _transfer_flow(site_id: str, source: str, notify: bool) -> Flow[SiteTransfer]:
    try:
        done: SiteTransfer = yield transfer_call(site_id, source, notify)
    except SiteNotInSourceAccount as exc:
        # An earlier attempt may have moved it already: then it is in this (the target) account.
        if exc.earlier_attempt_uncertain and (yield owned_call(site_id)):
            from wix_sites_api.models import SiteTransfer

            return SiteTransfer(
                site_id=site_id, source_account_id=source, enable_notifications=notify
            )
        raise
    return done


def _transfer_args(site: SiteRef, source_account_id: str, notify: bool) -> tuple[str, str, bool]:
    if not isinstance(notify, bool):
        raise InvalidArgument(f"notify must be True or False, not {notify!r}")
    return _site_id(site), _site_id(source_account_id, "source_account_id"), notify


class SiteActions:
    """Trash, duplicate, publish and transfer sites (sync)."""

    _runner: SyncRunner

    def trash(
        self,
        site_ids: Iterable[str],
        progress: Progress | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        """Move sites to the trash, 20 per request (Bulk Delete Site; never a permanent delete).

        Returns the exact report of a bulk move: `moved` holds the trashed sites (also those that
        were in the trash already), `failed` every other id with its reason (Wix's per-item
        error, e.g. ``PREMIUM_NOT_PERMITTED: ...`` for a site with a Premium plan); `target` is
        ``"trash"``. Uncertain outcomes are settled by reading the sites.
        """
        return move_sync(
            self._runner.with_options(options),
            site_ids,
            TRASH,
            kind="site",
            size=TRASH_BATCH,
            make_call=trash_call,
            check=trashed_check,
            progress=progress,
            flow=trash_flow,
        )

    def duplicate(self, source: SiteRef, display_name: str, **options: Unpack[CallOptions]) -> str:
        """Duplicate a site (e.g. a template) under a new display name; returns the new site's id.

        The copy has no domain and no Premium plan. Not retried after a failure that may have been
        applied (that could make two copies): such an error says so.
        """
        flow = _duplicate_flow(_site_id(source), _display_name(display_name))
        return self._runner.with_options(options).drive(flow)

    def publish(self, site: SiteRef, **options: Unpack[CallOptions]) -> None:
        """Publish a site (a site-level call: sent with wix-site-id instead of wix-account-id)."""
        self._runner.with_options(options).run(publish_call(_site_id(site)))

    def transfer(
        self,
        site: SiteRef,
        source_account_id: str,
        notify: bool = False,
        **options: Unpack[CallOptions],
    ) -> SiteTransfer:
        """Transfer a site from `source_account_id` to this client's account (the target is
        always the account the client sends, never a parameter). `notify`: email the site owner.

        Raises `TargetAccountNotFound`, `TransferNotAllowed`, `SiteNotInSourceAccount` or
        `TransferNotSupported` for Wix's documented errors.
        """
        flow = _transfer_flow(*_transfer_args(site, source_account_id, notify))
        return self._runner.with_options(options).drive(flow)


class AsyncSiteActions:
    """`SiteActions` for `AsyncWixSites`."""

    _runner: AsyncRunner
    _max_concurrency: int

    async def trash(
        self,
        site_ids: Iterable[str],
        progress: Progress | None = None,
        *,
        max_concurrency: int | None = None,
        **options: Unpack[CallOptions],
    ) -> MoveReport:
        return await move_async(
            self._runner.with_options(options),
            site_ids,
            TRASH,
            kind="site",
            size=TRASH_BATCH,
            make_call=trash_call,
            check=trashed_check,
            progress=progress,
            max_concurrency=max_concurrency or self._max_concurrency,
            flow=trash_flow,
        )

    async def duplicate(
        self, source: SiteRef, display_name: str, **options: Unpack[CallOptions]
    ) -> str:
        flow = _duplicate_flow(_site_id(source), _display_name(display_name))
        return await self._runner.with_options(options).drive(flow)

    async def publish(self, site: SiteRef, **options: Unpack[CallOptions]) -> None:
        await self._runner.with_options(options).run(publish_call(_site_id(site)))

    async def transfer(
        self,
        site: SiteRef,
        source_account_id: str,
        notify: bool = False,
        **options: Unpack[CallOptions],
    ) -> SiteTransfer:
        flow = _transfer_flow(*_transfer_args(site, source_account_id, notify))
        return await self._runner.with_options(options).drive(flow)
