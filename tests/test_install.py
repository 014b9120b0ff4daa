"""`pip install wixsites` as a user runs it: the wheel, installed into a fresh virtual environment
with its real dependencies from the package registries, queries a sandbox served on 127.0.0.1
(started from this environment), and is the SDK alone; then with the `cli` extra the command line
works and says which extra the embedded sandbox needs.

Slow (pip resolves and installs from the registries): not in the default run; `.ci/run` runs it
as its own step (`pytest -m install`).
"""

from __future__ import annotations

import json
import subprocess
import uuid
from pathlib import Path

import pytest

from tests.wheels import build_wheel, fresh_environment, outside_environment
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess

pytestmark = pytest.mark.install

# What `pip install wixsites` must not bring: the command line's and the server's stacks.
SERVER = {"starlette", "uvicorn", "httptools", "pyyaml", "jsonschema", "jsonschema-rs", "orjson"}
NOT_BARE = SERVER | {
    "click",
    "rich",
    "pygments",
    "keyring",
    "platformdirs",
    "cryptography",
    "pyjwt",
}
QUERY = """
from wixsites import WixSites
with WixSites.from_env() as wix:
    sites = list(wix.sites.query(sort="displayName", page_size=7))
    print(wix.sites.count(), len(sites), sorted(s.id for s in sites) == sorted({s.id for s in sites}))
"""


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        env={**outside_environment(), **env},
        timeout=600,
        check=False,
    )


def installed(bin_dir: Path) -> set[str]:
    listing = run([str(bin_dir / "python"), "-m", "pip", "list", "--format", "json"])
    assert listing.returncode == 0, listing.stderr
    return {p["name"].lower().replace("_", "-") for p in json.loads(listing.stdout)}


def test_the_bare_wheel_is_the_sdk_and_queries_a_served_sandbox(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    bin_dir = fresh_environment(tmp_path / "venv")
    pip = [
        str(bin_dir / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    result = run([*pip, str(wheel)])
    assert result.returncode == 0, result.stderr
    bare = installed(bin_dir)
    assert {"wixsites", "httpx", "attrs"} <= bare
    assert not bare & NOT_BARE, sorted(bare)

    account, key = str(uuid.uuid4()), "install-key"
    db = tmp_path / "sandbox.db"
    with Sandbox(db) as sandbox:
        sandbox.add_api_key(key, account)
        wix_sites = sandbox.seed(account, sites=25, folders=2, seed=7).wix_sites
    with SandboxProcess(db) as server:
        credentials = {"WIX_API_KEY": key, "WIX_ACCOUNT_ID": account, "WIX_BASE_URL": server.url}
        result = run([str(bin_dir / "python"), "-c", QUERY], **credentials)
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [str(wix_sites), str(wix_sites), "True"]

        # the console script is there, and says what the command line needs
        result = run([str(bin_dir / "wixsites"), "sites", "count"], **credentials)
        assert result.returncode == 1
        assert result.stderr.strip().endswith("is not installed: pip install 'wixsites[cli]'")

        result = run([*pip, f"wixsites[cli] @ {wheel.as_uri()}"])
        assert result.returncode == 0, result.stderr
        assert not installed(bin_dir) & SERVER
        result = run([str(bin_dir / "wixsites"), "sites", "count"], **credentials)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip() == str(wix_sites)

    result = run(
        [str(bin_dir / "wixsites"), "--sandbox", "sites", "count"],
        WIXSITES_SANDBOX_DB=str(tmp_path / "embedded.db"),
        WIXSITES_CONFIG_DIR=str(tmp_path / "config"),
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().startswith("error: the embedded sandbox needs the 'sandbox' extra")
    assert result.stderr.strip().endswith("pip install 'wixsites[sandbox]'")
