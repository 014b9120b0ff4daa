"""The webhook handler example (examples/webhook_handler.py), run as its docstring says (uvicorn, on
127.0.0.1), receives the sandbox's real deliveries of every event type and verifies each one; a
forged token, one re-signed with another key, an ``alg: none`` one and an HS256 one keyed with the
public key each get 401; a redelivered event is acknowledged with 200 and handled once."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.sandbox_fixtures import ACCOUNT, BASE_URL, KEY
from tests.webhook_receiver import Receiver
from tests.webhook_tools import settled
from wixsandbox import Sandbox
from wixsandbox.webhooks import keys
from wixsandbox.webhooks.catalog import kinds
from wixsites import WixSites

ROOT = Path(__file__).resolve().parents[1]
EVENT_TYPE = {kind.name: kind.event_type for kind in kinds().values()}
LINE = re.compile(r"^(\S+) (\S+) (.*) \[event (\S+)\]$")
DEADLINE = 30.0  # seconds: generous bounds on polls that end as soon as their condition holds


class Handler:
    """``uvicorn examples.webhook_handler:app`` in a child process on a free port of 127.0.0.1;
    its standard output (one line per event handled) and error go to files."""

    def __init__(self, key_file: Path, logs: Path) -> None:
        self.out, self.err = logs / "handler.out", logs / "handler.err"
        env = {**os.environ, "WIXSITES_WEBHOOK_PUBLIC_KEY_FILE": str(key_file)}
        env.pop("WIXSITES_WEBHOOK_PUBLIC_KEY", None)
        command = [sys.executable, "-m", "uvicorn", "examples.webhook_handler:app"]
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.process = subprocess.Popen(
                [*command, "--host", "127.0.0.1", "--port", "0", "--no-access-log"],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=err,
            )
        self.url = self._started() + "/webhooks"

    def _started(self) -> str:
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline and self.process.poll() is None:
            found = re.search(r"Uvicorn running on (http://127\.0\.0\.1:\d+)", self._text(self.err))
            if found:
                return found.group(1)
            time.sleep(0.02)
        self.process.kill()
        raise AssertionError(f"the handler did not start: {self._text(self.err)}")

    @staticmethod
    def _text(path: Path) -> str:
        return path.read_text(encoding="utf-8", errors="replace")

    def lines(self) -> list[tuple[str, str, str, str]]:
        """(event type, entity id, detail, event id) of each line the handler printed."""
        found = [LINE.match(line) for line in self._text(self.out).splitlines()]
        assert all(found), self._text(self.out)
        return [(m[1], m[2], m[3], m[4]) for m in found if m]

    def wait_for(self, event_ids: set[str]) -> None:
        deadline = time.monotonic() + DEADLINE
        while not event_ids <= {line[3] for line in self.lines()}:
            assert time.monotonic() < deadline, (event_ids, self.lines(), self._text(self.err))
            time.sleep(0.02)

    def stop(self) -> None:
        """Ctrl-C: uvicorn finishes what it started (the work after each answer included)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(DEADLINE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise

    def __enter__(self) -> Handler:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if error is None:
            self.stop()
        self.process.kill()  # nothing, once it has stopped
        self.process.wait(DEADLINE)


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    with Sandbox(tmp_path / "hooks.db", webhook_retry_base=0.05) as sandbox:
        sandbox.add_api_key(KEY, ACCOUNT)
        sandbox.seed(ACCOUNT, sites=4, seed=7)
        yield sandbox


@pytest.fixture
def handler(sandbox: Sandbox, tmp_path: Path) -> Iterator[Handler]:
    key_file = tmp_path / "wix-public.pem"
    key_file.write_text(sandbox.webhooks.public_key(), encoding="ascii")
    with Handler(key_file, tmp_path) as handler:
        # the handler's first verification loads PyJWT and cryptography: before any delivery
        assert httpx.post(handler.url, content=b"warm-up", timeout=DEADLINE).status_code == 401
        yield handler


def delivered(sandbox: Sandbox) -> dict[str, str]:
    """{event id: event type} of the events the sandbox delivered (its log: a 200)."""
    settled(sandbox)
    return {e.event_id: e.event_type for e in sandbox.webhooks.log(limit=1000) if e.status == 200}


def test_the_example_receives_and_verifies_every_event_type(
    sandbox: Sandbox, handler: Handler
) -> None:
    sandbox.webhooks.add(handler.url, ACCOUNT)
    with WixSites(KEY, ACCOUNT, BASE_URL, transport=sandbox.transport(), rate_limit=None) as wix:
        source = wix.sites.query(filter={"state": "ACTIVE"}).first()
        assert source is not None
        folder = wix.folders.create("Clients")
        wix.folders.rename(folder, "Clients 2026")
        site = wix.sites.duplicate(source, "Spring launch")
        assert wix.sites.move([site], folder).moved == [site]
        wix.sites.publish(site)
        assert wix.sites.trash([site]).moved == [site]
        wix.folders.delete(folder)

    sent = delivered(sandbox)
    handler.wait_for(set(sent))
    handler.stop()
    lines = handler.lines()
    assert sorted(line[3] for line in lines) == sorted(sent)  # each event handled once
    assert {line[3]: line[0] for line in lines} == sent
    named = {(line[0], line[1], line[2]) for line in lines}
    assert named >= {
        (EVENT_TYPE["folder.created"], folder.id, "Clients"),
        (EVENT_TYPE["folder.updated"], folder.id, "Clients 2026"),
        (EVENT_TYPE["site.created"], site, "Spring launch"),
        (EVENT_TYPE["sites.moved"], folder.id, "1 sites"),
        (EVENT_TYPE["site.updated"], site, "Spring launch"),
        (EVENT_TYPE["site.deleted"], site, ""),
        (EVENT_TYPE["folder.deleted"], folder.id, ""),
    }
    assert {line[0] for line in lines} == set(EVENT_TYPE.values())


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _signed_hs256(claims: dict[str, Any], secret: bytes) -> str:
    """A token an attacker makes by hand: HS256 with the public key's PEM as the secret (PyJWT
    refuses to make one)."""
    head = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = _b64(json.dumps(claims).encode())
    mac = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(mac)}"


