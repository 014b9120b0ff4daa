"""The sandbox as a service several accounts and apps share: each attack of issue 11 as a test.

Every test here failed on the code before the fix (described in each docstring). Loops are bounded
and all traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.sandbox_fixtures import (
    ACCOUNT,
    COUNT_SITES,
    QUERY_FOLDERS,
    QUERY_SITES,
    client,
    create_folder,
    error_code,
    make_sandbox,
)
from wixsandbox import Sandbox


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with make_sandbox() as sandbox:
        sandbox.seed(ACCOUNT, sites=30, folders=3, seed=1)
        yield sandbox


@pytest.fixture
def http(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client(sandbox) as http:
        yield http


def _guids(count: int) -> list[str]:
    return [str(uuid.UUID(int=i + 1)) for i in range(count)]


# -- 3. big filters are answered, never a 5xx ---------------------------------------------------


def _sites_filter(name: str) -> dict[str, Any]:
    """Filters of near 1,000 items that SQLite used to refuse ("Expression tree is too large")."""
    filters: dict[str, dict[str, Any]] = {
        "name $in": {"name": {"$in": [f"nomatch-{i}" for i in range(996)] + ["a"]}},
        "$or": {"$or": [{"name": f"nomatch-{i}"} for i in range(996)] + [{"name": "a"}]},
        "$and": {"$and": [{"name": {"$ne": f"nomatch-{i}"}} for i in range(997)]},
        "folderId $in": {"folderId": {"$in": [*_guids(999), "root"]}},
        "state $in": {"state": {"$in": ["ACTIVE", "TRASHED"] * 499}},
    }
    return filters[name]


@pytest.mark.parametrize("name", ["name $in", "$or", "$and", "folderId $in", "state $in"])
def test_a_big_site_filter_is_answered(http: httpx.Client, name: str) -> None:
    """Before: 503 + Retry-After for each of these (SQLite's expression depth limit of 1000)."""
    query = http.post(QUERY_SITES, json={"query": {"filter": _sites_filter(name)}})
    assert query.status_code == 200, query.text
    count = http.post(COUNT_SITES, json={"filter": _sites_filter(name)})
    assert count.status_code == 200, count.text
    assert count.json()["count"] > 0


@pytest.mark.parametrize("field", ["parentId"])
def test_a_big_folder_filter_is_answered(http: httpx.Client, field: str) -> None:
    folder = create_folder(http, "Kept")
    wanted = [*_guids(998), folder["id"]]
    response = http.post(
        QUERY_FOLDERS, json={"query": {"filter": {"$or": [{field: {"$in": wanted}}]}}}
    )
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("filter_", "limit"),
    [
        ({"name": {"$in": [f"n{i}" for i in range(1001)]}}, "at most 1000 values"),
        ({"$or": [{"name": f"n{i}"} for i in range(2001)]}, "more than 2000 values"),
        ({"$or": [{"folderId": {"$in": _guids(600)}} for _ in range(4)]}, "more than 2000"),
    ],
)
def test_a_filter_over_the_limits_is_a_400_naming_the_limit(
    http: httpx.Client, filter_: dict[str, Any], limit: str
) -> None:
    response = http.post(COUNT_SITES, json={"filter": filter_})
    assert response.status_code == 400, response.text
    assert error_code(response) == "MALFORMED_FILTER"
    assert limit in response.json()["message"]


# -- 6. a Query Folders offset out of range is a 400 --------------------------------------------


def test_an_offset_out_of_range_is_a_400_not_clamped(http: httpx.Client) -> None:
    """Before: 200 with metadata.offset 4611686018427387904 (clamped to 2**62 and echoed)."""
    create_folder(http, "A")
    response = http.post(QUERY_FOLDERS, json={"query": {"paging": {"offset": 10**30}}})
    assert response.status_code == 400, response.text
    assert "2147483647" in response.text
    largest = http.post(QUERY_FOLDERS, json={"query": {"paging": {"offset": 2**31 - 1}}})
    assert largest.status_code == 200, largest.text
    assert largest.json()["metadata"] == {"count": 0, "offset": 2**31 - 1, "total": 4}
