"""`GET /` on the sandbox says what it is and links the spec; `GET /openapi.yaml` serves it."""

from __future__ import annotations

from pathlib import Path

import httpx
import yaml

from tests.sandbox_fixtures import ROOT, running_server
from wixsandbox import Sandbox


def test_home_says_what_it_is_and_links_the_spec_over_http(tmp_path: Path) -> None:
    Sandbox(tmp_path / "home.db").close()
    with running_server(tmp_path / "home.db") as url:
        page = httpx.get(f"{url}/", headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert '<a href="/openapi.yaml">' in page.text
        assert "not Wix" in page.text
        about = httpx.get(f"{url}/").json()
        assert about["openapi"] == "/openapi.yaml"
        assert "wixsandbox" in about["about"]
        for api in ("Site List", "Site Folders", "Site Actions", "Publish Site", "B2B Site"):
            assert api in about["about"]  # every API of the spec it serves
        spec = httpx.get(f"{url}{about['openapi']}")
        assert spec.status_code == 200
        assert spec.text == (ROOT / "openapi.yaml").read_text(encoding="utf-8")
        assert yaml.safe_load(spec.text)["openapi"].startswith("3.1")
        for path, allow in (
            ("/", "GET, HEAD"),
            ("/openapi.yaml", "GET, HEAD"),
            ("/site-list/v2/sites/query", "POST"),
            ("/site-folders/v2/folders/5a8a82cc-0246-4ed9-ba15-cd4653e8267a", "DELETE, PATCH"),
        ):
            options = httpx.options(f"{url}{path}")
            assert (options.status_code, options.headers.get("allow")) == (405, allow), path


def test_other_methods_on_home_are_a_405_naming_the_allowed_ones() -> None:
    """Before: OPTIONS (or POST) on / and /openapi.yaml was a 404, as if nothing were served."""
    with (
        Sandbox() as sandbox,
        httpx.Client(transport=sandbox.transport(), base_url="http://sandbox.test") as http,
    ):
        for method in ("OPTIONS", "POST", "DELETE"):
            for path in ("/", "/openapi.yaml"):
                response = http.request(method, path)
                assert response.status_code == 405, (method, path)
                assert response.headers["allow"] == "GET, HEAD"
                error = response.json()["details"]["applicationError"]
                assert error["code"] == "METHOD_NOT_ALLOWED"
                assert error["data"] == {"allowed": ["GET", "HEAD"]}
        assert http.get("/openapi.json").status_code == 404  # not served: not found
