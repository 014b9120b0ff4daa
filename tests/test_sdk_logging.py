"""The "wixsites" logger: turned on with WIXSITES_LOG=debug or info, and redacted (no API key, no
signature, no secret of a URL) like everything else the SDK shows."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from wixsites import logs

# A key as the Wix API Keys Manager issues them (the shape, not a live key).
KEY = (
    "IST.eyJraWQiOiJQb3pIX2FDMiIsImFsZyI6IlJTMjU2In0.eyJkYXRhIjoie1wiaWRcIjpcIjZmNGQ0YzU4LTc2ZD"
    "QtNGFmNC1hMGQ1LTZmNzAyOTk3NjhkM1wiLFwiaWRlbnRpdHlcIjp7XCJ0eXBlXCI6XCJhcHBsaWNhdGlvblwiLFwia"
    "WRcIjpcIjRmMmE4ZjAxLTk5NTMtNGE3Yi1iNzJjLWE0ZWM2ZTA1ZDI2N1wifX0iLCJpYXQiOjE3MzAwMDAwMDB9.Zm9"
    "vYmFyLXNpZ25hdHVyZS1vZi10aGUta2V5LXRoYXQtbG9va3MtbGlrZS1hLXJlYWwtb25lLTAxMjM0NTY3ODk"
)
APP_SECRET = "5f2b6e1c-0d9a-4c57-9b1e-3a7f2c8d4e61"
URL_PASSWORD = "pr0xy-pa55word-7c1d"

# Against the in-process sandbox: an API-key client through a base URL with a password, whose
# first request is answered 503 (a retry) and which reads and deletes a folder that does not
# exist (a 404), then a signing client. Prints the signatures it sent, for the test to look for.
SCRIPT = """
import json, sys
import httpx
from wixsandbox import Sandbox
from wixsites import NotFound, RetryPolicy, WixSites

KEY, APP_SECRET, PASSWORD = sys.argv[1:4]
ACCOUNT = "11111111-2222-4333-8444-555555555555"
APP = "33333333-3333-4333-8333-333333333333"
box = Sandbox()
box.add_api_key(KEY, ACCOUNT)
box.add_app(APP, APP_SECRET)
box.add_instance(ACCOUNT, APP)
box.seed(ACCOUNT, sites=12, seed=1)
signatures = []

class Wire(httpx.BaseTransport):
    def __init__(self):
        self.inner, self.busy = box.transport(), 1
    def handle_request(self, request):
        if "x-wix-signature" in request.headers:
            signatures.append(request.headers["x-wix-signature"])
        if self.busy:
            self.busy -= 1
            return httpx.Response(503, json={"message": "busy"}, headers={"Retry-After": "0"})
        return self.inner.handle_request(request)

retry = RetryPolicy(max_attempts=3, base_delay=0)
with WixSites(KEY, ACCOUNT, f"http://agency:{PASSWORD}@sandbox.test", transport=Wire(), retry=retry) as wix:
    assert wix.sites.count() > 0
    list(wix.sites.query(page_size=5))
    for call in (wix.folders.get, wix.folders.delete):
        try:
            call("283f4660-8f6f-462b-94a1-160a57338032")
        except NotFound:
            pass
with WixSites.from_signature(APP, ACCOUNT, APP_SECRET, "http://sandbox.test", transport=Wire(), retry=retry) as signed:
    assert signed.sites.count() > 0
print(json.dumps(signatures))
"""


def run_logged(level: str | None) -> tuple[str, list[str]]:
    """The script's standard error, and the signatures it sent."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "WIXSITES_"))}
    if level is not None:
        env["WIXSITES_LOG"] = level
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, KEY, APP_SECRET, URL_PASSWORD],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stderr, json.loads(done.stdout)


def assert_no_secret(text: str, secrets: list[str]) -> None:
    """No secret in `text`, nor any 16 characters of one in a row (a cut copy); a failure says
    which secret, never the text."""
    for number, secret in enumerate(secrets):
        windows = {secret[i : i + 16] for i in range(len(secret) - 15)}
        found = sum(window in text for window in windows)
        assert found == 0, f"{found} pieces of secret #{number} are in the log"


