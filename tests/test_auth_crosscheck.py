"""An independent check of the HMAC and its encoding: openssl against sign_request."""

from __future__ import annotations

import base64
import shutil
import string
import subprocess

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wixauth import sign_request, string_to_sign

OPENSSL = shutil.which("openssl")
pytestmark = pytest.mark.skipif(OPENSSL is None, reason="the openssl command is not installed")

# openssl takes the key as a command-line argument: printable, not starting with "-"
keys = st.text(
    string.ascii_letters + string.digits + "!#$%&()*+,./:;<=>?@[]^_{|}~", min_size=1, max_size=40
)


def openssl_signature(key: str, message: bytes) -> str:
    assert OPENSSL is not None
    digest = subprocess.run(
        [OPENSSL, "dgst", "-sha256", "-hmac", key, "-binary"],
        input=message,
        capture_output=True,
        check=True,
        timeout=30,
    ).stdout
    assert len(digest) == 32
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


@settings(max_examples=8)
@given(
    key=keys,
    method=st.sampled_from(["GET", "POST", "PUT", "DELETE"]),
    query=st.dictionaries(
        st.text(string.ascii_lowercase, min_size=1, max_size=6).filter(lambda n: n != "signature"),
        st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=10),
        max_size=3,
    ),
    headers=st.dictionaries(
        st.text(string.ascii_lowercase, min_size=1, max_size=6).map(lambda s: "x-wix-" + s),
        st.text(string.ascii_letters + string.digits + "-:.", max_size=20),
        max_size=3,
    ),
    body=st.one_of(st.binary(max_size=200), st.text(max_size=60).map(str.encode)),
)
def test_signature_agrees_with_openssl(
    key: str,
    method: str,
    query: dict[str, str],
    headers: dict[str, str],
    body: bytes,
) -> None:
    request = httpx.Request(
        method, "https://openapi.wix.com/v1/x", params=query, headers=headers, content=body
    )
    assert sign_request(request, key) == openssl_signature(key, string_to_sign(request))


def test_known_answer_from_openssl() -> None:
    message = b'POST\n/v1/contacts\n1.0.0\n{"name":"Ann"}'
    assert openssl_signature("k", message) == sign_request(
        httpx.Request(
            "POST", "https://openapi.wix.com/v1/contacts?version=1.0.0", content=b'{"name":"Ann"}'
        ),
        "k",
    )
