"""sign_request and verify_request: round trips, tampering, and every way a request is refused."""

from __future__ import annotations

import base64
import hashlib
import hmac
import string
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wixauth import (
    BadSignature,
    CredentialsError,
    ExpiredTimestamp,
    InvalidTimestamp,
    MissingHeader,
    MissingSignature,
    SignatureError,
    canonical_string,
    format_timestamp,
    sign_request,
    string_to_sign,
    verify_request,
)

BASE = "https://openapi.wix.com"
NOW = datetime(2013, 7, 1, 8, 7, 40, 802000, tzinfo=UTC)
TIMESTAMP = format_timestamp(NOW)
APP = "13929a86-9df1-4e70-8b9f-6ac2b8f9d1a3"
INSTANCE = "e3b2c3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
SECRET = "app-secret-7f3c"
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
# (header name, query name, value) of what verify_request insists on
REQUIRED = [
    ("x-wix-application-id", "application-id", APP),
    ("x-wix-instance-id", "instance-id", INSTANCE),
    ("x-wix-timestamp", "timestamp", TIMESTAMP),
]
RESERVED = {name for triple in REQUIRED for name in triple[:2]} | {
    "signature",
    "x-wix-signature",
}

query_text = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=10)
query_names = query_text.filter(lambda n: n and n not in RESERVED)
header_names = st.text(string.ascii_lowercase + "-", min_size=1, max_size=8).map(
    lambda s: "x-wix-" + s
)
header_values = st.text(string.ascii_letters + string.digits + " -_.:+/=,", max_size=12)
segments = st.text(string.ascii_letters + string.digits + "-_~", min_size=1, max_size=8)
paths = st.lists(segments, max_size=3).map(lambda s: "/" + "/".join(s))
secrets = st.text(st.characters(codec="utf-8"), min_size=1, max_size=24)


@dataclass(frozen=True)
class Spec:
    """A request, kept apart so that a test can change one piece of it."""

    method: str
    path: str
    query: tuple[tuple[str, str], ...]
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def build(self, signature: str | None = None, where: str = "header") -> httpx.Request:
        query = list(self.query)
        headers = list(self.headers)
        if signature is not None:
            if where == "header":
                headers.append(("x-wix-signature", signature))
            else:
                query.append(("signature", signature))
        url = BASE + self.path
        if query:
            url += "?" + "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in query)
        return httpx.Request(self.method, url, headers=headers, content=self.body)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    query = draw(st.lists(st.tuples(query_names, query_text), max_size=4))
    headers = draw(
        st.lists(
            st.tuples(header_names.filter(lambda n: n not in RESERVED), header_values), max_size=3
        )
    )
    for header, param, value in REQUIRED:
        if draw(st.booleans()):
            headers.append((header, value))
        else:
            query.append((param, value))
    return Spec(
        method=draw(st.sampled_from(METHODS)),
        path=draw(paths),
        query=tuple(draw(st.permutations(query))),
        headers=tuple(draw(st.permutations(headers))),
        body=draw(st.one_of(st.binary(max_size=48), st.text(max_size=24).map(str.encode))),
    )


def plain_spec(**changes: object) -> Spec:
    spec = Spec(
        method="POST",
        path="/v1/contacts",
        query=(("version", "1.0.0"),),
        headers=tuple((header, value) for header, _, value in REQUIRED),
        body=b'{"name":"Ann"}',
    )
    return replace(spec, **changes)  # type: ignore[arg-type]


def signed(spec: Spec, secret: str = SECRET, where: str = "header") -> httpx.Request:
    return spec.build(sign_request(spec.build(), secret), where)


# --- round trips --------------------------------------------------------------------------------


@given(spec=specs(), secret=secrets, where=st.sampled_from(["header", "query"]))
def test_sign_then_verify(spec: Spec, secret: str, where: str) -> None:
    verify_request(signed(spec, secret, where), secret, now=NOW)


@given(spec=specs())
def test_signature_is_url_safe_base64_without_padding(spec: Spec) -> None:
    signature = sign_request(spec.build(), SECRET)
    assert len(signature) == 43
    assert set(signature) <= set(string.ascii_letters + string.digits + "-_")
    expected = hmac.new(SECRET.encode(), string_to_sign(spec.build()), hashlib.sha256).digest()
    assert base64.urlsafe_b64decode(signature + "=") == expected


@given(spec=specs())
def test_sign_request_changes_nothing(spec: Spec) -> None:
    req = spec.build()
    before = (str(req.url), req.headers.raw, req.content, req.method)
    sign_request(req, SECRET)
    assert (str(req.url), req.headers.raw, req.content, req.method) == before


