"""Differential test of the query language: the SQL translation against a small pure-Python model.

The model states the documented semantics (openapi.yaml, `Filter` and `SitesQuery`) directly on the
sites as the API returns them; hypothesis draws filters over the real values of a seeded account
(a few display names made mixed-case and non-ASCII), and Query Sites and Count Sites must agree
with the model on every one.

The store answers them through its indexes: the search index narrows name searches of three
characters or more (for Count Sites always; for Query Sites when the pattern has few candidates,
else it walks the sort order), the folder indexes and the counting indexes serve the rest; the
patterns drawn are short and long, rare and common, so every path meets the model.
"""

from __future__ import annotations

import functools
import json
import operator
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sandbox_fixtures import ACCOUNT, COUNT_SITES, all_sites, client, make_sandbox
from wixsandbox import Sandbox
from wixsandbox.seed import APP_IDS

SITES = 150
Site = dict[str, Any]
Model = Callable[[Site], bool]
ODD_NAMES = [
    "ÄRGER Bäckerei",
    "İstanbul Kebap",
    "straße café",
    "Ünïcödé",
    "ÉCOLE",
    "ß",
    "Zebra",
    "apple",
]


class World:
    def __init__(self) -> None:
        self.sandbox = make_sandbox()
        self.sandbox.seed(ACCOUNT, sites=SITES, folders=4, seed=11)
        with self.sandbox.store.write() as conn:
            rows = conn.execute(
                "SELECT id, name, view_url FROM sites WHERE account_id = ? ORDER BY id LIMIT ?",
                (ACCOUNT, len(ODD_NAMES)),
            ).fetchall()
            for (site_id, name, url), display in zip(rows, ODD_NAMES, strict=True):
                conn.execute(
                    "UPDATE sites SET display_name = ?, search = ? WHERE account_id = ? AND id = ?",
                    (display, "\n".join((name, display, url)).lower(), ACCOUNT, site_id),
                )
            self.apps = {
                str(row[0]): set(json.loads(row[1]))
                for row in conn.execute(
                    "SELECT id, app_ids FROM sites WHERE account_id = ?", (ACCOUNT,)
                )
            }
        self.http = client(self.sandbox)
        self.sites = all_sites(self.http, {"filter": {"namespace": {"$exists": True}}}, 1000)
        assert len(self.sites) == SITES


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    world = World()
    yield world
    world.http.close()
    world.sandbox.close()


# -- the model -----------------------------------------------------------------------------------


def _search(site: Site, text: str) -> bool:
    return any(text.lower() in site[key].lower() for key in ("name", "displayName", "viewUrl"))


def _folder(value: Any) -> str:
    return "" if value in (None, "", "root") else str(value).lower()


def field_value(world: World, site: Site, name: str) -> Any:
    if name == "id":
        return site["id"]
    if name == "folderId":
        return site.get("folderId", "")
    if name == "state":
        return "TRASHED" if "trashedDate" in site else "ACTIVE"
    if name == "appIds":
        return world.apps[site["id"]]
    return site[name]


