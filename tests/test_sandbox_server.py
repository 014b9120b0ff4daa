"""The sandbox over HTTP: `python -m wixsandbox serve`, the documented curl call, the CLI contract run."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.sandbox_fixtures import ACCOUNT, APP_SECRET, KEY, ROOT, make_sandbox, running_server
from wixsandbox import Sandbox
from wixsandbox.server import banner


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "served.db"
    with make_sandbox(path) as sandbox:
        sandbox.seed(ACCOUNT, sites=30, folders=3)
    return path


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_documented_curl_example(db: Path) -> None:
    with running_server(db) as url:
        # The request of seed 002, as documented (only the host, the key and the account differ).
        result = subprocess.run(
            [
                "curl",
                "-s",
                "-X",
                "POST",
                f"{url}/site-list/v2/sites/query",
                "-H",
                "Content-Type: application/json",
                "-H",
                "Accept: application/json, text/plain, */*",
                "-H",
                f"Authorization: {KEY}",
                "-H",
                f"wix-account-id: {ACCOUNT}",
                "--data-raw",
                '{ "query": { "filter":{"editorType":"EDITOR"}, "sort":[{ "fieldName": "createdDate", '
                '"order": "ASC" }], "cursorPaging": {"limit": 2} }}',
                "-D",
                "-",
            ],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
    head, _, body = result.stdout.partition("\n\n")  # text mode turned CRLF into LF
    assert body, result.stdout
    assert head.startswith("HTTP/1.1 200")
    assert "x-wix-request-id" in head.lower()
    page = json.loads(body)
    assert set(page) == {"sites", "cursorPaging", "metadata"}
    assert len(page["sites"]) == 2
    assert all(site["editorType"] == "EDITOR" for site in page["sites"])
    assert page["sites"][0]["createdDate"] <= page["sites"][1]["createdDate"]
    assert page["metadata"]["count"] == 2
    assert page["metadata"]["hasNext"] is True
    assert page["metadata"]["cursors"]["next"] == page["cursorPaging"]["cursor"]


def test_banner_shows_credentials_but_no_secret() -> None:
    with make_sandbox() as sandbox:
        text = banner(sandbox, "127.0.0.1", 8787)
        credentials = sandbox.default_credentials()
    assert credentials.api_key in text
    assert credentials.account_id in text
    assert APP_SECRET not in text


def test_cli_seed_and_reset(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    from wixsandbox.cli import main

    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out):
        assert (
            main(
                [
                    "--db",
                    str(db),
                    "seed",
                    "--account-id",
                    ACCOUNT,
                    "--sites",
                    "12",
                    "--folders",
                    "2",
                ]
            )
            == 0
        )
    assert "12 sites" in out.getvalue()
    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM sites").fetchone()[0] == 12
    with contextlib.redirect_stdout(out):
        assert main(["--db", str(db), "reset"]) == 0
    with Sandbox(db) as sandbox, sandbox.store.read() as conn:
        assert conn.execute("SELECT COUNT(*) FROM sites").fetchone()[0] == 0


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_schemathesis_cli_against_a_served_sandbox(tmp_path: Path) -> None:
    # From a checkout without .venv, as tox, nox or an IDE run the tests: the script must use the
    # interpreter that runs them, and the schemathesis installed beside it.
    checkout = tmp_path / "checkout"
    for name in ("openapi.yaml", "schemathesis.toml", "tests/__init__.py"):
        (checkout / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "tests" / "contract", checkout / "tests" / "contract")
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "SCHEMATHESIS"}}
    result = subprocess.run(
        [str(checkout / "tests" / "contract" / "run_schemathesis_cli.sh"), "5", "key"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
        env={**env, "PYTHON": sys.executable},
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]


def test_banner_shows_the_credentials_being_served_never_a_secret() -> None:
    from wixsandbox.server import banner
    from wixsandbox.service import Credentials

    with make_sandbox() as sandbox:
        sandbox.add_app("app-1", "the-app-secret")
        given = banner(sandbox, "127.0.0.1", 9000, credentials=Credentials("given-key", ACCOUNT))
        default = banner(sandbox, "127.0.0.1", 9000)
        assert "WIX_API_KEY=given-key" in given
        assert f"WIX_ACCOUNT_ID={ACCOUNT}" in given
        assert f"WIX_API_KEY={sandbox.default_credentials().api_key}" in default
        assert "the-app-secret" not in given + default
