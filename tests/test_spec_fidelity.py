"""openapi.yaml against Wix's published docs, and the sandbox and the SDK against openapi.yaml.

Wix's contract is what its docs say; what the spec adds is marked `x-wixsites-extension`. Each
operation names its permission (`x-wix-permissions`) and the errors Wix documents for it
(`x-wix-errors`); the sandbox's own error codes are in `x-wixsites-errors`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import yaml
from wix_sites_api.models import Namespace, QuerySitesResponse, Site

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    FOLDERS,
    KEY,
    OTHER_ACCOUNT,
    QUERY_FOLDERS,
    QUERY_SITES,
    ROOT,
    client,
    create_folder,
    make_sandbox,
)
from tests.spec_tools import spec, validator
from wixsandbox import Sandbox
from wixsites import PermissionDenied, WixSites
from wixsites.operations import PERMISSIONS, _cursor_page

# Wix's Site Object page lists the first 20; site-list.service.json (2024-01) adds the last two.
DOCUMENTED_NAMESPACES = [
    "UNKNOWN_NAMESPACE",
    "WIX",
    "SHOUT_OUT",
    "ALBUMS",
    "WIX_STORES_TEST_DRIVE",
    "HOTELS",
    "CLUBS",
    "ONBOARDING_DRAFT",
    "DEV_SITE",
    "LOGOS",
    "VIDEO_MAKER",
    "PARTNER_DASHBOARD",
    "DEV_CENTER_COMPANY",
    "HTML_DRAFT",
    "SITELESS_BUSINESS",
    "CREATOR_ECONOMY",
    "DASHBOARD_FIRST",
    "ANYWHERE",
    "HEADLESS",
    "ACCOUNT_MASTER_CMS",
    "RISE",
    "BRANDED_FIRST",
]
# Named by Wix: in its service descriptions (Manage Sites for Bulk Delete Site in the January 2023
# Site Actions one), and on its Publish Site page (Manage SEO Settings); Manage Sites for Duplicate
# Site is the spec's choice.
WIX_PERMISSIONS = {
    "Read Site Data",
    "Read Folder Data",
    "Manage Folders",
    "Manage Sites",
    "Manage B2B Sites",
    "Manage SEO Settings",
}


def operations() -> Iterator[tuple[str, dict[str, Any]]]:
    for item in spec()["paths"].values():
        for method, op in item.items():
            if method != "parameters":
                yield op["operationId"], op


def schemas() -> dict[str, Any]:
    return dict(spec()["components"]["schemas"])


def walk(node: Any, where: str = "#") -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield f"{where}/{key}", value
            yield from walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{where}/{i}")


# -- the spec -----------------------------------------------------------------------------------


@pytest.mark.parametrize("operation_id", sorted(dict(operations())))
def test_each_operation_names_its_permission_in_the_description_and_an_extension(
    operation_id: str,
) -> None:
    op = dict(operations())[operation_id]
    permissions = op["x-wix-permissions"]
    assert permissions
    assert set(permissions) <= WIX_PERMISSIONS
    assert f"Permission: {', '.join(permissions)}" in op["description"]
    # the SDK's table (pure code, no spec at run time) says the same, keyed by the summary
    assert PERMISSIONS[op["summary"]] == tuple(permissions)


def test_the_documented_permissions_are_wixs() -> None:
    ops = dict(operations())
    assert ops["querySites"]["x-wix-permissions"] == ["Read Site Data"]
    assert ops["countSites"]["x-wix-permissions"] == ["Read Site Data"]
    assert ops["queryFolders"]["x-wix-permissions"] == ["Read Folder Data"]
    assert ops["getFolderBySite"]["x-wix-permissions"] == ["Read Folder Data"]
    assert ops["moveSitesToFolder"]["x-wix-permissions"] == ["Manage Folders"]
    assert ops["transferSite"]["x-wix-permissions"] == ["Manage B2B Sites"]
    for chosen in ("createFolder", "updateFolder", "deleteFolder", "moveFolders"):
        assert "names no permission for this" in " ".join(ops[chosen]["description"].split())
    for chosen in ("duplicateSite",):
        assert ops[chosen]["x-wix-permissions"] == ["Manage Sites"]
        assert "names no permission for this" in " ".join(ops[chosen]["description"].split())
    # Wix's January 2023 Site Actions description names it; the December 2023 one names none
    assert ops["bulkDeleteSite"]["x-wix-permissions"] == ["Manage Sites"]
    described = " ".join(ops["bulkDeleteSite"]["description"].split())
    assert "Site Actions service description of January 2023" in described
    assert ops["publishSite"]["x-wix-permissions"] == ["Manage SEO Settings"]
    published = " ".join(ops["publishSite"]["description"].split())
    assert "Publish Site page lists" in published
    # the citation settles it: the page is the only source, and the service descriptions were read
    assert "wix-incubator/wix-rest-docs" in published
    assert "describe Bulk Delete Site and Duplicate Site, never Publish Site" in published


@pytest.mark.parametrize("operation_id", sorted(dict(operations())))
def test_each_operation_lists_wixs_errors_and_the_sandboxs_own(operation_id: str) -> None:
    op = dict(operations())[operation_id]
    described = " ".join(op["description"].split())
    for entry in op["x-wix-errors"]:
        assert str(entry["status"]) in op["responses"]
        assert entry["code"].isupper()
        assert entry["description"]
        assert f"{entry['status']} `{entry['code']}`" in described
    for entry in op.get("x-wixsites-errors", []):
        assert str(entry["status"]) in op["responses"]
        assert isinstance(entry["x-wixsites-extension"], str)
        assert entry["x-wixsites-extension"]
    for status, name in (("428", "PreconditionRequired"), ("504", "GatewayTimeout")):
        assert op["responses"][status] == {"$ref": f"#/components/responses/{name}"}


def test_the_errors_wix_documents() -> None:
    ops = dict(operations())

    def wix(op: str) -> list[tuple[int, str, str | None]]:
        return [(e["status"], e["code"], e.get("applicationCode")) for e in ops[op]["x-wix-errors"]]

    assert wix("querySites") == [(401, "UNAUTHENTICATED", None)]
    assert wix("updateFolder") == [(400, "INVALID_ARGUMENT", None), (409, "ALREADY_EXISTS", None)]
    assert wix("createFolder") == [(409, "ALREADY_EXISTS", None)]
    assert wix("deleteFolder") == [(404, "NOT_FOUND", None)]
    assert wix("moveFolders") == [(404, "NOT_FOUND", None)]
    # three 400s, of which the docs name one, and a 404
    assert wix("moveSitesToFolder") == [
        (400, "INVALID_ARGUMENT", "malformed_filter"),
        (400, "INVALID_ARGUMENT", None),
        (400, "INVALID_ARGUMENT", None),
        (404, "NOT_FOUND", None),
    ]
    assert wix("transferSite") == [
        (428, "TARGET_ACCOUNT_ID_NOT_FOUND", None),
        (403, "SITE_TRANSFER_NOT_ALLOWED", None),
        (400, "SITE_NOT_FOUND", None),
        (428, "SITE_TRANSFER_NOT_SUPPORTED", None),
    ]
    for silent in ("bulkDeleteSite", "duplicateSite"):
        assert wix(silent) == []
    # Wix's Publish Site page: one 428 whose code the material found does not name
    assert wix("publishSite") == [(428, "FAILED_PRECONDITION", None)]
    assert "the other two are not named" in " ".join(
        ops["moveSitesToFolder"]["description"].split()
    )


def test_the_sandboxs_own_error_codes_are_marked() -> None:
    ours = {
        (op_id, entry["code"])
        for op_id, op in operations()
        for entry in op["x-wixsites-errors"]
        if "x-wixsites-extension" in entry
    }
    for expected in (
        ("querySites", "CURSOR_EXPIRED"),
        ("querySites", "MALFORMED_FILTER"),
        ("moveFolders", "FOLDER_CYCLE"),
        ("moveFolders", "PATH_TOO_DEEP"),
        ("createFolder", "PATH_TOO_DEEP"),
        ("bulkDeleteSite", "NOT_FOUND"),
        ("duplicateSite", "NOT_FOUND"),
        ("publishSite", "NOT_FOUND"),
        ("publishSite", "SITE_IN_TRASH"),
    ):
        assert expected in ours


def test_what_the_spec_adds_is_marked_as_an_extension() -> None:
    s = schemas()
    assert s["Cursors"]["properties"]["prev"]["x-wixsites-extension"]
    target = s["FolderTarget"]
    assert target["maxLength"] == 36
    assert "root" in target["pattern"]
    assert "root" in target["x-wixsites-extension"]
    assert "36" in target["x-wixsites-extension"]
    assert s["FolderName"]["maxLength"] == 256
    assert "256" in s["FolderName"]["x-wixsites-extension"]
    for query in ("SitesQuery", "FoldersQuery"):
        sort = s[query]["properties"]["sort"]
        assert sort["maxItems"] == 4
        assert sort["x-wixsites-extension"]
    sandbox_server = spec()["servers"][1]
    assert "127.0.0.1" in sandbox_server["url"]
    assert sandbox_server["x-wixsites-extension"]
    assert spec()["components"]["securitySchemes"]["wixSignature"]["x-wixsites-extension"]


def test_every_extension_is_a_one_line_reason() -> None:
    found = [
        (where, value) for where, value in walk(spec()) if where.endswith("/x-wixsites-extension")
    ]
    assert len(found) > 20
    for where, value in found:
        assert isinstance(value, str), where
        assert value.strip(), where
        assert "\n" not in value.strip(), where


def test_folder_metadata_total_is_wixs_but_not_relied_on() -> None:
    # site-folders.service.json's PagingMetadataV2 lists total and tooManyToCount; the example
    # answer has only count, so the description warns against relying on total
    metadata = schemas()["OffsetPagingMetadata"]["properties"]
    assert "x-wixsites-extension" not in metadata["total"]
    assert "must not rely" in " ".join(metadata["total"]["description"].split())
    assert metadata["tooManyToCount"]["type"] == "boolean"


def test_every_documented_namespace_is_in_the_enum_and_the_enum_stays_open() -> None:
    assert schemas()["Namespace"]["enum"] == DOCUMENTED_NAMESPACES
    assert {"type": "string"} in schemas()["Site"]["properties"]["namespace"]["anyOf"]


def test_contributor_account_ids_are_1_to_1000_guids() -> None:
    contributors = schemas()["Site"]["properties"]["contributorAccountIds"]
    assert (contributors["minItems"], contributors["maxItems"]) == (1, 1000)
    assert contributors["items"] == {"$ref": "#/components/schemas/Guid"}
    site = validator("#/components/schemas/Site")
    assert not site.is_valid({"contributorAccountIds": []})
    assert not site.is_valid({"contributorAccountIds": ["not-a-guid"]})


def test_optional_bodies_and_fields_are_optional() -> None:
    ops = dict(operations())
    for op_id in ("querySites", "countSites", "queryFolders", "updateFolder"):
        assert ops[op_id]["requestBody"]["required"] is False, op_id
    s = schemas()
    for name in ("QuerySitesRequest", "CountSitesRequest", "QueryFoldersRequest"):
        assert "required" not in s[name], name
    assert "required" not in s["UpdateFolderRequest"]
    assert "required" not in s["FolderPatch"]


def test_update_folder_takes_the_field_mask_object_and_the_docs_string() -> None:
    request = validator("#/components/schemas/UpdateFolderRequest")
    assert request.is_valid({"folder": {"name": "A"}, "fieldMask": {"paths": ["name"]}})
    assert request.is_valid({"folder": {"name": "A"}, "fieldMask": "name"})
    assert request.is_valid({})
    assert not request.is_valid({"fieldMask": {"paths": ["parentId"]}})
    assert not request.is_valid({"fieldMask": "parentId"})


def test_the_deprecated_cursor_parses_as_a_string_and_as_an_object() -> None:
    response = validator("#/components/schemas/QuerySitesResponse")
    examples = spec()["paths"][QUERY_SITES]["post"]["responses"]["200"]["content"][
        "application/json"
    ]["examples"]
    as_string, as_object = examples["seed"]["value"], examples["serviceDescription"]["value"]
    assert isinstance(as_string["cursorPaging"]["cursor"], str)
    assert isinstance(as_object["cursorPaging"]["cursor"], dict)
    for body in (as_string, as_object):
        assert response.is_valid(body)
        page = _cursor_page(QuerySitesResponse.from_dict(body), None)
        assert page.next_cursor == body["metadata"]["cursors"]["next"]


def test_the_sdk_never_takes_its_cursor_from_the_deprecated_field() -> None:
    body = {"sites": [], "cursorPaging": {"cursor": "from-the-deprecated-field"}}
    assert _cursor_page(QuerySitesResponse.from_dict(body), None).next_cursor is None


# -- the generated client -----------------------------------------------------------------------


@pytest.mark.parametrize("namespace", DOCUMENTED_NAMESPACES)
def test_a_site_with_each_documented_namespace_parses_into_an_enum_member(namespace: str) -> None:
    site = Site.from_dict({"namespace": namespace})
    assert isinstance(site.namespace, Namespace)
    assert site.namespace.value == namespace


def test_an_unknown_namespace_still_parses() -> None:
    site = Site.from_dict({"namespace": "SOMETHING_WIX_ADDS_LATER"})
    assert site.namespace == "SOMETHING_WIX_ADDS_LATER"
    assert site.to_dict()["namespace"] == "SOMETHING_WIX_ADDS_LATER"


# -- the sandbox and the SDK --------------------------------------------------------------------


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with make_sandbox() as box:
        box.seed(ACCOUNT, sites=60, folders=0, seed=7)
        yield box


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client(sandbox) as http_client:
        yield http_client


@pytest.fixture
def wix(sandbox: Sandbox) -> Iterator[WixSites]:
    with WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.transport(),
        rate_limit=None,
    ) as sdk:
        yield sdk


def test_the_sdk_queries_by_display_name_and_gets_the_matching_sites(wix: WixSites) -> None:
    every = list(wix.sites.query(page_size=100))
    name = every[len(every) // 2].display_name
    assert isinstance(name, str)
    expected = sorted(str(s.id) for s in every if s.display_name == name)
    found = list(wix.sites.query({"displayName": name}))
    assert sorted(str(s.id) for s in found) == expected
    assert wix.sites.count({"displayName": name}) == len(expected)
    # exact: the same name in another case matches nothing (unless a site is named so)
    other = name.swapcase()
    assert [s.id for s in wix.sites.query({"displayName": other})] == [
        s.id for s in every if s.display_name == other
    ]


def test_the_sandbox_answers_the_docs_display_name_example(http: httpx.Client) -> None:
    response = http.post(QUERY_SITES, json={"query": {"filter": {"displayName": "my-site"}}})
    assert response.status_code == 200, response.text
    assert response.json()["sites"] == []


def test_query_and_filter_may_be_left_out(http: httpx.Client) -> None:
    everything = http.post(QUERY_SITES, json={"query": {"cursorPaging": {"limit": 1000}}})
    assert http.post(QUERY_SITES).status_code == 200
    assert http.post(QUERY_SITES, json={}).json()["metadata"]["count"] > 0
    count = http.post(COUNT_SITES, json={}).json()["count"]
    assert count == len(everything.json()["sites"])
    assert http.post(COUNT_SITES).json()["count"] == count
    create_folder(http, "Only")
    assert [f["name"] for f in http.post(QUERY_FOLDERS).json()["folders"]] == ["Only"]


@pytest.mark.parametrize(
    "mask", [{"paths": ["name"]}, "name"], ids=["FieldMask object", "docs string"]
)
def test_update_folder_renames_with_either_form_of_the_mask(http: httpx.Client, mask: Any) -> None:
    folder = create_folder(http, "Before")
    response = http.patch(
        f"{FOLDERS}/{folder['id']}", json={"folder": {"name": "After"}, "fieldMask": mask}
    )
    assert response.status_code == 200, response.text
    assert response.json()["folder"]["name"] == "After"
    listed = http.post(QUERY_FOLDERS, json={"query": {"filter": {"id": folder["id"]}}}).json()
    assert listed["folders"][0]["name"] == "After"


def test_update_folder_fields_are_optional(http: httpx.Client) -> None:
    folder = create_folder(http, "Kept")
    url = f"{FOLDERS}/{folder['id']}"
    bodies: list[dict[str, Any]] = [
        {},
        {"folder": {}},
        {"fieldMask": {"paths": []}},
        {"fieldMask": ""},
    ]
    for body in bodies:
        response = http.patch(url, json=body)
        assert response.status_code == 200, (body, response.text)
        assert response.json()["folder"]["name"] == "Kept"
    assert http.patch(url).status_code == 200
    # a mask that names the name, with no name: a folder name cannot become empty, it stays
    for mask in ({"paths": ["name"]}, "name"):
        response = http.patch(url, json={"fieldMask": mask})
        assert response.status_code == 200, response.text
        assert response.json()["folder"]["name"] == "Kept"


def test_a_403_names_the_permission_the_operation_needs(sandbox: Sandbox) -> None:
    # the key belongs to ACCOUNT, the request names another account: the sandbox answers 403
    with WixSites(
        api_key=KEY,
        account_id=OTHER_ACCOUNT,
        base_url="http://sandbox",
        transport=sandbox.transport(),
        rate_limit=None,
    ) as sdk:
        with pytest.raises(PermissionDenied) as caught:
            sdk.sites.count()
        assert caught.value.permissions == ("Read Site Data",)
        assert "Count Sites needs the Wix permission 'Read Site Data'" in str(caught.value)
        with pytest.raises(PermissionDenied) as caught:
            sdk.folders.create("Design")
        assert caught.value.permissions == ("Manage Folders",)
        assert "'Manage Folders'" in str(caught.value)
        with pytest.raises(PermissionDenied, match="'Read Folder Data'"):
            list(sdk.folders.query())


# -- Wix's truth: what the spec says Wix says, Wix says ----------------------------------------------


def _exceptions() -> list[dict[str, str]]:
    text = (ROOT / "upstream-exceptions.yaml").read_text(encoding="utf-8")
    return list(yaml.safe_load(text)["exceptions"])


def test_the_page_size_is_wixs_up_to_1000_and_cited() -> None:
    """Before: the spec, the SDK docstring and an exception said Wix's pages give 100."""
    limit = schemas()["CursorPaging"]["properties"]["limit"]
    assert (limit["minimum"], limit["maximum"]) == (1, 1000)
    assert "1,000" in limit["description"]
    described = " ".join(spec()["info"]["description"].split())
    assert "site-list.service.json" in described
    assert "Retrieves a list of up to 1,000 sites" in described
    for text in (limit["description"], described, WixSites.sites.__doc__ or "", _sites_query_doc()):
        for claim in ("documents 100", "say 100", "at most 100"):
            assert claim not in text
    (entry,) = [e for e in _exceptions() if e["subject"].startswith("*cursorPaging.limit")]
    assert "site-list.service.json" in entry["reason"]
    assert "say 100" not in entry["reason"]


