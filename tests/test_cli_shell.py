"""The command line as a shell citizen, in process (CliRunner): help, formats on every command,
global flags anywhere, camelCase JSON, reports at scale, dry runs, limits checked first, errors
that blame the right party, and `wixsites api` (any endpoint, with --data and --paginate)."""

from __future__ import annotations

import csv
import http.server
import io
import json
import sqlite3
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tests.sandbox_fixtures import RefuseThirdCreate
from wixsandbox import Sandbox
from wixsites.cli import cli
from wixsites.cli.exitcodes import AUTH, PARTIAL
from wixsites.cli.report import SHOWN_IDS

UNKNOWN = [f"00000000-0000-4000-8000-{n:012x}" for n in range(1, 301)]


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "sandbox.db"
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(path))
    monkeypatch.setenv("WIXSITES_SANDBOX", "1")  # the embedded sandbox, asked for
    for name in ("WIX_API_KEY", "WIX_ACCOUNT_ID", "WIX_BASE_URL", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    return path


def run(*args: str, code: int = 0, input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input, prog_name="wixsites")
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    return result


def data(*args: str, code: int = 0) -> Any:
    return json.loads(run(*args, "--format", "json", code=code).stdout)


def error_line(result: Result) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


def snake_keys(value: Any) -> list[str]:
    """Every key with an underscore, at any depth."""
    if isinstance(value, dict):
        own = [k for k in value if "_" in k]
        return own + [k for v in value.values() for k in snake_keys(v)]
    if isinstance(value, list):
        return [k for v in value for k in snake_keys(v)]
    return []


@pytest.mark.parametrize("args", [[], ["sites"], ["folders"], ["workflow"]])
def test_a_bare_group_prints_its_formatted_help(db: Path, args: list[str]) -> None:
    result = run(*args)
    assert result.stdout.startswith(f"Usage: wixsites {' '.join(args)}".rstrip() + " [OPTIONS]")
    assert "\nCommands:\n" in result.stdout
    assert result.stdout == run(*args, "--help").stdout
    assert "error" not in result.stderr


def test_every_data_command_takes_every_format(db: Path) -> None:
    run("folders", "create", "Clients/Acme")
    assert run("sites", "count", "--format", "csv").stdout.splitlines()[0] == "count"
    count = data("sites", "count")["count"]
    counted = run("sites", "count", "--format", "ids").stdout.split()
    assert len(counted) == count
    assert set(counted) == set(run("sites", "list", "--format", "ids").stdout.split())
    tree_csv = list(csv.DictReader(io.StringIO(run("folders", "tree", "--format", "csv").stdout)))
    assert [row["path"] for row in tree_csv] == ["Clients", "Clients/Acme"]
    tree_ids = run("folders", "tree", "--format", "ids").stdout.split()
    assert tree_ids == [row["id"] for row in tree_csv]
    created = run("folders", "create", "Design", "--format", "ids").stdout.split()
    assert len(created) == 1
    assert created[0] in run("folders", "list", "--format", "ids").stdout
    status = run("workflow", "status", "--format", "csv").stdout.splitlines()
    assert status[0] == "stage,sites"


def test_global_flags_work_in_any_position(db: Path) -> None:
    before = run("-v", "sites", "count")
    after = run("sites", "count", "-v")
    assert "[verbose] POST /site-list/v2/sites/count -> 200" in after.stderr
    assert after.stdout == before.stdout
    assert "--no-color" in run("--help").stdout
    run("sites", "count", "--no-color", "--sandbox")
    as_the_api = run("sites", "count", "--where", "namespace=WIX", "--state", "all")  # its default
    assert json.loads(run("api", "POST", "/site-list/v2/sites/count", "--json").stdout) == {
        "count": int(as_the_api.stdout)
    }


def test_json_keys_are_camel_case_everywhere(db: Path, tmp_path: Path) -> None:
    ids = run("sites", "list", "--format", "ids").stdout.split()[:2]
    payloads = [
        data("folders", "create", "Old"),
        data("folders", "rename", "Old", "Older"),
        data("folders", "of", ids[0]),
        data("sites", "move", "--to", "Older", ids[0]),
        data("sites", "move", "--to", "Older", ids[1], "--dry-run"),
        data("folders", "move", "Older", "--to", "/", "--dry-run"),
        data("folders", "delete", "Older", "--yes"),
        data("sandbox", "seed", "--sites", "2"),
        data("workflow", "init"),
        data("folders", "tree"),
    ]
    assert [key for p in payloads for key in snake_keys(p)] == []
    assert payloads[1]["oldPath"] == "Old"
    assert payloads[3]["targetPath"] == "Older"
    assert payloads[4]["wouldMove"] == [ids[1]]
    assert payloads[6]["contentMovedTo"] == "/"


def test_a_move_of_many_unknown_ids_is_summarised_and_reported_in_full(
    db: Path, tmp_path: Path
) -> None:
    known = run("sites", "list", "--format", "ids").stdout.split()[:3]
    run("folders", "create", "Design")
    sheet = tmp_path / "ids.txt"
    sheet.write_text("\n".join([*known, *UNKNOWN]))
    for dry in (["--dry-run"], []):
        report_csv, report_json = tmp_path / "r.csv", tmp_path / "r.json"
        shown = run(
            "sites", "move", "--to", "Design", "--from-file", str(sheet), "--report",
            str(report_csv), *dry, code=PARTIAL,
        )  # fmt: skip
        lines = shown.stdout.splitlines()
        assert len(lines) < 2 * SHOWN_IDS + 10, shown.stdout
        outcome = "would-fail" if dry else "failed"
        assert any(line.startswith(f"{outcome}: 300 sites (") for line in lines), shown.stdout
        assert f"  ... and {300 - SHOWN_IDS} more" in lines
        assert sum(1 for line in lines if line.strip() in UNKNOWN) == SHOWN_IDS
        rows = list(csv.DictReader(report_csv.open()))
        assert [r["id"] for r in rows] == [*known, *UNKNOWN]
        assert {r["outcome"] for r in rows[3:]} == {outcome}
        assert {r["outcome"] for r in rows[:3]} == ({"would-move"} if dry else {"moved"})
        run(
            "sites", "move", "--to", "Design", "--from-file", str(sheet), "--report",
            str(report_json), *dry, code=PARTIAL,
        )  # fmt: skip
        written = json.loads(report_json.read_text())
        assert written["targetPath"] == "Design"
        assert len(written["items"]) == 303
        full = json.loads(
            run("sites", "move", "--to", "Design", "--from-file", str(sheet), "--json", *dry, code=PARTIAL)
            .stdout
        )  # fmt: skip
        assert len(full["wouldFail"] if dry else full["failed"]) == 300
    bad = run("sites", "move", "--to", "Design", known[0], "--report", "r.txt", code=2)
    assert ".json or .csv" in error_line(bad)


def test_dry_runs_change_nothing(db: Path) -> None:
    run("folders", "create", "Clients/Acme")
    run("folders", "create", "Archive")
    before = data("folders", "tree")
    said = [
        run("folders", "delete", "Clients/Acme", "--dry-run").stdout,
        run("folders", "rename", "Clients", "Customers", "--dry-run").stdout,
        run("folders", "move", "Clients", "--to", "Archive", "--dry-run").stdout,
    ]
    assert data("folders", "tree") == before
    assert said[0].startswith("Dry run: would delete Clients/Acme")
    assert "would rename Clients to Customers" in said[1]
    assert said[2].startswith("Dry run: would move 1 folder to Archive")


def test_limits_are_checked_before_the_first_request(db: Path) -> None:
    deep = "/".join(f"L{n}" for n in range(60))
    result = run("-v", "folders", "create", deep, code=2)
    assert "at most 51 folders, and this one has 60" in error_line(result)
    assert "[verbose] POST" not in result.stderr
    assert data("folders", "list") == []
    bell = run("folders", "create", "Clients/Ac\x07me", code=2)
    assert "the control character U+0007 at character 3" in error_line(bell)
    typed = run("-v", "sites", "list", "--where", "published=yes", code=2)
    assert "published is true or false, not 'yes'" in error_line(typed)
    assert "[verbose] POST" not in typed.stderr


def test_name_clashes_name_the_folder(db: Path) -> None:
    run("folders", "create", "Clients/Acme")
    run("folders", "create", "Acme")
    renamed = run("folders", "rename", "Clients", "Acme", code=1)
    assert "cannot rename Clients to 'Acme': Acme already exists" in error_line(renamed)
    moved = run("folders", "move", "Clients/Acme", "--to", "/", code=1)
    assert "already holds a folder named like Clients/Acme ('Acme')" in error_line(moved)


def test_a_corrupt_sandbox_database_is_named_and_reset_mends_it(db: Path) -> None:
    db.write_bytes(b"SQLite format 3\x00" + b"\xff damaged pages" * 500)
    result = run("sites", "count", code=1)
    line = error_line(result)
    assert str(db) in line
    assert "wixsites sandbox reset" in line
    run("sandbox", "reset", "--yes")
    assert run("sites", "count").stdout.strip() == "0"


@pytest.mark.parametrize(
    "command",
    [("sandbox", "reset", "--yes"), ("sandbox", "seed", "--sites", "3"), ("sites", "count")],
    ids=" ".join,
)
@pytest.mark.parametrize("content", ["text", "another program's database"])
def test_a_file_that_is_not_a_sandbox_database_is_never_changed(
    db: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...], content: str
) -> None:
    """Before: `sandbox reset --yes --db notes.txt` replaced the text file with a database, and
    `sandbox seed` chmodded it to 0600 before failing, then suggested `reset`."""
    path = db.parent / "notes.txt"
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(path))
    if content == "text":
        path.write_text("my notes\n" * 50)
    else:
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        other.close()
    path.chmod(0o644)
    before = path.read_bytes()
    result = run(*command, code=2)
    line = error_line(result)
    assert str(path) in line
    assert "not a sandbox database" in line
    assert "reset" not in line
    assert path.read_bytes() == before
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in db.parent.iterdir()) == ["notes.txt"]


