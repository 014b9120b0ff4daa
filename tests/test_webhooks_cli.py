"""The webhook commands: ``sandbox webhooks add|list|remove|public-key|log``, ``listen`` and
``trigger``, on a sandbox file (``--db``), delivering to real receivers on 127.0.0.1
(tests/webhook_receiver.py) and verified with ``wixsites.webhooks.parse`` and the key that
``public-key`` prints. ``listen`` runs as a process (it is stopped with SIGINT); every wait is a
bounded poll."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pytest
from click.testing import CliRunner, Result

from tests.sandbox_fixtures import ACCOUNT, KEY
from tests.webhook_receiver import Answer, Receiver
from wixsandbox.process import SandboxProcess, free_port
from wixsandbox.webhooks.catalog import kinds
from wixsites import WixSites, webhooks
from wixsites.cli import cli, consent

EVENT_CLASSES = {
    "site.created": webhooks.SiteCreated,
    "site.updated": webhooks.SiteUpdated,
    "site.deleted": webhooks.SiteDeleted,
    "folder.created": webhooks.FolderCreated,
    "folder.updated": webhooks.FolderUpdated,
    "folder.deleted": webhooks.FolderDeleted,
    "sites.moved": webhooks.SitesMovedToFolder,
}
ESC = "\x1b"
DEADLINE = 30.0


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("WIX_API_KEY", "WIX_ACCOUNT_ID", "WIX_BASE_URL", "WIXSITES_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("WIXSITES_SANDBOX_DB", str(tmp_path / "default.db"))  # never used here
    return tmp_path / "hooks.db"


def run(*args: str, code: int = 0, input: str | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output, result.output
    assert result.exit_code == code, (args, result.exit_code, result.stdout, result.stderr)
    return result


def data(*args: str) -> Any:
    return json.loads(run(*args, "--json").stdout)


def hooks(db: Path, *args: str, code: int = 0, input: str | None = None) -> Result:
    return run("sandbox", "webhooks", *args, "--db", str(db), code=code, input=input)


def hook_data(db: Path, *args: str) -> Any:
    return data("sandbox", "webhooks", *args, "--db", str(db))


def error_line(result: Result) -> str:
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    return errors[0]


# -- sandbox webhooks ---------------------------------------------------------------------------


def test_add_list_remove_and_public_key(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    added = hook_data(db, "add", "http://127.0.0.1:9/hooks", "--events", "site.*,folder.deleted")
    assert added["id"].startswith("wh_")
    assert added["url"] == "http://127.0.0.1:9/hooks"
    assert added["events"] == ["site.created", "site.updated", "site.deleted", "folder.deleted"]
    every = hook_data(db, "add", "https://hooks.example.com/wix")
    assert every["events"] == ["*"]
    assert every["accountId"] == added["accountId"]
    listed = hook_data(db, "list")
    assert [(e["id"], e["listener"], e["pending"]) for e in listed] == [
        (added["id"], False, 0),
        (every["id"], False, 0),
    ]
    table = hooks(db, "list").stdout
    assert added["id"] in table
    assert "site.created,site.updated" in table

    # destructive: no terminal and no --yes is a usage error; "n" at the prompt cancels
    refused = hooks(db, "remove", added["id"], code=2)
    assert "--yes" in error_line(refused)
    assert "nothing was changed" in error_line(refused)
    monkeypatch.setattr(consent, "on_terminal", lambda: True)
    cancelled = hooks(db, "remove", added["id"], input="n\n", code=5)
    assert "Nothing changed" in cancelled.stderr
    assert len(hook_data(db, "list")) == 2
    monkeypatch.setattr(consent, "on_terminal", lambda: False)
    removed = hook_data(db, "remove", "http://127.0.0.1:9/hooks", "--yes")
    assert removed["removed"] == [added["id"]]
    assert [e["id"] for e in hook_data(db, "list")] == [every["id"]]
    unknown = hooks(db, "remove", added["id"], "--yes", code=2)
    assert "webhooks list" in error_line(unknown)

    pem = hooks(db, "public-key").stdout
    assert pem.startswith("-----BEGIN PUBLIC KEY-----\n")
    assert pem.endswith("-----END PUBLIC KEY-----\n")
    assert pem.count("BEGIN") == 1
    assert hooks(db, "public-key").stdout == pem  # the database's own pair, kept


def test_bad_urls_and_event_names_are_usage_errors_that_change_nothing(db: Path) -> None:
    password = "hunter2-do-not-echo"
    with_password = hooks(db, "add", f"http://user:{password}@127.0.0.1:9/hooks", code=2)
    assert password not in with_password.output
    assert "credentials" in error_line(with_password)
    assert "http://" in error_line(hooks(db, "add", "ftp://127.0.0.1/hooks", code=2))
    unknown = hooks(db, "add", "http://127.0.0.1:9/hooks", "--events", "site.exploded", code=2)
    assert "site.exploded" in error_line(unknown)
    for name in [*EVENT_CLASSES, "site.*", "sites.*", "folder.*"]:  # every name add takes
        assert name in error_line(unknown)
    assert hook_data(db, "list") == []
    assert "site.created" in error_line(run("trigger", "site.exploded", "--db", str(db), code=2))


def test_text_from_the_database_is_shown_inert(db: Path) -> None:
    """A database written by someone else: a URL with escape sequences, control characters and a
    password shows with none of them, in the table and in JSON."""
    hook_data(db, "add", "http://127.0.0.1:9/hooks")  # makes the file and its tables
    hostile = f"http://u:pw-secret@127.0.0.1:9/{ESC}]8;;http://evil{ESC}\\x{ESC}[2J\x07\u202e"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE webhook_endpoints SET url = ?", (hostile,))
        conn.execute(
            "INSERT INTO webhook_log (at_ms, event_id, event_type, endpoint_id, url, instance_id, "
            "attempt, status, outcome, latency_ms) VALUES (0, ?, ?, 'wh_x', ?, ?, 1, NULL, ?, 3)",
            (f"e{ESC}[31m", f"type{ESC}[5m", hostile, ACCOUNT, f"error: {ESC}[1mX"),
        )
    conn.close()
    for args in (("list",), ("log",)):
        as_json = json.dumps(hook_data(db, *args), ensure_ascii=False)  # the values, unescaped
        for text in (hooks(db, *args).output, as_json):
            assert not {ESC, "\x07", "\u202e"} & set(text), args
            assert "pw-secret" not in text, args
        assert "127.0.0.1:9/" in as_json


def test_removing_an_endpoint_mid_attempt_keeps_the_other_endpoints_delivery(db: Path) -> None:
    """`remove` while an attempt to the endpoint is in flight: when the attempt ends, the event
    is still owed to the other endpoint (its delivery was not counted twice)."""
    from wixsandbox import Sandbox

    with Receiver([Answer(delay=0.8)]) as slow:  # answers 200, within the budget, late
        held = hook_data(db, "add", slow.url)["id"]
        down = hook_data(db, "add", f"http://127.0.0.1:{free_port()}/nobody")["id"]
        with Sandbox(db) as sandbox:
            credentials = sandbox.default_credentials()
            with WixSites(
                api_key=credentials.api_key,
                account_id=credentials.account_id,
                transport=sandbox.transport(),
            ) as wix:
                wix.folders.create("Mid-attempt")
            slow.wait_for(1, timeout=DEADLINE)
            assert hook_data(db, "remove", held, "--yes")["removed"] == [held]
            deadline = time.monotonic() + DEADLINE
            while not sandbox.webhooks.log(endpoint=held):  # the held attempt has ended
                assert time.monotonic() < deadline, "the attempt never ended"
                time.sleep(0.05)
            with sandbox.store.read() as conn:
                owed = conn.execute(
                    "SELECT COUNT(*) FROM webhook_deliveries d JOIN webhook_outbox o "
                    "ON o.seq = d.seq WHERE d.endpoint_id = ?",
                    (down,),
                ).fetchone()
    assert tuple(owed) == (1,)


# -- trigger, delivered to a registered endpoint --------------------------------------------------


def test_trigger_sends_every_event_that_parse_verifies_and_the_log_shows_it(db: Path) -> None:
    with Receiver() as receiver:
        endpoint = hook_data(db, "add", receiver.url)["id"]
        pem = hooks(db, "public-key").stdout
        recorded: list[dict[str, Any]] = []
        assert list(EVENT_CLASSES) == list(kinds())  # every event of the spec can be triggered
        for name in EVENT_CLASSES:
            done = data("trigger", name, "--db", str(db))
            assert done["event"] == name, done
            assert done["did"], done
            mine = [r for r in done["recorded"] if r["event"] == name]
            assert [r["endpoints"] for r in mine] == [1], done
            recorded += done["recorded"]
        got = receiver.wait_for(len(recorded), timeout=DEADLINE)
        assert len(receiver.received) == len(recorded)
    events = {}
    for request in got:
        event = webhooks.parse(request.body, pem)
        events[event.id] = event
    assert sorted(events) == sorted(r["eventId"] for r in recorded)
    for r in recorded:
        event = events[r["eventId"]]
        assert isinstance(event, EVENT_CLASSES[r["event"]]), (r, event)
        assert event.entity_id == r["entityId"]
    moved = next(e for e in events.values() if isinstance(e, webhooks.SitesMovedToFolder))
    created = [e for e in events.values() if isinstance(e, webhooks.SiteCreated)]
    assert set(moved.site_ids) <= {e.site.id for e in created}

    log = hook_data(db, "log", "--limit", "100")
    assert sorted(row["eventId"] for row in log) == sorted(events)
    assert {(row["attempt"], row["status"], row["outcome"]) for row in log} == {
        (1, 200, "delivered")
    }
    assert {row["endpointId"] for row in log} == {endpoint}
    one = recorded[0]["eventId"]
    assert [row["eventId"] for row in hook_data(db, "log", "--event-id", one)] == [one]
    assert len(hook_data(db, "log", "--endpoint", receiver.url, "--limit", "2")) == 2
    table = hooks(db, "log", "--limit", "1").stdout.splitlines()
    assert table[0].split("\t")[:3] == ["TIME", "EVENT", "EVENT ID"]
    assert len(table) == 2


def test_trigger_without_an_endpoint_says_how_to_add_one(db: Path) -> None:
    said = run("trigger", "folder.created", "--db", str(db)).stdout
    assert "created folder" in said
    assert "Recorded nothing" in said
    assert "wixsites sandbox webhooks add" in said
    assert "wixsites listen" in said


def test_trigger_says_a_base_url_is_not_where_it_acts(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WIX_BASE_URL (a served sandbox's, say) set: trigger still acts on a sandbox file, and says
    so, as listen does, instead of silently sending to other endpoints than the served ones."""
    monkeypatch.setenv("WIX_BASE_URL", "http://127.0.0.1:9")
    warned = run("trigger", "folder.created")
    assert "WIX_BASE_URL is not used" in warned.stderr, warned.stderr
    assert "--db" in warned.stderr
    assert "created folder" in warned.stdout
    assert "is not used" not in run("trigger", "folder.created", "--db", str(db)).stderr


