"""Pipes and terminals: off a terminal a table is tab-separated rows under a header (as `gh`
prints them), a tree too; on a terminal a long listing shows its progress on stderr, and at 120
columns no date is cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from tests.test_cli_terminal import _lines, env, in_terminal
from wixsites.cli import cli

__all__ = ["env"]  # the fixture, shared with test_cli_terminal

BOX = re.compile(r"[\u2500-\u257f]")  # box drawing: table borders, tree guides
DATE = r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["--sandbox", *args])
    assert result.exit_code == 0, result.output
    return result


def test_a_table_to_a_pipe_is_tab_separated_rows_under_a_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    run("folders", "create", "Clients/Acme Corp")
    lines = run("sites", "list").stdout.splitlines()
    header = lines[0].split("\t")
    assert header[:3] == ["id", "name", "folder"]
    assert "created" in header
    rows = [line.split("\t") for line in lines[1:]]
    assert len(rows) > 20
    assert all(len(row) == len(header) for row in rows)
    created = header.index("created")
    assert all(re.fullmatch(DATE, row[created]) for row in rows)
    ids = run("sites", "list", "--format", "ids").stdout.split()
    assert [row[0] for row in rows] == ids
    for command in (["sites", "list"], ["folders", "list"], ["folders", "tree"]):
        assert not BOX.search(run(*command).stdout), command
    tree = [line.split("\t") for line in run("folders", "tree").stdout.splitlines()]
    assert tree[0] == ["path", "id", "sites"]
    assert tree[1][:2] == ["/", ""]
    assert [row[0] for row in tree[2:]] == ["Clients", "Clients/Acme Corp"]


def test_on_a_120_column_terminal_the_created_date_is_whole_and_a_listing_shows_progress(
    env: dict[str, str],
) -> None:
    code, shown = in_terminal(env, "--sandbox", "sites", "list", "--limit", "8", columns=120)
    assert code == 0
    lines = _lines(shown)
    dates = [line for line in lines if re.search(rf"│ {DATE} │", line)]
    assert len(dates) == 8, shown
    assert max(len(line) for line in lines if "│" in line) <= 120
    assert "Listing sites" in shown  # on stderr, the same terminal; gone once the table comes


def test_a_listing_to_a_pipe_shows_no_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    assert "Listing" not in run("sites", "list").stderr
    assert "Listing" not in run("sites", "list", "--format", "csv").stderr
