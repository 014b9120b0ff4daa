"""The helpers of the third-party contract runs (tests/contract/): the signer the schemathesis CLI
run uses, and the check that a run's credentials got past authentication."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
import requests
import yaml

from tests.contract import accepted_operations
from tests.contract.requests_signing import SignedRequests
from wixauth import BadSignature, WixSignatureAuth, verify_request

ROOT = Path(__file__).resolve().parent.parent
SECRET = "contract-secret"


def _signed(body: bytes | str | None) -> requests.PreparedRequest:
    prepared = requests.Request(
        "POST",
        "http://127.0.0.1:1/site-folders/v2/folders?x=a%2Bb",
        headers={"Content-Type": "application/json"},
        data=body,
    ).prepare()
    signer = SignedRequests(WixSignatureAuth(SECRET, "app-1", "account-1"))
    return signer(prepared)


def _received(prepared: requests.PreparedRequest, body: bytes) -> httpx.Request:
    headers = {k: v if isinstance(v, str) else v.decode() for k, v in prepared.headers.items()}
    return httpx.Request(str(prepared.method), str(prepared.url), headers=headers, content=body)


@pytest.mark.parametrize(
    "body", [b'{"folder": {"name": "x"}}', '{"folder": {"name": "\u00e9"}}', None]
)
def test_the_requests_signer_signs_the_exact_request_sent(body: bytes | str | None) -> None:
    prepared = _signed(body)
    sent = body.encode("iso-8859-1") if isinstance(body, str) else (body or b"")
    verify_request(_received(prepared, sent), SECRET)
    with pytest.raises(BadSignature):
        verify_request(_received(prepared, sent + b" "), SECRET)


def _har(tmp_path: Path, statuses: dict[tuple[str, str], list[int]]) -> str:
    entries = [
        {
            "request": {"method": method, "url": f"http://127.0.0.1:1{path}"},
            "response": {"status": s},
        }
        for (method, path), codes in statuses.items()
        for s in codes
    ]
    path = tmp_path / "run.har"
    path.write_text(json.dumps({"log": {"entries": entries}}), encoding="utf-8")
    return str(path)


def _every_operation() -> dict[tuple[str, str], list[int]]:
    """One authenticated answer (200 or a 404) per operation of the spec, at a concrete URL."""
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))
    found: dict[tuple[str, str], list[int]] = {}
    for number, (path, item) in enumerate(spec["paths"].items()):
        url = re.sub(r"\{[^}]*\}", "59c80b6f-9cae-49c5-ab0e-83b9a479c573", path)
        for method in ("get", "post", "patch", "put", "delete"):
            if method in item:
                found[(method.upper(), url)] = [200 if number % 2 else 404]
    return found


EVERY_OPERATION = _every_operation()


def test_a_run_whose_requests_got_past_authentication_everywhere_passes(tmp_path: Path) -> None:
    assert {"querySites", "deleteFolder", "getFolderBySite"} <= set(
        accepted_operations.operations()
    )
    assert accepted_operations.main([_har(tmp_path, EVERY_OPERATION)]) == 0


def test_a_run_refused_by_one_operation_fails_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    refused = {**EVERY_OPERATION, ("PATCH", "/site-folders/v2/folders/bulk/move"): [401, 403]}
    assert len(refused) == len(EVERY_OPERATION)
    assert accepted_operations.main([_har(tmp_path, refused)]) == 1
    assert "moveFolders" in capsys.readouterr().out
    only_errors = {key: [404] for key in EVERY_OPERATION}
    assert accepted_operations.main([_har(tmp_path, only_errors)]) == 1
