"""``wixsites listen --forward-to URL``: the sandbox's webhooks, sent to a local handler while this
runs, one line per delivery attempt (as ``stripe listen`` does for Stripe's).

The listener registers an endpoint that it owns (no other process sends to it) and runs a
dispatcher for it alone: the changes of any process sharing the database file (a served sandbox,
``wixsites trigger``, any ``--sandbox`` command) reach the handler. It keeps the endpoint alive
with a heartbeat; Ctrl-C lets the attempt in flight finish, removes the endpoint with what it
still had to get, prints a summary and exits with status 130.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import secrets
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click
from rich.text import Text

from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import CommandFailed, InputError
from wixsites.cli.exitcodes import INTERRUPTED, OK
from wixsites.cli.failures import quiet_stdout
from wixsites.cli.hookview import (
    account_option,
    db_option,
    default_account,
    event_types,
    events_option,
    open_db,
    short_name,
    shown_url,
    warn_base_url_unused,
)

if TYPE_CHECKING:
    from wixsandbox.store import Store
    from wixsandbox.webhooks.dispatcher import Delivery

__all__ = ["delivery_line", "listen"]

# the endpoint is kept alive this long past each heartbeat (sent 3 times as often)
ALIVE_MS = 30_000
HEARTBEAT = ALIVE_MS / 3000
NAME_WIDTH = 40


@dataclass
class Tally:
    delivered: int = 0
    failed: int = 0  # attempts that did not deliver
    reader_gone: bool = False  # standard output was closed (`| head`)


def _entity(delivery: Delivery) -> tuple[str, str]:
    """(``site ID`` / ``folder ID``, the entity's name or "") of a delivery's event."""
    kind = "site" if short_name(delivery.event_type).startswith("site.") else "folder"
    try:
        data = json.loads(json.loads(delivery.envelope)["data"])
    except (ValueError, KeyError, TypeError):
        data = {}
    if "actionEvent" in data:  # sites.moved: its entity is the target folder ("" for root)
        return f"folder {delivery.entity_id or '(root)'}", ""
    holder = data.get("createdEvent") or data.get("updatedEvent") or {}
    entity = holder.get("entity") or holder.get("currentEntity") or {}
    name = entity.get("displayName") or entity.get("name") if isinstance(entity, dict) else None
    return f"{kind} {delivery.entity_id}", name if isinstance(name, str) else ""


def _status(delivery: Delivery) -> str:
    if delivery.status is not None:
        return str(delivery.status)
    return {"cannot connect": "refused"}.get(delivery.outcome, delivery.outcome)


def delivery_line(delivery: Delivery, clean: Any) -> Text:
    """``12:00:01  site.created  site ID "name"  -> 200  12 ms``: inert, coloured on a terminal
    (the status green when delivered, red when not)."""
    entity, name = _entity(delivery)
    stamp = time.strftime("%H:%M:%S", time.localtime(delivery.at_ms / 1000))
    shown = clean(name)
    if len(shown) > NAME_WIDTH:
        shown = shown[: NAME_WIDTH - 1] + "…"
    line = Text(f"{stamp}  {short_name(delivery.event_type):<14}  {clean(entity)}")
    if shown:
        line.append(f"  {json.dumps(shown, ensure_ascii=False)}")
    line.append("  -> ")
    line.append(_status(delivery), style="green" if delivery.outcome == "delivered" else "red")
    if delivery.latency_ms is not None:
        line.append(f"  {delivery.latency_ms} ms")
    if delivery.attempt > 1:
        line.append(f"  (attempt {delivery.attempt})", style="dim")
    if delivery.outcome == "gave up":
        line.append("  gave up", style="red")
    return line


@click.command("listen")
@click.option(
    "--forward-to",
    "forward_to",
    required=True,
    metavar="URL",
    help="Where to POST each event, e.g. http://127.0.0.1:3000/webhooks.",
)
@events_option
@account_option
@db_option
@pass_app
def listen(
    app: AppContext,
    forward_to: str,
    events: tuple[str, ...],
    account_id: str | None,
    db: str | None,
) -> None:
    """Forward the sandbox's webhooks to a local URL while this runs, one line per delivery
    attempt (event, entity, the handler's status and latency); Ctrl-C stops it (exit status 130).

    It works on a sandbox only: the embedded sandbox's file, or --db's. To listen to a served
    sandbox (`wixsites sandbox serve`), give --db the file its banner names: its changes are
    recorded there. Verify the events with `wixsites sandbox webhooks public-key`.

    \b
    Examples:
      wixsites listen --forward-to http://127.0.0.1:3000/webhooks
      wixsites listen --forward-to http://127.0.0.1:3000/webhooks --events site.*
      wixsites listen --forward-to http://127.0.0.1:3000/webhooks --db ./served.db
    """
    from wixsandbox.webhooks import endpoints
    from wixsandbox.webhooks.outbox import wall_ms

    try:
        endpoints.check_url(forward_to)
    except ValueError as error:
        raise InputError(f"--forward-to cannot be used: {error}") from None
    types = event_types(events)
    warn_base_url_unused(app, db, "listen")
    sandbox, path = open_db(db)
    try:
        account = default_account(sandbox, account_id)
        owner = secrets.token_hex(16)
        sandbox.webhooks.public_key()  # the key pair, made before the first event
        try:
            endpoint = endpoints.add(
                sandbox.store,
                forward_to,
                account,
                types,
                owner=owner,
                alive_ms=wall_ms() + ALIVE_MS,
            )
        except ValueError as error:
            raise InputError(str(error)) from None
        what = "every event" if "*" in types else ", ".join(short_name(t) for t in types)
        banner = (
            f"Forwarding {what} of account {account} (and its sub-accounts) in {path} to "
            f"{shown_url(forward_to, app.output.clean)}; verify them with `wixsites sandbox "
            "webhooks public-key`. Ctrl-C to stop."
        )
        tally = Tally()
        interrupted = asyncio.Event()

        def report(delivery: Delivery) -> None:
            if delivery.outcome == "delivered":
                tally.delivered += 1
            elif delivery.outcome != "gave up":
                tally.failed += 1
            if tally.reader_gone:
                return
            try:
                app.output.show(delivery_line(delivery, app.output.clean))
                sys.stdout.flush()
            except BrokenPipeError:  # the reader has what it wanted: stop as after Ctrl-C
                quiet_stdout()
                tally.reader_gone = True
                interrupted.set()

        from wixsandbox.webhooks.dispatcher import Dispatcher

        dispatcher = Dispatcher(
            sandbox.store,
            owner=owner,
            retry_base=sandbox.webhooks.retry_base,
            workers=1,
            batch=1,  # one attempt in flight: what Ctrl-C waits for
            report=report,
        )
        pending = 0
        try:
            gone = asyncio.run(
                _run(
                    dispatcher,
                    sandbox.store,
                    endpoint.id,
                    interrupted,
                    lambda: app.output.info(banner),
                )
            )
        finally:  # even when interrupted before the signal handlers were set
            left = endpoints.endpoints(sandbox.store)
            pending = sum(e.pending for e in left if e.id == endpoint.id)
            endpoints.remove(sandbox.store, endpoint.id)
    finally:
        sandbox.close()
    summary = f"{tally.delivered} delivered, {tally.failed} failed"
    if gone:
        raise CommandFailed(
            f"stopped: its endpoint {endpoint.id} was removed (`sandbox webhooks remove`); "
            f"{summary}"
        )
    app.output.info(
        f"stopped: {summary}"
        + (f", {pending} not sent (removed with the endpoint)" if pending else "")
    )
    raise click.exceptions.Exit(OK if tally.reader_gone else INTERRUPTED)


async def _run(
    dispatcher: Any,
    store: Store,
    endpoint_id: str,
    interrupted: asyncio.Event,
    ready: Callable[[], None],
) -> bool:
    """Send until SIGINT or SIGTERM (or `interrupted` is set), keeping the endpoint alive; then
    stop claiming, and let the attempt in flight finish (a second Ctrl-C does not wait). True when
    the endpoint was removed by someone else."""
    from wixsandbox.webhooks import endpoints
    from wixsandbox.webhooks.outbox import wall_ms

    loop = asyncio.get_running_loop()
    stop, wake = asyncio.Event(), asyncio.Event()

    def on_signal() -> None:
        (stop if interrupted.is_set() else interrupted).set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, on_signal)
    ready()
    sending = asyncio.create_task(dispatcher.run(stop, wake))
    gone = False
    try:
        while not interrupted.is_set() and not sending.done():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(interrupted.wait(), HEARTBEAT)
            alive = await asyncio.to_thread(
                endpoints.heartbeat, store, endpoint_id, wall_ms() + ALIVE_MS
            )
            if not alive:
                gone = True
                break
        await asyncio.to_thread(endpoints.retire, store, endpoint_id)
        dispatcher.draining = True  # stops once its attempt in flight is done
        wake.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.shield(sending), dispatcher.budget + 5.0)
        stop.set()
        await sending
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)
    return gone