def test_help_lists_listen_and_trigger() -> None:
    shown = run("--help").stdout
    assert "listen " in shown
    assert "trigger " in shown
    assert "webhooks" in run("sandbox", "--help").stdout


# -- listen -------------------------------------------------------------------------------------


class Listener:
    """``wixsites listen`` in a process; its lines read in threads, waited for with deadlines."""

    def __init__(self, *args: str) -> None:
        dropped = ("WIX_", "NO_COLOR", "FORCE_COLOR")  # piped: plain lines, no colour asked for
        env = {k: v for k, v in os.environ.items() if not k.startswith(dropped)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "wixsites", "listen", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.out: queue.Queue[str] = queue.Queue()
        self.err: queue.Queue[str] = queue.Queue()
        self.readers = [
            threading.Thread(target=self._read, args=(stream, lines), daemon=True)
            for stream, lines in ((self.process.stdout, self.out), (self.process.stderr, self.err))
        ]
        for reader in self.readers:
            reader.start()

    @staticmethod
    def _read(stream: IO[str] | None, lines: queue.Queue[str]) -> None:
        assert stream is not None
        for line in stream:
            lines.put(line.rstrip("\n"))

    @staticmethod
    def line(lines: queue.Queue[str], what: str) -> str:
        try:
            return lines.get(timeout=DEADLINE)
        except queue.Empty:
            raise AssertionError(f"no {what} within {DEADLINE} s") from None

    def ready(self) -> str:
        return self.line(self.err, "banner")

    def lines(self, count: int) -> list[str]:
        return [self.line(self.out, "delivery line") for _ in range(count)]

    def interrupt(self) -> tuple[int, list[str], list[str]]:
        """SIGINT; (its exit status, the rest of its stdout and stderr)."""
        self.process.send_signal(signal.SIGINT)
        status = self.process.wait(timeout=DEADLINE)
        for reader in self.readers:  # they end at the pipes' end of file
            reader.join(DEADLINE)
        return status, self._rest(self.out), self._rest(self.err)

    @staticmethod
    def _rest(lines: queue.Queue[str]) -> list[str]:
        found = []
        while not lines.empty():
            found.append(lines.get_nowait())
        return found

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=DEADLINE)


