"""The string to sign: canonical_string (the rule) and string_to_sign (a request read by the rule)."""

from __future__ import annotations

import string
from collections.abc import Sequence
from urllib.parse import quote, quote_plus

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from wixauth import UnsignableRequest, canonical_string, sign_request, string_to_sign
from wixauth.canonical import wix_headers

BASE = "https://openapi.wix.com"
ASCII_WHITESPACE = " \t\n\r\x0b\x0c"

# Query names and values: any text but line breaks (refused, see the ambiguity tests) and lone
# surrogates (not encodable); header values: printable ASCII, what httpx sends by default.
query_text = st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=12)
query_names = query_text.filter(lambda n: n not in ("", "signature", "x-wix-signature"))
header_suffix = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=10)
header_names = header_suffix.map(lambda s: "x-wix-" + s).filter(lambda n: n != "x-wix-signature")
header_values = st.text(string.ascii_letters + string.digits + " -_.:+/=,;@!", max_size=16)
bodies = st.one_of(st.binary(max_size=64), st.text(max_size=32).map(str.encode))


def encoded(name: str, value: str) -> str:
    return f"{quote(name, safe='')}={quote(value, safe='')}"


def request(
    query: list[tuple[str, str]],
    headers: Sequence[tuple[str, str]] = (),
    body: bytes = b"",
    method: str = "POST",
    path: str = "/v1/things",
) -> httpx.Request:
    url = BASE + path + ("?" + "&".join(encoded(n, v) for n, v in query) if query else "")
    return httpx.Request(method, url, headers=list(headers), content=body)


def with_case(name: str, upper: list[bool]) -> str:
    return "".join(c.upper() if up else c for c, up in zip(name, upper, strict=True))


@st.composite
def distinct_params(draw: st.DrawFn) -> tuple[dict[str, str], dict[str, str]]:
    query = draw(st.dictionaries(query_names, query_text, max_size=5))
    headers = draw(st.dictionaries(header_names, header_values, max_size=4))
    # a name both in the query and in the headers is a multi-value parameter: tested elsewhere
    return {n: v for n, v in query.items() if n not in headers}, headers


# --- the rule, on separated parts -------------------------------------------------------------


def test_no_params_keeps_the_values_line() -> None:
    assert canonical_string("get", "/v1/sites", {}, b"") == b"GET\n/v1/sites\n"
    assert canonical_string("GET", "/v1/sites", {}, "body") == b"GET\n/v1/sites\n\nbody"


def test_empty_path_is_signed_as_slash() -> None:
    assert canonical_string("GET", "", {"a": "1"}) == b"GET\n/\n1"
    assert string_to_sign(httpx.Request("GET", BASE + "?a=1")) == b"GET\n/\n1"


def test_values_sorted_by_name_in_byte_order() -> None:
    params = {"b": "2", "B": "1", "a": "3", "é": "5", "z": "4"}
    # byte order: "B" (0x42) < "a" < "b" < "z" < "é" (0xC3 0xA9)
    assert canonical_string("PUT", "/p", params, b"{}") == b"PUT\n/p\n1\n3\n2\n4\n5\n{}"


def test_signature_names_are_left_out() -> None:
    params = {"a": "1", "signature": "s", "x-wix-signature": "t"}
    assert canonical_string("GET", "/p", params) == b"GET\n/p\n1"


def test_list_values_are_trimmed_and_joined_with_commas() -> None:
    assert canonical_string("GET", "/p", {"t": [" a ", "\tb", "c d "]}) == b"GET\n/p\na,b,c d"
    assert canonical_string("GET", "/p", {"t": [" a "]}) == b"GET\n/p\na"
    assert canonical_string("GET", "/p", {"t": " a "}) == b"GET\n/p\n a "


@given(method=st.sampled_from(["get", "Post", "DELETE"]), body=bodies)
def test_body_is_appended_only_when_not_empty(method: str, body: bytes) -> None:
    head = f"{method.upper()}\n/p\nv".encode()
    expected = head + b"\n" + body if body else head
    assert canonical_string(method, "/p", {"n": "v"}, body) == expected


@given(body=st.text(max_size=40))
def test_str_body_is_signed_as_its_utf8_bytes(body: str) -> None:
    assert canonical_string("POST", "/p", {}, body) == canonical_string(
        "POST", "/p", {}, body.encode("utf-8")
    )


# --- a request read by the rule -----------------------------------------------------------------


