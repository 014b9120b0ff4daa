"""`wixsites auth login/status/logout` and `--profile`: keys in a keyring, or a 0600 file, never printed.

The keyring tests use keyrings.alt's file backend (a real keyring backend; CI has no OS keyring),
the fallback tests keyring's own "fail" backend, which is what a headless machine has.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import stat
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import click
import httpx
import keyring
import pytest
from click.testing import CliRunner, Result
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring

from tests.cli_env import no_account_chosen
from wixsandbox import Sandbox
from wixsandbox.process import SandboxProcess, free_port
from wixsites.cli import cli
from wixsites.cli.exitcodes import AUTH

KEY = "profile-test-key-3f9a1c"
ACCOUNT = str(uuid.UUID(int=0x5151, version=4))


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("profiles") / "sandbox.db"
    with Sandbox(db) as sandbox:
        sandbox.add_api_key(KEY, ACCOUNT)
        sandbox.seed(ACCOUNT, sites=7, seed=5)
    with SandboxProcess(db) as process:
        yield process.url


def count_sites(server: str) -> int:
    """Count Sites as the served sandbox answers it with the real credentials, for the sites
    `wixsites sites count` counts (not in the trash, of every namespace)."""
    flt = {"state": "ACTIVE", "namespace": {"$exists": True}}
    with httpx.Client(
        base_url=server, headers={"Authorization": KEY, "wix-account-id": ACCOUNT}
    ) as http:
        return int(http.post("/site-list/v2/sites/count", json={"filter": flt}).json()["count"])


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WIXSITES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "embedded.db"))
    no_account_chosen(monkeypatch)
    return tmp_path / "config"


def _use(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(before)


class _StandInKeyring(PlaintextKeyring):  # type: ignore[misc]
    """keyrings.alt's file backend, ranked as an OS keyring is (CI has none)."""

    priority = 5


@pytest.fixture
def file_keyring(tmp_path: Path) -> Iterator[KeyringBackend]:
    backend = _StandInKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    yield from _use(backend)


@pytest.fixture
def no_keyring() -> Iterator[KeyringBackend]:
    yield from _use(fail.Keyring())  # type: ignore[no-untyped-call]


