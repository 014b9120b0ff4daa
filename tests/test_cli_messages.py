"""Messages say one thing, about the right party, and never a secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli_commands import data, db, run
from wixsites import AsyncWixSites, WixSites
from wixsites.cli.exitcodes import USAGE
from wixsites.errors import SiteNotInSourceAccount, error_from_response

__all__ = ["db"]

ACCOUNT = "de0de0de-0003-4000-8000-000000000003"
ADVICE = "Check that the site exists and that it belongs to the source account."


def _site_not_found(description: str | None) -> str:
    application = {"code": "SITE_NOT_FOUND"}
    if description is not None:
        application["description"] = description
    body = {
        "message": "siteId wasn't found in accountId",
        "details": {"applicationError": application},
    }
    error = error_from_response(400, {"x-wix-request-id": "r-1"}, json.dumps(body).encode())
    assert isinstance(error, SiteNotInSourceAccount)
    return str(error)


def test_a_hint_the_server_already_gives_is_not_repeated() -> None:
    said = _site_not_found(ADVICE)
    assert said.lower().count("belongs to the source account") == 1, said
    # without Wix's advice, the hint gives it
    bare = _site_not_found(None)
    assert "check that the site exists and that it belongs to the source account" in bare


@pytest.mark.parametrize(
    ("header", "fragment"),
    [
        ("X-Note: café", "header 'X-Note' holds a control or non-ASCII character"),
        ("X-Note: ok\r\nX-Injected: 1", "header 'X-Note' holds a control or non-ASCII character"),
        ("X-Note: a\nb", "header 'X-Note' holds a control or non-ASCII character"),
        ("X-Note: a\x00b", "header 'X-Note' holds a control or non-ASCII character"),
        ("X Note: v", "give each header as 'NAME: VALUE'"),
    ],
)
def test_a_header_that_http_cannot_carry_is_a_usage_error(
    db: Path, header: str, fragment: str
) -> None:
    result = run("api", "POST", "/site-list/v2/sites/count", "-H", header, code=USAGE)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert fragment in errors[0]
    assert "bug" not in result.stderr
    assert "network" not in result.stderr
    assert "reach the server" not in result.stderr
    assert "café" not in result.stderr
    assert "Injected" not in result.stderr


def test_a_good_header_still_goes(db: Path) -> None:
    [site] = data(
        "sites", "list", "--where", "published=false", "--where", "state=ACTIVE", "--limit", "1"
    )
    sent = run(
        "api", "POST", "/site-publisher/v1/site/publish", "-H", f"wix-site-id:  {site['id']} "
    )
    assert json.loads(sent.stdout) == {}


@pytest.mark.parametrize("client", [WixSites, AsyncWixSites])
def test_the_generated_clients_repr_never_shows_the_base_urls_password(
    client: type[WixSites] | type[AsyncWixSites],
) -> None:
    wix = client(
        api_key="repr-test-api-key-000000",
        account_id=ACCOUNT,
        base_url="https://agency:hunter2-secret@proxy.example",
    )
    shown = repr(wix.api)
    assert "hunter2-secret" not in shown
    assert "agency:***@proxy.example" in shown
    assert "repr-test-api-key" not in shown