@pytest.fixture
def served(db: Path) -> Iterator[SandboxProcess]:
    """A served sandbox on the file, with the test's key for ACCOUNT, which has a few sites."""
    run("sandbox", "seed", "--db", str(db), "--account-id", ACCOUNT, "--sites", "3")
    with SandboxProcess(db, api_key=KEY, account_id=ACCOUNT) as server:
        yield server


def test_listen_forwards_filters_and_stops_cleanly_on_sigint(
    db: Path, served: SandboxProcess
) -> None:
    """The listener gets the changes of a served sandbox and of `trigger` (both recorded in the
    same file), only the events it asked for, one line per attempt; SIGINT waits for the attempt
    in flight, removes its endpoint and what it still had to get, and exits with 130."""
    # the third request is answered 500, slowly: it is in flight when SIGINT comes
    with Receiver([Answer(), Answer(), Answer(500, delay=0.6)]) as receiver:
        listener = Listener(
            "--forward-to", receiver.url, "--events", "folder.*", "--db", str(db),
            "--account", ACCOUNT,
        )  # fmt: skip
        try:
            banner = listener.ready()
            assert "Forwarding folder.created, folder.updated, folder.deleted" in banner, banner
            (mine,) = hook_data(db, "list")
            assert mine["listener"] is True
            assert mine["accountId"] == ACCOUNT
            with WixSites(api_key=KEY, account_id=ACCOUNT, base_url=served.url) as wix:
                folder = wix.folders.create("Served folder")  # recorded by the served sandbox
            first = listener.lines(1)[0]
            for part in ("folder.created", f"folder {folder.id}", '"Served folder"', "-> 200 "):
                assert part in first, first
            assert first.endswith(" ms"), first

            skipped = data("trigger", "site.created", "--db", str(db), "--account", ACCOUNT)
            assert skipped["recorded"] == []  # the listener does not want site events
            renamed = data("trigger", "folder.deleted", "--db", str(db), "--account", ACCOUNT)
            assert [r["event"] for r in renamed["recorded"]] == ["folder.created", "folder.deleted"]
            second = listener.lines(1)[0]
            assert "folder.created" in second, second
            assert "-> 200" in second, second
            receiver.wait_for(3, timeout=DEADLINE)  # the folder.deleted, held by the receiver
            status, rest, err = listener.interrupt()
        finally:
            listener.close()
        received = list(receiver.received)
    assert status == 130, (rest, err)
    assert rest, err
    assert "folder.deleted" in rest[0], rest
    assert "-> 500" in rest[0], rest
    assert len(rest) == len(received) - 2  # one line per attempt, none lost
    assert err[-1].startswith("stopped: 2 delivered"), err
    assert not any(ESC in line for line in [first, second, *rest]), rest  # plain, off a terminal
    assert hook_data(db, "list") == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM webhook_deliveries").fetchone() == (0,)
    conn.close()
    pem = hooks(db, "public-key").stdout
    kinds = [type(webhooks.parse(r.body, pem)).__name__ for r in received[:3]]
    assert kinds == ["FolderCreated", "FolderCreated", "FolderDeleted"]
    log = hook_data(db, "log")
    assert [(row["event"], row["status"]) for row in log][:1] == [("folder.deleted", 500)]


