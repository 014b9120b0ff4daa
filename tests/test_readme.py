"""The README stays true: its Python example runs as written against a real sandbox process, and
its first lines are the two set-up commands that .ci/run executes."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
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
                for s in http.post(  # sites not in the trash: a trashed site cannot move
                    "/site-list/v2/sites/query", json={"query": {"filter": {"state": "ACTIVE"}}}
                ).json()["sites"][:12]
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


def test_the_five_webhook_commands_run_as_written(tmp_path: Path) -> None:
    """ "Build a webhook handler in five commands", each run as written (the port a free one,
    the files in a scratch directory): the handler verifies the event that `trigger` caused."""
    block = re.search(r"five commands.*?```sh\n(.*?)```", README, re.S)
    assert block is not None
    install, public_key, handler, listen, trigger = [
        line.split("#")[0].strip() for line in block.group(1).splitlines()
    ]
    assert install.startswith("pip install '.[")
    assert "webhooks" in install
    assert handler.endswith("&")
    assert listen.endswith("&")
    port = _free_port()
    handler, listen = (c[:-1].replace("3000", str(port)) for c in (handler, listen))
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    env.update(
        PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
        PYTHONPATH=os.pathsep.join([str(ROOT / "generated"), str(ROOT)]),  # examples/
        WIXSITES_SANDBOX_DB=str(tmp_path / "sandbox.db"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        NO_COLOR="1",
    )

    def shell(command: str, out: Path) -> subprocess.Popen[bytes]:
        with out.open("wb") as sink:
            return subprocess.Popen(
                ["bash", "-c", command], cwd=tmp_path, env=env, stdout=sink,
                stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip

    def wait_for(what: str, path: Path) -> str:
        deadline = time.monotonic() + 30
        while what not in (text := path.read_text(errors="replace")):
            assert time.monotonic() < deadline, (what, text)
            time.sleep(0.02)
        return text

    def run(command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
            timeout=60, check=False,
        )  # fmt: skip

    made = run(public_key)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "wix-public.pem").read_text().startswith("-----BEGIN PUBLIC KEY-----")
    servers = [shell(handler, tmp_path / "handler.log"), shell(listen, tmp_path / "listen.log")]
    try:
        wait_for("Uvicorn running", tmp_path / "handler.log")
        wait_for("Ctrl-C to stop", tmp_path / "listen.log")
        caused = run(trigger)
        assert caused.returncode == 0, caused.stderr
        site = re.search(r"site\.created \S+ \(entity (\S+)\)", caused.stdout)
        assert site is not None, caused.stdout
        handled = wait_for(f"wix.sites.v1.site_created {site[1]}", tmp_path / "handler.log")
        forwarded = wait_for("-> 200", tmp_path / "listen.log")
    finally:
        for server in servers:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(server.pid, signal.SIGINT)
            server.wait(30)
    assert 'POST /webhooks HTTP/1.1" 200' in handled
    assert f"site.created    site {site[1]}" in forwarded


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
