"""A handler for Wix's account-level webhooks: verify, answer 200 at once, then do the work.

    pip install 'wixsites[webhooks]' starlette uvicorn
    WIXSITES_WEBHOOK_PUBLIC_KEY_FILE=wix-public.pem uvicorn examples.webhook_handler:app --port 3000

The public key is the PEM of your Wix Studio workspace (Settings > Webhooks > Get Public Key), or
the sandbox's (`wixsites sandbox webhooks public-key > wix-public.pem`); set it in
WIXSITES_WEBHOOK_PUBLIC_KEY_FILE (a file) or WIXSITES_WEBHOOK_PUBLIC_KEY (the PEM itself).

Wix wants a 200 within 1,250 ms, or it sends the event again (for up to 48 hours); it delivers
each event at least once, and in any order. So the handler answers as soon as the event is
verified, runs the work after the answer, and skips an event id it has seen. The ids are kept in
memory, for one process: with several processes, or to survive a restart, keep them where all of
them look (a unique key on the event id in your database).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from pathlib import Path

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from wixsites import webhooks

MAX_BODY = 1 << 20  # bytes; an event is a few kilobytes


def public_key() -> str:
    if path := os.environ.get("WIXSITES_WEBHOOK_PUBLIC_KEY_FILE"):
        return Path(path).read_text(encoding="ascii")
    if pem := os.environ.get("WIXSITES_WEBHOOK_PUBLIC_KEY"):
        return pem
    raise SystemExit(
        "no public key: set WIXSITES_WEBHOOK_PUBLIC_KEY_FILE to a PEM file "
        "(wixsites sandbox webhooks public-key > wix-public.pem) or WIXSITES_WEBHOOK_PUBLIC_KEY"
    )


class RecentIds:
    """The last `size` event ids seen (a redelivered event comes with the same id)."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._ids: OrderedDict[str, None] = OrderedDict()

    def first_time(self, event_id: str) -> bool:
        """True the first time `event_id` is seen, and remember it."""
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self.size:
            self._ids.popitem(last=False)
        return True


def inert(text: str | None) -> str:
    """Text from a webhook, safe to print: no control or bidi characters, at most 100 of them."""
    return "".join(c if c.isprintable() else "?" for c in (text or "")[:100])


async def handle(event: webhooks.WebhookEvent) -> None:
    """The work an event asks for; it runs after Wix has had its 200. Here: print one line."""
    match event:
        case webhooks.SiteCreated(site=site) | webhooks.SiteUpdated(site=site):
            detail = site.display_name
        case webhooks.FolderCreated(folder=folder) | webhooks.FolderUpdated(folder=folder):
            detail = folder.name
        case webhooks.SitesMovedToFolder(site_ids=site_ids):
            detail = f"{len(site_ids)} sites"
        case _:
            detail = ""
    entity = inert(event.entity_id) or "(root)"
    print(inert(event.event_type), entity, inert(detail), f"[event {inert(event.id)}]", flush=True)


async def raw_body(request: Request) -> bytes | None:
    """The request's body as it came (a JWT), or None when it is larger than an event can be."""
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            return None
    return bytes(body)


async def receive(request: Request) -> PlainTextResponse:
    body = await raw_body(request)
    if body is None:
        return PlainTextResponse("too large for a Wix event\n", status_code=413)
    try:
        event = webhooks.parse(body, PUBLIC_KEY)
    except webhooks.WebhookSignatureError as error:  # not from Wix: do nothing
        return PlainTextResponse(f"{error}\n", status_code=401)
    except webhooks.WebhookPayloadError as error:  # from Wix, but not an event of the known shape
        return PlainTextResponse(f"{error}\n", status_code=400)
    if not recent.first_time(event.id):
        return PlainTextResponse("already handled\n")
    return PlainTextResponse("ok\n", background=BackgroundTask(handle, event))


PUBLIC_KEY = public_key()
recent = RecentIds()
app = Starlette(routes=[Route("/webhooks", receive, methods=["POST"])])
