"""Nothing destructive unasked: without a terminal and without --yes, trash, delete, transfer,
purge and sandbox reset are usage errors that change nothing; answering no is exit status 5."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli_commands import data, db, run
from wixsites.cli import consent
from wixsites.cli.exitcodes import CANCELLED, PARTIAL, USAGE

__all__ = ["db"]  # the fixture: an embedded sandbox in tmp_path, asked for

OTHER_ACCOUNT = "5ab5ab5a-0000-4000-8000-000000000001"


def state() -> Any:
    """Everything a destructive command could change: every site (with its state and folder)
    and every folder."""
    every = '{"namespace": {"$exists": true}}'
    return (
        data("sites", "list", "--filter", every, "--sort", "createdDate"),
        data("folders", "list"),
    )


def prepared() -> dict[str, str]:
    data("workflow", "init")
    active = [
        s["id"]
        for s in data("sites", "list", "--where", "premium=false", "--where", "state=ACTIVE")
    ][:3]
    data("workflow", "advance", "--to", "Suspended", *active)
    return {"site": active[0], "folder": "QA"}


COMMANDS: dict[str, Callable[[dict[str, str]], tuple[str, ...]]] = {
    "trash": lambda p: ("sites", "trash", p["site"]),
    "trash from stdin": lambda p: ("sites", "trash", "-"),
    "delete": lambda p: ("folders", "delete", p["folder"]),
    "transfer": lambda p: ("sites", "transfer", p["site"], "--from", OTHER_ACCOUNT),
    "purge": lambda p: ("workflow", "purge", "--stage", "Suspended"),
    "sandbox reset": lambda p: ("sandbox", "reset"),
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_without_a_terminal_a_destructive_command_needs_yes_and_changes_nothing(
    db: Path, name: str
) -> None:
    names = prepared()
    before = state()
    args = COMMANDS[name](names)
    result = run(*args, input=names["site"] + "\n", code=USAGE)
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert "needs --yes" in errors[0]
    assert "nothing was changed" in errors[0]
    assert state() == before


@pytest.mark.parametrize("name", list(COMMANDS))
def test_answering_no_changes_nothing_and_is_not_an_error(
    db: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    names = prepared()
    before = state()
    monkeypatch.setattr(consent, "on_terminal", lambda: True)
    if name == "trash from stdin":  # the ids come from a pipe: no terminal to ask on
        monkeypatch.setattr(consent, "on_terminal", lambda: False)
        run(*COMMANDS[name](names), input=names["site"] + "\n", code=USAGE)
    else:
        result = run(*COMMANDS[name](names), input="n\n", code=CANCELLED)
        assert "[y/N]" in result.stderr
        assert result.stderr.rstrip().endswith("Nothing changed.")
        assert "error" not in result.stderr
    assert state() == before


def test_the_refusal_gives_the_dry_runs_numbers(db: Path) -> None:
    data("workflow", "init")
    plain = [
        s["id"]
        for s in data("sites", "list", "--where", "premium=false", "--where", "state=ACTIVE")
    ][:4]
    premium = data("sites", "list", "--where", "premium=true", "--where", "state=ACTIVE")[0]["id"]
    data("workflow", "advance", "--to", "Suspended", *plain, premium)
    dry = run("workflow", "purge", "--dry-run", code=PARTIAL).stdout
    summary = "would trash 4 sites of stage Suspended in 1 request"
    assert f"Dry run: {summary}; nothing was trashed." in dry
    refused = run("workflow", "purge", code=USAGE)
    assert f"this {summary}: with no terminal to ask on, that needs --yes" in refused.stderr
    plan = json.loads(run("sites", "trash", "--dry-run", "--json", *plain, code=0).stdout)
    assert len(plan["wouldTrash"]) == 4
    assert "this would trash 4 sites in 1 request" in run("sites", "trash", *plain, code=2).stderr


def test_nothing_to_change_needs_no_consent(db: Path) -> None:
    data("workflow", "init")
    premium = data("sites", "list", "--where", "premium=true", "--where", "state=ACTIVE")[0]["id"]
    data("workflow", "advance", "--to", "Suspended", premium)
    # the stage holds only a premium site, which Wix keeps: no question, the report says why
    kept = data("workflow", "purge", code=PARTIAL)
    assert (kept["trashed"], list(kept["failed"])) == ([], [premium])