@given(params=distinct_params(), body=bodies)
def test_request_agrees_with_canonical_string(
    params: tuple[dict[str, str], dict[str, str]], body: bytes
) -> None:
    query, headers = params
    signed = {**query, **{n: v.strip(" \t") for n, v in headers.items()}}
    req = request(list(query.items()), list(headers.items()), body)
    assert string_to_sign(req) == canonical_string("POST", "/v1/things", signed, body)


@given(params=distinct_params(), body=bodies, data=st.data())
def test_order_of_parameters_and_case_of_header_names_do_not_matter(
    params: tuple[dict[str, str], dict[str, str]], body: bytes, data: st.DataObject
) -> None:
    query, headers = params
    first = request(list(query.items()), list(headers.items()), body)
    shuffled_query = data.draw(st.permutations(list(query.items())))
    shuffled_headers = [
        (with_case(n, data.draw(st.lists(st.booleans(), min_size=len(n), max_size=len(n)))), v)
        for n, v in data.draw(st.permutations(list(headers.items())))
    ]
    second = request(shuffled_query, shuffled_headers, body)
    assert string_to_sign(first) == string_to_sign(second)
    assert sign_request(first, "k") == sign_request(second, "k")


@given(
    name=query_names,
    values=st.lists(st.text(string.ascii_letters + " \t,.", max_size=8), min_size=2, max_size=5),
    as_header=st.booleans(),
)
def test_repeated_names_are_trimmed_and_joined_with_commas(
    name: str, values: list[str], as_header: bool
) -> None:
    expected = ",".join(v.strip(ASCII_WHITESPACE) for v in values).encode()
    if as_header:
        req = request([], [("x-wix-multi", v) for v in values], method="GET", path="/p")
    else:
        req = request([(name, v) for v in values], method="GET", path="/p")
    assert string_to_sign(req) == b"GET\n/p\n" + expected


def test_name_in_query_and_headers_is_one_multi_value_query_first() -> None:
    req = httpx.Request("GET", BASE + "/p?x-wix-id=%20q%20", headers={"X-Wix-Id": "h"})
    assert string_to_sign(req) == b"GET\n/p\nq,h"


@given(
    params=distinct_params(),
    signature=query_text,
    other_headers=st.dictionaries(
        st.text(string.ascii_letters + "-", min_size=1, max_size=10).filter(
            lambda n: not n.lower().startswith("x-wix-")
        ),
        header_values,
        max_size=4,
    ),
)
def test_signatures_and_other_headers_never_affect_the_string(
    params: tuple[dict[str, str], dict[str, str]],
    signature: str,
    other_headers: dict[str, str],
) -> None:
    query, headers = params
    plain = request(list(query.items()), list(headers.items()))
    noisy = request(
        [*query.items(), ("signature", signature), ("x-wix-signature", signature)],
        [*headers.items(), ("X-Wix-Signature", signature.encode().hex()), *other_headers.items()],
    )
    assert string_to_sign(noisy) == string_to_sign(plain)


@given(name=query_names, value=query_text)
def test_percent_encoded_and_plain_query_values_sign_the_same(name: str, value: str) -> None:
    every_byte = "".join(f"%{b:02X}" for b in value.encode())
    forms = [
        encoded(name, value),  # minimal percent-encoding
        f"{quote(name, safe='')}={every_byte}",  # every byte encoded
        f"{quote_plus(name)}={quote_plus(value)}",  # form encoding: a space is +
        f"{quote(name, safe='')}={quote(value, safe=':/@!$()*,;?[]')}",  # lenient
    ]
    strings = {string_to_sign(httpx.Request("GET", f"{BASE}/p?{form}")) for form in forms}
    assert strings == {b"GET\n/p\n" + value.encode()}


def test_documented_decoding_example() -> None:
    req = httpx.Request("GET", BASE + "/v1/x?from=2014-09-02T11:13:58.895%2B03:00&q=a+b")
    assert string_to_sign(req) == b"GET\n/v1/x\n2014-09-02T11:13:58.895+03:00\na b"


@given(params=distinct_params(), body=bodies)
def test_empty_body_adds_nothing_and_a_body_is_signed_exactly(
    params: tuple[dict[str, str], dict[str, str]], body: bytes
) -> None:
    query, headers = params
    without = string_to_sign(request(list(query.items()), list(headers.items())))
    with_body = string_to_sign(request(list(query.items()), list(headers.items()), body))
    assert with_body == (without + b"\n" + body if body else without)


