"""Text from a server is inert wherever it is shown or written: per-item errors (Bulk Delete's
`error.description`), top-level errors and names reach reports, reprs, the terminal, --report
files, CSV and JSON with the API key redacted and no terminal escape sequence or control
character; CSV cells never start a spreadsheet formula."""

from __future__ import annotations

import csv
import http.server
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from wixsites import WixError, WixSites
from wixsites.cli import cli
from wixsites.cli.cells import csv_cell
from wixsites.redaction import inert

KEY = "hostile-test-key-0123456789"
ACCOUNT = "11111111-1111-4111-8111-111111111111"
SITE = "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"
# An OSC 8 hyperlink, a CSI that clears the screen, a C1 CSI, a bell, a bidi override: and the key.
HOSTILE = (
    f"refused for {KEY} \x1b]8;;http://evil.example/\x07click here\x1b]8;;\x07"
    "\x1b[2J\x9b31m\x07 \u202eesrever"
)
UNSAFE = ("\x1b", "\x07", "\x9b", "\u202e", KEY)


def assert_inert(text: str) -> None:
    for fragment in UNSAFE:
        assert fragment not in text, (fragment, text)


def answer(path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """What the hostile server says: its text everywhere it can put some."""
    if path == "/site-actions/v1/bulk/sites/delete":
        results = [
            {
                "itemMetadata": {
                    "id": site,
                    "originalIndex": n,
                    "success": False,
                    "error": {"code": "BUSY", "description": HOSTILE},
                }
            }
            for n, site in enumerate(body["ids"])
        ]
        return 200, {"results": results}
    if path == "/site-list/v2/sites/query":
        site = {"id": SITE, "displayName": f"Acme {HOSTILE}", "premium": False}
        return 200, {"sites": [site], "metadata": {"hasNext": False}}
    if path == "/site-folders/v2/folders/query":
        return 200, {"folders": [], "metadata": {"count": 0, "offset": 0, "total": 0}}
    return 400, {"message": HOSTILE, "details": {"applicationError": {"code": f"X{HOSTILE}"}}}


def handle(request: httpx.Request) -> httpx.Response:
    status, body = answer(request.url.path, json.loads(request.content or b"{}"))
    return httpx.Response(
        status, json=body, headers=[(b"x-wix-request-id", f"r {HOSTILE}".encode())]
    )


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        status, body = answer(self.path, json.loads(self.rfile.read(length) or b"{}"))
        content = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(content)))
        self.end_headers()
        self.wfile.write(content)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    for name, value in (("WIX_API_KEY", KEY), ("WIX_ACCOUNT_ID", ACCOUNT), ("WIX_BASE_URL", url)):
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "unused.db"))
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def client() -> WixSites:
    return WixSites(
        api_key=KEY, account_id=ACCOUNT, transport=httpx.MockTransport(handle), rate_limit=None
    )


def test_a_per_item_error_reaches_the_report_and_its_repr_inert() -> None:
    with client() as wix:
        report = wix.sites.trash([SITE])
    assert list(report.failed) == [SITE]
    reason = report.failed[SITE]
    assert "click here" in reason  # the text stays, its escapes go
    assert "***" in reason
    for shown in (reason, repr(report), str(report)):
        assert_inert(shown)


def test_a_top_level_error_is_inert() -> None:
    with client() as wix, pytest.raises(WixError) as caught:
        wix.sites.count()
    error = caught.value
    for shown in (str(error), repr(error), error.code or "", error.request_id or ""):
        assert_inert(shown)


def cli_run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output, result.output
    return result


def test_the_cli_shows_and_writes_a_servers_text_inert(hostile: str, tmp_path: Path) -> None:
    for fmt in ("table", "csv", "json", "ids"):
        report = tmp_path / f"report-{fmt}.csv"
        result = cli_run("sites", "trash", "--yes", SITE, "--format", fmt, "--report", str(report))
        assert result.exit_code != 0
        assert_inert(result.stdout)
        assert_inert(result.stderr)
        assert_inert(report.read_text())
        if fmt == "json":
            assert "click here" in json.loads(result.stdout)["failed"][SITE]
    listed = cli_run("sites", "list")
    assert "Acme" in listed.stdout
    assert_inert(listed.stdout)
    as_json = cli_run("sites", "list", "--json")
    assert_inert(as_json.stdout)  # escaped: the JSON value is the server's own
    assert json.loads(as_json.stdout)[0]["displayName"] == f"Acme {HOSTILE}".replace(KEY, "***")
    failed = cli_run("sites", "count")
    assert failed.exit_code == 1
    assert failed.stderr.startswith("error: 400")
    assert_inert(failed.stderr)


def test_csv_cells_never_start_a_formula(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    names = ['=HYPERLINK("http://evil.example","x")', "+1+cmd", "@SUM(A1)", "-2+3", "-5", "-0.25"]
    template = json.loads(cli_run("--sandbox", "sites", "list", "--limit", "1", "--json").stdout)
    for name in names:
        made = cli_run("--sandbox", "sites", "duplicate", template[0]["id"], "--name", name)
        assert made.exit_code == 0, made.output
    rows = list(
        csv.DictReader(cli_run("--sandbox", "sites", "list", "--format", "csv").stdout.splitlines())
    )
    shown = {row["name"] for row in rows}
    for formula in names[:4]:
        assert "'" + formula in shown
        assert formula not in shown
    assert {"-5", "-0.25"} <= shown  # plain numbers are no formula: written as they are


def test_tab_separated_rows_never_start_a_formula(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A table to a pipe or a file (`wixsites sites list > sites.tsv`) is a spreadsheet's input
    as much as CSV is: its cells follow the same rule."""
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "sandbox.db"))
    template = json.loads(cli_run("--sandbox", "sites", "list", "--limit", "1", "--json").stdout)
    names = ['=HYPERLINK("http://evil.example","x")', "@SUM(A1)", "-5"]
    for name in names:
        made = cli_run("--sandbox", "sites", "duplicate", template[0]["id"], "--name", name)
        assert made.exit_code == 0, made.output
    assert cli_run("--sandbox", "folders", "create", "+1+cmd").exit_code == 0
    listed = cli_run("--sandbox", "sites", "list").stdout.splitlines()
    header = listed[0].split("\t")
    shown = {row.split("\t")[header.index("name")] for row in listed[1:]}
    assert {"'" + names[0], "'@SUM(A1)", "-5"} <= shown
    assert not {names[0], "@SUM(A1)"} & shown
    tree = cli_run("--sandbox", "folders", "tree").stdout.splitlines()
    assert "'+1+cmd" in {row.split("\t")[0] for row in tree}
    assert "+1+cmd" not in {row.split("\t")[0] for row in tree}


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+2", "'=1+2"),
        ("-1+2", "'-1+2"),
        ("-1", "-1"),
        ("+3.5e2", "+3.5e2"),
        ("@x", "'@x"),
        ("\t=1", " =1"),
        ("a=b", "a=b"),
        (-7, "-7"),
        (True, "true"),
        (None, ""),
        ("0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd", "0c87cd5d-4059-4e86-8f6e-d185b1e4a1bd"),
    ],
)
def test_csv_cell(value: object, cell: str) -> None:
    assert csv_cell(value) == cell


def test_inert_removes_escape_sequences_whole() -> None:
    assert inert("a\x1b]8;;http://x\x07b\x1b]8;;\x1b\\c") == "abc"
    assert inert("x\x1b[1;31my\x9b0mz") == "xyz"
    assert inert("line\nbreak\ttab") == "line break tab"
    assert inert("Café \u05e9\u200f") == "Café \u05e9\u200f"  # letters and marks of any script stay
