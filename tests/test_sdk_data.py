"""Results and errors are data: the SDK's reports, pages, trees, models and errors serialise to
JSON (`to_dict()`, `to_json()`), as the objects of the SDKs people compare it with do; every error
has a `code` and a `field_violations` list; the server's text stays redacted in them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import ACCOUNT, KEY, make_sandbox
from wixsandbox import Sandbox
from wixsites import (
    ConfigurationError,
    InvalidArgument,
    MoveReport,
    NotFound,
    WixError,
    WixSites,
)

UNKNOWN = "0badbad0-0000-4000-8000-000000000000"
RID = "rid-data-1"


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=30, folders=4, seed=3)
        yield sandbox


@pytest.fixture
def wix(sandbox: Sandbox) -> Iterator[WixSites]:
    with WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url="http://sandbox.test",
        transport=sandbox.transport(),
        rate_limit=None,
    ) as client:
        yield client


def round_trips(data: dict[str, Any], text: str) -> None:
    assert json.loads(text) == data
    assert json.loads(json.dumps(data)) == data  # nothing but JSON in it


def test_a_move_report_is_json_ready(wix: WixSites) -> None:
    sites = [s.id for s in wix.sites.query(page_size=5) if s.id][:3]
    folder = wix.folders.create("Data")
    assert folder.id is not None
    report = wix.sites.move([*sites, UNKNOWN, "not-an-id"], folder)
    assert isinstance(report, MoveReport)
    data = report.to_dict()
    assert data == {
        "targetFolderId": folder.id,
        "ok": False,
        "moved": sites,
        "failed": report.failed,
        "uncertain": {},
        "requests": report.requests,
    }
    assert set(data["failed"]) == {UNKNOWN, "not-an-id"}
    round_trips(data, report.to_json())
    trashed = wix.sites.trash(sites[:1])
    assert trashed.to_dict() == {
        "ok": True,
        "trashed": sites[:1],
        "failed": {},
        "uncertain": {},
        "requests": 1,
    }
    round_trips(trashed.to_dict(), trashed.to_json(indent=None))
    to_root = wix.sites.move(sites[1:2], None).to_dict()
    assert to_root["targetFolderId"] == ""
    assert to_root["moved"] == sites[1:2]


def test_a_move_report_speaks_the_command_lines_json(wix: WixSites) -> None:
    """One vocabulary (issue 17 item 12): the SDK's report is the CLI's --json report
    (docs/schemas/common.json) without the CLI's own `kind` and `targetPath`."""
    from tests.test_cli_schemas import Contract

    sites = [s.id for s in wix.sites.query(page_size=3) if s.id]
    folder = wix.folders.create("Vocabulary")
    moved = wix.sites.move([*sites, UNKNOWN], folder).to_dict()
    Contract().check("sites-move", {"kind": "site", "targetPath": "/Vocabulary", **moved})
    trashed = wix.sites.trash([*sites[:1], UNKNOWN]).to_dict()
    Contract().check("sites-trash", {"kind": "site", **trashed})


def test_pages_trees_and_models_are_json_ready(wix: WixSites) -> None:
    page = next(wix.sites.query(page_size=4).pages())
    data = page.to_dict()
    assert data["items"] == [site.to_dict() for site in page.items]
    assert data["hasNext"] is True
    assert data["nextCursor"] == page.next_cursor
    round_trips(data, page.to_json())
    site = page.items[0]
    round_trips(site.to_dict(), site.to_json())
    assert json.loads(site.to_json())["id"] == site.id
    tree = wix.folders.tree()
    tree_data = tree.to_dict()
    assert [root["folder"]["id"] for root in tree_data["roots"]] == [n.id for n in tree.roots]
    assert tree_data["rootSiteCount"] == tree.root_site_count
    round_trips(tree_data, tree.to_json())
    node = next(iter(tree))
    assert node.to_dict()["path"] == list(node.path)
    round_trips(node.to_dict(), node.to_json())
    raw = wix.with_raw_response.sites.count()
    assert raw.to_dict() == {
        "statusCode": 200,
        "requestId": raw.request_id,
        "headers": dict(raw.headers.items()),
    }
    round_trips(raw.to_dict(), json.dumps(raw.to_dict()))