@given(text=st.text(min_size=1, max_size=40))
def test_non_ascii_body_is_signed_as_utf8(text: str) -> None:
    req = httpx.Request("POST", BASE + "/p", content=text)  # httpx encodes a str body as UTF-8
    assert string_to_sign(req) == b"POST\n/p\n\n" + text.encode("utf-8")


def test_path_is_signed_as_sent_without_host_or_query() -> None:
    req = httpx.Request("GET", "https://user:pw@openapi.wix.com:8443/v1/a%20b/c?x=1#frag")
    assert string_to_sign(req) == b"GET\n/v1/a%20b/c\n1"


def test_unread_stream_body_is_refused_with_advice() -> None:
    req = httpx.Request("POST", BASE + "/p", content=iter([b"a", b"b"]))
    with pytest.raises(UnsignableRequest, match=r"request\.read\(\)"):
        string_to_sign(req)
    req.read()
    assert string_to_sign(req) == b"POST\n/p\n\nab"


# --- the scheme's known ambiguity ---------------------------------------------------------------


def test_two_requests_can_share_one_string_to_sign() -> None:
    # values are joined without their names: a line break inside a value looks like two values
    assert canonical_string("GET", "/p", {"a": "x\ny"}) == canonical_string(
        "GET", "/p", {"a": "x", "b": "y"}
    )
    # ... and a value that moves to a neighbouring name is not noticed at all
    assert canonical_string("GET", "/p", {"a": "x"}) == canonical_string("GET", "/p", {"b": "x"})


def test_the_signer_refuses_the_line_break_collision() -> None:
    harmless = httpx.Request("GET", BASE + "/p?a=x&b=y")
    forged = httpx.Request("GET", BASE + "/p?a=x%0Ay")
    assert string_to_sign(harmless) == b"GET\n/p\nx\ny"
    with pytest.raises(UnsignableRequest, match=r"'a' contains a line break"):
        sign_request(forged, "app-secret")


@given(
    # a line break with something other than blanks on both sides (stripping cannot remove it)
    value=st.builds(
        lambda before, brk, after: before + brk + after,
        st.text(string.ascii_letters + " ", max_size=4).map(lambda s: s + "a"),
        st.text("\r\n", min_size=1, max_size=3),
        st.text(string.ascii_letters + " \r\n", max_size=4).map(lambda s: "b" + s),
    ),
    in_header=st.booleans(),
    secret=st.text(string.ascii_letters, min_size=12, max_size=20),
)
def test_any_value_with_a_line_break_is_refused(value: str, in_header: bool, secret: str) -> None:
    if in_header:  # httpx itself accepts such a header value; h11 would refuse to send it
        req = httpx.Request("GET", BASE + "/p", headers={"x-wix-note": value})
    else:
        req = httpx.Request("GET", BASE + "/p?note=" + quote(value, safe=""))
    with pytest.raises(UnsignableRequest, match="line break") as caught:
        sign_request(req, secret)
    assert secret not in str(caught.value)


# --- the fast path of header reading --------------------------------------------------------------


@given(
    headers=st.lists(
        st.tuples(
            st.sampled_from(["", "x-wix-", "X-Wix-", "X-WIX-", "x", "X-"])
            .flatmap(
                lambda prefix: st.text(string.ascii_letters + "-", max_size=10).map(prefix.__add__)
            )
            .filter(bool),
            header_values,
        ),
        max_size=8,
    )
)
def test_wix_headers_are_the_x_wix_headers_of_the_public_headers_api(
    headers: list[tuple[str, str]],
) -> None:
    h = httpx.Headers(headers)
    assert wix_headers(h) == [
        (name.lower(), value) for name, value in h.raw if name.lower().startswith(b"x-wix-")
    ]


def test_header_names_are_read_right_beyond_the_remembered_ones() -> None:
    from wixauth import canonical

    names = [
        f"X-Wix-Many-{i}" if i % 2 else f"X-Other-{i}" for i in range(2 * canonical._MAX_NAMES)
    ]
    h = httpx.Headers([(name, str(i)) for i, name in enumerate(names)])
    expected = [(n.lower().encode(), str(i).encode()) for i, n in enumerate(names) if i % 2]
    assert wix_headers(h) == expected
    assert wix_headers(h) == expected  # the second time from what was remembered, where it was
    assert len(canonical._WIX_NAMES) <= canonical._MAX_NAMES