def test_signature_in_either_alphabet_padded_or_not_is_accepted() -> None:
    spec = plain_spec()
    url_safe = sign_request(spec.build(), SECRET)
    digest = base64.urlsafe_b64decode(url_safe + "=")
    standard = base64.b64encode(digest).decode()
    assert standard != url_safe + "="  # this digest does hold a character that differs
    for form in (url_safe, url_safe + "=", standard, standard.rstrip("=")):
        for where in ("header", "query"):
            verify_request(spec.build(form, where), SECRET, now=NOW)


# --- tampering ----------------------------------------------------------------------------------


@st.composite
def tampered(draw: st.DrawFn, spec: Spec) -> Spec:
    kinds = ["method", "path", "query", "header"] + (["body"] if spec.body else [])
    kind = draw(st.sampled_from([k for k in kinds if k != "query" or spec.query]))
    if kind == "method":
        return replace(spec, method=draw(st.sampled_from([m for m in METHODS if m != spec.method])))
    if kind == "path":
        return replace(spec, path=spec.path + "z")
    if kind == "body":
        at = draw(st.integers(0, len(spec.body) - 1))
        body = (
            spec.body[:at]
            + bytes([spec.body[at] ^ draw(st.integers(1, 255))])
            + spec.body[at + 1 :]
        )
        return replace(spec, body=body)
    if kind == "query":
        at = draw(st.integers(0, len(spec.query) - 1))
        name, value = spec.query[at]
        query = (*spec.query[:at], (name, value + "Z"), *spec.query[at + 1 :])
        return replace(spec, query=query)
    signed_headers = [i for i, (n, _) in enumerate(spec.headers) if n.startswith("x-wix-")]
    if not signed_headers:  # every required field went to the query
        return replace(spec, headers=(*spec.headers, ("x-wix-extra", "added")))
    at = draw(st.sampled_from(signed_headers))
    name, value = spec.headers[at]
    headers = (*spec.headers[:at], (name, value + "Z"), *spec.headers[at + 1 :])
    return replace(spec, headers=headers)


@given(spec=specs(), where=st.sampled_from(["header", "query"]), data=st.data())
def test_any_change_to_a_signed_part_breaks_the_signature(
    spec: Spec, where: str, data: st.DataObject
) -> None:
    signature = sign_request(spec.build(), SECRET)
    changed = data.draw(tampered(spec))
    assert string_to_sign(changed.build()) != string_to_sign(spec.build())
    with pytest.raises(BadSignature, match="does not match"):
        verify_request(changed.build(signature, where), SECRET, now=NOW)


@given(spec=specs(), other=secrets.filter(lambda s: s != SECRET))
def test_another_secret_is_refused(spec: Spec, other: str) -> None:
    with pytest.raises(BadSignature):
        verify_request(signed(spec, other), SECRET, now=NOW)


def test_ambiguous_request_signed_elsewhere_is_refused() -> None:
    # a signer that does not refuse line breaks signs ?a=x%0Ay as if it were ?a=x&b=y
    spec = plain_spec(query=(("a", "x\ny"),))
    params = {"a": "x\ny", **{header: value for header, _, value in REQUIRED}}
    message = canonical_string(spec.method, spec.path, params, spec.body)
    forged = base64.urlsafe_b64encode(hmac.new(SECRET.encode(), message, "sha256").digest())
    with pytest.raises(BadSignature, match="line break"):
        verify_request(spec.build(forged.decode()), SECRET, now=NOW)


# --- refusals -----------------------------------------------------------------------------------


def test_unsigned_request_is_missing_its_signature() -> None:
    with pytest.raises(MissingSignature, match="x-wix-signature header or the signature query"):
        verify_request(plain_spec().build(), SECRET, now=NOW)


@pytest.mark.parametrize(("header", "param", "value"), REQUIRED)
@pytest.mark.parametrize("empty", [False, True])
def test_each_required_field_is_checked(header: str, param: str, value: str, empty: bool) -> None:
    if empty:
        headers = tuple((n, "" if n == header else v) for n, v in plain_spec().headers)
    else:
        headers = tuple((n, v) for n, v in plain_spec().headers if n != header)
    with pytest.raises(MissingHeader) as caught:
        verify_request(signed(plain_spec(headers=headers)), SECRET, now=NOW)
    assert f"{header} header or {param} query parameter" in str(caught.value)
    assert caught.value.http_status == 400
    # sent the other way, the field is found
    query = (("version", "1.0.0"), (param, value))
    verify_request(signed(plain_spec(headers=headers, query=query)), SECRET, now=NOW)


