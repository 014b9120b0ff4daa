"""What `GET /` and `GET /openapi.yaml` answer: what this server is, and the spec it serves.

Neither is part of Wix's API; they are here so that a person who opens the served sandbox in a
browser, or a tool pointed at it, finds the contract it implements.
"""

from __future__ import annotations

import html
import json
import uuid
from functools import cache

from wixsandbox.errors import ApiError
from wixsandbox.spec import spec_text
from wixsandbox.wire import Request, Response, dump_json

__all__ = ["home_response"]

SPEC_PATH = "/openapi.yaml"
_ABOUT = (
    "wixsandbox: a local, stateful stand-in for Wix's account-level REST APIs (Site List v2, "
    "Site Folders v2, Site Actions, Publish Site, B2B Site Management), made by the wixsites "
    "project. It is not Wix. Every operation it serves is "
    "described by the OpenAPI document at " + SPEC_PATH + "."
)


@cache
def _spec_bytes() -> bytes:
    return spec_text().encode("utf-8")


def _page() -> bytes:
    link = f'<a href="{SPEC_PATH}">{SPEC_PATH}</a>'
    text = html.escape(_ABOUT).replace(SPEC_PATH, link, 1)
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>wixsandbox</title></head>'
        f"<body><h1>wixsandbox</h1><p>{text}</p></body></html>"
    ).encode()


ALLOWED = ("GET", "HEAD")


def home_response(request: Request) -> Response | None:
    """The answer to `GET /` or `GET /openapi.yaml` (HEAD too), or the 405 (with ``Allow``) to
    any other method there; None for every other path."""
    if request.path not in ("/", SPEC_PATH):
        return None
    if request.method not in ALLOWED:
        allowed = ", ".join(ALLOWED)
        error = ApiError(
            405,
            f"{request.method[:20]} is not allowed here; allowed: {allowed}",
            code="METHOD_NOT_ALLOWED",
            data={"allowed": list(ALLOWED)},
        )
        headers = [
            ("content-type", "application/json"),
            ("x-wix-request-id", uuid.uuid4().hex),
            ("allow", allowed),
        ]
        return Response(405, dump_json(error.body()), headers)
    if request.path == SPEC_PATH:
        return Response(200, _spec_bytes(), [("content-type", "application/yaml; charset=utf-8")])
    if "text/html" in (request.header("accept") or ""):
        return Response(200, _page(), [("content-type", "text/html; charset=utf-8")])
    body = json.dumps({"name": "wixsandbox", "about": _ABOUT, "openapi": SPEC_PATH})
    return Response(200, body.encode(), [("content-type", "application/json")])
