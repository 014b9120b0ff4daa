"""Exit statuses by class, so that scripts and cron can tell outcomes apart; the same list in
`wixsites --help` and docs/cli.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_cli_commands import MISSING, data, db, run
from wixsites.cli import cli, consent
from wixsites.cli.exitcodes import (
    AUTH,
    CANCELLED,
    FAILURE,
    MEANING,
    OK,
    PARTIAL,
    USAGE,
    ExitCode,
)

__all__ = ["db"]

DOCS = (Path(__file__).resolve().parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def test_every_class_has_its_own_status_listed_in_the_help_and_the_docs() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 4, 5, 130]
    assert set(MEANING) == set(ExitCode)
    shown = CliRunner().invoke(cli, ["--help"]).stdout
    listed = shown[shown.index("Exit status") :]
    for code, (short, _) in MEANING.items():
        assert re.search(rf"^\s+{int(code)}\s+{re.escape(short)}$", listed, re.M), short
    documented = dict(re.findall(r"^\| (\d+) \| `[A-Z]+` \| (.+) \|$", DOCS, re.M))
    assert documented == {str(int(code)): text for code, (_, text) in MEANING.items()}


def test_each_outcome_exits_with_its_class(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run("sites", "count", code=OK)
    run("sites", "list", "--where", "published", code=USAGE)
    run("api", "GET", "/no/such/endpoint", code=FAILURE)  # Wix's 404
    site = data("sites", "list", "--limit", "1")[0]["id"]
    partial = run("sites", "move", "--to", "/", site, MISSING, "--yes", code=PARTIAL)
    assert "1 of 2 sites not moved" in partial.stderr
    run("sites", "move", "--to", "/", site, MISSING, "--dry-run", code=PARTIAL)
    monkeypatch.setattr(consent, "on_terminal", lambda: True)
    run("folders", "create", "Old")
    run("folders", "delete", "Old", input="n\n", code=CANCELLED)
    monkeypatch.delenv("WIXSITES_SANDBOX")
    run("sites", "count", code=AUTH)