def test_all_missing_fields_are_named_at_once() -> None:
    spec = plain_spec(headers=())
    with pytest.raises(MissingHeader) as caught:
        verify_request(signed(spec), SECRET, now=NOW)
    message = str(caught.value)
    assert "application id" in message
    assert "instance id" in message
    assert "timestamp" in message


def test_two_signatures_are_refused() -> None:
    spec = plain_spec()
    signature = sign_request(spec.build(), SECRET)
    req = spec.build(signature, "query")
    req.headers["x-wix-signature"] = signature
    with pytest.raises(BadSignature, match="2 signatures"):
        verify_request(req, SECRET, now=NOW)


@given(garbage=st.text(max_size=60))
def test_garbage_signature_is_a_bad_signature(garbage: str) -> None:
    spec = plain_spec()
    with pytest.raises(BadSignature):
        verify_request(spec.build(garbage, "query"), SECRET, now=NOW)


@pytest.mark.parametrize(
    "signature",
    [
        "not base64 at all!",
        "AAAA",  # valid Base64, 3 bytes
        base64.b64encode(b"\0" * 31).decode(),  # one byte short
        base64.b64encode(b"\0" * 33).decode(),  # one byte long
        "A" * 42 + "=" + "A",  # padding inside
        "é" * 43,
    ],
)
def test_malformed_signatures_say_so(signature: str) -> None:
    with pytest.raises(BadSignature, match="not Base64 of a 32-byte HMAC"):
        verify_request(plain_spec().build(signature, "query"), SECRET, now=NOW)


@given(offset_ms=st.integers(-5 * 60_000, 5 * 60_000))
def test_timestamp_is_fresh_within_one_minute_either_way(offset_ms: int) -> None:
    req = signed(plain_spec())
    now = NOW + timedelta(milliseconds=offset_ms)
    if abs(offset_ms) <= 60_000:
        verify_request(req, SECRET, now=now)
    else:
        with pytest.raises(ExpiredTimestamp, match="future" if offset_ms < 0 else "old"):
            verify_request(req, SECRET, now=now)


def test_max_age_is_configurable() -> None:
    req = signed(plain_spec())
    verify_request(req, SECRET, now=NOW + timedelta(minutes=5), max_age=timedelta(minutes=5))
    with pytest.raises(ExpiredTimestamp, match="valid for 10 s"):
        verify_request(req, SECRET, now=NOW + timedelta(seconds=11), max_age=timedelta(seconds=10))


def test_stale_timestamp_message_says_what_to_do() -> None:
    with pytest.raises(ExpiredTimestamp) as caught:
        verify_request(signed(plain_spec()), SECRET, now=NOW + timedelta(minutes=3))
    message = str(caught.value)
    assert TIMESTAMP in message
    assert "3.0 min old" in message
    assert "sign each request when it is sent" in message
    assert caught.value.http_status == 403


def test_every_timestamp_carried_must_be_fresh() -> None:
    old = format_timestamp(NOW - timedelta(hours=1))
    spec = plain_spec(query=(("version", "1.0.0"), ("timestamp", old)))
    with pytest.raises(ExpiredTimestamp, match="old"):
        verify_request(signed(spec), SECRET, now=NOW)


@pytest.mark.parametrize(
    ("timestamp", "says"),
    [
        ("yesterday", "not an ISO 8601"),
        ("2013-07-01T08:07:40.802", "no time zone"),
        ("2013-07-01", "no time zone"),
        ("2013-13-01T08:07:40.802Z", "not an ISO 8601"),
        ("", "lacks"),
        ("\u00e9t\u00e9", "not an ISO 8601"),
    ],
)
def test_unreadable_timestamp_is_refused_clearly(timestamp: str, says: str) -> None:
    spec = plain_spec(
        headers=tuple((n, v) for n, v in plain_spec().headers if n != "x-wix-timestamp"),
        query=(("version", "1.0.0"), ("timestamp", timestamp)),
    )
    with pytest.raises(SignatureError, match=says) as caught:
        verify_request(signed(spec), SECRET, now=NOW)
    if says != "lacks":
        assert isinstance(caught.value, InvalidTimestamp)
        assert isinstance(caught.value, ExpiredTimestamp)


@given(
    timestamp=st.text(
        st.characters(codec="utf-8", exclude_characters="\r\n"),
        min_size=1,
        max_size=40,
    )
)
def test_any_timestamp_text_is_fresh_or_refused_as_such(timestamp: str) -> None:
    spec = plain_spec(
        headers=tuple((n, v) for n, v in plain_spec().headers if n != "x-wix-timestamp"),
        query=(("timestamp", timestamp),),
    )
    try:
        verify_request(signed(spec), SECRET, now=NOW)
    except ExpiredTimestamp:
        return
    assert abs(NOW - datetime.fromisoformat(timestamp)) <= timedelta(minutes=1)


