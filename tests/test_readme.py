"""The README stays true: its Python example runs as written against a real sandbox process, and
its first lines are the two set-up commands that .ci/run executes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid
from pathlib import Path

import httpx

from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_starts_with_the_two_set_up_commands() -> None:
    first_block = README.split("```")[1].splitlines()
    assert first_block[0] == "sh"
    main_job, tests = first_block[1:3]
    assert (
        "pip install '.[cli,sandbox]'" in main_job
    )  # what the demo needs: `pip install .` is the SDK
    assert main_job.endswith("wixsites demo")
    assert "pip install -e '.[test]'" in tests
    assert "pytest" in tests


def test_the_python_example_runs_as_written(tmp_path: Path) -> None:
    example = re.search(r"```python\n(.*?)```", README, re.S)
    assert example is not None
    db = tmp_path / "readme.db"
    account = str(uuid.uuid4())
    with Sandbox(db) as sandbox:
        sandbox.add_api_key("readme-key", account)
        sandbox.seed(account, sites=30, folders=3, seed=3)
        with httpx.Client(
            transport=sandbox.transport(),
            base_url="http://sandbox",
            headers={"Authorization": "readme-key", "wix-account-id": account},
        ) as http:
            ids = [
                s["id"]
                for s in http.post("/site-list/v2/sites/query", json={}).json()["sites"][:12]
            ]
    (tmp_path / "unpaid.txt").write_text("\n".join([*ids, "not-a-site-id"]) + "\n")
    with SandboxProcess(db) as server:
        env = {
            **os.environ,
            "WIX_API_KEY": "readme-key",
            "WIX_ACCOUNT_ID": account,
            "WIX_BASE_URL": server.url,
        }
        result = subprocess.run(
            [sys.executable, "-c", example.group(1)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert "12 moved in 1 requests" in result.stdout
    assert "not moved: not-a-site-id" in result.stdout
    assert "Stages 0" in result.stdout
    assert "  Suspended 12" in result.stdout
    assert "NOT_FOUND: folder 283f4660-8f6f-462b-94a1-160a57338032 not found" in result.stdout


def test_the_curl_example_runs_against_a_served_sandbox(tmp_path: Path) -> None:
    block = re.search(r"```sh\n(wixsites sandbox serve &.*?)```", README, re.S)
    assert block is not None
    _serve, export, *curl = block.group(1).splitlines()
    assert export.startswith("export WIX_BASE_URL=")
    db = tmp_path / "curl.db"
    account = str(uuid.uuid4())
    with Sandbox(db) as sandbox:
        sandbox.add_api_key("curl-key", account)
        sandbox.seed(account, sites=12, seed=4)
    with SandboxProcess(db) as server:
        env = {**os.environ, "WIX_BASE_URL": server.url, "WIX_API_KEY": "curl-key"}
        env["WIX_ACCOUNT_ID"] = account
        result = subprocess.run(
            ["bash", "-c", "\n".join(curl)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    page = json.loads(result.stdout)
    assert 1 <= len(page["sites"]) <= 2
    assert all(site["editorType"] == "EDITOR" for site in page["sites"])
    assert page["metadata"]["count"] == len(page["sites"])
