"""A request and a response of the framework-independent core, and strict JSON reading."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

import orjson

from wixsandbox.errors import ApiError, invalid_field
from wixsandbox.prelimits import check_commas

# The largest valid request (a filter of 2,000 values, 1,000 folder ids) is far smaller.
MAX_BODY = 1024 * 1024


@dataclass(frozen=True)
class Request:
    method: str
    raw_path: bytes  # as sent, percent-encoded, without the query
    query: bytes = b""
    headers: tuple[tuple[bytes, bytes], ...] = ()
    body: bytes = b""

    @property
    def path(self) -> str:
        return self.raw_path.decode("latin-1")

    def header(self, name: str) -> str | None:
        wanted = name.lower().encode("latin-1")
        for key, value in self.headers:
            if key.lower() == wanted:
                return value.decode("latin-1").strip()
        return None

    def has_header(self, name: str) -> bool:
        return self.header(name) is not None

    def query_values(self, name: str) -> list[str]:
        found = []
        for pair in self.query.split(b"&"):
            key, _, value = pair.partition(b"=")
            if unquote(key.decode("latin-1").replace("+", " ")) == name:
                found.append(unquote(value.decode("latin-1").replace("+", " ")))
        return found


@dataclass
class Response:
    status: int
    body: bytes
    headers: list[tuple[str, str]] = field(default_factory=list)

    def header_pairs(self) -> list[tuple[bytes, bytes]]:
        return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers]


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def read_json(request: Request) -> Any:
    """The request body as JSON; ``None`` for an empty body (no bytes at all: blanks alone are
    not a JSON text, and a 400 like any other body that is not JSON). Malformed input is a 400."""
    body = request.body
    if not body:
        return None
    content_type = (request.header("content-type") or "").split(";")[0].strip().lower()
    if content_type and content_type != "application/json" and not content_type.endswith("+json"):
        raise invalid_field(
            "body",
            f"the body must be JSON sent as application/json, not {content_type[:60]}",
            "FORMAT",
        )
    if len(body) > MAX_BODY:
        raise ApiError(400, f"The body is larger than {MAX_BODY} bytes", code="INVALID_ARGUMENT")
    # Every later scan reads the body without its surrounding blanks: a body padded with a
    # megabyte of them costs one C-speed strip, not a comma count, a parse and a regex over it all.
    body = _trimmed(body)
    check_commas(body)
    surrogate_escape = _LONE_SURROGATE.search(body) is not None
    if not surrogate_escape:
        # orjson reads a valid body several times faster than json (less time holding the GIL
        # that other requests need); anything it refuses is read again by json below, whose
        # answer (and message) decides. It refuses no valid JSON but integers beyond 64 bits.
        try:
            return orjson.loads(body)
        except orjson.JSONDecodeError:
            pass
    try:
        document = json.loads(body.decode("utf-8"), parse_constant=_no_constants)
    except RecursionError:
        raise invalid_field("body", "the JSON is nested too deeply", "FORMAT") from None
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError, int digits limit
        raise invalid_field(
            "body", f"the body is not valid JSON: {str(exc)[:120]}", "FORMAT"
        ) from None
    if surrogate_escape:
        # JSON lets "\ud800" through, but such a string is not Unicode: SQLite and the answer's
        # UTF-8 would choke on it later. Only checked when an escape of one is in the raw body.
        _refuse_lone_surrogates(document)
    return document


def _trimmed(body: bytes) -> bytes:
    """`body` without the blanks around its value, stripped at C speed (json skips them with a
    regex, slow on a body padded with a megabyte of them). bytes.strip also strips \\v and \\f,
    which JSON does not allow there: a body holding one is left to json as it is."""
    if b"\x0b" in body or b"\x0c" in body:
        return body
    return body.strip()


# A \uD800-\uDFFF escape: the only way a lone surrogate gets into a decoded JSON string.
_LONE_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")


def _refuse_lone_surrogates(document: Any) -> None:
    try:
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise invalid_field(
            "body",
            "the JSON holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF): it is not text",
            "FORMAT",
        ) from None
    except RecursionError:
        raise invalid_field("body", "the JSON is nested too deeply", "FORMAT") from None


def dump_json(document: Any) -> bytes:
    """Compact UTF-8 JSON. orjson writes the same bytes as `json` about fifteen times faster; what
    it refuses (an integer beyond 64 bits) is written by `json`."""
    try:
        return orjson.dumps(document)
    except TypeError:  # orjson.JSONEncodeError is one
        return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