def run(*args: str, input: str | None = None, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert KEY not in result.output
    return result


def login(server: str, *extra: str, key: str = KEY, code: int = 0) -> Result:
    return run(
        "auth", "login", "--account-id", ACCOUNT, "--base-url", server, "--with-key", *extra,
        input=key + "\n", code=code,
    )  # fmt: skip


def test_login_stores_the_key_in_the_keyring_and_commands_use_the_profile(
    server: str, config: Path, file_keyring: KeyringBackend
) -> None:
    result = login(server, "--profile", "client-x")
    assert "The key works" in result.stderr
    assert "in the system keyring" in result.stderr
    assert file_keyring.get_password("wixsites", "client-x") == KEY
    assert KEY not in (config / "profiles.json").read_text()
    counted = json.loads(run("--profile", "client-x", "sites", "count", "--json").stdout)
    assert counted == {"count": count_sites(server)}
    logged = run("--profile", "client-x", "-v", "sites", "count").stderr
    assert f"API key ****{KEY[-4:]}, {server}" in logged  # the profile's address, not Wix's
    status = json.loads(run("--profile", "client-x", "auth", "status", "--json").stdout)
    assert status == [
        {
            "profile": "client-x",
            "active": True,
            "accountId": ACCOUNT,
            "baseUrl": server,
            "keyStored": "in the system keyring",
        }
    ]
    run("auth", "logout", "--profile", "client-x")
    assert file_keyring.get_password("wixsites", "client-x") is None
    result = run("--profile", "client-x", "sites", "count", code=2)
    assert "no profile 'client-x'" in result.stderr


def test_without_a_keyring_the_key_goes_to_a_file_only_its_owner_reads(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    result = login(server)
    path = config / "profiles.json"
    assert f"in {path} (mode 0600)" in result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert json.loads(path.read_text())["profiles"]["default"]["apiKey"] == KEY
    # "default" is used when no credentials are given, instead of the embedded sandbox
    counted = run("sites", "count", "--json")
    assert json.loads(counted.stdout) == {"count": count_sites(server)}
    assert "embedded sandbox" not in counted.stderr
    # explicit credentials still win over the default profile
    assert "embedded sandbox" in run("--sandbox", "sites", "count").stderr


def test_a_key_the_server_refuses_is_not_stored(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    result = login(server, key="not-the-key", code=AUTH)
    assert "not-the-key" not in result.output
    # about the key given to login, not about an environment variable it never read
    assert "WIX_API_KEY" not in result.stderr
    assert "check the API key read from standard input" in result.stderr
    assert "nothing was stored" in result.stderr
    assert not (config / "profiles.json").exists()


def test_a_profile_and_explicit_credentials_together_are_a_usage_error(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    login(server, "--profile", "p")
    result = run("--profile", "p", "--account-id", ACCOUNT, "sites", "count", code=2)
    assert "use one or the other" in result.stderr


def test_login_with_no_terminal_and_no_with_key_says_how(config: Path) -> None:
    result = run("auth", "login", "--account-id", ACCOUNT, code=2)
    assert "--with-key" in result.stderr
    assert "ps" in result.stderr


def test_logout_of_an_unknown_profile_and_status_with_none(config: Path) -> None:
    assert "no profile 'nobody'" in run("auth", "logout", "--profile", "nobody", code=2).stderr
    nothing = run("auth", "status", code=4)  # as any command: no credentials at all
    assert "No profiles" in nothing.stderr
    assert "wixsites auth login" in nothing.stderr
    assert json.loads(run("auth", "status", "--json", code=4).stdout) == []


def test_status_masks_a_password_in_the_stored_address_and_names_are_checked(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    with_password = server.replace("http://", "http://agency:hunter2@")
    login(with_password, "--profile", "proxied")
    # no profile "default": status lists the profiles, and says none is in use (exit status 4)
    listed = run("auth", "status", "--json", code=4)
    assert "--profile NAME (stored: proxied)" in listed.stderr
    shown = json.loads(listed.stdout)[0]["baseUrl"]
    assert shown == server.replace("http://", "http://agency:***@")
    assert "hunter2" not in run("auth", "status", code=4).output
    result = run("auth", "login", "--profile", "../x", "--with-key", input=KEY, code=2)
    assert "a profile name is 1 to 64 letters" in result.stderr


def test_a_plain_text_fallback_keyring_is_not_taken_for_the_system_keyring(
    server: str, config: Path, tmp_path: Path
) -> None:
    backend = PlaintextKeyring()  # what a dev install with keyrings.alt picks on a headless box
    backend.file_path = str(tmp_path / "plain" / "keyring_pass.cfg")
    for _ in _use(backend):
        result = login(server, "--profile", "dev")
        assert "system keyring" not in result.stderr
        assert f"in {config / 'profiles.json'} (mode 0600)" in result.stderr
        assert not (tmp_path / "plain").exists()


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[bytes]]]:
    """Another server on 127.0.0.1: records whatever reaches it, answers nothing, closes."""
    received: list[bytes] = []
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                with contextlib.suppress(OSError):
                    received.append(conn.recv(65536))

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}", received
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def test_a_profiles_key_goes_only_to_the_profiles_own_base_url(
    server: str,
    config: Path,
    no_keyring: KeyringBackend,
    monkeypatch: pytest.MonkeyPatch,
    elsewhere: tuple[str, list[bytes]],
) -> None:
    other, received = elsewhere
    login(server)  # the default profile, for the served sandbox
    monkeypatch.setenv("WIX_BASE_URL", other)
    refused = run("--max-retries", "0", "sites", "count", code=2)
    assert "profile 'default' holds a key for " + server in refused.stderr
    assert f"WIX_BASE_URL names {other}: unset WIX_BASE_URL" in refused.stderr
    monkeypatch.delenv("WIX_BASE_URL")
    flagged = run("--base-url", other, "--max-retries", "0", "sites", "count", code=2)
    assert "leave out --base-url" in flagged.stderr
    assert received == []  # not one connection carried anything, let alone the key
    # the profile's own address, however it is spelled, is no contradiction
    same = run("--base-url", server + "/", "sites", "count", "--json")
    assert json.loads(same.stdout) == {"count": count_sites(server)}


def test_a_sandbox_profile_with_a_base_url_is_a_usage_error(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("auth", "login", "--sandbox")
    monkeypatch.setenv("WIX_BASE_URL", "http://127.0.0.1:9")
    result = run("sites", "count", code=2)
    assert "profile 'default' works on the embedded sandbox" in result.stderr


def test_auth_status_reports_credentials_from_the_environment(
    server: str, config: Path, no_keyring: KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    login(server, "--profile", "p")
    monkeypatch.setenv("WIX_API_KEY", KEY)
    monkeypatch.setenv("WIX_ACCOUNT_ID", ACCOUNT)
    monkeypatch.setenv("WIX_BASE_URL", server)
    rows = json.loads(run("auth", "status", "--json").stdout)
    assert rows == [
        {
            "profile": "p",
            "active": False,
            "accountId": ACCOUNT,
            "baseUrl": server,
            "keyStored": f"in {config / 'profiles.json'} (mode 0600)",
        },
        {
            "profile": "(environment)",
            "active": True,
            "accountId": ACCOUNT,
            "baseUrl": server,
            "keyStored": "in WIX_API_KEY",
        },
    ]
    table = run("auth", "status").stdout
    assert "(environment)" in table
    assert "in WIX_API_KEY" in table
    # a profile and the environment's key together: shown, and the contradiction said
    clash = run("--profile", "p", "auth", "status", code=2)
    assert "(environment)" in clash.stdout
    assert "use one or the other" in clash.stderr


def test_a_profile_without_its_own_base_url_is_shown_with_wixs(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    run(
        "auth", "login", "--account-id", ACCOUNT, "--with-key", "--no-verify", input=KEY + "\n"
    )  # fmt: skip
    [row] = json.loads(run("auth", "status", "--json").stdout)
    assert row["baseUrl"] == "https://www.wixapis.com"


def test_profile_is_accepted_after_the_subcommand(
    server: str, config: Path, no_keyring: KeyringBackend
) -> None:
    login(server, "--profile", "client-x")
    counted = run("sites", "count", "--profile", "client-x", "--json")
    assert json.loads(counted.stdout) == {"count": count_sites(server)}
    assert json.loads(run("sites", "count", "--profile=client-x", "--json").stdout)["count"]
    [row] = json.loads(run("auth", "status", "--profile", "client-x", "--json").stdout)
    assert row["active"] is True


# The API key is never an argument: not in `ps`, not in the shell history.


def a_site(server: str) -> str:
    with httpx.Client(
        base_url=server, headers={"Authorization": KEY, "wix-account-id": ACCOUNT}
    ) as http:
        return str(http.post("/site-list/v2/sites/query", json={}).json()["sites"][0]["id"])


@pytest.mark.parametrize(
    "args",
    [
        ("--api-key", KEY, "sites", "count"),
        ("sites", "count", "--api-key", KEY),
        ("sites", "count", f"--api-key={KEY}"),
    ],
)
def test_a_key_given_as_an_argument_is_refused_and_not_echoed(
    server: str, config: Path, args: tuple[str, ...]
) -> None:
    result = run("--base-url", server, "--account-id", ACCOUNT, *args, code=2)
    assert "--api-key is not accepted" in result.stderr
    assert "`ps`" in result.stderr
    assert "--api-key-file" in result.stderr  # and the `run` helper checks KEY is not shown


def test_the_key_from_a_file_or_standard_input(server: str, config: Path, tmp_path: Path) -> None:
    where = ("--base-url", server, "--account-id", ACCOUNT)
    key_file = tmp_path / "key.txt"
    key_file.write_text(KEY + "\n# anything after the first line is ignored\n")
    counted = run(*where, "--api-key-file", str(key_file), "sites", "count", "--json")
    assert json.loads(counted.stdout) == {"count": count_sites(server)}
    piped = run(*where, "--api-key-file", "-", "sites", "count", "--json", input=KEY + "\n")
    assert json.loads(piped.stdout) == {"count": count_sites(server)}
    # the first line is the key; the rest of standard input is the command's
    site = a_site(server)
    dry = run(
        *where, "--api-key-file", "-", "sites", "move", "--to", "/", "--dry-run", "-", "--json",
        input=f"{KEY}\n{site}\n",
    )  # fmt: skip
    report = json.loads(dry.stdout)
    assert site in report["wouldMove"] + report["alreadyThere"]
    assert "--api-key-file: the first line of standard input holds no API key" in (
        run(*where, "--api-key-file", "-", "sites", "count", input="\n", code=2).stderr
    )
    # the key given by mistake instead of a path: not repeated in the error
    mistaken = run(*where, "--api-key-file", "IST.not-a-path-but-a-key", "sites", "count", code=2)
    assert "there is no file at the path given" in mistaken.stderr
    assert "IST.not-a-path-but-a-key" not in mistaken.stderr
    unreadable = run(*where, "--api-key-file", str(tmp_path), "sites", "count", code=2)
    assert f"--api-key-file {tmp_path}: cannot read it (Is a directory)" in unreadable.stderr
    status = json.loads(
        run(*where, "--api-key-file", str(key_file), "auth", "status", "--json").stdout
    )
    assert status[-1]["keyStored"] == "in --api-key-file"
    assert status[-1]["active"] is True


def _examples(command: click.Command, ctx: click.Context) -> Iterator[str]:
    yield from (line.strip() for line in command.get_help(ctx).splitlines())
    if isinstance(command, click.Group):  # listed as click lists them: the groups load lazily
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            assert sub is not None, name
            yield from _examples(sub, click.Context(sub, info_name=name, parent=ctx))


def test_no_help_text_shows_a_key_as_an_argument() -> None:
    lines = list(_examples(cli, click.Context(cli, info_name="wixsites")))
    assert len(lines) > 300  # every command's help was read
    commands = [line for line in lines if line.startswith("wixsites ")]
    assert commands
    for line in commands:
        assert not re.search(r"--api-key(?!-file)", line), line
        assert "WIX_API_KEY=" not in line or "WIX_API_KEY=..." in line, line


def test_sandbox_serve_does_not_echo_a_key_it_was_given(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    env.update(WIXSITES_SANDBOX_DB=str(tmp_path / "served.db"), WIXSITES_SANDBOX_API_KEY=KEY)
    process = subprocess.Popen(
        [sys.executable, "-m", "wixsites", "sandbox", "serve", "--port", str(free_port()),
         "--account-id", ACCOUNT],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        banner = [process.stdout.readline() for _ in range(2)]
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert banner[0].startswith("Wix sandbox on http://127.0.0.1:")
    assert f"WIX_ACCOUNT_ID={ACCOUNT}" in banner[1]
    assert "the key you gave (not shown)" in banner[1]
    assert KEY not in "".join(banner)
