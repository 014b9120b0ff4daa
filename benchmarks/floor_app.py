"""The floor for `sandbox serve`: a bare ASGI app under the same uvicorn, answering a fixed JSON page."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

Message = MutableMapping[str, Any]

_SITE = {
    "id": "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd",
    "name": "abc",
    "displayName": "abc",
    "createdDate": "2015-04-19T15:22:42.498Z",
    "published": True,
    "premium": False,
    "editorType": "EDITOR",
    "namespace": "WIX",
    "domainConnected": False,
}
BODY = json.dumps({"sites": [_SITE] * 50, "metadata": {"count": 50, "hasNext": True}}).encode()


async def app(
    scope: Message,
    receive: Callable[[], Awaitable[Message]],
    send: Callable[[Message], Awaitable[None]],
) -> None:
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(BODY)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": BODY})
