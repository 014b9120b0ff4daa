"""What the webhook commands (``sandbox webhooks``, ``listen``, ``trigger``) share: their
``--db``, ``--account`` and ``--events`` options, and how they show an event and a URL.

They work on a sandbox database only (never a Wix account): the file of ``--db``, else
``WIXSITES_SANDBOX_DB``, else the embedded sandbox's; a served sandbox is reached through its file
(its banner names it), since its changes are recorded there. The sandbox loads when a command runs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from wixsites.cli.errors import InputError
from wixsites.redaction import inert, mask_url

if TYPE_CHECKING:
    from wixsandbox import Sandbox
    from wixsites.cli.context import AppContext

__all__ = [
    "DB_HELP",
    "account_option",
    "db_option",
    "event_names",
    "event_types",
    "events_option",
    "open_db",
    "short_name",
    "shown_url",
    "warn_base_url_unused",
]

F = TypeVar("F", bound=Callable[..., Any])
DB_HELP = (
    "The sandbox's SQLite file (default: the embedded sandbox's; env WIXSITES_SANDBOX_DB); for a "
    "served sandbox, the file its banner names."
)


def db_option(command: F) -> F:
    return click.option("--db", metavar="PATH", help=DB_HELP)(command)


def account_option(command: F) -> F:
    return click.option(
        "--account",
        "--account-id",
        "account_id",
        metavar="ID",
        help="The account whose events (and whose sub-accounts' events) are meant (default: the "
        "sandbox's default account).",
    )(command)


def events_option(command: F) -> F:
    return click.option(
        "--events",
        multiple=True,
        metavar="LIST",
        help="Only these events (repeat or separate with commas): site.created, site.updated, "
        "site.deleted, folder.created, folder.updated, folder.deleted, sites.moved, site.*, "
        "folder.*, or full event types (default: all).",
    )(command)


def open_db(db: str | None) -> tuple[Sandbox, str]:
    """The sandbox at `db` (or the default file; a new one gets the default account of sites, as
    with ``--sandbox``), and its path."""
    from wixsites.cli.sandboxdb import default_db_path, open_sandbox

    path = db or default_db_path()
    return open_sandbox(path), path


def warn_base_url_unused(app: AppContext, db: str | None, command: str) -> None:
    """A base URL given (e.g. a served sandbox's) is not where `command` works: say so."""
    if app.settings.base_url and not db:
        app.output.warn(
            f"{app.settings.source('base_url')} is not used: {command} works on a sandbox's "
            "database file; for a served sandbox give --db the file its banner names"
        )


def default_account(sandbox: Sandbox, account_id: str | None) -> str:
    return (account_id or sandbox.default_credentials().account_id).lower()


def event_types(names: Sequence[str]) -> list[str]:
    """The event types `names` stand for (``["*"]``: every event); a usage error naming the valid
    names for an unknown one."""
    from wixsandbox.webhooks.catalog import resolve

    try:
        return resolve(names)
    except ValueError as error:
        raise InputError(str(error)) from None


def event_names() -> list[str]:
    """The short names of the events, in the spec's order."""
    from wixsandbox.webhooks.catalog import kinds

    return list(kinds())


def short_name(event_type: str) -> str:
    """``site.created`` for ``wix.sites.v1.site_created`` (an unknown type as it is, inert)."""
    from wixsandbox.webhooks.catalog import ALL, kinds

    if event_type == ALL:
        return ALL
    for kind in kinds().values():
        if kind.event_type == event_type:
            return kind.name
    return inert(event_type)


def shown_url(url: str, clean: Callable[[str], str] = inert) -> str:
    """A URL as shown: its password (never stored by ``add``) masked, inert."""
    return clean(mask_url(url))