def test_wixsites_log_debug_logs_each_request_and_no_secret() -> None:
    stderr, signatures = run_logged("debug")
    lines = stderr.splitlines()
    attempts = [line for line in lines if "wixsites - DEBUG" in line]
    # count (503, then 200), three pages of sites, Query Folders, Delete Folder, the signed count
    assert len(attempts) == 9, stderr
    assert "POST /site-list/v2/sites/count -> 503" in attempts[0]
    assert "POST /site-list/v2/sites/count -> 200" in attempts[1]
    assert (
        "DELETE /site-folders/v2/folders/283f4660-8f6f-462b-94a1-160a57338032 -> 404"
        in (attempts[6])
    )
    assert all("[request id " in line for line in attempts if "-> 503" not in line)
    infos = [line for line in lines if "wixsites - INFO" in line]
    assert len(infos) == 3, stderr
    assert "Count Sites: retrying after 503 in 0.00 s (attempt 2 of 3)" in infos[0]
    assert "Delete Folder: failed after 1 attempt: NotFound (status 404)" in infos[1]
    assert len(lines) == 12  # nothing else: no header, no body
    assert len(signatures) == 2  # the signed client's 503 and its retry, each signed afresh
    assert_no_secret(stderr, [KEY, APP_SECRET, URL_PASSWORD, *signatures])


def test_wixsites_log_info_logs_retries_and_failures_only() -> None:
    stderr, signatures = run_logged("info")
    lines = stderr.splitlines()
    assert [line.partition("] ")[2] for line in lines] == [
        "Count Sites: retrying after 503 in 0.00 s (attempt 2 of 3)",
        "Delete Folder: failed after 1 attempt: NotFound (status 404)",
        "Count Sites: retrying after 503 in 0.00 s (attempt 2 of 3)",
    ]
    assert all("wixsites - INFO" in line for line in lines)
    assert_no_secret(stderr, [KEY, APP_SECRET, URL_PASSWORD, *signatures])


@pytest.fixture
def wixsites_logger() -> Iterator[logging.Logger]:
    """The "wixsites" logger, put back as it was afterwards."""
    logger = logging.getLogger("wixsites")
    state = (logger.level, list(logger.handlers), logger.propagate)
    logs._apply.cache_clear()
    yield logger
    logs._apply.cache_clear()
    logger.setLevel(state[0])
    logger.handlers[:] = state[1]
    logger.propagate = state[2]


def test_the_variable_sets_the_level_once_with_one_handler(
    wixsites_logger: logging.Logger,
) -> None:
    logs.setup_logging({"WIXSITES_LOG": " DEBUG "})
    logs.setup_logging({"WIXSITES_LOG": "debug"})
    assert wixsites_logger.level == logging.DEBUG
    assert sum(isinstance(h, logs.EnvHandler) for h in wixsites_logger.handlers) == 1
    logs.setup_logging({"WIXSITES_LOG": "info"})
    assert wixsites_logger.level == logging.INFO
    assert sum(isinstance(h, logs.EnvHandler) for h in wixsites_logger.handlers) == 1


def test_without_the_variable_logging_is_left_alone(wixsites_logger: logging.Logger) -> None:
    logs.setup_logging({})
    logs.setup_logging({"WIXSITES_LOG": ""})
    assert wixsites_logger.level == logging.NOTSET
    assert not any(isinstance(h, logs.EnvHandler) for h in wixsites_logger.handlers)
    assert wixsites_logger.propagate


def test_a_value_that_is_not_a_level_is_said_once(
    wixsites_logger: logging.Logger, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="wixsites"):
        logs.setup_logging({"WIXSITES_LOG": "verbose\x1b[31m"})
        logs.setup_logging({"WIXSITES_LOG": "verbose\x1b[31m"})
    (record,) = caplog.records
    assert record.getMessage() == (
        "WIXSITES_LOG='verbose?[31m' is not a log level: set it to debug or info or warning "
        "or error (nothing is logged for it)"
    )
    assert not any(isinstance(h, logs.EnvHandler) for h in wixsites_logger.handlers)
