"""The generated client (wix_sites_api) parses the documented answers into typed models."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any, get_type_hints

import httpx
import pytest
import wix_sites_api.models as models
from wix_sites_api import Client
from wix_sites_api.api.sites import query_sites
from wix_sites_api.models import (
    CursorPagingMetadata,
    Cursors,
    EditorType,
    Namespace,
    QuerySitesRequest,
    QuerySitesResponse,
)

from tests.spec_tools import Example, examples, pointer, spec

SEED_RESPONSE = spec()["paths"]["/site-list/v2/sites/query"]["post"]["responses"]["200"]["content"][
    "application/json"
]["examples"]["seed"]["value"]
SEED_REQUEST = spec()["paths"]["/site-list/v2/sites/query"]["post"]["requestBody"]["content"][
    "application/json"
]["examples"]["seed"]["value"]


def client_answering(body: dict[str, Any], seen: list[httpx.Request]) -> Client:
    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=body)

    client = Client(base_url="https://www.wixapis.com")
    client.set_httpx_client(
        httpx.Client(base_url="https://www.wixapis.com", transport=httpx.MockTransport(answer))
    )
    return client


def test_the_seed_query_sites_answer_parses_into_typed_models() -> None:
    seen: list[httpx.Request] = []
    client = client_answering(SEED_RESPONSE, seen)
    parsed = query_sites.sync(client=client, body=QuerySitesRequest.from_dict(SEED_REQUEST))

    assert isinstance(parsed, QuerySitesResponse)
    assert seen[0].url.path == "/site-list/v2/sites/query"
    assert json.loads(seen[0].content) == SEED_REQUEST
    assert isinstance(parsed.sites, list)
    assert isinstance(parsed.metadata, CursorPagingMetadata)
    assert isinstance(parsed.metadata.cursors, Cursors)
    first, second = parsed.sites
    assert first.created_date == datetime.datetime(
        2015, 4, 19, 15, 22, 42, 498000, tzinfo=datetime.UTC
    )
    assert first.editor_type is EditorType.EDITOR
    assert first.namespace is Namespace.WIX
    assert first.contributor_account_ids == [
        "ffd39125-a3e7-3aca-8c53-ca4ad1c55044",
        "cc2df366-9402-4e19-aa4a-4857e6d55280",
    ]
    assert first.id == "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"
    assert first.published is True
    assert first.premium is False
    assert first.folder_id == "cc2df366-9402-4e19-aa4a-4857e6d55230"
    assert parsed.metadata.has_next is True
    assert parsed.metadata.cursors.next_ == "79f4da2d-d56e-4962-b999-548f7bad4c41"
    assert isinstance(second.contributor_account_ids, list)


def test_an_unknown_editor_type_or_namespace_from_the_server_does_not_crash_parsing() -> None:
    body = json.loads(json.dumps(SEED_RESPONSE))
    body["sites"][0]["editorType"] = "SOMETHING_NEW"
    body["sites"][1]["namespace"] = "A_NAMESPACE_FROM_THE_FUTURE"
    parsed = query_sites.sync(client=client_answering(body, []), body=QuerySitesRequest())
    assert isinstance(parsed, QuerySitesResponse)
    assert isinstance(parsed.sites, list)
    assert parsed.sites[0].editor_type == "SOMETHING_NEW"
    assert parsed.sites[1].namespace == "A_NAMESPACE_FROM_THE_FUTURE"
    assert parsed.sites[1].editor_type is EditorType.EDITOR
    assert parsed.to_dict()["sites"][0]["editorType"] == "SOMETHING_NEW"


def _same(documented: Any, produced: Any, where: str) -> None:
    """`produced` keeps every field of `documented` with the same meaning (dates by value)."""
    if isinstance(documented, dict):
        assert isinstance(produced, dict), where
        for key, value in documented.items():
            assert key in produced, f"{where}.{key} was dropped"
            _same(value, produced[key], f"{where}.{key}")
    elif isinstance(documented, list):
        assert isinstance(produced, list), where
        assert len(produced) == len(documented), where
        for i, (a, b) in enumerate(zip(documented, produced, strict=True)):
            _same(a, b, f"{where}[{i}]")
    elif isinstance(documented, str) and documented != produced:
        assert datetime.datetime.fromisoformat(documented) == datetime.datetime.fromisoformat(
            produced
        ), where
    else:
        assert documented == produced, where


RESPONSES = [e for e in examples() if " response " in e.where and e.component]


@pytest.mark.parametrize("example", RESPONSES, ids=[e.where for e in RESPONSES])
def test_every_documented_answer_round_trips_through_its_model(example: Example) -> None:
    assert example.component is not None
    model = getattr(models, example.component)
    produced = model.from_dict(example.value).to_dict()
    _same(example.value, produced, example.component)


def test_round_trip_check_notices_a_dropped_field() -> None:
    with pytest.raises(AssertionError, match="dropped"):
        _same({"a": 1, "b": 2}, {"a": 1}, "x")
    assert pointer("a/b", "c") == "#/a~1b/c"


GUID = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"


def test_ids_are_the_strings_the_server_sent() -> None:
    folder = models.Folder.from_dict({"id": "59C80B6F-9cae-49c5-ab0e-83b9a479c573", "name": "x"})
    assert folder.id == "59C80B6F-9cae-49c5-ab0e-83b9a479c573"
    assert type(folder.id) is str
    assert json.loads(json.dumps({"id": folder.id})) == {"id": folder.id}
    site = models.Site.from_dict(SEED_RESPONSE["sites"][0])
    assert isinstance(site.contributor_account_ids, list)
    assert all(
        type(i) is str for i in [site.id, site.owner_account_id, *site.contributor_account_ids]
    )


@pytest.mark.parametrize(
    ("model", "body"),
    [
        (models.Site, {"id": "0c87cd5d-4059-4e86-8f6e"}),
        (models.Site, {"ownerAccountId": 42}),
        (models.Site, {"contributorAccountIds": ["not-a-guid"]}),
        (models.Folder, {"id": "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd0"}),
        (models.MoveFoldersRequest, {"folderIds": [""], "targetFolderId": ""}),
        (models.Site, {"id": GUID, "htmlAppId": GUID[:-1] + "\u00e9"}),
        (models.Site, {"id": GUID[:-1] + "\ud800"}),
        (models.Site, {"contributorAccountIds": [GUID + "a", GUID[1:]]}),
        (models.Site, {"id": GUID, "contributorAccountIds": [f"{GUID},{GUID}"]}),
        (models.SiteIdIn, {"$in": [GUID, GUID.replace("-", "g", 1)]}),
    ],
    ids=[
        "short",
        "number",
        "in-a-list",
        "too-long",
        "empty",
        "not-ascii",
        "lone-surrogate",
        "shifted-across-two-items",
        "two-in-one-item",
        "not-hex",
    ],
)
def test_a_field_the_spec_calls_a_guid_refuses_anything_else(
    model: type[Any], body: dict[str, Any]
) -> None:
    with pytest.raises(ValueError, match="expected a GUID"):
        model.from_dict(body)


def test_the_guid_fields_of_a_model_are_accepted_together_and_apart() -> None:
    upper = GUID.upper()
    site = models.Site.from_dict(
        {
            "id": GUID,
            "htmlAppId": upper,
            "ownerAccountId": GUID,
            "contributorAccountIds": [upper, GUID],
        }
    )
    assert (site.id, site.html_app_id, site.contributor_account_ids) == (GUID, upper, [upper, GUID])
    assert models.Site.from_dict({"contributorAccountIds": []}).contributor_account_ids == []
    assert models.Site.from_dict({"ownerAccountId": GUID}).owner_account_id == GUID
    assert models.SiteIdIn.from_dict({"$in": [GUID] * 100}).in_ == [GUID] * 100


def test_a_repr_shows_the_fields_that_are_set_only() -> None:
    folder = models.Folder.from_dict({"id": "59c80b6f-9cae-49c5-ab0e-83b9a479c573", "name": "Q3"})
    assert repr(folder) == "Folder(id='59c80b6f-9cae-49c5-ab0e-83b9a479c573', name='Q3')"
    assert repr(models.Folder()) == "Folder()"
    extra = models.Folder.from_dict({"name": "Q3", "colour": "red"})
    assert repr(extra) == "Folder(name='Q3', additional_properties={'colour': 'red'})"
    nested = repr(
        QuerySitesResponse.from_dict({"sites": [{"name": "a"}], "metadata": {"count": 1}})
    )
    assert (
        nested
        == "QuerySitesResponse(sites=[Site(name='a')], metadata=CursorPagingMetadata(count=1))"
    )
    assert "=None" not in repr(QuerySitesResponse.from_dict(SEED_RESPONSE))


def test_an_absent_field_reads_none_is_typed_optional_and_is_left_out_of_to_dict() -> None:
    site = models.Site.from_dict({"name": "a", "trashedDate": "2024-01-02T03:04:05Z"})
    assert site.display_name is None
    assert site.contributor_account_ids is None
    assert site.editor_type is None
    assert site.trashed_date == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.UTC)
    assert site.to_dict() == {"name": "a", "trashedDate": "2024-01-02T03:04:05.000Z"}
    assert models.Site().to_dict() == {}
    assert models.Site(display_name="b").to_dict() == {"displayName": "b"}
    hints = get_type_hints(models.Site)
    assert hints["display_name"] == str | None
    assert hints["trashed_date"] == datetime.datetime | None
    assert hints["editor_type"] == EditorType | str | None


def test_an_explicit_null_from_the_server_comes_back_from_to_dict() -> None:
    sent = {"id": GUID, "name": "Q3", "createdDate": None, "updatedDate": "2024-01-02T03:04:05Z"}
    folder = models.Folder.from_dict(sent)
    assert folder.created_date is None
    assert models.Folder.from_dict(folder.to_dict()).to_dict() == folder.to_dict()
    assert folder.to_dict() == {**sent, "updatedDate": "2024-01-02T03:04:05.000Z"}
    folder.created_date = datetime.datetime(2024, 5, 6, tzinfo=datetime.UTC)
    assert folder.to_dict()["createdDate"] == "2024-05-06T00:00:00.000Z"
    assert models.Folder.from_dict({"id": GUID}).to_dict() == {"id": GUID}
    assert models.Folder(name="x") == models.Folder.from_dict({"name": "x", "createdDate": None})
    cursors = {"next": None, "prev": "abc"}
    assert models.Cursors.from_dict(cursors).to_dict() == cursors
    result = {"id": GUID, "originalIndex": "0", "success": True, "error": None}
    assert models.ItemMetadata.from_dict(result).to_dict() == result


def test_the_generated_package_has_no_unset() -> None:
    import wix_sites_api.types

    assert not hasattr(wix_sites_api.types, "Unset")
    assert not hasattr(wix_sites_api.types, "UNSET")
    package = Path(wix_sites_api.types.__file__).parent
    assert [p.name for p in package.rglob("*.py") if "Unset" in p.read_text(encoding="utf-8")] == []


def test_importing_one_model_loads_only_what_it_refers_to() -> None:
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from wix_sites_api.models import Site\n"
        "print(sorted(m for m in sys.modules if m.startswith('wix_sites_api')))\n"
        "print('httpx' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    ).stdout.splitlines()
    assert out == [
        "['wix_sites_api', 'wix_sites_api.models', 'wix_sites_api.models.editor_type', "
        "'wix_sites_api.models.namespace', 'wix_sites_api.models.site', 'wix_sites_api.types']",
        "False",
    ]


def test_the_lazy_packages_still_offer_every_name() -> None:
    import wix_sites_api

    assert set(models.__all__) <= set(dir(models))
    assert all(getattr(models, name).__name__ == name for name in models.__all__)
    assert wix_sites_api.Client is Client
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        _ = models.Nope  # type: ignore[attr-defined]
    with pytest.raises(AttributeError, match="has no attribute 'Nope'"):
        _ = wix_sites_api.Nope  # type: ignore[attr-defined]
