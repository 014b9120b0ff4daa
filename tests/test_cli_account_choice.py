"""Which account a command acts on: nothing implicit. The embedded sandbox only when asked for;
no credentials at all is exit status 4 naming the ways out."""

from __future__ import annotations

import json
import sysconfig
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.cli_env import no_account_chosen
from wixsites.cli import cli
from wixsites.cli.demo import next_steps
from wixsites.cli.exitcodes import AUTH

SITE = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"


@pytest.fixture
def bare(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No credentials, no profile, no sandbox asked for: a cron job that lost its environment."""
    monkeypatch.setenv("WIXSITES_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    no_account_chosen(monkeypatch)
    return tmp_path / "sandbox.db"


def run(*args: str, code: int = 0, input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result


@pytest.mark.parametrize(
    "args",
    [
        ("sites", "count"),
        ("folders", "tree"),
        ("sites", "trash", "--yes", SITE),
        ("workflow", "purge", "--yes"),
        ("api", "POST", "/site-list/v2/sites/count"),
    ],
)
def test_no_credentials_is_exit_4_naming_the_three_ways_out(
    bare: Path, args: tuple[str, ...]
) -> None:
    result = run(*args, code=AUTH)
    assert AUTH == 4
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for way_out in ("wixsites auth login", "WIX_API_KEY", "WIX_ACCOUNT_ID", "--sandbox"):
        assert way_out in errors[0]
    assert result.stdout == ""
    assert not bare.exists()  # the sandbox was not even created


def test_a_base_url_alone_is_no_credentials_either(bare: Path) -> None:
    result = run("--base-url", "http://127.0.0.1:9", "sites", "count", code=AUTH)
    assert "no credentials for http://127.0.0.1:9 (--base-url)" in result.stderr
    assert "WIX_API_KEY" in result.stderr


@pytest.mark.parametrize(
    ("how", "env", "chooser"),
    [
        (("--sandbox",), {}, "--sandbox"),
        (("sites", "count", "--sandbox"), {}, "--sandbox"),  # after the command too
        ((), {"WIXSITES_SANDBOX": "1"}, "WIXSITES_SANDBOX"),
    ],
)
def test_the_sandbox_when_asked_for_says_who_asked(
    bare: Path,
    monkeypatch: pytest.MonkeyPatch,
    how: tuple[str, ...],
    env: dict[str, str],
    chooser: str,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    args = how if "sites" in how else (*how, "sites", "count")
    result = run(*args, "--json")
    assert json.loads(result.stdout)["count"] > 0
    assert f"Using the embedded sandbox ({bare}; chosen by {chooser})" in result.stderr


def test_wixsites_sandbox_0_is_no_sandbox(bare: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIXSITES_SANDBOX", "0")
    run("sites", "count", code=AUTH)


def test_a_profile_stored_with_sandbox_chooses_the_sandbox(bare: Path) -> None:
    stored = run("auth", "login", "--profile", "play", "--sandbox")
    assert "embedded sandbox" in stored.stderr
    assert "chosen by profile 'play'" in run("--profile", "play", "sites", "count").stderr
    status = json.loads(run("--profile", "play", "auth", "status", "--json").stdout)
    assert status == [
        {
            "profile": "play",
            "active": True,
            "accountId": "",
            "baseUrl": "embedded sandbox",
            "keyStored": "no key: the embedded sandbox",
        }
    ]
    # as the default profile it is used with no flag at all
    run("auth", "login", "--sandbox")
    assert "chosen by profile 'default'" in run("sites", "count").stderr
    run("auth", "logout")
    run("sites", "count", code=AUTH)
    refused = run("auth", "login", "--sandbox", "--account-id", SITE, code=2)
    assert "takes no --account-id" in refused.stderr


def test_demo_and_the_sandbox_commands_need_no_flag(bare: Path) -> None:
    run("demo", "--sites", "20")
    seeded = json.loads(run("sandbox", "seed", "--sites", "3", "--json").stdout)
    assert seeded["db"] == str(bare)
    run("sandbox", "reset", "--yes")


def test_the_demo_ends_with_commands_that_work_where_wixsites_is_not_on_path(
    bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = Path(sysconfig.get_path("scripts")) / "wixsites"
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    monkeypatch.chdir(bare.parent)  # elsewhere than the virtual environment: its full path
    hint = run("demo", "--sites", "20").stderr
    assert next_steps() in hint
    assert f"{script} --sandbox sites list" in hint
    assert "auth login" in hint
    assert "is not on your PATH" in hint
    assert f"source {script.parent / 'activate'}" in hint
    monkeypatch.setenv("PATH", f"{script.parent}:/usr/bin:/bin")
    on_path = next_steps()
    assert "  wixsites --sandbox sites list" in on_path
    assert "PATH" not in on_path
