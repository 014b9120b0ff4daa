"""``wixsites sandbox webhooks``: the endpoints the sandbox sends its account-level webhooks to,
the key that verifies them, and the log of every delivery attempt."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import click

from wixsites.cli.app import format_option, yes_option
from wixsites.cli.consent import confirm
from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.cli.hookview import (
    account_option,
    db_option,
    default_account,
    event_types,
    events_option,
    open_db,
    short_name,
    shown_url,
)
from wixsites.cli.output import Column

if TYPE_CHECKING:
    from wixsandbox.webhooks.endpoints import Endpoint, LogEntry

__all__ = ["group"]

ENDPOINT_COLUMNS = [
    Column("id", "ID"),
    Column("accountId", "ACCOUNT"),
    Column("url", "URL"),
    Column("events", "EVENTS"),
    Column("pending", "PENDING", justify="right"),
]
LOG_COLUMNS = [
    Column("at", "TIME", whole=True),
    Column("event", "EVENT"),
    Column("eventId", "EVENT ID"),
    Column("url", "ENDPOINT"),
    Column("instanceId", "INSTANCE"),
    Column("attempt", "ATTEMPT", justify="right"),
    Column("status", "STATUS", justify="right"),
    Column("outcome", "OUTCOME"),
    Column("latencyMs", "MS", justify="right"),
]


@click.group("webhooks")
def group() -> None:
    """The sandbox's webhooks: where it sends them, the key that verifies them, what it sent.

    \b
    Examples:
      wixsites sandbox webhooks add http://127.0.0.1:3000/webhooks --events site.*
      wixsites sandbox webhooks public-key > wix-public.pem
      wixsites sandbox webhooks log --limit 20
    """


def _endpoint_json(endpoint: Endpoint) -> dict[str, Any]:
    from wixsandbox.clock import iso  # loaded with the sandbox the command opened

    return {
        "id": endpoint.id,
        "accountId": endpoint.account_id,
        "url": shown_url(endpoint.url),
        "events": [short_name(t) for t in endpoint.events],
        "listener": bool(endpoint.owner),
        "pending": endpoint.pending,
        "createdDate": iso(endpoint.created_ms),
    }


@group.command("add")
@click.argument("url")
@events_option
@account_option
@db_option
@format_option
@pass_app
def add(
    app: AppContext, url: str, events: tuple[str, ...], account_id: str | None, db: str | None
) -> None:
    """Send the events of an account (and of its sub-accounts) to URL: an HTTP POST of a signed
    JWT per event, as Wix sends them, retried until the URL answers 200 within 1,250 ms.

    Adding the same URL again for the account replaces its event list.

    \b
    Examples:
      wixsites sandbox webhooks add http://127.0.0.1:3000/webhooks
      wixsites sandbox webhooks add https://hooks.example.com/wix --events site.created,folder.*
    """
    from wixsandbox.webhooks.endpoints import check_url

    try:
        check_url(url)  # before the database is opened (or made): a bad URL changes nothing
    except ValueError as error:
        raise InputError(f"the URL cannot be used: {error}") from None
    types = event_types(events)
    sandbox, path = open_db(db)
    try:
        account = default_account(sandbox, account_id)
        try:
            endpoint = sandbox.webhooks.add(url, account, types)
        except ValueError as error:
            raise InputError(str(error)) from None
    finally:
        sandbox.close()
    payload = {"db": path, **_endpoint_json(endpoint)}
    what = ", ".join(payload["events"]) if "*" not in endpoint.events else "every event"
    app.output.result(
        payload,
        f"Endpoint {endpoint.id}: {what} of account {account} (and its sub-accounts) to "
        f"{payload['url']}. Verify them with `wixsites sandbox webhooks public-key`.",
        ids=[endpoint.id],
    )


@group.command("list")
@db_option
@format_option
@pass_app
def list_endpoints(app: AppContext, db: str | None) -> None:
    """The endpoints, oldest first (a running `wixsites listen` is one too, while it runs).

    \b
    Example:
      wixsites sandbox webhooks list --format json
    """
    sandbox, _ = open_db(db)
    try:
        found = sandbox.webhooks.endpoints()
    finally:
        sandbox.close()
    rows = [_endpoint_json(endpoint) for endpoint in found]
    app.output.records(
        ENDPOINT_COLUMNS,
        [{**row, "events": ",".join(row["events"])} for row in rows],
        json_payload=rows,
    )
    if not rows and not app.output.json:
        app.output.info(
            "No endpoint: add one with `wixsites sandbox webhooks add URL`, or run "
            "`wixsites listen --forward-to URL`."
        )


@group.command("remove")
@click.argument("endpoint", metavar="ID|URL")
@yes_option
@db_option
@format_option
@pass_app
def remove(app: AppContext, endpoint: str, yes: bool, db: str | None) -> None:
    """Remove an endpoint (by id, or every endpoint of a URL) and the deliveries it still had
    to get (on a terminal it asks first; without one it needs --yes).

    \b
    Example:
      wixsites sandbox webhooks remove wh_0123456789abcdef --yes
    """
    sandbox, path = open_db(db)
    try:
        found = [e for e in sandbox.webhooks.endpoints() if endpoint in (e.id, e.url)]
        if not found:
            raise InputError(
                f"no endpoint {shown_url(endpoint)[:120]!r} in {path}: give an id or a URL "
                "that `wixsites sandbox webhooks list` shows"
            )
        pending = sum(e.pending for e in found)
        what = (
            f"{len(found)} endpoint{'s' if len(found) > 1 else ''} "
            f"({', '.join(e.id for e in found)}) and {pending} pending "
            f"deliver{'ies' if pending != 1 else 'y'}"
        )
        confirm(f"Remove {what}?", yes=yes, destructive=f"this would remove {what}")
        removed = sandbox.webhooks.remove(endpoint)
    finally:
        sandbox.close()
    ids = [e.id for e in removed]
    app.output.result(
        {"db": path, "removed": ids},
        f"Removed {', '.join(ids) or 'nothing (already gone)'}.",
        ids=ids,
    )


@group.command("public-key")
@db_option
def public_key(db: str | None) -> None:
    """Print the PEM public key that verifies the sandbox's webhooks (alone, on standard output).

    \b
    Example:
      wixsites sandbox webhooks public-key > wix-public.pem
    """
    sandbox, _ = open_db(db)
    try:
        pem = sandbox.webhooks.public_key()
    finally:
        sandbox.close()
    click.echo(pem, nl=not pem.endswith("\n"))


def _log_json(entry: LogEntry) -> dict[str, Any]:
    from wixsandbox.clock import iso

    return {
        "at": iso(entry.at_ms),
        "event": short_name(entry.event_type),
        "eventType": entry.event_type,
        "eventId": entry.event_id,
        "endpointId": entry.endpoint_id,
        "url": shown_url(entry.url),
        "instanceId": entry.instance_id,
        "attempt": entry.attempt,
        "status": entry.status,
        "outcome": entry.outcome,
        "latencyMs": entry.latency_ms,
    }


@group.command("log")
@click.option(
    "--limit",
    type=click.IntRange(1, 10_000),
    default=50,
    show_default=True,
    help="How many attempts (the latest).",
)
@click.option("--event-id", metavar="ID", help="Only the attempts of this event.")
@click.option("--endpoint", metavar="ID|URL", help="Only the attempts to this endpoint.")
@db_option
@format_option
@pass_app
def log(
    app: AppContext, limit: int, event_id: str | None, endpoint: str | None, db: str | None
) -> None:
    """Every delivery attempt, newest first: time, event, event id, endpoint, instance (the
    account of the change), attempt, HTTP status, outcome and latency.

    \b
    Examples:
      wixsites sandbox webhooks log --limit 20
      wixsites sandbox webhooks log --event-id 6f1c... --format json
    """
    sandbox, _ = open_db(db)
    try:
        entries = sandbox.webhooks.log(limit=limit, event_id=event_id, endpoint=endpoint)
    finally:
        sandbox.close()
    rows = [_log_json(entry) for entry in entries]
    app.output.records(LOG_COLUMNS, rows)
    if not rows and not app.output.json:
        app.output.info("No delivery attempt (yet).")