def test_listen_refuses_a_url_with_a_password_without_echoing_it(db: Path) -> None:
    result = run(
        "listen", "--forward-to", "http://me:s3cr3t-pw@127.0.0.1:9/x", "--db", str(db), code=2
    )
    assert "s3cr3t-pw" not in result.output
    assert "credentials" in error_line(result)
    assert not db.exists()  # nothing made


def test_listen_stops_quietly_when_its_reader_goes_away(db: Path, tmp_path: Path) -> None:
    """`wixsites listen ... | head -1`: once head has its line, the next line finds the pipe
    closed; the listener stops as after Ctrl-C (its endpoint removed), with no traceback, and
    exits 0 (the reader has what it wanted)."""
    err_path = tmp_path / "listen.err"
    with Receiver([Answer(), Answer()]) as receiver, err_path.open("w") as err_file:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("WIX_", "NO_COLOR"))}
        process = subprocess.Popen(
            [sys.executable, "-m", "wixsites", "listen", "--forward-to", receiver.url],
            env={**env, "WIXSITES_SANDBOX_DB": str(db)},
            stdout=subprocess.PIPE,
            stderr=err_file,
        )
        try:
            assert process.stdout is not None
            deadline = time.monotonic() + DEADLINE
            while "Forwarding" not in err_path.read_text() and time.monotonic() < deadline:
                time.sleep(0.05)
            run("trigger", "folder.created", "--db", str(db))
            assert b"folder.created" in process.stdout.readline()
            process.stdout.close()  # as `| head -1` does, once it has its line
            run("trigger", "folder.created", "--db", str(db))
            status = process.wait(timeout=DEADLINE)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=DEADLINE)
    err = err_path.read_text()
    assert status == 0, err
    assert "Traceback" not in err, err
    assert "stopped: 2 delivered" in err, err
    assert hook_data(db, "list") == []
