"""Completion quotes names: ``wixsites sites count --folder Ze<TAB>`` gives a command that works, in
real bash, zsh and fish on a pseudo-terminal, for names holding spaces, quotes and non-ASCII
letters. One bash case runs by default; every shell and name with ``pytest -m shells`` (CI runs it
as its own step, after installing the shells)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from click.testing import CliRunner

from tests.shells import Shells
from wixsites.cli import cli

# each folder holds as many sites as its number: the count says which one the command named
NAMES = {
    "Zeta Team": 1,  # a space
    'O\'Brien "Q" Studio': 2,  # both quotes
    "Café Ünïcode": 3,  # letters beyond ASCII
    'Décor, "Jo\'s" \\ Co': 4,  # all of them, a comma and a backslash
}


def sandbox_cli(*args: str) -> str:
    result = CliRunner().invoke(cli, ["--sandbox", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def shells(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shells]:
    home = tmp_path_factory.mktemp("shells")
    db = str(home / "sandbox.db")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIXSITES_SANDBOX_DB", db)
        # sites that are not in the trash: a trashed site moves into no folder
        ids = sandbox_cli("sites", "list", "--where", "state=ACTIVE", "--format", "ids").split()
        start = 0
        for name, count in NAMES.items():
            sandbox_cli("folders", "create", name)
            sandbox_cli("sites", "move", "--to", name, "--yes", *ids[start : start + count])
            start += count
        env = {k: v for k, v in os.environ.items() if not k.startswith("WIX")}
        yield Shells(home, {**env, "WIXSITES_SANDBOX_DB": db})


def completes_and_works(shells: Shells, shell: str, typed: str, name: str) -> None:
    if not shells.available(shell):
        pytest.skip(f"{shell} is not installed (CI installs it: .ci/run)")
    typed = f"wixsites --sandbox sites count --folder {typed}"
    line = shells.complete(shell, typed)
    assert line.startswith(typed)
    assert len(line) > len(typed) + 1, line  # a name was inserted
    ran = shells.run(shell, line)
    assert ran.returncode == 0, (line, ran.stderr)
    assert ran.stdout.strip() == str(NAMES[name]), (line, ran.stdout)


def test_bash_inserts_a_name_with_spaces_quotes_and_accents_quoted(shells: Shells) -> None:
    completes_and_works(shells, "bash", "Déc", 'Décor, "Jo\'s" \\ Co')


@pytest.mark.shells
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize("name", list(NAMES))
def test_every_shell_inserts_every_name_quoted(shells: Shells, shell: str, name: str) -> None:
    completes_and_works(shells, shell, name[0], name)  # each name has its own first letter


@pytest.mark.shells
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("'Ze", "Zeta Team"),
        ('"Ze', "Zeta Team"),
        ('"O', 'O\'Brien "Q" Studio'),
        ("'Ca", "Café Ünïcode"),
    ],
)
def test_a_name_completes_after_an_opening_quote(
    shells: Shells, shell: str, typed: str, name: str
) -> None:
    completes_and_works(shells, shell, typed, name)