class _PlainHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *_: object) -> None:
        pass


@pytest.fixture
def plain_web_server(tmp_path: Path) -> Iterator[str]:
    """Python's own web server: answers POST with 501 and an HTML page, as many servers do."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PlainHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_server_that_is_not_wix_is_blamed(
    db: Path, plain_web_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WIXSITES_SANDBOX")
    monkeypatch.setenv("WIX_API_KEY", "k")
    result = run(
        "--base-url", plain_web_server, "--account-id", "a", "sites", "count", code=1,
    )  # fmt: skip
    line = error_line(result)
    assert f"the server at {plain_web_server} does not look like the Wix API" in line
    assert "501 Not Implemented with an HTML page" in line
    assert "check WIX_BASE_URL" in line
    assert "Wix had a problem" not in line


def test_publish_stops_at_a_server_that_is_not_wix(
    db: Path, plain_web_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WIXSITES_SANDBOX")
    monkeypatch.setenv("WIX_API_KEY", "k")
    sites = ["0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd", "1e6179e9-c3db-49aa-a074-37566a7bad47"]
    result = run(
        "--base-url", plain_web_server, "--account-id", "a", "sites", "publish", *sites, code=1,
    )  # fmt: skip
    assert f"the server at {plain_web_server} does not look like the Wix API" in error_line(result)
    assert "not published" not in result.output  # not one failure per site


def api(*args: str, input: str | None = None) -> Any:
    return json.loads(run("api", *args, input=input).stdout)


def test_api_call_with_data_inline_from_a_file_and_from_stdin(db: Path, tmp_path: Path) -> None:
    as_the_api = ("--where", "namespace=WIX", "--state", "all")  # the API's own default
    total = int(run("sites", "count", *as_the_api).stdout)
    published = int(run("sites", "count", "--where", "published=true", *as_the_api).stdout)
    assert api("POST", "/site-list/v2/sites/count") == {"count": total}
    flt = '{"filter": {"published": true}}'
    assert api("post", "site-list/v2/sites/count", "--data", flt) == {"count": published}
    (tmp_path / "body.json").write_text(flt)
    assert api("POST", "/site-list/v2/sites/count", "--data", f"@{tmp_path / 'body.json'}") == {
        "count": published
    }
    assert api("POST", "/site-list/v2/sites/count", "--data", "@-", input=flt) == {
        "count": published
    }


def test_api_paginate_follows_cursors_and_offsets(db: Path) -> None:
    as_the_api = ("--where", "namespace=WIX", "--state", "all")  # the API's own default
    total = int(run("sites", "count", *as_the_api).stdout)
    body = '{"query": {"filter": {"published": true}, "cursorPaging": {"limit": 7}}}'
    pages = api("POST", "/site-list/v2/sites/query", "--data", body, "--paginate")
    ids = [site["id"] for page in pages for site in page["sites"]]
    published = run("sites", "count", "--where", "published=true", *as_the_api).stdout
    assert len(ids) == len(set(ids)) == int(published)
    assert len(pages) == -(-len(ids) // 7)
    assert all(site["published"] for page in pages for site in page["sites"])
    everything = api("POST", "/site-list/v2/sites/query", "--data", "{}", "--paginate")
    assert sum(len(page["sites"]) for page in everything) == total
    for path in ("A/B", "C", "D"):
        run("folders", "create", path)
    folders = api(
        "POST", "/site-folders/v2/folders/query", "--data", '{"query": {"paging": {"limit": 2}}}',
        "--paginate",
    )  # fmt: skip
    assert [len(page["folders"]) for page in folders] == [2, 2]
    assert len({f["id"] for page in folders for f in page["folders"]}) == 4


def test_api_sends_headers_so_a_site_level_call_works(db: Path) -> None:
    # not a trashed one (publish refuses those): the seeded account differs from one run to the next
    [site] = data(
        "sites", "list", "--where", "published=false", "--where", "state=ACTIVE", "--limit", "1"
    )
    path = "/site-publisher/v1/site/publish"
    assert api("POST", path, "-H", f"wix-site-id: {site['id']}") == {}
    assert data("sites", "list", "--where", f"id={site['id']}")[0]["published"] is True
    secret = "Authorization sk-secret-value"
    refused = run("api", "POST", path, "-H", secret, code=2)
    assert "give each header as 'NAME: VALUE'" in error_line(refused)
    assert "sk-secret-value" not in refused.output


def test_api_mistakes_are_one_line_errors(db: Path) -> None:
    bad_json = run("api", "POST", "/site-list/v2/sites/count", "--data", "{oops", code=2)
    assert "--data is not valid JSON" in bad_json.stderr
    url = run("api", "GET", "https://elsewhere.example/x", code=2)
    assert "a path under the base URL" in url.stderr
    missing = run("api", "GET", "/no/such/endpoint", code=1)
    assert "404" in missing.stderr
    assert "request id" in missing.stderr
    verbose = run("api", "POST", "/site-list/v2/sites/count", "-v")
    assert "[verbose] POST /site-list/v2/sites/count -> 200" in verbose.stderr


@pytest.mark.parametrize(
    ("args", "done"),
    [
        (["folders", "create", "A/B/C/D"], "(already created: A, A/B)"),
        (["workflow", "init"], "(done so far: created Stages, created Stages (being set up);"),
    ],
)
def test_a_command_failing_midway_says_what_it_did(
    db: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], done: str
) -> None:
    make = Sandbox.transport
    monkeypatch.setattr(
        Sandbox, "transport", lambda self, **kw: RefuseThirdCreate(make(self, **kw))
    )
    assert done in error_line(run(*args, code=AUTH))


def test_folder_moves_past_the_documented_limits_are_refused_first(db: Path) -> None:
    run("folders", "create", "/".join(f"D{n}" for n in range(30)))
    target = "/".join(f"T{n}" for n in range(25))
    run("folders", "create", target)
    before = data("folders", "tree")
    deep = run("-v", "folders", "move", "D0", "--to", target, "--yes", code=2)
    assert "would be 55 levels down, and Wix allows 51" in error_line(deep)
    assert "POST /site-folders/v2/folders/bulk/move" not in deep.stderr
    inside = run("folders", "move", "D0", "--to", "D0/D1/D2", code=2)
    assert "cannot move D0 into itself (D0/D1/D2)" in error_line(inside)
    assert data("folders", "tree") == before
    run("folders", "move", "D0/D1/D2/D3/D4/D5", "--to", "T0/T1/T2/T3/T4/T5")  # 6 + 25 levels
