"""The string to sign of the legacy Wix HTTP API (FACTS.md section 1).

    METHOD "\\n" PATH "\\n" VALUES [ "\\n" BODY ]

* METHOD is upper-cased; PATH is the URL path as sent on the wire (percent-encoded, no host, no
  query; an empty path is sent, and so signed, as ``/``).
* VALUES are the values of the query parameters and of the ``x-wix-*`` headers, taken as one list,
  sorted by name in byte order and joined with ``\\n``. Header names are lower-cased; query names are
  kept as they are. Query names and values are signed decoded (``%2B`` is ``+``, and ``+`` is a space,
  as servers decode a query string). ``signature`` and ``x-wix-signature`` are never signed.
* A name given more than once (repeated in the query, repeated as a header, or sent both as a query
  parameter and as a header, query first) is a multi-value parameter: each value is trimmed of ASCII
  whitespace and the values are joined with ``,``. A name given once is signed exactly, except that a
  header value loses its surrounding spaces and tabs, which HTTP does not count as part of the value.
* BODY is the exact body bytes; it is appended, with its ``\\n``, only when it is not empty.

VALUES is always present, even when empty: a request without parameters signs as ``METHOD\\nPATH\\n``
(and ``METHOD\\nPATH\\n\\nBODY`` with a body), as the published Ruby client did. Signer and verifier
share this module, so they agree on every choice above.

Known weakness of the scheme: values are joined without their names, so two different requests can
share one string (``?a=x%0Ay`` and ``?a=x&b=y``; ``?a=x`` and ``?b=x``; a last value ``y`` and a
body ``y``). The signer and the verifier refuse values holding a line break, which closes the
first case; the others are inherent to the scheme.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from urllib.parse import unquote_to_bytes

import httpx

from wixauth.errors import UnsignableRequest

__all__ = [
    "Params",
    "canonical_string",
    "collect",
    "collect_parts",
    "request_string",
    "string_to_sign",
    "unquote_query",
    "wix_headers",
]

#: each signed name with its value; a name given more than once has its values trimmed and joined
Params = dict[bytes, bytes]

# The loops below spell their constants as literals (b"x-wix-", b"signature", ...) rather than
# module names: this is the hot path of signing, and a literal is cheaper than a global lookup.
_EXCLUDED = frozenset({b"signature", b"x-wix-signature"})


def canonical_string(
    method: str,
    path: str,
    params: Mapping[str, str | Sequence[str]],
    body: bytes | str = b"",
) -> bytes:
    """Return the string to sign for already separated request parts.

    `params` maps each name (header names lower-cased by the caller, query names as they are, both
    decoded) to its value, or to a list of values: a list is a multi-value parameter, its values are
    trimmed and joined with ``,`` (even a one-element list). A `str` body is encoded as UTF-8.
    ``signature`` and ``x-wix-signature`` are left out.

    This function states the rule and checks nothing: it happily builds the ambiguous strings that
    `request_string` refuses.
    """
    collected: Params = {}
    for name, value in params.items():
        key = name.encode()
        if key in _EXCLUDED:
            continue
        if isinstance(value, str):
            collected[key] = value.encode()
        else:
            collected[key] = _multi_value([v.encode() for v in value])
    if isinstance(body, str):
        body = body.encode()
    values = b"\n".join([collected[name] for name in sorted(collected)])
    head = b"\n".join((method.upper().encode(), path.encode() or b"/", values))
    return b"\n".join((head, body)) if body else head


def collect(request: httpx.Request) -> tuple[Params, list[bytes]]:
    """Return the signed parameters of `request`, and the signatures it carries (not signed)."""
    return collect_parts(request.url.raw_path.partition(b"?")[2], request.headers.raw)


def wix_headers(headers: httpx.Headers) -> list[tuple[bytes, bytes]]:
    """The ``x-wix-*`` headers, in order, as (lower-cased name, value)."""
    found = []
    for raw_name, value in headers.raw:
        name = _wix_name(raw_name)
        if name is not None:
            found.append((name, value))
    return found


# Header name as sent -> its lower-cased form if it is an x-wix-* header, else None. Lower-casing
# every name of every request is the largest cost of signing after the HMAC; a process sends few
# distinct names, so the answer is kept for the first _MAX_NAMES of them.
_WIX_NAMES: dict[bytes, bytes | None] = {}
_MAX_NAMES = 256


def _wix_name(raw_name: bytes) -> bytes | None:
    name = raw_name.lower()
    found = name if name.startswith(b"x-wix-") else None
    if len(_WIX_NAMES) < _MAX_NAMES:
        _WIX_NAMES[raw_name] = found
    return found


def collect_parts(
    query: bytes, headers: Iterable[tuple[bytes, bytes]]
) -> tuple[Params, list[bytes]]:
    """`collect` from a raw query string and the raw headers (httpx's public ``Headers.raw``:
    names as sent, lower-cased here)."""
    params: Params = {}
    repeated: dict[bytes, list[bytes]] = {}
    signatures: list[bytes] = []
    if query:
        for pair in query.split(b"&"):
            if not pair:
                continue
            name, _, value = pair.partition(b"=")
            if b"%" in pair or b"+" in pair:
                name = unquote_query(name)
                value = unquote_query(value)
            if name == b"signature":
                signatures.append(value)
            elif name in params:
                repeated.setdefault(name, [params[name]]).append(value)
            elif name != b"x-wix-signature":
                params[name] = value
    for raw_name, value in headers:
        try:
            header = _WIX_NAMES[raw_name]
        except KeyError:
            header = _wix_name(raw_name)
        if header is None:
            continue
        value = value.strip(b" \t")
        if header == b"x-wix-signature":
            signatures.append(value)
        elif header in params:
            repeated.setdefault(header, [params[header]]).append(value)
        else:
            params[header] = value
    if repeated:
        for name, values in repeated.items():
            params[name] = _multi_value(values)
    return params, signatures


def request_string(request: httpx.Request, params: Params) -> bytes:
    """Return the string to sign of `request`, whose signed parameters are `params`.

    Raises `UnsignableRequest` when a value holds a line break (CR or LF), or when the body is a
    stream that has not been read yet.
    """
    return _request_string(request, request.url.raw_path.partition(b"?")[0], params)


def string_to_sign(request: httpx.Request) -> bytes:
    """Return the string to sign of `request` as it stands (see `request_string`)."""
    path, _, query = request.url.raw_path.partition(b"?")
    return _request_string(request, path, collect_parts(query, request.headers.raw)[0])


def _request_string(request: httpx.Request, path: bytes, params: Params) -> bytes:
    try:
        body = request.content
    except httpx.RequestNotRead:
        raise UnsignableRequest(
            "the request body is a stream that has not been read: call request.read() "
            "(or await request.aread()) before signing or verifying it"
        ) from None
    values = b"\n".join([params[name] for name in sorted(params)])
    head = b"\n".join((request.method.encode(), path, values))
    # The head holds two line breaks, plus one between each two values: any other, or a CR, is
    # inside the method, the path or a value, and would make the string ambiguous.
    if b"\r" in head or head.count(b"\n") != max(len(params), 1) + 1:
        raise _line_break_error(params)
    return b"\n".join((head, body)) if body else head


def unquote_query(text: bytes) -> bytes:
    """Decode one query name or value the way servers do: ``+`` is a space, then %XX."""
    if b"+" in text:
        text = text.replace(b"+", b" ")
    if b"%" in text:
        text = unquote_to_bytes(text)
    return text


def _multi_value(values: list[bytes]) -> bytes:
    return b",".join([v.strip() for v in values])


def _line_break_error(params: Params) -> UnsignableRequest:
    """Say where the line break that `_request_string` found is."""
    for name, value in params.items():
        if b"\n" in value or b"\r" in value:
            shown = name.decode("utf-8", "replace")
            return UnsignableRequest(
                f"the value of {shown!r} contains a line break (CR or LF); values are signed "
                "joined by line breaks without their names, so such a request would share its "
                "signature with a different one. Remove the line break or send the value in "
                "the body"
            )
    return UnsignableRequest("the request method or path contains a line break (CR or LF)")