def _with_event_id(claims: dict[str, Any], event_id: str) -> dict[str, Any]:
    envelope = json.loads(claims["data"])
    envelope["data"] = json.dumps({**json.loads(envelope["data"]), "id": event_id})
    return {**claims, "data": json.dumps(envelope)}


def test_forged_resigned_and_unsigned_tokens_get_401_and_a_redelivery_is_handled_once(
    sandbox: Sandbox, handler: Handler
) -> None:
    with Receiver() as copy:  # a second endpoint, to keep the bytes the sandbox sent
        sandbox.webhooks.add(handler.url, ACCOUNT)
        sandbox.webhooks.add(copy.url, ACCOUNT)
        with WixSites(
            KEY, ACCOUNT, BASE_URL, transport=sandbox.transport(), rate_limit=None
        ) as wix:
            folder = wix.folders.create("Clients")
        [(event_id, _)] = set(delivered(sandbox).items())
        [sent] = copy.wait_for(1)
    handler.wait_for({event_id})
    token = sent.body.decode("ascii")
    header = jwt.get_unverified_header(token)
    # each forgery claims a new event: had the handler taken one, it would have printed it
    claims = _with_event_id(jwt.decode(token, options={"verify_signature": False}), "forged")
    head, _, signature = token.split(".")
    other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = sandbox.webhooks.public_key().encode("ascii")
    forgeries = {
        "claims changed, signature kept": f"{head}.{_b64(json.dumps(claims).encode())}.{signature}",
        "re-signed with another key": jwt.encode(claims, other_key, "RS256", headers=header),
        "alg: none": jwt.encode(claims, "", algorithm="none"),
        "HS256 keyed with the public key": _signed_hs256(claims, public_pem),
    }
    with httpx.Client(timeout=DEADLINE) as http:
        answers = {name: http.post(handler.url, content=t) for name, t in forgeries.items()}
        assert {name: a.status_code for name, a in answers.items()} == dict.fromkeys(forgeries, 401)
        assert "RS256" in answers["alg: none"].text
        # signed with the sandbox's own key, but not an event: a clear 400 naming what is wrong
        not_an_event = keys.signer(sandbox.store).sign({"data": json.dumps({"eventType": 7})})
        refused = http.post(handler.url, content=not_an_event)
        assert refused.status_code == 400
        assert "eventType" in refused.text
        too_large = http.post(handler.url, content=b"x" * (2 << 20))
        assert (too_large.status_code, too_large.text) == (413, "too large for a Wix event\n")
        # the sandbox's own delivery, once more (Wix delivers at least once): acknowledged
        again = http.post(handler.url, content=token)
        assert (again.status_code, again.text) == (200, "already handled\n")
    handler.stop()
    assert handler.lines() == [
        (EVENT_TYPE["folder.created"], folder.id, "Clients", event_id),
    ]


def test_the_handler_says_how_to_give_it_the_key() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIXSITES_WEBHOOK_PUBLIC_KEY")}
    result = subprocess.run(
        [sys.executable, "-c", "import examples.webhook_handler"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
        check=False,
    )
    assert result.returncode == 1
    assert "WIXSITES_WEBHOOK_PUBLIC_KEY_FILE" in result.stderr
    assert "wixsites sandbox webhooks public-key" in result.stderr
    assert "Traceback" not in result.stderr
