"""``wixsites api METHOD PATH``: any Wix endpoint, like ``gh api``, through the SDK's client (its
auth, retries, pacing, logging and redaction), printing the JSON answer.

``--paginate`` follows the pages: cursor paging (``metadata.cursors.next`` while
``metadata.hasNext``; the next request sends the cursor alone, which carries the filter and sort)
or offset paging (``query.paging.offset`` advanced by ``metadata.count`` up to
``metadata.total``), and prints a JSON array of the pages' answers.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from wixsites.cli.context import AppContext, pass_app
from wixsites.cli.errors import InputError
from wixsites.paging import CursorPager, OffsetPager

__all__ = ["Pagers", "api", "next_request", "pages"]

MAX_PAGES = 10_000  # a bound on --paginate, whatever the server says


def _load_data(data: str | None) -> Any:
    if data is None:
        return None
    if data.startswith("@"):
        name = data[1:]
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except OSError as error:
            raise InputError(f"--data {data}: cannot read it ({error.strerror or error})") from None
        where = "standard input" if name == "-" else name
    else:
        text, where = data, "--data"
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{where} is not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None


def _meta(answer: Any) -> Mapping[str, Any]:
    meta = answer.get("metadata") if isinstance(answer, Mapping) else None
    return meta if isinstance(meta, Mapping) else {}


def _query(body: Any) -> dict[str, Any]:
    query = body.get("query") if isinstance(body, dict) else None
    return query if isinstance(query, dict) else {}


class Pagers:
    """The paging state of one --paginate run: cursors, or offsets once an answer shows them."""

    def __init__(self) -> None:
        self.cursors = CursorPager()
        self.offsets: OffsetPager | None = None


def next_request(
    method: str, body: Any, params: dict[str, str], answer: Any, pagers: Pagers
) -> tuple[Any, dict[str, str]] | None:
    """The body and query parameters of the next page's request, or None after the last page."""
    cursors = pagers.cursors
    meta = _meta(answer)
    raw_cursors = meta.get("cursors")
    if (isinstance(raw_cursors, Mapping) and "next" in raw_cursors) or "hasNext" in meta:
        nxt = raw_cursors.get("next") if isinstance(raw_cursors, Mapping) else None
        has_next = meta.get("hasNext")
        cursors.advance(nxt if isinstance(nxt, str) else None, has_next is not False)
        if cursors.done or cursors.cursor is None:
            return None
        if method == "GET":
            return body, {**params, "cursorPaging.cursor": cursors.cursor}
        limit = _query(body).get("cursorPaging", {}).get("limit")
        paging: dict[str, Any] = {"cursor": cursors.cursor}
        if limit is not None:
            paging["limit"] = limit
        return {**(body or {}), "query": {"cursorPaging": paging}}, params
    count, total, echoed = meta.get("count"), meta.get("total"), meta.get("offset")
    if isinstance(count, int) and isinstance(echoed, int):
        if pagers.offsets is None:
            asked = _query(body).get("paging")
            limit = asked.get("limit") if isinstance(asked, Mapping) else None
            pagers.offsets = OffsetPager(limit if isinstance(limit, int) else count, echoed)
        offsets = pagers.offsets
        offsets.advance(
            count,
            total=total if isinstance(total, int) else None,
            echoed=echoed,
        )
        if offsets.done:
            return None
        following = copy.deepcopy(body) if isinstance(body, dict) else {}
        following.setdefault("query", {}).setdefault("paging", {})["offset"] = offsets.offset
        return following, params
    return None


def pages(
    app: AppContext, method: str, path: str, body: Any, headers: Mapping[str, str] | None = None
) -> Iterator[Any]:
    """Each page's answer, following cursors or offsets (at most `MAX_PAGES`)."""
    client = app.client()
    params: dict[str, str] = {}
    pagers = Pagers()
    for _ in range(MAX_PAGES):
        answer = client.request(method, path, json=body, params=params, headers=headers or {})
        yield answer
        following = next_request(method, body, params, answer, pagers)
        if following is None:
            return
        body, params = following
    raise click.ClickException(f"stopped after {MAX_PAGES:,} pages")


@click.command("api")
@click.argument("method", type=click.Choice(["GET", "POST", "PUT", "PATCH", "DELETE"], False))
@click.argument("path")
@click.option(
    "--data",
    metavar="JSON|@FILE",
    help="The request body: JSON, @file to read it from a file, @- from standard input "
    "(default for POST, PUT and PATCH: {}).",
)
@click.option(
    "-H",
    "--header",
    "headers",
    multiple=True,
    metavar="'NAME: VALUE'",
    help="A request header (repeatable), e.g. 'wix-site-id: ID' for a site-level call.",
)
@click.option(
    "--paginate", is_flag=True, help="Follow the pages (cursors or offsets); print a JSON array."
)
@pass_app
def api(
    app: AppContext,
    method: str,
    path: str,
    data: str | None,
    headers: tuple[str, ...],
    paginate: bool,
) -> None:
    """Call any Wix endpoint with the configured credentials; print its JSON answer.

    Requests get the same authentication, retries, pacing, --verbose log and redaction as every
    other command; like them it runs on the embedded sandbox only with --sandbox.

    \b
    Examples:
      wixsites api POST /site-list/v2/sites/count --data '{"filter": {"published": true}}'
      wixsites api POST /site-list/v2/sites/query --data '{"query": {}}' --paginate
      wixsites api POST /site-folders/v2/folders/query --data @query.json --paginate
      wixsites api POST /site-publisher/v1/site/publish -H "wix-site-id: SITE_ID"
    """
    method = method.upper()
    if not path.startswith("/"):
        path = "/" + path
    body = _load_data(data)
    if body is None and method in ("POST", "PUT", "PATCH"):
        body = {}  # Wix's POST endpoints want a JSON object, even an empty one
    sent = _headers(headers)
    if paginate:
        app.output.emit_json(list(pages(app, method, path, body, sent)))
    else:
        app.output.emit_json(app.client().request(method, path, json=body, headers=sent))


def _headers(given: tuple[str, ...]) -> dict[str, str]:
    """The -H headers. What HTTP cannot carry (a line break, a non-ASCII letter) the SDK
    refuses before sending (`InvalidArgument`, a usage error), never echoing the value."""
    headers: dict[str, str] = {}
    for header in given:
        name, colon, value = header.partition(":")
        if not colon or not name.strip() or any(c in name for c in " \t\r\n"):
            # not echoed: it may hold a secret
            raise InputError("-H: give each header as 'NAME: VALUE' (a name, a colon, a value)")
        headers[name.strip()] = value.strip()
    return headers
