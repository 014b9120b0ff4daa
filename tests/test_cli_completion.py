"""`wixsites completion SHELL` prints a script the shell runs, and folder paths come from the account."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from wixsites.cli import cli

WIXSITES = [sys.executable, "-m", "wixsites"]


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash", "_WIXSITES_COMPLETE=bash_complete"),
        ("zsh", "#compdef wixsites"),
        ("fish", "complete --no-files --command wixsites"),
    ],
)
def test_completion_prints_the_script_of_each_shell(shell: str, marker: str) -> None:
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert marker in result.stdout


def test_an_unknown_shell_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["completion", "tcsh"])
    assert result.exit_code == 2
    assert "'tcsh' is not one of 'bash', 'zsh', 'fish'" in result.stderr


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_PROFILE"))}
    env["WIXSITES_SANDBOX_DB"] = str(tmp_path / "sandbox.db")
    env["WIXSITES_SANDBOX"] = "1"  # completion asks the account the command would use
    return env


def test_bash_completes_folder_paths_from_the_account(tmp_path: Path) -> None:
    env = _env(tmp_path)
    runner = CliRunner(env={"WIXSITES_SANDBOX_DB": env["WIXSITES_SANDBOX_DB"]})
    for path in ("Clients/Acme", "Clients/Beta", "Design Studio"):
        assert runner.invoke(cli, ["--sandbox", "folders", "create", path]).exit_code == 0
    script = runner.invoke(cli, ["completion", "bash"]).stdout
    # What bash does on <TAB>: the function the script defines fills COMPREPLY.
    driver = (
        script.replace("$1", " ".join(WIXSITES))
        + '\nCOMP_WORDS=(wixsites folders delete "$PREFIX"); COMP_CWORD=3\n'
        + "_wixsites_completion wixsites\n"
        + 'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    for prefix, expected in [
        ("", ["Clients", "Clients/Acme", "Clients/Beta", "Design Studio"]),
        ("clients/a", ["Clients/Acme"]),
        ("Nowhere", []),
    ]:
        result = subprocess.run(
            ["bash", "-c", driver],
            env={**env, "PREFIX": prefix},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert [line for line in result.stdout.splitlines() if line] == expected, result.stdout
        assert result.stderr == ""  # nothing may land on the user's prompt


def test_completion_without_a_reachable_account_offers_nothing_and_says_nothing(
    tmp_path: Path,
) -> None:
    env = {
        **_env(tmp_path),
        "WIXSITES_SANDBOX": "0",
        "WIX_API_KEY": "k",
        "WIX_ACCOUNT_ID": "11111111-1111-4111-8111-111111111111",
        "WIX_BASE_URL": "http://127.0.0.1:9",  # nothing listens on the discard port
        "_WIXSITES_COMPLETE": "bash_complete",
        "COMP_WORDS": "wixsites sites move --to ",
        "COMP_CWORD": "4",
    }
    result = subprocess.run(
        WIXSITES, env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == ""
    assert result.stderr == ""


def test_stage_and_folder_options_of_the_workflow_and_lifecycle_complete(tmp_path: Path) -> None:
    env = {"WIXSITES_SANDBOX_DB": str(tmp_path / "sandbox.db"), "WIXSITES_SANDBOX": "1"}
    runner = CliRunner(env=env)
    for path in ("Design", "QA", "Clients/Acme"):
        assert runner.invoke(cli, ["--sandbox", "folders", "create", path]).exit_code == 0
    for words, expected in [
        ("wixsites workflow advance --to ", ["Clients", "Design", "QA"]),
        ("wixsites workflow suspend --stage Q", ["QA"]),
        ("wixsites workflow purge --stage ", ["Clients", "Design", "QA"]),
        ("wixsites workflow onboard --stage D", ["Design"]),
        ("wixsites workflow rename-stage ", ["Clients", "Design", "QA"]),
        ("wixsites sites duplicate X --to Clients/", ["Clients/Acme"]),
    ]:
        completing = {
            **env,
            "_WIXSITES_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
        result = CliRunner(env=completing).invoke(cli, [], prog_name="wixsites")
        offered = [line.partition(",")[2] for line in result.stdout.splitlines()]
        assert offered == expected, (words, result.stdout)
