"""How fast wixauth signs a typical Query Sites request.

    python -m benchmarks.signing [--quick]

Measured, on one prebuilt request (POST /site-list/v2/sites/query?version=1.0.0, a ~200-byte JSON
body, the three x-wix headers):

* the floor: ``hmac.new(secret, string, sha256).digest()`` and URL-safe Base64 of a string to sign
  computed beforehand (what any implementation must at least do);
* ``wixauth.sign_request`` on the request (parse query and headers, build the string, sign);
* the whole ``WixSignatureAuth`` flow, re-sending the same request object through
  ``sync_auth_flow`` (drop the old timestamp and signature, take the time, sign, set), for each
  placement; query placement rebuilds the URL (``httpx.URL.copy_with``) on every send;
* botocore's ``SigV4Auth(credentials, "execute-api", "us-east-1").add_auth`` on an equivalent,
  prebuilt ``AWSRequest`` (add_auth replaces its previous signature, so re-signing is fair).

Timing: ``time.perf_counter`` loops of half a millisecond, in rounds that interleave the candidates
(each round runs every one of them once); a candidate's figure is the median of its rounds, minus
the median of an empty call, so that one noisy round (another process on the core) decides nothing.

Rows (microseconds per signature): the floor, and each candidate with the floor as its baseline.
The goals: ``signing: wixauth.sign_request`` within 3x of the floor (ratio <= 3), and faster than
botocore (ratio < 1 on ``signing: wixauth.sign_request vs botocore``).
"""

from __future__ import annotations

import hmac
import json
from base64 import urlsafe_b64encode
from collections.abc import Callable
from hashlib import sha256

import httpx

from benchmarks import report
from benchmarks.report import Row
from wixauth import WixSignatureAuth, sign_request, string_to_sign

__all__ = ["run"]

SECRET = "f1d8a4e0-6f2c-4b8e-9c1d-2a3b4c5d6e7f"
APPLICATION_ID = "13929a86-9df1-4e70-8b9f-6ac2b8f9d1a3"
INSTANCE_ID = "e3b2c3f4-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
URL = "https://www.wixapis.com/site-list/v2/sites/query?version=1.0.0"
BODY = json.dumps(
    {
        "query": {
            "filter": {"editorType": "EDITOR", "published": True, "name": "coffee shop"},
            "sort": [{"fieldName": "createdDate", "order": "DESC"}],
            "cursorPaging": {"limit": 100, "cursor": None},
        }
    },
    separators=(",", ":"),
).encode()

FLOOR = "hmac floor (precomputed string)"
SIGN = "wixauth.sign_request"
BOTOCORE = "botocore SigV4Auth.add_auth"


def typical_request() -> httpx.Request:
    return httpx.Request(
        "POST",
        URL,
        content=BODY,
        headers={
            "content-type": "application/json",
            "x-wix-application-id": APPLICATION_ID,
            "x-wix-instance-id": INSTANCE_ID,
            "x-wix-timestamp": "2013-07-01T08:07:40.802Z",
        },
    )


def _botocore_case() -> Callable[[], object] | None:
    try:
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        from botocore.credentials import Credentials
    except ImportError:
        return None
    signer = SigV4Auth(Credentials("AKIDEXAMPLE", SECRET), "execute-api", "us-east-1")
    request = AWSRequest(
        method="POST",
        url=URL,
        data=BODY,
        headers={
            "content-type": "application/json",
            "x-wix-application-id": APPLICATION_ID,
            "x-wix-instance-id": INSTANCE_ID,
        },
    )
    return lambda: signer.add_auth(request)


def _flow_case(placement: str) -> Callable[[], object]:
    auth = WixSignatureAuth(
        SECRET,
        APPLICATION_ID,
        INSTANCE_ID,
        placement="query" if placement == "query" else "header",
        version="1.0.0",
    )
    request = httpx.Request("POST", URL, content=BODY, headers={"content-type": "application/json"})

    def send() -> object:
        return next(auth.sync_auth_flow(request))

    return send


def cases() -> dict[str, Callable[[], object]]:
    """The measured operations, by name."""
    request = typical_request()
    key = SECRET.encode()
    message = string_to_sign(request)

    def floor() -> object:
        return urlsafe_b64encode(hmac.new(key, message, sha256).digest()).rstrip(b"=").decode()

    found: dict[str, Callable[[], object]] = {
        FLOOR: floor,
        SIGN: lambda: sign_request(request, SECRET),
        "WixSignatureAuth flow (header)": _flow_case("header"),
        "WixSignatureAuth flow (query)": _flow_case("query"),
    }
    boto = _botocore_case()
    if boto is not None:
        found[BOTOCORE] = boto
    return found


def measure(
    candidates: dict[str, Callable[[], object]], *, rounds: int, target: float
) -> dict[str, float]:
    """Median seconds per call of each candidate over interleaved rounds, minus an empty call's."""

    def empty() -> object:
        return None

    median = report.interleaved({"": empty, **candidates}, rounds=rounds, target=target)
    overhead = median.pop("")
    return {name: max(seconds - overhead, 1e-12) for name, seconds in median.items()}


def run(quick: bool = False) -> list[Row]:
    """One row per operation against the floor, and wixauth against botocore."""
    # short rounds, many of them: a round that another process interrupts is an outlier, not the median
    seconds = measure(cases(), rounds=51 if quick else 201, target=0.0005)
    us = {name: value * 1e6 for name, value in seconds.items()}
    floor = us[FLOOR]
    rows = [Row(f"signing: {FLOOR}", floor, "us")]
    for name, value in us.items():
        if name == FLOOR:
            continue
        goal = report.timed_goal(3.0, "the floor") if name == SIGN else {}
        rows.append(Row(f"signing: {name}", value, "us", floor, FLOOR, **goal))
    if BOTOCORE in us:
        rows.append(
            Row(
                f"signing: {SIGN} vs botocore",
                us[SIGN],
                "us",
                us[BOTOCORE],
                BOTOCORE,
                "faster than botocore (ratio < 1)",
                1.0,
            )
        )
    return rows


if __name__ == "__main__":
    raise SystemExit(report.main(run, __doc__))
