"""The compiled validator is a yes/no that is never more lenient than the pure-Python one, which
still explains every refused request."""

from __future__ import annotations

from typing import Any

import pytest

from wixsandbox.spec import load_spec
from wixsandbox.validation import FastCheck, SchemaCheck

GUID = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"
# Strings where a compiled and a pure-Python validator could read formats and patterns differently.
EDGES = [
    GUID,
    GUID.upper(),
    GUID.replace("-", ""),
    "{" + GUID + "}",
    "urn:uuid:" + GUID,
    GUID[:-5] + "-" + GUID[-4:],  # hyphens elsewhere
    GUID + "\n",  # `$` before a final line break
    GUID[:-1] + "\u0661",  # a non-ASCII digit
    "root",
    "root\n",
    "",
    " ",
    "a",
    "\ufeff",
    "\xa0",
    "\x1c",
    "\u3000",
    "\u200b",
    "a\n",
    "x" * 257,
]


def _schemas() -> list[tuple[str, dict[str, Any]]]:
    schemas: dict[str, Any] = load_spec()["components"]["schemas"]
    return [(name, schemas[name]) for name in ("Guid", "GuidOrEmpty", "FolderTarget", "FolderName")]


@pytest.mark.parametrize(("name", "schema"), _schemas(), ids=[name for name, _ in _schemas()])
def test_compiled_validator_is_never_more_lenient(name: str, schema: dict[str, Any]) -> None:
    fast, slow = FastCheck(), SchemaCheck()
    for value in EDGES:
        if fast.is_valid(schema, value):
            assert slow.validator(schema).is_valid(value), (name, value)


def test_a_refused_body_is_still_explained() -> None:
    schema = load_spec()["components"]["schemas"]["FolderTarget"]
    check = SchemaCheck()
    assert not check.compiled.is_valid(schema, "root\n")
    assert check.violations(schema, "not-a-folder", "targetFolderId")[0].field == "targetFolderId"
    assert check.violations(schema, "root\n", "targetFolderId") == []  # Python's `$`, as before


@pytest.mark.parametrize("name", ["a/b", "..", "root", "tab\there"])
def test_a_refused_folder_name_says_which_rule(name: str) -> None:
    schema = load_spec()["components"]["schemas"]["FolderName"]
    [violation] = SchemaCheck().violations(schema, name, "folder.name")
    assert violation.field == "folder.name"
    assert violation.description.startswith("must not match the pattern [\\x00-\\x1f\\x7f/]")
