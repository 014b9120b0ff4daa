"""The custom templates (templates/openapi-python-client/) change how the generated models are
typed and how fast they parse, never what they hold: for every documented example (answers,
request bodies, schema examples), the models parsed by `generated/` equal those of the generator's
own templates, GUIDs aside (`str` instead of `uuid.UUID`, compared by value), and an absent field
reads None where the generator's own templates give `Unset`; `to_dict()` gives back the same JSON,
explicit nulls included."""

from __future__ import annotations

import datetime
import enum
import importlib.util
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
import wix_sites_api.models as models

from tests.spec_tools import examples

# scripts/ is not a package: its modules import one another by their plain names (as mypy sees them)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from regenerate import SPEC, generate_into

PLAIN = "wix_sites_api_untemplated"


@pytest.fixture(scope="module")
def plain_models(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The client as the generator makes it without our templates, imported as `PLAIN`."""
    package = generate_into(SPEC, tmp_path_factory.mktemp("untemplated"), templates=None)
    loaded = importlib.util.spec_from_file_location(
        PLAIN, package / "__init__.py", submodule_search_locations=[str(package)]
    )
    assert loaded is not None
    assert loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    sys.modules[PLAIN] = module
    try:
        loaded.loader.exec_module(module)
        yield importlib.import_module(f"{PLAIN}.models")
    finally:
        for name in [n for n in sys.modules if n == PLAIN or n.startswith(f"{PLAIN}.")]:
            del sys.modules[name]


def same(plain: Any, ours: Any, where: str) -> None:
    """`ours` (from generated/) holds what `plain` (the generator's own templates) holds."""
    if isinstance(plain, uuid.UUID):
        assert isinstance(ours, str), f"{where}: {ours!r} should be the id as a string"
        assert uuid.UUID(ours) == plain, where
    elif attrs.has(type(plain)):
        assert type(ours).__name__ == type(plain).__name__, where
        for field in attrs.fields(type(plain)):
            same(getattr(plain, field.name), getattr(ours, field.name), f"{where}.{field.name}")
    elif isinstance(plain, list):
        assert isinstance(ours, list), where
        assert len(ours) == len(plain), where
        for i, (a, b) in enumerate(zip(plain, ours, strict=True)):
            same(a, b, f"{where}[{i}]")
    elif isinstance(plain, dict):
        assert isinstance(ours, dict), where
        assert ours.keys() == plain.keys(), where
        for key in plain:
            same(plain[key], ours[key], f"{where}[{key!r}]")
    elif isinstance(plain, enum.Enum):
        assert type(ours).__name__ == type(plain).__name__, f"{where}: {ours!r} is not a member"
        assert ours.value == plain.value, where
    elif type(plain).__name__ == "Unset":
        assert ours is None, f"{where}: an absent field should read None, not {ours!r}"
    else:
        assert type(ours) is type(plain), f"{where}: {type(ours)} is not {type(plain)}"
        assert ours == plain, where


DOCUMENTED = [e for e in examples() if e.component]  # answers, request bodies, schema examples


def test_every_documented_example_parses_as_the_untemplated_generator_parses_it(
    plain_models: ModuleType,
) -> None:
    assert len([e for e in DOCUMENTED if " response " in e.where]) >= 10
    for example in DOCUMENTED:
        assert example.component is not None
        plain = getattr(plain_models, example.component).from_dict(example.value)
        ours = getattr(models, example.component).from_dict(example.value)
        same(plain, ours, example.where)
        assert ours.to_dict() == _lowercase_ids(plain.to_dict(), ours.to_dict()), example.where


def _lowercase_ids(plain: Any, ours: Any) -> Any:
    """`plain` with each string that differs from `ours` only by case (a GUID through uuid.UUID,
    which lowercases it) or by how it writes the same date (ours as the API: "Z") replaced by
    `ours`."""
    if isinstance(plain, dict) and isinstance(ours, dict):
        return {k: _lowercase_ids(v, ours.get(k)) for k, v in plain.items()}
    if isinstance(plain, list) and isinstance(ours, list) and len(plain) == len(ours):
        return [_lowercase_ids(a, b) for a, b in zip(plain, ours, strict=True)]
    same = isinstance(plain, str) and isinstance(ours, str)
    return ours if same and (plain == ours.lower() or _same_moment(plain, ours)) else plain


def _same_moment(plain: str, ours: str) -> bool:
    try:
        moment = datetime.datetime.fromisoformat
        return ours.endswith("Z") and moment(plain) == moment(ours)
    except ValueError:
        return False


def test_dates_go_back_as_the_api_writes_them() -> None:
    site = models.Site.from_dict(
        {"createdDate": "2015-04-19T15:22:42.498Z", "updatedDate": "2020-12-30T21:20:44.000Z"}
    )
    assert site.to_dict() == {
        "createdDate": "2015-04-19T15:22:42.498Z",
        "updatedDate": "2020-12-30T21:20:44.000Z",
    }
    fine = datetime.datetime(2024, 1, 6, 23, 46, 40, 652001, tzinfo=datetime.UTC)
    assert models.Site(created_date=fine).to_dict() == {
        "createdDate": "2024-01-06T23:46:40.652001Z"
    }


def test_an_upper_case_guid_and_an_unknown_enum_value_parse_alike(
    plain_models: ModuleType,
) -> None:
    body = {
        "id": "0C87CD5D-4059-4E86-8F6E-D185B1E4A1BD",
        "createdDate": "2015-04-19T15:22:42.498Z",
        "editorType": "A_NEW_EDITOR",
        "namespace": "WIX",
        "contributorAccountIds": [],
        "colour": "red",
    }
    plain = plain_models.Site.from_dict(body)
    ours = models.Site.from_dict(body)
    same(plain, ours, "Site")
    assert ours.id == body["id"]
    assert ours.created_date == datetime.datetime(2015, 4, 19, 15, 22, 42, 498000, datetime.UTC)


def test_the_comparison_notices_a_difference() -> None:
    with pytest.raises(AssertionError, match="should be the id as a string"):
        same(uuid.UUID(int=1), uuid.UUID(int=1), "id")
    with pytest.raises(AssertionError, match="is not a member"):
        same(models.EditorType.EDITOR, "EDITOR", "editorType")
    with pytest.raises(AssertionError):
        same([1, 2], [1], "list")


def test_the_templates_leave_no_uuid_import_in_generated() -> None:
    package = Path(models.__file__).parent.parent
    offenders = [
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if "import UUID" in p.read_text(encoding="utf-8")
    ]
    assert offenders == []