def test_an_error_raised_before_any_request_has_a_code_and_no_violations(wix: WixSites) -> None:
    with pytest.raises(InvalidArgument) as caught:
        wix.folders.get("not-a-folder-id")
    error = caught.value
    assert error.code == "INVALID_ARGUMENT"
    assert error.field_violations == []
    data = error.to_dict()
    assert data["error"] == "InvalidArgument"
    assert data["code"] == "INVALID_ARGUMENT"
    assert data["message"] == str(error)
    assert data["status"] is None
    round_trips(data, error.to_json())
    with pytest.raises(ConfigurationError) as config:
        WixSites(api_key="", account_id=ACCOUNT)
    assert config.value.code == "MISSING_CREDENTIALS"
    assert config.value.field_violations == []


def test_every_error_class_has_a_code_of_its_own() -> None:
    import wixsites

    exported = [getattr(wixsites, name) for name in wixsites.__all__]  # lazy: loads each name
    classes = [c for c in exported if isinstance(c, type) and issubclass(c, WixError)]
    assert len(classes) > 20
    for cls in classes:
        assert cls.default_code.isupper(), cls
        assert cls is WixError or cls.default_code != "UNKNOWN", cls


def _answering(status: int, body: dict[str, Any]) -> WixSites:
    content = json.dumps(body).encode()
    transport = httpx.MockTransport(
        lambda request: httpx.Response(status, content=content, headers={"x-wix-request-id": RID})
    )
    return WixSites(api_key=KEY, account_id=ACCOUNT, transport=transport, rate_limit=None)


def test_a_server_error_keeps_its_code_and_violations_redacted_in_its_data() -> None:
    body = {
        "message": f"bad key {KEY}",
        "details": {
            "validationError": {
                "fieldViolations": [
                    {"field": "query.filter", "description": f"echoed {KEY}", "ruleName": "R"}
                ]
            },
            "applicationError": {"code": "BAD_FILTER", "description": "no", "data": {"k": KEY}},
        },
    }
    with _answering(400, body) as wix, pytest.raises(InvalidArgument) as caught:
        wix.sites.count()
    data = caught.value.to_dict()
    assert data["code"] == "BAD_FILTER"
    assert data["status"] == 400
    assert data["requestId"] == RID
    assert data["fieldViolations"] == [
        {"field": "query.filter", "description": "echoed ***", "ruleName": "R"}
    ]
    assert data["data"] == {"k": "***"}
    assert KEY not in caught.value.to_json()


def test_a_field_violations_own_data_and_rules_are_redacted_too() -> None:
    violation = {
        "field": "q" * 190 + KEY,  # cut at 200 characters: the key is hidden before the cut
        "description": "bad",
        "violatedRule": f"echo {KEY}",
        "ruleName": "\x1b]0;title\x07R",
        "data": {"echo": KEY, "nested": [{KEY: "x"}]},
    }
    body = {"details": {"validationError": {"fieldViolations": [violation]}}}
    with _answering(400, body) as wix, pytest.raises(InvalidArgument) as caught:
        wix.sites.count()
    (shown,) = caught.value.to_dict()["fieldViolations"]
    assert shown["field"] == "q" * 190 + "***"
    assert shown["violatedRule"] == "echo ***"
    assert shown["ruleName"] == "R"
    assert shown["data"] == {"echo": "***", "nested": [{"***": "x"}]}
    assert KEY not in caught.value.to_json()


def test_field_violations_is_a_list_on_every_error() -> None:
    with _answering(404, {"message": "no such site"}) as wix, pytest.raises(NotFound) as caught:
        wix.sites.count()
    assert caught.value.field_violations == []
    assert caught.value.code == "NOT_FOUND"
    assert str(caught.value).startswith("404: ")  # the code Wix did not send is not shown
    assert caught.value.to_dict()["fieldViolations"] == []