def op_model(world: World, name: str, op: str, operand: Any) -> Model:
    if name in ("name", "searchPhrase"):
        if op == "$eq":
            return lambda s: _search(s, operand)
        if op == "$startsWith":
            return lambda s: any(
                s[k].lower().startswith(operand.lower()) for k in ("name", "displayName")
            )
        if op == "$in":
            return lambda s: any(_search(s, item) for item in operand)
    if name == "appIds":
        if op == "$eq":
            return lambda s: operand in world.apps[s["id"]]
        if op == "$hasSome":
            return lambda s: bool(world.apps[s["id"]] & set(operand))
        if op == "$hasAll":
            return lambda s: world.apps[s["id"]] >= set(operand)
        if op == "$exists":
            return lambda s: bool(world.apps[s["id"]]) == operand
    if op == "$exists":
        present: Model = (lambda s: "folderId" in s) if name == "folderId" else (lambda s: True)
        return lambda s: present(s) == operand
    if op in ("$ne", "$nin"):
        positive = op_model(world, name, {"$ne": "$eq", "$nin": "$in"}[op], operand)
        return lambda s: not positive(s)

    def norm(value: Any) -> Any:
        if name == "folderId":
            return _folder(value)
        return value.lower() if name == "id" else value

    if op == "$eq":
        return lambda s: field_value(world, s, name) == norm(operand)
    if op == "$in":
        return lambda s: field_value(world, s, name) in [norm(item) for item in operand]
    if op == "$startsWith":
        return lambda s: field_value(world, s, name).lower().startswith(operand.lower())
    compare: Callable[[Any, Any], bool] = {
        "$gt": operator.gt,
        "$gte": operator.ge,
        "$lt": operator.lt,
        "$lte": operator.le,
    }[op]
    return lambda s: compare(field_value(world, s, name), norm(operand))


def _all(models: list[Model], site: Any) -> bool:
    return all(m(site) for m in models)


def _any(models: list[Model], site: Any) -> bool:
    return any(m(site) for m in models)


def _not(inner: Model, site: Any) -> bool:
    return not inner(site)


def model(world: World, node: Any, count: bool = False) -> Model:
    parts: list[Model] = []
    for key, value in node.items():
        if key == "$and":
            subs = [model(world, item, count) for item in value]
            parts.append(functools.partial(_all, subs))
        elif key == "$or":
            subs = [model(world, item, count) for item in value]
            parts.append(functools.partial(_any, subs))
        elif key == "$not":
            parts.append(functools.partial(_not, model(world, value, count)))
        elif key in FIELDS and not (count and key in ("premium", "appIds")):
            parts.append(condition_model(world, key, value))
    return lambda s: all(part(s) for part in parts)


def condition_model(world: World, name: str, value: Any) -> Model:
    if not isinstance(value, dict):
        return op_model(world, name, "$eq", value)
    parts: list[Model] = []
    for op, operand in value.items():
        if op == "$not":
            parts.append(functools.partial(_not, condition_model(world, name, operand)))
        else:
            parts.append(op_model(world, name, op, operand))
    return lambda s: all(part(s) for part in parts)


# -- the filters ---------------------------------------------------------------------------------

STRING_OPS = ["$eq", "$ne", "$in", "$nin", "$startsWith", "$gt", "$gte", "$lt", "$lte", "$exists"]
FIELDS: dict[str, list[str]] = {
    "id": STRING_OPS,
    "editorType": STRING_OPS,
    "namespace": STRING_OPS,
    "displayName": STRING_OPS,
    "name": ["$eq", "$ne", "$in", "$nin", "$startsWith", "$exists"],
    "searchPhrase": ["$eq", "$ne", "$startsWith"],
    "folderId": ["$eq", "$ne", "$in", "$nin", "$exists"],
    "state": ["$eq", "$ne", "$in", "$nin", "$exists"],
    "premium": ["$eq", "$ne", "$in", "$nin", "$exists"],
    "published": ["$eq", "$ne", "$exists"],
    "domainConnected": ["$eq", "$ne", "$in", "$exists"],
    "appIds": ["$eq", "$hasSome", "$hasAll", "$exists"],
}


