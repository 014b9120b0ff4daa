"""openapi.yaml: valid OpenAPI 3.1, complete, and every example valid against its schema."""

from __future__ import annotations

import pytest
from openapi_spec_validator import validate

from tests.spec_tools import Example, examples, spec, validator

EXAMPLES = list(examples())

OPERATIONS = {
    "querySites": ("post", "/site-list/v2/sites/query", "sites"),
    "countSites": ("post", "/site-list/v2/sites/count", "sites"),
    "queryFolders": ("post", "/site-folders/v2/folders/query", "folders"),
    "createFolder": ("post", "/site-folders/v2/folders", "folders"),
    "updateFolder": ("patch", "/site-folders/v2/folders/{folderId}", "folders"),
    "moveFolders": ("patch", "/site-folders/v2/folders/bulk/move", "folders"),
    "deleteFolder": ("delete", "/site-folders/v2/folders/{folderId}", "folders"),
    "moveSitesToFolder": ("post", "/site-folders/v2/folders/bulk/sites/move", "folders"),
    "getFolderBySite": ("get", "/site-folders/v2/folders/sites/{siteId}", "folders"),
}


def test_the_spec_is_valid_openapi_3_1() -> None:
    doc = spec()
    assert doc["openapi"].startswith("3.1")
    validate(doc)


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_every_documented_operation_is_described(operation_id: str) -> None:
    method, path, tag = OPERATIONS[operation_id]
    op = spec()["paths"][path][method]
    assert op["operationId"] == operation_id
    assert op["tags"] == [tag]
    statuses = set(op["responses"])
    assert {"200", "400", "401", "403", "429", "500", "503"} <= statuses
    for status in statuses - {"200"}:
        assert op["responses"][status]["$ref"].startswith("#/components/responses/")


def test_every_error_response_uses_the_wix_error_body() -> None:
    for name, response in spec()["components"]["responses"].items():
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/WixError"}, name


def test_security_is_api_key_with_account_id_or_the_signature() -> None:
    doc = spec()
    assert doc["security"] == [{"apiKey": [], "accountId": []}, {"wixSignature": []}]
    schemes = doc["components"]["securitySchemes"]
    assert (schemes["apiKey"]["in"], schemes["apiKey"]["name"]) == ("header", "Authorization")
    assert (schemes["accountId"]["in"], schemes["accountId"]["name"]) == (
        "header",
        "wix-account-id",
    )
    assert schemes["wixSignature"]["name"] == "x-wix-signature"
    for words in (
        "sorted",
        "Base64",
        "without `=` padding",
        "percent-decoded",
        "only when the body is not empty",
    ):
        assert words in schemes["wixSignature"]["description"]


def test_links_chain_folder_operations_for_stateful_testing() -> None:
    links = spec()["paths"]["/site-folders/v2/folders"]["post"]["responses"]["200"]["links"]
    targets = {link["operationId"] for link in links.values()}
    assert {"updateFolder", "deleteFolder", "moveFolders", "queryFolders"} <= targets
    op_ids = {
        op["operationId"]
        for item in spec()["paths"].values()
        for m, op in item.items()
        if m != "parameters"
    }
    for item in spec()["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            for link in op["responses"]["200"].get("links", {}).values():
                assert link["operationId"] in op_ids


def test_documented_limits_are_in_the_schemas() -> None:
    schemas = spec()["components"]["schemas"]
    assert schemas["SiteIdIn"]["properties"]["$in"]["maxItems"] == 500
    assert schemas["MoveFoldersRequest"]["properties"]["folderIds"]["maxItems"] == 1000
    assert schemas["Paging"]["properties"]["limit"]["maximum"] == 1000
    assert schemas["CursorPaging"]["properties"]["limit"] == {
        **schemas["CursorPaging"]["properties"]["limit"],
        "minimum": 1,
        "maximum": 1000,
    }
    assert schemas["Folder"]["properties"]["path"]["maxItems"] == 50


def test_open_enums_accept_unknown_values() -> None:
    site = validator("#/components/schemas/Site")
    assert site.is_valid({"editorType": "EDITOR", "namespace": "WIX"})
    assert site.is_valid({"editorType": "SOMETHING_NEW", "namespace": "ANOTHER_NEW_ONE"})
    assert not site.is_valid({"editorType": 3})


def test_there_are_examples_for_each_documented_call() -> None:
    places = " ".join(e.where for e in EXAMPLES)
    for needle in (
        "POST /site-list/v2/sites/query request",
        "POST /site-list/v2/sites/query response 200",
        "POST /site-folders/v2/folders request",
        "POST /site-folders/v2/folders/query response 200",
        "GET /site-folders/v2/folders/sites/{siteId} response 200",
        "PATCH /site-folders/v2/folders/bulk/move response 200",
    ):
        assert needle in places


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.where for e in EXAMPLES])
def test_every_example_is_valid_against_its_schema(example: Example) -> None:
    errors = [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator(example.schema_pointer).iter_errors(example.value)
    ]
    assert not errors, f"{example.where}: {errors}"


def test_the_validator_catches_a_bad_example() -> None:
    # the check above would be worthless if the validator let everything through
    site = validator("#/components/schemas/Site")
    assert not site.is_valid({"id": "not-a-guid"})
    assert not site.is_valid({"createdDate": "yesterday"})
    assert not validator("#/components/schemas/CursorPaging").is_valid({"limit": 1001})