def _sites_query_doc() -> str:
    from wixsites.sites import Sites

    return " ".join((Sites.query.__doc__ or "").split())


def test_folder_path_holds_the_ancestors_only() -> None:
    path = schemas()["Folder"]["properties"]["path"]
    described = " ".join(path["description"].split())
    assert "ancestors" in described
    assert "empty at root" in described
    assert path["maxItems"] == 50


def test_cursor_expiry_is_marked_as_the_sandboxs_own() -> None:
    op = dict(operations())["querySites"]
    (expired,) = [e for e in op["x-wixsites-errors"] if e["code"] == "CURSOR_EXPIRED"]
    assert "legacy" in expired["x-wixsites-extension"]
    assert "documents neither" in expired["x-wixsites-extension"]
    cursor = schemas()["CursorPaging"]["properties"]["cursor"]
    assert "30-minute" in cursor["x-wixsites-extension"]


def test_the_sandboxs_sort_choices_are_marked() -> None:
    for name, default in (
        ("SitesQuery", "createdDate descending"),
        ("FoldersQuery", "createdDate ascending"),
    ):
        schema = schemas()[name]
        assert "tie-break by id" in schema["x-wixsites-extension"], name
        assert default in schema["x-wixsites-extension"], name


def test_request_exceptions_name_their_operation_each_with_its_reason() -> None:
    """Before: one `"*"` entry (`request.* max=36`) covered Wix's limit on Move Sites To Folder and
    two choices of the sandbox, against the file's own rule."""
    entries = _exceptions()
    assert not [e for e in entries if e["operation"] == "*" and e["subject"].startswith("request.")]
    reasons = {e["operation"]: e["reason"] for e in entries if e["subject"].endswith(" max=36")}
    assert set(reasons) == {"moveSitesToFolder", "createFolder", "moveFolders"}
    assert "move-sites-to-folder" in reasons["moveSitesToFolder"]
    assert "choice" in reasons["createFolder"]
    assert "choice" in reasons["moveFolders"]