@st.composite
def leaves(draw: st.DrawFn, world: World) -> dict[str, Any]:
    name = draw(st.sampled_from(sorted(FIELDS)))
    op = draw(st.sampled_from(FIELDS[name]))
    site = draw(st.sampled_from(world.sites))
    text = st.text(alphabet="aäbeEiİsSßzZ-\n 0", max_size=3)
    if name in ("premium", "published", "domainConnected"):
        one: st.SearchStrategy[Any] = st.booleans()
    elif name == "state":
        one = st.sampled_from(["ACTIVE", "TRASHED"])
    elif name == "folderId":
        folders = sorted({s.get("folderId", "") for s in world.sites})
        one = st.sampled_from([*folders, "root", None, folders[-1].upper()])
    elif name == "appIds":
        one = st.sampled_from(APP_IDS[:4])
    elif name in ("name", "searchPhrase"):
        pieces = [site["name"], site["displayName"], site["viewUrl"]]
        one = st.one_of(
            text,
            st.sampled_from(pieces).flatmap(
                lambda p: st.tuples(st.integers(0, len(p)), st.integers(0, 9)).map(
                    lambda ij: p[ij[0] : ij[0] + ij[1]].swapcase()
                )
            ),
            st.just(f"{site['name'][-3:]}\n{site['displayName'][:3]}"),
        )
    else:
        value = field_value(world, site, name)
        one = st.one_of(st.just(value), st.just(value[:4].lower()), text)
    if op == "$exists":
        return {name: {"$exists": draw(st.booleans())}}
    if op in ("$in", "$nin", "$hasSome", "$hasAll"):
        operand: Any = draw(st.lists(one, max_size=3))
    else:
        operand = draw(one)
    if op == "$eq" and draw(st.booleans()):
        return {name: operand}
    if draw(st.integers(0, 9)) == 0:
        return {name: {"$not": {op: operand}}}
    return {name: {op: operand}}


def filters(world: World) -> st.SearchStrategy[dict[str, Any]]:
    return st.recursive(
        leaves(world) | st.just({"createdDate": {"$gt": "x"}}),
        lambda inner: st.one_of(
            st.lists(inner, min_size=1, max_size=3).map(lambda items: {"$and": items}),
            st.lists(inner, min_size=1, max_size=3).map(lambda items: {"$or": items}),
            inner.map(lambda item: {"$not": item}),
            st.tuples(inner, inner).map(lambda pair: {**pair[0], **pair[1]}),
        ),
        max_leaves=5,
    )


def _names_namespace(node: Any) -> bool:
    return "namespace" in json.dumps(node)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_sql_translation_agrees_with_the_model(world: World, data: st.DataObject) -> None:
    filter_ = data.draw(filters(world))
    keep = model(world, filter_)
    wix_only = not _names_namespace(filter_)
    expected = {
        s["id"] for s in world.sites if keep(s) and (not wix_only or s["namespace"] == "WIX")
    }
    response = world.http.post(
        "/site-list/v2/sites/query",
        json={"query": {"filter": filter_, "cursorPaging": {"limit": 1000}}},
    )
    assert response.status_code == 200, response.text
    assert {s["id"] for s in response.json()["sites"]} == expected
    counted = model(world, filter_, count=True)
    expected_count = sum(
        1 for s in world.sites if counted(s) and (not wix_only or s["namespace"] == "WIX")
    )
    response = world.http.post(COUNT_SITES, json={"filter": filter_})
    assert response.status_code == 200, response.text
    assert response.json() == {"count": expected_count}


def test_model_sees_the_odd_names(world: World) -> None:
    shown = {s["displayName"] for s in world.sites}
    assert set(ODD_NAMES) <= shown
    assert isinstance(world.http, httpx.Client)
    assert isinstance(world.sandbox, Sandbox)


def test_search_does_not_match_across_fields(world: World) -> None:
    site = world.sites[0]
    across = f"{site['name'][-3:]}\n{site['displayName'][:3]}"  # end of name, start of displayName
    for filter_ in (
        {"name": across},
        {"searchPhrase": {"$in": [across]}},
        {"name": {"$ne": across}},
    ):
        body = {
            "query": {
                "filter": {**filter_, "namespace": {"$exists": True}},
                "cursorPaging": {"limit": 1000},
            }
        }
        found = {
            s["id"] for s in world.http.post("/site-list/v2/sites/query", json=body).json()["sites"]
        }
        assert (site["id"] in found) == ("$ne" in json.dumps(filter_)), filter_
