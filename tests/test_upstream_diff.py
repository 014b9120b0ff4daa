"""scripts/upstream-diff: the committed spec matches Wix's descriptions up to the reviewed exceptions,
and every kind of upstream change is named, with its operation and field."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "upstream_diff.py"
CANDIDATES = [
    Path(os.environ.get("WIX_REST_DOCS", "/nonexistent")),
    ROOT.parent / "shared" / "reference" / "wix-rest-docs",  # CI: ../shared beside the clone
    ROOT.parent.parent / "shared" / "reference" / "wix-rest-docs",  # a worktree one level down
]
REFERENCE = next((p for p in CANDIDATES if (p / "site-list.service.json").is_file()), None)
pytestmark = pytest.mark.skipif(
    REFERENCE is None, reason="Wix's reference descriptions (../shared/reference) are not here"
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def edited_copy(tmp_path: Path, edits: dict[str, Callable[[dict[str, Any]], None]]) -> Path:
    assert REFERENCE is not None
    folder = tmp_path / "wix-rest-docs"
    shutil.copytree(REFERENCE, folder)
    for name, edit in edits.items():
        path = folder / name
        data = json.loads(path.read_text(encoding="utf-8"))
        edit(data)
        path.chmod(0o644)
        path.write_text(json.dumps(data), encoding="utf-8")
    return folder


def message(data: dict[str, Any], suffix: str) -> dict[str, Any]:
    found: dict[str, Any] = next(m for m in data["messages"] if m["name"].endswith(suffix))
    return found


def operation(data: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(op for op in data["operations"] if op["name"] == name)
    return found


def test_the_committed_spec_differs_only_where_the_exceptions_say() -> None:
    result = run(REFERENCE or "")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
    assert "0 unexplained" in result.stderr


def test_a_field_added_an_enum_value_added_a_field_removed_and_a_required_field_changed(
    tmp_path: Path,
) -> None:
    def site_list(data: dict[str, Any]) -> None:
        site = message(data, "_sitelist_api_Site")
        site["members"].append({"name": "labels", "type": "string", "doc": " Site labels.\n"})
        message(data, "EditorType")["enum"].append("WIX_STUDIO_2")
        message(data, "_CountSitesResponse")["members"] = []

    def site_folders(data: dict[str, Any]) -> None:
        operation(data, "Create Folder")["requiredFields"] = ["folder.parentId"]

    folder = edited_copy(
        tmp_path, {"site-list.service.json": site_list, "site-folders.service.json": site_folders}
    )
    result = run(folder)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines() == [
        "countSites: field-extra: response.count: the spec has it (integer); Wix does not",
        "createFolder: required-extra: request.folder.name: the spec requires it; Wix does not",
        "createFolder: required-missing: request.folder.parentId: Wix requires it; the spec does not",
        "querySites: enum-missing: response.sites[].editorType=WIX_STUDIO_2: Wix lists it; the spec does not",
        "querySites: field-missing: response.sites[].labels: Wix has it (string); the spec does not",
    ]
    assert "5 unexplained" in result.stderr


def test_methods_paths_limits_permissions_errors_and_new_operations_are_named(
    tmp_path: Path,
) -> None:
    def site_folders(data: dict[str, Any]) -> None:
        operation(data, "Move Folders")["docs"]["request"] = "POST"
        get = operation(data, "Get Folder By Site")
        get["docs"]["url"] = get["docs"]["url"].replace("/sites/", "/by-site/")
        for param in operation(data, "Move Folders")["params"]:
            param["doc"] = param["doc"].replace("1000", "900")
        message(data, "MoveFoldersRequest")["members"][0]["doc"] = " Limited to 900 folders.\n"
        operation(data, "Query Folders")["permissions"] = [{"name": "Manage Folders"}]

    def site_actions(data: dict[str, Any]) -> None:
        copy = json.loads(json.dumps(operation(data, "Duplicate Site")))
        copy.update(name="Restore Site", methodName="RestoreSite")
        copy["docs"]["url"] = "https://www.wixapis.com/site-actions/v1/sites/restore"
        data["operations"].append(copy)

    folder = edited_copy(
        tmp_path,
        {"site-folders.service.json": site_folders, "site-actions.service.json": site_actions},
    )
    (folder / "site-folders-errors.md").write_text(
        "## Create Folder Errors\n\n| HTTP status | Error code |\n| --- | --- |\n"
        "| `ALREADY_EXISTS (409)` | `FOLDER_NAME_TAKEN` |\n",
        encoding="utf-8",
    )
    lines = run(folder).stdout.splitlines()
    for expected in [
        "createFolder: error-missing: 409 FOLDER_NAME_TAKEN: Wix documents it; the spec does not",
        "getFolderBySite: path: /site-folders/v2/folders/sites/{siteId}: "
        "Wix /site-folders/v2/folders/by-site/{siteId}, spec /site-folders/v2/folders/sites/{siteId}",
        "moveFolders: limit-differs: request.folderIds max: Wix [900], spec [1000]",
        "moveFolders: method: PATCH: Wix POST, spec PATCH",
        "queryFolders: permission-missing: Manage Folders: Wix documents it; the spec does not",
        "restoreSite: operation-missing: POST /site-actions/v1/sites/restore: "
        "Wix's 'Restore Site' is not in the spec",
    ]:
        assert expected in lines


def test_suggest_prints_entries_that_explain_the_differences_once_reasons_are_written(
    tmp_path: Path,
) -> None:
    def site_list(data: dict[str, Any]) -> None:
        message(data, "Namespace")["enum"].append("PARTNER_SANDBOX")

    folder = edited_copy(tmp_path, {"site-list.service.json": site_list})
    suggested = run(folder, "--suggest")
    assert suggested.returncode == 1
    assert 'subject: "response.sites[].namespace=PARTNER_SANDBOX"' in suggested.stdout
    exceptions = tmp_path / "exceptions.yaml"
    committed = (ROOT / "upstream-exceptions.yaml").read_text(encoding="utf-8")
    exceptions.write_text(committed + suggested.stdout, encoding="utf-8")
    refused = run(folder, "--exceptions", exceptions)
    assert refused.returncode == 2
    assert "write its reason" in refused.stderr
    exceptions.write_text(
        committed + suggested.stdout.replace("TODO: why?", "Reviewed:"), encoding="utf-8"
    )
    assert run(folder, "--exceptions", exceptions).returncode == 0


TRANSFER_SPEC = """
openapi: 3.1.0
info: {title: t, version: '1'}
paths:
  /b2b-site-management/v1/transfer-site:
    post:
      operationId: transferSite
      summary: Transfer Site
      x-wix-permissions: [Manage B2B Sites]
      x-wix-errors:
        - {status: 428, code: TARGET_ACCOUNT_ID_NOT_FOUND}
        - {status: 403, code: SITE_TRANSFER_NOT_ALLOWED}
        - {status: 400, code: SITE_NOT_FOUND}
        - {status: 409, code: SITE_ALREADY_IN_ACCOUNT, x-wixsites-extension: the sandbox's own}
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [siteTransfer]
              properties:
                siteTransfer:
                  type: object
                  properties:
                    siteId: {type: string, format: uuid}
                    sourceAccountId: {type: string}
                    enableNotifications: {type: boolean}
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  siteTransfer:
                    type: object
                    properties:
                      siteId: {type: string}
                      sourceAccountId: {type: string}
                      enableNotifications: {type: boolean}
"""


def test_the_documented_errors_of_a_new_service_are_compared(tmp_path: Path) -> None:
    spec = tmp_path / "openapi.yaml"
    spec.write_text(TRANSFER_SPEC, encoding="utf-8")
    none = tmp_path / "none.yaml"
    none.write_text("exceptions: []\n", encoding="utf-8")
    result = run(REFERENCE or "", "--spec", spec, "--exceptions", none)
    lines = [line for line in result.stdout.splitlines() if line.startswith("transferSite")]
    assert lines == [
        "transferSite: error-extra: 409 SITE_ALREADY_IN_ACCOUNT: the spec has it; Wix does not",
        "transferSite: error-missing: 428 SITE_TRANSFER_NOT_SUPPORTED: Wix documents it; the spec does not",
        "transferSite: format: request.siteTransfer.siteId format=uuid: Wix none, spec uuid",
    ]
    suggested = run(REFERENCE or "", "--spec", spec, "--exceptions", none, "--suggest").stdout
    assert 'reason: "the sandbox\'s own"' in suggested


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/wix-rest-docs"], "not a folder"),
        ([str(ROOT / "docs")], "no *.service.json"),
        ([str(REFERENCE), "--spec", str(ROOT / "README.md")], "cannot read the spec"),
        ([str(REFERENCE), "--spec", str(ROOT / "pyproject.toml")], "cannot read the spec"),
        ([str(REFERENCE), "--spec", str(ROOT / "openapi-python-client.yaml")], "not an OpenAPI"),
        ([str(REFERENCE), "--exceptions", str(ROOT / "README.md")], "not YAML"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr
