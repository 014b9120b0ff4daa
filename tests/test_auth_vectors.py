"""Hand-made signing vectors (tests/vectors/signing.json), computed with openssl, not with wixauth."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from wixauth import parse_timestamp, sign_request, string_to_sign, verify_request

VECTORS_FILE = Path(__file__).parent / "vectors" / "signing.json"
VECTORS: list[dict[str, Any]] = json.loads(VECTORS_FILE.read_text(encoding="utf-8"))["vectors"]


def build(vector: dict[str, Any]) -> httpx.Request:
    spec = vector["request"]
    return httpx.Request(
        spec["method"],
        spec["url"],
        headers=[tuple(pair) for pair in spec["headers"]],
        content=spec["body"].encode("utf-8"),
    )


def test_vectors_cover_the_cases_asked_for() -> None:
    names = {vector["name"] for vector in VECTORS}
    assert len(VECTORS) >= 5
    assert {
        "no parameters, no body",
        "query placement",
        "header placement",
        "decoded percent-encoded values",
        "multi-value parameter",
        "non-ASCII body",
        "empty body",
    } <= names


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_string_to_sign(vector: dict[str, Any]) -> None:
    assert string_to_sign(build(vector)) == vector["string_to_sign"].encode("utf-8")


@pytest.mark.parametrize("vector", VECTORS, ids=[v["name"] for v in VECTORS])
def test_signature(vector: dict[str, Any]) -> None:
    request = build(vector)
    assert sign_request(request, vector["secret"]) == vector["signature"]


@pytest.mark.parametrize(
    "vector",
    [v for v in VECTORS if "2013-07-01T08:07:40.802Z" in v["string_to_sign"]],
    ids=lambda v: v["name"],
)
def test_vector_verifies_with_its_signature(vector: dict[str, Any]) -> None:
    request = build(vector)
    # replace the placeholder signature some vectors carry (it is not signed) by the real one
    request.url = request.url.copy_remove_param("signature")
    request.headers["x-wix-signature"] = vector["signature"]
    now = parse_timestamp("2013-07-01T08:07:40.802Z") + timedelta(seconds=30)
    verify_request(request, vector["secret"], now=now)
