"""Every report tells the truth and reads the same: ids whose request never left fail "not sent",
and one cause has one wording in moves and trashes, in the SDK and in the CLI's dry runs."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.sandbox_fixtures import ACCOUNT, KEY, make_sandbox
from wixsites import RequestInfo, RetryPolicy, WixSites
from wixsites.cli import cli
from wixsites.reasons import NOT_FOUND

MISSING = "00000000-0000-4000-8000-00000000beef"
IDS = [f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 267)]


@pytest.fixture
def refused_url() -> Iterator[str]:
    """The address of a port bound on 127.0.0.1 that listens to nobody: connecting is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def refused_client(url: str, attempts: list[RequestInfo]) -> WixSites:
    return WixSites(
        api_key=KEY,
        account_id=ACCOUNT,
        base_url=url,
        retry=RetryPolicy(max_attempts=2, base_delay=0.0),
        rate_limit=None,
        on_request=attempts.append,
    )


def test_a_move_to_a_server_that_refuses_connections_fails_every_id_as_not_sent(
    refused_url: str,
) -> None:
    attempts: list[RequestInfo] = []
    with refused_client(refused_url, attempts) as wix:
        report = wix.sites.move(IDS, "/")
    assert report.moved == []
    assert report.uncertain == {}
    assert set(report.failed) == set(IDS)
    assert all(reason.startswith("not sent: ") for reason in report.failed.values())
    assert "ConnectError" in report.failed[IDS[0]]
    assert not report.ok


def test_a_trash_against_a_refused_connection_is_not_sent_and_stops_at_the_first_batch(
    refused_url: str,
) -> None:
    attempts: list[RequestInfo] = []
    with refused_client(refused_url, attempts) as wix:
        report = wix.sites.trash(IDS)
    assert report.uncertain == {}
    assert report.moved == []
    assert set(report.failed) == set(IDS)
    assert all(reason.startswith("not sent: ") for reason in report.failed.values())
    assert len(attempts) == 2  # the first batch's two attempts; the other 13 batches not tried


def test_not_found_reads_the_same_in_a_move_and_a_trash() -> None:
    sandbox = make_sandbox()
    with WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=sandbox.transport(), rate_limit=None
    ) as wix:
        moved = wix.sites.move([MISSING], "/")
        trashed = wix.sites.trash([MISSING])
    assert moved.failed == trashed.failed == {MISSING: NOT_FOUND}
    sandbox.close()


def test_the_dry_runs_word_an_unknown_id_as_the_reports_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    runner = CliRunner()
    reasons = []
    for command in (["sites", "move", "--to", "/"], ["sites", "trash"]):
        result = runner.invoke(
            cli, ["--sandbox", *command, "--dry-run", "--format", "csv", MISSING]
        )
        assert result.exit_code != 0, result.output
        rows = [line.split(",", 2) for line in result.stdout.splitlines()[1:]]
        reasons += [reason for _, _, reason in rows]
        result = runner.invoke(cli, ["--sandbox", *command, "--dry-run", "--json", MISSING])
        assert json.loads(result.stdout)["wouldFail"] == {MISSING: NOT_FOUND}
    assert reasons == [NOT_FOUND, NOT_FOUND]


def test_publish_to_a_refused_connection_says_not_sent_and_stops(
    refused_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in (
        ("WIX_API_KEY", KEY),
        ("WIX_ACCOUNT_ID", ACCOUNT),
        ("WIX_BASE_URL", refused_url),
    ):
        monkeypatch.setenv(name, value)
    result = CliRunner().invoke(cli, ["--max-retries", "0", "sites", "publish", *IDS[:3], "--json"])
    assert result.exit_code != 0
    report = json.loads(result.stdout)
    assert report["published"] == []
    assert list(report["failed"]) == IDS[:3]
    assert all(reason.startswith("not sent: ") for reason in report["failed"].values())