def test_non_ascii_timestamp_bytes_are_refused() -> None:
    spec = plain_spec(headers=plain_spec().headers[:2])
    req = signed(spec)
    req = httpx.Request(
        req.method, str(req.url) + "&timestamp=%FF", headers=req.headers, content=req.content
    )
    with pytest.raises(BadSignature):  # the signature covers the timestamp: it no longer matches
        verify_request(req, SECRET, now=NOW)
    unsigned = httpx.Request("GET", BASE + "/p?timestamp=%FF&application-id=a&instance-id=i")
    unsigned.headers["x-wix-signature"] = sign_request(unsigned, "k")
    with pytest.raises(InvalidTimestamp, match="not an ISO 8601"):
        verify_request(unsigned, "k", now=NOW)


@given(
    query=st.lists(
        st.tuples(
            st.one_of(st.sampled_from(sorted(RESERVED | {"version"})), st.text(max_size=6)),
            st.text(max_size=12),
        ),
        max_size=6,
    ),
    headers=st.lists(
        st.tuples(
            st.one_of(st.sampled_from(sorted(RESERVED)), header_names),
            st.text(string.printable.replace("\r", "").replace("\n", ""), max_size=50),
        ),
        max_size=6,
    ),
    body=st.binary(max_size=32),
    method=st.sampled_from(METHODS),
)
def test_verify_raises_only_signature_errors(
    query: list[tuple[str, str]], headers: list[tuple[str, str]], body: bytes, method: str
) -> None:
    url = (
        BASE
        + "/p?"
        + "&".join(
            f"{quote(n, safe='', errors='surrogatepass')}={quote(v, safe='', errors='surrogatepass')}"
            for n, v in query
        )
    )
    req = httpx.Request(method, url, headers=headers, content=body)
    with pytest.raises(SignatureError):
        verify_request(req, SECRET, now=NOW)


def test_request_not_read_is_refused_not_crashed() -> None:
    spec = plain_spec()
    signature = sign_request(spec.build(), SECRET)
    req = httpx.Request(
        "POST",
        BASE + spec.path + "?version=1.0.0",
        headers=[*spec.headers, ("x-wix-signature", signature)],
        content=iter([spec.body]),
    )
    with pytest.raises(BadSignature, match=r"request\.read\(\)"):
        verify_request(req, SECRET, now=NOW)
    req.read()
    verify_request(req, SECRET, now=NOW)


# --- the server's own mistakes are not the request's ----------------------------------------------


def test_empty_secret_is_a_configuration_error() -> None:
    with pytest.raises(CredentialsError, match="secret is empty"):
        verify_request(signed(plain_spec()), "", now=NOW)
    with pytest.raises(CredentialsError):
        sign_request(plain_spec().build(), "")


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        verify_request(signed(plain_spec()), SECRET, now=NOW.replace(tzinfo=None))


# --- the secret never leaks -------------------------------------------------------------------------


@given(
    secret=st.text(string.ascii_letters + string.digits, min_size=10, max_size=30).map(
        lambda s: "S3CR3T-" + s
    )
)
def test_secret_never_appears_in_errors(secret: str) -> None:
    good = signed(plain_spec(), secret)
    cases = [
        (plain_spec().build(), {}),  # missing signature
        (signed(plain_spec(headers=()), secret), {}),  # missing fields
        (signed(plain_spec(), "other-secret"), {}),  # wrong signature
        (plain_spec().build("garbage!", "query"), {}),  # malformed signature
        (good, {"now": NOW + timedelta(hours=2)}),  # stale
        (signed(plain_spec(query=(("timestamp", "soon"),)), secret), {}),  # unreadable
    ]
    for req, kwargs in cases:
        with pytest.raises(SignatureError) as caught:
            verify_request(req, secret, now=kwargs.get("now", NOW))
        assert secret not in str(caught.value)
        assert secret not in repr(caught.value)


@given(
    key=st.binary(min_size=1, max_size=200) | st.sampled_from([b"k" * 64, b"k" * 65]),
    message=st.binary(max_size=300),
)
def test_the_keyed_hmac_is_hmac_sha256(key: bytes, message: bytes) -> None:
    from wixauth.signing import digest_of, keyed_mac

    expected = hmac.new(key, message, hashlib.sha256).digest()
    mac = keyed_mac(key)
    assert digest_of(mac, message) == expected
    assert digest_of(mac, message) == expected  # the shared keyed state is not consumed
