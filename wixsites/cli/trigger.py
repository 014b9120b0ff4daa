"""``wixsites trigger EVENT``: a real change in the sandbox that sends the event, made through the
SDK on the sandbox's transport, so it is validated and recorded as any caller's change is.

| EVENT            | the change                                                          |
|------------------|---------------------------------------------------------------------|
| site.created     | duplicate the account's first active site as "trigger <time>"       |
| site.updated     | publish the account's first active site                             |
| site.deleted     | duplicate a site, then trash the copy (site.created is sent too)    |
| folder.created   | create a folder "trigger <time>" at root                            |
| folder.updated   | create a folder, then rename it                                     |
| folder.deleted   | create a folder, then delete it                                     |
| sites.moved      | duplicate a site, create a folder, move the copy into it            |

It never acts on a Wix account: only on a sandbox's file (``--db``, else the embedded one's).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from wixsites.cli.app import format_option
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import CommandFailed, InputError
from wixsites.cli.hookview import (
    account_option,
    db_option,
    default_account,
    event_names,
    open_db,
    warn_base_url_unused,
)

if TYPE_CHECKING:
    from wixsandbox import Sandbox
    from wixsites import WixSites

__all__ = ["trigger"]

Steps = list[str]


def _name() -> str:
    return f"trigger {time.strftime('%H:%M:%S')} {secrets.token_hex(2)}"


def _first_site(wix: WixSites) -> Any:
    from wixsites.cli.counts import scoped

    site = wix.sites.query(filter=scoped(None, "active"), sort="createdDate", page_size=1).first()
    if site is None:
        raise CommandFailed(
            "the account has no active site to act on: add some with `wixsites sandbox seed "
            "--sites 5`"
        )
    return site


def _duplicate(wix: WixSites, steps: Steps) -> str:
    source = _first_site(wix)
    name = _name()
    new_id = wix.sites.duplicate(source.id, name)
    steps.append(f"duplicated site {source.id} as {name!r}: site {new_id}")
    return new_id


def _site_updated(wix: WixSites, steps: Steps) -> None:
    site = _first_site(wix)
    wix.sites.publish(site.id)
    steps.append(f"published site {site.id}")


def _site_deleted(wix: WixSites, steps: Steps) -> None:
    new_id = _duplicate(wix, steps)
    report = wix.sites.trash([new_id])
    if report.failed:
        raise CommandFailed(f"the copy {new_id} was not trashed: {report.failed}")
    steps.append(f"trashed site {new_id}")


def _create_folder(wix: WixSites, steps: Steps) -> Any:
    folder = wix.folders.create(_name())
    steps.append(f"created folder {folder.name!r}: {folder.id}")
    return folder


def _folder_updated(wix: WixSites, steps: Steps) -> None:
    folder = _create_folder(wix, steps)
    renamed = wix.folders.rename(folder.id, f"{folder.name} renamed")
    steps.append(f"renamed folder {folder.id} to {renamed.name!r}")


def _folder_deleted(wix: WixSites, steps: Steps) -> None:
    folder = _create_folder(wix, steps)
    wix.folders.delete(folder.id)
    steps.append(f"deleted folder {folder.id}")


def _sites_moved(wix: WixSites, steps: Steps) -> None:
    new_id = _duplicate(wix, steps)
    folder = _create_folder(wix, steps)
    report = wix.sites.move([new_id], folder.id)
    if report.failed:
        raise CommandFailed(f"site {new_id} was not moved: {report.failed}")
    steps.append(f"moved site {new_id} into folder {folder.id}")


CHANGES: dict[str, Callable[[WixSites, Steps], Any]] = {
    "site.created": _duplicate,
    "site.updated": _site_updated,
    "site.deleted": _site_deleted,
    "folder.created": _create_folder,
    "folder.updated": _folder_updated,
    "folder.deleted": _folder_deleted,
    "sites.moved": _sites_moved,
}


def _api_key(sandbox: Sandbox, account: str) -> str:
    """A key of the sandbox that acts for `account`: the default one, or for another account of
    the sandbox a key of its own, the same on every run (derived from a secret of the database,
    so that triggering leaves one key per account behind, not one per run)."""
    import hashlib
    import hmac

    from wixsandbox.accounts import is_known

    credentials = sandbox.default_credentials()
    if account == credentials.account_id:
        return credentials.api_key
    with sandbox.store.read() as conn:
        known = is_known(conn, account)
    if not known:
        raise InputError(
            f"no account {account[:64]!r} in this sandbox: give the id of an account that has an "
            "API key, sites or sub-accounts (`wixsites sandbox seed --account-id ID` makes one)"
        )
    secret = sandbox.store.secret_key("trigger_key")
    key = "trigger-" + hmac.new(secret, account.encode(), hashlib.sha256).hexdigest()[:40]
    sandbox.add_api_key(key, account)
    return key


def _client(sandbox: Sandbox, account: str) -> WixSites:
    from wixsites import WixSites

    return WixSites(
        api_key=_api_key(sandbox, account),
        account_id=account,
        transport=sandbox.transport(),
        rate_limit=None,
    )


@click.command("trigger")
@click.argument("event", metavar="EVENT")
@account_option
@db_option
@format_option
@pass_app
def trigger(app: AppContext, event: str, account_id: str | None, db: str | None) -> None:
    """Make a real change in the sandbox that sends EVENT, and say what was done and which
    events were recorded: site.created, site.updated, site.deleted, folder.created,
    folder.updated, folder.deleted or sites.moved.

    It works on a sandbox only (the embedded sandbox's file, or --db's; for a served sandbox,
    the file its banner names). --account names another account of the sandbox.
    The events go to the endpoints of `wixsites sandbox webhooks add` and to a running
    `wixsites listen`.

    \b
    Examples:
      wixsites trigger site.created
      wixsites trigger folder.deleted --db ./served.db
    """
    from wixsandbox.webhooks.outbox import watch

    names = [name for name in event_names() if name in CHANGES]  # the spec's order
    if event not in names:
        shown = event.encode("ascii", "backslashreplace").decode()[:80]
        raise InputError(f"unknown event {shown!r}; trigger takes one of: {', '.join(names)}")
    warn_base_url_unused(app, db, "trigger")
    sandbox, path = open_db(db)
    steps: Steps = []
    try:
        account = default_account(sandbox, account_id)
        with _client(sandbox, account) as wix, watch() as recorded:
            CHANGES[event](wix, steps)
    finally:
        sandbox.close()  # sends for a moment what is due to the registered endpoints
    events: list[dict[str, Any]] = [
        {
            "event": r.name,
            "eventId": r.event_id,
            "entityId": r.entity_id,
            "endpoints": r.endpoints,
        }
        for r in recorded
    ]
    lines = [f"In account {account} of {path}:", *(f"  {step}" for step in steps)]
    if events:
        lines.append("Recorded:")
        lines += [
            f"  {e['event']} {e['eventId']} (entity {e['entityId'] or 'root'}) for "
            f"{e['endpoints']} endpoint{'s' if e['endpoints'] != 1 else ''}"
            for e in events
        ]
    else:
        lines.append(
            f"Recorded nothing: no endpoint gets {event} of this account; add one with "
            "`wixsites sandbox webhooks add URL`, or run `wixsites listen --forward-to URL`."
        )
    app.output.result(
        {"db": path, "accountId": account, "event": event, "did": steps, "recorded": events},
        "\n".join(lines),
        ids=[str(e["eventId"]) for e in events],
    )
